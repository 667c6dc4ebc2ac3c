"""`timeline list` and `timeline export` on an up-to-date SQLite file, through sqlite3 alone.

Why this exists: on a million events the query of a `list --actor X --limit 50` answers in
milliseconds, but importing SQLAlchemy (which pulls in asyncio and ssl) and mapping the models
took about half a second of its start-up (issue 7, benchmarks/RESULTS.md). This module and
everything it imports must therefore not import SQLAlchemy; tests/test_fastread.py checks that
a `timeline list` subprocess never loads it.

It is taken only when it is safe (:func:`open_reader`): a plain path to an existing SQLite
file whose schema is at the head revision this code knows, opened read-only (``mode=ro``).
Anything else (a new database, one that needs upgrading, a URL, `--merged`) goes through
SQLAlchemy as before, which also reports bad databases. Only the two id statements of a
filter are written here, as build_query writes them for SQLite (same conditions, order and
indexes); the filter, their paging and ordering, actor suggestions and the rows themselves are
chronology.py's, shared with query.py, and tests/test_fastread.py compares both paths' output.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

from timeline.store.chronology import (
    CHUNK,
    EVENT_CELLS,
    EVENT_ROWS,
    PLACE_RELATIONS,
    EventFilter,
    Page,
    RowShape,
    T,
    allowed_precisions,
    chronological_rows,
    close_names,
    document_keys,
    fts5_query,
    in_list,
)
from timeline.store.common import SCHEMA_HEAD, SQLITE_BUSY_TIMEOUT_MS, UnknownActorError
from timeline.store.names import alias_key
from timeline.store.rows import EventRow
from timeline.store.schema_extras import FTS_TABLE

_FTS_ROWIDS = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?"
_DOCUMENT = (
    "events.document_id IN (SELECT documents.id FROM documents WHERE documents.source = ? "
    "OR documents.source LIKE ? ESCAPE '\\' OR documents.title = ? "
    "OR documents.external_id = ? OR documents.id = ?)"
)

# A condition with its parameters, in the order they appear in the statement.
Cond = tuple[str, Sequence[Any]]


def open_reader(db: str) -> FastReader | None:
    """A reader for ``db`` (the CLI's --db), or None when the SQLAlchemy path must serve it."""
    if "://" in db or db in ("", ":memory:"):
        return None
    path = Path(db)
    if not path.is_file():
        return None  # SQLAlchemy creates it (or says why it cannot)
    uri = f"file:{quote(path.resolve().as_posix())}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        row = None  # not a database, no schema yet, or unreadable: the usual path says so
    if row is None or row[0] != SCHEMA_HEAD:
        conn.close()
        return None
    # No mmap_size: reading pages through a memory map saved about 1 s of system time on a
    # 100,000-event export, but the mapped pages count in the process's resident memory
    # (413 MiB instead of 40 MiB for that export), and an export's memory is to stay flat.
    return FastReader(conn)


class FastReader:
    """The events of an EventFilter from a read-only sqlite3 connection (see open_reader)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> FastReader:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def fetch(self, sql: str) -> list[Any]:
        return self.conn.execute(sql).fetchall()

    def events(self, flt: EventFilter) -> Iterator[EventRow]:
        """Events matching ``flt`` in chronological order, as query.iter_events yields them."""
        return self._rows(flt, EVENT_ROWS)

    def event_cells(self, flt: EventFilter) -> Iterator[list[str]]:
        """The same events as the cells of timeline.export.records.EVENT_COLUMNS (what
        ``records.event_cells`` makes of each EventRow), for CSV and TSV without EventRows."""
        return self._rows(flt, EVENT_CELLS)

    def _rows(self, flt: EventFilter, shape: RowShape[T]) -> Iterator[T]:
        # A generator, as iter_events: an unknown actor is raised at the first row, after
        # whatever the format writes first, so that both paths' output agrees to the byte.
        dated, undated, dated_exact = self.statements(flt)
        pages = self._page(*dated), self._page(*undated)
        yield from chronological_rows(flt, *pages, dated_exact, self.fetch, shape)

    def _page(self, sql: str, params: Sequence[Any]) -> Page:
        def page(limit: int | None, offset: int) -> Iterator[Sequence[Any]]:
            if limit is None:
                cursor = self.conn.execute(sql, params)
            else:
                cursor = self.conn.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset])
            while part := cursor.fetchmany(CHUNK):
                yield from part

        return page

    def resolve_actor(self, name: str, *, exact: bool, place: bool = False) -> set[int]:
        """Actor ids that ``--actor NAME`` (or ``--place NAME``) stands for, as in query.py."""
        key = alias_key(name)
        roots = self._ids("SELECT DISTINCT actor_id FROM actor_aliases WHERE alias_key = ?", key)
        if not roots:
            roots = self._ids("SELECT actors.id FROM actors WHERE lower(actors.name) = ?", key)
        if not roots:
            names = [r[0] for r in self.conn.execute("SELECT DISTINCT actors.name FROM actors")]
            raise UnknownActorError(name, close_names(name, names))
        if exact:
            return roots
        step = "actor_affiliations.parent_id = tree.id"
        if place:
            step += (
                " AND actor_affiliations.relation IN ("
                + ", ".join("?" * len(PLACE_RELATIONS))
                + ")"
            )
        sql = (
            f"WITH RECURSIVE tree(id) AS (SELECT actors.id FROM actors WHERE actors.id IN "
            f"{in_list(sorted(roots))} UNION SELECT actor_affiliations.actor_id "
            f"FROM actor_affiliations JOIN tree ON {step}) SELECT tree.id FROM tree"
        )
        return self._ids(sql, *(PLACE_RELATIONS if place else ()))

    def _ids(self, sql: str, *params: Any) -> set[int]:
        return {r[0] for r in self.conn.execute(sql, params)}

    def statements(self, flt: EventFilter) -> tuple[Cond, Cond, bool]:
        """The dated and undated id statements of ``flt`` with their parameters, and whether
        the dated one is in full chronological order: query.build_query's, written for SQLite."""
        groups: list[tuple[set[int], str]] = []
        if flt.actors:
            resolved = [self.resolve_actor(a, exact=flt.exact) for a in flt.actors]
            if flt.all_actors:
                groups.extend((ids, "actor") for ids in resolved)
            else:
                groups.append((set().union(*resolved), "actor"))
        for p in flt.places:
            groups.append((self.resolve_actor(p, exact=flt.exact, place=True), "place"))

        event_conds: list[Cond] = []
        if flt.document:
            event_conds.append((_DOCUMENT, document_keys(flt.document)))
        if flt.min_precision is not None:
            allowed = allowed_precisions(flt.min_precision)
            event_conds.append((f"events.precision IN ({', '.join('?' * len(allowed))})", allowed))

        undated_from = "event_actors JOIN events ON events.id = event_actors.event_id"
        if groups:
            (driving, role), rest = groups[0], groups[1:]
            # `event_id + 0`: see build_query (the first actor's date-ordered index must drive).
            conds: list[Cond] = [
                (f"event_actors.actor_id IN {in_list(sorted(driving))}", ()),
                ("event_actors.role = ?", (role,)),
            ]
            for ids, r in rest:
                linked = (
                    "SELECT event_actors.event_id FROM event_actors WHERE event_actors.actor_id "
                    f"IN {in_list(sorted(ids))} AND event_actors.role = ?"
                )
                conds.append((f"event_actors.event_id + 0 IN ({linked})", (r,)))
            if flt.text:
                fts = f"event_actors.event_id + 0 IN ({_FTS_ROWIDS})"
                conds.append((fts, (fts5_query(flt.text),)))
            date_start, date_end = "event_actors.date_start", "event_actors.date_end"
            event_id = "event_actors.event_id"
            ties: list[str] = []
            dated_from = undated_from if event_conds else "event_actors"
            conds.extend(event_conds)
            undated_select = "SELECT DISTINCT"
        else:
            conds = list(event_conds)
            if flt.text:
                conds.append((f"events.id IN ({_FTS_ROWIDS})", (fts5_query(flt.text),)))
            date_start, date_end, event_id = "events.date_start", "events.date_end", "events.id"
            # ix_events_dates holds the whole chronological order: no ties left to sort.
            ties = ["events.document_id", "events.position"]
            dated_from = undated_from = "events"
            undated_select = "SELECT"
        if flt.date_from is not None:
            conds.append((f"{date_end} >= ?", (flt.date_from.isoformat(),)))
        if flt.date_to is not None:
            conds.append((f"{date_start} <= ?", (flt.date_to.isoformat(),)))
        where = " AND ".join(c for c, _ in conds)
        params = [p for _, ps in conds for p in ps]
        where = f"{where} AND " if where else ""
        desc = " DESC" if flt.reverse else ""
        dated_order = ", ".join(f"{c}{desc}" for c in (date_start, date_end, *ties, event_id))
        undated_order = ", ".join(f"events.{c}{desc}" for c in ("document_id", "position", "id"))
        dated = (
            f"SELECT {date_start}, {date_end}, {event_id} FROM {dated_from} "
            f"WHERE {where}{date_start} IS NOT NULL ORDER BY {dated_order}"
        )
        undated = (
            f"{undated_select} events.document_id, events.position, events.id FROM {undated_from} "
            f"WHERE {where}{date_start} IS NULL ORDER BY {undated_order}"
        )
        return (dated, params), (undated, params), bool(ties)
