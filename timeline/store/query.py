"""The query layer: chronology filters over events, streamed as EventRow.

All user values are bound parameters. Chronological order is date_start, date_end, then the
position in the document (DESIGN.md); events whose date is still unresolved come last.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql import ClauseElement

from timeline.store.fulltext import fts5_query, text_condition
from timeline.store.models import (
    Actor,
    ActorAffiliation,
    ActorAlias,
    Document,
    Event,
    EventActor,
    Timex,
)
from timeline.store.names import alias_key
from timeline.store.rows import EventRow
from timeline.store.schema_extras import FTS_TABLE
from timeline.temporal.types import Precision

# Rows are fetched and decorated with their actors in chunks of this size: small enough to
# keep memory flat on a streamed export, large enough to amortise the actor look-up.
CHUNK = 1000

# Affiliations that make an actor count for its parent in `--actor PARENT`. Places use
# located_in/capital_of; everything that says "belongs to or acts for" counts for actors.
PLACE_RELATIONS = ("located_in", "capital_of", "part_of")


class UnknownActorError(LookupError):
    """A name that matches no actor; carries the closest known names."""

    def __init__(self, name: str, suggestions: Sequence[str]) -> None:
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"unknown actor {name!r}{hint}")
        self.name = name
        self.suggestions = list(suggestions)


@dataclass(frozen=True)
class EventFilter:
    """What `timeline list` and `timeline export` select. Empty fields do not filter."""

    actors: tuple[str, ...] = ()
    all_actors: bool = False
    exact: bool = False
    places: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None
    document: str | None = None
    min_precision: Precision | None = None
    limit: int | None = None
    offset: int = 0
    reverse: bool = False


def actor_ids_for_name(session: Session, name: str) -> list[int]:
    """Ids of the actors whose name or alias is ``name`` (case-insensitive)."""
    key = alias_key(name)
    ids = (
        session.execute(select(ActorAlias.actor_id).where(ActorAlias.alias_key == key).distinct())
        .scalars()
        .all()
    )
    if not ids:
        ids = session.execute(select(Actor.id).where(func.lower(Actor.name) == key)).scalars().all()
    return sorted(set(ids))


def suggest_actors(session: Session, name: str, n: int = 5) -> list[str]:
    key = alias_key(name)
    names = session.execute(select(Actor.name).distinct()).scalars().all()
    by_key = {alias_key(x): x for x in names}
    close = difflib.get_close_matches(key, list(by_key), n=n, cutoff=0.6)
    prefix = [by_key[k] for k in sorted(by_key) if k.startswith(key) and by_key[k] not in close]
    return [by_key[k] for k in close] + prefix[: max(0, n - len(close))]


def affiliated_closure(
    session: Session, roots: Sequence[int], relations: Sequence[str] | None
) -> set[int]:
    """``roots`` and every actor affiliated with them, transitively (a recursive query)."""
    if not roots:
        return set()
    aff = ActorAffiliation.__table__
    base = select(Actor.id.label("id")).where(Actor.id.in_(roots))
    tree = base.cte("tree", recursive=True)
    step = select(aff.c.actor_id).join(tree, aff.c.parent_id == tree.c.id)
    if relations is not None:
        step = step.where(aff.c.relation.in_(relations))
    tree = tree.union(step)
    return set(session.execute(select(tree.c.id)).scalars())


def resolve_actor(session: Session, name: str, *, exact: bool, place: bool = False) -> set[int]:
    """Actor ids that ``--actor NAME`` (or ``--place NAME``) stands for."""
    roots = actor_ids_for_name(session, name)
    if not roots:
        raise UnknownActorError(name, suggest_actors(session, name))
    if exact:
        return set(roots)
    return affiliated_closure(session, roots, PLACE_RELATIONS if place else None)


def _linked(ids: set[int], role: str) -> Select[int]:
    return select(EventActor.event_id).where(
        EventActor.actor_id.in_(sorted(ids)), EventActor.role == role
    )


@dataclass(frozen=True)
class EventQuery:
    """The two statements behind a filter, run one after the other (dated events first).

    Each yields ``(key1, key2, event_id)`` rows in key order: ``(date_start, date_end, id)`` for
    dated events, ``(document_id, position, id)`` for undated ones, which come last in both
    directions. ``dated`` is in full chronological order when ``dated_exact``; otherwise ties
    on ``(date_start, date_end)`` are put in document order by :func:`iter_event_ids`, so that
    the keys can come straight from the event_actors index without a sort.
    """

    dated: Select[Any, Any, int]
    undated: Select[Any, Any, int]
    dated_exact: bool = False


def build_query(session: Session, flt: EventFilter) -> EventQuery:
    """The statements that select the events matching ``flt`` (see :class:`EventQuery`).

    With ``--actor`` (or ``--place``) the query is driven from ``event_actors``, whose index
    ``(actor_id, role, date_start, date_end, event_id)`` holds each actor's events in date
    order: with a LIMIT, SQLite reads each actor's range only until it has enough rows instead
    of sorting every event of a frequent actor (issue 7). Otherwise ``ix_events_dates`` serves
    the order.
    """
    groups: list[tuple[set[int], str]] = []
    if flt.actors:
        resolved = [resolve_actor(session, a, exact=flt.exact) for a in flt.actors]
        if flt.all_actors:
            groups.extend((ids, "actor") for ids in resolved)
        else:
            groups.append((set().union(*resolved), "actor"))
    for p in flt.places:
        groups.append((resolve_actor(session, p, exact=flt.exact, place=True), "place"))

    event_conds: list[ColumnElement[bool]] = []
    if flt.document:
        event_conds.append(_document_condition(flt.document))
    if flt.min_precision is not None:
        allowed = [str(p) for p in Precision if p.rank <= flt.min_precision.rank]
        event_conds.append(Event.precision.in_(allowed))

    dated: Select[Any, Any, int]
    undated: Select[Any, Any, int]
    if groups:
        (driving, role), rest = groups[0], groups[1:]
        ea = EventActor
        # `event_id + 0` is not indexable, which keeps SQLite from driving the query from these
        # sub-selects (through ix_event_actors_event_id) and sorting all they return: the
        # first actor's date-ordered index must drive, these are tested per index entry.
        tested = ea.event_id + literal_column("0")
        conds: list[ColumnElement[bool]] = [ea.actor_id.in_(sorted(driving)), ea.role == role]
        conds.extend(tested.in_(_linked(ids, r)) for ids, r in rest)
        if flt.text and session.get_bind().dialect.name == "sqlite":
            conds.append(tested.in_(_fts_rowids(flt.text)))
        elif flt.text:
            event_conds.append(text_condition(session, flt.text))
        date_start, date_end, event_id = ea.date_start, ea.date_end, ea.event_id
        ties: list[InstrumentedAttribute[int]] = []
        dated = select(date_start, date_end, event_id)
        if event_conds:
            dated = dated.join_from(ea, Event, Event.id == ea.event_id)
        conds.extend(event_conds)
        undated = (
            select(Event.document_id, Event.position, Event.id)
            .join_from(ea, Event, Event.id == ea.event_id)
            .distinct()
        )
    else:
        conds = list(event_conds)
        if flt.text:
            conds.append(text_condition(session, flt.text))
        date_start, date_end, event_id = Event.date_start, Event.date_end, Event.id
        # ix_events_dates holds the whole chronological order: no ties left to sort.
        ties = [Event.document_id, Event.position]
        dated = select(date_start, date_end, event_id)
        undated = select(Event.document_id, Event.position, Event.id)
    if flt.date_from is not None:
        conds.append(date_end >= flt.date_from.isoformat())
    if flt.date_to is not None:
        conds.append(date_start <= flt.date_to.isoformat())
    # No DISTINCT on the dated statement: an event linked to two of the actors comes twice,
    # next to itself in key order, and iter_event_ids skips the copy. DISTINCT would make
    # SQLite collect every candidate before returning the first row.
    dated = dated.where(*conds, date_start.is_not(None))
    # With --from/--to the date conditions are false on NULL dates: no undated events.
    undated = undated.where(*conds, date_start.is_(None))
    if flt.reverse:
        dated = dated.order_by(
            date_start.desc(), date_end.desc(), *(c.desc() for c in ties), event_id.desc()
        )
        undated = undated.order_by(Event.document_id.desc(), Event.position.desc(), Event.id.desc())
    else:
        dated = dated.order_by(date_start, date_end, *ties, event_id)
        undated = undated.order_by(Event.document_id, Event.position, Event.id)
    return EventQuery(dated=dated, undated=undated, dated_exact=bool(ties))


def build_select(session: Session, flt: EventFilter) -> Select[Any, Any, int]:
    """The dated statement of :func:`build_query`, the one whose plan decides the speed."""
    return build_query(session, flt).dated


def _fts_rowids(words: str) -> Select[Any]:
    # SQLite only: the rowids of events_fts matching ``words``, the same match as
    # fulltext.text_condition, as a list to test event_actors rows against.
    return (
        select(literal_column("rowid"))
        .select_from(text(FTS_TABLE))
        .where(literal_column(FTS_TABLE).op("MATCH")(fts5_query(words)))
    )


# The hot loops below execute on session.connection(): Core rows, without the ORM's result
# processing, which cost about a third of a 100,000-row export.
def _paged(
    session: Session, stmt: Select[Any, Any, int], need: int | None
) -> Iterator[Row[Any, Any, int]]:
    """Rows of ``stmt``; with ``need``, in LIMIT pages growing 4x from about ``2 * need`` rows.

    With a LIMIT, SQLite keeps only that many rows in its sorter and stops reading each
    actor's index range once it is past them; without one, a frequent actor's events would
    all be sorted first. The caller stops pulling once it has enough; a further page is
    needed when duplicates or a long run of equal dates (events "in 2005") cross the limit.
    """
    if need is None:
        for part in session.connection().execute(stmt).partitions(CHUNK):
            yield from part
        return
    size, offset = 2 * need + 64, 0
    while True:
        returned = 0
        # Streamed in fetchmany() parts (iterating a result fetches row by row), not with all():
        # a 100,000-row export pages once, in flat memory.
        for part in session.connection().execute(stmt.limit(size).offset(offset)).partitions(CHUNK):
            returned += len(part)
            yield from part
        if returned < size:
            return
        offset += size
        size *= 4


def iter_event_ids(session: Session, flt: EventFilter) -> Iterator[int]:
    """Ids of the events matching ``flt`` in chronological order, offset and limit applied.

    Chronological order is (date_start, date_end, document_id, position); the statements give
    (date_start, date_end, id), so each run of equal dates is re-sorted by document position
    (ids follow document order only until a document is reprocessed).
    """
    query = build_query(session, flt)
    need = None if flt.limit is None else flt.offset + flt.limit
    dated = _paged(session, query.dated, need)
    ids = itertools.chain(
        (r[2] for r in dated)
        if query.dated_exact
        else _in_document_order(session, dated, flt.reverse, need),
        (r[2] for r in _paged(session, query.undated, need)),
    )
    stop = None if flt.limit is None else flt.offset + flt.limit
    yield from itertools.islice(_unique(ids), flt.offset, stop)


def _unique(ids: Iterator[int]) -> Iterator[int]:
    # Duplicates are adjacent (same key), except that an event cannot be both dated and not.
    last = None
    for i in ids:
        if i != last:
            yield i
        last = i


def _in_document_order(
    session: Session, rows: Iterator[Row[Any, Any, int]], reverse: bool, need: int | None
) -> Iterator[int]:
    batch: list[list[int]] = []
    pending = 0
    flush_at = CHUNK if need is None else max(1, min(CHUNK, need))
    for _key, group in itertools.groupby(rows, key=lambda r: (r[0], r[1])):
        ids = list(dict.fromkeys(r[2] for r in group))
        batch.append(ids)
        pending += len(ids)
        if pending >= flush_at:
            yield from _sort_ties(session, batch, reverse)
            batch, pending = [], 0
    yield from _sort_ties(session, batch, reverse)


def _sort_ties(session: Session, batch: list[list[int]], reverse: bool) -> Iterator[int]:
    tied = [i for ids in batch if len(ids) > 1 for i in ids]
    where: dict[int, tuple[int, int]] = {}
    for start in range(0, len(tied), CHUNK):
        chunk = tied[start : start + CHUNK]
        stmt = select(Event.id, Event.document_id, Event.position).where(_in_ids(Event.id, chunk))
        where.update((i, (d, p)) for i, d, p in session.connection().execute(stmt).all())
    for ids in batch:
        if len(ids) > 1:
            ids.sort(key=lambda i: where.get(i, (0, 0)), reverse=reverse)
        yield from ids


def _document_condition(document: str) -> ColumnElement[bool]:
    doc_ids = select(Document.id).where(
        or_(
            Document.source == document,
            Document.source.like(
                "%/" + document.replace("%", r"\%").replace("_", r"\_"), escape="\\"
            ),
            Document.title == document,
            Document.external_id == document,
            Document.id == (int(document) if document.isdigit() else -1),
        )
    )
    return Event.document_id.in_(doc_ids)


def iter_events(session: Session, flt: EventFilter) -> Iterator[EventRow]:
    """Events matching ``flt`` in chronological order, streamed in chunks."""
    ids = iter_event_ids(session, flt)
    while chunk := list(itertools.islice(ids, CHUNK)):
        yield from rows_for_ids(session, chunk)


def _in_ids(column: InstrumentedAttribute[int], ids: Sequence[int]) -> ColumnElement[bool]:
    """``column IN (1, 2, ...)`` with the ids written as integer literals.

    Bound, a page of 1,000 ids cost SQLAlchemy more (coercing and naming each parameter) than
    SQLite spent running the query. ``int()`` keeps the text a list of integers.
    """
    listed = ", ".join(str(int(i)) for i in ids) or "NULL"
    return column.op("IN")(literal_column(f"({listed})"))


def _raw_rows(session: Session, stmt: ClauseElement) -> list[tuple[Any, ...]]:
    """Run a statement without bound parameters on the driver's own cursor.

    Building a SQLAlchemy Row per result row was 60% of a 100,000-event export; these pages
    hold only our own integer ids (see _in_ids), so the compiled text is complete as it is.
    """
    conn = session.connection()
    compiled = stmt.compile(dialect=conn.dialect)
    assert not compiled.params, "raw pages must not carry bound parameters"
    cursor = conn.connection.cursor()
    try:
        cursor.execute(str(compiled))
        return [tuple(r) for r in cursor.fetchall()]
    finally:
        cursor.close()


def rows_for_ids(session: Session, ids: Sequence[int]) -> list[EventRow]:
    """EventRows for ``ids``, in the order given."""
    stmt = (
        select(
            Event.id,
            Event.date_start,
            Event.date_end,
            Event.precision,
            Event.approximate,
            Event.text,
            Event.start,
            Timex.text.label("date_text"),
            Timex.value,
            Timex.start.label("tstart"),
            Timex.end.label("tend"),
            Document.id.label("doc_id"),
            Document.source,
            Document.published,
            Document.title,
        )
        .join(Timex, Timex.id == Event.timex_id)
        .join(Document, Document.id == Event.document_id)
        .where(_in_ids(Event.id, ids))
    )
    # all() fetches the page in one call (iterating fetches row by row); plain tuples,
    # unpacked by position: named access on Rows cost more than the query.
    found = {r[0]: r for r in _raw_rows(session, stmt)}
    names = _names_for(session, ids)
    no_names: tuple[list[str], list[str]] = ([], [])
    rows = []
    for event_id in ids:
        r = found.get(event_id)
        if r is None:
            continue
        (_, ds, de, precision, approximate, text_, start, date_text, value, tstart, tend,
         doc_id, source, published, title) = r  # fmt: skip
        actors, places = names.get(event_id, no_names)
        mstart = max(0, tstart - start)
        rows.append(
            EventRow(
                event_id=event_id,
                date_start=ds or "",
                date_end=de or "",
                precision=precision or "",
                approximate=bool(approximate),
                date_text=date_text,
                timex_value=value,
                actors=tuple(actors),
                places=tuple(places),
                text=text_,
                document=source,
                published=published,
                document_id=doc_id,
                document_title=title,
                mention_start=mstart,
                mention_end=min(len(text_), mstart + (tend - tstart)),
            )
        )
    return rows


def _names_for(session: Session, ids: Sequence[int]) -> dict[int, tuple[list[str], list[str]]]:
    stmt = (
        select(EventActor.event_id, EventActor.role, Actor.name)
        .join(Actor, Actor.id == EventActor.actor_id)
        .where(_in_ids(EventActor.event_id, ids))
        .order_by(EventActor.event_id, EventActor.start)
    )
    out: dict[int, tuple[list[str], list[str]]] = {}
    for event_id, role, name in _raw_rows(session, stmt):
        actors, places = out.setdefault(event_id, ([], []))
        target = actors if role == "actor" else places
        if name not in target:
            target.append(name)
    return out
