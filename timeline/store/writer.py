"""Storing one document's extraction in one transaction, and the actor dictionary on first use.

Inserts go through SQLAlchemy Core (not ORM objects): ingest writes tens of thousands of rows and
the unit of work's bookkeeping would dominate. Conflicts (the same document or actor written by
two processes at once) are settled by the database's unique constraints, not by
check-then-insert.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from timeline.actors.names import canonical_person_name, same_person
from timeline.actors.types import ActorEntry, ActorKind
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
from timeline.store.names import alias_key
from timeline.temporal.types import Timex as TimexValue


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
    """(name, kind) -> id for actors this writer has seen; valid for one database.

    ``variants`` is the given-name variants table that decides whether two spellings are one
    person (``rules.toml``, ``people.name_variants``); read from the rules when not given.
    """

    ids: dict[tuple[str, str], int] = field(default_factory=dict)
    by_name: dict[str, int] = field(default_factory=dict)
    # aliases and affiliations this writer already stored: re-sending them for every document
    # that mentions a known actor was a third of ingest's write time
    stored_aliases: set[tuple[int, str]] = field(default_factory=set)
    stored_links: set[tuple[int, int, str]] = field(default_factory=set)
    variants: Mapping[str, str] | None = None

    def forget(self) -> None:
        """Drop everything: after a rollback, what this writer stored may be gone."""
        self.ids.clear()
        self.by_name.clear()
        self.stored_aliases.clear()
        self.stored_links.clear()

    def remember(self, name: str, kind: str, actor_id: int) -> None:
        self.ids[(name, kind)] = actor_id
        self.by_name.setdefault(name, actor_id)

    def name_variants(self) -> Mapping[str, str]:
        if self.variants is None:
            from timeline.actors.rules import load_rules

            self.variants = load_rules().name_variants
        return self.variants


def upsert_actor(session: Session, entry: ActorEntry, cache: ActorIds, origin: str = "text") -> int:
    """The id of the actor ``entry`` names, creating it and its aliases if new.

    A person is first looked for among stored people under another spelling (issue: the same
    person across documents is one actor); see :func:`find_stored_person`.
    """
    kind = str(entry.kind)
    key = (entry.name, kind)
    names = {entry.name, *entry.aliases}
    person = entry.kind is ActorKind.PERSON
    found = cache.ids.get(key)
    if found is not None and all((found, a) in cache.stored_aliases for a in names):
        return found  # known to this writer with every name: nothing to look up or store
    if found is None and person:
        found = find_stored_person(session, entry.name, cache)
    if found is not None:
        actor_id = found
        if person:
            names |= _prefer_complete_name(session, actor_id, sorted(names), cache)
        cache.remember(entry.name, kind, actor_id)
    else:
        session.execute(
            _insert_ignore(session, Actor).values(
                name=entry.name,
                kind=kind,
                code=entry.code,
                description=entry.description,
                origin=origin,
            )
        )
        actor_id = session.execute(
            select(Actor.id).where(Actor.name == entry.name, Actor.kind == kind)
        ).scalar_one()
        cache.remember(entry.name, kind, actor_id)
    if person:
        # the surname as an alias is what finds this person again from another spelling
        surname = person_surname(entry.name)
        if (
            surname != entry.name
            and _NOT_A_SURNAME.fullmatch(surname) is None
            and not _names_another_kind(session, surname)
        ):
            names.add(surname)
    new = [a for a in sorted(names) if (actor_id, a) not in cache.stored_aliases]
    if new:
        session.execute(
            _insert_ignore(session, ActorAlias),
            [
                {"actor_id": actor_id, "alias": a, "alias_key": alias_key(a), "origin": origin}
                for a in new
            ],
        )
        cache.stored_aliases.update((actor_id, a) for a in new)
    return actor_id


# Last words that are not surnames ("Pope John Paul II", "Martin Luther King Jr."): never
# stored as an alias on their own, where `--actor II` would find them.
_NOT_A_SURNAME = re.compile(r"|[IVXLC]+|Jr|Sr|[^\W\d_]?|.*[^\w'’-].*")


def _names_another_kind(session: Session, alias: str) -> bool:
    """Whether ``alias`` already names something other than a person ("Un" of "Kim Jong Un"
    is the key of "UN"): then it is no alias for a person, or `--actor UN` would find him."""
    return (
        session.execute(
            select(ActorAlias.id)
            .join(Actor, Actor.id == ActorAlias.actor_id)
            .where(ActorAlias.alias_key == alias_key(alias), Actor.kind != str(ActorKind.PERSON))
            .limit(1)
        ).first()
        is not None
    )


def person_surname(name: str) -> str:
    """The surname as written, without an Arabic article ("Bashar al-Assad" -> "Assad"); its
    :func:`alias_key` is :func:`timeline.actors.names.surname_key` of the name."""
    words = name.split()
    if not words:
        return ""
    last = words[-1]
    for prefix in ("al-", "el-", "Al-", "El-"):
        if last.startswith(prefix) and len(last) > len(prefix):
            last = last[len(prefix) :]
            break
    return last.strip(".,")


def find_stored_person(session: Session, name: str, cache: ActorIds) -> int | None:
    """The stored person ``name`` refers to, if exactly one fits; else None (a new person).

    In order: a person of that exact name; the one person that has ``name`` as an alias; the
    one person with the same surname (an indexed alias look-up, not a scan) whose name
    :func:`same_person` accepts ("Javad Zarif" and "Mohammad Javad Zarif", not "George Bush"
    and "Jeb Bush"). Two people who both fit ("Bush" when both Bushes are stored) mean that the
    spelling cannot tell them apart, and it becomes an actor of its own.

    Look-up then insert is not atomic: two processes storing two spellings of one new person
    at the same moment may still make two actors.
    """
    exact = session.execute(
        select(Actor.id).where(Actor.name == name, Actor.kind == str(ActorKind.PERSON))
    ).scalar_one_or_none()
    if exact is not None:
        return int(exact)
    surname = person_surname(name)
    if not surname:
        return None
    keys = {alias_key(name), alias_key(surname)}
    rows = session.execute(
        select(Actor.id, Actor.name, ActorAlias.alias_key)
        .join(ActorAlias, ActorAlias.actor_id == Actor.id)
        .where(ActorAlias.alias_key.in_(sorted(keys)), Actor.kind == str(ActorKind.PERSON))
    ).all()
    by_alias = {r.id for r in rows if r.alias_key == alias_key(name)}
    if len(by_alias) == 1:
        return int(by_alias.pop())
    variants = cache.name_variants()
    fits = {r.id for r in rows if same_person(name, r.name, variants)}
    return int(fits.pop()) if len(fits) == 1 else None


def _prefer_complete_name(
    session: Session, actor_id: int, spellings: Sequence[str], cache: ActorIds
) -> set[str]:
    """Rename a person found in text to the most complete of ``spellings`` that are the same
    person ("Javad Zarif" -> "Mohammad Javad Zarif"); the old name stays an alias. Returns
    the names to add as aliases. People from the dictionary or added by users keep their
    names."""
    row = session.execute(select(Actor.name, Actor.origin).where(Actor.id == actor_id)).one()
    variants = cache.name_variants()
    same = [s for s in spellings if same_person(row.name, s, variants)]
    best = canonical_person_name([row.name, *same], variants)
    if row.origin != "text" or best == row.name:
        return {best}
    taken = session.execute(
        select(Actor.id).where(Actor.name == best, Actor.kind == str(ActorKind.PERSON))
    ).scalar_one_or_none()
    if taken is None:
        session.execute(update(Actor).where(Actor.id == actor_id).values(name=best))
        cache.remember(best, str(ActorKind.PERSON), actor_id)
    return {best, row.name}


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
        if (actor_id, parent, aff.relation) in cache.stored_links:
            continue
        cache.stored_links.add((actor_id, parent, aff.relation))
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


def _timex_row(doc_id: int, tx: TimexValue) -> dict[str, object]:
    iv = tx.interval
    return {
        "document_id": doc_id,
        "start": tx.start,
        "end": tx.end,
        "text": tx.surface,
        "type": str(tx.type),
        "value": tx.value,
        "mod": tx.mod,
        "date_start": _iso(iv.start) if iv else None,
        "date_end": _iso(iv.end) if iv else None,
        "precision": str(iv.precision) if iv else None,
        "approximate": bool(iv and iv.approximate),
    }


def _insert_returning_ids(
    session: Session, model: type[Base], rows: list[dict[str, object]]
) -> list[int]:
    """Insert ``rows`` in one batched statement and return their ids in the same order.

    SQLAlchemy's "insertmanyvalues" sends one multi-row INSERT ... RETURNING per batch on
    SQLite and PostgreSQL; one round trip per row was most of ingest's write time.
    """
    if not rows:
        return []
    stmt = insert(model).returning(model.__table__.c.id, sort_by_parameter_order=True)
    return [int(i) for i in session.execute(stmt, rows).scalars()]


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

    timexes = {(tx.start, tx.end): tx for tx in extraction.timexes}
    for ev in extraction.events:  # an event's timex missing from the list is stored too
        timexes.setdefault((ev.timex.start, ev.timex.end), ev.timex)
    spans = list(timexes)
    ids = _insert_returning_ids(session, Timex, [_timex_row(doc_id, timexes[s]) for s in spans])
    timex_ids = dict(zip(spans, ids, strict=True))

    event_rows: list[dict[str, object]] = []
    for position, ev in enumerate(extraction.events):
        iv = ev.interval
        event_rows.append(
            {
                "document_id": doc_id,
                "timex_id": timex_ids[(ev.timex.start, ev.timex.end)],
                "position": position,
                "text": ev.text,
                "start": ev.start,
                "end": ev.end,
                "date_start": _iso(iv.start) if iv else None,
                "date_end": _iso(iv.end) if iv else None,
                "precision": str(iv.precision) if iv else None,
                "approximate": bool(iv and iv.approximate),
            }
        )
    event_ids = _insert_returning_ids(session, Event, event_rows)

    linked: set[int] = set()
    links = []
    for ev, event_id, row in zip(extraction.events, event_ids, event_rows, strict=True):
        start, end = row["date_start"], row["date_end"]
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
