"""What the date tagger reads, as case tables: text, DCT, expected value and interval.

An expected interval is (start, end) in ISO days, or None when the expression has no place on
the calendar (durations, sets, relative dates without a DCT).
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal import Precision, Timex, TimexType, tag

NOV = dt.date(2016, 11, 15)  # a Tuesday
AUG = dt.date(2016, 8, 23)  # a Tuesday


def _one(text: str, dct: dt.date | None, surface: str | None = None) -> Timex:
    found = tag(text, dct)
    if surface is not None:
        found = [t for t in found if t.surface == surface]
    assert len(found) == 1, [(t.surface, t.value) for t in found]
    return found[0]


def _interval(t: Timex) -> tuple[str, str] | None:
    return (t.interval.start.isoformat(), t.interval.end.isoformat()) if t.interval else None


SEEDS = [
    pytest.param("paid an official visit to Latin America last August.", NOV, "last August",
                 "2016-08", ("2016-08-01", "2016-08-31"), id="last-august"),
    pytest.param("visited the region five times between 2005 and 2012.", NOV,
                 "between 2005 and 2012", "2005", ("2005-01-01", "2012-12-31"), id="between"),
    pytest.param("In the last three years, Iran has established ties.", NOV,
                 "the last three years", "P3Y", ("2013-11-15", "2016-11-15"), id="last-3-years"),
    pytest.param("Almost twenty years after the devastating terrorist attack", NOV,
                 "Almost twenty years", "P20Y", None, id="almost-twenty-years"),
    pytest.param("the attack on the AMIA building in 1994", NOV, "1994", "1994",
                 ("1994-01-01", "1994-12-31"), id="1994"),
    pytest.param("In July, a Middle Eastern media outlet reported that", NOV, "July", "2016-07",
                 ("2016-07-01", "2016-07-31"), id="in-july-past"),
    pytest.param("In July, the minister will visit Caracas.", NOV, "July", "2017-07",
                 ("2017-07-01", "2017-07-31"), id="in-july-future"),
    pytest.param("Mohammad Javad Zarif said Monday that", AUG, "Monday", "2016-08-22",
                 ("2016-08-22", "2016-08-22"), id="said-monday"),
    pytest.param("Last week, Iran's Zarif announced his trip", AUG, "Last week", "2016-W33",
                 ("2016-08-15", "2016-08-21"), id="last-week"),
    pytest.param("increased by 25 percent since 2010", AUG, "2010", "2010",
                 ("2010-01-01", "2016-08-23"), id="since-2010"),
    # Convention: "earlier this year" keeps the corpus value (2016, mod START) and its interval
    # runs from the start of the year to the DCT.
    pytest.param("reported earlier this year:", AUG, "earlier this year", "2016",
                 ("2016-01-01", "2016-08-23"), id="earlier-this-year"),
]

ABSOLUTE = [
    pytest.param("March 22, 2013", AUG, "2013-03-22", ("2013-03-22", "2013-03-22"), id="mdy"),
    pytest.param("22 March 2013", AUG, "2013-03-22", ("2013-03-22", "2013-03-22"), id="dmy"),
    pytest.param("Mar. 22", AUG, "2016-03-22", ("2016-03-22", "2016-03-22"), id="abbrev-md"),
    pytest.param("3/22/2013", AUG, "2013-03-22", ("2013-03-22", "2013-03-22"), id="numeric"),
    pytest.param("2013-03-22", AUG, "2013-03-22", ("2013-03-22", "2013-03-22"), id="iso"),
    pytest.param("March 2013", AUG, "2013-03", ("2013-03-01", "2013-03-31"), id="month-year"),
    pytest.param("the 1994 Ford strike", AUG, "1994", ("1994-01-01", "1994-12-31"),
                 id="year-before-a-maker-after-the"),
    pytest.param("1994", AUG, "1994", ("1994-01-01", "1994-12-31"), id="year"),
    pytest.param("fiscal 1998", AUG, "1998", ("1998-01-01", "1998-12-31"), id="fiscal"),
    pytest.param("the 1990s", AUG, "199", ("1990-01-01", "1999-12-31"), id="decade"),
    pytest.param("the 20th century", AUG, "19", ("1900-01-01", "1999-12-31"), id="century"),
    pytest.param("spring 2012", AUG, "2012-SP", ("2012-03-01", "2012-05-31"), id="season"),
    pytest.param("the third quarter of 2012", AUG, "2012-Q3", ("2012-07-01", "2012-09-30"),
                 id="quarter-of"),
    pytest.param("Q3 2012", AUG, "2012-Q3", ("2012-07-01", "2012-09-30"), id="q3"),
    pytest.param("H1 2012", AUG, "2012-H1", ("2012-01-01", "2012-06-30"), id="h1"),
    pytest.param("the first week of September", AUG, "2016-W35", ("2016-09-01", "2016-09-07"),
                 id="first-week-of-month"),
    pytest.param("the last week of July", AUG, "2016-W30", ("2016-07-25", "2016-07-31"),
                 id="last-week-of-month"),
    pytest.param("the second half of the year", AUG, "2016-H2", ("2016-07-01", "2016-12-31"),
                 id="half-of-the-year"),
    pytest.param("the weekend of Aug. 13", AUG, "2016-W32-WE", ("2016-08-13", "2016-08-14"),
                 id="weekend-of"),
    pytest.param("from Monday to Wednesday", AUG, "2016-08-22", ("2016-08-22", "2016-08-24"),
                 id="weekday-range"),
    pytest.param("2015-01", AUG, "2015-01", ("2015-01-01", "2015-01-31"), id="iso-month"),
    pytest.param("a year and a half ago", AUG, "2015-02", ("2015-02-01", "2015-02-28"),
                 id="year-and-a-half-ago"),
    pytest.param("a quarter century ago", AUG, "1991", ("1991-01-01", "1991-12-31"),
                 id="quarter-century-ago"),
    pytest.param("the 15th-century navigator", AUG, "14", ("1400-01-01", "1499-12-31"),
                 id="century-adjective"),
    pytest.param("The year 2006 has been catastrophic", AUG, "2006", ("2006-01-01", "2006-12-31"),
                 id="year-before-has"),
    pytest.param("In October the court ruled", AUG, "2015-10", ("2015-10-01", "2015-10-31"),
                 id="month-before-the"),
    pytest.param("growth in the July-September period", AUG, "2016-07",
                 ("2016-07-01", "2016-09-30"), id="month-dash-range"),
    pytest.param("from March 26 to April 2", AUG, "2016-03-26", ("2016-03-26", "2016-04-02"),
                 id="day-range-across-months"),
    pytest.param("from Dec. 28 to Jan. 3", AUG, "2015-12-28", ("2015-12-28", "2016-01-03"),
                 id="day-range-across-years"),
    pytest.param("the 2011-12 season", AUG, "2011", ("2011-01-01", "2012-12-31"),
                 id="years-before-iso-month"),
    pytest.param("earlier in the year", AUG, "2016", ("2016-01-01", "2016-08-23"),
                 id="earlier-in-the-year"),
    pytest.param("the Fourth of July", AUG, "2016-07-04", ("2016-07-04", "2016-07-04"),
                 id="fourth-of-july"),
    pytest.param("the May Day parade", AUG, "2016-05-01", ("2016-05-01", "2016-05-01"),
                 id="may-day"),
    pytest.param("a fortnight ago", AUG, "2016-W32", ("2016-08-08", "2016-08-14"),
                 id="fortnight-ago"),
    pytest.param("in the past fortnight", AUG, "P2W", ("2016-08-09", "2016-08-23"),
                 id="past-fortnight"),
    pytest.param("two weekends ago", AUG, "2016-W32", ("2016-08-08", "2016-08-14"),
                 id="weekends-ago"),
    pytest.param("23/08/2016", AUG, "2016-08-23", ("2016-08-23", "2016-08-23"), id="day-first"),
    pytest.param("31.12.1999", AUG, "1999-12-31", ("1999-12-31", "1999-12-31"), id="day-first-dots"),
    pytest.param("after 9/11", AUG, "2001-09-11", ("2001-09-11", "2001-09-11"), id="nine-eleven"),
    pytest.param("the 2012/13 season", AUG, "2012", ("2012-01-01", "2013-12-31"), id="season-slash"),
    pytest.param("at 1400 GMT", AUG, "2016-08-23T14:00", ("2016-08-23", "2016-08-23"),
                 id="military-time"),
    pytest.param("Friday, Aug. 7, 1998", AUG, "1998-08-07", ("1998-08-07", "1998-08-07"),
                 id="weekday-date"),
    pytest.param("Christmas Day 2015", AUG, "2015-12-25", ("2015-12-25", "2015-12-25"),
                 id="holiday"),
    pytest.param("January nineteen ninety-seven", AUG, "1997-01", ("1997-01-01", "1997-01-31"),
                 id="month-spoken-year"),
    pytest.param("the winter of nineteen ninety-four", AUG, "1994-WI",
                 ("1994-12-01", "1995-02-28"), id="season-spoken-year"),
]

RELATIVE = [
    pytest.param("today", AUG, "2016-08-23", ("2016-08-23", "2016-08-23"), id="today"),
    pytest.param("yesterday", AUG, "2016-08-22", ("2016-08-22", "2016-08-22"), id="yesterday"),
    pytest.param("advertised in today's editions", AUG, "2016-08-23", ("2016-08-23", "2016-08-23"),
                 id="todays-editions"),
    pytest.param("next month", AUG, "2016-09", ("2016-09-01", "2016-09-30"), id="next-month"),
    pytest.param("this year", AUG, "2016", ("2016-01-01", "2016-12-31"), id="this-year"),
    pytest.param("two years ago", AUG, "2014", ("2014-01-01", "2014-12-31"), id="ago"),
    pytest.param("a year earlier", AUG, "2015", ("2015-01-01", "2015-12-31"), id="year-earlier"),
    pytest.param("later this month", AUG, "2016-08", ("2016-08-23", "2016-08-31"),
                 id="later-this-month"),
    pytest.param("now", AUG, "PRESENT_REF", ("2016-08-23", "2016-08-23"), id="now"),
    pytest.param("recent years", AUG, "PAST_REF", ("2013-08-23", "2016-08-23"), id="recent-years"),
    pytest.param("the coming weeks", AUG, "PXW", ("2016-08-23", "2016-09-13"), id="coming-weeks"),
    pytest.param("The talks will resume next Monday.", AUG, "2016-08-29",
                 ("2016-08-29", "2016-08-29"), id="next-monday"),
    pytest.param("the summit will be held on Friday", AUG, "2016-08-26",
                 ("2016-08-26", "2016-08-26"), id="future-weekday"),
    pytest.param("Wednesday's ruling was criticised", AUG, "2016-08-17",
                 ("2016-08-17", "2016-08-17"), id="possessive-weekday"),
    pytest.param("last Oct. 23", AUG, "2015-10-23", ("2015-10-23", "2015-10-23"),
                 id="last-month-day"),
    pytest.param("profits fell in the fourth quarter", dt.date(1998, 1, 26), "1997-Q4",
                 ("1997-10-01", "1997-12-31"), id="quarter-not-begun"),
    pytest.param("It expects to report a third-quarter loss.", dt.date(1989, 10, 27), "1989-Q3",
                 ("1989-07-01", "1989-09-30"), id="quarter-reported"),
    pytest.param("Christmas", AUG, "2015-12-25", ("2015-12-25", "2015-12-25"), id="feast"),
    pytest.param("Payment is due by Jan. 14", dt.date(2000, 1, 6), "2000-01-14",
                 ("2000-01-14", "2000-01-14"), id="deadline"),
    pytest.param("They have until 9 a.m. Friday to sign.", AUG, "2016-08-26T09:00",
                 ("2016-08-26", "2016-08-26"), id="until-deadline"),
    pytest.param("Until Friday, they had not called him a suspect.", AUG, "2016-08-19",
                 ("2016-08-19", "2016-08-19"), id="fronted-until-is-past"),
    pytest.param("A bomb hit the building next to the embassy on Friday.", AUG, "2016-08-19",
                 ("2016-08-19", "2016-08-19"), id="next-to-is-no-future"),
    pytest.param("\"He will leave on Friday,\" Castro said.", AUG, "2016-08-26",
                 ("2016-08-26", "2016-08-26"), id="said-after-quote"),
    pytest.param("In May, it announced plans to buy the unit.", AUG, "2016-05",
                 ("2016-05-01", "2016-05-31"), id="announced-plans"),
    pytest.param("Traders squared positions ahead of the weekend.", AUG, "2016-W34-WE",
                 ("2016-08-27", "2016-08-28"), id="ahead-of-the-weekend"),
    pytest.param("The talks will resume at the weekend.", AUG, "2016-W34-WE",
                 ("2016-08-27", "2016-08-28"), id="coming-weekend"),
    pytest.param("Officials met over the weekend.", AUG, "2016-W33-WE",
                 ("2016-08-20", "2016-08-21"), id="past-weekend"),
    pytest.param("Officials over the weekend became more open, and would say more.", AUG,
                 "2016-W33-WE", ("2016-08-20", "2016-08-21"), id="irregular-past-verb"),
    pytest.param("The bank cut rates on 4 August, its first cut in a while, and will meet again.",
                 dt.date(2016, 10, 27), "2016-08-04", ("2016-08-04", "2016-08-04"),
                 id="future-in-a-later-clause"),
    pytest.param("On Friday, the minister will visit Caracas.", AUG, "2016-08-26",
                 ("2016-08-26", "2016-08-26"), id="fronted-date-takes-the-clause-after"),
    pytest.param("Talks resume Thursday.", AUG, "2016-08-25", ("2016-08-25", "2016-08-25"),
                 id="present-schedule-verb"),
    pytest.param("The offer expires Friday.", AUG, "2016-08-26", ("2016-08-26", "2016-08-26"),
                 id="expires-friday"),
    pytest.param("The final report is due in February.", AUG, "2017-02",
                 ("2017-02-01", "2017-02-28"), id="due-in-is-ahead"),
    pytest.param("She will be named commander for a mission in March.", AUG, "2017-03",
                 ("2017-03-01", "2017-03-31"), id="passive-is-no-past"),
]

RANGES_AND_SPANS = [
    pytest.param("from 2005 to 2012", AUG, "2005", ("2005-01-01", "2012-12-31"), id="from-to"),
    pytest.param("2005-2012", AUG, "2005", ("2005-01-01", "2012-12-31"), id="dash"),
    pytest.param("2005–12", AUG, "2005", ("2005-01-01", "2012-12-31"), id="en-dash-short"),
    pytest.param("March 3-5", AUG, "2016-03-03", ("2016-03-03", "2016-03-05"), id="day-range"),
    pytest.param("for the past decade", AUG, "P10Y", ("2006-08-23", "2016-08-23"),
                 id="past-decade"),
    pytest.param("over the next two years", AUG, "P2Y", ("2016-08-23", "2018-08-23"),
                 id="next-two-years"),
    pytest.param("the early 1990s", AUG, "199", ("1990-01-01", "1993-05-01"), id="early-1990s"),
    pytest.param("the end of 2012", AUG, "2012", ("2012-09-01", "2012-12-31"), id="end-of"),
    pytest.param("fought between 1 July and 18 November 1916", None, "1916-07-01",
                 ("1916-07-01", "1916-11-18"), id="between-day-first"),
    pytest.param("from 28 December to 3 January", AUG, "2015-12-28",
                 ("2015-12-28", "2016-01-03"), id="day-first-across-a-year"),
    pytest.param("talks on 12-14 March 2015", AUG, "2015-03-12", ("2015-03-12", "2015-03-14"),
                 id="day-day-month"),
]

DURATIONS_AND_SETS = [
    pytest.param("36 years", AUG, "P36Y", None, id="36-years"),
    pytest.param("after 36 years", AUG, "P36Y", None, id="after-36-years"),
    pytest.param("a decade", AUG, "P10Y", None, id="a-decade"),
    pytest.param("more than a decade", AUG, "P10Y", None, id="more-than"),
    pytest.param("nearly five months", AUG, "P5M", None, id="nearly"),
    pytest.param("5 1/2 hours", AUG, "PT5H30M", None, id="fraction"),
    pytest.param("every year", AUG, "P1Y", None, id="every-year"),
    pytest.param("annually", AUG, "P1Y", None, id="annually"),
    pytest.param("weekly", AUG, "P1W", None, id="weekly"),
    pytest.param("each Monday", AUG, "XXXX-WXX-1", None, id="each-monday"),
    pytest.param("each summer", AUG, "XXXX-SU", None, id="each-summer"),
    pytest.param("in each of the past three years", AUG, "P1Y", None, id="each-of-the-past"),
    pytest.param("Orangemen march each July", AUG, "XXXX-07", None, id="each-july"),
    pytest.param("It has been troubled for years.", AUG, "PXY", None, id="for-years"),
    pytest.param("He died within weeks of his capture.", AUG, "PXW", None, id="within-weeks"),
    pytest.param("secrets kept for two thousand years", AUG, "P2000Y", None,
                 id="thousand-years-is-no-year-2000"),
    pytest.param("Islam will one day be the second largest religion", AUG, "FUTURE_REF", None,
                 id="will-one-day"),
    pytest.param("The strike lasted one day.", AUG, "P1D", None, id="one-day-length"),
    pytest.param("the decades-long battle", AUG, "PXY", None, id="decades-long"),
    pytest.param("half a century of rule", AUG, "P50Y", None, id="half-a-century"),
    pytest.param("a quarter of a century", AUG, "P25Y", None, id="quarter-of-a-century"),
    pytest.param("half an hour", AUG, "PT30M", None, id="half-an-hour"),
    pytest.param("their third day-long meeting", AUG, "P1D", None, id="day-long"),
    pytest.param("She won in 1 hour 08 minutes 14 seconds.", AUG, "PT1H8M14S", None,
                 id="hours-minutes-seconds"),
    pytest.param("She finished in 35 minutes and 38 seconds.", AUG, "PT35M38S", None,
                 id="minutes-and-seconds"),
    pytest.param("For weeks the government has held rallies.", AUG, "PXW", None,
                 id="for-weeks-capitalised"),
    # An unknown count of units placed by an event: a length, nowhere on the calendar.
    pytest.param("His car was seen in the weeks before the shooting.", AUG, "PXW", None,
                 id="the-weeks-before-an-event"),
    pytest.param("In the years that followed, the rebels fought on.", AUG, "PXY", None,
                 id="the-years-that-followed"),
    pytest.param("Over the years many patients have died.", AUG, "PXY", None,
                 id="over-the-years"),
    pytest.param("Just over an hour later he was declared dead.", AUG, "PT1H", None,
                 id="just-over-an-hour"),
    pytest.param("a tour likely to last over a week", AUG, "P1W", None, id="last-over-a-week"),
]

TIMES = [
    pytest.param("8 a.m. Friday", AUG, "2016-08-19T08:00", ("2016-08-19", "2016-08-19"),
                 id="clock-weekday"),
    pytest.param("Friday night", AUG, "2016-08-19", ("2016-08-19", "2016-08-19"),
                 id="weekday-night"),
    pytest.param("this morning", AUG, "2016-08-23TMO", ("2016-08-23", "2016-08-23"),
                 id="this-morning"),
]

NO_DCT = [
    pytest.param("last August", None, "XXXX-08", None, id="no-dct-month"),
    pytest.param("Monday", None, "XXXX-WXX-1", None, id="no-dct-weekday"),
    pytest.param("last year", None, "XXXX", None, id="no-dct-year"),
    pytest.param("March 22, 2013", None, "2013-03-22", ("2013-03-22", "2013-03-22"),
                 id="no-dct-absolute"),
    # Eras: BC years have TimeML's BC values and no interval (no date can hold them).
    pytest.param("Vesuvius erupted in AD 79.", None, "0079", ("0079-01-01", "0079-12-31"),
                 id="ad-year"),
    pytest.param("Rome was founded in 753 BC.", None, "BC0753", None, id="bc-year"),
    pytest.param("Caesar died in 44 B.C. at Rome.", None, "BC0044", None, id="bc-dotted"),
    pytest.param("The city fell in 1200 BC.", None, "BC1200", None, id="bc-is-no-ad-year"),
    pytest.param("the fifth century BC", None, "BC04", None, id="bc-century"),
    pytest.param("the Zhou Dynasty (11th Century B.C", None, "BC10", None, id="bc-century-no-dot"),
]


# Expressions read against the text around them (the expression is named by its surface).
IN_CONTEXT = [
    # A bare past verb puts a bare month before the DCT; saying, planning and "decided to"
    # leave it free to lie just ahead, and a present passive gives no direction.
    pytest.param("Iran signed the deal in December.", NOV, "December", "2015-12",
                 ("2015-12-01", "2015-12-31"), id="signed-in-december"),
    pytest.param("He visited Caracas in December.", NOV, "December", "2015-12",
                 ("2015-12-01", "2015-12-31"), id="visited-in-december"),
    pytest.param("The ruling, expected in December, may be appealed.", NOV, "December",
                 "2016-12", ("2016-12-01", "2016-12-31"), id="expected-in-december"),
    pytest.param("NATO decided to admit them in early March.", dt.date(1999, 2, 10),
                 "early March", "1999-03", ("1999-03-01", "1999-03-10"), id="decided-to-in-march"),
    pytest.param("They lose if the case is heard in May, he said.", dt.date(2000, 3, 29), "May",
                 "2000-05", ("2000-05-01", "2000-05-31"), id="present-passive-in-may"),
    # A future-tense season is the next one not yet over; a past one the last one begun.
    pytest.param("Slow growth will continue into the spring.", NOV, "the spring", "2017-SP",
                 ("2017-03-01", "2017-05-31"), id="future-spring-in-november"),
    pytest.param("The rains came in the spring.", NOV, "the spring", "2016-SP",
                 ("2016-03-01", "2016-05-31"), id="past-spring-in-november"),
    pytest.param("Snow will fall through the winter.", dt.date(2017, 1, 10), "the winter",
                 "2016-WI", ("2016-12-01", "2017-02-28"), id="future-winter-under-way"),
    # "by September" is a deadline ahead unless a past perfect says it was met by then.
    pytest.param("The volcano had calmed down by September.", NOV, "September", "2016-09",
                 ("2016-09-01", "2016-09-30"), id="had-calmed-by-september"),
    pytest.param("He had promised to pay by September.", NOV, "September", "2017-09",
                 ("2017-09-01", "2017-09-30"), id="had-promised-to-by-september"),
    pytest.param("The talks will end by September.", NOV, "September", "2017-09",
                 ("2017-09-01", "2017-09-30"), id="will-by-september"),
    # Contract months lie ahead; so does what a modal says may happen.
    pytest.param("Brent crude for December delivery rose 62 cents.", NOV, "December", "2016-12",
                 ("2016-12-01", "2016-12-31"), id="december-delivery"),
    pytest.param("They also can take part in planning for the summit in April.",
                 dt.date(1998, 12, 5), "April", "1999-04", ("1999-04-01", "1999-04-30"),
                 id="modal-can-in-april"),
    pytest.param("The vote should have been held in April.", dt.date(1998, 12, 5), "April",
                 "1998-04", ("1998-04-01", "1998-04-30"), id="modal-perfect-is-past"),
    # Arrangements: a present progressive of meeting or travel, a scheduling verb.
    pytest.param("The conference is being held on Saturday.", NOV, "Saturday", "2016-11-19",
                 ("2016-11-19", "2016-11-19"), id="being-held-on-saturday"),
    pytest.param("Ministers are meeting on Friday.", NOV, "Friday", "2016-11-18",
                 ("2016-11-18", "2016-11-18"), id="are-meeting-on-friday"),
    pytest.param("The magazine starts publication on Sunday.", NOV, "Sunday", "2016-11-20",
                 ("2016-11-20", "2016-11-20"), id="starts-on-sunday"),
    pytest.param("It is continuing to sell itself under a June agreement.", NOV, "June",
                 "2016-06", ("2016-06-01", "2016-06-30"), id="progressive-of-another-verb"),
    pytest.param("The meeting, held Thursday through Saturday, ended.", NOV,
                 "Thursday through Saturday", "2016-11-10", ("2016-11-10", "2016-11-12"),
                 id="weekday-through-weekday"),
    pytest.param("Liverpool will play Arsenal in the last quarter-final on January 9.",
                 dt.date(2006, 12, 21), "January 9", "2007-01-09", ("2007-01-09", "2007-01-09"),
                 id="the-last-is-no-past-cue"),
    pytest.param("The conference is expected to last three days.", NOV, "three days", "P3D",
                 None, id="to-last-is-a-verb"),
    pytest.param("The trial was adjourned Monday until Wednesday.", NOV, "Monday", "2016-11-14",
                 ("2016-11-14", "2016-11-14"), id="adjourned-monday-until-wednesday"),
    pytest.param("By Tuesday noon, the flames had been put out.", NOV, "Tuesday noon",
                 "2016-11-15T12:00", ("2016-11-15", "2016-11-15"), id="by-tuesday-noon-had-been"),
    pytest.param("By Tuesday, we will have finished.", dt.date(2016, 11, 16), "Tuesday",
                 "2016-11-22", ("2016-11-22", "2016-11-22"), id="by-tuesday-will-have"),
    pytest.param("The offer expires at midnight Friday.", NOV, "midnight Friday",
                 "2016-11-18T24:00", ("2016-11-18", "2016-11-18"), id="midnight-friday-ends-it"),
    # A bare clock time is on the day named right before it.
    pytest.param("The bus leaves Friday at 8 a.m.", AUG, "8 a.m.", "2016-08-19T08:00",
                 ("2016-08-19", "2016-08-19"), id="friday-at-8-am"),
    pytest.param("He spoke June 5, 2015, 10 a.m., at the hall.", AUG, "10 a.m.",
                 "2015-06-05T10:00", ("2015-06-05", "2015-06-05"), id="date-comma-time"),
    pytest.param("He left on Friday. At 8 a.m. the bus came.", AUG, "8 a.m.",
                 "2016-08-19T08:00", ("2016-08-19", "2016-08-19"), id="a-m-ends-no-sentence"),
    pytest.param("The vote is in two weeks' time.", AUG, "two weeks' time", "2016-W36",
                 ("2016-09-05", "2016-09-11"), id="in-two-weeks-time"),
    pytest.param("in the first half of the 20th century", AUG,
                 "the first half of the 20th century", "19", ("1900-01-01", "1949-12-31"),
                 id="half-of-a-century"),
    # With no DCT (a narrative) "the end of the month" is the month of the date just named.
    pytest.param("On 6 June 1944 they landed. By the end of the month, Cherbourg had fallen.",
                 None, "the end of the month", "1944-06", ("1944-06-21", "1944-06-30"),
                 id="narrative-end-of-the-month"),
    pytest.param("In 1945 the war ended; by the end of the year Europe was divided.", None,
                 "the end of the year", "1945", ("1945-09-02", "1945-12-31"),
                 id="narrative-end-of-the-year"),
    pytest.param("By the end of the month we will know.", None, "the end of the month",
                 "XXXX-XX", None, id="no-dct-no-focus-end-of-month"),
    pytest.param("He hopes to recover before the Asian Games being held in Doha from Dec. 1.",
                 NOV, "Dec. 1", "2016-12-01", ("2016-12-01", "2016-12-01"),
                 id="being-held-is-no-past"),
    pytest.param("The bank left rates unchanged in September and will meet again in December.",
                 dt.date(2023, 10, 26), "September", "2023-09", ("2023-09-01", "2023-09-30"),
                 id="and-will-is-the-next-clause"),
    pytest.param("The bank left rates unchanged in September and will meet again in December.",
                 dt.date(2023, 10, 26), "December", "2023-12", ("2023-12-01", "2023-12-31"),
                 id="and-will-dates-its-own-clause"),
    pytest.param("The carrier, on patrol since December, will return soon.", NOV, "December",
                 "2015-12", ("2015-12-01", "2016-11-15"), id="since-a-month-is-past"),
    pytest.param("Its annual meeting is scheduled for June 13.", dt.date(2024, 3, 3), "June 13",
                 "2024-06-13", ("2024-06-13", "2024-06-13"), id="is-scheduled-for"),
    pytest.param("This winter has been mild.", dt.date(2024, 3, 3), "This winter", "2023-WI",
                 ("2023-12-01", "2024-02-29"), id="this-winter-just-ended"),
    pytest.param("This winter will be cold.", dt.date(2024, 3, 3), "This winter", "2024-WI",
                 ("2024-12-01", "2025-02-28"), id="this-winter-to-come"),
    pytest.param("They pledged to join protests this summer.", dt.date(2024, 3, 3),
                 "this summer", "2024-SU", ("2024-06-01", "2024-08-31"), id="this-summer-ahead"),
    pytest.param("Unions will walk out unless talks resume by the weekend.", dt.date(2024, 3, 3),
                 "the weekend", "2024-W10-WE", ("2024-03-09", "2024-03-10"),
                 id="by-the-weekend-on-a-sunday"),
    # "following Friday's riot" is "after": the weekday alone, counted as any other.
    pytest.param("Calm returned following Friday's riot.", AUG, "Friday", "2016-08-19",
                 ("2016-08-19", "2016-08-19"), id="following-as-after"),
    pytest.param("He arrived on May 2. The following Friday he left.", AUG,
                 "The following Friday", "2016-05-06", ("2016-05-06", "2016-05-06"),
                 id="the-following-friday"),
    pytest.param("The company declared a dividend payable Dec. 7.", NOV, "Dec. 7", "2016-12-07",
                 ("2016-12-07", "2016-12-07"), id="payable-day-after-past-verb"),
    pytest.param("Right now my evidence is scant.", AUG, "now", "PRESENT_REF",
                 ("2016-08-23", "2016-08-23"), id="right-now-tags-now"),
    pytest.param("Net for the nine months rose 5% from a year earlier.", AUG, "a year earlier",
                 "2015", ("2015-01-01", "2015-12-31"), id="year-earlier-after-nine-months"),
    pytest.param("Sales in the third quarter rose from a year earlier.", AUG, "a year earlier",
                 "2015-Q3", ("2015-07-01", "2015-09-30"), id="year-earlier-after-quarter"),
    pytest.param("It will grow in the third quarter of 2017. In the year-ago period it lost money.",
                 AUG, "the year-ago period", "2015-Q2", ("2015-04-01", "2015-06-30"),
                 id="forecast-quarter-is-no-reference"),
    pytest.param("Profit rose from the corresponding period last year.", AUG,
                 "the corresponding period last year", "2015-Q2", ("2015-04-01", "2015-06-30"),
                 id="corresponding-period-last-year"),
    pytest.param("He was promoted on May 22, 1995, and the following year he retired.", AUG,
                 "the following year", "1996", ("1996-01-01", "1996-12-31"), id="following-year"),
    pytest.param("The index fell Friday, down 4% from the previous Friday.", dt.date(1989, 10, 30),
                 "the previous Friday", "1989-10-20", ("1989-10-20", "1989-10-20"),
                 id="previous-weekday"),
    pytest.param("Sales rose in 1995 and fell the following year.", None, "the following year",
                 "1996", ("1996-01-01", "1996-12-31"), id="following-year-no-dct"),
    # "that year", "later that day", "the next morning": the focus date, not the DCT.
    pytest.param("He fled in June 1998 and returned later that year.", AUG, "later that year",
                 "1998", ("1998-09-02", "1998-12-31"), id="later-that-year"),
    pytest.param("He was shot on Oct. 23, 1998. Earlier that day, police got a fax.", AUG,
                 "Earlier that day", "1998-10-23", ("1998-10-23", "1998-10-23"),
                 id="earlier-that-day"),
    pytest.param("He was arrested on Feb. 22 and appeared in court the next morning.", AUG,
                 "the next morning", "2016-02-23", ("2016-02-23", "2016-02-23"),
                 id="the-next-morning"),
    pytest.param("Imports totalled $1.5 billion in 1988. That year, exports fell.", AUG,
                 "That year", "1988", ("1988-01-01", "1988-12-31"), id="that-year"),
    pytest.param("It happened last October. His name was removed that same day.", dt.date(1999, 2, 6),
                 "that same day", "1998-10-XX", None, id="that-day-after-a-month"),
    pytest.param("His name was removed that same day.", AUG, "that same day", "XXXX-XX-XX", None,
                 id="that-day-without-focus"),
    pytest.param("He was arrested on May 3. Two days later he was freed.", AUG, "Two days", "P2D",
                 ("2016-05-05", "2016-05-05"), id="days-later-from-focus"),
    pytest.param("It began in March 2011. Two months later the army moved.", AUG, "Two months",
                 "P2M", ("2011-05-01", "2011-05-31"), id="months-later-from-focus"),
    pytest.param("She landed on June 9. The previous day she had left Paris.", AUG,
                 "The previous day", "2016-06-08", ("2016-06-08", "2016-06-08"), id="previous-day"),
    pytest.param("She landed on June 9, and had left Paris the day before.", AUG, "the day before",
                 "2016-06-08", ("2016-06-08", "2016-06-08"), id="the-day-before"),
    pytest.param("The blast came at 10:35 a.m. (0735 GMT) Friday.", AUG, "Friday", "2016-08-19",
                 ("2016-08-19", "2016-08-19"), id="gmt-restated-in-parentheses"),
    pytest.param("troops in the region by the end of the month.", AUG, "the end of the month",
                 "2016-08", ("2016-08-22", "2016-08-31"), id="end-of-the-month"),
    pytest.param("Sales fell in the second quarter. Results for that quarter included a charge.",
                 dt.date(1989, 10, 27), "that quarter", "1989-Q2", ("1989-04-01", "1989-06-30"),
                 id="that-quarter"),
    pytest.param("Investors will sell in the weeks ahead.", AUG, "the weeks ahead", "PXW",
                 ("2016-08-23", "2016-09-13"), id="weeks-ahead"),
    pytest.param("Eight trading days after Oct. 12 the index fell.", AUG, "Eight trading days",
                 "P8D", None, id="trading-days"),
    pytest.param("It will raise the money at a later date.", AUG, "a later date", "FUTURE_REF",
                 None, id="a-later-date"),
    pytest.param("our campaign from now to Election Day.", dt.date(1998, 10, 26), "Election Day",
                 "1998-11-03", ("1998-11-03", "1998-11-03"), id="election-day"),
    pytest.param("Labor Day is next week.", dt.date(2016, 8, 30), "Labor Day", "2016-09-05",
                 ("2016-09-05", "2016-09-05"), id="labor-day"),
    pytest.param("He was found at sea last Thanksgiving.", dt.date(2000, 2, 10),
                 "last Thanksgiving", "1999-11-25", ("1999-11-25", "1999-11-25"),
                 id="last-feast"),
    pytest.param("The talks resume next Easter.", AUG, "next Easter", "2017-04-16",
                 ("2017-04-16", "2017-04-16"), id="next-feast"),
    pytest.param("They met last Christmas.", dt.date(2016, 12, 25), "last Christmas",
                 "2015-12-25", ("2015-12-25", "2015-12-25"), id="last-feast-on-the-day"),
    pytest.param("He was released on 12 January.", dt.date(2022, 11, 4), "12 January",
                 "2022-01-12", ("2022-01-12", "2022-01-12"), id="firm-past-day"),
    pytest.param("In January, American Medical brought in a new chief.", dt.date(1989, 11, 20),
                 "January", "1989-01", ("1989-01-01", "1989-01-31"), id="firm-past-month"),
    pytest.param("The dividend is payable Dec. 15.", dt.date(1989, 11, 20), "Dec. 15",
                 "1989-12-15", ("1989-12-15", "1989-12-15"), id="payable-ahead"),
    pytest.param("The New York Times said in an editorial on Monday, Oct. 26:",
                 dt.date(1998, 10, 25), "Monday, Oct. 26", "1998-10-26",
                 ("1998-10-26", "1998-10-26"), id="saying-is-not-firm"),
    pytest.param("The vote was postponed until January.", dt.date(2022, 11, 4), "January",
                 "2023-01", ("2023-01-01", "2023-01-31"), id="postponed-until"),
    pytest.param("Meissner gave no reason for the Jan. 14 deadline.", dt.date(2000, 1, 5),
                 "Jan. 14", "2000-01-14", ("2000-01-14", "2000-01-14"), id="deadline-noun"),
    pytest.param("The 2022/23 budget passed. The board met the following Monday.",
                 dt.date(2022, 11, 4), "the following Monday", "2022-11-07",
                 ("2022-11-07", "2022-11-07"), id="following-weekday-after-year"),
    pytest.param("Slepian was killed on Oct. 23, 1998. He was shot at 10 p.m. in his kitchen.",
                 dt.date(1999, 4, 19), "10 p.m.", "1998-10-23T22:00", ("1998-10-23", "1998-10-23"),
                 id="bare-time-on-focus-day"),
    pytest.param("On Mon., Jan. 3, he left.", dt.date(2022, 11, 4), "Mon., Jan. 3", "2022-01-03",
                 ("2022-01-03", "2022-01-03"), id="weekday-settles-year"),
    pytest.param("The server failed at 2019-01-03T10:00Z.", dt.date(2022, 11, 4),
                 "2019-01-03T10:00Z", "2019-01-03T10:00", ("2019-01-03", "2019-01-03"),
                 id="iso-datetime"),
    pytest.param("In the 18th and 19th centuries, trade grew.", dt.date(2022, 11, 4),
                 "the 18th and 19th centuries", "17", ("1700-01-01", "1899-12-31"),
                 id="two-centuries"),
    pytest.param("Years ago, he left.", dt.date(2022, 11, 4), "Years ago", "PAST_REF", None,
                 id="years-ago"),
    pytest.param("It happened the week before last.", dt.date(2022, 11, 4),
                 "the week before last", "2022-W42", ("2022-10-17", "2022-10-23"),
                 id="week-before-last"),
    pytest.param("By 1942 the tide had turned. That summer, the city was besieged.",
                 dt.date(2010, 1, 1), "That summer", "1942-SU", ("1942-06-01", "1942-08-31"),
                 id="that-season"),
    pytest.param("War broke out in 1939. In the summer of that year, food ran out.",
                 dt.date(2010, 1, 1), "the summer of that year", "1939-SU",
                 ("1939-06-01", "1939-08-31"), id="season-of-that-year"),
    pytest.param("Early in 1940, Norway was invaded.", dt.date(2010, 1, 1), "Early in 1940",
                 "1940", ("1940-01-01", "1940-05-01"), id="early-in-year"),
    pytest.param("In mid-1943 the Italians quit. Over the next three years the war grew.",
                 dt.date(2010, 1, 1), "the next three years", "P3Y",
                 ("1943-01-01", "1946-01-01"), id="next-years-in-past-story"),
    pytest.param("The firm will hire 500 people over the next three years.",
                 dt.date(2022, 11, 4), "the next three years", "P3Y",
                 ("2022-11-04", "2025-11-04"), id="next-years-ahead"),
    pytest.param("In 1916, the battle began on 1 July.", None, "1 July", "1916-07-01",
                 ("1916-07-01", "1916-07-01"), id="no-dct-day-takes-named-year"),
    pytest.param("He visited in July.", None, "July", "XXXX-07", None,
                 id="no-dct-no-year-named"),
    pytest.param("They met at 10 a.m. EST Tuesday. Flights leave at 9 am PT.",
                 dt.date(2022, 11, 4), "9 am PT", "2022-11-04T09:00", ("2022-11-04", "2022-11-04"),
                 id="bare-time-without-tense-on-dct"),
    pytest.param("It takes 10 to 15 years to build one.", AUG, "10 to 15 years", "P10Y", None,
                 id="duration-range"),
    pytest.param("The group plans acquisitions during the next 12 to 18 months.", AUG,
                 "the next 12 to 18 months", "P12M", ("2016-08-23", "2017-08-23"),
                 id="anchored-duration-range"),
    pytest.param("Iranians marked Nowruz with family visits.", AUG, "Nowruz", "2016-03-20",
                 ("2016-03-20", "2016-03-20"), id="nowruz"),
    pytest.param("Eid al-Fitr 2016 ended the fast.", AUG, "Eid al-Fitr 2016", "2016-07-06",
                 ("2016-07-06", "2016-07-06"), id="eid-al-fitr"),
    pytest.param("Talks resume after next Yom Kippur.", AUG, "next Yom Kippur", "2016-10-12",
                 ("2016-10-12", "2016-10-12"), id="next-yom-kippur"),
    pytest.param("Eid al-Adha 1850 was quiet.", AUG, "Eid al-Adha 1850", "1850", ("1850-01-01", "1850-12-31"),
                 id="feast-beyond-its-calendar"),
    pytest.param("The day before last Tuesday's hearing, he went home.", dt.date(2000, 2, 24),
                 "The day before last Tuesday", "2000-02-21", ("2000-02-21", "2000-02-21"),
                 id="day-before-date"),
    pytest.param("Shops reopened the day after Christmas.", AUG, "the day after Christmas",
                 "2015-12-26", ("2015-12-26", "2015-12-26"), id="day-after-date"),
    pytest.param("the post-1959 politics of the island", AUG, "post-1959", "1959",
                 ("1959-01-01", "1959-12-31"), id="post-year"),
    pytest.param("The summit will be held on April 24 and 25.", AUG, "April 24 and 25",
                 "2017-04-24", ("2017-04-24", "2017-04-25"), id="day-and-day-ahead"),
]


@pytest.mark.parametrize(("text", "dct", "surface", "value", "interval"), SEEDS + IN_CONTEXT)
def test_seed_sentences(
    text: str, dct: dt.date, surface: str, value: str, interval: tuple[str, str] | None
) -> None:
    timex = _one(text, dct, surface)
    assert timex.value == value
    assert _interval(timex) == interval


@pytest.mark.parametrize(
    ("text", "dct", "value", "interval"),
    ABSOLUTE + RELATIVE + RANGES_AND_SPANS + DURATIONS_AND_SETS + TIMES + NO_DCT,
)
def test_reads(text: str, dct: dt.date | None, value: str, interval: tuple[str, str] | None) -> None:
    timex = _one(text, dct)
    assert timex.value == value
    assert _interval(timex) == interval


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The vote drew 1,994 people.", id="count-with-comma"),
        pytest.param("The ticket cost $2005.", id="money"),
        pytest.param("She won 2012 votes in the runoff.", id="count-before-noun"),
        pytest.param("He scored 2012 points.", id="points"),
        pytest.param("You may go now if you like, but we", id="may-verb"),
        pytest.param("the Communist Party daily Granma said", id="daily-newspaper"),
        pytest.param("a poster of Gary Cooper in High Noon", id="high-noon-film"),
        pytest.param("Security Council Resolution 1701 ended the war", id="resolution-number"),
        pytest.param("computers running Windows 2000", id="product-number"),
        pytest.param("Prime Minister Theresa May has said so", id="may-surname"),
        pytest.param("protesters at the annual March for Life", id="march-for-life"),
        pytest.param("the protests of the Arab Spring", id="arab-spring"),
        pytest.param("a bottle of spring water", id="spring-water"),
        pytest.param("For Poland, high noon comes at last.", id="high-noon-idiom"),
        pytest.param("Troops march on the capital.", id="march-verb"),
        pytest.param("It was the second time he lost.", id="ordinal-second"),
        pytest.param("He writes for the Sunday Times.", id="newspaper"),
        pytest.param("The service runs 24/7.", id="24-7"),
        pytest.param("They won 3-1 at home.", id="score"),
        pytest.param("Call 555-1994 for tickets.", id="phone"),
        pytest.param("He lives at 1600 Pennsylvania Avenue.", id="address"),
        pytest.param("a 6-year-old boy", id="age"),
        pytest.param("Room 1999 is on the left.", id="room-number"),
        pytest.param("In the early years of the war, many fled.", id="years-after-the"),
        pytest.param("He left weeks before the shooting.", id="weeks-before"),
        pytest.param("In the years of war, many fled.", id="the-years-of"),
        pytest.param("Police found his 1987 Chevrolet Cavalier.", id="model-year"),
        pytest.param("Officials in Jammu, the winter capital, agreed.", id="winter-capital"),
        pytest.param("Chelsea meet Arsenal in the last quarter-final.", id="quarter-final"),
        pytest.param("a year-on-year increase of 7 percent", id="year-on-year"),
        pytest.param("the legacy of the October Revolution", id="october-revolution"),
        pytest.param("the April 6 Youth Movement protested", id="april-6-youth-movement"),
        pytest.param("the 30 September Movement", id="day-month-movement"),
        pytest.param("March Madness starts soon", id="march-madness"),
        pytest.param("charter flights for the Spring Festival", id="spring-festival"),
        pytest.param("Maybank led the fall in banking stocks.", id="the-fall-in-stocks"),
        pytest.param("the third-quarter final whistle", id="quarter-final-adjective"),
        pytest.param("Kopp's 1987 Chevrolet was found in Newark.", id="model-year-possessive"),
        pytest.param("Children aged 10 to 15 years old were hurt.", id="age-range"),
        pytest.param("veterans of the Yom Kippur War", id="war-named-for-a-feast"),
        pytest.param("He scored a first-half goal.", id="first-half-of-a-match"),
        pytest.param("The case is for today's youth what the war was.", id="todays-youth"),
        pytest.param("in today’s world, where paternity is proved", id="todays-world"),
        pytest.param("They are tomorrow's leaders.", id="tomorrows-leaders"),
    ],
)
def test_does_not_tag(text: str) -> None:
    assert [t.surface for t in tag(text, AUG) if t.surface != "now"] == []


@pytest.mark.parametrize(
    ("text", "mod", "approximate"),
    [
        pytest.param("about two years", "APPROX", None, id="about"),
        pytest.param("almost twenty years", "APPROX", None, id="almost"),
        pytest.param("more than a decade", "MORE_THAN", None, id="more-than"),
        pytest.param("Just over an hour later", "MORE_THAN", None, id="just-over"),
        pytest.param("the mid-1990s", "MID", True, id="mid"),
        pytest.param("late November", "END", True, id="late"),
        pytest.param("the end of 2012", "END", True, id="end-of"),
    ],
)
def test_modifiers(text: str, mod: str, approximate: bool | None) -> None:
    timex = _one(text, AUG)
    assert timex.mod == mod
    if approximate is not None:
        assert timex.interval is not None and timex.interval.approximate is approximate


def test_types_precision_and_anchoring() -> None:
    duration = _one("after 36 years", AUG)
    assert (duration.type, duration.anchored, duration.interval) == (TimexType.DURATION, False, None)
    since = _one("since 2010", AUG)
    assert since.anchored and since.interval is not None
    assert since.interval.precision is Precision.YEAR
    last_years = _one("in the last three years", AUG)
    assert last_years.anchored and last_years.type is TimexType.DURATION
    week = _one("last week", AUG)
    assert week.interval is not None and week.interval.precision is Precision.WEEK
    assert _one("every year", AUG).type is TimexType.SET


def test_offsets_slice_to_surface() -> None:
    text = "On Monday, March 3, 2014, officials said the talks of the 1990s had failed."
    for timex in tag(text, AUG):
        assert text[timex.start : timex.end] == timex.surface


def test_nothing_found_is_an_empty_list() -> None:
    assert tag("", AUG) == []
    assert tag("No dates here at all.", None) == []


def test_nine_eleven_is_no_date_before_2001() -> None:
    assert tag("the 9/11 deadline", dt.date(1995, 1, 1)) == []
