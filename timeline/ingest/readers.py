"""Readers: the paths given to ``timeline ingest`` become documents, or errors to report.

:func:`iter_documents` is the one entry point: it expands the paths (:mod:`.discover`), opens
each file once, and yields a :class:`SourceDocument` per document or a :class:`ReadError` per bad
input, never raising for bad input, so that one broken file does not stop a batch of thousands.

Formats, by extension (and by content for standard input or files of other extensions):

- ``.txt``, ``.md``, ``.markdown``: the text, after an optional front-matter block
  (:mod:`.frontmatter`). Very large texts come in parts (:mod:`.textstream`): sources
  ``path#part1``, ``path#part2``, ..., each with the file's metadata.
- ``.html``, ``.htm``: article text and metadata (:mod:`.htmlpage`).
- ``.jsonl``: one document per line (:mod:`.jsonlines`); source ``path#L<n>``. A bad line is
  an error for that line only.
- ``.tml``, ``.xml``: TimeML, with the DCT as publication date (:mod:`.timeml`).

The publication date comes from, in order: the ``published`` argument (the command line), the
document's metadata, a date in the file name, else none (:func:`.dates.resolve_published`). A date in the metadata that is not a
date, or an impossible one, makes the document an error rather than silently undated.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from timeline.ingest.dates import InvalidDate, resolve_published
from timeline.ingest.discover import STDIN, discover
from timeline.ingest.frontmatter import MAX_FRONT_MATTER_CHARS, split_front_matter
from timeline.ingest.htmlpage import parse_html
from timeline.ingest.jsonlines import jsonl_document
from timeline.ingest.textstream import (
    BINARY_PROBE_BYTES,
    PART_CHARS,
    Undecodable,
    blocks,
    byte_lines,
    choose_encoding,
    decode,
    is_binary,
    is_wide,
    read_probe,
    split_parts,
    text_lines,
)
from timeline.ingest.timeml import NotTimeML, parse_timeml
from timeline.ingest.types import ReadError, SourceDocument

__all__ = [
    "FORMAT_BY_SUFFIX",
    "MAX_MARKUP_BYTES",
    "PART_CHARS",
    "STDIN_SOURCE",
    "content_hash",
    "discover",
    "iter_documents",
    "read_path",
]

# The format of a file, by its extension (lower-cased). Other files are recognised by content.
FORMAT_BY_SUFFIX: Mapping[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".tml": "timeml",
    ".xml": "timeml",
}

# HTML and TimeML are parsed whole, so their size is capped to keep memory bounded; a real
# article page is well under 5 MB, and a bigger file is almost certainly not one article.
MAX_MARKUP_BYTES = 64 * 1024 * 1024

# How standard input is named in documents and errors.
STDIN_SOURCE = "<stdin>"

# A charset declared by an HTML page, used only when its bytes are not UTF-8 and the user gave
# no --encoding (old news sites still serve windows-1252).
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# A level-one ATX heading ("# Iran tests a missile #") opening a Markdown body, after blank lines.
_MARKDOWN_TITLE = re.compile(r"\s*#[ \t]+(?P<title>[^\r\n]*?[^\s#][^\r\n]*?)[ \t#]*(?:\r?\n|\r|$)")


@dataclass(frozen=True, slots=True)
class _Options:
    encoding: str | None
    published: date | None
    part_chars: int


@dataclass(frozen=True, slots=True)
class _Input:
    """One opened input: how it is named, its file name (for dates) and format, its bytes."""

    source: str
    name: str
    suffix: str
    stream: BinaryIO


def iter_documents(
    paths: Sequence[str],
    *,
    glob: str | None = None,
    encoding: str | None = None,
    published: date | None = None,
    part_chars: int = PART_CHARS,
) -> Iterator[SourceDocument | ReadError]:
    """Read every document under ``paths`` (files, folders, ``-`` for standard input).

    ``glob`` (comma-separated patterns) replaces the default extensions when walking folders;
    ``encoding`` replaces strict UTF-8; ``published`` overrides every document's own date;
    ``part_chars`` is the size at which a very large plain text is split into parts.
    """
    if encoding is not None and (error := _check_encoding("--encoding", encoding)) is not None:
        yield error
        return
    options = _Options(encoding, published, part_chars)
    for item in discover(paths, glob):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from _read(item, options)


def read_path(
    path: Path,
    *,
    encoding: str | None = None,
    published: date | None = None,
    part_chars: int = PART_CHARS,
) -> Iterator[SourceDocument | ReadError]:
    """Read one file that :func:`discover` listed (``Path("-")`` is standard input)."""
    if encoding is not None and (error := _check_encoding(str(path), encoding)) is not None:
        yield error
        return
    yield from _read(path, _Options(encoding, published, part_chars))


def content_hash(doc: SourceDocument) -> str:
    """SHA-256 (hex) of the document text with line endings normalised to ``\\n``.

    Only the text counts, not the date, title, URL or source: the same article saved twice, or
    re-ingested with a ``--published`` date it lacked, is the same content and the store can
    update its metadata instead of storing its events twice.
    """
    text = doc.text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _check_encoding(source: str, encoding: str) -> ReadError | None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return ReadError(source, f"unknown encoding {encoding!r}")
    return None


def _read(path: Path, options: _Options) -> Iterator[SourceDocument | ReadError]:
    stdin = str(path) == STDIN
    source = STDIN_SOURCE if stdin else str(path)
    name, suffix = ("", "") if stdin else (path.name, path.suffix.lower())
    try:
        opener: AbstractContextManager[BinaryIO] = (
            nullcontext(sys.stdin.buffer) if stdin else open(path, "rb")  # noqa: SIM115
        )
        with opener as stream:
            yield from _read_stream(_Input(source, name, suffix, stream), options)
    except FileNotFoundError:
        yield ReadError(source, "vanished (no longer there after it was listed)")
    except PermissionError:
        yield ReadError(source, "permission denied")
    except IsADirectoryError:
        yield ReadError(source, "is a directory")
    except OSError as error:
        yield ReadError(source, (error.strerror or str(error)).lower())


def _read_stream(item: _Input, options: _Options) -> Iterator[SourceDocument | ReadError]:
    start = item.stream.tell() if item.stream.seekable() else None
    probe = read_probe(item.stream)
    if len(probe) < BINARY_PROBE_BYTES and not probe.strip():
        # Only white space up to the end of the file (a probe shorter than asked is all of it).
        yield ReadError(item.source, "empty file")
        return
    encoding = choose_encoding(probe, options.encoding)
    if is_binary(probe, encoding):
        yield ReadError(item.source, "binary file")
        return
    kind = FORMAT_BY_SUFFIX.get(item.suffix) or _sniff_format(probe, encoding)
    if kind == "jsonl":
        yield from _read_jsonl(item, probe, encoding, options)
    elif kind in ("html", "timeml"):
        yield from _read_markup(item, probe, encoding, kind, options)
    else:
        yield from _read_text(item, probe, start, encoding, kind, options)


def _sniff_format(probe: bytes, encoding: str) -> str:
    """The format of standard input or of a file with an unknown extension, from its start."""
    head = probe.decode(encoding, errors="replace").lstrip().lower()
    if head.startswith("{"):
        return "jsonl"
    if "<timeml" in head:
        return "timeml"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head or "<head" in head:
        return "html"
    return "text"


def _undecodable(source: str, error: Undecodable, options: _Options) -> ReadError:
    if options.encoding is None:
        message = f"not UTF-8 text (bad byte at offset {error.offset}); use --encoding"
    else:
        message = f"not {options.encoding} text (bad byte at offset {error.offset})"
    return ReadError(source, message)


def _read_text(
    item: _Input,
    probe: bytes,
    start: int | None,
    encoding: str,
    kind: str,
    options: _Options,
) -> Iterator[SourceDocument | ReadError]:
    stream = item.stream
    if start is not None and _size_from(stream, start) > options.part_chars:
        # A file that will be split is decoded once before any part is yielded, so a bad byte
        # near its end does not leave half a file ingested. (Standard input from a pipe cannot
        # be read twice: there, the parts before a bad byte stand, and an error follows.)
        try:
            for _ in decode(blocks(probe, stream), encoding):
                pass
        except Undecodable as error:
            yield _undecodable(item.source, error, options)
            return
        stream.seek(start)
        probe = read_probe(stream)
    chunks = decode(blocks(probe, stream), encoding)
    try:
        head = _take(chunks, MAX_FRONT_MATTER_CHARS + 8)
        front = split_front_matter(head)
        fields = front.fields
        try:
            published, date_source = resolve_published(
                options.published,
                [fields["published"]] if "published" in fields else [],
                item.name,
            )
        except InvalidDate as error:
            yield ReadError(item.source, str(error))
            return
        body = chain([head[front.end :]], chunks)
        parts = (
            part for part in split_parts(body, options.part_chars) if part and not part.isspace()
        )

        title = fields.get("title") or (
            _markdown_title(head[front.end :]) if kind == "markdown" else None
        )

        def document(text: str, source: str) -> SourceDocument:
            return SourceDocument(
                text=text,
                source=source,
                title=title,
                url=fields.get("url") or None,
                external_id=fields.get("id") or None,
                published=published,
                published_source=date_source,
                format=kind,
                publisher=fields.get("source") or None,
            )

        first = next(parts, None)
        if first is None:
            message = "no text after the front matter" if front.end else "empty file"
            yield ReadError(item.source, message)
            return
        second = next(parts, None)
        if second is None:
            yield document(first, item.source)
            return
        for number, part in enumerate(chain([first, second], parts), start=1):
            yield document(part, f"{item.source}#part{number}")
    except Undecodable as error:
        yield _undecodable(item.source, error, options)


def _size_from(stream: BinaryIO, start: int) -> int:
    """Bytes in a seekable stream from ``start`` to its end, leaving the position as it was."""
    position = stream.tell()
    end = stream.seek(0, os.SEEK_END)
    stream.seek(position)
    return end - start


def _markdown_title(body: str) -> str | None:
    """The text of a ``# Heading`` on the first non-blank line, the usual title of a note."""
    match = _MARKDOWN_TITLE.match(body)
    return match["title"] if match is not None else None


