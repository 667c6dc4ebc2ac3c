"""The date tagger: find date expressions in a text and resolve them against the DCT.

Matching works in two steps so that a megabyte costs one cheap regex pass: the RuleSet's
token finder lists the digits and rule words of the text, then only the rules a trigger token
points to are tried, at the token starts just before it. Among overlapping matches the
leftmost, then longest, whose resolver accepts it wins. Nothing is kept
between calls: the same text and DCT always give the same timexes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable

from timeline.temporal.firstset import char_class
from timeline.temporal.resolution import Context, Resolution, parse_count
from timeline.temporal.resolve import resolve
from timeline.temporal.ruleset import DIGIT, Rule, RuleSet, load_rules
from timeline.temporal.tense import Tense, TenseIndex
from timeline.temporal.types import Interval, Precision, Timex, TimexType
from timeline.temporal.values import interval_for_value, shift, unit_value

_SINCE_RE = re.compile(r"(?i:\bsince)\s+$")
_QUARTER_RE = re.compile(r"^\d{4}-Q[1-4]$")
# Only quarters the text names set the reference quarter; "a year ago" computed from it must
# not move it.
_QUARTER_SOURCES = frozenset({"date", "period_ref"})
# "the year ended June 30", "the year to February 1996": twelve months named by their end.
_ENDED_RE = re.compile(
    r"\s+(?:ended|ending|that\s+ended|which\s+ended"
    r"|to(?=\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s))\b"
)
# How far before a trigger token a match may start ("at least the first two quarters of 1990"
# starts 9 characters before "first").
_WINDOW = 32
# DCTs this far from the ends of Python's calendar (years 1..9999) can anchor "next century"
# or "two decades ago" without overflow; others are treated as no DCT.
_SAFE_DCT = (dt.date(1000, 1, 1), dt.date(9000, 12, 31))
# How close a date must be to serve as the reference of "a year earlier".
_PREVIOUS_REACH = 150
# "about five hours", "at about 10:35 a.m.": TimeBank and AQUAINT annotate the length or the
# clock without the hedge (5 times of 7 in the two corpora); the mod keeps it.
_ABOUT_RE = re.compile(r"[Aa]bout\s+")
# "orders rose 5% from a year earlier, after growing 14.8% in the previous month": a baseline
# of comparison is no date the story moves to, so what follows does not count from it.
_BASELINE_RE = re.compile(r"(?i)(?:earlier|ago)$")
_COMPARED_RE = re.compile(r"(?i)\b(?:from|than|with|over|against|versus|vs\.?)\s+$")
# What may stand between a day and the clock time on it: "Friday at 8 a.m.", "June 5, 10 a.m.".
_ADJACENT_GAP_RE = re.compile(r"\s*,?\s*(?:(?:at|around|about|from|by|until)\s+)?")
_DAY_VALUE_RE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_HOURS_GAP_RE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:to|until|till|and|-|–)\s*")
# How far back the reject_before / keep_before checks look.
_LOOKBEHIND = 32


def _resolve(rule: Rule, match: re.Match[str], rules: RuleSet, ctx: Context) -> Resolution | None:
    fields: dict[str, int | str] = {}
    for group, text in match.groupdict().items():
        if text is None:
            continue
        value = rules.normalise(rule, group, text)
        if value is None:
            return None
        fields[group] = value
    count = None
    if "num" in fields:
        count = parse_count(str(fields["num"]), rules.vocabularies["number"].table)
        if count is None:
            return None
    return resolve(rule.kind, fields, ctx, count)


def _vetoed(rule: Rule, text: str, match: re.Match[str]) -> bool:
    """The rule's own context checks: counts and addresses that look like years."""
    if rule.reject_after is None and rule.reject_before is None:
        return False
    before = text[max(0, match.start() - _LOOKBEHIND) : match.start()]
    if rule.keep_before is not None and rule.keep_before.search(before):
        return False
    if rule.reject_before is not None and rule.reject_before.search(before):
        return True
    return bool(rule.reject_after is not None and rule.reject_after.match(text, match.end()))


_RANGE_STARTS = ("year_from", "month", "weekday", "year")
_RANGE_ENDS = ("end_year", "end_year2", "end_month", "end_day", "end_weekday")
_RANGE_WORD_RE = re.compile(r"(?i)\b(?:and|to|until|till|through)\b")
_END_VALUE = {
    Precision.YEAR: "%Y",
    Precision.MONTH: "%Y-%m",
    Precision.DAY: "%Y-%m-%d",
}


def _range_parts(match: re.Match[str], res: Resolution) -> tuple[Timex, ...]:
    """The two ends of a worded range, as TimeML tags them ("between [2005] and [2012]").

    Dashed ranges ("2005-12", "March 3-5") stay one tag: no TimeML convention splits them.
    """
    if res.interval is None or res.interval.precision not in _END_VALUE:
        return ()
    groups = match.groupdict()
    first = next((g for g in _RANGE_STARTS if groups.get(g) is not None), None)
    last = next((g for g in _RANGE_ENDS if groups.get(g) is not None), None)
    if first is None or last is None:
        return ()
    text = match.string
    start = match.start(first)
    start_end = match.end("day") if groups.get("day") is not None else match.end(first)
    end_start = match.start(last)
    if not _RANGE_WORD_RE.search(text, start_end, end_start):
        return ()
    end_value = res.interval.end.strftime(_END_VALUE[res.interval.precision])
    ends = ((start, start_end, res.value), (end_start, match.end(), end_value))
    return tuple(
        Timex(a, b, text[a:b], TimexType.DATE, value, None, interval_for_value(value))
        for a, b, value in ends
    )


def _anchor_since(text: str, start: int, res: Resolution, dct: dt.date | None) -> Resolution:
    """"since 2010": the date's interval runs on to the DCT (the extent stays "2010", as in TimeML)."""
    if (
        dct is None
        or res.interval is None
        or res.type is not TimexType.DATE
        or not _SINCE_RE.search(text, max(0, start - 8), start)
        or res.interval.start > dct
    ):
        return res
    interval = Interval(res.interval.start, dct, res.interval.precision, res.interval.approximate)
    return Resolution(res.type, res.value, res.mod, interval, anchored=True)


_DAY_OFFSET_RE = re.compile(r"(?i:\bthe\s+day\s+(?P<way>before|after))\s+$")


def _day_offset(text: str, start: int, res: Resolution) -> tuple[int, Resolution] | None:
    """"the day before last Tuesday", "the day after Christmas": one day off the date that
    follows, as one expression (TimeML tags the whole phrase with the shifted value)."""
    hit = _DAY_OFFSET_RE.search(text, max(0, start - 24), start)
    interval = res.interval
    if hit is None or interval is None or interval.precision is not Precision.DAY \
            or res.type is not TimexType.DATE or res.mod is not None:
        return None
    day = interval.start + dt.timedelta(days=-1 if hit["way"].lower() == "before" else 1)
    return hit.start(), Resolution(res.type, day.isoformat(), None,
                                   Interval(day, day, Precision.DAY), res.anchored)


_LATER_RE = re.compile(r"\s+(?:later|afterwards?)\b", re.IGNORECASE)
_LENGTH_RE = re.compile(r"^P(\d{1,4})([DWMY])$")


