"""Every output format through the CLI on the seeds, and the filters that combine actors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DESIGN_CSV_COLUMNS, Invoke


def _json(run: Invoke, *args: str) -> list[dict[str, Any]]:
    result = run("list", *args, "--json")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.output)
    return rows


@pytest.mark.parametrize(
    ("args", "check"),
    [
        pytest.param(
            ("--csv",),
            lambda out, n: (
                next(csv.reader(io.StringIO(out)))[:11] == DESIGN_CSV_COLUMNS
                and len(list(csv.reader(io.StringIO(out)))) == n + 1
            ),
            id="csv",
        ),
        pytest.param(
            ("--format", "tsv"),
            lambda out, n: (
                out.splitlines()[0].split("\t")[:11] == DESIGN_CSV_COLUMNS
                and len(out.splitlines()) == n + 1
            ),
            id="tsv",
        ),
        pytest.param(
            ("--nl",),
            lambda out, n: len([json.loads(line) for line in out.splitlines()]) == n,
            id="jsonl",
        ),
        pytest.param(
            ("--format", "markdown"),
            lambda out, n: out.startswith("| ") and len(out.splitlines()) == n + 2,
            id="markdown",
        ),
        pytest.param(
            ("--format", "timelinejs"),
            lambda out, n: (
                len(json.loads(out)["events"]) == n
                and all(
                    "start_date" in e and "year" in e["start_date"] and e["text"]["headline"]
                    for e in json.loads(out)["events"]
                )
            ),
            id="timelinejs",
        ),
        pytest.param(
            ("--format", "timelinejs-csv"),
            lambda out, n: (
                next(csv.reader(io.StringIO(out)))[:4] == ["Year", "Month", "Day", "Time"]
            ),
            id="timelinejs-csv",
        ),
        pytest.param(
            ("--format", "table"),
            lambda out, n: (
                "1994" in out and "2005–2012" in out and "Aug 2016" in out and "22 Aug 2016" in out
            ),
            id="table",
        ),
    ],
)
def test_formats(run: Invoke, seeded_db: Path, args: tuple[str, ...], check: Any) -> None:
    n = len(_json(run, "--actor", "Iran"))
    result = run("list", "--actor", "Iran", *args)
    assert result.exit_code == 0, result.output
    assert check(result.output, n)


def test_unknown_format_is_a_usage_error(run: Invoke, seeded_db: Path) -> None:
    result = run("list", "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.output


def test_any_of_and_all_of_actors(run: Invoke, seeded_db: Path) -> None:
    iran = {r["event_id"] for r in _json(run, "--actor", "Iran")}
    usa = {r["event_id"] for r in _json(run, "--actor", "United States")}
    both = {
        r["event_id"]
        for r in _json(run, "--actor", "Iran", "--actor", "United States", "--all-actors")
    }
    either = {r["event_id"] for r in _json(run, "--actor", "Iran", "--actor", "United States")}
    assert either == iran | usa
    assert both == iran & usa
    assert usa - iran  # SOUTHCOM's report is American, not Iranian


def test_exact_excludes_affiliates(run: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "proxy.txt"
    article.write_text(
        "Hezbollah fighters crossed the border in March 2013.\n\nIran denied it in April 2013.\n",
        encoding="utf-8",
    )
    assert run("ingest", "--published", "2013-05-01", str(article)).exit_code == 0
    broad = _json(run, "--actor", "Iran")
    exact = _json(run, "--actor", "Iran", "--exact")
    assert [r["date_start"] for r in broad] == ["2013-03-01", "2013-04-01"]  # Hezbollah's sponsor
    assert [r["date_start"] for r in exact] == ["2013-04-01"]


def test_place_includes_cities_of_a_country(run: Invoke, seeded_db: Path) -> None:
    rows = _json(run, "--place", "Argentina")
    assert rows and all("Buenos Aires" in r["places"] or "Argentina" in r["places"] for r in rows)
    assert any("1992" in r["date_start"] for r in rows)


def test_csv_neutralises_formulas_unless_raw(run: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "evil.txt"
    article.write_text(
        '=HYPERLINK("http://x") was posted in March 2013 by Iran.\n', encoding="utf-8"
    )
    assert run("ingest", "--published", "2013-04-01", str(article)).exit_code == 0
    safe = list(csv.DictReader(io.StringIO(run("export").output)))
    raw = list(csv.DictReader(io.StringIO(run("export", "--raw").output)))
    assert safe[0]["text"].startswith("'=HYPERLINK")
    assert raw[0]["text"].startswith("=HYPERLINK")


def test_terminal_output_strips_escape_sequences(run: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "ansi.txt"
    article.write_text(
        "Iran \x1b[31mred\x1b[0m \x1b]0;pwned\x07 talks resumed in March 2013.\n", encoding="utf-8"
    )
    assert run("ingest", "--published", "2013-04-01", str(article)).exit_code == 0
    out = run("list", "--format", "table").output
    assert "\x1b" not in out and "\x07" not in out
    assert "red" in out
