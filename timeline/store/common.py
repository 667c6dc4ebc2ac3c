"""What the store's modules share that must not need SQLAlchemy to import.

The sqlite3 read path of `timeline list` and `timeline export` (fastread.py) exists so that
those commands start without importing SQLAlchemy; it needs the schema head it may read, the
busy timeout and the errors that the CLI reports in one line, so they live here and
engine.py, migrate.py and query.py take them from this module.
"""

from __future__ import annotations

from collections.abc import Sequence

# The newest revision in alembic/versions; tests/test_migrations.py keeps it true. A database
# at any other revision is upgraded (or refused) through SQLAlchemy and Alembic, never read by
# the sqlite3 path.
SCHEMA_HEAD = "0002"

# Wait this long for another writer's lock before failing: two ingests may share a file.
SQLITE_BUSY_TIMEOUT_MS = 60_000


class StoreError(Exception):
    """A problem with the database location or schema, reported to users in one line."""


class UnknownActorError(LookupError):
    """A name that matches no actor; carries the closest known names."""

    def __init__(self, name: str, suggestions: Sequence[str]) -> None:
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"unknown actor {name!r}{hint}")
        self.name = name
        self.suggestions = list(suggestions)
