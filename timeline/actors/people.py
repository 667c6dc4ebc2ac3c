"""Find people (and, through ``organisations``, organisations) not in the dictionary, in one
sentence.

Only names with evidence are taken, because a capitalised word alone is as likely a religion,
a weekday or a language ("Shiite", "Monday", "Spanish"):

* a title before the name: "Foreign Minister Mohammad Javad Zarif", "dictator Bashar al-Assad",
  "Iranian Foreign Minister Zarif" (the demonym or possessive gives the affiliation);
* an apposition after it: "Majid Takht-Ravanchi, Iran's current Deputy Foreign Minister";
  or before it: "Iran's foreign minister, Mohammed Javad Zarif";
* a reporting verb after a two-to-four word name: "Victor Wan said";
* a common given name first: "Paul Collingwood";
* organisations (head words, appositions, acronyms) come from :mod:`organisations`.

A title with a possessor but no name ("Iran's foreign minister has begun", "the Iranian FM")
is returned as a :class:`RoleRef`, for the resolver to tie to the person holding that title.
"""

from __future__ import annotations

from timeline.actors.chunks import (
    AcronymDef,
    NameFinding,
    RoleRef,
    SentenceNames,
    match_title,
    person_chunk,
    title_text,
)
from timeline.actors.dictionary import AliasForm, Dictionary, Rules
from timeline.actors.find import DictMention, Token
from timeline.actors.organisations import find_acronyms, find_organisations
from timeline.actors.types import ActorKind

# the value types are re-exported: the resolver and tests know them from here
__all__ = ["AcronymDef", "NameFinding", "RoleRef", "SentenceNames", "find_names"]


def _possessor(
    toks: list[Token], i: int, lo: int, by_end: dict[int, DictMention], rules: Rules
) -> tuple[str | None, int]:
    """Country (or organisation) owning the title that starts at token ``i``, and the token
    where the whole phrase starts: "Iran's current", "the former Iranian", "Iranian"."""
    k = i
    while k > lo and toks[k - 1][0].lower() in rules.title_modifiers:
        k -= 1
    m = by_end.get(k)
    if m is not None and m.info.form == AliasForm.DEMONYM and m.info.kind is ActorKind.COUNTRY:
        start = m.first
        while start > lo and toks[start - 1][0].lower() in rules.title_modifiers:
            start -= 1
        if start > lo and toks[start - 1][0].lower() in {"the", "a", "an"}:
            start -= 1
        return m.actor, start
    if k - 2 > lo and toks[k - 1][0].lower() == "s" and toks[k - 2][0] in "'’":
        m = by_end.get(k - 2)
        if m is not None and m.info.kind in (
            ActorKind.COUNTRY,
            ActorKind.ORGANISATION,
            ActorKind.GROUP,
        ):
            return m.actor, m.first
        if m is not None and m.info.kind is ActorKind.CITY and m.info.country is not None:
            return m.info.country, m.first
    if k > lo and toks[k - 1][0].lower() in {"the", "a", "an"}:
        return None, k - 1
    return None, k


def _is_name(toks: list[Token], i: int, j: int, by_start: dict[int, DictMention]) -> bool:
    """A person name may be a dictionary person but not a place or organisation."""
    m = by_start.get(i)
    return m is None or m.info.kind is ActorKind.PERSON


