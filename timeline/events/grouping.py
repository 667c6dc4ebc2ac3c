"""Grouping reports of one real event: similarity of two event rows, candidate keys, clustering.

Analysts count events, not reports (issue 10): the 1994 AMIA bombing told by two articles is one
event with two mentions. This module is the pure algorithm; timeline/store/groups.py keeps the
groups in the database.

Two reports are compared on what ACLED merges on (who, when, where) plus what happened:

- **time** (a gate): both intervals are known, overlap, and are short enough to name one event
  (a year at most; "between 2005 and 2012" is a period, never merged). Two mentions of the same
  sentence are different dated facts by construction and never merge.
- **entities** (a gate): they share an actor or a place; when both name actors and share
  none (two different 1994 events with different actors), or both name places and share none
  (places include the places containing them: Havana counts as Cuba), they stay apart.
- **score**: the weighted mean of text, actor and place agreement, each an overlap coefficient
  ``|A & B| / min(|A|, |B|)``; a feature missing on either side drops out of the mean. Text is
  the set of content words (lowercase, stopwords and date words removed, light stemming, a few
  event synonyms such as bombing = attack), minus the words of the named entities so that names
  are not counted twice.
- **precision gap**: a year-level mention and a day- or week-level one of the same event join
  only when they share an actor and their words agree (a stricter threshold, ``GAP_MARGIN``
  more). Text must always share at least ``MIN_TEXT`` of the shorter side's words.

Clustering is best-first: candidate pairs above the threshold are taken by decreasing score and
two clusters merge only if every cross pair passes the gates (complete linkage on the gates)
and the cross pairs' mean score reaches the threshold (average linkage on the score, so that
one close pair cannot chain two stories: oil prices, then copper prices "this year"). So a day-level "Monday" and a day-level "Sunday" never end up in
one group, and neither do two mentions of one sentence, whatever the order of ingest.

Candidate pairs come from keys (entity x time bucket) so that ingest stays linear: see
``index_keys`` and ``probe_keys``.

On the seeds, Zarif's tour is "paid an official visit to Latin America last August" (2016-08)
with "On Sunday, I'll start a 6-nation tour of Latin America" (2016-08-21, the day it began).
The announcement in the same sentence ("Last week ... announced his trip", 2016-W33) is
another event, a tweet about the tour: two dated facts of one sentence never merge, and the
tie between the two is broken in favour of the more precise date. "Zarif said Monday that
Iran has always shown ..." is a statement made on the tour and shares no words with the visit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from timeline.temporal.types import Precision

# The default merge threshold (precision first: a wrong merge hides an event, a missed one
# only repeats it). On the labelled pairs of tests/test_groups_eval.py 0.3 to 0.6 give the
# same precision; on te3-silver most wrong merges scored 0.50-0.58 (two events of one country
# on one day sharing a word or two), so the top of that range.
DEFAULT_THRESHOLD = 0.6

# Scores are sums of float products; a score equal to the threshold on paper must pass.
_EPSILON = 1e-9

# Extra score a pair needs when its precisions are far apart (a year and a day or a week):
# "a year-level and a day-level mention join only if actors and text agree". Month vs day
# or year vs month is an ordinary pair: the month or the year is how articles retell an event.
GAP_MARGIN = 0.1
FAR_GAP = 3
# ... and their words agree: at least this many shared content words, not one lucky "attack".
FAR_GAP_WORDS = 2

# A report must share at least this much of its content words with the other; the weighted
# score alone would let two sentences that name the same actors but tell different things merge.
MIN_TEXT = 0.25

# Extra score two mentions of one article need: an article's sentences share its topic, its
# actors and its words, so they look alike without telling the same event (on te3-silver,
# most wrong merges at the plain threshold were within one article).
SAME_DOCUMENT_MARGIN = 0.2

# Intervals longer than this describe periods ("since 2010", "between 2005 and 2012"), not one
# event; a leap year is the longest interval that still names one.
MAX_SPAN_DAYS = 366

# Weights of the score's features; text says what happened and weighs most.
WEIGHTS = {"text": 0.6, "actors": 0.25, "places": 0.15}

# The longest interval each precision names as one unit; anything longer is a range.
_UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "season": 93, "year": 366}


# Function words, reporting verbs, date vocabulary, titles and light verbs: they say nothing
# about what happened (date words are compared through the intervals, titles name who, like
# the actors, and in "paid a visit" or "held talks" the noun carries the meaning), and the
# units of quantities, which make every market or trade report look like every other.
STOPWORDS = frozenset(
    """
    a about above after again against ago all almost also am an and any are as at be been before
    being below between both but by can could did do does doing down during each either else
    ever every few for from further had has have having he her here hers him his how i if in
    into is it its itself just last latest least less many may me might more most much must my
    near neither next no nor not now of off on once one only or other our out over own per
    recent recently same she should since so some still such than that the their them then there
    these they this those through thus to today tomorrow too under until up upon us very via was
    we were what when where which while who whom whose why will with within would yesterday yet
    you your
    said say says saying told tell tells according report reported reports reporting announced
    added claimed stated noted warned
    week weeks month months year years day days time times earlier later early late
    monday tuesday wednesday thursday friday saturday sunday weekend
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    spring summer autumn fall winter decade decades century
    first second third new two three four five six seven eight nine ten
    minister ministers president prime secretary spokesman spokeswoman spokesperson official
    officials foreign deputy former current senior chief leader mr mrs ms dr
    make makes made making take takes took taken taking give gives gave given giving hold
    holds held holding pay pays paid paying get gets got go goes went gone
    percent pct per cent hundred hundreds thousand thousands million millions billion billions
    dollar dollars euro euros yuan pound pounds yen point points figure figures total number
    """.split()  # noqa: SIM905 (a word list reads better as a paragraph)
)

# Words that name the same kind of event after stemming; each maps to its set's first word.
# Kept tiny and explicit: a synonym here can only make two reports look more alike.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("attack", "bomb", "blast", "explosion", "assault", "strike", "raid"),
    ("kill", "dead", "death", "die", "slain", "murder", "assassinate"),
    ("kidnap", "abduct", "hostage"),
    ("visit", "tour", "trip", "journey"),
    ("meet", "talk", "summit"),
    ("arrest", "detain", "capture"),
    ("election", "elect", "vote", "poll"),
    ("protest", "demonstration", "rally"),
    ("agreement", "agree", "accord", "deal", "treaty", "pact"),
    ("plot", "plan", "conspiracy"),
)

# Suffixes stripped by the light stemmer, longest first; a stem keeps at least 4 letters.
# "es" only after a sibilant (taxes, crashes); otherwise a plural loses its "s" alone.
_SUFFIXES = (
    "ations", "ation", "ings", "ing", "edly", "ions", "ion", "ial", "ers", "ies", "ied",
    "ed", "er", "s",
)  # fmt: skip
_SIBILANT_ES = ("sses", "xes", "zes", "ches", "shes")

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_YEAR = re.compile(r"(1[5-9]|20)\d\d")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix stripper: bombing, bombed, bombs -> bomb; strikes, striking -> strik."""
    if word.endswith(_SIBILANT_ES) and len(word) > 5:
        return word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                word += "y"
            break
    # a doubled final consonant left by -ing/-ed (planned -> plann -> plan)
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    # a silent final e, so that strike, strikes and striking agree
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


