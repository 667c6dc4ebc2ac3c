"""Events from hand-built date expressions: which timexes make events, clause splitting,
durations anchored on another event, and links to actors and places."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.actors.dictionary import Dictionary, load_dictionary
from timeline.events.anchor import derived_interval
from timeline.events.clauses import split_clauses
from timeline.events.extract import extract
from timeline.events.types import ExtractedEvent
from timeline.temporal.types import Interval, Precision, Timex, TimexType


@pytest.fixture(scope="module")
def dictionary() -> Dictionary:
    return load_dictionary()


def _year(y: int) -> Interval:
    return Interval(date(y, 1, 1), date(y, 12, 31), Precision.YEAR)


def tx(
    text: str,
    surface: str,
    kind: TimexType,
    value: str,
    interval: Interval | None = None,
    *,
    anchored: bool = False,
    occurrence: int = 0,
) -> Timex:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Timex(start, start + len(surface), surface, kind, value, None, interval, anchored)


def _actors(ev: ExtractedEvent, role: str = "actor") -> set[str]:
    return {m.actor for m in ev.mentions if m.role.value == role}


SPONSORED = (
    "Jewish communities are worried about Iran’s growing influence, because Tehran allegedly "
    "sponsored terrorist attacks on the Israeli embassy in Buenos Aires in 1992 and the "
    "Argentina Jewish Mutual Aid Center in 1994."
)


def test_two_dated_facts_make_two_events_with_clause_text(dictionary: Dictionary) -> None:
    t = SPONSORED
    x = extract(
        t,
        date(2016, 11, 15),
        dictionary,
        [
            tx(t, "1992", TimexType.DATE, "1992", _year(1992)),
            tx(t, "1994", TimexType.DATE, "1994", _year(1994)),
        ],
    )
    first, second = x.events
    assert first.text.endswith("in Buenos Aires in 1992")
    assert second.text == "the Argentina Jewish Mutual Aid Center in 1994."
    assert t[second.start : second.end] == second.text
    assert first.interval == _year(1992) and second.interval == _year(1994)
    # the shared head ("Tehran allegedly sponsored") gives its actor to both conjuncts
    assert "Iran" in _actors(first) and "Iran" in _actors(second)
    assert _actors(first, "place") == {"Buenos Aires"}
    assert "AMIA" in _actors(second)
    assert "Buenos Aires" not in _actors(second, "place")


@pytest.mark.parametrize(
    ("sentence", "first_end", "second_start"),
    [
        pytest.param(
            "Prices rose in 2010, and they fell in 2012.",
            "rose in 2010",
            "they fell in 2012.",
            id="comma-and",
        ),
        pytest.param(
            "Prices rose in 2010; they fell in 2012.",
            "rose in 2010",
            "they fell in 2012.",
            id="semicolon",
        ),
        pytest.param(
            "Prices rose in 2010, but they fell in 2012.",
            "rose in 2010",
            "they fell in 2012.",
            id="comma-but",
        ),
    ],
)
def test_clausal_split(sentence: str, first_end: str, second_start: str) -> None:
    dates = [
        (sentence.index("2010"), sentence.index("2010") + 4),
        (sentence.index("2012"), sentence.index("2012") + 4),
    ]
    a, b = split_clauses(sentence, 0, len(sentence), dates)
    assert sentence[a.start : a.end].endswith(first_end)
    assert sentence[b.start : b.end] == second_start
    assert b.shared_start == b.shared_end  # a full clause shares nothing


def test_no_clean_split_keeps_the_sentence() -> None:
    s = "Last week, Zarif announced in English and Spanish that on Sunday he would leave."
    dates = [(0, 9), (s.index("Sunday"), s.index("Sunday") + 6)]
    clauses = split_clauses(s, 0, len(s), dates)
    assert all((c.start, c.end) == (0, len(s)) for c in clauses)


@pytest.mark.parametrize(
    ("surface", "kind", "value", "interval", "anchored", "makes_event"),
    [
        pytest.param("in 2011", TimexType.DATE, "2011", _year(2011), False, True, id="date"),
        pytest.param(
            "after 36 years", TimexType.DURATION, "P36Y", None, False, False, id="bare-duration"
        ),
        pytest.param(
            "in the last three years",
            TimexType.DURATION,
            "P3Y",
            Interval(date(2013, 11, 15), date(2016, 11, 15), Precision.YEAR),
            True,
            True,
            id="anchored-duration",
        ),
        pytest.param("every year", TimexType.SET, "P1Y", None, False, False, id="set"),
        pytest.param("recently", TimexType.DATE, "PAST_REF", None, False, False, id="vague-ref"),
        pytest.param(
            "in August", TimexType.DATE, "XXXX-08", None, False, True, id="no-dct-still-an-event"
        ),
    ],
)
def test_which_timexes_make_events(
    dictionary: Dictionary,
    surface: str,
    kind: TimexType,
    value: str,
    interval: Interval | None,
    anchored: bool,
    makes_event: bool,
) -> None:
    text = f"Iran opened a centre {surface}."
    x = extract(
        text, None, dictionary, [tx(text, surface, kind, value, interval, anchored=anchored)]
    )
    assert len(x.events) == (1 if makes_event else 0)
    if makes_event:
        assert x.events[0].interval == interval
        assert "Iran" in _actors(x.events[0])


def test_duration_anchored_on_another_event(dictionary: Dictionary) -> None:
    t = (
        "Almost twenty years after the devastating terrorist attack on the Jewish community "
        "center in Buenos Aires (AMIA) in 1994, Argentina and Iran set up a truth commission."
    )
    x = extract(
        t,
        date(2016, 11, 15),
        dictionary,
        [
            tx(t, "Almost twenty years", TimexType.DURATION, "P20Y"),
            tx(t, "1994", TimexType.DATE, "1994", _year(1994)),
        ],
    )
    derived, attack = x.events
    assert derived.interval == Interval(
        date(2014, 1, 1), date(2014, 12, 31), Precision.YEAR, approximate=True
    )
    assert attack.interval == _year(1994)
    assert {"Iran", "Argentina"} <= _actors(derived)


@pytest.mark.parametrize(
    ("value", "direction", "expected"),
    [
        pytest.param(
            "P20Y",
            "after",
            Interval(date(2014, 1, 1), date(2014, 12, 31), Precision.YEAR, True),
            id="years-after",
        ),
        pytest.param(
            "P2Y",
            "before",
            Interval(date(1992, 1, 1), date(1992, 12, 31), Precision.YEAR, True),
            id="years-before",
        ),
        pytest.param(
            "P3M",
            "after",
            Interval(date(1994, 4, 1), date(1994, 4, 30), Precision.MONTH, True),
            id="months-after",
        ),
        pytest.param(
            "P10D",
            "after",
            Interval(date(1994, 1, 11), date(1994, 1, 11), Precision.DAY, True),
            id="days-after",
        ),
        pytest.param("PXY", "after", None, id="unknown-amount"),
    ],
)
def test_derived_interval(value: str, direction: str, expected: Interval | None) -> None:
    duration = Timex(0, 1, "x", TimexType.DURATION, value)
    assert derived_interval(duration, _year(1994), direction) == expected


def test_pronoun_sentence_links_previous_person(dictionary: Dictionary) -> None:
    t = (
        "Majid Takht-Ravanchi, Iran’s current Deputy Foreign Minister, spoke. "
        "He said in 2016 that Chile would reopen its embassy."
    )
    x = extract(
        t, date(2016, 11, 15), dictionary, [tx(t, "2016", TimexType.DATE, "2016", _year(2016))]
    )
    (ev,) = x.events
    assert "Majid Takht-Ravanchi" in _actors(ev)
    assert any(m.text == "He" for m in ev.mentions)


def test_mentions_carry_document_offsets(dictionary: Dictionary) -> None:
    t = "Headline\n\nIn 2011, the U.S. uncovered a plan in Mexico."
    x = extract(t, None, dictionary, [tx(t, "2011", TimexType.DATE, "2011", _year(2011))])
    (ev,) = x.events
    for m in ev.mentions:
        assert t[m.start : m.end] == m.text
    assert {(m.actor, m.role.value) for m in ev.mentions} == {
        ("United States", "actor"),
        ("Mexico", "place"),
    }
    assert ev.text == t[ev.start : ev.end] == "In 2011, the U.S. uncovered a plan in Mexico."
    assert x.timexes[0].surface == "2011"
    assert set(x.actors) >= {"United States", "Mexico"}


def test_empty_document(dictionary: Dictionary) -> None:
    x = extract("", None, dictionary, [])
    assert x.events == [] and x.actors == {}


def test_clock_time_is_not_a_year(dictionary: Dictionary) -> None:
    t = "The polls close at 3 p.m. (1500 GMT) in Chechnya."
    x = extract(t, None, dictionary, [tx(t, "1500", TimexType.DATE, "1500", _year(1500))])
    assert x.events == []


def test_pronoun_resolution_is_noted(dictionary: Dictionary) -> None:
    t = "Spokesman Tom Kelly spoke. He said in 2005 that it was fine."
    x = extract(t, None, dictionary, [tx(t, "2005", TimexType.DATE, "2005", _year(2005))])
    assert [m.actor for m in x.events[0].mentions] == ["Tom Kelly"]
    assert x.notes and "Tom Kelly" in x.notes[0]


_WORDS = [
    "Iran", "Iran's", "Tehran", "in", "the", "U.S.", "said", "Mr.", "Foreign", "Minister",
    "Zarif", ",", ".", "(", "IRGC", ")", "and", "He", "Hezbollah", "1994", "Jordan", "Chad",
    "Smith", "visited", "“", "”", "\n\n", "Corp.", "Bank", "of", "America", "Latin", "-", "’s",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=60))
def test_any_text_gives_consistent_offsets(words: list[str]) -> None:
    text = " ".join(words)
    dictionary = load_dictionary()
    timexes = []
    if "1994" in text:
        timexes = [tx(text, "1994", TimexType.DATE, "1994", _year(1994))]
    x = extract(text, None, dictionary, timexes)
    for ev in x.events:
        assert text[ev.start : ev.end] == ev.text
        for m in ev.mentions:
            assert text[m.start : m.end] == m.text
            assert m.actor in x.actors


def test_verb_phrase_clause_inherits_the_subject(dictionary: Dictionary) -> None:
    t = "Iran said in 2015 that it would talk, and announced in 2016 a new plan for Cuba."
    x = extract(
        t,
        None,
        dictionary,
        [
            tx(t, "2015", TimexType.DATE, "2015", _year(2015)),
            tx(t, "2016", TimexType.DATE, "2016", _year(2016)),
        ],
    )
    _, second = x.events
    assert second.text == "announced in 2016 a new plan for Cuba."
    assert "Iran" in _actors(second)


def test_range_of_two_dates_is_one_clause(dictionary: Dictionary) -> None:
    t = "Libya violated the embargo in 1995 and 1996 to transport pilgrims."
    x = extract(
        t,
        None,
        dictionary,
        [
            tx(t, "1995", TimexType.DATE, "1995", _year(1995)),
            tx(t, "1996", TimexType.DATE, "1996", _year(1996)),
        ],
    )
    assert [e.text for e in x.events] == [t, t]


def test_one_huge_sentence_stays_linear(dictionary: Dictionary) -> None:
    # a table or a list with no full stop: thousands of mentions in one "sentence" once took
    # minutes through pairwise overlap checks
    import time

    t = " ".join(["Iran, Iraq, Foreign Minister Ali Reza, the Acme Foundation (AF), and"] * 2000)
    begun = time.perf_counter()
    x = extract(t, None, dictionary, [])
    assert time.perf_counter() - begun < 20
    assert x.events == []
    assert {"Iran", "Iraq", "Ali Reza", "Acme Foundation"} <= set(x.actors)


def test_duration_later_is_anchored_on_the_date_before(dictionary: Dictionary) -> None:
    t = "Iran opened an embassy in 1990 and closed it two years later."
    x = extract(
        t,
        None,
        dictionary,
        [
            tx(t, "1990", TimexType.DATE, "1990", _year(1990)),
            tx(t, "two years", TimexType.DURATION, "P2Y"),
        ],
    )
    later = next(e for e in x.events if e.timex.surface == "two years")
    assert later.interval == Interval(
        date(1992, 1, 1), date(1992, 12, 31), Precision.YEAR, approximate=True
    )
