"""Documents as users manage them: list, find by id/source/title, remove."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from timeline.store.engine import StoreError
from timeline.store.models import Document, Event

DOC_COLUMNS = ["id", "published", "date_source", "events", "words", "title", "source"]


def list_documents(session: Session) -> tuple[list[str], list[tuple[Any, ...]]]:
    counts = (
        select(Event.document_id, func.count().label("n")).group_by(Event.document_id).subquery()
    )
    rows = session.execute(
        select(
            Document.id,
            Document.published,
            Document.published_source,
            func.coalesce(counts.c.n, 0),
            Document.word_count,
            Document.title,
            Document.source,
        )
        .outerjoin(counts, counts.c.document_id == Document.id)
        .order_by(Document.published.is_(None), Document.published, Document.id)
    ).all()
    return DOC_COLUMNS, [tuple(r) for r in rows]


def find_document(session: Session, ref: str) -> int:
    """The id of the document ``ref`` names (id, source, file name or title); one-line error."""
    conds = [Document.source == ref, Document.title == ref, Document.source.like("%/" + ref)]
    if ref.isdigit():
        conds.append(Document.id == int(ref))
    ids = session.execute(select(Document.id).where(or_(*conds))).scalars().all()
    if not ids:
        raise StoreError(f"no document {ref!r} (see `timeline docs`)")
    if len(ids) > 1:
        raise StoreError(f"{ref!r} names {len(ids)} documents; use its id (see `timeline docs`)")
    return ids[0]


def remove_document(session: Session, doc_id: int) -> int:
    events = session.scalar(select(func.count()).where(Event.document_id == doc_id)) or 0
    session.execute(delete(Document).where(Document.id == doc_id))
    return events
