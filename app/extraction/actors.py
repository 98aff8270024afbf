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
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from app.extraction import gazetteer as gz
from app.extraction.actor_rules import (
    ANONYMOUS_SOURCES,
    COMMON_ORG_WORDS,
    GOVERNMENT_NOUNS,
    MINISTRY_HEADS,
    canonical_ministry,
    force_kind,
    is_title_token,
    org_type,
    strip_titles,
)
from app.extraction.nlp import sentence_of
from app.extraction.places import LOCATIVE_PREPOSITIONS, PLACE_NOUNS, place_names
from app.extraction.types import Actor, ActorType, Mention

PRONOUNS_PERSON = frozenset({"he", "she", "him", "his", "her"})
PRONOUNS_PLURAL = frozenset({"they", "them", "their"})
PRONOUN_IT = frozenset({"it", "its"})
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "source", "officer"})
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
    text: str = ""  # doc.text, kept once: spaCy rebuilds it on every access
    actors: dict[str, Actor] = field(default_factory=dict)
    found: list[_Found] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # "armenia|prime minister" -> person key
    # actors known only from one bare NER name ("Tamil" as PERSON): kept only when a statement or
    # figure refers to them, since the small model mislabels many such words
    weak: set[str] = field(default_factory=set)

    # ------------------------------------------------------------------ building

    def add_actor(
        self,
        name: str,
        type: ActorType,
        *,
        country: str | None = None,
        affiliation: str | None = None,
        aliases: tuple[str, ...] = (),
    ) -> str:
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
        self.add_alias(key, self.text[start:end])

    def state(self, country: gz.Country) -> str:
        return self.add_actor(
            country.name, "state", country=country.code, aliases=(*country.adjectives[:2], *country.names[:3])
        )

    # ------------------------------------------------------------------ reading

    def drop_unused_weak(self, used: set[str]) -> None:
        gone = {k for k in self.weak if k not in used and not any(a.affiliation == k for a in self.actors.values())}
        self.found = [f for f in self.found if f.key not in gone]

    def mentions(self) -> list[Mention]:
        text = self.text
        return [
            Mention(f.key, f.start, f.end, text[f.start : f.end]) for f in sorted(self.found, key=lambda f: f.start)
        ]

    def used_actors(self, referenced: set[str] | frozenset[str] = frozenset()) -> list[Actor]:
        """Actors with at least one mention or referenced by a statement or figure, plus the ones they
        are affiliated with."""
        keys = {f.key for f in self.found} | {k for k in referenced if k in self.actors}
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
        # the most specific kind of actor; among equals the first ("both X and Y said" is X first)
        best = max(inside, key=lambda f: (TYPE_RANK[self.actors[f.key].type], -f.start, f.end - f.start))
        return best.key

    def before(
        self, char: int, types: set[str] | None = None, pred: Callable[[Actor], bool] | None = None
    ) -> str | None:
        """The nearest actor mentioned before ``char`` of one of ``types``."""
        for f in sorted(self.found, key=lambda f: f.start, reverse=True):
            if f.end > char:
                continue
            actor = self.actors[f.key]
            if types is not None and actor.type not in types:
                continue
            if pred is not None and not pred(actor):
                continue
            return f.key
        return None

    def resolve(self, start: int, end: int, head: int | None = None) -> str | None:
        """The actor a phrase refers to: one named in it, or the antecedent of a pronoun or of a
        definite description. None when nothing fits: a guess is worse than no speaker."""
        named = self.at(start, end) or self.by_name(self.text[start:end])
        if named:
            return named
        words = self.text[start:end].casefold().split()
        if not words:
            return None
        last = words[-1].strip(".,")
        if len(words) == 1 and last in PRONOUNS_PERSON:
            return self.clause_subject(start) or self.before(start, {"person"})
        if len(words) == 1 and last in PRONOUNS_PLURAL:
            return self.before(start, {"state", "armed_group", "group", "organization", "international_org"})
        if len(words) == 1 and last in PRONOUN_IT:
            return self.before(start, {"state", "organization", "international_org", "armed_group"})
        if last in SPOKESPEOPLE and len(words) > 1:
            # "a ministry spokesman", "an army spokeswoman": the body they speak for
            for word in words[:-1]:
                if word in MINISTRY_HEADS:
                    return self.before(start, {"organization"}, lambda a: "ministry" in a.key)
                if force_kind(word) == "military":
                    return self.before(start, {"armed_group"}, self._state_force)
        if words[0] not in {"the", "this", "that"}:
            return None
        # definite descriptions: "the ministry", "the army", "the prime minister", "the group"
        if last in MINISTRY_HEADS:
            return self.before(start, {"organization"}, lambda a: "ministry" in a.key or "department" in a.key)
        kind = force_kind(last)
        if kind == "police":
            return self.before(start, {"armed_group"}, lambda a: "police" in a.key)
        if kind is not None:  # "the military", "the army": a state's forces, not a rebel group
            return self.before(start, {"armed_group"}, self._state_force)
        if last in {"group", "organization", "movement", "rebels", "militants", "insurgents", "guerrillas"}:
            return self.before(start, {"armed_group", "organization"})
        if last in GOVERNMENT_NOUNS:
            return self.before(start, {"state"})
        role = " ".join(w for w in words[1:] if w.isalpha() or "-" in w)
        for role_key, person in reversed(self.roles.items()):
            if role_key.endswith("|" + role):
                return person
        return None

    def _state_force(self, actor: Actor) -> bool:
        parent = self.actors.get(actor.affiliation) if actor.affiliation else None
        return parent is not None and parent.type == "state" and "police" not in actor.key

    def by_name(self, phrase: str) -> str | None:
        """An actor whose name or alias the phrase is, or a person whose surname or given name it is
        (for names the NER missed in that sentence: "Pashinyan suggested...")."""
        key = actor_key(re.sub(r"(?:'s|’s)$", "", phrase.strip()))
        if not key or key in PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUN_IT:
            return None
        if key in self.actors:
            return key
        people = []
        for k, a in self.actors.items():
            if any(actor_key(alias) == key for alias in a.aliases):
                return k
            parts = a.name.casefold().split()
            if a.type == "person" and len(parts) > 1 and key in {parts[0], parts[-1]}:
                people.append(k)
        return people[0] if len(people) == 1 else None

    def clause_subject(self, char: int) -> str | None:
        """For "he"/"she": the person who is the subject of the sentence the pronoun is in, when that
        subject comes before it ("Ibrahim expressed surprise ... when he said")."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return None
        for token in sentence_of(span[0]):
            if token.i >= span.start:
                break
            if token.dep_ == "nsubj" and token.pos_ == "PROPN":
                key = self.at(token.idx, token.idx + len(token)) or self.by_name(token.text)
                if key is not None and self.actors[key].type == "person":
                    return key
        return None


def build_index(doc: Doc) -> ActorIndex:
    index = ActorIndex(doc, doc.text)
    taken: set[int] = set()  # tokens already inside a mention

    def claim(start_tok: int, end_tok: int) -> bool:
        if any(i in taken for i in range(start_tok, end_tok)):
            return False
        taken.update(range(start_tok, end_tok))
        return True

    # 1. gazetteer actors
    for start, end, known in gz.known_actor_in(index.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not claim(span.start, span.end):
            continue
        index.mention(_known(index, known), start, end, span.root.i)

    persons = [e for e in doc.ents if e.label_ == "PERSON" and gz.country(e.text) is None]
    places = place_names(doc)
    # 2. state words and what they qualify
    for i in range(len(doc)):
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
        if ent.text in places or ent.label_ not in {"PERSON", "ORG", "NORP", "GPE"}:
            continue
        capital = gz.country_by_capital(ent.text) if ent.label_ != "NORP" else None
        if ent.label_ == "GPE" and (capital is None or ent.root.dep_ not in {"nsubj", "nsubjpass", "poss"}):
            continue  # a town or region, or a capital as a location ("from London"): a place
        if capital is not None:  # "Moscow said": the capital stands for the government
            if claim(ent.start, ent.end):
                index.mention(index.state(capital), ent.start_char, ent.end_char, ent.root.i)
        elif ent.label_ == "PERSON":
            _person(index, doc, ent, claim)
        elif ent.label_ == "ORG":
            _organization(index, doc, ent, claim)
        else:
            _people_group(index, doc, ent, claim)
    _merge_surnames(index)
    _merge_short_names(index)
    _drop_place_only_states(index, doc)
    return index


def _known(index: ActorIndex, known: gz.KnownActor) -> str:
    """The actor for a gazetteer entry, with its parent; a state's own forces under their proper name
    ("IDF") are that state's armed forces."""
    parent = None
    state = gz.country(known.affiliation) if known.affiliation else None
    if state is not None:
        parent = index.state(state)
        if known.national_force:
            adjective = state.adjectives[0] if state.adjectives else state.name
            return index.add_actor(
                f"{adjective} armed forces",
                "armed_group",
                country=state.code,
                affiliation=parent,
                aliases=(known.name, *known.aliases),
            )
    elif known.affiliation:
        parent_known = gz.known_actor(known.affiliation)
        if parent_known is not None:
            parent = _known(index, parent_known)
    return index.add_actor(
        known.name,
        known.type,  # type: ignore[arg-type]
        country=known.country,
        affiliation=parent,
        aliases=known.aliases,
    )


