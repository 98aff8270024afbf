"""Whose losses a figure counts (its subject).

In order: an actor named inside the counted phrase ("2,300 Armenian soldiers", "two of its
soldiers", "26 CRPF personnel"); for a bare force or fighter noun, the force of that kind the
article last named ("two soldiers" -> the army, "a police sergeant" -> the police, "five rebels"
-> the rebel group); for materiel with no owner in its phrase, the force named in the same
sentence that is not doing the destroying ("Armenian soldiers ... 130 tanks destroyed").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.extraction import gazetteer as gz
from app.extraction.actor_rules import force_kind
from app.extraction.actors import ActorIndex
from app.extraction.types import Actor

# People nouns that are never a force's losses, even next to a state's name.
CIVILIAN_NOUNS = frozenset(
    {
        "civilian",
        "people",
        "resident",
        "villager",
        "refugee",
        "person",
        "child",
        "woman",
        "man",
        "family",
        "worker",
        "student",
        "protester",
        "passenger",
    }
)


def subject_of(doc: Doc, actors: ActorIndex, num: Token, noun: Token | None) -> str | None:
    if noun is None:  # the parse lost the counted noun: an actor named right after the number
        nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in {"PROPN", "NOUN"}:
            key = actors.at(nxt.idx, nxt.idx + len(nxt))
            if key is not None and actors.actors[key].type in {"armed_group", "group"}:
                return key
        return None
    left = min([num.i, *(t.i for t in noun.lefts)])
    right = noun.i + 1
    for head in (noun, num):  # "members of the tribe", "two of its soldiers"
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                right = max(right, child.right_edge.i + 1)
    start, end = doc[left].idx, doc[right - 1].idx + len(doc[right - 1])
    lemma = noun.lemma_.casefold()
    key = actors.at(start, end)
    if key is None:
        for t in doc[left:right]:
            if t.lower_ in {"its", "their"}:
                key = actors.resolve(t.idx, t.idx + len(t))
                break
    if key is None and noun.dep_ == "dobj" and noun.head.lemma_.casefold() == "lose":
        # "Armenian forces lost 130 tanks": the loser owns what it lost
        for loser in noun.head.children:
            if loser.dep_ == "nsubj":
                key = actors.at(loser.left_edge.idx, loser.idx + len(loser))
    if key is None:
        key = _force_by_noun(actors, noun, start, end)
    if key is None:
        return None
    actor = actors.actors[key]
    if actor.type == "state" and lemma not in CIVILIAN_NOUNS:
        return actors.forces_of(key) or key
    if actor.type != "armed_group" and force_kind(lemma) is not None:
        # "one Chhattisgarh policeman": the force whose name starts with the place or body named
        for other_key, other in actors.actors.items():
            if other.type == "armed_group" and other.name.casefold().startswith(actor.name.casefold() + " "):
                return other_key
    return key


def _force_by_noun(actors: ActorIndex, noun: Token, start: int, end: int) -> str | None:
    """A bare "soldiers", "police officers", "rebels", or "men of the force": the force of that
    kind named last before the figure (or, failing that, anywhere in the article)."""
    words = [noun.lower_, noun.lemma_.casefold(), *(c.lower_ for c in noun.lefts if c.dep_ == "compound")]
    of_force = any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(force_kind(p.lemma_.casefold()) or p.lower_ in {"force", "unit"} for p in c.children)
        for c in noun.rights
    )
    if any(w in gz.ARMED_GROUP_NOUNS for w in words):
        wanted = _non_state
    elif any(force_kind(w) == "police" for w in words):
        wanted = _police
    elif any(force_kind(w) is not None for w in words):
        wanted = _military
    elif of_force:
        wanted = _any_force
    else:
        return None
    found = actors.before(start, {"armed_group"}, wanted) or actors.before(len(actors.text), {"armed_group"}, wanted)
    if found is None and wanted is not _non_state:
        found = _sole_state_force(actors, noun, police=wanted is _police)
    return found


def _sole_state_force(actors: ActorIndex, noun: Token, police: bool) -> str | None:
    """In a report about one state only, a bare "police" or "soldiers" are that state's."""
    states = {f.key for f in actors.found if actors.actors[f.key].type == "state"}
    if len(states) != 1:
        return None
    state = actors.actors[states.pop()]
    country = gz.country_by_code(state.country) if state.country else None
    adjective = country.adjectives[0] if country and country.adjectives else state.name
    name = f"{adjective} police" if police else f"{adjective} armed forces"
    key = actors.add_actor(name, "armed_group", country=state.country, affiliation=state.key)
    actors.mention(key, noun.idx, noun.idx + len(noun), noun.i)
    return key


def _non_state(actor: Actor) -> bool:
    return actor.affiliation is None and "police" not in actor.key


def _police(actor: Actor) -> bool:
    return "police" in actor.key


def _military(actor: Actor) -> bool:
    return "police" not in actor.key and (actor.affiliation is not None or "force" in actor.key)


def _any_force(actor: Actor) -> bool:
    return True


def owner_in_sentence(doc: Doc, actors: ActorIndex, sentence_start: int, sentence_end: int, before: int) -> str | None:
    """For materiel with no owner in its phrase: the first force named earlier in the sentence that is
    not a clause's subject (the side whose tanks are counted, not the side destroying them)."""
    for f in sorted(actors.found, key=lambda f: f.start):
        if not (sentence_start <= f.start < before <= sentence_end):
            continue
        if actors.actors[f.key].type != "armed_group":
            continue
        if doc[f.head].dep_ in {"nsubj", "agent"}:
            continue
        return f.key
    return None
