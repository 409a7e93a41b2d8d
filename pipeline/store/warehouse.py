"""The DuckDB warehouse: the only module that talks to DuckDB.

The warehouse is derived from the lake. `build` creates a complete new file beside the
current one, from the SQL in `sql/` (staging → marts → checks), and swaps it in with an atomic
rename, so a reader never opens a half-built file and is never locked out for long.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipeline.config import PROJECT_DIR, Settings
from pipeline.store.lake import Lake
from pipeline.store.schemas import SCHEMAS, TABLES

log = logging.getLogger(__name__)

SQL_DIR = PROJECT_DIR / "sql"
EXTENSIONS = ("fts",)


class QueryError(RuntimeError):
    """A query the warehouse refused (bad SQL, or a write on the read-only file)."""


class DataCheckFailed(RuntimeError):
    """A data check in sql/checks returned rows: the new warehouse is not swapped in."""


@dataclass(frozen=True)
class SqlFile:
    layer: str
    name: str
    sql: str


def sql_files(layer: str, sql_dir: Path = SQL_DIR) -> list[SqlFile]:
    """The layer's SQL files in name order (a numeric prefix orders dependencies)."""
    folder = sql_dir / layer
    return [SqlFile(layer, _object_name(p), p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.sql"))]


def _object_name(path: Path) -> str:
    stem = path.stem
    head, _, rest = stem.partition("_")
    return rest if head.isdigit() else stem


def connect(path: str | os.PathLike[str] | None, *, settings: Settings,
            read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open DuckDB without any download: extensions come from the PyPI wheels only."""
    ext_dir = Path(settings.duckdb_extension_dir).resolve()
    ext_dir.mkdir(parents=True, exist_ok=True)
    config = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "extension_directory": str(ext_dir),
    }
    con = duckdb.connect(str(path) if path else ":memory:", read_only=read_only, config=config)
    for name in EXTENSIONS:
        load_extension(con, name)
    return con


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    try:
        con.execute(f"LOAD {name}")
    except duckdb.Error:
        from duckdb_extensions import import_extension

        import_extension(name, con=con)
        con.execute(f"LOAD {name}")


def _register_raw_views(con: duckdb.DuckDBPyConnection, lake: Lake) -> None:
    """`raw_<table>`: every row of the lake table, partitions included, duplicates and all."""
    for table in TABLES:
        if lake.files(table):
            source = (f"read_parquet({_literal(lake.glob(table))}, hive_partitioning = true, "
                      f"union_by_name = true, hive_types = {{'ingest_day': DATE}})")
            con.execute(f"create temp view raw_{table} as select * from {source}")
        else:
            empty = SCHEMAS[table].empty_table()
            con.register(f"empty_{table}", empty)
            con.execute(f"create temp view raw_{table} as select *, null::date as ingest_day "
                        f"from empty_{table}")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def build(settings: Settings, *, sql_dir: Path = SQL_DIR) -> dict[str, Any]:
    """Rebuild the warehouse from the lake and swap it in; returns table row counts."""
    target = Path(settings.warehouse).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    building = target.with_name(f".{target.name}.building-{os.getpid()}")
    building.unlink(missing_ok=True)
    lake = Lake(settings.lake)
    con = connect(building, settings=settings)
    try:
        _register_raw_views(con, lake)
        for item in sql_files("macros", sql_dir):
            con.execute(item.sql)
        for item in sql_files("staging", sql_dir):
            con.execute(f"create temp view {item.name} as\n{item.sql}")
        for item in sql_files("marts", sql_dir):
            con.execute(f"create table {item.name} as\n{item.sql}")
        for item in sql_files("views", sql_dir):
            con.execute(f"create view {item.name} as\n{item.sql}")
        failures = run_checks(con, sql_dir)
        if failures:
            raise DataCheckFailed("data checks failed: " + "; ".join(
                f"{name} ({n} rows)" for name, n in failures.items()))
        # Words are runs of letters and digits, so "l’OTAN" is indexed as "l" and "otan";
        # no stemmer, as the index serves French and English alike.
        con.execute("pragma create_fts_index('quotes', 'quote_id', 'content', "
                    "stemmer = 'none', ignore = '[^\\p{L}\\p{N}]+', strip_accents = 1, "
                    "lower = 1, overwrite = 1)")
        counts = {name: con.execute(f"select count(*) from {name}").fetchone()[0]
                  for name in marts(sql_dir)}
        con.execute("checkpoint")
    except BaseException:
        con.close()
        building.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(building, target)
    log.info("warehouse %s rebuilt: %s", target, counts)
    return {"warehouse": str(target), "tables": counts}


def marts(sql_dir: Path = SQL_DIR) -> list[str]:
    return [item.name for item in sql_files("marts", sql_dir)]


def run_checks(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> dict[str, int]:
    """Each check is a query that must return zero rows; returns the failing ones."""
    failures = {}
    for item in sql_files("checks", sql_dir):
        rows = con.execute(f"select count(*) from ({item.sql})").fetchone()[0]
        if rows:
            failures[item.name] = rows
            log.error("data check %s returned %d rows", item.name, rows)
    return failures


def query(settings: Settings, sql: str,
          parameters: dict[str, Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one SQL statement on the warehouse, read-only."""
    path = Path(settings.warehouse)
    if not path.exists():
        raise FileNotFoundError(
            f"no warehouse at {path}: run `newsevents run` (or publish) first")
    con = connect(path, settings=settings, read_only=True)
    try:
        cursor = con.execute(sql, parameters)
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
    except duckdb.Error as exc:
        raise QueryError(str(exc)) from exc
    finally:
        con.close()


def search_quotes(settings: Settings, terms: str, *, limit: int = 20
                  ) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Quotes ranked by BM25 against `terms` (accents and case ignored)."""
    return query(settings,
                 "select score, speaker_name, published, source, content, quote_id from ("
                 "select *, fts_main_quotes.match_bm25(quote_id, $terms) as score from quotes) "
                 "where score is not null order by score desc limit $limit",
                 {"terms": terms, "limit": limit})
