"""End-to-end query times on a large synthetic database, through the real CLI.

Usage: .venv/bin/python benchmarks/bench_queries.py [--db /tmp/timeline-synth-1m.db]
       [--events 1000000] [--repeat 3] [--no-plans]

Builds the database with synth.py first when it is missing. Every figure is the wall time of a
subprocess of the ``timeline`` console script (interpreter start-up, imports, opening the
store, the query, formatting and writing the output), best and median of ``--repeat`` runs;
output goes to /dev/null except the CSV export, which writes a file. Peak memory is the child's
own maximum RSS (``os.wait4``).

It then shows ``EXPLAIN QUERY PLAN`` for the id statements of each ``list`` case as the sqlite3
read path runs them (``timeline.store.fastread.FastReader.statements``), and flags any plan, of
those or of the SQLAlchemy path's (``timeline.store.query.build_query``), that scans ``events``
or ``event_actors`` without an index.

Targets (2-core machine): list --actor X --limit 50 < 0.5 s for a frequent and a rare actor,
with and without a date range; CSV export of 100,000 events < 5 s with flat memory.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bench_startup import TIMELINE, Timing, format_table, measure, run_once

if TYPE_CHECKING:
    from timeline.store.query import EventFilter

HERE = Path(__file__).resolve().parent
DEFAULT_DB = Path("/tmp/timeline-synth-1m.db")
LIST_TARGET_S = 0.5
EXPORT_TARGET_S = 5.0
# A vocabulary word of synth.py's sentences (in a few percent of events), and a date range.
WORD = "sanctions"
DATE_FROM, DATE_TO = "2005", "2012"
EXPORT_ROWS = 100_000
# A plan line that reads a whole table row by row: "SCAN events" but not
# "SCAN events USING [COVERING] INDEX ...".
_FULL_SCAN = re.compile(r"\bSCAN (events|event_actors)\b(?! USING)")


@dataclass(frozen=True)
class ListCase:
    label: str
    args: tuple[str, ...]


def ensure_db(db: Path, events: int) -> None:
    if db.exists():
        return
    print(f"{db} missing: building it with synth.py ({events:,} events)", flush=True)
    subprocess.run(
        [sys.executable, str(HERE / "synth.py"), "--events", str(events), "--db", str(db)],
        check=True,
    )


def actor_pair(db: Path) -> tuple[str, str]:
    """The frequent and the rare actor synth.py chose (recomputed if its note is missing)."""
    note = db.with_name(db.name + ".actors.json")
    if note.exists():
        names = json.loads(note.read_text(encoding="utf-8"))
        return str(names["frequent"]), str(names["rare"])
    from synth import pick_actors

    with sqlite3.connect(db) as conn:
        return pick_actors(conn)


def list_cases(frequent: str, rare: str) -> list[ListCase]:
    dates = ("--from", DATE_FROM, "--to", DATE_TO)
    limit = ("--limit", "50")
    return [
        ListCase(f"list --actor {frequent!r}", ("--actor", frequent, *limit)),
        ListCase(f"list --actor {frequent!r} --from/--to", ("--actor", frequent, *dates, *limit)),
        ListCase(f"list --actor {rare!r}", ("--actor", rare, *limit)),
        ListCase(f"list --actor {rare!r} --from/--to", ("--actor", rare, *dates, *limit)),
        ListCase(f"list --text {WORD}", ("--text", WORD, *limit)),
        ListCase(
            f"list --actor {frequent!r} --text {WORD}",
            ("--actor", frequent, "--text", WORD, *limit),
        ),
        ListCase("list --from/--to --reverse", (*dates, "--reverse", *limit)),
    ]


def _parse_filters(cases: Sequence[ListCase]) -> list[EventFilter]:
    """Each case's options as the CLI parses them (its own ``filter_options``)."""
    import click

    from timeline.cli.options import filter_options

    captured: list[EventFilter] = []

    @click.command()
    @filter_options
    def grab(flt: EventFilter) -> None:
        captured.append(flt)

    for case in cases:
        grab.main(list(case.args), standalone_mode=False)
    return captured


def in_process(
    db: Path, cases: Sequence[ListCase], repeat: int
) -> list[tuple[str, float, float, float]]:
    """(label, best wall s, best CPU s, best wall s through SQLAlchemy) of the query layer alone.

    The first two are the sqlite3 read path that `timeline list` takes on an up-to-date SQLite
    file (``FastReader.events``), the last the SQLAlchemy path (``iter_events``), each in this
    process, warm: the query layer's share of a `list`, whose CLI figures also hold start-up.
    """
    from timeline.store.database import open_store
    from timeline.store.fastread import open_reader
    from timeline.store.query import iter_events

    store = open_store(str(db))
    reader = open_reader(str(db))
    assert reader is not None, f"{db} is not an up-to-date SQLite file"
    out = []
    try:
        for case, flt in zip(cases, _parse_filters(cases), strict=True):
            walls, cpus, orm = [], [], []
            for _ in range(repeat):
                wall, cpu = time.perf_counter(), time.process_time()
                for _row in reader.events(flt):
                    pass
                walls.append(time.perf_counter() - wall)
                cpus.append(time.process_time() - cpu)
                wall = time.perf_counter()
                with store.session() as session:
                    for _row in iter_events(session, flt):
                        pass
                orm.append(time.perf_counter() - wall)
            out.append((case.label, min(walls), min(cpus), min(orm)))
    finally:
        reader.close()
        store.close()
    return out