def _take(chunks: Iterator[str], size: int) -> str:
    """At least ``size`` characters from the start of ``chunks`` (fewer only at the end)."""
    taken: list[str] = []
    length = 0
    while length < size and (chunk := next(chunks, None)) is not None:
        taken.append(chunk)
        length += len(chunk)
    return "".join(taken)


def _read_jsonl(
    item: _Input,
    probe: bytes,
    encoding: str,
    options: _Options,
) -> Iterator[SourceDocument | ReadError]:
    raw = blocks(probe, item.stream)
    seen_line = False
    number = 0
    try:
        if is_wide(encoding):
            lines: Iterator[str | bytes] = iter(text_lines(decode(raw, encoding)))
        else:
            lines = iter(byte_lines(raw))
        for number, line in enumerate(lines, start=1):
            source = f"{item.source}#L{number}"
            if isinstance(line, bytes):
                try:
                    line = line.decode(encoding)
                except UnicodeDecodeError as error:
                    # The offset is within the line, which the source names.
                    yield _undecodable(source, Undecodable(encoding, error.start), options)
                    continue
            if not line.strip():
                continue
            seen_line = True
            yield jsonl_document(line, source, item.name, options.published)
    except Undecodable as error:
        yield _undecodable(f"{item.source}#L{number + 1}", error, options)
        return
    if not seen_line:
        yield ReadError(item.source, "empty file")


