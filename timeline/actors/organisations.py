"""Find organisations not in the dictionary, within one sentence.

* a capitalised name with an organisation head word: "Foundation for Defense of Democracies",
  "Breitbart News", "U.S. Southern Command" (a country or organisation prefix gives the
  affiliation: part of the state for state bodies, based in it otherwise);
* an apposition noun: "a Middle Eastern media outlet, Asharq al-Awsat,";
* an acronym defined in parentheses: "The Associated Press (AP)" (the resolver decides what the
  acronym names).
"""

from __future__ import annotations

from timeline.actors.chunks import (
    AcronymDef,
    NameFinding,
    SentenceNames,
    adjacent,
    is_cap,
    match_title,
    person_chunk,
)
from timeline.actors.dictionary import Rules
from timeline.actors.find import DictMention, Token
from timeline.actors.types import ActorKind

__all__ = ["find_acronyms", "find_organisations", "org_chunk"]

# No dictionary alias is longer than this many tokens; bounds the look-back for a dictionary
# name that covers an organisation's span.
_MAX_ALIAS_TOKENS = 16


def org_chunk(toks: list[Token], i: int, hi: int, rules: Rules) -> int:
    j = i
    while j < hi:
        t = toks[j][0]
        dotted = (
            t == "."
            and j > i
            and adjacent(toks, j - 1, j)
            and len(toks[j - 1][0]) <= 2
            and toks[j - 1][0][:1].isupper()
        )  # "U.S."
        # "People's Liberation Army", "Workers' Party"
        owner = t in "'’" and j > i and toks[j - 1][0] in rules.plural_owners
        if t in rules.calendar_words or (
            j > i and toks[j - 1][0] in rules.org_heads and match_title(toks, j, hi, rules) > j
        ):
            break  # "Supreme Court Tuesday", "European Parliament President Josep Borrell"
        if owner:
            j += 2 if j + 1 < hi and toks[j + 1][0] == "s" else 1
        elif is_cap(t) or dotted:
            j += 1
        elif (
            t == "-"
            and j > i
            and j + 1 < hi
            and adjacent(toks, j - 1, j)
            and adjacent(toks, j, j + 1)
            and is_cap(toks[j + 1][0])
        ):
            j += 2
        elif (
            j > i
            and t.lower() in rules.org_particles
            and j + 1 < hi
            and (is_cap(toks[j + 1][0]) or toks[j + 1][0].lower() == "the")
        ):
            j += 1
        else:
            break
    return j


def find_organisations(
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
            j = person_chunk(toks, i + 2, hi, rules, by_start)
            if j > i + 2 and (j >= hi or toks[j][0] in {",", "."}) and (i + 2 not in by_start):
                start, end = toks[i + 2][1], toks[j - 1][2]
                out.findings.append(
                    NameFinding(ActorKind.ORGANISATION, start, end, text[start:end])
                )
                taken.update(range(i + 2, j))
                i = j
                continue
        if not is_cap(t) or (i > lo and is_cap(toks[i - 1][0])):
            i += 1
            continue
        j = org_chunk(toks, i, hi, rules)
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
            t_end = match_title(toks, s, first_head, rules)
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


def find_acronyms(toks: list[Token], lo: int, hi: int, rules: Rules, out: SentenceNames) -> None:
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
            is_cap(toks[k - 1][0])
            or (
                k - 1 > lo
                and toks[k - 1][0].lower() in rules.org_particles
                and is_cap(toks[k - 2][0])
            )
        ):
            k -= 1
        while k < i and (
            toks[k][0] in rules.not_names or toks[k][0].lower() in rules.org_particles
        ):
            k += 1
        start = toks[k][1] if k < i else -1
        out.acronyms.append(AcronymDef(acr, toks[i + 1][1], toks[i + 1][2], start, toks[i - 1][2]))
