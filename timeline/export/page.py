"""One self-contained HTML page to explore events: a zoomable time axis, an actor filter, and
each event's sentence with its date expression highlighted.

The page works offline: its script and style are inlined from ``page_assets/`` and nothing is
fetched when it is viewed. It stays fast with tens of thousands of events because the time axis
is drawn on a canvas and the list renders only the rows in view.

News text is untrusted. The events travel as JSON in ``<script type="application/json">``,
with ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX`` escapes so no sentence can
close the script block or open a comment; the script reads it with ``JSON.parse`` and shows
every string through ``textContent``. The page title is HTML-escaped on the Python side.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from importlib.resources import files
from typing import Generic, TextIO, TypeVar

from timeline.store.rows import EventRow

__all__ = ["embed_json", "page_data", "render_page"]

T = TypeVar("T")

# Day numbers in the page count from the Unix epoch, as JavaScript's Date does.
_EPOCH = date(1970, 1, 1).toordinal()

# Characters that could end or confuse a <script> block, or that old JavaScript parsers read as
# line terminators inside string literals. Each stays a valid JSON escape of itself.
_SCRIPT_ESCAPES: dict[str, str] = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")

# Placeholders in page_assets/page.html, replaced in one pass so that text inserted for one
# (a title that happens to read "__DATA__") is never scanned for another.
_SLOT = re.compile(r"/\*@(CSP|TITLE|STYLE|SCRIPT|DATA)@\*/")


def embed_json(value: object) -> str:
    """JSON text that is safe inside ``<script type="application/json">``.

    >>> print(embed_json({"text": "</script><!-- & \u2028"}))
    {"text":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text)


def _day_number(value: str) -> int | None:
    """Days since 1970-01-01 for an ISO ``YYYY-MM-DD`` day, None for an unresolved date."""
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date.fromisoformat(value).toordinal() - _EPOCH
    except ValueError:
        return None


def _utf16_offset(text: str, index: int) -> int:
    """JavaScript strings count UTF-16 units: an emoji before the date moves it by two."""
    index = max(0, min(index, len(text)))
    return len(text[:index].encode("utf-16-le")) // 2


class _Interner(Generic[T]):
    """Numbers repeated values (actors, places, documents) so 10,000 events stay small."""

    def __init__(self) -> None:
        self.index: dict[T, int] = {}
        self.values: list[T] = []

    def __call__(self, value: T) -> int:
        if value not in self.index:
            self.index[value] = len(self.values)
            self.values.append(value)
        return self.index[value]


def page_data(rows: Iterable[EventRow], title: str = "Timeline") -> dict[str, object]:
    """The data the page's script reads: events in chronological order, as compact arrays.

    Each event is ``[id, start_day, end_day, precision, approximate, date_text, timex_value,
    [actor...], [place...], text, document, mention_start, mention_end, date_start, date_end]``
    where days count from 1970-01-01 (null when unresolved), actors, places and documents are
    indexes into their tables, and mention offsets are in UTF-16 units for JavaScript.
    """
    actors: _Interner[str] = _Interner()
    places: _Interner[str] = _Interner()
    documents: _Interner[tuple[str, str | None, str | None]] = _Interner()
    actor_counts: Counter[int] = Counter()
    events: list[list[object]] = []
    undated = 0
    for row in rows:
        start, end = _day_number(row.date_start), _day_number(row.date_end)
        if start is None or end is None:
            start = end = None
            undated += 1
        elif end < start:
            start, end = end, start
        actor_ids = [actors(name) for name in dict.fromkeys(row.actors)]
        actor_counts.update(actor_ids)
        events.append(
            [
                row.event_id,
                start,
                end,
                row.precision,
                row.approximate,
                row.date_text,
                row.timex_value,
                actor_ids,
                [places(name) for name in dict.fromkeys(row.places)],
                row.text,
                documents((row.document, row.document_title, row.published)),
                _utf16_offset(row.text, row.mention_start),
                _utf16_offset(row.text, row.mention_end),
                row.date_start,
                row.date_end,
            ]
        )

    def order(event: list[object]) -> tuple[bool, int, int]:
        start, end = event[1], event[2]
        if isinstance(start, int) and isinstance(end, int):
            return (False, start, end)
        return (True, 0, 0)

    # DESIGN.md order: date_start, then date_end, then position, which the query's order gives
    # and a stable sort keeps (a --reverse query is put back in reading order: the page is a
    # timeline). Unresolved dates go last.
    events.sort(key=order)
    return {
        "title": title,
        "events": events,
        "actors": actors.values,
        "actorCounts": [actor_counts[i] for i in range(len(actors.values))],
        "places": places.values,
        "documents": [list(doc) for doc in documents.values],
        "undated": undated,
    }


def _asset(name: str) -> str:
    return files("timeline.export.page_assets").joinpath(name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _content_security_policy(script: str, style: str) -> str:
    """Only our own script and style may run, and nothing may be fetched.

    A second wall behind the escaping: were a sentence ever parsed as markup, its inline
    handlers and scripts would not run (they do not match the hashes) and could not phone home.
    """
    return (
        "default-src 'none'; "
        f"script-src {_csp_hash(script)}; "
        f"style-src {_csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def render_page(rows: Iterable[EventRow], out: TextIO, *, title: str = "Timeline") -> int:
    """Write one self-contained HTML page showing ``rows`` to ``out``; return how many events
    it holds.

    >>> import io
    >>> row = EventRow(7, "2016-08-22", "2016-08-22", "day", False, "Monday", "2016-08-22",
    ...                ("Iran",), (), "Zarif said Monday </script> that...", "b.txt", None,
    ...                mention_start=12, mention_end=18)
    >>> out = io.StringIO()
    >>> render_page([row], out, title="Zarif")
    1
    >>> out.getvalue().count("</script>")  # ours only: the sentence's is escaped
    2
    """
    data = page_data(rows, title)
    script, style = _asset("page.js"), _asset("page.css")
    slots = {
        "CSP": _content_security_policy(script, style),
        "TITLE": html.escape(title),
        "STYLE": style,
        "SCRIPT": script,
        "DATA": embed_json(data),
    }
    page = _SLOT.sub(lambda m: slots[m.group(1)], _asset("page.html"))
    out.write(page)
    events = data["events"]
    return len(events) if isinstance(events, list) else 0
