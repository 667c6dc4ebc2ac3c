"""Run every benchmark script and print their tables (what `make bench` runs).

Usage: .venv/bin/python benchmarks/run_all.py [--only NAME ...] [--events N] [--db PATH]

Each script runs as its own process with this interpreter, one after the other (they measure
time; running them side by side would measure each other). Scripts that read ../shared (the
throughput and evaluation corpora, outside the repository) are skipped with a message when it
is absent; so are other engineers' scripts that are not there yet. A failing script is
reported and the others still run; the exit status is 1 if any failed.

The query benchmark builds its 1M-event synthetic database with synth.py on first use (a few
minutes) and reuses it afterwards; ``--events 100000`` gives a quicker, smaller run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
CORPUS = SHARED / "corpora" / "te3-silver"
EVAL = SHARED / "eval" / "tbaq" / "AQUAINT"


@dataclass(frozen=True)
class Script:
    name: str
    args: tuple[str, ...] = ()
    # A path outside the repository the script needs; skipped when it is missing.
    needs: Path | None = None


def scripts(events: int, db: Path | None) -> list[Script]:
    queries = ["--events", str(events)]
    if db is not None:
        queries += ["--db", str(db)]
    elif events != 1_000_000:
        queries += ["--db", f"/tmp/timeline-synth-{events}.db"]
    return [
        Script("bench_startup.py"),
        Script("bench_queries.py", tuple(queries)),
        Script("bench_ingest.py", ("--corpus", str(CORPUS)), CORPUS),
        Script("bench_tagger.py", (str(CORPUS),), CORPUS),
        Script("bench_extract.py", (str(CORPUS),), CORPUS),
        Script("bench_groups.py", (str(CORPUS),), CORPUS),
        Script("tempeval.py", (str(EVAL),), EVAL),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="e.g. bench_startup")
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic database size")
    parser.add_argument("--db", type=Path, help="synthetic database path (built if missing)")
    args = parser.parse_args(argv)
    failed: list[str] = []
    for script in scripts(args.events, args.db):
        stem = script.name.removesuffix(".py")
        if args.only and stem not in args.only and script.name not in args.only:
            continue
        print(f"\n=== {script.name}", flush=True)
        path = HERE / script.name
        if not path.exists():
            print("skipped: not in this checkout")
            continue
        if script.needs is not None and not script.needs.exists():
            print(f"skipped: needs {script.needs}")
            continue
        began = time.perf_counter()
        done = subprocess.run([sys.executable, str(path), *script.args], check=False)
        took = time.perf_counter() - began
        if done.returncode != 0:
            failed.append(script.name)
            print(f"FAILED with exit status {done.returncode} after {took:.0f} s")
        else:
            print(f"({script.name}: {took:.0f} s)")
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
