"""The half of the event query layer that needs no SQLAlchemy: filters, order, rows.

`timeline list` and `timeline export` read an up-to-date SQLite file through plain sqlite3
(fastread.py), because importing SQLAlchemy was most of their start-up; everything else reads
through SQLAlchemy (query.py). Both paths run the code here: the filter, the paging that turns
pages of ``(key1, key2, event_id)`` rows into chronological ids, and the plain SQL (the same
text on SQLite and PostgreSQL) that turns ids into EventRows, so that what the two return can
only differ in the statements that select the ids.

Chronological order is date_start, date_end, then the position in the document (DESIGN.md);
events whose date is still unresolved come last.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from timeline.store.names import alias_key
from timeline.store.rows import EventRow
from timeline.temporal.types import Precision

# Rows are fetched and decorated with their actors in chunks of this size: small enough to
# keep memory flat on a streamed export, large enough to amortise the actor look-up.
CHUNK = 1000

# Affiliations that make an actor count for its parent in `--actor PARENT`. Places use
# located_in/capital_of; everything that says "belongs to or acts for" counts for actors.
PLACE_RELATIONS = ("located_in", "capital_of", "part_of")

# Runs a statement that has no bound parameters and returns all its rows (a driver cursor).
Fetch = Callable[[str], Sequence[Sequence[Any]]]
# Rows of an id statement with LIMIT and OFFSET (limit None: every row, streamed).
Page = Callable[[int | None, int], Iterable[Sequence[Any]]]


@dataclass(frozen=True)
class EventFilter:
    """What `timeline list` and `timeline export` select. Empty fields do not filter."""

    actors: tuple[str, ...] = ()
    all_actors: bool = False
    exact: bool = False
    places: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None
    document: str | None = None
    min_precision: Precision | None = None
    limit: int | None = None
    offset: int = 0
    reverse: bool = False


def allowed_precisions(coarsest: Precision) -> list[str]:
    """The precisions ``--min-precision coarsest`` keeps."""
    return [str(p) for p in Precision if p.rank <= coarsest.rank]


def document_keys(document: str) -> tuple[str, str, str, str, int]:
    """What ``--document DOC`` is compared with: source, a LIKE pattern for a source ending in
    ``/DOC`` (escape character backslash), title, external id, document id (-1: none)."""
    suffix = "%/" + document.replace("%", r"\%").replace("_", r"\_")
    return document, suffix, document, document, int(document) if document.isdigit() else -1


def fts5_query(words: str) -> str:
    """User words as an FTS5 query: each word a quoted phrase, all required.

    Quoting keeps FTS5 syntax (AND, NEAR, column filters, stray quotes) in user text from
    raising syntax errors or changing the query's meaning.
    """
    return " ".join('"' + w.replace('"', '""') + '"' for w in words.split())


def close_names(name: str, names: Iterable[str], n: int = 5) -> list[str]:
    """The known actor names closest to an unknown ``name``: similar ones, then prefixes."""
    key = alias_key(name)
    by_key = {alias_key(x): x for x in names}
    close = difflib.get_close_matches(key, list(by_key), n=n, cutoff=0.6)
    prefix = [by_key[k] for k in sorted(by_key) if k.startswith(key) and by_key[k] not in close]
    return [by_key[k] for k in close] + prefix[: max(0, n - len(close))]


def in_list(ids: Iterable[int]) -> str:
    """``(1, 2, ...)`` with the ids written as integer literals (``int()`` keeps it so).

    Bound, a page of 1,000 ids cost more to prepare than the query took to run.
    """
    return "(" + (", ".join(str(int(i)) for i in ids) or "NULL") + ")"


def paged(page: Page, need: int | None) -> Iterator[Sequence[Any]]:
    """Rows of a statement; with ``need``, in LIMIT pages growing 4x from about ``2 * need``.

    With a LIMIT, SQLite keeps only that many rows in its sorter and stops reading each
    actor's index range once it is past them; without one, a frequent actor's events would
    all be sorted first. The caller stops pulling once it has enough; a further page is
    needed when duplicates or a long run of equal dates (events "in 2005") cross the limit.
    """
    if need is None:
        yield from page(None, 0)
        return
    size, offset = 2 * need + 64, 0
    while True:
        returned = 0
        for row in page(size, offset):
            returned += 1
            yield row
        if returned < size:
            return
        offset += size
        size *= 4


def chronological_ids(
    flt: EventFilter, dated: Page, undated: Page, dated_exact: bool, fetch: Fetch
) -> Iterator[int]:
    """Ids of the events matching ``flt`` in chronological order, offset and limit applied.

    ``dated`` and ``undated`` page the two id statements of a filter, which yield
    ``(key1, key2, event_id)`` rows in key order: ``(date_start, date_end, id)`` for dated
    events, ``(document_id, position, id)`` for undated ones, which come last in both
    directions. ``dated`` is in full chronological order when ``dated_exact``; otherwise each
    run of equal dates is re-sorted by document position here (ids follow document order only
    until a document is reprocessed), so that the keys can come straight from the
    event_actors index without a sort.
    """
    need = None if flt.limit is None else flt.offset + flt.limit
    dated_rows = paged(dated, need)
    ids = itertools.chain(
        (r[2] for r in dated_rows)
        if dated_exact
        else _in_document_order(fetch, dated_rows, flt.reverse, need),
        (r[2] for r in paged(undated, need)),
    )
    yield from itertools.islice(_unique(ids), flt.offset, need)


def _unique(ids: Iterator[int]) -> Iterator[int]:
    # Duplicates are adjacent (same key), except that an event cannot be both dated and not.
    last = None
    for i in ids:
        if i != last:
            yield i
        last = i


def _in_document_order(
    fetch: Fetch, rows: Iterator[Sequence[Any]], reverse: bool, need: int | None
) -> Iterator[int]:
    batch: list[list[int]] = []
    pending = 0
    flush_at = CHUNK if need is None else max(1, min(CHUNK, need))
    for _key, group in itertools.groupby(rows, key=lambda r: (r[0], r[1])):
        ids = list(dict.fromkeys(r[2] for r in group))
        batch.append(ids)
        pending += len(ids)
        if pending >= flush_at:
            yield from _sort_ties(fetch, batch, reverse)
            batch, pending = [], 0
    yield from _sort_ties(fetch, batch, reverse)


def _sort_ties(fetch: Fetch, batch: list[list[int]], reverse: bool) -> Iterator[int]:
    tied = [i for ids in batch if len(ids) > 1 for i in ids]
    where: dict[int, tuple[int, int]] = {}
    for start in range(0, len(tied), CHUNK):
        chunk = tied[start : start + CHUNK]
        sql = "SELECT events.id, events.document_id, events.position FROM events"
        where.update((i, (d, p)) for i, d, p in fetch(f"{sql} WHERE events.id IN {in_list(chunk)}"))
    for ids in batch:
        if len(ids) > 1:
            ids.sort(key=lambda i: where.get(i, (0, 0)), reverse=reverse)
        yield from ids


def iter_event_rows(fetch: Fetch, ids: Iterator[int]) -> Iterator[EventRow]:
    """EventRows for a stream of ids, in that order, fetched in chunks."""
    while chunk := list(itertools.islice(ids, CHUNK)):
        yield from event_rows(fetch, chunk)


_ROWS_SQL = """SELECT events.id, events.date_start, events.date_end, events.precision,
events.approximate, events.text, events.start, timexes.text, timexes.value, timexes.start,
timexes."end", documents.id, documents.source, documents.published, documents.title
FROM events JOIN timexes ON timexes.id = events.timex_id
JOIN documents ON documents.id = events.document_id WHERE events.id IN """

_NAMES_SQL = """SELECT event_actors.event_id, event_actors.role, actors.name
FROM event_actors JOIN actors ON actors.id = event_actors.actor_id
WHERE event_actors.event_id IN {ids} ORDER BY event_actors.event_id, event_actors.start"""


def event_rows(fetch: Fetch, ids: Sequence[int]) -> list[EventRow]:
    """EventRows for ``ids``, in the order given (ids that are not events are left out).

    Plain tuples unpacked by position, from the driver's cursor: building a SQLAlchemy Row
    per result row was 60% of a 100,000-event export.
    """
    listed = in_list(ids)
    found = {r[0]: r for r in fetch(_ROWS_SQL + listed)}
    names: dict[int, tuple[list[str], list[str]]] = {}
    for event_id, role, name in fetch(_NAMES_SQL.format(ids=listed)):
        actors, places = names.setdefault(event_id, ([], []))
        target = actors if role == "actor" else places
        if name not in target:
            target.append(name)
    no_names: tuple[list[str], list[str]] = ([], [])
    rows = []
    for event_id in ids:
        r = found.get(event_id)
        if r is None:
            continue
        (_, ds, de, precision, approximate, text_, start, date_text, value, tstart, tend,
         doc_id, source, published, title) = r  # fmt: skip
        actors, places = names.get(event_id, no_names)
        mstart = max(0, tstart - start)
        rows.append(
            EventRow(
                event_id=event_id,
                date_start=ds or "",
                date_end=de or "",
                precision=precision or "",
                approximate=bool(approximate),
                date_text=date_text,
                timex_value=value,
                actors=tuple(actors),
                places=tuple(places),
                text=text_,
                document=source,
                published=published,
                document_id=doc_id,
                document_title=title,
                mention_start=mstart,
                mention_end=min(len(text_), mstart + (tend - tstart)),
            )
        )
    return rows
