"""Resolve the actors of one document: dictionary mentions, people and organisations found by
context, acronyms, surname coreference and sentence-initial pronouns.

Two passes over the sentences. The first finds dictionary mentions and named people and
organisations (with their titles, appositions and acronyms). Between the passes the people are
grouped (same surname and compatible given names are one person, named by its most complete
spelling, or by the dictionary's name when the dictionary knows them), so the second pass can
tie later mentions to them: a bare surname ("Zarif", "Takht-Ravanchi"), an acronym defined
earlier ("AP", "DoS"), a title with a possessor ("the Iranian FM"), or "He"/"She" opening a
sentence (the last person mentioned before; a cheap rule, noted in ``notes``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from timeline.actors.dictionary import Dictionary, tokenize
from timeline.actors.find import DictMention, Token, find_dictionary_mentions
from timeline.actors.names import canonical_person_name, normalise_name, same_person, surname_key
from timeline.actors.people import NameFinding, SentenceNames, find_names
from timeline.actors.types import ActorEntry, ActorKind, Affiliation, Role
from timeline.events.types import Mention

__all__ = ["ResolvedDocument", "resolve_document"]


@dataclass(slots=True)
class ResolvedDocument:
    """Mentions per sentence (same order as the spans given) and the actors they refer to."""

    mentions: list[list[Mention]]
    actors: dict[str, ActorEntry]
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Person:
    surfaces: list[str]
    dict_name: str | None = None
    affiliations: list[Affiliation] = field(default_factory=list)
    titles: set[tuple[str | None, str]] = field(default_factory=set)
    name: str = ""


@dataclass(slots=True)
class _Org:
    name: str
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)


def _sentence_tokens(starts: list[int], span: tuple[int, int]) -> tuple[int, int]:
    return bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])


def resolve_document(
    text: str, spans: list[tuple[int, int]], dictionary: Dictionary
) -> ResolvedDocument:
    """Find and resolve every actor and place mention in the sentences ``spans`` of ``text``."""
    toks = tokenize(text)
    starts = [s for _, s, _ in toks]
    ranges = [_sentence_tokens(starts, span) for span in spans]
    dms: list[list[DictMention]] = []
    names: list[SentenceNames] = []
    for lo, hi in ranges:
        found = find_dictionary_mentions(text, toks, lo, hi, dictionary)
        dms.append(found)
        names.append(find_names(text, toks, lo, hi, found, dictionary))

    doc = _DocModel(dictionary)
    for sent_dms, sent_names in zip(dms, names, strict=True):
        doc.collect(sent_dms, sent_names)
    doc.finish()
    for sent_dms, sent_names in zip(dms, names, strict=True):
        doc.acronyms(text, sent_dms, sent_names)

    out: list[list[Mention]] = []
    last_person: str | None = None
    notes: list[str] = []
    for (lo, hi), sent_dms, sent_names in zip(ranges, dms, names, strict=True):
        mentions = doc.mentions(text, toks, lo, hi, sent_dms, sent_names)
        if lo < hi and toks[lo][0].lower() in dictionary.rules.person_pronouns and last_person:
            tok, s, e = toks[lo]
            if not any(m.start == s for m in mentions):
                mentions.insert(0, Mention(last_person, Role.ACTOR, tok, s, e))
                notes.append(f"pronoun {tok!r} at {s} resolved to {last_person}")
        for m in mentions:
            entry = doc.entry(m.actor)
            if entry is not None and entry.kind is ActorKind.PERSON:
                last_person = m.actor
        out.append(mentions)
    actors = doc.actor_entries({m.actor for ms in out for m in ms})
    return ResolvedDocument(out, actors, notes)


class _DocModel:
    """The people, organisations and aliases of one document."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.d = dictionary
        self.variants = dictionary.rules.name_variants
        self.persons: list[_Person] = []
        self.orgs: dict[str, _Org] = {}
        self.extra_aliases: dict[str, list[str]] = {}  # dictionary actor -> aliases from text
        # (tokens...) -> actor: doc-level aliases matched case-sensitively in pass 2
        self.doc_alias: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.person_of: dict[str, str] = {}  # surface/dictionary name -> canonical name
        self.surname_of: dict[str, str] = {}  # surname as written -> canonical name
        self.person_by_name: dict[str, _Person] = {}  # canonical name -> person (after finish)
        self.org_alias: dict[str, str] = {}  # organisation name found -> dictionary entry

    # pass 1 -------------------------------------------------------------------------------
    def _person_for(self, surface: str, dict_name: str | None) -> _Person:
        for p in self.persons:
            if (
                (dict_name is not None and p.dict_name == dict_name)
                or any(same_person(surface, s, self.variants) for s in p.surfaces)
                or (p.dict_name is not None and same_person(surface, p.dict_name, self.variants))
            ):
                if dict_name is not None and p.dict_name is None:
                    p.dict_name = dict_name
                return p
        p = _Person([], dict_name)
        self.persons.append(p)
        return p

    def collect(self, dms: list[DictMention], names: SentenceNames) -> None:
        for f in names.findings:
            if f.kind is ActorKind.PERSON:
                p = self._person_for(f.name, f.dict_actor)
                if f.name not in p.surfaces:
                    p.surfaces.append(f.name)
                if f.country:
                    p.affiliations.append(Affiliation(f.country, f.relation or "member"))
                if f.title:
                    p.titles.add((f.country, f.title))
            else:
                known = self.d.lookup(f.name)
                if known:
                    continue
                org = self.orgs.setdefault(f.name, _Org(f.name, f.kind))
                if f.country and f.relation:
                    org.affiliations.append(Affiliation(f.country, f.relation))
        for m in dms:
            if m.info.kind is ActorKind.PERSON:
                p = self._person_for(m.text, m.actor)
                if m.text not in p.surfaces:
                    p.surfaces.append(m.text)

    def finish(self) -> None:
        for p in self.persons:
            if p.dict_name is None:
                for cand in self.d.surnames.get(surname_key(p.surfaces[0]), ()):
                    if all(same_person(s, cand, self.variants) for s in p.surfaces):
                        p.dict_name = cand
                        break
            p.name = p.dict_name or canonical_person_name(p.surfaces, self.variants)
            for s in {*p.surfaces, *(normalise_name(x, self.variants) for x in p.surfaces)}:
                self.person_of[s] = p.name
                self._add_doc_alias(s, p.name)
                surname = s.split()[-1]
                if surname[:1].isupper():
                    self._add_doc_alias(surname, p.name)
                    self.surname_of[surname] = p.name
            if p.dict_name is not None:
                self.person_of[p.dict_name] = p.name
        # two groups may end up with one name (both the dictionary's person): merge them
        merged: dict[str, _Person] = {}
        for p in self.persons:
            kept = merged.setdefault(p.name, p)
            if kept is not p:
                kept.surfaces.extend(x for x in p.surfaces if x not in kept.surfaces)
                kept.affiliations.extend(p.affiliations)
                kept.titles |= p.titles
        self.persons = list(merged.values())
        self.person_by_name = merged

    def _add_doc_alias(self, surface: str, actor: str) -> None:
        toks = tuple(t for t, _, _ in tokenize(surface))
        if toks:
            bucket = self.doc_alias.setdefault(toks[0], [])
            if (toks, actor) not in bucket:
                bucket.append((toks, actor))
                bucket.sort(key=lambda a: -len(a[0]))

    def acronyms(self, text: str, dms: list[DictMention], names: SentenceNames) -> None:
        if not names.acronyms:
            return
        findings_at = {f.end: f for f in names.findings}
        dms_at = {m.end: m for m in dms}
        for a in names.acronyms:
            known = self.d.lookup(a.acronym)
            f = findings_at.get(a.target_end)
            m = dms_at.get(a.target_end)
            if known:
                # "United Nations High Commission for Refugees (UNHCR)": the long name found
                # in the text is the dictionary entry the acronym names
                if f is not None and f.kind is not ActorKind.PERSON and f.name in self.orgs:
                    del self.orgs[f.name]
                    self.org_alias[f.name] = known[0].actor
                    self.extra_aliases.setdefault(known[0].actor, []).append(f.name)
                continue
            target: str | None = None
            if f is not None:
                target = self.person_of.get(f.name) if f.kind is ActorKind.PERSON else f.name
            if m is not None and m.info.kind in (ActorKind.ORGANISATION, ActorKind.GROUP):
                target = m.actor
                self.extra_aliases.setdefault(m.actor, []).append(a.acronym)
            if target is None:
                if m is not None or a.target_start < 0:
                    # "Buenos Aires (AMIA)": not an abbreviation of a place;
                    # "gross domestic product (GDP)": a term, not an organisation
                    continue
                name = text[a.target_start : a.target_end]
                self.orgs.setdefault(name, _Org(name, ActorKind.ORGANISATION))
                self._add_doc_alias(name, name)
                target = name
            elif target in self.orgs:
                self.orgs[target].aliases.append(a.acronym)
            self._add_doc_alias(a.acronym, target)

    # pass 2 -------------------------------------------------------------------------------
    def _finding_actor(self, f: NameFinding) -> str | None:
        if f.kind is ActorKind.PERSON:
            return self.person_of.get(f.name)
        known = self.d.lookup(f.name)
        if known:
            return known[0].actor
        if f.name in self.org_alias:
            return self.org_alias[f.name]
        return f.name if f.name in self.orgs else None

    def mentions(
        self,
        text: str,
        toks: list[Token],
        lo: int,
        hi: int,
        dms: list[DictMention],
        names: SentenceNames,
    ) -> list[Mention]:
        out: list[Mention] = []
        if lo >= hi:
            return out
        # which characters of the sentence a mention already holds (linear, not pairwise)
        base = toks[lo][1]
        held = bytearray(toks[hi - 1][2] - base)

        def hold(s: int, e: int) -> None:
            held[s - base : e - base] = b"\x01" * (e - s)

        def free(s: int, e: int) -> bool:
            return held.find(1, s - base, e - base) == -1

        def inside(s: int, e: int) -> bool:
            return held.find(0, s - base, e - base) == -1

        for f in names.findings:
            actor = self._finding_actor(f)
            if actor is not None:
                out.append(Mention(actor, Role.ACTOR, f.name, f.start, f.end))
                hold(f.start, f.end)
        by_end = {m.end: m for m in dms}
        # names this document defined (people, acronyms, organisations named in full) come
        # before the dictionary: "Chinese Academy of Sciences" beats the "Chinese" inside it
        i = lo
        while i < hi:
            hit = self._doc_alias_at(toks, i, hi)
            if hit is None:
                i += 1
                continue
            n, actor = hit
            s, e = toks[i][1], toks[i + n - 1][2]
            if free(s, e):
                out.append(Mention(actor, Role.ACTOR, text[s:e], s, e))
                hold(s, e)
                self._possessor_affiliation(toks, i, lo, by_end, actor)
            i += n
        for m in dms:
            if inside(m.start, m.end):
                continue  # inside a name found by context ("U.S." in "U.S. Embassy")
            actor = (
                self.person_of.get(m.actor, m.actor) if m.info.kind is ActorKind.PERSON else m.actor
            )
            role = m.role
            if m.info.kind is ActorKind.CITY and m.text in self.surname_of:
                # a person of this document bears the name ("Livingstone said")
                actor, role = self.surname_of[m.text], Role.ACTOR
            out.append(Mention(actor, role, m.text, m.start, m.end))
            hold(m.start, m.end)
        for r in names.role_refs:
            holders = {p.name for p in self.persons if (r.country, r.title) in p.titles}
            if len(holders) == 1:
                out.append(Mention(holders.pop(), Role.ACTOR, r.text, r.start, r.end))
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def _possessor_affiliation(
        self, toks: list[Token], i: int, lo: int, by_end: dict[int, DictMention], actor: str
    ) -> None:
        """ "Iran's Zarif", "Cuba's Castro": the possessive country is the person's."""
        if i - 2 < lo or toks[i - 1][0].lower() != "s" or toks[i - 2][0] not in "'’":
            return
        owner = by_end.get(toks[i - 2][1])
        if owner is None or owner.info.kind is not ActorKind.COUNTRY:
            return
        p = self.person_by_name.get(actor)
        if p is not None and not any(a.parent == owner.actor for a in p.affiliations):
            p.affiliations.append(Affiliation(owner.actor, "member"))

    def _doc_alias_at(self, toks: list[Token], i: int, hi: int) -> tuple[int, str] | None:
        for alias, actor in self.doc_alias.get(toks[i][0], ()):
            n = len(alias)
            if i + n <= hi and all(toks[i + k][0] == alias[k] for k in range(n)):
                # a surname must not be the start of a longer capitalised name
                if i + n < hi and toks[i + n][0] == "-":
                    continue
                return n, actor
        return None

    # output ------------------------------------------------------------------------------
    def entry(self, name: str) -> ActorEntry | None:
        if name in self.person_by_name:
            return ActorEntry(name, ActorKind.PERSON)
        if name in self.orgs:
            return ActorEntry(name, self.orgs[name].kind)
        return self.d.get(name)

    def actor_entries(self, names: set[str]) -> dict[str, ActorEntry]:
        out: dict[str, ActorEntry] = {}
        todo = sorted(names)
        while todo:
            name = todo.pop()
            if name in out:
                continue
            entry = self._full_entry(name)
            if entry is None:
                continue
            out[name] = entry
            todo.extend(a.parent for a in entry.affiliations if a.parent not in out)
        return out

    def _full_entry(self, name: str) -> ActorEntry | None:
        base = self.d.get(name)
        p = self.person_by_name.get(name)
        if p is not None:
            aliases = [
                s
                for s in dict.fromkeys(
                    [
                        *(base.aliases if base else ()),
                        *p.surfaces,
                        *(normalise_name(s, self.variants) for s in p.surfaces),
                    ]
                )
                if s != name
            ]
            affs = list(base.affiliations) if base else []
            for a in p.affiliations:
                if not any(b.parent == a.parent and b.relation == a.relation for b in affs):
                    affs.append(a)
            titles = sorted({t for _, t in p.titles})
            return ActorEntry(
                name,
                ActorKind.PERSON,
                aliases=tuple(aliases),
                affiliations=tuple(affs),
                description=(base.description if base else None) or ("; ".join(titles) or None),
            )
        if name in self.orgs:
            org = self.orgs[name]
            return ActorEntry(
                name,
                org.kind,
                aliases=tuple(dict.fromkeys(org.aliases)),
                affiliations=tuple(dict.fromkeys(org.affiliations)),
            )
        if base is None:
            return None
        extra = self.extra_aliases.get(name)
        if extra:
            return ActorEntry(
                base.name,
                base.kind,
                base.code,
                tuple(dict.fromkeys([*base.aliases, *extra])),
                base.affiliations,
                base.description,
            )
        return base
