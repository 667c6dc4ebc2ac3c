"""Ingest time with and without event grouping (issue 10: within 20% of ingest without it).

Ingests the same corpus twice into fresh SQLite files, once with grouping after each batch and
once without, then rebuilds the groups of the ungrouped database from scratch, and prints the
times, the number of events and groups, and how many groups have several mentions.

Usage: .venv/bin/python benchmarks/bench_groups.py [/work/shared/corpora/te3-silver]
       [--glob '*.tml'] [--jobs N] [--limit N] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

import timeline.store.groups as groups_module
from timeline.ingest.pipeline import ingest
from timeline.store.database import open_store
from timeline.store.groups import rebuild_groups
from timeline.store.models import Event, EventGroup

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "te3-silver"


# Seconds spent inside the ingest hook, measured by wrapping it: a figure that other processes
# competing for the CPUs disturb much less than the difference of two wall-clock runs.
_hook_seconds = [0.0]


def _timed_hook() -> None:
    original = groups_module.group_documents

    def timed(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _hook_seconds[0] += time.perf_counter() - began

    groups_module.group_documents = timed


def _run(paths: list[str], glob: str, jobs: int, group: bool, work: Path) -> tuple[float, Path]:
    db = work / ("grouped.db" if group else "plain.db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = open_store(str(db), write=True)
    began = time.perf_counter()
    _hook_seconds[0] = 0.0
    summary = ingest(store, paths, glob=glob, jobs=jobs, group_events=group)
    seconds = time.perf_counter() - began
    store.close()
    if summary.failed:
        print(f"  ({summary.failed} documents failed)", file=sys.stderr)
    return seconds, db


def _counts(db: Path) -> tuple[int, int, int]:
    store = open_store(str(db))
    with store.session() as s:
        events = s.execute(select(func.count()).select_from(Event)).scalar_one()
        groups = s.execute(select(func.count()).select_from(EventGroup)).scalar_one()
        multi = s.execute(
            select(func.count()).select_from(EventGroup).where(EventGroup.mentions > 1)
        ).scalar_one()
    store.close()
    return events, groups, multi


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--glob", default="*.tml")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, help="only the first N files (sorted)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best counts")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not a folder", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench_groups_"))
    try:
        source = args.corpus
        if args.limit:
            source = work / "corpus"
            source.mkdir()
            for f in sorted(args.corpus.glob(args.glob))[: args.limit]:
                shutil.copy(f, source / f.name)
        paths = [str(source)]
        _timed_hook()
        plain = grouped = hook = float("inf")
        for _ in range(args.repeat):
            t, plain_db = _run(paths, args.glob, args.jobs, False, work)
            plain = min(plain, t)
            t, grouped_db = _run(paths, args.glob, args.jobs, True, work)
            if t < grouped:
                grouped, hook = t, _hook_seconds[0]
        store = open_store(str(plain_db), write=True)
        began = time.perf_counter()
        with store.session() as s:
            rebuild_groups(s)
        rebuild = time.perf_counter() - began
        store.close()
        events, groups, multi = _counts(grouped_db)
        files = len(list(source.glob(args.glob)))
        print(f"corpus: {args.corpus} ({files} files, --jobs {args.jobs})")
        print(f"ingest without grouping: {plain:8.1f} s")
        print(f"ingest with grouping:    {grouped:8.1f} s  ({100 * (grouped / plain - 1):+.1f}%)")
        print(f"  of which in grouping:  {hook:8.1f} s  ({100 * hook / plain:+.1f}% of ingest)")
        print(f"rebuild groups alone:    {rebuild:8.1f} s")
        print(f"events {events}, groups {groups}, groups with several mentions {multi}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
