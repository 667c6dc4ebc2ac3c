"""Plain rows that the query layer yields and every exporter consumes.

Exporters (csv, json, TimelineJS, table, chart, HTML page) depend only on these, never on the
ORM, so they can be tested on rows built by hand and streamed from any backend.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# DESIGN.md, "CSV export columns": this order is a public contract.
CSV_COLUMNS: tuple[str, ...] = (
    "event_id",
    "date_start",
    "date_end",
    "precision",
    "date_text",
    "timex_value",
    "actors",
    "places",
    "text",
    "document",
    "published",
)


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event (one dated mention) as users see it.

    Dates are ISO ``YYYY-MM-DD`` strings, both inclusive. ``date_text`` is the date expression's
    surface text and ``mention_start``/``mention_end`` its offsets inside ``text`` (the
    sentence), so a viewer can highlight it. ``document`` is the source (path or URL),
    ``published`` the document's publication date or None.
    """

    event_id: int
    date_start: str
    date_end: str
    precision: str
    approximate: bool
    date_text: str
    timex_value: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    text: str
    document: str
    published: str | None
    document_id: int = 0
    document_title: str | None = None
    mention_start: int = 0
    mention_end: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    def csv_values(self) -> list[str]:
        """The DESIGN.md CSV columns, list columns joined with '; '."""
        return [
            str(self.event_id),
            self.date_start,
            self.date_end,
            self.precision,
            self.date_text,
            self.timex_value,
            "; ".join(self.actors),
            "; ".join(self.places),
            self.text,
            self.document,
            self.published or "",
        ]
