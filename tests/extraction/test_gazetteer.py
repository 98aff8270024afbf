"""Tests of the gazetteer: states by any of their names, known actors, the text matcher and vocabularies."""

from __future__ import annotations

import itertools

import pycountry
import pytest

from app.extraction import gazetteer as gz

# --- states -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Azeri", "AZE"),
        ("Azerbaijani", "AZE"),
        ("Azerbaijanis", "AZE"),
        ("Azeris", "AZE"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("USA", "USA"),
        ("America", "USA"),
        ("the United States", "USA"),
        ("United States of America", "USA"),
        ("British", "GBR"),
        ("Britons", "GBR"),
        ("Briton", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("Sri Lankan", "LKA"),
        ("Sri Lankans", "LKA"),
        ("Thai", "THA"),
        ("Thais", "THA"),
        ("Russian Federation", "RUS"),
        ("Russians", "RUS"),
        ("Russia's", "RUS"),
        ("Russia’s", "RUS"),
        ("Republic of Korea", "KOR"),
        ("South Korean", "KOR"),
        ("DPRK", "PRK"),
        ("North Koreans", "PRK"),
        ("Syrian Arab Republic", "SYR"),
        ("Syrians", "SYR"),
        ("Lebanese", "LBN"),
        ("Iraqis", "IRQ"),
        ("Israelis", "ISR"),
        ("Israelis'", "ISR"),
        ("Palestinian", "PSE"),
        ("Palestinians", "PSE"),
        ("Indian", "IND"),
        ("Sudanese", "SDN"),
        ("South Sudanese", "SSD"),
        ("Nigerian", "NGA"),
        ("Nigerien", "NER"),
        ("Burma", "MMR"),
        ("Burmese", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Ivorian", "CIV"),
        ("Türkiye", "TUR"),
        ("Turkish", "TUR"),
        ("Turks", "TUR"),
        ("Czechia", "CZE"),
        ("Viet Nam", "VNM"),
        ("Lao PDR", "LAO"),
        ("Lao", "LAO"),
        ("Plurinational State of Bolivia", "BOL"),
        ("Republic of Moldova", "MDA"),
        ("Bolivarian Republic of Venezuela", "VEN"),
        ("United Republic of Tanzania", "TZA"),
        ("Islamic Republic of Iran", "IRN"),
        ("Congo", "COD"),
        ("DRC", "COD"),
        ("Congolese", "COD"),
        ("Zaire", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Republic of the Congo", "COG"),
        ("Swaziland", "SWZ"),
        ("Macedonia", "MKD"),
        ("Dutch", "NLD"),
        ("the Netherlands", "NLD"),
        ("Swiss", "CHE"),
        ("Emirati", "ARE"),
        ("UAE", "ARE"),
        ("Saudis", "SAU"),
        ("Filipino", "PHL"),
        ("Dominican", "DOM"),
        ("Kosovo", "XKX"),
        ("Kosovar", "XKX"),
        ("Taiwan", "TWN"),
        ("Taiwanese", "TWN"),
        ("Georgian", "GEO"),
        ("Ukrainian", "UKR"),
        ("Soviet", "SUN"),
        ("Yugoslav", "YUG"),
        ("Bosnia-Herzegovina", "BIH"),
        ("Bosnia and Herzegovina", "BIH"),
        ("D.R. Congo", "COD"),
        ("RUS", "RUS"),
        ("UKR", "UKR"),
    ],
)
def test_country_resolves_names_adjectives_demonyms_and_codes(word: str, code: str) -> None:
    found = gz.country(word)
    assert found is not None, word
    assert found.code == code


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("RUS", "Russia"),
        ("SYR", "Syria"),
        ("IRN", "Iran"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("VNM", "Vietnam"),
        ("MDA", "Moldova"),
        ("BOL", "Bolivia"),
        ("VEN", "Venezuela"),
        ("TZA", "Tanzania"),
        ("LAO", "Laos"),
        ("CZE", "Czech Republic"),
        ("TUR", "Turkey"),
        ("CIV", "Ivory Coast"),
        ("COD", "Democratic Republic of the Congo"),
        ("PSE", "Palestine"),
        ("TWN", "Taiwan"),
        ("XKX", "Kosovo"),
        ("AZE", "Azerbaijan"),
    ],
)
def test_canonical_name_is_the_short_common_one(code: str, name: str) -> None:
    found = gz.country_by_code(code)
    assert found is not None
    assert found.name == name


@pytest.mark.parametrize(
    "word",
    [
        "South Ossetia",
        "Abkhazia",
        "Nagorno-Karabakh",
        "Karabakh",
        "Transnistria",
        "Donetsk",
        "Donetsk People's Republic",
        "Luhansk People's Republic",
        "Crimea",
        "Gaza",
        "Gaza Strip",
        "West Bank",
        "Darfur",
        "Somaliland",
        "Kurdistan",
        "Chechnya",
        "Korea",
        "Korean",
        "Arab",
        "Kurdish",
        "Serbs",
        "English",
        "Kremlin",  # a metonym, answered by country_by_capital only
        "CAN",  # an alpha-3 code that is an English word
    ],
)
def test_places_and_ambiguous_words_are_not_countries(word: str) -> None:
    assert gz.country(word) is None


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("US", "USA"),
        ("us", None),
        ("Us", None),
        ("U.S.", "USA"),
        ("u.s.", None),
        ("UK", "GBR"),
        ("uk", None),
        ("russia", "RUS"),
        ("RUSSIA", "RUS"),
        ("azerbaijani", "AZE"),
        ("LAO", "LAO"),
        ("lao", None),
        ("rus", None),
    ],
)
def test_case_rules_for_countries(word: str, code: str | None) -> None:
    found = gz.country(word)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUS", "Russia"),
        ("rus", "Russia"),
        ("RU", "Russia"),
        ("GB", "United Kingdom"),
        ("XK", "Kosovo"),
        ("XKX", "Kosovo"),
        ("CAN", "Canada"),
        ("ZZZ", None),
        ("", None),
    ],
)
def test_country_by_code(code: str, expected: str | None) -> None:
    found = gz.country_by_code(code)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Moscow", "RUS"),
        ("Kremlin", "RUS"),
        ("the Kremlin", "RUS"),
        ("Tbilisi", "GEO"),
        ("Baku", "AZE"),
        ("Washington", "USA"),
        ("White House", "USA"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Naypyitaw", "MMR"),
        ("Downing Street", "GBR"),
        ("moscow", None),  # all lower case: not a proper name
        ("Victoria", None),  # Seychelles' capital, too ambiguous
        ("Gaza", None),
    ],
)
def test_country_by_capital(word: str, code: str | None) -> None:
    found = gz.country_by_capital(word)
    assert (found.code if found else None) == code


