"""Arrow schemas of the lake tables: every file of a table has exactly these columns.

`ingest_day` is not a column of the files: it is the Hive partition (`ingest_day=YYYY-MM-DD`)
and DuckDB reads it back from the path. `run_key` and `written_at` say which run wrote a row,
so the warehouse can keep the newest write of each id.
"""

from __future__ import annotations

import pyarrow as pa

_RUN_COLUMNS = [
    pa.field("run_key", pa.string()),
    pa.field("written_at", pa.timestamp("us", tz="UTC")),
    pa.field("pipeline_version", pa.string()),
]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string()),
        pa.field("url", pa.string()),
        pa.field("title", pa.string()),
        pa.field("author", pa.string()),
        pa.field("published", pa.string()),
        pa.field("lang", pa.string()),
        pa.field("text", pa.string()),
        pa.field("text_sha256", pa.string()),
        pa.field("duplicate_of", pa.string()),
        *_RUN_COLUMNS,
    ]),
    "ingest_errors": pa.schema([
        pa.field("source", pa.string()),
        pa.field("locator", pa.string()),
        pa.field("stage", pa.string()),
        pa.field("error", pa.string()),
        pa.field("detail", pa.string()),
        pa.field("seen_at", pa.string()),
        *_RUN_COLUMNS,
    ]),
    # One row per article per extraction run: lets the warehouse keep only the newest
    # extraction of each article, even when that extraction found no quote at all.
    "extractions": pa.schema([
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("lang", pa.string()),
        pa.field("quote_count", pa.int32()),
        pa.field("mention_count", pa.int32()),
        *_RUN_COLUMNS,
    ]),
    "quotes": pa.schema([
        pa.field("quote_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("kind", pa.string()),
        pa.field("content", pa.string()),
        pa.field("content_start", pa.int32()),
        pa.field("content_end", pa.int32()),
        pa.field("cue", pa.string()),
        pa.field("cue_start", pa.int32()),
        pa.field("cue_end", pa.int32()),
        pa.field("cue_class", pa.string()),
        pa.field("speaker_mention", pa.string()),
        pa.field("speaker_start", pa.int32()),
        pa.field("speaker_end", pa.int32()),
        pa.field("speaker_id", pa.string()),
        pa.field("speaker_name", pa.string()),
        pa.field("speaker_type", pa.string()),
        pa.field("confidence", pa.float32()),
        pa.field("lang", pa.string()),
        pa.field("speaker_aliases", pa.list_(pa.string())),
        *_RUN_COLUMNS,
    ]),
    "mentions": pa.schema([
        pa.field("mention_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("speaker_id", pa.string()),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
        pa.field("text", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("speaker_name", pa.string()),
        pa.field("speaker_type", pa.string()),
        *_RUN_COLUMNS,
    ]),
    "events": pa.schema([
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("quote_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("speaker_id", pa.string()),
        pa.field("event_type", pa.string()),
        pa.field("cameo_code", pa.string()),
        pa.field("event_date", pa.string()),
        pa.field("date_text", pa.string()),
        pa.field("date_precision", pa.string()),
        pa.field("place", pa.string()),
        *_RUN_COLUMNS,
    ]),
    "stances": pa.schema([
        pa.field("stance_id", pa.string(), nullable=False),
        pa.field("quote_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("speaker_id", pa.string()),
        pa.field("target", pa.string()),
        pa.field("polarity", pa.string()),
        pa.field("score", pa.float32()),
        pa.field("method", pa.string()),
        pa.field("is_main", pa.bool_()),
        *_RUN_COLUMNS,
    ]),
}

TABLES = tuple(SCHEMAS)
