"""Which date expressions make events, and with which interval.

* DATE/TIME expressions make events with their own interval, or with none when the document
  has no DCT and the expression is relative (resolved later, DESIGN.md "Dates").
* Vague references ("recently", "current", PAST_REF/PRESENT_REF/FUTURE_REF) make events only
  when the tagger anchored them to an interval ("in the recent years").
* SET expressions ("every year") never make events.
* A DURATION makes an event when it is anchored ("in the last three years", "since 2010"),
  or when it is anchored on another dated event of the same sentence: "almost twenty years
  after the attack ... in 1994" is about 2014, "in 1990 ..., two years later" about 1992
  (approximate, at the precision of the duration's unit). A bare duration ("after 36 years")
  makes none.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from timeline.temporal.types import Interval, Precision, Timex, TimexType

__all__ = ["derived_interval", "event_interval"]

_REF_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
_DURATION = re.compile(r"P(?P<n>\d+(?:\.\d+)?)(?P<unit>[YMWD])")
# "twenty years after", "two weeks before"; bounded window after the duration.
_CLOCK = re.compile(r"\s*(?:GMT|UTC|local time|hours|hrs)\b")
_DIRECTION = re.compile(r"\s*(?P<dir>after|before|later|earlier)\b", re.IGNORECASE)


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def derived_interval(duration: Timex, anchor: Interval, direction: str) -> Interval | None:
    """``duration`` after (or before) ``anchor``: an approximate interval at the precision of
    the duration's unit (years -> a year, months -> a month, weeks/days -> a day)."""
    m = _DURATION.fullmatch(duration.value)
    if m is None:
        return None
    n = int(float(m.group("n")))
    sign = -1 if direction in {"before", "earlier"} else 1
    unit = m.group("unit")
    base = anchor.start
    try:
        if unit == "Y":
            year = base.year + sign * n
            return Interval(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, True)
        if unit == "M":
            d = _add_months(base, sign * n)
            last = calendar.monthrange(d.year, d.month)[1]
            return Interval(
                date(d.year, d.month, 1), date(d.year, d.month, last), Precision.MONTH, True
            )
        days = n * (7 if unit == "W" else 1)
        d = date.fromordinal(base.toordinal() + sign * days)
        return Interval(d, d, Precision.DAY, True)
    except (ValueError, OverflowError):  # out of the calendar's range: no derived date
        return None


def event_interval(
    timex: Timex, text: str, sentence_end: int, sentence_timexes: list[Timex]
) -> tuple[bool, Interval | None]:
    """(makes an event?, its interval) for ``timex`` in its sentence."""
    if timex.type is TimexType.SET:
        return False, None
    if timex.type is TimexType.DURATION:
        if timex.anchored:
            return True, timex.interval
        direction = _direction(timex, text, sentence_end)
        if direction is None:
            return False, None
        dated = [
            t
            for t in sentence_timexes
            if t.type in (TimexType.DATE, TimexType.TIME) and t.interval is not None
        ]
        # "twenty years after [the attack in 1994]": the anchor follows; "in 1990 ...,
        # [two years later]": it precedes
        if direction in {"after", "before"}:
            anchor = next((t for t in dated if t.start >= timex.end), None)
        else:
            anchor = next((t for t in reversed(dated) if t.end <= timex.start), None)
        if anchor is None or anchor.interval is None:
            return False, None
        derived = derived_interval(timex, anchor.interval, direction)
        return derived is not None, derived
    if timex.value in _REF_VALUES and not timex.anchored:
        return False, None
    if _CLOCK.match(text, timex.end, min(sentence_end, timex.end + 12)) and timex.surface.isdigit():
        return False, None  # "(1000 GMT)" is a time of day, not the year 1000
    return True, timex.interval


def _direction(timex: Timex, text: str, sentence_end: int) -> str | None:
    words = timex.surface.lower().split()
    if words and words[-1] in {"after", "before", "later", "earlier"}:
        return words[-1]
    m = _DIRECTION.match(text, timex.end, min(sentence_end, timex.end + 12))
    return m.group("dir").lower() if m is not None else None
