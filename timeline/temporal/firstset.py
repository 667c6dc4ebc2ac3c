"""Which characters a regular expression can start a match with.

The matcher tries rules only at token starts, and there only the rules that can begin with
that start's first characters: a start at "the" tries the rules that may begin with "the", not
those that begin with "two", "this" or "Tuesday" (first_prefixes, up to three characters, case
folded, every digit "0"). The coarser classes of a first character (a digit, each ASCII letter,
another letter, a quote, or anything else: analyse) follow from the prefixes and pick
the precheck a start must pass. The analysis walks the parse tree of Python's own regex
parser and is conservative: anything it does not understand counts as "may start with
anything".
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

DIGIT, ALPHA, QUOTE, OTHER = "digit", "alpha", "quote", "other"
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
WORD = LETTERS | {DIGIT, ALPHA}
EVERYTHING = WORD | {QUOTE, OTHER}


def char_class(char: str) -> str:
    """The class of one character: the lower-case ASCII letter itself, or a kind."""
    if char.isdigit():
        return DIGIT
    if char.isalpha():
        lower = char.lower()
        return lower if lower in LETTERS else ALPHA
    if char in "'\u2019":
        return QUOTE
    return OTHER


# A prefix shorter than PREFIX_LENGTH means "then anything" (the pattern ends, or what follows
# is too varied to list).
PREFIX_LENGTH = 3
_MAX_PREFIXES = 3000  # beyond this many, a pattern counts as "may begin with anything"
_Prefixes = frozenset[tuple[str, bool]]  # (text, complete: the item ended exactly there)
_ANYTHING: _Prefixes = frozenset({("", False)})
_EMPTY: _Prefixes = frozenset({("", True)})


def _fold(code: int) -> str:
    char = chr(code)
    return "0" if char.isdecimal() else char.casefold()


def _concat(first: _Prefixes, rest: _Prefixes) -> _Prefixes:
    out: set[tuple[str, bool]] = set()
    for text, complete in first:
        if not complete or len(text) >= PREFIX_LENGTH:
            out.add((text[:PREFIX_LENGTH], False))
            continue
        for more, more_complete in rest:
            joined = text + more
            if len(joined) >= PREFIX_LENGTH:
                out.add((joined[:PREFIX_LENGTH], False))
            else:
                out.add((joined, more_complete))
        if len(out) > _MAX_PREFIXES:
            return _ANYTHING
    return frozenset(out)


def _in_prefixes(items: list[tuple[Any, Any]]) -> _Prefixes:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(_fold(av))
        elif op is sre.RANGE:
            low, high = av
            if high - low > 40:
                return _ANYTHING
            chars.update(_fold(code) for code in range(low, high + 1))
        elif op is sre.CATEGORY and av in (sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT):
            chars.add("0")
        else:  # a negated set, \w, \s...: too many characters to list
            return _ANYTHING
    return frozenset((c, True) for c in chars)


def _sequence_prefixes(items: list[tuple[Any, Any]]) -> _Prefixes:
    result = _EMPTY
    for op, av in items:
        if all(not complete or len(text) >= PREFIX_LENGTH for text, complete in result):
            break  # every prefix is already as long as it gets
        result = _concat(result, _item_prefixes(op, av))
    return result


def _item_prefixes(op: Any, av: Any) -> _Prefixes:
    if op is sre.LITERAL:
        return frozenset({(_fold(av), True)})
    if op is sre.IN:
        return _in_prefixes(av)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # zero width
    if op is sre.SUBPATTERN:
        return _sequence_prefixes(list(av[-1]))
    if op is sre.BRANCH:
        out: set[tuple[str, bool]] = set()
        for branch in av[1]:
            out |= _sequence_prefixes(list(branch))
            if len(out) > _MAX_PREFIXES:
                return _ANYTHING
        return frozenset(out)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        once = _sequence_prefixes(list(body))
        if high != 1:  # after one repetition another may follow: then anything
            once = frozenset((text, False) for text, _ in once)
        return once | _EMPTY if low == 0 else once
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence_prefixes(list(av))
    return _ANYTHING  # anything else (a back reference, a conditional...): no constraint


def first_prefixes(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The prefixes (case folded, digits as "0", at most PREFIX_LENGTH characters) one of which
    every match of ``pattern`` begins with; None where any start is possible (conservative)."""
    try:
        items = list(sre_parse.parse(pattern, flags).data)
    except re.error:
        return None
    texts = frozenset(text for text, _ in _sequence_prefixes(items))
    return None if "" in texts else texts


def analyse(pattern: str, flags: int = 0) -> tuple[frozenset[str], frozenset[str] | None]:
    """The classes of character a match of ``pattern`` can begin with, and its first_prefixes:
    the classes are those of the prefixes' first characters (every class where the prefixes
    are unknown)."""
    prefixes = first_prefixes(pattern, flags)
    if prefixes is None:
        return EVERYTHING, None
    return frozenset(char_class(prefix[0]) for prefix in prefixes), prefixes
