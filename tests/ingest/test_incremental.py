"""Incremental runs: duplicate rules, the sources file, the fetch state, and what extract owes.

Fast: no spaCy. Where a stage needs the extractor, a stand-in that finds «…» and “…” spans
takes its place, so these tests check the bookkeeping (which articles, which rows), not the
extraction, which tests/ingest/test_pipeline_http.py runs for real.
"""

from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path

import pytest
from ingest_helpers import LocalServer, add_news_site, gold_pages, sha256, web_bytes

import pipeline.incremental as incremental
from pipeline import PIPELINE_VERSION, stages
from pipeline.config import PROJECT_DIR, SAMPLE_PATH, Settings
from pipeline.ids import make_doc_id, quote_id, text_sha256
from pipeline.ingest import Source
from pipeline.ingest.dedup import (
    DUPLICATE,
    KNOWN,
    NEW,
    DuplicateIndex,
    folded_text_sha256,
    jaccard,
    mark_duplicates,
    shingles,
)
from pipeline.ingest.sources import (
    SourcesFileError,
    default_sources,
    load_sources_file,
    resolve_sources,
)
from pipeline.ingest.state import FetchState, state_location
from pipeline.records import Article, Extraction, Quote
from pipeline.store import warehouse
from pipeline.store.lake import Lake

DAY = "2025-03-01"
# A real article (the seed of the gold sets), about 600 words.
TEXT = json.loads(SAMPLE_PATH.read_text(encoding="utf-8").splitlines()[0])["text"]


def article(text: str, *, doc_id: str | None = None, title: str | None = None,
            url: str | None = None) -> Article:
    return Article(doc_id=doc_id or make_doc_id(url=url, text=text), source="test", text=text,
                   text_sha256=text_sha256(text), url=url, title=title)



# -- duplicate rules ---------------------------------------------------------------------------


def test_same_id_is_known_and_same_folded_text_is_a_copy() -> None:
    text = TEXT
    original = article(text, doc_id="a")
    respaced = article("  " + text.replace("\n", "\r\n\r\n").replace(" ", "  ") + "\n",
                       doc_id="b")
    again = article("another text entirely", doc_id="a")

    kept, known = mark_duplicates([original, respaced, again])

    assert [(a.doc_id, a.duplicate_of) for a in kept] == [("a", None), ("b", "a")]
    assert known == [again]


def test_same_title_and_nearly_the_same_text_is_a_copy() -> None:
    text = TEXT
    credit = text + "\nCet article est repris de l'AFP avec son autorisation."
    index = DuplicateIndex()
    first = article(text, doc_id="a", title="Sécheresse : des aides pour les agriculteurs")
    index.add(first)
    assert index.classify(article(credit, doc_id="b", title="SÉCHERESSE - des aides pour "
                                  "les agriculteurs !")).kind == DUPLICATE
    # The same near text under another title, or another story under the same title: new.
    assert index.classify(article(credit, doc_id="c", title="Autre titre")).kind == NEW
    other = "\n".join(reversed(TEXT.split("\n")))  # same words, paragraphs in another order
    assert index.classify(article(other, doc_id="d", title=first.title)).kind == NEW


def test_the_threshold_is_a_jaccard_of_word_5_shingles_of_0_9() -> None:
    words = [f"mot{n}" for n in range(200)]
    base = shingles(" ".join(words))
    # Each word changed (far from the others) changes 5 of the 196 shingles:
    # 1 -> 191/201 = 0.95, 2 -> 186/206 = 0.90, 3 -> 181/211 = 0.86.
    for changed, expected in ((1, True), (2, True), (3, False)):
        edited = list(words)
        for position in range(changed):
            edited[20 + position * 40] = "autre"
        similarity = jaccard(base, shingles(" ".join(edited)))
        assert (similarity >= 0.9) is expected, (changed, similarity)
        index = DuplicateIndex()
        index.add(article(" ".join(words), doc_id="a", title="Titre"))
        verdict = index.classify(article(" ".join(edited), doc_id="b", title="Titre"))
        assert (verdict.kind == DUPLICATE) is expected


