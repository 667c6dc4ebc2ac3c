"""Exporters: events and query results as a terminal table, CSV/TSV, JSON, markdown, TimelineJS.

Every exporter reads plain rows (timeline.store.rows.EventRow, or column names plus value rows
for arbitrary SQL), never the ORM, and streams them. The chart and HTML page live in their own
modules (plot, page) and are not imported here, so exporting text never loads matplotlib.
"""

from timeline.export.dates import display_date
from timeline.export.detail import EventDetail, Mention, format_event_detail
from timeline.export.formats import FORMATS, TABLE_FORMATS, write_events, write_table
from timeline.export.sanitize import clean_terminal, neutralise_cell

__all__ = [
    "FORMATS",
    "TABLE_FORMATS",
    "EventDetail",
    "Mention",
    "clean_terminal",
    "display_date",
    "format_event_detail",
    "neutralise_cell",
    "write_events",
    "write_table",
]