def _country_at(doc: Doc, i: int) -> tuple[gz.Country, int] | None:
    if not doc[i].text[:1].isupper():  # every state word we accept starts with a capital
        return None
    for width in (3, 2, 1):
        if i + width > len(doc):
            continue
        tokens = [doc[k] for k in range(i, i + width)]
        if width > 1 and any(t.is_punct and t.text != "." for t in tokens):
            continue
        # the span's text without building a Span: the words with the spaces between them
        words = "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text
        if words.endswith("'s") or words.endswith("’s"):
            continue
        country = gz.country(words)
        if country is not None and (width > 1 or _is_state_word(doc[i])):
            return country, i + width
    return None


def _is_state_word(tok: Token) -> bool:
    # "us" the pronoun, "Chad" the name, "Georgia" in "Georgia Smith": only capitalised words that
    # are not inside a person's name count (NER calling "Azerbaijani" alone a PERSON is no name).
    if not tok.text[:1].isupper():
        return False
    if tok.ent_type_ != "PERSON":
        return True
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and len(ent) == 1


def _qualified(index: ActorIndex, doc: Doc, country: gz.Country, i: int, j: int, claim: object) -> None:
    """A state word at tokens [i, j) and the noun phrase it qualifies, read from the phrase's head:
    "Armenian [troops]" are its armed forces, "Azerbaijani Defense [Ministry]" its ministry,
    "Armenian Prime Minister [Pashinyan]" a person, "Georgian [officials]" an anonymous group,
    "the Georgian [government]" and a bare "Azerbaijan" the state; "a Palestinian refugee [camp]"
    names no actor at all."""
    assert callable(claim)
    state = index.state(country)
    adjective = country.adjectives[0] if country.adjectives else country.name
    root = doc[j - 1]
    while root.dep_ in {"amod", "compound", "poss", "nmod"} and root.i < root.head.i <= root.i + 5:
        root = root.head
    k = j + 1 if j < len(doc) and doc[j].text in {"'s", "’s"} else j
    words = doc[k : root.i + 1] if root.i >= k else doc[k:k]
    lowered = [t.lower_ for t in words]

    def add(key: str, last: int) -> None:
        if claim(i, last + 1):
            index.mention(key, doc[i].idx, doc[last].idx + len(doc[last]), doc[last].i)

    # a ministry named inside the phrase, even when the phrase is about its spokesman
    for n, word in enumerate(lowered):
        if word in MINISTRY_HEADS and n > 0:
            name = canonical_ministry(adjective, [t.text for t in words[: n + 1]])
            add(index.add_actor(name, "organization", country=country.code, affiliation=state), words[n].i)
            return
    if lowered[:1] == ["ministry"] and root.i + 2 < len(doc) and doc[root.i + 1].lower_ == "of":
        # "the Armenian Ministry of Defence": the portfolio follows the head
        portfolio = doc[root.i + 2]
        name = canonical_ministry(adjective, ["Ministry", "of", portfolio.text])
        add(index.add_actor(name, "organization", country=country.code, affiliation=state), portfolio.i)
        return
    head = (
        " ".join(lowered[-2:])
        if len(lowered) >= 2 and force_kind(" ".join(lowered[-2:]))
        else (lowered[-1] if lowered else "")
    )
    kind = force_kind(head) if head else None
    if kind is not None:
        name = f"{adjective} police" if kind == "police" else f"{adjective} armed forces"
        add(index.add_actor(name, "armed_group", country=country.code, affiliation=state), root.i)
        return
    titles = [n for n, t in enumerate(words) if is_title_token(t.text)]
    if titles:
        _titled_person(index, doc, country, state, adjective, i, j, words, titles, add)
        return
    if lowered and root.lemma_.casefold() in ANONYMOUS_SOURCES and root.tag_ in {"NNS", "NNPS"}:
        key = index.add_actor(
            f"{adjective} {root.lemma_.casefold()}s", "group", country=country.code, affiliation=state
        )
        add(key, root.i)
        return
    if lowered and (root.lower_ in PLACE_NOUNS or root.lemma_.casefold() in PLACE_NOUNS):
        return  # "an Israeli town", "the Russian border": a place, no actor
    end_tok = root.i if lowered and root.lower_ in GOVERNMENT_NOUNS else j - 1
    if end_tok != j - 1:
        index.add_alias(state, doc[i : end_tok + 1].text)
    add(state, end_tok)