def test_a_copy_points_to_the_first_original_even_through_a_copy() -> None:
    text = TEXT
    index = DuplicateIndex()
    index.add_stored("orig", folded_sha256=folded_text_sha256(text), title="T",
                     duplicate_of=None)
    index.add_stored("copy", folded_sha256=folded_text_sha256(text + " x"), title="T",
                     duplicate_of="orig")
    verdict = index.classify(article(text + "  x", doc_id="new"))
    assert (verdict.kind, verdict.first, verdict.rule) == (DUPLICATE, "orig", "text")
    assert index.classify(article("x", doc_id="copy")).kind == KNOWN


def test_stored_texts_are_read_only_for_articles_with_the_same_title() -> None:
    text = TEXT
    asked: list[list[str]] = []

    def load_texts(doc_ids):
        asked.append(sorted(doc_ids))
        return {"s1": text}

    index = DuplicateIndex(load_texts=load_texts)
    index.add_stored("s1", folded_sha256="x", title="Un titre", duplicate_of=None)
    index.add_stored("s2", folded_sha256="y", title="Un autre", duplicate_of=None)
    assert index.classify(article(text + " fin", doc_id="n1", title="Autre chose")).kind == NEW
    assert asked == []
    verdict = index.classify(article(text + " fin", doc_id="n2", title="un TITRE"))
    assert (verdict.kind, verdict.first, verdict.rule) == (DUPLICATE, "s1", "title+shingles")
    assert asked == [["s1"]]


# -- sources file ------------------------------------------------------------------------------


def test_the_example_sources_file_points_at_the_bundled_sample() -> None:
    [sample] = load_sources_file(PROJECT_DIR / "examples" / "sources.toml")
    assert (sample.name, sample.kind) == ("sample", "jsonl")
    assert Path(sample.location) == SAMPLE_PATH and "sample" in sample.tags


def test_commented_feed_examples_are_valid_entries() -> None:
    text = (PROJECT_DIR / "examples" / "sources.toml").read_text(encoding="utf-8")
    uncommented = re.sub(r"(?m)^# (\[\[sources\]\]|\w+ = )", r"\1", text)
    sources = load_sources_file_text(uncommented)
    kinds = {s.kind for s in sources}
    assert {"feed", "page", "folder", "jsonl"} <= kinds
    assert any(s.location.startswith("https://") and s.lang == "fr" for s in sources)


def load_sources_file_text(text: str, tmp: Path | None = None) -> list[Source]:
    import tempfile

    folder = Path(tmp or tempfile.mkdtemp())
    path = folder / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return load_sources_file(path)


