"""display_date: an interval at its precision, as a reader writes it."""

from __future__ import annotations

import pytest

from timeline.export.dates import display_date, ordinal


@pytest.mark.parametrize(
    ("start", "end", "precision", "approximate", "expected"),
    [
        # one unit at each precision
        pytest.param("2016-08-22", "2016-08-22", "day", False, "22 Aug 2016", id="day"),
        pytest.param("2016-08-15", "2016-08-21", "week", False, "Week 33, 2016", id="week"),
        pytest.param("2016-08-01", "2016-08-31", "month", False, "Aug 2016", id="month"),
        pytest.param("2016-07-01", "2016-09-30", "quarter", False, "Q3 2016", id="quarter"),
        pytest.param("2016-06-01", "2016-08-31", "season", False, "Summer 2016", id="season"),
        pytest.param(
            "2016-06-21", "2016-09-22", "season", False, "Summer 2016", id="astronomical-season"
        ),
        pytest.param(
            "2016-12-01", "2017-02-28", "season", False, "Winter 2016–17", id="winter-new-year"
        ),
        pytest.param("1994-01-01", "1994-12-31", "year", False, "1994", id="year"),
        pytest.param("1990-01-01", "1999-12-31", "decade", False, "1990s", id="decade"),
        pytest.param(
            "1900-01-01", "1999-12-31", "century", False, "20th century", id="century-popular"
        ),
        pytest.param(
            "1901-01-01", "2000-12-31", "century", False, "20th century", id="century-strict"
        ),
        # ranges of several units share what both ends have in common
        pytest.param("2005-01-01", "2012-12-31", "year", False, "2005–2012", id="years"),
        pytest.param("2005-03-01", "2006-06-30", "month", False, "Mar 2005–Jun 2006", id="months"),
        pytest.param(
            "2006-03-01", "2006-06-30", "month", False, "Mar–Jun 2006", id="months-same-year"
        ),
        pytest.param("2013-03-03", "2013-03-05", "day", False, "3–5 Mar 2013", id="days"),
        pytest.param(
            "2013-02-27", "2013-03-02", "day", False, "27 Feb–2 Mar 2013", id="days-two-months"
        ),
        pytest.param(
            "2012-12-30", "2013-01-02", "day", False, "30 Dec 2012–2 Jan 2013", id="days-years"
        ),
        pytest.param("2016-08-15", "2016-09-04", "week", False, "Weeks 33–35, 2016", id="weeks"),
        pytest.param("2016-01-01", "2016-09-30", "quarter", False, "Q1–Q3 2016", id="quarters"),
        pytest.param("1980-01-01", "1999-12-31", "decade", False, "1980s–1990s", id="decades"),
        pytest.param(
            "1801-01-01", "2000-12-31", "century", False, "19th–20th century", id="centuries"
        ),
        pytest.param(
            "2015-03-01", "2016-08-31", "season", False, "Spring 2015–Summer 2016", id="seasons"
        ),
        # ends off the unit's boundaries fall back to a finer unit, never claim more
        pytest.param(
            "2010-01-01", "2016-08-23", "year", False, "1 Jan 2010–23 Aug 2016", id="since-2010"
        ),
        pytest.param("1990-01-01", "1995-12-31", "decade", False, "1990–1995", id="decade-years"),
        pytest.param("2016-08-17", "2016-08-23", "week", False, "17–23 Aug 2016", id="week-days"),
        pytest.param("2016-08-01", "2016-08-15", "month", False, "1–15 Aug 2016", id="half-month"),
        # approximation
        pytest.param("2014-01-01", "2014-12-31", "year", True, "~2014", id="approximate"),
        pytest.param(
            "2005-01-01", "2012-12-31", "year", True, "~2005–2012", id="approximate-range"
        ),
        # data the display cannot read is shown as given, never raised
        pytest.param("2016-08-22", "2016-08-22", "fortnight", False, "22 Aug 2016", id="unknown"),
        pytest.param("XXXX-08", "XXXX-08", "month", False, "XXXX-08", id="not-iso"),
    ],
)
def test_display_date(
    start: str, end: str, precision: str, approximate: bool, expected: str
) -> None:
    assert display_date(start, end, precision, approximate) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (21, "21st")],
)
def test_ordinal(number: int, expected: str) -> None:
    assert ordinal(number) == expected
