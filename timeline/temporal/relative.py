"""Resolvers for dates named relative to the DCT: "last week", "two years ago", "today",
"the latest quarter", "8 a.m. Friday", "now"."""

from __future__ import annotations

import datetime as dt
import re

from timeline.temporal.resolution import (
    FIRM_SLACK,
    UNDERSPECIFIED,
    Context,
    Fields,
    Resolution,
    finish,
    int_field,
    mod_of,
    season_start,
    weekday_date,
    year_for,
)
from timeline.temporal.tense import Tense
from timeline.temporal.types import Interval, Precision, TimexType
from timeline.temporal.values import (
    MONTHS_IN,
    interval_for_value,
    narrow,
    quarter_of,
    season_of,
    shift,
    shift_count,
    unit_value,
    weekend_of,
)

_EARLIER_RE = re.compile(r"\bearlier\b", re.IGNORECASE)


_LATER_RE = re.compile(r"\blater\b", re.IGNORECASE)
# The coarsest focus that names a unit's instance: "the month" needs a known month.
_UNIT_PRECISION = {
    "W": Precision.WEEK, "M": Precision.MONTH, "Q": Precision.QUARTER, "Y": Precision.YEAR,
    "DE": Precision.DECADE, "CE": Precision.CENTURY,
}  # fmt: skip
# Directions that count from the date just mentioned rather than from the DCT.
_ANAPHORIC_RE = re.compile(r"\b(?:following|previous|preceding)\b", re.IGNORECASE)


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
    mod = mod_of(fields)
    dct = ctx.dct
    rel = int(fields.get("rel", 0))
    focus = interval_for_value(ctx.focus_value or "")
    # "the following Monday" needs a day or a week to count from; after "in 2022" it counts
    # from the DCT, not from the year's first day.
    fine = focus is not None and (
        focus.precision in (Precision.DAY, Precision.WEEK)
        or ("weekday" not in fields and fields.get("unit") not in ("D", "W", "WE"))
    )
    if rel != 0 and focus is not None and fine and _ANAPHORIC_RE.search(ctx.surface):
        # "the following year" after "May 22, 1995" is 1996: counted from the date the text
        # just named (its temporal focus), not from the DCT.
        dct = focus.start
    if "year_end" in fields:
        if dct is None:
            if focus is not None and focus.precision.rank <= Precision.YEAR.rank:
                return finish(TimexType.DATE, f"{focus.start.year:04d}", "END")  # as below
            return finish(TimexType.DATE, "XXXX", "END")
        return finish(TimexType.DATE, f"{dct.year:04d}", "END")
    if "unit_year" in fields:
        if ctx.followed_by_end:
            # "the year ended June 30": a company's twelve months, named by their last day.
            return Resolution(TimexType.DURATION, "P1Y", mod)
        # "the current fiscal year" is the DCT's year; "the latest fiscal year" the last one
        # completed, as TimeBank dates them.
        latest = "latest" in ctx.surface.lower() and "fiscal" in ctx.surface.lower()
        fields = {**fields, "unit": "Y", "rel": -1 if latest else 0}
        rel = int(fields["rel"])
    if "unit_weekend" in fields:
        # The coming weekend is the one of the current week; the past one, of the week before.
        rel = 0 if ctx.tense() is Tense.FUTURE else -1
        if rel == 0 and dct is not None and dct.isoweekday() == 7:
            rel = 1  # "by the weekend" said on a Sunday: the next one
        fields = {**fields, "unit": "WE"}
    unit = fields.get("unit")
    if isinstance(unit, str):
        if (unit in {"DE", "CE"} or unit == "FN") and rel != 0:
            # "the past decade", "over the next decade", "the next fortnight": a length that ends
            # (or starts) at the DCT, not the calendar decade ("the 2000s")
            value = {"DE": "P10Y", "CE": "P100Y", "FN": "P2W"}[unit]
            if dct is None:
                return Resolution(TimexType.DURATION, value, mod)
            other = shift(dct, unit, rel)
            start, end = (other, dct) if rel < 0 else (dct, other)
            precision = Precision.WEEK if unit == "FN" else Precision.YEAR
            interval = Interval(start, end, precision, approximate=False)
            return Resolution(TimexType.DURATION, value, mod, interval, anchored=True)
        if unit == "WE":
            if dct is None:
                return finish(TimexType.DATE, "XXXX-WXX-WE", mod)
            ref = dct + dt.timedelta(weeks=rel)
            if rel < 0 and dct.isoweekday() >= 6:
                ref = dct  # "last weekend" said on a Sunday is the one ending today
            value, interval = weekend_of(ref)
            return Resolution(TimexType.DATE, value, mod, narrow(interval, mod) if mod else interval)
        if dct is None:
            if rel == 0 and focus is not None and focus.precision.rank <= _UNIT_PRECISION.get(
                unit, Precision.DAY
            ).rank and not re.search(r"\b(?:this|current)\b", ctx.surface, re.IGNORECASE):
                # A narrative with no DCT: "On 6 June 1944 ... By the end of the month" is the
                # month of the date just named, as "on 1 July" takes the year named before.
                return finish(TimexType.DATE, unit_value(focus.start, unit), mod)
            return finish(TimexType.DATE, UNDERSPECIFIED.get(unit, "XXXX"), mod)
        resolved = finish(TimexType.DATE, unit_value(shift(dct, unit, rel), unit), mod)
        return _split_at_dct(resolved, ctx.surface, dct) if rel == 0 else resolved
    if dct is None:
        if "month" in fields:
            return finish(TimexType.DATE, f"XXXX-{int(fields['month']):02d}", mod)
        if "weekday" in fields:
            return finish(TimexType.DATE, f"XXXX-WXX-{fields['weekday']}", mod)
        if "season" in fields:
            return finish(TimexType.DATE, f"XXXX-{fields['season']}", mod)
        return None
    if "month" in fields:
        month = int(fields["month"])
        day = int_field(fields, "day")
        year = dct.year
        if rel < 0 and (month, day or 0) >= (dct.month, dct.day if day else 0):
            year -= 1
        elif rel > 0 and (month, day or 32) <= (dct.month, dct.day if day else 32):
            year += 1
        if day is not None:
            try:
                return finish(TimexType.DATE, dt.date(year, month, day).isoformat(), mod)
            except ValueError:
                return None
        return finish(TimexType.DATE, f"{year:04d}-{month:02d}", mod)
    if "season" in fields:
        season = str(fields["season"])
        current_year, current = season_of(dct)
        year = current_year if season != "WI" or dct.month == 12 else dct.year
        if season == "WI" and dct.month > 2 and dct.month != 12:
            year = dct.year
        start = season_start(year, season)
        current_start = season_start(current_year, current)
        if rel < 0 and start >= current_start:
            year -= 1
        elif rel > 0 and start <= current_start:
            year += 1
        elif rel == 0 and start > dct and start - dct > dt.timedelta(days=230) \
                and ctx.tense() in (Tense.PAST, Tense.PAST_FIRM, Tense.PAST_ED):
            # "this winter has been mild" in early March: the one that has just ended (the
            # next one is most of a year away), not "this summer" of protests still to come.
            year -= 1
        return finish(TimexType.DATE, f"{year:04d}-{season}", mod)
    if "weekday" in fields:
        weekday = int(fields["weekday"])
        if rel < 0:
            when = dct - dt.timedelta(days=(dct.isoweekday() - weekday) % 7 or 7)
        elif rel > 0:
            when = dct + dt.timedelta(days=(weekday - dct.isoweekday()) % 7 or 7)
        else:
            when = dct + dt.timedelta(days=weekday - dct.isoweekday())
        return finish(TimexType.DATE, when.isoformat(), mod)
    return None


