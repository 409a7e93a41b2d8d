"""The production shape (docker-compose.yml, Dockerfile), checked without a Docker engine."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

PROJECT_DIR = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text(encoding="utf-8"))
DOCKERFILE = (PROJECT_DIR / "Dockerfile").read_text(encoding="utf-8")
SERVICES = COMPOSE["services"]

AIRFLOW_SERVICES = ("airflow-init", "airflow-apiserver", "airflow-scheduler",
                    "airflow-dag-processor", "airflow-triggerer")
# Long-running services: everything but the one-shot init.
AIRFLOW_DAEMONS = AIRFLOW_SERVICES[1:]
SHARED_SETTINGS = ("AIRFLOW__CORE__EXECUTOR", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
                   "AIRFLOW__API_AUTH__JWT_SECRET", "AIRFLOW__API__SECRET_KEY",
                   "AIRFLOW__CORE__EXECUTION_API_SERVER_URL", "AIRFLOW__CORE__FERNET_KEY",
                   "NEWSEVENTS_LAKE", "NEWSEVENTS_WAREHOUSE")


def environment(service: str) -> dict[str, str]:
    env = SERVICES[service].get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def named_volume_mounts(service: str) -> dict[str, str]:
    """Container path → named volume, for the service's named-volume mounts."""
    mounts = {}
    for entry in SERVICES[service].get("volumes", []):
        if isinstance(entry, dict):
            source, target = entry.get("source", ""), entry["target"]
        else:
            source, target = entry.split(":")[:2]
        if source and not source.startswith((".", "/", "~")):
            mounts[target.rstrip("/")] = source
    return mounts


def test_services_exist():
    assert {"postgres", *AIRFLOW_SERVICES} <= set(SERVICES)


def test_services_run_the_airflow_3_commands():
    commands = {name: " ".join(SERVICES[name]["command"]) if isinstance(
        SERVICES[name]["command"], list) else SERVICES[name]["command"]
        for name in AIRFLOW_SERVICES}
    assert "airflow db migrate" in commands["airflow-init"]
    assert commands["airflow-apiserver"] == "airflow api-server"
    assert commands["airflow-scheduler"] == "airflow scheduler"
    assert commands["airflow-dag-processor"] == "airflow dag-processor"
    assert commands["airflow-triggerer"] == "airflow triggerer"


def test_airflow_services_share_one_image():
    builds = {name: repr(SERVICES[name].get("build")) for name in AIRFLOW_SERVICES}
    images = {name: SERVICES[name].get("image") for name in AIRFLOW_SERVICES}
    assert len(set(builds.values())) == 1 and SERVICES["airflow-scheduler"].get("build"), builds
    assert len(set(images.values())) == 1, images


def test_airflow_services_share_one_environment():
    daemons = {name: environment(name) for name in AIRFLOW_DAEMONS}
    first = daemons[AIRFLOW_DAEMONS[0]]
    for name, env in daemons.items():
        assert env == first, f"{name}'s environment differs from {AIRFLOW_DAEMONS[0]}'s"
    # The init service may add its own one-shot settings, but must not change shared ones.
    init = environment("airflow-init")
    assert {key: init.get(key) for key in first} == first
    for key in SHARED_SETTINGS:
        assert first.get(key), f"{key} is not set"


def test_airflow_settings_point_at_the_services():
    env = environment("airflow-scheduler")
    assert env["AIRFLOW__CORE__EXECUTOR"] == "LocalExecutor"
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql")
    assert "@postgres:" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"].startswith("http://airflow-apiserver:")
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"].endswith("/execution/")


def test_secrets_are_not_baked_in():
    env = environment("airflow-scheduler")
    for key in ("AIRFLOW__API_AUTH__JWT_SECRET", "AIRFLOW__API__SECRET_KEY",
                "AIRFLOW__CORE__FERNET_KEY"):
        assert re.fullmatch(r"\$\{\w+:\?[^}]*\}", env[key]), f"{key} must come from .env"


def test_postgres_has_a_healthcheck():
    test = SERVICES["postgres"]["healthcheck"]["test"]
    assert "pg_isready" in (" ".join(test) if isinstance(test, list) else test)


@pytest.mark.parametrize("service", AIRFLOW_SERVICES)
def test_airflow_services_wait_for_a_healthy_postgres(service):
    depends_on = SERVICES[service]["depends_on"]
    assert depends_on["postgres"]["condition"] == "service_healthy"


@pytest.mark.parametrize("service", AIRFLOW_DAEMONS)
def test_airflow_daemons_wait_for_the_migration(service):
    depends_on = SERVICES[service]["depends_on"]
    assert depends_on["airflow-init"]["condition"] == "service_completed_successfully"


@pytest.mark.parametrize("service", AIRFLOW_SERVICES)
def test_lake_and_warehouse_are_on_a_declared_named_volume(service):
    env = environment(service)
    mounts = named_volume_mounts(service)
    declared = set(COMPOSE.get("volumes") or {})
    for key in ("NEWSEVENTS_LAKE", "NEWSEVENTS_WAREHOUSE"):
        path = Path(env[key])
        volume = next((mounts[m] for m in mounts if path.is_relative_to(m)), None)
        assert volume, f"{service}: {key}={path} is not on a named volume"
        assert volume in declared, f"{service}: volume {volume} is not declared in `volumes`"


def test_dags_folder_is_mounted():
    for service in AIRFLOW_SERVICES:
        dags_folder = environment(service)["AIRFLOW__CORE__DAGS_FOLDER"]
        targets = [str(v).split(":")[1] for v in SERVICES[service]["volumes"]
                   if str(v).startswith("./dags:")]
        assert targets == [dags_folder], service


def test_dockerfile_installs_from_the_lock_file():
    syncs = [line for line in DOCKERFILE.splitlines() if "uv sync" in line]
    assert syncs, "the Dockerfile does not run `uv sync`"
    for line in syncs:
        assert "--frozen" in line or "--locked" in line, line
        assert "--extra airflow" in line and "--no-dev" in line, line
    assert re.search(r"^COPY .*uv\.lock", DOCKERFILE, re.MULTILINE)
    assert re.search(r"^FROM python:3\.11-slim", DOCKERFILE, re.MULTILINE)


def test_dockerignore_keeps_secrets_and_environments_out():
    ignored = (PROJECT_DIR / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".env", ".venv", ".git", "data"} <= set(ignored)


def test_lock_file_has_the_postgres_drivers():
    lock = tomllib.loads((PROJECT_DIR / "uv.lock").read_text(encoding="utf-8"))
    names = {package["name"] for package in lock["package"]}
    assert {"psycopg2-binary", "asyncpg"} <= names or {"psycopg2", "asyncpg"} <= names
