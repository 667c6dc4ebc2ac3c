"""The sqlite3 read path of `list` and `export` (store/fastread.py) against the SQLAlchemy one.

Both must give the same events and the same bytes in every format; the fast path must be
taken only for an existing SQLite file at the schema head, read-only, and must not import
SQLAlchemy (that is what it is for).
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from click.testing import CliRunner, Result

from tests.conftest import ROOT
from timeline.cli import main
from timeline.cli.options import EVENT_FORMATS
from timeline.export.records import event_cells
from timeline.store import fastread
from timeline.store.chronology import EventFilter
from timeline.store.database import open_store
from timeline.store.engine import make_engine
from timeline.store.migrate import alembic_config, current_revision, downgrade
from timeline.store.query import iter_events
from timeline.temporal.types import Precision


@pytest.fixture(scope="session")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic database (benchmarks/synth.py): ties on dates, events linked to
    several affiliated actors, places, unresolved dates, many documents."""
    path = tmp_path_factory.mktemp("synth") / "synth.db"
    synth = ["--events", "5000", "--actors", "400", "--db", str(path)]
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "synth.py"), *synth],
        check=True,
        capture_output=True,
    )
    return path


@pytest.fixture(params=["seeds", "synth"])
def any_db(request: pytest.FixtureRequest, synth_db: Path) -> Path:
    if request.param == "synth":
        return synth_db
    path: Path = request.getfixturevalue("seeded_db")
    return path


