"""Reported figures: every number that counts people, forces or materiel, with what it counts,
its category, whose it is (subject) and who reports it (claimant).

Numbers come from ``numbers.find_quantities`` (which already drops dates, times, money, ages...).
A number becomes a figure only when the parse ties it to a category: the counted noun itself
("53 dead", "30,000 refugees"), or the verb, adjective or noun that governs it, found by walking
up the dependency tree from the counted noun ("2,300 soldiers were neutralized", "killing dozens
of people", "the death toll rose to 50"). Lists that share one verb ("130 tanks, 200 artillery
systems and 55 cars were destroyed") reach it through their conjunctions.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from spacy.tokens import Doc, Span, Token

from app.extraction import gazetteer as gz
from app.extraction.actors import ActorIndex
from app.extraction.figure_rules import (
    ADJ_CATEGORY,
    MATERIEL_CATEGORIES,
    MATERIEL_NOUNS,
    NOMINAL_CATEGORY,
    NOUN_CATEGORY,
    OWNED_CATEGORIES,
    PARTICLE_CATEGORY,
    PLACE_COUNT_NOUNS,
    REPORTING_LEMMAS,
    VERB_CATEGORY,
)
from app.extraction.implicit import implicit_counts
from app.extraction.nlp import sentence_of
from app.extraction.numbers import Quantity, find_quantities
from app.extraction.subjects import CIVILIAN_NOUNS, owner_in_sentence, subject_of
from app.extraction.types import FigureCategory

# Dependency labels the search for a governing word may climb through.
_CLIMB = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "prep",
        "conj",
        "appos",
        "nummod",
        "npadvmod",
        "attr",
        "compound",
        "amod",
        "quantmod",
        "nmod",
        "advmod",
        "dep",
        "oprd",
        "agent",
        "pcomp",
        "acomp",
        "obj",
        "cc",
        "punct",
        "det",
        "poss",
        "xcomp",
        "dative",
    }
)
_MAX_CLIMB = 7


@dataclass(slots=True)
class RawFigure:
    quantity: Quantity
    category: FigureCategory
    start: int
    end: int
    object: str | None
    subject_key: str | None
    sentence_start: int
    sentence_end: int
    noun_lemma: str | None = None


def find_figures(doc: Doc, actors: ActorIndex) -> list[RawFigure]:
    out: list[RawFigure] = []
    covered: set[int] = set()  # tokens of counted noun phrases already used
    for q in find_quantities(actors.text):
        span = doc.char_span(q.number_start, q.number_end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        num = span[-1]
        noun = _counted_noun(num)
        if noun is not None and noun.lemma_.casefold() in PLACE_COUNT_NOUNS:
            continue
        category = _category(num, noun)
        if (
            category is not None
            and noun is not None
            and noun.lemma_.casefold() in MATERIEL_NOUNS
            and category not in MATERIEL_CATEGORIES
        ):
            category = _materiel_category(sentence_of(num))
        if category is None:
            continue
        end = q.end
        if noun is not None and noun.i > num.i and noun.i - num.i <= 5:
            end = max(end, noun.idx + len(noun))
        subject = subject_of(doc, actors, num, noun)
        sent = sentence_of(num)
        out.append(
            RawFigure(
                q,
                category,
                q.start,
                end,
                _object(noun),
                subject,
                sent.start_char,
                sent.end_char,
                noun.lemma_.casefold() if noun is not None else None,
            )
        )
        covered.update(range(span.start, (noun.i + 1) if noun is not None and noun.i > num.i else span.end))
    out.extend(implicit_counts(doc, actors, covered))
    out.sort(key=lambda f: f.start)
    _share_owners(out)
    for f in out:
        if f.subject_key is None and f.category in MATERIEL_CATEGORIES - {"deployed"}:
            f.subject_key = owner_in_sentence(doc, actors, f.sentence_start, f.sentence_end, f.start)
    return out


# Vague quantity words that are nouns themselves ("hundreds of families"): they count the noun of
# their "of" phrase, never themselves. Both the form and spaCy's lemma are listed.
_QUANTITY_NOUNS = frozenset(
    {
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "score",
        "scores",
        "million",
        "millions",
        "ten",
        "tens",
    }
)


def _counted_noun(num: Token) -> Token | None:
    """The noun a number counts: "2,300 [soldiers]", "dozens of [people]", "two of its [soldiers]"."""
    if num.dep_ == "conj" and num.head.like_num and num.head.i < num.i:
        return _counted_noun(num.head)  # "between 40 and 60 [soldiers]": the range's first end holds it
    is_quantity_word = num.lower_ in _QUANTITY_NOUNS or num.lemma_.casefold() in _QUANTITY_NOUNS
    if num.pos_ in {"NOUN", "PROPN"} and not is_quantity_word:
        return num  # "53 dead" parsed with the number inside the noun phrase
    if num.dep_ in {"nummod", "quantmod", "amod", "compound"} and num.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
        head = num.head
        if head.pos_ == "ADJ" and head.lemma_.casefold() not in ADJ_CATEGORY:
            return None
        return head
    for child in num.children:  # "dozens of people", "nine of the dead", "2 of its soldiers"
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _category(num: Token, noun: Token | None) -> FigureCategory | None:
    following = num.nbor(1) if num.i + 1 < len(num.doc) else None
    if following is not None and following.tag_ in {"VBN", "JJ"} and (noun is None or noun is following):
        found = ADJ_CATEGORY.get(following.lower_)  # "2,500 killed and 8,000 wounded", "53 dead"
        if found is not None:
            return found
    if noun is not None:
        for child in noun.children:  # "civilians killed in the raid", "people who died", "wounded soldiers"
            found = word_category(child) if child.dep_ in {"acl", "relcl", "amod"} else None
            if found is not None:
                return found
    governed = _governing_category(num, noun)
    if governed is not None:
        return None if governed == "agent" else governed
    if noun is not None:  # what the counted noun says of itself: "53 dead", "30,000 refugees"
        return NOUN_CATEGORY.get(noun.lemma_.casefold()) or NOUN_CATEGORY.get(noun.lower_)
    return None


def _governing_category(num: Token, noun: Token | None) -> FigureCategory | Literal["agent"] | None:
    """Walk up from the counted phrase to the verb, adjective or event noun that governs it. The
    verb wins over the noun's own meaning: "34 refugees were killed" counts the dead. A count in a
    passive's agent ("killed by two gunmen") is the perpetrators: "agent", no figure."""
    token = noun if noun is not None and noun.i > num.i else num
    for _ in range(_MAX_CLIMB):
        found = word_category(token)
        if found is not None and token is not noun:
            return found
        if token.dep_ == "agent" or (token.dep_ == "prep" and token.lower_ == "by" and token.head.tag_ == "VBN"):
            return "agent"
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            event = NOMINAL_CATEGORY.get(token.head.head.lemma_.casefold())
            if event is not None:  # "the capture of two soldiers", "the bodies of five children"
                return event
        if token.pos_ in {"VERB", "AUX"}:
            for child in token.children:  # "were dead", "were reported missing", "the death toll rose to"
                if child.dep_ in {"acomp", "oprd", "xcomp"}:
                    found = word_category(child)
                    if found is not None:
                        return found
                if child.dep_ == "prep" and child.lower_ == "as":  # "listed as missing", "confirmed as dead"
                    for complement in child.children:
                        found = ADJ_CATEGORY.get(complement.lower_)
                        if found is not None:
                            return found
                if child.dep_ in {"nsubj", "nsubjpass"} and child.lemma_.casefold() in {"toll", "number"}:
                    return _toll(child)
            if token.lemma_.casefold() in REPORTING_LEMMAS:
                return None
            if token.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
                return None  # a coordinated clause of its own: "20 were killed and 3,000 refugees crossed"
        if token.dep_ not in _CLIMB or token.head is token:
            return None
        token = token.head
    return None


