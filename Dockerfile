# syntax=docker/dockerfile:1
# One image for every Airflow service (and for `newsevents` without Airflow): Python 3.11,
# the project and its dependencies installed by uv exactly as pinned in uv.lock.
FROM python:3.11-slim

ARG UV_VERSION=0.13.9
ARG AIRFLOW_UID=50000

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    AIRFLOW_HOME=/opt/airflow \
    PATH=/opt/venv/bin:$PATH

RUN pip install --no-cache-dir "uv==${UV_VERSION}" \
    && useradd --create-home --uid "${AIRFLOW_UID}" --gid 0 airflow

WORKDIR /opt/newsevents

# Dependencies first, from the lock file only (--frozen: never re-resolve), so this layer is
# rebuilt only when pyproject.toml or uv.lock change.
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --extra airflow --no-dev --no-install-project

# The project itself, installed editable: pipeline/ finds sql/, examples/ and its resources
# beside it in /opt/newsevents.
COPY . .
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --extra airflow --no-dev

# Mount points for the named volumes; created here so that the volumes start out owned by
# the airflow user.
RUN mkdir -p /data "${AIRFLOW_HOME}/logs" "${AIRFLOW_HOME}/auth" \
    && chown -R airflow:0 /data "${AIRFLOW_HOME}"

USER airflow
CMD ["airflow", "version"]
