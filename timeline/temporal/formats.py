"""Output forms of tagged text: TimeML documents, JSON records and a plain-text table.

The CLI (`timeline tag`) and Python users share these, so the CLI stays a thin shell.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from timeline.temporal.timeml import TimeMLDocument, write_timeml
from timeline.temporal.types import Timex


def timex_record(timex: Timex) -> dict[str, Any]:
    """One timex as a JSON-ready mapping (ISO dates, None where unknown)."""
    interval = timex.interval
    return {
        "start": timex.start,
        "end": timex.end,
        "text": timex.surface,
        "type": str(timex.type),
        "value": timex.value,
        "mod": timex.mod,
        "date_start": interval.start.isoformat() if interval else None,
        "date_end": interval.end.isoformat() if interval else None,
        "precision": str(interval.precision) if interval else None,
        "approximate": interval.approximate if interval else False,
        "anchored": timex.anchored,
    }


def to_json(name: str, dct: dt.date | None, timexes: Sequence[Timex], indent: int | None = 2) -> str:
    """A document's timexes as one JSON object: {"file", "dct", "timexes": [...]}."""
    payload = {
        "file": name,
        "dct": dct.isoformat() if dct else None,
        "timexes": [timex_record(t) for t in timexes],
    }
    return json.dumps(payload, ensure_ascii=False, indent=indent)


def to_table(timexes: Sequence[Timex]) -> str:
    """A fixed-width table, one timex per line, for reading in a terminal."""
    rows = [("start", "end", "type", "value", "mod", "interval", "text")]
    for t in timexes:
        interval = f"{t.interval.start}..{t.interval.end}" if t.interval else ""
        surface = " ".join(t.surface.split())
        rows.append((str(t.start), str(t.end), str(t.type), t.value, t.mod or "", interval, surface))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1]
             for row in rows]
    return "\n".join(line.rstrip() for line in lines)


def to_timeml(doc: TimeMLDocument, timexes: Sequence[Timex], dct: dt.date | None) -> str:
    """The document's text as TimeML with its DCT and these timexes (other tags dropped)."""
    docid = doc.name.rsplit(".", 1)[0] if doc.name else ""
    return write_timeml(doc.text, timexes, dct, docid=docid)
