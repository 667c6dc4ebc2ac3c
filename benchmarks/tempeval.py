"""TempEval-3 timex scores of the date tagger on a folder of gold TimeML documents.

Prints one row per document and the overall row (micro-averaged), and with --errors writes
every missed, spurious, wrong-value, wrong-type and wrong-extent timex with its context.

Usage: .venv/bin/python benchmarks/tempeval.py /work/shared/eval/tbaq/AQUAINT [--overall-only]
       [--errors errors.tsv]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from timeline.temporal import tag
from timeline.temporal.evaluate import evaluate, format_errors, format_table
from timeline.temporal.timeml import TimeMLDocument, iter_timeml_dir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--overall-only", action="store_true", help="no per-document rows")
    parser.add_argument("--errors", type=Path, help="write the error listing here")
    args = parser.parse_args()
    if not args.gold_dir.is_dir():
        print(f"{args.gold_dir}: not a folder", file=sys.stderr)
        return 2

    def run(doc: TimeMLDocument) -> list:  # type: ignore[type-arg]
        return tag(doc.text, doc.dct)

    began = time.perf_counter()
    _, scores = evaluate(iter_timeml_dir(args.gold_dir), run)
    print(format_table(scores, per_file=not args.overall_only))
    print(f"({len(scores)} documents in {time.perf_counter() - began:.2f} s)")
    if args.errors:
        args.errors.write_text(format_errors(scores), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
