"""Extraction speed over te3-silver (one process): documents/s and words/s.

    .venv/bin/python benchmarks/bench_extract.py [CORPUS_DIR] [--limit N]

Reads each TimeML file's <TEXT> (tags stripped) and the value of its creation-time TIMEX3 in
<DCT>, tags the dates once, then times three things separately: the dictionary build, the date
tagger, and extraction proper (segmentation, events, actors) given the timexes. Prints figures;
never run by the tests. Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "te3-silver"

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_DCT = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def read_corpus(folder: Path, limit: int | None) -> list[tuple[str, date | None]]:
    docs: list[tuple[str, date | None]] = []
    for path in sorted(folder.glob("*.tml"))[:limit]:
        raw = path.read_text(encoding="utf-8")
        body = _TEXT.search(raw)
        if body is None:
            continue
        dct = _DCT.search(raw)
        docs.append(
            (_TAG.sub("", body.group(1)), date.fromisoformat(dct.group(1)) if dct else None)
        )
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: corpus not found at {args.corpus}")
        return 0

    from timeline.actors.dictionary import load_dictionary
    from timeline.events.extract import extract
    from timeline.temporal import tag

    docs = read_corpus(args.corpus, args.limit)
    words = sum(len(text.split()) for text, _ in docs)

    t0 = time.perf_counter()
    dictionary = load_dictionary()
    t_dict = time.perf_counter() - t0

    t0, c0 = time.perf_counter(), time.process_time()
    tagged = [tag(text, dct) for text, dct in docs]
    t_tag, c_tag = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    events = actors = with_actor = 0
    for (text, dct), timexes in zip(docs, tagged, strict=True):
        x = extract(text, dct, dictionary, timexes)
        events += len(x.events)
        actors += len(x.actors)
        with_actor += sum(1 for e in x.events if any(m.role.value == "actor" for m in e.mentions))
    t_ext, c_ext = time.perf_counter() - t0, time.process_time() - c0

    def rate(seconds: float) -> str:
        return f"{len(docs) / seconds:,.0f} documents/s, {words / seconds:,.0f} words/s"

    print(f"corpus: {len(docs)} documents, {words:,} words ({args.corpus})")
    print(f"dictionary build: {t_dict:.2f} s ({len(dictionary)} entries)")
    # wall-clock and CPU time differ on a shared machine; CPU time is the fairer figure
    print(f"tagging:    wall {t_tag:6.2f} s  {rate(t_tag)}")
    print(f"            cpu  {c_tag:6.2f} s  {rate(c_tag)}")
    print(f"extraction: wall {t_ext:6.2f} s  {rate(t_ext)}")
    print(f"            cpu  {c_ext:6.2f} s  {rate(c_ext)}")
    print(
        f"both:       wall {t_tag + t_ext:6.2f} s  cpu {c_tag + c_ext:6.2f} s "
        f"{rate(c_tag + c_ext)} (cpu)"
    )
    share = with_actor / events if events else 0.0
    print(
        f"events: {events}, with an actor: {with_actor} ({share:.0%}); actors/doc: "
        f"{actors / max(1, len(docs)):.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
