"""TimelineJS3 JSON and Google Sheets CSV: the structure the library reads, HTML-safe text."""

from __future__ import annotations

import csv
import functools
import io
import json
from typing import Any

import pytest

from tests.rows import make_row as make_base_row
from timeline.export.formats import write_events
from timeline.store.rows import EventRow

# The shared row with this file's id (and text): assertions below name them.
make_row = functools.partial(make_base_row, event_id=5)


def timeline(rows: list[EventRow], title: str | None = None) -> dict[str, Any]:
    out = io.StringIO()
    assert write_events(rows, "timelinejs", out, title=title) == len(rows)
    parsed: dict[str, Any] = json.loads(out.getvalue())
    return parsed


def sheet(rows: list[EventRow], *, raw: bool = False, title: str | None = None) -> list[list[str]]:
    out = io.StringIO(newline="")
    assert write_events(rows, "timelinejs-csv", out, raw=raw, title=title) == len(rows)
    return list(csv.reader(io.StringIO(out.getvalue(), newline="")))


# precision, interval, start_date, end_date (None: no end_date), display_date
PRECISIONS = [
    pytest.param(
        "day", "2016-08-22", "2016-08-22",
        {"year": 2016, "month": 8, "day": 22}, None, "22 Aug 2016", id="day",
    ),
    pytest.param(
        "week", "2016-08-15", "2016-08-21",
        {"year": 2016, "month": 8, "day": 15}, {"year": 2016, "month": 8, "day": 21},
        "Week 33, 2016", id="week",
    ),
    pytest.param(
        "month", "2016-08-01", "2016-08-31",
        {"year": 2016, "month": 8}, None, "Aug 2016", id="month",
    ),
    pytest.param(
        "quarter", "2016-07-01", "2016-09-30",
        {"year": 2016, "month": 7}, {"year": 2016, "month": 9}, "Q3 2016", id="quarter",
    ),
    pytest.param(
        "season", "2016-06-01", "2016-08-31",
        {"year": 2016, "month": 6}, {"year": 2016, "month": 8}, "Summer 2016", id="season",
    ),
    pytest.param("year", "1994-01-01", "1994-12-31", {"year": 1994}, None, "1994", id="year"),
    pytest.param(
        "year", "2005-01-01", "2012-12-31", {"year": 2005}, {"year": 2012}, "2005–2012",
        id="year-range",
    ),
    pytest.param(
        "decade", "1990-01-01", "1999-12-31", {"year": 1990}, {"year": 1999}, "1990s",
        id="decade",
    ),
    pytest.param(
        "century", "1900-01-01", "1999-12-31", {"year": 1900}, {"year": 1999},
        "20th century", id="century",
    ),
    pytest.param(
        "day", "2013-03-03", "2013-03-05",
        {"year": 2013, "month": 3, "day": 3}, {"year": 2013, "month": 3, "day": 5},
        "3–5 Mar 2013", id="day-range",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("precision", "start", "end", "start_date", "end_date", "shown"), PRECISIONS
)
def test_slide_for_every_precision(
    precision: str,
    start: str,
    end: str,
    start_date: dict[str, int],
    end_date: dict[str, int] | None,
    shown: str,
) -> None:
    row = make_row(precision=precision, date_start=start, date_end=end)
    (slide,) = timeline([row])["events"]
    assert slide["start_date"] == start_date
    assert slide.get("end_date") == end_date
    assert slide["display_date"] == shown
    assert set(slide["text"]) == {"headline", "text"}
    assert slide["text"]["headline"]
    assert slide["group"] == "Russia"
    assert slide["unique_id"] == "event-5"


@pytest.mark.parametrize(
    ("precision", "start", "end", "start_date", "end_date", "shown"), PRECISIONS
)
def test_sheet_row_for_every_precision(
    precision: str,
    start: str,
    end: str,
    start_date: dict[str, int],
    end_date: dict[str, int] | None,
    shown: str,
) -> None:
    row = make_row(precision=precision, date_start=start, date_end=end)
    header, values = sheet([row])
    cells = dict(zip(header, values, strict=True))

    def numbers(prefix: str, fields: dict[str, int] | None) -> dict[str, str]:
        known = {k: str(v) for k, v in (fields or {}).items()}
        return {f"{prefix}{k.title()}": known.get(k, "") for k in ("year", "month", "day")}

    assert {k: cells[k] for k in ("Year", "Month", "Day")} == numbers("", start_date)
    assert {k: cells[k] for k in ("End Year", "End Month", "End Day")} == numbers("End ", end_date)
    assert cells["Display Date"] == shown
    assert cells["Group"] == "Russia"


def test_sheet_header_is_the_template_order() -> None:
    assert sheet([])[0] == [
        "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
        "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
        "Media Thumbnail", "Type", "Group", "Background",
    ]  # fmt: skip


def test_text_is_html_escaped_with_its_source() -> None:
    row = make_row(
        text='Iran said <script>alert("x")</script> & left.',
        actors=("<b>Iran</b>",),
        document="https://example.com/a?b=1&c=2",
        document_title="Iran & Russia",
    )
    (slide,) = timeline([row])["events"]
    assert slide["text"]["text"] == (
        "Iran said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left."
        ' — <a href="https://example.com/a?b=1&amp;c=2">Iran &amp; Russia</a> (2016-08-23)'
    )
    assert "<script>" not in slide["text"]["headline"]
    assert slide["group"] == "&lt;b&gt;Iran&lt;/b&gt;"


def test_only_http_sources_become_links() -> None:
    row = make_row(document='javascript:alert("x")', published=None)
    (slide,) = timeline([row])["events"]
    assert "<a" not in slide["text"]["text"]
    assert slide["text"]["text"].endswith(" — javascript:alert(&quot;x&quot;)")


def test_headline_is_the_first_words() -> None:
    long = "Russian bombers flew from Hamadan to strike targets in Aleppo, Idlib and Deir ez-Zor."
    (slide,) = timeline([make_row(text=long)])["events"]
    assert slide["text"]["headline"] == "Russian bombers flew from Hamadan to strike targets in…"


def test_title_slide_and_no_group_without_actors() -> None:
    parsed = timeline([make_row(actors=())], title="Iran & Russia")
    assert parsed["title"]["text"]["headline"] == "Iran &amp; Russia"
    assert "group" not in parsed["events"][0]


def test_empty_timeline_is_valid_json() -> None:
    assert timeline([]) == {"events": []}


def test_sheet_cells_neutralised_unless_raw() -> None:
    row = make_row(text="=cmd|' /C calc'!A0", actors=("@evil",))
    header, values = sheet([row])
    cells = dict(zip(header, values, strict=True))
    assert cells["Headline"].startswith("'=")
    assert cells["Text"].startswith("'=")
    assert cells["Group"] == "'@evil"
    header, values = sheet([row], raw=True)
    assert dict(zip(header, values, strict=True))["Group"] == "@evil"


def test_sheet_title_row() -> None:
    header, title_row = sheet([], title="Syria")
    cells = dict(zip(header, title_row, strict=True))
    assert (cells["Type"], cells["Headline"], cells["Year"]) == ("title", "Syria", "")


@pytest.mark.parametrize("fmt", ["timelinejs", "timelinejs-csv"])
def test_events_without_a_date_are_left_out(fmt: str) -> None:
    # "last August" in a document with no publication date: nowhere to put it on the axis
    undated = make_row(event_id=9, date_start="", date_end="", precision="", timex_value="XXXX-08")
    out = io.StringIO(newline="")
    assert write_events([undated, make_row()], fmt, out) == 1
    assert "event-9" not in out.getvalue() and "last" not in out.getvalue()
    assert "Russia used" in out.getvalue()
