"""TIMEX3 values <-> calendar intervals, and the calendar arithmetic both directions need.

A TIMEX3 value names a calendar unit (``1994``, ``2016-08``, ``2016-W33``, ``1998-Q3``,
``1998-SP``, ``199`` for a decade, ``19`` for a century, ``2016-08-22T08:00``); its interval is
the inclusive range of days that unit covers. Underspecified values (``XXXX-08``) and
references (``PAST_REF``) have no interval.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from timeline.temporal.types import Interval, Precision

_VALUE_RE = re.compile(
    r"^(?:(?P<century>\d{2})|(?P<decade>\d{3})|(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})(?:-(?P<wday>\d))?"
    r"|Q(?P<quarter>\d)|H(?P<half>\d)|(?P<season>SP|SU|FA|WI)))?)"
    r"(?:T.*)?$"
)

# Meteorological seasons (northern hemisphere), the convention news uses for "spring 2012".
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years (29 February becomes 28 February)."""
    return add_months(day, 12 * years)


def weekend_of(day: dt.date) -> tuple[str, Interval]:
    """The TIMEX3 value (``2016-W33-WE``) and the Saturday and Sunday of the ISO week of ``day``."""
    iso = day.isocalendar()
    saturday = dt.date.fromisocalendar(iso.year, iso.week, 6)
    return f"{week_value(day)}-WE", Interval(saturday, saturday + dt.timedelta(days=1), Precision.DAY)


def week_value(day: dt.date) -> str:
    """The ISO week of a day as a TIMEX3 value (``2016-W33``)."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def quarter_of(day: dt.date) -> int:
    """1..4."""
    return (day.month - 1) // 3 + 1


def season_of(day: dt.date) -> tuple[int, str]:
    """The meteorological season a day falls in, with the year TIMEX3 gives it."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    return day.year, ("SP", "SU", "FA")[(day.month - 3) // 3]


def _safe(year: int) -> bool:
    return 1 <= year <= 9998


def interval_for_value(value: str) -> Interval | None:
    """The days a fully specified TIMEX3 DATE/TIME value covers, or None."""
    m = _VALUE_RE.match(value)
    if m is None:
        return None
    try:
        if m["century"]:
            c = int(m["century"])
            return Interval(
                dt.date(max(c * 100, 1), 1, 1), dt.date(c * 100 + 99, 12, 31), Precision.CENTURY
            )
        if m["decade"]:
            d = int(m["decade"]) * 10
            return Interval(dt.date(max(d, 1), 1, 1), dt.date(d + 9, 12, 31), Precision.DECADE)
        year = int(m["year"])
        if not _safe(year):
            return None
        if m["day"]:
            day = dt.date(year, int(m["month"]), int(m["day"]))
            return Interval(day, day, Precision.DAY)
        if m["month"]:
            month = int(m["month"])
            return Interval(dt.date(year, month, 1), month_end(year, month), Precision.MONTH)
        if m["week"]:
            monday = dt.date.fromisocalendar(year, int(m["week"]), 1)
            if m["wday"]:
                day = monday + dt.timedelta(days=int(m["wday"]) - 1)
                return Interval(day, day, Precision.DAY)
            return Interval(monday, monday + dt.timedelta(days=6), Precision.WEEK)
        if m["quarter"]:
            q = int(m["quarter"])
            if not 1 <= q <= 4:
                return None
            return Interval(dt.date(year, 3 * q - 2, 1), month_end(year, 3 * q), Precision.QUARTER)
        if m["half"]:
            h = int(m["half"])
            if not 1 <= h <= 2:
                return None
            return Interval(dt.date(year, 6 * h - 5, 1), month_end(year, 6 * h), Precision.QUARTER)
        if m["season"]:
            first, last = SEASON_MONTHS[m["season"]]
            end_year = year + 1 if last < first else year
            return Interval(dt.date(year, first, 1), month_end(end_year, last), Precision.SEASON)
        return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR)
    except ValueError:
        return None


def narrow(interval: Interval, mod: str | None) -> Interval:
    """The part of an interval a START/MID/END modifier points at: a third, approximate."""
    if mod not in {"START", "MID", "END"}:
        return interval
    days = (interval.end - interval.start).days + 1
    if days < 3:  # a day (or two) has no thirds: "mid-afternoon yesterday" is that day
        return Interval(interval.start, interval.end, interval.precision, approximate=True)
    third = days // 3
    if mod == "START":
        start, end = interval.start, interval.start + dt.timedelta(days=third - 1)
    elif mod == "END":
        start, end = interval.end - dt.timedelta(days=third - 1), interval.end
    else:
        start = interval.start + dt.timedelta(days=third)
        end = min(interval.end, start + dt.timedelta(days=max(days - 2 * third, 1) - 1))
    return Interval(start, end, interval.precision, approximate=True)


def span(first: Interval, last: Interval) -> Interval:
    """One interval from the start of ``first`` to the end of ``last`` (a range)."""
    start, end = min(first.start, last.start), max(first.end, last.end)
    return Interval(
        start,
        end,
        max(first.precision, last.precision, key=lambda p: p.rank),
        first.approximate or last.approximate,
    )


# Months in the units a fractional count is read in ("half a century", "a year and a half").
MONTHS_IN = {"Y": 12, "DE": 120, "CE": 1200, "ML": 12000}


def shift_count(day: dt.date, unit: str, count: float) -> dt.date:
    """``day`` moved by ``count`` units, a fraction of a year or longer counted in months
    ("the past half-century" is 600 months back, "two and a half years" 30) and of a week in
    days ("two and a half weeks" is 18), halves rounded away from zero."""
    if count != int(count):
        if unit in MONTHS_IN:
            return add_months(day, _half_up(count * MONTHS_IN[unit]))
        if unit in ("W", "D"):
            return day + dt.timedelta(days=_half_up(count * (7 if unit == "W" else 1)))
    return shift(day, unit, _half_up(count))


def _half_up(x: float) -> int:
    """``x`` rounded half away from zero (Python's round() takes halves to the even number:
    round(2.5) is 2, which made "two and a half years" two)."""
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """``day`` moved by ``amount`` units (Y, M, W, FN, D, Q, DE, CE, ML, H)."""
    if unit == "Y":
        return add_years(day, amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "Q":
        return add_months(day, 3 * amount)
    if unit == "H":
        return add_months(day, 6 * amount)
    if unit == "DE":
        return add_years(day, 10 * amount)
    if unit == "CE":
        return add_years(day, 100 * amount)
    if unit == "ML":
        return add_years(day, 1000 * amount)
    if unit in ("W", "FN"):
        return day + dt.timedelta(weeks=amount * (2 if unit == "FN" else 1))
    return day + dt.timedelta(days=amount)


def unit_value(day: dt.date, unit: str) -> str:
    """The TIMEX3 value of the calendar unit (year, month, week...) that contains ``day``."""
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "H":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "W":
        return week_value(day)
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()
