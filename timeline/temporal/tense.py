"""Which way a sentence points in time, to resolve "In July" or "Monday" against the DCT.

News reports the past by default; a future cue (will, 'll, going to, plans to, next...) that is
nearer to the expression than any past cue makes it point forward. A finite past verb ("was
released", "fled", "brought") is a firm past: what it dates lies before the DCT. A verb of saying
is a weak one, which allows a date a little after the DCT ("told of a cutback in September"); a
participle of a plan takes the nearer date ("expected in December", "planned a rally on
Saturday"); a bare "-ed" verb puts a bare month before the
DCT ("signed the deal in December") but leaves a day that slack ("declared payable Dec. 15").
A deadline ("by Friday", "ahead of January's election") points ahead unless a past verb says
the date has come ("had calmed down by September"); a possessive ("Wednesday's ruling") and
"since" point back; a present passive ("when elections are held on July 20") takes the nearer
date; a past form after "if" is hypothetical; a verb after "and", "that" or "after" belongs to
the next clause, and a verb the date hangs on through a preposition ("pledged in February")
outranks one after it; a term set in the past ("gave Iran until August 31") runs to the nearer
date.
Only the sentence around the expression is read, so the answer depends on the text and never
on other documents. The sentence ends of a text are found once (TenseIndex), and the cues of a
sentence the first time an expression in it asks, so that a text full of dates costs one pass,
not one pass per date, and the sentences without such an expression cost none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum

from timeline.temporal.ruleset import trie_regex


class Tense(Enum):
    """Direction for expressions whose year or week the text leaves open."""

    PAST = "past"
    # A past that a finite verb states ("was released", "fled", "ago"), not one guessed from a
    # bare "-ed" word, which is as often a participle of a plan ("expected", "scheduled").
    PAST_FIRM = "past-firm"
    # A bare "-ed" verb ("signed", "visited"), not one of saying or planning: a past, weaker
    # than a finite one because the nearest verb may not be the date's ("approved elections in
    # December").
    PAST_ED = "past-ed"
    FUTURE = "future"
    # A present-tense passive ("when elections are held on July 20"): a date on either side
    # of the DCT, the nearer one (elsewhere read as UNKNOWN).
    PRESENT = "present"
    UNKNOWN = "unknown"


# Cue words, as data; the regex below shapes each list as a trie, which the engine walks in
# time proportional to a word's length instead of trying every word at every position.
_FUTURE_CUES = (
    "will", "won't", "shall", "would", "going to", "plan to", "plans to", "planning to",
    "planned to", "intend to", "intends to", "expected to", "expect to", "expects to",
    "scheduled", "slated", "due in", "due on", "due by", "set to", "as soon as", "as early as", "is to", "are to",
    "hope to", "hopes to", "aim to", "aims to", "to be held", "upcoming", "next", "effective",
    # Present tense of scheduling verbs: news writes plans so ("Opec meets on Nov. 30",
    # "talks resume Thursday", "the law takes effect Jan. 1").
    "meets", "resume", "resumes", "begins", "opens", "convenes", "reconvenes", "takes effect",
    "takes office", "expires", "arrives", "departs", "leaves for", "heads to", "travels to",
    "kicks off", "is due", "are due", "starts", "launches", "steps down", "stands down",
    "retires", "takes over", "returns to", "flies to", "flies into", "visits", "due for",
    "due out", "kick off", "comes into force", "come into force", "enters into force",
    "enter into force", "comes into effect", "goes into effect", "take effect",
    "go to the polls", "goes to the polls", "head to the polls", "plays", "faces",
    "takes on", "is forecast", "are forecast", "runs from", "runs through", "runs until",
    "run from", "run through", "run until",
    # "the event starting on Thursday" (and "beginning Thursday", in _CUE_RE): a schedule.
    "beginning on", "starting on",
)
# The present of the verbs of a programme ("he and Arafat meet separately Monday", "the court
# hears the case Tuesday", "the summit ends Tuesday", "voters elect a parliament Sunday"), the
# plural forms and the singular ones _FUTURE_CUES lacks; not their infinitive or base form
# ("agreed to meet", "did not meet"), and a determiner before one makes it a noun ("the launch
# Thursday", "a track meet").
# Left out as nouns as often as verbs in news, after an adjective the determiner check does
# not see: "marks" (the currency), "hosts", "rules", "votes", "sentences", "signs",
# "releases", "debates", "presents", "travel" ("jail sentences Monday", "press releases").
_PRESENT_PLANS = (
    "meet", "gather", "begin", "convene", "reconvene", "arrive", "depart", "take office",
    "expire", "holds", "hold", "hears", "appears", "appear", "testifies", "testify", "closes",
    "unveils", "unveil", "delivers", "ends", "end", "elects", "elect", "celebrates", "sits",
    "concludes", "conclude", "wraps up", "wrap up", "decides", "publishes", "play", "travels",
    "kicks off", "tees off", "goes on trial", "go on trial", "goes on sale", "go on sale",
    "hits theaters", "premieres", "launch", "inaugurates", "swears in",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
)
# Modals of what may yet happen ("they can take part in planning for the summit in April"),
# but not with a perfect ("the vote should have been held in March" is past). "Could" and
# "must" are left out: "could not attend in March" is a past, "must be returned by Friday" a
# ruling reported after the fact as often as a plan.
_MODAL = r"(?:can|may|might|should)(?!\s+(?:not\s+)?have\b)"
# The verbs news puts after "due to" and in an infinitive of a plan ("the experts to visit"):
# "talks due to resume Monday" is a plan, "pulled out due to injuries on Monday" a cause, so
# "due to" points ahead only before one of these.
_PLAN_VERBS = (
    "be", "begin", "start", "open", "close", "end", "finish", "meet", "hold", "host", "arrive",
    "leave", "depart", "return", "visit", "travel", "fly", "go", "come", "head", "attend",
    "join", "tour", "take", "make", "give", "hand", "deliver", "pay", "sign", "announce",
    "release", "publish", "report", "issue", "present", "submit", "resume", "reconvene",
    "convene", "vote", "decide", "rule", "hear", "testify", "appear", "face", "stand", "run",
    "play", "launch", "complete", "expire", "retire", "step", "graduate", "receive", "address",
    "speak", "discuss", "debate", "review", "consider", "undergo", "enter", "bring", "set",
    "sail", "land", "lift", "wrap", "kick", "get", "move", "send", "unveil", "outline",
)
_INFINITIVE_RE = re.compile(r"\bto\s+(?:" + trie_regex(_PLAN_VERBS) + r")\b")
# A present progressive of a verb of meeting or travel is an arrangement: "ministers are meeting
# on Friday", "the conference is being held on Saturday" (not "is continuing to sell itself
# under a June agreement").
_PROGRESSIVE = (
    r"(?:is|are|am)\s+(?:[a-z]+ly\s+)?(?:being\s+(?:held|staged|hosted|convened|played)|"
    r"(?:meeting|visiting|holding|hosting|travell?ing|flying|leaving|arriving|heading|returning|"
    r"coming|playing|opening|starting|launching|staging|attending|convening|resuming)\b)"
)
# Verbs of saying and telling date the report, not what it reports ("told oil companies of a
# cutback in September"): a past of their own, but not a firm one for the date they carry.
_SAYING_CUES = ("said", "says", "told", "announced", "reported")
# Participles of a plan: "the ruling, expected in December" may lie after the DCT, and a day
# they carry is the nearer one ("protesters planned a rally on Saturday" in a Friday paper is
# tomorrow's, "results were expected Monday or Tuesday" in a Sunday one the coming days).
_PLAN_PARTICIPLES = (
    "expected", "scheduled", "rescheduled", "planned", "slated", "proposed", "intended",
    "designed", "aimed", "called", "urged", "asked", "invited", "booked", "targeted",
)
_PAST_CUES = (
    "was", "were", "had", "did", "went", "came", "met", "made", "took",
    "gave", "began", "ago", "earlier", "became", "brought",
    "bought", "sought", "fought", "thought", "caught", "lost", "sent", "spent", "held", "kept",
    "sold", "won", "wrote", "rose", "fell", "grew", "knew", "saw", "struck", "fled", "paid",
    "stood", "chose", "flew", "spoke", "broke", "ran", "sat", "felt", "meant",
    # More strong past forms that are neither present tense nor nouns.
    "led", "found", "built", "drove", "threw", "shot", "hid", "swore", "withdrew", "drew",
    "froze", "stole", "woke", "tore", "shook", "rode", "sank", "taught", "overthrew",
)
_PLAN_PARTICIPLE_SET = frozenset(_PLAN_PARTICIPLES)
# Phrases that hold a cue word but say nothing of time: "the building next to the embassy";
# a participle after "be" or "being" ("will be named", "the Games being held in Doha") is a
# passive, not a past tense ("is being held" is an arrangement, see _PROGRESSIVE).
# "The next day" is counted from the date just named, not a future ("last" is no cue at all:
# "his last press conference before he steps down").
_NEUTRAL = ("next to", "next door", "the next", "The next")
# Verbs of saying: "X will arrive on Friday, officials said" dates the arrival, not the saying,
# so one of these after the expression and beyond a comma or a quote does not count.
_REPORTING = frozenset({"said", "says"})
_CLAUSE_BREAK_RE = re.compile(r"[,;:()'\"`\u2019\u201d]")
# "left rates unchanged in September and will meet again in December": a verb after "and"
# belongs to the next clause when the expression's own clause has a cue before it; so does a
# verb after a subordinating word ("is to face questioning on April 25 on allegations that
# he was...", "will play Arsenal on January 9 after their match was postponed").
_CONJUNCTION_RE = re.compile(
    r"\b(?:and|but|while|whereas|that|which|who|whom|whose|because|after|before|when|where"
    r"|although|though|unless|until)\b"
)
# "had been scheduled" is tried first: a plan that lies in the past. Future cues come before
# the generic past "-ed" so that "expected to" is not read as a past verb.
_CUE_RE = re.compile(
    r"\b(?:(?P<had>had\s+been\s+(?:due|scheduled|set|expected|planned))"
    r"|(?P<neutral>" + trie_regex(_NEUTRAL) + r"|(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?:be|being)\s+[a-z]+)"
    r"|(?P<future>" + trie_regex(_FUTURE_CUES) + r"|" + _MODAL + r"|" + _PROGRESSIVE
    + r"|due\s+to(?=\s+(?:" + trie_regex(_PLAN_VERBS) + r")\b)"
    # The present of a programme verb (the lookahead comes first so that the lookbehinds run
    # only before such a verb).
    + r"|(?=" + trie_regex(_PRESENT_PLANS) + r")(?<!\bto\s)(?<!\bdid\s)(?<!\bnot\s)(?<!n't\s)"
    r"(?<!\b[Tt]he\s)(?<!\b[Aa]\s)(?<!\b[Ii]ts\s)(?<!\b[Hh]is\s)(?<!\b[Hh]er\s)(?<!\b[Tt]heir\s)"
    r"(?<!\b[Oo]ur\s)(?<!\bat\s)(?<!\bof\s)(?<!\bin\s)" + trie_regex(_PRESENT_PLANS)
    + r"|(?:beginning|starting)(?=\s+(?:" + trie_regex(_WEEKDAYS) + r")\b)"
    # "the results, due Friday, ...", "a report due March 3": what is due lies ahead.
    + r"|due(?=\s+(?:" + trie_regex((*_WEEKDAYS, *_MONTHS)) + r")\b)"
    # "the meeting is scheduled for June 13", "a ruling is expected in May": a plan ahead;
    # so is a passive infinitive ("an interview to be published on Wednesday").
    + r"|(?:is|are)\s+(?:" + trie_regex(_PLAN_PARTICIPLES) + r")(?!\s+to\b)"
    + r"|to\s+be\s+(?:[a-z]+ly\s+)?[a-z]{3,}(?:ed|en|wn)\b" + r")"
    # A present passive ("when the case is heard in May", "the vote is held"): no direction.
    r"|(?P<present>(?:is|are)\s+(?:being\s+)?(?:heard|held|seen|taken|given|made|done|[a-z]{2,}ed)(?!\s+to\b))"
    r"|(?P<firm>(?:was|were)\s+(?:[a-z]+ly\s+)?(?!(?:" + trie_regex((*_PLAN_PARTICIPLES, "supposed", "told")) + r")\b)[a-z]{2,}(?<!e)ed|" + trie_regex(_PAST_CUES) + r")"
    r"|(?P<past>" + trie_regex(_SAYING_CUES) + r"|" + trie_regex(_PLAN_PARTICIPLES)
    # A present perfect ("this winter has been mild") reports what is done, weakly.
    + r"|(?:has|have)\s+been(?!\s+(?:scheduled|expected|due|set|slated|planned)\b)"
    # "has taken a personal interest since taking office in January": so does a present
    # perfect of another verb, unless it sets a plan ("has scheduled talks for October").
    + r"|(?:has|have)\s+(?:(?:not|never|already|[a-z]+ly)\s+)?(?!(?:" + trie_regex(_PLAN_PARTICIPLES)
    + r"|set|promised|pledged|vowed|agreed|decided|threatened|announced|been)\b)"
    r"[a-z]{2,}(?:ed|en|wn|ne|de|ft|lt|nt|ught)"
    # "decided to admit them in March", "agreed to pay in May": the date is the plan's.
    + r"|[a-z]{2,}ed(?=\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b))"
    # (The lookahead lets the lookbehinds run only before a word in "-ed": 5% of the tagger.)
    r"|(?P<ed>(?=[a-z]{2,}ed\b)(?<!\b[Tt]he )(?<!\b[Aa] )(?<!\b[Aa]n )(?<!\b[Ii]ts )(?<!\bstill )(?<!\bnewly )"
    r"(?!(?:need|feed|speed|seed|indeed|bed|red|shed|hundred|united|based)\b)[a-z]{2,}(?<!e)ed)"
    r")\b|(?P<ll>'ll)\b"
)
# Where a sentence ends. A full stop after an initial or a title ("P. Davison", "Mr. Schwarz",
# "Jan. 14") ends no sentence; that check runs only on the few candidate stops, because
# lookbehinds tried at every character made this the slowest regex of the tagger.
_BOUNDARY_RE = re.compile(r"[.!?;]\s|\n\s*\n")
_ABBREVIATION_RE = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Ms|Mrs|Dr|St|Co|Inc|Jr|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Corp|Gen|Sen|Rep|Gov"
    r"|U\.S|vs|Ala|Ariz|Calif|Colo|Conn|Fla|Ill|Ind|Kan|Mass|Md|Mich|Minn|Miss|Mo|Neb|Nev|Okla"
    r"|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo))\.$"
)
_IF_CLAUSE_RE = re.compile(r"\b(?i:if|unless)\s+(?:[A-Za-z'-]+\s+){0,4}$")
_FUTURE_SUBJECT_RE = re.compile(
    r"['\u2019]s\s+(?:[a-z-]+\s+){1,3}(?:will|is\s+(?:to|expected|scheduled|due|set)|are\s+(?:to|expected|scheduled|due|set))\b"
)
_COPULA_RE = re.compile(r"\b(?:is|are)\s+(?:(?:on|in|at|set\s+for|scheduled\s+for)\s+)?$")
_SINCE_RE = re.compile(r"\b(?i:since|ever\s+since)\s+$")
_CLOCK_STOP_RE = re.compile(r"\b[ap]\.\s?m\.$")
# "by Friday", "by Jan. 14", "until 9 a.m. Tuesday": a deadline, so the date lies ahead.
# A fronted "Until Thursday, they had not..." frames the past, so only a lower-case "until"
# (inside its clause) marks a deadline.
_DEADLINE_RE = re.compile(
    r"(?:\b(?i:by|ahead\s+of(?:\s+the)?|in\s+time\s+for(?:\s+the)?|in\s+the\s+(?:run|lead|build)-up\s+to(?:\s+the)?)|\buntil|\btill"
    # "ahead of the presidential election in December", "until the outcome of the court
    # proceedings in August": a deadline named by the event it dates.
    r"|\b(?:ahead\s+of|until|till|in\s+the\s+(?:run|lead|build)-up\s+to)\s+the\s+(?:[A-Za-z-]+\s+){1,5}(?:in|on|at)"
    # "extended its bid to Nov. 6", "postponed the vote until March": the new date lies ahead.
    r"|\b(?:extend|postpon|delay|push|adjourn|defer|reschedul|mov)[a-z]*\s+(?:[a-z]+\s+){0,3}(?:to|until|for))\s+$"
)
_PAST_PERFECT_RE = re.compile(r"\bhad\s+(?:[a-z]+ly\s+)?(?:already\s+)?(?:been\s+)?[a-z]{2,}(?:ed|en|wn|ne|de|ft|lt|nt|ught)\b")
# "By August, the bank has granted 260 million yuan", "by the end of September, loans were 1.2
# trillion": what a present perfect or a finite past states by a date is done by then.
_DONE_AFTER_RE = re.compile(
    r"\b(?:(?:has|have)\s+(?:[a-z]+ly\s+)?(?:already\s+)?(?:been\s+)?[a-z]{2,}(?:ed|en|wn|ne|de|ft|lt|nt|ught)"
    r"|was|were)\b"
)
_DONE_CUES = (Tense.PAST_FIRM, Tense.PAST, Tense.PAST_ED)
_PLAN_AFTER_RE = re.compile(r"\b(?:to|would|will|could)\b")
_TARGET_RE = re.compile(r"\s+(?:deadline|target\s+date)\b")
# A contract month lies ahead: "crude for December delivery", "delivery in January",
# "the March contract" (markets trade months to come, never past ones).
_CONTRACT_AFTER_RE = re.compile(r"\s+(?:delivery|contracts?|futures)\b")
_CONTRACT_BEFORE_RE = re.compile(r"\bdelivery\s+(?:in|for)\s+$")
_POSSESSIVE_RE = re.compile(r"['\u2019]s\b")
_ATTACHED_RE = re.compile(r"\s+(?:in|on|at|during|since)\s+(?:the\s+)?")
# Cues further than this from the expression belong to another clause.
_WINDOW = 250
# An expression that opens its sentence ("On Friday, the minister will...") is dated by the
# clause after it; one inside a clause is not dated by a later clause.
_OPENING_CLAUSE_RE = re.compile(r"\s*(?:[\"'`(\u201c]\s*)?(?:If|Unless|Once|When|Whenever)\s[^,;:.!?]{0,80}")
_PARENTHESIS_RE = re.compile(r",\s*(?:(?:on|in|at|by|from|since|until)\s+)?$")
_FRONTED_RE = re.compile(r"\s*(?:[\"'`(\u201c]\s*)?(?:\w+\s+){0,2}$")


# The cues of one stretch of text, in order: starts, ends, tense, a verb of saying?
_Cues = tuple[tuple[int, ...], tuple[int, ...], tuple[Tense, ...], tuple[bool, ...]]


@dataclass(frozen=True, slots=True)
class TenseIndex:
    """The sentence ends of one text, and its tense cues sentence by sentence.

    Cues are read only in the sentences an expression asks about, once each (``_cues``): most
    sentences of a document hold no expression whose direction is open.
    """

    text: str
    boundaries: tuple[int, ...]  # offsets just after each sentence end
    _cues: dict[tuple[int, int], _Cues] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str) -> TenseIndex:
        """Find the sentence ends of ``text``."""
        return cls(
            text,
            tuple(
                m.end()
                for m in _BOUNDARY_RE.finditer(text)
                if not _ABBREVIATION_RE.search(text, max(0, m.start() - 5), m.start() + 1)
                and not (
                    # "at 8 a.m. the bus came": a clock's full stop ends no sentence unless a
                    # capital follows it.
                    _CLOCK_STOP_RE.search(text, max(0, m.start() - 4), m.start() + 1)
                    and m.end() < len(text) and text[m.end()].islower()
                )
            ),
        )

    def _sentence_cues(self, first: int, last: int) -> _Cues:
        """The cues from the start of sentence ``first`` to the end of sentence ``last``."""
        key = (first, last)
        found = self._cues.get(key)
        if found is None:
            begin = self.boundaries[first - 1] if first else 0
            stop = self.boundaries[last] if last < len(self.boundaries) else len(self.text)
            cues = [
                m for m in _CUE_RE.finditer(self.text, begin, stop) if m["neutral"] is None
            ]
            found = self._cues[key] = (
                tuple(m.start() for m in cues),
                tuple(m.end() for m in cues),
                tuple(
                    Tense.FUTURE if m["future"] is not None or m["ll"] is not None
                    else Tense.PRESENT if m["present"] is not None
                    # "If the government fell on Dec. 8, a vote would follow": a past form
                    # in a condition is hypothetical, no past at all.
                    else Tense.UNKNOWN if _IF_CLAUSE_RE.search(self.text, max(begin, m.start() - 40), m.start())
                    else Tense.PAST_FIRM if m["firm"] is not None
                    else Tense.PRESENT if m.group().lower() in _PLAN_PARTICIPLE_SET
                    else Tense.PAST_ED if m["ed"] is not None else Tense.PAST
                    for m in cues
                ),
                tuple(m.group().lower() in _REPORTING for m in cues),
            )
        return found

    def tense_at(self, start: int, end: int) -> Tense:
        """The tense of the sentence around ``text[start:end]`` as seen from that expression."""
        text = self.text
        if _CONTRACT_AFTER_RE.match(text, end) or _CONTRACT_BEFORE_RE.search(text, max(0, start - 20), start):
            return Tense.FUTURE
        if _COPULA_RE.search(text, max(0, start - 16), start):
            return Tense.FUTURE  # "Game 7 is Sunday", "the election is in May": what is set
        if _SINCE_RE.search(text, max(0, start - 12), start):
            return Tense.PAST_FIRM  # "on patrol since March (and due back soon)": begun already
        deadline = _DEADLINE_RE.search(text, max(0, start - 60), start)
        if _POSSESSIVE_RE.match(text, end) and not deadline:
            # "Wednesday's ruling", "the probe of February's killing": a possessive date names
            # something done, so it lies before the DCT ("ahead of January's election", "by
            # Friday's deadline" are deadlines, below) unless it is the subject of a future
            # ("Saturday's celebrations will be a mix of liturgies").
            if _FUTURE_SUBJECT_RE.match(text, end):
                return Tense.FUTURE
            return Tense.PAST_FIRM
        if deadline:
            if self._deadline_met(deadline, start, end):
                return Tense.PAST_FIRM
            if deadline.group().lower().startswith(("until", "till")) \
                    and self._nearest_cue(deadline.start(), deadline.start()) in _DONE_CUES:
                # "a resolution which gave Iran until August 31", "adjourned the trial until
                # January 23": a term set in the past runs to a date on either side of the DCT.
                return Tense.PRESENT
            return Tense.FUTURE
        if _TARGET_RE.match(text, end):
            return Tense.UNKNOWN  # "the Jan. 14 deadline": near the DCT, either side
        return self._nearest_cue(start, end)

    def _deadline_met(self, deadline: re.Match[str], start: int, end: int) -> bool:
        """Whether "by <date>" reports a date already come rather than a deadline ahead."""
        if not deadline.group().lower().startswith("by"):
            return False
        text = self.text
        i = bisect.bisect_right(self.boundaries, start)
        sentence_start = self.boundaries[i - 1] if i else 0
        stop = self.boundaries[i] if i < len(self.boundaries) else len(text)
        window = max(sentence_start, start - 80)
        # "the volcano had calmed down by September", "had filed reports by Wednesday" (but
        # not a plan so reported: "had promised to pay by September").
        perfect = _PAST_PERFECT_RE.search(text, window, deadline.start())
        if perfect and not _PLAN_AFTER_RE.search(text, perfect.end(), deadline.start()):
            return True
        # "Total deposits were 4.9 trillion yuan by Friday", "China reported a 4.2 percent
        # rate by the end of September": a finite past verb or a report in the deadline's own
        # clause.
        if not _CLAUSE_BREAK_RE.search(text, window, start) \
                and not _PLAN_AFTER_RE.search(text, window, deadline.start()) \
                and self._nearest_cue(deadline.start(), deadline.start()) in _DONE_CUES:
            return True
        # "By Tuesday noon, the flames had been put out": the perfect may follow; so may a
        # present perfect or a finite past when the date opens the sentence ("By August, the
        # bank has granted...").
        after = text[end:min(stop, end + 80)]
        if _PAST_PERFECT_RE.search(after):
            return True
        framing = after.startswith(",") and (
            bool(_FRONTED_RE.fullmatch(text, sentence_start, deadline.start()))
            or text[max(sentence_start, deadline.start() - 2):deadline.start()].startswith(",")
        )
        done = _DONE_AFTER_RE.search(after)
        return framing and done is not None and not _PLAN_AFTER_RE.search(after, 0, done.start())

    def _nearest_cue(self, start: int, end: int) -> Tense:
        """The tense of the cue nearest the expression in its clause (UNKNOWN for none)."""
        text = self.text
        i = bisect.bisect_right(self.boundaries, start)
        left = max(self.boundaries[i - 1] if i else 0, start - _WINDOW)
        j = bisect.bisect_right(self.boundaries, end)
        right = min(self.boundaries[j] if j < len(self.boundaries) else len(text), end + _WINDOW)
        cue_starts, cue_ends, cue_tense, cue_reporting = self._sentence_cues(i, j)
        best: tuple[int, Tense] | None = None
        own_clause = attached = False
        sentence_start = self.boundaries[i - 1] if i else 0
        fronted = bool(_FRONTED_RE.fullmatch(text, sentence_start, start)) or (
            # "The vote, on Thursday, will decide": a date set off by commas inside its clause
            # is dated by the verb that follows, as a fronted one is; so is a date in an
            # opening condition or time clause ("If elected in March, she would...").
            text.startswith(",", end) and bool(_PARENTHESIS_RE.search(text, max(0, start - 8), start))
        ) or bool(_OPENING_CLAUSE_RE.fullmatch(text, sentence_start, start))
        first = bisect.bisect_left(cue_starts, left)
        for k in range(first, len(cue_starts)):
            cue_start, cue_end = cue_starts[k], cue_ends[k]
            if cue_start >= right:
                break
            if cue_end > right or start <= cue_start < end:
                continue  # a word of the expression itself ("next", "earlier") is not a verb
            if cue_start >= end and cue_reporting[k] and not fronted \
                    and _CLAUSE_BREAK_RE.search(text, end, cue_start):
                # "... on Friday,'' Castro said": the saying is not the event (but "In
                # October, manufacturers said they planned to..." dates the saying).
                continue
            if cue_start >= end and not fronted and (
                _CLAUSE_BREAK_RE.search(text, end, cue_start)
                or (own_clause and _CONJUNCTION_RE.search(text, end, cue_start))
            ):
                continue  # "cut rates on 4 August, ... and will next meet": another clause
            distance = start - cue_end if cue_end <= start else cue_start - end
            tense = cue_tense[k]
            if tense is Tense.UNKNOWN:
                continue  # a past form in a condition ("if elected in March") says nothing
            if cue_start >= end and attached:
                continue  # "aid pledged in February would arrive": the verb it hangs on
            if best is None or distance < best[0]:
                if tense in (Tense.PAST_FIRM, Tense.PAST_ED) and cue_end <= start \
                        and _INFINITIVE_RE.search(text, cue_end, start):
                    # "had set the date for the experts to visit Guantanamo on Dec. 6": the date
                    # is the planned visit's, which may lie ahead of the DCT.
                    tense = Tense.PAST
                best = (distance, tense)
                # A cue before the expression in its own clause (no comma between them).
                own_clause = cue_end <= start and not _CLAUSE_BREAK_RE.search(text, cue_end, start)
                # A verb the expression hangs on through a preposition ("pledged in
                # February", "met on Monday") dates it, whatever verb follows.
                attached = cue_end <= start and bool(_ATTACHED_RE.fullmatch(text, cue_end, start))
        return best[1] if best else Tense.UNKNOWN


def tense_at(text: str, start: int, end: int) -> Tense:
    """The tense around one expression (builds a one-off index: prefer TenseIndex for many)."""
    return TenseIndex.build(text).tense_at(start, end)
