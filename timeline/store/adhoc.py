"""Read-only ad-hoc SQL for `timeline sql`: the connection refuses writes, not a parser."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from timeline.store.engine import StoreError, make_read_only_engine


class QueryError(Exception):
    """Bad SQL, a refused write, or a missing parameter; the message is one line."""


def run_read_only(
    db: str, query: str, params: Mapping[str, Any]
) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Columns and a row iterator for ``query`` with named ``params`` bound."""
    try:
        engine = make_read_only_engine(db)
    except StoreError as e:
        raise QueryError(str(e)) from None
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
