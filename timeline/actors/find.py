"""Find dictionary mentions in text and decide whether each is an actor or a place.

Matching walks the tokens once: at each token the dictionary hands back the aliases that start
with it (longest first), so the cost is linear in the text and independent of the dictionary's
size. The first alias that matches wins (leftmost-longest), then the case rules apply:

* an alias written with capitals must be written with capitals in the text ("us" is never the
  United States, "may" never a month-named anything);
* short acronyms match only exactly ("US" yes, "Us" no);
* ambiguous names ("Jordan", "Chad", "Georgia") are rejected next to another capitalised name
  word ("Michael Jordan", "Chad Smith").

Roles: regions are places; cities are places unless a capital *acts* ("Tehran allegedly
sponsored", "offers Tehran a safe haven"), in which case the mention is its country; countries
are actors unless a place word precedes them ("in Cuba", "visit Iran"), and the place role runs
on along a list ("through Nicaragua, Ecuador, Chile and Bolivia"); demonyms are their country
as an actor ("the Iranian delegation"), or the region as a place ("Latin American countries").
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.actors.dictionary import AliasForm, AliasInfo, Dictionary, Rules
from timeline.actors.types import ActorKind, Role

__all__ = ["DictMention", "Token", "find_dictionary_mentions", "is_possessive_at"]

Token = tuple[str, int, int]

_APOSTROPHES = frozenset("'’")


@dataclass(frozen=True, slots=True)
class DictMention:
    """A dictionary alias found in the text, with its role and the actor it stands for."""

    start: int
    end: int
    text: str
    info: AliasInfo
    actor: str  # canonical name (a capital that acts is its country)
    role: Role
    possessive: bool
    first: int  # token indexes [first, last)
    last: int


def is_possessive_at(tokens: list[Token], j: int) -> bool:
    """True when tokens[j:j+2] are "'s" directly attached to the previous token."""
    return (
        j + 1 < len(tokens)
        and tokens[j][0] in _APOSTROPHES
        and tokens[j + 1][0].lower() == "s"
        and tokens[j][1] == tokens[j - 1][2]
        and tokens[j + 1][1] == tokens[j][2]
    )


def _case_ok(alias: AliasInfo, toks: list[Token], i: int) -> bool:
    for k, want in enumerate(alias.tokens):
        got = toks[i + k][0]
        if alias.cased:
            if got != want:
                return False
        elif want[:1].isupper() and not got[:1].isupper():
            return False
    return True


def _match_at(toks: list[Token], i: int, hi: int, dictionary: Dictionary) -> AliasInfo | None:
    tok = toks[i][0]
    if not tok[:1].isalnum():
        return None
    for alias in dictionary.candidates(tok):
        n = len(alias.tokens)
        if i + n > hi:
            continue
        if all(toks[i + k][0].lower() == alias.tokens[k].lower() for k in range(1, n)) and _case_ok(
            alias, toks, i
        ):
            return alias
    return None


def _is_name_word(tok: str, rules: Rules) -> bool:
    """A capitalised word that could be part of a person's or firm's name ("in Kabul Tuesday":
    calendar words are not)."""
    return (
        tok[:1].isupper()
        and tok.isalpha()
        and tok.lower() not in rules.function_words
        and tok not in rules.calendar_words
        and tok.lower() not in rules.title_index  # "Chad Foreign Minister", "Jordan's King"
    )


def _ambiguous_rejected(toks: list[Token], i: int, j: int, lo: int, hi: int, rules: Rules) -> bool:
    """ "Michael Jordan", "Chad Smith": a capitalised name word right next to the alias."""
    if i - 1 >= lo and _is_name_word(toks[i - 1][0], rules):
        return True
    return j < hi and _is_name_word(toks[j][0], rules)


def _is_language(info: AliasInfo, toks: list[Token], i: int, j: int, lo: int, hi: int) -> bool:
    """ "in English and Spanish": a singular demonym standing alone after in/and/or."""
    if info.form != AliasForm.DEMONYM or info.tokens[-1].endswith("s"):
        return False
    before = toks[i - 1][0].lower() if i > lo else ""
    after = toks[j][0] if j < hi else "."
    ends = not after[:1].isalnum() or after.lower() in {"and", "or"}
    return before in {"in", "and", "or"} and ends


def _governing_word(toks: list[Token], i: int, lo: int, rules: Rules) -> str:
    """The word before the mention, skipping determiners and hyphenated modifiers."""
    k = i - 1
    while k >= lo:
        w = toks[k][0]
        lw = w.lower()
        if lw in rules.determiners:
            k -= 1
            continue
        if k - 1 >= lo and toks[k - 1][0] == "-":  # "war-ravaged": skip the whole compound
            k -= 3
            continue
        return lw
    return ""


def _role(
    info: AliasInfo,
    toks: list[Token],
    i: int,
    j: int,
    lo: int,
    hi: int,
    possessive: bool,
    dictionary: Dictionary,
) -> tuple[Role, str]:
    rules = dictionary.rules
    if info.kind is ActorKind.REGION:
        return Role.PLACE, info.actor
    if info.kind is ActorKind.CITY:
        if info.form == AliasForm.CAPITAL and info.country is not None:
            nxt = toks[j][0] if j < hi else ""
            after = nxt.lower()
            before = _governing_word(toks, i, lo, rules)
            # a past-tense verb right after the capital: "Beijing showered Paris with praise"
            acts = nxt.islower() and nxt.endswith("ed") and len(nxt) > 3
            if before not in rules.place_before and (
                possessive or acts or after in rules.actor_after or before in rules.actor_before
            ):
                return Role.ACTOR, info.country
        return Role.PLACE, info.actor
    if info.kind is ActorKind.COUNTRY:
        if info.form == AliasForm.DEMONYM or possessive:
            return Role.ACTOR, info.actor
        before = _governing_word(toks, i, lo, rules)
        after = toks[j][0].lower() if j < hi else ""
        if before in rules.place_before and after not in rules.actor_nouns:
            return Role.PLACE, info.actor
        return Role.ACTOR, info.actor
    return Role.ACTOR, info.actor


def find_dictionary_mentions(
    text: str, toks: list[Token], lo: int, hi: int, dictionary: Dictionary
) -> list[DictMention]:
    """Dictionary mentions in tokens ``[lo, hi)`` (one sentence), in text order."""
    found: list[DictMention] = []
    i = lo
    while i < hi:
        info = _match_at(toks, i, hi, dictionary)
        if info is None:
            i += 1
            continue
        j = i + len(info.tokens)
        # Cities share names with people and firms ("George Washington", "Hitachi Ltd"):
        # like ambiguous names, they must not touch another capitalised name word.
        loose = info.ambiguous or info.kind is ActorKind.CITY
        if loose and _ambiguous_rejected(toks, i, j, lo, hi, dictionary.rules):
            i = j
            continue
        possessive = j < hi and is_possessive_at(toks, j)
        if _is_language(info, toks, i, j, lo, hi):
            i = j
            continue
        role, actor = _role(info, toks, i, j, lo, hi, possessive, dictionary)
        start, end = toks[i][1], toks[j - 1][2]
        found.append(DictMention(start, end, text[start:end], info, actor, role, possessive, i, j))
        i = j
    return _propagate_list_roles(found, text)


def _propagate_list_roles(found: list[DictMention], text: str) -> list[DictMention]:
    """A place role runs on along a list: "through Nicaragua, Ecuador, Chile and Bolivia"."""
    out: list[DictMention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.role is Role.PLACE
            and m.role is Role.ACTOR
            and m.info.kind in (ActorKind.COUNTRY, ActorKind.CITY)
            and m.info.form != AliasForm.DEMONYM
            and not m.possessive
            and text[prev.end : m.start].strip() in {",", "and", ", and", "or", ", or"}
        ):
            info = m.info
            place = info.actor
            m = DictMention(
                m.start, m.end, m.text, info, place, Role.PLACE, m.possessive, m.first, m.last
            )
        out.append(m)
    return out
