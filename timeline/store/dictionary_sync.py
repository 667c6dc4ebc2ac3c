"""The actor dictionary in the database: loaded at first use, user additions read back.

People found in articles are read back too (:func:`stored_people`), so that a later article's
"Javad Zarif" finds the "Mohammad Javad Zarif" an earlier one named in full.

Built-in entries are stored once (origin ``dictionary``) so that SQL users see every actor and
affiliations resolve in SQL; user additions (origin ``user``) survive re-ingests and reprocessing
and feed back into extraction.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from timeline.actors.names import surname_key
from timeline.actors.types import ActorEntry, ActorKind, Affiliation
from timeline.store.models import Actor, ActorAffiliation, ActorAlias, Document, EventActor
from timeline.store.writer import has_dictionary, load_entries


def ensure_dictionary(session: Session) -> bool:
    """Store the built-in dictionary unless it is there; True when it was loaded now."""
    if has_dictionary(session):
        return False
    from timeline.actors.cache import cached_dictionary

    load_entries(session, cached_dictionary().entries.values(), "dictionary")
    return True


def known_hashes(session: Session) -> set[str]:
    return set(session.execute(select(Document.content_hash)).scalars())


def stored_user_entries(session: Session) -> list[ActorEntry]:
    """Actors, aliases and affiliations users added by hand, as dictionary entries."""
    user_ids = set(session.execute(select(Actor.id).where(Actor.origin == "user")).scalars()) | set(
        session.execute(select(ActorAlias.actor_id).where(ActorAlias.origin == "user")).scalars()
    )
    user_ids |= set(
        session.execute(
            select(ActorAffiliation.actor_id).where(ActorAffiliation.origin == "user")
        ).scalars()
    )
    if not user_ids:
        return []
    actors = {
        a.id: a for a in session.execute(select(Actor).where(Actor.id.in_(user_ids))).scalars()
    }
    aliases: dict[int, list[str]] = {}
    for actor_id, alias in session.execute(
        select(ActorAlias.actor_id, ActorAlias.alias).where(ActorAlias.actor_id.in_(user_ids))
    ):
        aliases.setdefault(actor_id, []).append(alias)
    parent = Actor.__table__.alias("parent")
    affs: dict[int, list[Affiliation]] = {}
    for actor_id, pname, rel, start, end in session.execute(
        select(
            ActorAffiliation.actor_id,
            parent.c.name,
            ActorAffiliation.relation,
            ActorAffiliation.date_start,
            ActorAffiliation.date_end,
        )
        .join(parent, parent.c.id == ActorAffiliation.parent_id)
        .where(ActorAffiliation.actor_id.in_(user_ids))
    ):
        affs.setdefault(actor_id, []).append(Affiliation(pname, rel, start, end))
    return [
        ActorEntry(
            name=a.name,
            kind=ActorKind(a.kind),
            code=a.code,
            aliases=tuple(sorted(set(aliases.get(a.id, [])) - {a.name})),
            affiliations=tuple(affs.get(a.id, [])),
            description=a.description,
        )
        for a in actors.values()
    ]


# Feeding people back costs about 0.04 ms each when the dictionary is rebuilt (plus 0.1 s for
# any at all); past this many, only those linked to two events or more, the most linked first.
MAX_STORED_PEOPLE = 20_000


def stored_people(session: Session, limit: int = MAX_STORED_PEOPLE) -> list[ActorEntry]:
    """People found in articles, as dictionary entries with their full-name spellings.

    Single-word names and aliases are left out: a bare surname ("Bush", "Rice") in the
    dictionary would match every later use of that word, whoever it means.
    """
    person = str(ActorKind.PERSON)
    stmt = select(Actor.id, Actor.name).where(Actor.kind == person, Actor.origin == "text")
    count = session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
    if count > limit:
        events = func.count(func.distinct(EventActor.event_id))
        stmt = (
            stmt.join(EventActor, EventActor.actor_id == Actor.id)
            .group_by(Actor.id, Actor.name)
            .having(events >= 2)
            .order_by(events.desc(), Actor.id)
            .limit(limit)
        )
    names = {actor_id: name for actor_id, name in session.execute(stmt) if len(name.split()) > 1}
    if not names:
        return []
    spellings: dict[int, set[str]] = {}
    for actor_id, alias in session.execute(
        select(ActorAlias.actor_id, ActorAlias.alias)
        .join(Actor, Actor.id == ActorAlias.actor_id)
        .where(Actor.kind == person, Actor.origin == "text")
    ):
        name = names.get(actor_id)
        if (
            name is not None
            and alias != name
            and len(alias.split()) > 1
            and surname_key(alias) == surname_key(name)
        ):
            spellings.setdefault(actor_id, set()).add(alias)
    return [
        ActorEntry(name=name, kind=ActorKind.PERSON, aliases=tuple(sorted(spellings.get(i, ()))))
        for i, name in sorted(names.items())
    ]
