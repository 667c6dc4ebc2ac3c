"""`timeline actors` and `timeline reprocess`: inspect and extend the dictionary."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Invoke


def _ids(run: Invoke, *args: str) -> set[int]:
    result = run("list", *args, "--json")
    assert result.exit_code == 0, result.output
    return {r["event_id"] for r in json.loads(result.output)}


def test_list_and_show(run: Invoke, seeded_db: Path) -> None:
    listed = json.loads(run("actors", "list", "--json").output)
    names = [a["name"] for a in listed]
    assert names[0] == "Iran"  # the most mentioned actor of the seeds
    assert "Mohammad Javad Zarif" in names
    shown = run("actors", "show", "Zarif")
    assert shown.exit_code == 0, shown.output
    assert "Mohammad Javad Zarif (person)" in shown.output
    assert "member of: Iran" in shown.output or "of: Iran" in shown.output


def test_unknown_actor_is_one_line_with_suggestions(run: Invoke, seeded_db: Path) -> None:
    result = run("actors", "show", "Zariff")
    assert result.exit_code == 1
    assert result.output.startswith("Error: unknown actor 'Zariff'")
    assert len(result.output.strip().splitlines()) == 1


def test_added_actor_is_found_after_reprocess_and_counts_for_its_parent(
    run: Invoke, db_path: Path, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Fatemiyoun fighters were trained in 2012, officials said.\n", encoding="utf-8"
    )
    assert run("ingest", "--published", "2016-01-01", str(article)).exit_code == 0
    assert run("list", "--actor", "Fatemiyoun").exit_code == 1  # unknown before
    added = run(
        "actors",
        "add",
        "Fatemiyoun",
        "--kind",
        "group",
        "--alias",
        "Fatemiyoun Division",
        "--member-of",
        "Iran",
    )
    assert added.exit_code == 0, added.output
    assert run("reprocess").exit_code == 0
    quds = _ids(run, "--actor", "Fatemiyoun Division")
    assert len(quds) == 1
    assert quds <= _ids(run, "--actor", "Iran")


def test_alias_and_link(run: Invoke, seeded_db: Path) -> None:
    assert run("actors", "alias", "Hezbollah", "Party of God").exit_code == 0
    assert _ids(run, "--actor", "party of god") == _ids(run, "--actor", "Hezbollah")
    before = _ids(run, "--actor", "Russia")
    linked = run("actors", "link", "Hezbollah", "Russia", "--relation", "ally")
    assert linked.exit_code == 0, linked.output
    assert _ids(run, "--actor", "Hezbollah") <= _ids(run, "--actor", "Russia")
    assert _ids(run, "--actor", "Russia") - before


def test_user_additions_export_and_import(run: Invoke, seeded_db: Path, tmp_path: Path) -> None:
    assert (
        run(
            "actors",
            "add",
            "Parviz Namdar",
            "--kind",
            "person",
            "--alias",
            "Namdar",
            "--member-of",
            "Iran",
        ).exit_code
        == 0
    )
    out = tmp_path / "mine.json"
    assert run("actors", "export", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    entry = next(a for a in data["actors"] if a["name"] == "Parviz Namdar")
    assert "Namdar" in entry["aliases"]
    assert entry["affiliations"][0]["parent"] == "Iran"

    from click.testing import CliRunner

    from timeline.cli import main

    other = tmp_path / "other.db"
    result = CliRunner().invoke(main, ["--db", str(other), "actors", "import", str(out)])
    assert result.exit_code == 0, result.output
    shown = CliRunner().invoke(main, ["--db", str(other), "actors", "show", "Namdar"])
    assert "Parviz Namdar (person)" in shown.output


def test_import_rejects_a_bad_file_in_one_line(
    run: Invoke, seeded_db: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("actors", "import", str(bad))
    assert result.exit_code == 1
    assert str(bad) in result.output and len(result.output.strip().splitlines()) == 1
