"""Reported speech: the content a cue takes from the dependency parse."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from app.extraction.cues import (
    CLAUSE_ONLY_EXTRA,
    CONTENT_PREPS,
    CUE_NOUNS,
    INFINITIVE_CUES,
    NAMING_CUES,
    QUOTE_ONLY_CUES,
    SUBJECT_DEPS,
    THOUGHT_CUES,
    Cue,
    animate,
    speaker_token,
    title_start,
    verb_subject,
)
from app.extraction.quotes import MARKS, SENTENCE_END, Quote, is_mark, trim_end
from app.extraction.statement_base import RawStatement, clip, lay, make, sentence_start, skip_dateline
from app.extraction.statement_nominal import nominal
from app.extraction.types import Span, StatementKind

# Tags of a finite verb: a clause that starts with one has its subject before it.
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})


def reported(doc: Doc, cue: Cue, quotes: list[Quote], cue_at: dict[int, Cue]) -> RawStatement | None:
    t = cue.token
    if cue.frame is None:
        if cue.text.lower().startswith("according") or t.lemma_.lower() == "put":
            return according(doc, cue)
        return nominal(doc, cue)
    if t.lemma_.lower() in QUOTE_ONLY_CUES:
        return None
    span = content(doc, cue, cue_at)
    if span is None:
        return None
    start, end = span
    layout = lay(doc)
    if layout.text.find(" ", start, end) < 0:
        return None  # one word ("said so") is no statement
    # the quotations overlapping the content (sorted and disjoint: two bisections)
    inside = quotes[bisect_left(layout.quote_close, start) : bisect_left(layout.quote_open, end)]
    kind: StatementKind = "indirect"
    if inside:
        kind = "mixed"
        last_q = inside[-1]
        if start <= last_q.close < end + 3 and last_q.close >= end:
            end = last_q.close_end  # keep the closing mark of a quotation the content ends with
        if len(inside) == 1 and inside[0].open <= start and inside[0].close >= end - 1:
            kind = "direct"
            start, end = inside[0].start, trim_end(lay(doc).text, inside[0].start, inside[0].end)
    speaker = speaker_token(cue)
    if speaker is None or (t.lemma_.lower() in THOUGHT_CUES and not animate(speaker)):
        return None
    subj = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is not None and subj.lemma_.lower() in CUE_NOUNS and any(c.dep_ == "poss" for c in subj.children):
        # "the army's statement said ...": the document is the cue, its owner the speaker
        cue = Cue(subj, subj.text, Span(subj.idx, subj.idx + len(subj)), cue.frame)
        return make(doc, start, end, kind, cue, verb_subject(t))
    return make(doc, start, end, kind, cue)


def content(doc: Doc, cue: Cue, cue_at: dict[int, Cue]) -> tuple[int, int] | None:
    t = cue.token
    frame = cue.frame
    lemma = t.lemma_.lower()
    kids = list(t.children)
    colon = _colon_content(doc, t)
    if colon is not None:
        return colon
    right = [c for c in kids if c.dep_ == "ccomp" and c.i > t.i]
    if not right and frame == "clause":
        # "said after the talks he would stay": a finite clause with no conjunction, misparsed as
        # an adverbial clause, is the complement; it starts at its subject
        right = [
            c
            for c in kids
            if c.dep_ == "advcl"
            and c.i > t.i
            and not any(g.dep_ == "mark" for g in c.children)
            and any(g.dep_ == "nsubj" for g in c.children)
            and c.tag_ not in ("VBG", "VBN")
        ]
        lead = next((g for g in right[0].children if g.dep_ == "nsubj"), None) if right else None
        if lead is not None and lead.i > right[0].left_edge.i:
            span = clip(doc, lead.left_edge.i, right[0].right_edge.i, t.i)
            return span
    parts: list[Token] = []
    if right:
        parts = right + _conjoined(t, right[-1], cue_at)
    else:
        set_off = inserted(doc, cue)
        if set_off is not None:
            return set_off
        objects = [c for c in kids if c.i > t.i and c.dep_ in ("dobj", "obj", "dative")]
        xcomps = [c for c in kids if c.i > t.i and c.dep_ in ("xcomp", "oprd")]
        if lemma in CLAUSE_ONLY_EXTRA:
            return None
        if lemma in NAMING_CUES and cue.text == t.text:
            # "called the attack a war crime": object and predicate, both or nothing
            if not (objects and xcomps):
                return None
            return clip(doc, objects[0].left_edge.i, xcomps[-1].right_edge.i, t.i)
        if frame == "clause" and xcomps and (objects or lemma in INFINITIVE_CUES):
            parts = objects + xcomps  # "told supporters to vote", "vowed to punish the attackers"
        elif frame in ("object", "target", "prep"):
            preps = CONTENT_PREPS[frame] if frame else frozenset()
            for c in kids:
                if c.i < t.i:
                    continue
                if c.dep_ in ("dobj", "obj", "xcomp", "oprd") and frame != "prep":
                    parts.append(c)
                elif c.dep_ == "prep" and (c.lower_ in preps or (c.i == t.i + 1 and cue.text != t.text)):
                    parts.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
                    if frame == "target" and c.lower_ in preps:
                        parts.append(c)
    if not parts:
        return None
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts)
    # a second reporting verb coordinated inside the complement ("... and warned that ...")
    # starts a statement of its own
    # and so does one in a clause of its own ("X suggested A, while Y explained B")
    layout = lay(doc)
    for j in layout.cues[bisect_right(layout.cues, start) : bisect_right(layout.cues, end)]:
        if j in cue_at and (
            (doc[j].dep_ == "conj" and doc[j].head.i != t.i)
            or (
                doc[j].dep_ == "advcl"
                and (
                    {c.dep_ for c in doc[j].children} >= {"nsubj", "ccomp"}
                    or (doc[j].tag_ == "VBG" and doc[j - 1].text == ",")
                )
            )
        ):
            end = doc[j].left_edge.i - 1
            break
    while end >= start and doc[end].dep_ == "cc":
        end -= 1
    return clip(doc, start, _without_trailing_relative(doc, start, end), t.i)


def _without_trailing_relative(doc: Doc, start: int, end: int) -> int:
    """``end`` moved before a non-restrictive relative clause that closes the content ("...
    questioned the health of the leader, who is 70"): the writer's aside, not what was said.
    Only the chain of heads above the last token is looked at."""
    while end > start and doc[end].is_punct and not is_mark(doc[end].text):
        end -= 1
    x = doc[end]
    for _ in range(40):
        if x.dep_ == "relcl":
            lead = x.left_edge.i
            if lead - 1 > start and doc[lead - 1].text == "," and doc[lead].lower_ in ("who", "whom", "whose"):
                return lead - 2
            return end
        if x.head.i == x.i or x.head.i < start or x.head.right_edge.i < end:
            return end
        x = x.head
    return end


def _colon_content(doc: Doc, t: Token) -> tuple[int, int] | None:
    """``X said: A. B.`` / ``X added:`` closing a paragraph: what follows the colon, to the end
    of its paragraph (or of the next one), is the content."""
    k = t.i + 1
    for c in t.children:  # "told reporters:", "said on Monday:"
        if c.i > t.i and c.dep_ in ("dative", "npadvmod", "advmod", "prep", "dobj") and c.right_edge.i < t.i + 6:
            k = max(k, c.right_edge.i + 1)
    if k >= len(doc) or doc[k].text != ":":
        return None
    start = k + 1
    while start < len(doc) and doc[start].is_space:
        start += 1
    lines = lay(doc).newlines
    nl = bisect_right(lines, start)
    if start >= len(doc) or (nl > 0 and lines[nl - 1] == start):
        return None
    end = lines[nl] - 1 if nl < len(lines) else len(doc) - 1
    return clip(doc, start, end, start)


def _conjoined(verb: Token, comp: Token, cue_at: dict[int, Cue]) -> list[Token]:
    """Clauses coordinated with the cue verb after its complement that the parser hung on the
    verb: "announced that A, and B" reports B too. Each needs a subject of its own (else it is
    the speaker's next act: "said A and left") and must not be a cue itself."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ != "conj" or c.i < comp.i or c.i in cue_at or c.pos_ not in ("VERB", "AUX"):
            continue
        if not any(g.dep_ in SUBJECT_DEPS or g.dep_ == "expl" for g in c.children):
            break
        out.append(c)
    return out


def inserted(doc: Doc, cue: Cue) -> tuple[int, int] | None:
    """Attribution set off by a comma after the content: ``A, X said.`` (content: the sentence up
    to the comma) and ``A, X said, B.`` (content: the whole sentence), however the parser hung
    the clauses together."""
    t = cue.token
    subj = speaker_token(cue)
    if subj is None or cue.frame not in ("clause", "object") or abs(subj.i - t.i) > 12:
        return None
    sent_start = sentence_start(doc, t)
    sent_end = lay(doc).sent_end[t.i]
    first = title_start(doc, min(subj.left_edge.i, t.i))
    last = max(t.i, subj.right_edge.i)
    for c in t.children:
        if c.i > t.i and (c.dep_ in ("xcomp", "oprd") or (c.dep_ == "dobj" and cue.frame != "clause")):
            return None  # the verb has its own object: "At the debate, Clinton mentioned X"
        if c.i > t.i and c.dep_ in ("prep", "npadvmod", "advmod", "agent", "dative", "dobj"):
            last = max(last, c.right_edge.i)
    if first - 1 <= sent_start or doc[first - 1].text != ",":
        return None
    # only a clause before the attribution is content; a fronted phrase ("In Paris, X said, A")
    # leaves the content after it
    verbs = lay(doc).verbs_before
    clause_before = verbs[first - 1] - verbs[sent_start] > 0
    after = last + 1
    if not clause_before and after + 1 < sent_end and doc[after].text == ",":
        # "Climate change, he says, is the gravest threat": the fronted phrase is the subject of
        # what follows, so the content is the whole sentence around the attribution
        clause_before = doc[after + 1].tag_ in FINITE_TAGS or any(
            doc[k].dep_ in SUBJECT_DEPS and doc[k].head.i > last for k in range(sent_start, first - 1)
        )
    while after < sent_end and doc[after].is_space:
        after += 1
    if after >= sent_end or (doc[after].text in SENTENCE_END or is_mark(doc[after].text)):
        return clip(doc, sent_start, first - 2, first) if clause_before else None
    if doc[after].text == "," and after + 2 < sent_end:
        return clip(doc, sent_start if clause_before else after + 1, sent_end - 1, first)
    return None


def according(doc: Doc, cue: Cue) -> RawStatement | None:
    """``According to X, C.`` / ``C, according to X.``: the rest of the sentence is content."""
    t = cue.token
    layout = lay(doc)
    sent_start, sent_end = layout.sent_start[t.i], layout.sent_end[t.i]
    if t.lemma_.lower() == "put":  # "as X put it, C" / "C, as X put it"
        pobj = speaker_token(cue)
        mark = next((c for c in t.children if c.dep_ == "mark"), None)
        if pobj is None or mark is None:
            return None
        phrase_end, t = t.i + 1, mark
    else:
        pobj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        phrase_end = pobj.right_edge.i
    if t.i <= sent_start + 1:
        start, end = phrase_end + 1, sent_end - 1
    else:
        start, end = sent_start, t.i - 1
    while start <= end and (doc[start].is_punct or doc[start].is_space) and not is_mark(doc[start].text):
        start += 1
    while end >= start and (doc[end].is_punct or doc[end].is_space) and not is_mark(doc[end].text):
        end -= 1
    if end - start < 2:
        return None
    s, e = skip_dateline(lay(doc).text, doc[start].idx), doc[end].idx + len(doc[end])
    quoted = any(c in MARKS for c in lay(doc).text[s:e]) or "''" in lay(doc).text[s:e]
    return make(doc, s, e, "mixed" if quoted else "indirect", cue, pobj)
