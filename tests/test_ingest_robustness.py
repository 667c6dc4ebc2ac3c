"""No input makes a reader raise: any bytes in any format give documents or read errors."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.ingest import readers
from timeline.ingest.readers import iter_documents
from timeline.ingest.types import ReadError, SourceDocument

SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".tml", ".xml", ".dat")

# Fragments that steer random input towards each format's interesting paths.
FRAGMENTS = st.sampled_from(
    [
        b"---\n",
        b"published: 2016-02-30\n",
        b"title: 'x'\n",
        b"\n\n",
        b"\r\n",
        b"\xef\xbb\xbf",
        b'{"text": "a", "published": "2016-08-23"}\n',
        b"{",
        b"<TimeML>",
        b"</TimeML>",
        b"<TEXT>",
        b"</TEXT>",
        b'<DCT><TIMEX3 value="1997-04-01"/></DCT>',
        b"<html><body>",
        b"<article><p>",
        b"</p>",
        b'<meta name="date" content="x">',
        b"&amp;",
        b"\x00",
        b"\xff",
        b"\xe9",
        b"text ",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    content=st.lists(st.one_of(FRAGMENTS, st.binary(max_size=20)), max_size=12).map(b"".join),
    suffix=st.sampled_from(SUFFIXES),
)
def test_any_bytes_give_documents_or_errors(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "input" + suffix)
        path.write_bytes(content)
        items = list(iter_documents([str(path)], part_chars=64))
    assert items
    for item in items:
        assert isinstance(item, SourceDocument | ReadError)
        assert item.source.startswith(str(path))
        if isinstance(item, ReadError):
            assert "\n" not in item.message
        else:
            assert item.text.strip()


def test_oversized_markup_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_MARKUP_BYTES", 1024 * 1024)
    path = tmp_path / "huge.html"
    path.write_text("<p>" + "x" * 2_000_000 + "</p>", encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert [str(item) for item in items] == [f"{path}: too large for one html document (over 1 MB)"]