def _titled_person(
    index: ActorIndex,
    doc: Doc,
    country: gz.Country,
    state: str,
    adjective: str,
    i: int,
    j: int,
    words: Span,
    titles: list[int],
    add: Callable[[str, int], None],
) -> None:
    """ "Armenian Prime Minister Pashinyan" (a named person) or "the Azeri President" (a role that a
    name elsewhere in the article may fill)."""
    last_title = titles[-1]
    role = " ".join(t.lower_ for t in words[titles[0] : last_title + 1])
    role_key = f"{country.code.casefold()}|{role}"
    rest = words[last_title + 1 :]
    alias = doc[i : words[last_title].i + 1].text
    if len(rest) and all(t.pos_ == "PROPN" for t in rest):
        key = index.add_actor(
            strip_titles(rest.text), "person", country=country.code, affiliation=state, aliases=(alias,)
        )
        index.roles[role_key] = key
        add(key, rest[-1].i)
        return
    key = index.roles.get(role_key) or index.add_actor(
        f"{adjective} {' '.join(t.text for t in words[titles[0] : last_title + 1])}",
        "person",
        country=country.code,
        affiliation=state,
    )
    index.roles[role_key] = key
    add(key, words[last_title].i)
    del j


def _person(index: ActorIndex, doc: Doc, ent: Span, claim: object) -> None:
    assert callable(claim)
    ent = doc[_name_start(doc, ent) : ent.end]
    if is_title_token(ent[-1].text):
        return  # "Chhattisgarh DGP": a role that the name after it fills, not a name
    if any(t.like_num or t.text in {"-", "–", "—", "(", ")"} for t in ent):
        return  # "Oct 4 - Armenia": NER read a dateline as a name
    titled = [t.i for t in ent[:-1] if is_title_token(t.text)]
    if titled:  # NER took the title in: "Chhattisgarh DGP Viswa Ranjan" is Viswa Ranjan
        ent = doc[titled[-1] + 1 : ent.end]
    name = strip_titles(re.sub(r"(?:'s|’s)$", "", ent.text))
    if not name or not any(c.isupper() for c in name) or len(name) > 80:
        return
    if not claim(ent.start, ent.end):
        return
    # titles written before the name ("Lt. Col. Barry Johnson", "Chief Minister Raman Singh") are
    # aliases, and the role lets a later "the chief minister" find the person
    start = ent.start
    while start > 0 and (is_title_token(doc[start - 1].text) or doc[start - 1].text == "."):
        start -= 1
    key = index.add_actor(name, "person")
    if start < ent.start:
        index.add_alias(key, doc[start : ent.end].text)
        role = " ".join(t.lower_ for t in doc[start : ent.start] if t.text != "." and is_title_token(t.text))
        index.roles.setdefault(f"|{role}", key)
        if (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].ent_type_ in {"GPE", "ORG", "NORP", "PERSON"}
        ):
            index.add_alias(key, doc[start - 1 : ent.start].text)  # "Chhattisgarh Chief Minister"
    elif " " not in name:
        index.weak.add(key)
    index.mention(key, ent.start_char, ent.end_char, ent.root.i)


