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


@dataclass(frozen=True)
class Timing:
    """Wall times of repeated runs of one command, and the largest peak RSS among them."""

    label: str
    seconds: tuple[float, ...]
    peak_rss_mib: float
    output_bytes: int = 0

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def run_once(argv: Sequence[str], *, stdout: int | None = subprocess.DEVNULL) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one subprocess; raises if it fails.

    ``os.wait4`` gives this child's own rusage; ``getrusage(RUSAGE_CHILDREN)`` would report the
    largest of all children so far.
    """
    began = time.perf_counter()
    proc = subprocess.Popen(list(argv), stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def measure(label: str, argv: Sequence[str], repeat: int) -> Timing:
    """Run ``argv`` ``repeat`` times; the output goes to /dev/null (its size is counted once)."""
    times: list[float] = []
    peak = 0.0
    for _ in range(repeat):
        wall, rss = run_once(argv)
        times.append(wall)
        peak = max(peak, rss)
    out = subprocess.run(list(argv), capture_output=True, cwd=ROOT, check=True).stdout
    return Timing(label, tuple(times), peak, len(out))


def format_table(rows: Sequence[Timing], targets: dict[str, float] | None = None) -> str:
    """A fixed-width table: best, median, peak RSS and a target verdict where one is set."""
    targets = targets or {}
    width = max([len(r.label) for r in rows] + [7])
    lines = [
        f"{'command':<{width}}  {'best s':>7}  {'median s':>8}  {'peak MiB':>8}  target",
        f"{'-' * width}  {'-' * 7}  {'-' * 8}  {'-' * 8}  ------",
    ]
    for r in rows:
        target = targets.get(r.label)
        verdict = "" if target is None else f"< {target:g} s " + ("ok" if r.best < target else "MISSED")
        lines.append(
            f"{r.label:<{width}}  {r.best:>7.3f}  {r.median:>8.3f}  {r.peak_rss_mib:>8.1f}  {verdict}"
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
            measure("python -c pass", [sys.executable, "-c", "pass"], args.repeat),
            measure("timeline --help", [TIMELINE, "--help"], args.repeat),
            measure("timeline list (empty db)", [TIMELINE, "--db", empty, "list"], args.repeat),
        ]
    print(f"start-up, best of {args.repeat}")
    print(format_table(rows, {"timeline --help": HELP_TARGET_S}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
