"""From a rule's kind to its resolver: the one table that rules/patterns.toml refers to.

Each ``kind`` in patterns.toml names an entry here; the resolvers live in modules by subject
(calendar_dates, relative, durations) and share resolution.py.
"""

from __future__ import annotations

from collections.abc import Callable

from timeline.temporal.calendar_dates import resolve_date, resolve_range
from timeline.temporal.durations import (
    resolve_anchored,
    resolve_clock_length,
    resolve_duration,
    resolve_set,
    resolve_vague_length,
    resolve_vague_span,
)
from timeline.temporal.relative import (
    resolve_deictic,
    resolve_focus,
    resolve_offset,
    resolve_period_ago,
    resolve_period_ref,
    resolve_ref,
    resolve_relative,
    resolve_time,
)
from timeline.temporal.resolution import Context, Fields, Resolution

Resolver = Callable[[Fields, Context, "float | None"], "Resolution | None"]


def _without_count(
    resolver: Callable[[Fields, Context], Resolution | None],
) -> Resolver:
    def call(fields: Fields, ctx: Context, count: float | None) -> Resolution | None:
        return resolver(fields, ctx)

    return call


# kind (patterns.toml) -> resolver. Resolvers that read a count ("two years ago") get the
# number the matcher parsed from the `num` group.
KINDS: dict[str, Resolver] = {
    "date": _without_count(resolve_date),
    "range": _without_count(resolve_range),
    "relative": _without_count(resolve_relative),
    "offset": resolve_offset,
    "period_ref": _without_count(resolve_period_ref),
    "period_ago": _without_count(resolve_period_ago),
    "focus": _without_count(resolve_focus),
    "deictic": _without_count(resolve_deictic),
    "time": _without_count(resolve_time),
    "ref": _without_count(resolve_ref),
    "duration": resolve_duration,
    "clock_length": resolve_clock_length,
    "anchored": resolve_anchored,
    "vague_span": _without_count(resolve_vague_span),
    "vague_length": _without_count(resolve_vague_length),
    "set": resolve_set,
}


def resolve(kind: str, fields: Fields, ctx: Context, count: float | None) -> Resolution | None:
    """Resolve one match of a rule of this kind; None vetoes the match."""
    resolver = KINDS.get(kind)
    if resolver is None:
        raise ValueError(f"unknown rule kind {kind!r}")
    return resolver(fields, ctx, count)
