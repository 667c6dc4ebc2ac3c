"""What every resolver shares: the Resolution it returns, the Context it reads, and helpers.

A resolver turns a rule's named groups into a TIMEX3 type, value, modifier and interval. It
reads the document creation time (DCT) and, where the text leaves the direction open, the
sentence's tense; it returns None to veto a match ("fifth quarter", "a second") so that the
matcher can try a shorter reading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from timeline.temporal.tense import Tense
from timeline.temporal.types import Interval, TimexType
from timeline.temporal.values import (
    interval_for_value,
    narrow,
)

Fields = Mapping[str, int | str]


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a resolver found: everything of a Timex but its offsets."""

    type: TimexType
    value: str
    mod: str | None = None
    interval: Interval | None = None
    anchored: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver may look at besides the groups: DCT, tense, earlier quarter."""

    dct: dt.date | None
    surface: str
    tense: Callable[[], Tense]
    # The latest quarter named earlier in the document: financial news dates "a year ago"
    # and "the year-earlier quarter" against it.
    last_quarter: str | None = None
    # The number words of the vocabulary, for counts spelled inside other groups.
    numbers: Mapping[str, int | str] = field(default_factory=dict)
    # The expression is followed by "ended"/"ending" (a fiscal period named by its last day).
    followed_by_end: bool = False
    # The value of the nearest date expression just before this one (same passage), which
    # "a year earlier" is counted from: "sales in the third quarter ... a year earlier".
    previous_value: str | None = None
    # The value of that nearest expression when it is a length ("the first nine months"):
    # "a year earlier" after year-to-date figures compares whole years.
    previous_length: str | None = None
    # The latest date the text named before this expression, however far back: the temporal
    # focus that "that year", "later that day" and "the next morning" refer to.
    focus_value: str | None = None
    # The value of a day named right before this expression with at most "at" or a comma
    # between ("Friday at 8 a.m.", "June 5, 10 a.m."): the day a bare clock time is on.
    adjacent_day: str | None = None


UNDERSPECIFIED = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "Q": "XXXX-QX", "D": "XXXX-XX-XX"}


def int_field(fields: Fields, name: str) -> int | None:
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, int):
        return value
    digits = re.sub(r"\D", "", value)
    return int(digits) if digits else None


_FRACTIONS = {
    "half": 0.5, "half a": 0.5, "half an": 0.5,
    "a quarter": 0.25, "a quarter of a": 0.25, "a quarter of an": 0.25,
    "three quarters of a": 0.75, "three-quarters of a": 0.75,
}  # fmt: skip


def parse_count(text: str, words: Mapping[str, int | str]) -> float | None:
    """A count in digits or words: "36" -> 36, "twenty-four" -> 24; unknown ("few") -> -1.

    Two words combine only as tens and units ("twenty four"); "a five" is no number, so that
    "a five-hour visit" is read from "five".
    """
    text = " ".join(text.strip().lower().split())
    if text in _FRACTIONS:  # "half a century", "a quarter of a century"
        return _FRACTIONS[text]
    for tail in (" and a half", " and half"):  # "two and a half", "three and half" (a slip)
        if text.endswith(tail):
            base = parse_count(text[: -len(tail)], words)
            return base + 0.5 if base is not None and base > 0 else None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    fraction = re.fullmatch(r"(?P<whole>\d+)\s+(?P<num>\d+)/(?P<den>\d+)", text)
    if fraction:
        return int(fraction["whole"]) + int(fraction["num"]) / int(fraction["den"])
    whole = words.get(" ".join(text.split()))
    if isinstance(whole, int):
        return float(whole)
    parts = [p for p in re.split(r"[-\s]+", text) if p]
    values = [words.get(p) for p in parts]
    if len(values) != 2 or not all(isinstance(v, int) for v in values):
        return None
    tens, units = values
    assert isinstance(tens, int) and isinstance(units, int)
    if tens < 20 or tens % 10 or not 1 <= units <= 9:
        return None
    return float(tens + units)


def mod_of(fields: Fields) -> str | None:
    position = fields.get("mod")
    if isinstance(position, str):
        return position
    approx = fields.get("approx")
    if isinstance(approx, str):
        return approx
    return "APPROX" if "or_so" in fields else None  # "two years or so"


def year_of(fields: Fields, dct: dt.date | None) -> int | None:
    year = int_field(fields, "year") or int_field(fields, "year_from") or int_field(fields, "year_dash")
    if year is not None:
        return year
    two = int_field(fields, "year2")
    if two is None:
        return None
    # A two-digit year is the one of its century nearest to the DCT ('98 in 2016 is 1998).
    pivot = dct.year if dct else 2000
    candidates = [c + two for c in (pivot // 100 * 100 - 100, pivot // 100 * 100)]
    return min(candidates, key=lambda y: (abs(y - pivot), -y)) if two else pivot // 100 * 100


def finish(type_: TimexType, value: str, mod: str | None, anchored: bool = False) -> Resolution:
    interval = interval_for_value(value) if type_ in (TimexType.DATE, TimexType.TIME) else None
    if interval is not None and mod is not None:
        interval = narrow(interval, mod)
        if mod in {"APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}:
            interval = Interval(interval.start, interval.end, interval.precision, True)
    return Resolution(type_, value, mod, interval, anchored)


# How far past the DCT a past-tense month or day may lie and still be this year's ("payable
# Dec. 7" in a November article), and how far before it a future-tense one may lie.
PAST_SLACK = dt.timedelta(days=90)


FUTURE_SLACK = dt.timedelta(days=30)
FIRM_SLACK = dt.timedelta(days=7)


def year_for(month: int, day: int, ctx: Context) -> int | None:
    """The year of a month (and day) the text gives without one, by the sentence's tense.

    Past: the latest such date not far after the DCT; future: the earliest not far before it.
    """
    if ctx.dct is None:
        # No DCT: "In 1916, the battle began on 1 July" takes the year the text names last;
        # with none named the year stays open.
        focus = interval_for_value(ctx.focus_value or "")
        if focus is not None and focus.start.year == focus.end.year:
            return focus.start.year
        return None
    dct = ctx.dct
    candidates: list[tuple[int, dt.date]] = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append((year, dt.date(year, month, day or 15)))
        except ValueError:
            candidates.append((year, dt.date(year, month, 28)))
    # With no cue the sentence is read as past (news mostly reports what happened), with some
    # slack after the DCT; a present passive ("when elections are held on July 20") takes the
    # nearer of last year's and this year's (or next year's) date.
    tense = ctx.tense()
    if tense is Tense.FUTURE:
        return next(y for y, d in candidates if d >= dct - FUTURE_SLACK)
    if tense is Tense.PAST_FIRM:
        # "He was released on 12 January", "fled in December": what a finite past verb
        # reports has happened, so it lies before the DCT (a bare month may be the DCT's).
        # A week's slack for a day: DCTs are often a day or two before the date on the paper.
        return [y for y, d in candidates
                if (d - FIRM_SLACK if day else d.replace(day=1)) <= dct][-1]
    if tense is Tense.PAST_ED and not day:
        # "signed the deal in December" in a November article: last December. A bare month
        # after a past verb lies before the DCT (or is its month); a day keeps the slack of
        # "declared payable Dec. 7".
        return [y for y, d in candidates if d.replace(day=1) <= dct][-1]
    if tense is Tense.PRESENT:
        return min(candidates, key=lambda yd: abs((yd[1] - dct).days))[0]
    return [y for y, d in candidates if d <= dct + PAST_SLACK][-1]


def weekday_date(weekday: int, ctx: Context) -> dt.date | None:
    """The date of a bare weekday: the latest one up to the DCT, the next one in the future, the
    nearer one in the present."""
    if ctx.dct is None:
        return None
    delta = (ctx.dct.isoweekday() - weekday) % 7
    tense = ctx.tense()
    if tense is Tense.FUTURE or (tense is Tense.PRESENT and delta > 3):
        # A present passive or a term set in the past ("adjourned until Wednesday") takes the
        # nearer of the two weekdays around the DCT.
        return ctx.dct + dt.timedelta(days=(weekday - ctx.dct.isoweekday()) % 7)
    return ctx.dct - dt.timedelta(days=delta)


SEASON_WORDS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def season_start(year: int, season: str) -> dt.date:
    return dt.date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season], 1)
