"""The whole pipeline over HTTP: real feeds and pages from 127.0.0.1, every fault, run twice,
killed and started again; and the gold pages giving the gold texts and the JSONL's quotes.

One local server serves the site of `ingest_helpers.add_news_site` for the whole module: five
real feeds (links rewritten to the server) whose items are gold pages, a feed carrying its full
text, the other gold pages (one re-encoded as Latin-1 without any charset), two syndicated
copies and the fifteen faults. Settings allow only 127.0.0.1, with small timeouts and backoff.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from ingest_helpers import LocalServer, add_news_site

from pipeline import stages
from pipeline.config import SAMPLE_PATH, Settings
from pipeline.store import warehouse

pytestmark = pytest.mark.slow

DAY = "2025-03-01"
HTTP_SETTINGS = {
    "allowed_hosts": ("127.0.0.1",), "http_timeout_connect": 1.0, "http_timeout_read": 0.3,
    "http_total_timeout": 5.0, "http_max_bytes": 1_000_000, "http_retries": 2,
    "http_backoff": 0.01, "http_backoff_max": 0.05, "http_host_delay": 0.0,
}
# What must come out the same, table by table (ids, offsets, names; not run keys or times).
SNAPSHOT = {
    "articles": "select doc_id, source, url, title, published, lang, text_sha256, duplicate_of, "
                "quote_count from articles",
    "quotes": "select quote_id, doc_id, kind, content_start, content_end, cue_start, cue_end, "
              "speaker_start, speaker_end, speaker_id, speaker_name, confidence from quotes",
    "mentions": 'select mention_id, doc_id, speaker_id, "start", "end", kind from mentions',
    "speakers": "select speaker_id, name, type, quote_count, article_count from speakers",
    "events": "select event_id, quote_id, event_type, cast(event_date as varchar) from events",
    "stances": "select stance_id, quote_id, target, polarity, score from stances",
    "ingest_errors": "select source, locator, stage, error from ingest_errors",
}


def snapshot(settings: Settings) -> dict[str, list[tuple]]:
    return {table: sorted(warehouse.query(settings, sql)[1], key=repr)
            for table, sql in SNAPSHOT.items()}


def count(settings: Settings, table: str) -> int:
    return warehouse.query(settings, f"select count(*) from {table}")[1][0][0]


def run_stages(settings: Settings, run_key: str) -> dict:
    ingested = stages.ingest([], settings=settings, ingest_day=DAY, run_key=run_key)
    extracted = stages.extract(settings=settings, ingest_day=DAY, run_key=run_key)
    stages.publish(settings=settings)
    return {"ingest": ingested, "extract": extracted}


@pytest.fixture(scope="module", autouse=True)
def extraction_available() -> None:
    # The extraction is built in pipeline/nlp by another part of the project.
    pytest.importorskip("pipeline.nlp.extract", reason="pipeline.nlp.extract has not landed")


@pytest.fixture(scope="module")
def web() -> Iterator[LocalServer]:
    local = LocalServer()
    local.start()
    try:
        yield local
    finally:
        local.stop()


@pytest.fixture(scope="module")
def site(web: LocalServer):
    return add_news_site(web)


@pytest.fixture(scope="module")
def sources_file(site, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("site") / "sources.toml"
    path.write_text(site.sources_toml(), encoding="utf-8")
    return path


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def first_run(web: LocalServer, sources_file: Path, tmp_path_factory):
    """The uninterrupted run, in this process: settings, summaries, rows, warnings."""
    root = tmp_path_factory.mktemp("uninterrupted")
    settings = Settings(lake=str(root / "lake"), warehouse=str(root / "wh.duckdb"),
                        duckdb_extension_dir=str(root / "ext"), sources_file=str(sources_file),
                        **HTTP_SETTINGS)
    warnings = _Warnings()
    logger = logging.getLogger("pipeline.ingest")
    logger.addHandler(warnings)
    start = web.requests
    try:
        summary = run_stages(settings, "first")
    finally:
        logger.removeHandler(warnings)
    return {"settings": settings, "summary": summary, "rows": snapshot(settings),
            "warnings": warnings.messages, "requests": web.requests - start}


def articles_by_source(settings: Settings) -> dict[str, dict]:
    columns, rows = warehouse.query(settings, "select * from articles")
    return {row["source"]: row for row in (dict(zip(columns, r, strict=True)) for r in rows)}


# -- one run ------------------------------------------------------------------------------------


def test_every_good_article_is_in_the_warehouse_with_its_quotes(first_run, site) -> None:
    settings = first_run["settings"]
    articles = articles_by_source(settings)
    _, per_doc = warehouse.query(settings, "select doc_id, count(*) from quotes group by doc_id")
    quotes = dict(per_doc)

    for name, gold in site.gold.items():  # the twelve gold pages, five of them through feeds
        row = articles[name]
        assert row["text_sha256"] == gold["text_sha256"], name
        assert (row["url"], row["published"]) == (gold["url"], gold["published"]), name
        assert row["duplicate_of"] is None
        assert row["quote_count"] == quotes.get(row["doc_id"], 0) > 0, name
    for name, start in site.full_text_feeds.items():
        assert articles[name]["text"].startswith(start)
        assert articles[name]["quote_count"] is not None  # extracted (it has no quotation)
    for name, (original, _rule) in site.copies.items():
        assert articles[name]["duplicate_of"] == articles[original]["doc_id"]
        assert articles[name]["quote_count"] is None  # not extracted twice
        assert articles[name]["doc_id"] not in quotes

    expected = len(site.gold) + len(site.full_text_feeds) + len(site.copies)
    assert len(articles) == count(settings, "articles") == expected
    summary = first_run["summary"]
    assert summary["ingest"]["articles"] == expected
    assert summary["extract"]["articles"] == expected - len(site.copies)
    assert summary["extract"]["quotes"] == count(settings, "quotes") == sum(quotes.values())


def test_every_fault_has_its_error_row_and_log_line(first_run, site) -> None:
    settings = first_run["settings"]
    _, rows = warehouse.query(settings, "select source, locator, stage, error from ingest_errors")
    assert sorted(rows) == sorted((name, url, stage, error)
                                  for name, (url, stage, error) in site.faults.items())
    for url, _stage, error in site.faults.values():
        assert any(url in message and error in message for message in first_run["warnings"])


def test_a_latin1_page_without_charset_is_an_article(first_run, site) -> None:
    row = articles_by_source(first_run["settings"])["le-nouvelliste-latin1"]
    assert row["text_sha256"] == site.gold["le-nouvelliste-latin1"]["text_sha256"]
    assert "é" in row["text"] and "\ufffd" not in row["text"]


def test_gold_pages_give_the_jsonl_input_s_quotes(first_run, site, tmp_path) -> None:
    """Same texts, so the same offsets, quotes, speakers and mentions as from the JSONL."""
    jsonl = Settings(lake=str(tmp_path / "lake"), warehouse=str(tmp_path / "wh.duckdb"),
                     duckdb_extension_dir=str(tmp_path / "ext"))
    stages.ingest([str(SAMPLE_PATH)], settings=jsonl, ingest_day=DAY, run_key="jsonl")
    stages.extract(settings=jsonl, ingest_day=DAY, run_key="jsonl")
    stages.publish(settings=jsonl)
    gold_shas = {gold["text_sha256"] for gold in site.gold.values()}

    def facts(settings: Settings) -> dict[str, list]:
        quotes = warehouse.query(settings, """
            select a.text_sha256, a.lang, q.kind, q.content_start, q.content_end, q.cue_start,
                   q.cue_end, q.cue_class, q.speaker_start, q.speaker_end, q.speaker_name,
                   q.speaker_type, q.confidence
            from quotes q join articles a using (doc_id)""")[1]
        mentions = warehouse.query(settings, """
            select a.text_sha256, m."start", m."end", m.kind, m.speaker_name
            from mentions m join articles a using (doc_id)""")[1]
        return {"quotes": sorted(r for r in quotes if r[0] in gold_shas),
                "mentions": sorted(r for r in mentions if r[0] in gold_shas)}

    over_http, from_jsonl = facts(first_run["settings"]), facts(jsonl)
    assert {r[0] for r in over_http["quotes"]} == gold_shas
    assert over_http == from_jsonl


# -- a second run -------------------------------------------------------------------------------


def test_a_second_run_fetches_nothing_new_and_adds_no_rows(first_run, site,
                                                           web: LocalServer) -> None:
    settings = first_run["settings"]
    start = web.requests
    summary = run_stages(settings, "second")

    asked = web.log_since(start)
    good = sorted((path, status) for path, status in asked
                  if path.split("?")[0] in site.good_paths)
    feeds = sorted(path for path in site.good_paths if path.startswith("/feeds/"))
    assert good == [(path, 304) for path in feeds]  # conditional GET; no page asked again
    assert summary["ingest"]["articles"] == summary["extract"]["articles"] == 0
    assert summary["ingest"]["errors"] == len(site.faults)  # faults are tried again...
    assert snapshot(settings) == first_run["rows"]  # ...and nothing else changes


# -- killed and started again -------------------------------------------------------------------


def _command() -> list[str]:
    script = Path(sys.executable).with_name("newsevents")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]


def _environment(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSEVENTS_")}
    for name, value in HTTP_SETTINGS.items():
        env[f"NEWSEVENTS_{name.upper()}"] = ",".join(value) if isinstance(value, tuple) \
            else str(value)
    env["NEWSEVENTS_DUCKDB_EXTENSION_DIR"] = str(root / "ext")
    return env


def _newsevents_run(root: Path, sources_file: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*_command(), "-q", "run", "--sources-file", str(sources_file), "--lake",
         str(root / "lake"), "--warehouse", str(root / "wh.duckdb"), "--ingest-day", DAY,
         *extra],
        env=_environment(root), cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)


def _wait_for(condition, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the run ended before it could be killed\n{out}\n{err[-3000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the run never reached the point where it is killed")
        time.sleep(0.005)


@pytest.mark.parametrize("moment", ["fetching", "articles written", "extracting"])
def test_a_killed_run_started_again_ends_with_the_same_rows(
        moment: str, first_run, web: LocalServer, sources_file: Path, tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    articles_file = lake / "articles" / f"ingest_day={DAY}" / "killed.parquet"
    state_file = lake / "_state" / "http_validators.json"
    if moment == "fetching":
        web.hold(first_run["requests"] // 2)  # that request never gets its answer
    killed = _newsevents_run(tmp_path, sources_file, "--run-key", "killed")
    try:
        if moment == "fetching":
            _wait_for(web.holding.is_set, killed)
        elif moment == "articles written":
            _wait_for(articles_file.exists, killed)
        else:
            _wait_for(state_file.exists, killed)
            time.sleep(0.5)  # the spaCy pipelines are loading
        killed.send_signal(signal.SIGKILL)
        killed.communicate(timeout=30)
    finally:
        web.release()
    assert killed.returncode == -signal.SIGKILL
    assert articles_file.exists() == (moment != "fetching")

    again = _newsevents_run(tmp_path, sources_file)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err[-3000:]

    settings = Settings(warehouse=str(tmp_path / "wh.duckdb"),
                        duckdb_extension_dir=str(tmp_path / "ext"))
    assert snapshot(settings) == first_run["rows"], out
