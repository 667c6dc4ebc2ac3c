"""Fit text into fixed-width terminal cells: measure, wrap, truncate and pad it.

Widths are display columns, not characters: CJK and other wide characters take two columns,
combining marks and zero-width format characters none (Unicode East Asian Width), so a table
with Chinese names or accented text built from combining marks stays aligned. The text must
already be clean of control characters (sanitize.clean_terminal).
"""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"

# Characters known to take exactly one column: printable ASCII, Latin, Greek, Cyrillic,
# Armenian and the general punctuation (dashes, curly quotes, the ellipsis). Text made only of
# these, most news text, is measured by len() instead of character by character.
_NARROW_TEXT = re.compile(
    "[ -~\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u058f\u2010-\u2027\u2030-\u205e]*"
)


def char_width(char: str) -> int:
    """Columns one character takes on a terminal: 0, 1 or 2."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Columns ``text`` takes on a terminal."""
    if text.isascii() or _NARROW_TEXT.fullmatch(text):
        return len(text)
    return sum(char_width(char) for char in text)


def _head(text: str, width: int) -> tuple[str, str]:
    """Split ``text`` after as many characters as fit in ``width`` (at least one)."""
    if text.isascii() or _NARROW_TEXT.fullmatch(text):
        cut = max(width, 1)
        return text[:cut], text[cut:]
    used = 0
    for i, char in enumerate(text):
        used += char_width(char)
        if used > width:
            return (text[:i], text[i:]) if i else (text[:1], text[1:])
    return text, ""


def wrap(text: str, width: int) -> list[str]:
    """Word-wrap ``text`` into lines of at most ``width`` columns; words too long are broken.

    Runs of whitespace collapse to one space. An empty text gives one empty line, so that
    every cell has at least one line.
    """
    width = max(width, 1)
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        size = text_width(word)
        while size > width:
            if line:
                lines.append(line)
                line, used = "", 0
            head, word = _head(word, width)
            lines.append(head)
            size = text_width(word)
        if not word:
            continue
        if not line:
            line, used = word, size
        elif used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
        else:
            lines.append(line)
            line, used = word, size
    if line or not lines:
        lines.append(line)
    return lines


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, ending in an ellipsis when something was cut."""
    if text_width(text) <= width:
        return text
    if width <= 0:
        return ""
    head, _ = _head(text, width - 1) if width > 1 else ("", text)
    return head + ELLIPSIS


def truncate_left(text: str, width: int) -> str:
    """``text`` cut from the left, keeping its end (a file name, the last part of a URL)."""
    return truncate(text[::-1], width)[::-1]


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns, aligned left or right."""
    fill = " " * max(width - text_width(text), 0)
    return fill + text if right else text + fill
