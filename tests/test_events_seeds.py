"""Acceptance: the two seed articles through the date tagger and extraction (issue 4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.actors.dictionary import load_dictionary
from timeline.actors.types import ActorKind
from timeline.events.extract import extract_document
from timeline.events.types import ExtractedEvent, Extraction
from timeline.ingest.frontmatter import split_front_matter

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _extract(name: str, dct: date) -> Extraction:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    return extract_document(raw[split_front_matter(raw).end :], dct, load_dictionary())


@pytest.fixture(scope="module")
def seed000() -> Extraction:
    return _extract("000_d415ed705040d613.txt", date(2016, 11, 15))


@pytest.fixture(scope="module")
def seed004() -> Extraction:
    return _extract("004_ddb595ec236b03f1.txt", date(2016, 8, 23))


def _actors(ev: ExtractedEvent, role: str = "actor") -> set[str]:
    return {m.actor for m in ev.mentions if m.role.value == role}


def _closure(x: Extraction, name: str) -> set[str]:
    """``name`` and everything it is affiliated with, transitively."""
    seen, todo = set(), [name]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        entry = x.actors.get(n)
        if entry is not None:
            todo.extend(a.parent for a in entry.affiliations if a.relation not in {"region"})
    return seen


def _events(x: Extraction, surface: str) -> list[ExtractedEvent]:
    found = [e for e in x.events if e.timex.surface == surface]
    assert found, [e.timex.surface for e in x.events]
    return found


def _affiliated(x: Extraction, person: str, country: str) -> bool:
    entry = x.actors[person]
    return entry.kind is ActorKind.PERSON and country in {a.parent for a in entry.affiliations}


def test_000_embassy_attack_1992(seed000: Extraction) -> None:
    (ev,) = _events(seed000, "1992")
    assert "Iran" in _actors(ev)  # "Tehran allegedly sponsored"
    assert "Tehran" in {m.text for m in ev.mentions if m.actor == "Iran"}
    assert "Buenos Aires" in _actors(ev, "place")
    assert "Israeli embassy" in ev.text
    assert (
        ev.interval is not None
        and ev.interval.start == date(1992, 1, 1)
        and ev.interval.end == date(1992, 12, 31)
    )


def test_000_amia_1994_linked_to_iran(seed000: Extraction) -> None:
    events = _events(seed000, "1994")
    assert len(events) == 2
    assert all("Iran" in _actors(ev) for ev in events)
    last = events[-1]
    assert last.text == "the Argentina Jewish Mutual Aid Center in 1994."


def test_000_twenty_years_after_is_about_2014(seed000: Extraction) -> None:
    (ev,) = _events(seed000, "Almost twenty years")
    assert ev.interval is not None and ev.interval.approximate
    assert ev.interval.start == date(2014, 1, 1) and ev.interval.precision.value == "year"


def test_000_august_delegation_with_zarif(seed000: Extraction) -> None:
    ev = _events(seed000, "last August")[0]
    assert "An Iranian delegation" in ev.text
    assert {"Iran", "Mohammad Javad Zarif"} <= _actors(ev)
    assert _affiliated(seed000, "Mohammad Javad Zarif", "Iran")
    assert ev.interval is not None and ev.interval.start == date(2016, 8, 1)


def test_000_ahmadinejad_visits(seed000: Extraction) -> None:
    (ev,) = _events(seed000, "between 2005 and 2012")
    assert "Mahmoud Ahmadinejad" in _actors(ev)
    assert _affiliated(seed000, "Mahmoud Ahmadinejad", "Iran")
    assert ev.interval is not None
    assert (ev.interval.start, ev.interval.end) == (date(2005, 1, 1), date(2012, 12, 31))


def test_000_takht_ravanchi(seed000: Extraction) -> None:
    assert _affiliated(seed000, "Majid Takht-Ravanchi", "Iran")
    assert any("Majid Takht-Ravanchi" in _actors(ev) for ev in seed000.events)


def test_000_bare_duration_makes_no_event(seed000: Extraction) -> None:
    assert not [e for e in seed000.events if "36 years" in e.timex.surface]


def test_004_zarif_said_monday(seed004: Extraction) -> None:
    (ev,) = _events(seed004, "Monday")
    assert ev.interval is not None and ev.interval.start == date(2016, 8, 22)
    assert {"Mohammad Javad Zarif", "Iran"} <= _actors(ev)


def test_004_announcement_last_week(seed004: Extraction) -> None:
    (ev,) = _events(seed004, "Last week")
    assert "Mohammad Javad Zarif" in _actors(ev)  # "Iran's Zarif"
    assert not {"England", "Spain"} & _actors(ev)  # "in English and Spanish": languages
    assert ev.interval is not None and ev.interval.precision.value == "week"
    assert ev.interval.start <= date(2016, 8, 16) <= ev.interval.end


def test_004_amia_1994_linked_to_iran(seed004: Extraction) -> None:
    (ev,) = _events(seed004, "1994")
    assert {"Iran", "Hezbollah", "AMIA"} <= _actors(ev)


def test_004_since_2010_has_no_iranian_actor(seed004: Extraction) -> None:
    ev = next(e for e in seed004.events if "since 2010" in e.text)
    assert ev.interval is not None and ev.interval.start == date(2010, 1, 1)
    assert all("Iran" not in _closure(seed004, a) for a in _actors(ev))
    assert "Latin America" in _actors(ev, "place")


def test_004_southcom_is_american_not_iranian(seed004: Extraction) -> None:
    (ev,) = _events(seed004, "earlier this year")
    actors = _actors(ev)
    assert actors == {"United States Southern Command"}
    assert "United States" in _closure(seed004, "United States Southern Command")
    assert all("Iran" not in _closure(seed004, a) for a in actors)
    assert "SOUTHCOM" in seed004.actors["United States Southern Command"].aliases


def test_one_zarif_across_both_articles(seed000: Extraction, seed004: Extraction) -> None:
    people = {
        n
        for x in (seed000, seed004)
        for n, e in x.actors.items()
        if e.kind is ActorKind.PERSON and n.endswith("Zarif")
    }
    assert people == {"Mohammad Javad Zarif"}


def test_most_events_have_an_actor(seed000: Extraction, seed004: Extraction) -> None:
    events = seed000.events + seed004.events
    with_actor = [e for e in events if _actors(e)]
    assert len(with_actor) / len(events) >= 0.9


def test_004_without_a_dct_keeps_relative_events_unresolved() -> None:
    raw = (SEEDS / "004_ddb595ec236b03f1.txt").read_text(encoding="utf-8")
    x = extract_document(raw[split_front_matter(raw).end :], None, load_dictionary())
    monday = next(e for e in x.events if e.timex.surface == "Monday")
    assert monday.interval is None
    assert "Mohammad Javad Zarif" in _actors(monday)
    (attack,) = (e for e in x.events if e.timex.surface == "1994")
    assert attack.interval is not None and attack.interval.start == date(1994, 1, 1)
