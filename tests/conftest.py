"""Shared fixtures: a fresh database path, a CLI runner, and a database holding the seeds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from timeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

Invoke = Callable[..., Result]

# DESIGN.md, "CSV export columns", written out here as the specification the exports must meet.
DESIGN_CSV_COLUMNS = [
    "event_id",
    "date_start",
    "date_end",
    "precision",
    "date_text",
    "timex_value",
    "actors",
    "places",
    "text",
    "document",
    "published",
]


@pytest.fixture(scope="session", autouse=True)
def dictionary_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One dictionary cache for the session (built once, read by every ingest and subprocess),
    never the user's own ``~/.cache/timeline``."""
    path = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TIMELINE_CACHE_DIR", str(path))
        yield path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "timeline.db"


@pytest.fixture
def run(db_path: Path) -> Invoke:
    """Invoke the CLI against ``db_path``: ``run("list", "--actor", "Iran")``."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(
            main, ["--db", str(db_path), *args], input=input, catch_exceptions=False
        )

    return invoke


@pytest.fixture(scope="session")
def seeded_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds ingested once per test session; tests get their own copy."""
    path = tmp_path_factory.mktemp("seeded") / "seeds.db"
    result = CliRunner().invoke(
        main, ["--db", str(path), "ingest", "--jobs", "1", str(SEEDS)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def seeded_db(seeded_db_template: Path, db_path: Path) -> Path:
    # The backup API copies committed pages including those still in the WAL file.
    with sqlite3.connect(seeded_db_template) as src, sqlite3.connect(db_path) as dst:
        src.backup(dst)
    return db_path