def explain(db: Path, cases: Sequence[ListCase]) -> list[tuple[str, list[str], bool]]:
    """(label, plan lines, uses indexes) of each case's statements, as `timeline list` runs them.

    The statements are the sqlite3 read path's (``FastReader.statements``: dated events, then
    undated ones) with the first LIMIT page that ``chronology.paged`` adds. The SQLAlchemy
    path's (``build_query``, compiled with literal values) must use indexes too; only a full
    scan in them is reported.
    """
    from timeline.store.database import open_store
    from timeline.store.fastread import open_reader
    from timeline.store.query import build_query

    store = open_store(str(db))
    reader = open_reader(str(db))
    assert reader is not None, f"{db} is not an up-to-date SQLite file"
    out = []
    try:
        for case, flt in zip(cases, _parse_filters(cases), strict=True):
            page = 2 * ((flt.limit or 0) + flt.offset) + 64
            plan: list[str] = []
            dated, undated, _exact = reader.statements(flt)
            for part, (sql, params) in (("dated", dated), ("undated", undated)):
                rows = reader.conn.execute(
                    f"EXPLAIN QUERY PLAN {sql} LIMIT ? OFFSET ?", [*params, page, 0]
                )
                plan.extend(f"{part}: {r[3]}" for r in rows)
            with store.session() as session:
                query = build_query(session, flt)
                for part, stmt in (("dated", query.dated), ("undated", query.undated)):
                    compiled = stmt.limit(page).compile(
                        session.get_bind(), compile_kwargs={"literal_binds": True}
                    )
                    rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
                    plan.extend(
                        f"SQLAlchemy {part}: {r[3]}" for r in rows if _FULL_SCAN.search(r[3])
                    )
            out.append((case.label, plan, not any(_FULL_SCAN.search(p) for p in plan)))
    finally:
        reader.close()
        store.close()
    return out


def bench(db: Path, repeat: int) -> tuple[list[Timing], dict[str, float]]:
    frequent, rare = actor_pair(db)
    base = [TIMELINE, "--db", str(db)]
    rows: list[Timing] = []
    targets: dict[str, float] = {}
    for case in list_cases(frequent, rare):
        rows.append(measure(case.label, [*base, "list", *case.args], repeat))
        if case.args[0] == "--actor" and "--text" not in case.args:
            targets[case.label] = LIST_TARGET_S
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "export.csv")
        for label, args in (
            (f"export csv --limit {EXPORT_ROWS}", ("--limit", str(EXPORT_ROWS))),
            (
                f"export csv --actor {frequent!r} --limit {EXPORT_ROWS}",
                ("--actor", frequent, "--limit", str(EXPORT_ROWS)),
            ),
        ):
            argv = [*base, "export", "--format", "csv", *args, "-o", out]
            runs = [run_once(argv) for _ in range(repeat)]
            with open(out, "rb") as f:
                lines = sum(1 for _ in f)
            rows.append(
                Timing(
                    f"{label} ({lines - 1:,} lines)",
                    tuple(r[0] for r in runs),
                    tuple(r[1] for r in runs),
                    max(r[2] for r in runs),
                )
            )
            targets[rows[-1].label] = EXPORT_TARGET_S
    per_year = (
        "SELECT substr(date_start, 1, 4) AS year, count(*) AS events FROM events"
        " WHERE date_start IS NOT NULL GROUP BY year ORDER BY year"
    )
    rows.append(measure("sql: events per year", [*base, "sql", per_year], repeat))
    return rows, targets


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--events", type=int, default=1_000_000, help="size if it is built")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-plans", action="store_true", help="skip EXPLAIN QUERY PLAN")
    args = parser.parse_args(argv)
    ensure_db(args.db, args.events)
    frequent, rare = actor_pair(args.db)
    with sqlite3.connect(args.db) as conn:
        n_events = conn.execute("SELECT max(id) FROM events").fetchone()[0]
    rows, targets = bench(args.db, args.repeat)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nqueries on {args.db} ({n_events:,} events; frequent={frequent} rare={rare})")
    print(f"best and median of {args.repeat} runs; load average {load}")
    print(format_table(rows, targets))
    width = max(len(c.label) for c in list_cases(frequent, rare))
    print(
        "\nquery layer alone, in one process, warm, best of "
        f"{args.repeat}: the sqlite3 read path `list` takes, and SQLAlchemy's"
    )
    print(f"{'case':<{width}}  {'wall s':>7}  {'cpu s':>6}  {'SQLAlchemy wall s':>17}")
    print(f"{'-' * width}  {'-' * 7}  {'-' * 6}  {'-' * 17}")
    for label, wall, cpu, orm in in_process(args.db, list_cases(frequent, rare), args.repeat):
        print(f"{label:<{width}}  {wall:>7.3f}  {cpu:>6.3f}  {orm:>17.3f}")
    if args.no_plans:
        return 0
    failed = 0
    print("\nquery plans of the list cases (sqlite3 read path's statements, first LIMIT page):")
    for label, plan, indexed in explain(args.db, list_cases(frequent, rare)):
        print(f"{label}: {'uses indexes' if indexed else 'FULL SCAN'}")
        for line in plan:
            print(f"    {line}")
        failed += not indexed
    if failed:
        # The assertion of this benchmark: a list query that reads a whole table fails it.
        print(f"FAILED: {failed} list queries scan a whole table")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
