"""Resolvers for dates the text spells out in full or in part: "March 22, 2013", "July",
"the 1990s", "the third quarter", "Christmas", and ranges such as "between 2005 and 2012"."""

from __future__ import annotations

import calendar
import datetime as dt
import functools

from timeline.temporal.resolution import (
    FUTURE_SLACK,
    PAST_SLACK,
    SEASON_WORDS,
    Context,
    Fields,
    Resolution,
    finish,
    int_field,
    mod_of,
    parse_count,
    season_start,
    weekday_date,
    year_for,
    year_of,
)
from timeline.temporal.tense import Tense
from timeline.temporal.types import Interval, Precision, TimexType
from timeline.temporal.values import (
    add_months,
    interval_for_value,
    span,
    week_value,
    weekend_of,
)

_NINE_ELEVEN = dt.date(2001, 9, 11)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday (Monday 0) of a month; n = -1 for the last one."""
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# Days counted from Easter Sunday and from (US) Thanksgiving.
_FROM_EASTER = {
    "EASTER": 0, "GOOD_FRIDAY": -2, "EASTER_MONDAY": 1, "PALM_SUNDAY": -7,
    "MAUNDY_THURSDAY": -3, "ASH_WEDNESDAY": -46, "PENTECOST": 49,
}  # fmt: skip
_FROM_THANKSGIVING = {"BLACK_FRIDAY": 1, "CYBER_MONDAY": 4}
# US feasts fixed by weekday: (month, weekday, n), and the day after for Election Day.
_BY_WEEKDAY = {
    "THANKSGIVING": (11, 3, 4),
    "LABOR_DAY": (9, 0, 1),
    "MEMORIAL_DAY": (5, 0, -1),
    "MLK_DAY": (1, 0, 3),
    "ELECTION_DAY": (11, 0, 1),  # the Tuesday after the first Monday of November
}


# Movable feasts of other calendars: the public calendar they are read from (ISO country code
# of the `holidays` package) and the name it gives the feast's first day.
_MOVABLE = {
    "EID_AL_FITR": ("IR", "Eid al-Fitr"),
    "EID_AL_ADHA": ("IR", "Eid al-Adha"),
    "ASHURA": ("IR", "Ashura"),
    "NOWRUZ": ("IR", "Nowruz"),
    "YOM_KIPPUR": ("IL", "Yom Kippur"),
    "ROSH_HASHANAH": ("IL", "Rosh Hashanah"),
    "PASSOVER": ("IL", "Pesach"),
    "LUNAR_NEW_YEAR": ("CN", "Chinese New Year (Spring Festival)"),
    "DIWALI": ("IN", "Diwali"),
}


@functools.lru_cache(maxsize=256)
def _public_calendar(country: str, year: int) -> dict[str, dt.date]:
    """The first day of each public holiday of one country's year, by name (imported on first
    use: the package costs ~0.1 s to import, and most texts name no such feast)."""
    import holidays  # type: ignore[import-untyped,unused-ignore]

    first: dict[str, dt.date] = {}
    try:
        days = holidays.country_holidays(country, years=year)
    except (NotImplementedError, KeyError, ValueError):
        return first
    for day, name in sorted(days.items()):
        for part in str(name).split("; "):
            first.setdefault(part, day)
    return first


def _holiday(code: str, year: int) -> dt.date | None:
    """The feast's day in ``year``, or None where its calendar does not reach that year."""
    if code in _MOVABLE:
        if not 1900 <= year <= 2100:
            return None
        country, name = _MOVABLE[code]
        return _public_calendar(country, year).get(name)
    if code in _FROM_THANKSGIVING:  # "Black Friday sales", "Cyber Monday"
        month, weekday, n = _BY_WEEKDAY["THANKSGIVING"]
        return _nth_weekday(year, month, weekday, n) + dt.timedelta(days=_FROM_THANKSGIVING[code])
    if code in _BY_WEEKDAY:
        month, weekday, n = _BY_WEEKDAY[code]
        when = _nth_weekday(year, month, weekday, n)
        return when + dt.timedelta(days=1) if code == "ELECTION_DAY" else when
    if code in _FROM_EASTER:
        from dateutil.easter import easter  # only needed for the feasts that follow Easter

        return easter(year) + dt.timedelta(days=_FROM_EASTER[code])
    fixed_month, fixed_day = code.split("-")
    return dt.date(year, int(fixed_month), int(fixed_day))


