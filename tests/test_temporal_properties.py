"""Properties of the tagger on arbitrary text: no errors, consistent offsets, no hidden state."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import tag
from timeline.temporal.firstset import first_prefixes
from timeline.temporal.ruleset import RuleSet, load_rules

EXAMPLE_DCT = dt.date(2016, 8, 23)

# Text built from date-like pieces finds more matches than random characters would.
PIECES = st.sampled_from(
    [
        "March", "May", "Monday", "last", "next", "week", "year", "years", "ago", "the", "of",
        "1994", "2012", "12", "3", "/", "-", "–", ",", ".", " ", "\n", "a.m.", "quarter",
        "third", "since", "between", "and", "early", "mid-", "1990s", "'90s", "every", "about",
        "will", "said", "$", "1,994", "Q3", "fiscal", "now", "today", "decade", "twenty",
        "mid", "late", "yesterday", "afternoon", "night", "Friday", "summer", "end", "ago",
        "past", "the", "'s", "1/2", "and a half", "century", "20th", "a", "year-earlier",
        "from", "to", "that", "same", "day", "later", "two", "days", "April", "26", "9/11",
        "percent", "million", "people", "3.2", "15", "%", "1,500",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map(" ".join))
DCTS = st.one_of(st.none(), st.dates())


@settings(max_examples=150, deadline=None)
@given(text=TEXTS, dct=DCTS)
def test_any_text_tags_with_consistent_offsets(text: str, dct: dt.date | None) -> None:
    found = tag(text, dct)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.surface
        assert timex.start >= previous_end  # no overlaps, in text order
        previous_end = timex.end
        if timex.interval is not None:
            assert timex.interval.start <= timex.interval.end
        for end in timex.parts:  # a worded range's two TimeML ends lie inside it, in order
            assert timex.start <= end.start < end.end <= timex.end
            assert text[end.start : end.end] == end.surface
        if len(timex.parts) == 2:
            assert timex.parts[0].end <= timex.parts[1].start


@settings(max_examples=60, deadline=None)
@given(first=TEXTS, second=TEXTS, dct=DCTS)
def test_result_does_not_depend_on_earlier_documents(
    first: str, second: str, dct: dt.date | None
) -> None:
    alone = tag(second, dct)
    tag(first, dct)
    assert tag(second, dct) == alone


def test_floods_of_separators_and_numbers_find_nothing() -> None:
    # Inputs that once made the matcher try every rule at every position; kept small here
    # (benchmarks/ measures the speed, tests never time anything).
    for text in ("12/" * 3000, "10:" * 3000, "1 " * 5000, "Jan." * 2000, " " * 20000, "-" * 20000):
        assert tag(text, dt.date(2016, 8, 23)) == []


def _unpruned() -> RuleSet:
    # The same rules with the matcher's shortcuts off: every rule may begin anywhere, and
    # every number triggers (see firstset.first_prefixes and tagger._COUNTED_NUMBER_RE).
    rules = load_rules()
    return dataclasses.replace(rules, open_mask=rules.all_mask, counted_number=None)


@settings(max_examples=150, deadline=None)
@given(text=TEXTS, dct=DCTS)
def test_the_start_shortcut_loses_no_match(text: str, dct: dt.date | None) -> None:
    assert tag(text, dct) == tag(text, dct, rules=_unpruned())


def test_the_start_shortcut_keeps_every_rule_example() -> None:
    rules, unpruned = load_rules(), _unpruned()
    for rule in rules.rules:
        for example in rule.examples:
            assert tag(example.text, EXAMPLE_DCT) == tag(example.text, EXAMPLE_DCT, unpruned), (
                rule.name, example.text)


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        pytest.param(r"(?:the\s+)?(?:jan|feb)uary", {"the", "jan", "feb"}, id="optional-word"),
        pytest.param(r"\d{4}", {"0"}, id="digits-as-zero"),
        pytest.param(r"(?<!x)(?:on\s+)?Monday", {"on", "mon"}, id="lookbehind-is-zero-width"),
        pytest.param(r"ab?c", {"abc", "ac"}, id="optional-letter"),
        pytest.param(r"(?:ab)+c", {"ab"}, id="repeat-then-anything"),
        pytest.param(r"x*y", {"x", "y"}, id="star"),
        pytest.param(r"\w+day", None, id="any-word-start"),
        pytest.param(r"(?:March)?", None, id="may-match-nothing"),
    ],
)
def test_first_prefixes(pattern: str, prefixes: set[str] | None) -> None:
    found = first_prefixes(pattern, re.IGNORECASE)
    assert (None if found is None else set(found)) == prefixes
