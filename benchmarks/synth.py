"""Build a realistic synthetic timeline database for the query benchmarks.

Usage: .venv/bin/python benchmarks/synth.py [--events 1000000] [--db /tmp/timeline-1m.db]

The schema is the real one: ``open_store(path, write=True)`` runs the Alembic migrations, then
rows go in with plain ``sqlite3`` ``executemany`` in large transactions. To build in minutes
rather than hours, the secondary indexes and the FTS triggers are dropped for the load and
re-created afterwards from their own ``sqlite_master`` text, and ``events_fts`` is filled with one
``'rebuild'``: the finished file's schema is byte for byte what the migrations made.

What "realistic" means here (the query plans depend on it):

- 10,000 actors with a Zipf-like frequency (a few countries in most events, a long tail of
  people, organisations and groups seen a handful of times), countries with aliases and ISO
  codes from pycountry, people affiliated with countries (so ``--actor Iran`` expands to Iran
  and dozens of affiliated people), cities located in countries as places;
- 100,000 documents published 1990-2025, each holding the sentences of its events, so that
  every offset points into the document text;
- event dates across a century, mostly shortly before publication, at day, month, year and
  decade precision, some ranges ("between 2005 and 2012"), some approximate, a few unresolved;
- 1-3 actor links and 0-1 place link per event, with the event's dates copied into
  ``event_actors`` as the writer does;
- sentences built from a vocabulary, so that ``--text sanctions`` finds a few percent of events.

Nothing is ANALYZEd: an ingested database is not either, so the planner must do without
statistics here too.

The last line printed names a frequent and a rare actor (``frequent=Iran rare=...``); the same
pair is written next to the database as ``PATH.actors.json`` for bench_queries.py.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

N_ACTORS = 10_000
N_DOCUMENTS = 100_000
# Zipf exponent of actor frequency: with s=1 the top actor is in ~10% of actor links.
ZIPF_S = 1.0
# Rows per executemany/transaction chunk: big enough to amortise, small enough for flat memory.
DOCS_PER_BATCH = 2_000
SEED = 20261123

# The most-reported countries take the top frequency ranks, in this order; the rest of the
# 10,000 actors are shuffled into the remaining ranks.
TOP_COUNTRIES = (
    "IRN", "USA", "ISR", "RUS", "CHN", "SYR", "IRQ", "SAU", "GBR", "FRA",
    "DEU", "TUR", "UKR", "AFG", "PAK", "IND", "LBN", "EGY", "JPN", "PRK",
)  # fmt: skip

# Adjectives and colloquial names that news text uses for countries (aliases in the store).
COUNTRY_ALIASES = {
    "IRN": ("Iranian", "Islamic Republic of Iran", "Persia"),
    "USA": ("United States", "US", "U.S.", "America", "American", "Washington"),
    "ISR": ("Israeli", "Jerusalem"),
    "RUS": ("Russian", "Russian Federation", "Moscow", "Kremlin"),
    "CHN": ("Chinese", "Beijing", "People's Republic of China"),
    "SYR": ("Syrian", "Damascus"),
    "IRQ": ("Iraqi", "Baghdad"),
    "SAU": ("Saudi", "Riyadh"),
    "GBR": ("United Kingdom", "British", "UK", "London"),
    "FRA": ("French", "Paris"),
    "DEU": ("German", "Berlin"),
    "TUR": ("Turkish", "Ankara", "Türkiye"),
    "UKR": ("Ukrainian", "Kyiv"),
    "PRK": ("North Korea", "North Korean", "Pyongyang"),
}

VERBS = (
    "signed", "announced", "rejected", "welcomed", "condemned", "proposed", "suspended",
    "resumed", "approved", "criticised", "negotiated", "postponed", "denied", "confirmed",
    "launched", "ended", "joined", "left", "violated", "extended", "imposed", "lifted",
)  # fmt: skip
NOUNS = (
    "agreement", "sanctions", "talks", "ceasefire", "nuclear programme", "embargo", "treaty",
    "election", "referendum", "inquiry", "offensive", "blockade", "summit", "deal", "bombing",
    "protests", "reforms", "budget", "tariffs", "pipeline", "investigation", "resolution",
    "accord", "trade pact", "missile tests", "enrichment", "inspection", "evacuation",
)  # fmt: skip
ADJECTIVES = (
    "new", "controversial", "long-awaited", "interim", "comprehensive", "bilateral", "secret",
    "disputed", "landmark", "fragile", "sweeping", "limited", "regional", "emergency",
)  # fmt: skip
SYLLABLES = (
    "ka", "ri", "mo", "ta", "sa", "de", "li", "na", "ro", "ve", "zu", "ha", "mi", "do", "fa",
    "be", "lo", "ne", "su", "ga", "ti", "ra", "ko", "ma", "ze", "ya", "pi", "no", "ha", "el",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
ORG_WORDS = ("Council", "Agency", "Front", "Union", "Movement", "Institute", "Bank", "Party")
# Names news text uses where pycountry's differ ("Russian Federation", "Türkiye").
COUNTRY_NAMES = {"RUS": "Russia", "TUR": "Turkey", "GBR": "Britain", "USA": "United States"}
GROUP_WORDS = ("Brigade", "Army", "Militia", "Guard", "Legion", "Network")


@dataclass
class SynthActor:
    id: int
    name: str
    kind: str
    code: str | None = None
    aliases: tuple[str, ...] = ()
    parent: int | None = None
    relation: str | None = None


@dataclass
class Tables:
    """The rows of one batch, as tuples in column order of the INSERTs below."""

    documents: list[tuple[object, ...]] = field(default_factory=list)
    timexes: list[tuple[object, ...]] = field(default_factory=list)
    events: list[tuple[object, ...]] = field(default_factory=list)
    links: list[tuple[object, ...]] = field(default_factory=list)


INSERT = {
    "documents": "INSERT INTO documents (id, content_hash, source, title, url, external_id, format,"
    " published, published_source, text, word_count, ingested_at)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "timexes": "INSERT INTO timexes (id, document_id, start, end, text, type, value, mod,"
    " date_start, date_end, precision, approximate) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "events": "INSERT INTO events (id, document_id, timex_id, position, text, start, end,"
    " date_start, date_end, precision, approximate) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "links": "INSERT INTO event_actors (event_id, actor_id, role, mention_text, start, end,"
    " date_start, date_end) VALUES (?,?,?,?,?,?,?,?)",
}


def _alias_key(alias: str) -> str:
    # Same rule as timeline.store.writer.alias_key, repeated to keep this script's imports
    # light; the query layer looks aliases up by this key.
    key = " ".join(alias.casefold().split())
    return key[4:] if key.startswith("the ") else key


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_actors(rng: random.Random, n: int) -> list[SynthActor]:
    """Countries, cities, people, organisations and groups; ids 1..n, in frequency-rank order."""
    import pycountry

    countries = [c for c in pycountry.countries]
    by_code = {c.alpha_3: c for c in countries}
    ordered = [by_code[c] for c in TOP_COUNTRIES] + sorted(
        (c for c in countries if c.alpha_3 not in TOP_COUNTRIES), key=lambda c: c.alpha_3
    )
    actors: list[SynthActor] = []
    for c in ordered:
        name = COUNTRY_NAMES.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        aliases = {c.name, getattr(c, "official_name", c.name), *COUNTRY_ALIASES.get(c.alpha_3, ())}
        aliases.discard(name)
        actors.append(SynthActor(0, name, "country", c.alpha_3, tuple(sorted(aliases))))
    n_countries = len(actors)
    # Countries are drawn for affiliations with weight 1/sqrt(rank): the top country gets
    # a few dozen affiliated people, a small country a handful.
    country_cw = list(itertools.accumulate(1 / (r + 1) ** 0.5 for r in range(n_countries)))

    def a_country() -> int:
        return bisect.bisect_left(country_cw, rng.random() * country_cw[-1])

    rest: list[SynthActor] = []
    seen: set[tuple[str, str]] = {(a.name, a.kind) for a in actors}

    def add(name: str, kind: str, parent: int | None = None, relation: str | None = None) -> None:
        if (name, kind) in seen:
            return
        seen.add((name, kind))
        rest.append(SynthActor(0, name, kind, parent=parent, relation=relation))

    n_rest = n - n_countries
    n_cities = n_rest // 20
    n_orgs = n_rest // 5
    n_groups = n_rest // 8
    while sum(1 for a in rest if a.kind == "city") < n_cities:
        add(_name(rng, 3), "city", a_country(), "located_in")
    while sum(1 for a in rest if a.kind == "organisation") < n_orgs:
        parent = a_country() if rng.random() < 0.2 else None
        add(f"{_name(rng, 2)} {rng.choice(ORG_WORDS)}", "organisation", parent, "part_of")
    while sum(1 for a in rest if a.kind == "group") < n_groups:
        parent = a_country() if rng.random() < 0.1 else None
        add(f"{_name(rng, 2)} {rng.choice(GROUP_WORDS)}", "group", parent, "sponsor")
    while len(rest) < n_rest:
        parent = a_country() if rng.random() < 0.3 else None
        add(f"{_name(rng, 2)} {_name(rng, 3)}", "person", parent, "member")
    rng.shuffle(rest)
    # Parents were drawn as positions in the country list, which are ids - 1.
    actors.extend(rest)
    for i, a in enumerate(actors, start=1):
        a.id = i
        if a.parent is not None:
            a.parent += 1
    return actors


def _cum_zipf(n: int) -> list[float]:
    return list(itertools.accumulate(1 / (r + 1) ** ZIPF_S for r in range(n)))


def _date_phrase(rng: random.Random, published: date) -> tuple[str, str, str, str, str, str]:
    """(text, timex value, mod, start, end, precision) of one date expression."""
    year_lo = 1925
    if rng.random() < 0.7:
        day = published - timedelta(days=int(rng.expovariate(1 / 120)))
    else:
        day = date(rng.randint(year_lo, published.year), rng.randint(1, 12), rng.randint(1, 28))
    y, m = day.year, day.month
    roll = rng.random()
    mod = ""
    if roll < 0.50:
        text = f"on {day.day} {MONTHS[m - 1]} {y}"
        value, start, end, precision = day.isoformat(), day.isoformat(), day.isoformat(), "day"
    elif roll < 0.70:
        last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
        text, value, precision = f"in {MONTHS[m - 1]} {y}", f"{y:04d}-{m:02d}", "month"
        start, end = f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"
    elif roll < 0.88:
        text, value, precision = f"in {y}", f"{y:04d}", "year"
        start, end = f"{y:04d}-01-01", f"{y:04d}-12-31"
    elif roll < 0.93:
        d = y // 10 * 10
        text, value, precision = f"in the {d}s", f"{d // 10:03d}", "decade"
        start, end = f"{d:04d}-01-01", f"{d + 9:04d}-12-31"
    else:
        y2 = min(published.year, y + rng.randint(1, 8))
        text, value, precision = f"between {y} and {y2}", f"{y:04d}/{y2:04d}", "year"
        start, end = f"{y:04d}-01-01", f"{y2:04d}-12-31"
    if precision != "day" and rng.random() < 0.1:
        text, mod = "around " + text.split(" ", 1)[1], "APPROX"
    return text, value, mod, start, end, precision


class Builder:
    """Generates documents with their events in id order, batch by batch."""

    def __init__(self, rng: random.Random, actors: Sequence[SynthActor], n_events: int) -> None:
        self.rng = rng
        self.n_events = n_events
        self.people = [a for a in actors if a.kind != "city"]
        self.places = [a for a in actors if a.kind == "city"]
        self.people_cw = _cum_zipf(len(self.people))
        self.places_cw = _cum_zipf(len(self.places))
        self.next_event = 1
        self.timestamp = "2026-11-23T12:00:00+00:00"

    def _mention(self, a: SynthActor) -> str:
        if a.aliases and self.rng.random() < 0.3:
            return self.rng.choice(a.aliases)
        return a.name

    def documents(self, first: int, count: int, total_docs: int) -> Tables:
        rng = self.rng
        t = Tables()
        span_days = (date(2025, 12, 31) - date(1990, 1, 1)).days
        for doc_id in range(first, first + count):
            # Publication dates rise with the document id, as an archive is ingested.
            published = date(1990, 1, 1) + timedelta(
                days=span_days * (doc_id - 1) // total_docs + rng.randint(0, 3)
            )
            remaining_docs = total_docs - doc_id + 1
            remaining_events = self.n_events - self.next_event + 1
            mean = remaining_events / remaining_docs
            n = max(0, min(remaining_events, round(rng.uniform(0.5, 1.5) * mean)))
            if doc_id == total_docs:
                n = remaining_events
            title = f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} {rng.choice(VERBS)}"
            parts = [title, "\n\n"]
            pos = len(title) + 2
            undated = rng.random() < 0.005
            for position in range(n):
                event_id = self.next_event
                self.next_event += 1
                k = rng.choice((1, 1, 1, 2, 2, 3))
                picked = rng.choices(self.people, cum_weights=self.people_cw, k=k)
                who = list({a.id: a for a in picked}.values())
                place = (
                    rng.choices(self.places, cum_weights=self.places_cw, k=1)[0]
                    if rng.random() < 0.5
                    else None
                )
                dtext, value, mod, dstart, dend, precision = _date_phrase(rng, published)
                if undated:
                    dstart = dend = precision = None  # type: ignore[assignment]
                    value = "XXXX" + value[4:]
                # Build the sentence left to right, keeping document offsets of each piece.
                sentence: list[str] = []
                at = pos
                mentions: list[tuple[SynthActor, str, int, str]] = []
                for i, a in enumerate(who):
                    if i:
                        sep = " and " if i == len(who) - 1 else ", "
                        sentence.append(sep)
                        at += len(sep)
                    m = self._mention(a)
                    mentions.append((a, m, at, "actor"))
                    sentence.append(m)
                    at += len(m)
                clause = f" {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
                sentence.append(clause)
                at += len(clause)
                if place is not None:
                    sentence.append(" in ")
                    at += 4
                    mentions.append((place, place.name, at, "place"))
                    sentence.append(place.name)
                    at += len(place.name)
                sentence.append(" ")
                at += 1
                tstart = at
                sentence.append(dtext)
                at += len(dtext)
                sentence.append(".")
                at += 1
                text = "".join(sentence)
                t.timexes.append(
                    (event_id, doc_id, tstart, tstart + len(dtext), dtext, "DATE", value,
                     mod or None, dstart, dend, precision, bool(mod))
                )  # fmt: skip
                t.events.append(
                    (event_id, doc_id, event_id, position, text, pos, at, dstart, dend,
                     precision, bool(mod))
                )  # fmt: skip
                for a, m, mstart, role in mentions:
                    t.links.append((event_id, a.id, role, m, mstart, mstart + len(m), dstart, dend))
                parts.append(text)
                parts.append(" ")
                pos = at + 1
            body = "".join(parts)
            t.documents.append(
                (doc_id, f"{doc_id:064x}", f"synthetic/{published.isoformat()}-{doc_id}.txt",
                 title, None, None, "text", None if undated else published.isoformat(),
                 "none" if undated else "metadata", body, len(body.split()), self.timestamp)
            )  # fmt: skip
        return t


def _secondary_objects(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(type, name, sql) of the explicit indexes and triggers, to drop for the load."""
    return [
        (r[0], r[1], r[2])
        for r in conn.execute(
            "SELECT type, name, sql FROM sqlite_master"
            " WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name"
        )
    ]


