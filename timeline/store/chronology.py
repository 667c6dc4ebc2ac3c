"""The half of the event query layer that needs no SQLAlchemy: filters, order, rows.

`timeline list` and `timeline export` read an up-to-date SQLite file through plain sqlite3
(fastread.py), because importing SQLAlchemy was most of their start-up; everything else reads
through SQLAlchemy (query.py). Both paths run the code here: the filter, the paging that turns
pages of ``(key1, key2, event_id)`` rows into chronological ids, and the plain SQL (the same
text on SQLite and PostgreSQL) that turns ids into EventRows, so that what the two return can
only differ in the statements that select the ids. The same rows can be built as the CSV
cells of each event instead (EVENT_CELLS), for a CSV export that needs no EventRow.

Chronological order is date_start, date_end, then the position in the document (DESIGN.md);
events whose date is still unresolved come last.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

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

T = TypeVar("T")


@dataclass(frozen=True)
class RowShape(Generic[T]):
    """What each event is built into: the columns its rows statement selects from events,
    timexes and documents, and ``build(row, actors, places)`` of one result row with the
    event's actor and place names in order of mention. The first three columns must be
    events.id, events.document_id and events.position (a run of equal dates is put in
    document order from them)."""

    columns: str
    build: Callable[[Sequence[Any], list[str], list[str]], T]


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


def chronological_rows(
    flt: EventFilter,
    dated: Page,
    undated: Page,
    dated_exact: bool,
    fetch: Fetch,
    shape: RowShape[T],
) -> Iterator[T]:
    """The events matching ``flt`` in chronological order, offset and limit applied, each
    built as ``shape`` says (EVENT_ROWS: an EventRow).

    ``dated`` and ``undated`` page the two id statements of a filter, which yield
    ``(key1, key2, event_id)`` rows in key order: ``(date_start, date_end, id)`` for dated
    events, ``(document_id, position, id)`` for undated ones, which come last in both
    directions. ``dated`` is in full chronological order when ``dated_exact``; otherwise the
    keys come straight from the event_actors index without a sort, and each run of events
    with equal dates is put in document order here, from the rows themselves (ids follow
    document order only until a document is reprocessed). What --offset and --limit cut
    off is not read, and runs wholly before the offset are not even ordered.
    """
    need = None if flt.limit is None else flt.offset + flt.limit
    size = CHUNK if need is None else max(1, min(CHUNK, need))
    runs = itertools.chain(
        _in_blocks(paged(dated, need), size) if dated_exact else _runs(paged(dated, need), size),
        _in_blocks(paged(undated, need), size),
    )
    skip, left = flt.offset, flt.limit
    if left == 0:
        return
    actor_names: dict[int, str] = {}
    batch: list[Run] = []
    pending = 0
    for ids, unordered in runs:
        if skip >= len(ids):  # wholly before --offset: unread, its order does not matter
            skip -= len(ids)
            continue
        room = None if left is None else left - pending
        if unordered and (skip or (room is not None and len(ids) > room)):
            # Cut by --offset or --limit (a `list --limit 50` whose first date has thousands
            # of events): ordered first from its events' positions alone, then cut.
            ids, unordered = _in_document_order(fetch, ids, flt.reverse), False
        ids, skip = ids[skip:][:room], 0
        batch.append((ids, unordered))
        pending += len(ids)
        if pending < (CHUNK if left is None else min(CHUNK, left)):
            continue
        rows = _ordered(fetch, shape, batch, actor_names, flt.reverse)
        yield from rows
        if left is not None:
            left -= len(rows)
            if left <= 0:
                return
        batch, pending = [], 0
    if batch:
        yield from _ordered(fetch, shape, batch, actor_names, flt.reverse)


def _in_document_order(fetch: Fetch, ids: list[int], reverse: bool) -> list[int]:
    where: dict[int, tuple[int, int]] = {}
    for start in range(0, len(ids), CHUNK):
        sql = (
            "SELECT events.id, events.document_id, events.position FROM events WHERE events.id IN "
        )
        where.update((i, (d, p)) for i, d, p in fetch(sql + in_list(ids[start : start + CHUNK])))
    return sorted(ids, key=lambda i: where.get(i, (0, 0)), reverse=reverse)


# Ids in a row of the statements, and whether they still need putting in document order.
Run = tuple[list[int], bool]


def _in_blocks(rows: Iterable[Sequence[Any]], size: int) -> Iterator[Run]:
    ids = (r[2] for r in rows)
    while block := list(itertools.islice(ids, size)):
        yield block, False


def _runs(rows: Iterable[Sequence[Any]], size: int) -> Iterator[Run]:
    # Ids with equal (date_start, date_end), each once (an event linked to two of the actors
    # comes twice, next to itself in key order); lone ones gathered in blocks.
    lone: list[int] = []
    for _key, group in itertools.groupby(rows, key=lambda r: (r[0], r[1])):
        ids = list(dict.fromkeys(r[2] for r in group))
        if len(ids) == 1:
            lone.append(ids[0])
            if len(lone) < size:
                continue
        if lone:
            yield lone, False
            lone = []
        if len(ids) > 1:
            yield ids, True
    if lone:
        yield lone, False


def _ordered(
    fetch: Fetch,
    shape: RowShape[T],
    batch: list[Run],
    actor_names: dict[int, str],
    reverse: bool,
) -> list[T]:
    """The rows of ``batch``, each unordered run put in document order (ids that are not
    events, deleted meanwhile, are left out)."""
    ids = [i for run, _ in batch for i in run]
    found: dict[int, T] = {}
    where: dict[int, tuple[int, int]] = {}
    # positions only when a run needs them (never without --actor or --place: full order)
    ties = any(unordered for _, unordered in batch)
    for start in range(0, len(ids), CHUNK):  # one run may be long (events "in 2005")
        rows = _rows_by_id(fetch, shape, ids[start : start + CHUNK], actor_names, found)
        if ties:
            where.update((r[0], (r[1], r[2])) for r in rows)
    out: list[T] = []
    for run, unordered in batch:
        present = [i for i in run if i in found]
        if unordered:
            present.sort(key=where.__getitem__, reverse=reverse)
        out.extend([found[i] for i in present])
    return out


_ROWS_FROM = """FROM events JOIN timexes ON timexes.id = events.timex_id
JOIN documents ON documents.id = events.document_id WHERE events.id IN """

# Actor ids, not names: ix_event_actors_event_id covers this statement, and the name of each
# actor an export meets is looked up once (see actor_names), not joined once per link.
_LINKS_SQL = """SELECT event_actors.event_id, event_actors.role, event_actors.actor_id
FROM event_actors WHERE event_actors.event_id IN {ids}
ORDER BY event_actors.event_id, event_actors.start"""


def _rows_by_id(
    fetch: Fetch,
    shape: RowShape[T],
    ids: Sequence[int],
    actor_names: dict[int, str],
    found: dict[int, T],
) -> Sequence[Sequence[Any]]:
    """Build each event of ``ids`` into ``found`` (by id); return the result rows.

    Plain tuples unpacked by position, from the driver's cursor: building a SQLAlchemy Row
    per result row was 60% of a 100,000-event export. ``actor_names`` (id -> name) is filled
    as names are looked up, for the next call to reuse.
    """
    listed = in_list(ids)
    rows = fetch(f"SELECT {shape.columns}\n{_ROWS_FROM}{listed}")
    names = _names(fetch, listed, actor_names)
    build = shape.build
    no_names: tuple[list[str], list[str]] = ([], [])
    for r in rows:
        actors, places = names.get(r[0], no_names)
        found[r[0]] = build(r, actors, places)
    return rows


def _names(
    fetch: Fetch, listed: str, actor_names: dict[int, str]
) -> dict[int, tuple[list[str], list[str]]]:
    """The actor and place names of the events ``listed``, each once, in order of mention."""
    links = fetch(_LINKS_SQL.format(ids=listed))
    missing = {r[2] for r in links} - actor_names.keys()
    if missing:
        sql = f"SELECT actors.id, actors.name FROM actors WHERE actors.id IN {in_list(missing)}"
        actor_names.update((actor_id, name) for actor_id, name in fetch(sql))
    lists: dict[int, tuple[list[str], list[str]]] = {}
    last = None
    actors: list[str] = []
    places: list[str] = []
    for event_id, role, actor_id in links:  # in event_id order
        if event_id != last:
            actors, places = lists[event_id] = ([], [])
            last = event_id
        target = actors if role == "actor" else places
        name = actor_names[actor_id]
        if name not in target:
            target.append(name)
    return lists


def _event_row(r: Sequence[Any], actors: list[str], places: list[str]) -> EventRow:
    (event_id, doc_id, _position, ds, de, precision, approximate, text_, start, date_text,
     value, tstart, tend, source, published, title) = r  # fmt: skip
    mstart = max(0, tstart - start)
    return EventRow(
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


EVENT_ROWS = RowShape(
    """events.id, events.document_id, events.position, events.date_start, events.date_end,