def test_country_record_fields() -> None:
    russia = gz.country("Russian")
    assert russia is not None
    assert russia.capital == "Moscow"
    assert "Russian Federation" in russia.names
    assert russia.demonyms == ("Russian", "Russians")
    usa = gz.country("America")
    assert usa is not None
    assert {"U.S.", "US", "USA", "America", "United States of America"} <= set(usa.names)
    assert {"American", "U.S."} <= set(usa.adjectives)
    uk = gz.country("UK")
    assert uk is not None and {"Britain", "Great Britain", "U.K."} <= set(uk.names)
    assert "Britons" in uk.demonyms and "British" in uk.adjectives
    azerbaijan = gz.country("Azerbaijan")
    assert azerbaijan is not None and azerbaijan.capital == "Baku"
    assert {"Azerbaijani", "Azeri"} <= set(azerbaijan.adjectives)


def test_every_iso_country_is_present_and_found_by_its_canonical_name() -> None:
    for iso in pycountry.countries:
        found = gz.country_by_code(iso.alpha_3)
        assert found is not None, iso.alpha_3
        assert gz.country(found.name) == found, found.name


def test_every_listed_form_resolves_back_to_its_country() -> None:
    for state in gz.all_countries():
        for form in (*state.names, *state.adjectives, *state.demonyms):
            assert gz.country(form) == state, (form, state.code)


def test_states_with_a_capital_have_an_adjective() -> None:
    # Capitals are listed for every UN member (plus Taiwan and Kosovo); the only members whose adjective
    # belongs to a namesake are the Republic of the Congo and Dominica ("Congolese", "Dominican").
    with_capital = [c for c in gz.all_countries() if c.capital]
    assert len(with_capital) >= 193
    missing = {c.code for c in with_capital if not c.adjectives}
    assert missing == {"COG", "DMA"}


