"""format_event_detail: one event in full for ``timeline show``."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

from timeline.export.detail import EventDetail, Mention, format_event_detail
from timeline.store.rows import EventRow

SENTENCE = "Russia used an Iranian air base last August to strike targets in Syria."


def make_detail(**changes: Any) -> EventDetail:
    row = EventRow(
        event_id=42,
        date_start="2016-08-01",
        date_end="2016-08-31",
        precision="month",
        approximate=False,
        date_text="last August",
        timex_value="2016-08",
        actors=("Russia", "Iran"),
        places=("Syria",),
        text=SENTENCE,
        document="/data/news/a.txt",
        published="2016-11-15",
        document_title="Russia uses Iranian base",
        mention_start=32,
        mention_end=43,
    )
    return EventDetail(
        row=dataclasses.replace(row, **changes),
        timex_type="DATE",
        timex_mod=None,
        published_source="metadata",
        mentions=[
            Mention("actor", "Russia", "Russia", 0, 6),
            Mention("actor", "Iran", "Iranian", 15, 22),
            Mention("place", "Syria", "Syria", 65, 70),
        ],
    )


def show(detail: EventDetail, *, color: bool = False, width: int = 100) -> str:
    out = io.StringIO()
    format_event_detail(detail, out, color=color, width=width)
    return out.getvalue()


def test_detail_without_color() -> None:
    assert show(make_detail()).splitlines() == [
        "Event 42",
        "Document:   Russia uses Iranian base",
        "Source:     /data/news/a.txt",
        "Published:  2016-11-15 (from metadata)",
        'Date:       "last August" = 2016-08 (DATE)',
        "Interval:   2016-08-01 to 2016-08-31 (month): Aug 2016",
        "Sentence:   Russia used an Iranian air base [last August] to strike targets in Syria.",
        'Actors:     Russia, Iran ("Iranian")',
        "Places:     Syria",
    ]


def test_color_highlights_the_date_in_bold() -> None:
    assert "base \x1b[1mlast August\x1b[0m to strike" in show(make_detail(), color=True)


def test_long_values_wrap_under_their_label() -> None:
    lines = show(make_detail(), width=48).splitlines()
    start = lines.index("Sentence:   Russia used an Iranian air base")
    assert lines[start + 1 : start + 4] == [
        "            [last August] to strike targets in",
        "            Syria.",
        'Actors:     Russia, Iran ("Iranian")',
    ]


def test_color_survives_wrapping() -> None:
    output = show(make_detail(), color=True, width=48)
    assert "\x1b[1mlast August\x1b[0m to strike" in output


def test_bad_offsets_fall_back_to_the_date_text() -> None:
    text = show(make_detail(mention_start=0, mention_end=0))
    assert "[last August]" in text


def test_document_text_is_sanitised() -> None:
    text = SENTENCE.replace("air base", "air\x1b]0;pwned\x07 base\x08\r")
    detail = make_detail(text=text, document="a\x1b[31m.txt", document_title=None)
    output = show(detail, color=True)
    assert "pwned" not in output
    assert "\x07" not in output and "\x08" not in output and "\r" not in output
    assert output.count("\x1b") == 2  # only our own bold and reset
    assert "Document:   a.txt" in output


def test_approximate_interval_and_modifier() -> None:
    detail = dataclasses.replace(make_detail(approximate=True), timex_mod="APPROX")
    output = show(detail)
    assert 'Date:       "last August" = 2016-08 (DATE, APPROX)' in output
    assert "(month, approximate): ~Aug 2016" in output


def test_plain_tuples_are_accepted_as_mentions() -> None:
    detail = dataclasses.replace(make_detail(), mentions=[("actor", "Iran", "Tehran", 0, 6)])  # type: ignore[list-item]
    assert detail.mentions == (Mention("actor", "Iran", "Tehran", 0, 6),)
