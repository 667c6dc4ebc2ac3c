"""Loading the tagger's rules (rules/*.toml) into frozen, compiled objects.

The TOML files are the rules; this module only expands placeholders ({month}, {count:num})
into regex alternations, compiles each rule once, and indexes the rules by their trigger
words. A rule can only match around a token it contains (a digit, "March", "quarter", "ago"),
so the tagger first finds such tokens with one pass of a trie-shaped regex and then tries only
the rules those tokens point to, at the few word starts just before them.

``load_rules()`` is cached: the compiled RuleSet is immutable, so sharing it across documents
cannot make one document's result depend on another.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from timeline.temporal.firstset import PREFIX_LENGTH, analyse

_PLACEHOLDER_RE = re.compile(r"\{(?P<name>[a-z][a-z0-9_]*)(?::(?P<group>[a-z_][a-z0-9_]*))?\}")
# Rules never end inside a word: "Monday" must not match the start of "Mondays".
_END_GUARD = r"(?![A-Za-z0-9])"
_WORD_RE = re.compile(r"[a-z]+")
# Literal words of a pattern, once escapes, group names and inline flags are removed.
_PATTERN_NOISE_RE = re.compile(r"\\[a-zA-Z]|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\(\?P<[^>]*>|\(\?[-a-z]*:")
DIGIT = "<digit>"
# Words that occur in rules but are too common to say a date is near ("the", "of", "last" in
# "at last"...): they may start a match but do not trigger a search. Every rule still needs
# one trigger (checked when the rules are built).
STOP_WORDS = frozenset(
    ["the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "from", "by", "its", "this", "that", "be", "have", "not", "also", "well", "i", "we", "you", "he", "she", "it", "they", "more", "than", "less", "over", "under", "up", "no", "least", "most", "each", "every", "per", "times", "once", "twice", "other", "additional", "full", "straight", "consecutive", "s", "st", "nd", "rd", "th", "year's", "than", "fewer", "close", "longer", "some", "about", "around", "almost", "nearly", "roughly", "approximately", "between", "through", "until", "till", "back", "so", "with", "as"]
)

FLAGS = re.IGNORECASE
# Whitespace inside a date expression is a few characters at most; bounding it keeps a rule
# from scanning a megabyte of blanks at every start ("March" followed by 1,000 spaces).
_BOUNDED_SPACE = (
    (r"\s+", r"\s{1,8}"), (r"\s*", r"\s{0,8}"), (r"[\s-]+", r"[\s-]{1,8}"),
    (r"[\s-]*", r"[\s-]{0,8}"),
)
# A number starts a date only as a year (four digits) or when a word, a fraction or a
# separator follows it ("5 years", "5 1/2 hours", "3/22", "10:30", "20th"). This guard turns
# away runs of bare numbers (tables, scores) before the many digit rules are tried.
_NUMBER_GUARD = r"(?=\d{4}|\d{1,3}(?:[^\d\s]|\s+(?:[^\W\d]|\d{1,2}/)))"
_PRECHECK_GUARD = {"digit": _NUMBER_GUARD}
# A number is a token (a start or a trigger) only where a date could use it: a bare number
# followed by another number ("1 1 1 ...", tables) is neither; a date that holds one has
# another trigger ("March 3 1994" has "March").
_NUMBER_TOKEN = _NUMBER_GUARD + r"\d|\d(?=\d*$)"


_SMALL_WORDS = frozenset({"of", "the", "and"})


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A named word list and the value each word normalises to."""

    name: str
    table: Mapping[str, int | str]
    title_case: bool

    def pattern(self) -> str:
        """The words as one trie-shaped alternation (longer words are tried first)."""
        if not self.title_case:
            return "(?:" + trie_regex(self.table) + ")"
        variants: list[str] = []
        for word in self.table:
            # "Fourth of July": small words stay lower case inside a title
            title = " ".join(
                part if i and part in _SMALL_WORDS else part[:1].upper() + part[1:]
                for i, part in enumerate(word.split(" "))
            )
            variants.extend(dict.fromkeys((title, word.upper())))
        return "(?-i:" + trie_regex(variants) + ")"

    def lookup(self, text: str) -> int | str | None:
        """The value of a matched word, insensitive to case and inner whitespace."""
        key = " ".join(text.lower().replace("\u2019", "'").split())
        return self.table.get(key)

    def words(self) -> set[str]:
        """Every word of every entry, lower case, for the trigger index."""
        return {w for key in self.table for w in _WORD_RE.findall(key.lower())}


