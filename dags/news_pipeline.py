"""News → who-said-what facts, every hour: ingest, extract, publish.

Each task is a thin call into `pipeline.stages`; only the stages' small summary dicts travel
through XCom. Heavy libraries (spaCy, DuckDB, pyarrow) are imported inside the tasks, so that
parsing this file stays fast for the dag-processor.

Manual runs take a form (Params): which sources, which ingest day, re-extract or not.
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import Asset, Param, dag, task

from pipeline.ids import safe_run_key  # light: no spaCy, DuckDB or pyarrow

# Other DAGs (feeds, dashboards, exports) can be scheduled on this asset.
WAREHOUSE = Asset(name="newsevents_warehouse")

def run_key_for(run_id: str) -> str:
    """The run id, made safe to use in a file name (run ids hold ':' and '+')."""
    try:
        return safe_run_key(run_id)
    except ValueError:
        return "run"


@dag(
    dag_id="news_pipeline",
    schedule="@hourly",
    start_date=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    catchup=False,
    max_active_runs=1,
    tags=["newsevents"],
    default_args={"retries": 2, "retry_delay": dt.timedelta(minutes=2)},
    params={
        "sources": Param(
            [],
            type="array",
            items={"type": "string"},
            title="Sources",
            description="Feed URLs, page URLs, file paths or names of the sources file's "
            "sources, one per line. Empty: the sources file (NEWSEVENTS_SOURCES_FILE), else the "
            "bundled sample news.",
        ),
        "ingest_day": Param(
            "",
            type="string",
            pattern=r"^(\d{4}-\d{2}-\d{2})?$",
            title="Ingest day",
            description="UTC date the articles are filed under, as YYYY-MM-DD. Empty: today (UTC).",
        ),
        "reextract": Param(
            False,
            type="boolean",
            title="Re-extract",
            description="Also extract again, from the lake, every article whose newest "
            "extraction comes from an older pipeline version.",
        ),
    },
    doc_md=__doc__,
)
def news_pipeline():
    @task
    def ingest(params: dict | None = None, run_id: str | None = None) -> dict:
        from pipeline import stages
        from pipeline.config import Settings, utc_today, validate_day
        from pipeline.ingest.sources import default_sources

        params = params or {}
        settings = Settings.from_env()
        sources = [s.strip() for s in params.get("sources") or [] if s.strip()]
        return stages.ingest(
            sources or default_sources(settings),
            settings=settings,
            ingest_day=validate_day(params.get("ingest_day") or utc_today()),
            run_key=run_key_for(run_id or "run"),
        )

    @task
    def extract(ingested: dict, params: dict | None = None) -> dict:
        from pipeline import stages
        from pipeline.config import Settings

        return stages.extract(
            settings=Settings.from_env(),
            ingest_day=ingested["ingest_day"],
            run_key=ingested["run_key"],
            reextract=bool((params or {}).get("reextract")),
        )

    # DuckDB allows one writer per file: never two publishes at once, whichever run they belong to.
    @task(outlets=[WAREHOUSE], max_active_tis_per_dag=1)
    def publish() -> dict:
        from pipeline import stages
        from pipeline.config import Settings

        return stages.publish(settings=Settings.from_env())

    extract(ingest()) >> publish()


news_pipeline()
