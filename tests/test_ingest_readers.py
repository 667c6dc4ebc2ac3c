"""Readers: every format, the publication-date precedence, and every kind of bad input."""

from __future__ import annotations

import io
import os
import sys
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from timeline.ingest import readers
from timeline.ingest.readers import content_hash, iter_documents, read_path
from timeline.ingest.types import DateSource, ReadError, SourceDocument


def read_all(*paths: Path | str, **options: object) -> list[SourceDocument | ReadError]:
    return list(iter_documents([str(path) for path in paths], **options))  # type: ignore[arg-type]


def only_document(*paths: Path | str, **options: object) -> SourceDocument:
    [item] = read_all(*paths, **options)
    assert isinstance(item, SourceDocument), item
    return item


def errors_of(items: list[SourceDocument | ReadError]) -> list[str]:
    return [str(item) for item in items if isinstance(item, ReadError)]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


# --- formats --------------------------------------------------------------------------------


def test_plain_text(tmp_path: Path) -> None:
    doc = only_document(write(tmp_path / "a.txt", "Iran tested a missile in 1994.\n"))
    assert doc == SourceDocument(
        text="Iran tested a missile in 1994.\n",
        source=str(tmp_path / "a.txt"),
        format="text",
    )


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.md",
        (
            "---\n"
            'title: "Iran tests a missile"\n'
            "published: 2016-08-23T10:00:00Z\n"
            "url: 'https://example.org/iran'\n"
            "source: Reuters\n"
            "id: reuters-123\n"
            "layout: post\n"
            "---\n"
            "# Iran\n\nThe text.\n"
        ),
    )
    assert only_document(path) == SourceDocument(
        text="# Iran\n\nThe text.\n",
        source=str(path),
        title="Iran tests a missile",
        url="https://example.org/iran",
        external_id="reuters-123",
        published=date(2016, 8, 23),
        published_source=DateSource.METADATA,
        format="markdown",
        publisher="Reuters",
    )


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        pytest.param(
            "a.md", "\n# Iran tests a missile #\n\nText.", "Iran tests a missile", id="heading"
        ),
        pytest.param(
            "a.md", "---\ntitle: Front\n---\n# Heading\nText.", "Front", id="front-matter-wins"
        ),
        pytest.param("a.md", "Text first.\n# Heading\n", None, id="heading-not-first"),
        pytest.param("a.md", "## Second level\nText.", None, id="second-level"),
        pytest.param("a.md", "#hashtag\nText.", None, id="hashtag"),
        pytest.param("a.txt", "# Heading\nText.", None, id="not-markdown"),
    ],
)
def test_markdown_title_from_heading(
    tmp_path: Path, name: str, content: str, title: str | None
) -> None:
    assert only_document(write(tmp_path / name, content)).title == title


def test_front_matter_after_bom_with_crlf(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.md",
        "\ufeff---\r\ntitle: T\r\npublished: 2016-08-23\r\n---\r\nBody\r\n".encode(),
    )
    doc = only_document(path)
    assert (doc.title, doc.published, doc.text) == ("T", date(2016, 8, 23), "Body\r\n")


def test_text_keeps_line_endings_and_drops_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "\ufeffOne.\r\nTwo.\r\n".encode())
    assert only_document(path).text == "One.\r\nTwo.\r\n"


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Zürich, 2016\n".encode("utf-16"))
    assert only_document(path).text == "Zürich, 2016\n"


