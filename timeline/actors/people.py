"""Find people and organisations that are not in the dictionary, within one sentence.

Only names with evidence are taken, because a capitalised word alone is as likely a religion,
a weekday or a language ("Shiite", "Monday", "Spanish"):

* a title before the name: "Foreign Minister Mohammad Javad Zarif", "dictator Bashar al-Assad",
  "Iranian Foreign Minister Zarif" (the demonym or possessive gives the affiliation);
* an apposition after it: "Majid Takht-Ravanchi, Iran's current Deputy Foreign Minister";
  or before it: "Iran's foreign minister, Mohammed Javad Zarif";
* a reporting verb after a two-to-four word name: "Victor Wan said";
* an organisation head word: "Foundation for Defense of Democracies", "Breitbart News",
  "U.S. Southern Command" (a country prefix gives the affiliation);
* an apposition noun: "a Middle Eastern media outlet, Asharq al-Awsat,";
* an acronym defined in parentheses: "The Associated Press (AP)".

A title with a possessor but no name ("Iran's foreign minister has begun", "the Iranian FM")
is returned as a :class:`RoleRef`, for the resolver to tie to the person holding that title.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.actors.dictionary import AliasForm, Dictionary, Rules
from timeline.actors.find import DictMention, Token
from timeline.actors.types import ActorKind

__all__ = ["AcronymDef", "NameFinding", "RoleRef", "SentenceNames", "find_names"]


# No dictionary alias is longer than this many tokens; bounds the look-back for a dictionary
# name that covers an organisation's span.
_MAX_ALIAS_TOKENS = 16


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


def _adjacent(toks: list[Token], a: int, b: int) -> bool:
    return toks[a][2] == toks[b][1]


def _cap(tok: str) -> bool:
    return tok[:1].isupper() and tok.replace("’", "").replace("'", "").isalnum()


def _person_chunk(
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
    if first in rules.not_names or not (_cap(first) or first.lower() in rules.name_particles):
        return i
    j, words = i, 0
    while j < hi:
        t = toks[j][0]
        if j > i and _match_title(toks, j, hi, rules) > j:
            break  # "Treasury Secretary Robert Rubin": the name starts after the title
        if (
            j > i
            and stop is not None
            and (m := stop.get(j)) is not None
            and m.info.kind is not ActorKind.PERSON
        ):
            break
        if _cap(t) and t not in rules.not_names and not t.isdigit():
            j += 1
            words += 1
        elif (
            t == "-"
            and j > i
            and j + 1 < hi
            and _adjacent(toks, j - 1, j)
            and _adjacent(toks, j, j + 1)
            and toks[j + 1][0].isalpha()
        ):
            j += 2
            words += 1
        elif (
            t.lower() in rules.name_particles
            and j + 1 < hi
            and (_cap(toks[j + 1][0]) or (toks[j + 1][0] == "-" and _adjacent(toks, j, j + 1)))
        ) or (t == "." and j > i and len(toks[j - 1][0]) == 1 and toks[j - 1][0].isupper()):
            j += 1
        else:
            break
    while j > i and toks[j - 1][0].lower() in rules.name_particles:
        j -= 1
    return j if words else i


def _org_chunk(toks: list[Token], i: int, hi: int, rules: Rules) -> int:
    j = i
    while j < hi:
        t = toks[j][0]
        dotted = (
            t == "."
            and j > i
            and _adjacent(toks, j - 1, j)
            and len(toks[j - 1][0]) <= 2
            and toks[j - 1][0][:1].isupper()
        )  # "U.S."
        # "People's Liberation Army", "Workers' Party"
        owner = t in "'’" and j > i and toks[j - 1][0] in rules.plural_owners
        if t in rules.calendar_words or (
            j > i and toks[j - 1][0] in rules.org_heads and _match_title(toks, j, hi, rules) > j
        ):
            break  # "Supreme Court Tuesday", "European Parliament President Josep Borrell"
        if owner:
            j += 2 if j + 1 < hi and toks[j + 1][0] == "s" else 1
        elif _cap(t) or dotted:
            j += 1
        elif (
            t == "-"
            and j > i
            and j + 1 < hi
            and _adjacent(toks, j - 1, j)
            and _adjacent(toks, j, j + 1)
            and _cap(toks[j + 1][0])
        ):
            j += 2
        elif (
            j > i
            and t.lower() in rules.org_particles
            and j + 1 < hi
            and (_cap(toks[j + 1][0]) or toks[j + 1][0].lower() == "the")
        ):
            j += 1
        else:
            break
    return j


def _match_title(toks: list[Token], i: int, hi: int, rules: Rules) -> int:
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


def _title_text(toks: list[Token], i: int, j: int, rules: Rules) -> str:
    words = [toks[k][0] for k in range(i, j)]
    text = " ".join(words).replace(" .", ".").lower()
    return rules.title_short.get(text, text)


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

    _find_orgs(text, toks, lo, hi, by_start, by_end, rules, out, taken)

    particles = rules.name_particles
    titles = rules.title_index
    i = lo
    while i < hi:
        tok = toks[i][0]
        # fast path: most tokens are lower-case words that start neither a title nor a name
        if i in taken or not (tok[:1].isupper() or tok in particles or tok in titles):
            i += 1
            continue
        k = _match_title(toks, i, hi, rules)
        while k > i and k < hi and (k2 := _match_title(toks, k, hi, rules)) > k:
            k = k2  # "Chief Minister", "US Secretary Treasury": titles run on
        if k > i:
            i = _after_title(text, toks, lo, hi, i, k, by_start, by_end, rules, out, taken)
            continue
        j = _person_chunk(toks, i, hi, rules, by_start)
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
                    _title_text(toks, t0, t1, rules),
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

    _find_acronyms(toks, lo, hi, rules, out)
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
    title = _title_text(toks, i, k, rules)
    j = _person_chunk(toks, k, hi, rules, by_start)
    # a lower-case title before a single capitalised word is too weak ("official MENA")
    weak = toks[i][0].islower() and country is None and j - k < 2
    if j > k and _is_name(toks, k, j, by_start) and not weak:
        _add_person(text, toks, k, j, country, title, by_start, out, taken)
        return j
    if k < hi and toks[k][0] == "," and country is not None:
        j = _person_chunk(toks, k + 1, hi, rules, by_start)
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
    t_end = _match_title(toks, k, hi, rules)
    if t_end == k:
        return None
    return country, k, t_end


def _find_orgs(
    text: str,
    toks: list[Token],
    lo: int,
    hi: int,
    by_start: dict[int, DictMention],
    by_end: dict[int, DictMention],
    rules: Rules,
    out: SentenceNames,
    taken: set[int],
) -> None:
    heads, state_heads = rules.org_heads, rules.state_heads
    i = lo
    while i < hi:
        t = toks[i][0]
        # apposition: "a media outlet, Asharq al-Awsat,"
        if t.lower() in rules.apposition_nouns and i + 2 < hi and toks[i + 1][0] == ",":
            j = _person_chunk(toks, i + 2, hi, rules, by_start)
            if j > i + 2 and (j >= hi or toks[j][0] in {",", "."}) and (i + 2 not in by_start):
                start, end = toks[i + 2][1], toks[j - 1][2]
                out.findings.append(
                    NameFinding(ActorKind.ORGANISATION, start, end, text[start:end])
                )
                taken.update(range(i + 2, j))
                i = j
                continue
        if not _cap(t) or (i > lo and _cap(toks[i - 1][0])):
            i += 1
            continue
        j = _org_chunk(toks, i, hi, rules)
        head_pos = [k for k in range(i, j) if toks[k][0] in heads]
        if not head_pos:
            i = max(j, i + 1)
            continue
        first_head = head_pos[0]
        s = i
        for k in range(s, first_head):
            if toks[k][0].lower() in {"and", "&"}:
                s = k + 1
        # leading sentence openers, particles and a title ("Director of the Research
        # Institute of Energy" names a person's post, the organisation is what follows)
        while s < first_head:
            t_end = _match_title(toks, s, first_head, rules)
            if t_end > s:
                s = t_end
            elif toks[s][0] in rules.not_names or toks[s][0].lower() in rules.org_particles:
                s += 1
            else:
                break
        # the name runs on after its first head up to "and" ("Central Committee of the
        # Communist Youth League and the China Association ..." is two organisations)
        e = first_head + 1
        while e < j and toks[e][0].lower() not in {"and", "&"}:
            e += 1
        while e > first_head + 1 and toks[e - 1][0].lower() in rules.org_particles:
            e -= 1
        last_head = max(k for k in head_pos if k < e)
        words = [toks[k][0] for k in range(s, e) if toks[k][0][:1].isalnum()]
        m = by_start.get(s)
        # a dictionary name covering the whole span wins ("Argentina Jewish Mutual Aid
        # Center"); a longer name around a dictionary one is a new organisation ("United
        # Nations High Commission for Refugees")
        covered = any(
            dm.last >= e and dm.info.kind is not ActorKind.COUNTRY
            for k in range(max(lo, s - _MAX_ALIAS_TOKENS), s + 1)
            if (dm := by_start.get(k)) is not None
        )
        if len(words) >= 2 and not covered:
            country, relation = None, None
            head = toks[last_head][0]
            if m is not None and m.info.kind in (ActorKind.ORGANISATION, ActorKind.GROUP):
                country, relation = m.actor, "part_of"
            elif m is not None and m.info.kind is ActorKind.COUNTRY:
                country = m.actor
            elif s - 2 >= lo and toks[s - 1][0].lower() == "s" and toks[s - 2][0] in "'’":
                pm = by_end.get(s - 2)
                if pm is not None and pm.info.kind is ActorKind.COUNTRY:
                    country = pm.actor
            if country is not None and relation is None:
                relation = "part_of" if head in state_heads else "based_in"
            start, end = toks[s][1], toks[e - 1][2]
            out.findings.append(
                NameFinding(ActorKind.ORGANISATION, start, end, text[start:end], country, relation)
            )
            taken.update(range(s, e))
        i = max(e if e < j else j, i + 1)


def _find_acronyms(toks: list[Token], lo: int, hi: int, rules: Rules, out: SentenceNames) -> None:
    for i in range(lo + 1, hi - 2):
        if toks[i][0] != "(" or toks[i + 2][0] not in {")", "/"}:
            continue
        acr = toks[i + 1][0]
        if not (
            acr[:1].isupper()
            and acr.isalpha()
            and 2 <= len(acr) <= 10
            and sum(c.isupper() for c in acr) >= 2
        ):
            continue
        # the capitalised name right before "(" (none for "gross domestic product (GDP)")
        k = i
        while k > lo and (
            _cap(toks[k - 1][0])
            or (
                k - 1 > lo
                and toks[k - 1][0].lower() in rules.org_particles
                and _cap(toks[k - 2][0])
            )
        ):
            k -= 1
        while k < i and (
            toks[k][0] in rules.not_names or toks[k][0].lower() in rules.org_particles
        ):
            k += 1
        start = toks[k][1] if k < i else -1
        out.acronyms.append(AcronymDef(acr, toks[i + 1][1], toks[i + 1][2], start, toks[i - 1][2]))
