"""Event groups in the database: maintained at ingest and by reprocess, listed and shown.

Every event row (mention) belongs to exactly one group; most groups have one member. The
algorithm is timeline/events/grouping.py; this module loads the reports it needs, through the
candidate index ``event_group_keys`` (entity x time bucket), and writes the result: new groups,
new members, merged groups, and each touched group's summary (best interval, actors and places,
counts of mentions, documents and sources, first and last publication date).

Work per batch is proportional to the new events and the groups they may join, never to the
whole database, so ingest stays linear (benchmarks/bench_groups.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar, cast
from urllib.parse import urlsplit

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from timeline.events.grouping import (
    DEFAULT_THRESHOLD,
    Cluster,
    Report,
    best_report,
    cluster,
    index_keys,
    probe_keys,
    similarity,
)
from timeline.store.models import (
    Actor,
    ActorAffiliation,
    Base,
    Document,
    Event,
    EventActor,
    EventGroup,
    EventGroupKey,
    EventGroupMember,
    GroupingSetting,
)
from timeline.temporal.types import Precision

T = TypeVar("T")

# Bound parameters per IN (...) list: well under SQLite's and PostgreSQL's limits.
_CHUNK = 500

# Events regrouped per step of a rebuild: a few ingest batches' worth.
REBUILD_STEP = 2000

THRESHOLD_SETTING = "merge_threshold"

# Affiliations that put a place inside another (a city in its country, a country in its
# region); a report's places are compared with these containers added.
CONTAINER_RELATIONS = ("located_in", "capital_of", "part_of", "region")
_CONTAINER_DEPTH = 3


def _chunks(items: Sequence[T]) -> Iterator[list[T]]:
    for i in range(0, len(items), _CHUNK):
        yield list(items[i : i + _CHUNK])


# --- settings --------------------------------------------------------------------------------


def merge_threshold(session: Session) -> float:
    """The threshold stored with the database, else the default."""
    value = session.execute(
        select(GroupingSetting.value).where(GroupingSetting.name == THRESHOLD_SETTING)
    ).scalar_one_or_none()
    return float(value) if value is not None else DEFAULT_THRESHOLD


def set_merge_threshold(session: Session, threshold: float) -> None:
    """Store ``threshold`` so that later ingests group as the last rebuild did."""
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"merge threshold must be between 0 and 1, not {threshold}")
    session.execute(delete(GroupingSetting).where(GroupingSetting.name == THRESHOLD_SETTING))
    session.execute(insert(GroupingSetting).values(name=THRESHOLD_SETTING, value=repr(threshold)))


# --- loading ---------------------------------------------------------------------------------


@dataclass
class _Member:
    """What a group's summary needs of one mention, plus its Report for the algorithm."""

    report: Report
    date_start: str | None
    date_end: str | None
    precision: str | None
    approximate: bool
    text: str
    published: str | None
    source: str
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


def source_key(source: str, url: str | None) -> str:
    """What counts as one source: the URL's host when known, else the file (JSONL lines of one
    file are one feed)."""
    for candidate in (url, source):
        if candidate and "://" in candidate:
            host = urlsplit(candidate).hostname
            if host:
                return host.removeprefix("www.")
    return source.split("#", 1)[0]


