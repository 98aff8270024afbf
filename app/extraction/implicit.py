"""Counts written without a numeral: "armed men shot dead the village chief" is one killed, "a
religious scholar and an imam were killed" two, "gunmen shot him dead" one.

The victims are the passive subject or the object of a casualty verb (the subject for "die"),
or, for the second verb of "was shot and killed", those of the first. A victim counts when it
names a person: a person noun or title, a PERSON entity, or "him"/"her".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from app.extraction import gazetteer as gz
from app.extraction.actors import ActorIndex
from app.extraction.figure_rules import PAIR_NOUNS, PERSON_NOUNS
from app.extraction.nlp import sentence_of
from app.extraction.numbers import Quantity
from app.extraction.subjects import subject_of

if TYPE_CHECKING:
    from app.extraction.figures import RawFigure

COUNTED = frozenset({"killed", "injured", "captured", "arrested", "missing"})
INTRANSITIVE_DEATH = frozenset({"die", "perish"})
# Agent-noun endings that mark a person ("reporter", "legislator", "activist", "politician"),
# minus the common nouns of things that share them.
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant")
_THING_WORDS = frozenset(
    {
        "center",
        "centre",
        "order",
        "border",
        "power",
        "water",
        "number",
        "corner",
        "paper",
        "tower",
        "river",
        "shelter",
        "quarter",
        "letter",
        "computer",
        "container",
        "helicopter",
        "motor",
        "sector",
        "corridor",
        "floor",
        "door",
        "factor",
        "error",
        "mirror",
        "color",
        "colour",
        "honor",
        "honour",
        "restaurant",
        "plant",
        "tenant",
        "warrant",
        "war",
        "car",
        "summer",
        "winter",
        "december",
        "november",
        "october",
        "september",
        "ceasefire",
        "matter",
        "minister",
        "wrestler",
        "ranger",
        "barrier",
        "cluster",
        "chapter",
        "territory",
        "history",
        "story",
        "christian",
        "civilian",
        "italian",
        "assault",
        "weather",
        "daughter",
    }
)


def is_person_noun(token: Token) -> bool:
    lemma = token.lemma_.casefold()
    if token.ent_type_ == "PERSON" or lemma in PERSON_NOUNS or lemma in PAIR_NOUNS or lemma in gz.PERSON_TITLES:
        return True
    return token.pos_ == "NOUN" and len(lemma) > 4 and lemma.endswith(_PERSON_ENDINGS) and lemma not in _THING_WORDS


def _victims(verb: Token) -> list[Token]:
    deps = {"nsubjpass", "dobj"} | ({"nsubj"} if verb.lemma_.casefold() in INTRANSITIVE_DEATH else set())
    found = [c for c in verb.children if c.dep_ in deps]
    if not found and verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "was shot and killed"
        found = [c for c in verb.head.children if c.dep_ in {"nsubjpass", "dobj"}]
    return found


def _people(head: Token) -> list[Token] | None:
    """The singular people of a victim phrase and its coordination ("a scholar and an imam"), or
    None when any of it is not a countable person (a plural, a numeral, a thing)."""
    chain = [head]
    for token in head.subtree:
        if token.dep_ == "conj" and token.head in chain:
            chain.append(token)
    people = []
    for token in chain:
        if token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in token.children):
            return None
        if (
            token.lower_ in {"him", "her"}
            or is_person_noun(token)
            or (token.pos_ == "PROPN" and any(is_person_noun(t) for t in token.subtree))
        ):
            people.append(token)
        else:
            return None
    return people


def implicit_counts(doc: Doc, actors: ActorIndex, covered: set[int]) -> list[RawFigure]:
    from app.extraction.figures import RawFigure, word_category

    found: list[RawFigure] = []
    seen: set[int] = set()
    for verb in doc:
        if verb.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        category = word_category(verb)
        if category not in COUNTED or verb.tag_ == "VB":  # "trying to capture a commander": not done
            continue
        for victim in _victims(verb):
            if victim.i in covered or victim.i in seen:
                continue
            people = _people(victim)
            if not people:
                continue
            seen.update(t.i for t in people)
            left = min(t.i for t in victim.subtree)
            right = max(t.i for t in people)
            if victim.pos_ == "PROPN" or victim.lower_ in {"him", "her"}:
                left = victim.left_edge.i
            span = doc[left : right + 1]
            sent = sentence_of(victim)
            value = float(len(people) + sum(1 for t in people if t.lemma_.casefold() in PAIR_NOUNS))
            found.append(
                RawFigure(
                    Quantity(
                        span.start_char, span.end_char, span.start_char, span.end_char, value, value, value, None, False
                    ),
                    category,
                    span.start_char,
                    span.end_char,
                    victim.text,
                    subject_of(doc, actors, victim, victim),
                    sent.start_char,
                    sent.end_char,
                    victim.lemma_.casefold(),
                )
            )
    return found
