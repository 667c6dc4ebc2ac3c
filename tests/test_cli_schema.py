"""`timeline schema`, `stats` and `show`, and the database as sqlite3/Datasette users see it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import Invoke
from timeline.store.describe import VIEW_COLUMNS
from timeline.store.models import Base
from timeline.store.schema_extras import EVENTS_VIEW


def test_schema_describes_every_column(run: Invoke) -> None:
    result = run("schema")
    assert result.exit_code == 0, result.output
    for table in Base.metadata.sorted_tables:
        assert f"{table.name}: {table.comment}" in result.output
        for column in table.columns:
            assert column.comment, f"{table.name}.{column.name} has no comment"
    assert f"{EVENTS_VIEW}:" in result.output


def test_view_description_matches_the_real_view(seeded_db: Path) -> None:
    with sqlite3.connect(seeded_db) as conn:
        real = [r[1] for r in conn.execute(f"PRAGMA table_info({EVENTS_VIEW})")]
    assert real == [name for name, _t, _d in VIEW_COLUMNS[EVENTS_VIEW][1]]


def test_view_gives_actors_and_places_as_json_arrays(seeded_db: Path) -> None:
    with sqlite3.connect(seeded_db) as conn:
        rows = conn.execute(f"SELECT actors, places FROM {EVENTS_VIEW}").fetchall()
    assert rows
    decoded = [(json.loads(a), json.loads(p)) for a, p in rows]
    assert any("Iran" in actors for actors, _ in decoded)
    assert all(isinstance(a, list) and isinstance(p, list) for a, p in decoded)


def test_stats_counts_documents_events_and_years(run: Invoke, seeded_db: Path) -> None:
    result = run("stats", "--json")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["documents"] == 2
    assert stats["events"] == sum(stats["events_per_year"].values()) + stats["undated_events"]
    assert "1994" in stats["events_per_year"]


def test_show_prints_document_sentence_and_mentions(run: Invoke, seeded_db: Path) -> None:
    rows = json.loads(
        run("list", "--actor", "Iran", "--from", "1992", "--to", "1992", "--json").output
    )
    assert rows
    result = run("show", str(rows[0]["event_id"]), "--no-color")
    assert result.exit_code == 0, result.output
    assert "[1992]" in result.output
    assert "000_d415ed705040d613.txt" in result.output
    assert "Tehran" in result.output


def test_show_unknown_event_is_one_line(run: Invoke, seeded_db: Path) -> None:
    result = run("show", "999999")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no event with id 999999"


def test_datasette_detects_fts_and_runs_a_facet(seeded_db: Path) -> None:
    import asyncio

    from datasette.app import Datasette

    async def check() -> None:
        ds = Datasette([str(seeded_db)])
        db = ds.get_database()
        assert await db.fts_table("events") == "events_fts"
        response = await ds.client.get("/timeline/events.json?_search=embassy&_shape=array")
        assert response.status_code == 200
        assert any("embassy" in r["text"] for r in response.json())
        facet = await ds.client.get("/timeline/events_view.json?_facet=precision&_size=0")
        assert facet.status_code == 200
        values = {f["value"] for f in facet.json()["facet_results"]["precision"]["results"]}
        assert {"year", "month", "day"} <= values

    asyncio.run(check())
