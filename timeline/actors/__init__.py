"""Actors and places: who an event is about and where it happened.

- ``types``: value types (ActorEntry, Affiliation, ActorKind, Role) shared with the store.
- ``data/*.toml``: the dictionary as data (countries, regions, organisations, people) and the
  word lists the finder uses (``rules.toml``), each with examples that a test runs.
- ``dictionary``: ``load_dictionary()`` builds the immutable Dictionary and its alias index;
  ``Dictionary.with_entries()`` adds user entries from the database.
- ``find``: dictionary mentions in a sentence and their role (actor or place).
- ``people``: people and organisations found by context (titles, appositions, acronyms).
- ``names``: one canonical spelling per person across transliterations.
- ``resolve``: everything above for one document, with coreference.

Nothing is imported here, so that ``import timeline`` stays fast; import the modules.
"""