def test_encoding_option(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Zürich".encode("latin-1"))
    assert only_document(path, encoding="latin-1").text == "Zürich"


def test_html(tmp_path: Path) -> None:
    path = write(
        tmp_path / "page.html",
        (
            '<html><head><meta property="og:title" content="Iran tests">'
            '<meta property="article:published_time" content="2016-08-23T22:00:00-04:00">'
            '<meta property="og:site_name" content="Daily"><meta property="og:url" content="https://d/1">'
            "</head><body><nav>Menu</nav><article><p>Iran tested a missile.</p>"
            "<p>It said so.</p></article></body></html>"
        ),
    )
    assert only_document(path) == SourceDocument(
        text="Iran tested a missile.\n\nIt said so.",
        source=str(path),
        title="Iran tests",
        url="https://d/1",
        published=date(2016, 8, 23),
        published_source=DateSource.METADATA,
        format="html",
        publisher="Daily",
    )


def test_html_declared_charset_when_not_utf8(tmp_path: Path) -> None:
    path = write(
        tmp_path / "page.htm",
        (
            '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x93quoted\x94</p>'
            "</body></html>"
        ).encode("latin-1"),
    )
    assert only_document(path).text == "Café “quoted”"


def test_jsonl(tmp_path: Path) -> None:
    path = write(
        tmp_path / "news.jsonl",
        (
            '{"text": "First.", "published": "2016-08-23", "title": "T", "url": "u", "id": 7}\n'
            "\n"
            '{"text": "Second.", "source": "AFP", "extra": [1, 2]}\n'
        ),
    )
    first, second = read_all(path)
    assert first == SourceDocument(
        text="First.",
        source=f"{path}#L1",
        title="T",
        url="u",
        external_id="7",
        published=date(2016, 8, 23),
        published_source=DateSource.METADATA,
        format="jsonl",
    )
    assert second == SourceDocument(
        text="Second.",
        source=f"{path}#L3",
        format="jsonl",
        publisher="AFP",
    )


TIMEML = (
    '<?xml version="1.0" ?>\n<TimeML><DOCID>D1</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
    'value="1997-04-01" functionInDocument="CREATION_TIME">April 1</TIMEX3></DCT>'
    '<TITLE>Title</TITLE><TEXT>\nShares <EVENT eid="e1">fell</EVENT> &amp; rose '
    '<TIMEX3 tid="t1" value="1997-04-01">Tuesday</TIMEX3>.\n</TEXT></TimeML>\n'
)


@pytest.mark.parametrize("name", ["doc.tml", "doc.xml", "doc.TML"])
def test_timeml(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, TIMEML)
    assert only_document(path) == SourceDocument(
        text="\nShares fell & rose Tuesday.\n",
        source=str(path),
        title="Title",
        external_id="D1",
        published=date(1997, 4, 1),
        published_source=DateSource.METADATA,
        format="timeml",
    )


def test_xml_that_is_not_timeml(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.xml", "<rss><item>x</item></rss>")
    assert errors_of(read_all(path)) == [f"{path}: not a TimeML document (root element <rss>)"]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        pytest.param("Just text.\n", "text", id="text"),
        pytest.param('{"text": "From a line."}\n', "jsonl", id="jsonl"),
        pytest.param(
            "<!DOCTYPE html><html><body><p>Page text.</p></body></html>", "html", id="html"
        ),
        pytest.param(TIMEML, "timeml", id="timeml"),
    ],
)
def test_unknown_extension_is_recognised_by_content(
    tmp_path: Path,
    content: str,
    kind: str,
) -> None:
    assert only_document(write(tmp_path / "input.dat", content)).format == kind


@pytest.mark.parametrize(
    ("content", "kind", "text"),
    [
        pytest.param(b"---\ntitle: T\n---\nFrom a pipe.\n", "text", "From a pipe.\n", id="text"),
        pytest.param(b'{"text": "A line."}\n', "jsonl", "A line.", id="jsonl"),
        pytest.param(
            b"<html><body><p>Piped page.</p></body></html>", "html", "Piped page.", id="html"
        ),
    ],
)
def test_stdin(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    content: bytes,
    kind: str,
    text: str,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content)))
    doc = only_document("-")
    assert (doc.format, doc.text) == (kind, text)
    assert doc.source.startswith("<stdin>")


def test_stdin_with_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"piped")))
    items = read_all(write(tmp_path / "a.txt", "file"), "-")
    assert [item.source for item in items] == [str(tmp_path / "a.txt"), "<stdin>"]


# --- publication dates ----------------------------------------------------------------------

CLI_DATE = date(2020, 1, 2)


