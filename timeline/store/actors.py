"""Inspecting and extending the actor dictionary stored in the database.

User additions carry origin ``user``: they survive re-ingests and `timeline reprocess`, feed
extraction (timeline.store.dictionary_sync.stored_user_entries) and can be exported to a file
and imported elsewhere.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from timeline.actors.types import ActorEntry, ActorKind, Affiliation
from timeline.store.dictionary_sync import stored_user_entries
from timeline.store.engine import StoreError
from timeline.store.models import Actor, ActorAffiliation, ActorAlias, EventActor
from timeline.store.query import UnknownActorError, actor_ids_for_name, suggest_actors
from timeline.store.writer import ActorIds, link_affiliations, upsert_actor

ACTOR_COLUMNS = ["id", "name", "kind", "code", "origin", "events", "aliases"]


def list_actors(
    session: Session,
    *,
    kind: str | None = None,
    search: str | None = None,
    linked_only: bool = False,
) -> tuple[list[str], list[tuple[Any, ...]]]:
    events = (
        select(EventActor.actor_id, func.count(func.distinct(EventActor.event_id)).label("n"))
        .group_by(EventActor.actor_id)
        .subquery()
    )
    aliases = (
        select(ActorAlias.actor_id, func.count().label("n"))
        .group_by(ActorAlias.actor_id)
        .subquery()
    )
    stmt = (
        select(
            Actor.id,
            Actor.name,
            Actor.kind,
            Actor.code,
            Actor.origin,
            func.coalesce(events.c.n, 0).label("events"),
            func.coalesce(aliases.c.n, 0),
        )
        .outerjoin(events, events.c.actor_id == Actor.id)
        .outerjoin(aliases, aliases.c.actor_id == Actor.id)
        .order_by(func.coalesce(events.c.n, 0).desc(), Actor.name)
    )
    if kind:
        stmt = stmt.where(Actor.kind == kind)
    if search:
        stmt = stmt.where(Actor.name.ilike(f"%{search}%"))
    if linked_only:
        stmt = stmt.where(events.c.n > 0)
    return ACTOR_COLUMNS, [tuple(r) for r in session.execute(stmt)]


def one_actor(session: Session, name: str) -> int:
    ids = actor_ids_for_name(session, name)
    if not ids:
        raise UnknownActorError(name, suggest_actors(session, name))
    if len(ids) > 1:
        # Prefer the dictionary's own entry of that exact name (e.g. the country over a city).
        exact = (
            session.execute(
                select(Actor.id).where(Actor.id.in_(ids), func.lower(Actor.name) == name.lower())
            )
            .scalars()
            .all()
        )
        if len(exact) == 1:
            return exact[0]
        names = session.execute(select(Actor.name, Actor.kind).where(Actor.id.in_(ids))).all()
        listed = ", ".join(f"{n} ({k})" for n, k in names)
        raise StoreError(f"{name!r} names several actors: {listed}")
    return ids[0]


def describe_actor(session: Session, name: str) -> dict[str, Any]:
    actor_id = one_actor(session, name)
    a = session.get(Actor, actor_id)
    assert a is not None
    parent = Actor.__table__.alias("p")
    child = Actor.__table__.alias("c")
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "code": a.code,
        "origin": a.origin,
        "description": a.description,
        "aliases": sorted(
            session.execute(
                select(ActorAlias.alias).where(ActorAlias.actor_id == actor_id)
            ).scalars()
        ),
        "affiliated_with": [
            {"name": n, "relation": r, "from": s, "to": e}
            for n, r, s, e in session.execute(
                select(
                    parent.c.name,
                    ActorAffiliation.relation,
                    ActorAffiliation.date_start,
                    ActorAffiliation.date_end,
                )
                .join(parent, parent.c.id == ActorAffiliation.parent_id)
                .where(ActorAffiliation.actor_id == actor_id)
            )
        ],
        "affiliates": [
            {"name": n, "relation": r}
            for n, r in session.execute(
                select(child.c.name, ActorAffiliation.relation)
                .join(child, child.c.id == ActorAffiliation.actor_id)
                .where(ActorAffiliation.parent_id == actor_id)
                .order_by(child.c.name)
                .limit(200)
            )
        ],
        "events": session.scalar(
            select(func.count(func.distinct(EventActor.event_id))).where(
                EventActor.actor_id == actor_id
            )
        ),
    }


def add_actor(session: Session, entry: ActorEntry) -> int:
    cache = ActorIds()
    for aff in entry.affiliations:
        one_actor(session, aff.parent)  # a clear error for an unknown parent
    actor_id = upsert_actor(session, entry, cache, "user")
    link_affiliations(session, entry, actor_id, cache, "user")
    return actor_id


def add_aliases(session: Session, name: str, aliases: list[str]) -> int:
    actor_id = one_actor(session, name)
    a = session.get(Actor, actor_id)
    assert a is not None
    entry = ActorEntry(name=a.name, kind=ActorKind(a.kind), aliases=tuple(aliases))
    cache = ActorIds()
    cache.remember(a.name, a.kind, actor_id)
    upsert_actor(session, entry, cache, "user")
    return actor_id


def add_link(
    session: Session, name: str, parent: str, relation: str, start: str | None, end: str | None
) -> None:
    actor_id = one_actor(session, name)
    parent_id = one_actor(session, parent)
    if actor_id == parent_id:
        raise StoreError("an actor cannot be affiliated with itself")
    a = session.get(Actor, actor_id)
    p = session.get(Actor, parent_id)
    assert a is not None and p is not None
    cache = ActorIds()
    cache.remember(p.name, p.kind, parent_id)
    entry = ActorEntry(
        a.name, ActorKind(a.kind), affiliations=(Affiliation(p.name, relation, start, end),)
    )
    link_affiliations(session, entry, actor_id, cache, "user")


def export_user_entries(session: Session) -> str:
    entries = [asdict(e) for e in stored_user_entries(session)]
    return json.dumps({"timeline_actors": 1, "actors": entries}, indent=2, ensure_ascii=False)


def import_user_entries(session: Session, text: str, source: str) -> int:
    try:
        data = json.loads(text)
        items = data["actors"]
        entries = [
            ActorEntry(
                name=i["name"],
                kind=ActorKind(i["kind"]),
                code=i.get("code"),
                aliases=tuple(i.get("aliases", ())),
                affiliations=tuple(Affiliation(**f) for f in i.get("affiliations", ())),
                description=i.get("description"),
            )
            for i in items
        ]
    except (ValueError, KeyError, TypeError) as e:
        raise StoreError(f"{source}: not a timeline actors file ({e})") from None
    cache = ActorIds()
    ids = [upsert_actor(session, entry, cache, "user") for entry in entries]
    for entry, actor_id in zip(entries, ids, strict=True):
        link_affiliations(session, entry, actor_id, cache, "user")
    return len(entries)
