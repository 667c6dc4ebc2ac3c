"""Sentence segmentation of news text: one case per trap."""

from __future__ import annotations

import pytest

from timeline.events.segment import sentence_spans, sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("It rained. Then it stopped.", ["It rained.", "Then it stopped."], id="plain"),
        pytest.param(
            "He left the U.S. in 2011. The U.S. said no.",
            ["He left the U.S. in 2011.", "The U.S. said no."],
            id="acronym-mid-sentence",
        ),
        pytest.param(
            "Relations with the U.S. He said so.",
            ["Relations with the U.S.", "He said so."],
            id="acronym-at-end-before-opener",
        ),
        pytest.param(
            "Dr. Smith met Gen. Lee and Mr. Jones.",
            ["Dr. Smith met Gen. Lee and Mr. Jones."],
            id="titles",
        ),
        pytest.param("J. R. Smith arrived.", ["J. R. Smith arrived."], id="initials"),
        pytest.param("It fell 3.5 percent.", ["It fell 3.5 percent."], id="decimal"),
        pytest.param("It opened Jan. 5 in Paris.", ["It opened Jan. 5 in Paris."], id="month-abbr"),
        pytest.param(
            "He joined Acme Inc. last year.", ["He joined Acme Inc. last year."], id="inc-mid"
        ),
        pytest.param(
            "He joined Acme Inc. The firm grew.",
            ["He joined Acme Inc.", "The firm grew."],
            id="inc-at-end",
        ),
        pytest.param(
            "“We won. It is over,” he said. Then he left.",
            ["“We won.", "It is over,” he said.", "Then he left."],
            id="quote-spanning-sentences",
        ),
        pytest.param(
            "He said “no.” She agreed.", ["He said “no.”", "She agreed."], id="closing-quote"
        ),
        pytest.param(
            "NAIROBI, Kenya (AP) _ Gunmen attacked a hotel.",
            ["NAIROBI, Kenya (AP) _", "Gunmen attacked a hotel."],
            id="dateline",
        ),
        pytest.param(
            "Iran deal signed\n\nThe deal was signed on Monday.",
            ["Iran deal signed", "The deal was signed on Monday."],
            id="headline-blank-line",
        ),
        pytest.param(
            "He waited... and waited. Nothing came... Then rain.",
            ["He waited... and waited.", "Nothing came...", "Then rain."],
            id="ellipsis",
        ),
        pytest.param("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."], id="question-exclaim"),
        pytest.param("", [], id="empty"),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_document_offsets() -> None:
    text = "  First one.  Second one.\n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert spans[0] == (2, 12)


def test_linear_on_long_input() -> None:
    text = "Mr. A. B. went to the U.S. and back. " * 20000
    assert len(sentence_spans(text)) == 20000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "It met U.S. President George W. Bush on Monday.",
            ["It met U.S. President George W. Bush on Monday."],
            id="us-president",
        ),
        pytest.param(
            "It sold its stake in Mitsubishi Motors Corp. DaimlerChrysler AG gained.",
            ["It sold its stake in Mitsubishi Motors Corp.", "DaimlerChrysler AG gained."],
            id="company-suffix-at-end",
        ),
        pytest.param(
            "Samsung Electronics Co. Ltd. said so.",
            ["Samsung Electronics Co. Ltd. said so."],
            id="company-suffixes-in-a-row",
        ),
    ],
)
def test_news_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
