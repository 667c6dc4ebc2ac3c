"""Parallel ingest into one PostgreSQL database: two real `timeline ingest` processes on
overlapping folders store every document once, and the same rows as one process would.

The documents share people that no dictionary knows, named in different orders, so the two
writers insert the same new actors concurrently (the unique constraints settle it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import SHARED
from tests.pg import requires_postgres, temporary_database
from timeline.store.engine import make_engine

pytestmark = [*requires_postgres, pytest.mark.slow]

N_DOCS = 16
PEOPLE = ["Ana Lucia Moreno", "Carlos Ruiz Beltran", "Hamid Rezaei Nouri", "Elena Sorokina"]


def _article(i: int) -> str:
    a, b = PEOPLE[i % 4], PEOPLE[(i + 1) % 4]
    if i % 2:
        a, b = b, a
    return (
        f"Iran and Argentina signed agreement number {i} in Buenos Aires on {i + 1} March 2015, "
        f"officials said.\n\nForeign Minister {a} met {b} in Tehran on Monday. "
        f"In {2000 + i}, Venezuela joined the talks with {a}.\n"
    )


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two folders sharing half their documents: a holds 0-11, b holds 4-15."""
    root = tmp_path_factory.mktemp("articles")
    a, b = root / "a", root / "b"
    a.mkdir()
    b.mkdir()
    for i in range(N_DOCS):
        name = f"2015-03-{20 + i % 8:02d}-doc{i:02d}.txt"
        if i < 12:
            (a / name).write_text(_article(i), encoding="utf-8")
        if i >= 4:
            (b / name).write_text(_article(i), encoding="utf-8")
    return a, b


@pytest.fixture(scope="module")
def expected(
    folders: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, int]:
    """The counts after one process stored every document once (into SQLite)."""
    reference = str(tmp_path_factory.mktemp("reference") / "reference.db")
    one = _ingest(reference, *folders)
    out, _ = one.communicate(timeout=300)
    assert one.returncode == 0, out
    counts = _counts(reference)
    assert counts["documents"] == N_DOCS
    assert counts["people"] > 0
    return counts


@pytest.fixture
def pg_url() -> Iterator[str]:
    with temporary_database() as url:
        yield url


def _ingest(db: str, *paths: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "timeline", "--db", db, "ingest", "--jobs", "1", *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "TIMELINE_DB"},
    )


def _counts(db: str) -> dict[str, int]:
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            q = {
                "documents": "SELECT count(*) FROM documents",
                "distinct_texts": "SELECT count(DISTINCT content_hash) FROM documents",
                "events": "SELECT count(*) FROM events",
                "duplicate_events": "SELECT count(*) FROM (SELECT document_id, position "
                "FROM events GROUP BY 1, 2 HAVING count(*) > 1) d",
                "people": "SELECT count(*) FROM actors WHERE name IN ("
                + ", ".join(f"'{p}'" for p in PEOPLE)
                + ")",
                "actors": "SELECT count(*) FROM actors",
                "links": "SELECT count(*) FROM event_actors",
            }
            return {k: int(conn.scalar(text(v)) or 0) for k, v in q.items()}
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "schema_first",
    [
        pytest.param(True, id="schema-first"),
        # Both processes find no schema and run the migrations at once: the advisory lock in
        # alembic/env.py makes the second wait.
        pytest.param(False, id="new-database"),
    ],
)
def test_two_processes_on_overlapping_folders(
    folders: tuple[Path, Path], expected: dict[str, int], pg_url: str, schema_first: bool
) -> None:
    a, b = folders

    if schema_first:
        upgrade = subprocess.run(
            [sys.executable, "-m", "timeline", "--db", pg_url, "db", "upgrade"],
            capture_output=True,
            text=True,
        )
        assert upgrade.returncode == 0, upgrade.stderr
    first, second = _ingest(pg_url, a), _ingest(pg_url, b)
    out_a, _ = first.communicate(timeout=300)
    out_b, _ = second.communicate(timeout=300)
    assert first.returncode == 0, out_a
    assert second.returncode == 0, out_b
    assert "failed 0" in out_a and "failed 0" in out_b, out_a + out_b

    got = _counts(pg_url)
    assert got["documents"] == got["distinct_texts"] == N_DOCS
    assert got["duplicate_events"] == 0
    assert got == expected


TE3 = SHARED / "corpora" / "te3-silver"


@pytest.mark.skipif(not TE3.is_dir(), reason=f"{TE3} is not there")
def test_two_processes_on_overlapping_news(pg_url: str, tmp_path: Path) -> None:
    """300 TimeBank articles, 200 per process, 100 shared: new actors appear all along, so the
    two writers' batches contend on them as well as on the shared documents."""
    files = sorted(TE3.glob("*.tml"))[:300]
    folders = [tmp_path / "a", tmp_path / "b"]
    for folder, part in zip(folders, (files[:200], files[100:]), strict=True):
        folder.mkdir()
        for f in part:
            (folder / f.name).symlink_to(f)
    upgrade = subprocess.run(
        [sys.executable, "-m", "timeline", "--db", pg_url, "db", "upgrade"],
        capture_output=True,
        text=True,
    )
    assert upgrade.returncode == 0, upgrade.stderr
    first, second = (_ingest(pg_url, folder) for folder in folders)
    out_a, _ = first.communicate(timeout=600)
    out_b, _ = second.communicate(timeout=600)
    assert "failed 0" in out_a and "failed 0" in out_b, out_a + out_b
    got = _counts(pg_url)
    assert got["documents"] == got["distinct_texts"] == 300
    assert got["duplicate_events"] == 0