def _season_end(year: int, code: str) -> dt.date:
    """The last day of a season (three months from its start; winter ends in the next year)."""
    return add_months(season_start(year, code), 3) - dt.timedelta(days=1)


def _feast_days(code: str, years: tuple[int, ...]) -> list[tuple[int, dt.date]]:
    return [(y, d) for y in years if (d := _holiday(code, y)) is not None]


def holiday_year(code: str, dct: dt.date, ctx: Context) -> int | None:
    """The year of a feast named without one, chosen as for a month (year_for)."""
    candidates = _feast_days(code, (dct.year - 1, dct.year, dct.year + 1))
    if ctx.tense() is Tense.FUTURE:
        return next((y for y, d in candidates if d >= dct - FUTURE_SLACK), None)
    return next((y for y, d in reversed(candidates) if d <= dct + PAST_SLACK), None)


# How long after a quarter's middle, or a half's end, results for it are still reported (and
# spoken of in the future tense: "will report third-quarter results" in October).
_QUARTER_REPORTED = dt.timedelta(days=150)
_HALF_REPORTED = dt.timedelta(days=90)


def _turn_of_century(fields: Fields, ctx: Context) -> Resolution | None:
    """"the turn of the century" (or "of this century"): the centennial year nearest the DCT,
    give or take a year; "of the last century" the one before it ("the turn of the last
    century" in 2016 is 1900); "the turn of the 20th century" is 1900."""
    n = int_field(fields, "turn_century")
    if n is not None:
        year = (n - 1) * 100
    elif ctx.dct is None:
        return Resolution(TimexType.DATE, "XXXX", "APPROX")
    else:
        year = (ctx.dct.year + 50) // 100 * 100 - (100 if "turn_last" in fields else 0)
    if not 1 <= year <= 9999:
        return None
    interval = Interval(dt.date(max(1, year - 1), 1, 1), dt.date(min(9999, year + 1), 12, 31),
                        Precision.YEAR, approximate=True)
    return Resolution(TimexType.DATE, f"{year:04d}", "APPROX", interval)


def _spoken_year(text: str, ctx: Context) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    spoken = text.lower().split(None, 1)
    if spoken[0] == "nineteen":
        rest = parse_count(spoken[1], ctx.numbers) if len(spoken) > 1 else None
        return 1900 + int(rest) if rest and rest < 100 else None
    tail = spoken[1].replace("thousand", "", 1).replace("and", "", 1).strip() if len(spoken) > 1 else ""
    rest = parse_count(tail, ctx.numbers) if tail else 0.0
    return 2000 + int(rest) if rest is not None and rest >= 0 else None


def _week_of_month(
    fields: Fields, month: int, year: int | None, mod: str | None, ctx: Context
) -> Resolution | None:
    """"the first week of September", "the last week of July": seven days of that month,
    valued as the ISO week that holds most of them."""
    if year is None:
        year = year_for(month, 15, ctx)
    n = int_field(fields, "week_n")
    if year is None:
        return Resolution(TimexType.DATE, "XXXX-WXX", mod)
    last_day = calendar.monthrange(year, month)[1]
    if "last_week" in fields:
        first = dt.date(year, month, last_day - 6)
    elif n is not None and 1 <= n <= 5:
        first = dt.date(year, month, min(1 + 7 * (n - 1), last_day))
    else:
        return None
    last = min(first + dt.timedelta(days=6), dt.date(year, month, last_day))
    middle = first + (last - first) / 2
    return Resolution(TimexType.DATE, week_value(middle), mod, Interval(first, last, Precision.WEEK))


def _weekday_of_month(
    fields: Fields, month: int, year: int | None, mod: str | None, ctx: Context
) -> Resolution | None:
    """"the last Sunday of March", "the first Monday in September": that day of that month."""
    weekday = int_field(fields, "weekday")
    n = -1 if "last_weekday" in fields else int_field(fields, "weekday_n")
    if weekday is None or n is None or not (n == -1 or 1 <= n <= 5):
        return None
    if year is None:
        year = year_for(month, 15, ctx)
    if year is None:
        return Resolution(TimexType.DATE, f"XXXX-{month:02d}", mod)
    day = _nth_weekday(year, month, weekday - 1, n)
    if day.month != month:
        return None  # "the fifth Friday of February"
    return finish(TimexType.DATE, day.isoformat(), mod)


