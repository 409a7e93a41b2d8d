"""Ingest from local files and folders: .txt, .html, .jsonl, feeds, and their faults."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import trafilatura
from ingest_helpers import (
    DESIGN_SETTINGS,
    SHARED,
    WEB,
    gold_page_path,
    gold_pages,
    png_bytes,
    sha256,
    web_bytes,
)

from pipeline.config import Settings
from pipeline.ids import make_doc_id, text_sha256
from pipeline.ingest import HTML_OPTIONS, IngestOptions, Source, ingest_sources

FRENCH = (
    "Le ministre a déclaré mardi que « la réforme sera votée », selon l’AFP.\r\n"
    "\r\n"
    "Il a ajouté qu'il n'y avait « pas d'autre choix ».\r\n"
    "Dernière ligne sans fin de ligne\rligne après un CR seul"
)


def errors_of(batch) -> list[tuple[str, str]]:
    return [(e.stage, e.error) for e in batch.errors]


def test_design_settings_are_the_ones_used() -> None:
    assert HTML_OPTIONS == DESIGN_SETTINGS


def test_txt_is_kept_verbatim_with_bom_and_crlf(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))

    batch = ingest_sources([str(path)], settings=settings)

    assert batch.errors == []
    [article] = batch.articles
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert article.text == handle.read()
    assert article.text == FRENCH  # BOM gone, \r\n and the lone \r kept
    assert article.doc_id == make_doc_id(text=FRENCH)
    assert article.text_sha256 == text_sha256(FRENCH)
    assert article.title is None and article.url is None
    assert article.source == str(path)


def test_source_name_and_language_hint(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "article.txt"
    path.write_text(FRENCH, encoding="utf-8", newline="")

    named = ingest_sources([str(path)], settings=settings, source_name="desk")
    hinted = ingest_sources([Source(str(path), name="wire", lang="fr-FR")], settings=settings)

    assert named.articles[0].source == "desk"
    assert (hinted.articles[0].source, hinted.articles[0].lang) == ("wire", "fr")


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "EmptyBody"),
        (b" \r\n\t\n", "EmptyBody"),
        ("Café crème".encode("cp1252"), "BadEncoding"),
        (png_bytes(), "BinaryContent"),
    ],
)
def test_bad_txt_gives_an_error_row(tmp_path: Path, settings: Settings, content: bytes,
                                    error: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(FRENCH, encoding="utf-8", newline="")

    batch = ingest_sources([str(bad), str(good)], settings=settings)

    assert errors_of(batch) == [("parse", error)]
    assert batch.errors[0].locator == str(bad)
    assert [a.text for a in batch.articles] == [FRENCH]


@pytest.mark.parametrize("gold", gold_pages(), ids=lambda g: g["doc_id"])
def test_html_file_gives_the_gold_text(gold: dict, settings: Settings) -> None:
    path = gold_page_path(gold)
    batch = ingest_sources([str(path)], settings=settings)

    assert batch.errors == []
    [article] = batch.articles
    expected = trafilatura.extract(path.read_bytes(), **DESIGN_SETTINGS)
    assert article.text == expected
    assert sha256(article.text) == gold["text_sha256"]
    assert len(article.text) == gold["chars"]
    assert article.url == gold["url"]  # rel=canonical first, as the gold sets did
    assert article.published == gold["published"]
    assert article.doc_id == make_doc_id(url=gold["url"])


def test_html_metadata_title_without_site_suffix(settings: Settings) -> None:
    batch = ingest_sources([str(WEB / "pages/fr/bondyblog.fr.paris-8.html")], settings=settings)
    [article] = batch.articles
    assert article.title is not None and not article.title.endswith("Bondy Blog")
    assert article.author == "Kab Niang"


def test_jsonl_records_keep_their_text_and_ids(tmp_path: Path, settings: Settings) -> None:
    records = [
        {"doc_id": "a1", "lang": "fr", "published": "2025-02-12", "title": "Titre",
         "url": "https://example.org/a1?utm_source=x", "text": FRENCH, "source": "wire",
         "author": "A. Author"},
        {"doc_id": "a2", "lang": "en", "published": None, "title": None, "url": None,
         "text": "Line one\u2028still one line in JSONL\r\nnext\u00a0line \u201cquoted\u201d"},
    ]
    lines = [json.dumps(records[0], ensure_ascii=False), "", json.dumps(records[1]),
             "{not json", "[1, 2]", json.dumps({"doc_id": "a3"}),
             json.dumps({"doc_id": "a4", "text": "   "})]
    path = tmp_path / "articles.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))

    batch = ingest_sources([str(path)], settings=settings)

    assert [(a.doc_id, a.text) for a in batch.articles] == [("a1", FRENCH),
                                                           ("a2", records[1]["text"])]
    first = batch.articles[0]
    assert (first.lang, first.published, first.title, first.url, first.source, first.author) == (
        "fr", "2025-02-12", "Titre", "https://example.org/a1?utm_source=x", "wire", "A. Author")
    assert errors_of(batch) == [("parse", "BadJsonLine")] * 3 + [("parse", "EmptyBody")]
    assert [e.locator for e in batch.errors] == [f"{path}:{n}" for n in (4, 5, 6, 7)]


def test_jsonl_of_a_gold_set_is_read_exactly(settings: Settings) -> None:
    path = SHARED / "eval" / "fr-news-dev" / "articles.jsonl"
    if not path.exists():
        pytest.skip("../shared is absent")
    batch = ingest_sources([str(path)], settings=settings)
    with path.open(encoding="utf-8") as lines:
        gold = [json.loads(line) for line in lines]
    assert batch.errors == []
    assert [(a.doc_id, a.text, a.lang, a.published) for a in batch.articles] == [
        (g["doc_id"], g["text"], g["lang"], g["published"]) for g in gold]


def test_folder_is_walked_sorted_by_suffix(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a" / "2.txt").write_text("second text", encoding="utf-8")
    (tmp_path / "a" / "1.html").write_bytes(web_bytes("pages/en/herald-sun-1.html"))
    (tmp_path / "b" / "feed.xml").write_bytes(web_bytes("feeds/feed-atom-test.xml"))
    (tmp_path / "b" / "n.jsonl").write_text(json.dumps({"doc_id": "j", "text": "jsonl"}) + "\n")
    (tmp_path / "README.md").write_text("not an input")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden")
    (tmp_path / "0.TXT").write_text("upper-case suffix", encoding="utf-8")

    batch = ingest_sources([str(tmp_path)], settings=settings)

    assert batch.errors == []
    assert [a.text[:12] for a in batch.articles] == [
        "upper-case s",
        batch.articles[1].text[:12],
        "second text",
        batch.articles[3].text[:12],
        "jsonl",
    ]
    assert batch.articles[1].url.startswith("http://www.heraldsun.com.au/")
    assert batch.articles[3].source == "The Verge -  All Posts"


def test_feed_file_with_full_content(settings: Settings) -> None:
    batch = ingest_sources([str(WEB / "feeds/feed-atom-test.xml")], settings=settings)

    assert batch.errors == []
    [article] = batch.articles
    assert article.text.startswith("Google has been ordered to pay Sonos $32.5 million")
    assert (article.title, article.author, article.published, article.lang) == (
        "Sonos wins $32.5 million patent infringement victory over Google", "Chris Welch",
        "2023-05-26", "en")
    assert article.url == ("https://www.theverge.com/2023/5/26/23739273/"
                           "google-sonos-smart-speaker-patent-lawsuit-ruling")
    assert article.doc_id == make_doc_id(url=article.url)


def test_feed_file_entries_without_full_text_fetch_their_link(settings: Settings) -> None:
    # The item link is the publisher's: with the allow-list it is refused before connecting.
    batch = ingest_sources([str(WEB / "feeds/rss_2.0_nbcny.xml")], settings=settings)
    assert batch.articles == []
    assert errors_of(batch) == [("fetch", "HostNotAllowed")]
    assert batch.errors[0].locator.startswith("https://www.nbcnewyork.com/")


def test_faulty_files(tmp_path: Path, settings: Settings) -> None:
    feed = web_bytes("feeds/rss_2.0_nbcny.xml")
    (tmp_path / "truncated.xml").write_bytes(feed[: len(feed) // 2])
    (tmp_path / "page-as-feed.rss").write_bytes(web_bytes("pages/en/herald-sun-1.html"))
    (tmp_path / "image.html").write_bytes(png_bytes())
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "nav.html").write_bytes(
        b"<!DOCTYPE html><html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
        b" <a href='/about'>About</a></nav><footer>(c) 2024</footer></body></html>")
    (tmp_path / "sitemap.xml").write_bytes(
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://example.org/</loc></url></urlset>")
    (tmp_path / "ok.txt").write_text("good text", encoding="utf-8")

    batch = ingest_sources(
        [str(tmp_path), str(tmp_path / "missing.txt"), "ftp://example.org/feed.xml"],
        settings=settings,
    )

    assert [a.text for a in batch.articles] == ["good text"]
    assert {(Path(e.locator).name, e.stage, e.error) for e in batch.errors} == {
        ("empty.html", "parse", "EmptyBody"),
        ("image.html", "parse", "BinaryContent"),
        ("nav.html", "parse", "NoArticleText"),
        ("page-as-feed.rss", "parse", "FeedIsHtml"),
        ("sitemap.xml", "parse", "NotAFeed"),
        ("truncated.xml", "parse", "MalformedFeed"),
        ("missing.txt", "fetch", "FileNotFound"),
        ("feed.xml", "fetch", "UnsupportedScheme"),
    }


def test_file_over_the_cap(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(web_bytes("pages/en/herald-sun-1.html"))
    batch = ingest_sources([str(path)], settings=settings,
                           options=IngestOptions(max_file_bytes=10_000))
    assert errors_of(batch) == [("fetch", "TooLarge")]


def test_malformed_feed_with_recovered_entries_keeps_them(tmp_path: Path,
                                                          settings: Settings) -> None:
    # A bare ampersand, the commonest fault of real feeds.
    feed = web_bytes("feeds/feed-atom-test.xml").replace(b"The Verge -", b"The Verge & -", 1)
    path = tmp_path / "broken.atom"
    path.write_bytes(feed)
    batch = ingest_sources([str(path)], settings=settings)
    assert errors_of(batch) == [("parse", "MalformedFeed")]
    assert "recovered" in batch.errors[0].detail
    assert len(batch.articles) == 1


def test_duplicates_in_one_batch_are_marked(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8", newline="")
    (tmp_path / "b.txt").write_text(FRENCH, encoding="utf-8", newline="")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"doc_id": "x", "text": FRENCH}) + "\n"
        + json.dumps({"doc_id": "y", "text": "other"}) + "\n"
        + json.dumps({"doc_id": "y", "text": "other, edited"}) + "\n",
        encoding="utf-8",
    )
    batch = ingest_sources([str(tmp_path)], settings=settings)

    first = make_doc_id(text=FRENCH)
    # The same id twice is one article (stored once, the first text kept); the same text
    # under another id is a copy, stored with `duplicate_of`.
    assert [(a.doc_id, a.duplicate_of) for a in batch.articles] == [
        (first, None), ("x", first), ("y", None)]
    assert batch.known == [first, "y"]
    assert [a.text for a in batch.articles][-1] == "other"
    assert batch.summary()["duplicates"] == 1


def test_errors_are_logged_and_progress_counted(tmp_path: Path, settings: Settings,
                                                caplog: pytest.LogCaptureFixture) -> None:
    for number in range(5):
        (tmp_path / f"{number}.txt").write_text(f"text {number}", encoding="utf-8")
    caplog.set_level(logging.INFO, logger="pipeline.ingest")

    batch = ingest_sources([str(tmp_path), str(tmp_path / "nope.txt")], settings=settings,
                           options=IngestOptions(progress_every=2))

    assert len(batch.articles) == 5
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "FileNotFound" in warnings[0].getMessage()
    progress = [r.getMessage() for r in caplog.records if "progress" in r.getMessage()]
    assert len(progress) == 3  # after items 2, 4 and 6
