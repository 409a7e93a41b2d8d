# The two commands of the README: `make run` and `make test`. Everything else is set-up they
# need on a fresh machine with Python 3.11: uv in .tools/, the project in .venv/ from uv.lock.
PYTHON ?= python3.11
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: run test lint sync sync-all bench eval clean

$(UV):
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The plain run needs no Airflow; --inexact keeps Airflow if a test sync installed it.
sync: $(UV)
	$(UV) sync --frozen --inexact --python $(PYTHON)

sync-all: $(UV)
	$(UV) sync --frozen --all-extras --python $(PYTHON)

run: sync
	.venv/bin/newsevents run

test: sync-all
	.venv/bin/ruff check pipeline dags tests scripts
	.venv/bin/pytest

# The shared gold sets (when ../shared is here) and the project's own held-out sets.
eval: sync
	.venv/bin/newsevents -q eval $(wildcard ../shared/eval/seed ../shared/eval/fr-news-dev \
		../shared/eval/en-news-dev) tests/heldout/fr-heldout tests/heldout/en-heldout \
		tests/heldout2/fr-heldout2 tests/heldout2/en-heldout2 \
		$(dir $(wildcard tests/heldout3/*/articles.jsonl)) \
		tests/heldout4/fr-heldout4 tests/heldout4/en-heldout4 \
		tests/heldout5/fr-heldout5 tests/heldout5/en-heldout5 \
		tests/heldout6/fr-heldout6 tests/heldout6/en-heldout6 tests/heldout7/fr-heldout7 \
		tests/heldout8/en-heldout8 tests/heldout9/fr-heldout9 tests/heldout9/en-heldout9 \
		tests/heldout10/fr-heldout10 tests/heldout10/en-heldout10 tests/heldout11/fr-heldout11 \
		tests/heldout12/fr-heldout12 tests/heldout13/fr-heldout13 tests/heldout13/en-heldout13 \
		tests/heldout14/fr-heldout14 tests/heldout14/en-heldout14 tests/heldout15/fr-heldout15 \
		tests/heldout16/fr-heldout16 tests/heldout16/en-heldout16 tests/heldout17/fr-heldout17 \
		tests/heldout18/fr-heldout18 tests/heldout18/en-heldout18 \
		tests/heldout19/fr-heldout19 tests/heldout19/en-heldout19 \
		tests/heldout20/fr-heldout20 tests/heldout20/en-heldout20 \
		tests/heldout21/fr-heldout21 tests/heldout21/en-heldout21 \
		tests/heldout22/fr-heldout22 tests/heldout22/en-heldout22 \
		tests/heldout23/fr-heldout23 tests/heldout23/en-heldout23 \
		tests/heldout24/fr-heldout24 tests/heldout24/en-heldout24 \
		tests/heldout25/fr-heldout25 tests/heldout25/en-heldout25 \
		tests/heldout26/fr-heldout26 tests/heldout26/en-heldout26 \
		tests/heldout27/fr-heldout27 tests/heldout27/en-heldout27 \
		tests/heldout28/fr-heldout28 tests/heldout28/en-heldout28 \
		tests/heldout29/fr-heldout29 tests/heldout29/en-heldout29 \
		tests/heldout30/fr-heldout30 tests/heldout30/en-heldout30 \
		tests/heldout31/fr-heldout31 tests/heldout31/en-heldout31 \
		tests/heldout32/fr-heldout32 tests/heldout32/en-heldout32 \
		tests/heldout33/fr-heldout33 tests/heldout33/en-heldout33 \
		tests/heldout34/fr-heldout34 tests/heldout34/en-heldout34 \
		tests/heldout35/fr-heldout35 tests/heldout35/en-heldout35 \
		tests/heldout36/fr-heldout36 tests/heldout36/en-heldout36 \
		tests/heldout37/fr-heldout37 tests/heldout37/en-heldout37 \
		tests/heldout38/fr-heldout38 tests/heldout38/en-heldout38 \
		tests/heldout39/fr-heldout39 tests/heldout39/en-heldout39

bench: sync
	.venv/bin/newsevents -q bench

clean:
	rm -rf data .pytest_cache
