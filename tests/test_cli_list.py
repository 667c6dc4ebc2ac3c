"""`timeline list` on the seeds: the Iran chronology the product exists for, and filters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DESIGN_CSV_COLUMNS, Invoke


def _rows(run: Invoke, *args: str) -> list[dict[str, Any]]:
    result = run("list", *args, "--json")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.output)
    return rows


def _find(rows: list[dict[str, Any]], start: str, end: str, words: str) -> list[dict[str, Any]]:
    return [
        r for r in rows if (r["date_start"], r["date_end"]) == (start, end) and words in r["text"]
    ]


def test_iran_chronology_of_the_seeds_is_oldest_first_with_key_events(
    run: Invoke, seeded_db: Path
) -> None:
    rows = _rows(run, "--actor", "Iran")
    starts = [r["date_start"] for r in rows if r["date_start"]]
    assert starts == sorted(starts)
    assert _find(rows, "1992-01-01", "1992-12-31", "Israeli embassy in Buenos Aires")
    amia = [r for r in rows if r["date_start"] == "1994-01-01" and r["precision"] == "year"]
    assert {Path(r["document"]).name for r in amia} == {
        "000_d415ed705040d613.txt",
        "004_ddb595ec236b03f1.txt",
    }
    assert _find(rows, "2005-01-01", "2012-12-31", "Ahmadinejad")
    assert _find(rows, "2016-08-01", "2016-08-31", "Zarif")
    assert _find(rows, "2016-08-22", "2016-08-22", "Zarif")


def test_rows_without_iranian_actor_are_not_listed(run: Invoke, seeded_db: Path) -> None:
    texts = " ".join(r["text"] for r in _rows(run, "--actor", "Iran"))
    assert "Muslim population has increased" not in texts
    assert "SOUTHCOM" not in texts and "Southern Command" not in texts


def test_date_range_selects_overlapping_intervals(run: Invoke, seeded_db: Path) -> None:
    rows = _rows(run, "--from", "2010", "--to", "2010")
    assert rows
    for r in rows:
        assert r["date_start"] <= "2010-12-31" and r["date_end"] >= "2010-01-01"
    assert _find(rows, "2005-01-01", "2012-12-31", "Ahmadinejad")


@pytest.mark.parametrize(
    ("args", "check"),
    [
        pytest.param(("--limit", "3"), lambda rows, all_: rows == all_[:3], id="limit"),
        pytest.param(
            ("--offset", "2", "--limit", "2"), lambda rows, all_: rows == all_[2:4], id="offset"
        ),
        pytest.param(
            ("--reverse",),
            lambda rows, all_: (
                [r["date_start"] for r in rows]
                == sorted((r["date_start"] for r in all_), reverse=True)
            ),
            id="reverse",
        ),
        pytest.param(
            ("--min-precision", "month"),
            lambda rows, all_: (
                rows and all(r["precision"] in ("day", "week", "month") for r in rows)
            ),
            id="min-precision",
        ),
        pytest.param(
            ("--text", "embassy"),
            lambda rows, all_: rows and all("embassy" in r["text"].lower() for r in rows),
            id="text",
        ),
        pytest.param(
            ("--document", "004_ddb595ec236b03f1.txt"),
            lambda rows, all_: (
                rows and all(r["document"].endswith("004_ddb595ec236b03f1.txt") for r in rows)
            ),
            id="document",
        ),
    ],
)
def test_filters(run: Invoke, seeded_db: Path, args: tuple[str, ...], check: Any) -> None:
    all_rows = _rows(run)
    assert check(_rows(run, *args), all_rows)


def test_unknown_actor_suggests_close_names(run: Invoke, seeded_db: Path) -> None:
    result = run("list", "--actor", "Irann")
    assert result.exit_code == 1
    assert result.output.startswith("Error: unknown actor 'Irann'")
    assert "Iran" in result.output


@pytest.mark.parametrize("bad", ["2016-13", "20x6", "2016-02-30"])
def test_bad_dates_are_usage_errors(run: Invoke, seeded_db: Path, bad: str) -> None:
    result = run("list", "--from", bad)
    assert result.exit_code == 2
    assert bad in result.output


def test_export_csv_has_design_columns(run: Invoke, seeded_db: Path, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "iran.csv"
    result = run("export", "--actor", "Iran", "-o", str(out))
    assert result.exit_code == 0, result.output
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:11] == DESIGN_CSV_COLUMNS
    assert len(rows) - 1 == len(_rows(run, "--actor", "Iran"))