_SYNONYM_OF = {stem(word): stem(group[0]) for group in SYNONYMS for word in group}


def content_words(text: str, *, exclude: Iterable[str] = ()) -> frozenset[str]:
    """The comparable words of ``text``: lowercase, no stopwords or years, stemmed, synonyms
    folded; words in ``exclude`` (the entities' own names) are left out."""
    skip = {w for name in exclude for w in _name_words(name)}
    # demonyms count as their entity: Iran -> Iranian, Argentina -> Argentine
    prefixes = tuple(w[:-1] if len(w) > 5 else w for w in skip if len(w) >= 4)
    out: set[str] = set()
    for word in _raw_words(text):
        if word in STOPWORDS or word in skip or len(word) < 2 or _YEAR.fullmatch(word):
            continue
        if prefixes and word.startswith(prefixes):
            continue
        if word.isdigit() and len(word) < 3:
            continue
        stemmed = stem(word)
        out.add(_SYNONYM_OF.get(stemmed, stemmed))
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 14)
def _name_words(name: str) -> tuple[str, ...]:
    # names recur in every report that mentions them
    return tuple(_raw_words(name))


def _raw_words(text: str) -> list[str]:
    words = []
    for m in _WORD.finditer(text.casefold()):
        w = m.group().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        words.append(w.replace("'", ""))
    return words


