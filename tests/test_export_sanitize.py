"""clean_terminal and neutralise_cell: document text made safe for terminals and spreadsheets."""

from __future__ import annotations

import pytest

from timeline.export.sanitize import clean_terminal, neutralise_cell, neutralise_cells


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("\x1b[31mred\x1b[0m alert", "red alert", id="csi-colour"),
        pytest.param("\x1b]0;title\x07after", "after", id="osc-title-bel"),
        pytest.param("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link", id="osc-hyperlink-st"),
        pytest.param("a\x1b]0;never ends", "a", id="osc-unterminated"),
        pytest.param("\x9b31mX\x9b0m", "X", id="8-bit-csi"),
        pytest.param("\x1bcreset", "reset", id="esc-reset"),
        pytest.param("a\rb", "a b", id="carriage-return"),
        pytest.param("one\ntwo\tthree", "one two three", id="line-break-tab"),
        pytest.param("abc\x08\x08x", "abcx", id="backspace"),
        pytest.param("bell\x07\x00\x7f", "bell", id="bell-nul-del"),
        pytest.param("\u202eevil", "evil", id="bidi-override"),
        pytest.param("Zürich – “quoted” 中文", "Zürich – “quoted” 中文", id="printable-kept"),
    ],
)
def test_clean_terminal(text: str, expected: str) -> None:
    assert clean_terminal(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("=1+1", "'=1+1", id="equals"),
        pytest.param("+33 1 23", "'+33 1 23", id="plus"),
        pytest.param("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", id="minus"),
        pytest.param("@SUM(A1)", "'@SUM(A1)", id="at"),
        pytest.param("\t=1", "'\t=1", id="tab"),
        pytest.param("\r=1", "'\r=1", id="carriage-return"),
        pytest.param("Iran", "Iran", id="text"),
        pytest.param("a=b", "a=b", id="formula-char-inside"),
        pytest.param("", "", id="empty"),
    ],
)
def test_neutralise_cell(value: str, expected: str) -> None:
    assert neutralise_cell(value) == expected
    # the in-place form for a row of cells agrees, and leaves the other positions alone
    cells = ["=x", value, value]
    neutralise_cells(cells, (1,))
    assert cells == ["=x", expected, value]
