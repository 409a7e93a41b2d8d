"""What the lake already holds: what ingest must not take again, and what extract still owes.

Everything here is derived from the lake's `articles` and `extractions` tables (the source of
truth) plus the fetch state's shortcuts (`pipeline.ingest.state`), so a run killed at any point
and started again picks up exactly where the lake stands:

- ingest: an article whose doc_id is stored is not stored again; a page whose URL (canonical,
  tracking parameters removed) is a stored article's, or was fetched to give one, is not
  fetched again; a copy of a stored article is stored with `duplicate_of`.
- extract: besides this run's articles, every stored original article that has no extraction
  at all (its run was killed between ingest and extract, or its extraction failed) is extracted;
  with `reextract`, so is every one whose newest extraction comes from an older pipeline
  version. Nothing is fetched for that: the text is in the lake.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.dataset as pads

from pipeline import PIPELINE_VERSION
from pipeline.ids import canonical_url
from pipeline.ingest.dedup import DuplicateIndex, folded_text_sha256
from pipeline.ingest.state import FetchState
from pipeline.records import Article
from pipeline.store.lake import Lake, safe_run_key
from pipeline.store.schemas import SCHEMAS

log = logging.getLogger(__name__)

_RUN_COLUMNS = ("run_key", "written_at", "pipeline_version")


def version_key(version: str | None) -> tuple[int, ...]:
    """"0.10.1" -> (0, 10, 1), compared as the warehouse compares them; unparsable parts: -1."""
    parts = []
    for part in (version or "").split("."):
        try:
            parts.append(int(part))
        except ValueError:
            parts.append(-1)
    return tuple(parts)


def read_rows(lake: Lake, table: str, doc_ids: Iterable[str],
              columns: list[str] | None = None) -> list[dict[str, Any]]:
    """The rows of `table` for these doc_ids (every write of each), reading only those."""
    wanted = sorted(set(doc_ids))
    paths = lake.files(table)
    if not wanted or not paths:
        return []
    schema = SCHEMAS[table]
    dataset = pads.dataset(paths, schema=schema, format="parquet", filesystem=lake.filesystem)
    result = dataset.to_table(columns=columns or schema.names,
                              filter=pads.field("doc_id").isin(pa.array(wanted, pa.string())))
    return result.to_pylist()


def latest_by_doc(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The newest write of each doc_id (rows need `doc_id` and `written_at`)."""
    latest: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r["written_at"]):
        latest[row["doc_id"]] = row
    return latest


def as_article(row: dict[str, Any]) -> Article:
    fields = Article.__dataclass_fields__
    return Article(**{k: v for k, v in row.items() if k in fields})


def _canonical(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return canonical_url(url)
    except ValueError:
        return None


# -- ingest ------------------------------------------------------------------------------------


@dataclass
class StoredArticles:
    """The stored articles as ingest needs them."""

    index: DuplicateIndex
    known_urls: set[str]
    ids: set[str]
    # Rows this run key already wrote (an earlier attempt of the same run): written again with
    # the new ones, since re-running a run key replaces its file.
    own_rows: list[dict[str, Any]] = field(default_factory=list)


def load_stored(lake: Lake, state: FetchState, *, ingest_day: str,
                run_key: str) -> StoredArticles:
    columns = ["doc_id", "url", "title", "duplicate_of", "written_at"]
    rows = lake.read("articles", columns=columns).to_pylist()
    first_write: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r["written_at"]):
        first_write.setdefault(row["doc_id"], row)
    ids = set(first_write)

    missing = ids - set(state.fingerprints)
    if missing:
        texts = latest_by_doc(read_rows(lake, "articles", missing,
                                        ["doc_id", "text", "written_at"]))
        state.remember_fingerprints({doc_id: folded_text_sha256(row["text"] or "")
                                     for doc_id, row in texts.items()})
        log.info("fingerprinted %d stored articles", len(texts))

    def load_texts(doc_ids: Iterable[str]) -> dict[str, str]:
        found = latest_by_doc(read_rows(lake, "articles", doc_ids,
                                        ["doc_id", "text", "written_at"]))
        return {doc_id: row["text"] or "" for doc_id, row in found.items()}

    index = DuplicateIndex(load_texts=load_texts)
    known_urls: set[str] = set()
    # In order of first write, so that `duplicate_of` names the first one stored.
    for doc_id, row in first_write.items():
        index.add_stored(doc_id, folded_sha256=state.fingerprints.get(doc_id),
                         title=row["title"], duplicate_of=row["duplicate_of"])
        url = _canonical(row["url"])
        if url:
            known_urls.add(url)
    known_urls.update(url for url, doc_id in state.fetched.items() if doc_id in ids)

    own = lake.read("articles", ingest_day=ingest_day, run_key=run_key).to_pylist()
    own_rows = [{k: v for k, v in row.items() if k not in _RUN_COLUMNS} for row in own]
    return StoredArticles(index=index, known_urls=known_urls, ids=ids, own_rows=own_rows)


# -- extract -----------------------------------------------------------------------------------


@dataclass
class ExtractionPlan:
    articles: list[Article]  # originals to extract, newest write of each
    this_run: int  # of them, written by this run
    recovered: int  # stored by an earlier run and never extracted
    outdated: int  # extracted by an older pipeline version (only with reextract)
    skipped_duplicates: int  # this run's copies, not extracted


def plan_extraction(lake: Lake, *, ingest_day: str, run_key: str,
                    reextract: bool = False) -> ExtractionPlan:
    """Which articles the extract stage of this run takes (see the module docstring)."""
    stored = latest_by_doc(lake.read(
        "articles", columns=["doc_id", "duplicate_of", "written_at"]).to_pylist())
    own_key = safe_run_key(run_key)
    this_run = {row["doc_id"]: row for row in lake.read(
        "articles", ingest_day=ingest_day, run_key=own_key,
        columns=["doc_id", "duplicate_of", "written_at"]).to_pylist()}
    newest_version: dict[str, tuple[int, ...]] = {}
    for row in lake.read("extractions", columns=["doc_id", "pipeline_version"]).to_pylist():
        version = version_key(row["pipeline_version"])
        if version > newest_version.get(row["doc_id"], ()):
            newest_version[row["doc_id"]] = version

    current = version_key(PIPELINE_VERSION)
    todo_this_run = {d for d, row in this_run.items() if row["duplicate_of"] is None}
    originals = {d for d, row in stored.items() if row["duplicate_of"] is None}
    recovered = {d for d in originals - todo_this_run if d not in newest_version}
    outdated = set()
    if reextract:
        outdated = {d for d in originals - todo_this_run - recovered
                    if newest_version[d] < current}
    wanted = todo_this_run | recovered | outdated
    rows = latest_by_doc(read_rows(lake, "articles", wanted))
    # The order articles were stored in, so batches (and logs) are stable from run to run.
    ordered = sorted(rows.values(), key=lambda r: (r["written_at"], r["doc_id"]))
    if recovered:
        log.info("extracting %d stored articles that were never extracted", len(recovered))
    if outdated:
        log.info("re-extracting %d articles extracted by a pipeline older than %s",
                 len(outdated), PIPELINE_VERSION)
    return ExtractionPlan(
        articles=[as_article(row) for row in ordered],
        this_run=len(todo_this_run), recovered=len(recovered), outdated=len(outdated),
        skipped_duplicates=len(this_run) - len(todo_this_run),
    )
