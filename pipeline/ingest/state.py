"""Fetch state kept beside the lake (`<lake>/_state/` unless `settings.state_dir` says otherwise).

Small files, each replaced whole through a temporary name and a rename (through `pyarrow.fs`,
like the lake, so that the state can move to object storage with it):

- `http_validators.json`: canonical URL -> {"etag", "last_modified", "saved_at"}, sent back as
  If-None-Match / If-Modified-Since on the next fetch of that URL (in practice: feeds).
- `fetched_urls.json`: canonical URL asked -> doc_id of the article it gave. A page often
  declares another canonical URL than the one it was fetched from (a feed's tracking link, a
  mirror); this is how the next run knows it without fetching it.
- `text_fingerprints.parquet`: doc_id -> hash of the white-space-folded text of every stored
  article (the "same text" rule of `pipeline.ingest.dedup`), so a run does not read all the
  stored texts again.

The lake stays the source of truth. The state is saved only after the run's articles are
written, and is only ever a shortcut over the lake: a URL counts as known only if the doc_id it
maps to is in the lake's articles, and the fingerprints are rebuilt from the lake for any
article they lack. So a crash before the save costs a refetch, never a lost or doubled
article; two runs saving at once merge with what is on disk, and an entry lost to that race is
also only a refetch. Delete the folder to make the next run fetch every feed in full again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pyarrow import fs as pafs

log = logging.getLogger(__name__)

VALIDATORS_FILE = "http_validators.json"
FETCHED_FILE = "fetched_urls.json"
FINGERPRINTS_FILE = "text_fingerprints.parquet"
_FINGERPRINT_SCHEMA = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("folded_sha256", pa.string(), nullable=False),
])


def state_location(lake_root: str, state_dir: str = "") -> str:
    """Where the state lives: `state_dir` if set, else `<lake>/_state`."""
    return state_dir or f"{lake_root.rstrip('/')}/_state"


def _as_uri(path: str) -> str:
    if "://" in path:
        return path
    from pathlib import Path

    return Path(path).resolve().as_uri()


@dataclass
class FetchState:
    """The three state files in memory; `save` writes back what changed."""

    filesystem: pafs.FileSystem
    root: str
    validators: dict[str, dict[str, str]] = field(default_factory=dict)
    fetched: dict[str, str] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)
    _changed: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, location: str) -> FetchState:
        filesystem, root = pafs.FileSystem.from_uri(_as_uri(location))
        state = cls(filesystem=filesystem, root=root.rstrip("/"))
        state.validators = state._read_json(VALIDATORS_FILE)
        state.fetched = state._read_json(FETCHED_FILE)
        state.fingerprints = state._read_fingerprints()
        return state

    # -- updates (in memory) ----------------------------------------------------------------

    def remember_validators(self, validators: Mapping[str, Mapping[str, str]]) -> None:
        saved_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        for url, values in validators.items():
            kept = {k: v for k, v in values.items() if k in ("etag", "last_modified") and v}
            if kept:
                self.validators[url] = {**kept, "saved_at": saved_at}
                self._changed.add(VALIDATORS_FILE)

    def remember_fetched(self, fetched: Mapping[str, str]) -> None:
        for url, doc_id in fetched.items():
            if self.fetched.get(url) != doc_id:
                self.fetched[url] = doc_id
                self._changed.add(FETCHED_FILE)

    def remember_fingerprints(self, fingerprints: Mapping[str, str]) -> None:
        for doc_id, digest in fingerprints.items():
            if self.fingerprints.get(doc_id) != digest:
                self.fingerprints[doc_id] = digest
                self._changed.add(FINGERPRINTS_FILE)

    def validators_for(self, urls: Iterable[str] | None = None) -> dict[str, dict[str, str]]:
        """What `ingest_sources(validators=...)` takes (without the bookkeeping fields)."""
        chosen = self.validators if urls is None else {u: self.validators[u] for u in urls
                                                       if u in self.validators}
        return {url: {k: v for k, v in values.items() if k in ("etag", "last_modified")}
                for url, values in chosen.items()}

    # -- files ------------------------------------------------------------------------------

    def save(self) -> list[str]:
        """Write the changed files (merged with what another run may have saved meanwhile)."""
        written = []
        if not self._changed:
            return written
        self.filesystem.create_dir(self.root, recursive=True)
        if VALIDATORS_FILE in self._changed:
            merged = {**self._read_json(VALIDATORS_FILE), **self.validators}
            written.append(self._write_json(VALIDATORS_FILE, merged))
        if FETCHED_FILE in self._changed:
            merged = {**self._read_json(FETCHED_FILE), **self.fetched}
            written.append(self._write_json(FETCHED_FILE, merged))
        if FINGERPRINTS_FILE in self._changed:
            merged = {**self._read_fingerprints(), **self.fingerprints}
            table = pa.Table.from_pydict(
                {"doc_id": list(merged), "folded_sha256": list(merged.values())},
                schema=_FINGERPRINT_SCHEMA)
            written.append(self._write(FINGERPRINTS_FILE,
                                       lambda sink: pq.write_table(table, sink,
                                                                   compression="zstd")))
        self._changed.clear()
        log.info("fetch state saved: %s", ", ".join(written))
        return written

    def path(self, name: str) -> str:
        return f"{self.root}/{name}"

    def _exists(self, name: str) -> bool:
        return self.filesystem.get_file_info(self.path(name)).type == pafs.FileType.File

    def _read_json(self, name: str) -> dict[str, Any]:
        if not self._exists(name):
            return {}
        with self.filesystem.open_input_stream(self.path(name)) as source:
            raw = source.read()
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            # Only a shortcut: an unreadable file means a refetch, not a failed run.
            log.warning("ignoring unreadable fetch state %s: %s", self.path(name), exc)
            return {}
        return data if isinstance(data, dict) else {}

    def _read_fingerprints(self) -> dict[str, str]:
        if not self._exists(FINGERPRINTS_FILE):
            return {}
        try:
            table = pq.read_table(self.path(FINGERPRINTS_FILE), filesystem=self.filesystem)
        except (OSError, pa.ArrowInvalid) as exc:
            log.warning("ignoring unreadable fetch state %s: %s", self.path(FINGERPRINTS_FILE),
                        exc)
            return {}
        return dict(zip(table.column("doc_id").to_pylist(),
                        table.column("folded_sha256").to_pylist(), strict=True))

    def _write_json(self, name: str, data: dict[str, Any]) -> str:
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
        return self._write(name, lambda sink: sink.write(payload))

    def _write(self, name: str, writer) -> str:
        target = self.path(name)
        temporary = f"{target}.tmp-{uuid.uuid4().hex}"
        with self.filesystem.open_output_stream(temporary) as sink:
            writer(sink)
        self.filesystem.move(temporary, target)
        return target
