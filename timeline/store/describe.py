"""The schema in words, from the models' column comments (so docs cannot drift)."""

from __future__ import annotations

from timeline.store.models import Base
from timeline.store.schema_extras import EVENTS_VIEW, FTS_TABLE

# Views and FTS tables are not models; their columns are described here, next to their DDL's
# module, and a test checks this list against the real view.
VIEW_COLUMNS: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    EVENTS_VIEW: (
        "One row per event with its date expression, document, actors and places (JSON arrays)",
        [
            ("event_id", "INTEGER", "Event id"),
            ("date_start", "TEXT", "Interval start, inclusive (YYYY-MM-DD)"),
            ("date_end", "TEXT", "Interval end, inclusive (YYYY-MM-DD)"),
            ("precision", "TEXT", "day, week, month, quarter, season, year, decade, century"),
            ("approximate", "BOOLEAN", "True when the date is approximate"),
            ("date_text", "TEXT", "The date expression as written"),
            ("timex_value", "TEXT", "Its TIMEX3 value"),
            ("timex_type", "TEXT", "DATE, TIME, DURATION or SET"),
            ("actors", "JSON", "Actor names, as a JSON array"),
            ("places", "JSON", "Place names, as a JSON array"),
            ("text", "TEXT", "Sentence or clause text"),
            ("document", "TEXT", "Source of the document (path or URL)"),
            ("published", "TEXT", "Publication date of the document"),
            ("document_id", "INTEGER", "Document id"),
            ("document_title", "TEXT", "Document title"),
        ],
    ),
    # alembic/versions/0002_event_groups.py (issue 10)
    "event_groups_view": (
        "One row per event group (reports of one event) with its mentions and sources",
        [
            ("group_id", "INTEGER", "Group id (timeline show g12)"),
            ("date_start", "TEXT", "Best interval start (the most precise agreeing mention)"),
            ("date_end", "TEXT", "Best interval end, inclusive"),
            ("precision", "TEXT", "Precision of the best interval"),
            ("approximate", "BOOLEAN", "True when the best date is approximate"),
            ("mentions", "INTEGER", "Number of event rows (mentions) in the group"),
            ("documents", "INTEGER", "Number of distinct documents"),
            ("sources", "INTEGER", "Number of distinct sources (URL host, else document)"),
            ("first_published", "TEXT", "Earliest publication date reporting it"),
            ("last_published", "TEXT", "Latest publication date reporting it"),
            ("actors", "JSON", "Actors of all mentions, as a JSON array"),
            ("places", "JSON", "Places of all mentions, as a JSON array"),
            ("text", "TEXT", "Sentence of the best mention"),
            ("best_event_id", "INTEGER", "Event id of the best mention"),
            ("date_text", "TEXT", "Its date expression as written"),
            ("timex_value", "TEXT", "Its TIMEX3 value"),
        ],
    ),
    FTS_TABLE: (
        "Full-text index of events.text (SQLite FTS5; rowid = events.id)",
        [("text", "TEXT", "Event text, searchable with MATCH")],
    ),
}


def describe_schema() -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    out = []
    for table in Base.metadata.sorted_tables:
        cols = [(c.name, str(c.type).split("(")[0], c.comment or "") for c in table.columns]
        out.append((table.name, table.comment or "", cols))
    for name, (comment, cols) in VIEW_COLUMNS.items():
        out.append((name, comment, cols))
    return out
