"""`newsevents run` on the bundled sample, as the README's first command runs it."""

from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.config import SAMPLE_PATH, Settings
from pipeline.ids import fold
from pipeline.store import warehouse

pytestmark = pytest.mark.slow

DAY = "2025-02-12"
SEED = "seed-hegseth-udcg-fr"


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    options = ["--lake", str(root / "lake"), "--warehouse", str(root / "wh.duckdb"),
               "--ingest-day", DAY]
    assert main(["-q", "run", *options]) == 0
    settings = Settings(lake=str(root / "lake"), warehouse=str(root / "wh.duckdb"))
    return root, options, settings


def _counts(settings):
    tables = ["articles", "quotes", "speakers", "mentions", "ingest_errors"]
    return {t: warehouse.query(settings, f"select count(*) from {t}")[1][0][0] for t in tables}


def test_sample_run_fills_every_table(sample_run, capsys):
    _, _, settings = sample_run
    counts = _counts(settings)
    n_articles = sum(1 for _ in SAMPLE_PATH.open(encoding="utf-8"))
    assert counts["articles"] == n_articles
    assert counts["quotes"] > 50
    assert counts["speakers"] > 10
    assert counts["mentions"] >= counts["quotes"] // 2
    assert counts["ingest_errors"] == 0


def test_seed_quotes_go_to_hegseth_and_never_to_the_credit_line(sample_run):
    _, _, settings = sample_run
    _, rows = warehouse.query(settings, f"""
        select q.speaker_name, q.speaker_mention, q.content
        from quotes q where doc_id = '{SEED}'""")
    speakers = [fold(name or "") for name, _, _ in rows]
    assert sum("hegse" in s or "heggs" in s or "hegus" in s for s in speakers) >= 5
    assert not any("miller" in s for s in speakers)
    assert not any("miller" in fold(m or "") for _, m, _ in rows)


def test_running_twice_keeps_the_same_row_counts(sample_run, capsys):
    _, options, settings = sample_run
    before = _counts(settings)
    assert main(["-q", "run", *options]) == 0
    out = capsys.readouterr().out
    assert "0 new articles" in out
    assert _counts(settings) == before


def test_query_command_prints_rows_read_only(sample_run, capsys):
    _, _, settings = sample_run
    code = main(["query", "--warehouse", settings.warehouse, "--json",
                 "select doc_id, lang from articles order by doc_id limit 2"])
    assert code == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2 and {line["lang"] for line in lines} <= {"fr", "en"}
    assert main(["query", "--warehouse", settings.warehouse, "drop table quotes"]) != 0


def test_seed_events_and_stances_answer_the_users_questions(sample_run):
    """Issue 4: who came out against what on the seed article, and when."""
    _, _, settings = sample_run
    _, rows = warehouse.query(settings, f"""
        select q.speaker_name, s.target, s.polarity
        from stances s join quotes q using (quote_id)
        where s.doc_id = '{SEED}'""")
    stances = {(fold(name or ""), target, polarity) for name, target, polarity in rows}
    hegseth = {(t, p) for n, t, p in stances if "hegse" in n}
    assert ("Ukraine joining NATO", "against") in hegseth
    assert ("borders and territory", "against") in hegseth
    assert any("trump" in n and t == "ceasefire and ending the war" and p == "favor"
               for n, t, p in stances)
    _, dated = warehouse.query(settings, f"""
        select cast(event_date as varchar), date_precision, event_type, cameo_code
        from events where doc_id = '{SEED}' and date_text = 'mercredi'""")
    assert dated and all(row[:2] == ("2025-02-12", "day") for row in dated)
    _, matrix = warehouse.query(settings, """
        select sum(against) from stance_matrix m join speakers sp using (speaker_id)
        where sp.name ilike '%heg%' and m.target = 'Ukraine joining NATO'""")
    assert matrix[0][0] >= 1
