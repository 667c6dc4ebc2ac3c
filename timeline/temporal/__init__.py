"""The date tagger: ``tag(text, dct)`` finds TIMEX3 date expressions and their intervals.

``tag`` is imported on first use (PEP 562): modules that only need the value types
(``timeline.temporal.types``) must not pay for compiling the rules, e.g. `timeline list`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.temporal.types import Interval, Precision, Timex, TimexType

if TYPE_CHECKING:
    from timeline.temporal.tagger import tag

__all__ = ["Interval", "Precision", "Timex", "TimexType", "tag"]


def __getattr__(name: str) -> Any:
    if name == "tag":
        from timeline.temporal.tagger import tag

        return tag
    raise AttributeError(f"module 'timeline.temporal' has no attribute {name!r}")