def word_category(token: Token) -> FigureCategory | None:
    """The category a verb, adjective or noun gives to what it governs, idioms included: "shot
    dead", "hacked to death", "fatally stabbed", "found dead", "taken hostage"."""
    lemma = token.lemma_.casefold()
    for child in token.children:
        if child.dep_ in {"prt", "oprd", "acomp", "dobj", "advmod"}:
            found = PARTICLE_CATEGORY.get((lemma, child.lemma_.casefold()))
            if found is not None:
                return found
        if token.pos_ == "VERB" and child.lower_ == "fatally":
            return "killed"
        if (
            token.pos_ == "VERB"
            and child.dep_ == "prep"
            and child.lower_ == "to"
            and any(g.lower_ == "death" for g in child.children)
        ):
            return "killed"
        if (
            lemma == "find"
            and child.dep_ in {"oprd", "acomp", "xcomp", "ccomp"}
            and child.lower_ in {"dead", "murdered", "killed", "slain", "beheaded"}
        ):
            return "killed"
    if token.pos_ in {"VERB", "AUX"} and lemma in VERB_CATEGORY:
        return VERB_CATEGORY[lemma]
    if token.pos_ == "ADJ" or token.tag_ in {"VBN", "JJ"}:
        found = ADJ_CATEGORY.get(token.lower_)
        if found is not None:
            return found
    if token.pos_ == "NOUN" and lemma in {"toll"}:
        return _toll(token)
    if token.tag_ == "VBN" and lemma in VERB_CATEGORY:
        return VERB_CATEGORY[lemma]
    return None


def _materiel_category(sentence: Span) -> FigureCategory | None:
    """The fate of counted materiel: the first destroy/damage/capture word of its sentence ("lost"
    materiel is destroyed materiel)."""
    for token in sentence:
        if token.lemma_.casefold() == "lose" and token.pos_ == "VERB":
            return "destroyed"
        found = word_category(token)
        if found in MATERIEL_CATEGORIES:
            return found
    return None


def _toll(token: Token) -> FigureCategory:
    words = {c.lemma_.casefold() for c in token.children}
    return "casualties" if "casualty" in words else "killed"


def _object(noun: Token | None) -> str | None:
    if noun is None:
        return None
    parts = [c for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.pos_ != "NUM"] + [noun]
    words = " ".join(t.text for t in parts)
    return words[:300] or None


def _share_owners(figures: list[RawFigure]) -> None:
    """In one sentence, an item of a list with no owner of its own takes the owner named for the
    item before it ("130 tanks, 200 artillery systems and 55 cars" of the Armenian forces)."""
    for prev, cur in pairwise(figures):
        if (
            cur.subject_key is None
            and prev.subject_key is not None
            and cur.sentence_start == prev.sentence_start
            and cur.category in OWNED_CATEGORIES
            and prev.category in OWNED_CATEGORIES
            and cur.noun_lemma not in CIVILIAN_NOUNS
            and gz.GROUP_NOUNS.get(cur.noun_lemma or "") is not False
        ):
            cur.subject_key = prev.subject_key
