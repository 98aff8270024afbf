"""Word rules the actor resolver applies on top of the gazetteer's vocabularies."""

from __future__ import annotations

import re
from typing import Literal

from app.extraction import gazetteer as gz
from app.extraction.types import ActorType

# Heads of ministries and departments, lower-cased ("Defense Ministry", "State Department").
MINISTRY_HEADS = frozenset({"ministry", "department", "office", "staff", "secretariat"})
# Nouns by which a state word means the state itself ("the Georgian government").
GOVERNMENT_NOUNS = frozenset(
    {"government", "administration", "authorities", "regime", "cabinet", "state", "leadership", "country"}
)
_POLICE = frozenset({"police", "policemen", "policeman", "police officers", "gendarmerie", "gendarmes"})
# Plural nouns for unnamed sources: "Georgian officials said" names a group of the state's officials,
# not the state itself (a serious reader keeps the two apart).
ANONYMOUS_SOURCES = frozenset(
    {
        "official",
        "source",
        "diplomat",
        "authority",
        "leader",
        "commander",
        "general",
        "spokesman",
        "spokesperson",
        "investigator",
        "analyst",
        "expert",
        "lawmaker",
    }
)

# Common nouns that NER sometimes tags ORG when capitalised ("Parliament", "the Army"): alone, they
# name no particular organisation.
COMMON_ORG_WORDS = frozenset(
    {
        "parliament",
        "senate",
        "congress",
        "government",
        "cabinet",
        "army",
        "police",
        "military",
        "ministry",
        "court",
        "council",
        "assembly",
        "administration",
        "state",
        "navy",
        "air force",
        "coalition",
        "opposition",
    }
)


def force_kind(word: str) -> Literal["military", "police"] | None:
    """Does a noun name a state's armed forces ("troops") or its police ("policemen")?"""
    w = word.casefold()
    if w in _POLICE:
        return "police"
    if w in gz.FORCE_NOUNS:
        return "military"
    return None


def is_title_token(word: str) -> bool:
    return word.strip(",.").casefold() in _TITLE_WORDS


def _title_words() -> frozenset[str]:
    """Words that make a title by themselves: one-word titles and the heads of longer ones
    ("minister" of "prime minister"), plus the words that lead into a head ("prime", "foreign")."""
    words: set[str] = set()
    for title in gz.PERSON_TITLES:
        parts = [w.strip(".") for w in title.casefold().split() if w not in {"of", "the", "for", "and"}]
        if parts and parts[-1] not in _NOT_TITLE_HEADS:
            words.update(parts)
    return frozenset(words - _NOT_TITLE_HEADS)


# Words of multi-word titles that alone name a force or an office, not a person ("military
# spokesman" is a title; "the Turkish military" is not a person).
_NOT_TITLE_HEADS = frozenset(
    {
        "military",
        "police",
        "army",
        "defense",
        "defence",
        "security",
        "state",
        "government",
        "party",
        "press",
        "rebel",
        "opposition",
        "ministry",
        "foreign office",
    }
)


_TITLE_WORDS = _title_words()


def strip_titles(name: str) -> str:
    """ "Prime Minister Vladimir Putin" -> "Vladimir Putin"; "Lt. Col. Barry Johnson" -> "Barry Johnson"."""
    words = name.split()
    titled = [i for i, w in enumerate(words[:-1]) if w.strip(".").casefold() in _TITLE_WORDS]
    if titled and all(w[:1].isupper() for w in words[: titled[-1] + 1]):
        words = words[titled[-1] + 1 :]  # "Defence Minister Zakir Hasanov": the name follows the last title
    while len(words) > 1 and (
        words[0].strip(".").casefold() in _TITLE_WORDS or re.fullmatch(r"[A-Z][a-z]{0,3}\.", words[0])
    ):
        words.pop(0)
    return " ".join(words).strip(" ,")


def canonical_ministry(adjective: str, words: list[str]) -> str:
    """ "Azerbaijani" + ["Defence", "Ministry"] -> "Azerbaijani Defense Ministry"; "Ministry of
    Defense" word orders become "<Adj> Defense Ministry" so that one ministry has one name."""
    phrase = " ".join(words)
    m = re.match(r"(?i)ministry of (?:the )?(.+)", phrase)
    if m:
        phrase = f"{m.group(1)} Ministry"
    phrase = re.sub(r"(?i)\bdefence\b", "Defense", phrase)
    # one spelling per ministry: "foreign ministry" and "Foreign Ministry" are the same body
    phrase = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in phrase.split())
    return f"{adjective} {phrase}"


_ARMED_WORDS = re.compile(
    r"(?i)\b(army|forces|militia|militias|brigades?|battalions?|regiment|guards?|police|front|"
    r"liberation|rebels?|insurgents?|mujahideen|jihad|tigers|commandos?|fighters|corps)\b"
)
_INTERNATIONAL = re.compile(r"(?i)^(?:U\.?N\.?|United Nations|European|NATO|International)\b")
_ORG_WORDS = re.compile(
    r"(?i)\b(ministry|department|office|council|agency|committee|party|court|"
    r"commission|bureau|service|union|institute|organi[sz]ation|association)\b"
)


def org_type(name: str) -> ActorType:
    """The type of an organisation NER found and the gazetteer does not know."""
    if _INTERNATIONAL.search(name):
        return "international_org"
    if _ORG_WORDS.search(name):
        return "organization"
    if _ARMED_WORDS.search(name):
        return "armed_group"
    return "organization"
