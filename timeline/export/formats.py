"""One entry point per kind of data for every output format: events, or any query result.

``write_events`` and ``write_table`` stream: rows are read from the iterable as they are written,
so memory stays flat on 100,000 events (the terminal table holds one page to size its columns;
everything else holds one row). Each format lives in its own module; this one only dispatches.

``raw`` turns off spreadsheet formula neutralisation (csv, tsv, timelinejs-csv); terminal
escape sequences are always removed from the table. ``width`` is the table's width in columns
(default: the terminal's). Text streams for csv, tsv and timelinejs-csv should be opened with
``newline=""``, as for the csv module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from timeline.export.delimited import (
    write_event_cells_delimited,
    write_events_delimited,
    write_table_delimited,
)
from timeline.export.json_export import (
    event_objects,
    table_objects,
    write_json_array,
    write_json_lines,
)
from timeline.export.markdown import write_events_markdown, write_table_markdown
from timeline.export.terminal import write_events_terminal, write_table_terminal
from timeline.export.timelinejs import write_timelinejs, write_timelinejs_csv
from timeline.store.rows import EventRow

# Every format events can be written in; the first is the default for a terminal.
FORMATS: tuple[str, ...] = (
    "table", "csv", "tsv", "json", "jsonl", "markdown", "timelinejs", "timelinejs-csv",
)  # fmt: skip

# The formats that make sense for any query result (TimelineJS needs events).
TABLE_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "jsonl", "markdown")


def _check(fmt: str, known: tuple[str, ...]) -> None:
    if fmt not in known:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(known)}")


def write_events(
    rows: Iterable[EventRow],
    fmt: str,
    out: TextIO,
    *,
    raw: bool = False,
    width: int | None = None,
    title: str | None = None,
) -> int:
    """Write events to ``out`` in format ``fmt`` (one of FORMATS); return how many were written.

    ``title`` names the timeline in the TimelineJS formats and is ignored by the others.
    Raises ValueError for an unknown format, before writing anything.
    """
    _check(fmt, FORMATS)
    if fmt == "table":
        return write_events_terminal(rows, out, width=width)
    if fmt == "csv":
        return write_events_delimited(rows, out, delimiter=",", raw=raw)
    if fmt == "tsv":
        return write_events_delimited(rows, out, delimiter="\t", raw=raw)
    if fmt == "json":
        return write_json_array(event_objects(rows), out)
    if fmt == "jsonl":
        return write_json_lines(event_objects(rows), out)
    if fmt == "markdown":
        return write_events_markdown(rows, out)
    if fmt == "timelinejs":
        return write_timelinejs(rows, out, title=title)
    return write_timelinejs_csv(rows, out, raw=raw, title=title)


# The formats write_event_cells writes.
CELL_FORMATS: tuple[str, ...] = ("csv", "tsv")


def write_event_cells(
    rows: Iterable[list[str]], fmt: str, out: TextIO, *, raw: bool = False
) -> int:
    """As write_events for a format of CELL_FORMATS, from each event's
    ``records.event_cells`` instead of its EventRow (the sqlite3 read path builds them
    without one: timeline.store.fastread.FastReader.event_cells)."""
    _check(fmt, CELL_FORMATS)
    return write_event_cells_delimited(rows, out, delimiter="," if fmt == "csv" else "\t", raw=raw)


def write_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    fmt: str,
    out: TextIO,
    *,
    raw: bool = False,
    width: int | None = None,
) -> int:
    """Write any query result (column names, then rows of values) in ``fmt`` (TABLE_FORMATS).

    Returns the number of rows written. Raises ValueError for a format not in TABLE_FORMATS.
    """
    _check(fmt, TABLE_FORMATS)
    if fmt == "table":
        return write_table_terminal(columns, rows, out, width=width)
    if fmt == "csv":
        return write_table_delimited(columns, rows, out, delimiter=",", raw=raw)
    if fmt == "tsv":
        return write_table_delimited(columns, rows, out, delimiter="\t", raw=raw)
    if fmt == "json":
        return write_json_array(table_objects(columns, rows), out)
    if fmt == "jsonl":
        return write_json_lines(table_objects(columns, rows), out)
    return write_table_markdown(columns, rows, out)
