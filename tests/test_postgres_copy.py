"""`timeline db copy`: SQLite -> PostgreSQL -> SQLite keeps every row, id and answer.

The SQLite-to-SQLite case needs no server and always runs; the others need PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.pg import postgres_test, temporary_database
from timeline.cli import main
from timeline.store.models import Base

TABLES = [t.name for t in Base.metadata.sorted_tables]


def cli(db: str | Path, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args], input=input, catch_exceptions=False)


def _counts(output: str) -> dict[str, tuple[int, int]]:
    """The per-table lines of `db copy` output: table -> (source, target)."""
    lines = output.splitlines()
    assert lines[0].split() == ["table", "source", "target"], output
    return {name: (int(s), int(t)) for name, s, t in (line.split()[:3] for line in lines[1:])}


@pytest.fixture
def pg_url() -> Iterator[str]:
    with temporary_database() as url:
        yield url


@pytest.fixture
def pg_url2() -> Iterator[str]:
    with temporary_database() as url:
        yield url


def _same_answers(a: str | Path, b: str | Path) -> None:
    for args in (
        ("list",),
        ("list", "--actor", "Iran", "--json"),
        ("list", "--text", "embassy", "--json"),
        ("sql", "SELECT * FROM events_view ORDER BY event_id", "--csv"),
        ("show", "5", "--no-color"),
        ("stats", "--json"),
        ("docs",),
    ):
        left, right = cli(a, *args), cli(b, *args)
        assert left.exit_code == 0, left.output
        assert right.output == left.output, args


def test_sqlite_to_sqlite(seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    result = cli(seeded_db, "db", "copy", "--to", str(target))
    assert result.exit_code == 0, result.output
    counts = _counts(result.stdout)
    assert list(counts) == TABLES
    assert all(s == t for s, t in counts.values())
    assert counts["events"][0] > 0
    _same_answers(seeded_db, target)


@postgres_test
def test_round_trip_sqlite_postgresql_sqlite(seeded_db: Path, pg_url: str, tmp_path: Path) -> None:
    to_pg = cli(seeded_db, "db", "copy", "--to", pg_url)
    assert to_pg.exit_code == 0, to_pg.output
    back = tmp_path / "back.db"
    to_lite = cli(pg_url, "db", "copy", "--to", str(back))
    assert to_lite.exit_code == 0, to_lite.output
    assert _counts(to_pg.stdout) == _counts(to_lite.stdout)
    _same_answers(seeded_db, pg_url)
    # The FTS5 index of the SQLite copy was filled by its triggers.
    _same_answers(seeded_db, back)


@postgres_test
def test_postgresql_copy_takes_new_rows_after_the_copied_ids(seeded_db: Path, pg_url: str) -> None:
    assert cli(seeded_db, "db", "copy", "--to", pg_url).exit_code == 0
    before = json.loads(cli(pg_url, "sql", "SELECT max(id) AS m FROM events", "--json").output)
    text = "On 3 March 2015, Iran and Argentina signed an agreement in Buenos Aires.\n"
    result = cli(pg_url, "ingest", "--jobs", "1", "--published", "2015-03-04", "-", input=text)
    assert result.exit_code == 0, result.output
    after = json.loads(
        cli(
            pg_url,
            "sql",
            "SELECT min(id) AS m FROM events WHERE document_id = (SELECT max(id) FROM documents)",
            "--json",
        ).output
    )
    assert after[0]["m"] > before[0]["m"]


@postgres_test
def test_non_empty_target_is_refused_unless_replace(seeded_db: Path, pg_url: str) -> None:
    assert cli(seeded_db, "db", "copy", "--to", pg_url).exit_code == 0
    again = cli(seeded_db, "db", "copy", "--to", pg_url)
    assert again.exit_code == 1
    assert again.output.startswith("Error: the target database is not empty")
    assert "--replace" in again.output
    assert len(again.output.strip().splitlines()) == 1
    replaced = cli(seeded_db, "db", "copy", "--to", pg_url, "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert all(s == t for s, t in _counts(replaced.stdout).values())
    _same_answers(seeded_db, pg_url)


@postgres_test
def test_postgresql_to_postgresql(seeded_db: Path, pg_url: str, pg_url2: str) -> None:
    assert cli(seeded_db, "db", "copy", "--to", pg_url).exit_code == 0
    result = cli(pg_url, "db", "copy", "--to", pg_url2)
    assert result.exit_code == 0, result.output
    _same_answers(pg_url, pg_url2)


def test_copy_onto_itself_is_refused(seeded_db: Path) -> None:
    result = cli(seeded_db, "db", "copy", "--to", f"sqlite:///{seeded_db}")
    assert result.exit_code == 1
    assert result.output == "Error: --to names the database being copied\n"


def test_missing_source_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    result = cli(tmp_path / "nope.db", "db", "copy", "--to", str(tmp_path / "to.db"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: no such database")
    assert not (tmp_path / "nope.db").exists()
