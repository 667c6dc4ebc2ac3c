"""One event in full, for ``timeline show EVENT_ID``: where it comes from and why it has its date.

The query layer fills an EventDetail (the event's row plus what the list does not show: the
date expression's TIMEX3 type and modifier, where the publication date came from, each actor
and place mention); format_event_detail prints it as labelled lines, with the date expression
highlighted inside the sentence. Every piece of document text goes through clean_terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, TextIO

from timeline.export.cells import wrap
from timeline.export.dates import display_date
from timeline.export.sanitize import clean_terminal
from timeline.export.terminal import terminal_width
from timeline.store.rows import EventRow

BOLD, RESET = "\x1b[1m", "\x1b[0m"

# Width of the label column ("Published:  "), and the least room left for a value.
_LABEL_WIDTH = 12
_VALUE_MIN = 20

# Private-use stand-ins for the start and end of the highlighted date while the sentence is
# wrapped; replaced by ANSI bold or brackets afterwards.
_OPEN, _CLOSE = "\ue000", "\ue001"


class Mention(NamedTuple):
    """An actor or place named in the sentence; offsets are relative to the sentence."""

    role: str  # "actor" or "place" (timeline.actors.types.Role)
    name: str  # the canonical name
    text: str  # as written in the sentence ("Iranian" for Iran)
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event with what ``timeline show`` tells beyond the list.

    ``document_title`` overrides the row's own when given. ``published_source`` says where the
    publication date came from (metadata, command line, file name, inferred). ``mentions`` may
    be Mention values or plain (role, name, text, start, end) tuples.
    """

    row: EventRow
    timex_type: str = "DATE"
    timex_mod: str | None = None
    document_title: str | None = None
    published_source: str | None = None
    mentions: Sequence[Mention] = ()

    def __post_init__(self) -> None:
        # Accept lists and plain tuples from the query layer; keep the frozen value immutable.
        object.__setattr__(self, "mentions", tuple(Mention(*m) for m in self.mentions))


def _date_span(row: EventRow) -> tuple[int, int] | None:
    """Where the date expression is in the sentence, by offsets or else by its text."""
    start, end = row.mention_start, row.mention_end
    if 0 <= start < end <= len(row.text):
        return start, end
    found = row.text.find(row.date_text) if row.date_text else -1
    return (found, found + len(row.date_text)) if found >= 0 else None


def _marked_sentence(row: EventRow) -> str:
    """The cleaned sentence with the date expression between _OPEN and _CLOSE."""

    def clean(text: str) -> str:
        return clean_terminal(text).replace(_OPEN, "").replace(_CLOSE, "")

    span = _date_span(row)
    if span is None:
        return clean(row.text)
    start, end = span
    before, mention, after = row.text[:start], row.text[start:end], row.text[end:]
    return clean(before) + _OPEN + clean(mention) + _CLOSE + clean(after)


def _highlight(text: str, *, color: bool) -> str:
    opening, closing = (BOLD, RESET) if color else ("[", "]")
    return text.replace(_OPEN, opening).replace(_CLOSE, closing)


def highlighted_sentence(row: EventRow, *, color: bool) -> str:
    """The sentence, cleaned, with its date expression in bold (``color``) or in [brackets]."""
    return _highlight(_marked_sentence(row), color=color)


def _names(names: Sequence[str], mentions: Sequence[Mention]) -> str:
    """'Russia, Iran ("Iranian", "Tehran")': each name with how the sentence wrote it."""
    ordered = list(names) + [m.name for m in mentions if m.name not in names]
    parts: list[str] = []
    for name in dict.fromkeys(ordered):
        written = dict.fromkeys(m.text for m in mentions if m.name == name and m.text != name)
        quoted = ", ".join(f'"{clean_terminal(text)}"' for text in written)
        parts.append(clean_terminal(name) + (f" ({quoted})" if quoted else ""))
    return ", ".join(parts) or "-"


def format_event_detail(
    detail: EventDetail, out: TextIO, *, color: bool, width: int | None = None
) -> None:
    """Print ``detail`` as labelled lines: source, date expression, interval, sentence, names.

    Values wrap under their label to ``width`` columns (default: the terminal's width).
    """
    row = detail.row
    value_width = max(terminal_width(width) - _LABEL_WIDTH, _VALUE_MIN)

    def line(label: str, value: str) -> None:
        lines = wrap(value, value_width)
        out.write(f"{label + ':':<{_LABEL_WIDTH}}{lines[0]}\n")
        out.writelines(" " * _LABEL_WIDTH + more + "\n" for more in lines[1:])

    out.write(f"Event {row.event_id}\n")
    title = detail.document_title or row.document_title
    if title:
        line("Document", clean_terminal(title))
        line("Source", clean_terminal(row.document))
    else:
        line("Document", clean_terminal(row.document))
    published = row.published or "unknown"
    if detail.published_source:
        published += f" (from {clean_terminal(detail.published_source)})"
    line("Published", published)
    timex = detail.timex_type + (f", {detail.timex_mod}" if detail.timex_mod else "")
    line(
        "Date",
        f'"{clean_terminal(row.date_text)}" = {clean_terminal(row.timex_value)} ({timex})',
    )
    approximate = ", approximate" if row.approximate else ""
    shown = display_date(row.date_start, row.date_end, row.precision, row.approximate)
    line(
        "Interval",
        f"{row.date_start} to {row.date_end} ({row.precision}{approximate}): {shown}",
    )
    # Wrapped with the stand-ins in place, so that ANSI codes never count as text width.
    sentence = wrap(_marked_sentence(row), value_width)
    out.write(f"{'Sentence:':<{_LABEL_WIDTH}}{_highlight(sentence[0], color=color)}\n")
    out.writelines(
        " " * _LABEL_WIDTH + _highlight(more, color=color) + "\n" for more in sentence[1:]
    )
    actors = [m for m in detail.mentions if m.role != "place"]
    places = [m for m in detail.mentions if m.role == "place"]
    line("Actors", _names(row.actors, actors))
    line("Places", _names(row.places, places))
