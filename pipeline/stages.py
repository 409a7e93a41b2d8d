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

from pipeline.config import Settings, validate_day
from pipeline.records import Article, IngestError

log = logging.getLogger(__name__)


def ingest(sources: Sequence[str], *, settings: Settings, ingest_day: str,
           run_key: str, tags: Sequence[str] = ()) -> dict[str, Any]:
    """Fetch and parse every source; write this run's `articles` and `ingest_errors` files.

    `sources`: locations (URLs, files, folders), sources files (`.toml`) or names of sources
    of `settings.sources_file`; none: that file's sources, else the bundled sample. `tags`
    keeps the sources-file entries that carry one of them.

    Incremental (see `pipeline.incremental`): an article already stored (same doc_id, or a page
    URL already fetched) is neither fetched nor stored again; a copy of a stored article is
    stored with `duplicate_of`. The fetch state (HTTP validators, fetched URLs) is saved only
    after this run's files are written, so a run killed at any point loses nothing.
    """
    from pipeline.incremental import load_stored
    from pipeline.ingest import ingest_sources
    from pipeline.ingest.dedup import folded_text_sha256
    from pipeline.ingest.sources import resolve_sources
    from pipeline.ingest.state import FetchState, state_location
    from pipeline.store.lake import Lake

    ingest_day = validate_day(ingest_day)
    resolved = resolve_sources(list(sources), settings=settings, tags=tags)
    lake = Lake(settings.lake)
    state = FetchState.open(state_location(settings.lake, settings.state_dir))
    stored = load_stored(lake, state, ingest_day=ingest_day, run_key=run_key)
    batch = ingest_sources(resolved, settings=settings, validators=state.validators_for(),
                           known_urls=stored.known_urls, seen=stored.index)
    fresh = batch.articles

    # An earlier attempt of this run key wrote rows that this file replaces: keep them.
    rows = [*stored.own_rows, *(a.row() for a in fresh)]
    lake.write("articles", rows, ingest_day=ingest_day, run_key=run_key)
    lake.write("ingest_errors", (e.row() for e in batch.errors), ingest_day=ingest_day,
               run_key=run_key)
    # Only now that the articles are stored: what lets the next run skip fetching them.
    stored_ids = stored.ids | {a.doc_id for a in fresh}
    state.remember_fingerprints({a.doc_id: folded_text_sha256(a.text) for a in fresh})
    state.remember_fetched({url: doc_id for url, doc_id in batch.fetched.items()
                            if doc_id in stored_ids})
    state.remember_validators(batch.validators)
    state.save()

    summary = {
        "ingest_day": ingest_day, "run_key": run_key, "sources": len(resolved),
        "articles": len(fresh), "duplicates": sum(a.duplicate_of is not None for a in fresh),
        "already_ingested": len(batch.known) + len(batch.skipped),
        "not_modified": len(batch.not_modified), "errors": len(batch.errors),
    }
    log.info("ingest %s", summary)
    return summary


def extract(*, settings: Settings, ingest_day: str, run_key: str,
            reextract: bool = False) -> dict[str, Any]:
    """Extract quotes and mentions from this run's articles and from those the lake still owes.

    Also taken, whatever their day: stored articles never extracted (their run was killed after
    ingest, or their extraction failed), and with `reextract` those whose newest extraction
    comes from an older pipeline version, from their stored text, without fetching anything
    (`pipeline.incremental.plan_extraction`). Duplicates are not extracted. Writes
    `extractions`, `quotes` and `mentions` files under the run key; an article whose extraction
    fails gets an error row and the rest go on.
    """
    from pipeline.incremental import plan_extraction
    from pipeline.nlp.extract import Extractor
    from pipeline.store.lake import Lake

    ingest_day = validate_day(ingest_day)
    lake = Lake(settings.lake)
    plan = plan_extraction(lake, ingest_day=ingest_day, run_key=run_key, reextract=reextract)
    todo = plan.articles
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
               "recovered": plan.recovered, "reextracted": plan.outdated,
               "skipped_duplicates": plan.skipped_duplicates, "quotes": len(quotes),
               "mentions": len(mentions), "events": len(events), "stances": len(stances),
               "errors": len(errors)}
    log.info("extract %s", summary)
    return summary


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