def _units(word: str) -> list[str]:
    # Spaces inside multi-word entries match any run of whitespace; apostrophes match the
    # typographic one too.
    units = []
    for char in word:
        if char == " ":
            units.append(r"\s+")
        elif char == "'":
            units.append("['\u2019]")
        else:
            units.append(re.escape(char))
    return units


@dataclass(frozen=True, slots=True)
class Example:
    """A rule's example: tagging ``text`` gives a timex ``match`` with ``value``."""

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
    triggers: frozenset[str]
    # Kinds of character a match can begin with (firstset.py): a digit, an ASCII letter (case
    # folded), another letter, a quote, or other.
    starts_with: frozenset[str]
    priority: int = 0
    reject_after: re.Pattern[str] | None = None
    reject_before: re.Pattern[str] | None = None
    keep_before: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every rule, the vocabularies their groups normalise through, and the trigger index."""

    rules: tuple[Rule, ...]
    vocabularies: Mapping[str, Vocabulary]
    # Finds every token a rule may start at or be triggered by: rule words and digits.
    tokens: re.Pattern[str]
    # Trigger word (lower case) or DIGIT -> the bit set of the rules that contain it (bit n is
    # rule n; a start's own first characters, start_mask, narrow it further).
    trigger_masks: Mapping[str, int]
    # The character classes some rule can start with: a token start of another class tries
    # nothing.
    start_classes: frozenset[str]
    # Character class -> a cheap check a token start of that class must pass before any rule
    # is tried there: for digits, that the number can begin a date (_NUMBER_GUARD). An
    # alternation of every rule that can start with the class did this once; at 100 rules it
    # cost more (one long failing alternation at every start) than the rule attempts it saved.
    prechecks: Mapping[str, re.Pattern[str]]
    # Each rule's bound ``regex.match``, by index: the matcher's inner loop calls these over a
    # million times on a large corpus, and skips the attribute lookups.
    matchers: tuple[Callable[[str, int], re.Match[str] | None], ...] = ()
    # The rules a start may try by its first characters (firstset.first_prefixes): prefix of
    # 1, 2 or 3 characters -> bit set of the rules that may begin so, and the rules that may
    # begin with anything. On news text this skips about half of the rule attempts.
    prefix_masks: tuple[Mapping[str, int], ...] = ()
    open_mask: int = 0
    all_mask: int = 0
    # A number this matches triggers no rule (COUNTED_NUMBER_RE); None: every number does.
    counted_number: re.Pattern[str] | None = None

    def start_mask(self, text: str, start: int) -> int:
        """The bit set of the rules that may match at ``start``, by its first characters."""
        key = text[start : start + PREFIX_LENGTH].casefold()[:PREFIX_LENGTH].translate(_ZEROS)
        if not key.isascii():
            return self.all_mask  # a non-ASCII digit or letter: no shortcut
        one, two, three = self.prefix_masks
        return self.open_mask | one.get(key[:1], 0) | two.get(key[:2], 0) | three.get(key, 0)

    def normalise(self, rule: Rule, group: str, text: str) -> int | str | None:
        """A group's matched text as the value its vocabulary gives, or the text itself."""
        source = rule.sources.get(group)
        vocabulary = self.vocabularies.get(source) if source else None
        if vocabulary is None:
            return text
        return vocabulary.lookup(text)


# A number that counts something no date is made of ("3.2 million", "45 percent", "1,500
# people") triggers no rule: a quarter of the numbers in news, and the rules a number triggers
# are most of the matcher's attempts. It may still be part of a date another word triggers
# ("5 million years ago" is found from "years"); a four-digit number stays a trigger, as it
# may be a year ("in 1990 dollars").
COUNTED_NUMBER_RE = re.compile(
    r"(?!\d{4}(?![\d.,]))\d[\d.,]*\s?(?:%|(?:percent|per\s+cent|pct|million|billion|trillion"
    r"|points?|people|persons|dollars?|euros?|yuan|yen|pounds|cents|rupees|tons?|tonnes|kg"
    r"|kilo(?:gram|meter|metre)s?|km|miles|meters|metres|feet|troops|soldiers|countries|seats"
    r"|votes|shares|barrels|members|deaths|children|students|workers|others|percentage)\b)",
    re.IGNORECASE,
)
# Every ASCII digit as "0", as first_prefixes writes them.
_ZEROS = str.maketrans("0123456789", "0000000000")


