"""JSON and JSON Lines: parse back to the CSV columns with real types."""

from __future__ import annotations

import dataclasses
import io
import json
import math
from decimal import Decimal
from typing import Any

import pytest

from timeline.export.formats import write_events, write_table
from timeline.store.rows import CSV_COLUMNS, EventRow


def make_row(**changes: Any) -> EventRow:
    row = EventRow(
        event_id=7,
        date_start="2016-08-01",
        date_end="2016-08-31",
        precision="month",
        approximate=True,
        date_text="last August",
        timex_value="2016-08",
        actors=("Russia", "Iran"),
        places=(),
        text='Russia said "yes" — in Zürich.\nNext line.',
        document="https://example.com/a",
        published=None,
    )
    return dataclasses.replace(row, **changes)


def export(rows: list[EventRow], fmt: str) -> str:
    out = io.StringIO()
    assert write_events(rows, fmt, out) == len(rows)
    return out.getvalue()


EXPECTED = {
    "event_id": 7,
    "date_start": "2016-08-01",
    "date_end": "2016-08-31",
    "precision": "month",
    "date_text": "last August",
    "timex_value": "2016-08",
    "actors": ["Russia", "Iran"],
    "places": [],
    "text": 'Russia said "yes" — in Zürich.\nNext line.',
    "document": "https://example.com/a",
    "published": None,
    "approximate": True,
}


def test_json_is_an_array_of_objects_with_the_csv_columns() -> None:
    parsed = json.loads(export([make_row(), make_row(event_id=8)], "json"))
    assert parsed == [EXPECTED, {**EXPECTED, "event_id": 8}]
    assert list(parsed[0]) == [*CSV_COLUMNS, "approximate"]


def test_json_of_nothing_is_an_empty_array() -> None:
    assert json.loads(export([], "json")) == []


def test_jsonl_is_one_object_a_line() -> None:
    lines = export([make_row(), make_row(event_id=8)], "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == [EXPECTED, {**EXPECTED, "event_id": 8}]


def test_json_writes_unicode_as_characters() -> None:
    text = export([make_row()], "json")
    assert "— in Zürich" in text
    assert "\\u" not in text


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_write_table_objects_keyed_by_column(fmt: str) -> None:
    out = io.StringIO()
    rows = [(1, "Iran", 0.5, None, b"\x01\xff"), (2, "Iraq", math.nan, Decimal("1.5"), b"")]
    assert write_table(["id", "name", "share", "x", "blob"], rows, fmt, out) == 2
    text = out.getvalue()
    parsed = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
    assert parsed == [
        {"id": 1, "name": "Iran", "share": 0.5, "x": None, "blob": "01ff"},
        {"id": 2, "name": "Iraq", "share": None, "x": 1.5, "blob": ""},
    ]


def test_write_table_repeated_column_names_stay_apart() -> None:
    out = io.StringIO()
    write_table(["id", "id", "id"], [(1, 2, 3)], "json", out)
    assert json.loads(out.getvalue()) == [{"id": 1, "id_2": 2, "id_3": 3}]
