"""TIMEX3 values <-> intervals, duration values, and the tense cues."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal.durations import duration_value
from timeline.temporal.tense import Tense, TenseIndex
from timeline.temporal.types import Precision
from timeline.temporal.values import interval_for_value, narrow


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        pytest.param("1994", "1994-01-01", "1994-12-31", Precision.YEAR, id="year"),
        pytest.param("2016-02", "2016-02-01", "2016-02-29", Precision.MONTH, id="leap-month"),
        pytest.param("2016-08-22", "2016-08-22", "2016-08-22", Precision.DAY, id="day"),
        pytest.param("2016-W33", "2016-08-15", "2016-08-21", Precision.WEEK, id="week"),
        pytest.param("1998-Q3", "1998-07-01", "1998-09-30", Precision.QUARTER, id="quarter"),
        pytest.param("1998-WI", "1998-12-01", "1999-02-28", Precision.SEASON, id="winter"),
        pytest.param("199", "1990-01-01", "1999-12-31", Precision.DECADE, id="decade"),
        pytest.param("19", "1900-01-01", "1999-12-31", Precision.CENTURY, id="century"),
        pytest.param("2016-08-22T08:00", "2016-08-22", "2016-08-22", Precision.DAY, id="time"),
    ],
)
def test_interval_for_value(value: str, start: str, end: str, precision: Precision) -> None:
    interval = interval_for_value(value)
    assert interval is not None
    assert (interval.start.isoformat(), interval.end.isoformat()) == (start, end)
    assert interval.precision is precision


@pytest.mark.parametrize("value", ["XXXX-08", "PAST_REF", "P3Y", "2016-Q7", "", "2016-13"])
def test_no_interval_for_unplaceable_values(value: str) -> None:
    assert interval_for_value(value) is None


def test_narrow_takes_a_third() -> None:
    year = interval_for_value("2012")
    assert year is not None
    end = narrow(year, "END")
    assert end.end == dt.date(2012, 12, 31) and end.approximate
    assert narrow(year, None) == year
    day = interval_for_value("2016-08-22")
    assert day is not None
    for mod in ("START", "MID", "END"):
        assert (narrow(day, mod).start, narrow(day, mod).end) == (day.start, day.end)


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        pytest.param(36, "Y", "P36Y", id="years"),
        pytest.param(1, "DE", "P10Y", id="decade"),
        pytest.param(3, "Q", "P9M", id="quarters"),
        pytest.param(16, "H", "PT16H", id="hours"),
        pytest.param(5.5, "H", "PT5H30M", id="fraction-hours"),
        pytest.param(-1, "W", "PXW", id="unknown"),
    ],
)
def test_duration_value(amount: float, unit: str, value: str) -> None:
    assert duration_value(amount, unit) == value


@pytest.mark.parametrize(
    ("text", "target", "tense"),
    [
        pytest.param("Zarif said Monday that", "Monday", Tense.PAST, id="said"),
        pytest.param("The minister will visit in July.", "July", Tense.FUTURE, id="will"),
        pytest.param("Mr. Smith will retire Feb. 1 after", "Feb. 1", Tense.FUTURE, id="title-stop"),
        pytest.param("Payment is due by Jan. 14", "Jan. 14", Tense.FUTURE, id="deadline"),
        pytest.param("In July", "July", Tense.UNKNOWN, id="none"),
        pytest.param("He was released on 12 January.", "12 January", Tense.PAST_FIRM,
                     id="was-participle"),
        pytest.param("They fled in December.", "December", Tense.PAST_FIRM, id="strong-verb"),
        pytest.param("It was expected in December.", "December", Tense.PRESENT,
                     id="plan-participle-takes-the-nearer-date"),
        pytest.param("Saudi Arabia told oil companies of a cutback in September.", "September",
                     Tense.PAST, id="telling-is-not-firm"),
        pytest.param("The bid was extended to Nov. 16.", "Nov. 16", Tense.FUTURE, id="extended-to"),
        pytest.param("The meeting was rescheduled for Nov. 20.", "Nov. 20", Tense.FUTURE,
                     id="rescheduled-for"),
        pytest.param("The plant was moved to Ohio in March.", "March", Tense.PAST_FIRM,
                     id="moved-somewhere-is-past"),
        pytest.param("the visit slated for September", "September", Tense.FUTURE, id="slated"),
        pytest.param("He gave no reason for the Jan. 14 deadline.", "Jan. 14", Tense.UNKNOWN,
                     id="deadline-noun"),
    ],
)
def test_tense(text: str, target: str, tense: Tense) -> None:
    start = text.index(target)
    assert TenseIndex.build(text).tense_at(start, start + len(target)) is tense
