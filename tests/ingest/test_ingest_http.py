"""Ingest over HTTP from a local server: pages, feeds with their item pages, and every fault."""

from __future__ import annotations

import gzip
import re

import pytest
from ingest_helpers import (
    FAULTS,
    NBC_LINK,
    NYT_LINK,
    REPORTERRE_LINK,
    LocalServer,
    add_fault_routes,
    gold_page_path,
    gold_pages,
    latin1_without_charset,
    sha256,
    web_bytes,
)

from pipeline.config import Settings
from pipeline.ids import canonical_url, make_doc_id
from pipeline.ingest import Fetcher, Source, ingest_sources

GOLD = {gold["page"]: gold for gold in gold_pages()}
HERALD = GOLD["pages/en/herald-sun-1.html"]
LIBERATION = GOLD["pages/fr/liberation-1.html"]


def errors_of(batch) -> list[tuple[str, str]]:
    return [(e.stage, e.error) for e in batch.errors]


def run(sources, settings: Settings, fetcher: Fetcher, **options):
    return ingest_sources(sources, settings=settings, fetcher=fetcher, **options)


def bare_article_page(text: str) -> bytes:
    """A page with the article body only: no title, date, author, language or canonical."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.split("\n") if line.strip())
    return f"<html><body><article>\n{paragraphs}</article></body></html>".encode()


# -- pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("gold", gold_pages(), ids=lambda g: g["doc_id"])
def test_gold_pages_over_http_give_the_gold_text(gold: dict, server: LocalServer,
                                                 settings: Settings, fetcher: Fetcher) -> None:
    path = gold_page_path(gold)
    url = server.add(f"/{gold['page']}", path.read_bytes())

    batch = run([url], settings, fetcher)

    assert batch.errors == []
    [article] = batch.articles
    assert sha256(article.text) == gold["text_sha256"]
    assert (article.url, article.published) == (gold["url"], gold["published"])
    assert article.doc_id == make_doc_id(url=gold["url"])  # same id as from the file
    assert article.source == "127.0.0.1"


def test_latin1_page_without_charset_is_ingested_right(server: LocalServer, settings: Settings,
                                                       fetcher: Fetcher) -> None:
    body = latin1_without_charset(LIBERATION["page"])
    assert not re.search(rb"<meta[^>]*charset", body, re.IGNORECASE)
    assert b"Fran\xe7ais" in body  # ç as one Latin-1 byte
    url = server.add("/latin1.html", body, content_type="text/html")

    batch = run([url], settings, fetcher)

    assert batch.errors == []
    [article] = batch.articles
    assert sha256(article.text) == LIBERATION["text_sha256"]
    assert "Français" in article.text


def test_declared_charset_wins_when_the_bytes_agree(server: LocalServer, settings: Settings,
                                                   fetcher: Fetcher) -> None:
    body = latin1_without_charset(LIBERATION["page"])
    url = server.add("/declared.html", body, content_type="text/html; charset=ISO-8859-1")
    [article] = run([url], settings, fetcher).articles
    assert sha256(article.text) == LIBERATION["text_sha256"]


def test_gzip_response(server: LocalServer, settings: Settings, fetcher: Fetcher) -> None:
    body = gzip.compress(web_bytes(HERALD["page"]))
    url = server.add("/gz.html", body, headers={"Content-Encoding": "gzip"})
    [article] = run([url], settings, fetcher).articles
    assert sha256(article.text) == HERALD["text_sha256"]


def test_plain_text_url(server: LocalServer, settings: Settings, fetcher: Fetcher) -> None:
    text = "Première ligne\r\nDeuxième « ligne »\n"
    url = server.add("/note", text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    [article] = run([url], settings, fetcher).articles
    assert article.text == text


# -- feeds -------------------------------------------------------------------------------------


def test_feed_url_fetches_item_pages(server: LocalServer, settings: Settings,
                                     fetcher: Fetcher) -> None:
    server.add_page("/articles/herald.html", HERALD["page"])
    feed_url = server.add_feed("/nbc/rss.xml", "feeds/rss_2.0_nbcny.xml",
                               {NBC_LINK: "/articles/herald.html"})

    batch = run([feed_url], settings, fetcher)

    assert batch.errors == []
    [article] = batch.articles
    assert sha256(article.text) == HERALD["text_sha256"]
    assert article.source == "NBC New York"
    # The page's own metadata wins over the feed's.
    assert (article.url, article.published, article.title) == (
        HERALD["url"], HERALD["published"], HERALD["title"])
    assert server.hits["/articles/herald.html"] == 1


def test_feed_fills_what_the_page_lacks(server: LocalServer, settings: Settings,
                                        fetcher: Fetcher) -> None:
    server.add_feed("/reporterre/feed", "feeds/feed-dcdate.xml",
                    {REPORTERRE_LINK: "/reporterre/article"},
                    content_type="application/rss+xml")  # no suffix: sniffed as a feed
    page_text = ("Le 26 février, la Commission européenne a présenté un projet de directive "
                 "« Omnibus », un ensemble de nouvelles règles destinées à alléger les contraintes "
                 "administratives pesant sur les entreprises.\n") * 3
    server.add("/reporterre/article", bare_article_page(page_text))

    batch = run([server.url("/reporterre/feed")], settings, fetcher)

    assert batch.errors == []
    [article] = batch.articles
    assert article.title.startswith("Europe")  # the entry's title
    assert (article.published, article.lang) == ("2025-02-26", "fr")
    assert article.url == server.url("/reporterre/article")
    assert article.source.startswith("Reporterre")


def test_feed_with_full_content_does_not_fetch_links(server: LocalServer, settings: Settings,
                                                     fetcher: Fetcher) -> None:
    url = server.add_page("/verge.atom", "feeds/feed-atom-test.xml",
                          content_type="application/atom+xml")
    batch = run([url], settings, fetcher)
    assert batch.errors == []  # the item link (theverge.com) was never asked for
    [article] = batch.articles
    assert article.text.startswith("Google has been ordered to pay Sonos")
    assert fetcher.requests == 1


def test_one_bad_item_does_not_stop_its_feed_or_the_others(server: LocalServer,
                                                            settings: Settings,
                                                            fetcher: Fetcher) -> None:
    server.add_page("/ok.html", HERALD["page"])
    bad = server.add_feed("/nyt.xml", "feeds/feed-char-escape.xml", {NYT_LINK: "/gone.html"})
    good = server.add_feed("/nbc.xml", "feeds/rss_2.0_nbcny.xml", {NBC_LINK: "/ok.html"})

    batch = run([bad, good], settings, fetcher)

    assert errors_of(batch) == [("fetch", "HTTPError404")]
    assert batch.errors[0].locator == server.url("/gone.html")
    assert batch.errors[0].source == bad
    assert len(batch.articles) == 1


# -- faults ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_gives_one_error_row_and_the_rest_goes_on(
    fault: str, server: LocalServer, settings: Settings, fetcher: Fetcher
) -> None:
    routes = add_fault_routes(server)
    good_before = server.add_page("/before.html", HERALD["page"])
    good_after = server.add_page("/after.html", LIBERATION["page"])
    url, stage, error = routes[fault]

    batch = run([good_before, url, good_after], settings, fetcher)

    assert errors_of(batch) == [(stage, error)]
    assert batch.errors[0].locator == url and batch.errors[0].detail
    assert [sha256(a.text) for a in batch.articles] == [HERALD["text_sha256"],
                                                        LIBERATION["text_sha256"]]


def test_all_faults_in_one_run(server: LocalServer, settings: Settings,
                               fetcher: Fetcher) -> None:
    routes = add_fault_routes(server)
    good = server.add_page("/good.html", HERALD["page"])
    urls = [url for url, _, _ in routes.values()]

    batch = run([*urls[:7], good, *urls[7:]], settings, fetcher)

    assert len(batch.articles) == 1
    assert sorted(errors_of(batch)) == sorted((stage, error) for _, stage, error in
                                              routes.values())


def test_500_is_retried_then_given_up(server: LocalServer, settings: Settings,
                                      fetcher: Fetcher) -> None:
    url = server.add("/error.html", b"oops", status=500)
    batch = run([url], settings, fetcher)
    assert errors_of(batch) == [("fetch", "HTTPError500")]
    assert server.hits["/error.html"] == 1 + fetcher.policy.retries
    assert "3 attempt(s)" in batch.errors[0].detail


def test_refused_hosts_are_never_contacted(server: LocalServer, settings: Settings,
                                           fetcher: Fetcher) -> None:
    batch = run([f"http://localhost:{server.port}/x.html"], settings, fetcher)
    assert errors_of(batch) == [("fetch", "HostNotAllowed")]
    assert server.hits == {} and fetcher.requests == 0


def test_transient_503_then_success(server: LocalServer, settings: Settings,
                                    fetcher: Fetcher) -> None:
    page = web_bytes(HERALD["page"])
    calls = []

    def flaky(request) -> None:
        calls.append(1)
        status, body = (503, b"busy") if len(calls) == 1 else (200, page)
        request.send_response(status)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Retry-After", "0")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    url = server.add("/flaky.html", handler=flaky)
    batch = run([url], settings, fetcher)
    assert batch.errors == [] and len(batch.articles) == 1 and len(calls) == 2


# -- incremental hooks -------------------------------------------------------------------------


def test_conditional_get_second_run_fetches_nothing_new(server: LocalServer, settings: Settings,
                                                        fetcher: Fetcher) -> None:
    server.add_page("/articles/herald.html", HERALD["page"], etag=True)
    feed_url = server.add_feed("/nbc/rss.xml", "feeds/rss_2.0_nbcny.xml",
                               {NBC_LINK: "/articles/herald.html"}, etag=True)

    first = run([feed_url], settings, fetcher)
    assert len(first.articles) == 1 and first.errors == []
    assert set(first.validators) == {canonical_url(feed_url),
                                     canonical_url(server.url("/articles/herald.html"))}

    second = run([feed_url], settings, fetcher, validators=first.validators)

    assert second.articles == [] and second.errors == []
    assert second.not_modified == [feed_url]
    assert server.hits == {"/nbc/rss.xml": 2, "/articles/herald.html": 1}
    conditional = [h for path, h in server.request_headers if path == "/nbc/rss.xml"][1]
    assert conditional["If-None-Match"] == first.validators[canonical_url(feed_url)]["etag"]


def test_a_feed_with_errors_is_not_remembered(server: LocalServer, settings: Settings,
                                              fetcher: Fetcher) -> None:
    feed_url = server.add_feed("/nyt.xml", "feeds/feed-char-escape.xml", {NYT_LINK: "/gone"},
                               etag=True)
    batch = run([feed_url], settings, fetcher)
    assert errors_of(batch) == [("fetch", "HTTPError404")]
    assert batch.validators == {}  # next run reads the feed again and retries the item


def test_known_article_urls_are_not_fetched_again(server: LocalServer, settings: Settings,
                                                  fetcher: Fetcher) -> None:
    server.add_page("/articles/herald.html", HERALD["page"])
    feed_url = server.add_feed("/nbc/rss.xml", "feeds/rss_2.0_nbcny.xml",
                               {NBC_LINK: "/articles/herald.html?utm_source=rss"})
    known = {canonical_url(server.url("/articles/herald.html"))}

    batch = run([feed_url, server.url("/articles/herald.html")], settings, fetcher,
                known_urls=known)

    assert batch.articles == [] and batch.errors == []
    assert len(batch.skipped) == 2
    assert "/articles/herald.html" not in server.hits


def test_source_kind_feed_makes_html_a_fault(server: LocalServer, settings: Settings,
                                             fetcher: Fetcher) -> None:
    url = server.add_page("/front", HERALD["page"])
    batch = run([Source(url, kind="feed")], settings, fetcher)
    assert errors_of(batch) == [("parse", "FeedIsHtml")]
    assert len(run([url], settings, fetcher).articles) == 1  # as a page it is fine


def test_source_kind_page_overrides_a_feed_like_path(server: LocalServer, settings: Settings,
                                                    fetcher: Fetcher) -> None:
    url = server.add_page("/news/feed.xml", HERALD["page"])
    assert run([url], settings, fetcher).errors[0].error == "FeedIsHtml"
    batch = run([Source(url, kind="page")], settings, fetcher)
    assert batch.errors == [] and len(batch.articles) == 1


def test_unparsable_urls_are_error_rows(server: LocalServer, settings: Settings,
                                        fetcher: Fetcher, tmp_path) -> None:
    server.add("/bad-redirect", status=302, headers={"Location": "http://[broken/"})
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"text": "some text", "url": "http://[broken/x"}\n', encoding="utf-8")

    batch = run(["http://[broken/feed.xml", server.url("/bad-redirect"), str(jsonl)],
                settings, fetcher)

    assert errors_of(batch) == [("fetch", "BadURL"), ("fetch", "BadURL")]
    [article] = batch.articles
    assert article.doc_id == make_doc_id(text="some text")
