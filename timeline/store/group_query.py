"""Event groups as users see them: `list --merged` rows, `show gN` details, TimelineJS rows.

The groups themselves are maintained by timeline/store/groups.py; this module only reads them.
A filter selects the groups with at least one mention matching it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, TextIO

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from timeline.store.models import EventGroup, EventGroupMember
from timeline.store.query import EventFilter, build_select, rows_for_ids
from timeline.store.rows import EventRow

# Columns of `timeline list --merged` and of the group rows written by every table format.
GROUP_COLUMNS: tuple[str, ...] = (
    "group_id",
    "date_start",
    "date_end",
    "precision",
    "actors",
    "places",
    "text",
    "mentions",
    "documents",
    "sources",
    "first_published",
    "last_published",
)


@dataclass(frozen=True, slots=True)
class GroupRow:
    """One group as `list --merged` shows it."""

    group_id: int
    date_start: str
    date_end: str
    precision: str
    approximate: bool
    actors: tuple[str, ...]
    places: tuple[str, ...]
    text: str
    mentions: int
    documents: int
    sources: int
    first_published: str | None
    last_published: str | None
    event_id: int | None

    def values(self) -> list[object]:
        """The GROUP_COLUMNS, list columns joined with '; ' as in the CSV export."""
        return [
            self.group_id,
            self.date_start,
            self.date_end,
            self.precision,
            "; ".join(self.actors),
            "; ".join(self.places),
            self.text,
            self.mentions,
            self.documents,
            self.sources,
            self.first_published,
            self.last_published,
        ]


def _group_select(session: Session, flt: EventFilter) -> Select[Any]:
    stmt = select(EventGroup)
    unfiltered = replace(flt, limit=None, offset=0, reverse=False)
    if unfiltered != EventFilter():
        # the event id is the statement's last column, whatever else it selects for its order
        events = build_select(session, unfiltered).order_by(None).subquery()
        event_id = list(events.c)[-1]
        stmt = stmt.where(
            EventGroup.id.in_(
                select(EventGroupMember.group_id).join(
                    events, event_id == EventGroupMember.event_id
                )
            )
        )
    order: list[Any]
    if flt.reverse:
        order = [
            EventGroup.date_start.is_(None),
            EventGroup.date_start.desc(),
            EventGroup.date_end.desc(),
            EventGroup.id.desc(),
        ]
    else:
        order = [
            EventGroup.date_start.is_(None),
            EventGroup.date_start,
            EventGroup.date_end,
            EventGroup.id,
        ]
    stmt = stmt.order_by(*order)
    if flt.limit is not None:
        stmt = stmt.limit(flt.limit)
    if flt.offset:
        stmt = stmt.offset(flt.offset)
    return stmt


def _row(g: EventGroup) -> GroupRow:
    return GroupRow(
        group_id=g.id,
        date_start=g.date_start or "",
        date_end=g.date_end or "",
        precision=g.precision or "",
        approximate=bool(g.approximate),
        actors=tuple(json.loads(g.actors)),
        places=tuple(json.loads(g.places)),
        text=g.text,
        mentions=g.mentions,
        documents=g.documents,
        sources=g.sources,
        first_published=g.first_published,
        last_published=g.last_published,
        event_id=g.event_id,
    )


def iter_groups(session: Session, flt: EventFilter) -> Iterator[GroupRow]:
    """Groups with at least one mention matching ``flt``, in chronological order."""
    for g in session.execute(_group_select(session, flt)).scalars().yield_per(1000):
        yield _row(g)


def group_event_rows(session: Session, flt: EventFilter) -> Iterator[EventRow]:
    """Each group as the EventRow of its best mention, with the group's dates, actors and
    places (for event-only formats such as TimelineJS)."""
    batch: list[GroupRow] = []

    def flush() -> Iterator[EventRow]:
        ids = [g.event_id for g in batch if g.event_id is not None]
        by_id = {r.event_id: r for r in rows_for_ids(session, ids)}
        for g in batch:
            r = by_id.get(g.event_id) if g.event_id is not None else None
            if r is not None:
                yield replace(
                    r,
                    date_start=g.date_start,
                    date_end=g.date_end,
                    precision=g.precision,
                    actors=g.actors,
                    places=g.places,
                    extra={"group_id": g.group_id, "mentions": g.mentions, "sources": g.sources},
                )
        batch.clear()

    for g in iter_groups(session, flt):
        batch.append(g)
        if len(batch) >= 500:
            yield from flush()
    yield from flush()


@dataclass(frozen=True, slots=True)
class GroupDetail:
    """A group with its mentions (EventRows, oldest publication first)."""

    group: GroupRow
    mentions: tuple[EventRow, ...]
    scores: dict[int, float | None]


def group_detail(session: Session, group_id: int) -> GroupDetail | None:
    g = session.get(EventGroup, group_id)
    if g is None:
        return None
    members = dict(
        session.execute(
            select(EventGroupMember.event_id, EventGroupMember.score).where(
                EventGroupMember.group_id == group_id
            )
        ).all()
    )
    rows = rows_for_ids(session, sorted(members))
    rows.sort(key=lambda r: (r.published or "9999", r.document_id, r.event_id))
    return GroupDetail(_row(g), tuple(rows), {int(k): v for k, v in members.items()})


def group_of_event(session: Session, event_id: int) -> int | None:
    return session.execute(
        select(EventGroupMember.group_id).where(EventGroupMember.event_id == event_id)
    ).scalar_one_or_none()


def format_group_detail(detail: GroupDetail, out: TextIO, *, color: bool) -> None:
    """Print a group: its best interval and summary, then each mention with its sentence."""
    from timeline.export.dates import display_date
    from timeline.export.detail import highlighted_sentence
    from timeline.export.sanitize import clean_terminal

    g = detail.group
    out.write(f"Group g{g.group_id}\n")
    shown = display_date(g.date_start, g.date_end, g.precision, g.approximate)
    out.write(f"{'Interval:':<12}{g.date_start} to {g.date_end} ({g.precision}): {shown}\n")
    out.write(f"{'Actors:':<12}{clean_terminal(', '.join(g.actors)) or '-'}\n")
    out.write(f"{'Places:':<12}{clean_terminal(', '.join(g.places)) or '-'}\n")
    out.write(
        f"{'Reported:':<12}{g.mentions} mentions in {g.documents} documents from "
        f"{g.sources} sources, published {g.first_published or '?'} to "
        f"{g.last_published or '?'}\n"
    )
    for r in detail.mentions:
        score = detail.scores.get(r.event_id)
        joined = f", joined at {score:.2f}" if score is not None else ""
        best = " (best date)" if r.event_id == g.event_id else ""
        out.write(
            f"\nEvent {r.event_id}{best}: {r.date_start} to {r.date_end} ({r.precision}{joined})\n"
        )
        out.write(f"  {clean_terminal(r.document)} (published {r.published or 'unknown'})\n")
        out.write(f"  {highlighted_sentence(r, color=color)}\n")
