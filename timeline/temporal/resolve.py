"""Turning a rule's named groups into a TIMEX3 type, value, modifier and interval.

One resolver per rule ``kind`` (patterns.toml). Resolvers read the document creation time
(DCT) and, where the text leaves the direction open, the sentence's tense. They return None to
veto a match ("fifth quarter", "a second"), so that the matcher can try a shorter reading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from timeline.temporal.tense import Tense
from timeline.temporal.types import Interval, Precision, TimexType
from timeline.temporal.values import (
    add_years,
    interval_for_value,
    narrow,
    quarter_of,
    season_of,
    shift,
    span,
    unit_value,
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


_UNDERSPECIFIED = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "Q": "XXXX-QX", "D": "XXXX-XX-XX"}


def _int(fields: Fields, name: str) -> int | None:
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, int):
        return value
    digits = re.sub(r"\D", "", value)
    return int(digits) if digits else None


def parse_count(text: str, words: Mapping[str, int | str]) -> float | None:
    """A count in digits or words: "36" -> 36, "twenty-four" -> 24; unknown ("few") -> -1.

    Two words combine only as tens and units ("twenty four"); "a five" is no number, so that
    "a five-hour visit" is read from "five".
    """
    text = text.strip().lower()
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


def _mod(fields: Fields) -> str | None:
    position = fields.get("mod")
    if isinstance(position, str):
        return position
    approx = fields.get("approx")
    return approx if isinstance(approx, str) else None


def _year(fields: Fields, dct: dt.date | None) -> int | None:
    year = _int(fields, "year") or _int(fields, "year_from") or _int(fields, "year_dash")
    if year is not None:
        return year
    two = _int(fields, "year2")
    if two is None:
        return None
    # A two-digit year is the one of its century nearest to the DCT ('98 in 2016 is 1998).
    pivot = dct.year if dct else 2000
    candidates = [c + two for c in (pivot // 100 * 100 - 100, pivot // 100 * 100)]
    return min(candidates, key=lambda y: (abs(y - pivot), -y)) if two else pivot // 100 * 100


def _finish(type_: TimexType, value: str, mod: str | None, anchored: bool = False) -> Resolution:
    interval = interval_for_value(value) if type_ in (TimexType.DATE, TimexType.TIME) else None
    if interval is not None and mod is not None:
        interval = narrow(interval, mod)
        if mod in {"APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}:
            interval = Interval(interval.start, interval.end, interval.precision, True)
    return Resolution(type_, value, mod, interval, anchored)


# How far past the DCT a past-tense month or day may lie and still be this year's ("payable
# Dec. 7" in a November article), and how far before it a future-tense one may lie.
_PAST_SLACK = dt.timedelta(days=90)
_FUTURE_SLACK = dt.timedelta(days=30)


def _year_for(month: int, day: int, ctx: Context) -> int | None:
    """The year of a month (and day) the text gives without one, by the sentence's tense.

    Past: the latest such date not far after the DCT; future: the earliest not far before it.
    """
    if ctx.dct is None:
        return None
    dct = ctx.dct
    candidates: list[tuple[int, dt.date]] = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append((year, dt.date(year, month, day or 15)))
        except ValueError:
            candidates.append((year, dt.date(year, month, 28)))
    # With no cue the sentence is read as past: news mostly reports what happened.
    if ctx.tense() is Tense.FUTURE:
        return next(y for y, d in candidates if d >= dct - _FUTURE_SLACK)
    return [y for y, d in candidates if d <= dct + _PAST_SLACK][-1]


def _weekday_date(weekday: int, ctx: Context) -> dt.date | None:
    """The date of a bare weekday: the latest one up to the DCT, or the next one in the future."""
    if ctx.dct is None:
        return None
    delta = (ctx.dct.isoweekday() - weekday) % 7
    if ctx.tense() is Tense.FUTURE:
        return ctx.dct + dt.timedelta(days=(weekday - ctx.dct.isoweekday()) % 7)
    return ctx.dct - dt.timedelta(days=delta)


def _holiday(code: str, year: int) -> dt.date | None:
    if code == "THANKSGIVING":
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if code in {"EASTER", "GOOD_FRIDAY"}:
        from dateutil.easter import easter  # only needed for these two feasts

        sunday = easter(year)
        return sunday - dt.timedelta(days=2) if code == "GOOD_FRIDAY" else sunday
    month, day = code.split("-")
    return dt.date(year, int(month), int(day))


def resolve_date(fields: Fields, ctx: Context) -> Resolution | None:
    """Calendar dates spelled out in full or in part: years, months, days, quarters, decades."""
    mod = _mod(fields)
    dct = ctx.dct
    year = _year(fields, dct)
    if "decade" in fields:
        return _finish(TimexType.DATE, str(fields["decade"])[:3], mod)
    if "decade_word" in fields:
        digit = _int(fields, "decade_word") or 0
        century = dct.year // 100 if dct else 19
        if dct and century * 100 + digit * 10 > dct.year:
            century -= 1
        return _finish(TimexType.DATE, f"{century}{digit}", mod)
    if "season_word" in fields or "fall" in fields:
        code = _SEASON_WORDS[str(fields.get("season_word") or fields.get("fall")).lower()]
        if dct is None:
            return _finish(TimexType.DATE, f"XXXX-{code}", mod)
        season_year = dct.year
        if _season_start(season_year, code) > dct and ctx.tense() is not Tense.FUTURE:
            season_year -= 1
        return _finish(TimexType.DATE, f"{season_year:04d}-{code}", mod)
    if "spoken_year" in fields:
        spoken = str(fields["spoken_year"]).lower().split(None, 1)
        if spoken[0] == "nineteen":
            rest = parse_count(spoken[1], ctx.numbers) if len(spoken) > 1 else None
            return _finish(TimexType.DATE, f"19{int(rest):02d}", mod) if rest and rest < 100 else None
        tail = spoken[1].replace("thousand", "", 1).replace("and", "", 1).strip() if len(spoken) > 1 else ""
        rest = parse_count(tail, ctx.numbers) if tail else 0.0
        return _finish(TimexType.DATE, f"{2000 + int(rest):04d}", mod) if rest is not None else None
    if "short_decade" in fields:
        digit = str(fields["short_decade"])[1]
        century = (dct.year // 100) if dct else 19
        if dct and int(f"{century}{digit}0") > dct.year:
            century -= 1
        return _finish(TimexType.DATE, f"{century}{digit}", mod)
    if "century" in fields:
        n = _int(fields, "century")
        if n is None or not 1 <= n <= 21:
            return None
        return _finish(TimexType.DATE, f"{n - 1:02d}", mod)
    if "holiday" in fields:
        if year is None and dct is not None:
            year = dct.year
        if year is None:
            return _finish(TimexType.DATE, "XXXX-XX-XX", mod)
        when = _holiday(str(fields["holiday"]), year)
        if (when is not None and dct is not None and "year" not in fields and when > dct
                and ctx.tense() is not Tense.FUTURE):
            when = _holiday(str(fields["holiday"]), year - 1)
        return _finish(TimexType.DATE, when.isoformat() if when else f"{year}", mod)
    quarter = _int(fields, "quarter") or _int(fields, "quarter_num")
    if "quarter" in fields or "quarter_num" in fields:
        if quarter is None or not 1 <= quarter <= 4:
            return None
        if year is None and "rel_year" in fields and dct is not None:
            year = dct.year + int(fields["rel_year"])
        if year is None:
            year = dct.year if dct else None
        return _finish(TimexType.DATE, f"{year:04d}-Q{quarter}" if year else f"XXXX-Q{quarter}", mod)
    if "half" in fields:
        half = _int(fields, "half")
        if half not in (1, 2):
            return None
        year = year or (dct.year if dct else None)
        return _finish(TimexType.DATE, f"{year:04d}-H{half}" if year else f"XXXX-H{half}", mod)
    if "season" in fields:
        prefix = f"{year:04d}" if year else "XXXX"
        return _finish(TimexType.DATE, f"{prefix}-{fields['season']}", mod)
    month = _int(fields, "month") or _int(fields, "month_num")
    day = _int(fields, "day")
    if year is None and "rel" in fields and dct is not None:
        year = dct.year + int(fields["rel"])  # "March last year"
    if month is not None:
        if year is None:
            year = _year_for(month, day or 0, ctx)
        prefix = f"{year:04d}" if year else "XXXX"
        if day is not None:
            try:
                if year:
                    dt.date(year, month, day)
            except ValueError:
                return None
            return _finish(TimexType.DATE, f"{prefix}-{month:02d}-{day:02d}", mod)
        return _finish(TimexType.DATE, f"{prefix}-{month:02d}", mod)
    weekday = _int(fields, "weekday")
    if weekday is not None:
        date = _weekday_date(weekday, ctx)
        value = date.isoformat() if date else f"XXXX-WXX-{weekday}"
        return _finish(TimexType.DATE, value, mod)
    if year is not None:
        return _finish(TimexType.DATE, f"{year:04d}", mod)
    return None


_SEASON_WORDS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def _season_start(year: int, season: str) -> dt.date:
    return dt.date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season], 1)


_EARLIER_RE = re.compile(r"\bearlier\b", re.IGNORECASE)
_LATER_RE = re.compile(r"\blater\b", re.IGNORECASE)


def _split_at_dct(res: Resolution, surface: str, dct: dt.date) -> Resolution:
    """"earlier this year" ends at the DCT, "later this month" starts there.

    The TIMEX3 value and mod stay those of the corpora (2016, START); the interval is the part
    of the period before (or after) the document date, marked approximate.
    """
    if res.interval is None:
        return res
    interval = res.interval
    full = interval_for_value(res.value) or interval
    if _EARLIER_RE.search(surface) and full.start <= dct <= full.end:
        interval = Interval(full.start, dct, full.precision, approximate=True)
    elif _LATER_RE.search(surface) and full.start <= dct <= full.end:
        interval = Interval(dct, full.end, full.precision, approximate=True)
    return Resolution(res.type, res.value, res.mod, interval, res.anchored)


def resolve_relative(fields: Fields, ctx: Context) -> Resolution | None:
    """"last week", "next month", "this year", "last August", "this summer", "next Friday"."""
    mod = _mod(fields)
    dct = ctx.dct
    rel = int(fields.get("rel", 0))
    if "year_end" in fields:
        if dct is None:
            return _finish(TimexType.DATE, "XXXX", "END")
        return _finish(TimexType.DATE, f"{dct.year:04d}", "END")
    if "unit_year" in fields:
        if "fiscal" in ctx.surface.lower() or ctx.followed_by_end:
            # "the fiscal year", "the year ended June 30": a company's twelve months.
            return Resolution(TimexType.DURATION, "P1Y", mod)
        fields = {**fields, "unit": "Y", "rel": 0}
    if "unit_weekend" in fields:
        rel = 1 if ctx.tense() is Tense.FUTURE else -1
        fields = {**fields, "unit": "WE"}
    unit = fields.get("unit")
    if isinstance(unit, str):
        if unit in {"DE", "CE"} and rel < 0:
            years = 10 if unit == "DE" else 100
            if dct is None:
                return Resolution(TimexType.DURATION, f"P{years}Y", mod)
            interval = Interval(add_years(dct, -years), dct, Precision.YEAR, approximate=False)
            return Resolution(TimexType.DURATION, f"P{years}Y", mod, interval, anchored=True)
        if unit == "WE":
            if dct is None:
                return _finish(TimexType.DATE, "XXXX-WXX-WE", mod)
            ref = dct + dt.timedelta(weeks=rel)
            if rel < 0 and dct.isoweekday() >= 6:
                ref = dct  # "last weekend" said on a Sunday is the one ending today
            week = unit_value(ref, "W")
            monday = dt.date.fromisocalendar(ref.isocalendar().year, ref.isocalendar().week, 1)
            interval = Interval(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6),
                                Precision.DAY)
            return Resolution(TimexType.DATE, f"{week}-WE", mod, narrow(interval, mod) if mod else interval)
        if dct is None:
            return _finish(TimexType.DATE, _UNDERSPECIFIED.get(unit, "XXXX"), mod)
        resolved = _finish(TimexType.DATE, unit_value(shift(dct, unit, rel), unit), mod)
        return _split_at_dct(resolved, ctx.surface, dct) if rel == 0 else resolved
    if dct is None:
        if "month" in fields:
            return _finish(TimexType.DATE, f"XXXX-{int(fields['month']):02d}", mod)
        if "weekday" in fields:
            return _finish(TimexType.DATE, f"XXXX-WXX-{fields['weekday']}", mod)
        if "season" in fields:
            return _finish(TimexType.DATE, f"XXXX-{fields['season']}", mod)
        return None
    if "month" in fields:
        month = int(fields["month"])
        day = _int(fields, "day")
        year = dct.year
        if rel < 0 and (month, day or 0) >= (dct.month, dct.day if day else 0):
            year -= 1
        elif rel > 0 and (month, day or 32) <= (dct.month, dct.day if day else 32):
            year += 1
        if day is not None:
            try:
                return _finish(TimexType.DATE, dt.date(year, month, day).isoformat(), mod)
            except ValueError:
                return None
        return _finish(TimexType.DATE, f"{year:04d}-{month:02d}", mod)
    if "season" in fields:
        season = str(fields["season"])
        current_year, current = season_of(dct)
        year = current_year if season != "WI" or dct.month == 12 else dct.year
        if season == "WI" and dct.month > 2 and dct.month != 12:
            year = dct.year
        start = _season_start(year, season)
        current_start = _season_start(current_year, current)
        if rel < 0 and start >= current_start:
            year -= 1
        elif rel > 0 and start <= current_start:
            year += 1
        return _finish(TimexType.DATE, f"{year:04d}-{season}", mod)
    if "weekday" in fields:
        weekday = int(fields["weekday"])
        if rel < 0:
            when = dct - dt.timedelta(days=(dct.isoweekday() - weekday) % 7 or 7)
        elif rel > 0:
            when = dct + dt.timedelta(days=(weekday - dct.isoweekday()) % 7 or 7)
        else:
            when = dct + dt.timedelta(days=weekday - dct.isoweekday())
        return _finish(TimexType.DATE, when.isoformat(), mod)
    return None


# The unit a fraction of each unit is written in, and how many of them make one.
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
            "MIN": ("S", 60)}
_UNIT_LETTER = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "H": "H", "MIN": "M", "S": "S"}


def duration_value(amount: float | None, unit: str) -> str | None:
    """The TIMEX3 value of a length: P36Y, PT16H, P10Y for a decade, PXY for "several years"."""
    if amount is None:
        return None
    if unit == "WE":
        unit, amount = "D", amount * 2 if amount > 0 else amount
    if unit in {"DE", "CE", "Q"}:
        # TIMEX3 has no decade, century or quarter length: P10Y, P100Y, P3M.
        factor = {"DE": 10, "CE": 100, "Q": 3}[unit]
        unit, amount = ("M" if unit == "Q" else "Y"), amount * factor if amount > 0 else amount
    if amount < 0:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    elif unit in _SMALLER:
        # "5 1/2 hours" is PT5H30M: TIMEX3 writes fractions in the next smaller unit.
        smaller, factor = _SMALLER[unit]
        whole, rest = int(amount), round((amount - int(amount)) * factor)
        first = f"{whole}{_UNIT_LETTER[unit]}" if whole else ""
        body = f"{first}{rest}{_UNIT_LETTER[smaller]}"
        clock = unit in {"H", "MIN", "S"} or smaller in {"H", "MIN", "S"}
        if clock and unit not in {"H", "MIN", "S"}:
            return f"P{first}T{rest}{_UNIT_LETTER[smaller]}"
        return f"PT{body}" if clock else f"P{body}"
    else:
        number = f"{amount:g}"
    letter = _UNIT_LETTER[unit]
    return f"PT{number}{letter}" if unit in {"H", "MIN", "S"} else f"P{number}{letter}"


_ADJECTIVAL_RE = re.compile(r"^(?:the|a|an)\s+\S+(?:-|\s+\S+\s*$)", re.IGNORECASE)


def resolve_duration(fields: Fields, ctx: Context, count: float | None) -> Resolution | None:
    """A bare length of time: "36 years", "almost twenty years", "a two-year".

    Not anchored: "after 36 years" places nothing on the calendar by itself.
    """
    unit = str(fields.get("unit", ""))
    num_text = str(fields.get("num", "")).strip().lower()
    if unit == "S" and num_text in {"a", "an", "one"}:
        return None  # "a second time": the ordinal, not a length
    if re.fullmatch(r"1\d{3}|20\d\d", num_text):
        return None  # "the 1988 quarter" is a date, not 1988 quarters
    if count == 0:
        return None
    if count is not None and count > 1 and _ADJECTIVAL_RE.match(ctx.surface) \
            and not ctx.surface.lower().endswith("s"):
        # "the two-week crisis", "a five year low": an adjective; TimeML leaves the article
        # out, and the matcher then reads the duration from the number.
        return None
    value = duration_value(count, unit)
    return Resolution(TimexType.DURATION, value, _mod(fields)) if value else None


def resolve_anchored(fields: Fields, ctx: Context, count: float | None) -> Resolution | None:
    """"the last three years", "the next two weeks": a length that ends or starts at the DCT."""
    unit = str(fields.get("unit", ""))
    value = duration_value(count, unit)
    if value is None:
        return None
    rel = int(fields.get("rel", 0))
    mod = _mod(fields)
    if ctx.dct is None or rel == 0 or count is None or count < 0 or unit in {"H", "MIN", "S"}:
        if ctx.dct is not None and unit in {"H", "MIN", "S"} and rel != 0:
            interval = Interval(ctx.dct - dt.timedelta(days=1), ctx.dct, Precision.DAY) if rel < 0 \
                else Interval(ctx.dct, ctx.dct + dt.timedelta(days=1), Precision.DAY)
            return Resolution(TimexType.DURATION, value, mod, interval, anchored=True)
        return Resolution(TimexType.DURATION, value, mod)
    other = shift(ctx.dct, unit if unit != "WE" else "W", round(count) * rel)
    start, end = (other, ctx.dct) if rel < 0 else (ctx.dct, other)
    precision = {"Y": Precision.YEAR, "M": Precision.MONTH, "W": Precision.WEEK,
                 "Q": Precision.QUARTER, "DE": Precision.DECADE, "CE": Precision.CENTURY}
    interval = Interval(start, end, precision.get(unit, Precision.DAY), mod is not None)
    return Resolution(TimexType.DURATION, value, mod, interval, anchored=True)


def resolve_vague_span(fields: Fields, ctx: Context) -> Resolution | None:
    """"recent years", "the coming weeks", "the past few months": a few units before or after."""
    unit = str(fields.get("unit", ""))
    vague = str(fields.get("vague", "")).lower()
    backward = not any(w in vague for w in ("coming", "next", "upcoming"))
    value = duration_value(-1, unit)
    if value is None:
        return None
    if unit == "Y" and vague == "recent":
        value, type_ = "PAST_REF", TimexType.DATE  # the TimeBank reading of "recent years"
    else:
        type_ = TimexType.DURATION
    if ctx.dct is None or unit in {"H", "MIN", "S"}:
        return Resolution(type_, value)
    other = shift(ctx.dct, unit if unit != "WE" else "W", -3 if backward else 3)
    start, end = (other, ctx.dct) if backward else (ctx.dct, other)
    return Resolution(type_, value, None, Interval(start, end, Precision.DAY, True), anchored=True)


def resolve_offset(fields: Fields, ctx: Context, count: float | None) -> Resolution | None:
    """"two years ago", "a year earlier", "three days from now": the unit that far from the DCT."""
    unit = str(fields.get("unit", ""))
    direction = str(fields.get("dir", "ago")).lower()
    sign = 1 if direction.startswith(("from", "hence")) else -1
    mod = _mod(fields)
    if count is None or count == 0:
        return None
    if count < 0:
        return Resolution(TimexType.DATE, "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if unit == "Y" and count == 1 and ctx.last_quarter and sign < 0:
        year, q = ctx.last_quarter.split("-Q")
        return _finish(TimexType.DATE, f"{int(year) - 1:04d}-Q{q}", mod)
    if ctx.dct is None:
        return _finish(TimexType.DATE, _UNDERSPECIFIED.get(unit, "XXXX"), mod)
    amount = round(count) * sign
    if unit in {"H", "MIN", "S"}:
        return _finish(TimexType.DATE, ctx.dct.isoformat(), mod)
    if unit in {"DE", "CE"}:
        day = shift(ctx.dct, unit, amount)
        return _finish(TimexType.DATE, f"{day.year:04d}", mod)
    if unit == "WE":
        unit = "W"
    return _finish(TimexType.DATE, unit_value(shift(ctx.dct, unit, amount), unit), mod)


def completed_quarter(dct: dt.date) -> str:
    """The last quarter that ended before the DCT: the one results are reported for."""
    previous = shift(dct, "Q", -1)
    return f"{previous.year:04d}-Q{quarter_of(previous)}"


def reference_quarter(ctx: Context) -> str | None:
    """The quarter financial news is about: the last one named, else the last one completed."""
    if ctx.last_quarter:
        return ctx.last_quarter
    return completed_quarter(ctx.dct) if ctx.dct else None


def resolve_period_ref(fields: Fields, ctx: Context) -> Resolution | None:
    """"the latest quarter", "the quarter", "this quarter", "the 1988 quarter"."""
    lowered = ctx.surface.lower()
    year = _int(fields, "year")
    if year is not None:
        quarter = reference_quarter(ctx)
        number = quarter.split("-Q")[1] if quarter else "X"
        return _finish(TimexType.DATE, f"{year:04d}-Q{number}", None)
    if ctx.dct is not None and ("latest" in lowered or "most recent" in lowered):
        return _finish(TimexType.DATE, completed_quarter(ctx.dct), None)
    if ctx.dct is not None and (lowered.startswith("this") or "current" in lowered):
        return _finish(TimexType.DATE, f"{ctx.dct.year:04d}-Q{quarter_of(ctx.dct)}", None)
    quarter = reference_quarter(ctx)
    return _finish(TimexType.DATE, quarter or "XXXX-QX", None)


def resolve_period_ago(fields: Fields, ctx: Context) -> Resolution | None:
    """"the year-earlier quarter", "year-ago": the reference quarter one year back."""
    quarter = reference_quarter(ctx)
    named = _int(fields, "quarter")
    if quarter is None:
        return _finish(TimexType.DATE, f"XXXX-Q{named or 'X'}", None)
    year, q = quarter.split("-Q")
    return _finish(TimexType.DATE, f"{int(year) - 1:04d}-Q{named or q}", None)


def resolve_deictic(fields: Fields, ctx: Context) -> Resolution | None:
    """"today", "yesterday morning", "tonight", "this morning", "last night"."""
    offset = _int(fields, "deictic")
    surface = ctx.surface.lower()
    pod = fields.get("pod")
    if offset is None:
        offset = -1 if surface.startswith(("last", "the previous")) else 0
    if surface.startswith("tonight") and not pod:
        pod = "NI"
    value = "XXXX-XX-XX" if ctx.dct is None else (ctx.dct + dt.timedelta(days=offset)).isoformat()
    if pod:
        return _finish(TimexType.TIME, f"{value}T{pod}", _mod(fields))
    return _finish(TimexType.DATE, value, _mod(fields))


def resolve_time(fields: Fields, ctx: Context) -> Resolution | None:
    """Clock times, with the day they name or the DCT: "8 a.m. Friday", "10:30 p.m."."""
    noon = str(fields.get("noon", "")).lower()
    hour: int | None
    if noon:
        hour, minute = (0, 0) if noon == "midnight" else (12, 0)
    else:
        hour = _int(fields, "hour")
        minute = _int(fields, "minute") or 0
        if hour is None:
            return None
        ampm = str(fields.get("ampm", "")).lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    date: dt.date | None = ctx.dct
    weekday = _int(fields, "weekday")
    if weekday is not None:
        date = _weekday_date(weekday, ctx)
    elif "deictic" in fields and ctx.dct is not None:
        date = ctx.dct + dt.timedelta(days=_int(fields, "deictic") or 0)
    elif "month" in fields:
        month, day = _int(fields, "month"), _int(fields, "day")
        year = _year_for(month or 1, day or 1, ctx)
        try:
            date = dt.date(year, month or 1, day or 1) if year else None
        except ValueError:
            return None
    prefix = date.isoformat() if date else "XXXX-XX-XX"
    return _finish(TimexType.TIME, f"{prefix}T{hour:02d}:{minute:02d}", _mod(fields))


def resolve_set(fields: Fields, ctx: Context, count: float | None) -> Resolution | None:
    """"every year", "each Monday", "annually", "twice a year": sets, never on the calendar."""
    if "frequency" in fields:
        return Resolution(TimexType.SET, str(fields["frequency"]))
    weekday = _int(fields, "weekday") or _int(fields, "weekdays")
    if weekday is not None:
        return Resolution(TimexType.SET, f"XXXX-WXX-{weekday}")
    unit = str(fields.get("unit2") or fields.get("unit", ""))
    value = duration_value(count if "unit2" in fields else 1, unit)
    return Resolution(TimexType.SET, value) if value else None


def resolve_ref(fields: Fields, ctx: Context) -> Resolution | None:
    """"now", "recently", "the future": TIMEX3 references; "now" is the DCT itself."""
    value = str(fields.get("ref", ""))
    if not value:
        return None
    interval = None
    if value == "PRESENT_REF" and ctx.dct is not None:
        interval = Interval(ctx.dct, ctx.dct, Precision.DAY, approximate=True)
    return Resolution(TimexType.DATE, value, None, interval)


def resolve_range(fields: Fields, ctx: Context) -> Resolution | None:
    """"between 2005 and 2012", "2005-12", "March 3-5": one timex whose interval covers both ends.

    The value is the TIMEX3 value of the range's start; the interval spans to the end's last day.
    """
    dct = ctx.dct
    if "end_day" in fields:
        first = resolve_date({k: v for k, v in fields.items() if k != "end_day"}, ctx)
        if first is None or first.interval is None:
            return first
        end_day = _int(fields, "end_day") or 0
        try:
            last = first.interval.start.replace(day=end_day)
        except ValueError:
            return None
        if last < first.interval.start:
            return None
        return Resolution(first.type, first.value, None,
                          Interval(first.interval.start, last, Precision.DAY))
    if "end_month" in fields:
        year = _year(fields, dct)
        month, end_month = _int(fields, "month"), _int(fields, "end_month")
        if month is None or end_month is None:
            return None
        if year is None:
            year = _year_for(month, 0, ctx)
        if year is None:
            return _finish(TimexType.DATE, f"XXXX-{month:02d}", None)
        last_year = year + 1 if end_month < month else year
        a, b = interval_for_value(f"{year:04d}-{month:02d}"), interval_for_value(
            f"{last_year:04d}-{end_month:02d}")
        if a is None or b is None:
            return None
        return Resolution(TimexType.DATE, f"{year:04d}-{month:02d}", None, span(a, b))
    start_year = _year(fields, dct)
    end_year = _int(fields, "end_year")
    if end_year is None:
        two = _int(fields, "end_year2")
        if start_year is None or two is None:
            return None
        end_year = start_year // 100 * 100 + two
    if start_year is None or not start_year < end_year <= start_year + 100:
        return None
    a, b = interval_for_value(f"{start_year:04d}"), interval_for_value(f"{end_year:04d}")
    if a is None or b is None:
        return None
    return Resolution(TimexType.DATE, f"{start_year:04d}", None, span(a, b))