@pytest.mark.parametrize(
    ("name", "content", "cli", "expected", "source"),
    [
        pytest.param(
            "2016-08-20.md",
            "---\npublished: 2016-08-23\n---\nx",
            CLI_DATE,
            CLI_DATE,
            DateSource.CLI,
            id="cli-beats-everything",
        ),
        pytest.param(
            "2016-08-20.md",
            "---\npublished: 2016-08-23\n---\nx",
            None,
            date(2016, 8, 23),
            DateSource.METADATA,
            id="metadata-beats-file-name",
        ),
        pytest.param(
            "2016-08-20.md", "x", None, date(2016, 8, 20), DateSource.FILENAME, id="file-name"
        ),
        pytest.param(
            "iran_2016_08_20.txt",
            "x",
            None,
            date(2016, 8, 20),
            DateSource.FILENAME,
            id="file-name-underscores",
        ),
        pytest.param(
            "iran-20160820.txt",
            "x",
            None,
            date(2016, 8, 20),
            DateSource.FILENAME,
            id="file-name-compact",
        ),
        pytest.param("id-18000820.txt", "x", None, None, DateSource.NONE, id="implausible-year"),
        pytest.param("notes.txt", "x", None, None, DateSource.NONE, id="none"),
        pytest.param(
            "2016-08-20.md",
            "---\npublished: ''\n---\nx",
            None,
            date(2016, 8, 20),
            DateSource.FILENAME,
            id="blank-metadata-is-absent",
        ),
        pytest.param(
            "notes.txt",
            "---\npublished: 2016-02-30\n---\nx",
            CLI_DATE,
            CLI_DATE,
            DateSource.CLI,
            id="cli-overrides-bad-metadata",
        ),
        pytest.param(
            "2016-08-20.jsonl",
            '{"text": "x", "published": "2016-08-23"}',
            None,
            date(2016, 8, 23),
            DateSource.METADATA,
            id="jsonl-metadata",
        ),
        pytest.param(
            "2016-08-20.jsonl",
            '{"text": "x"}',
            None,
            date(2016, 8, 20),
            DateSource.FILENAME,
            id="jsonl-file-name",
        ),
        pytest.param(
            "2016-08-20.jsonl",
            '{"text": "x", "published": "2016-08-23"}',
            CLI_DATE,
            CLI_DATE,
            DateSource.CLI,
            id="jsonl-cli",
        ),
        pytest.param(
            "2016-08-20.html",
            '<meta name="date" content="2016-08-23"><p>x</p>',
            None,
            date(2016, 8, 23),
            DateSource.METADATA,
            id="html-metadata",
        ),
        pytest.param(
            "2016-08-20.html",
            "<p>x</p>",
            None,
            date(2016, 8, 20),
            DateSource.FILENAME,
            id="html-file-name",
        ),
        pytest.param(
            "AFP_ENG_19970402.0001.tml",
            TIMEML,
            None,
            date(1997, 4, 1),
            DateSource.METADATA,
            id="timeml-dct-beats-file-name",
        ),
    ],
)
def test_publication_date_precedence(
    tmp_path: Path,
    name: str,
    content: str,
    cli: date | None,
    expected: date | None,
    source: DateSource,
) -> None:
    doc = only_document(write(tmp_path / name, content), published=cli)
    assert (doc.published, doc.published_source) == (expected, source)


def test_html_first_date_that_parses_wins(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.html",
        (
            '<meta property="article:published_time" content="Tuesday morning">'
            '<meta name="date" content="2016-08-23"><p>x</p>'
        ),
    )
    assert only_document(path).published == date(2016, 8, 23)


# --- bad input ------------------------------------------------------------------------------

GOOD = "A good article.\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", id="binary"),
        pytest.param("empty.txt", b"", "empty file", id="empty"),
        pytest.param("blank.md", b"  \n\t\r\n", "empty file", id="whitespace-only"),
        pytest.param("blank.html", b" \n", "empty file", id="whitespace-only-html"),
        pytest.param("bom.txt", b"\xef\xbb\xbf\n", "empty file", id="bom-only"),
        pytest.param(
            "fm.md",
            b"---\ntitle: T\n---\n\n",
            "no text after the front matter",
            id="front-matter-only",
        ),
        pytest.param(
            "latin.txt",
            "Caf\xe9".encode("latin-1"),
            "not UTF-8 text (bad byte at offset 3); use --encoding",
            id="not-utf8",
        ),
        pytest.param(
            "date.md",
            b"---\npublished: 2016-02-30\n---\nx",
            "invalid published date '2016-02-30'",
            id="impossible-date",
        ),
        pytest.param(
            "date.md",
            b"---\npublished: soon\n---\nx",
            "invalid published date 'soon'",
            id="not-a-date",
        ),
        pytest.param(
            "date.html",
            b'<meta name="date" content="2016-02-30"><p>x</p>',
            "invalid published date '2016-02-30'",
            id="html-impossible-date",
        ),
        pytest.param(
            "menu.html",
            b"<html><body><nav>Only a menu</nav></body></html>",
            "no text found in the HTML page",
            id="html-without-text",
        ),
        pytest.param("bad.tml", b"<TimeML><TEXT>x</TimeML>", "malformed XML", id="bad-timeml"),
        pytest.param(
            "dct.tml",
            b'<TimeML><DCT><TIMEX3 value="1997-02-30"/></DCT><TEXT>x</TEXT></TimeML>',
            "invalid published date '1997-02-30'",
            id="timeml-bad-dct",
        ),
        pytest.param(
            "empty.tml", b"<TimeML><TEXT> </TEXT></TimeML>", "empty <TEXT>", id="timeml-empty-text"
        ),
        pytest.param("blank.jsonl", b"\n\n", "empty file", id="jsonl-blank-lines"),
    ],
)
def test_bad_file_is_an_error_and_others_go_on(
    tmp_path: Path,
    name: str,
    content: bytes,
    message: str,
) -> None:
    bad = write(tmp_path / name, content)
    write(tmp_path / "good.txt", GOOD)
    items = read_all(bad, tmp_path / "good.txt")
    [error] = errors_of(items)
    assert error.startswith(f"{bad}: {message}")
    assert [item.text for item in items if isinstance(item, SourceDocument)] == [GOOD]


