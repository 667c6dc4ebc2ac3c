"""The ingest pipeline: readers -> extraction (worker processes) -> one writer, in batches.

Extraction (tagging, segmentation, actor resolution) is CPU-bound and runs in ``jobs`` worker
processes; only the parent process writes, so SQLite sees one writer per ingest. Documents are
written in batches of up to ``BATCH`` per transaction with a savepoint per document: a killed
process loses at most the open batch, and every stored document is complete.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from timeline.ingest.types import ReadError, SourceDocument

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from timeline.actors.dictionary import Dictionary
    from timeline.events.types import Extraction
    from timeline.store.database import Store

# Documents per write transaction: large enough to amortise commits (fsync), small enough
# that an interrupted run redoes little and other processes get the lock often.
BATCH = 64


@dataclass
class IngestSummary:
    ingested: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    events: int = 0
    actors: set[int] = field(default_factory=set)
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.ingested / self.seconds if self.seconds > 0 else 0.0
        return (
            f"ingested {self.ingested}, unchanged {self.unchanged}, failed {self.failed}"
            + (f", replaced {self.replaced}" if self.replaced else "")
            + f"; {self.events} events, {len(self.actors)} actors; "
            f"{self.seconds:.1f} s ({rate:.1f} documents/s)"
        )


@dataclass(frozen=True)
class Extracted:
    doc: SourceDocument
    content_hash: str
    extraction: Extraction | None
    error: str | None = None


# The dictionary the worker processes use. The parent sets it before forking, so workers
# inherit the built alias index and compiled rules instead of rebuilding them (seconds each);
# it is process state of the pipeline, never read by the library itself.
_WORKER_DICTIONARY: Dictionary | None = None

# Attempts to store a document that lost a deadlock against another writer.
RETRIES = 5

# SQLSTATEs of transient conflicts between concurrent writers (deadlock, serialization).
_TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})


def _is_transient(error: Exception) -> bool:
    return getattr(getattr(error, "orig", None), "sqlstate", None) in _TRANSIENT_SQLSTATES


# Below this many documents a pool costs more than it saves.
MIN_DOCS_FOR_POOL = 8


def build_dictionary(user_entries: Sequence[Any]) -> Dictionary:
    from timeline.actors.cache import cached_dictionary

    base = cached_dictionary()
    return base.with_entries(user_entries) if user_entries else base


def extract(doc: SourceDocument, dictionary: Dictionary) -> Extracted:
    """Extract one document; an unexpected failure becomes that document's error."""
    from timeline.events.extract import extract_document
    from timeline.ingest.readers import content_hash

    digest = content_hash(doc)
    try:
        extraction = extract_document(doc.text, doc.published, dictionary)
    except Exception as e:  # a bug on one document must not stop a batch of thousands
        return Extracted(doc, digest, None, f"extraction failed: {type(e).__name__}: {e}")
    return Extracted(doc, digest, extraction)


def _extract_in_worker(doc: SourceDocument) -> Extracted:
    assert _WORKER_DICTIONARY is not None
    return extract(doc, _WORKER_DICTIONARY)


def user_entries(session: Session) -> list[Any]:
    from timeline.store.dictionary_sync import stored_user_entries

    return stored_user_entries(session)


def extraction_entries(session: Session) -> list[Any]:
    """User entries, and people earlier articles named (so that a later "Javad Zarif" is the
    stored "Mohammad Javad Zarif"); a user's or the dictionary's entry of the same name wins."""
    from timeline.actors.cache import cached_dictionary
    from timeline.store.dictionary_sync import stored_people

    users = user_entries(session)
    base = cached_dictionary()
    taken = {e.name for e in users}
    people = (e for e in stored_people(session) if e.name not in taken and base.get(e.name) is None)
    return [*users, *people]


def _extracted_stream(
    items: Iterable[SourceDocument | ReadError], jobs: int, entries: Sequence[Any]
) -> Iterator[Extracted | ReadError]:
    global _WORKER_DICTIONARY
    dictionary = build_dictionary(entries)
    iterator = iter(items)
    head = list(itertools.islice(iterator, MIN_DOCS_FOR_POOL))
    if jobs <= 1 or len(head) < MIN_DOCS_FOR_POOL or not _can_fork():
        for item in itertools.chain(head, iterator):
            yield item if isinstance(item, ReadError) else extract(item, dictionary)
        return
    import multiprocessing as mp

    from timeline.temporal import tag

    tag("", None)  # compile the tagger's rules once, before forking
    _WORKER_DICTIONARY = dictionary
    # Errors from readers pass through in order; documents go to the pool. imap keeps input
    # order, so output is deterministic whatever the number of jobs.
    errors: list[ReadError] = []

    def docs() -> Iterator[SourceDocument]:
        for item in itertools.chain(head, iterator):
            if isinstance(item, ReadError):
                errors.append(item)
            else:
                yield item

    try:
        with mp.get_context("fork").Pool(jobs) as pool:
            for result in pool.imap(_extract_in_worker, docs(), chunksize=4):
                while errors:
                    yield errors.pop(0)
                yield result
    finally:
        _WORKER_DICTIONARY = None
    yield from errors