# Lengths that name a part of a year so far (six or nine months of results).
_YEAR_TO_DATE = frozenset({"P6M", "P9M"})
_YEAR_AGO_RE = re.compile(r"^(?P<year>\d{4})(?P<rest>-Q[1-4]|-\d{2}(?:-\d{2})?|-H[12])?$")


def resolve_offset(fields: Fields, ctx: Context, count: float | None) -> Resolution | None:
    """"two years ago", "a year earlier", "three days from now": the unit that far from the DCT."""
    unit = str(fields.get("unit", ""))
    direction = str(fields.get("dir", "ago")).lower()
    sign = 1 if direction.startswith(("from", "hence", "time")) else -1
    mod = mod_of(fields)
    if count is None or count == 0:
        return None
    if count < 0:
        return Resolution(TimexType.DATE, "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if "and_half" in fields:
        count += 0.5  # "a year and a half ago"
    if unit == "Y" and count == 1 and sign < 0:
        # "a year earlier" compares with the date just mentioned: one year before it, at its
        # precision; in financial news, with the quarter being reported.
        previous = _YEAR_AGO_RE.match(ctx.previous_value or "")
        reference_year = int(ctx.last_quarter[:4]) if ctx.last_quarter else \
            ctx.dct.year if ctx.dct else None
        if ctx.previous_length in _YEAR_TO_DATE and reference_year is not None:
            # "in the first nine months ... compared with a year earlier": the year before.
            return finish(TimexType.DATE, f"{reference_year - 1:04d}", mod)
        if previous:
            year = int(previous["year"]) - 1
            return finish(TimexType.DATE, f"{year:04d}{previous['rest'] or ''}", mod)
        if ctx.last_quarter:
            year_text, q = ctx.last_quarter.split("-Q")
            return finish(TimexType.DATE, f"{int(year_text) - 1:04d}-Q{q}", mod)
    if ctx.dct is None:
        return finish(TimexType.DATE, UNDERSPECIFIED.get(unit, "XXXX"), mod)
    if count != int(count) and unit in MONTHS_IN:
        # "a quarter century ago", "a year and a half ago": counted in months, dated by year
        moved = shift_count(ctx.dct, unit, count * sign)
        grain = "M" if count * MONTHS_IN[unit] < 24 else "Y"
        return finish(TimexType.DATE, unit_value(moved, grain), mod)
    amount = round(count) * sign
    if unit in {"H", "MIN", "S"}:
        return finish(TimexType.DATE, ctx.dct.isoformat(), mod)
    if unit in {"DE", "CE", "ML"}:
        day = shift(ctx.dct, unit, amount)
        return finish(TimexType.DATE, f"{day.year:04d}", mod)
    if unit == "WE":  # "two weekends ago": the Saturday and Sunday of that week
        value, interval = weekend_of(ctx.dct + dt.timedelta(weeks=amount))
        return Resolution(TimexType.DATE, value, mod, narrow(interval, mod) if mod else interval)
    moved = shift_count(ctx.dct, unit, count * sign)
    return finish(TimexType.DATE, unit_value(moved, "W" if unit == "FN" else unit), mod)


def completed_quarter(dct: dt.date) -> str:
    """The last quarter that ended before the DCT: the one results are reported for."""
    previous = shift(dct, "Q", -1)
    return f"{previous.year:04d}-Q{quarter_of(previous)}"


def reference_quarter(ctx: Context) -> str | None:
    """The quarter financial news is about: the last one completed before the DCT, or a later
    one the text has named. An older quarter named in passing ("charges in the second quarter")
    is a comparison, not the subject."""
    completed = completed_quarter(ctx.dct) if ctx.dct else None
    if ctx.last_quarter and (completed is None or ctx.last_quarter >= completed):
        return ctx.last_quarter
    return completed or ctx.last_quarter


def resolve_period_ref(fields: Fields, ctx: Context) -> Resolution | None:
    """"the latest quarter", "the quarter", "this quarter", "the 1988 quarter"."""
    lowered = ctx.surface.lower()
    year = int_field(fields, "year")
    if year is not None:
        quarter = reference_quarter(ctx)
        number = quarter.split("-Q")[1] if quarter else "X"
        return finish(TimexType.DATE, f"{year:04d}-Q{number}", None)
    if ctx.dct is not None and ("latest" in lowered or "most recent" in lowered):
        return finish(TimexType.DATE, completed_quarter(ctx.dct), None)
    if ctx.dct is not None and (lowered.startswith("this") or "current" in lowered) \
            and ctx.tense() not in (Tense.PAST, Tense.PAST_ED, Tense.PAST_FIRM):
        return finish(TimexType.DATE, f"{ctx.dct.year:04d}-Q{quarter_of(ctx.dct)}", None)
    quarter = reference_quarter(ctx)
    return finish(TimexType.DATE, quarter or "XXXX-QX", None)


# The coarsest precision of the focus each unit can be read from: "that day" needs a day.
_FOCUS_NEEDS = {
    "D": Precision.DAY,
    "W": Precision.WEEK,
    "M": Precision.MONTH,
    "Q": Precision.QUARTER,
    "Y": Precision.YEAR,
}


_SEASONS = frozenset({"SP", "SU", "FA", "WI"})
_PARTS_OF_DAY = frozenset({"MO", "AF", "EV", "NI"})


def resolve_focus(fields: Fields, ctx: Context) -> Resolution | None:
    """"that year", "later that day", "the same day", "the next morning": from the focus date.

    A part of day is a part of its day, as "Friday night" is (weekday_part_of_day). A focus
    coarser than the unit leaves the unknown part open ("that day" after "in October 1998" is
    1998-10-XX); with no date named before, the value is fully open.
    """
    if "bare_day" in fields:
        return _bare_day(int(str(fields["bare_day"])), ctx)
    unit = str(fields.get("unit", ""))
    # "that summer", "the summer of that year", "September that year": a season or month of
    # the year named last.
    part_of_year = (
        f"{int(str(fields['focus_month'])):02d}" if "focus_month" in fields
        else str(fields.get("season") or (unit if unit in _SEASONS else ""))
    )
    if part_of_year:
        focus_year = interval_for_value(ctx.focus_value or "")
        if focus_year is None or focus_year.precision.rank > Precision.YEAR.rank:
            return finish(TimexType.DATE, f"XXXX-{part_of_year}", mod_of(fields))
        return finish(TimexType.DATE, f"{focus_year.start.year:04d}-{part_of_year}", mod_of(fields))
    part_of_day = unit if unit in _PARTS_OF_DAY else ""
    unit = unit if unit in _FOCUS_NEEDS else "D"
    step = 1 if "next" in fields else -1 if "prev" in fields else 0
    if "day_before" in fields:  # "the day before", "the year after" at the end of a clause
        words = str(fields["day_before"]).lower().split()
        step = -1 if words[-1] == "before" else 1
        unit = {"day": "D", "week": "W", "month": "M", "year": "Y"}[words[0]]
    mod = mod_of(fields)
    focus = interval_for_value(ctx.focus_value or "")
    if unit == "Q" and not step:
        # "results for that quarter": the quarter named last, else the one the report is about
        if focus is not None and focus.precision is Precision.QUARTER:
            return finish(TimexType.DATE, str(ctx.focus_value), mod)
        if ctx.last_quarter:
            return finish(TimexType.DATE, ctx.last_quarter, mod)
    if "in_the" in fields and ctx.dct is not None and (
        focus is None or focus.precision.rank > Precision.DAY.rank
    ):
        # "later in the day" with no day named: the day of the report
        return finish(TimexType.DATE, unit_value(ctx.dct, "D"), mod)
    if focus is None or focus.precision.rank > _FOCUS_NEEDS[unit].rank:
        value = UNDERSPECIFIED[unit]
        if focus is not None and not step:
            known = unit_value(focus.start, "M" if focus.precision.rank <= Precision.MONTH.rank else "Y")
            value = known + value[len(known):]
        return Resolution(TimexType.DATE, value, mod)
    day = focus.start + dt.timedelta(days=step) if unit == "D" else shift(focus.start, unit, step)
    if part_of_day:  # "the next morning": a part of that day (TIMEX3 1998-08-08TMO)
        return finish(TimexType.TIME, f"{unit_value(day, unit)}T{part_of_day}", mod)
    return finish(TimexType.DATE, unit_value(day, unit), mod)


def _bare_day(day: int, ctx: Context) -> Resolution | None:
    """"on the 15th": that day of the month named last, else of the DCT's month, the one before
    for a past day still ahead of the DCT, the one after for a future day already gone."""
    focus = interval_for_value(ctx.focus_value or "")
    if focus is not None and focus.precision in (Precision.DAY, Precision.MONTH):
        year, month = focus.start.year, focus.start.month
    elif ctx.dct is not None:
        tense = ctx.tense()
        step = 0
        if tense is Tense.FUTURE and day < ctx.dct.day:
            step = 1
        elif tense is not Tense.FUTURE and day > ctx.dct.day + (
            0 if tense in (Tense.PAST_FIRM, Tense.PAST_ED) else FIRM_SLACK.days
        ):
            step = -1
        month_start = shift(ctx.dct.replace(day=1), "M", step)
        year, month = month_start.year, month_start.month
    else:
        return Resolution(TimexType.DATE, f"XXXX-XX-{day:02d}", None)
    try:
        return finish(TimexType.DATE, dt.date(year, month, day).isoformat(), None)
    except ValueError:
        return None  # "the 31st" of a 30-day month


def resolve_period_ago(fields: Fields, ctx: Context) -> Resolution | None:
    """"the year-earlier quarter", "year-ago": the reference quarter one year back."""
    quarter = reference_quarter(ctx)
    named = int_field(fields, "quarter")
    if quarter is None:
        return finish(TimexType.DATE, f"XXXX-Q{named or 'X'}", None)
    year, q = quarter.split("-Q")
    return finish(TimexType.DATE, f"{int(year) - 1:04d}-Q{named or q}", None)


def resolve_deictic(fields: Fields, ctx: Context) -> Resolution | None:
    """"today", "yesterday morning", "tonight", "this morning", "last night"."""
    offset = int_field(fields, "deictic")
    surface = ctx.surface.lower()
    pod = fields.get("pod")
    if "pod_word" in fields:
        pod = {"morning": "MO", "afternoon": "AF", "evening": "EV"}[str(fields["pod_word"]).lower()]
        offset = offset or 0
    if offset is None:
        offset = -1 if surface.startswith(("last", "the previous")) else 0
    if surface.startswith("tonight") and not pod:
        pod = "NI"
    value = "XXXX-XX-XX" if ctx.dct is None else (ctx.dct + dt.timedelta(days=offset)).isoformat()
    if pod:
        return finish(TimexType.TIME, f"{value}T{pod}", mod_of(fields))
    return finish(TimexType.DATE, value, mod_of(fields))


def resolve_time(fields: Fields, ctx: Context) -> Resolution | None:
    """Clock times, with the day they name or the DCT: "8 a.m. Friday", "10:30 p.m."."""
    noon = str(fields.get("noon", "")).lower()
    hour: int | None
    if noon:
        hour, minute = (0, 0) if noon == "midnight" else (12, 0)
    else:
        hour = int_field(fields, "hour")
        minute = int_field(fields, "minute") or 0
        if hour is None:
            return None
        ampm = str(fields.get("ampm", "")).lower()
        half_day = str(fields.get("half_day", "")).lower()
        if half_day in {"afternoon", "evening"} or (half_day == "night" and hour >= 6):
            ampm = "pm"  # "11:30 Monday night" is 23:30; "2:00 Monday night" stays 02:00
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    date: dt.date | None = ctx.dct
    weekday = int_field(fields, "weekday")
    if "month" in fields or "month2" in fields:
        # A date wins over the weekday that goes with it ("9.30am on Tuesday 5 March").
        month = int_field(fields, "month") or int_field(fields, "month2")
        day = int_field(fields, "day") or int_field(fields, "day2")
        year = int_field(fields, "year") or year_for(month or 1, day or 1, ctx)
        try:
            date = dt.date(year, month or 1, day or 1) if year else None
        except ValueError:
            return None
    elif weekday is not None:
        date = weekday_date(weekday, ctx)
    elif "deictic" in fields:
        if ctx.dct is not None:
            date = ctx.dct + dt.timedelta(days=int_field(fields, "deictic") or 0)
    elif ctx.adjacent_day:
        # "Friday at 8 a.m.": the day named just before, whatever the tense.
        date = dt.date.fromisoformat(ctx.adjacent_day)
    else:
        focus = interval_for_value((ctx.focus_value or "")[:10])
        if focus is not None and focus.precision is Precision.DAY \
                and ctx.tense() not in (Tense.UNKNOWN, Tense.PRESENT):
            # "He was shot on Oct. 23 ... at 10 p.m.": a bare time in a sentence that tells of
            # something done or to come is on the day last named; with no tense ("Flights
            # leave at 9 a.m."), on the DCT's.
            date = focus.start
    prefix = date.isoformat() if date else "XXXX-XX-XX"
    if noon == "midnight" and ("weekday" in fields or "deictic" in fields or "month" in fields):
        # "the offer expires at midnight Friday", "midnight on Dec. 31": the end of that day,
        # ISO 8601's 24:00.
        hour = 24
    return finish(TimexType.TIME, f"{prefix}T{hour:02d}:{minute:02d}", mod_of(fields))


def resolve_ref(fields: Fields, ctx: Context) -> Resolution | None:
    """"now", "recently", "the future": TIMEX3 references; "now" is the DCT itself."""
    if "soon" in fields:
        return Resolution(TimexType.DATE, "FUTURE_REF") if ctx.tense() is Tense.FUTURE else None
    value = str(fields.get("ref", ""))
    if not value:
        return None
    interval = None
    if value == "PRESENT_REF" and ctx.dct is not None:
        interval = Interval(ctx.dct, ctx.dct, Precision.DAY, approximate=True)
    return Resolution(TimexType.DATE, value, None, interval)
