"""Copying a whole database to another, SQLite to PostgreSQL or back: `timeline db copy`.

Every table of the models is copied in foreign-key order with its ids, in batches, inside one
target transaction (a failed copy leaves the target as it was). The target's schema comes from
the migrations, like any database's; views and full-text indexes are therefore the target
dialect's own: PostgreSQL's GIN index follows the rows, SQLite's FTS5 table is filled by its
insert triggers. PostgreSQL sequences are moved past the copied ids so that the next ingest
does not collide with them. Row counts are compared at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Integer, Table, func, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.url import make_url

from timeline.store.database import Store, open_store
from timeline.store.engine import StoreError, normalise_url, sqlite_path
from timeline.store.models import Base

# Rows per INSERT batch: large enough that round trips to a remote server do not dominate,
# small enough to keep a batch of documents' full texts in memory comfortably.
BATCH = 5000


@dataclass(frozen=True)
class TableCount:
    """Rows of one table in the source and, after the copy, in the target."""

    table: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        return self.source == self.target


def copy_tables() -> list[Table]:
    """The tables a copy moves, parents before children."""
    return list(Base.metadata.sorted_tables)


def same_database(a: str, b: str) -> bool:
    """True when two paths or URLs name the same database (so a copy would destroy it)."""
    ua, ub = make_url(normalise_url(a)), make_url(normalise_url(b))
    pa, pb = sqlite_path(str(ua)), sqlite_path(str(ub))
    if pa is not None or pb is not None:
        return pa is not None and pb is not None and pa.resolve() == pb.resolve()
    keys = ("host", "port", "database")
    return ua.get_backend_name() == ub.get_backend_name() and all(
        getattr(ua, k) == getattr(ub, k) for k in keys
    )


def open_source(db: str) -> Store:
    """The store to copy from; a SQLite path must exist (opening would create it empty)."""
    path = sqlite_path(normalise_url(db))
    if path is not None and not Path(path).exists():
        raise StoreError(f"no such database: {path}")
    return open_store(db)


def count_rows(conn: Connection, tables: Sequence[Table]) -> dict[str, int]:
    return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in tables}


def _clear(conn: Connection, tables: Sequence[Table]) -> None:
    if conn.dialect.name == "postgresql":
        names = ", ".join(conn.dialect.identifier_preparer.format_table(t) for t in tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))
        return
    for table in reversed(tables):
        conn.execute(table.delete())


def _batches(conn: Connection, table: Table, size: int) -> Iterator[list[dict[str, object]]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(yield_per=size).execute(select(table).order_by(*order))
    for part in result.partitions(size):
        yield [dict(row._mapping) for row in part]


def _reset_sequences(conn: Connection, tables: Sequence[Table]) -> None:
    """Move each serial column's sequence to the largest copied id (PostgreSQL only)."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer
    for table in tables:
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer):
                continue
            # pg_get_serial_sequence is NULL for an integer key without a sequence (part of a
            # composite key); setval(NULL, ...) is then NULL and changes nothing.
            name = quote.quote(column.name)
            conn.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:table, :column), "
                    f"coalesce(max({name}), 1), max({name}) IS NOT NULL) "
                    f"FROM {quote.format_table(table)}"
                ),
                {"table": table.name, "column": column.name},
            )


def copy_database(
    source: Engine,
    target: Store,
    *,
    replace: bool = False,
    batch: int = BATCH,
    on_start: Callable[[int], None] | None = None,
    on_rows: Callable[[int], None] | None = None,
) -> list[TableCount]:
    """Copy every table of ``source`` into ``target`` (at the same schema revision).

    ``target`` must hold no rows unless ``replace``, which empties it first. ``on_start`` gets
    the number of rows to copy, ``on_rows`` each batch's size. Returns the counts per table,
    the target's counted after commit.
    """
    tables = copy_tables()
    # One source transaction: the counts and the rows are the same snapshot even if an ingest
    # writes meanwhile (REPEATABLE READ on PostgreSQL; a read transaction is one on SQLite).
    isolation = "REPEATABLE READ" if source.dialect.name == "postgresql" else None
    options = {"isolation_level": isolation} if isolation else {}
    with source.connect().execution_options(**options) as src, src.begin():
        expected = count_rows(src, tables)
        if on_start is not None:
            on_start(sum(expected.values()))
        with target.session() as session:
            dst = session.connection()
            present = {name: n for name, n in count_rows(dst, tables).items() if n}
            if present and not replace:
                listed = ", ".join(f"{n} {name}" for name, n in present.items())
                raise StoreError(
                    f"the target database is not empty ({listed}); use --replace to overwrite it"
                )
            if present:
                _clear(dst, tables)
            for table in tables:
                for rows in _batches(src, table, batch):
                    dst.execute(table.insert(), rows)
                    if on_rows is not None:
                        on_rows(len(rows))
            _reset_sequences(dst, tables)
    with target.engine.connect() as dst_conn:
        copied = count_rows(dst_conn, tables)
    return [TableCount(t.name, expected[t.name], copied[t.name]) for t in tables]
