"""Which way a sentence points in time, to resolve "In July" or "Monday" against the DCT.

News reports the past by default; a future cue (will, 'll, going to, plans to, next...) that is
nearer to the expression than any past cue makes it point forward. Only the sentence around the
expression is read, so the answer depends on the text and never on other documents.
"""

from __future__ import annotations

import re
from enum import Enum


class Tense(Enum):
    """Direction for expressions whose year or week the text leaves open."""

    PAST = "past"
    FUTURE = "future"
    UNKNOWN = "unknown"


# Future cues come first in the alternation so that "expected to" is not read as a past verb.
_CUE_RE = re.compile(
    r"(?P<future>\b(?:will|won't|shall|going\s+to|plans?\s+to|planning\s+to|intends?\s+to|"
    r"expected\s+to|expects?\s+to|scheduled|planned\s+to|due\s+to|set\s+to|as\s+(?:soon|early)\s+as|"
    r"is\s+to|are\s+to|hopes?\s+to|would|aims?\s+to|to\s+be\s+held|upcoming|next|effective)\b|'ll\b)"
    r"|(?P<past>\b(?:said|says|was|were|had|did|told|went|came|met|made|took|gave|began|"
    r"announced|reported|ago|last|earlier|"
    r"(?!(?:need|feed|speed|seed|indeed|bed|red|shed|hundred|united|based)\b)[a-z]{2,}(?<!e)ed)\b)"
)
# Where a sentence ends: stop looking for cues past these. A full stop after an initial or a
# title ("P. Davison", "Mr. Schwarz", "Jan. 14") ends no sentence.
_BOUNDARY_RE = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bCo)(?<!\bInc)(?<!\bJr)"
    r"(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bCorp)(?<!\bGen)"
    r"(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bU\.S)[.!?;]\s|\n\s*\n"
)
# "by Friday", "by Jan. 14": a deadline, so the date lies ahead.
_DEADLINE_RE = re.compile(r"\bby\s+$", re.IGNORECASE)
_WINDOW = 250


_POSSESSIVE_RE = re.compile(r"['\u2019]s\b")


def tense_at(text: str, start: int, end: int) -> Tense:
    """The tense of the sentence around ``text[start:end]`` as seen from that expression."""
    if _POSSESSIVE_RE.match(text, end):
        return Tense.PAST  # "Wednesday's ruling": a possessive date names something done
    if _DEADLINE_RE.search(text, max(0, start - 4), start):
        return Tense.FUTURE
    left = max(0, start - _WINDOW)
    before = text[left:start]
    boundaries = list(_BOUNDARY_RE.finditer(before))
    if boundaries:
        left += boundaries[-1].end()
    after_end = min(len(text), end + _WINDOW)
    stop = _BOUNDARY_RE.search(text, end, after_end)
    right = stop.start() + 1 if stop else after_end
    best: tuple[int, Tense] | None = None
    for cue in _CUE_RE.finditer(text, left, right):
        if start <= cue.start() < end:
            continue  # a word of the expression itself ("last", "next") is not a verb
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        tense = Tense.FUTURE if cue["future"] else Tense.PAST
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else Tense.UNKNOWN
