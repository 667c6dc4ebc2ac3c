"""The resolver: which actors and places a text mentions, in which role, with which
affiliations. One line per behaviour."""

from __future__ import annotations

import pytest

from timeline.actors.dictionary import Dictionary, load_dictionary
from timeline.actors.names import canonical_person_name, normalise_name, same_person
from timeline.actors.resolve import ResolvedDocument, resolve_document
from timeline.actors.types import ActorKind, Affiliation
from timeline.events.segment import sentence_spans


@pytest.fixture(scope="module")
def dictionary() -> Dictionary:
    return load_dictionary()


def _resolve(text: str, dictionary: Dictionary) -> ResolvedDocument:
    return resolve_document(text, sentence_spans(text), dictionary)


def _found(text: str, dictionary: Dictionary) -> set[tuple[str, str, str]]:
    r = _resolve(text, dictionary)
    return {(m.text, m.actor, m.role.value) for ms in r.mentions for m in ms}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "An Iranian delegation arrived.", ("Iranian", "Iran", "actor"), id="demonym-actor"
        ),
        pytest.param(
            "Iranian proxies maintain a presence.",
            ("Iranian", "Iran", "actor"),
            id="demonym-proxies",
        ),
        pytest.param("Iran's activities grew.", ("Iran", "Iran", "actor"), id="possessive"),
        pytest.param("Iran’s activities grew.", ("Iran", "Iran", "actor"), id="possessive-curly"),
        pytest.param(
            "Tehran allegedly sponsored the attacks.",
            ("Tehran", "Iran", "actor"),
            id="capital-as-subject",
        ),
        pytest.param(
            "The region offers Tehran a safe haven.",
            ("Tehran", "Iran", "actor"),
            id="capital-as-object",
        ),
        pytest.param(
            "They went to visit Tehran.", ("Tehran", "Tehran", "place"), id="capital-visit"
        ),
        pytest.param(
            "Chile reopened its embassy in Tehran.",
            ("Tehran", "Tehran", "place"),
            id="capital-embassy-in",
        ),
        pytest.param(
            "The bomb went off in Buenos Aires.",
            ("Buenos Aires", "Buenos Aires", "place"),
            id="capital-in",
        ),
        pytest.param(
            "Washington imposed sanctions.",
            ("Washington", "United States", "actor"),
            id="washington-actor",
        ),
        pytest.param("Zarif began his tour in Cuba.", ("Cuba", "Cuba", "place"), id="country-in"),
        pytest.param(
            "They traveled through Nicaragua, Ecuador and Chile.",
            ("Chile", "Chile", "place"),
            id="place-list",
        ),
        pytest.param(
            "Iran and Latin America grew closer.",
            ("Latin America", "Latin America", "place"),
            id="region-place",
        ),
        pytest.param(
            "America's doorstep.", ("America", "United States", "actor"), id="america-usa"
        ),
        pytest.param(
            "The U.S. uncovered a plan.", ("U.S.", "United States", "actor"), id="us-dotted"
        ),
        pytest.param("The US said no.", ("US", "United States", "actor"), id="us-upper"),
        pytest.param(
            "according to the U.S. military",
            ("U.S.", "United States", "actor"),
            id="us-military-after-to",
        ),
        pytest.param("The Kremlin denied it.", ("Kremlin", "Russia", "actor"), id="kremlin"),
        pytest.param(
            "Hezbollah and the IRGC expanded.",
            ("IRGC", "Islamic Revolutionary Guard Corps", "actor"),
            id="acronym-known",
        ),
        pytest.param(
            "Jordan closed its border.", ("Jordan", "Jordan", "actor"), id="jordan-country"
        ),
        pytest.param(
            "Chad Foreign Minister Ahmat Allami spoke.", ("Chad", "Chad", "actor"), id="chad-title"
        ),
        pytest.param(
            "Gunmen struck in Kabul Tuesday.", ("Kabul", "Kabul", "place"), id="capital-weekday"
        ),
    ],
)
def test_mention(dictionary: Dictionary, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _found(text, dictionary)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        pytest.param("Tell us what you think.", "United States", id="us-lowercase"),
        pytest.param("George Washington crossed.", "United States", id="washington-person"),
        pytest.param("Denzel Washington starred.", "Washington", id="washington-person-city"),
        pytest.param("Michael Jordan scored.", "Jordan", id="jordan-person"),
        pytest.param("Chad Smith played drums.", "Chad", id="chad-person"),
        pytest.param("The plant reopens in May.", "May", id="may-month"),
        pytest.param(
            "Iran is active in Latin America.", "United States", id="latin-america-not-usa"
        ),
        pytest.param(
            "It spread across South America.", "United States", id="south-america-not-usa"
        ),
        pytest.param(
            "He spoke in English and Spanish, saying so.", "Spain", id="language-not-country"
        ),
        pytest.param("He tweeted in English and Spanish.", "England", id="language-first-of-two"),
        pytest.param(
            "Who knows what the world health will be.",
            "World Health Organization",
            id="who-lowercase",
        ),
    ],
)
def test_not_tagged(dictionary: Dictionary, text: str, actor: str) -> None:
    assert all(a != actor for _, a, _ in _found(text, dictionary))