def _year_of_weekday(month: int, day: int, weekday: int, dct: dt.date) -> int | None:
    """"Mon., Jan. 3" without a year: the year near the DCT in which Jan. 3 is a Monday, if
    exactly one of the three around it is (the weekday settles what the tense would guess)."""
    years = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            if dt.date(year, month, day).isoweekday() == weekday:
                years.append(year)
        except ValueError:
            continue
    return years[0] if len(years) == 1 else None


def resolve_date(fields: Fields, ctx: Context) -> Resolution | None:
    """Calendar dates spelled out in full or in part: years, months, days, quarters, decades."""
    mod = mod_of(fields)
    dct = ctx.dct
    era_year = int_field(fields, "era_year") or int_field(fields, "era_year_b")
    if era_year is not None:
        # "753 BC" is TIMEX3 "BC0753", on no calendar a date can hold; "AD 79" is 0079.
        if "bc" in fields:
            return Resolution(TimexType.DATE, f"BC{era_year:04d}", mod)
        return finish(TimexType.DATE, f"{era_year:04d}", mod) if era_year else None
    year = year_of(fields, dct)
    if year is None and "rel_year_of" in fields and dct is not None:
        year = dct.year + int(str(fields["rel_year_of"]))  # "March of last year"
    if "named_day" in fields:  # "9/11": only once it has happened
        if dct is not None and dct < _NINE_ELEVEN:
            return None
        return finish(TimexType.DATE, _NINE_ELEVEN.isoformat(), mod)
    if "decade" in fields:
        return finish(TimexType.DATE, str(fields["decade"])[:3], mod)
    if "decade_word" in fields:
        digit = int_field(fields, "decade_word") or 0
        century = dct.year // 100 if dct else 19
        if dct and century * 100 + digit * 10 > dct.year:
            century -= 1
        return finish(TimexType.DATE, f"{century}{digit}", mod)
    if "season_word" in fields or "fall" in fields:
        code = SEASON_WORDS[str(fields.get("season_word") or fields.get("fall")).lower()]
        if dct is None:
            return finish(TimexType.DATE, f"XXXX-{code}", mod)
        if ctx.tense() is Tense.FUTURE:
            # "growth will continue into the spring": the next one not yet over (the current
            # one included), as a future-tense month is; a November article means next spring.
            season_year = next(y for y in (dct.year - 1, dct.year, dct.year + 1)
                               if _season_end(y, code) >= dct)
        else:
            season_year = dct.year
            if season_start(season_year, code) > dct:
                season_year -= 1
        return finish(TimexType.DATE, f"{season_year:04d}-{code}", mod)
    if "spoken_year" in fields:
        year = _spoken_year(str(fields["spoken_year"]), ctx)
        if year is None:
            return None
        if "month" in fields:  # "January nineteen ninety-seven"
            return finish(TimexType.DATE, f"{year:04d}-{int(fields['month']):02d}", mod)
        if "season" in fields:  # "the winter of nineteen ninety-four"
            return finish(TimexType.DATE, f"{year:04d}-{fields['season']}", mod)
        return finish(TimexType.DATE, f"{year:04d}", mod)
    if "short_decade" in fields:
        tens = int(str(fields["short_decade"])[1])
        century = (dct.year // 100) if dct else 19
        if dct and century * 100 + tens * 10 > dct.year:
            century -= 1
        return finish(TimexType.DATE, f"{century}{tens}", mod)
    if "turn" in fields:
        return _turn_of_century(fields, ctx)
    if "century" in fields:
        n = int_field(fields, "century")
        if n is None or not 1 <= n <= 21:
            return None
        if "bc" in fields:  # "the fifth century BC": BC04, before any date the calendar holds
            return Resolution(TimexType.DATE, f"BC{n - 1:02d}", mod)
        half = 2 if "last_half" in fields else int_field(fields, "half")
        if half in (1, 2) and "end_century" not in fields:
            # "the first half of the 20th century": TIMEX3 values it by the century; the
            # interval is the half (1900-1949).
            begin = (n - 1) * 100 + (50 if half == 2 else 0)
            return Resolution(TimexType.DATE, f"{n - 1:02d}", mod, Interval(
                dt.date(max(begin, 1), 1, 1), dt.date(begin + 49, 12, 31), Precision.DECADE))
        last = int_field(fields, "end_century")
        if last is not None:
            if not n < last <= 21:
                return None
            first = interval_for_value(f"{n - 1:02d}")
            final = interval_for_value(f"{last - 1:02d}")
            if first is None or final is None:
                return None
            span = Interval(first.start, final.end, Precision.CENTURY)
            return Resolution(TimexType.DATE, f"{n - 1:02d}", mod, span)
        return finish(TimexType.DATE, f"{n - 1:02d}", mod)
    if "holiday" in fields:
        code = str(fields["holiday"])
        if year is None and dct is not None and "holiday_last" in fields:
            past = _feast_days(code, (dct.year - 1, dct.year))
            year = max((y for y, d in past if d < dct), default=None)
        elif year is None and dct is not None and "holiday_next" in fields:
            ahead = _feast_days(code, (dct.year, dct.year + 1))
            year = min((y for y, d in ahead if d > dct), default=None)
        elif year is None and dct is not None and "holiday_this" in fields:
            year = dct.year
        elif year is None and dct is not None:
            # Like a month without a year: this year's, last year's or next year's feast,
            # whichever the tense and the DCT make likely.
            year = holiday_year(code, dct, ctx)
        if year is None:
            return finish(TimexType.DATE, "XXXX-WXX" if "holiday_week" in fields else "XXXX-XX-XX",
                          mod)
        when = _holiday(code, year)
        if when is None:  # a movable feast outside its calendar's years
            return finish(TimexType.DATE, f"{year:04d}", mod)
        if "holiday_week" in fields:  # "Easter week"
            return finish(TimexType.DATE, week_value(when), mod)
        return finish(TimexType.DATE, when.isoformat(), mod)
    quarter = int_field(fields, "quarter") or int_field(fields, "quarter_num")
    if "quarter" in fields or "quarter_num" in fields:
        if quarter is None or not 1 <= quarter <= 4:
            return None
        if year is None and "rel_year" in fields and dct is not None:
            year = dct.year + int(str(fields["rel_year"]))
        if year is None and dct is not None:
            # A quarter that has not begun is last year's in a report ("profits for the
            # fourth quarter" in January). Future tense does not move it forward: "expects to
            # report third-quarter results" speaks of a quarter that has ended.
            middle = dt.date(dct.year, 3 * quarter - 1, 15)
            year = dct.year - 1 if middle > dct + PAST_SLACK else dct.year
            if year == dct.year and middle < dct - _QUARTER_REPORTED and ctx.tense() is Tense.FUTURE:
                # ... but one long over is next year's: "profits will rise in the first
                # quarter" in a November paper.
                year += 1
        return finish(TimexType.DATE, f"{year:04d}-Q{quarter}" if year else f"XXXX-Q{quarter}", mod)
    if "half" in fields or "last_half" in fields or "first_two" in fields or "last_two" in fields:
        # "the first two quarters of 1990" is its first half
        half = 1 if "first_two" in fields else 2 if "last_half" in fields or "last_two" in fields \
            else int_field(fields, "half")
        if half not in (1, 2):
            return None
        if year is None and "rel_year" in fields and dct is not None:
            year = dct.year + int(str(fields["rel_year"]))  # "the second half of next year"
        if year is None and dct is not None:
            year = dct.year
            end = dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)
            if end < dct - _HALF_REPORTED and ctx.tense() is Tense.FUTURE:
                year += 1  # "growth will pick up in the first half" in a November paper
        return finish(TimexType.DATE, f"{year:04d}-H{half}" if year else f"XXXX-H{half}", mod)
    if "season" in fields:
        prefix = f"{year:04d}" if year else "XXXX"
        return finish(TimexType.DATE, f"{prefix}-{fields['season']}", mod)
    month = int_field(fields, "month") or int_field(fields, "month_num")
    day = int_field(fields, "day")
    if "week_of" in fields and month is not None and day is not None:
        weekend = str(fields["week_of"]).lower() == "weekend"
        week_year = year if year is not None else year_for(month, day, ctx)
        if week_year is None:
            return finish(TimexType.DATE, "XXXX-WXX-WE" if weekend else "XXXX-WXX", mod)
        try:
            named = dt.date(week_year, month, day)
        except ValueError:
            return None
        if weekend:  # "the weekend of Aug. 13": the Saturday and Sunday of that week
            value, interval = weekend_of(named)
            return Resolution(TimexType.DATE, value, mod, interval)
        return finish(TimexType.DATE, week_value(named), mod)
    if ("week_n" in fields or "last_week" in fields) and month is not None:
        return _week_of_month(fields, month, year, mod, ctx)
    if ("weekday_n" in fields or "last_weekday" in fields) and month is not None:
        return _weekday_of_month(fields, month, year, mod, ctx)
    if year is None and "rel" in fields and dct is not None:
        year = dct.year + int(fields["rel"])  # "March last year"
    if month is not None:
        if year is None and day is not None and dct is not None and "weekday" in fields:
            year = _year_of_weekday(month, day, int(fields["weekday"]), dct)
        if year is None:
            year = year_for(month, day or 0, ctx)
        prefix = f"{year:04d}" if year else "XXXX"
        if day is not None:
            try:
                if year:
                    dt.date(year, month, day)
            except ValueError:
                return None
            return finish(TimexType.DATE, f"{prefix}-{month:02d}-{day:02d}", mod)
        return finish(TimexType.DATE, f"{prefix}-{month:02d}", mod)
    weekday = int_field(fields, "weekday")
    if weekday is not None:
        date = weekday_date(weekday, ctx)
        value = date.isoformat() if date else f"XXXX-WXX-{weekday}"
        if "pod" in fields:
            # "Friday night" is a part of that day (TIMEX3 1998-08-07TNI), as "last night" is.
            return finish(TimexType.TIME, f"{value}T{fields['pod']}", mod)
        return finish(TimexType.DATE, value, mod)
    if year is not None:
        return finish(TimexType.DATE, f"{year:04d}", mod)
    return None


