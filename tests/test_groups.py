"""Event groups in the database (issue 10), on hand-made extractions: one event, many reports."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from timeline.actors.types import ActorEntry, ActorKind, Affiliation, Role
from timeline.events.types import ExtractedEvent, Extraction, Mention
from timeline.ingest.types import DateSource, SourceDocument
from timeline.store.database import Store, open_store
from timeline.store.group_query import group_detail, iter_groups
from timeline.store.groups import (
    document_group_ids,
    group_documents,
    merge_threshold,
    prune_groups,
    rebuild_groups,
    regroup_document,
)
from timeline.store.models import Document, EventGroup, EventGroupMember, Timex
from timeline.store.query import EventFilter
from timeline.store.writer import ActorIds, store_document
from timeline.temporal.types import Interval, Precision, TimexType
from timeline.temporal.types import Timex as TimexValue

from .conftest import Invoke

KINDS = {
    "Iran": ActorKind.COUNTRY,
    "Argentina": ActorKind.COUNTRY,
    "Israel": ActorKind.COUNTRY,
    "Hezbollah": ActorKind.GROUP,
    "Buenos Aires": ActorKind.CITY,
    "Mohammad Javad Zarif": ActorKind.PERSON,
    "Latin America": ActorKind.REGION,
    "Cuba": ActorKind.COUNTRY,
    "Russia": ActorKind.COUNTRY,
    "Chile": ActorKind.COUNTRY,
    "Egypt": ActorKind.COUNTRY,
}


# located_in links the dictionary gives (the parent must be stored first)
PARENTS = {"Sochi": "Russia", "Tehran": "Iran"}


@dataclass(frozen=True)
class S:
    """One hand-made dated sentence: text, the date expression in it and its interval."""

    text: str
    when: str  # surface of the date expression, found in text
    start: str
    end: str
    precision: Precision
    actors: Sequence[str] = ()
    places: Sequence[str] = ()


def _extraction(sentences: Sequence[S]) -> tuple[str, Extraction]:
    text, ex = "", Extraction()
    for s in sentences:
        if not text.endswith(s.text):  # a second date in the same sentence reuses it
            text += ("" if not text else " ") + s.text
        begin = text.rindex(s.text)
        t0 = begin + s.text.index(s.when)
        iv = Interval(date.fromisoformat(s.start), date.fromisoformat(s.end), s.precision)
        tx = TimexValue(t0, t0 + len(s.when), s.when, TimexType.DATE, s.start, interval=iv)
        mentions = []
        for role, names in ((Role.ACTOR, s.actors), (Role.PLACE, s.places)):
            for name in names:
                parent = PARENTS.get(name)
                ex.actors[name] = ActorEntry(
                    name,
                    KINDS.get(name, ActorKind.ORGANISATION),
                    affiliations=(Affiliation(parent, "located_in"),) if parent else (),
                )
                at = s.text.find(name.split()[-1])
                m0 = begin + max(at, 0)
                mentions.append(Mention(name, role, name, m0, m0 + len(name)))
        ex.timexes.append(tx)
        ex.events.append(
            ExtractedEvent(s.text, begin, begin + len(s.text), tx, iv, tuple(mentions))
        )
    return text, ex


def add_doc(
    store: Store,
    source: str,
    published: str,
    sentences: Sequence[S],
    *,
    group: bool = True,
    threshold: float | None = None,
) -> int:
    text, ex = _extraction(sentences)
    doc = SourceDocument(
        text=text,
        source=source,
        published=date.fromisoformat(published),
        published_source=DateSource.METADATA,
    )
    with store.session() as session:
        digest = hashlib.sha256((source + text).encode()).hexdigest()
        result = store_document(session, doc, ex, content_hash=digest, cache=ActorIds())
        if group:
            group_documents(session, [result.document_id], threshold)
    return result.document_id


@pytest.fixture
def store(db_path: Path) -> Store:
    return open_store(str(db_path), write=True)


def groups(store: Store, **flt: object) -> list[tuple[int, int, int, str]]:
    """(mentions, documents, sources, date_start) of each group with more than one mention."""
    with store.session() as session:
        return [
            (g.mentions, g.documents, g.sources, g.date_start)
            for g in iter_groups(session, EventFilter(**flt))  # type: ignore[arg-type]
            if g.mentions > 1
        ]


AMIA_A = S(
    "Almost twenty years after the devastating terrorist attack on the Jewish community "
    "center in Buenos Aires (AMIA) in 1994, which was allegedly planned and executed by Iran "
    "and its Lebanese proxy Hezbollah, Argentina and Iran have established a truth commission.",
    "1994",
    "1994-01-01",
    "1994-12-31",
    Precision.YEAR,
    ("Iran", "Hezbollah", "Argentina"),
    ("Buenos Aires",),
)
AMIA_B = S(
    "Iran and its narco-terrorist proxy, the Lebanese group Hezbollah, have been linked to the "
    "1994 bombing of the Argentine-Israeli Mutual Society (AMIA).",
    "1994",
    "1994-01-01",
    "1994-12-31",
    Precision.YEAR,
    ("Iran", "Hezbollah", "Argentina", "Israel"),
)
EMBASSY_1992 = S(
    "The 1992 bombing of the Israeli embassy in Buenos Aires was blamed on Hezbollah and Iran.",
    "1992",
    "1992-01-01",
    "1992-12-31",
    Precision.YEAR,
    ("Iran", "Hezbollah", "Israel"),
    ("Buenos Aires",),
)


def test_the_amia_bombing_told_twice_is_one_group_of_two_documents(store: Store) -> None:
    add_doc(store, "a.txt", "2016-11-15", [AMIA_A])
    add_doc(store, "b.txt", "2016-08-23", [AMIA_B])
    with store.session() as session:
        (g,) = [g for g in iter_groups(session, EventFilter()) if g.mentions > 1]
    assert (g.mentions, g.documents, g.sources) == (2, 2, 2)
    assert (g.date_start, g.date_end, g.precision) == ("1994-01-01", "1994-12-31", "year")
    assert (g.first_published, g.last_published) == ("2016-08-23", "2016-11-15")
    assert set(g.actors) == {"Iran", "Hezbollah", "Argentina", "Israel"}
    assert g.places == ("Buenos Aires",)


def test_attacks_in_buenos_aires_in_1992_and_1994_stay_apart(store: Store) -> None:
    add_doc(store, "a.txt", "2016-11-15", [AMIA_A])
    add_doc(store, "c.txt", "2010-01-01", [EMBASSY_1992])
    assert groups(store) == []


def test_two_1994_events_with_different_actors_stay_apart(store: Store) -> None:
    add_doc(store, "a.txt", "2016-11-15", [AMIA_A])
    other = S(
        "In 1994 Russia and Chile signed a trade agreement after a terrorist attack scare.",
        "1994",
        "1994-01-01",
        "1994-12-31",
        Precision.YEAR,
        ("Russia", "Chile"),
        ("Buenos Aires",),
    )
    add_doc(store, "d.txt", "1995-01-01", [other])
    assert groups(store) == []


DAY = S(
    "Iran's foreign minister Mohammad Javad Zarif began a six-nation tour of Latin America "
    "in Havana on 22 August 2016.",
    "22 August 2016",
    "2016-08-22",
    "2016-08-22",
    Precision.DAY,
    ("Iran", "Mohammad Javad Zarif"),
    ("Latin America", "Cuba"),
)


def test_year_and_day_mentions_join_when_actors_and_text_agree(store: Store) -> None:
    year = S(
        "In 2016 Iran's foreign minister Zarif made a tour of Latin America, starting in Havana.",
        "2016",
        "2016-01-01",
        "2016-12-31",
        Precision.YEAR,
        ("Iran", "Mohammad Javad Zarif"),
        ("Latin America", "Cuba"),
    )
    add_doc(store, "day.txt", "2016-08-23", [DAY])
    add_doc(store, "year.txt", "2017-01-10", [year])
    assert groups(store) == [(2, 2, 2, "2016-08-22")]  # the day is the best interval


def test_year_and_day_mentions_stay_apart_when_text_disagrees(store: Store) -> None:
    year = S(
        "Iran hosted a conference on Latin America in Tehran in 2016, Zarif said.",
        "2016",
        "2016-01-01",
        "2016-12-31",
        Precision.YEAR,
        ("Iran", "Mohammad Javad Zarif"),
        ("Latin America",),
    )
    add_doc(store, "day.txt", "2016-08-23", [DAY])
    add_doc(store, "year.txt", "2017-01-10", [year])
    assert groups(store) == []


def test_two_dates_of_one_sentence_never_merge(store: Store) -> None:
    text = "Zarif visited Cuba on Sunday and visited Nicaragua in August, Iran said."
    add_doc(
        store,
        "s.txt",
        "2016-08-30",
        [
            S(text, "Sunday", "2016-08-21", "2016-08-21", Precision.DAY, ("Iran",), ("Cuba",)),
            S(text, "August", "2016-08-01", "2016-08-31", Precision.MONTH, ("Iran",), ("Cuba",)),
        ],
    )
    assert groups(store) == []


def test_every_event_has_exactly_one_group_and_the_view_has_one_row_per_group(
    store: Store, db_path: Path
) -> None:
    add_doc(store, "a.txt", "2016-11-15", [AMIA_A, DAY])
    add_doc(store, "b.txt", "2016-08-23", [AMIA_B, EMBASSY_1992])
    with sqlite3.connect(db_path) as conn:
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        members = conn.execute("SELECT count(*) FROM event_group_members").fetchone()[0]
        rows = conn.execute(
            "SELECT group_id, mentions, sources, actors, date_text FROM event_groups_view "
            "ORDER BY mentions DESC, group_id"
        ).fetchall()
    assert events == members == 4
    assert len(rows) == 3
    assert rows[0][1:3] == (2, 2)
    assert "Hezbollah" in json.loads(rows[0][3])
    assert rows[0][4] == "1994"


def test_a_new_report_can_join_two_stored_groups_only_if_they_agree(store: Store) -> None:
    # Two day-level reports of different days cannot be one group, even through a month-level
    # report that is compatible with both: it joins the better match only.
    monday = S(
        "Zarif said Monday in Havana that Iran and Cuba resisted U.S. atrocities during his tour.",
        "Monday",
        "2016-08-22",
        "2016-08-22",
        Precision.DAY,
        ("Iran", "Mohammad Javad Zarif"),
        ("Cuba",),
    )
    add_doc(store, "day.txt", "2016-08-23", [DAY])
    add_doc(store, "monday.txt", "2016-08-24", [monday])
    month = S(
        "Zarif made a tour of Latin America in August, starting in Havana, Iran said.",
        "August",
        "2016-08-01",
        "2016-08-31",
        Precision.MONTH,
        ("Iran", "Mohammad Javad Zarif"),
        ("Latin America", "Cuba"),
    )
    add_doc(store, "month.txt", "2016-11-15", [month])
    with store.session() as session:
        sizes = sorted(g.mentions for g in iter_groups(session, EventFilter()))
    # DAY and monday are the same day (22 August) and the same tour: they merged; the month
    # report joined them.
    assert sizes == [3]


def test_groups_merge_when_a_new_report_bridges_them(store: Store) -> None:
    a = S(
        "Egypt's army fought militants in Sinai in March, Egypt said.",
        "March",
        "2015-03-01",
        "2015-03-31",
        Precision.MONTH,
        ("Egypt",),
        ("Sinai",),
    )
    b = S(
        "On 3 March 2015 Egypt's army launched a large attack on militants in northern Sinai.",
        "3 March 2015",
        "2015-03-03",
        "2015-03-03",
        Precision.DAY,
        ("Egypt",),
        ("Sinai",),
    )
    add_doc(store, "a.txt", "2015-04-01", [a], threshold=0.99)
    add_doc(store, "b.txt", "2015-03-04", [b], threshold=0.99)
    assert groups(store) == []
    with store.session() as session:
        rebuild_groups(session, 0.5)
        assert merge_threshold(session) == 0.5
    assert groups(store) == [(2, 2, 2, "2015-03-03")]


def test_threshold_one_merges_nothing_and_rebuild_restores(store: Store) -> None:
    add_doc(store, "a.txt", "2016-11-15", [AMIA_A])
    add_doc(store, "b.txt", "2016-08-23", [AMIA_B])
    with store.session() as session:
        rebuild_groups(session, 1.0)
    assert groups(store) == []
    with store.session() as session:
        rebuild_groups(session, 0.5)
    assert groups(store) == [(2, 2, 2, "1994-01-01")]


def test_filters_select_groups_by_any_of_their_mentions(store: Store) -> None:
    add_doc(store, "a.txt", "2016-11-15", [AMIA_A, DAY])
    add_doc(store, "b.txt", "2016-08-23", [AMIA_B])
    assert groups(store, actors=("Israel",)) == [(2, 2, 2, "1994-01-01")]
    with store.session() as session:
        found = list(iter_groups(session, EventFilter(date_from=date(2016, 1, 1))))
    assert [g.text for g in found] == [DAY.text]


def test_replaced_events_leave_no_stale_group(store: Store) -> None:
    a = add_doc(store, "a.txt", "2016-11-15", [AMIA_A])
    b = add_doc(store, "b.txt", "2016-08-23", [AMIA_B])
    with store.session() as session:
        stale = document_group_ids(session, b)
        session.execute(delete(Timex).where(Timex.document_id == b))
        regroup_document(session, b, stale)
        (g,) = session.execute(select(EventGroup)).scalars().all()
        assert (g.mentions, g.documents, g.first_published) == (1, 1, "2016-11-15")
        session.execute(delete(Document).where(Document.id == a))
        prune_groups(session)
        assert session.execute(select(EventGroup)).scalars().all() == []
        assert session.execute(select(EventGroupMember)).scalars().all() == []


def test_group_detail_lists_mentions_with_sentences(store: Store) -> None:
    add_doc(store, "a.txt", "2016-11-15", [AMIA_A])
    add_doc(store, "b.txt", "2016-08-23", [AMIA_B])
    with store.session() as session:
        (g,) = [g for g in iter_groups(session, EventFilter()) if g.mentions > 1]
        detail = group_detail(session, g.group_id)
    assert detail is not None
    assert [r.document for r in detail.mentions] == ["b.txt", "a.txt"]  # oldest report first
    assert [r.text for r in detail.mentions] == [AMIA_B.text, AMIA_A.text]


def test_cli_list_merged_and_show_group(store: Store, run: Invoke) -> None:
    add_doc(store, "a.txt", "2016-11-15", [AMIA_A, DAY])
    add_doc(store, "b.txt", "2016-08-23", [AMIA_B])
    result = run("list", "--merged", "--csv")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "group_id,date_start,date_end,precision,actors,places,text,mentions,documents,"
        "sources,first_published,last_published"
    )
    assert len(lines) == 3
    amia = next(line for line in lines if "AMIA" in line)
    assert amia.endswith(",2,2,2,2016-08-23,2016-11-15")
    gid = amia.split(",")[0]
    shown = run("show", f"g{gid}", "--no-color")
    assert shown.exit_code == 0, shown.output
    assert f"Group g{gid}" in shown.output
    assert "2 mentions in 2 documents from 2 sources" in shown.output
    assert "[1994] bombing of the Argentine-Israeli" in shown.output
    assert "in Buenos Aires (AMIA) in [1994]" in shown.output
    exported = run("export", "--merged", "--format", "json")
    assert exported.exit_code == 0, exported.output
    assert sorted(o["mentions"] for o in json.loads(exported.output)) == [1, 2]
    timelinejs = run("export", "--merged", "--format", "timelinejs")
    assert timelinejs.exit_code == 0, timelinejs.output
    assert len(json.loads(timelinejs.output)["events"]) == 2
    assert run("show", "g999").exit_code != 0


def test_a_city_counts_as_its_country_but_two_cities_stay_apart(store: Store) -> None:
    def summit(where: str, actors: tuple[str, ...]) -> S:
        return S(
            f"Putin and Erdogan held talks on Syria in {where} on 17 September.",
            "17 September",
            "2018-09-17",
            "2018-09-17",
            Precision.DAY,
            actors,
            (where,),
        )

    add_doc(store, "countries.txt", "2018-01-01", [summit("Russia", ("Russia", "Iran"))])
    add_doc(store, "sochi.txt", "2018-09-18", [summit("Sochi", ("Russia", "Turkey"))])
    add_doc(store, "tehran.txt", "2018-09-18", [summit("Tehran", ("Russia", "Turkey"))])
    assert groups(store) == [(2, 2, 2, "2018-09-17")]
    with store.session() as session:
        (g,) = [g for g in iter_groups(session, EventFilter()) if g.mentions > 1]
    assert g.places == ("Russia", "Sochi")  # as written, without the added containers


def test_the_view_has_the_columns_timeline_schema_describes(
    store: Store, db_path: Path, run: Invoke
) -> None:
    from sqlalchemy import inspect

    from timeline.store.describe import VIEW_COLUMNS
    from timeline.store.engine import make_engine

    engine = make_engine(str(db_path))  # SQLite here; tests/test_postgres.py reruns it there
    real = [c["name"] for c in inspect(engine).get_columns("event_groups_view")]
    engine.dispose()
    assert real == [name for name, _t, _d in VIEW_COLUMNS["event_groups_view"][1]]
    assert "event_groups_view: One row per event group" in run("schema").output


def test_cli_ingest_threshold_and_no_groups(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tests.conftest import SEEDS
    from timeline.cli import main

    def ingest(db: Path, *flags: str) -> None:
        args = ["--db", str(db), "ingest", "-q", "--jobs", "1", *flags, str(SEEDS)]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output

    def multi(db: Path) -> int:
        with sqlite3.connect(db) as conn:
            return int(
                conn.execute("SELECT count(*) FROM event_groups WHERE documents > 1").fetchone()[0]
            )

    ingest(tmp_path / "strict.db", "--merge-threshold", "1")
    assert multi(tmp_path / "strict.db") == 0
    ingest(tmp_path / "none.db", "--no-groups")
    with sqlite3.connect(tmp_path / "none.db") as conn:
        assert conn.execute("SELECT count(*) FROM event_group_members").fetchone()[0] == 0
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "groups", "rebuild"])
    assert result.exit_code == 0, result.output
    assert multi(tmp_path / "none.db") == 2
