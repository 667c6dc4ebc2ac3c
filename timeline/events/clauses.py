"""Split a sentence that holds several dated facts into one clause per fact.

"... because Tehran allegedly sponsored terrorist attacks on the Israeli embassy in Buenos Aires
in 1992 and the Argentina Jewish Mutual Aid Center in 1994." holds two events. Between two
consecutive dated expressions we cut at the last clause coordinator (", and", "; ", ", but",
", while", ", whereas") or, when the second fact is a conjunct that starts right after the
first date ("in 1992 and the ..."), at that "and". Dates with no cut between them share their
clause. A cut that is not clean leaves the whole sentence (better a long text than a wrong one).

A conjunct after a bare "and" shares the beginning of the sentence with the first one (who
sponsored the attacks is said once, before both), so each clause also reports the *shared*
span whose mentions every conjunct inherits.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

__all__ = ["Clause", "split_clauses"]

# Cuts between clauses: a comma or semicolon with a coordinator. Bounded alternation, no
# nested quantifiers: linear.
_CLAUSAL = re.compile(r";\s+|,\s+(?:and|but|while|whereas|yet|or)\s+|\s+but\s+")
# A conjunct starting right after the first date: "in 1992 and the ...".
_PHRASAL = re.compile(r"\s*,?\s+and\s+")
_LEADING = re.compile(r"(?:and|but|while|whereas|yet|or)\s+", re.IGNORECASE)
# Words that may open a conjunct and be found again at the start of the first one.
# Words that open a clause with its own subject (or no verb at all).
_NOT_VERBS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "there",
        "this",
        "that",
        "these",
        "those",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "some",
        "many",
        "most",
        "all",
        "both",
        "each",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "since",
        "after",
        "before",
        "during",
        "until",
        "while",
        "when",
        "where",
        "which",
        "who",
        "what",
    ]
)
_WORD = re.compile(r"\w+")
_PARALLEL = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "in", "on", "at", "during", "since", "by"]
)


@dataclass(frozen=True, slots=True)
class Clause:
    """Document offsets of a clause, and of the span it shares with its sibling conjuncts."""

    start: int
    end: int
    shared_start: int
    shared_end: int  # shared_start == shared_end when nothing is shared


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n,;":
        start += 1
    while end > start and text[end - 1] in " \t\r\n,;":
        end -= 1
    m = _LEADING.match(text, start, end)
    if m is not None:
        start = m.end()
    return start, end


def split_clauses(text: str, start: int, end: int, dates: list[tuple[int, int]]) -> list[Clause]:
    """One clause per date span in ``dates`` (sorted, inside ``[start, end)``)."""
    whole = Clause(start, end, start, start)
    if len(dates) < 2:
        return [whole] * len(dates)
    cuts: list[tuple[int, int] | None] = []  # per gap: (cut start, cut end) or None
    phrasal: list[bool] = []
    for (_, a_end), (b_start, _) in itertools.pairwise(dates):
        cut: tuple[int, int] | None = None
        is_phrasal = False
        for m in _CLAUSAL.finditer(text, a_end, b_start):
            cut = (m.start(), m.end())
        if cut is None:
            m2 = _PHRASAL.match(text, a_end, b_start)
            # a conjunct is a phrase of its own ("and the Argentina ... Center in 1994"), not
            # the second half of a range ("in January and February", "April 7 and 9 and")
            if m2 is not None and _first_word(text, m2.end()) in _PARALLEL:
                cut, is_phrasal = (m2.start(), m2.end()), True
        if cut is not None and len(text[cut[1] : b_start].split()) < 2:
            cut, is_phrasal = None, False  # "in 1995, and 1996": one fact with two dates
        cuts.append(cut)
        phrasal.append(is_phrasal)

    # group the dates between cuts
    groups: list[tuple[int, int]] = []
    group_start = start
    for cut in cuts:
        if cut is not None:
            groups.append((group_start, cut[0]))
            group_start = cut[1]
    groups.append((group_start, end))

    shared = (start, start)
    if any(phrasal):
        first_conj = _first_conjunct_start(text, groups, dates, cuts, phrasal)
        if first_conj is not None:
            shared = (groups[0][0], first_conj)

    # A clause opening with a verb ("..., and underlined the importance ...") shares the
    # subject of the first clause: it inherits what comes before the first date.
    subject = (groups[0][0], dates[0][0])

    clauses: list[Clause] = []
    g = 0
    for k in range(len(dates)):
        if k > 0 and cuts[k - 1] is not None:
            g += 1
        s, e = _trim(text, *groups[g])
        if g > 0 and phrasal[_gap_of_group(cuts, g)]:
            clauses.append(Clause(s, e, *shared))
        elif g > 0 and _opens_with_verb(text, s):
            clauses.append(Clause(s, e, *subject))
        else:
            clauses.append(Clause(s, e, s, s))
    return clauses


def _opens_with_verb(text: str, pos: int) -> bool:
    """A lower-case first word that is no pronoun, determiner or preposition."""
    word = _WORD.match(text, pos)
    return (
        word is not None
        and word.group().islower()
        and word.group() not in _NOT_VERBS
        and not word.group().isdigit()
    )


def _first_word(text: str, pos: int) -> str:
    m = _WORD.match(text, pos)
    return m.group().lower() if m is not None else ""


def _gap_of_group(cuts: list[tuple[int, int] | None], g: int) -> int:
    """Index of the gap whose cut opens group ``g`` (g >= 1)."""
    seen = 0
    for i, cut in enumerate(cuts):
        if cut is not None:
            seen += 1
            if seen == g:
                return i
    return 0


def _first_conjunct_start(
    text: str,
    groups: list[tuple[int, int]],
    dates: list[tuple[int, int]],
    cuts: list[tuple[int, int] | None],
    phrasal: list[bool],
) -> int | None:
    """Where the first conjunct begins: the last occurrence, before the first date, of the
    word that opens the second conjunct ("attacks on [the Israeli embassy ... in 1992] and
    [the Argentina ... in 1994]")."""
    gap = next(i for i, p in enumerate(phrasal) if p)
    cut = cuts[gap]
    assert cut is not None
    m = re.match(r"\w+", text[cut[1] : cut[1] + 20])
    if m is None or m.group().lower() not in _PARALLEL:
        return None
    word = m.group().lower()
    first_date_start = dates[0][0]
    region = text[groups[0][0] : first_date_start]
    found = None
    for w in re.finditer(r"\b" + re.escape(word) + r"\b", region, re.IGNORECASE):
        found = w.start()
    if found is None:
        return None
    return groups[0][0] + found