def _read_markup(
    item: _Input,
    probe: bytes,
    encoding: str,
    kind: str,
    options: _Options,
) -> Iterator[SourceDocument | ReadError]:
    raw = probe + item.stream.read(MAX_MARKUP_BYTES + 1 - len(probe))
    if len(raw) > MAX_MARKUP_BYTES:
        limit = MAX_MARKUP_BYTES // (1024 * 1024)
        yield ReadError(item.source, f"too large for one {kind} document (over {limit} MB)")
        return
    try:
        markup = _decode_markup(raw, encoding, kind, options)
    except Undecodable as error:
        yield _undecodable(item.source, error, options)
        return
    yield (
        _html_document(item, markup, options)
        if kind == "html"
        else _timeml_document(
            item,
            markup,
            options,
        )
    )


def _decode_markup(raw: bytes, encoding: str, kind: str, options: _Options) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        failure = Undecodable(encoding, error.start)
    declared = _DECLARED_CHARSET.search(raw[:4096]) if kind == "html" else None
    if options.encoding is None and declared is not None:
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # the declaration is wrong too; report the UTF-8 failure
    raise failure


def _html_document(item: _Input, markup: str, options: _Options) -> SourceDocument | ReadError:
    try:
        page = parse_html(markup)
    except RecursionError:
        return ReadError(item.source, "HTML nested too deeply to read")
    if not page.text.strip():
        return ReadError(item.source, "no text found in the HTML page")
    try:
        published, date_source = resolve_published(options.published, page.dates, item.name)
    except InvalidDate as error:
        return ReadError(item.source, str(error))
    return SourceDocument(
        text=page.text,
        source=item.source,
        title=page.title,
        url=page.url,
        published=published,
        published_source=date_source,
        format="html",
        publisher=page.site_name,
    )


def _timeml_document(item: _Input, markup: str, options: _Options) -> SourceDocument | ReadError:
    try:
        parsed = parse_timeml(markup)
    except NotTimeML as error:
        return ReadError(item.source, str(error))
    if not parsed.text.strip():
        return ReadError(item.source, "empty <TEXT>")
    try:
        published, date_source = resolve_published(
            options.published,
            [parsed.dct] if parsed.dct else [],
            item.name,
        )
    except InvalidDate as error:
        return ReadError(item.source, str(error))
    return SourceDocument(
        text=parsed.text,
        source=item.source,
        title=parsed.title,
        external_id=parsed.doc_id,
        published=published,
        published_source=date_source,
        format="timeml",
    )
