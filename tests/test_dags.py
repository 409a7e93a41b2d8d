"""DAG integrity: every DAG imports cleanly and cheaply, has tags and retries, and the news
pipeline runs end to end under `dag.test()` against a throwaway SQLite metadata database."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[1]
DAGS_DIR = PROJECT_DIR / "dags"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BIN_DIR = Path(sys.executable).parent
DAG_FILES = sorted(p for p in DAGS_DIR.glob("*.py") if not p.name.startswith("_"))
HEAVY_MODULES = ("spacy", "duckdb", "pyarrow")
RESULT_MARK = "DAG_TEST_RESULT "


def airflow_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of an isolated Airflow: its own home, SQLite database and dags folder."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AIRFLOW_", "NEWSEVENTS_"))}
    env.update(
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW__CORE__DAGS_FOLDER=str(DAGS_DIR),
        AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{home / 'airflow.db'}",
    )
    env.update(extra)
    return env


def run(args: list[str], *, env: dict[str, str], cwd: Path | None = None,
        timeout: float = 600) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(a) for a in args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)
    assert proc.returncode == 0, (
        f"{args[0]} exited with {proc.returncode}\n"
        f"--- stdout ---\n{proc.stdout[-6000:]}\n--- stderr ---\n{proc.stderr[-6000:]}")
    return proc


# -- (a) integrity, in process -------------------------------------------------------------


@pytest.fixture(scope="module")
def dagbag(tmp_path_factory):
    home = tmp_path_factory.mktemp("airflow_home")
    with pytest.MonkeyPatch.context() as mp:
        for key, value in airflow_env(home).items():
            if key.startswith("AIRFLOW"):
                mp.setenv(key, value)
        from airflow.dag_processing.dagbag import DagBag

        return DagBag(dag_folder=str(DAGS_DIR))


def test_dags_folder_has_dag_files():
    assert DAG_FILES, f"no DAG files in {DAGS_DIR}"


def test_every_dag_file_imports_without_errors(dagbag):
    assert dagbag.import_errors == {}
    files_with_dags = {Path(dag.fileloc).resolve() for dag in dagbag.dags.values()}
    missing = [p.name for p in DAG_FILES if p.resolve() not in files_with_dags]
    assert not missing, f"files in dags/ that define no DAG: {missing}"


def test_every_dag_has_tags_and_retries(dagbag):
    assert dagbag.dags
    for dag_id, dag in dagbag.dags.items():
        assert dag.tags, f"{dag_id} has no tags"
        assert (dag.default_args or {}).get("retries", 0) >= 1, f"{dag_id}: default_args retries"
        for task in dag.tasks:
            assert task.retries >= 1, f"{dag_id}.{task.task_id} has retries={task.retries}"
            assert task.retry_delay, f"{dag_id}.{task.task_id} has no retry_delay"


def test_news_pipeline_shape(dagbag):
    dag = dagbag.dags["news_pipeline"]
    assert dag.schedule == "@hourly"
    assert dag.catchup is False
    assert set(dag.params) == {"sources", "ingest_day", "reextract"}
    assert dag.params["sources"] == []
    assert dag.params["ingest_day"] == ""
    assert dag.params["reextract"] is False
    ingest, extract, publish = (dag.get_task(t) for t in ("ingest", "extract", "publish"))
    assert ingest.downstream_task_ids == {"extract"}
    assert extract.downstream_task_ids == {"publish"}
    assert publish.max_active_tis_per_dag == 1
    assert [asset.name for asset in publish.outlets] == ["newsevents_warehouse"]


def test_news_pipeline_params_reject_a_malformed_day(dagbag):
    from airflow.sdk import Param

    ingest_day = dagbag.dags["news_pipeline"].params.get_param("ingest_day")
    copy = Param(ingest_day.value, ingest_day.description, schema=ingest_day.schema)
    assert copy.resolve("2025-03-04") == "2025-03-04"
    with pytest.raises(ValueError):
        copy.resolve("yesterday")


def test_run_key_is_filename_safe():
    dag_file = DAGS_DIR / "news_pipeline.py"
    spec = importlib.util.spec_from_file_location("news_pipeline_dag", dag_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    key = module.run_key_for("manual__2025-03-04T10:00:00.123456+00:00")
    assert key == "manual__2025-03-04T10_00_00.123456_00_00"
    assert module.run_key_for("a/../b") == "a_.._b"
    assert module.run_key_for("../x") == "x"


# -- (b) parse cost: the dag-processor must not load the NLP or storage libraries ------------

IMPORT_DAG_FILE = textwrap.dedent(f"""
    import importlib.util, json, sys
    spec = importlib.util.spec_from_file_location("dag_under_test", sys.argv[1])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    heavy = {HEAVY_MODULES!r}
    print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy)))
""")


@pytest.mark.parametrize("dag_file", DAG_FILES, ids=[p.name for p in DAG_FILES])
def test_dag_file_imports_without_heavy_libraries(dag_file, tmp_path):
    proc = run([sys.executable, "-c", IMPORT_DAG_FILE, dag_file],
               env=airflow_env(tmp_path), cwd=tmp_path, timeout=120)
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert loaded == [], f"{dag_file.name} imports {loaded} at parse time; import inside tasks"


# -- (c) dag.test() in a subprocess, on a migrated SQLite metadata database -------------------

# Retries are zeroed so that a failing task fails the run now, not after its retry delays.
DAG_TEST = textwrap.dedent(f"""
    import json, sys
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=sys.argv[1])
    assert not bag.import_errors, bag.import_errors
    dag = bag.dags["news_pipeline"]
    for task in dag.tasks:
        task.retries = 0
    dag_run = dag.test(run_conf=json.loads(sys.argv[2]))
    print({RESULT_MARK!r} + json.dumps({{
        "state": str(dag_run.state), "run_id": dag_run.run_id,
        "calls": globals().get("CALLS", []),
    }}))
