"""Database summary for `timeline stats`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from timeline.store.models import Actor, Document, Event, EventActor


def collect_stats(session: Session) -> dict[str, Any]:
    year = func.substr(Event.date_start, 1, 4)
    per_year = session.execute(
        select(year, func.count())
        .where(Event.date_start.is_not(None))
        .group_by(year)
        .order_by(year)
    ).all()
    return {
        "documents": session.scalar(select(func.count()).select_from(Document)),
        "events": session.scalar(select(func.count()).select_from(Event)),
        "actors": session.scalar(select(func.count(distinct(EventActor.actor_id)))),
        "actors_total": session.scalar(select(func.count()).select_from(Actor)),
        "date_min": session.scalar(select(func.min(Event.date_start))),
        "date_max": session.scalar(select(func.max(Event.date_end))),
        "undated_events": session.scalar(
            select(func.count()).select_from(Event).where(Event.date_start.is_(None))
        ),
        "events_per_year": {y: n for y, n in per_year},
    }
