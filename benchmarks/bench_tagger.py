"""Steady-state speed of the date tagger, and of dateparser's search_dates on the same text.

Reads the <TEXT> and <DCT> of the TE3 silver corpus (2,452 TimeML documents), tags them all
once to warm up, then times a second pass on one core. search_dates is timed on a subset
because it is slow; the table compares words per second.

Usage: .venv/bin/python benchmarks/bench_tagger.py [CORPUS_DIR] [--subset N]
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from timeline.temporal import tag
from timeline.temporal.timeml import TimeMLDocument, TimeMLError, read_timeml_file

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "te3-silver"


def load(folder: Path) -> list[TimeMLDocument]:
    docs = []
    for path in sorted(folder.glob("*.tml")):
        try:
            docs.append(read_timeml_file(path))
        except TimeMLError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    return docs


def words(docs: list[TimeMLDocument]) -> int:
    return sum(len(d.text.split()) for d in docs)


def time_tagger(docs: list[TimeMLDocument]) -> tuple[float, int]:
    for doc in docs:  # warm-up: rules compiled, caches filled
        tag(doc.text, doc.dct)
    began = time.perf_counter()
    found = 0
    for doc in docs:
        found += len(tag(doc.text, doc.dct))
    return time.perf_counter() - began, found


def time_search_dates(docs: list[TimeMLDocument]) -> tuple[float, int]:
    from dateparser.search import search_dates

    warnings.simplefilter("ignore")  # dateparser warns about pytz/tz deprecations
    search_dates("warm up on March 3, 2001", languages=["en"])
    began = time.perf_counter()
    found = 0
    for doc in docs:
        settings = {"RELATIVE_BASE": _base(doc)} if doc.dct else None
        found += len(search_dates(doc.text, languages=["en"], settings=settings) or [])
    return time.perf_counter() - began, found


def _base(doc: TimeMLDocument):  # type: ignore[no-untyped-def]
    import datetime as dt

    assert doc.dct is not None
    return dt.datetime(doc.dct.year, doc.dct.month, doc.dct.day)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--subset", type=int, default=100, help="documents for search_dates")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}; nothing to benchmark")
        return 0
    docs = load(args.corpus)
    n_words = words(docs)
    seconds, found = time_tagger(docs)
    subset = docs[: args.subset]
    sub_words = words(subset)
    sub_tag_seconds, _ = time_tagger(subset)
    dp_seconds, dp_found = time_search_dates(subset)
    ours = n_words / seconds
    ours_subset = sub_words / sub_tag_seconds
    theirs = sub_words / dp_seconds
    print(f"{'tagger':<28} {'docs':>6} {'words':>9} {'seconds':>8} {'words/s':>10} {'found':>7}")
    print(f"{'timeline.temporal.tag':<28} {len(docs):>6} {n_words:>9} {seconds:>8.2f} "
          f"{ours:>10,.0f} {found:>7}")
    print(f"{'  (same subset)':<28} {len(subset):>6} {sub_words:>9} {sub_tag_seconds:>8.2f} "
          f"{ours_subset:>10,.0f}")
    print(f"{'dateparser.search_dates':<28} {len(subset):>6} {sub_words:>9} {dp_seconds:>8.2f} "
          f"{theirs:>10,.0f} {dp_found:>7}")
    print(f"speed ratio per word (tag / search_dates, same subset): {ours_subset / theirs:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
