"""Events: one per dated mention, with its clause, interval, actors and places.

- ``types``: value types (Mention, ExtractedEvent, Extraction) shared with the store.
- ``segment``: sentence spans of news text.
- ``anchor``: which date expressions make events, and derived intervals ("twenty years
  after the attack in 1994").
- ``clauses``: one clause per dated fact of a sentence.
- ``extract``: ``extract(text, dct, dictionary, timexes)`` and ``extract_document``.
- ``grouping``: reports of one event across documents.

Nothing is imported here, so that ``import timeline`` stays fast; import the modules.
"""
