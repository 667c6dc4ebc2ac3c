"""Full-text search over event text, chosen by dialect in this one place.

SQLite: the FTS5 table ``events_fts`` (external content on ``events``, kept by triggers).
PostgreSQL: ``to_tsvector('simple', text)`` served by a GIN expression index of the same
expression (created by the migrations), so no extra column needs maintaining.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select, text
from sqlalchemy.orm import Session

from timeline.store.models import Event
from timeline.store.schema_extras import FTS_TABLE

# 'simple' keeps names and foreign words as written; English stemming would merge
# "Iranian" and "Iran" differently from SQLite's unicode61 and make the backends disagree.
PG_TS_CONFIG = "simple"


def fts5_query(words: str) -> str:
    """User words as an FTS5 query: each word a quoted phrase, all required.

    Quoting keeps FTS5 syntax (AND, NEAR, column filters, stray quotes) in user text from
    raising syntax errors or changing the query's meaning.
    """
    return " ".join('"' + w.replace('"', '""') + '"' for w in words.split())


def text_condition(session: Session, words: str) -> ColumnElement[bool]:
    """A WHERE condition on Event selecting events whose text holds all ``words``."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_tsvector(text(f"'{PG_TS_CONFIG}'"), Event.text).op("@@")(
            func.plainto_tsquery(text(f"'{PG_TS_CONFIG}'"), words)
        )
    matches: Select[Any] = (
        select(literal_column("rowid"))
        .select_from(text(FTS_TABLE))
        .where(literal_column(FTS_TABLE).op("MATCH")(fts5_query(words)))
    )
    return Event.id.in_(matches)
