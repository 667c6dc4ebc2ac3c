"""Word lists of the actor finder, from ``data/rules.toml``, and the tokenizer they match.

Titles, role cues, organisation head words, given names, name variants: language vocabulary kept
as data (STYLE.md, "Rules are data"), loaded once into a frozen :class:`Rules`. The tokenizer
lives here because titles are matched token by token exactly as text is.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = ["Rules", "load_rules", "tokenize"]

# One token: a run of word characters, or one other non-space character. Aliases and text are
# tokenised alike, so "U.S." is ("u", ".", "s", ".") on both sides.
_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` as ``(token, start, end)``."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(tokens: Iterable[str]) -> tuple[str, ...]:
    return tuple(t.lower() for t in tokens)


@dataclass(frozen=True, slots=True)
class Rules:
    """Word lists from ``data/rules.toml`` (lower case unless marked case-sensitive)."""

    place_before: frozenset[str]
    actor_after: frozenset[str]
    actor_before: frozenset[str]
    actor_nouns: frozenset[str]
    titles: tuple[tuple[str, ...], ...]  # token tuples, longest first
    title_index: Mapping[str, tuple[tuple[str, ...], ...]]  # first token -> titles, longest first
    title_short: Mapping[str, str]
    title_modifiers: frozenset[str]
    name_variants: Mapping[str, str]
    name_particles: frozenset[str]
    org_particles: frozenset[str]
    org_heads: frozenset[str]
    state_heads: frozenset[str]
    apposition_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    given_names: frozenset[str]  # case-sensitive
    not_names: frozenset[str]  # case-sensitive
    calendar_words: frozenset[str]  # case-sensitive
    plural_owners: frozenset[str]  # case-sensitive
    foreign_articles: frozenset[str]  # case-sensitive
    determiners: frozenset[str]
    function_words: frozenset[str]
    person_pronouns: frozenset[str]
    city_stoplist: frozenset[str]
    examples: tuple[tuple[str, str, str], ...]  # (text, actor, role|"none")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        fields = {
            f: dict(v) if isinstance(v := getattr(self, f), MappingProxyType) else v
            for f in self.__slots__
        }
        return (_rebuild_rules, (fields,))


def _rebuild_rules(fields: dict[str, Any]) -> Rules:
    values: dict[str, Any] = {
        k: MappingProxyType(v) if isinstance(v, dict) else v for k, v in fields.items()
    }
    return Rules(**values)


def load_rules() -> Rules:
    """The word lists of ``data/rules.toml``."""
    with resources.files("timeline.actors").joinpath("data", "rules.toml").open("rb") as fh:
        data = tomllib.load(fh)
    roles, people, orgs = data["roles"], data["people"], data["organisations"]

    def low(words: Iterable[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in words)

    titles = sorted(
        {_key(t for t, _, _ in tokenize(title)) for title in people["titles"]},
        key=lambda t: -len(t),
    )
    title_index: dict[str, list[tuple[str, ...]]] = {}
    for title in titles:
        title_index.setdefault(title[0], []).append(title)
    return Rules(
        title_index=MappingProxyType({k: tuple(v) for k, v in title_index.items()}),
        place_before=low(roles["place_before"]),
        actor_after=low(roles["actor_after"]),
        actor_before=low(roles["actor_before"]),
        actor_nouns=low(roles["actor_nouns"]),
        titles=tuple(titles),
        title_short=MappingProxyType({k.lower(): v for k, v in people["short"].items()}),
        title_modifiers=low(people["title_modifiers"]),
        name_variants=MappingProxyType({k.lower(): v for k, v in people["name_variants"].items()}),
        name_particles=low(people["name_particles"]),
        org_particles=low(people["org_particles"]),
        # heads compare with single tokens, so "Inc." is kept as "Inc"
        org_heads=frozenset(h.rstrip(".") for h in orgs["heads"]),
        state_heads=frozenset(h.rstrip(".") for h in orgs["state_heads"]),
        apposition_nouns=low(orgs["apposition_nouns"]),
        reporting_verbs=low(people["reporting_verbs"]),
        given_names=frozenset(people["given_names"]),
        not_names=frozenset(people["not_names"]),
        calendar_words=frozenset(people["calendar_words"]),
        plural_owners=frozenset(orgs["plural_owners"]),
        foreign_articles=frozenset(orgs["foreign_articles"]),
        determiners=low(roles["determiners"]),
        function_words=low(roles["function_words"]),
        person_pronouns=low(data["pronouns"]["person"]),
        city_stoplist=frozenset(data["places"]["city_stoplist"]),
        examples=tuple((e["text"], e["actor"], e["role"]) for e in data.get("example", [])),
    )