def _name_start(doc: Doc, ent: Span) -> int:
    """Where a name really starts: NER often leaves the given name out ("Col. Somjit [Nasomyon]")."""
    first = ent.start
    while (
        first > 0
        and doc[first - 1].pos_ == "PROPN"
        and doc[first - 1].ent_type_ == ""
        and doc[first - 1].text[:1].isupper()
        and not is_title_token(doc[first - 1].text)
        and ent.end - first < 4
    ):
        first -= 1
    return first


def _titled(doc: Doc, start: int) -> bool:
    while start > 0 and doc[start - 1].text == ".":
        start -= 1
    return start > 0 and is_title_token(doc[start - 1].text)


def _organization(index: ActorIndex, doc: Doc, ent: Span, claim: object) -> None:
    assert callable(claim)
    name = re.sub(r"^(?:the|The)\s+", "", re.sub(r"(?:'s|’s)$", "", ent.text)).strip()
    if len(name) < 2 or len(name) > 120 or name.casefold() in COMMON_ORG_WORDS:
        return
    if len(ent) <= 2 and _titled(doc, _name_start(doc, ent)):
        _person(index, doc, ent, claim)  # "Col. Nasomyon": NER took a titled surname for an ORG
        return
    if not claim(ent.start, ent.end):
        return
    country = gz.country(name)
    if country is not None:  # NER calls some states ORG ("Azerbaijan's")
        index.mention(index.state(country), ent.start_char, ent.end_char, ent.root.i)
        return
    known = gz.known_actor(name)
    if known is not None:
        key = _known(index, known)
    else:
        same = _acronym_of(index, name) or _short_form_of(index, name)
        if same is not None:
            key = same
        else:
            key = index.add_actor(name, org_type(name))
            if " " not in name:
                index.weak.add(key)
    index.mention(key, ent.start_char + (len(ent.text) - len(ent.text.lstrip())), ent.end_char, ent.root.i)


