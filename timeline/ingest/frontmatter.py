"""Front matter: a ``---`` block of ``key: value`` lines at the top of a text or Markdown file.

::

    ---
    title: "Iran tests a missile"
    published: 2016-08-23
    url: https://example.org/iran
    source: Reuters
    id: reuters-123
    ---
    The article text starts here.

This is deliberately not YAML (no nesting, lists, anchors or multi-line values, and no YAML
dependency): each line is ``key: value``; the key is case-insensitive; one pair of matching
quotes (``"..."`` or ``'...'``) around the value is removed; blank lines and ``#`` comment lines
are skipped; keys other than :data:`KNOWN_KEYS` are ignored, so files written for static-site
generators (tags, layout, ...) still read. A block without its closing ``---`` is not front
matter: the file is read as text from its first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The keys a reader uses; anything else in the block is ignored.
KNOWN_KEYS = frozenset({"published", "title", "url", "source", "id"})

# A front-matter block longer than this is not looked for any further: it keeps the search for
# the closing "---" bounded when a huge file merely starts with a horizontal rule.
MAX_FRONT_MATTER_CHARS = 64 * 1024

_FENCE = re.compile(r"---[ \t]*(?:\r\n|\n|\r|$)")
_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The known keys found in a block (lower-cased), and where the document text begins."""

    fields: dict[str, str] = field(default_factory=dict)
    end: int = 0  # offset of the first character after the closing fence


def split_front_matter(text: str) -> FrontMatter:
    """Find a front-matter block at the start of ``text`` (a BOM must already be removed).

    >>> fm = split_front_matter("---\\ntitle: 'Hi'\\nlayout: post\\n---\\nBody")
    >>> fm.fields, "---\\ntitle: 'Hi'\\nlayout: post\\n---\\nBody"[fm.end:]
    ({'title': 'Hi'}, 'Body')
    >>> split_front_matter("No block here").end
    0
    """
    opening = _FENCE.match(text)
    if opening is None:
        return FrontMatter()
    fields: dict[str, str] = {}
    position = opening.end()
    while position < min(len(text), MAX_FRONT_MATTER_CHARS):
        closing = _FENCE.match(text, position)
        if closing is not None:
            return FrontMatter(fields, closing.end())
        newline = _next_line_end(text, position)
        _parse_line(text[position:newline].rstrip("\r\n"), fields)
        position = newline
    return FrontMatter()


def _next_line_end(text: str, start: int) -> int:
    """Offset just after the line break that ends the line starting at ``start``."""
    match = _LINE_BREAK.search(text, start)
    return len(text) if match is None else match.end()


def _parse_line(line: str, fields: dict[str, str]) -> None:
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return
    match = _LINE.match(stripped)
    if match is None:
        return
    key = match["key"].lower()
    if key in KNOWN_KEYS and key not in fields:
        fields[key] = _unquote(match["value"])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
