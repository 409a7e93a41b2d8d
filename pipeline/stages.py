"""The three stages, callable from the CLI and from Airflow tasks alike.

Each takes settings and plain values (paths, ids, days) and returns a small JSON-able summary,
so an Airflow task passes only that summary through XCom, never data.
"""

from __future__ import annotations

# Signatures (implemented below as the work lands):
#
# ingest(sources: list[str], *, settings: Settings, ingest_day: str, run_key: str) -> dict
#     Fetch/parse every source, write the run's `articles` and `ingest_errors` files to the lake.
#     Returns {"ingest_day", "run_key", "articles": n, "duplicates": n, "errors": n}.
#
# extract(*, settings: Settings, ingest_day: str, run_key: str, reextract: bool = False) -> dict
#     Read the run's articles (all of the day's articles when reextract), run extraction,
#     write `quotes` and `mentions` files under the same run key.
#     Returns {"ingest_day", "run_key", "articles": n, "quotes": n, "mentions": n}.
#
# publish(*, settings: Settings) -> dict
#     Build a new DuckDB warehouse from the lake with the SQL in sql/, swap it in atomically.
#     Returns {"warehouse": path, "tables": {name: rows}}.
