"""One person across documents is one actor, whatever spelling each article uses."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import Invoke
from timeline.actors.types import ActorEntry, ActorKind
from timeline.store.database import open_store
from timeline.store.dictionary_sync import stored_people
from timeline.store.models import Actor, ActorAlias
from timeline.store.writer import ActorIds, load_entries, upsert_actor

SHORT = "Iranian Deputy Foreign Minister Reza Karimi said on 3 March 2016 that talks would resume."
LONG = "Deputy Foreign Minister Mohammad Reza Karimi met European envoys on 5 April 2016 in Vienna."
OTHER = "Ali Karimi, Iran's oil minister, said on 7 May 2016 that exports would rise."


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\npublished: 2016-06-30\n---\n{text}\n", encoding="utf-8")
    return path


def _people(db: Path) -> dict[str, set[str]]:
    """Person actors found in text, with their aliases."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT a.name, l.alias FROM actors a JOIN actor_aliases l ON l.actor_id = a.id"
            " WHERE a.kind = 'person' AND a.origin = 'text'"
        ).fetchall()
    out: dict[str, set[str]] = {}
    for name, alias in rows:
        out.setdefault(name, set()).add(alias)
    return out


def _listed(run: Invoke, actor: str, *flags: str) -> list[tuple[str, str]]:
    result = run("list", "--actor", actor, "--csv", *flags)
    assert result.exit_code == 0, result.output
    rows = csv.DictReader(io.StringIO(result.output))
    return [(Path(r["document"]).name, r["date_start"]) for r in rows]


@pytest.mark.parametrize(
    "together", [pytest.param(False, id="two-ingests"), pytest.param(True, id="one-ingest")]
)
@pytest.mark.parametrize(
    "texts",
    [pytest.param((SHORT, LONG), id="short-first"), pytest.param((LONG, SHORT), id="long-first")],
)
def test_two_spellings_are_one_actor(
    run: Invoke, db_path: Path, tmp_path: Path, texts: tuple[str, str], together: bool
) -> None:
    first = _write(tmp_path / "in", "1.txt", texts[0])
    second = _write(tmp_path / "in", "2.txt", texts[1])
    if together:
        assert run("ingest", str(first.parent)).exit_code == 0
    else:
        assert run("ingest", str(first)).exit_code == 0
        assert run("ingest", str(second)).exit_code == 0
    people = _people(db_path)
    assert list(people) == ["Mohammad Reza Karimi"]
    assert {"Reza Karimi", "Mohammad Reza Karimi", "Karimi"} <= people["Mohammad Reza Karimi"]
    dates = {SHORT: "2016-03-03", LONG: "2016-04-05"}
    both = [("1.txt", dates[texts[0]]), ("2.txt", dates[texts[1]])]
    for spelling in ("Reza Karimi", "Mohammad Reza Karimi", "Karimi"):
        assert sorted(_listed(run, spelling, "--exact")) == both


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param((SHORT, OTHER), id="reza-then-ali"),
        pytest.param((OTHER, LONG), id="ali-then-mohammad-reza"),
        pytest.param(
            (
                "Senator George Hollings said on 3 March 2016 that the bill would pass.",
                "Governor Jeb Hollings said on 4 March 2016 that he would veto it.",
            ),
            id="george-then-jeb",
        ),
    ],
)
def test_different_given_names_stay_two_people(
    run: Invoke, db_path: Path, tmp_path: Path, texts: tuple[str, str]
) -> None:
    for i, text in enumerate(texts):
        assert run("ingest", str(_write(tmp_path / "in", f"{i}.txt", text))).exit_code == 0
    people = _people(db_path)
    assert len(people) == 2, people
    for name in people:
        assert len(_listed(run, name, "--exact")) == 1


