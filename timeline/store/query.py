"""The query layer on SQLAlchemy: chronology filters over events, streamed as EventRow.

All user values are bound parameters. Chronological order is date_start, date_end, then the
position in the document (DESIGN.md); events whose date is still unresolved come last. The
filter, the ordering of pages of ids and the statements that turn ids into rows are shared
with the sqlite3 read path of `list` and `export` (chronology.py, fastread.py); what is here is
the id statements on every dialect, the actor look-ups, and running them in a Session.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from timeline.store.chronology import CHUNK as CHUNK
from timeline.store.chronology import (
    EVENT_ROWS,
    Fetch,
    Page,
    allowed_precisions,
    chronological_rows,
    close_names,
    document_keys,
    event_rows,
    fts5_query,
)
from timeline.store.chronology import PLACE_RELATIONS as PLACE_RELATIONS
from timeline.store.chronology import EventFilter as EventFilter
from timeline.store.common import UnknownActorError as UnknownActorError
from timeline.store.fulltext import text_condition
from timeline.store.models import (
    Actor,
    ActorAffiliation,
    ActorAlias,
    Document,
    Event,
    EventActor,
)
from timeline.store.names import alias_key
from timeline.store.rows import EventRow
from timeline.store.schema_extras import FTS_TABLE


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
    return close_names(name, session.execute(select(Actor.name).distinct()).scalars().all(), n)


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
    on ``(date_start, date_end)`` are put in document order by
    :func:`timeline.store.chronology.chronological_rows`, so that the keys can come straight
    from the event_actors index without a sort.
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
        event_conds.append(Event.precision.in_(allowed_precisions(flt.min_precision)))

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
    # next to itself in key order, and chronological_rows skips the copy. DISTINCT would make
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


# The hot loops below run on session.connection(): the id statements as Core rows (without
# the ORM's result processing), chronology's statements on the driver's own cursor (_fetch).
def _page(session: Session, stmt: Select[Any, Any, int]) -> Page:
    """``stmt`` paged as chronology.paged asks: streamed in fetchmany() parts, not with all()."""

    def page(limit: int | None, offset: int) -> Iterator[Sequence[Any]]:
        limited = stmt if limit is None else stmt.limit(limit).offset(offset)
        for part in session.connection().execute(limited).partitions(CHUNK):
            yield from part

    return page


def _fetch(session: Session) -> Fetch:
    """Runs chronology's statements (no bound parameters) on the driver's own cursor."""
    dbapi = session.connection().connection

    def fetch(sql: str) -> list[tuple[Any, ...]]:
        cursor = dbapi.cursor()
        try:
            cursor.execute(sql)
            return [tuple(r) for r in cursor.fetchall()]
        finally:
            cursor.close()

    return fetch


def _document_condition(document: str) -> ColumnElement[bool]:
    source, suffix, title, external_id, doc_id = document_keys(document)
    doc_ids = select(Document.id).where(
        or_(
            Document.source == source,
            Document.source.like(suffix, escape="\\"),
            Document.title == title,
            Document.external_id == external_id,
            Document.id == doc_id,
        )
    )
    return Event.document_id.in_(doc_ids)


def iter_events(session: Session, flt: EventFilter) -> Iterator[EventRow]:
    """Events matching ``flt`` in chronological order, streamed in chunks."""
    query = build_query(session, flt)
    dated, undated = _page(session, query.dated), _page(session, query.undated)
    fetch = _fetch(session)
    yield from chronological_rows(flt, dated, undated, query.dated_exact, fetch, EVENT_ROWS)


def rows_for_ids(session: Session, ids: Sequence[int]) -> list[EventRow]:
    """EventRows for ``ids``, in the order given."""
    return event_rows(_fetch(session), ids)
