"""The schema is owned by Alembic: upgrade, downgrade, and agreement with the models."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from timeline.store.database import open_store
from timeline.store.engine import make_engine
from timeline.store.migrate import SCHEMA_HEAD, alembic_config, current_revision, downgrade, upgrade
from timeline.store.models import Base
from timeline.store.schema_extras import include_name


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")
        }


def test_empty_to_head_creates_every_table_view_and_fts(db_path: Path) -> None:
    engine = make_engine(str(db_path))
    upgrade(engine)
    assert current_revision(engine) == SCHEMA_HEAD
    names = _tables(db_path)
    assert {t.name for t in Base.metadata.sorted_tables} <= names
    assert {"events_view", "events_fts"} <= names


def test_head_to_base_to_head(db_path: Path) -> None:
    engine = make_engine(str(db_path))
    upgrade(engine)
    downgrade(engine, "base")
    assert _tables(db_path) <= {"alembic_version"}
    upgrade(engine)
    assert current_revision(engine) == SCHEMA_HEAD


def test_models_and_migrations_agree(db_path: Path) -> None:
    engine = make_engine(str(db_path))
    upgrade(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_name": include_name, "compare_type": True}
        )
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_history_is_linear_and_head_constant_is_current() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [SCHEMA_HEAD]
    for rev in script.walk_revisions():
        assert not rev.is_merge_point
        assert not rev.is_branch_point


def test_sqlite_connections_use_foreign_keys_wal_and_busy_timeout(db_path: Path) -> None:
    engine = make_engine(str(db_path))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_new_file_held_by_another_writer_waits_instead_of_failing_at_connect(
    db_path: Path,
) -> None:
    # Two ingests started at once on a new file: the other process holds the write lock while
    # this one switches the file to WAL (a read-to-write upgrade SQLite never waits for).
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    releaser = threading.Timer(0.3, other.rollback)
    releaser.start()
    try:
        store = open_store(str(db_path), write=True)
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert current_revision(store.engine) == SCHEMA_HEAD
        store.close()
    finally:
        releaser.join()
        other.close()
