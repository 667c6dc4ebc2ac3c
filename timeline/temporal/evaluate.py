"""TempEval-3 timex scoring (Task A, timex part) of a tagger against gold TimeML.

Relaxed match: a system and a gold timex overlap by at least one character, paired one-to-one
from left to right. Strict match additionally needs the same extent. P/R/F1 are summed over
documents before dividing; type and value accuracy are over relaxed matches, and value F1 =
value accuracy x relaxed F1 (the task's ranking score). The DCT timex is not counted because
``read_timeml`` drops it. Timexes are scored as ``timeline tag --format timeml`` writes them:
a worded range counts as its two ends (``timeml_timexes``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from timeline.temporal.timeml import GoldTimex, TimeMLDocument, timeml_timexes
from timeline.temporal.types import Timex

Tagger = Callable[[TimeMLDocument], Sequence[Timex]]


@dataclass(slots=True)
class Counts:
    """Raw counts from which every TempEval-3 timex metric is derived."""

    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another document's counts (metrics are micro-averaged)."""
        self.gold += other.gold
        self.system += other.system
        self.relaxed += other.relaxed
        self.strict += other.strict
        self.type_ok += other.type_ok
        self.value_ok += other.value_ok


@dataclass(frozen=True, slots=True)
class Metrics:
    """The TempEval-3 timex figures for some counts."""

    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    type_accuracy: float
    value_accuracy: float
    value_f1: float

    @classmethod
    def from_counts(cls, c: Counts) -> Metrics:
        """Derive precision, recall, F1 and accuracies, 0 where undefined."""
        sp, sr = _ratio(c.strict, c.system), _ratio(c.strict, c.gold)
        rp, rr = _ratio(c.relaxed, c.system), _ratio(c.relaxed, c.gold)
        rf = _f1(rp, rr)
        va = _ratio(c.value_ok, c.relaxed)
        return cls(sp, sr, _f1(sp, sr), rp, rr, rf, _ratio(c.type_ok, c.relaxed), va, va * rf)


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One scoring error with enough context to act on it."""

    kind: str  # missed, spurious, wrong-value, wrong-type, wrong-extent
    document: str
    gold: GoldTimex | None
    system: Timex | None
    context: str


@dataclass(slots=True)
class DocumentScore:
    """Counts and errors of one document."""

    name: str
    counts: Counts
    errors: list[ErrorItem] = field(default_factory=list)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def score_document(doc: TimeMLDocument, found: Sequence[Timex]) -> DocumentScore:
    """Pair system timexes with gold ones left to right and count matches and errors."""
    gold = sorted(doc.timexes, key=lambda g: (g.start, g.end))
    system = sorted(found, key=lambda t: (t.start, t.end))
    counts = Counts(gold=len(gold), system=len(system))
    errors: list[ErrorItem] = []
    used = [False] * len(system)
    cursor = 0
    for g in gold:
        pair: int | None = None
        for i in range(cursor, len(system)):
            s = system[i]
            if s.start >= g.end:
                break
            if not used[i] and s.end > g.start:
                pair = i
                break
        if pair is None:
            errors.append(
                ErrorItem("missed", doc.name, g, None, _context(doc.text, g.start, g.end))
            )
            continue
        used[pair] = True
        cursor = pair + 1
        s = system[pair]
        counts.relaxed += 1
        ctx = _context(doc.text, min(g.start, s.start), max(g.end, s.end))
        if (s.start, s.end) == (g.start, g.end):
            counts.strict += 1
        else:
            errors.append(ErrorItem("wrong-extent", doc.name, g, s, ctx))
        if str(s.type) == g.type:
            counts.type_ok += 1
        else:
            errors.append(ErrorItem("wrong-type", doc.name, g, s, ctx))
        if s.value == g.value:
            counts.value_ok += 1
        else:
            errors.append(ErrorItem("wrong-value", doc.name, g, s, ctx))
    for i, s in enumerate(system):
        if not used[i]:
            errors.append(
                ErrorItem("spurious", doc.name, None, s, _context(doc.text, s.start, s.end))
            )
    return DocumentScore(doc.name, counts, errors)


def evaluate(
    documents: Iterable[TimeMLDocument], tagger: Tagger
) -> tuple[Metrics, list[DocumentScore]]:
    """Tag every document and score it; overall metrics are micro-averaged."""
    total = Counts()
    scores: list[DocumentScore] = []
    for doc in documents:
        score = score_document(doc, timeml_timexes(tagger(doc)))
        total.add(score.counts)
        scores.append(score)
    return Metrics.from_counts(total), scores


_HEADER = (
    f"{'document':<28} {'gold':>5} {'sys':>5} {'strP':>6} {'strR':>6} {'strF1':>6} "
    f"{'relP':>6} {'relR':>6} {'relF1':>6} {'type':>6} {'value':>6} {'valF1':>6}"
)


def format_row(name: str, counts: Counts) -> str:
    """One fixed-width line of the metrics table."""
    m = Metrics.from_counts(counts)
    return (
        f"{name[:28]:<28} {counts.gold:>5} {counts.system:>5} {m.strict_p:6.3f} {m.strict_r:6.3f} "
        f"{m.strict_f1:6.3f} {m.relaxed_p:6.3f} {m.relaxed_r:6.3f} {m.relaxed_f1:6.3f} "
        f"{m.type_accuracy:6.3f} {m.value_accuracy:6.3f} {m.value_f1:6.3f}"
    )


def format_table(scores: Sequence[DocumentScore], per_file: bool = True) -> str:
    """The metrics table: optionally one row per document, then the overall row."""
    total = Counts()
    lines = [_HEADER]
    for score in scores:
        total.add(score.counts)
        if per_file:
            lines.append(format_row(score.name, score.counts))
    lines.append(format_row("OVERALL", total))
    return "\n".join(lines)


def format_errors(scores: Sequence[DocumentScore]) -> str:
    """Every error, one per line, grouped by kind: the work list for improving the rules."""
    lines: list[str] = []
    order = ["missed", "spurious", "wrong-value", "wrong-type", "wrong-extent"]
    for kind in order:
        items = [e for s in scores for e in s.errors if e.kind == kind]
        lines.append(f"## {kind} ({len(items)})")
        for e in items:
            g = f"gold={e.gold.type}:{e.gold.value}" if e.gold else ""
            s = f"sys={e.system.type}:{e.system.value}" if e.system else ""
            context = e.context
            if e.kind == "wrong-extent" and e.gold and e.system:
                # The context shows the union of both spans; say which words each one took.
                context = f"gold={e.gold.surface!r} sys={e.system.surface!r}\t{context}"
            lines.append(f"{e.document}\t{g}\t{s}\t{context}")
    return "\n".join(lines) + "\n"
