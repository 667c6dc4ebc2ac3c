"""Storing one document's extraction in one transaction, and the actor dictionary on first use.

Inserts go through SQLAlchemy Core (not ORM objects): ingest writes tens of thousands of rows and
the unit of work's bookkeeping would dominate. Conflicts (the same document or actor written by
two processes at once) are settled by the database's unique constraints, not by
check-then-insert.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from timeline.actors.types import ActorEntry
from timeline.events.types import Extraction
from timeline.ingest.types import SourceDocument
from timeline.store.models import (
    Actor,
    ActorAffiliation,
    ActorAlias,
    Base,
    Document,
    Event,
    EventActor,
    Timex,
)
from timeline.temporal.types import Timex as TimexValue


def alias_key(alias: str) -> str:
    """The look-up form of a name: case-folded, inner whitespace collapsed, "the " dropped."""
    key = " ".join(alias.casefold().split())
    return key[4:] if key.startswith("the ") else key


def _insert_ignore(session: Session, model: type[Base]) -> Insert:
    """INSERT that silently skips rows violating a unique constraint, on either dialect."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model).on_conflict_do_nothing()
    return sqlite.insert(model).on_conflict_do_nothing()


class StoreStatus(StrEnum):
    INGESTED = "ingested"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


@dataclass
class StoreResult:
    status: StoreStatus
    document_id: int
    events: int = 0
    actor_ids: set[int] = field(default_factory=set)


@dataclass
class ActorIds:
    """(name, kind) -> id for actors this writer has seen; valid for one database."""

    ids: dict[tuple[str, str], int] = field(default_factory=dict)
    by_name: dict[str, int] = field(default_factory=dict)

    def remember(self, name: str, kind: str, actor_id: int) -> None:
        self.ids[(name, kind)] = actor_id
        self.by_name.setdefault(name, actor_id)


def upsert_actor(session: Session, entry: ActorEntry, cache: ActorIds, origin: str = "text") -> int:
    """The id of the actor ``entry`` names, creating it and its aliases if new."""
    key = (entry.name, str(entry.kind))
    if key in cache.ids:
        actor_id = cache.ids[key]
    else:
        session.execute(
            _insert_ignore(session, Actor).values(
                name=entry.name,
                kind=str(entry.kind),
                code=entry.code,
                description=entry.description,
                origin=origin,
            )
        )
        actor_id = session.execute(
            select(Actor.id).where(Actor.name == entry.name, Actor.kind == str(entry.kind))
        ).scalar_one()
        cache.remember(entry.name, str(entry.kind), actor_id)
    names = {entry.name, *entry.aliases}
    session.execute(
        _insert_ignore(session, ActorAlias),
        [
            {"actor_id": actor_id, "alias": a, "alias_key": alias_key(a), "origin": origin}
            for a in sorted(names)
        ],
    )
    return actor_id


def _parent_id(session: Session, name: str, cache: ActorIds) -> int | None:
    if name in cache.by_name:
        return cache.by_name[name]
    row = session.execute(select(Actor.id, Actor.kind).where(Actor.name == name)).first()
    if row is None:
        return None
    cache.remember(name, row.kind, row.id)
    return int(row.id)


def link_affiliations(
    session: Session, entry: ActorEntry, actor_id: int, cache: ActorIds, origin: str
) -> None:
    rows = []
    for aff in entry.affiliations:
        parent = _parent_id(session, aff.parent, cache)
        if parent is None or parent == actor_id:
            continue
        rows.append(
            {
                "actor_id": actor_id,
                "parent_id": parent,
                "relation": aff.relation,
                "date_start": aff.date_start,
                "date_end": aff.date_end,
                "origin": origin,
            }
        )
    if rows:
        session.execute(_insert_ignore(session, ActorAffiliation), rows)


def has_dictionary(session: Session) -> bool:
    return (
        session.execute(select(Actor.id).where(Actor.origin == "dictionary").limit(1)).first()
        is not None
    )