@pytest.mark.parametrize(("entry", "message"), [
    ('name = "a"', "'location' must be a non-empty string"),
    ('location = "x"', "'name' must be a non-empty string"),
    ('name = "a"\nlocation = "x"\nkind = "podcast"', "kind must be one of"),
    ('name = "a"\nlocation = "x"\nlang = "french!"', "lang must be a language code"),
    ('name = "a"\nlocation = "x"\ntags = "fr"', "tags must be a list of strings"),
    ('name = "a"\nlocation = "x"\nurl = "y"', "unknown keys ['url']"),
])
def test_bad_entries_say_what_to_change(entry: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(SourcesFileError, match=re.escape(message)):
        load_sources_file_text(f"[[sources]]\n{entry}\n", tmp_path)


def test_duplicate_names_and_bad_toml_are_refused(tmp_path: Path) -> None:
    entry = '[[sources]]\nname = "a"\nlocation = "x"\n'
    with pytest.raises(SourcesFileError, match="two sources are named 'a'"):
        load_sources_file_text(entry + entry, tmp_path)
    with pytest.raises(SourcesFileError, match="not valid TOML"):
        load_sources_file_text("[[sources]\n", tmp_path)
    with pytest.raises(SourcesFileError, match="does not exist"):
        load_sources_file(tmp_path / "nope.toml")


def test_run_arguments_are_told_apart(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    sources_file = tmp_path / "sources.toml"
    sources_file.write_text(
        '[[sources]]\nname = "lemonde"\nlocation = "https://www.lemonde.fr/rss/une.xml"\n'
        'kind = "feed"\nlang = "fr"\ntags = ["fr"]\n\n'
        '[[sources]]\nname = "notes"\nlocation = "notes"\ntags = ["local"]\n',
        encoding="utf-8")
    settings = Settings(sources_file=str(sources_file))

    resolved = resolve_sources(["lemonde", "https://example.org/feed", str(tmp_path / "notes"),
                                str(sources_file), "missing.txt"], settings=settings)

    assert [(s.name, s.location, s.kind) for s in resolved] == [
        ("lemonde", "https://www.lemonde.fr/rss/une.xml", "feed"),
        (None, "https://example.org/feed", None),
        (None, str(tmp_path / "notes"), None),
        ("lemonde", "https://www.lemonde.fr/rss/une.xml", "feed"),
        ("notes", str(tmp_path / "notes"), None),  # relative to the sources file
        (None, "missing.txt", None),  # ingest turns it into a FileNotFound row
    ]
    assert [s.name for s in resolve_sources([], settings=settings)] == ["lemonde", "notes"]
    assert [s.name for s in resolve_sources([], settings=settings, tags=["local"])] == ["notes"]
    with pytest.raises(ValueError, match="no source of"):
        resolve_sources([], settings=settings, tags=["sport"])


def test_without_arguments_or_sources_file_the_sample_runs() -> None:
    assert resolve_sources([], settings=Settings()) == [Source(location=str(SAMPLE_PATH))]
    assert default_sources(Settings()) == [str(SAMPLE_PATH)]
    assert default_sources(Settings(sources_file="s.toml")) == ["s.toml"]


def test_cli_takes_a_sources_file_and_tags() -> None:
    from pipeline.cli import _parser

    args = _parser().parse_args(["run", "--sources-file", "s.toml", "--tag", "fr", "--tag", "en",
                                 "lemonde"])
    assert (args.sources_file, args.tags, args.sources) == ("s.toml", ["fr", "en"], ["lemonde"])


# -- fetch state -------------------------------------------------------------------------------


def test_fetch_state_round_trip_is_atomic_and_merges(tmp_path: Path) -> None:
    location = state_location(str(tmp_path / "lake"))
    state = FetchState.open(location)
    state.remember_validators({"http://a/feed": {"etag": '"1"', "last_modified": ""}})
    state.remember_fetched({"http://a/page": "u1"})
    state.remember_fingerprints({"u1": "f1"})
    # Another run saves meanwhile: its entries are kept.
    other = FetchState.open(location)
    other.remember_fetched({"http://b/page": "u2"})
    other.save()
    state.save()

    again = FetchState.open(location)
    assert again.validators_for() == {"http://a/feed": {"etag": '"1"'}}
    assert again.fetched == {"http://a/page": "u1", "http://b/page": "u2"}
    assert again.fingerprints == {"u1": "f1"}
    files = sorted(p.name for p in (tmp_path / "lake" / "_state").iterdir())
    assert files == ["fetched_urls.json", "http_validators.json", "text_fingerprints.parquet"]
    assert again.save() == []  # nothing changed, nothing written


def test_an_unreadable_state_file_only_costs_a_refetch(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    (folder / "http_validators.json").write_text("{not json", encoding="utf-8")
    state = FetchState.open(str(folder))
    assert state.validators == {}


# -- the ingest stage over HTTP ----------------------------------------------------------------


@pytest.fixture
def site(server: LocalServer):
    return add_news_site(server)


@pytest.fixture
def site_settings(site, settings: Settings, tmp_path: Path) -> Settings:
    sources = tmp_path / "sources.toml"
    sources.write_text(site.sources_toml(), encoding="utf-8")
    return settings.with_(lake=str(tmp_path / "lake"), warehouse=str(tmp_path / "wh.duckdb"),
                          duckdb_extension_dir=str(tmp_path / "ext"), sources_file=str(sources),
                          http_retries=2, http_backoff=0.01, http_backoff_max=0.05,
                          http_host_delay=0.0, http_total_timeout=5.0)


def lake_rows(settings: Settings, table: str) -> list[dict]:
    return Lake(settings.lake).read(table).to_pylist()


def test_second_ingest_fetches_nothing_new(site, site_settings: Settings,
                                           server: LocalServer) -> None:
    first = stages.ingest([], settings=site_settings, ingest_day=DAY, run_key="r1")
    assert (first["articles"], first["duplicates"], first["errors"]) == (15, 2, 15)

    start = server.requests
    second = stages.ingest([], settings=site_settings, ingest_day=DAY, run_key="r2")

    assert (second["articles"], second["not_modified"], second["errors"]) == (0, 6, 15)
    asked = server.log_since(start)
    good = [(path, status) for path, status in asked if path.split("?")[0] in site.good_paths]
    # Every feed answered 304 to its conditional GET; no article page was asked again.
    assert sorted(good) == sorted((p, 304) for p in site.good_paths if p.startswith("/feeds/"))
    assert len(lake_rows(site_settings, "articles")) == 15


def test_validators_are_saved_only_after_the_articles(site, site_settings: Settings,
                                                      monkeypatch) -> None:
    real_write = Lake.write

    def failing_write(self, table, rows, **kwargs):
        if table == "articles":
            raise OSError("disk full")
        return real_write(self, table, rows, **kwargs)

    monkeypatch.setattr(Lake, "write", failing_write)
    with pytest.raises(OSError):
        stages.ingest([], settings=site_settings, ingest_day=DAY, run_key="r1")
    state = FetchState.open(state_location(site_settings.lake))
    assert state.validators == {} and state.fetched == {}

    monkeypatch.setattr(Lake, "write", real_write)
    summary = stages.ingest([], settings=site_settings, ingest_day=DAY, run_key="r2")
    assert (summary["articles"], summary["not_modified"]) == (15, 0)


def test_running_a_run_key_again_keeps_its_articles(site, site_settings: Settings) -> None:
    stages.ingest([], settings=site_settings, ingest_day=DAY, run_key="r1")
    before = sorted(r["doc_id"] for r in lake_rows(site_settings, "articles"))
    again = stages.ingest([], settings=site_settings, ingest_day=DAY, run_key="r1")
    assert again["articles"] == 0  # all known, feeds not modified...
    after = Lake(site_settings.lake).read("articles", ingest_day=DAY, run_key="r1")
    assert sorted(after.column("doc_id").to_pylist()) == before  # ...and none lost


def test_copies_of_stored_articles_point_to_them(server: LocalServer, site_settings: Settings,
                                                 site) -> None:
    originals = [server.url("/pages/seisme-nepal.html"), server.url("/pages/mugabe.html")]
    copies = [server.url("/mirror/seisme-au-nepal.html"), server.url("/wire/mugabe.txt")]
    stages.ingest(originals, settings=site_settings, ingest_day=DAY, run_key="r1")
    summary = stages.ingest(copies, settings=site_settings, ingest_day="2025-03-02",
                            run_key="r2")
    assert (summary["articles"], summary["duplicates"]) == (2, 2)
    rows = {r["url"]: r for r in lake_rows(site_settings, "articles")}
    gold = {g["page"]: g for g in gold_pages()}
    liberation = make_doc_id(url=gold["pages/fr/liberation-1.html"]["url"])
    telegraph = make_doc_id(url=gold["pages/en/telegraph.html"]["url"])
    assert rows[copies[0]]["duplicate_of"] == liberation
    assert rows[copies[1]]["duplicate_of"] == telegraph


def test_a_tracking_parameter_does_not_make_a_new_article(server: LocalServer,
                                                          site_settings: Settings,
                                                          site) -> None:
    page = server.url("/mirror/seisme-au-nepal.html")
    stages.ingest([page], settings=site_settings, ingest_day=DAY, run_key="r1")
    start = server.requests
    summary = stages.ingest([page + "?utm_source=twitter&utm_medium=social#top"],
                            settings=site_settings, ingest_day=DAY, run_key="r2")
    assert (summary["articles"], summary["already_ingested"]) == (0, 1)
    assert server.log_since(start) == []


# -- the extract stage: what the lake still owes -----------------------------------------------


class StandInExtractor:
    """Finds «…» and “…” spans: enough to give every article rows that the checks accept."""

    calls: list[list[str]] = []

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def extract_batch(self, articles: list[Article]) -> list[Extraction]:
        type(self).calls.append([a.doc_id for a in articles])
        results = []
        for a in articles:
            quotes = [Quote(quote_id=quote_id(a.doc_id, m.start(1), m.end(1)), doc_id=a.doc_id,
                            kind="direct", content=m.group(1), content_start=m.start(1),
                            content_end=m.end(1), lang="fr")
                      for m in re.finditer(r"[«“]\s*([^»”]+?)\s*[»”]", a.text)]
            results.append(Extraction(doc_id=a.doc_id, lang="fr", quotes=quotes))
        return results


@pytest.fixture
def stand_in(monkeypatch):
    module = types.ModuleType("pipeline.nlp.extract")
    module.Extractor = StandInExtractor
    monkeypatch.setitem(sys.modules, "pipeline.nlp.extract", module)
    StandInExtractor.calls = []
    return StandInExtractor


@pytest.fixture
def files_settings(tmp_path: Path) -> Settings:
    return Settings(lake=str(tmp_path / "lake"), warehouse=str(tmp_path / "wh.duckdb"),
                    duckdb_extension_dir=str(tmp_path / "ext"))


def sample_subset(tmp_path: Path, count: int) -> str:
    path = tmp_path / "subset.jsonl"
    lines = SAMPLE_PATH.read_text(encoding="utf-8").splitlines()[:count]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def warehouse_counts(settings: Settings) -> dict[str, int]:
    return {t: warehouse.query(settings, f"select count(*) from {t}")[1][0][0]
            for t in ("articles", "quotes")}


def test_articles_ingested_but_never_extracted_are_extracted_next_time(
        stand_in, files_settings: Settings, tmp_path: Path) -> None:
    sources = [sample_subset(tmp_path, 4)]
    # A run killed between ingest and extract:
    stages.ingest(sources, settings=files_settings, ingest_day=DAY, run_key="killed")
    # The next run finds nothing new to ingest, and extracts what the killed one left.
    assert stages.ingest(sources, settings=files_settings, ingest_day=DAY,
                         run_key="next")["articles"] == 0
    summary = stages.extract(settings=files_settings, ingest_day=DAY, run_key="next")
    assert (summary["articles"], summary["recovered"]) == (4, 4)
    # Once extracted, they are not taken again.
    assert stages.extract(settings=files_settings, ingest_day=DAY,
                          run_key="later")["articles"] == 0


def test_reextract_takes_the_articles_of_an_older_pipeline_version(
        stand_in, files_settings: Settings, tmp_path: Path) -> None:
    import pipeline.store.lake as lake_module

    sources = [sample_subset(tmp_path, 3)]
    with pytest.MonkeyPatch.context() as older:
        older.setattr(lake_module, "PIPELINE_VERSION", "0.0.9")
        older.setattr(incremental, "PIPELINE_VERSION", "0.0.9")
        stages.ingest(sources, settings=files_settings, ingest_day="2025-02-01", run_key="old")
        stages.extract(settings=files_settings, ingest_day="2025-02-01", run_key="old")
        stages.publish(settings=files_settings)
    before = warehouse_counts(files_settings)
    stand_in.calls = []

    plain = stages.extract(settings=files_settings, ingest_day=DAY, run_key="new")
    assert plain["articles"] == 0 and stand_in.calls == []
    summary = stages.extract(settings=files_settings, ingest_day=DAY, run_key="new2",
                             reextract=True)
    assert (summary["articles"], summary["reextracted"]) == (3, 3)
    stages.publish(settings=files_settings)

    assert warehouse_counts(files_settings) == before  # replaced, not added
    _, versions = warehouse.query(files_settings, "select distinct pipeline_version from quotes")
    assert versions == [(PIPELINE_VERSION,)]
    # Nothing was fetched or ingested again, and a second reextract has nothing left to do.
    assert len(lake_rows(files_settings, "articles")) == 3
    assert stages.extract(settings=files_settings, ingest_day=DAY, run_key="new3",
                          reextract=True)["articles"] == 0


def test_duplicates_are_never_extracted(stand_in, files_settings: Settings,
                                        tmp_path: Path) -> None:
    record = json.loads(SAMPLE_PATH.read_text(encoding="utf-8").splitlines()[1])
    copy = {**record, "doc_id": "syndicated-copy", "text": record["text"].replace("\n", "\n\n")}
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(copy) + "\n", encoding="utf-8")
    stages.ingest([str(path)], settings=files_settings, ingest_day=DAY, run_key="r1")
    summary = stages.extract(settings=files_settings, ingest_day=DAY, run_key="r1",
                             reextract=True)
    assert (summary["articles"], summary["skipped_duplicates"]) == (1, 1)
    assert stand_in.calls == [[record["doc_id"]]]


def test_gold_page_text_hashes_are_in_the_fixture_notes() -> None:
    # The site serves pages copied here with their notes; their gold texts are in the sample.
    sample = {json.loads(line)["doc_id"]: json.loads(line)
              for line in SAMPLE_PATH.read_text(encoding="utf-8").splitlines()}
    for gold in gold_pages():
        assert web_bytes(gold["page"])
        assert sha256(sample[gold["doc_id"]]["text"]) == gold["text_sha256"]
