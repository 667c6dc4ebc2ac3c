"""Event groups on the two seed articles (issue 10): one event, many reports.

What the seeds should give: the 1994 AMIA bombing is one group told by both articles; Zarif's
August 2016 tour is one group told by both ("paid an official visit to Latin America last
August" and "On Sunday, I'll start a 6-nation tour of Latin America"); nothing else from the two
articles is merged.

The announcement ("Last week, Iran's Zarif announced his trip", 2016-W33) is a different event
from the tour it announces: a tweet in the week before. It stays apart because it shares its
sentence with "On Sunday, I'll start ...", the tour's own date, and two dated facts of one
sentence never merge. "Zarif said Monday that Iran has always shown ..." (2016-08-22) is a
statement made during the tour; its words share nothing with the visit, so it stays apart too.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from .conftest import Invoke


def _groups(db: Path) -> list[dict[str, object]]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        groups = [dict(r) for r in conn.execute("SELECT * FROM event_groups_view")]
        for g in groups:
            g["members"] = [
                dict(r)
                for r in conn.execute(
                    "SELECT e.id, e.document_id, e.text, t.text AS date_text, e.date_start"
                    " FROM event_group_members m JOIN events e ON e.id = m.event_id"
                    " JOIN timexes t ON t.id = e.timex_id WHERE m.group_id = ?"
                    " ORDER BY e.document_id, e.position",
                    (g["group_id"],),
                )
            ]
    return groups


def test_amia_bombing_is_one_group_of_both_articles(seeded_db: Path) -> None:
    (amia,) = [
        g
        for g in _groups(seeded_db)
        if g["date_start"] == "1994-01-01" and "Hezbollah" in json.loads(str(g["actors"]))
    ]
    assert amia["documents"] == 2
    assert amia["sources"] == 2
    assert (amia["first_published"], amia["last_published"]) == ("2016-08-23", "2016-11-15")
    texts = " ".join(str(m["text"]) for m in amia["members"])  # type: ignore[attr-defined]
    assert "Buenos Aires (AMIA) in 1994" in texts
    assert "1994 bombing of the Argentine-Israeli Mutual Society" in texts


def test_zarif_tour_is_one_group_of_both_articles(seeded_db: Path) -> None:
    (tour,) = [g for g in _groups(seeded_db) if "official visit" in str(g["members"])]
    members = tour["members"]
    assert tour["documents"] == 2
    assert [m["date_text"] for m in members] == ["last August", "Sunday"]  # type: ignore[attr-defined]
    # the best interval is the most precise one: the Sunday the tour began
    assert (tour["date_start"], tour["precision"]) == ("2016-08-21", "day")


def test_the_announcement_and_the_monday_statement_stay_apart(seeded_db: Path) -> None:
    for g in _groups(seeded_db):
        dates = [m["date_text"] for m in g["members"]]  # type: ignore[attr-defined]
        if "Last week" in dates or "Monday" in dates:
            assert g["mentions"] == 1, g


def test_nothing_else_from_different_articles_is_merged(seeded_db: Path) -> None:
    across = [g for g in _groups(seeded_db) if g["documents"] != 1]
    assert len(across) == 2  # the AMIA bombing and the tour
    for g in _groups(seeded_db):
        if g["documents"] == 1:
            assert g["mentions"] == 1, g  # no two mentions of one article merged either


def test_list_merged_counts_events_not_reports(seeded_db: Path, run: Invoke) -> None:
    events = run("list", "--csv").output.splitlines()
    merged = run("list", "--merged", "--csv").output.splitlines()
    assert len(merged) == len(events) - 2
    header = merged[0].split(",")
    assert {"mentions", "sources"} <= set(header)
    iran = run("list", "--merged", "--actor", "Hezbollah", "--csv").output.splitlines()
    assert any(line.endswith(",2,2,2,2016-08-23,2016-11-15") for line in iran[1:])


def test_show_group_lists_its_mentions(seeded_db: Path, run: Invoke) -> None:
    (tour,) = [g for g in _groups(seeded_db) if "official visit" in str(g["members"])]
    result = run("show", f"g{tour['group_id']}", "--no-color")
    assert result.exit_code == 0, result.output
    assert "2 mentions in 2 documents from 2 sources" in result.output
    assert "paid an official visit to Latin America [last August]" in result.output
    assert "On [Sunday], I’ll start a 6-nation tour" in result.output


def test_rebuild_gives_the_same_groups_as_ingest(seeded_db: Path) -> None:
    from timeline.store.database import open_store
    from timeline.store.groups import rebuild_groups

    def partition() -> set[frozenset[str]]:
        return {
            frozenset(f"{m['document_id']}:{m['date_text']}" for m in g["members"])  # type: ignore[attr-defined]
            for g in _groups(seeded_db)
        }

    before = partition()
    store = open_store(str(seeded_db), write=True)
    with store.session() as session:
        rebuild_groups(session)
    store.close()
    assert partition() == before


def test_groups_rebuild_and_explain_on_the_command_line(seeded_db: Path, run: Invoke) -> None:
    (amia,) = [g for g in _groups(seeded_db) if g["documents"] == 2 and g["precision"] == "year"]
    first, second = (m["id"] for m in amia["members"])  # type: ignore[attr-defined]
    explained = run("groups", "explain", str(first), str(second))
    assert explained.exit_code == 0, explained.output
    assert explained.output.startswith("merge: score ")
    assert "shared words:" in explained.output and "proxy" in explained.output
    rebuilt = run("groups", "rebuild", "--merge-threshold", "1")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "at merge threshold 1.0" in rebuilt.output
    assert all(g["documents"] == 1 for g in _groups(seeded_db))
    assert run("groups", "explain", str(first), str(second)).output.startswith("apart")
    again = run("reprocess", "--merge-threshold", "0.5")
    assert again.exit_code == 0, again.output
    assert "regrouped:" in again.output
    assert len([g for g in _groups(seeded_db) if g["documents"] == 2]) == 2
