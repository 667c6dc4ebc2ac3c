"""Actors and places: who an event is about and where it happened.

- ``types``: value types (ActorEntry, Affiliation, ActorKind, Role) shared with the store.
- ``data/*.toml``: the dictionary as data (countries, regions, organisations, people) and the
  word lists the finder uses (``rules.toml``), each with examples that a test runs.
- ``rules``: those word lists as a frozen ``Rules``, and the tokenizer.
- ``dictionary``: ``load_dictionary()`` builds the immutable Dictionary and its alias index;
  ``Dictionary.with_entries()`` adds user entries from the database.
- ``find``: dictionary mentions in a sentence and their role (actor or place).
- ``chunks``: how names and titles run over tokens; the finders' value types.
- ``people``, ``organisations``: names found by context (titles, appositions, head words,
  acronyms).
- ``names``: one canonical spelling per person across transliterations.
- ``resolve``: everything above for one document, with coreference.

Nothing is imported here, so that ``import timeline`` stays fast; import the modules.
"""
