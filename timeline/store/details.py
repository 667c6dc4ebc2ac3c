"""Everything about one event, for `timeline show`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from timeline.export.detail import EventDetail, Mention
from timeline.store.models import Actor, Document, Event, EventActor, Timex
from timeline.store.query import rows_for_ids


def event_detail(session: Session, event_id: int) -> EventDetail | None:
    rows = rows_for_ids(session, [event_id])
    if not rows:
        return None
    ev_start, ttype, tmod, psource = session.execute(
        select(Event.start, Timex.type, Timex.mod, Document.published_source)
        .join(Timex, Timex.id == Event.timex_id)
        .join(Document, Document.id == Event.document_id)
        .where(Event.id == event_id)
    ).one()
    mentions = [
        Mention(role, name, text, start - ev_start, end - ev_start)
        for role, name, text, start, end in session.execute(
            select(
                EventActor.role,
                Actor.name,
                EventActor.mention_text,
                EventActor.start,
                EventActor.end,
            )
            .join(Actor, Actor.id == EventActor.actor_id)
            .where(EventActor.event_id == event_id)
            .order_by(EventActor.start)
        )
    ]
    return EventDetail(
        row=rows[0], timex_type=ttype, timex_mod=tmod, published_source=psource, mentions=mentions
    )
