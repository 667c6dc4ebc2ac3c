"""`timeline sql` is read-only by construction and binds parameters."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import Invoke


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def empty_db(run: Invoke, db_path: Path) -> Path:
    assert run("sql", "SELECT 1").exit_code == 0  # creates the schema
    return db_path


@pytest.mark.parametrize(
    "statement",
    [
        pytest.param(
            "INSERT INTO documents(content_hash, source, format, published_source, text, word_count, ingested_at) VALUES ('x','y','text','none','t',1,'now')",
            id="insert",
        ),
        pytest.param("UPDATE actors SET name = 'x'", id="update"),
        pytest.param("DELETE FROM events", id="delete"),
        pytest.param("DROP TABLE events", id="drop"),
        pytest.param("CREATE TABLE evil(x)", id="create"),
        pytest.param("ATTACH DATABASE 'other.db' AS other", id="attach"),
        pytest.param("PRAGMA journal_mode = DELETE", id="writing-pragma"),
        pytest.param("PRAGMA user_version = 7", id="user-version"),
    ],
)
def test_writes_are_refused_and_the_file_is_unchanged(
    run: Invoke, empty_db: Path, statement: str
) -> None:
    before = _digest(empty_db)
    result = run("sql", statement)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert _digest(empty_db) == before
    assert not (empty_db.parent / "other.db").exists()


def test_parameters_are_bound_not_pasted(run: Invoke, empty_db: Path) -> None:
    value = "x' OR '1'='1"
    result = run(
        "sql",
        "SELECT :v AS v, count(*) AS n FROM actors WHERE name = :v",
        "-p",
        "v",
        value,
        "--json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"v": value, "n": 0}]


def test_bad_sql_is_one_line(run: Invoke, empty_db: Path) -> None:
    result = run("sql", "SELEC nonsense")
    assert result.exit_code == 1
    assert result.output.startswith("Error: SQL error:")
    assert len(result.output.strip().splitlines()) == 1


def test_reading_pragmas_still_work(run: Invoke, empty_db: Path) -> None:
    result = run("sql", "PRAGMA table_info(events)", "--csv")
    assert result.exit_code == 0, result.output
    assert "date_start" in result.output