""")

# Stands in for pipeline.stages (tasks run in the dag.test process) to check what the DAG passes.
STUB_STAGES = textwrap.dedent("""
    import sys, types
    import pipeline

    CALLS = []
    stages = types.ModuleType("pipeline.stages")

    def ingest(sources, *, settings, ingest_day, run_key):
        CALLS.append({"stage": "ingest", "sources": list(sources), "ingest_day": ingest_day,
                      "run_key": run_key})
        return {"ingest_day": ingest_day, "run_key": run_key, "articles": 1, "duplicates": 0,
                "errors": 0}

    def extract(*, settings, ingest_day, run_key, reextract=False):
        CALLS.append({"stage": "extract", "ingest_day": ingest_day, "run_key": run_key,
                      "reextract": reextract})
        return {"ingest_day": ingest_day, "run_key": run_key, "articles": 1, "quotes": 1,
                "mentions": 1}

    def publish(*, settings):
        CALLS.append({"stage": "publish", "warehouse": settings.warehouse})
        return {"warehouse": settings.warehouse, "tables": {}}

    stages.ingest, stages.extract, stages.publish = ingest, extract, publish
    sys.modules["pipeline.stages"] = stages
    pipeline.stages = stages
""")


def run_dag_test(conf: dict, *, env: dict[str, str], cwd: Path, stub_stages: bool = False):
    script = (STUB_STAGES if stub_stages else "") + DAG_TEST
    proc = run([sys.executable, "-c", script, DAGS_DIR, json.dumps(conf)], env=env, cwd=cwd)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(RESULT_MARK)]
    assert lines, f"no result printed\n{proc.stdout[-6000:]}\n{proc.stderr[-6000:]}"
    result = json.loads(lines[-1][len(RESULT_MARK):])
    assert result["state"] == "success", f"{result}\n{proc.stdout[-6000:]}\n{proc.stderr[-6000:]}"
    return result


@pytest.fixture(scope="module")
def airflow_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("airflow_home")
    run([BIN_DIR / "airflow", "db", "migrate"], env=airflow_env(home), cwd=home)
    return home


@pytest.mark.slow
@pytest.mark.parametrize("conf", [
    {},
    {"sources": ["feeds.txt", " ", "https://example.org/rss"], "ingest_day": "2025-03-04",
     "reextract": True},
], ids=["defaults", "form"])
def test_news_pipeline_passes_params_to_the_stages(conf, airflow_home, tmp_path):
    from pipeline.config import SAMPLE_PATH

    env = airflow_env(airflow_home, NEWSEVENTS_WAREHOUSE=str(tmp_path / "w.duckdb"))
    before = dt.datetime.now(dt.UTC).date().isoformat()
    result = run_dag_test(conf, env=env, cwd=tmp_path, stub_stages=True)
    after = dt.datetime.now(dt.UTC).date().isoformat()

    calls = {call.pop("stage"): call for call in result["calls"]}
    assert list(calls) == ["ingest", "extract", "publish"]
    run_key = calls["ingest"]["run_key"]
    assert run_key.startswith("manual__") and not set(run_key) & set(":+/ ")
    assert calls["extract"]["run_key"] == run_key
    if conf:
        assert calls["ingest"]["sources"] == ["feeds.txt", "https://example.org/rss"]
        assert calls["ingest"]["ingest_day"] == calls["extract"]["ingest_day"] == "2025-03-04"
        assert calls["extract"]["reextract"] is True
    else:
        assert calls["ingest"]["sources"] == [str(SAMPLE_PATH)]
        assert calls["ingest"]["ingest_day"] in {before, after}
        assert calls["extract"]["reextract"] is False
    assert calls["publish"]["warehouse"] == str(tmp_path / "w.duckdb")


@pytest.mark.slow
def test_news_pipeline_end_to_end(airflow_home, tmp_path):
    import duckdb

    fixture = FIXTURES / "dag_small.jsonl"
    doc_ids = {json.loads(line)["doc_id"] for line in fixture.read_text("utf-8").splitlines()}
    warehouse = tmp_path / "newsevents.duckdb"
    env = airflow_env(
        airflow_home,
        NEWSEVENTS_LAKE=str(tmp_path / "lake"),
        NEWSEVENTS_WAREHOUSE=str(warehouse),
        NEWSEVENTS_DUCKDB_EXTENSION_DIR=str(tmp_path / "duckdb_extensions"),
    )
    run_dag_test({"sources": [str(fixture)], "ingest_day": "2025-03-04"}, env=env, cwd=tmp_path)

    con = duckdb.connect(str(warehouse), read_only=True, config={
        "autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        articles = {row[0] for row in con.execute("select doc_id from articles").fetchall()}
        quoted = {row[0] for row in con.execute("select doc_id from quotes").fetchall()}
    finally:
        con.close()
    assert articles == doc_ids
    assert quoted, "the warehouse has no quotes"
    assert quoted <= doc_ids
