"""TimelineJS3: the JSON a page passes to ``new TL.Timeline(...)`` and its Google Sheets CSV.

A date object carries only the fields known at the event's precision (a year-precision event
gives ``{"year": 1994}``, not 1 January 1994), so TimelineJS shows "1994" and not a false day.
Weeks give days, quarters and seasons months, decades and centuries the year they start. An
``end_date`` is written when the end, at those same fields, differs from the start: a range
("2005–2012"), a week, quarter or season, a decade. ``display_date`` is the reader's form
(dates.display_date), ``group`` the first actor (one lane per actor in the navigation).

An event with no date yet (a relative date in a document without a publication date, such as
``XXXX-08``) has no place on a timeline: both writers leave it out, and count only what they
write; ``timeline list`` still shows it.

TimelineJS renders headline, text, group and display date as HTML (``innerHTML``), so every
piece of document text is HTML-escaped here; the only markup written is the link to an http(s)
source. The JSON is written as the events arrive, like json_export.
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from timeline.export.dates import display_date
from timeline.export.delimited import CSV_LINE_END
from timeline.export.sanitize import neutralise_cell
from timeline.store.rows import EventRow

# The column order of the TimelineJS Google Sheets template.
TIMELINEJS_CSV_COLUMNS: tuple[str, ...] = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)  # fmt: skip

_HEADLINE = TIMELINEJS_CSV_COLUMNS.index("Headline")
_TYPE = TIMELINEJS_CSV_COLUMNS.index("Type")

# How many of (year, month, day) each precision knows; an unknown precision gives all three.
_KNOWN_FIELDS = {
    "day": 3, "week": 3,
    "month": 2, "quarter": 2, "season": 2,
    "year": 1, "decade": 1, "century": 1,
}  # fmt: skip

# A headline is a marker label in the navigation bar: a few words, cut at a word boundary.
HEADLINE_MAX_CHARS = 60

# Between the sentence and its source in the slide text.
SOURCE_SEPARATOR = " — "


def date_fields(day: date, precision: str) -> dict[str, int]:
    """The TimelineJS date object of ``day`` with only the fields known at ``precision``."""
    values = {"year": day.year, "month": day.month, "day": day.day}
    known = _KNOWN_FIELDS.get(precision, 3)
    return dict(list(values.items())[:known])


def _placed(rows: Iterable[EventRow]) -> Iterable[EventRow]:
    """The rows that have an interval to put on the time axis."""
    return (row for row in rows if row.date_start and row.date_end)


def _interval(row: EventRow) -> tuple[dict[str, int], dict[str, int] | None]:
    try:
        start, end = date.fromisoformat(row.date_start), date.fromisoformat(row.date_end)
    except ValueError as error:
        raise ValueError(f"event {row.event_id}: {error}") from error
    start_fields = date_fields(start, row.precision)
    end_fields = date_fields(end, row.precision)
    return start_fields, (end_fields if end_fields != start_fields else None)


def headline(row: EventRow) -> str:
    """The first words of the sentence, up to HEADLINE_MAX_CHARS (plain text, not escaped)."""
    words = row.text.split()
    text = ""
    for word in words:
        candidate = f"{text} {word}" if text else word
        if len(candidate) > HEADLINE_MAX_CHARS:
            return (text or word[: HEADLINE_MAX_CHARS - 1]).rstrip(",;:") + "…"
        text = candidate
    return text


def source_html(row: EventRow) -> str:
    """The source as HTML: a link when it is an http(s) URL, its title if known, its date."""
    label = html.escape(row.document_title or row.document)
    if row.document.startswith(("http://", "https://")):
        label = f'<a href="{html.escape(row.document, quote=True)}">{label}</a>'
    if row.published:
        label += f" ({html.escape(row.published)})"
    return label


def _display_html(row: EventRow) -> str:
    return html.escape(display_date(row.date_start, row.date_end, row.precision, row.approximate))


def _text_html(row: EventRow) -> str:
    return html.escape(row.text) + SOURCE_SEPARATOR + source_html(row)


def timelinejs_event(row: EventRow) -> dict[str, object]:
    """One event as a TimelineJS3 slide."""
    start, end = _interval(row)
    slide: dict[str, object] = {"start_date": start}
    if end is not None:
        slide["end_date"] = end
    slide["display_date"] = _display_html(row)
    slide["text"] = {"headline": html.escape(headline(row)), "text": _text_html(row)}
    if row.actors:
        slide["group"] = html.escape(row.actors[0])
    slide["unique_id"] = f"event-{row.event_id}"
    return slide


def write_timelinejs(rows: Iterable[EventRow], out: TextIO, *, title: str | None = None) -> int:
    """Write ``{"title": ..., "events": [...]}`` streaming; return how many events.

    ``title`` (plain text) becomes the title slide's headline; without it there is no title
    slide.
    """
    out.write("{")
    if title is not None:
        title_slide = {"text": {"headline": html.escape(title), "text": ""}}
        out.write(f'"title": {json.dumps(title_slide, ensure_ascii=False)},\n')
    out.write('"events": [')
    count = 0
    for row in _placed(rows):
        slide = json.dumps(timelinejs_event(row), ensure_ascii=False)
        out.write(("\n" if count == 0 else ",\n") + slide)
        count += 1
    out.write("\n]}\n" if count else "]}\n")
    return count


def _numbers(fields: dict[str, int] | None) -> list[str]:
    fields = fields or {}
    return [str(fields[key]) if key in fields else "" for key in ("year", "month", "day")]


def write_timelinejs_csv(
    rows: Iterable[EventRow], out: TextIO, *, raw: bool = False, title: str | None = None
) -> int:
    """Write the TimelineJS Google Sheets columns (CRLF, RFC 4180); return how many events.

    Display date, headline, text and group are neutralised against formulas unless ``raw``;
    the date numbers are ours. A ``title`` gives a first row of Type "title".
    """

    def safe(cell: str) -> str:
        return cell if raw else neutralise_cell(cell)

    writer = csv.writer(out, lineterminator=CSV_LINE_END)
    writer.writerow(TIMELINEJS_CSV_COLUMNS)
    if title is not None:
        title_row = [""] * len(TIMELINEJS_CSV_COLUMNS)
        title_row[_HEADLINE], title_row[_TYPE] = safe(html.escape(title)), "title"
        writer.writerow(title_row)
    count = 0
    for row in _placed(rows):
        start, end = _interval(row)
        group = html.escape(row.actors[0]) if row.actors else ""
        writer.writerow(
            [
                *_numbers(start), "",  # Year, Month, Day, Time
                *_numbers(end), "",  # End Year, End Month, End Day, End Time
                safe(_display_html(row)),
                safe(html.escape(headline(row))),
                safe(_text_html(row)),
                "", "", "", "",  # Media, Media Credit, Media Caption, Media Thumbnail
                "",  # Type
                safe(group),
                "",  # Background
            ]
        )  # fmt: skip
        count += 1
    return count