class RuleError(ValueError):
    """A rule file that does not compile; names the rule so the data can be fixed."""


def _expand(
    pattern: str,
    vocabularies: Mapping[str, Vocabulary],
    fragments: Mapping[str, str],
    sources: dict[str, str],
    used: set[str],
    where: str,
) -> str:
    def replace(match: re.Match[str]) -> str:
        name, group = match["name"], match["group"]
        used.add(name)
        if name in vocabularies:
            body = vocabularies[name].pattern()
        elif name in fragments:
            body = _expand(fragments[name], vocabularies, fragments, {}, used, where)
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


def _without_lookarounds(pattern: str, negative_only: bool = False) -> str:
    """``pattern`` less its lookaround groups (``(?!...)``, ``(?<!...)``, ``(?=...)``,
    ``(?<=...)``): their words are never part of a match ("(?!\\s+people)", "(?=\\s+before)"),
    so they must not become trigger tokens (a common word there would make the matcher try
    the rule wherever it occurs)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith(("(?!", "(?<!") if negative_only else ("(?!", "(?<!", "(?=", "(?<="), i):
            depth, j, in_class = 0, i, False
            while j < n:
                c = pattern[j]
                if c == "\\":
                    j += 2
                    continue
                if in_class:
                    in_class = c != "]"
                elif c == "[":
                    in_class = True
                elif c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append(" ")
            i = j + 1
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def _rule_words(
    pattern: str, used: Iterable[str], vocabularies: Mapping[str, Vocabulary],
    fragments: Mapping[str, str],
) -> set[str]:
    """Every word a match of the rule may contain, and DIGIT if it may contain digits.

    Only the consuming parts of the pattern count: the placeholders and words inside
    lookarounds ("(?!\\s+{vehicle_make:_})") are never part of a match.
    """
    words: set[str] = set()
    seen: set[str] = set()
    pending = [pattern]
    while pending:
        source = pending.pop()
        text = _without_lookarounds(source)
        literal = _PATTERN_NOISE_RE.sub(" ", _PLACEHOLDER_RE.sub(" ", text))
        words.update(_WORD_RE.findall(literal.lower()))
        # A positive lookahead may still name a digit on purpose: "(?=[\\d\\w]){ordinal}" lets
        # the digit of "15th-century" trigger the century rule.
        digits = _without_lookarounds(source, negative_only=True)
        digit_literal = _PATTERN_NOISE_RE.sub(" ", _PLACEHOLDER_RE.sub(" ", digits))
        if re.search(r"\\d|\[[^\]]*[0-9]", digits) or re.search(r"(?<![{,])[0-9]", digit_literal):
            words.add(DIGIT)  # a digit class, or a literal digit ("9/11")
        for placeholder in _PLACEHOLDER_RE.finditer(text):
            name = placeholder["name"]
            if name in seen or name not in used:
                continue
            seen.add(name)
            if name in vocabularies:
                words.update(vocabularies[name].words())
            elif name in fragments:
                pending.append(fragments[name])
    return words


def trie_regex(words: Iterable[str]) -> str:
    """An alternation of words shaped as a trie, which the regex engine walks in time
    proportional to a word's length rather than to the number of words. Greedy optional
    tails make the longest word win, as a longest-first alternation would."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for unit in _units(word):
            node = node.setdefault(unit, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [unit + render(child) for unit, child in sorted(node.items()) if unit]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return render(trie)


def build_ruleset(vocabulary_doc: Mapping[str, Any], pattern_doc: Mapping[str, Any]) -> RuleSet:
    """Compile parsed TOML documents into a RuleSet (separate from I/O for tests)."""
    vocabularies = {
        name: Vocabulary(name, MappingProxyType(dict(spec["table"])), spec.get("case") == "title")
        for name, spec in vocabulary_doc.items()
    }
    fragments = dict(pattern_doc.get("fragments", {}))
    rules: list[Rule] = []
    all_words: set[str] = set()
    index: dict[str, list[int]] = {}
    classes: set[str] = set()
    rule_prefixes: list[frozenset[str] | None] = []
    for number, spec in enumerate(pattern_doc.get("rule", [])):
        where = f"rule {spec.get('name', '?')}"
        sources: dict[str, str] = {}
        used: set[str] = set()
        body = _expand(spec["pattern"], vocabularies, fragments, sources, used, where)
        for unbounded, bounded in _BOUNDED_SPACE:
            body = body.replace(unbounded, bounded)
        regex = _compile(f"(?:{body}){_END_GUARD}", where)
        words = _rule_words(spec["pattern"], used, vocabularies, fragments)
        triggers = frozenset(words - STOP_WORDS)
        if not triggers:
            raise RuleError(f"{where}: no trigger word or digit; the matcher would never try it")
        all_words |= words
        starts_with, prefixes = analyse(regex.pattern, FLAGS)
        rule_prefixes.append(prefixes)
        classes.update(starts_with)
        for trigger in triggers:
            index.setdefault(trigger, []).append(number)
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
                triggers=triggers,
                starts_with=starts_with,
                priority=int(spec.get("priority", 0)),
                reject_after=_optional(spec, "reject_after", where, vocabularies, fragments),
                reject_before=_optional(spec, "reject_before", where, vocabularies, fragments),
                keep_before=_optional(spec, "keep_before", where, vocabularies, fragments),
            )
        )
    all_words.discard(DIGIT)
    # Tokens never start right after "/", ":", ".", "-" or an apostrophe: no date begins
    # inside "3/22/2013", "10:30", "Jan.5" or "mid-1990s" (the match starts at "3", "10",
    # "Jan", "mid"), and skipping them keeps runs like "12/12/12/..." linear and cheap. A
    # double hyphen is a dash ("--April 1989", "the day--Monday--"), after which a date begins.
    tokens = re.compile(
        r"(?<![A-Za-z0-9/:.'\u2019])(?<![^-]-)(?:(?P<digit>['\u2019]?" + _NUMBER_TOKEN + r")|(?P<word>"
        + trie_regex(sorted(all_words))
        + r")(?![a-z]))",
        re.IGNORECASE,
    )
    prechecks = {
        char_class: _compile(guard, f"precheck {char_class}")
        for char_class, guard in _PRECHECK_GUARD.items()
        if char_class in classes
    }
    return RuleSet(
        tuple(rules),
        MappingProxyType(vocabularies),
        tokens,
        MappingProxyType({k: sum(1 << n for n in v) for k, v in index.items()}),
        frozenset(classes),
        MappingProxyType(prechecks),
        tuple(rule.regex.match for rule in rules),
        *_prefix_masks(rule_prefixes),
        COUNTED_NUMBER_RE,
    )


def _prefix_masks(
    rule_prefixes: list[frozenset[str] | None],
) -> tuple[tuple[Mapping[str, int], ...], int, int]:
    """RuleSet.prefix_masks, open_mask and all_mask from each rule's first_prefixes."""
    masks: tuple[dict[str, int], ...] = ({}, {}, {})
    open_mask = 0
    for number, prefixes in enumerate(rule_prefixes):
        if prefixes is None:
            open_mask |= 1 << number
            continue
        for prefix in prefixes:
            table = masks[len(prefix) - 1]
            table[prefix] = table.get(prefix, 0) | 1 << number
    return tuple(MappingProxyType(m) for m in masks), open_mask, (1 << len(rule_prefixes)) - 1


def _optional(
    spec: Mapping[str, Any],
    key: str,
    where: str,
    vocabularies: Mapping[str, Vocabulary],
    fragments: Mapping[str, str],
) -> re.Pattern[str] | None:
    """A rule's context check, compiled; it may use the same placeholders as patterns."""
    if key not in spec:
        return None
    try:
        return re.compile(_expand(spec[key], vocabularies, fragments, {}, set(), where))
    except re.error as exc:
        raise RuleError(f"{where}: {key}: {exc}") from exc


@functools.cache
def load_rules() -> RuleSet:
    """The packaged rules, compiled once per process (the result is immutable)."""
    folder = resources.files("timeline.temporal") / "rules"
    vocabulary = tomllib.loads((folder / "vocabulary.toml").read_text(encoding="utf-8"))
    patterns = tomllib.loads((folder / "patterns.toml").read_text(encoding="utf-8"))
    return build_ruleset(vocabulary, patterns)