@dataclass(frozen=True, slots=True)
class Report:
    """One event row as grouping sees it.

    ``sentence`` identifies the sentence within its document (the event's start offset): two
    events of one sentence are two dated facts. ``actors`` and ``places`` are canonical names;
    ``places`` also holds the places that contain them (Havana -> Cuba), so that a city and its
    country agree.
    """

    event_id: int
    document_id: int
    sentence: int
    date_start: date | None
    date_end: date | None
    precision: Precision | None
    actors: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    # derived once: compared hundreds of thousands of times on a large ingest
    entities: frozenset[str] = field(init=False, compare=False)
    mergeable: bool = field(init=False, compare=False)
    rank: int = field(init=False, compare=False)  # steps from day; -1 when undated

    def __post_init__(self) -> None:
        object.__setattr__(self, "entities", self.actors | self.places)
        object.__setattr__(self, "mergeable", self._mergeable())
        object.__setattr__(self, "rank", _rank(self.precision) if self.precision else -1)

    @classmethod
    def build(
        cls,
        event_id: int,
        document_id: int,
        sentence: int,
        text: str,
        date_start: date | None,
        date_end: date | None,
        precision: Precision | None,
        actors: Iterable[str] = (),
        places: Iterable[str] = (),
        written: Iterable[str] = (),
    ) -> Report:
        """A report from an event's text; ``written`` are its mentions as written ("Jawad
        Zarif" for Mohammad Javad Zarif), left out of the words like the canonical names."""
        actor_set, place_set = frozenset(actors), frozenset(places)
        return cls(
            event_id,
            document_id,
            sentence,
            date_start,
            date_end,
            precision,
            actor_set,
            place_set,
            content_words(text, exclude=actor_set | place_set | frozenset(written)),
        )

    def _mergeable(self) -> bool:
        """Dated, short enough to be one event, and naming someone or somewhere."""
        if self.date_start is None or self.date_end is None or self.precision is None:
            return False
        span = (self.date_end - self.date_start).days + 1
        # a range at its precision ("since March 30": days from March 30 to the article's
        # date) is a period, not a point: it overlaps every event inside it
        unit = _UNIT_DAYS.get(str(self.precision), MAX_SPAN_DAYS)
        return span <= min(unit, MAX_SPAN_DAYS) and bool(self.entities)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    """Overlap coefficient; None when either side is empty (the feature is unknown)."""
    if not a or not b:
        return None
    return len(a & b) / min(len(a), len(b))


def compatible(a: Report, b: Report) -> str | None:
    """None if ``a`` and ``b`` may report one event, else why not (the gates)."""
    if not (a.mergeable and b.mergeable):
        return "not mergeable"
    if a.document_id == b.document_id and a.sentence == b.sentence:
        return "same sentence"
    assert a.date_start and a.date_end and b.date_start and b.date_end
    if a.date_start > b.date_end or b.date_start > a.date_end:
        return "dates apart"
    if not (a.entities & b.entities):
        return "no shared actor or place"
    if a.actors and b.actors and not (a.actors & b.actors):
        return "different actors"
    if a.places and b.places and not (a.places & b.places):
        return "different places"
    return None


@dataclass(frozen=True, slots=True)
class PairScore:
    """Why two reports are (not) one event: the features, the score and the threshold used."""

    score: float
    text: float
    actors: float | None
    places: float | None
    gap: int
    blocked: str | None = None
    same_document: bool = False

    def required(self, threshold: float) -> float:
        margin = GAP_MARGIN if self.gap >= FAR_GAP else 0.0
        return threshold + margin + (SAME_DOCUMENT_MARGIN if self.same_document else 0.0)

    def merges(self, threshold: float) -> bool:
        return self.blocked is None and self.score >= self.required(threshold) - _EPSILON

    def explain(self, threshold: float) -> str:
        features = [f"text {self.text:.2f}"]
        if self.actors is not None:
            features.append(f"actors {self.actors:.2f}")
        if self.places is not None:
            features.append(f"places {self.places:.2f}")
        verdict = "merge" if self.merges(threshold) else f"apart ({self.blocked or 'score'})"
        return (
            f"{verdict}: score {self.score:.2f} vs {self.required(threshold):.2f} "
            f"({', '.join(features)}; precision gap {self.gap})"
        )


def _gap(a: Report, b: Report) -> int:
    if a.rank < 0 or b.rank < 0:
        return 0
    return abs(a.rank - b.rank)


# Steps between precisions: quarter and season sit between month and year, one step each
# from their neighbours.
_RANKS = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}
_RANKS.update({"decade": 5, "century": 6})


def _rank(p: Precision) -> int:
    return _RANKS[p.value]


