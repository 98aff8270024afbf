"""Attributions without a reporting verb: a noun of an utterance with its "that" clause ("the
army's claim that ...", "a warning by the UN that ...", "his pledge to withdraw") and the
parenthetical "as X put it" / "as X said"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.extraction.cues import LIGHT_VERBS, NOMINAL_CUES, Cue, verb_subject
from app.extraction.statement_base import RawStatement, clip, lay, make

# Nominal cues whose content may be an infinitive ("a pledge to withdraw", "calls for").
_INFINITIVE_NOUNS = frozenset(["promise", "pledge", "vow", "threat", "demand", "appeal", "plea"])


def nominal(doc: Doc, cue: Cue) -> RawStatement | None:
    """``X's claim that C`` / ``the claim by X that C`` / ``X issued a warning that C``."""
    t = cue.token
    if t.lemma_.lower() not in NOMINAL_CUES:
        return None
    clause = next((c for c in t.children if c.i > t.i and c.dep_ in ("acl", "ccomp") and _complement(c, t)), None)
    if clause is None:
        return None
    speaker = _owner(t)
    if speaker is None:
        return None
    span = clip(doc, clause.left_edge.i, clause.right_edge.i, t.i)
    if span is None or lay(doc).text.find(" ", span[0], span[1]) < 0:
        return None
    return make(doc, span[0], span[1], "indirect", cue, speaker)


def _complement(clause: Token, noun: Token) -> bool:
    """Whether a clause hanging on the noun states its content: introduced by the complementizer
    "that" (with a subject of its own, unlike a relative clause), or an infinitive for nouns of
    commitment and demand."""
    kids = list(clause.children)
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
        return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids)
    if noun.lemma_.lower() in _INFINITIVE_NOUNS:
        return any(c.dep_ == "aux" and c.lower_ == "to" and c.i < clause.i for c in kids)
    return False


def _owner(noun: Token) -> Token | None:
    """Who made the utterance: the possessor, the object of "by"/"from", or the subject of a
    light verb whose object the noun is."""
    for c in noun.children:
        if c.dep_ == "poss" and c.i < noun.i:
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > noun.i:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        return verb_subject(noun.head)
    return None
