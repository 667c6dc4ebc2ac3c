"""The query layer: chronology filters over events, streamed as EventRow.

All user values are bound parameters. Chronological order is date_start, date_end, then the
position in the document (DESIGN.md); events whose date is still unresolved come last.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from timeline.store.fulltext import text_condition
from timeline.store.models import (
    Actor,
    ActorAffiliation,
    ActorAlias,
    Document,
    Event,
    EventActor,
    Timex,
)
from timeline.store.rows import EventRow
from timeline.store.writer import alias_key
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


def build_select(session: Session, flt: EventFilter) -> Select[int]:
    """SELECT event ids matching ``flt``, in chronological order, paged."""
    conds: list[ColumnElement[bool]] = []
    if flt.actors:
        groups = [_linked(resolve_actor(session, a, exact=flt.exact), "actor") for a in flt.actors]
        if flt.all_actors:
            conds.extend(Event.id.in_(g) for g in groups)
        else:
            union: set[int] = set()
            for a in flt.actors:
                union |= resolve_actor(session, a, exact=flt.exact)
            conds.append(Event.id.in_(_linked(union, "actor")))
    for p in flt.places:
        conds.append(
            Event.id.in_(_linked(resolve_actor(session, p, exact=flt.exact, place=True), "place"))
        )
    if flt.date_from is not None:
        conds.append(Event.date_end >= flt.date_from.isoformat())
    if flt.date_to is not None:
        conds.append(Event.date_start <= flt.date_to.isoformat())
    if flt.text:
        conds.append(text_condition(session, flt.text))
    if flt.document:
        conds.append(_document_condition(flt.document))
    if flt.min_precision is not None:
        allowed = [str(p) for p in Precision if p.rank <= flt.min_precision.rank]
        conds.append(Event.precision.in_(allowed))
    order = [
        Event.date_start.is_(None),
        Event.date_start,
        Event.date_end,
        Event.document_id,
        Event.position,
    ]
    if flt.reverse:
        order = [
            Event.date_start.is_(None),
            Event.date_start.desc(),
            Event.date_end.desc(),
            Event.document_id.desc(),
            Event.position.desc(),
        ]
    stmt = select(Event.id).where(and_(*conds)).order_by(*order)
    if flt.limit is not None:
        stmt = stmt.limit(flt.limit)
    if flt.offset:
        stmt = stmt.offset(flt.offset)
    return stmt


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
    ids_result = session.execute(build_select(session, flt))
    while True:
        chunk = [r[0] for r in ids_result.fetchmany(CHUNK)]
        if not chunk:
            return
        yield from rows_for_ids(session, chunk)


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
        .where(Event.id.in_(ids))
    )
    found = {r.id: r for r in session.execute(stmt)}
    names = _names_for(session, ids)
    rows = []
    for event_id in ids:
        r = found.get(event_id)
        if r is None:
            continue
        actors, places = names.get(event_id, ([], []))
        mstart = max(0, r.tstart - r.start)
        rows.append(
            EventRow(
                event_id=r.id,
                date_start=r.date_start or "",
                date_end=r.date_end or "",
                precision=r.precision or "",
                approximate=bool(r.approximate),
                date_text=r.date_text,
                timex_value=r.value,
                actors=tuple(actors),
                places=tuple(places),
                text=r.text,
                document=r.source,
                published=r.published,
                document_id=r.doc_id,
                document_title=r.title,
                mention_start=mstart,
                mention_end=min(len(r.text), mstart + (r.tend - r.tstart)),
            )
        )
    return rows


def _names_for(session: Session, ids: Sequence[int]) -> dict[int, tuple[list[str], list[str]]]:
    stmt = (
        select(EventActor.event_id, EventActor.role, Actor.name)
        .join(Actor, Actor.id == EventActor.actor_id)
        .where(EventActor.event_id.in_(ids))
        .order_by(EventActor.event_id, EventActor.start)
    )
    out: dict[int, tuple[list[str], list[str]]] = {}
    for event_id, role, name in session.execute(stmt):
        actors, places = out.setdefault(event_id, ([], []))
        target = actors if role == "actor" else places
        if name not in target:
            target.append(name)
    return out


def count_events(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(Event)).scalar_one())


def has_any(session: Session, model: type[Actor]) -> bool:
    return bool(session.execute(select(exists().where(model.id.is_not(None)))).scalar())
