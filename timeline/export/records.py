"""Event rows and SQL result values as the cells and objects every output format writes.

One place decides the exported columns of an event, how a Python value reads in a text cell and
how it goes into JSON, so that CSV, JSON, markdown and the terminal table agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal

from timeline.store.rows import CSV_COLUMNS, EventRow

# DESIGN.md fixes the first columns; "more columns may follow", and whether a date is
# approximate is the one fact a spreadsheet user cannot rebuild from the others.
EVENT_COLUMNS: tuple[str, ...] = (*CSV_COLUMNS, "approximate")

# Columns whose text comes from the documents (and so may carry a formula or escape sequence),
# as opposed to ids, ISO dates, precisions and TIMEX3 values that timeline itself produces.
DOCUMENT_TEXT_COLUMNS: frozenset[str] = frozenset(
    {"date_text", "actors", "places", "text", "document"}
)

# "; " as in DESIGN.md: commas occur inside actor names ("Cairo, Egypt"), semicolons do not.
LIST_SEPARATOR = "; "


def event_cells(row: EventRow) -> list[str]:
    """The EVENT_COLUMNS of ``row`` as text, list columns joined with '; '."""
    return [*row.csv_values(), bool_text(row.approximate)]


def event_object(row: EventRow) -> dict[str, object]:
    """The EVENT_COLUMNS of ``row`` as a JSON object: lists stay lists, the id an int."""
    return {
        "event_id": row.event_id,
        "date_start": row.date_start,
        "date_end": row.date_end,
        "precision": row.precision,
        "date_text": row.date_text,
        "timex_value": row.timex_value,
        "actors": list(row.actors),
        "places": list(row.places),
        "text": row.text,
        "document": row.document,
        "published": row.published,
        "approximate": row.approximate,
    }


def bool_text(value: bool) -> str:
    """'true' or 'false', as JSON spells them (spreadsheets and pandas read both as booleans)."""
    return "true" if value else "false"


def cell_text(value: object) -> str:
    """A SQL result value as cell text: NULL is empty, bytes are hex, booleans true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return bool_text(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def json_value(value: object) -> object:
    """A SQL result value as something ``json.dumps`` writes as valid JSON.

    Numbers, strings, booleans and NULL pass through; NaN and infinities (not JSON) become null;
    Decimal becomes a number only when that loses nothing; anything else becomes its cell text.
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        as_float = float(value)
        return (
            as_float if math.isfinite(as_float) and Decimal(repr(as_float)) == value else str(value)
        )
    return cell_text(value)


def unique_keys(columns: Sequence[str]) -> list[str]:
    """Column names made unique for JSON keys: a second ``id`` becomes ``id_2``.

    ``SELECT a.id, b.id`` is legal SQL; a JSON object with two ``id`` keys keeps only one.
    """
    seen: set[str] = set()
    keys: list[str] = []
    for column in columns:
        key, suffix = column, 2
        while key in seen:
            key, suffix = f"{column}_{suffix}", suffix + 1
        seen.add(key)
        keys.append(key)
    return keys
