"""The rule files: every rule's own examples hold, and broken rule data is reported by name."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal import tag
from timeline.temporal.ruleset import RuleError, build_ruleset, load_rules

# patterns.toml documents this DCT for its examples: a Tuesday.
EXAMPLE_DCT = dt.date(2016, 8, 23)


def _examples() -> list[object]:
    params = []
    for rule in load_rules().rules:
        for number, example in enumerate(rule.examples):
            params.append(pytest.param(rule.name, example, id=f"{rule.name}-{number}"))
    return params


@pytest.mark.parametrize(("rule_name", "example"), _examples())
def test_rule_example(rule_name: str, example: object) -> None:
    from timeline.temporal.ruleset import Example

    assert isinstance(example, Example)
    found = [(t.surface, t.value) for t in tag(example.text, EXAMPLE_DCT)]
    if example.match == example.text:
        assert found == [(example.match, example.value)], rule_name
    else:
        assert (example.match, example.value) in found, rule_name


def test_every_rule_has_examples_and_triggers() -> None:
    rules = load_rules()
    assert len(rules.rules) > 40
    for rule in rules.rules:
        assert rule.examples
        assert rule.triggers
        assert rule.starts_with


def test_every_rule_kind_has_a_resolver() -> None:
    from timeline.temporal.resolve import KINDS

    assert {rule.kind for rule in load_rules().rules} <= set(KINDS)


def test_rules_are_compiled_once() -> None:
    assert load_rules() is load_rules()


_VOCAB = {"month": {"case": "title", "table": {"march": 3}}}


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        pytest.param(
            {"name": "r", "kind": "date", "pattern": "{nope}", "examples": [{"text": "x", "value": "x"}]},
            "unknown placeholder",
            id="unknown-placeholder",
        ),
        pytest.param(
            {"name": "r", "kind": "date", "pattern": "{month}"}, "needs examples", id="no-examples"
        ),
        pytest.param(
            {"name": "r", "kind": "date", "pattern": "(", "examples": [{"text": "x", "value": "x"}]},
            "rule r",
            id="bad-regex",
        ),
        pytest.param(
            {"name": "r", "kind": "date", "pattern": "the", "examples": [{"text": "x", "value": "x"}]},
            "no trigger",
            id="no-trigger",
        ),
        pytest.param(
            {
                "name": "r",
                "kind": "date",
                "pattern": "{month} {month}",
                "examples": [{"text": "x", "value": "x"}],
            },
            "used twice",
            id="group-twice",
        ),
    ],
)
def test_broken_rules_are_reported(rule: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError, match=message):
        build_ruleset(_VOCAB, {"rule": [rule]})


def test_words_of_negative_lookarounds_are_no_triggers() -> None:
    # "(?![\s-]+(?:years?|people|dollars))" in spoken_year: those words never start a match
    triggers = load_rules().trigger_masks
    assert "people" not in triggers and "dollars" not in triggers
    assert "nineteen" in triggers
