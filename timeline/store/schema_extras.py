"""Schema objects the ORM models do not describe: the friendly view and full-text search.

They are created by migrations (per dialect) and hidden from Alembic's autogenerate
comparison by ``include_name`` so that "models and migrations agree" stays checkable.
"""

from __future__ import annotations

from typing import Any

# The FTS table is named <table>_fts with content="events" so that Datasette detects it.
FTS_TABLE = "events_fts"
EVENTS_VIEW = "events_view"

# PostgreSQL's full-text index: a GIN index on the same expression that fulltext.py queries
# (the planner uses an expression index only when the query repeats the expression exactly).
# 'simple' keeps names and foreign words as written; English stemming would merge words
# differently from SQLite's unicode61 tokenizer and make the backends disagree.
PG_TS_CONFIG = "simple"
PG_FTS_INDEX = "ix_events_text_fts"
PG_FTS = [
    f"CREATE INDEX {PG_FTS_INDEX} ON events USING gin (to_tsvector('{PG_TS_CONFIG}', text))",
]
PG_FTS_DROP = [f"DROP INDEX IF EXISTS {PG_FTS_INDEX}"]

# Tables that exist only as FTS5 machinery or views; autogenerate must not try to drop them.
_HIDDEN_PREFIXES = (FTS_TABLE,)
# Indexes that the models cannot express (an expression index on one dialect only).
_HIDDEN_INDEXES = frozenset({PG_FTS_INDEX})


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    if type_ == "table" and name is not None:
        return not name.startswith(_HIDDEN_PREFIXES) and name != EVENTS_VIEW
    if type_ == "index" and name is not None:
        return name not in _HIDDEN_INDEXES
    return True


SQLITE_FTS = [
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        text, content="events", content_rowid="id", tokenize="unicode61 remove_diacritics 2")""",
    f"""CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN
        INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END""",
    f"""CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END""",
    f"""CREATE TRIGGER events_fts_au AFTER UPDATE OF text ON events BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END""",
]
SQLITE_FTS_DROP = [
    "DROP TRIGGER IF EXISTS events_fts_au",
    "DROP TRIGGER IF EXISTS events_fts_ad",
    "DROP TRIGGER IF EXISTS events_fts_ai",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]

_LIST_SQL = {
    "sqlite": """(SELECT json_group_array(name) FROM (
            SELECT a.name AS name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
            WHERE ea.event_id = e.id AND ea.role = '{role}'
            GROUP BY a.name ORDER BY MIN(ea.start)))""",
    # The same text as SQLite's json_group_array (no spaces after commas), not a json value:
    # `actors LIKE '%Iran%'` (README) then works on both, and `timeline sql` prints the same.
    # Cast to jsonb for JSON operators. The name breaks ties in first position.
    "postgresql": """(SELECT '[' || coalesce(string_agg(to_json(name)::text, ',' ORDER BY first, name), '') || ']'
            FROM (
            SELECT a.name AS name, MIN(ea.start) AS first
            FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
            WHERE ea.event_id = e.id AND ea.role = '{role}' GROUP BY a.name) s)""",
}


def events_view_sql(dialect: str) -> str:
    """One row per event with its date expression, document, and actors/places as JSON arrays."""
    lists = _LIST_SQL["postgresql" if dialect == "postgresql" else "sqlite"]
    return f"""CREATE VIEW {EVENTS_VIEW} AS
SELECT e.id AS event_id, e.date_start, e.date_end, e.precision, e.approximate,
       t.text AS date_text, t.value AS timex_value, t.type AS timex_type,
       {lists.format(role="actor")} AS actors,
       {lists.format(role="place")} AS places,
       e.text, d.source AS document, d.published, d.id AS document_id, d.title AS document_title
FROM events e
JOIN timexes t ON t.id = e.timex_id
JOIN documents d ON d.id = e.document_id"""
