"""The three stages, callable from the CLI and from Airflow tasks alike.

Each takes settings and plain values (sources, days, run keys) and returns a small JSON-able
summary, so an Airflow task passes only that summary through XCom, never data. Every stage
reads what it needs from the lake and writes its own files there, so it can run in any worker.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from typing import Any

from pipeline.config import SAMPLE_PATH, Settings, validate_day
from pipeline.records import Article, IngestError

log = logging.getLogger(__name__)


def ingest(sources: Sequence[str], *, settings: Settings, ingest_day: str,
           run_key: str) -> dict[str, Any]:
    """Fetch and parse every source; write this run's `articles` and `ingest_errors` files.

    An article whose id is already in the lake (from another run) is skipped; one whose text
    is already stored under another id is kept with `duplicate_of` set.
    """
    from pipeline.ingest import ingest_sources
    from pipeline.store.lake import Lake

    ingest_day = validate_day(ingest_day)
    sources = list(sources) or [str(SAMPLE_PATH)]
    lake = Lake(settings.lake)
    batch = ingest_sources(sources, settings=settings)
    known_ids, first_by_sha = _stored_articles(lake, exclude_run_key=run_key)

    fresh: list[Article] = []
    skipped = 0
    for article in batch.articles:
        if article.doc_id in known_ids:
            skipped += 1
            continue
        if article.duplicate_of is None and article.text_sha256 in first_by_sha:
            article.duplicate_of = first_by_sha[article.text_sha256]
        fresh.append(article)

    lake.write("articles", (a.row() for a in fresh), ingest_day=ingest_day, run_key=run_key)
    lake.write("ingest_errors", (e.row() for e in batch.errors), ingest_day=ingest_day,
               run_key=run_key)
    summary = {
        "ingest_day": ingest_day, "run_key": run_key, "articles": len(fresh),
        "duplicates": sum(a.duplicate_of is not None for a in fresh),
        "already_ingested": skipped, "errors": len(batch.errors),
    }
    log.info("ingest %s", summary)
    return summary


def _stored_articles(lake, *, exclude_run_key: str) -> tuple[set[str], dict[str, str]]:
    """Ids and first doc per text hash of the articles stored by other runs."""
    from pipeline.store.lake import safe_run_key

    table = lake.read("articles", columns=["doc_id", "text_sha256", "duplicate_of", "run_key",
                                           "written_at"])
    own = safe_run_key(exclude_run_key)
    rows = sorted((r for r in table.to_pylist() if safe_run_key(r["run_key"]) != own),
                  key=lambda r: r["written_at"])
    first_by_sha: dict[str, str] = {}
    for row in rows:
        if row["duplicate_of"] is None:
            first_by_sha.setdefault(row["text_sha256"], row["doc_id"])
    return {r["doc_id"] for r in rows}, first_by_sha


def extract(*, settings: Settings, ingest_day: str, run_key: str,
            reextract: bool = False) -> dict[str, Any]:
    """Extract quotes and mentions from this run's articles (all of the day's with `reextract`).

    Duplicates are not extracted again. Writes `extractions`, `quotes` and `mentions` files
    under the run key; an article whose extraction fails gets an error row and the rest go on.
    """
    from pipeline.nlp.extract import Extractor
    from pipeline.store.lake import Lake

    ingest_day = validate_day(ingest_day)
    lake = Lake(settings.lake)
    table = lake.read("articles", ingest_day=ingest_day,
                      run_key=None if reextract else run_key)
    articles = _latest_articles(table.to_pylist())
    todo = [a for a in articles if a.duplicate_of is None]
    extractor = Extractor(settings)

    extractions, errors = [], []
    done = 0
    for batch in _chunks(todo, settings.batch_size):
        results, failed = _extract_batch(extractor, batch)
        extractions.extend(results)
        errors.extend(failed)
        done += len(batch)
        log.info("extracted %d/%d articles", done, len(todo))

    quotes = [q.row() for e in extractions for q in e.quotes]
    mentions = [m.row() for e in extractions for m in e.mentions]
    events = [ev.row() for e in extractions for ev in e.events]
    stances = [st.row() for e in extractions for st in e.stances]
    runs = [{"doc_id": e.doc_id, "lang": e.lang, "quote_count": len(e.quotes),
             "mention_count": len(e.mentions)} for e in extractions]
    written_at = dt.datetime.now(dt.UTC)
    # `extractions` last: it is what makes this run's facts the current ones in the warehouse.
    for name, rows in (("quotes", quotes), ("mentions", mentions), ("events", events),
                       ("stances", stances), ("extractions", runs)):
        lake.write(name, rows, ingest_day=ingest_day, run_key=run_key, written_at=written_at)
    # The ingest stage owns `<run_key>` in ingest_errors; extraction failures get their own file.
    lake.write("ingest_errors", (e.row() for e in errors), ingest_day=ingest_day,
               run_key=f"{run_key}.extract")
    summary = {"ingest_day": ingest_day, "run_key": run_key, "articles": len(extractions),
               "skipped_duplicates": len(articles) - len(todo), "quotes": len(quotes),
               "mentions": len(mentions), "events": len(events), "stances": len(stances),
               "errors": len(errors)}
    log.info("extract %s", summary)
    return summary


def _latest_articles(rows: list[dict[str, Any]]) -> list[Article]:
    latest: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r["written_at"]):
        latest[row["doc_id"]] = row
    fields = Article.__dataclass_fields__
    return [Article(**{k: v for k, v in row.items() if k in fields})
            for row in latest.values()]


def _extract_batch(extractor, batch: list[Article]):
    try:
        return extractor.extract_batch(batch), []
    except Exception:  # noqa: BLE001 - one bad article must not lose the batch: retry one by one
        log.exception("batch extraction failed; retrying article by article")
    results, errors = [], []
    for article in batch:
        try:
            results.extend(extractor.extract_batch([article]))
        except Exception as exc:  # noqa: BLE001 - recorded as an error row, the run goes on
            log.exception("extraction failed for %s", article.doc_id)
            errors.append(IngestError(
                source=article.source, locator=article.url or article.doc_id, stage="extract",
                error=type(exc).__name__, detail=str(exc)[:500],
                seen_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
    return results, errors


def _chunks(items: list[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(items), max(1, size)):
        yield items[start:start + size]


def publish(*, settings: Settings) -> dict[str, Any]:
    """Rebuild the DuckDB warehouse from the lake and swap it in atomically."""
    from pipeline.store import warehouse

    summary = warehouse.build(settings)
    log.info("publish %s", summary)
    return summary
