"""Start-up cost of the CLI: `timeline --help` and `timeline list` on an empty database.

Usage: .venv/bin/python benchmarks/bench_startup.py [--repeat 5]

Each command runs as a real subprocess, best and median of ``--repeat`` runs, next to
``python -c pass`` measured in the same run so that the interpreter's own start-up (and the
machine's load) can be subtracted by eye. Target: `timeline --help` < 0.25 s.

Also home of the small timing helpers the other benchmark scripts import.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The console script of the virtualenv this interpreter belongs to (make bench uses .venv).
TIMELINE = str(Path(sys.executable).with_name("timeline"))
HELP_TARGET_S = 0.25
REFERENCE_LOOP = "sum(i * i for i in range(3_000_000))"


@dataclass(frozen=True)
class Timing:
    """Wall and CPU (user + system) times of repeated runs, and the largest peak RSS."""

    label: str
    seconds: tuple[float, ...]
    cpu: tuple[float, ...]
    peak_rss_mib: float

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def best_cpu(self) -> float:
        return min(self.cpu)


def run_once(argv: Sequence[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MiB) of one subprocess; raises if it fails.

    ``os.wait4`` gives this child's own rusage; ``getrusage(RUSAGE_CHILDREN)`` would report the
    largest of all children so far.
    """
    began = time.perf_counter()
    proc = subprocess.Popen(list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(label: str, argv: Sequence[str], repeat: int) -> Timing:
    """Run ``argv`` ``repeat`` times, its output going to /dev/null."""
    runs = [run_once(argv) for _ in range(repeat)]
    return Timing(
        label,
        tuple(r[0] for r in runs),
        tuple(r[1] for r in runs),
        max(r[2] for r in runs),
    )


def format_table(rows: Sequence[Timing], targets: dict[str, float] | None = None) -> str:
    """A fixed-width table: best and median wall time, best CPU time, peak RSS, target verdict.

    The verdict is on the best wall time; CPU time (user + system of the child) is what the
    command costs when other processes compete for the 2 cores.
    """
    targets = targets or {}
    width = max([len(r.label) for r in rows] + [7])
    lines = [
        f"{'command':<{width}}  {'best s':>7}  {'median s':>8}  {'cpu s':>6}  {'peak MiB':>8}  target",
        f"{'-' * width}  {'-' * 7}  {'-' * 8}  {'-' * 6}  {'-' * 8}  ------",
    ]
    for r in rows:
        target = targets.get(r.label)
        verdict = (
            "" if target is None else f"< {target:g} s " + ("ok" if r.best < target else "MISSED")
        )
        lines.append(
            f"{r.label:<{width}}  {r.best:>7.3f}  {r.median:>8.3f}  {r.best_cpu:>6.3f}"
            f"  {r.peak_rss_mib:>8.1f}  {verdict}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        empty = str(Path(tmp) / "empty.db")
        # The first command on a new file runs the migrations; that is a one-off, not start-up.
        run_once([TIMELINE, "--db", empty, "list"])
        rows = [
            # A fixed amount of pure Python work: its time shows how fast this machine's CPU is
            # right now (on a shared VM it varies by half), to scale the other figures by.
            measure("python: 3M-square loop", [sys.executable, "-c", REFERENCE_LOOP], args.repeat),
            measure("python -c pass", [sys.executable, "-c", "pass"], args.repeat),
            measure("timeline --help", [TIMELINE, "--help"], args.repeat),
            measure("timeline list (empty db)", [TIMELINE, "--db", empty, "list"], args.repeat),
        ]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"start-up, best of {args.repeat}; load average {load}")
    print(format_table(rows, {"timeline --help": HELP_TARGET_S}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
