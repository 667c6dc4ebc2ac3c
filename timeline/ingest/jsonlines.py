"""JSON Lines: one document per line, ``{"text": ..., "published", "title", "url", "id",
"source"}``.

``text`` is required; the other keys are optional (``id`` may be a number) and any other key is
ignored, so exports from scrapers and news APIs read as they are. Each line stands alone: a bad
line is a :class:`ReadError` for that line, and the lines after it are still read.
"""

from __future__ import annotations

import json
from datetime import date

from timeline.ingest.dates import InvalidDate, resolve_published
from timeline.ingest.types import ReadError, SourceDocument

# The optional keys a line may carry, each a string (an id may also be a number).
OPTIONAL_KEYS = ("published", "title", "url", "id", "source")


def jsonl_document(
    line: str,
    source: str,
    file_name: str,
    cli_published: date | None,
) -> SourceDocument | ReadError:
    """The document on one line, whose ``source`` is ``path#L<n>``, or what is wrong with it.

    >>> jsonl_document('{"text": "Hi", "id": 7}', "a.jsonl#L1", "a.jsonl", None).external_id
    '7'
    >>> str(jsonl_document('{"text": 1}', "a.jsonl#L2", "a.jsonl", None))
    "a.jsonl#L2: 'text' is not a string"
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return ReadError(source, f"malformed JSON: {error.msg} (column {error.colno})")
    except RecursionError:
        return ReadError(source, "malformed JSON: nested too deeply")
    if not isinstance(record, dict):
        return ReadError(source, "malformed JSON: not an object")
    text = record.get("text")
    if text is None:
        return ReadError(source, "no 'text' field")
    if not isinstance(text, str):
        return ReadError(source, "'text' is not a string")
    if not text.strip():
        return ReadError(source, "empty text")
    fields: dict[str, str] = {}
    for key in OPTIONAL_KEYS:
        value = record.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            return ReadError(source, f"{key!r} is not a string")
        fields[key] = str(value)
    try:
        published, date_source = resolve_published(
            cli_published,
            [fields["published"]] if "published" in fields else [],
            file_name,
        )
    except InvalidDate as error:
        return ReadError(source, str(error))
    return SourceDocument(
        text=text,
        source=source,
        title=fields.get("title") or None,
        url=fields.get("url") or None,
        external_id=fields.get("id") or None,
        published=published,
        published_source=date_source,
        format="jsonl",
        publisher=fields.get("source") or None,
    )
