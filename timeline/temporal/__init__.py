"""The date tagger: ``tag(text, dct)`` finds TIMEX3 date expressions and their intervals."""

from timeline.temporal.tagger import tag
from timeline.temporal.types import Interval, Precision, Timex, TimexType

__all__ = ["Interval", "Precision", "Timex", "TimexType", "tag"]
