"""Reading and writing TimeML documents (TimeML 1.2.1 as used by TempEval-3).

Reading yields the plain text of ``<TEXT>`` with the gold TIMEX3 spans as character offsets into
that plain text, so that a tagger's output and the gold annotation can be compared directly.
Parsing is by regular expression rather than an XML parser because corpus files are not always
well-formed XML (stray entities in EXTRAINFO), and only the TEXT and DCT parts matter.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from timeline.temporal.types import Timex

_TEXT_RE = re.compile(r"<TEXT>(?P<body>.*?)</TEXT>", re.DOTALL)
_DCT_RE = re.compile(r"<DCT>.*?value=\"(?P<value>[^\"]*)\".*?</DCT>", re.DOTALL)
# One token of TEXT markup: a tag, an entity, or a run of plain characters.
_MARKUP_RE = re.compile(r"(?P<tag><[^>]*>)|(?P<entity>&#?\w+;)|(?P<plain>[^<&]+|[<&])")
_ATTR_RE = re.compile(r"(?P<name>\w+)=\"(?P<value>[^\"]*)\"")
_DATE_RE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A TIMEX3 annotated in a TimeML document, located in its plain text."""

    start: int
    end: int
    surface: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """The parts of a TimeML document the tagger and the scorer need."""

    name: str
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...] = field(default=())
    raw: str = ""


class TimeMLError(ValueError):
    """A document that is not usable TimeML (no <TEXT> element)."""


def parse_dct(value: str) -> dt.date | None:
    """The calendar day of a TIMEX3 DCT value such as ``1998-08-07`` or ``19980807T0618``."""
    match = _DATE_RE.match(value)
    if match is None and len(value) >= 8 and value[:8].isdigit():
        match = _DATE_RE.match(f"{value[:4]}-{value[4:6]}-{value[6:8]}")
    if match is None:
        return None
    try:
        return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


def read_timeml(source: str, name: str = "") -> TimeMLDocument:
    """Parse TimeML markup: plain TEXT, its DCT and its gold TIMEX3 (not the creation time)."""
    text_match = _TEXT_RE.search(source)
    if text_match is None:
        raise TimeMLError("no <TEXT> element")
    dct_match = _DCT_RE.search(source)
    dct = parse_dct(dct_match["value"]) if dct_match else None
    pieces: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_attrs: dict[str, str] | None = None
    open_start = 0
    for token in _MARKUP_RE.finditer(text_match["body"]):
        tag = token["tag"]
        if tag is not None:
            if tag.startswith("<TIMEX3"):
                open_attrs = {m["name"]: html.unescape(m["value"]) for m in _ATTR_RE.finditer(tag)}
                open_start = length
            elif tag.startswith("</TIMEX3") and open_attrs is not None:
                surface = "".join(pieces)[open_start:length]
                if open_attrs.get("functionInDocument") != "CREATION_TIME":
                    timexes.append(
                        GoldTimex(
                            start=open_start,
                            end=length,
                            surface=surface,
                            type=open_attrs.get("type", ""),
                            value=open_attrs.get("value", ""),
                            mod=open_attrs.get("mod"),
                        )
                    )
                open_attrs = None
            continue
        piece = html.unescape(token["entity"]) if token["entity"] else token["plain"]
        pieces.append(piece)
        length += len(piece)
    return TimeMLDocument(
        name=name, text="".join(pieces), dct=dct, timexes=tuple(timexes), raw=source
    )


def read_timeml_file(path: Path) -> TimeMLDocument:
    """Read one ``.tml`` file (UTF-8)."""
    return read_timeml(path.read_text(encoding="utf-8"), name=path.name)


def iter_timeml_dir(folder: Path) -> Iterable[TimeMLDocument]:
    """Every ``*.tml`` document of a folder, in name order (deterministic reports)."""
    for path in sorted(folder.glob("*.tml")):
        yield read_timeml_file(path)


def timex_tag(tid: str, timex: Timex) -> str:
    """The opening TIMEX3 tag for a found timex (attributes in TimeML 1.2.1 order)."""
    attrs = f"tid={quoteattr(tid)} type={quoteattr(str(timex.type))} value={quoteattr(timex.value)}"
    if timex.mod:
        attrs += f" mod={quoteattr(timex.mod)}"
    return f"<TIMEX3 {attrs}>"


def timeml_timexes(timexes: Iterable[Timex]) -> list[Timex]:
    """The TIMEX3s TimeML annotates for these timexes: a worded range becomes its two ends."""
    out: list[Timex] = []
    for timex in timexes:
        out.extend(timex.parts or (timex,))
    return out


def annotate_text(text: str, timexes: Iterable[Timex]) -> str:
    """``text`` XML-escaped with TIMEX3 tags (t1, t2, ...) around non-overlapping timexes."""
    out: list[str] = []
    position = 0
    ordered = sorted(timeml_timexes(timexes), key=lambda t: (t.start, -t.end))
    for number, timex in enumerate(ordered, start=1):
        if timex.start < position:
            continue  # overlapping spans cannot nest in TIMEX3; keep the first
        out.append(escape(text[position : timex.start]))
        out.append(timex_tag(f"t{number}", timex))
        out.append(escape(text[timex.start : timex.end]))
        out.append("</TIMEX3>")
        position = timex.end
    out.append(escape(text[position:]))
    return "".join(out)


def write_timeml(text: str, timexes: Iterable[Timex], dct: dt.date | None, docid: str = "") -> str:
    """A complete TimeML document for ``text`` with its DCT and the given timexes."""
    parts = [
        '<?xml version="1.0" ?>',
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">',
    ]
    if docid:
        parts.append(f"<DOCID>{escape(docid)}</DOCID>")
    if dct is not None:
        iso = dct.isoformat()
        parts.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{iso}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{iso}</TIMEX3></DCT>'
        )
    parts.append(f"<TEXT>{annotate_text(text, timexes)}</TEXT>")
    parts.append("</TimeML>")
    return "\n".join(parts) + "\n"
