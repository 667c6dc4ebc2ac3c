"""Full-text search over event text, chosen by dialect in this one place.

SQLite: the FTS5 table ``events_fts`` (external content on ``events``, kept by triggers).
PostgreSQL: ``to_tsvector('simple', text)`` served by the GIN expression index
``ix_events_text_fts`` on the same expression (created by the migrations), so no extra column
needs maintaining. Both require every word of the search, case-insensitively.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select, text
from sqlalchemy.orm import Session

from timeline.store.chronology import fts5_query
from timeline.store.models import Event
from timeline.store.schema_extras import FTS_TABLE, PG_TS_CONFIG


def pg_text_condition(words: str) -> ColumnElement[bool]:
    """``to_tsvector('simple', events.text) @@`` one phrase per word, all required.

    As in the FTS5 query, each whitespace-separated word is a phrase of its tokens ("Iraq's"
    is ``'iraq' <-> 's'``, not two words anywhere) and every word must match; tsquery syntax
    in user text (``&``, ``|``, ``!``) is just text to phraseto_tsquery. The configuration
    is a literal, not a bound parameter: the planner matches the GIN index only against the
    very expression it was built on.
    """
    config: ColumnElement[str] = literal_column(f"'{PG_TS_CONFIG}'")
    phrases = [func.phraseto_tsquery(config, w) for w in words.split()] or [
        func.plainto_tsquery(config, words)
    ]
    query: ColumnElement[Any] = phrases[0]
    for phrase in phrases[1:]:
        query = query.op("&&")(phrase)
    return func.to_tsvector(config, Event.text).op("@@")(query)


def text_condition(session: Session, words: str) -> ColumnElement[bool]:
    """A WHERE condition on Event selecting events whose text holds all ``words``."""
    if session.get_bind().dialect.name == "postgresql":
        return pg_text_condition(words)
    matches: Select[Any] = (
        select(literal_column("rowid"))
        .select_from(text(FTS_TABLE))
        .where(literal_column(FTS_TABLE).op("MATCH")(fts5_query(words)))
    )
    return Event.id.in_(matches)
