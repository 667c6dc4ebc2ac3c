"""JSON (one array) and JSON Lines (one object a line), written as the rows arrive.

The array is written by hand, ``[``, objects separated by commas, ``]``, so that exporting 100,000
events never holds them all in memory. Each object sits on its own line, which keeps the array
readable and diffable. Text is written as UTF-8 characters, not ``\\u`` escapes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from timeline.export.records import event_object, json_value, unique_keys
from timeline.store.rows import EventRow


def _dumps(obj: dict[str, object]) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False)


def write_json_array(objects: Iterable[dict[str, object]], out: TextIO) -> int:
    """Write ``objects`` as one JSON array, streaming; return how many were written."""
    count = 0
    for obj in objects:
        out.write(("[\n" if count == 0 else ",\n") + _dumps(obj))
        count += 1
    out.write("[]\n" if count == 0 else "\n]\n")
    return count


def write_json_lines(objects: Iterable[dict[str, object]], out: TextIO) -> int:
    """Write ``objects`` one per line (JSON Lines); return how many were written."""
    count = 0
    for obj in objects:
        out.write(_dumps(obj) + "\n")
        count += 1
    return count


def event_objects(rows: Iterable[EventRow]) -> Iterator[dict[str, object]]:
    """Each event as its JSON object (see records.event_object)."""
    return (event_object(row) for row in rows)


def table_objects(
    columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> Iterator[dict[str, object]]:
    """Each result row as an object keyed by column name (repeated names get a suffix)."""
    keys = unique_keys(columns)
    for row in rows:
        yield {key: json_value(value) for key, value in zip(keys, row, strict=True)}