def _place(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
            "WHERE ea.role = 'place' GROUP BY a.name ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    return str(row[0])


def _filters(db: Path) -> list[EventFilter]:
    place = _place(db)
    period = {"date_from": date(2005, 1, 1), "date_to": date(2012, 12, 31)}
    return [
        EventFilter(),
        EventFilter(limit=7, offset=3),
        EventFilter(reverse=True, limit=40),
        EventFilter(actors=("Iran",)),
        EventFilter(actors=("Iran",), limit=50),
        EventFilter(actors=("  IRAN ",), limit=20, reverse=True),
        EventFilter(actors=("Iran",), **period),
        EventFilter(actors=("Iran",), exact=True, limit=30, offset=5),
        EventFilter(actors=("Iran", "Israel"), limit=60),
        EventFilter(actors=("Iran", "Israel"), all_actors=True),
        EventFilter(actors=("Iran",), places=(place,)),
        EventFilter(places=(place,), reverse=True),
        EventFilter(places=(place,), exact=True),
        EventFilter(text="the", limit=25),
        EventFilter(actors=("Iran",), text="the said", reverse=True, limit=15),
        EventFilter(text='Iran "quoted', **period),
        EventFilter(document="1"),
        EventFilter(document="2", actors=("Iran",)),
        EventFilter(min_precision=Precision.MONTH, limit=80),
        EventFilter(actors=("Iran",), min_precision=Precision.YEAR, date_from=date(2000, 1, 1)),
        EventFilter(date_to=date(1950, 12, 31), reverse=True, offset=2),
        EventFilter(limit=0),
    ]


@pytest.fixture
def reader(any_db: Path) -> Iterator[fastread.FastReader]:
    r = fastread.open_reader(str(any_db))
    assert r is not None
    with r:
        yield r


def test_the_same_events_as_the_sqlalchemy_path(any_db: Path, reader: fastread.FastReader) -> None:
    store = open_store(str(any_db))
    try:
        for flt in _filters(any_db):
            with store.session() as session:
                expected = list(iter_events(session, flt))
            assert list(reader.events(flt)) == expected, flt
    finally:
        store.close()
    # the comparisons were about something
    assert len(list(reader.events(EventFilter(actors=("Iran",))))) > 10


def test_cells_are_the_event_cells_of_its_events(reader: fastread.FastReader, any_db: Path) -> None:
    # What CSV and TSV are written from on this path, built without EventRows.
    for flt in _filters(any_db):
        assert list(reader.event_cells(flt)) == [event_cells(r) for r in reader.events(flt)], flt


def test_pages_beyond_the_first_and_ties_across_them(synth_db: Path) -> None:
    # 2 * need + 64 rows a page: with --offset, later pages and runs of equal dates are read.
    store = open_store(str(synth_db))
    try:
        with fastread.open_reader(str(synth_db)) as r, store.session() as session:  # type: ignore[union-attr]
            for flt in (
                EventFilter(limit=300, offset=400),
                EventFilter(actors=("Iran",), limit=200, offset=700, reverse=True),
            ):
                rows = list(r.events(flt))
                assert len(rows) == flt.limit
                assert rows == list(iter_events(session, flt))
    finally:
        store.close()


def _cli(db: Path, *args: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Result:
    """The CLI on ``db``, made to take (and checked to take) the fast path or not."""
    taken: list[bool] = []
    real = fastread.open_reader

    def spy(path: str) -> fastread.FastReader | None:
        r = real(path) if fast else None
        taken.append(r is not None)
        return r

    with monkeypatch.context() as m:
        m.setattr(fastread, "open_reader", spy)
        result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert taken == [fast], (taken, result.output)
    return result


@pytest.mark.parametrize("fmt", EVENT_FORMATS)
def test_the_same_bytes_in_every_format(
    any_db: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # TimelineJS cannot place events with unresolved dates (it raises on both paths)
    undated = ("--from", "1000") if fmt.startswith("timelinejs") else ()
    for args in (
        ("list", "--format", fmt, "--actor", "Iran", "--limit", "40"),
        ("list", "--format", fmt, "--from", "2005", "--to", "2012", "--reverse"),
        ("export", "--format", fmt, "--text", "the", *undated),
    ):
        fast = _cli(any_db, *args, fast=True, monkeypatch=monkeypatch)
        slow = _cli(any_db, *args, fast=False, monkeypatch=monkeypatch)
        assert fast.exit_code == slow.exit_code == 0, fast.output
        assert fast.stdout_bytes == slow.stdout_bytes
        assert len(fast.stdout_bytes) > 100


def test_raw_csv_export_to_a_file_is_the_same(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = []
    for fast in (True, False):
        out = tmp_path / "out.csv"
        result = _cli(
            seeded_db, "export", "--raw", "-o", str(out), fast=fast, monkeypatch=monkeypatch
        )
        outputs.append((result.output, out.read_bytes()))
    assert outputs[0] == outputs[1]


def test_csv_of_awkward_values_is_the_same(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Values the seeds lack: formulas in every cell from documents, no publication date,
    # unresolved dates (NULL dates and precision), a flagged date.
    with sqlite3.connect(seeded_db) as conn:
        conn.execute(
            "UPDATE documents SET source = '=' || source, published = NULL WHERE id % 2 = 0"
        )
        conn.execute("UPDATE actors SET name = '@' || name WHERE id % 3 = 0")
        conn.execute("UPDATE timexes SET text = '-' || text WHERE id % 2 = 1")
        conn.execute("UPDATE events SET text = '+' || text, approximate = 1 WHERE id % 4 = 1")
        conn.execute(
            "UPDATE events SET date_start = NULL, date_end = NULL, precision = NULL "
            "WHERE id % 5 = 2"
        )
    store = open_store(str(seeded_db))
    try:
        with fastread.open_reader(str(seeded_db)) as r, store.session() as session:  # type: ignore[union-attr]
            expected = [event_cells(row) for row in iter_events(session, EventFilter())]
            assert list(r.event_cells(EventFilter())) == expected
    finally:
        store.close()
    # and the cells path must be the one taken: no EventRow is built for CSV or TSV
    monkeypatch.setattr(fastread.FastReader, "events", None)
    for fmt in ("csv", "tsv"):
        for raw in ((), ("--raw",)):
            args = ("export", "--format", fmt, *raw)
            fast = _cli(seeded_db, *args, fast=True, monkeypatch=monkeypatch)
            slow = _cli(seeded_db, *args, fast=False, monkeypatch=monkeypatch)
            assert fast.exit_code == slow.exit_code == 0, fast.output
            assert fast.stdout_bytes == slow.stdout_bytes
            text = fast.stdout.replace("\t", ",")
            for mark in ("=", "@", "-", "+"):  # a neutralised cell, quoted or not
                assert bool(re.search(f",\"?'{re.escape(mark)}", text)) != bool(raw), (fmt, mark)
            assert ",true" in text and ",," in text


def test_an_unknown_actor_reads_the_same(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for fmt in ("table", "csv"):
        args = ("list", "--format", fmt, "--actor", "Irn")
        fast = _cli(seeded_db, *args, fast=True, monkeypatch=monkeypatch)
        slow = _cli(seeded_db, *args, fast=False, monkeypatch=monkeypatch)
        assert (fast.exit_code, fast.output) == (slow.exit_code, slow.output)
        assert fast.exit_code == 1
        assert "unknown actor 'Irn' (did you mean: " in fast.output and "Iran" in fast.output


def test_merged_lists_go_through_sqlalchemy(
    seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[str] = []
    monkeypatch.setattr(fastread, "open_reader", lambda db: called.append(db))
    result = CliRunner().invoke(main, ["--db", str(seeded_db), "list", "--merged"])
    assert result.exit_code == 0 and result.output
    assert called == []


def test_only_an_existing_sqlite_file_at_the_head_revision(seeded_db: Path, tmp_path: Path) -> None:
    r = fastread.open_reader(str(seeded_db))
    assert r is not None
    r.close()
    assert fastread.open_reader(str(tmp_path / "new.db")) is None
    assert not (tmp_path / "new.db").exists()
    assert fastread.open_reader(f"sqlite:///{seeded_db}") is None
    assert fastread.open_reader("postgresql://user@localhost/timeline") is None
    assert fastread.open_reader(":memory:") is None
    assert fastread.open_reader(str(tmp_path)) is None  # a folder
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    assert fastread.open_reader(str(empty)) is None  # no schema yet
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    assert fastread.open_reader(str(junk)) is None
    with sqlite3.connect(seeded_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")  # a newer timeline's
    assert fastread.open_reader(str(seeded_db)) is None


def test_a_database_that_needs_upgrading_is_upgraded_by_list(seeded_db: Path) -> None:
    downgrade(make_engine(str(seeded_db)), "0001")
    assert fastread.open_reader(str(seeded_db)) is None
    result = CliRunner().invoke(main, ["--db", str(seeded_db), "list", "--actor", "Iran"])
    assert result.exit_code == 0, result.output
    assert current_revision(make_engine(str(seeded_db))) == fastread.SCHEMA_HEAD
    assert fastread.open_reader(str(seeded_db)) is not None


def test_bad_database_errors_read_as_before(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    result = CliRunner().invoke(main, ["--db", str(junk), "list"])
    assert result.exit_code == 1
    assert result.output == "Error: database error: file is not a database\n"


def test_the_head_it_reads_is_alembics_head() -> None:
    # A new migration must move fastread's head too, or the fast path would read an old schema.
    assert ScriptDirectory.from_config(alembic_config()).get_heads() == [fastread.SCHEMA_HEAD]


def test_the_connection_is_read_only(reader: fastread.FastReader) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.conn.execute("CREATE TABLE t (x)")


def _imports(db: Path, *args: str) -> tuple[str, str]:
    """stdout and the ``-X importtime`` lines of `timeline --db DB ARGS` in a subprocess."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "timeline", "--db", str(db), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout, done.stderr


def test_list_on_an_up_to_date_file_does_not_import_sqlalchemy(
    seeded_db: Path, tmp_path: Path
) -> None:
    out, imports = _imports(seeded_db, "list", "--actor", "Iran", "--format", "csv")
    assert "Zarif" in out
    assert "import time:" in imports and "sqlalchemy" not in imports
    out, imports = _imports(seeded_db, "export", "--from", "2010")
    assert out.startswith("event_id,") and "sqlalchemy" not in imports
    # the same command on a new database takes the SQLAlchemy path (and so imports it)
    _out, imports = _imports(tmp_path / "new.db", "list")
    assert "sqlalchemy" in imports


def test_order_is_dates_then_document_position_and_offsets_slice_it(
    synth_db: Path, tmp_path: Path
) -> None:
    # Ids follow document order until a document is reprocessed; here they run against it:
    # documents in reverse, and in half of them the events too.
    db = tmp_path / "reordered.db"
    with sqlite3.connect(synth_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
        last = dst.execute("SELECT max(id) FROM documents").fetchone()[0]
        dst.execute("UPDATE events SET document_id = ? + 1 - document_id", (last,))
        dst.execute("UPDATE events SET position = 10000 - position WHERE document_id % 2 = 0")
        # An oracle independent of the query layer: every Iran event, sorted in Python.
        position = dict(dst.execute("SELECT id, position FROM events"))
    store = open_store(str(db))
    try:
        with fastread.open_reader(str(db)) as r, store.session() as session:  # type: ignore[union-attr]
            for reverse in (False, True):
                iran = EventFilter(actors=("Iran",), reverse=reverse)
                everything = list(r.events(iran))
                assert everything == list(iter_events(session, iran))
                assert list(r.event_cells(iran)) == [event_cells(x) for x in everything]
                dated = [row for row in everything if row.date_start]
                key = [
                    (x.date_start, x.date_end, x.document_id, position[x.event_id]) for x in dated
                ]
                assert key == sorted(key, reverse=reverse)
                assert all(not row.date_start for row in everything[len(dated) :])
                assert len({row.event_id for row in everything}) == len(everything) > 500
                for offset, limit in ((0, 1), (1, 50), (77, 333), (len(dated) - 3, 10), (2000, 1)):
                    flt = replace(iran, offset=offset, limit=limit)
                    assert list(r.events(flt)) == everything[offset : offset + limit]
    finally:
        store.close()
