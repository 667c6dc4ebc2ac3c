"""Opening a store: engine, schema check, sessions. Everything else takes a Session explicitly."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from timeline.store.engine import make_engine
from timeline.store.migrate import ensure_schema


@dataclass
class Store:
    """A database with its engine and session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on any error."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _take_over_sqlite_transactions(engine: Engine, begin: str) -> None:
    # pysqlite's own transaction handling defers BEGIN and cannot do BEGIN IMMEDIATE; without
    # IMMEDIATE two writers that both read first deadlock on lock upgrade and one fails with
    # "database is locked" at once instead of waiting (the busy timeout does not apply).
    @event.listens_for(engine, "connect")
    def _no_driver_txn(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)


def open_store(db: str, *, write: bool = False, migrate: bool = True) -> Store:
    """Open ``db`` (a path or SQLAlchemy URL), upgrading its schema to head on first use.

    ``write=True`` makes SQLite transactions take the write lock at BEGIN, which is what a
    process that writes should do so that concurrent writers queue instead of failing.
    """
    engine = make_engine(db)
    if engine.dialect.name == "sqlite":
        _take_over_sqlite_transactions(engine, "BEGIN IMMEDIATE" if write else "BEGIN")
    if migrate:
        ensure_schema(engine)
    return Store(url=str(engine.url), engine=engine, sessions=sessionmaker(engine))
