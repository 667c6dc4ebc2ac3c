"""The examples in the export modules' docstrings stay true."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from timeline.export import dates, sanitize


@pytest.mark.parametrize("module", [dates, sanitize], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