# --- known actors -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "name", "type_"),
    [
        ("UN", "United Nations", "international_org"),
        ("U.N.", "United Nations", "international_org"),
        ("the United Nations", "United Nations", "international_org"),
        ("UNSC", "United Nations Security Council", "international_org"),
        ("Security Council", "United Nations Security Council", "international_org"),
        ("U.N. Security Council", "United Nations Security Council", "international_org"),
        ("UN refugee agency", "UNHCR", "international_org"),
        ("Unicef", "UNICEF", "international_org"),
        ("NATO", "NATO", "international_org"),
        ("Nato", "NATO", "international_org"),
        ("EU", "European Union", "international_org"),
        ("Minsk Group", "OSCE Minsk Group", "international_org"),
        ("Red Cross", "International Committee of the Red Cross", "international_org"),
        ("ICC", "International Criminal Court", "international_org"),
        ("Hezbollah", "Hezbollah", "armed_group"),
        ("Hizbollah", "Hezbollah", "armed_group"),
        ("Hezbollah's", "Hezbollah", "armed_group"),
        ("Tamil Tigers", "Liberation Tigers of Tamil Eelam", "armed_group"),
        ("LTTE", "Liberation Tigers of Tamil Eelam", "armed_group"),
        ("IS", "Islamic State", "armed_group"),
        ("ISIS", "Islamic State", "armed_group"),
        ("ISIL", "Islamic State", "armed_group"),
        ("Daesh", "Islamic State", "armed_group"),
        ("al-Qaeda", "al-Qaeda", "armed_group"),
        ("Al Qaida", "al-Qaeda", "armed_group"),
        ("al-Shabaab", "al-Shabab", "armed_group"),
        ("Ansar Allah", "Houthis", "armed_group"),
        ("the Taliban", "Taliban", "armed_group"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan", "armed_group"),
        ("RSF", "Rapid Support Forces", "armed_group"),
        ("JEM", "Justice and Equality Movement", "armed_group"),
        ("JeM", "Jaish-e-Mohammed", "armed_group"),
        ("CPI (Maoist)", "Communist Party of India (Maoist)", "armed_group"),
        ("Shining Path", "Shining Path", "armed_group"),
        ("Wagner", "Wagner Group", "armed_group"),
        ("M23", "M23", "armed_group"),
        ("UÇK", "Kosovo Liberation Army", "armed_group"),
        ("Fatah", "Fatah", "organization"),
        ("MSF", "Medecins Sans Frontieres", "organization"),
        ("Doctors Without Borders", "Medecins Sans Frontieres", "organization"),
        ("Médecins Sans Frontières", "Medecins Sans Frontieres", "organization"),
        ("B’Tselem", "B'Tselem", "organization"),
        ("AFP", "Agence France-Presse", "organization"),
        ("The Guardian", "The Guardian", "organization"),
        ("Pentagon", "United States Department of Defense", "organization"),
        ("IRGC", "Islamic Revolutionary Guard Corps", "organization"),
    ],
)
def test_known_actor(phrase: str, name: str, type_: str) -> None:
    actor = gz.known_actor(phrase)
    assert actor is not None, phrase
    assert (actor.name, actor.type) == (name, type_)


@pytest.mark.parametrize(
    "phrase",
    [
        "is",
        "Is",
        "un",
        "Un",
        "Tigers",
        "Shining",
        "Maoists",
        "Guardian",
        "fact",
        "Fact",
        "let",
        "Army",
        "Front",
        "Brigades",
        "Islamic",
        "Movement",
        "Russia",
        "President",
        "KIA",
    ],
)
def test_ambiguous_or_common_words_are_not_known_actors(phrase: str) -> None:
    assert gz.known_actor(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "country", "affiliation"),
    [
        ("Security Council", None, "United Nations"),
        ("UNHCR", None, "United Nations"),
        ("UNIFIL", "LBN", "United Nations"),
        ("Qassam Brigades", "PSE", "Hamas"),
        ("ISKP", "AFG", "Islamic State"),
        ("Minsk Group", None, "OSCE"),
        ("Pentagon", "USA", "United States"),
        ("Hamas", "PSE", None),
        ("FARC", "COL", None),
        ("PKK", "TUR", None),
        ("Boko Haram", "NGA", None),
        ("NATO", None, None),
    ],
)
def test_known_actor_country_and_affiliation(phrase: str, country: str | None, affiliation: str | None) -> None:
    actor = gz.known_actor(phrase)
    assert actor is not None
    assert (actor.country, actor.affiliation) == (country, affiliation)


