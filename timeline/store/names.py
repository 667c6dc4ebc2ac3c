"""The look-up form of actor names, shared by the writer and the query layer.

A module of its own so that read commands do not import the writer (and with it the
PostgreSQL dialect and the ingest types) just for this function.
"""

from __future__ import annotations


def alias_key(alias: str) -> str:
    """The look-up form of a name: case-folded, inner whitespace collapsed, "the " dropped."""
    key = " ".join(alias.casefold().split())
    return key[4:] if key.startswith("the ") else key
