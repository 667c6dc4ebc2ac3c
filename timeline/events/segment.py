"""Sentence segmentation for news text.

Returns ``(start, end)`` spans with document offsets, trimmed of surrounding whitespace, so that
events and mentions keep pointing into the original text.

Why not a single regex split: news text is full of full stops that do not end sentences
(``U.S.``, ``Dr.``, ``Jan. 5``, ``J. R. Smith``, ``3.5``, ``...``) and of sentence ends that carry
no full stop (headlines, datelines, captions separated by blank lines). We find every *candidate*
boundary with one linear regex, then decide each candidate by looking at the word before and
the character after it. No pattern backtracks over more than a bounded window, so the cost is
linear in the text length.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["sentence_spans", "sentences"]

# A candidate boundary: terminal punctuation with any closing quotes/brackets, followed by
# whitespace; or a blank line (paragraph/headline break).
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n[ \t\r]*\n")

# Datelines open a paragraph: "NAIROBI, Kenya (AP) _ ", "WASHINGTON (Reuters) - ". The upper-case
# city and the agency in brackets are what tell them apart from a sentence.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'\-]{1,40}(?:,[ A-Za-z.'\-]{1,40})?[ ]\((?:AP|AFP|Reuters|UPI|CNN|dpa|Xinhua)\)"
    r"[ ]?(?:_|--|-|—|–)[ ]?"
)

# Titles before a name: a full stop after them never ends a sentence ("Dr. Smith", "Gen. Lee").
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "capt",
        "cmdr",
        "sgt",
        "sen",
        "rep",
        "gov",
        "prof",
        "rev",
        "hon",
        "adm",
        "maj",
        "pres",
        "supt",
        "insp",
        "st",
        "mt",
        "ft",
        "messrs",
        "mme",
        "mlle",
        "gens",
        "sens",
        "reps",
    ]
)
# Abbreviations that may also end a sentence ("... Apple Inc. The company ..."): split only when
# the next word is a typical sentence opener.
_ABBREVIATIONS = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "jr",
        "sr",
        "bros",
        "vs",
        "etc",
        "no",
        "nos",
        "approx",
        "dept",
        "univ",
        "assn",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
        "cf",
        "al",
        "ave",
        "blvd",
        "rd",
    ]
)
_COMPANY = frozenset(["inc", "corp", "co", "ltd", "plc", "llc", "bros", "ag", "sa", "nv", "bhd"])
# Words that commonly open a sentence; after an ambiguous abbreviation ("U.S.") a boundary is
# accepted only before one of these. Titles ("President") are left out: they follow "U.S." far
# more often than they open a sentence.
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "when",
        "while",
        "however",
        "meanwhile",
        "yet",
        "so",
        "if",
        "as",
        "since",
        "although",
        "though",
        "some",
        "many",
        "most",
    ]
)


def _word_before(text: str, pos: int) -> str:
    """The run of non-space characters ending at ``pos`` (bounded look-back)."""
    start = pos
    limit = max(0, pos - 40)
    while start > limit and not text[start - 1].isspace():
        start -= 1
    return text[start:pos]


def _next_word(text: str, pos: int) -> tuple[int, str]:
    """Offset of the first non-space character at or after ``pos`` and the word there."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    end = pos
    limit = min(n, pos + 40)
    while end < limit and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    return pos, text[pos:end]


def _is_boundary(text: str, punct_start: int, match_end: int) -> bool:
    punct = text[punct_start:match_end].rstrip("\"'”’)]")
    nxt, word = _next_word(text, match_end)
    if nxt >= len(text):
        return True
    first = text[nxt]
    # The next sentence must open with a capital, a digit, a quote or a bracket; a lowercase
    # continuation means the stop was an abbreviation or a mid-sentence ellipsis.
    if not (first.isupper() or first.isdigit() or first in "\"'“‘([_"):
        return False
    if punct != "." or "." in punct[:-1]:
        # "!", "?", "...": a real end when followed by a capital
        return True
    before = _word_before(text, punct_start).lstrip("\"'“‘([")
    lower = before.lower()
    if not before:
        return True
    if lower in _TITLES:
        return False
    # Initials: "J. R. Smith"; a single capital letter before the stop.
    if len(before) == 1 and before.isupper():
        return False
    # Dotted acronyms ("U.S", "U.N") and listed abbreviations are ambiguous: accept the
    # boundary only before a typical sentence opener.
    # Company suffixes end the name, and a capital after them mostly opens a new sentence
    # ("... Mitsubishi Corp. The mill aims ..."), unless another suffix follows ("Co. Ltd.").
    if lower in _COMPANY:
        return word.lower().rstrip(".") not in _COMPANY
    is_acronym = "." in before and all(len(part) <= 2 for part in before.split("."))
    if is_acronym or lower in _ABBREVIATIONS:
        if (
            lower
            in {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
            and first.isdigit()
        ):
            return False
        return word.lower() in _OPENERS
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)`` (end exclusive), whitespace trimmed.

    >>> t = "Dr. J. R. Smith paid $3.5 million. He left the U.S. in Jan. 2016."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Dr. J. R. Smith paid $3.5 million.', 'He left the U.S. in Jan. 2016.']
    """
    cuts: list[int] = [0]
    for m in _CANDIDATE.finditer(text):
        if m.group().startswith("\n"):
            cuts.append(m.start())
            cuts.append(m.end())
        elif _is_boundary(text, m.start(), m.end()):
            cuts.append(m.end())
    cuts.append(len(text))
    spans: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(cuts):
        for s, e in _split_dateline(text, a, b):
            s, e = _trim(text, s, e)
            if s < e:
                spans.append((s, e))
    return spans


def sentences(text: str) -> list[str]:
    """The sentence strings of ``text`` (convenience over :func:`sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text)]


def _split_dateline(text: str, start: int, end: int) -> list[tuple[int, int]]:
    s, _ = _trim(text, start, end)
    m = _DATELINE.match(text, s, end)
    if m is None:
        return [(start, end)]
    return [(s, m.end()), (m.end(), end)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
