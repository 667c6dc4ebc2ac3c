"""Show an event's interval the way a reader would write it: "Aug 2016", "Q3 2016", "~2014".

An interval is two inclusive ISO days plus a precision (DESIGN.md, Dates). The display names the
whole units it covers at that precision ("1994", "2005–2012", "Mar 2005–Jun 2006") and shares
what both ends have in common ("3–5 Mar 2013", "Mar–Jun 2006"). When the ends do not fall on
the unit's boundaries ("since 2010" is 2010-01-01..2016-08-23 at year precision), the next finer
unit that fits is used, down to days, so the display never claims more than the interval says.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

# En dash, unspaced, as in "2005–2012" (the Chicago Manual's range dash).
RANGE_DASH = "–"

MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip

# Meteorological seasons of the northern hemisphere, by month: what news in English means by
# "summer 2016". The interval's own dates decide the season, so a tagger that uses astronomical
# seasons (21 June..22 September) still gets the right name (see _season_of).
_SEASON_OF_MONTH = {
    12: "Winter", 1: "Winter", 2: "Winter",
    3: "Spring", 4: "Spring", 5: "Spring",
    6: "Summer", 7: "Summer", 8: "Summer",
    9: "Autumn", 10: "Autumn", 11: "Autumn",
}  # fmt: skip

# A season is about 91 days; anything longer than this covers two seasons or more.
_LONGEST_SEASON_DAYS = 100


def display_date(date_start: str, date_end: str, precision: str, approximate: bool = False) -> str:
    """Return the interval ``date_start``..``date_end`` (inclusive ISO days) for a reader.

    >>> display_date("2016-08-01", "2016-08-31", "month", False)
    'Aug 2016'
    >>> display_date("2005-01-01", "2012-12-31", "year", False)
    '2005–2012'
    >>> display_date("2014-01-01", "2014-12-31", "year", True)
    '~2014'

    Dates that are not ISO days are shown as given rather than raising: a display must not
    stop an export.
    """
    try:
        start = date.fromisoformat(date_start)
        end = date.fromisoformat(date_end)
    except ValueError:
        text = date_start if date_start == date_end else f"{date_start}{RANGE_DASH}{date_end}"
    else:
        text = _display(start, end, precision)
    return "~" + text if approximate else text


def _display(start: date, end: date, precision: str) -> str:
    if precision == "season":
        return _seasons(start, end)
    if precision == "week":
        return _weeks(start, end) if _week_aligned(start, end) else _days(start, end)
    for unit in _FINER_UNITS.get(precision, ("day",)):
        aligned, show = _UNITS[unit]
        if aligned(start, end):
            return show(start, end)
    return _days(start, end)  # unreachable: days always align


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _month_aligned(start: date, end: date) -> bool:
    return start.day == 1 and end == _month_end(end)


def _quarter_aligned(start: date, end: date) -> bool:
    return _month_aligned(start, end) and start.month % 3 == 1 and end.month % 3 == 0


def _year_aligned(start: date, end: date) -> bool:
    return (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31)


def _decade_aligned(start: date, end: date) -> bool:
    return _year_aligned(start, end) and start.year % 10 == 0 and end.year % 10 == 9


def _century_aligned(start: date, end: date) -> bool:
    # Both conventions: the popular 1900..1999 and the strict 1901..2000 "20th century".
    return _year_aligned(start, end) and (
        (start.year % 100 == 0 and end.year % 100 == 99)
        or (start.year % 100 == 1 and end.year % 100 == 0)
    )


def _week_aligned(start: date, end: date) -> bool:
    return start.weekday() == 0 and ((end - start).days + 1) % 7 == 0


def _always(start: date, end: date) -> bool:
    return True


def _year(day: date) -> str:
    return str(day.year)


def _range(first: str, last: str, shared: str = "") -> str:
    """``first``–``last`` followed by what both ends share, or one value when they are equal."""
    body = first if first == last else f"{first}{RANGE_DASH}{last}"
    return f"{body}{shared}"


def _days(start: date, end: date) -> str:
    def day_month(day: date) -> str:
        return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]}"

    if start.year != end.year:
        return _range(f"{day_month(start)} {start.year}", f"{day_month(end)} {end.year}")
    if start.month == end.month:
        month = MONTH_ABBREVIATIONS[start.month - 1]
        return _range(str(start.day), str(end.day), f" {month} {start.year}")
    return _range(day_month(start), day_month(end), f" {start.year}")


def _months(start: date, end: date) -> str:
    first, last = MONTH_ABBREVIATIONS[start.month - 1], MONTH_ABBREVIATIONS[end.month - 1]
    if start.year == end.year:
        return _range(first, last, f" {start.year}")
    return _range(f"{first} {start.year}", f"{last} {end.year}")


def _quarters(start: date, end: date) -> str:
    first, last = f"Q{(start.month - 1) // 3 + 1}", f"Q{(end.month - 1) // 3 + 1}"
    if start.year == end.year:
        return _range(first, last, f" {start.year}")
    return _range(f"{first} {start.year}", f"{last} {end.year}")


def _years(start: date, end: date) -> str:
    return _range(_year(start), _year(end))


def _decades(start: date, end: date) -> str:
    return _range(f"{start.year // 10 * 10}s", f"{end.year // 10 * 10}s")


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _centuries(start: date, end: date) -> str:
    first = start.year // 100 + 1 if start.year % 100 == 0 else (start.year - 1) // 100 + 1
    last = end.year // 100 + 1 if end.year % 100 == 99 else end.year // 100
    return _range(ordinal(first), ordinal(last), " century")


def _weeks(start: date, end: date) -> str:
    first_year, first_week, _ = start.isocalendar()
    last_year, last_week, _ = (end - timedelta(days=6)).isocalendar()
    if (first_year, first_week) == (last_year, last_week):
        return f"Week {first_week}, {first_year}"
    if first_year == last_year:
        return f"Weeks {first_week}{RANGE_DASH}{last_week}, {first_year}"
    return f"Week {first_week}, {first_year}{RANGE_DASH}Week {last_week}, {last_year}"


def _season_of(day: date) -> tuple[str, int]:
    return _SEASON_OF_MONTH[day.month], day.year


def _seasons(start: date, end: date) -> str:
    if (end - start).days < _LONGEST_SEASON_DAYS:
        name, year = _season_of(start + (end - start) / 2)
        if start.year != end.year:  # a winter across the new year: "Winter 2016–17"
            return f"{name} {start.year}{RANGE_DASH}{end.year % 100:02d}"
        return f"{name} {year}"
    # Two weeks in from each end, so that a season starting on the 21st is named for the
    # months it mostly covers.
    first, first_year = _season_of(start + timedelta(days=15))
    last, last_year = _season_of(end - timedelta(days=15))
    if first_year == last_year:
        return _range(first, last, f" {first_year}")
    return _range(f"{first} {first_year}", f"{last} {last_year}")


_Unit = tuple[Callable[[date, date], bool], Callable[[date, date], str]]

_UNITS: dict[str, _Unit] = {
    "century": (_century_aligned, _centuries),
    "decade": (_decade_aligned, _decades),
    "year": (_year_aligned, _years),
    "quarter": (_quarter_aligned, _quarters),
    "month": (_month_aligned, _months),
    "day": (_always, _days),
}

# For each precision, the units tried in turn, coarsest first; an unknown precision shows days.
_FINER_UNITS: dict[str, tuple[str, ...]] = {
    "century": ("century", "decade", "year", "month", "day"),
    "decade": ("decade", "year", "month", "day"),
    "year": ("year", "month", "day"),
    "quarter": ("quarter", "month", "day"),
    "month": ("month", "day"),
    "day": ("day",),
}
