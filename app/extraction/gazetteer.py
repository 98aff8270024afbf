"""Gazetteer of states and well-known named actors in armed-conflict news.

For a word or phrase of an article it tells whether it names a state (by name, official or historical
name, abbreviation, adjective, demonym, code or capital), what that state's canonical short common name is
("Russia", not "Russian Federation") and which other names it answers to; and whether it names a well-known
non-state actor (international organisation, NGO, news medium, named state body, armed group). It also
exposes the closed word lists the actor resolver needs to build actors from common nouns ("Russian troops",
"Syrian refugees").

Sources
    * ISO 3166-1 codes and names: ``pycountry`` (every country it lists).
    * ``data/countries.json``: canonical short names as used in English news, further and historical
      names, capitals and other metonyms of governments ("Kremlin"); Kosovo and two historical federations
      (Soviet Union, Yugoslavia). Written for this project. Break-away regions are places: never listed.
    * ``data/demonyms.json``: adjectives and demonyms of all UN members and the entities above, written for
      this project from the standard English forms.
    * ``data/organizations.json`` and ``data/armed_groups.json``: named actors, written for this project.
    * ``data/vocabulary.json``: force nouns, ministries, person titles and group nouns.
    No people are listed: person actors come from NER.

Matching rules, shared by every lookup
    * a phrase is split into words (letters and digits, with inner apostrophes); dots, hyphens, slashes,
      brackets and spacing between words are ignored and accents are folded: "U.S." = "U.S",
      "al-Qaeda" = "al Qaeda", "Côte d'Ivoire" = "Cote d'Ivoire", "CPI (Maoist)" = "CPI-Maoist";
    * names of fewer than four letters ("US", "UN", "IS", "JeM") and the few listed as ``exact`` match
      case-sensitively; longer ones ignore case ("NATO" = "Nato");
    * a leading "the" and a trailing possessive ("Russia's", "Israelis'") are tolerated.
All tables are built on first use and cached; every lookup is a dict access.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import pycountry

_DATA = Path(__file__).parent / "data"

__all__ = [
    "ARMED_GROUP_NOUNS",
    "FORCE_MATERIEL_NOUNS",
    "FORCE_NOUNS",
    "FORCE_PERSONNEL_NOUNS",
    "GROUP_NOUNS",
    "HEAD_OF_STATE_TITLES",
    "MINISTRY_WORDS",
    "NEWS_AGENCIES",
    "PERSON_TITLES",
    "Country",
    "KnownActor",
    "all_countries",
    "all_known_actors",
    "country",
    "country_by_capital",
    "country_by_code",
    "known_actor",
    "known_actor_in",
    "person_title",
]


@dataclass(frozen=True, slots=True)
class Country:
    """A state. Every name, adjective and demonym listed here resolves back to it through :func:`country`."""

    code: str  # ISO 3166-1 alpha-3 (XKX for Kosovo, SUN/YUG for the historical federations)
    name: str  # canonical short common name
    names: tuple[str, ...]  # canonical, curated, historical and pycountry names and abbreviations
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]  # people nouns, singular and plural
    capital: str | None  # seat of government, used as a metonym for it


@dataclass(frozen=True, slots=True)
class KnownActor:
    """A named non-state actor (or a named organ of a state) with its canonical name and aliases."""

    name: str
    type: str  # organization, armed_group or international_org
    aliases: tuple[str, ...]
    country: str | None  # alpha-3 of the state it belongs to, or the country an armed group fights in
    affiliation: str | None  # canonical name of the parent actor or state
    national_force: bool = False  # a state's own armed forces under their proper name (IDF, Tatmadaw)


def _load(name: str) -> Any:
    with (_DATA / name).open(encoding="utf-8") as handle:
        return json.load(handle)


# --- words --------------------------------------------------------------------------------------------------

_CHAR = r"(?:[^\W_]|[\u0300-\u036f])"
_WORD = re.compile(rf"{_CHAR}+(?:['’]{_CHAR}+)*")
_GAP = re.compile(r"[\s\-\u2010-\u2015()/]*")  # what may separate the words of one name
_DOT_GAP = re.compile(r"\.[\s\-\u2010-\u2015()/]*")  # after a one-letter word: "U.N. Security Council"
_POSSESSIVE = re.compile(r"['’]s?\s*$")
_WORD_POSSESSIVE = re.compile(r"^(.+)'s$")


def _fold(word: str) -> str:
    word = word.replace("’", "'")
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _words(phrase: str) -> list[str]:
    return [_fold(m.group()) for m in _WORD.finditer(phrase)]


def _variants(phrase: str) -> Iterator[list[str]]:
    """The word sequences a phrase may stand for: as written, without "the", without a possessive."""
    for text in (phrase, _POSSESSIVE.sub("", phrase)):
        words = _words(text)
        yield words
        if len(words) > 1 and words[0].lower() == "the":
            yield words[1:]


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Entry(Generic[T]):
    form: str  # the words joined by single spaces, case kept
    exact: bool  # compared case-sensitively
    upper: bool  # has a capital: in running text, an all-lower-case occurrence is an ordinary word
    generic: bool  # a state's name or adjective just before it makes it that state's own body
    value: T


class _Index(Generic[T]):
    """Phrase -> value under the matching rules of the module docstring, keyed on the lower-cased words."""

    def __init__(self) -> None:
        self._map: dict[str, list[_Entry[T]]] = {}
        self._prefixes: set[str] = set()  # lower-cased leading words of every key, to stop scans early
        self.max_words = 0

    def add(self, phrase: str, value: T, *, exact: bool = False, weak: bool = False, generic: bool = False) -> None:
        """Register a phrase. A phrase already naming another value is an error in the data, unless ``weak``
        (a fallback name such as pycountry's), which then gives way."""
        words = _words(phrase)
        if not words:
            return
        form = " ".join(words)
        exact = exact or sum(c.isalpha() for c in form) < 4
        entries = self._map.setdefault(form.lower(), [])
        for other in entries:
            if other.value == value and other.form == form:
                return
            if other.value != value and not (exact and other.exact and other.form != form):
                if weak:
                    return
                raise ValueError(f"gazetteer data: {phrase!r} names both {other.value!r} and {value!r}")
        entries.append(_Entry(form, exact, any(c.isupper() for c in form), generic, value))
        self._prefixes.update(" ".join(words[:k]).lower() for k in range(1, len(words) + 1))
        self.max_words = max(self.max_words, len(words))

    def may_start(self, words: list[str]) -> bool:
        """Whether some key begins with these words (the last one possibly with a possessive)."""
        key = " ".join(words).lower()
        return key in self._prefixes or (key.endswith("'s") and key[:-2] in self._prefixes)

    def get(self, words: list[str], text_has_upper: bool = True) -> _Entry[T] | None:
        form = " ".join(words)
        for entry in self._map.get(form.lower(), ()):
            if (not entry.exact or entry.form == form) and (text_has_upper or not entry.upper):
                return entry
        return None

    def lookup(self, phrase: str) -> _Entry[T] | None:
        for words in _variants(phrase):
            if words and (entry := self.get(words)) is not None:
                return entry
        return None


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


# --- countries ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Countries:
    by_code: dict[str, Country]
    alpha2: dict[str, str]
    names: _Index[str]  # -> alpha-3
    capitals: _Index[str]
    code_words: frozenset[str]


@lru_cache(maxsize=1)
def _countries() -> _Countries:
    curated = _load("countries.json")
    demonyms = _load("demonyms.json")
    records: dict[str, dict[str, Any]] = {}
    for iso in pycountry.countries:
        iso_names = [getattr(iso, attr, None) for attr in ("common_name", "name", "official_name")]
        records[iso.alpha_3] = {"alpha2": iso.alpha_2, "iso": [n for n in iso_names if n]}
    for code, extra in curated["countries"].items():
        records.setdefault(code, {"alpha2": extra.get("alpha2"), "iso": []}).update(extra)

    shared: dict[str, str] = demonyms["shared"]
    names: _Index[str] = _Index()
    for code, rec in records.items():  # curated forms first: they must not clash
        rec["name"] = rec.get("name") or rec["iso"][0]
        forms = demonyms["countries"].get(code, {})
        rec["adjectives"], rec["demonyms"] = forms.get("adjectives", []), forms.get("demonyms", [])
        for phrase in [rec["name"], *rec.get("names", []), *rec["adjectives"], *rec["demonyms"]]:
            if shared.get(phrase, code) == code:
                names.add(phrase, code)
    for code, rec in records.items():  # pycountry's names give way to curated ones ("Congo")
        for phrase in rec["iso"]:
            names.add(phrase, code, weak=True)

    capitals: _Index[str] = _Index()
    ambiguous = set(curated["ambiguous_capitals"])
    for code, rec in records.items():
        for phrase in [rec.get("capital"), *rec.get("metonyms", [])]:
            if phrase and phrase not in ambiguous:
                capitals.add(phrase, code)

    def own(phrases: list[str], code: str) -> tuple[str, ...]:
        return tuple(p for p in _unique(phrases) if (e := names.lookup(p)) is not None and e.value == code)

    by_code: dict[str, Country] = {}
    for code, rec in records.items():
        by_code[code] = Country(
            code=code,
            name=rec["name"],
            names=own([rec["name"], *rec.get("names", []), *rec["iso"]], code),
            adjectives=own(rec["adjectives"], code),
            demonyms=own(rec["demonyms"], code),
            capital=rec.get("capital"),
        )
    alpha2 = {rec["alpha2"]: code for code, rec in records.items() if rec.get("alpha2")}
    return _Countries(by_code, alpha2, names, capitals, frozenset(curated["codes_not_words"]))


@lru_cache(maxsize=65536)  # the same words come back in every article; answers are immutable
def country(word: str) -> Country | None:
    """The state a word or phrase names: any of its names, adjectives, demonyms (singular or plural) or its
    alpha-3 code in capitals ("RUS"; codes that are also English words, like "CAN", are not accepted).
    Short forms are case-sensitive ("US" yes, "us" no), words of four or more letters are not ("russia");
    "the United States" and "Russia's" are understood. Places such as "Gaza" or "South Ossetia" give None."""
    tables = _countries()
    entry = tables.names.lookup(word)
    if entry is not None:
        return tables.by_code[entry.value]
    code = word.strip()
    if len(code) == 3 and code.isupper() and code not in tables.code_words:
        return tables.by_code.get(code)
    return None


@lru_cache(maxsize=65536)
def country_by_capital(word: str) -> Country | None:
    """The state whose government a capital or other metonym stands for ("Moscow", "Kremlin", "White House").
    A fallback for callers: a word without any capital letter never matches, nor do capitals that are also
    common words or other places' names ("Victoria", "Male")."""
    if not any(c.isupper() for c in word):
        return None
    tables = _countries()
    entry = tables.capitals.lookup(word)
    return tables.by_code[entry.value] if entry is not None else None


def country_by_code(code: str) -> Country | None:
    """The state with this ISO 3166-1 alpha-3 or alpha-2 code, in any case ("RUS", "ru", "XK")."""
    tables = _countries()
    key = code.strip().upper()
    if len(key) == 2:
        key = tables.alpha2.get(key, "")
    return tables.by_code.get(key)


def all_countries() -> tuple[Country, ...]:
    """Every state of the gazetteer, in alpha-3 order."""
    by_code = _countries().by_code
    return tuple(by_code[code] for code in sorted(by_code))


# --- known actors -------------------------------------------------------------------------------------------

# Section of organizations.json / armed_groups.json -> actor type.
_SECTION_TYPES = {
    "international_org": "international_org",
    "organization": "organization",
    "news_media": "organization",
    "state_body": "organization",
    "armed_group": "armed_group",
}


@dataclass(frozen=True, slots=True)
class _Actors:
    actors: tuple[KnownActor, ...]
    index: _Index[KnownActor]


@lru_cache(maxsize=1)
def _actors() -> _Actors:
    actors: list[KnownActor] = []
    index: _Index[KnownActor] = _Index()
    for file in ("organizations.json", "armed_groups.json"):
        for section, entries in _load(file).items():
            if section.startswith("_"):
                continue
            for item in entries:
                aliases = _unique([a for a in item["aliases"] if a != item["name"]])
                kind = item.get("type", _SECTION_TYPES[section])
                actor = KnownActor(
                    item["name"],
                    kind,
                    aliases,
                    item.get("country"),
                    item.get("affiliation"),
                    bool(item.get("national_force", False)),
                )
                actors.append(actor)
                exact, generic = set(item.get("exact", [])), set(item.get("generic", []))
                for phrase in (actor.name, *aliases):
                    index.add(phrase, actor, exact=phrase in exact, generic=phrase in generic)
    return _Actors(tuple(actors), index)


def known_actor(phrase: str) -> KnownActor | None:
    """The known actor a phrase names exactly (canonical name or alias), under the module's matching rules:
    "U.N." and "UN" yes, "un" no; "Nato" = "NATO"; "the Taliban" and "Hezbollah's" are understood."""
    entry = _actors().index.lookup(phrase)
    return entry.value if entry is not None else None


def all_known_actors() -> tuple[KnownActor, ...]:
    """Every known actor, in data order (for building a phrase matcher)."""
    return _actors().actors


_Token = tuple[int, int, str]  # start, end, folded word


def _joined(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left[1] : right[0]]
    return bool(_GAP.fullmatch(gap)) or (len(left[2]) == 1 and bool(_DOT_GAP.fullmatch(gap)))


def _state_before(text: str, tokens: list[_Token], i: int) -> bool:
    """Whether the words just before token ``i`` name a state ("Russia's", "Palestinian", "Sri Lankan")."""
    phrase = ""
    for k in (i - 1, i - 2):
        if k < 0 or text[tokens[k][1] : tokens[k + 1][0]].strip(" ."):
            return False
        phrase = f"{tokens[k][2]} {phrase}".strip()
        if country(phrase) is not None:
            return True
    return False


def known_actor_in(text: str) -> list[tuple[int, int, KnownActor]]:
    """Every occurrence of a known actor in a text as (start, end, actor), by start offset: whole words
    only, longest matches first, never overlapping. On top of :func:`known_actor`'s rules, a lower-case
    occurrence of a capitalised name is an ordinary word ("a guardian"), and a generic alias right after a
    state's name or adjective is that state's own body and is not matched ("Russia's Security Council",
    "Palestinian Red Crescent"). A possessive is left out of the span; the final dot of an abbreviation
    ("U.N.") and the closing bracket of "CPI (Maoist)" are kept in it."""
    index = _actors().index
    tokens: list[_Token] = [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(text)]
    hits: list[tuple[int, int, int, int, KnownActor]] = []  # start, end, first token, last token, actor
    for i in range(len(tokens)):
        for j in range(i, min(len(tokens), i + index.max_words)):
            if j > i and not _joined(text, tokens[j - 1], tokens[j]):
                break
            words = [t[2] for t in tokens[i : j + 1]]
            if not index.may_start(words):
                break
            start, end = tokens[i][0], tokens[j][1]
            has_upper = any(c.isupper() for c in text[start:end])
            entry = index.get(words, has_upper)
            possessive = _WORD_POSSESSIVE.match(words[-1]) if entry is None else None
            if possessive is not None:
                entry = index.get([*words[:-1], possessive.group(1)], has_upper)
                end -= 2
            if entry is None or (entry.generic and _state_before(text, tokens, i)):
                continue
            if len(words[-1]) == 1 and text[end : end + 1] == ".":
                end += 1  # "U.N."
            elif text[end : end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
                end += 1  # "CPI (Maoist)"
            hits.append((start, end, i, j, entry.value))
    hits.sort(key=lambda h: (h[0] - h[1], h[0]))
    taken = [False] * len(tokens)
    found: list[tuple[int, int, KnownActor]] = []
    for start, end, i, j, actor in hits:
        if not any(taken[i : j + 1]):
            taken[i : j + 1] = [True] * (j + 1 - i)
            found.append((start, end, actor))
    return sorted(found, key=lambda f: f[0])


# --- vocabularies -------------------------------------------------------------------------------------------

_VOCAB = _load("vocabulary.json")

FORCE_NOUNS: frozenset[str] = frozenset(_VOCAB["force_nouns"])
"""Lower-case nouns that denote a state's armed forces after its adjective or possessive ("Russian troops").
Includes police and security forces."""
FORCE_PERSONNEL_NOUNS: frozenset[str] = frozenset(_VOCAB["force_personnel"])
"""The people among FORCE_NOUNS (soldiers, troops, servicemen, fighters...)."""
FORCE_MATERIEL_NOUNS: frozenset[str] = frozenset(_VOCAB["force_materiel"])
"""The materiel among FORCE_NOUNS (tanks, jets, helicopters, drones...)."""
MINISTRY_WORDS: dict[str, str] = dict(_VOCAB["ministries"])
"""Lower-case names of government bodies a state can own -> canonical form ("ministry of defence" ->
"Defense Ministry"). Named bodies such as the Pentagon are known actors; "Kremlin" is a metonym of Russia."""
HEAD_OF_STATE_TITLES: frozenset[str] = frozenset(_VOCAB["head_titles"])
"""The head-of-state or head-of-government roles among PERSON_TITLES: one person per state."""
PERSON_TITLES: dict[str, bool] = {title: title in HEAD_OF_STATE_TITLES for title in _VOCAB["person_titles"]}
"""Titles and roles that precede, follow or stand for a person -> whether it is a head-of-state or
head-of-government role. Lower-case, except abbreviations of fewer than four letters ("PM", "Gen.", "Mr.").
Match with :func:`person_title`, which applies the module's case rules."""
GROUP_NOUNS: dict[str, bool] = dict(_VOCAB["group_nouns"])
"""Lower-case collective non-state nouns, singular and plural -> armed? False: a "group" actor (civilians,
refugees); True: an "armed_group" actor (rebels, militants, insurgents, separatists, militia, gunmen)."""
ARMED_GROUP_NOUNS: frozenset[str] = frozenset(noun for noun, armed in GROUP_NOUNS.items() if armed)
"""The GROUP_NOUNS that name armed non-state actors."""
NEWS_AGENCIES: frozenset[str] = frozenset(item["name"] for item in _load("organizations.json")["news_media"])
"""Canonical names of the news media among the known actors, which callers may treat as optional actors."""


@lru_cache(maxsize=1)
def _titles() -> _Index[str]:
    index: _Index[str] = _Index()
    for title in PERSON_TITLES:
        index.add(title, title, weak=True)  # spelling variants keep the first form listed
    return index


def person_title(phrase: str) -> tuple[str, bool] | None:
    """(title as listed in PERSON_TITLES, head-of-state/government role?) for a title phrase, or None.
    "President" and "president" match; "PM" and "Gen." only in that case ("pm" is a time)."""
    entry = _titles().lookup(phrase)
    return (entry.value, PERSON_TITLES[entry.value]) if entry is not None else None
