"""What a reader hands to the pipeline: one document's text and metadata, or an error."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class DateSource(StrEnum):
    """Where a document's publication date (DCT) came from, in order of precedence."""

    CLI = "cli"  # --published
    METADATA = "metadata"  # front matter, HTML meta tags, JSONL field, TimeML <DCT>
    FILENAME = "filename"  # 2016-08-23 or 20160823 in the file name
    INFERRED = "inferred"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class SourceDocument:
    text: str
    source: str  # path or URL, plus "#L12" for a JSONL line
    title: str | None = None
    url: str | None = None
    external_id: str | None = None
    published: date | None = None
    published_source: DateSource = DateSource.NONE
    format: str = "text"  # text | markdown | html | jsonl | timeml
    # The outlet that published it ("Reuters"): front matter or JSONL `source`, og:site_name.
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class ReadError:
    """A bad input item: ``source`` names the file (and line), ``message`` says what is wrong."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
