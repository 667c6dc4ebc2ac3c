"""Re-extracting stored documents from their stored text: after a date change, or after the
dictionary or the rules changed. The original files are not needed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from timeline.store.groups import document_group_ids, regroup_document
from timeline.store.models import Document, Timex
from timeline.store.writer import ActorIds, write_extraction

if TYPE_CHECKING:
    from timeline.actors.dictionary import Dictionary
    from timeline.store.database import Store


def reprocess_document(
    session: Session, doc_id: int, dictionary: Dictionary, cache: ActorIds | None = None
) -> int:
    """Replace a document's timexes, events and links by a fresh extraction; returns events."""
    from timeline.events.extract import extract_document

    text, published = session.execute(
        select(Document.text, Document.published).where(Document.id == doc_id)
    ).one()
    dct = date.fromisoformat(published) if published else None
    extraction = extract_document(text, dct, dictionary)
    stale_groups = document_group_ids(session, doc_id)
    # Events and links go with their timexes (ON DELETE CASCADE), group memberships too.
    session.execute(delete(Timex).where(Timex.document_id == doc_id))
    n, _ = write_extraction(session, doc_id, extraction, cache or ActorIds())
    regroup_document(session, doc_id, stale_groups)
    return n


def set_document_date(session: Session, doc_id: int, published: date) -> int:
    """Give a document a publication date and re-resolve its relative dates."""
    from timeline.ingest.pipeline import build_dictionary, user_entries

    session.execute(
        update(Document)
        .where(Document.id == doc_id)
        .values(published=published.isoformat(), published_source="cli")
    )
    return reprocess_document(session, doc_id, build_dictionary(user_entries(session)))


def reprocess_documents(store: Store, document: str | None = None) -> tuple[int, int]:
    """Re-extract every stored document (or one), one transaction per document."""
    from timeline.ingest.pipeline import build_dictionary, user_entries
    from timeline.store.documents import find_document

    with store.session() as session:
        dictionary = build_dictionary(user_entries(session))
        if document is not None:
            ids = [find_document(session, document)]
        else:
            ids = list(session.execute(select(Document.id).order_by(Document.id)).scalars())
    cache = ActorIds()
    events = 0
    for doc_id in ids:
        with store.session() as session:
            events += reprocess_document(session, doc_id, dictionary, cache)
    return len(ids), events
