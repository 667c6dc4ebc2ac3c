"""Read-only ad-hoc SQL for `timeline sql`: the connection refuses writes, not a parser."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from timeline.store.engine import StoreError, make_read_only_engine


class QueryError(Exception):
    """Bad SQL, a refused write, or a missing parameter; the message is one line."""


def _load_values_as_sqlite_does(engine: Engine) -> None:
    """On PostgreSQL, return booleans as 0/1, numeric as float and JSON as its text.

    SQLite has no boolean, decimal or JSON types, so the same query printed 1 there and true
    here (``events.approximate``). Ad-hoc SQL prints the same values on both backends.
    """
    from psycopg.adapt import Buffer, Loader
    from psycopg.types.numeric import FloatLoader

    class BoolAsInt(Loader):
        def load(self, data: Buffer) -> int:
            return 1 if bytes(data) == b"t" else 0

    class JsonAsText(Loader):
        def load(self, data: Buffer) -> str:
            return bytes(data).decode()

    @event.listens_for(engine, "connect")
    def _loaders(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.adapters.register_loader("bool", BoolAsInt)
        dbapi_conn.adapters.register_loader("numeric", FloatLoader)
        dbapi_conn.adapters.register_loader("json", JsonAsText)
        dbapi_conn.adapters.register_loader("jsonb", JsonAsText)


def run_read_only(
    db: str, query: str, params: Mapping[str, Any]
) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Columns and a row iterator for ``query`` with named ``params`` bound."""
    try:
        engine = make_read_only_engine(db)
    except StoreError as e:
        raise QueryError(str(e)) from None
    if engine.dialect.name == "postgresql":
        _load_values_as_sqlite_does(engine)
    conn = engine.connect()
    try:
        result = conn.execute(text(query), dict(params))
    except DBAPIError as e:
        conn.close()
        engine.dispose()
        message = str(e.orig)
        if (
            "readonly" in message.replace("-", "").replace(" ", "").lower()
            or "not authorized" in message
        ):
            raise QueryError(f"refused: the database is opened read-only ({message})") from None
        if "multiple commands" in message:
            # PostgreSQL: every query is prepared, which takes one statement (engine.py).
            raise QueryError(f"refused: one statement at a time ({message})") from None
        raise QueryError(f"SQL error: {message}") from None
    except SQLAlchemyError as e:
        conn.close()
        engine.dispose()
        raise QueryError(f"SQL error: {e}") from None
    if not result.returns_rows:
        conn.close()
        engine.dispose()
        return [], iter(())
    columns = list(result.keys())

    def rows() -> Iterator[tuple[Any, ...]]:
        try:
            for row in result:
                yield tuple(row)
        finally:
            conn.close()
            engine.dispose()

    return columns, rows()