def _acronym_of(index: ActorIndex, name: str) -> str | None:
    """ "LTTE" after "Liberation Tigers of Tamil Eelam": the same actor."""
    if not (name.isupper() and 2 <= len(name) <= 8):
        return None
    for key, actor in index.actors.items():
        initials = "".join(w[0] for w in actor.name.split() if w[0].isupper())
        if initials == name:
            return key
    return None


def _short_form_of(index: ActorIndex, name: str) -> str | None:
    """ "Tigers" after "Tamil Tigers": a name that ends an actor's name or alias is that actor."""
    folded = name.casefold()
    for key, actor in index.actors.items():
        if actor.type in {"armed_group", "organization", "international_org"}:
            for full in (actor.name, *actor.aliases):
                if " " in full and full.casefold().endswith(" " + folded):
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
    armed = gz.GROUP_NOUNS.get(nxt.lower_) or gz.GROUP_NOUNS.get(nxt.lemma_.casefold())
    if not armed or not claim(ent.start, ent.end + 1):
        return
    name = f"{ent.text} {nxt.text}"
    key = index.add_actor(name, "armed_group")
    index.mention(key, ent.start_char, nxt.idx + len(nxt), nxt.i)


def _merge_surnames(index: ActorIndex) -> None:
    """ "Pashinyan" after (or before) "Nikol Pashinyan" is the same person: mentions move to the
    full name when exactly one full name of the article ends with that surname."""
    people = [a for a in index.actors.values() if a.type == "person"]
    # NER sometimes calls a lone surname an organisation ("Tekle said"); known actors keep their type
    candidates = people + [
        a
        for a in index.actors.values()
        if a.type == "organization" and " " not in a.name and gz.known_actor(a.name) is None
    ]
    for short in candidates:
        if " " in short.name:
            continue
        fulls = [p for p in people if p is not short and p.name.split()[-1] == short.name]
        if len(fulls) != 1:
            continue
        _move(index, short.key, fulls[0].key)


def _merge_short_names(index: ActorIndex) -> None:
    """A lone first name ("Fouad") whose person also appears with the full name is that person."""
    people = [a for a in index.actors.values() if a.type == "person"]
    for short in people:
        if " " in short.name or short.key not in index.actors:
            continue
        fulls = [p for p in people if p is not short and p.name.split()[0] == short.name and " " in p.name]
        if len(fulls) == 1:
            _move(index, short.key, fulls[0].key)


def _move(index: ActorIndex, old: str, new: str) -> None:
    for f in index.found:
        if f.key == old:
            f.key = new
    for alias in [index.actors[old].name, *index.actors[old].aliases]:
        index.add_alias(new, alias)
    for role, person in list(index.roles.items()):
        if person == old:
            index.roles[role] = new
    index.weak.discard(old)
    del index.actors[old]


def _drop_place_only_states(index: ActorIndex, doc: Doc) -> None:
    """A state named only as a location ("a summit in Japan") is a place in that article."""
    by_key: dict[str, list[_Found]] = {}
    for f in index.found:
        by_key.setdefault(f.key, []).append(f)
    for key, found in by_key.items():
        if index.actors[key].type != "state" or any(a.affiliation == key for a in index.actors.values()):
            continue
        if all(_after_locative(doc, f.start) for f in found):
            index.found = [f for f in index.found if f.key != key]


def _after_locative(doc: Doc, char: int) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ == "the" and span.start > 1:
        before = doc[span.start - 2]
    return before.lower_ in LOCATIVE_PREPOSITIONS
