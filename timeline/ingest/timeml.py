"""TimeML documents (TempEval-3 ``.tml`` files): the DCT, the title and the raw text.

The text is the content of ``<TEXT>`` with the annotation tags (``<EVENT>``, ``<TIMEX3>``,
``<SIGNAL>``, ...) removed and entities decoded, character for character: offsets into it are
the offsets of the original annotation, which is what makes TimeML files usable as a gold
standard for the date tagger.

``xml.etree`` is used rather than a regex because TimeML is well-formed XML and entities such
as ``&amp;`` must be decoded exactly once; the standard library's expat refuses entity-expansion
bombs. Namespaced roots (``<TimeML xmlns="...">``) are accepted.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass


class NotTimeML(ValueError):
    """The XML is malformed, or its root is not ``<TimeML>``, or it has no ``<TEXT>``."""


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    text: str
    dct: str | None = None  # the TIMEX3 value as written, e.g. "1997-04-01"
    title: str | None = None
    doc_id: str | None = None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def parse_timeml(markup: str) -> TimeMLDocument:
    """Parse a TimeML document; raise :class:`NotTimeML` when it is not one.

    >>> doc = parse_timeml('<TimeML><DCT><TIMEX3 tid="t0" value="1997-04-01">April 1</TIMEX3>'
    ...     '</DCT><TEXT>Prices <EVENT eid="e1">fell</EVENT> &amp; rose.</TEXT></TimeML>')
    >>> doc.text, doc.dct
    ('Prices fell & rose.', '1997-04-01')
    """
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as error:
        raise NotTimeML(f"malformed XML: {error}") from None
    if _local(root.tag) != "TimeML":
        raise NotTimeML(f"not a TimeML document (root element <{_local(root.tag)}>)")
    elements: dict[str, ET.Element] = {}
    creation_time: str | None = None
    for element in root.iter():
        name = _local(element.tag)
        elements.setdefault(name, element)
        if (
            name == "TIMEX3"
            and creation_time is None
            and element.get("functionInDocument") == "CREATION_TIME"
        ):
            creation_time = element.get("value")
    if "TEXT" not in elements:
        raise NotTimeML("TimeML document without <TEXT>")
    return TimeMLDocument(
        text="".join(elements["TEXT"].itertext()),
        dct=_dct_value(elements.get("DCT")) or creation_time,
        title=_stripped_text(elements.get("TITLE")),
        doc_id=_stripped_text(elements.get("DOCID")),
    )


def _dct_value(dct: ET.Element | None) -> str | None:
    if dct is None:
        return None
    for element in dct.iter():
        if _local(element.tag) == "TIMEX3" and element.get("value"):
            return element.get("value")
    return None


def _stripped_text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None
