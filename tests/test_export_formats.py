"""write_events / write_table: every format, unknown formats refused, output streamed."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from timeline.export.formats import FORMATS, TABLE_FORMATS, write_events, write_table
from timeline.export.terminal import PAGE_ROWS
from timeline.store.rows import EventRow


def make_row(event_id: int) -> EventRow:
    return EventRow(
        event_id=event_id,
        date_start="2016-08-22",
        date_end="2016-08-22",
        precision="day",
        approximate=False,
        date_text="22 August",
        timex_value="2016-08-22",
        actors=("Russia",),
        places=(),
        text=f"Event {event_id}.",
        document="a.txt",
        published=None,
    )


def test_format_names() -> None:
    assert FORMATS == (
        "table", "csv", "tsv", "json", "jsonl", "markdown", "timelinejs", "timelinejs-csv",
    )  # fmt: skip
    assert set(TABLE_FORMATS) == set(FORMATS) - {"timelinejs", "timelinejs-csv"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_counts_rows_and_mentions_each(fmt: str) -> None:
    out = io.StringIO()
    assert write_events([make_row(1), make_row(2)], fmt, out, width=100) == 2
    assert "Event 1." in out.getvalue()
    assert "Event 2." in out.getvalue()


@pytest.mark.parametrize("fmt", TABLE_FORMATS)
def test_write_table_in_every_table_format(fmt: str) -> None:
    out = io.StringIO()
    assert write_table(["name", "n"], [("Iran", 1), ("Iraq", 2)], fmt, out, width=80) == 2
    assert "Iraq" in out.getvalue()


def test_unknown_formats_are_refused_before_writing() -> None:
    out = io.StringIO()
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        write_events([make_row(1)], "xml", out)
    with pytest.raises(ValueError, match="timelinejs"):
        write_table(["a"], [(1,)], "timelinejs", out)
    assert out.getvalue() == ""


# How many rows a format may read ahead of what it has written: one page for the table.
LOOKAHEAD = {fmt: 1 for fmt in FORMATS} | {"table": PAGE_ROWS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_are_written_as_they_are_read(fmt: str) -> None:
    """Memory stays flat: by the time row n is read, the rows before the look-ahead are out."""
    out = io.StringIO()
    total = PAGE_ROWS + 50

    def rows() -> Iterator[EventRow]:
        for event_id in range(1, total + 1):
            written = event_id - 1 - LOOKAHEAD[fmt]
            if written >= 1:
                assert f"Event {written}." in out.getvalue()
            yield make_row(event_id)

    assert write_events(rows(), fmt, out, width=100) == total
