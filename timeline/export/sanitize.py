"""Make untrusted text safe to print on a terminal or to open in a spreadsheet.

Event text comes from arbitrary documents. Printed as is, an ANSI/OSC escape sequence hidden in
an article can recolour the terminal, retitle the window or rewrite what was printed before it
(``\\r``, backspace); a cell that starts with ``=`` becomes a formula when a spreadsheet opens the
CSV (OWASP "CSV injection"). The two functions here are the only place that knows the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Escape sequences, 7-bit and 8-bit forms (ECMA-48). Removed whole, so that their payload (an OSC
# window title, a DCS string) does not leak into the cell as visible garbage.
#   - OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \ or 0x9c); an unterminated one
#     runs to the end of the text, as it would on a terminal.
#   - CSI: ESC [ (or 0x9b), parameter bytes, intermediate bytes, one final byte.
#   - any other ESC + one byte (ESC c resets the terminal, ESC 7/8 save and restore the cursor).
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -~]?"
)

# Whitespace controls become a space: a cell is one line, and words must not run together.
_WHITESPACE_CONTROLS = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]")

# Every other C0/C1 control (backspace, bell, NUL, DEL...) and the Unicode bidirectional
# overrides and isolates, which can make a terminal show text in an order other than its bytes.
_OTHER_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# OWASP CSV injection: a cell starting with one of these is read as a formula (or, for tab and
# carriage return, may be stripped by the importer so that the next character starts one).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# The same single characters, for a test of a cell's first one (``cell[:1] in``): a third of
# the time of ``startswith(FORMULA_TRIGGERS)``. Both functions below test this one set.
_FIRST_CHARACTERS = frozenset(FORMULA_TRIGGERS)
assert all(len(trigger) == 1 for trigger in FORMULA_TRIGGERS)  # what the set test relies on


def clean_terminal(text: str) -> str:
    """Return ``text`` fit to print in one terminal cell.

    Escape sequences are removed with their payload, line breaks and tabs become spaces, and
    all other control characters (``\\x08``, ``\\x07``, NUL, DEL, C1) and bidi overrides are
    dropped. Printable text, including non-ASCII letters and dashes, is kept as is.

    >>> clean_terminal("\\x1b[31mred\\x1b[0m alert\\x07\\nnext\\x1b]0;title\\x07 line")
    'red alert next line'
    """
    if text.isprintable():  # no control or format character at all: the common case
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _WHITESPACE_CONTROLS.sub(" ", text)
    return _OTHER_CONTROLS.sub("", text)


def neutralise_cell(value: str) -> str:
    """Return ``value`` so that a spreadsheet shows it as text, never runs it as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
    single quote (OWASP's advice); any other cell is returned unchanged. Exporters apply this to
    the cells whose text comes from documents (sentence, date text, actors, places, source),
    not to the ids, ISO dates and codes that timeline itself produces.

    >>> neutralise_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise_cell("Iran")
    'Iran'
    """
    if value[:1] in _FIRST_CHARACTERS:
        return "'" + value
    return value


def neutralise_cells(cells: list[str], positions: Iterable[int]) -> None:
    """Apply :func:`neutralise_cell` to the cells at ``positions``, in place (its test written
    out, to spare a call per cell on every line of an export).

    >>> cells = ["=1+1", "-2", "ok"]
    >>> neutralise_cells(cells, (0, 2))
    >>> cells
    ["'=1+1", '-2', 'ok']
    """
    for i in positions:
        if cells[i][:1] in _FIRST_CHARACTERS:
            cells[i] = "'" + cells[i]