def similarity(a: Report, b: Report) -> PairScore:
    """The score of two reports and the gate that blocks them, if any."""
    text = _overlap(a.words, b.words) or 0.0
    actors = _overlap(a.actors, b.actors)
    places = _overlap(a.places, b.places)
    present = {"text": text, "actors": actors, "places": places}
    total = sum(WEIGHTS[k] for k, v in present.items() if v is not None)
    score = sum(WEIGHTS[k] * v for k, v in present.items() if v is not None) / total
    gap = _gap(a, b)
    blocked = compatible(a, b)
    if blocked is None and text < MIN_TEXT:
        blocked = "too few shared words"
    if blocked is None and gap >= FAR_GAP and not (a.actors & b.actors):
        blocked = "precision gap without a shared actor"
    if blocked is None and gap >= FAR_GAP and len(a.words & b.words) < FAR_GAP_WORDS:
        blocked = "precision gap with too few shared words"
    return PairScore(score, text, actors, places, gap, blocked, a.document_id == b.document_id)


# --- candidate keys --------------------------------------------------------------------------
#
# A report is stored under keys and looks up others by keys; two reports are compared only if
# they share one. Keys are entity x time bucket at four levels: D (day), W (ISO week), M (month)
# and Y (year; quarters and seasons too). A report is stored under the buckets of its own level
# in capitals ("Iran|D:2016-08-22") and, in lower case, under the coarser buckets containing it
# ("Iran|w:2016-W34", "Iran|m:2016-08", "Iran|y:2016"): those lists let a coarse report find
# the finer reports inside it. A report probes its own and every coarser level in capitals (same
# or coarser reports) and its own level in lower case (finer reports).
#
# So a day-level report, the common case, meets only the same day's reports of its entities
# and the coarser ones around it, never every day of its month: a corpus whose news all
# falls in a few weeks (te3-silver) stays linear.

_LEVELS = ("D", "W", "M", "Y")
_LEVEL_OF = {"day": 0, "week": 1, "month": 2}  # quarter, season, year: 3


def _level(r: Report) -> int:
    return _LEVEL_OF.get(str(r.precision), 3)


