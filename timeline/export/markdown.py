"""GitHub-flavoured markdown tables, for pasting a timeline into an issue, a wiki or a report.

A cell is one line: pipes are escaped (``\\|``), line breaks become spaces, and control
characters and terminal escape sequences are dropped (clean_terminal), since the table is as
likely to be read with ``cat`` as rendered. Rows are written as they arrive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from timeline.export.dates import display_date
from timeline.export.records import cell_text
from timeline.export.sanitize import clean_terminal
from timeline.store.rows import EventRow

# What a reader of a report wants from an event; the full CSV columns are a spreadsheet's job.
MARKDOWN_EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "date", "actors", "places", "text", "document",
)  # fmt: skip


def markdown_cell(value: str) -> str:
    """``value`` as the content of one table cell."""
    return clean_terminal(value).replace("|", "\\|").strip()


def _line(cells: Iterable[str]) -> str:
    return "| " + " | ".join(markdown_cell(cell) for cell in cells) + " |\n"


def _header(columns: Sequence[str]) -> str:
    return _line(columns) + "|" + "|".join(" --- " for _ in columns) + "|\n"


def write_events_markdown(rows: Iterable[EventRow], out: TextIO) -> int:
    """Write events as a markdown table (MARKDOWN_EVENT_COLUMNS); return how many."""
    out.write(_header(MARKDOWN_EVENT_COLUMNS))
    count = 0
    for row in rows:
        date = display_date(row.date_start, row.date_end, row.precision, row.approximate)
        out.write(
            _line(
                (
                    str(row.event_id),
                    date,
                    ", ".join(row.actors),
                    ", ".join(row.places),
                    row.text,
                    row.document,
                )
            )
        )
        count += 1
    return count


def write_table_markdown(
    columns: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO
) -> int:
    """Write any query result as a markdown table; return how many rows."""
    out.write(_header(columns))
    count = 0
    for row in rows:
        out.write(_line(cell_text(value) for value in row))
        count += 1
    return count
