"""CSV and TSV: for spreadsheets, pandas and the Unix tools.

Both use the csv module's RFC 4180 quoting (a cell holding the delimiter, a quote or a line break
is quoted, quotes doubled), UTF-8 text and a header row; event lines without quotes or line
breaks are joined here instead, to the same bytes (see _plain_line). Lines end with CRLF in
CSV, as RFC 4180 says and spreadsheets expect, and with LF in TSV, which ``cut``/``awk`` users
read. Callers writing to a file must open it with ``newline=""`` (the csv module's rule) so that
the line ends are written as given.

Spreadsheet safety: cells whose text comes from documents go through ``neutralise_cell`` unless
``raw`` is set; see timeline.export.sanitize.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from timeline.export.records import DOCUMENT_TEXT_COLUMNS, EVENT_COLUMNS, cell_text, event_cells
from timeline.export.sanitize import neutralise_cell, neutralise_cells
from timeline.store.rows import EventRow

if TYPE_CHECKING:
    from _csv import Writer  # the csv writer's type exists only in the stubs before 3.12

CSV_LINE_END = "\r\n"
TSV_LINE_END = "\n"

# Which cells of an event row are neutralised, by position in EVENT_COLUMNS.
_DOCUMENT_TEXT_POSITIONS = tuple(
    i for i, column in enumerate(EVENT_COLUMNS) if column in DOCUMENT_TEXT_COLUMNS
)


def _writer(out: TextIO, delimiter: str) -> Writer:
    line_end = CSV_LINE_END if delimiter == "," else TSV_LINE_END
    return csv.writer(out, delimiter=delimiter, lineterminator=line_end)


def write_events_delimited(
    rows: Iterable[EventRow], out: TextIO, *, delimiter: str = ",", raw: bool = False
) -> int:
    """Write EVENT_COLUMNS with a header, one line per event; return the number of events."""
    return write_event_cells_delimited(map(event_cells, rows), out, delimiter=delimiter, raw=raw)


def write_event_cells_delimited(
    rows: Iterable[list[str]], out: TextIO, *, delimiter: str = ",", raw: bool = False
) -> int:
    """As write_events_delimited, from each event's ``records.event_cells`` (a list it may
    change), which the sqlite3 read path builds without an EventRow (issue 7)."""
    writer = _writer(out, delimiter)
    writer.writerow(EVENT_COLUMNS)
    line_end = CSV_LINE_END if delimiter == "," else TSV_LINE_END
    count = 0
    for cells in rows:
        if not raw:
            # only the cells from documents (a loop over all twelve was a tenth of an export)
            neutralise_cells(cells, _DOCUMENT_TEXT_POSITIONS)
        line = _plain_line(cells, delimiter)
        if line is None:
            writer.writerow(cells)
        else:
            out.write(line + line_end)
        count += 1
    return count


def _plain_line(cells: list[str], delimiter: str) -> str | None:
    """The line the csv module writes for ``cells`` (without its end) when no cell holds a
    quote or a line break; None when one does, or a cell is not text: the csv module writes
    those by its own rules.

    Why: Python 3.11's C writer tests every character of every cell against the line
    terminator with a function call. Writing the lines of a 100,000-event export took it
    0.28 s (of 1.8 s CPU for the whole export); a few scans of the joined text, 0.07 s.
    """
    try:
        whole = "".join(cells)
    except TypeError:
        return None
    if '"' in whole or "\r" in whole or "\n" in whole:
        return None
    if delimiter in whole:
        # QUOTE_MINIMAL: a cell holding the delimiter goes in quotes; with no quote inside,
        # nothing in it is doubled
        return delimiter.join([f'"{cell}"' if delimiter in cell else cell for cell in cells])
    return delimiter.join(cells)


def write_table_delimited(
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    out: TextIO,
    *,
    delimiter: str = ",",
    raw: bool = False,
) -> int:
    """Write any query result; text values are neutralised unless ``raw``, numbers never are.

    A SQL result does not say where its text came from, so every string value counts as text
    from a document; numbers, dates, NULL and blobs are typed values and are written as they are.
    Column names are written as they are too: the user typed them in the query.
    """
    writer = _writer(out, delimiter)
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow(
            neutralise_cell(value) if isinstance(value, str) and not raw else cell_text(value)
            for value in row
        )
        count += 1
    return count
