"""Attribution cues: the words that signal that someone said something.

One table, keyed by lemma. The inventory is the union of the reporting-verb inventories of
attribution research, restricted to cues of *speech* (not of thought or perception):

* PARC 3.0 (Pareti, "A database of attribution relations", LREC 2012; "PARC 3.0", LREC 2016) and
  PolNeAR (Newell, Margolin and Ruths, LREC 2018): their most frequent annotated cue lemmas
  (say, tell, add, note, according to, call for, cite, report, claim, warn, argue, write...);
* Levin (1993), "English Verb Classes and Alternations", verbs of communication: 37.7 *say*
  verbs (announce, declare, explain, mention, report, state...), 37.2 *tell*, 37.9 *advise*
  (warn, urge, caution), 37.8 *complain*, 37.6 *chitchat* excluded, 33 *judgment* verbs
  (accuse, blame, criticize, condemn) and 48.1.2 *reveal* verbs (disclose, reveal);
* the attribution nouns of the same inventories (statement, communique, announcement...).

Each verb carries the *frame* that decides which of its dependents is the content:

``clause``   only a clause is content: "said *the talks failed*" ("said it" is not a statement).
``object``   a clause, else the direct object: "denied *the allegation*", "confirmed *the attack*".
``target``   object plus what it is urged to / accused of: "urged *Y to withdraw*",
             "accused *Y of shelling*" (the evaluation data keeps the object in the content).
``prep``     the object of a fixed preposition: "called for *a ceasefire*", "appealed for *help*".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from spacy.tokens import Doc, Token

from app.extraction.types import Span

Frame = Literal["clause", "object", "target", "prep"]


def _words(s: str) -> list[str]:
    return s.split()


_CLAUSE = (
    "say tell add state explain insist note declare assert estimate predict argue write tweet "
    "complain stress emphasize emphasise reiterate suggest recall remark observe reply respond "
    "answer contend maintain concede counter retort caution testify boast proclaim speculate "
    "inform assure hint indicate conclude post comment allege announce claim vow "
    "promise pledge threaten warn acknowledge admit confirm deny report disclose reveal mention "
    "describe agree retweet concur"
)
_OBJECT = (
    "note mention describe question deny confirm report announce claim acknowledge admit cite reveal "
    "disclose reject dismiss"
)
_TARGET = "accuse blame criticize criticise condemn charge urge ask encourage press implore"

CUE_VERBS: Final[dict[str, Frame]] = {
    **{lemma: "clause" for lemma in _CLAUSE.split()},
    **{lemma: "object" for lemma in _OBJECT.split()},
    **{lemma: "target" for lemma in _TARGET.split()},
    "appeal": "prep",
    "plead": "prep",
}

# Verb + particle cues, as (lemma, particle) -> frame. "call on Y to ..." takes its target,
# "call for X" takes the preposition's object, "point out that ..." takes a clause.
PHRASAL_CUES: Final[dict[tuple[str, str], Frame]] = {
    ("call", "on"): "target",
    ("call", "upon"): "target",
    ("call", "for"): "prep",
    ("point", "out"): "clause",
    ("appeal", "for"): "prep",
    ("appeal", "to"): "target",
}

# Prepositions whose object is content for a verb of the given frame.
CONTENT_PREPS: Final[dict[Frame, frozenset[str]]] = {
    "clause": frozenset(),
    "object": frozenset(),
    "target": frozenset({"of", "for", "over"}),
    "prep": frozenset({"for"}),
}

# Nouns that name an utterance or a document; used as "in a statement", "a statement by X:",
# "X's statement said".
CUE_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        "statement communique communiqué announcement declaration report bulletin release "
        "letter message briefing interview post tweet speech remarks"
    )
)

# Verbs of thought and expectation: attribution in news writing ("officials believe the toll will
# rise") only with a clause and a person or an organisation as subject (not "the data suggest").
THOUGHT_CUES: Final[frozenset[str]] = frozenset(_words("believe think expect hope fear feel worry"))

# Nouns of an utterance that take what was said as a "that" clause or an infinitive: "the army's
# claim that ...", "the assertion by X that ...", "his pledge to withdraw".
NOMINAL_CUES: Final[frozenset[str]] = frozenset(
    _words(
        "claim assertion allegation accusation charge warning promise pledge vow threat denial insistence "
        "suggestion argument contention announcement assurance demand call prediction admission "
        "acknowledgment acknowledgement confirmation statement report remark comment message offer proposal "
        "order appeal plea request insistence"
    )
)

# Verbs that make a nominal cue the subject's own act: "issued a warning that ...".
LIGHT_VERBS: Final[frozenset[str]] = frozenset(
    _words("make issue give repeat reiterate voice express deliver offer renew send post publish release")
)

# Verbs that only attribute when a whole clause follows ("the report found that ...").
CLAUSE_ONLY_EXTRA: Final[frozenset[str]] = frozenset({"find", "show", "learn"}) | THOUGHT_CUES

# Commissive and directive verbs whose infinitive is what was said: "vowed *to punish them*".
INFINITIVE_CUES: Final[frozenset[str]] = frozenset(
    _words("vow promise pledge threaten agree refuse decline offer propose demand warn urge")
)

# "called the attack a war crime": only with an object and what it is called.
NAMING_CUES: Final[frozenset[str]] = frozenset({"call", "label", "brand", "dub"})

# Verbs that attribute a quotation next to them but say nothing on their own ("he continued").
QUOTE_ONLY_CUES: Final[frozenset[str]] = frozenset({"continue"})

# "according to X", "quoted as saying": multiword cues handled by the parser-independent rules.
ACCORDING_TO: Final[str] = "according to"


ANY_VERB_CUE: Final[frozenset[str]] = (
    frozenset(CUE_VERBS) | CLAUSE_ONLY_EXTRA | NAMING_CUES | QUOTE_ONLY_CUES | THOUGHT_CUES
)

# ---------------------------------------------------------------- finding cues and speakers

# Common nouns for people and bodies that speak in news copy ("officials believe ...").
PEOPLE_NOUNS = frozenset(
    _words(
        "official officer spokesman spokeswoman spokesperson minister leader commander analyst expert "
        "diplomat source resident witness doctor lawmaker senator president governor police army military "
        "government ministry administration campaign party voter critic observer investigator prosecutor "
        "aide adviser advisor economist researcher scientist activist rebel militant insurgent soldier "
        "people man woman family mother father survivor victim refugee worker negotiator envoy mediator"
    )
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


# Dependents that end a speaker's noun phrase: relative clauses, appositions, participles.
NP_CUT_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "parataxis"})


# Titles abbreviated before names, after which the parser wrongly ends sentences (AP style).
TITLE_ABBREVIATIONS = frozenset(
    _words(
        "Lt. Capt. Col. Gen. Sgt. Maj. Cpl. Pvt. Adm. Cmdr. Brig. Lt.-Col. Insp. Supt. Dr. "
        "Mr. Mrs. Ms. Gov. Sen. Rep. Prof. Rev. Gens. Sen. Amb. Pres. Hon. Atty."
    )
)


@dataclass(slots=True)
class Cue:
    token: Token  # the verb, noun or "according"
    text: str  # the cue as written ("said", "called for", "according to")
    span: Span
    frame: Frame | None  # None for nouns and "according to"


def find_cues(doc: Doc, quote_of: list[int]) -> list[Cue]:
    cues: list[Cue] = []
    for t in doc:
        if quote_of[t.i] >= 0:
            continue
        low = t.lower_
        if low == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            cues.append(Cue(t, doc[t.i : t.i + 2].text, Span(t.idx, doc[t.i + 1].idx + 2), None))
            continue
        if t.pos_ == "NOUN" and (t.lemma_.lower() in CUE_NOUNS or t.lemma_.lower() in NOMINAL_CUES):
            cues.append(Cue(t, t.text, Span(t.idx, t.idx + len(t)), None))
            continue
        if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG"):
            continue
        lemma = t.lemma_.lower()
        it = next((c for c in t.children if c.dep_ == "dobj" and c.lower_ == "it" and c.i == t.i + 1), None)
        if lemma == "put" and it is not None and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children):
            cues.append(Cue(t, doc[t.i : it.i + 1].text, Span(t.idx, it.idx + len(it)), None))  # "as X put it"
            continue
        particle = next(
            (
                c
                for c in t.children
                if c.dep_ in ("prt", "prep") and (lemma, c.lower_) in PHRASAL_CUES and c.i == t.i + 1
            ),
            None,
        )
        if particle is not None:
            frame = PHRASAL_CUES[(lemma, particle.lower_)]
            span = Span(t.idx, particle.idx + len(particle))
            cues.append(Cue(t, doc[t.i : particle.i + 1].text, span, frame))
        elif lemma in ANY_VERB_CUE:
            frame = CUE_VERBS.get(lemma, "clause")
            cues.append(Cue(t, t.text, Span(t.idx, t.idx + len(t)), frame))
    return cues


def speaker_token(cue: Cue) -> Token | None:
    """The head of the cue's speaker: the subject of the verb (or of the verb it hangs from,
    for "..., noting" / "and said"), the agent of a passive, the owner of a noun cue."""
    t = cue.token
    if cue.frame is None:
        if cue.text.lower().startswith("according"):
            return None
        if cue.token.lemma_.lower() == "put":
            return verb_subject(t)
        for c in t.children:
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from", "of")):
                g = c if c.dep_ == "poss" else next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None:
                    return g
        return verb_subject(t.head) if t.dep_ in ("pobj", "dobj") else None
    return verb_subject(t)


def verb_subject(v: Token) -> Token | None:
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ in SUBJECT_DEPS), None)
        passive = any(c.dep_ == "auxpass" for c in v.children)
        if passive and v.lemma_.lower() not in ("quote", "cite"):
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            return pobj
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                return v.head
            if subj.lemma_.lower() in CUE_NOUNS:
                owner = next((c for c in subj.children if c.dep_ == "poss"), None)
                return owner if owner is not None else subj
            return subj
        if v.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and v.head is not v:
            if v.dep_ == "acl":
                return v.head
            if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.dep_ == "ccomp" and v.head.head.lemma_ in ANY_VERB_CUE:
                v = v.head  # "X said A, citing B": the participle hangs on A but is X's act
            v = v.head
            continue
        return None
    return None


def animate(t: Token) -> bool:
    """Whether a speaker head can hold a view: a person, a group or a state, or a personal pronoun."""
    if t.pos_ == "PRON":
        return t.lower_ in ("i", "we", "he", "she", "they", "you", "who")
    return t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.pos_ == "PROPN" or t.lemma_.lower() in PEOPLE_NOUNS


def np_span(doc: Doc, head: Token) -> tuple[Span, Span | None]:
    """The speaker noun phrase without what follows a comma (apposition, relative clause), and
    the apposition when there is one ("John Smith, a spokesman for the army")."""
    start, end = head.left_edge.i, head.right_edge.i
    appos: Span | None = None
    for c in head.children:
        if c.i > head.i and (c.dep_ in NP_CUT_DEPS or (c.dep_ == "punct" and c.text in ",(—–-")):
            if c.dep_ == "appos" and appos is None:
                a0, a1 = c.left_edge.i, c.right_edge.i
                while a1 > a0 and doc[a1].is_punct:
                    a1 -= 1
                appos = Span(doc[a0].idx, doc[a1].idx + len(doc[a1]))
            end = min(end, c.left_edge.i - 1)
        if c.i < head.i and c.dep_ in ("relcl", "acl", "advcl", "parataxis"):
            start = max(start, c.right_edge.i + 1)
    if head.tag_ == "POS" or (end > head.i and doc[end].tag_ == "POS"):
        end = max(head.i, end - 1)
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    start = title_start(doc, start)
    while end > head.i and (doc[end].is_punct or doc[end].is_space or doc[end].tag_ == "POS"):
        end -= 1
    return Span(doc[start].idx, doc[end].idx + len(doc[end])), appos


def title_before(doc: Doc, i: int) -> bool:
    """Whether a title abbreviation ends right before token ``i`` ("Lt." or "Lt" + ".")."""
    if i > 0 and doc[i - 1].text in TITLE_ABBREVIATIONS:
        return True
    return i > 1 and doc[i - 1].text == "." and doc[i - 2].text + "." in TITLE_ABBREVIATIONS


def title_start(doc: Doc, i: int) -> int:
    """``i`` moved back over a title the parser cut from the name ("police Lt. | Pichet Watdaung")."""
    if title_before(doc, i):
        i -= 1 if doc[i - 1].text in TITLE_ABBREVIATIONS else 2
        while i > 0 and doc[i - 1].head.i == i and doc[i - 1].dep_ in ("compound", "amod"):
            i -= 1
    return i