def _buckets(start: date, end: date, level: int) -> list[str]:
    if level == 3:
        return [f"{y:04d}" for y in range(start.year, end.year + 1)]
    if level == 2:
        out = []
        y, m = start.year, start.month
        while (y, m) <= (end.year, end.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    days = [date.fromordinal(d) for d in range(start.toordinal(), end.toordinal() + 1)]
    if level == 1:
        weeks = (d.isocalendar() for d in days)
        return sorted({f"{w.year:04d}-W{w.week:02d}" for w in weeks})
    return [d.isoformat() for d in days]


@functools.lru_cache(maxsize=1 << 16)
def index_keys(r: Report) -> list[str]:
    """The keys ``r`` is stored under (empty if it can never merge)."""
    if not r.mergeable:
        return []
    assert r.date_start and r.date_end
    own = _level(r)
    buckets = [f"{_LEVELS[own]}:{b}" for b in _buckets(r.date_start, r.date_end, own)]
    for level in range(own + 1, len(_LEVELS)):
        name = _LEVELS[level].lower()
        buckets += [f"{name}:{b}" for b in _buckets(r.date_start, r.date_end, level)]
    return [f"{e}|{b}" for e in sorted(r.entities) for b in buckets]


def probe_keys(r: Report) -> list[str]:
    """The keys under which ``r``'s candidates are stored."""
    if not r.mergeable:
        return []
    assert r.date_start and r.date_end
    own = _level(r)
    mine = _buckets(r.date_start, r.date_end, own)
    buckets = [f"{_LEVELS[own].lower()}:{b}" for b in mine] if own > 0 else []
    for level in range(own, len(_LEVELS)):
        buckets += [f"{_LEVELS[level]}:{b}" for b in _buckets(r.date_start, r.date_end, level)]
    return [f"{e}|{b}" for e in sorted(r.entities) for b in buckets]


# --- clustering ------------------------------------------------------------------------------


@dataclass(eq=False)
class Cluster:
    """Reports found to tell one event. ``group_id`` is the stored group it continues, if any."""

    members: list[Report]
    group_id: int | None = None
    merged_ids: list[int] = field(default_factory=list)  # stored groups folded into this one
    scores: dict[int, float] = field(default_factory=dict)  # event id -> score it joined with


def _pair_order(item: tuple[PairScore, Report, Report]) -> tuple[float, int, int, int]:
    s, a, b = item
    # best score first; on a tie the pair with the more precise dates, then the older ids
    ranks = _rank(a.precision or Precision.CENTURY) + _rank(b.precision or Precision.CENTURY)
    return (-s.score, ranks, min(a.event_id, b.event_id), max(a.event_id, b.event_id))


def cluster(
    existing: Mapping[int, Sequence[Report]],
    new: Sequence[Report],
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Cluster]:
    """Assign ``new`` reports to the ``existing`` groups (group id -> members) or new clusters.

    Existing groups are never split; two of them merge when a new report joins both. Only pairs
    with at least one new report are scored, among those sharing a candidate key. Returns one
    Cluster per resulting group that changed or was created.
    """
    clusters: list[Cluster] = [Cluster(list(m), gid) for gid, m in sorted(existing.items())]
    clusters += [Cluster([r]) for r in new]
    where = {r.event_id: i for i, c in enumerate(clusters) for r in c.members}

    wanted = {key for r in new for key in probe_keys(r)}
    stored: dict[str, list[Report]] = {}
    for c in clusters:
        for r in c.members:
            for key in index_keys(r):
                if key in wanted:
                    stored.setdefault(key, []).append(r)
    new_ids = {r.event_id for r in new}
    pairs: list[tuple[PairScore, Report, Report]] = []
    seen: set[tuple[int, int]] = set()
    for r in new:
        for key in probe_keys(r):
            for other in stored.get(key, ()):
                if other.event_id == r.event_id:
                    continue
                ids = (min(r.event_id, other.event_id), max(r.event_id, other.event_id))
                if ids in seen:
                    continue
                seen.add(ids)
                if other.event_id in new_ids and other.event_id < r.event_id:
                    a, b = other, r
                else:
                    a, b = r, other
                if compatible(a, b) is not None:
                    continue  # most candidates fail here: skip the scoring
                if _gap(a, b) >= FAR_GAP and len(a.words & b.words) < FAR_GAP_WORDS:
                    continue  # a year against the days inside it: most share no words
                s = similarity(a, b)
                if s.merges(threshold):
                    pairs.append((s, a, b))

    changed: set[int] = {i for i, c in enumerate(clusters) if c.group_id is None}
    for s, a, b in sorted(pairs, key=_pair_order):
        i, j = where[a.event_id], where[b.event_id]
        if i == j:
            continue
        ci, cj = clusters[i], clusters[j]
        if any(compatible(x, y) for x in ci.members for y in cj.members):
            continue
        if len(ci.members) + len(cj.members) > 2 and _mean_score(ci, cj) < threshold - _EPSILON:
            continue  # one close pair must not chain two different stories together
        # keep the older stored group's id; a new cluster takes over a stored one
        keep, drop = (i, j) if _keeps(ci, cj) else (j, i)
        ck, cd = clusters[keep], clusters[drop]
        ck.members.extend(cd.members)
        for event_id, score in [*cd.scores.items(), (a.event_id, s.score), (b.event_id, s.score)]:
            ck.scores[event_id] = max(ck.scores.get(event_id, 0.0), score)
        if cd.group_id is not None:
            ck.merged_ids.append(cd.group_id)
        ck.merged_ids.extend(cd.merged_ids)
        for r in cd.members:
            where[r.event_id] = keep
        cd.members = []
        changed.add(keep)
        changed.discard(drop)
    return [clusters[i] for i in sorted(changed) if clusters[i].members]


def _mean_score(a: Cluster, b: Cluster) -> float:
    """Average linkage: the mean score of every pair across the two clusters."""
    scores = [similarity(x, y).score for x in a.members for y in b.members]
    return sum(scores) / len(scores)


def _keeps(a: Cluster, b: Cluster) -> bool:
    if a.group_id is None:
        return b.group_id is None
    return b.group_id is None or a.group_id < b.group_id


def best_report(members: Sequence[Report]) -> Report:
    """The most precise report whose interval agrees with the most others (the group's date)."""

    def agreeing(r: Report) -> int:
        return sum(
            1
            for o in members
            if o.date_start and o.date_end and r.date_start and r.date_end
            if o.date_start <= r.date_start and r.date_end <= o.date_end
        )

    def key(r: Report) -> tuple[int, int, int, int]:
        rank = _rank(r.precision) if r.precision is not None else 99
        span = (r.date_end - r.date_start).days if r.date_start and r.date_end else 1 << 30
        return (rank, -agreeing(r), span, r.event_id)

    return min(members, key=key)


def pair_metrics(
    labelled: Iterable[tuple[Report, Report, bool]], threshold: float = DEFAULT_THRESHOLD
) -> tuple[float, float, int, int, int]:
    """Precision, recall, true positives, false positives, false negatives of pairwise merging."""
    tp = fp = fn = 0
    for a, b, same in labelled:
        merged = similarity(a, b).merges(threshold)
        tp += merged and same
        fp += merged and not same
        fn += (not merged) and same
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn
