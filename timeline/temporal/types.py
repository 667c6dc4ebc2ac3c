"""Value types of the date tagger: a found date expression (Timex) and its resolved Interval.

These are the contract between the tagger and everything downstream (events, store, exports),
so they are small frozen dataclasses with no behaviour that depends on rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Precision(StrEnum):
    """How finely an interval is known; ordered from finest to coarsest (see RANK)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def rank(self) -> int:
        """0 for day up to 7 for century: smaller is more precise."""
        return _RANK[self]


_RANK = {p: i for i, p in enumerate(Precision)}


class TimexType(StrEnum):
    """TimeML TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True, slots=True)
class Interval:
    """An inclusive range of ISO days with the precision it is known at (DESIGN.md, Dates)."""

    start: date
    end: date
    precision: Precision
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"interval start {self.start} is after end {self.end}")


@dataclass(frozen=True, slots=True)
class Timex:
    """One date expression found in a text.

    ``start``/``end`` are character offsets (end exclusive) so that ``text[start:end] == surface``.
    ``interval`` is None when the expression cannot be placed on the calendar: a bare duration
    ("36 years"), a set ("every year"), or a relative expression with no DCT ("XXXX-08").
    ``anchored`` is True for durations that fix an interval ("in the last three years",
    "since 2010"): those make events, bare durations do not.
    ``parts`` holds the two ends of a worded range ("between 2005 and 2012" -> "2005", "2012"):
    the timeline keeps the range as one interval, TimeML annotates (and TempEval scores) the
    ends as two TIMEX3s.
    """

    start: int
    end: int
    surface: str
    type: TimexType
    value: str
    mod: str | None = None
    interval: Interval | None = None
    anchored: bool = False
    parts: tuple[Timex, ...] = ()
