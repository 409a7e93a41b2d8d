"""Fixtures of the ingest tests: a local server on 127.0.0.1, settings that allow only it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ingest_helpers import LocalServer

from pipeline.config import Settings
from pipeline.ingest import Fetcher, FetchPolicy


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    local.start()
    try:
        yield local
    finally:
        local.stop()


@pytest.fixture
def settings() -> Settings:
    return Settings(
        allowed_hosts=("127.0.0.1",),
        http_timeout_connect=1.0,
        http_timeout_read=0.3,
        http_max_bytes=1_000_000,
    )


@pytest.fixture
def fetcher(settings: Settings) -> Fetcher:
    return Fetcher(FetchPolicy.from_settings(
        settings, retries=2, backoff=0.01, backoff_max=0.05, host_delay=0.0, total_timeout=5.0,
    ))
