"""Ingest throughput: the TempEval-3 silver corpus into a fresh SQLite file, 1 and 2 jobs.

Usage: .venv/bin/python benchmarks/bench_ingest.py [--corpus ../shared/corpora/te3-silver]
       [--jobs 1 2] [--repeat 1]

Each run is a real ``timeline --db NEW.db ingest --glob '*.tml' --jobs N -q CORPUS`` subprocess.
Wall time, documents/s and words/s (words as stored in ``documents.word_count``), CPU time of
the command and its worker processes, and peak RSS of the largest of them (``os.wait4``
includes waited-for descendants). Target (2-core machine): < 60 s with 2 jobs.

Skips with a message when the corpus is absent (it lives in ../shared, outside the repository).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench_startup import ROOT, TIMELINE, run_once

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "te3-silver"
TARGET_2_JOBS_S = 60.0


def ingest_once(corpus: Path, jobs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ingest.db"
        argv = [TIMELINE, "--db", str(db), "ingest", "--glob", "*.tml", "--jobs", str(jobs)]
        wall, cpu, rss = run_once([*argv, "-q", str(corpus)])
        with sqlite3.connect(db) as conn:
            docs, words = conn.execute("SELECT count(*), sum(word_count) FROM documents").fetchone()
            events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return {
        "jobs": jobs,
        "wall": wall,
        "cpu": cpu,
        "rss": rss,
        "docs": docs,
        "words": words or 0,
        "events": events,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="runs per job count (best kept)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"ingest: skipped, corpus not found at {args.corpus}")
        return 0
    n_files = sum(1 for _ in args.corpus.glob("*.tml"))
    results = []
    for jobs in args.jobs:
        runs = [ingest_once(args.corpus, jobs) for _ in range(args.repeat)]
        results.append(min(runs, key=lambda r: r["wall"]))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"ingest of {args.corpus} ({n_files:,} .tml files), best of {args.repeat}")
    print(f"load average {load}")
    print(
        f"{'jobs':>4}  {'wall s':>7}  {'cpu s':>7}  {'docs/s':>7}  {'words/s':>8}"
        f"  {'peak MiB':>8}  {'docs':>5}  {'events':>7}  target"
    )
    print(
        f"{'-' * 4}  {'-' * 7}  {'-' * 7}  {'-' * 7}  {'-' * 8}  {'-' * 8}  {'-' * 5}  {'-' * 7}  ------"
    )
    for r in results:
        verdict = ""
        if r["jobs"] == 2:
            ok = r["wall"] < TARGET_2_JOBS_S
            verdict = f"< {TARGET_2_JOBS_S:g} s " + ("ok" if ok else "MISSED")
        print(
            f"{r['jobs']:>4}  {r['wall']:>7.1f}  {r['cpu']:>7.1f}  {r['docs'] / r['wall']:>7.1f}"
            f"  {r['words'] / r['wall']:>8,.0f}  {r['rss']:>8.1f}  {r['docs']:>5}"
            f"  {r['events']:>7}  {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
