"""The terminal table: events (or any query result) laid out to be read, not parsed.

Events show an id (for ``timeline show``), the date at its precision (dates.display_date), the
actors on one line ("Iran, Russia +2" when they do not fit), the sentence wrapped to the width
left over, and the source (its end kept: the file name or the last part of a URL).

Column widths are measured on the first page of rows (PAGE_ROWS) and kept for the rest, so the
output streams with memory bounded by one page and the columns stay aligned all the way down.
Every cell goes through clean_terminal: no escape sequence from a document reaches the terminal.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

from timeline.export.cells import pad, text_width, truncate, truncate_left, wrap
from timeline.export.dates import display_date
from timeline.export.records import cell_text
from timeline.export.sanitize import clean_terminal
from timeline.store.rows import EventRow

# Rows read before the column widths are chosen: enough to see typical dates, names and
# sources, small enough that the first line appears at once on a large export.
PAGE_ROWS = 200

# Used when the width is not given and the output is not a terminal (a pipe, a file).
FALLBACK_WIDTH = 100

COLUMN_GAP = "  "

# Event columns other than the sentence are capped so that the sentence keeps most of a line;
# under pressure the source shrinks first, then the actors, down to their minimum.
_DATE_MAX = 30
_ACTORS_MAX, _ACTORS_MIN = 26, 10
_DOCUMENT_MAX, _DOCUMENT_MIN = 30, 10
_TEXT_MIN = 30  # and at least two fifths of the width

# Any column of a query result shrinks to no less than this while others are wider.
_QUERY_COLUMN_MIN = 6


def terminal_width(width: int | None) -> int:
    """``width`` if given, else the terminal's width (FALLBACK_WIDTH when there is none)."""
    if width is not None:
        return max(width, 1)
    return shutil.get_terminal_size((FALLBACK_WIDTH, 24)).columns


@dataclass(frozen=True, slots=True)
class _Layout:
    headers: tuple[str, ...]
    widths: tuple[int, ...]
    right: tuple[bool, ...]

    def header_lines(self) -> str:
        rule = tuple("-" * width for width in self.widths)
        headers = [
            wrap(header, width) for header, width in zip(self.headers, self.widths, strict=True)
        ]
        return self.row(headers) + self.line(rule)

    def line(self, cells: Sequence[str]) -> str:
        padded = (
            pad(cell, width, right=right)
            for cell, width, right in zip(cells, self.widths, self.right, strict=True)
        )
        return COLUMN_GAP.join(padded).rstrip() + "\n"

    def row(self, cells: Sequence[list[str]]) -> str:
        """One table row from cells already split into lines."""
        height = max(len(lines) for lines in cells)
        return "".join(
            self.line([lines[i] if i < len(lines) else "" for lines in cells])
            for i in range(height)
        )


def fit_names(names: Sequence[str], width: int) -> str:
    """Names comma-joined on one line of ``width`` columns: "Iran, Russia +2" if they overflow."""
    joined = ", ".join(names)
    if text_width(joined) <= width:
        return joined
    for shown in range(len(names) - 1, 0, -1):
        text = f"{', '.join(names[:shown])} +{len(names) - shown}"
        if text_width(text) <= width:
            return text
    more = f" +{len(names) - 1}" if len(names) > 1 else ""
    return truncate(names[0], width - len(more)) + more


def _event_cells(row: EventRow) -> tuple[str, str, list[str], str, str]:
    """id, date, actors, sentence, source: cleaned, not yet fitted."""
    return (
        str(row.event_id),
        display_date(row.date_start, row.date_end, row.precision, row.approximate),
        [clean_terminal(actor) for actor in row.actors],
        clean_terminal(row.text),
        clean_terminal(row.document),
    )


def _event_layout(page: Sequence[tuple[str, str, list[str], str, str]], width: int) -> _Layout:
    headers = ("id", "date", "actors", "text", "document")

    def natural(values: Iterable[str], header: str, cap: int) -> int:
        return max(min(max((text_width(v) for v in values), default=0), cap), len(header))

    id_width = natural((cells[0] for cells in page), "id", 20)
    date_width = natural((cells[1] for cells in page), "date", _DATE_MAX)
    actors_width = natural((", ".join(cells[2]) for cells in page), "actors", _ACTORS_MAX)
    document_width = natural((cells[4] for cells in page), "document", _DOCUMENT_MAX)
    fixed = id_width + date_width + len(COLUMN_GAP) * 4

    def text_room() -> int:
        return width - fixed - actors_width - document_width

    text_min = max(_TEXT_MIN, width * 2 // 5)
    while text_room() < text_min and document_width > _DOCUMENT_MIN:
        document_width -= 1
    while text_room() < text_min and actors_width > _ACTORS_MIN:
        actors_width -= 1
    widths = (id_width, date_width, actors_width, max(text_room(), 10), document_width)
    return _Layout(headers, widths, (True, False, False, False, False))


def write_events_terminal(rows: Iterable[EventRow], out: TextIO, *, width: int | None) -> int:
    """Write events as a table ``width`` columns wide; return how many were written."""
    total = terminal_width(width)
    iterator = iter(rows)
    page = [_event_cells(row) for row in itertools.islice(iterator, PAGE_ROWS)]
    layout = _event_layout(page, total)
    _, date_w, actors_w, text_w, document_w = layout.widths
    out.write(layout.header_lines())
    count = 0
    for cells in itertools.chain(page, (_event_cells(row) for row in iterator)):
        event_id, date, actors, text, document = cells
        out.write(
            layout.row(
                [
                    [event_id],
                    wrap(date, date_w),
                    [fit_names(actors, actors_w)],
                    wrap(text, text_w),
                    [truncate_left(document, document_w)],
                ]
            )
        )
        count += 1
    return count


def fit_widths(
    natural: Sequence[int], available: int, minimum: int = _QUERY_COLUMN_MIN
) -> list[int]:
    """Column widths no wider than ``natural`` that fit ``available``: the widest shrink first.

    When even the minimum does not fit, the table is wider than the terminal and wraps; that
    beats columns one character wide.
    """
    if sum(natural) <= available:
        return list(natural)
    cap = max(natural)
    while cap > minimum and sum(min(w, cap) for w in natural) > available:
        cap -= 1
    widths = [min(w, cap) for w in natural]
    spare = available - sum(widths)
    for i, want in enumerate(natural):
        grow = min(max(spare, 0), want - widths[i])
        widths[i] += grow
        spare -= grow
    return widths


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def write_table_terminal(
    columns: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO, *, width: int | None
) -> int:
    """Write any query result as a table; numbers align right, long cells wrap."""
    total = terminal_width(width)
    headers = tuple(clean_terminal(column) for column in columns)
    iterator = iter(rows)
    page = [tuple(row) for row in itertools.islice(iterator, PAGE_ROWS)]
    texts = [[clean_terminal(cell_text(value)) for value in row] for row in page]
    natural = [
        max([text_width(header), *(text_width(row[i]) for row in texts)], default=1) or 1
        for i, header in enumerate(headers)
    ]
    available = total - len(COLUMN_GAP) * max(len(headers) - 1, 0)
    right = tuple(
        bool(page) and all(_is_number(row[i]) or row[i] is None for row in page)
        for i in range(len(headers))
    )
    layout = _Layout(headers, tuple(fit_widths(natural, available)), right)
    out.write(layout.header_lines())
    count = 0
    rest = ([clean_terminal(cell_text(value)) for value in row] for row in iterator)
    for cells in itertools.chain(texts, rest):
        out.write(layout.row([wrap(cell, w) for cell, w in zip(cells, layout.widths, strict=True)]))
        count += 1
    return count
