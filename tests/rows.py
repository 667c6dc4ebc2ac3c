"""A hand-built EventRow for exporter tests: one dated mention, fields overridable by name."""

from __future__ import annotations

import dataclasses
from typing import Any

from timeline.store.rows import EventRow

BASE = EventRow(
    event_id=7,
    date_start="2016-08-22",
    date_end="2016-08-22",
    precision="day",
    approximate=False,
    date_text="22 August",
    timex_value="2016-08-22",
    actors=("Russia", "Iran"),
    places=("Hamadan",),
    text="Russia used an Iranian air base on 22 August.",
    document="news/reuters.txt",
    published="2016-08-23",
)


def make_row(**changes: Any) -> EventRow:
    return dataclasses.replace(BASE, **changes)
