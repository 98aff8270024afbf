"""Actors of an article: who is named, under which canonical name, and which words refer to whom.

Mentions come from four sources, strongest first:
1. the gazetteer's known actors (international bodies, armed groups, NGOs, news agencies);
2. state words and the noun phrases they head or modify: a country's name or adjective alone is
   the state ("Azeri" -> Azerbaijan); with a force noun it is the state's armed forces ("Armenian
   troops" -> Armenian armed forces); with a ministry it is that ministry ("Azerbaijani Defense
   Ministry"); with a head-of-state title it is the person holding it ("Armenian PM Pashinyan");
3. spaCy's PERSON and ORG entities, titles stripped, surnames merged into the full name;
4. collective nouns of non-state armed groups qualified by a people ("Chechen rebels").

The result is an ``ActorIndex``: the actors, their mentions, and ``resolve`` which maps any phrase
(a statement's speaker, a figure's counted noun) to an actor, following pronouns and definite
descriptions ("he", "the ministry", "the army") back to the nearest compatible actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from app.extraction import gazetteer as gz
from app.extraction.actor_rules import (
    GOVERNMENT_NOUNS,
    MINISTRY_HEADS,
    canonical_ministry,
    force_kind,
    is_title_token,
    org_type,
    strip_titles,
)
from app.extraction.types import Actor, ActorType, Mention

PRONOUNS_PERSON = frozenset({"he", "she", "him", "his", "her"})
PRONOUNS_PLURAL = frozenset({"they", "them", "their"})
PRONOUN_IT = frozenset({"it", "its"})
TYPE_RANK = {"person": 5, "organization": 4, "armed_group": 4, "international_org": 4, "group": 2, "state": 1}


def actor_key(name: str) -> str:
    """Identity of an actor across articles: its canonical name, case- and space-folded, with
    British and American spellings of "defence" made one."""
    key = " ".join(name.casefold().replace("’", "'").split())
    return key.replace("defence", "defense")


@dataclass(slots=True)
class _Found:
    key: str
    start: int  # char span
    end: int
    head: int  # token index of the mention's head


@dataclass
class ActorIndex:
    doc: Doc
    actors: dict[str, Actor] = field(default_factory=dict)
    found: list[_Found] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # "armenia|prime minister" -> person key

    # ------------------------------------------------------------------ building

    def add_actor(self, name: str, type: ActorType, *, country: str | None = None,
                  affiliation: str | None = None, aliases: tuple[str, ...] = ()) -> str:
        key = actor_key(name)
        actor = self.actors.get(key)
        if actor is None:
            actor = Actor(key=key, name=name, type=type, country=country, affiliation=affiliation)
            self.actors[key] = actor
        actor.country = actor.country or country
        actor.affiliation = actor.affiliation or affiliation
        for alias in aliases:
            self.add_alias(key, alias)
        return key

    def add_alias(self, key: str, alias: str) -> None:
        alias = " ".join(alias.split()).strip(" ,.;:'\"“”‘’")
        alias = re.sub(r"(?:'s|’s)$", "", alias)
        actor = self.actors[key]
        if alias and actor_key(alias) != key and alias not in actor.aliases and len(alias) <= 200:
            actor.aliases.append(alias)

    def mention(self, key: str, start: int, end: int, head: int) -> None:
        for f in self.found:
            if f.start < end and start < f.end:  # overlapping: keep the longer one
                if end - start <= f.end - f.start:
                    return
                self.found.remove(f)
                break
        self.found.append(_Found(key, start, end, head))
        self.add_alias(key, self.doc.text[start:end])

    def state(self, country: gz.Country) -> str:
        return self.add_actor(country.name, "state", country=country.code,
                              aliases=(*country.adjectives[:2], *country.names[:3]))

    # ------------------------------------------------------------------ reading

    def mentions(self) -> list[Mention]:
        text = self.doc.text
        return [Mention(f.key, f.start, f.end, text[f.start:f.end]) for f in sorted(self.found, key=lambda f: f.start)]

    def used_actors(self) -> list[Actor]:
        """Actors with at least one mention, plus the ones they are affiliated with."""
        keys = {f.key for f in self.found}
        for key in list(keys):
            parent = self.actors[key].affiliation
            while parent and parent not in keys and parent in self.actors:
                keys.add(parent)
                parent = self.actors[parent].affiliation
        return [a for k, a in self.actors.items() if k in keys]

    def forces_of(self, state_key: str) -> str | None:
        """The armed forces of a state, when the article names them."""
        for key, actor in self.actors.items():
            if actor.affiliation == state_key and actor.type == "armed_group" and key.endswith("armed forces"):
                return key
        return None

    def at(self, start: int, end: int) -> str | None:
        """The most specific actor mentioned inside [start, end)."""
        inside = [f for f in self.found if f.start >= start and f.end <= end]
        if not inside:
            inside = [f for f in self.found if f.start < end and start < f.end]
        if not inside:
            return None
        best = max(inside, key=lambda f: (TYPE_RANK[self.actors[f.key].type], f.end - f.start, -f.start))
        return best.key

    def before(self, char: int, types: set[str] | None = None, pred: object = None) -> str | None:
        """The nearest actor mentioned before ``char`` of one of ``types``."""
        for f in sorted(self.found, key=lambda f: f.start, reverse=True):
            if f.end > char:
                continue
            actor = self.actors[f.key]
            if types is not None and actor.type not in types:
                continue
            if callable(pred) and not pred(actor):
                continue
            return f.key
        return None

    def resolve(self, start: int, end: int, head: int | None = None) -> str | None:
        """The actor a phrase refers to: one named in it, or the antecedent of a pronoun or of a
        definite description. None when nothing fits: a guess is worse than no speaker."""
        named = self.at(start, end)
        if named:
            return named
        words = self.doc.text[start:end].casefold().split()
        if not words:
            return None
        last = words[-1].strip(".,")
        if len(words) == 1 and last in PRONOUNS_PERSON:
            return self.before(start, {"person"})
        if len(words) == 1 and last in PRONOUNS_PLURAL:
            return self.before(start, {"state", "armed_group", "group", "organization", "international_org"})
        if len(words) == 1 and last in PRONOUN_IT:
            return self.before(start, {"state", "organization", "international_org", "armed_group"})
        if words[0] not in {"the", "this", "that"}:
            return None
        # definite descriptions: "the ministry", "the army", "the prime minister", "the group"
        if last in MINISTRY_HEADS:
            return self.before(start, {"organization"}, lambda a: "ministry" in a.key or "department" in a.key)
        kind = force_kind(last)
        if kind is not None:
            return self.before(start, {"armed_group"}, lambda a: kind == "police" or "police" not in a.key)
        if last in {"group", "organization", "movement", "rebels", "militants", "insurgents", "guerrillas"}:
            return self.before(start, {"armed_group", "organization"})
        if last in GOVERNMENT_NOUNS:
            return self.before(start, {"state"})
        role = " ".join(w for w in words[1:] if w.isalpha() or "-" in w)
        for role_key, person in reversed(self.roles.items()):
            if role_key.endswith("|" + role):
                return person
        return None


def build_index(doc: Doc) -> ActorIndex:
    index = ActorIndex(doc)
    taken: set[int] = set()  # tokens already inside a mention

    def claim(start_tok: int, end_tok: int) -> bool:
        if any(i in taken for i in range(start_tok, end_tok)):
            return False
        taken.update(range(start_tok, end_tok))
        return True

    # 1. gazetteer actors
    for start, end, known in gz.known_actor_in(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not claim(span.start, span.end):
            continue
        parent = None
        if known.affiliation:
            parent_known = gz.known_actor(known.affiliation)
            if parent_known is not None:
                parent = index.add_actor(parent_known.name, parent_known.type,  # type: ignore[arg-type]
                                         country=parent_known.country, aliases=parent_known.aliases)
        key = index.add_actor(known.name, known.type, country=known.country,  # type: ignore[arg-type]
                              affiliation=parent, aliases=known.aliases)
        index.mention(key, start, end, span.root.i)

    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    # 2. state words and what they qualify
    for i, tok in enumerate(doc):
        if i in taken:
            continue
        match = _country_at(doc, i)
        if match is None:
            continue
        country, j = match  # tokens [i, j) name the country
        if any(e.start <= i < e.end for e in persons):
            continue
        _qualified(index, doc, country, i, j, claim)

    # 3. people and organisations from NER
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            _person(index, doc, ent, claim)
        elif ent.label_ == "ORG":
            _organization(index, ent, claim)
        elif ent.label_ == "NORP":
            _people_group(index, doc, ent, claim)
    _merge_surnames(index)
    return index


def _country_at(doc: Doc, i: int) -> tuple[gz.Country, int] | None:
    for width in (3, 2, 1):
        if i + width > len(doc):
            continue
        span = doc[i:i + width]
        if width > 1 and any(t.is_punct and t.text != "." for t in span):
            continue
        words = span.text
        if words.endswith("'s") or words.endswith("’s"):
            continue
        country = gz.country(words)
        if country is not None and (width > 1 or _is_state_word(doc[i])):
            return country, i + width
    return None


def _is_state_word(tok: Token) -> bool:
    # "us" the pronoun, "Chad" the name, "Georgia" in "Georgia Smith": only capitalised words that
    # are not inside a person's name count.
    return tok.text[:1].isupper() and tok.ent_type_ != "PERSON"


def _qualified(index: ActorIndex, doc: Doc, country: gz.Country, i: int, j: int, claim: object) -> None:
    """A state word at tokens [i, j) and the phrase it qualifies."""
    state = index.state(country)
    adjective = country.adjectives[0] if country.adjectives else country.name
    k = j
    if k < len(doc) and doc[k].text in {"'s", "’s"}:
        k += 1
    # look right, within the noun phrase, for what the state word qualifies
    end = k
    while end < len(doc) and end - k < 4 and (doc[end].pos_ in {"ADJ", "PROPN", "NOUN"} or doc[end].text == "-"):
        end += 1
    phrase = doc[i:end]
    words = [t.text for t in doc[k:end]]
    lowered = [w.casefold() for w in words]
    assert callable(claim)
    # ministries: "Azerbaijani Defense Ministry", "Russia's Foreign Ministry"
    for n in range(len(lowered), 0, -1):
        if lowered[n - 1] in MINISTRY_HEADS and n >= 1:
            name = canonical_ministry(adjective, words[:n])
            if claim(i, k + n):
                key = index.add_actor(name, "organization", country=country.code, affiliation=state)
                index.mention(key, doc[i].idx, doc[k + n - 1].idx + len(doc[k + n - 1]), doc[k + n - 1].i)
            return
    # forces: "Armenian troops", "Russian strategic bombers", "Thai police"
    for n in range(len(lowered), 0, -1):
        kind = force_kind(lowered[n - 1])
        if kind is not None:
            name = f"{adjective} police" if kind == "police" else f"{adjective} armed forces"
            if claim(i, k + n):
                key = index.add_actor(name, "armed_group", country=country.code, affiliation=state)
                index.mention(key, doc[i].idx, doc[k + n - 1].idx + len(doc[k + n - 1]), doc[k + n - 1].i)
            return
    # a title: "Armenian Prime Minister Pashinyan" / "the Azeri President"
    titles = [n for n in range(len(words)) if is_title_token(words[n])]
    if titles:
        last_title = titles[-1]
        role = " ".join(lowered[titles[0]:last_title + 1])
        rest = doc[k + last_title + 1:end]
        alias = doc[i:k + last_title + 1].text
        if len(rest) and any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in rest):
            name = strip_titles(rest.text)
            if claim(i, end):
                key = index.add_actor(name, "person", country=country.code, affiliation=state, aliases=(alias,))
                index.roles[f"{country.code.casefold()}|{role}"] = key
                index.mention(key, rest.start_char, rest.end_char, rest.root.i)
                index.mention(state, doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), doc[i].i)
            return
        role_key = f"{country.code.casefold()}|{role}"
        if role_key in index.roles:
            key = index.roles[role_key]
        else:
            key = index.add_actor(f"{adjective} {' '.join(words[titles[0]:last_title + 1])}", "person",
                                  country=country.code, affiliation=state)
            index.roles[role_key] = key
        if claim(i, k + last_title + 1):
            index.mention(key, doc[i].idx, doc[k + last_title].idx + len(doc[k + last_title]), doc[k + last_title].i)
        return
    # the state itself: "Azerbaijan", "Azeri", "the Georgian government"
    if claim(i, j):
        end_tok = j
        if lowered and lowered[0] in GOVERNMENT_NOUNS and claim(j, k + 1):
            end_tok = k + 1
            index.add_alias(state, doc[i:end_tok].text)
        index.mention(state, doc[i].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1]), doc[i].i)
    del phrase


def _person(index: ActorIndex, doc: Doc, ent: Span, claim: object) -> None:
    assert callable(claim)
    name = strip_titles(re.sub(r"(?:'s|’s)$", "", ent.text))
    if not name or not any(c.isupper() for c in name) or len(name) > 80:
        return
    if not claim(ent.start, ent.end):
        return
    # titles written before the name ("Lt. Col. Barry Johnson", "Prime Minister Thaksin") are aliases
    start = ent.start
    while start > 0 and (is_title_token(doc[start - 1].text) or doc[start - 1].text in {"Lt.", "Maj.", "Brig."}):
        start -= 1
    key = index.add_actor(name, "person")
    if start < ent.start:
        index.add_alias(key, doc[start:ent.end].text)
    index.mention(key, ent.start_char, ent.end_char, ent.root.i)


def _organization(index: ActorIndex, ent: Span, claim: object) -> None:
    assert callable(claim)
    name = re.sub(r"^(?:the|The)\s+", "", re.sub(r"(?:'s|’s)$", "", ent.text)).strip()
    if len(name) < 2 or len(name) > 120 or not claim(ent.start, ent.end):
        return
    country = gz.country(name)
    if country is not None:  # NER calls some states ORG ("Azerbaijan's")
        index.mention(index.state(country), ent.start_char, ent.end_char, ent.root.i)
        return
    known = gz.known_actor(name)
    if known is not None:
        key = index.add_actor(known.name, known.type, country=known.country,  # type: ignore[arg-type]
                              aliases=known.aliases)
    else:
        key = _acronym_of(index, name) or index.add_actor(name, org_type(name))
    index.mention(key, ent.start_char + (len(ent.text) - len(ent.text.lstrip())), ent.end_char, ent.root.i)


def _acronym_of(index: ActorIndex, name: str) -> str | None:
    """"LTTE" after "Liberation Tigers of Tamil Eelam": the same actor."""
    if not (name.isupper() and 2 <= len(name) <= 8):
        return None
    for key, actor in index.actors.items():
        initials = "".join(w[0] for w in actor.name.split() if w[0].isupper())
        if initials == name:
            return key
    return None


def _people_group(index: ActorIndex, doc: Doc, ent: Span, claim: object) -> None:
    """A people or faction qualifying a collective armed noun: "Chechen rebels", "Maoist rebels"."""
    assert callable(claim)
    if ent.end >= len(doc):
        return
    nxt = doc[ent.end]
    if gz.country(ent.text) is not None:
        return
    group = gz.GROUP_NOUNS.get(nxt.lemma_.casefold()) if isinstance(gz.GROUP_NOUNS, dict) else None
    if group is None or not claim(ent.start, ent.end + 1):
        return
    name = f"{ent.text} {nxt.text}"
    key = index.add_actor(name, "armed_group" if group else "group")
    index.mention(key, ent.start_char, nxt.idx + len(nxt), nxt.i)


def _merge_surnames(index: ActorIndex) -> None:
    """"Pashinyan" after (or before) "Nikol Pashinyan" is the same person: mentions move to the
    full name when exactly one full name of the article ends with that surname."""
    people = [a for a in index.actors.values() if a.type == "person"]
    # NER sometimes calls a lone surname an organisation ("Tekle said"); known actors keep their type
    candidates = people + [a for a in index.actors.values()
                           if a.type == "organization" and " " not in a.name and gz.known_actor(a.name) is None]
    for short in candidates:
        if " " in short.name:
            continue
        fulls = [p for p in people if p is not short and p.name.split()[-1] == short.name]
        if len(fulls) != 1:
            continue
        full = fulls[0]
        for f in index.found:
            if f.key == short.key:
                f.key = full.key
        for alias in [short.name, *short.aliases]:
            index.add_alias(full.key, alias)
        for role, person in list(index.roles.items()):
            if person == short.key:
                index.roles[role] = full.key
        del index.actors[short.key]
