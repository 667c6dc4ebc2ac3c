"""The terminal table: readable dates, aligned columns, nothing from a document reaches the tty."""

from __future__ import annotations

import functools
import io
from typing import Any

import pytest

from tests.rows import make_row as make_base_row
from timeline.export.cells import text_width, truncate, truncate_left, wrap
from timeline.export.formats import write_events, write_table
from timeline.export.terminal import fit_names, fit_widths
from timeline.store.rows import EventRow

# The shared row with this file's id (and text): assertions below name them.
make_row = functools.partial(
    make_base_row, event_id=1, text="Russia used an Iranian air base to strike targets in Syria."
)


def table(rows: list[EventRow], width: int = 100) -> str:
    out = io.StringIO()
    assert write_events(rows, "table", out, width=width) == len(rows)
    return out.getvalue()


@pytest.mark.parametrize(
    ("start", "end", "precision", "approximate", "shown"),
    [
        pytest.param("1994-01-01", "1994-12-31", "year", False, "1994", id="year"),
        pytest.param("2016-08-01", "2016-08-31", "month", False, "Aug 2016", id="month"),
        pytest.param("2005-01-01", "2012-12-31", "year", False, "2005–2012", id="range"),
        pytest.param("2014-01-01", "2014-12-31", "year", True, "~2014", id="approximate"),
        pytest.param("2016-08-22", "2016-08-22", "day", False, "22 Aug 2016", id="day"),
    ],
)
def test_dates_shown_at_their_precision(
    start: str, end: str, precision: str, approximate: bool, shown: str
) -> None:
    row = make_row(date_start=start, date_end=end, precision=precision, approximate=approximate)
    first_line = table([row]).splitlines()[2]
    assert first_line.split("  ")[1].strip() == shown


def test_header_and_columns() -> None:
    lines = table([make_row(event_id=42)]).splitlines()
    assert lines[0].split() == ["id", "date", "actors", "text", "document"]
    assert set(lines[1]) == {"-", " "}
    assert lines[2].startswith("42  22 Aug 2016  Russia, Iran  Russia used an Iranian air base")
    assert lines[2].endswith("news/reuters.txt")


def test_text_wraps_within_the_width() -> None:
    long = " ".join(["word"] * 80)
    lines = table([make_row(text=long)], width=80).splitlines()
    assert all(text_width(line) <= 80 for line in lines)
    assert sum(line.count("word") for line in lines) == 80
    text_column = lines[0].index("text")
    assert all(line[text_column:].startswith("word") for line in lines[3:])


@pytest.mark.parametrize(
    "escape",
    [
        pytest.param("\x1b[31m", id="csi-colour"),
        pytest.param("\x1b]0;title\x07", id="osc-title"),
        pytest.param("\r", id="carriage-return"),
        pytest.param("\x08", id="backspace"),
    ],
)
@pytest.mark.parametrize("field", ["text", "document", "actors"])
def test_escape_sequences_are_stripped(escape: str, field: str) -> None:
    value = f"Russia{escape} acted"
    changes: dict[str, Any] = {field: (value,) if field == "actors" else value}
    output = table([make_row(**changes)], width=200)
    for control in ("\x1b", "\x07", "\r", "\x08"):
        assert control not in output
    assert "title" not in output


def test_many_actors_are_shortened_with_a_count() -> None:
    actors = ("United States", "Russia", "Iran", "Syria", "Turkey", "Saudi Arabia", "Israel")
    line = table([make_row(actors=actors)], width=100).splitlines()[2]
    assert "United States, Russia" in line
    assert "Israel" not in line
    assert "+" in line


def test_columns_stay_aligned_after_the_first_page() -> None:
    rows = [make_row(event_id=i, text=f"Event number {i}.") for i in range(1, 251)]
    lines = table(rows).splitlines()
    assert len(lines) == 252
    text_column = lines[0].index("text")
    assert lines[-1][text_column:].startswith("Event number 250.")


def test_query_result_table() -> None:
    out = io.StringIO()
    rows = [("Iran", 12, None), ("United States of America", 3, "\x1b[2Jx")]
    assert write_table(["actor", "events", "note"], rows, "table", out, width=80) == 2
    assert out.getvalue().splitlines() == [
        "actor                     events  note",
        "------------------------  ------  ----",
        "Iran                          12",
        "United States of America       3  x",
    ]


def test_query_result_table_wraps_wide_cells() -> None:
    out = io.StringIO()
    write_table(["id", "text"], [(1, "lorem ipsum " * 20)], "table", out, width=40)
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert len(lines) > 3


@pytest.mark.parametrize(
    ("names", "width", "expected"),
    [
        pytest.param(("Iran", "Iraq"), 20, "Iran, Iraq", id="fits"),
        pytest.param(("Iran", "Iraq", "Syria"), 13, "Iran, Iraq +1", id="count-rest"),
        pytest.param(("United Kingdom", "Iran"), 10, "United… +1", id="first-cut"),
        pytest.param((), 10, "", id="none"),
    ],
)
def test_fit_names(names: tuple[str, ...], width: int, expected: str) -> None:
    assert fit_names(names, width) == expected


def test_fit_widths_shrinks_the_widest_first() -> None:
    assert fit_widths([4, 50, 10], 40) == [4, 26, 10]
    assert fit_widths([4, 5], 40) == [4, 5]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        pytest.param("one two three", 7, ["one two", "three"], id="words"),
        pytest.param("abcdefghij", 4, ["abcd", "efgh", "ij"], id="long-word"),
        pytest.param("", 5, [""], id="empty"),
        pytest.param("中文中文", 4, ["中文", "中文"], id="wide-characters"),
    ],
)
def test_wrap(text: str, width: int, expected: list[str]) -> None:
    assert wrap(text, width) == expected


def test_truncate_keeps_start_or_end() -> None:
    assert truncate("Hello world", 6) == "Hello…"
    assert truncate_left("/data/news/file.txt", 9) == "…file.txt"


@pytest.mark.parametrize(
    ("text", "width"),
    [
        pytest.param("Zürich – “quoted”…", 18, id="latin-and-punctuation"),
        pytest.param("Cafe\u0301", 4, id="combining-accent"),
        pytest.param("北京", 4, id="wide"),
        pytest.param("", 0, id="empty"),
    ],
)
def test_text_width_in_columns(text: str, width: int) -> None:
    assert text_width(text) == width