@dataclass
class ReportCache:
    """Stored events already read and tokenised, kept across the batches of one ingest.

    A batch's candidates are mostly the previous batches' events: reading and tokenising them
    again each batch would make the hook cost grow with the corpus. Events do not change while
    they are stored (a re-extracted document gets new event ids), so entries stay valid; the
    oldest half is dropped past ``limit`` to bound memory.
    """

    limit: int = 100_000
    members: dict[int, _Member] = field(default_factory=dict)

    def put(self, loaded: dict[int, _Member]) -> None:
        self.members.update(loaded)
        if len(self.members) > self.limit:
            for event_id in list(self.members)[: len(self.members) // 2]:
                del self.members[event_id]


def _load_cached(
    session: Session, event_ids: Sequence[int], cache: ReportCache | None
) -> dict[int, _Member]:
    if cache is None:
        return _load(session, event_ids)
    out = {e: cache.members[e] for e in event_ids if e in cache.members}
    loaded = _load(session, [e for e in event_ids if e not in out])
    cache.put(loaded)
    out.update(loaded)
    return out


def _load(session: Session, event_ids: Sequence[int]) -> dict[int, _Member]:
    rows: dict[int, tuple[object, ...]] = {}
    for chunk in _chunks(sorted(event_ids)):
        stmt = (
            select(
                Event.id,
                Event.document_id,
                Event.start,
                Event.text,
                Event.date_start,
                Event.date_end,
                Event.precision,
                Event.approximate,
                Document.published,
                Document.source,
                Document.url,
            )
            .join(Document, Document.id == Event.document_id)
            .where(Event.id.in_(chunk))
        )
        for r in session.execute(stmt):
            rows[r[0]] = tuple(r)
    names: dict[int, tuple[list[str], list[str]]] = {}
    place_ids: dict[int, set[int]] = {}
    written: dict[int, set[str]] = {}
    for chunk in _chunks(sorted(rows)):
        stmt2 = (
            select(
                EventActor.event_id,
                EventActor.role,
                Actor.name,
                Actor.id,
                EventActor.mention_text,
            )
            .join(Actor, Actor.id == EventActor.actor_id)
            .where(EventActor.event_id.in_(chunk))
            .order_by(EventActor.event_id, EventActor.start)
        )
        for event_id, role, name, actor_id, mention in session.execute(stmt2):
            written.setdefault(event_id, set()).add(mention)
            actors, places = names.setdefault(event_id, ([], []))
            target = places if role == "place" else actors
            if name not in target:
                target.append(name)
            if role == "place":
                place_ids.setdefault(event_id, set()).add(actor_id)
    containers = _containers(session, {a for ids in place_ids.values() for a in ids})
    out: dict[int, _Member] = {}
    for event_id in sorted(rows):
        _, doc_id, start, text, ds, de, prec, approx, published, source, url = rows[event_id]
        actors, places = names.get(event_id, ([], []))
        around = {c for a in place_ids.get(event_id, ()) for c in containers.get(a, ())}
        assert isinstance(text, str) and isinstance(source, str)
        ds_s, de_s, prec_s = _opt_str(ds), _opt_str(de), _opt_str(prec)
        report = Report.build(
            event_id,
            int(str(doc_id)),
            int(str(start)),
            text,
            date.fromisoformat(ds_s) if ds_s else None,
            date.fromisoformat(de_s) if de_s else None,
            Precision(prec_s) if prec_s else None,
            actors,
            [*places, *sorted(around - set(places))],
            written.get(event_id, ()),
        )
        out[event_id] = _Member(
            report,
            ds_s,
            de_s,
            prec_s,
            bool(approx),
            text,
            _opt_str(published),
            source_key(source, _opt_str(url)),
            actors,
            places,
        )
    return out


def _containers(session: Session, place_ids: set[int]) -> dict[int, set[str]]:
    """Names of the places containing each place (Havana -> Cuba -> Latin America), so that a
    city and its country count as the same place when reports are compared."""
    parents: dict[int, set[int]] = {}
    frontier = set(place_ids)
    for _ in range(_CONTAINER_DEPTH):
        frontier -= parents.keys()
        if not frontier:
            break
        found: dict[int, set[int]] = {a: set() for a in frontier}
        for chunk in _chunks(sorted(frontier)):
            for actor_id, parent_id in session.execute(
                select(ActorAffiliation.actor_id, ActorAffiliation.parent_id).where(
                    ActorAffiliation.actor_id.in_(chunk),
                    ActorAffiliation.relation.in_(CONTAINER_RELATIONS),
                )
            ):
                found[actor_id].add(parent_id)
        parents.update(found)
        frontier = {p for ps in found.values() for p in ps}
    all_ids = set(parents) | {p for ps in parents.values() for p in ps}
    name_of: dict[int, str] = {}
    for chunk in _chunks(sorted(all_ids)):
        name_of.update(
            (i, n)
            for i, n in session.execute(select(Actor.id, Actor.name).where(Actor.id.in_(chunk)))
        )
    out: dict[int, set[str]] = {}
    for place in place_ids:
        seen: set[int] = set()
        todo = list(parents.get(place, ()))
        while todo:
            p = todo.pop()
            if p not in seen and p != place:
                seen.add(p)
                todo.extend(parents.get(p, ()))
        out[place] = {name_of[p] for p in seen if p in name_of}
    return out


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


# --- maintaining -----------------------------------------------------------------------------


@dataclass
class GroupUpdate:
    """What one update did."""

    events: int = 0
    groups_created: int = 0
    joined: int = 0  # new events that joined a group with other members
    merged: int = 0  # stored groups folded into another


def _summary(members: Sequence[_Member]) -> dict[str, object]:
    best = best_report([m.report for m in members])
    head = next(m for m in members if m.report.event_id == best.event_id)
    actors = list(dict.fromkeys(a for m in members for a in m.actors))
    places = list(dict.fromkeys(p for m in members for p in m.places))
    published = sorted(m.published for m in members if m.published)
    return {
        "event_id": head.report.event_id,
        "date_start": head.date_start,
        "date_end": head.date_end,
        "precision": head.precision,
        "approximate": head.approximate,
        "text": head.text,
        "actors": json.dumps(actors, ensure_ascii=False, separators=(",", ":")),
        "places": json.dumps(places, ensure_ascii=False, separators=(",", ":")),
        "mentions": len(members),
        "documents": len({m.report.document_id for m in members}),
        "sources": len({m.source for m in members}),
        "first_published": published[0] if published else None,
        "last_published": published[-1] if published else None,
    }


def update_groups(
    session: Session,
    event_ids: Iterable[int],
    threshold: float | None = None,
    cache: ReportCache | None = None,
) -> GroupUpdate:
    """Put new events (not yet in any group) into groups, merging with stored ones.

    ``cache`` keeps loaded events for the next call (one per ingest, see ReportCache).
    """
    if threshold is None:
        threshold = merge_threshold(session)
    wanted = sorted(set(event_ids))
    grouped: set[int] = set()
    for chunk in _chunks(wanted):
        grouped.update(
            session.execute(
                select(EventGroupMember.event_id).where(EventGroupMember.event_id.in_(chunk))
            ).scalars()
        )
    new = _load_cached(session, [e for e in wanted if e not in grouped], cache)
    result = GroupUpdate(events=len(new))
    if not new:
        return result

    # Candidates: stored events sharing a key, then every member of their groups (the
    # complete-linkage check needs whole groups).
    probes = sorted({k for m in new.values() for k in probe_keys(m.report)})
    candidates: set[int] = set()
    for keys_chunk in _chunks(probes):
        candidates.update(
            session.execute(
                select(EventGroupKey.event_id).where(EventGroupKey.key.in_(keys_chunk)).distinct()
            ).scalars()
        )
    candidates -= new.keys()
    group_ids: set[int] = set()
    for chunk in _chunks(sorted(candidates)):
        group_ids.update(
            session.execute(
                select(EventGroupMember.group_id).where(EventGroupMember.event_id.in_(chunk))
            ).scalars()
        )
    membership: dict[int, int] = {}
    for chunk in _chunks(sorted(group_ids)):
        for event_id, group_id in session.execute(
            select(EventGroupMember.event_id, EventGroupMember.group_id).where(
                EventGroupMember.group_id.in_(chunk)
            )
        ):
            membership[event_id] = group_id
    stored = _load_cached(session, sorted(membership), cache)
    existing: dict[int, list[Report]] = {}
    for event_id, group_id in sorted(membership.items()):
        if event_id in stored:
            existing.setdefault(group_id, []).append(stored[event_id].report)

    mergeable = [m.report for m in new.values() if m.report.mergeable]
    clusters = cluster(existing, mergeable, threshold)
    in_cluster = {r.event_id for c in clusters for r in c.members}
    # events that can never merge are groups of one
    clusters += [Cluster([m.report]) for e, m in new.items() if e not in in_cluster]
    info = {**stored, **new}

    created = [c for c in clusters if c.group_id is None]
    kept = [c for c in clusters if c.group_id is not None]
    if created:
        ids = session.execute(
            insert(_table(EventGroup)).returning(
                _table(EventGroup).c.id, sort_by_parameter_order=True
            ),
            [_summary([info[r.event_id] for r in c.members]) for c in created],
        ).scalars()
        for c, gid in zip(created, ids, strict=True):
            c.group_id = gid
    result.groups_created = len(created)
    for c in kept:
        assert c.group_id is not None
        if c.merged_ids:
            result.merged += len(c.merged_ids)
            session.execute(
                update(EventGroupMember)
                .where(EventGroupMember.group_id.in_(c.merged_ids))
                .values(group_id=c.group_id)
            )
            session.execute(delete(EventGroup).where(EventGroup.id.in_(c.merged_ids)))
    if kept:
        session.execute(
            update(EventGroup),
            [{"id": c.group_id, **_summary([info[r.event_id] for r in c.members])} for c in kept],
        )
    members = []
    for c in clusters:
        for r in c.members:
            if r.event_id in new:
                members.append(
                    {
                        "event_id": r.event_id,
                        "group_id": c.group_id,
                        "score": c.scores.get(r.event_id),
                    }
                )
                result.joined += len(c.members) > 1
    # Core inserts: the ORM's bulk path costs more than the SQL for tens of thousands of rows
    session.execute(insert(_table(EventGroupMember)), members)
    keys = [
        {"key": k, "event_id": e} for e, m in new.items() for k in sorted(set(index_keys(m.report)))
    ]
    if keys:
        session.execute(insert(_table(EventGroupKey)), keys)
    return result


def group_documents(
    session: Session,
    document_ids: Iterable[int],
    threshold: float | None = None,
    cache: ReportCache | None = None,
) -> GroupUpdate:
    """Group the events of ``document_ids`` (the ingest hook, once per written batch)."""
    ids: list[int] = []
    for chunk in _chunks(sorted(set(document_ids))):
        ids.extend(session.execute(select(Event.id).where(Event.document_id.in_(chunk))).scalars())
    return update_groups(session, ids, threshold, cache)


def refresh_groups(session: Session, group_ids: Iterable[int]) -> None:
    """Recompute the summaries of groups that lost members; delete those left empty."""
    gids = sorted(set(group_ids))
    if not gids:
        return
    membership: dict[int, list[int]] = {}
    for chunk in _chunks(gids):
        for event_id, group_id in session.execute(
            select(EventGroupMember.event_id, EventGroupMember.group_id).where(
                EventGroupMember.group_id.in_(chunk)
            )
        ):
            membership.setdefault(group_id, []).append(event_id)
    empty = [g for g in gids if g not in membership]
    for chunk in _chunks(empty):
        session.execute(delete(EventGroup).where(EventGroup.id.in_(chunk)))
    if membership:
        info = _load(session, [e for ids in membership.values() for e in ids])
        session.execute(
            update(EventGroup),
            [
                {"id": g, **_summary([info[e] for e in sorted(ids)])}
                for g, ids in sorted(membership.items())
            ],
        )


def document_group_ids(session: Session, document_id: int) -> set[int]:
    """Groups holding events of ``document_id``: to refresh after its events are replaced."""
    return set(
        session.execute(
            select(EventGroupMember.group_id)
            .join(Event, Event.id == EventGroupMember.event_id)
            .where(Event.document_id == document_id)
        ).scalars()
    )


def regroup_document(session: Session, document_id: int, stale: Iterable[int]) -> GroupUpdate:
    """After a document's events were re-extracted: fix the groups its old events left, then
    group its new events (the reprocess hook)."""
    refresh_groups(session, stale)
    return group_documents(session, [document_id])


def prune_groups(session: Session) -> None:
    """Refresh every group whose member count changed (after documents were replaced)."""
    counts = (
        select(EventGroupMember.group_id, func.count().label("n"))
        .group_by(EventGroupMember.group_id)
        .subquery()
    )
    stale = session.execute(
        select(EventGroup.id)
        .outerjoin(counts, counts.c.group_id == EventGroup.id)
        .where((counts.c.n.is_(None)) | (counts.c.n != EventGroup.mentions))
    ).scalars()
    refresh_groups(session, list(stale))


def rebuild_groups(session: Session, threshold: float | None = None) -> int:
    """Forget every group and regroup all events in ingest order; stores ``threshold``."""
    if threshold is not None:
        set_merge_threshold(session, threshold)
    else:
        threshold = merge_threshold(session)
    session.execute(delete(EventGroupKey))
    session.execute(delete(EventGroupMember))
    session.execute(delete(EventGroup))
    ids = list(session.execute(select(Event.id).order_by(Event.id)).scalars())
    cache = ReportCache()
    for i in range(0, len(ids), REBUILD_STEP):
        update_groups(session, ids[i : i + REBUILD_STEP], threshold, cache)
    return count_groups(session)


def count_groups(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(EventGroup)).scalar_one())


def explain_pair(
    session: Session, first: int, second: int, threshold: float | None = None
) -> tuple[str, list[str]]:
    """Why events ``first`` and ``second`` are (not) one event: the verdict with its features,
    and the content words they share. Raises LookupError for an unknown event."""
    if threshold is None:
        threshold = merge_threshold(session)
    loaded = _load(session, [first, second])
    for event_id in (first, second):
        if event_id not in loaded:
            raise LookupError(f"no event with id {event_id}")
    a, b = loaded[first].report, loaded[second].report
    return similarity(a, b).explain(threshold), sorted(a.words & b.words)
