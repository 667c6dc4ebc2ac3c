"""State shared by all commands (``ctx.obj``) and the way commands open the store."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from timeline.store.database import Store

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class CliContext:
    db: str
    _stores: dict[bool, Store] = field(default_factory=dict)

    def store(self, *, write: bool = False) -> Store:
        """The store at ``--db``, upgraded to the current schema (one-line error otherwise)."""
        if write not in self._stores:
            from timeline.store.database import open_store

            with friendly_errors():
                self._stores[write] = open_store(self.db, write=write)
        return self._stores[write]

    def close(self) -> None:
        for store in self._stores.values():
            store.close()
        self._stores.clear()


def pass_cli(f: F) -> F:
    """Pass the CliContext as the first argument."""
    return click.pass_obj(f)  # type: ignore[return-value]


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn expected failures (bad database, bad SQL, unknown actor) into one-line errors."""
    from timeline.store.common import StoreError, UnknownActorError

    try:
        yield
    except (StoreError, UnknownActorError) as e:
        raise click.ClickException(str(e)) from None
    except sqlite3.Error as e:  # the sqlite3 read path (store/fastread.py) and raw cursors
        raise click.ClickException(f"database error: {first_line(str(e))}") from None
    except Exception as e:
        # Without SQLAlchemy loaded (`list` on the sqlite3 path) no error can be SQLAlchemy's,
        # and importing it just to find out would undo that path's start-up gain.
        exc = sys.modules.get("sqlalchemy.exc")
        if exc is not None and isinstance(e, exc.DBAPIError):
            raise click.ClickException(f"database error: {first_line(str(e.orig))}") from None
        if exc is not None and isinstance(e, exc.SQLAlchemyError):
            raise click.ClickException(f"database error: {first_line(str(e))}") from None
        raise


def first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message
