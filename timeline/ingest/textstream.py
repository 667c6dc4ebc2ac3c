"""Bytes to text in bounded memory: encoding choice, binary detection, decoding, splitting.

Everything a reader opens goes through here, so that the rules are the same for every format:
UTF-8 (strict) unless the user names an encoding; a byte-order mark decides by itself (UTF-8,
UTF-16 or UTF-32) and is never part of the text; a NUL byte in the first 8 KB means a binary
file, and nothing more than those 8 KB is read to decide it.

Very large plain texts (a 50 MB dump of a news archive) are split into parts of at most
``part_chars`` characters, cut at a paragraph break where there is one in the second half of
the part, else at a line break, else at white space, else hard. The parts joined give the text
back exactly. Parts keep memory bounded in the reader *and* downstream: the pipeline tags,
stores and commits one part at a time, and a paragraph boundary rarely cuts a sentence or a
date expression in two.
"""

from __future__ import annotations

import codecs
import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import AnyStr, BinaryIO

# How much is read to tell a binary file from a text file, as git and grep do.
BINARY_PROBE_BYTES = 8192

# Read size for streaming: a multiple of the probe, and small next to a part, so that the
# reader holds little more than the part it is about to yield.
BLOCK_BYTES = 256 * 1024

# The largest part of a plain text handed to the pipeline, in characters (~1 MB of English).
PART_CHARS = 1_000_000

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_LINE_BREAK = re.compile(r"[\r\n]")
_SPACE = re.compile(r"\s")


class Undecodable(ValueError):
    """The bytes are not text in the chosen encoding; ``offset`` is the first bad byte."""

    def __init__(self, encoding: str, offset: int) -> None:
        super().__init__(f"cannot decode byte {offset} as {encoding}")
        self.encoding = encoding
        self.offset = offset


def read_probe(stream: BinaryIO) -> bytes:
    """The first :data:`BINARY_PROBE_BYTES` of a stream (fewer only at its end)."""
    probe = b""
    while len(probe) < BINARY_PROBE_BYTES:
        block = stream.read(BINARY_PROBE_BYTES - len(probe))
        if not block:
            break
        probe += block
    return probe


def choose_encoding(probe: bytes, requested: str | None) -> str:
    """The codec to decode with: the byte-order mark's, else the requested one, else UTF-8.

    "utf-8-sig" is used for UTF-8 so that a mark is dropped wherever it is found first.
    """
    for bom, name in _BOMS:
        if probe.startswith(bom):
            return name
    if requested is None or codecs.lookup(requested).name == "utf-8":
        return "utf-8-sig"
    return requested


def is_binary(probe: bytes, encoding: str) -> bool:
    """A NUL byte means binary, except in UTF-16/32 where it is half of most characters."""
    return not is_wide(encoding) and b"\x00" in probe


def blocks(probe: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The probe already read, then the rest of the stream, block by block."""
    if probe:
        yield probe
    while block := stream.read(BLOCK_BYTES):
        yield block


def decode(chunks: Iterable[bytes], encoding: str) -> Iterator[str]:
    """Decode a byte stream incrementally (strict); raise :class:`Undecodable` at a bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = 0
    for chunk in chunks:
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as error:
            raise Undecodable(encoding, offset - pending + error.start) from None
        offset += len(chunk)
        if text:
            yield text
    try:
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise Undecodable(encoding, offset - len(decoder.getstate()[0]) + error.start) from None
    if tail:
        yield tail


def split_parts(chunks: Iterable[str], part_chars: int = PART_CHARS) -> Iterator[str]:
    """Regroup decoded text into parts of at most ``part_chars`` characters (see module doc).

    >>> list(split_parts(["aaaa\\n\\nbbb", "b\\ncc"], part_chars=8))
    ['aaaa\\n\\n', 'bbbb\\ncc']
    """
    if part_chars < 2:
        raise ValueError("part_chars must be at least 2")
    pending: list[str] = []
    size = 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size <= part_chars:
            continue
        buffer = "".join(pending)
        pending.clear()
        while len(buffer) > part_chars:
            cut = _cut_point(buffer, part_chars)
            yield buffer[:cut]
            buffer = buffer[cut:]
        pending, size = [buffer], len(buffer)
    buffer = "".join(pending)
    if buffer:
        yield buffer


def _cut_point(buffer: str, limit: int) -> int:
    """Where to end a part of ``buffer``: the last good break within ``buffer[limit//2:limit]``."""
    low = limit // 2
    for pattern in (_PARAGRAPH_BREAK, _LINE_BREAK, _SPACE):
        last = deque(pattern.finditer(buffer, low, limit), maxlen=1)
        if last:
            cut = last[0].end()
            # Keep "\r\n" whole (in the next part), so each part has whole line breaks.
            if buffer[cut - 1] == "\r" and cut < len(buffer) and buffer[cut] == "\n" and cut > 1:
                cut -= 1
            return cut
    return limit


def is_wide(encoding: str) -> bool:
    """UTF-16 and UTF-32 cannot be split into lines on the byte ``\\n``."""
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def byte_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Split a byte stream on ``\n`` (for ASCII-compatible encodings), keeping line ends."""
    return _split_lines(chunks, b"\n")


def text_lines(chunks: Iterable[str]) -> Iterator[str]:
    """Split decoded text on ``\n``, keeping line ends (for UTF-16/32 input)."""
    return _split_lines(chunks, "\n")


def _split_lines(chunks: Iterable[AnyStr], newline: AnyStr) -> Iterator[AnyStr]:
    # The pieces of a line are joined once, so that a line longer than a block (a whole article
    # on one JSON line) costs linear time, not a copy per block.
    pending: list[AnyStr] = []
    empty = newline[:0]
    for chunk in chunks:
        start = 0
        while (end := chunk.find(newline, start)) != -1:
            pending.append(chunk[start : end + 1])
            yield empty.join(pending)
            pending.clear()
            start = end + 1
        if start < len(chunk):
            pending.append(chunk[start:])
    if pending:
        yield empty.join(pending)
