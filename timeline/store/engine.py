"""Engines per dialect: URL handling, SQLite pragmas, and read-only connections for ad-hoc SQL."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url
from sqlalchemy.pool import NullPool

from timeline.store.common import SQLITE_BUSY_TIMEOUT_MS as SQLITE_BUSY_TIMEOUT_MS
from timeline.store.common import StoreError as StoreError


def normalise_url(path_or_url: str) -> str:
    """A plain path means SQLite; anything with ``://`` is taken as a SQLAlchemy URL."""
    if "://" in path_or_url:
        if path_or_url.startswith("postgresql://"):
            # psycopg 3 is the driver we ship; SQLAlchemy's default would be psycopg2.
            return "postgresql+psycopg://" + path_or_url[len("postgresql://") :]
        return path_or_url
    return f"sqlite:///{path_or_url}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other dialects and in-memory databases."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    # WAL lets readers (list, sql, Datasette) work while an ingest writes.
    _enter_wal(cur)
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _enter_wal(cur: Any) -> None:
    """Switch the file to WAL, waiting out another process that is doing the same.

    On a new file the switch writes the header: it reads page 1, then upgrades to a write lock.
    SQLite never calls the busy handler for a read-to-write upgrade (that is how it avoids
    deadlock), so two processes opening a new database at once have one fail at connect with
    "database is locked" however long the busy timeout. Retrying the pragma outside any
    transaction is safe: it either finds the file already in WAL or makes the switch itself.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def make_engine(path_or_url: str) -> Engine:
    """An engine for a path or URL; SQLite files get foreign keys, WAL and a busy timeout."""
    url = normalise_url(path_or_url)
    path = sqlite_path(url)
    if path is not None and not path.parent.exists():
        raise StoreError(f"database folder does not exist: {path.parent}")
    if url.startswith("sqlite"):
        # We manage transactions ourselves (BEGIN IMMEDIATE for writers, see session.py).
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if make_url(url).get_backend_name() == "postgresql":
        # No pool: a command opens a session or two, and a pooled connection would outlive
        # it (holding a server slot, keeping `DROP DATABASE` or `CREATE DATABASE ... TEMPLATE`
        # waiting, and warning when garbage-collected in a long-lived process).
        return create_engine(url, poolclass=NullPool)
    return create_engine(url)


# SQLite authorizer action codes that a read-only query has no business with.
_DENIED_ACTIONS = {
    sqlite3.SQLITE_ATTACH,
    sqlite3.SQLITE_DETACH,
}


# Pragmas whose argument is a name to describe, not a value to set.
_NAME_PRAGMAS = frozenset(
    {
        "table_info",
        "table_xinfo",
        "table_list",
        "index_list",
        "index_info",
        "index_xinfo",
        "foreign_key_list",
        "foreign_key_check",
        "integrity_check",
        "quick_check",
    }
)


def _read_only_authorizer(action: int, arg1: str | None, arg2: str | None, *_: Any) -> int:
    if action in _DENIED_ACTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and arg1 not in _NAME_PRAGMAS:
        # A pragma with an argument sets something, except those whose argument names a table
        # or index to describe.
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def make_read_only_engine(path_or_url: str) -> Engine:
    """An engine whose connections cannot change the database.

    SQLite: the file is opened with ``mode=ro`` (the OS-level guarantee), ``query_only`` is set,
    and an authorizer refuses ATTACH/DETACH and writing pragmas. PostgreSQL: the session's
    ``default_transaction_read_only`` is on, every transaction is ``READ ONLY``, and a query is
    one statement. Read-only is enforced by the connection, not by inspecting SQL text.
    """
    url = normalise_url(path_or_url)
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            raise StoreError(f"no such database: {path}")
        uri = f"file:{path.resolve().as_posix()}?mode=ro"

        def connect() -> sqlite3.Connection:
            conn = sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
            conn.execute("PRAGMA query_only = ON")
            conn.set_authorizer(_read_only_authorizer)
            return conn

        return create_engine("sqlite://", creator=connect)
    if make_url(url).get_backend_name() == "postgresql":
        return _postgresql_read_only_engine(url)
    return create_engine(url)


def _with_pg_option(url: str, setting: str) -> str:
    """``url`` with ``-c setting`` added to libpq's ``options``, keeping any already there."""
    u = make_url(url)
    current = u.query.get("options")
    if isinstance(current, tuple):
        current = " ".join(current)
    merged = f"{current} -c {setting}" if current else f"-c {setting}"
    return u.update_query_dict({"options": merged}).render_as_string(hide_password=False)


def _postgresql_read_only_engine(url: str) -> Engine:
    # Two layers: the session default makes every transaction read-only from the first
    # statement on (also any that the driver or SQLAlchemy open), and each transaction is
    # set READ ONLY explicitly in case a pooler dropped the startup option.
    engine = create_engine(
        _with_pg_option(url, "default_transaction_read_only=on"), poolclass=NullPool
    )

    @event.listens_for(engine, "connect")
    def _one_statement(dbapi_conn: Any, _record: Any) -> None:
        # psycopg sends a query without parameters through the simple protocol, which runs
        # "COMMIT; BEGIN READ WRITE; DROP ..." as three statements and escapes the read-only
        # transaction. Preparing every query forces the extended protocol: one statement.
        dbapi_conn.prepare_threshold = 0

    @event.listens_for(engine, "begin")
    def _read_only_txn(conn: Any) -> None:
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")

    return engine
