"""Loading the tagger's rules (rules/*.toml) into frozen, compiled objects.

The TOML files are the rules; this module only expands placeholders ({month}, {count:num})
into regex alternations, compiles each rule once, and builds one combined scanner that finds
where any rule can start. ``load_rules()`` is cached: the compiled RuleSet is immutable, so
sharing it across documents cannot make one document's result depend on another.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

_PLACEHOLDER_RE = re.compile(r"\{(?P<name>[a-z][a-z0-9_]*)(?::(?P<group>[a-z_][a-z0-9_]*))?\}")
_NAMED_GROUP_RE = re.compile(r"\(\?P<[a-z_][a-z0-9_]*>")
# The scanner is tried only where a word or a symbol starts, never inside a word: this guard
# is what keeps one pass over a megabyte cheap.
_SCAN_GUARD = r"(?<![A-Za-z0-9])"
# Rules never end inside a word: "Monday" must not match the start of "Mondays".
_END_GUARD = r"(?![A-Za-z0-9])"

FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A named word list and the value each word normalises to."""

    name: str
    table: Mapping[str, int | str]
    title_case: bool

    def pattern(self) -> str:
        """The alternation of the words, longest first so that "Sept." wins over "Sep"."""
        words = sorted(self.table, key=lambda w: (-len(w), w))
        if not self.title_case:
            return "(?:" + "|".join(_word_regex(w) for w in words) + ")"
        variants: list[str] = []
        for word in words:
            title = " ".join(part[:1].upper() + part[1:] for part in word.split(" "))
            for form in dict.fromkeys((title, word.upper())):
                variants.append(_word_regex(form))
        return "(?-i:" + "|".join(variants) + ")"

    def lookup(self, text: str) -> int | str | None:
        """The value of a matched word, insensitive to case and inner whitespace."""
        key = " ".join(text.lower().replace("\u2019", "'").split())
        return self.table.get(key)


def _word_regex(word: str) -> str:
    # Spaces inside multi-word entries match any run of whitespace; apostrophes match the
    # typographic one too.
    parts = [re.escape(p).replace("'", "['\u2019]") for p in word.split(" ")]
    return r"\s+".join(parts)


@dataclass(frozen=True, slots=True)
class Example:
    """A rule's example: tagging ``text`` gives one timex ``match`` with ``value``."""

    text: str
    value: str
    match: str


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule. ``sources`` maps each named group to its vocabulary or fragment."""

    name: str
    kind: str
    regex: re.Pattern[str]
    sources: Mapping[str, str]
    examples: tuple[Example, ...]
    priority: int = 0
    reject_after: re.Pattern[str] | None = None
    reject_before: re.Pattern[str] | None = None
    keep_before: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every rule, the vocabularies their groups normalise through, and the scanner."""

    rules: tuple[Rule, ...]
    vocabularies: Mapping[str, Vocabulary]
    scanner: re.Pattern[str]
    fragments: Mapping[str, str] = field(default_factory=dict)

    def normalise(self, rule: Rule, group: str, text: str) -> int | str | None:
        """A group's matched text as the value its vocabulary gives, or the text itself."""
        source = rule.sources.get(group)
        vocabulary = self.vocabularies.get(source) if source else None
        if vocabulary is None:
            return text
        return vocabulary.lookup(text)


class RuleError(ValueError):
    """A rule file that does not compile; names the rule so the data can be fixed."""


def _expand(
    pattern: str,
    vocabularies: Mapping[str, Vocabulary],
    fragments: Mapping[str, str],
    sources: dict[str, str],
    where: str,
) -> str:
    def replace(match: re.Match[str]) -> str:
        name, group = match["name"], match["group"]
        if name in vocabularies:
            body = vocabularies[name].pattern()
        elif name in fragments:
            body = _expand(fragments[name], vocabularies, fragments, {}, where)
        else:
            raise RuleError(f"{where}: unknown placeholder {{{name}}}")
        if group == "_":
            return f"(?:{body})"
        group = group or name
        if group in sources:
            raise RuleError(f"{where}: group {group} used twice")
        sources[group] = name
        return f"(?P<{group}>{body})"

    return _PLACEHOLDER_RE.sub(replace, pattern)


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, FLAGS)
    except re.error as exc:
        raise RuleError(f"{where}: {exc}") from exc


def build_ruleset(vocabulary_doc: Mapping[str, Any], pattern_doc: Mapping[str, Any]) -> RuleSet:
    """Compile parsed TOML documents into a RuleSet (separate from I/O for tests)."""
    vocabularies = {
        name: Vocabulary(name, MappingProxyType(dict(spec["table"])), spec.get("case") == "title")
        for name, spec in vocabulary_doc.items()
    }
    fragments = dict(pattern_doc.get("fragments", {}))
    rules: list[Rule] = []
    scan_parts: list[str] = []
    for spec in pattern_doc.get("rule", []):
        where = f"rule {spec.get('name', '?')}"
        sources: dict[str, str] = {}
        body = _expand(spec["pattern"], vocabularies, fragments, sources, where)
        regex = _compile(f"(?:{body}){_END_GUARD}", where)
        scan_parts.append(_NAMED_GROUP_RE.sub("(?:", body))
        examples = tuple(
            Example(e["text"], e["value"], e.get("match", e["text"]))
            for e in spec.get("examples", [])
        )
        if not examples:
            raise RuleError(f"{where}: every rule needs examples")
        rules.append(
            Rule(
                name=spec["name"],
                kind=spec["kind"],
                regex=regex,
                sources=MappingProxyType(sources),
                examples=examples,
                priority=int(spec.get("priority", 0)),
                reject_after=_optional(spec, "reject_after", where, anchor=""),
                reject_before=_optional(spec, "reject_before", where, anchor=""),
                keep_before=_optional(spec, "keep_before", where, anchor=""),
            )
        )
    scanner = _compile(
        _SCAN_GUARD + "(?:" + "|".join(f"(?:{p})" for p in scan_parts) + ")", "scanner"
    )
    return RuleSet(
        tuple(rules), MappingProxyType(vocabularies), scanner, MappingProxyType(fragments)
    )


def _optional(spec: Mapping[str, Any], key: str, where: str, anchor: str) -> re.Pattern[str] | None:
    if key not in spec:
        return None
    return re.compile(anchor + spec[key])


@functools.cache
def load_rules() -> RuleSet:
    """The packaged rules, compiled once per process (the result is immutable)."""
    folder = resources.files("timeline.temporal") / "rules"
    vocabulary = tomllib.loads((folder / "vocabulary.toml").read_text(encoding="utf-8"))
    patterns = tomllib.loads((folder / "patterns.toml").read_text(encoding="utf-8"))
    return build_ruleset(vocabulary, patterns)
