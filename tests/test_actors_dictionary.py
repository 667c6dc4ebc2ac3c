"""The actor dictionary: data coverage, alias index, user entries, and every data example."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from timeline.actors.dictionary import Dictionary, load_dictionary
from timeline.actors.resolve import resolve_document
from timeline.actors.types import ActorEntry, ActorKind, Affiliation
from timeline.events.segment import sentence_spans


@pytest.fixture(scope="module")
def dictionary() -> Dictionary:
    return load_dictionary()


def _mentions(text: str, dictionary: Dictionary) -> list[tuple[str, str]]:
    spans = sentence_spans(text)
    resolved = resolve_document(text, spans, dictionary)
    return [(m.actor, m.role.value) for ms in resolved.mentions for m in ms]


def test_every_iso_country_is_present(dictionary: Dictionary) -> None:
    import pycountry

    codes = {e.code for e in dictionary.entries.values() if e.kind is ActorKind.COUNTRY}
    assert {c.alpha_3 for c in pycountry.countries} <= codes


@pytest.mark.parametrize(
    ("alias", "actor"),
    [
        pytest.param("Iran", "Iran", id="common-name"),
        pytest.param("Islamic Republic of Iran", "Iran", id="official-name"),
        pytest.param("the Islamic Republic", "Iran", id="political-name"),
        pytest.param("IRN", None, id="alpha3-not-an-alias"),
        pytest.param("Iranian", "Iran", id="demonym"),
        pytest.param("Peruvians", "Peru", id="demonym-plural"),
        pytest.param("Argentinian", "Argentina", id="demonym-variant"),
        pytest.param("Saudi", "Saudi Arabia", id="demonym-saudi"),
        pytest.param("American", "United States", id="demonym-american"),
        pytest.param("the U.S.", "United States", id="us-dotted"),
        pytest.param("US", "United States", id="us-acronym"),
        pytest.param("America", "United States", id="america"),
        pytest.param("Britain", "United Kingdom", id="britain"),
        pytest.param("the Kremlin", "Russia", id="kremlin"),
        pytest.param("Tehran", "Tehran", id="capital"),
        pytest.param("Buenos Aires", "Buenos Aires", id="capital-two-words"),
        pytest.param("Latin America", "Latin America", id="region"),
        pytest.param("ISIL", "Islamic State", id="group-alias"),
        pytest.param("Daesh", "Islamic State", id="group-alias-daesh"),
        pytest.param("IRGC", "Islamic Revolutionary Guard Corps", id="irgc"),
        pytest.param("Hizballah", "Hezbollah", id="hezbollah-spelling"),
    ],
)
def test_lookup(dictionary: Dictionary, alias: str, actor: str | None) -> None:
    found = {a.actor for a in dictionary.lookup(alias)}
    if actor is None:
        assert not found
    else:
        assert actor in found


def test_country_has_code_and_capital_is_located(dictionary: Dictionary) -> None:
    iran = dictionary.get("Iran")
    assert iran is not None and iran.code == "IRN"
    tehran = dictionary.get("Tehran")
    assert tehran is not None and tehran.kind is ActorKind.CITY
    assert Affiliation("Iran", "capital_of") in tehran.affiliations


@pytest.mark.parametrize(
    ("group", "parent", "relation"),
    [
        pytest.param("Hezbollah", "Lebanon", "based_in", id="hezbollah-lebanon"),
        pytest.param("Hezbollah", "Iran", "sponsor", id="hezbollah-iran"),
        pytest.param("Islamic Revolutionary Guard Corps", "Iran", "part_of", id="irgc-iran"),
        pytest.param("Houthis", "Iran", "sponsor", id="houthis-iran"),
    ],
)
def test_group_affiliations(dictionary: Dictionary, group: str, parent: str, relation: str) -> None:
    entry = dictionary.get(group)
    assert entry is not None
    assert any(a.parent == parent and a.relation == relation for a in entry.affiliations)


def test_affiliation_parents_exist(dictionary: Dictionary) -> None:
    missing = {
        (e.name, a.parent)
        for e in dictionary.entries.values()
        for a in e.affiliations
        if dictionary.get(a.parent) is None
    }
    assert missing == set()


def test_with_entries_adds_aliases_without_changing_the_original(dictionary: Dictionary) -> None:
    extra = ActorEntry(
        "Acme Widgets",
        ActorKind.ORGANISATION,
        aliases=("AcmeW",),
        affiliations=(Affiliation("Peru", "based_in"),),
    )
    bigger = dictionary.with_entries([extra])
    assert bigger.get("Acme Widgets") == extra
    assert [a.actor for a in bigger.lookup("AcmeW")] == ["Acme Widgets"]
    assert dictionary.get("Acme Widgets") is None
    assert len(bigger) == len(dictionary) + 1
    assert [a.actor for a in bigger.lookup("Tehran")] == ["Tehran"]


def test_with_entries_merges_into_a_builtin_entry(dictionary: Dictionary) -> None:
    bigger = dictionary.with_entries([ActorEntry("Iran", ActorKind.COUNTRY, aliases=("Eran",))])
    iran = bigger.get("Iran")
    assert iran is not None and iran.code == "IRN" and "Eran" in iran.aliases
    assert "Persia" in iran.aliases


def test_load_dictionary_is_cached_and_immutable(dictionary: Dictionary) -> None:
    assert load_dictionary() is dictionary
    with pytest.raises(TypeError):
        dictionary.entries["X"] = ActorEntry("X", ActorKind.GROUP)  # type: ignore[index]


def _data_examples() -> list[tuple[str, str, str]]:
    """Every `examples` sentence of the data files, as (text, actor, role)."""
    out: list[tuple[str, str, str]] = []
    data = resources.files("timeline.actors").joinpath("data")
    for name, key in (
        ("organisations.toml", "entry"),
        ("regions.toml", "region"),
        ("people.toml", "person"),
    ):
        with data.joinpath(name).open("rb") as fh:
            for row in tomllib.load(fh)[key]:
                role = "place" if key == "region" else "actor"
                out.extend((text, row["name"], role) for text in row.get("examples", []))
    with data.joinpath("rules.toml").open("rb") as fh:
        out.extend((e["text"], e["actor"], e["role"]) for e in tomllib.load(fh)["example"])
    return out


@pytest.mark.parametrize(("text", "actor", "role"), _data_examples())
def test_data_example(dictionary: Dictionary, text: str, actor: str, role: str) -> None:
    found = _mentions(text, dictionary)
    if role == "none":
        assert all(a != actor for a, _ in found), found
    else:
        assert (actor, role) in found, found


def test_dictionary_pickles_for_worker_processes(dictionary: Dictionary) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(dictionary))
    assert len(copy) == len(dictionary)
    assert [a.actor for a in copy.lookup("Tehran")] == ["Tehran"]
    assert copy.rules.title_short == dictionary.rules.title_short
