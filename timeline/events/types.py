"""What extraction produces for one document, before anything is stored."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.actors.types import ActorEntry, Role
from timeline.temporal.types import Interval, Timex


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the document that refers to an actor or place (document offsets)."""

    actor: str  # canonical name, a key into Extraction.actors
    role: Role
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExtractedEvent:
    """One dated mention: the sentence or clause, its date expression and who/where.

    ``interval`` may differ from ``timex.interval`` when the event's date is derived (an
    expression anchored on another event gets an approximate interval from its anchor); it is
    None only when the document has no DCT and the date is relative (resolved later).
    """

    text: str
    start: int
    end: int
    timex: Timex
    interval: Interval | None
    mentions: tuple[Mention, ...] = ()


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    timexes: list[Timex] = field(default_factory=list)
    events: list[ExtractedEvent] = field(default_factory=list)
    # every actor referenced by a mention, by canonical name: dictionary entries and the
    # people/organisations found in the text (with aliases and affiliations)
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    # how uncertain links were made ("pronoun 'He' at 2889 resolved to ..."), for review
    notes: list[str] = field(default_factory=list)
