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

test: dev
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

bench: dev
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache
