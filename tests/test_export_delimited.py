"""CSV and TSV: what a spreadsheet or csv.reader gets back, and formulas neutralised."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.rows import make_row
from timeline.export.formats import write_event_cells, write_events, write_table
from timeline.export.records import DOCUMENT_TEXT_COLUMNS
from timeline.export.sanitize import neutralise_cell
from timeline.store.rows import CSV_COLUMNS, EventRow

HEADER = [*CSV_COLUMNS, "approximate"]


def export(rows: list[EventRow], fmt: str = "csv", *, raw: bool = False) -> str:
    out = io.StringIO(newline="")
    assert write_events(rows, fmt, out, raw=raw) == len(rows)
    return out.getvalue()


def read_back(text: str, fmt: str = "csv") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter="," if fmt == "csv" else "\t"))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_header_is_the_design_columns_then_approximate(fmt: str) -> None:
    assert read_back(export([], fmt), fmt) == [HEADER]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_values_round_trip(fmt: str) -> None:
    row = make_row(approximate=True, published=None)
    header, values = read_back(export([row], fmt), fmt)
    assert dict(zip(header, values, strict=True)) == {
        "event_id": "7",
        "date_start": "2016-08-22",
        "date_end": "2016-08-22",
        "precision": "day",
        "date_text": "22 August",
        "timex_value": "2016-08-22",
        "actors": "Russia; Iran",
        "places": "Hamadan",
        "text": "Russia used an Iranian air base on 22 August.",
        "document": "news/reuters.txt",
        "published": "",
        "approximate": "true",
    }


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('He said "no", then left.', id="quotes-and-comma"),
        pytest.param("First line\nsecond line\r\nthird", id="line-breaks"),
        pytest.param("a\tb; c", id="tab-and-semicolon"),
        pytest.param("Zürich – “curly” 中文", id="unicode"),
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_awkward_text_survives(fmt: str, text: str) -> None:
    rows = read_back(export([make_row(text=text)], fmt), fmt)
    assert rows[1][HEADER.index("text")] == text
    assert len(rows) == 2


def test_csv_lines_end_with_crlf_and_tsv_with_lf() -> None:
    assert export([make_row()], "csv").splitlines(keepends=True)[0].endswith(",approximate\r\n")
    assert export([make_row()], "tsv").splitlines(keepends=True)[0].endswith("\tapproximate\n")


INJECTION = '=HYPERLINK("http://evil","click")'


@pytest.mark.parametrize(
    ("field", "value", "column", "cell"),
    [
        pytest.param("text", INJECTION, "text", INJECTION, id="text"),
        pytest.param(
            "text", "-2+3+cmd|' /C calc'!A0", "text", "-2+3+cmd|' /C calc'!A0", id="minus"
        ),
        pytest.param("date_text", "+1 day", "date_text", "+1 day", id="date-text"),
        pytest.param("actors", ("@evil", "Iran"), "actors", "@evil; Iran", id="actors"),
        pytest.param("places", ("=cmd",), "places", "=cmd", id="places"),
        pytest.param("document", "\t=1+1", "document", "\t=1+1", id="document"),
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_formula_cells_are_neutralised_unless_raw(
    fmt: str, field: str, value: object, column: str, cell: str
) -> None:
    row = make_row(**{field: value})
    assert read_back(export([row], fmt), fmt)[1][HEADER.index(column)] == "'" + cell
    assert read_back(export([row], fmt, raw=True), fmt)[1][HEADER.index(column)] == cell


def test_ids_and_dates_are_written_plain() -> None:
    line = export([make_row(event_id=12)]).splitlines()[1]
    assert line.startswith("12,2016-08-22,2016-08-22,day,22 August,2016-08-22,Russia; Iran,")


def test_write_table_csv_any_columns() -> None:
    out = io.StringIO(newline="")
    count = write_table(
        ["actor", "events", "share", "note"],
        [("Iran", 12, 0.5, None), ("=cmd", -3, 1.25, "x,y")],
        "csv",
        out,
    )
    assert count == 2
    assert read_back(out.getvalue()) == [
        ["actor", "events", "share", "note"],
        ["Iran", "12", "0.5", ""],
        ["'=cmd", "-3", "1.25", "x,y"],  # text neutralised, numbers left alone
    ]


def test_write_table_raw_keeps_text() -> None:
    out = io.StringIO(newline="")
    write_table(["v"], [("=cmd",)], "tsv", out, raw=True)
    assert read_back(out.getvalue(), "tsv") == [["v"], ["=cmd"]]


# Cells made of the characters the csv module treats specially (quote, delimiters, line
# breaks, a formula trigger), and of some it does not.
_CELL = st.text(alphabet=['"', ",", "\t", "\r", "\n", "=", "-", " ", "'", "a", "é", "\x00"])


def _the_csv_modules_line_is_written(fmt: str, cells: list[str], raw: bool) -> None:
    # Lines without quotes or line breaks are written without the csv module (its C writer
    # was a sixth of a large export): the bytes must be the module's in every case.
    delimiter, line_end = ("," if fmt == "csv" else "\t"), ("\r\n" if fmt == "csv" else "\n")
    expected = io.StringIO(newline="")
    writer = csv.writer(expected, delimiter=delimiter, lineterminator=line_end)
    writer.writerow(HEADER)
    neutralised = [
        c if raw or HEADER[i] not in DOCUMENT_TEXT_COLUMNS else neutralise_cell(c)
        for i, c in enumerate(cells)
    ]
    writer.writerow(neutralised)
    out = io.StringIO(newline="")
    assert write_event_cells([list(cells)], fmt, out, raw=raw) == 1
    assert out.getvalue() == expected.getvalue()


@settings(max_examples=400, deadline=None)
@given(cells=st.lists(_CELL, min_size=12, max_size=12), raw=st.booleans())
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_lines_are_the_csv_modules(fmt: str, cells: list[str], raw: bool) -> None:
    _the_csv_modules_line_is_written(fmt, cells, raw)


@pytest.mark.parametrize(
    "cell", ['say "no"', "a,b", "a\tb", "a\rb", "a\nb", "a\r\nb", "\x00", "", " a ", "=a,b"]
)
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_one_awkward_cell_is_written_as_the_csv_module_does(fmt: str, cell: str) -> None:
    # each special character alone in a line of plain cells (random lines rarely have one)
    for position in (0, 4, 8, 11):
        cells = ["plain"] * 12
        cells[position] = cell
        _the_csv_modules_line_is_written(fmt, cells, raw=False)