@pytest.mark.parametrize(
    ("text", "person", "country", "surface"),
    [
        pytest.param(
            "Foreign Minister Mohammad Javad Zarif arrived.",
            "Mohammad Javad Zarif",
            "Iran",
            "Mohammad Javad Zarif",
            id="title-name-known",
        ),
        pytest.param(
            "Iranian Foreign Minister Hamid Nasseri arrived.",
            "Hamid Nasseri",
            "Iran",
            "Hamid Nasseri",
            id="demonym-title-name",
        ),
        pytest.param(
            "Majid Takht-Ravanchi, Iran’s current Deputy Foreign Minister, spoke.",
            "Majid Takht-Ravanchi",
            "Iran",
            "Majid Takht-Ravanchi",
            id="apposition-after",
        ),
        pytest.param(
            "Karim Haddad, the former Lebanese President, visited.",
            "Karim Haddad",
            "Lebanon",
            "Karim Haddad",
            id="apposition-the-former-demonym",
        ),
        pytest.param(
            "Peru's foreign minister, Ana Torres, started a tour.",
            "Ana Torres",
            "Peru",
            "Ana Torres",
            id="apposition-before",
        ),
        pytest.param(
            "Chile's President Ana Torres spoke.",
            "Ana Torres",
            "Chile",
            "Ana Torres",
            id="possessive-title-name",
        ),
    ],
)
def test_person_affiliation(
    dictionary: Dictionary, text: str, person: str, country: str, surface: str
) -> None:
    r = _resolve(text, dictionary)
    assert (surface, person, "actor") in {
        (m.text, m.actor, m.role.value) for ms in r.mentions for m in ms
    }
    entry = r.actors[person]
    assert entry.kind is ActorKind.PERSON
    assert country in {a.parent for a in entry.affiliations}
    assert country in r.actors  # parents come along for the store


def test_person_without_country(dictionary: Dictionary) -> None:
    r = _resolve("Rebels loyal to dictator Bashar al-Assad fled.", dictionary)
    assert "Bashar al-Assad" in r.actors
    r = _resolve("President Tomas Varga spoke.", dictionary)
    assert r.actors["Tomas Varga"].kind is ActorKind.PERSON


def test_surname_coreference_and_role_reference(dictionary: Dictionary) -> None:
    text = (
        "Peru's foreign minister, Ana Maria Torres, started a tour. "
        "Last week, Peru's Torres announced it. The Peruvian FM said so. "
        "Torres also plans to visit Chile. She added that it went well."
    )
    r = _resolve(text, dictionary)
    people = [
        [m.actor for m in ms if r.actors[m.actor].kind is ActorKind.PERSON] for ms in r.mentions
    ]
    assert people == [["Ana Maria Torres"]] * 5
    assert any("pronoun" in n for n in r.notes)


def test_transliterations_corefer_to_one_canonical_name(dictionary: Dictionary) -> None:
    text = "Jawad Zarif, Iran's Foreign Minister, left. Mohammed Javad Zarif said so."
    r = _resolve(text, dictionary)
    assert {m.actor for ms in r.mentions for m in ms if m.text.endswith("Zarif")} == {
        "Mohammad Javad Zarif"
    }


@pytest.mark.parametrize(
    ("text", "org", "parent", "relation"),
    [
        pytest.param(
            "The Foundation for Defense of Democracies reported it.",
            "Foundation for Defense of Democracies",
            None,
            None,
            id="head-with-of",
        ),
        pytest.param(
            "the Foreign Policy Initiative wrote",
            "Foreign Policy Initiative",
            None,
            None,
            id="head-initiative",
        ),
        pytest.param("a Breitbart News analysis", "Breitbart News", None, None, id="media"),
        pytest.param(
            "The U.S. Northern Command said",
            "U.S. Northern Command",
            "United States",
            "part_of",
            id="country-prefix-state",
        ),
        pytest.param(
            "The Peruvian Jewish Society said",
            "Peruvian Jewish Society",
            "Peru",
            "based_in",
            id="country-prefix-based",
        ),
        pytest.param(
            "In July, a Middle Eastern media outlet, Asharq al-Awsat, reported it.",
            "Asharq al-Awsat",
            None,
            None,
            id="apposition-outlet",
        ),
    ],
)
def test_organisation(
    dictionary: Dictionary, text: str, org: str, parent: str | None, relation: str | None
) -> None:
    r = _resolve(text, dictionary)
    entry = r.actors[org]
    assert entry.kind is ActorKind.ORGANISATION
    if parent is not None:
        assert any(a.parent == parent and a.relation == relation for a in entry.affiliations)


def test_acronym_defined_in_parentheses_becomes_alias(dictionary: Dictionary) -> None:
    text = (
        "The Associated Press (AP) reports it. AP points out that the Council for "
        "Hemispheric Affairs (COHA) agrees. COHA said so."
    )
    r = _resolve(text, dictionary)
    assert "AP" in r.actors["Associated Press"].aliases
    assert next(m.actor for m in r.mentions[1]) == "Associated Press"
    assert "COHA" in r.actors["Council for Hemispheric Affairs"].aliases
    assert [m.actor for m in r.mentions[2]] == ["Council for Hemispheric Affairs"]