def test_known_actor_data_is_consistent() -> None:
    actors = gz.all_known_actors()
    assert len(actors) > 250
    for actor in actors:
        assert actor.type in {"organization", "armed_group", "international_org"}, actor
        assert actor.country is None or gz.country_by_code(actor.country) is not None, actor
        if actor.affiliation is not None:  # the canonical name of a known actor or of a state
            parent, state = gz.known_actor(actor.affiliation), gz.country(actor.affiliation)
            assert (parent is not None and parent.name == actor.affiliation) or (
                state is not None and state.name == actor.affiliation
            ), actor
        for alias in (actor.name, *actor.aliases):
            assert gz.known_actor(alias) == actor, alias


def test_news_agencies() -> None:
    assert {"Reuters", "Associated Press", "Agence France-Presse", "Xinhua", "TASS"} <= gz.NEWS_AGENCIES
    assert "Hezbollah" not in gz.NEWS_AGENCIES
    assert all(gz.known_actor(name) is not None for name in gz.NEWS_AGENCIES)


# --- known_actor_in ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.N. Security Council met as Hezbollah fighters clashed with Israeli troops.",
            [("U.N. Security Council", "United Nations Security Council"), ("Hezbollah", "Hezbollah")],
        ),
        (
            "Russia's Security Council said the Palestinian Red Crescent and the ICRC were warned.",
            [("ICRC", "International Committee of the Red Cross")],
        ),
        (
            "Hamas's armed wing, the Izz ad-Din al-Qassam Brigades, claimed it. It is unclear if IS did.",
            [
                ("Hamas", "Hamas"),
                ("Izz ad-Din al-Qassam Brigades", "Izz ad-Din al-Qassam Brigades"),
                ("IS", "Islamic State"),
            ],
        ),
        (
            "Al-Qaeda in the Arabian Peninsula (AQAP) and ISIS-K attacked.",
            [
                ("Al-Qaeda in the Arabian Peninsula", "al-Qaeda in the Arabian Peninsula"),
                ("AQAP", "al-Qaeda in the Arabian Peninsula"),
                ("ISIS-K", "Islamic State Khorasan Province"),
            ],
        ),
        (
            "The Guardian said a guardian saw FARC dissidents and CPI (Maoist) cadres.",
            [
                ("The Guardian", "The Guardian"),
                ("FARC", "Revolutionary Armed Forces of Colombia"),
                ("CPI (Maoist)", "Communist Party of India (Maoist)"),
            ],
        ),
        (
            "The UN refugee agency (UNHCR) and the U.N. said the Tigers were beaten.",
            [("UN refugee agency", "UNHCR"), ("UNHCR", "UNHCR"), ("U.N.", "United Nations")],
        ),
        (
            "Fact is, the us-led talks were held. The LTTE, or Tamil Tigers, refused.",
            [("LTTE", "Liberation Tigers of Tamil Eelam"), ("Tamil Tigers", "Liberation Tigers of Tamil Eelam")],
        ),
        (
            "Egyptian Islamic Jihad differs from Islamic Jihad in Gaza, Reuters reported.",
            [("Islamic Jihad", "Palestinian Islamic Jihad"), ("Reuters", "Reuters")],
        ),
        (
            "The junta declared an amnesty, Amnesty International said, according to dpa.",
            [("Amnesty International", "Amnesty International"), ("dpa", "Deutsche Presse-Agentur")],
        ),
        ("the wagner tune played as the commonwealth voted", []),
        ("Nothing here is known, not even the state or its army.", []),
    ],
)
def test_known_actor_in(text: str, expected: list[tuple[str, str]]) -> None:
    found = gz.known_actor_in(text)
    assert [(text[start:end], actor.name) for start, end, actor in found] == expected


