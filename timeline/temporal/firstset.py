"""Which kinds of character a regular expression can start a match with.

The matcher tries rules only at token starts, and there only the rules that can begin with
that start's character: a start at "the" tries the rules that may begin with a "t", not every
rule that begins with a letter. Classes are a digit, each ASCII letter (case folded, as the
rules match without case), another letter, a quote, or anything else. The analysis walks the
parse tree of Python's own regex parser and is conservative: anything it does not understand
counts as "may start with anything".
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


def _code_class(code: int) -> str:
    return char_class(chr(code))


def _in_classes(items: list[tuple[Any, Any]]) -> frozenset[str]:
    classes: set[str] = set()
    for op, av in items:
        if op is sre.NEGATE:
            return EVERYTHING
        if op is sre.LITERAL:
            classes.add(_code_class(av))
        elif op is sre.RANGE:
            low, high = av
            if high - low > 40:
                return EVERYTHING
            for code in range(low, high + 1):
                classes.add(_code_class(code))
        elif op is sre.CATEGORY:
            if av in (sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT):
                classes.add(DIGIT)
            elif av in (sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD):
                classes.update(WORD)
            elif av in (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE):
                classes.add(OTHER)
            else:
                return EVERYTHING
        else:
            return EVERYTHING
    return frozenset(classes)


def _sequence(items: list[tuple[Any, Any]]) -> tuple[frozenset[str], bool]:
    """First classes of a sequence, and whether it can match the empty string."""
    result: set[str] = set()
    for op, av in items:
        first, nullable = _item(op, av)
        result |= first
        if not nullable:
            return frozenset(result), False
    return frozenset(result), True


def _item(op: Any, av: Any) -> tuple[frozenset[str], bool]:
    if op in (sre.LITERAL,):
        return frozenset({_code_class(av)}), False
    if op is sre.IN:
        return _in_classes(av), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset(), True  # zero width
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.BRANCH:
        classes: set[str] = set()
        nullable = False
        for branch in av[1]:
            first, empty = _sequence(list(branch))
            classes |= first
            nullable = nullable or empty
        return frozenset(classes), nullable
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, _, body = av
        first, nullable = _sequence(list(body))
        return first, nullable or low == 0
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    return EVERYTHING, False


def first_classes(pattern: str, flags: int = 0) -> frozenset[str]:
    """The classes of character a match of ``pattern`` can begin with (conservative)."""
    try:
        tree = sre_parse.parse(pattern, flags)
    except re.error:
        return EVERYTHING
    first, nullable = _sequence(list(tree.data))
    return EVERYTHING if nullable else first
