# Everything a fresh machine with Python >= 3.11 and make needs: `make demo`, `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= demo/timeline.db
STAMP  := $(VENV)/.installed-dev

.PHONY: install dev demo test lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

dev: $(STAMP)

demo: install
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN)/timeline --db $(DEMO_DB) ingest seeds/
	$(BIN)/timeline --db $(DEMO_DB) list --actor Iran

lint: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: dev
	$(BIN)/mypy

# The PostgreSQL tests (tests/test_postgres*.py) run when a server answers here; each test
# makes and drops its own database. Set TIMELINE_TEST_POSTGRES_URL yourself to use another
# server, or to an empty value to skip them. No server is never an error.
PG_TEST_URL := postgresql+psycopg://postgres@127.0.0.1:5432/test
PG_PROBE = $(BIN)/python -c "import psycopg; psycopg.connect('$(subst +psycopg,,$(PG_TEST_URL))', connect_timeout=3).close()" >/dev/null 2>&1

test: dev
	$(BIN)/ruff check .
	$(BIN)/mypy
	@if [ -z "$${TIMELINE_TEST_POSTGRES_URL+set}" ] && $(PG_PROBE); then \
	  echo "PostgreSQL answers at $(PG_TEST_URL): running its tests too"; \
	  export TIMELINE_TEST_POSTGRES_URL="$(PG_TEST_URL)"; \
	fi; \
	$(BIN)/pytest

bench: dev
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache
