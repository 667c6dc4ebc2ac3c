"""Person names: one canonical spelling across transliterations.

"Mohammed Javad Zarif", "Mohammad Jawad Zarif" and "Muhammad Javad Zarif" are one person; the
store keys actors on their canonical name, so every variant must normalise to the same string.
The variants table lives in ``data/rules.toml`` (``people.name_variants``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["canonical_person_name", "normalise_name", "same_person", "surname_key"]

_SURNAME_PREFIXES = ("al-", "el-", "Al-", "El-")


def normalise_name(name: str, variants: Mapping[str, str]) -> str:
    """Collapse whitespace and map each given-name variant to its canonical spelling."""
    words = name.split()
    out = [variants.get(w.lower(), w) if i < len(words) - 1 else w for i, w in enumerate(words)]
    return " ".join(out)


def surname_key(name: str) -> str:
    """The lower-case surname without an Arabic article ("Bashar al-Assad" -> "assad")."""
    words = name.split()
    if not words:
        return ""
    last = words[-1]
    for prefix in _SURNAME_PREFIXES:
        if last.startswith(prefix) and len(last) > len(prefix):
            last = last[len(prefix) :]
            break
    return last.lower().strip(".,")


def _given(name: str, variants: Mapping[str, str]) -> list[str]:
    return [variants.get(w.lower(), w).lower() for w in name.split()[:-1]]


def same_person(a: str, b: str, variants: Mapping[str, str]) -> bool:
    """Same surname and compatible given names (one list contained in the other)."""
    if surname_key(a) != surname_key(b):
        return False
    ga, gb = set(_given(a, variants)), set(_given(b, variants))
    return not ga or not gb or ga <= gb or gb <= ga


def canonical_person_name(names: Iterable[str], variants: Mapping[str, str]) -> str:
    """The most complete normalised name among ``names`` (most words, then longest)."""
    normal = [normalise_name(n, variants) for n in names]
    return max(normal, key=lambda n: (len(n.split()), len(n), n))