def test_a_stored_person_is_found_in_a_later_article_without_a_title(
    run: Invoke, db_path: Path, tmp_path: Path
) -> None:
    titled = (
        "Deputy Foreign Minister Esfandiar Kamali said on 3 March 2016 that talks would resume."
    )
    bare = "Esfandiar Kamali arrived in Geneva on 9 May 2016."
    assert run("ingest", str(_write(tmp_path / "a", "1.txt", titled))).exit_code == 0
    assert run("ingest", str(_write(tmp_path / "b", "2.txt", bare))).exit_code == 0
    assert [d for d, _ in _listed(run, "Esfandiar Kamali", "--exact")] == ["1.txt", "2.txt"]


@pytest.fixture
def store_session(db_path: Path) -> Iterator[Session]:
    store = open_store(str(db_path))
    with store.session() as session:
        yield session
    store.close()


def _person(name: str, *aliases: str) -> ActorEntry:
    return ActorEntry(name, ActorKind.PERSON, aliases=aliases)


def test_a_bare_surname_that_fits_two_people_is_its_own_actor(store_session: Session) -> None:
    cache = ActorIds()
    george = upsert_actor(store_session, _person("George Hollings"), cache)
    assert upsert_actor(store_session, _person("Hollings"), ActorIds()) == george
    jeb = upsert_actor(store_session, _person("Jeb Hollings"), ActorIds())
    assert jeb != george
    # with both stored, a bare "Hollings" cannot tell them apart
    alone = upsert_actor(store_session, _person("Hollings"), ActorIds())
    assert alone not in {george, jeb}
    assert upsert_actor(store_session, _person("Jeb Hollings"), ActorIds()) == jeb


def test_dictionary_people_keep_their_name(store_session: Session) -> None:
    load_entries(store_session, [_person("Javad Zarif", "Zarif")], "dictionary")
    zarif = upsert_actor(store_session, _person("Mohammad Javad Zarif"), ActorIds())
    name = store_session.execute(select(Actor.name).where(Actor.id == zarif)).scalar_one()
    assert name == "Javad Zarif"
    aliases = store_session.execute(
        select(ActorAlias.alias).where(ActorAlias.actor_id == zarif)
    ).scalars()
    assert "Mohammad Javad Zarif" in set(aliases)


def test_stored_people_leave_out_single_words_and_cap_by_mentions(
    run: Invoke, db_path: Path, tmp_path: Path
) -> None:
    texts = [
        SHORT,
        "Reza Karimi said on 4 March 2016 that talks had resumed.",
        "Foreign Minister Kamali said on 5 March 2016 that he would travel.",
        "Senator George Hollings said on 3 March 2016 that the bill would pass.",
    ]
    for i, text in enumerate(texts):
        _write(tmp_path / "in", f"{i}.txt", text)
    assert run("ingest", str(tmp_path / "in")).exit_code == 0
    store = open_store(str(db_path))
    with store.session() as session:
        assert {e.name for e in stored_people(session)} == {"Reza Karimi", "George Hollings"}
        assert [e.name for e in stored_people(session, limit=1)] == ["Reza Karimi"]
    store.close()


def _aliases(session: Session, actor_id: int) -> set[str]:
    return set(
        session.execute(select(ActorAlias.alias).where(ActorAlias.actor_id == actor_id)).scalars()
    )


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        pytest.param("Mohammad Reza Karimi", "Karimi", id="surname"),
        pytest.param("Bashar al-Assad", "Assad", id="arabic-article"),
        pytest.param("Kim Jong Un", None, id="names-an-organisation"),
        pytest.param("Pope John Paul II", None, id="numeral"),
        pytest.param("Martin Luther King Jr.", None, id="suffix"),
    ],
)
def test_surname_alias(store_session: Session, name: str, surname: str | None) -> None:
    load_entries(
        store_session,
        [ActorEntry("United Nations", ActorKind.ORGANISATION, aliases=("UN",))],
        "dictionary",
    )
    aliases = _aliases(store_session, upsert_actor(store_session, _person(name), ActorIds()))
    assert aliases == {name} | ({surname} if surname else set())