def insert_actors(conn: sqlite3.Connection, actors: Sequence[SynthActor]) -> None:
    conn.executemany(
        "INSERT INTO actors (id, name, kind, code, description, origin) VALUES (?,?,?,?,?,?)",
        [(a.id, a.name, a.kind, a.code, None, "dictionary") for a in actors],
    )
    aliases = {(a.id, alias): _alias_key(alias) for a in actors for alias in (a.name, *a.aliases)}
    conn.executemany(
        "INSERT INTO actor_aliases (actor_id, alias, alias_key, origin) VALUES (?,?,?,?)",
        [(aid, alias, key, "dictionary") for (aid, alias), key in aliases.items()],
    )
    conn.executemany(
        "INSERT INTO actor_affiliations (actor_id, parent_id, relation, date_start, date_end,"
        " origin) VALUES (?,?,?,?,?,?)",
        [
            (a.id, a.parent, a.relation, None, None, "dictionary")
            for a in actors
            if a.parent is not None
        ],
    )


def batches(n_docs: int) -> Iterator[tuple[int, int]]:
    for first in range(1, n_docs + 1, DOCS_PER_BATCH):
        yield first, min(DOCS_PER_BATCH, n_docs - first + 1)


def pick_actors(conn: sqlite3.Connection) -> tuple[str, str]:
    """The most linked actor, and a rarely linked one (10-30 events) from the long tail."""
    frequent = conn.execute(
        "SELECT a.name FROM actors a WHERE a.id = (SELECT actor_id FROM event_actors"
        " WHERE role = 'actor' GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1)"
    ).fetchone()
    rare = conn.execute(
        "SELECT a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id"
        " WHERE ea.role = 'actor' AND a.kind = 'person'"
        " AND NOT EXISTS (SELECT 1 FROM actor_affiliations f WHERE f.parent_id = a.id)"
        " GROUP BY a.id HAVING count(*) BETWEEN 10 AND 30 ORDER BY a.id DESC LIMIT 1"
    ).fetchone()
    return frequent[0], rare[0] if rare else frequent[0]