def resolve_range(fields: Fields, ctx: Context) -> Resolution | None:
    """"between 2005 and 2012", "2005-12", "March 3-5": one timex whose interval covers both ends.

    The value is the TIMEX3 value of the range's start; the interval spans to the end's last day.
    """
    dct = ctx.dct
    if "end_weekday" in fields:  # "from Monday to Wednesday": the second follows the first
        start_day, end_day = int_field(fields, "weekday"), int_field(fields, "end_weekday")
        if start_day is None or end_day is None:
            return None
        first_day = weekday_date(start_day, ctx)
        if first_day is None:
            return finish(TimexType.DATE, f"XXXX-WXX-{start_day}", None)
        last_day = first_day + dt.timedelta(days=(end_day - start_day) % 7)
        return Resolution(TimexType.DATE, first_day.isoformat(), None,
                          Interval(first_day, last_day, Precision.DAY))
    if "end_day" in fields and "end_month" in fields:  # "from March 26 to April 2"
        first = resolve_date(
            {k: v for k, v in fields.items() if k not in ("end_day", "end_month")}, ctx
        )
        if first is None or first.interval is None:
            return first
        opening = first.interval.start
        end_month, end_day = int_field(fields, "end_month"), int_field(fields, "end_day")
        try:
            closing = dt.date(opening.year, end_month or 0, end_day or 0)
            if closing < opening:
                closing = dt.date(opening.year + 1, end_month or 0, end_day or 0)
        except ValueError:
            return None
        return Resolution(first.type, first.value, None, Interval(opening, closing, Precision.DAY))
    if "end_day" in fields:
        first = resolve_date({k: v for k, v in fields.items() if k != "end_day"}, ctx)
        if first is None or first.interval is None:
            return first
        end_day = int_field(fields, "end_day") or 0
        try:
            last = first.interval.start.replace(day=end_day)
        except ValueError:
            return None
        if last < first.interval.start:
            return None
        return Resolution(first.type, first.value, None,
                          Interval(first.interval.start, last, Precision.DAY))
    if "end_month" in fields:
        year = year_of(fields, dct)
        month, end_month = int_field(fields, "month"), int_field(fields, "end_month")
        if month is None or end_month is None:
            return None
        if year is None:
            year = year_for(month, 0, ctx)
        if year is None:
            return finish(TimexType.DATE, f"XXXX-{month:02d}", None)
        last_year = year + 1 if end_month < month else year
        a, b = interval_for_value(f"{year:04d}-{month:02d}"), interval_for_value(
            f"{last_year:04d}-{end_month:02d}")
        if a is None or b is None:
            return None
        return Resolution(TimexType.DATE, f"{year:04d}-{month:02d}", None, span(a, b))
    start_year = year_of(fields, dct)
    end_year = int_field(fields, "end_year")
    if end_year is None:
        two = int_field(fields, "end_year2")
        if start_year is None or two is None:
            return None
        end_year = start_year // 100 * 100 + two
    if start_year is None or not start_year < end_year <= start_year + 100:
        return None
    a, b = interval_for_value(f"{start_year:04d}"), interval_for_value(f"{end_year:04d}")
    if a is None or b is None:
        return None
    return Resolution(TimexType.DATE, f"{start_year:04d}", None, span(a, b))
