"""Telling places from actors among the names spaCy finds.

The small English model often labels towns, provinces and regions PERSON or ORG ("Yala",
"Raipur", "Nagorno-Karabakh"). News writing gives places away by how it uses them: after a
locative preposition ("in Yala", "near Raipur"), before a place noun ("Pattani province"), in a
dateline ("GROZNY, Russia -"), or as an administrative division that pycountry knows. A name
whose every occurrence is used that way is a place, not an actor.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry
from spacy.tokens import Doc, Span

# "from", "to", "on" and "between" are left out: "a letter from Putin", "pressure on Kyiv".
LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "across",
        "into",
        "inside",
        "around",
        "toward",
        "towards",
        "through",
        "throughout",
        "within",
        "beyond",
        "along",
        "off",
    }
)
PLACE_NOUNS = frozenset(
    {
        "province",
        "district",
        "city",
        "town",
        "village",
        "region",
        "area",
        "county",
        "camp",
        "road",
        "street",
        "border",
        "valley",
        "river",
        "mountains",
        "airport",
        "hospital",
        "square",
        "prison",
        "state",
        "division",
        "governorate",
        "oblast",
        "municipality",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "quarter",
        "port",
        "highway",
        "island",
        "islands",
        "district's",
        "province's",
        "township",
        "sector",
        "zone",
        "strip",
    }
)


@lru_cache(maxsize=1)
def _subdivisions() -> frozenset[str]:
    """Names of first-level administrative divisions (ISO 3166-2, through pycountry)."""
    return frozenset(s.name.casefold() for s in pycountry.subdivisions)


def is_subdivision(name: str) -> bool:
    return name.casefold() in _subdivisions()


def _used_as_place(doc: Doc, ent: Span) -> bool:
    before = doc[ent.start - 1] if ent.start > 0 else None
    before2 = doc[ent.start - 2] if ent.start > 1 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in PLACE_NOUNS:
        return True
    if before is not None and before.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if (
        before is not None
        and before.lower_ == "the"
        and before2 is not None
        and before2.lower_ in LOCATIVE_PREPOSITIONS
    ):
        return True
    # dateline: an all-capitals name opening a paragraph, followed by a comma or a dash
    opens = before is None or "\n" in before.text or before.is_space
    return bool(opens and ent.text.isupper() and after is not None and after.text in {",", "-", "–", "—"})


def place_names(doc: Doc) -> set[str]:
    """Texts of the PERSON/ORG/GPE/LOC/FAC entities that the article uses only as places."""
    uses: dict[str, list[bool]] = {}
    for ent in doc.ents:
        if ent.label_ in {"PERSON", "ORG", "GPE", "LOC", "FAC"}:
            uses.setdefault(ent.text, []).append(_used_as_place(doc, ent))
    return {name for name, flags in uses.items() if all(flags) or is_subdivision(name)}