def test_known_actor_in_spans_are_ordered_and_disjoint() -> None:
    text = "NATO and the EU met; Islamic State of Iraq and the Levant fighters fled as NATO-led KFOR watched."
    found = gz.known_actor_in(text)
    starts = [start for start, _, _ in found]
    assert starts == sorted(starts)
    for (_, end, _), (start, _, _) in itertools.pairwise(found):
        assert end <= start
    surfaces = [(text[s:e], a.name) for s, e, a in found]
    assert ("Islamic State of Iraq and the Levant", "Islamic State") in surfaces


# --- vocabularies -------------------------------------------------------------------------------------------


def test_force_nouns_and_subsets() -> None:
    assert {"army", "troops", "soldiers", "navy", "air force", "tanks", "drones", "police"} <= gz.FORCE_NOUNS
    assert gz.FORCE_PERSONNEL_NOUNS <= gz.FORCE_NOUNS
    assert gz.FORCE_MATERIEL_NOUNS <= gz.FORCE_NOUNS
    assert not gz.FORCE_PERSONNEL_NOUNS & gz.FORCE_MATERIEL_NOUNS
    assert {"soldiers", "troops", "servicemen", "fighters"} <= gz.FORCE_PERSONNEL_NOUNS
    assert {"tanks", "jets", "helicopters", "drones"} <= gz.FORCE_MATERIEL_NOUNS
    assert "army" not in gz.FORCE_PERSONNEL_NOUNS | gz.FORCE_MATERIEL_NOUNS


@pytest.mark.parametrize(
    ("phrase", "canonical"),
    [
        ("ministry of defence", "Defense Ministry"),
        ("defence ministry", "Defense Ministry"),
        ("ministry of foreign affairs", "Foreign Ministry"),
        ("foreign office", "Foreign Ministry"),
        ("general staff", "General Staff"),
        ("presidential office", "Presidential Office"),
    ],
)
def test_ministry_words(phrase: str, canonical: str) -> None:
    assert gz.MINISTRY_WORDS[phrase] == canonical


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("President", ("president", True)),
        ("prime minister", ("prime minister", True)),
        ("PM", ("PM", True)),
        ("pm", None),
        ("King", ("king", True)),
        ("Foreign Minister", ("foreign minister", False)),
        ("Gen.", ("Gen.", False)),
        ("gen.", None),
        ("Lt. Gen.", ("lt. gen.", False)),
        ("spokeswoman", ("spokeswoman", False)),
        ("Secretary-General", ("secretary-general", False)),
        ("Mr.", ("Mr.", False)),
        ("Hezbollah", None),
    ],
)
def test_person_title(phrase: str, expected: tuple[str, bool] | None) -> None:
    assert gz.person_title(phrase) == expected


def test_person_title_tables() -> None:
    assert {t for t, head in gz.PERSON_TITLES.items() if head} == gz.HEAD_OF_STATE_TITLES
    assert {"president", "prime minister", "king", "chancellor"} <= gz.HEAD_OF_STATE_TITLES
    assert "spokesman" in gz.PERSON_TITLES and not gz.PERSON_TITLES["spokesman"]


@pytest.mark.parametrize(
    ("noun", "armed"),
    [
        ("civilians", False),
        ("refugees", False),
        ("villager", False),
        ("protesters", False),
        ("rebels", True),
        ("rebel", True),
        ("militants", True),
        ("insurgents", True),
        ("separatists", True),
        ("militia", True),
        ("gunmen", True),
        ("maoists", True),
    ],
)
def test_group_nouns(noun: str, armed: bool) -> None:
    assert gz.GROUP_NOUNS[noun] is armed
    assert (noun in gz.ARMED_GROUP_NOUNS) is armed


@pytest.mark.parametrize(
    ("phrase", "name", "type_"),
    [
        ("Naxals", "Naxalites", "armed_group"),
        ("CRPF", "Central Reserve Police Force", "armed_group"),
        ("IDF", "Israel Defense Forces", "armed_group"),
    ],
)
def test_named_forces_are_armed_groups(phrase: str, name: str, type_: str) -> None:
    known = gz.known_actor(phrase)
    assert known is not None and (known.name, known.type) == (name, type_)


def test_national_forces_are_flagged_for_the_state_armed_forces() -> None:
    idf = gz.known_actor("IDF")
    assert idf is not None and idf.national_force and idf.affiliation == "Israel"
    crpf = gz.known_actor("CRPF")
    assert crpf is not None and not crpf.national_force
