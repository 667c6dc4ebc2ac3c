"""Resolvers for lengths of time and sets: "36 years", "the last three years", "recent
weeks", "every year"; and the TIMEX3 duration values they write (P36Y, PT5H30M, PXW)."""

from __future__ import annotations

import datetime as dt
import re

from timeline.temporal.resolution import (
    Context,
    Fields,
    Resolution,
    int_field,
    mod_of,
    parse_count,
)
from timeline.temporal.tense import Tense
from timeline.temporal.types import Interval, Precision, TimexType
from timeline.temporal.values import interval_for_value, shift, shift_count

# The unit a fraction of each unit is written in, and how many of them make one.
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
            "MIN": ("S", 60)}


_UNIT_LETTER = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "H": "H", "MIN": "M", "S": "S"}


# Units TIMEX3 writes as a multiple of another: decade -> 10 years, fortnight -> 2 weeks.
_MULTIPLES = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "Q": ("M", 3), "FN": ("W", 2)}


def duration_value(amount: float | None, unit: str) -> str | None:
    """The TIMEX3 value of a length: P36Y, PT16H, P10Y for a decade, PXY for "several years"."""
    if amount is None:
        return None
    if unit == "WE":
        unit, amount = "D", amount * 2 if amount > 0 else amount
    if unit in _MULTIPLES:
        # TIMEX3 has no decade, century, millennium, quarter or fortnight: P10Y, P3M, P2W.
        unit, factor = _MULTIPLES[unit]
        amount = amount * factor if amount > 0 else amount
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
    if unit == "Q" and (num_text in {"a", "an", "one"} or ctx.surface.lower().endswith("-quarters")):
        return None  # "a quarter of the vote", "three-quarters": fractions
    if re.fullmatch(r"1\d{3}|20\d\d", num_text):
        return None  # "the 1988 quarter" is a date, not 1988 quarters
    if count == 0:
        return None
    if num_text in {"a", "an"} and re.search(r"[a-z]s(?:-long|-old)?$", ctx.surface.lower()):
        return None  # "a decades-long battle": the article belongs to the noun, not a count
    if count is not None and count > 1 and _ADJECTIVAL_RE.match(ctx.surface) \
            and not ctx.surface.lower().endswith("s"):
        # "the two-week crisis", "a five year low": an adjective; TimeML leaves the article
        # out, and the matcher then reads the duration from the number.
        return None
    if "and_half" in fields and count is not None and count > 0:
        count += 0.5  # "a minute and a half"
    value = duration_value(count, unit)
    return Resolution(TimexType.DURATION, value, mod_of(fields)) if value else None


def resolve_clock_length(fields: Fields, ctx: Context, count: float | None) -> Resolution | None:
    """"1 hour 08 minutes 14 seconds", "35 minutes and 38 seconds": one length, PT1H8M14S.

    A single part ("35 minutes") is left to the plain duration rule.
    """
    parts = []
    for group, letter in (("num", "H"), ("minutes", "M"), ("seconds", "S")):
        text = fields.get(group)
        if text is None:
            continue
        amount = count if group == "num" else parse_count(str(text), ctx.numbers)
        if amount is None or amount != int(amount):
            return None
        if amount:
            parts.append(f"{int(amount)}{letter}")
    if len(parts) < 2:
        return None
    return Resolution(TimexType.DURATION, "PT" + "".join(parts), mod_of(fields))