def find_names(
    text: str,
    toks: list[Token],
    lo: int,
    hi: int,
    mentions: list[DictMention],
    dictionary: Dictionary,
) -> SentenceNames:
    """People, organisations, role references and acronyms in tokens ``[lo, hi)``."""
    rules = dictionary.rules
    out = SentenceNames()
    by_start = {m.first: m for m in mentions}
    by_end = {m.last: m for m in mentions}
    taken: set[int] = set()  # token indexes inside names already found

    find_organisations(text, toks, lo, hi, by_start, by_end, rules, out, taken)

    particles = rules.name_particles
    titles = rules.title_index
    i = lo
    while i < hi:
        tok = toks[i][0]
        # fast path: most tokens are lower-case words that start neither a title nor a name
        if i in taken or not (tok[:1].isupper() or tok in particles or tok in titles):
            i += 1
            continue
        k = match_title(toks, i, hi, rules)
        while k > i and k < hi and (k2 := match_title(toks, k, hi, rules)) > k:
            k = k2  # "Chief Minister", "US Secretary Treasury": titles run on
        if k > i:
            i = _after_title(text, toks, lo, hi, i, k, by_start, by_end, rules, out, taken)
            continue
        j = person_chunk(toks, i, hi, rules, by_start)
        if j > i and _is_name(toks, i, j, by_start):
            nxt = _apposition_title(toks, i, j, hi, by_end, rules)
            if nxt is not None:
                country, t0, t1 = nxt
                _add_person(
                    text,
                    toks,
                    i,
                    j,
                    country,
                    title_text(toks, t0, t1, rules),
                    by_start,
                    out,
                    taken,
                )
                i = t1
                continue
            n_words = sum(1 for k2 in range(i, j) if toks[k2][0][:1].isupper())
            # "Victor Wan said", or a common given name first: "Paul Collingwood"
            if 2 <= n_words <= 4 and (
                (j < hi and toks[j][0].lower() in rules.reporting_verbs)
                or toks[i][0] in rules.given_names
            ):
                if toks[i][0] in rules.foreign_articles:
                    # "Le Figaro said", "Die Welt reported": a newspaper, not a person
                    start, end = toks[i][1], toks[j - 1][2]
                    out.findings.append(
                        NameFinding(ActorKind.ORGANISATION, start, end, text[start:end])
                    )
                    taken.update(range(i, j))
                else:
                    _add_person(text, toks, i, j, None, None, by_start, out, taken)
            i = j
            continue
        i += 1

    find_acronyms(toks, lo, hi, rules, out)
    return out


def _add_person(
    text: str,
    toks: list[Token],
    i: int,
    j: int,
    country: str | None,
    title: str | None,
    by_start: dict[int, DictMention],
    out: SentenceNames,
    taken: set[int],
) -> None:
    m = by_start.get(i)
    dict_actor = m.actor if m is not None and m.info.kind is ActorKind.PERSON else None
    start, end = toks[i][1], toks[j - 1][2]
    out.findings.append(
        NameFinding(
            ActorKind.PERSON,
            start,
            end,
            text[start:end],
            country,
            "member" if country else None,
            title,
            dict_actor,
        )
    )
    taken.update(range(i, j))


def _after_title(
    text: str,
    toks: list[Token],
    lo: int,
    hi: int,
    i: int,
    k: int,
    by_start: dict[int, DictMention],
    by_end: dict[int, DictMention],
    rules: Rules,
    out: SentenceNames,
    taken: set[int],
) -> int:
    """A title at tokens [i, k): a name follows, or ", Name", or it is a role reference."""
    country, phrase_start = _possessor(toks, i, lo, by_end, rules)
    title = title_text(toks, i, k, rules)
    j = person_chunk(toks, k, hi, rules, by_start)
    # a lower-case title before a single capitalised word is too weak ("official MENA")
    weak = toks[i][0].islower() and country is None and j - k < 2
    if j > k and _is_name(toks, k, j, by_start) and not weak:
        _add_person(text, toks, k, j, country, title, by_start, out, taken)
        return j
    if k < hi and toks[k][0] == "," and country is not None:
        j = person_chunk(toks, k + 1, hi, rules, by_start)
        if j > k + 1 and _is_name(toks, k + 1, j, by_start):
            _add_person(text, toks, k + 1, j, country, title, by_start, out, taken)
            return j
    if country is not None:
        start, end = toks[phrase_start][1], toks[k - 1][2]
        out.role_refs.append(RoleRef(start, end, text[start:end], title, country))
    return k


def _apposition_title(
    toks: list[Token], i: int, j: int, hi: int, by_end: dict[int, DictMention], rules: Rules
) -> tuple[str | None, int, int] | None:
    """ "Name, (the) (former) (Iran's|Iranian) (current) Title": (country, title span)."""
    if j >= hi or toks[j][0] != ",":
        return None
    k = j + 1
    if k < hi and toks[k][0].lower() in {"the", "a", "an"}:
        k += 1
    while k < hi and toks[k][0].lower() in rules.title_modifiers:
        k += 1
    country: str | None = None
    # possessor or demonym
    for m in (by_end.get(k + 1), by_end.get(k + 2), by_end.get(k + 3)):
        if m is not None and m.first == k and m.info.kind is ActorKind.COUNTRY:
            if m.info.form == AliasForm.DEMONYM:
                country, k = m.actor, m.last
            elif m.possessive:
                country, k = m.actor, m.last + 2
            break
    while k < hi and toks[k][0].lower() in rules.title_modifiers:
        k += 1
    if k >= hi:
        return None
    t_end = match_title(toks, k, hi, rules)
    if t_end == k:
        return None
    return country, k, t_end
