"""Value types of the actor dictionary and resolver.

An actor is identified across documents by its canonical ``name`` plus ``kind``; the store
upserts on that key, so the same person found in two articles is one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActorKind(StrEnum):
    COUNTRY = "country"
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"  # armed or political group
    CITY = "city"
    REGION = "region"  # sub-national region, or a supranational one (Latin America)


class Role(StrEnum):
    """How an event links an actor: as a participant, or as the place it happened."""

    ACTOR = "actor"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Affiliation:
    """``actor`` is affiliated with ``parent`` (a minister to his country, Hezbollah to Iran)."""

    parent: str  # canonical name of the parent actor
    relation: str  # member | part_of | sponsor | located_in | capital_of | ...
    date_start: str | None = None  # ISO day, inclusive; None = open
    date_end: str | None = None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A canonical actor with its aliases, as the dictionary or the text finder knows it."""

    name: str
    kind: ActorKind
    code: str | None = None  # ISO 3166 alpha-3 for countries
    aliases: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    description: str | None = None
