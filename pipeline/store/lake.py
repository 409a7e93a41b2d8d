"""The Parquet lake: `<lake>/<table>/ingest_day=YYYY-MM-DD/<run_key>.parquet`.

Each run writes its own file per table and day; re-running a run key replaces exactly that
file. A file is written under a temporary name and renamed, so a reader never sees half a
file (a rename is atomic on a local disk). Paths go through `pyarrow.fs`, so the lake can
later live on object storage.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pyarrow import fs as pafs

from pipeline import PIPELINE_VERSION
from pipeline.ids import safe_run_key
from pipeline.store.schemas import SCHEMAS

log = logging.getLogger(__name__)

class Lake:
    def __init__(self, root: str):
        self.filesystem, self.root = pafs.FileSystem.from_uri(_as_uri(root))
        # What DuckDB reads: a plain path for a local lake, the URI for object storage.
        self.uri = self.root if isinstance(self.filesystem, pafs.LocalFileSystem) else root

    def partition_dir(self, table: str, ingest_day: str) -> str:
        return f"{self.root}/{table}/ingest_day={ingest_day}"

    def file_path(self, table: str, ingest_day: str, run_key: str) -> str:
        return f"{self.partition_dir(table, ingest_day)}/{safe_run_key(run_key)}.parquet"

    def glob(self, table: str) -> str:
        """A glob that DuckDB reads the whole table with (hive partitioning on)."""
        return f"{self.uri.rstrip('/')}/{table}/*/*.parquet"

    def write(self, table: str, rows: Iterable[Mapping[str, Any]], *, ingest_day: str,
              run_key: str, written_at: dt.datetime | None = None) -> str:
        """Write (or replace) this run's file of `table` for `ingest_day`; returns its path."""
        schema = SCHEMAS[table]
        stamp = written_at or dt.datetime.now(dt.UTC)
        run_columns = {"run_key": run_key, "written_at": stamp,
                       "pipeline_version": PIPELINE_VERSION}
        records = [{**{name: row.get(name) for name in schema.names}, **run_columns}
                   for row in rows]
        table_data = pa.Table.from_pylist(records, schema=schema)
        target = self.file_path(table, ingest_day, run_key)
        self.filesystem.create_dir(self.partition_dir(table, ingest_day), recursive=True)
        temporary = f"{target}.tmp-{uuid.uuid4().hex}"
        with self.filesystem.open_output_stream(temporary) as sink:
            pq.write_table(table_data, sink, compression="zstd")
        self.filesystem.move(temporary, target)
        log.debug("wrote %d %s rows to %s", len(records), table, target)
        return target

    def files(self, table: str, *, ingest_day: str | None = None) -> list[str]:
        base = f"{self.root}/{table}"
        if ingest_day is not None:
            base = self.partition_dir(table, ingest_day)
        info = self.filesystem.get_file_info(pafs.FileSelector(base, allow_not_found=True,
                                                               recursive=True))
        return sorted(i.path for i in info
                      if i.type == pafs.FileType.File and i.path.endswith(".parquet"))

    def read(self, table: str, *, ingest_day: str | None = None,
             run_key: str | None = None, columns: list[str] | None = None) -> pa.Table:
        """Read a table's files (optionally one day, optionally one run) into Arrow."""
        paths = self.files(table, ingest_day=ingest_day)
        if run_key is not None:
            name = f"/{safe_run_key(run_key)}.parquet"
            paths = [p for p in paths if p.endswith(name)]
        schema = SCHEMAS[table]
        if columns is not None:
            schema = pa.schema([schema.field(c) for c in columns])
        if not paths:
            return schema.empty_table()
        parts = [pq.read_table(p, filesystem=self.filesystem, columns=schema.names)
                 for p in paths]
        return pa.concat_tables(parts)


def _as_uri(root: str) -> str:
    if "://" in root:
        return root
    from pathlib import Path

    return Path(root).resolve().as_uri()
