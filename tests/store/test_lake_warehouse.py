"""The storage contract: run files, atomic replace, one row per id, rebuild from the lake."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from pipeline.config import Settings
from pipeline.ids import quote_id, text_sha256
from pipeline.store import warehouse
from pipeline.store.lake import Lake, safe_run_key

DAY = "2025-02-12"
TEXT = "« Nous tiendrons bon », a déclaré Marie Curie à Paris. Fin 🙂 « ok » dit-il."


def _settings(tmp_path) -> Settings:
    return Settings(lake=str(tmp_path / "lake"), warehouse=str(tmp_path / "wh.duckdb"),
                    duckdb_extension_dir=str(tmp_path / "ext"))


def _article(doc_id="d1", text=TEXT):
    return {"doc_id": doc_id, "source": "test", "url": None, "title": "t", "author": None,
            "published": DAY, "lang": "fr", "text": text, "text_sha256": text_sha256(text),
            "duplicate_of": None}


def _quote(doc_id, start, end, text=TEXT):
    return {"quote_id": quote_id(doc_id, start, end), "doc_id": doc_id, "kind": "direct",
            "content": text[start:end], "content_start": start, "content_end": end,
            "speaker_id": "s1", "speaker_name": "Marie Curie", "speaker_aliases": ["Marie Curie"]}


def _extraction(lake, doc_id, quotes, run_key, when):
    lake.write("quotes", quotes, ingest_day=DAY, run_key=run_key, written_at=when)
    lake.write("mentions", [], ingest_day=DAY, run_key=run_key, written_at=when)
    lake.write("extractions", [{"doc_id": doc_id, "lang": "fr", "quote_count": len(quotes),
                                "mention_count": 0}],
               ingest_day=DAY, run_key=run_key, written_at=when)


def test_run_files_are_partitioned_and_replaced_by_their_own_run(tmp_path):
    lake = Lake(str(tmp_path / "lake"))
    lake.write("articles", [_article("d1")], ingest_day=DAY, run_key="manual__2025:01+00")
    lake.write("articles", [_article("d2")], ingest_day=DAY, run_key="other")
    lake.write("articles", [_article("d3")], ingest_day=DAY, run_key="manual__2025:01+00")
    files = lake.files("articles", ingest_day=DAY)
    assert [f.rsplit("/", 1)[1] for f in files] == [
        f"{safe_run_key('manual__2025:01+00')}.parquet", "other.parquet"]
    assert all(f"/articles/ingest_day={DAY}/" in f for f in files)
    assert sorted(lake.read("articles").column("doc_id").to_pylist()) == ["d2", "d3"]
    assert not list((tmp_path / "lake").rglob("*.tmp-*"))


def test_warehouse_keeps_one_row_per_id_and_the_newest_extraction(tmp_path):
    settings = _settings(tmp_path)
    lake = Lake(settings.lake)
    t0 = dt.datetime(2025, 2, 12, 10, tzinfo=dt.UTC)
    lake.write("articles", [_article()], ingest_day=DAY, run_key="r1", written_at=t0)
    lake.write("articles", [_article()], ingest_day=DAY, run_key="r2", written_at=t0)
    old = [_quote("d1", 2, 16), _quote("d1", 66, 68)]
    _extraction(lake, "d1", old, "r1", t0)
    # a later extraction of the same article finds one quote with other offsets
    new = [_quote("d1", 0, 18)]
    _extraction(lake, "d1", new, "r2", t0 + dt.timedelta(hours=1))

    summary = warehouse.build(settings)
    assert summary["tables"]["articles"] == 1
    assert summary["tables"]["quotes"] == 1
    con = duckdb.connect(settings.warehouse, read_only=True)
    assert con.execute("select content_start from quotes").fetchall() == [(0,)]
    con.close()


def test_data_check_rejects_offsets_that_do_not_match_the_text(tmp_path):
    settings = _settings(tmp_path)
    lake = Lake(settings.lake)
    lake.write("articles", [_article()], ingest_day=DAY, run_key="r1")
    bad = _quote("d1", 2, 16)
    bad["content"] = "something else"
    _extraction(lake, "d1", [bad], "r1", dt.datetime.now(dt.UTC))
    with pytest.raises(warehouse.DataCheckFailed, match="quote_offsets_match_text"):
        warehouse.build(settings)
    assert not (tmp_path / "wh.duckdb").exists()
    assert not list(tmp_path.glob(".wh.duckdb.building-*"))


def test_offsets_are_code_points_even_after_an_emoji(tmp_path):
    settings = _settings(tmp_path)
    lake = Lake(settings.lake)
    lake.write("articles", [_article()], ingest_day=DAY, run_key="r1")
    start = TEXT.index("ok")
    _extraction(lake, "d1", [_quote("d1", start, start + 2)], "r1", dt.datetime.now(dt.UTC))
    assert warehouse.build(settings)["tables"]["quotes"] == 1


def test_empty_lake_builds_every_table_and_query_is_read_only(tmp_path):
    settings = _settings(tmp_path)
    summary = warehouse.build(settings)
    assert set(summary["tables"]) >= {"articles", "quotes", "speakers", "mentions",
                                      "ingest_errors"}
    assert all(n == 0 for n in summary["tables"].values())
    with pytest.raises(warehouse.QueryError, match="read-only"):
        warehouse.query(settings, "create table x as select 1")
    columns, rows = warehouse.query(settings, "select count(*) as n from quotes")
    assert columns == ["n"] and rows == [(0,)]


def test_rebuild_replaces_the_file_while_a_reader_is_open(tmp_path):
    settings = _settings(tmp_path)
    lake = Lake(settings.lake)
    lake.write("articles", [_article()], ingest_day=DAY, run_key="r1")
    warehouse.build(settings)
    reader = duckdb.connect(settings.warehouse, read_only=True)
    lake.write("articles", [_article("d2", "autre texte")], ingest_day=DAY, run_key="r2")
    warehouse.build(settings)
    assert reader.execute("select count(*) from articles").fetchone() == (1,)
    reader.close()
    _, rows = warehouse.query(settings, "select count(*) from articles")
    assert rows == [(2,)]


def test_full_text_search_finds_words_after_an_elision_and_without_accents(tmp_path):
    settings = _settings(tmp_path)
    lake = Lake(settings.lake)
    text = "« L’adhésion à l’OTAN n’est pas réaliste », a déclaré le ministre. « Rien » dit-il."
    lake.write("articles", [_article(text=text)], ingest_day=DAY, run_key="r1")
    first = (text.index("L’"), text.index(" »"))
    second = (text.rindex("Rien"), text.rindex("Rien") + 4)
    _extraction(lake, "d1", [_quote("d1", *first, text=text), _quote("d1", *second, text=text)],
                "r1", dt.datetime.now(dt.UTC))
    warehouse.build(settings)
    _, rows = warehouse.search_quotes(settings, "otan adhesion")
    assert [row[4] for row in rows] == [text[first[0]:first[1]]]
    assert warehouse.search_quotes(settings, "absent")[1] == []