def test_acronym_of_a_dictionary_entry(dictionary: Dictionary) -> None:
    text = "a Breitbart News analysis of U.S. Department of State (DoS) data. DoS agreed."
    r = _resolve(text, dictionary)
    state = "United States Department of State"
    assert "DoS" in r.actors[state].aliases
    assert [m.actor for m in r.mentions[1]] == [state]


def test_organisation_prefix_suppresses_inner_country(dictionary: Dictionary) -> None:
    r = _resolve("U.S. Southern Command (SOUTHCOM) reported earlier this year.", dictionary)
    actors = {m.actor for ms in r.mentions for m in ms}
    assert actors == {"United States Southern Command"}
    assert "United States" in r.actors  # the parent, for the affiliation closure


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        pytest.param(
            ["Jawad Zarif", "Mohammed Javad Zarif"], "Mohammad Javad Zarif", id="longest-normalised"
        ),
        pytest.param(["Muhammad Ali"], "Mohammad Ali", id="muhammad"),
        pytest.param(["Hasan Rouhani", "Rouhani"], "Hassan Rouhani", id="hasan"),
    ],
)
def test_canonical_person_name(dictionary: Dictionary, names: list[str], expected: str) -> None:
    assert canonical_person_name(names, dictionary.rules.name_variants) == expected


def test_same_person(dictionary: Dictionary) -> None:
    v = dictionary.rules.name_variants
    assert same_person("Jawad Zarif", "Mohammad Javad Zarif", v)
    assert same_person("Zarif", "Mohammad Javad Zarif", v)
    assert same_person("Bashar al-Assad", "Assad", v)
    assert not same_person("Hafez Assad", "Bashar al-Assad", v)
    assert normalise_name("Mohammed  Jawad Zarif", v) == "Mohammad Javad Zarif"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The Supreme Court Tuesday ruled.", ["Supreme Court"], id="org-stops-at-day"),
        pytest.param(
            "European Parliament President Josep Borrell spoke.",
            ["European Parliament", "Josep Borrell"],
            id="org-stops-at-title",
        ),
        pytest.param(
            "The Director of the Research Institute of Energy said so.",
            ["Research Institute of Energy"],
            id="org-after-a-post",
        ),
        pytest.param(
            "The Central Committee of the Communist Youth League and the China Association of "
            "Youth Volunteers met.",
            [
                "Central Committee of the Communist Youth League",
                "China Association of Youth Volunteers",
            ],
            id="two-orgs-joined-by-and",
        ),
        pytest.param("Its gross domestic product (GDP) grew.", [], id="acronym-of-a-term"),
        pytest.param(
            "The Chinese Academy of Sciences (CAS) said. CAS agreed.",
            [
                "Chinese Academy of Sciences",
                "Chinese Academy of Sciences",
                "Chinese Academy of Sciences",
            ],
            id="acronym-of-a-capitalised-name",
        ),
        pytest.param("The official MENA agency said.", [], id="weak-lowercase-title"),
        pytest.param(
            "Chief Minister Laloo Prasad Yadav resigned.",
            ["Laloo Prasad Yadav"],
            id="titles-run-on",
        ),
        pytest.param(
            "The United Nations High Commission for Refugees (UNHCR) began a census.",
            ["UNHCR", "UNHCR"],
            id="long-name-of-a-dictionary-acronym",
        ),
        pytest.param(
            "Paris Hilton met Bill Richardson.",
            ["Bill Richardson"],
            id="cities-inside-names-are-not-places",
        ),
        pytest.param(
            "The People's Liberation Army (PLA) moved. The PLA left.",
            ["People's Liberation Army", "People's Liberation Army", "People's Liberation Army"],
            id="owner-inside-org-name",
        ),
        pytest.param("Le Figaro said the talks failed.", ["Le Figaro"], id="foreign-newspaper"),
    ],
)
def test_names_found(dictionary: Dictionary, text: str, expected: list[str]) -> None:
    r = _resolve(text, dictionary)
    found = [
        m.actor
        for ms in r.mentions
        for m in ms
        if r.actors[m.actor].kind in (ActorKind.ORGANISATION, ActorKind.PERSON, ActorKind.CITY)
    ]
    assert found == expected


def test_possessive_country_gives_a_person_affiliation(dictionary: Dictionary) -> None:
    text = "Spokesman Pedro Alvarez spoke. Later, Cuba's Alvarez said more."
    r = _resolve(text, dictionary)
    assert Affiliation("Cuba", "member") in r.actors["Pedro Alvarez"].affiliations


def test_given_name_makes_a_person_and_stops_before_a_country(dictionary: Dictionary) -> None:
    text = "Paul Collingwood England's captain scored. Collingwood later left."
    r = _resolve(text, dictionary)
    assert [(m.actor, m.role.value) for m in r.mentions[0]] == [
        ("Paul Collingwood", "actor"),
        ("England", "actor"),
    ]
    assert [m.actor for m in r.mentions[1]] == ["Paul Collingwood"]