def test_bad_encoding_option_names_the_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xff\xfeabc"[2:] + b"\x81")
    assert errors_of(read_all(path, encoding="ascii")) == [
        f"{path}: not ascii text (bad byte at offset 3)",
    ]


def test_unknown_encoding(tmp_path: Path) -> None:
    items = read_all(write(tmp_path / "a.txt", GOOD), encoding="klingon")
    assert errors_of(items) == ["--encoding: unknown encoding 'klingon'"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        pytest.param(
            "{bad",
            "malformed JSON: Expecting property name enclosed in double quotes (column 2)",
            id="malformed",
        ),
        pytest.param("[1, 2]", "malformed JSON: not an object", id="not-an-object"),
        pytest.param('{"title": "x"}', "no 'text' field", id="no-text"),
        pytest.param('{"text": 5}', "'text' is not a string", id="text-not-string"),
        pytest.param('{"text": "  "}', "empty text", id="empty-text"),
        pytest.param('{"text": "x", "title": ["a"]}', "'title' is not a string", id="bad-field"),
        pytest.param(
            '{"text": "x", "published": "2016-02-30"}',
            "invalid published date '2016-02-30'",
            id="impossible-date",
        ),
        pytest.param("[" * 100_000, "malformed JSON", id="deeply-nested"),
    ],
)
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path / "a.jsonl", f'{{"text": "one"}}\n{line}\n{{"text": "three"}}\n')
    items = read_all(path)
    assert [item.source for item in items] == [f"{path}#L1", f"{path}#L2", f"{path}#L3"]
    assert isinstance(items[1], ReadError)
    assert items[1].message.startswith(message)
    assert [item.text for item in items if isinstance(item, SourceDocument)] == ["one", "three"]


def test_jsonl_undecodable_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b'{"text": "one"}\n{"text": "caf\xe9"}\n{"text": "x"}\n')
    items = read_all(path)
    assert errors_of(items) == [
        f"{path}#L2: not UTF-8 text (bad byte at offset 13); use --encoding"
    ]
    assert len(items) == 3


def test_missing_path(tmp_path: Path) -> None:
    items = read_all(tmp_path / "nope.txt", write(tmp_path / "a.txt", GOOD))
    assert errors_of(items) == [f"{tmp_path / 'nope.txt'}: no such file or directory"]
    assert len(items) == 2


def test_folder_without_matching_files(tmp_path: Path) -> None:
    write(tmp_path / "in" / "image.png", b"\x89PNG")
    items = read_all(tmp_path / "in", glob="*.tml")
    assert errors_of(items) == [f"{tmp_path / 'in'}: no matching files (*.tml)"]


def test_permission_denied(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", GOOD)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file (root); permissions not enforced")
        items = read_all(locked, write(tmp_path / "good.txt", GOOD))
    finally:
        locked.chmod(0o644)
    assert errors_of(items) == [f"{locked}: permission denied"]
    assert len(items) == 2


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same path as above, for runs as root where chmod 0 does not stop reading.
    locked = write(tmp_path / "locked.txt", GOOD)
    real_open = open

    def guarded_open(file: Path, mode: str = "r") -> object:
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, mode)

    monkeypatch.setattr("builtins.open", guarded_open)
    items = read_all(locked, write(tmp_path / "good.txt", GOOD))
    assert errors_of(items) == [f"{locked}: permission denied"]
    assert len(items) == 2