def resolve_anchored(fields: Fields, ctx: Context, count: float | None) -> Resolution | None:
    """"the last three years", "the next two weeks": a length that ends or starts at the DCT."""
    unit = str(fields.get("unit", ""))
    value = duration_value(count, unit)
    if value is None:
        return None
    rel = int(fields.get("rel", 0))
    mod = mod_of(fields)
    if ctx.dct is None or rel == 0 or count is None or count < 0 or unit in {"H", "MIN", "S"}:
        if ctx.dct is not None and unit in {"H", "MIN", "S"} and rel != 0:
            interval = Interval(ctx.dct - dt.timedelta(days=1), ctx.dct, Precision.DAY) if rel < 0 \
                else Interval(ctx.dct, ctx.dct + dt.timedelta(days=1), Precision.DAY)
            return Resolution(TimexType.DURATION, value, mod, interval, anchored=True)
        return Resolution(TimexType.DURATION, value, mod)
    anchor = ctx.dct
    focus = interval_for_value(ctx.focus_value or "")
    if rel > 0 and focus is not None and focus.start < anchor \
            and ctx.tense() in (Tense.PAST, Tense.PAST_ED, Tense.PAST_FIRM):
        # "In mid-1943 ... Over the next three years the war spread": a past-tense "next"
        # counts from the date the story is at, not from the DCT.
        anchor = focus.start
    other = shift_count(anchor, unit if unit != "WE" else "W", count * rel)
    start, end = (other, anchor) if rel < 0 else (anchor, other)
    precision = {"Y": Precision.YEAR, "M": Precision.MONTH, "W": Precision.WEEK,
                 "Q": Precision.QUARTER, "DE": Precision.DECADE, "CE": Precision.CENTURY,
                 "ML": Precision.CENTURY, "FN": Precision.WEEK}
    interval = Interval(start, end, precision.get(unit, Precision.DAY), mod is not None)
    return Resolution(TimexType.DURATION, value, mod, interval, anchored=True)


def resolve_vague_span(fields: Fields, ctx: Context) -> Resolution | None:
    """"recent years", "the coming weeks", "the past few months": a few units before or after."""
    unit = str(fields.get("unit", ""))
    vague = str(fields.get("vague", "")).lower()
    backward = not any(w in vague for w in ("coming", "next", "upcoming", "ahead"))
    value = duration_value(-1, unit)
    if value is None:
        return None
    if unit == "Y" and vague in ("recent", "past"):
        value, type_ = "PAST_REF", TimexType.DATE  # the TimeBank reading of "recent years"
    else:
        type_ = TimexType.DURATION
    if ctx.dct is None or unit in {"H", "MIN", "S"}:
        return Resolution(type_, value)
    other = shift(ctx.dct, unit if unit != "WE" else "W", -3 if backward else 3)
    start, end = (other, ctx.dct) if backward else (ctx.dct, other)
    return Resolution(type_, value, None, Interval(start, end, Precision.DAY, True), anchored=True)


def resolve_vague_length(fields: Fields, ctx: Context) -> Resolution | None:
    """"for years", "within weeks", "decades-long": an unknown number of units; one for a
    singular ("a day-long meeting"). Placed nowhere on the calendar."""
    plural = ctx.surface.lower().split("-")[0].endswith(("s", "ies"))
    value = duration_value(-1 if plural else 1, str(fields.get("unit", "")))
    return Resolution(TimexType.DURATION, value) if value else None


_PARTS_OF_DAYS = {"mornings": "TMO", "afternoons": "TAF", "evenings": "TEV", "nights": "TNI"}


def resolve_set(fields: Fields, ctx: Context, count: float | None) -> Resolution | None:
    """"every year", "each Monday", "annually", "twice a year": sets, never on the calendar."""
    if "frequency" in fields:
        return Resolution(TimexType.SET, str(fields["frequency"]))
    weekday = int_field(fields, "weekday") or int_field(fields, "weekdays")
    if weekday is not None:
        parts = fields.get("parts_of_day") or fields.get("shared_parts") or ""
        part = _PARTS_OF_DAYS.get(str(parts).lower(), "")
        return Resolution(TimexType.SET, f"XXXX-WXX-{weekday}{part}")
    if "every_pod" in fields:  # "every morning": that part of every day
        return Resolution(TimexType.SET, f"XXXX-XX-XXT{fields['every_pod']}")
    if "every_weekend" in fields:
        return Resolution(TimexType.SET, "XXXX-WXX-WE")
    if "season" in fields:  # "each summer"
        return Resolution(TimexType.SET, f"XXXX-{fields['season']}")
    month = int_field(fields, "month")
    if month is not None:  # "each July"
        return Resolution(TimexType.SET, f"XXXX-{month:02d}")
    unit = str(fields.get("unit2") or fields.get("unit", ""))
    # "every other week" recurs every two of them
    value = duration_value(count if "unit2" in fields else 2 if "other" in fields else 1, unit)
    return Resolution(TimexType.SET, value) if value else None
