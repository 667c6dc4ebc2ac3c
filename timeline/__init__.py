"""timeline: an event timeline database built from news articles.

The public API, importable without loading the heavy parts until they are used::

    from datetime import date
    from timeline import tag, open_store, ingest, EventFilter, iter_events

    tag("Zarif said Monday that ...", date(2016, 8, 23))   # -> [Timex(...)]
    store = open_store("timeline.db")
    ingest(store, ["seeds/"], jobs=1)
    with store.session() as s:
        for row in iter_events(s, EventFilter(actors=("Iran",))):
            print(row.date_start, row.text)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.events.extract import extract_document
    from timeline.ingest.pipeline import ingest
    from timeline.store.chronology import EventFilter
    from timeline.store.database import Store, open_store
    from timeline.store.query import iter_events
    from timeline.store.rows import EventRow
    from timeline.temporal import tag
    from timeline.temporal.types import Interval, Precision, Timex, TimexType

__all__ = [
    "EventFilter",
    "EventRow",
    "Interval",
    "Precision",
    "Store",
    "Timex",
    "TimexType",
    "extract_document",
    "ingest",
    "iter_events",
    "open_store",
    "tag",
]

# name -> module; resolved on first access (PEP 562) so `import timeline` stays cheap and the
# CLI's --help does not load SQLAlchemy, dateparser or the tagger's rules.
_LAZY = {
    "tag": "timeline.temporal",
    "Timex": "timeline.temporal.types",
    "TimexType": "timeline.temporal.types",
    "Interval": "timeline.temporal.types",
    "Precision": "timeline.temporal.types",
    "extract_document": "timeline.events.extract",
    "ingest": "timeline.ingest.pipeline",
    "open_store": "timeline.store.database",
    "Store": "timeline.store.database",
    "EventFilter": "timeline.store.chronology",
    "iter_events": "timeline.store.query",
    "EventRow": "timeline.store.rows",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