def sidecar(db: Path) -> Path:
    return db.with_name(db.name + ".actors.json")


def build(db: Path, n_events: int, n_docs: int, n_actors: int, seed: int) -> tuple[str, str]:
    from timeline.store.database import open_store

    if db.exists():
        raise SystemExit(f"{db} exists; remove it first")
    began = time.perf_counter()
    store = open_store(str(db), write=True)  # Alembic upgrade head: the real schema
    store.close()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MiB for the index builds
    saved = _secondary_objects(conn)
    for type_, name, _sql in saved:
        conn.execute(f'DROP {type_.upper()} "{name}"')
    print(f"schema by migrations; dropped {len(saved)} indexes/triggers for the load", flush=True)

    rng = random.Random(seed)
    actors = make_actors(rng, n_actors)
    conn.execute("BEGIN")
    insert_actors(conn, actors)
    conn.execute("COMMIT")
    builder = Builder(rng, actors, n_events)
    counts = dict.fromkeys(INSERT, 0)
    for first, count in batches(n_docs):
        t = builder.documents(first, count, n_docs)
        conn.execute("BEGIN")
        for table in INSERT:
            rows = getattr(t, table)
            conn.executemany(INSERT[table], rows)
            counts[table] += len(rows)
        conn.execute("COMMIT")
        if (first - 1) % (DOCS_PER_BATCH * 10) == 0:
            print(
                f"  {first + count - 1:>7} documents {counts['events']:>9} events"
                f"  {time.perf_counter() - began:6.1f} s",
                flush=True,
            )
    loaded = time.perf_counter()
    print(f"rows loaded in {loaded - began:.1f} s: {counts}", flush=True)
    for type_, _name, sql in saved:
        if type_ == "index":
            conn.execute(sql)
    indexed = time.perf_counter()
    print(f"indexes re-created in {indexed - loaded:.1f} s", flush=True)
    conn.execute("INSERT INTO events_fts(events_fts) VALUES('rebuild')")
    for type_, _name, sql in saved:
        if type_ == "trigger":
            conn.execute(sql)
    print(f"full-text index rebuilt in {time.perf_counter() - indexed:.1f} s", flush=True)
    after = _secondary_objects(conn)
    assert after == saved, "schema objects differ from what the migrations made"
    frequent, rare = pick_actors(conn)
    conn.execute("PRAGMA journal_mode = WAL")  # what every timeline connection sets
    conn.close()
    sidecar(db).write_text(json.dumps({"frequent": frequent, "rare": rare}), encoding="utf-8")
    size = db.stat().st_size / 2**20
    print(f"built {db} ({size:.0f} MiB) in {time.perf_counter() - began:.1f} s")
    return frequent, rare


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--documents", type=int, help="default: events / 10 (100,000 for 1M)")
    parser.add_argument("--actors", type=int, default=N_ACTORS)
    parser.add_argument("--db", type=Path, default=Path("/tmp/timeline-synth-1m.db"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    n_docs = args.documents or max(1, min(N_DOCUMENTS, args.events // 10))
    frequent, rare = build(args.db, args.events, n_docs, args.actors, args.seed)
    print(f"frequent={frequent} rare={rare}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