def _anchor_later(text: str, end: int, res: Resolution, focus: str | None) -> Resolution:
    """"He was arrested on May 3. Two days later he was freed": the length stays the TIMEX3
    (DURATION P2D, "later" is a signal, as TimeML has it) and its interval is the day, month or
    year that far after the date named last, so that the event it dates has its place."""
    length = _LENGTH_RE.match(res.value)
    reference = interval_for_value(focus or "")
    if length is None or reference is None or not _LATER_RE.match(text, end):
        return res
    amount, unit = int(length[1]), length[2]
    if unit in "DW" and reference.precision is Precision.DAY:
        day = shift(reference.start, unit, amount)
        interval = Interval(day, day, Precision.DAY)
    elif unit in "MY" and reference.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR):
        moved = shift(reference.start, unit, amount)
        grain = "M" if unit == "M" and reference.precision is not Precision.YEAR else "Y"
        found = interval_for_value(unit_value(moved, grain))
        if found is None:
            return res
        interval = found
    else:
        return res
    return Resolution(res.type, res.value, res.mod, interval, anchored=True)


class _LazyTense:
    """The tense at one expression, computed on first call (most expressions never ask)."""

    __slots__ = ("_end", "_index", "_start", "_tense")

    def __init__(self, index: Callable[[], TenseIndex], start: int, end: int) -> None:
        self._index, self._start, self._end = index, start, end
        self._tense: Tense | None = None

    def __call__(self) -> Tense:
        if self._tense is None:
            self._tense = self._index().tense_at(self._start, self._end)
        return self._tense


def _candidates(text: str, ruleset: RuleSet) -> list[tuple[int, int, int, int, re.Match[str]]]:
    """Every rule match near a trigger token, as (start, -end, -priority, rule index, match).

    Rules are tried only at token starts up to _WINDOW characters before one of their trigger
    tokens, each (start, rule) pair once.
    """
    starts: list[int] = []
    triggers: list[tuple[int, str]] = []
    trigger_masks = ruleset.trigger_masks
    counted = ruleset.counted_number
    for token in ruleset.tokens.finditer(text):
        position = token.start()
        starts.append(position)
        word = token["word"]
        if word:
            key = word.lower()
            if key in trigger_masks:
                triggers.append((position, key))
        elif counted is None or counted.match(text, position) is None:
            triggers.append((position, DIGIT))
    tried: dict[int, int] = {}  # start -> bit set of the rules already tried there
    # Token starts that passed their class's precheck, in order. Triggers come in text order,
    # so each start is prechecked once, when the first window reaches it.
    passed: list[int] = []
    checked = 0  # starts[:checked] have been prechecked
    found: list[tuple[int, int, int, int, re.Match[str]]] = []
    rules = ruleset.rules
    matchers = ruleset.matchers
    start_classes = ruleset.start_classes
    prechecks = ruleset.prechecks
    start_mask = ruleset.start_mask
    all_mask = ruleset.all_mask
    for trigger, key in triggers:
        first = bisect.bisect_left(starts, trigger - _WINDOW)
        last = bisect.bisect_right(starts, trigger)
        for i in range(max(first, checked), last):
            start = starts[i]
            start_class = char_class(text[start])
            if start_class not in start_classes:
                continue
            precheck = prechecks.get(start_class)
            if precheck is None or precheck.match(text, start) is not None:
                passed.append(start)
                # The rules that cannot begin with these characters count as tried already.
                tried[start] = all_mask & ~start_mask(text, start)
        checked = max(checked, last)
        mask = trigger_masks[key]
        for start in passed[bisect.bisect_left(passed, trigger - _WINDOW) :]:
            done = tried[start]
            todo = mask & ~done
            if not todo:
                continue
            tried[start] = done | mask
            while todo:  # each rule of the bit set not yet tried here, lowest index first
                low = todo & -todo
                todo ^= low
                rule_id = low.bit_length() - 1
                match = matchers[rule_id](text, start)
                if match is None or match.end() == start:
                    continue
                found.append((start, -match.end(), -rules[rule_id].priority, rule_id, match))
    found.sort(key=lambda c: c[:4])
    return found