def _bulk_insert_ignore(
    session: Session, model: type[Base], columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (tuples in ``columns`` order), skipping unique-constraint conflicts.

    On SQLite this is one driver-level executemany of plain tuples: the ORM's bulk insert
    spends most of its time building a parameter dict per row, and storing the dictionary
    writes some twenty thousand rows into every new database.
    """
    if not rows:
        return
    if session.get_bind().dialect.name != "sqlite":
        session.execute(
            _insert_ignore(session, model), [dict(zip(columns, row, strict=True)) for row in rows]
        )
        return
    quote = session.get_bind().dialect.identifier_preparer.quote
    table = model.__table__.name  # type: ignore[attr-defined]
    sql = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)}) ON CONFLICT DO NOTHING"
    )
    session.connection().exec_driver_sql(sql, rows)


def load_entries(session: Session, entries: Iterable[ActorEntry], origin: str) -> int:
    """Store actors with their aliases and affiliations in bulk (thousands at first use)."""
    listed = list(entries)
    if not listed:
        return 0
    _bulk_insert_ignore(
        session,
        Actor,
        ("name", "kind", "code", "description", "origin"),
        [(e.name, str(e.kind), e.code, e.description, origin) for e in listed],
    )
    ids = {
        (name, kind): actor_id
        for actor_id, name, kind in session.execute(select(Actor.id, Actor.name, Actor.kind))
    }
    by_name: dict[str, int] = {}
    for (name, _kind), actor_id in ids.items():
        by_name.setdefault(name, actor_id)
    aliases: list[tuple[Any, ...]] = []
    affiliations: list[tuple[Any, ...]] = []
    for e in listed:
        actor_id = ids[(e.name, str(e.kind))]
        for a in sorted({e.name, *e.aliases}):
            aliases.append((actor_id, a, alias_key(a), origin))
        for aff in e.affiliations:
            parent = by_name.get(aff.parent)
            if parent is not None and parent != actor_id:
                affiliations.append(
                    (actor_id, parent, aff.relation, aff.date_start, aff.date_end, origin)
                )
    _bulk_insert_ignore(session, ActorAlias, ("actor_id", "alias", "alias_key", "origin"), aliases)
    _bulk_insert_ignore(
        session,
        ActorAffiliation,
        ("actor_id", "parent_id", "relation", "date_start", "date_end", "origin"),
        affiliations,
    )
    return len(listed)


def _iso(d: object) -> str | None:
    return None if d is None else str(d)


def store_document(
    session: Session,
    doc: SourceDocument,
    extraction: Extraction,
    *,
    content_hash: str,
    cache: ActorIds,
    force: bool = False,
) -> StoreResult:
    """Write one document with its timexes, events and links, inside the caller's transaction."""
    existing = session.execute(
        select(Document.id).where(Document.content_hash == content_hash)
    ).scalar_one_or_none()
    status = StoreStatus.INGESTED
    if existing is not None:
        if not force:
            return StoreResult(StoreStatus.UNCHANGED, existing)
        session.execute(delete(Document).where(Document.id == existing))
        status = StoreStatus.REPLACED
    doc_id = session.execute(
        _insert_ignore(session, Document)
        .values(
            content_hash=content_hash,
            source=doc.source,
            title=doc.title,
            url=doc.url,
            external_id=doc.external_id,
            format=doc.format,
            published=_iso(doc.published),
            published_source=str(doc.published_source),
            text=doc.text,
            word_count=len(doc.text.split()),
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        .returning(Document.id)
    ).scalar_one_or_none()
    if doc_id is None:
        # Another process stored the same text between our check and our insert.
        found = session.execute(
            select(Document.id).where(Document.content_hash == content_hash)
        ).scalar_one()
        return StoreResult(StoreStatus.UNCHANGED, found)
    n_events, actor_ids = write_extraction(session, doc_id, extraction, cache)
    return StoreResult(status, doc_id, n_events, actor_ids)


def _insert_timex(session: Session, doc_id: int, tx: TimexValue) -> int:
    iv = tx.interval
    return int(
        session.execute(
            insert(Timex)
            .values(
                document_id=doc_id,
                start=tx.start,
                end=tx.end,
                text=tx.surface,
                type=str(tx.type),
                value=tx.value,
                mod=tx.mod,
                date_start=_iso(iv.start) if iv else None,
                date_end=_iso(iv.end) if iv else None,
                precision=str(iv.precision) if iv else None,
                approximate=bool(iv and iv.approximate),
            )
            .returning(Timex.id)
        ).scalar_one()
    )


def write_extraction(
    session: Session, doc_id: int, extraction: Extraction, cache: ActorIds
) -> tuple[int, set[int]]:
    """Insert timexes, events and links of ``doc_id``; returns (events, actor ids linked)."""
    actor_id_of: dict[str, int] = {}
    for name, entry in extraction.actors.items():
        actor_id_of[name] = upsert_actor(session, entry, cache, "text")
    for name, entry in extraction.actors.items():
        if entry.affiliations:
            link_affiliations(session, entry, actor_id_of[name], cache, "text")

    timex_ids = {
        (tx.start, tx.end): _insert_timex(session, doc_id, tx) for tx in extraction.timexes
    }

    linked: set[int] = set()
    links = []
    for position, ev in enumerate(extraction.events):
        span = (ev.timex.start, ev.timex.end)
        if span not in timex_ids:
            timex_ids[span] = _insert_timex(session, doc_id, ev.timex)
        tid = timex_ids[span]
        iv = ev.interval
        start, end = (_iso(iv.start), _iso(iv.end)) if iv else (None, None)
        event_id = session.execute(
            insert(Event)
            .values(
                document_id=doc_id,
                timex_id=tid,
                position=position,
                text=ev.text,
                start=ev.start,
                end=ev.end,
                date_start=start,
                date_end=end,
                precision=str(iv.precision) if iv else None,
                approximate=bool(iv and iv.approximate),
            )
            .returning(Event.id)
        ).scalar_one()
        for m in ev.mentions:
            aid = actor_id_of.get(m.actor)
            if aid is None:
                continue
            linked.add(aid)
            links.append(
                {
                    "event_id": event_id,
                    "actor_id": aid,
                    "role": str(m.role),
                    "mention_text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "date_start": start,
                    "date_end": end,
                }
            )
    if links:
        session.execute(insert(EventActor), links)
    return len(extraction.events), linked