def test_file_that_vanishes_after_discovery(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", GOOD)
    doomed = write(tmp_path / "b.txt", GOOD)
    items: list[SourceDocument | ReadError] = []
    for item in iter_documents([str(tmp_path)]):
        items.append(item)
        if item.source == str(first):
            doomed.unlink()
    assert errors_of(items) == [f"{doomed}: vanished (no longer there after it was listed)"]


def test_read_path_reads_one_listed_file(tmp_path: Path) -> None:
    path = write(tmp_path / "2016-08-23.txt", GOOD)
    [doc] = read_path(path)
    assert isinstance(doc, SourceDocument) and doc.published == date(2016, 8, 23)


def test_binary_detection_reads_only_the_probe(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"\x00" + b"x" * 10_000_000)

    class Counting(io.FileIO):
        read_bytes = 0

        def read(self, size: int | None = -1) -> bytes:
            data = super().read(size)
            Counting.read_bytes += len(data)
            return data

    opened: list[Counting] = []

    def fake_open(file: Path, mode: str) -> io.BufferedReader:
        raw = Counting(file, mode.replace("b", ""))
        opened.append(raw)
        return io.BufferedReader(raw, buffer_size=8192)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("builtins.open", fake_open)
        assert errors_of(read_all(path)) == [f"{path}: binary file"]
    assert Counting.read_bytes <= 8192


# --- very large files -----------------------------------------------------------------------


def big_text(megabytes: int) -> Iterator[str]:
    paragraph = "Iran said on Tuesday that it had tested a missile in August 2016. " * 12
    paragraph = paragraph.strip() + "\n\n"
    block = paragraph * (1_048_576 // len(paragraph))
    for _ in range(megabytes):
        yield block


def test_fifty_megabyte_text_is_split_into_bounded_parts(tmp_path: Path) -> None:
    path = tmp_path / "2016-08-23-archive.md"
    with path.open("w", encoding="utf-8") as out:
        out.write("---\ntitle: Archive\n---\n")
        for block in big_text(50):
            out.write(block)
    started = time.perf_counter()
    items = read_all(path)
    elapsed = time.perf_counter() - started
    assert all(isinstance(item, SourceDocument) for item in items)
    docs = [item for item in items if isinstance(item, SourceDocument)]
    assert len(docs) >= 50
    assert max(len(doc.text) for doc in docs) <= readers.PART_CHARS
    assert min(len(doc.text) for doc in docs[:-1]) >= readers.PART_CHARS // 2
    assert [doc.source for doc in docs[:2]] == [f"{path}#part1", f"{path}#part2"]
    assert all(doc.text.endswith("\n\n") for doc in docs)  # cut at paragraph breaks
    assert {(doc.title, doc.published, doc.format) for doc in docs} == {
        ("Archive", date(2016, 8, 23), "markdown"),
    }
    assert "".join(doc.text for doc in docs) == "".join(big_text(50))
    assert elapsed < 3


def test_split_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as out:
        for block in big_text(8):
            out.write(block)
    parts = iter_documents([str(path)], part_chars=100_000)
    first = next(parts)
    assert isinstance(first, SourceDocument) and first.source == f"{path}#part1"
    assert len(first.text) <= 100_000


def test_memory_stays_bounded(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as out:
        for block in big_text(20):
            out.write(block)
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_documents([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count >= 20
    assert peak < 8 * 1024 * 1024  # a few parts' worth, not the 20 MB file


def test_large_file_with_bad_byte_near_end_yields_no_parts(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 100_000 + b"\xff end")
    items = read_all(path, part_chars=10_000)
    assert errors_of(items) == [
        f"{path}: not UTF-8 text (bad byte at offset 500000); use --encoding",
    ]
    assert len(items) == 1


def test_small_limit_keeps_single_document_name(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "é" * 600)  # 1200 bytes but only 600 characters
    doc = only_document(path, part_chars=1000)
    assert doc.source == str(path)


# --- content hash ---------------------------------------------------------------------------


def test_content_hash_ignores_line_endings_and_metadata() -> None:
    unix = SourceDocument(text="One.\nTwo.\n", source="a.txt")
    windows = SourceDocument(
        text="One.\r\nTwo.\r\n",
        source="b.txt",
        title="T",
        published=date(2016, 8, 23),
        published_source=DateSource.CLI,
    )
    mac = SourceDocument(text="One.\rTwo.\r", source="c.txt")
    assert content_hash(unix) == content_hash(windows) == content_hash(mac)
    assert len(content_hash(unix)) == 64


def test_content_hash_differs_with_text() -> None:
    assert content_hash(SourceDocument(text="a", source="x")) != content_hash(
        SourceDocument(text="b", source="x"),
    )