events.precision, events.approximate, events.text, events.start, timexes.text, timexes.value,
timexes.start, timexes."end", documents.source, documents.published, documents.title""",
    _event_row,
)

# timeline.export.records.bool_text of a flag, indexed by it (0/1 on SQLite, bool elsewhere).
_FLAG_TEXT = ("false", "true")


def _event_cells(r: Sequence[Any], actors: list[str], places: list[str]) -> list[str]:
    return [
        str(r[0]), r[3], r[4], r[5], r[6], r[7], "; ".join(actors), "; ".join(places),
        r[8], r[9], r[10], _FLAG_TEXT[r[11]],
    ]  # fmt: skip


# Each event as the cells of timeline.export.records.EVENT_COLUMNS, exactly what
# ``records.event_cells(row)`` makes of its EventRow (not neutralised): a 100,000-event CSV
# export spent about a tenth of its time building frozen EventRows only to take them apart
# again. Missing values are made empty strings by SQL. tests/test_fastread.py compares both.
EVENT_CELLS = RowShape(
    """events.id, events.document_id, events.position, coalesce(events.date_start, ''),
coalesce(events.date_end, ''), coalesce(events.precision, ''), timexes.text, timexes.value,
events.text, documents.source, coalesce(documents.published, ''), events.approximate""",
    _event_cells,
)


def event_rows(fetch: Fetch, ids: Sequence[int]) -> list[EventRow]:
    """EventRows for ``ids``, in the order given (ids that are not events are left out)."""
    found: dict[int, EventRow] = {}
    _rows_by_id(fetch, EVENT_ROWS, ids, {}, found)
    return [found[i] for i in ids if i in found]
