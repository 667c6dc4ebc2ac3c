"""`timeline ingest` and `timeline docs` through the CLI: idempotence, dates, bad input."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SEEDS, Invoke


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_seeds_ingest_then_second_run_adds_nothing_and_says_so(run: Invoke, db_path: Path) -> None:
    first = run("ingest", "--jobs", "1", str(SEEDS))
    assert first.exit_code == 0, first.output
    assert "ingested 2, unchanged 0, failed 0" in first.output
    events = _count(db_path, "events")
    assert events > 10
    second = run("ingest", "--jobs", "1", str(SEEDS))
    assert second.exit_code == 0, second.output
    assert "ingested 0, unchanged 2, failed 0" in second.output
    assert "nothing new" in second.output
    assert _count(db_path, "events") == events
    assert _count(db_path, "documents") == 2


def test_docs_lists_dates_from_front_matter_and_event_counts(run: Invoke, seeded_db: Path) -> None:
    result = run("docs", "--json")
    assert result.exit_code == 0, result.output
    docs = {Path(d["source"]).name: d for d in json.loads(result.output)}
    assert docs["000_d415ed705040d613.txt"]["published"] == "2016-11-15"
    assert docs["004_ddb595ec236b03f1.txt"]["published"] == "2016-08-23"
    assert all(d["date_source"] == "metadata" for d in docs.values())
    assert all(d["events"] > 0 for d in docs.values())


def test_published_option_anchors_relative_dates(run: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The minister said Monday that talks would resume.\n", encoding="utf-8")
    assert run("ingest", "--published", "2016-08-23", str(article)).exit_code == 0
    rows = json.loads(run("list", "--json").output)
    assert [(r["date_start"], r["date_text"]) for r in rows] == [("2016-08-22", "Monday")]


def test_undated_document_resolves_after_set_date(run: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("The delegation arrived in Havana last August.\n", encoding="utf-8")
    assert run("ingest", str(article)).exit_code == 0
    rows = json.loads(run("list", "--json").output)
    assert [r["timex_value"] for r in rows] == ["XXXX-08"]
    assert rows[0]["date_start"] == ""
    article.unlink()  # the stored text is enough
    result = run("docs", "set-date", "undated.txt", "2016-11-15")
    assert result.exit_code == 0, result.output
    rows = json.loads(run("list", "--json").output)
    assert [(r["date_start"], r["date_end"]) for r in rows] == [("2016-08-01", "2016-08-31")]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("empty.txt", b"", "empty", id="empty"),
        pytest.param("blank.txt", b"  \n\n ", "empty", id="whitespace-only"),
        pytest.param(
            "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 10, "binary", id="binary"
        ),
        pytest.param(
            "latin1.txt", "Caf\xe9 opened in 1994.".encode("latin-1"), "UTF-8", id="undecodable"
        ),
    ],
)
def test_bad_file_is_one_line_and_others_still_ingested(
    run: Invoke, db_path: Path, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(content)
    (folder / "good.txt").write_text("Talks began in March 2013 in Geneva.\n", encoding="utf-8")
    result = run("ingest", str(folder))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert name in errors[0] and message in errors[0]
    assert "Traceback" not in result.output
    assert _count(db_path, "documents") == 1


def test_missing_path_and_empty_folder(run: Invoke, db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    good = tmp_path / "good.txt"
    good.write_text("Elections were held in 2012.\n", encoding="utf-8")
    result = run("ingest", str(tmp_path / "missing.txt"), str(tmp_path / "nothing"), str(good))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert any("missing.txt" in e for e in errors)
    assert any("nothing" in e for e in errors)
    assert _count(db_path, "documents") == 1


def test_database_in_missing_folder_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from timeline.cli import main

    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "no" / "such.db"), "ingest", str(SEEDS)]
    )
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: database folder does not exist: {tmp_path / 'no'}"
    ]


def test_remove_document_removes_its_events(run: Invoke, seeded_db: Path) -> None:
    before = _count(seeded_db, "events")
    result = run("docs", "remove", "004_ddb595ec236b03f1.txt")
    assert result.exit_code == 0, result.output
    assert _count(seeded_db, "documents") == 1
    assert 0 < _count(seeded_db, "events") < before
    with sqlite3.connect(seeded_db) as conn:
        hits = conn.execute(
            "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'Monday'"
        ).fetchone()[0]
    assert hits == 0