def tag(text: str, dct: dt.date | None, rules: RuleSet | None = None) -> list[Timex]:
    """Every date expression in ``text``, resolved against the document creation time ``dct``.

    >>> [t.value for t in tag("He arrived on March 22, 2013.", None)]
    ['2013-03-22']
    """
    ruleset = rules if rules is not None else load_rules()
    if dct is not None and not _SAFE_DCT[0] <= dct <= _SAFE_DCT[1]:
        dct = None  # relative arithmetic would leave the calendar; treat as unknown
    found: list[Timex] = []
    last_quarter: str | None = None
    numbers = ruleset.vocabularies["number"].table
    tenses = functools.cache(lambda: TenseIndex.build(text))  # built on first need only
    position = 0
    focus: str | None = None  # the value of the latest date named (see Context.focus_value)
    anchor: Timex | None = None  # the latest timex that later ones may count from
    for start, _, _, rule_id, match in _candidates(text, ruleset):
        if start < position:
            continue  # inside an accepted timex, or a shorter reading of one
        rule = ruleset.rules[rule_id]
        if _vetoed(rule, text, match):
            continue
        tense = _LazyTense(tenses, start, match.end())
        ended = bool(_ENDED_RE.match(text, match.end()))
        previous = anchor if anchor is not None and start - anchor.end <= _PREVIOUS_REACH else None
        adjacent = (
            previous.value
            if previous is not None and previous.type is TimexType.DATE
            and _DAY_VALUE_RE.match(previous.value)
            and _ADJACENT_GAP_RE.fullmatch(text, previous.end, start)
            # "open from 10 a.m. (0800 GMT) to 2 p.m.": the end of a span of hours is on
            # the day of its start.
            else previous.value[:10]
            if previous is not None and previous.type is TimexType.TIME
            and _DAY_VALUE_RE.match(previous.value[:10])
            and _HOURS_GAP_RE.fullmatch(text, previous.end, start)
            else None
        )
        ctx = Context(dct, match.group(), tense, last_quarter, numbers, ended,
                      previous.value if previous and previous.type is TimexType.DATE else None,
                      previous.value if previous and previous.type is TimexType.DURATION else None,
                      focus, adjacent)
        res = _resolve(rule, match, ruleset, ctx)
        if res is None:
            continue
        if res.type is TimexType.DATE:
            res = _anchor_since(text, start, res, dct)
            shifted = _day_offset(text, start, res)
            if shifted is not None and (not found or found[-1].end <= shifted[0]):
                start, res = shifted
        later = False
        if res.type is TimexType.DURATION and res.interval is None:
            res = _anchor_later(text, match.end(), res, focus)
            later = res.interval is not None
        if res.type in (TimexType.DURATION, TimexType.TIME):
            hedge = _ABOUT_RE.match(text, start, match.end())
            if hedge is not None:
                start = hedge.end()  # the hedge stays in the mod (APPROX), not in the extent
        baseline = bool(_BASELINE_RE.search(match.group())) \
            and bool(_COMPARED_RE.search(text, max(0, start - 16), start))
        if res.type in (TimexType.DATE, TimexType.TIME) and res.interval is not None \
                and not baseline:
            focus = res.value
        elif res.type is TimexType.DURATION and res.anchored and res.interval is not None \
                and res.interval.precision in _END_VALUE and later:
            # "a year later Germany reunified on 3 October": the story has moved to 1990
            focus = res.interval.start.strftime(_END_VALUE[res.interval.precision])
        parts = _range_parts(match, res) if rule.kind == "range" else ()
        found.append(Timex(start, match.end(), text[start : match.end()], res.type, res.value, res.mod,
                           res.interval, res.anchored, parts))
        if not baseline:
            anchor = found[-1]
        if rule.kind in _QUARTER_SOURCES and _QUARTER_RE.match(res.value) and (
            dct is None or res.interval is None or res.interval.start <= dct
        ):
            # A quarter not yet begun ("in the third quarter of 1990", a forecast) is not
            # the one the results are about.
            last_quarter = res.value
        position = match.end()
    return found
