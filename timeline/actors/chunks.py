"""Token-level pieces shared by the people and organisation finders: what they find (value
types) and how a name or a title runs over the tokens of a sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.actors.dictionary import Rules
from timeline.actors.find import DictMention, Token
from timeline.actors.types import ActorKind

__all__ = [
    "AcronymDef",
    "NameFinding",
    "RoleRef",
    "SentenceNames",
    "adjacent",
    "is_cap",
    "match_title",
    "person_chunk",
    "title_text",
]


@dataclass(frozen=True, slots=True)
class NameFinding:
    """A person or organisation found by its context (document offsets of the name)."""

    kind: ActorKind
    start: int
    end: int
    name: str
    country: str | None = None  # affiliation parent from a title, apposition or name prefix
    relation: str | None = None  # member | part_of | based_in
    title: str | None = None  # lower-case title ("foreign minister")
    dict_actor: str | None = None  # the name is this dictionary entry


@dataclass(frozen=True, slots=True)
class RoleRef:
    """A title with a possessor and no name: "the Iranian FM", "Iran's foreign minister"."""

    start: int
    end: int
    text: str
    title: str
    country: str | None


@dataclass(frozen=True, slots=True)
class AcronymDef:
    """An acronym defined in parentheses right after a name."""

    acronym: str
    start: int
    end: int
    target_start: int  # the capitalised name it abbreviates; -1 when none (a common noun)
    target_end: int


@dataclass(slots=True)
class SentenceNames:
    findings: list[NameFinding] = field(default_factory=list)
    role_refs: list[RoleRef] = field(default_factory=list)
    acronyms: list[AcronymDef] = field(default_factory=list)


def adjacent(toks: list[Token], a: int, b: int) -> bool:
    return toks[a][2] == toks[b][1]


def is_cap(tok: str) -> bool:
    return tok[:1].isupper() and tok.replace("’", "").replace("'", "").isalnum()


def person_chunk(
    toks: list[Token],
    i: int,
    hi: int,
    rules: Rules,
    stop: dict[int, DictMention] | None = None,
) -> int:
    """End (exclusive) of a person name starting at ``i``; ``i`` when there is none. The name
    ends before a place or organisation of the dictionary (``stop``: mentions by first token),
    "Paul Collingwood England" is a name and a country."""
    if i >= hi:
        return i
    first = toks[i][0]
    if first in rules.not_names or not (is_cap(first) or first.lower() in rules.name_particles):
        return i
    j, words = i, 0
    while j < hi:
        t = toks[j][0]
        if j > i and match_title(toks, j, hi, rules) > j:
            break  # "Treasury Secretary Robert Rubin": the name starts after the title
        if (
            j > i
            and stop is not None
            and (m := stop.get(j)) is not None
            and m.info.kind is not ActorKind.PERSON
        ):
            break
        if is_cap(t) and t not in rules.not_names and not t.isdigit():
            j += 1
            words += 1
        elif (
            t == "-"
            and j > i
            and j + 1 < hi
            and adjacent(toks, j - 1, j)
            and adjacent(toks, j, j + 1)
            and toks[j + 1][0].isalpha()
        ):
            j += 2
            words += 1
        elif (
            t.lower() in rules.name_particles
            and j + 1 < hi
            and (is_cap(toks[j + 1][0]) or (toks[j + 1][0] == "-" and adjacent(toks, j, j + 1)))
        ) or (t == "." and j > i and len(toks[j - 1][0]) == 1 and toks[j - 1][0].isupper()):
            j += 1
        else:
            break
    while j > i and toks[j - 1][0].lower() in rules.name_particles:
        j -= 1
    return j if words else i


def match_title(toks: list[Token], i: int, hi: int, rules: Rules) -> int:
    """End of the longest title starting at ``i``, or ``i``."""
    low = toks[i][0].lower()
    short = rules.title_short.get(low)
    if short is not None and toks[i][0].isupper():
        return i + 1
    for title in rules.title_index.get(low, ()):
        n = len(title)
        if i + n <= hi and all(toks[i + k][0].lower() == title[k] for k in range(n)):
            return i + n
    return i


def title_text(toks: list[Token], i: int, j: int, rules: Rules) -> str:
    words = [toks[k][0] for k in range(i, j)]
    text = " ".join(words).replace(" .", ".").lower()
    return rules.title_short.get(text, text)