def _can_fork() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()


def _group_cache() -> Any:
    from timeline.store.groups import ReportCache

    return ReportCache()


def ingest(
    store: Store,
    paths: Sequence[str],
    *,
    published: date | None = None,
    glob: str | None = None,
    encoding: str | None = None,
    force: bool = False,
    jobs: int = 1,
    on_progress: Callable[[IngestSummary, str], None] | None = None,
    group_events: bool = True,
    merge_threshold: float | None = None,
) -> IngestSummary:
    """Read, extract and store every document under ``paths``; errors are collected, not raised.

    ``group_events`` groups the new events with reports of the same event after each batch
    (issue 10), at ``merge_threshold`` or the one stored with the database.
    """
    from timeline.ingest.readers import content_hash, iter_documents
    from timeline.store.dictionary_sync import ensure_dictionary, known_hashes
    from timeline.store.writer import ActorIds, StoreStatus, store_document

    started = time.perf_counter()
    summary = IngestSummary()
    with store.session() as session:
        ensure_dictionary(session)
        entries = extraction_entries(session)
        known = set() if force else known_hashes(session)
    cache = ActorIds()

    def unseen() -> Iterator[SourceDocument | ReadError]:
        # Skip known texts before extraction: re-ingesting a corpus costs a hash per file.
        for item in iter_documents(paths, glob=glob, encoding=encoding, published=published):
            if isinstance(item, SourceDocument) and content_hash(item) in known:
                summary.unchanged += 1
                continue
            yield item

    items = unseen()
    pending: list[Extracted] = []
    group_cache = _group_cache() if group_events else None

    def store_one(
        session: Session, ex: Extracted, written: list[int], retry: list[Extracted] | None
    ) -> bool:
        """Store one document in a savepoint; True when it replaced an older version."""
        assert ex.extraction is not None
        try:
            with session.begin_nested():
                result = store_document(
                    session,
                    ex.doc,
                    ex.extraction,
                    content_hash=ex.content_hash,
                    cache=cache,
                    force=force,
                )
        except Exception as e:  # one bad document must not lose the batch
            cache.forget()
            if retry is not None and _is_transient(e):
                retry.append(ex)  # a deadlock with another writer: try again on its own
                return False
            summary.failed += 1
            summary.errors.append(f"{ex.doc.source}: could not store: {e}")
            return False
        if result.status is StoreStatus.UNCHANGED:
            summary.unchanged += 1
            return False
        summary.ingested += 1
        summary.replaced += result.status is StoreStatus.REPLACED
        written.append(result.document_id)
        summary.events += result.events
        summary.words += len(ex.doc.text.split())
        summary.actors.update(result.actor_ids)
        return result.status is StoreStatus.REPLACED

    def group(session: Session, written: list[int], replaced: bool) -> None:
        if group_events and written:
            from timeline.store.groups import group_documents, prune_groups

            if replaced:
                prune_groups(session)
            group_documents(session, written, merge_threshold, group_cache)

    def flush() -> None:
        if not pending:
            return
        written: list[int] = []
        retry: list[Extracted] = []
        replaced = False
        with store.session() as session:
            for ex in pending:
                replaced |= store_one(session, ex, written, retry)
            group(session, written, replaced)
        pending.clear()
        # PostgreSQL breaks a deadlock between two ingests by failing one statement; retrying
        # inside the same batch deadlocks again, so each such document gets its own
        # transaction after the batch has committed and released its locks.
        for ex in retry:
            for attempt in range(RETRIES):
                written = []
                again: list[Extracted] = []
                with store.session() as session:
                    replaced = store_one(
                        session, ex, written, again if attempt < RETRIES - 1 else None
                    )
                    group(session, written, replaced)
                if not again:
                    break
                time.sleep(0.05 * (attempt + 1))

    for item in _extracted_stream(items, jobs, entries):
        if isinstance(item, ReadError):
            summary.failed += 1
            summary.errors.append(str(item))
            label = item.source
        elif item.extraction is None:
            summary.failed += 1
            summary.errors.append(f"{item.doc.source}: {item.error}")
            label = item.doc.source
        else:
            pending.append(item)
            label = item.doc.source
            if len(pending) >= BATCH:
                flush()
        if on_progress is not None:
            summary.seconds = time.perf_counter() - started
            on_progress(summary, label)
    flush()
    summary.seconds = time.perf_counter() - started
    return summary
