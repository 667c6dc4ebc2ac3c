"""Extraction of one document: sentences -> dated events -> actors and places.

``extract`` takes the date expressions as input, so that it can be tested (and benchmarked)
apart from the tagger; ``extract_document`` tags first. Each event is one dated mention: its
clause (or sentence) text and offsets, its interval, and the actor/place mentions of that
clause plus those of any span it shares with sibling conjuncts (see ``clauses``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from datetime import date

from timeline.actors.dictionary import Dictionary
from timeline.actors.resolve import resolve_document
from timeline.actors.types import Role
from timeline.events.anchor import event_interval
from timeline.events.clauses import split_clauses
from timeline.events.segment import sentence_spans
from timeline.events.types import ExtractedEvent, Extraction, Mention
from timeline.temporal.types import Timex

__all__ = ["extract", "extract_document"]


def extract(
    text: str, dct: date | None, dictionary: Dictionary, timexes: Sequence[Timex]
) -> Extraction:
    """Events, actors and places of ``text`` given its date expressions ``timexes``.

    ``dct`` is not needed once the timexes are resolved; it is part of the signature so that
    callers pass the same triple everywhere (and for derived dates in the future).
    """
    del dct  # intervals arrive resolved in the timexes
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    spans = sentence_spans(text)
    resolved = resolve_document(text, spans, dictionary)
    tx_starts = [t.start for t in ordered]
    events: list[ExtractedEvent] = []
    for (s, e), mentions in zip(spans, resolved.mentions, strict=True):
        in_sentence = ordered[bisect.bisect_left(tx_starts, s) : bisect.bisect_left(tx_starts, e)]
        chosen = []
        for t in in_sentence:
            makes, interval = event_interval(t, text, e, in_sentence)
            if makes:
                chosen.append((t, interval))
        if not chosen:
            continue
        clauses = split_clauses(text, s, e, [(t.start, t.end) for t, _ in chosen])
        starts = [m.start for m in mentions]  # sorted by the resolver
        for (timex, interval), clause in zip(chosen, clauses, strict=True):
            # a shared head gives its actors, not its places, to every conjunct
            shared = [
                m
                for m in _within(mentions, starts, clause.shared_start, clause.shared_end)
                if m.role is Role.ACTOR
            ]
            linked = _unique([*_within(mentions, starts, clause.start, clause.end), *shared])
            events.append(
                ExtractedEvent(
                    text=text[clause.start : clause.end],
                    start=clause.start,
                    end=clause.end,
                    timex=timex,
                    interval=interval,
                    mentions=linked,
                )
            )
    return Extraction(
        timexes=list(ordered), events=events, actors=resolved.actors, notes=resolved.notes
    )


def _within(mentions: list[Mention], starts: list[int], a: int, b: int) -> list[Mention]:
    """Mentions inside [a, b), found by bisection (a sentence may hold thousands)."""
    lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
    return [m for m in mentions[lo:hi] if m.end <= b]


def _unique(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    seen: dict[tuple[str, int, int], Mention] = {}
    for m in mentions:
        seen.setdefault((m.actor, m.start, m.end), m)
    return tuple(sorted(seen.values(), key=lambda m: m.start))


def extract_document(text: str, dct: date | None, dictionary: Dictionary) -> Extraction:
    """Tag the date expressions of ``text`` against ``dct``, then :func:`extract`."""
    from timeline.temporal import tag

    return extract(text, dct, dictionary, tag(text, dct))
