"""Parsing the dates users type in filters: 2005, 2005-03 or 2005-03-01."""

from __future__ import annotations

import calendar
import re
from datetime import date

_PARTIAL = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?")


def parse_partial_date(value: str) -> tuple[date, date]:
    """The first and last day a partial ISO date covers; ValueError with the value if invalid."""
    m = _PARTIAL.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"invalid date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m["y"])
    try:
        if m["d"]:
            day = date(year, int(m["m"]), int(m["d"]))
            return day, day
        if m["m"]:
            month = int(m["m"])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
    except ValueError:
        raise ValueError(f"invalid date {value!r}: no such day or month") from None
    return date(year, 1, 1), date(year, 12, 31)
