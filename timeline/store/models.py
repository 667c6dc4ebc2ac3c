"""The relational schema: SQLAlchemy 2.0 typed models, the single source that Alembic compares.

Dates are ISO ``YYYY-MM-DD`` text so that sqlite3 and Datasette users sort and compare them
directly (DESIGN.md, Storage). Every column carries a ``comment``: ``timeline schema`` prints
them, so the documentation cannot drift from the schema.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Deterministic constraint names: Alembic batch mode on SQLite needs names to drop or alter
# constraints, and PostgreSQL and SQLite then agree on them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ISO_DAY = String(10)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = {"comment": "One ingested article: its text, source and publication date"}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Document id")
    content_hash: Mapped[str] = mapped_column(
        String(64),
        unique=True,
        comment="SHA-256 of the text; re-ingesting the same text is a no-op",
    )
    source: Mapped[str] = mapped_column(Text, comment="Path or URL the document was read from")
    title: Mapped[str | None] = mapped_column(Text, comment="Title from metadata, if any")
    url: Mapped[str | None] = mapped_column(Text, comment="URL from metadata, if any")
    external_id: Mapped[str | None] = mapped_column(Text, comment="Id from metadata, if any")
    format: Mapped[str] = mapped_column(
        String(16), comment="Input format: text, markdown, html, jsonl, timeml"
    )
    published: Mapped[str | None] = mapped_column(
        ISO_DAY, index=True, comment="Publication date (DCT) as YYYY-MM-DD; relative dates use it"
    )
    published_source: Mapped[str] = mapped_column(
        String(16), comment="Where the publication date came from: cli, metadata, filename, none"
    )
    text: Mapped[str] = mapped_column(Text, comment="Full document text; offsets refer to it")
    word_count: Mapped[int] = mapped_column(Integer, comment="Number of words in the text")
    ingested_at: Mapped[str] = mapped_column(
        String(32), comment="When the document was stored (ISO 8601, UTC)"
    )


class Timex(Base):
    __tablename__ = "timexes"
    __table_args__ = {"comment": "Date expressions (TIMEX3) found in documents"}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Timex id")
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True, comment="Document it is in"
    )
    start: Mapped[int] = mapped_column(Integer, comment="Start offset in the document text")
    end: Mapped[int] = mapped_column(Integer, comment="End offset (exclusive) in the document text")
    text: Mapped[str] = mapped_column(Text, comment="Surface text of the expression")
    type: Mapped[str] = mapped_column(String(16), comment="TimeML type: DATE, TIME, DURATION, SET")
    value: Mapped[str] = mapped_column(
        String(64), comment="TIMEX3 value, e.g. 2016-08, P3Y, XXXX-08"
    )
    mod: Mapped[str | None] = mapped_column(String(16), comment="TIMEX3 mod: APPROX, START, ...")
    date_start: Mapped[str | None] = mapped_column(ISO_DAY, comment="Resolved interval start")
    date_end: Mapped[str | None] = mapped_column(
        ISO_DAY, comment="Resolved interval end (inclusive)"
    )
    precision: Mapped[str | None] = mapped_column(
        String(16), comment="day, week, month, quarter, season, year, decade, century"
    )
    approximate: Mapped[bool] = mapped_column(Boolean, comment="True for approximate intervals")


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        # Chronological order, ties in document order (DESIGN.md): `list` and `export` without
        # an actor read events straight from this index, without a sort.
        Index("ix_events_dates", "date_start", "date_end", "document_id", "position"),
        Index("ix_events_document_position", "document_id", "position"),
        {"comment": "One row per dated mention: a sentence or clause and its date"},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Event id")
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), comment="Document it comes from"
    )
    timex_id: Mapped[int] = mapped_column(
        ForeignKey("timexes.id", ondelete="CASCADE"), index=True, comment="Its date expression"
    )
    position: Mapped[int] = mapped_column(Integer, comment="Order of the mention in its document")
    text: Mapped[str] = mapped_column(Text, comment="Sentence or clause text")
    start: Mapped[int] = mapped_column(Integer, comment="Start offset of the text in the document")
    end: Mapped[int] = mapped_column(Integer, comment="End offset (exclusive) in the document")
    date_start: Mapped[str | None] = mapped_column(
        ISO_DAY, comment="Interval start, inclusive (NULL until a relative date can be resolved)"
    )
    date_end: Mapped[str | None] = mapped_column(ISO_DAY, comment="Interval end, inclusive")
    precision: Mapped[str | None] = mapped_column(
        String(16), comment="day, week, month, quarter, season, year, decade, century"
    )
    approximate: Mapped[bool] = mapped_column(Boolean, comment="True when the date is approximate")


class Actor(Base):
    __tablename__ = "actors"
    __table_args__ = (
        UniqueConstraint("name", "kind"),
        {
            "comment": "Canonical actors and places: countries, people, organisations, groups, cities"
        },
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Actor id")
    name: Mapped[str] = mapped_column(Text, comment="Canonical name")
    kind: Mapped[str] = mapped_column(
        String(16), comment="country, person, organisation, group, city, region"
    )
    code: Mapped[str | None] = mapped_column(
        String(16), index=True, comment="ISO 3166 alpha-3 for countries"
    )
    description: Mapped[str | None] = mapped_column(Text, comment="Free text")
    origin: Mapped[str] = mapped_column(
        String(16),
        comment="dictionary (built in), user (added by hand) or text (found in articles)",
    )


class ActorAlias(Base):
    __tablename__ = "actor_aliases"
    __table_args__ = (
        UniqueConstraint("actor_id", "alias"),
        {"comment": "Names an actor is known by"},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Alias id")
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), comment="Actor the alias names"
    )
    alias: Mapped[str] = mapped_column(Text, comment="The alias as written")
    alias_key: Mapped[str] = mapped_column(
        Text, index=True, comment="Case-folded alias used for look-ups"
    )
    origin: Mapped[str] = mapped_column(String(16), comment="dictionary, user or text")


class ActorAffiliation(Base):
    __tablename__ = "actor_affiliations"
    __table_args__ = (
        UniqueConstraint("actor_id", "parent_id", "relation"),
        {"comment": "An actor belongs to, is part of or is sponsored by another"},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Affiliation id")
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), comment="The affiliated actor"
    )
    parent_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), index=True, comment="The actor it belongs to"
    )
    relation: Mapped[str] = mapped_column(
        String(32), comment="member, part_of, sponsor, based_in, located_in, capital_of, ..."
    )
    date_start: Mapped[str | None] = mapped_column(ISO_DAY, comment="From (inclusive), if bounded")
    date_end: Mapped[str | None] = mapped_column(ISO_DAY, comment="Until (inclusive), if bounded")
    origin: Mapped[str] = mapped_column(String(16), comment="dictionary, user or text")


class EventActor(Base):
    __tablename__ = "event_actors"
    __table_args__ = (
        # Serves `list --actor X` in date order straight from the index (the event's dates are
        # copied here so the planner needs no sort over a frequent actor's events). The role is
        # in it because every actor/place filter tests it: without it each entry costs a table
        # look-up, 1.7 s for a frequent actor on 1M events (benchmarks/RESULTS.md).
        Index(
            "ix_event_actors_actor_dates", "actor_id", "role", "date_start", "date_end", "event_id"
        ),
        # The actors and places of a page of events, in mention order, from the index alone
        # (a third faster on a 100,000-row export than looking up each link's row).
        Index("ix_event_actors_event_id", "event_id", "start", "role", "actor_id"),
        {"comment": "Links an event to the actors and places mentioned with it"},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Link id")
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), comment="The event"
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), comment="The actor or place"
    )
    role: Mapped[str] = mapped_column(String(8), comment="actor or place")
    mention_text: Mapped[str] = mapped_column(Text, comment="The mention as written")
    start: Mapped[int] = mapped_column(Integer, comment="Mention start offset in the document")
    end: Mapped[int] = mapped_column(Integer, comment="Mention end offset (exclusive)")
    date_start: Mapped[str | None] = mapped_column(ISO_DAY, comment="Copy of the event's start")
    date_end: Mapped[str | None] = mapped_column(ISO_DAY, comment="Copy of the event's end")


# --- Event groups (issue 10): reports of one real event --------------------------------------


class EventGroup(Base):
    __tablename__ = "event_groups"
    __table_args__ = (
        Index("ix_event_groups_dates", "date_start", "date_end"),
        {
            "comment": "One real event told by one or more event rows (mentions), possibly in many documents"
        },
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, comment="Group id (g12 in the CLI)")
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"),
        comment="The mention with the best interval (the most precise agreeing one)",
    )
    date_start: Mapped[str | None] = mapped_column(ISO_DAY, comment="Best interval start")
    date_end: Mapped[str | None] = mapped_column(ISO_DAY, comment="Best interval end, inclusive")
    precision: Mapped[str | None] = mapped_column(String(16), comment="Best interval precision")
    approximate: Mapped[bool] = mapped_column(
        Boolean, comment="True when the best date is approximate"
    )
    text: Mapped[str] = mapped_column(Text, comment="Sentence of the best mention")
    actors: Mapped[str] = mapped_column(Text, comment="JSON array: actors of all mentions (union)")
    places: Mapped[str] = mapped_column(Text, comment="JSON array: places of all mentions (union)")
    mentions: Mapped[int] = mapped_column(Integer, comment="Number of event rows in the group")
    documents: Mapped[int] = mapped_column(Integer, comment="Number of distinct documents")
    sources: Mapped[int] = mapped_column(
        Integer, comment="Number of distinct sources (URL host, else document source)"
    )
    first_published: Mapped[str | None] = mapped_column(
        ISO_DAY, comment="Earliest publication date of a document reporting it"
    )
    last_published: Mapped[str | None] = mapped_column(
        ISO_DAY, comment="Latest publication date of a document reporting it"
    )


class EventGroupMember(Base):
    __tablename__ = "event_group_members"
    __table_args__ = {"comment": "Which group each event row (mention) belongs to"}

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, comment="The mention"
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("event_groups.id", ondelete="CASCADE"), index=True, comment="Its group"
    )
    score: Mapped[float | None] = mapped_column(
        Float, comment="Similarity with which it joined the group (NULL: the group's first)"
    )


class EventGroupKey(Base):
    __tablename__ = "event_group_keys"
    __table_args__ = {
        "comment": "Candidate index for grouping: entity|time bucket keys of each mergeable event"
    }

    key: Mapped[str] = mapped_column(
        Text,
        primary_key=True,
        comment="Actor or place | bucket: D:day, W:week, M:month, Y:year (lower case: coarser ones)",
    )
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, index=True, comment="Event"
    )


class GroupingSetting(Base):
    __tablename__ = "grouping_settings"
    __table_args__ = {"comment": "Settings of event grouping, e.g. merge_threshold"}

    name: Mapped[str] = mapped_column(String(32), primary_key=True, comment="Setting name")
    value: Mapped[str] = mapped_column(Text, comment="Setting value as text")
