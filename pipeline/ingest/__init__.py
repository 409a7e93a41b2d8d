"""Ingest: files, folders, pages and feeds in; `articles` and `ingest_errors` rows out.

    from pipeline.ingest import ingest_sources
    batch = ingest_sources(["feeds.xml", "https://example.org/rss", "notes/"], settings=settings)
    batch.articles, batch.errors
"""

from pipeline.ingest.core import (
    IngestBatch,
    IngestOptions,
    Source,
    ingest_sources,
    iter_folder,
)
from pipeline.ingest.dedup import DuplicateIndex, mark_duplicates
from pipeline.ingest.errors import FETCH_ERRORS, PARSE_ERRORS, IngestFailure
from pipeline.ingest.formats import HTML_OPTIONS
from pipeline.ingest.http import Fetcher, FetchError, FetchPolicy, FetchResult

__all__ = [
    "DuplicateIndex",
    "FETCH_ERRORS",
    "HTML_OPTIONS",
    "PARSE_ERRORS",
    "FetchError",
    "FetchPolicy",
    "FetchResult",
    "Fetcher",
    "IngestBatch",
    "IngestFailure",
    "IngestOptions",
    "Source",
    "ingest_sources",
    "iter_folder",
    "mark_duplicates",
]
