"""Who said what: statements (direct quotes, reported speech, mixes of both) of a parsed text.

Two passes over one spaCy ``Doc``:

1. quotations (``quotes.find_quotes``) are attributed to the cue next to them, the way wire copy
   attributes them: ``"...," the army said`` / ``said X`` after the closing mark, ``X said: "..."``
   or ``X said, "..."`` before the opening mark, ``"...," he said, "..."`` around it (one
   statement, the interrupted quotation), and a quotation with no attribution that opens a
   paragraph, or follows a quoted statement, continues the previous speaker's quote;
2. the remaining cues (``cues.CUE_VERBS``, "according to") take their content from the
   dependency parse: the clausal complement, or the object / target for the verbs whose frame
   allows it (``cues.py`` says which), or the rest of the sentence for "according to X".

Spans follow the evaluation convention: inside the quote marks for a quotation, the complement
without the complementizer "that" for reported speech.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.extraction.cues import (
    CLAUSE_ONLY_EXTRA,
    CONTENT_PREPS,
    CUE_NOUNS,
    INFINITIVE_CUES,
    NAMING_CUES,
    QUOTE_ONLY_CUES,
    SUBJECT_DEPS,
    Cue,
    find_cues,
    np_span,
    speaker_token,
    title_before,
    title_start,
    verb_subject,
)
from app.extraction.quotes import (
    MARKS,
    SENTENCE_END,
    Quote,
    find_quotes,
    is_mark,
    prev_char,
    same_paragraph,
    sentence_lead,
    starts_sentence,
    token_at_or_after,
    token_quotes,
    trim_end,
)
from app.extraction.types import Span, StatementKind

# Below this many words a quotation is a phrase, not a statement on its own (scare quotes,
# titles, one quoted expression inside reported speech).
MIN_QUOTE_WORDS = 5
# How far after a closing mark the attribution ("... ," said the senior army official) may end.
MAX_TRAILING_ATTRIBUTION = 14

# A quotation that ends a sentence with at least this many of the writer's words before it is
# part of a mixed statement ("The Russians "want ..."" stays a direct quote).
MIN_LEAD_WORDS = 3


@dataclass(slots=True)
class _Layout:
    """Per-token tables computed once per Doc, so that every rule is O(1) or O(log n) per cue
    (spaCy's ``Token.sent`` walks the sentence: quadratic over a long one)."""

    text: str  # Doc.text joins every token on each access
    sent_start: list[int]
    sent_end: list[int]
    verbs_before: list[int]  # verbs_before[i]: number of verbs among tokens 0..i-1
    newlines: list[int]  # tokens holding a line break
    cues: list[int]  # cue token indices, sorted
    quote_open: list[int]
    quote_close: list[int]


def _layout(doc: Doc, cue_positions: list[int], quotes: list[Quote]) -> _Layout:
    n = len(doc)
    starts, ends = [0] * n, [0] * n
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            starts[i], ends[i] = sent.start, sent.end
    verbs = [0] * (n + 1)
    for t in doc:
        verbs[t.i + 1] = verbs[t.i] + (t.pos_ in ("VERB", "AUX"))
    return _Layout(doc.text, starts, ends, verbs, [t.i for t in doc if "\n" in t.text], sorted(cue_positions),
                   [q.open for q in quotes], [q.close for q in quotes])


_LAYOUT_KEY = "app.extraction.statements.layout"


def _lay(doc: Doc) -> _Layout:
    layout = doc.user_data[_LAYOUT_KEY]
    assert isinstance(layout, _Layout)
    return layout


@dataclass(slots=True)
class RawStatement:
    start: int
    end: int
    kind: StatementKind
    cue: str | None
    cue_span: Span | None
    speaker_span: Span | None
    speaker_head: int | None
    speaker_appositive: Span | None
    sentence: Span


def find_statements(doc: Doc) -> list[RawStatement]:
    """Statements of ``doc``, sorted by start. A quotation continuing the previous speaker's
    words with no attribution of its own gets that statement's speaker span (and, in the same
    paragraph, its cue); the caller resolves it like any other mention."""
    text = doc.text
    quotes = find_quotes(text)
    quote_of = token_quotes(doc, quotes)
    cues = find_cues(doc, quote_of)
    cue_at = {c.token.i: c for c in cues}
    doc.user_data[_LAYOUT_KEY] = _layout(doc, list(cue_at), quotes)
    out: list[RawStatement] = []
    used: set[int] = set()
    pending: list[Quote] = []  # quotations with no attribution of their own
    last: RawStatement | None = None
    last_open = -1  # opening mark of the quotation ``last`` was made from
    for q in quotes:
        words = len(text[q.start:q.end].split())
        cue, before = _attribution(doc, q, cue_at, quote_of)
        if cue is None:
            if last is not None and last.kind == "direct" and _merges(text, last, last_open, q):
                last.end = trim_end(text, q.start, q.end)  # "A," X said. "B." is one quotation
            elif words >= 3 and starts_sentence(text, q.open):
                pending.append(q)
            continue
        if words < MIN_QUOTE_WORDS and not starts_sentence(text, q.open) and not before:
            continue  # a phrase quoted inside a sentence: left to the reported-speech pass
        if last is not None and before and last.cue_span == cue.span and last.kind == "direct":
            last.end = trim_end(text, q.start, q.end)  # "...," he said, "..." is one quotation
            continue
        used.add(cue.token.i)
        lead = sentence_lead(text, q.open) if not before else q.open
        if len(text[lead:q.open].split()) >= MIN_LEAD_WORDS:
            # "She said she felt X because "most people don't know," she said": the writer's own
            # words begin the sentence the quotation ends: one mixed statement
            last, last_open = _make(doc, lead, q.close_end, "mixed", cue), lead
        else:
            last, last_open = _make(doc, q.start, q.end, "direct", cue), q.open
        out.append(last)
    taken = sorted((s.start, s.end) for s in out)
    for c in cues:
        if c.token.i in used:
            continue
        st = _reported(doc, c, quotes, cue_at)
        if st is None or _overlaps_taken((st.start, st.end), taken):
            continue
        out.append(st)
        insort(taken, (st.start, st.end))
    out.sort(key=lambda s: (s.start, s.end))
    result = _add_continuations(doc, out, pending)
    del doc.user_data[_LAYOUT_KEY]
    return result


def _add_continuations(doc: Doc, found: list[RawStatement], pending: list[Quote]) -> list[RawStatement]:
    """Give each unattributed quotation the speaker of the statement just before it, when that
    statement is in the same or the previous paragraph (wire copy runs a speaker's quotation on
    over several paragraphs, attributing only the first)."""
    text = _lay(doc).text
    out: list[RawStatement] = []
    fi = 0
    for q in pending:
        while fi < len(found) and found[fi].start < q.open:
            out.append(found[fi])
            fi += 1
        prev = out[-1] if out else None
        if prev is None or prev.end > q.open:
            continue
        between = text[prev.end:q.open]
        if len(between) > 400 or len(between.replace("\n\n", "\n").split("\n")) > 2:
            continue
        same = "\n" not in between
        out.append(RawStatement(
            q.start, trim_end(text, q.start, q.end), "direct", prev.cue if same else None,
            prev.cue_span if same else None, prev.speaker_span, prev.speaker_head,
            prev.speaker_appositive, _sentence_of(doc, q.start)))
    out.extend(found[fi:])
    return out


# ---------------------------------------------------------------- cues


# ---------------------------------------------------------------- direct quotes


def _attribution(doc: Doc, q: Quote, cue_at: dict[int, Cue],
                 quote_of: list[int]) -> tuple[Cue | None, bool]:
    """The cue attributing quotation ``q`` and whether it stands before the quotation."""
    text = _lay(doc).text
    before_tok = token_at_or_after(doc, q.open) - 1
    if before_tok >= 0 and doc[before_tok].pos_ in ("ADP", "DET") and doc[before_tok].lower_ != "that":
        return None, False  # 'on "Face the Nation"', 'the "Iron Fist" operation': a title or name
    prev = prev_char(text, q.open)
    if prev in ":,":
        cue = _cue_before(doc, q, cue_at, quote_of)
        if cue is not None:
            return cue, True
    cue = _cue_after(doc, q, cue_at, quote_of)
    if cue is not None:
        return cue, False
    if prev not in ":,.!?\n" and prev:
        cue = _cue_before(doc, q, cue_at, quote_of, adjacent=True)
        if cue is not None:
            return cue, True
    return None, False


def _cue_after(doc: Doc, q: Quote, cue_at: dict[int, Cue], quote_of: list[int]) -> Cue | None:
    """``"...," the army said`` / ``"...," said X``: a cue verb in the few tokens after the
    closing mark, with only its subject and adverbials in between, and no new clause."""
    i = token_at_or_after(doc, q.close_end)
    for j in range(i, min(len(doc), i + MAX_TRAILING_ATTRIBUTION)):
        t = doc[j]
        if quote_of[j] >= 0 or "\n" in t.text or t.text in SENTENCE_END or is_mark(t.text):
            return None
        cue = cue_at.get(j)
        if cue is not None and cue.frame is not None:
            subj = speaker_token(cue)
            if subj is not None and subj.idx > q.close:
                return cue
            return None
        if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound"):
            return None  # a clause of its own before any cue: narrative, not attribution
    return None


def _cue_before(doc: Doc, q: Quote, cue_at: dict[int, Cue], quote_of: list[int],
                adjacent: bool = False) -> Cue | None:
    """``X said: "..."`` / ``In a statement, X said, "..."`` / ``a statement by X: "..."``: the
    last cue of the clause right before the opening mark. With ``adjacent`` (no punctuation
    before the mark) only ``X said "..."`` / ``X said that "..."`` count."""
    i = token_at_or_after(doc, q.open) - 1
    stop = max(-1, i - 40)
    j = i
    while j > stop:
        t = doc[j]
        if quote_of[j] >= 0 or "\n" in t.text or (t.text in SENTENCE_END and j < i):
            return None
        cue = cue_at.get(j)
        if cue is not None:
            return cue if speaker_token(cue) is not None else None
        if adjacent and not (is_mark(t.text) or t.lower_ == "that"):
            return None
        j -= 1
    return None


def _merges(text: str, last: RawStatement, last_open: int, q: Quote) -> bool:
    """``"A," X said. "B."``: the first quotation opened its sentence, and B opens the next
    sentence of the same paragraph, so B goes on with the attributed quotation."""
    return (same_paragraph(text, last.end, q.open) and starts_sentence(text, q.open)
            and starts_sentence(text, last_open))


# ---------------------------------------------------------------- reported speech


def _reported(doc: Doc, cue: Cue, quotes: list[Quote], cue_at: dict[int, Cue]) -> RawStatement | None:
    t = cue.token
    if cue.frame is None:
        if cue.text.lower().startswith("according"):
            return _according(doc, cue)
        return None
    if t.lemma_.lower() in QUOTE_ONLY_CUES:
        return None
    span = _content(doc, cue, cue_at)
    if span is None:
        return None
    start, end = span
    layout = _lay(doc)
    if layout.text.find(" ", start, end) < 0:
        return None  # one word ("said so") is no statement
    # the quotations overlapping the content (sorted and disjoint: two bisections)
    inside = quotes[bisect_left(layout.quote_close, start):bisect_left(layout.quote_open, end)]
    kind: StatementKind = "indirect"
    if inside:
        kind = "mixed"
        last_q = inside[-1]
        if start <= last_q.close < end + 3 and last_q.close >= end:
            end = last_q.close_end  # keep the closing mark of a quotation the content ends with
        if len(inside) == 1 and inside[0].open <= start and inside[0].close >= end - 1:
            kind = "direct"
            start, end = inside[0].start, trim_end(_lay(doc).text, inside[0].start, inside[0].end)
    if speaker_token(cue) is None:
        return None
    subj = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is not None and subj.lemma_.lower() in CUE_NOUNS and any(c.dep_ == "poss" for c in subj.children):
        # "the army's statement said ...": the document is the cue, its owner the speaker
        cue = Cue(subj, subj.text, Span(subj.idx, subj.idx + len(subj)), cue.frame)
        return _make(doc, start, end, kind, cue, verb_subject(t))
    return _make(doc, start, end, kind, cue)


def _content(doc: Doc, cue: Cue, cue_at: dict[int, Cue]) -> tuple[int, int] | None:
    t = cue.token
    frame = cue.frame
    lemma = t.lemma_.lower()
    kids = list(t.children)
    right = [c for c in kids if c.dep_ == "ccomp" and c.i > t.i]
    parts: list[Token] = []
    if right:
        parts = right
    else:
        inserted = _inserted(doc, cue)
        if inserted is not None:
            return inserted
        objects = [c for c in kids if c.i > t.i and c.dep_ in ("dobj", "obj", "dative")]
        xcomps = [c for c in kids if c.i > t.i and c.dep_ in ("xcomp", "oprd")]
        if lemma in CLAUSE_ONLY_EXTRA:
            return None
        if lemma in NAMING_CUES and cue.text == t.text:
            # "called the attack a war crime": object and predicate, both or nothing
            if not (objects and xcomps):
                return None
            return _clip(doc, objects[0].left_edge.i, xcomps[-1].right_edge.i, t.i)
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
    layout = _lay(doc)
    for j in layout.cues[bisect_right(layout.cues, start):bisect_right(layout.cues, end)]:
        if j in cue_at and ((doc[j].dep_ == "conj" and doc[j].head.i != t.i) or (doc[j].dep_ == "advcl"
                            and {c.dep_ for c in doc[j].children} >= {"nsubj", "ccomp"})):
            end = doc[j].left_edge.i - 1
            break
    while end >= start and doc[end].dep_ == "cc":
        end -= 1
    return _clip(doc, start, end, t.i)


def _clip(doc: Doc, start: int, end: int, anchor: int) -> tuple[int, int] | None:
    """Token range ``start..end`` as a trimmed char span, cut at paragraph breaks on the side away
    from ``anchor`` (a parse that runs a clause over a paragraph break is wrong)."""
    lines = _lay(doc).newlines
    for j in lines[bisect_left(lines, start):bisect_right(lines, end)]:
        if j < anchor:
            start = j + 1
        else:
            end = j - 1
            break
    while start <= end and (doc[start].lower_ in ("that", ",", ":", ";", "-", "--", "—")
                            or doc[start].is_space):
        start += 1
    while end >= start and ((doc[end].is_punct and not is_mark(doc[end].text)) or doc[end].is_space
                            or doc[end].dep_ == "cc"):
        end -= 1
    if end < start:
        return None
    return doc[start].idx, trim_end(_lay(doc).text, doc[start].idx, doc[end].idx + len(doc[end]))


def _inserted(doc: Doc, cue: Cue) -> tuple[int, int] | None:
    """Attribution set off by a comma after the content: ``A, X said.`` (content: the sentence up
    to the comma) and ``A, X said, B.`` (content: the whole sentence), however the parser hung
    the clauses together."""
    t = cue.token
    subj = speaker_token(cue)
    if subj is None or cue.frame not in ("clause", "object") or abs(subj.i - t.i) > 12:
        return None
    sent_start = _sentence_start(doc, t)
    sent_end = _lay(doc).sent_end[t.i]
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
    verbs = _lay(doc).verbs_before
    clause_before = verbs[first - 1] - verbs[sent_start] > 0
    after = last + 1
    while after < sent_end and doc[after].is_space:
        after += 1
    if after >= sent_end or (doc[after].text in SENTENCE_END or is_mark(doc[after].text)):
        return _clip(doc, sent_start, first - 2, first) if clause_before else None
    if doc[after].text == "," and after + 2 < sent_end:
        return _clip(doc, sent_start if clause_before else after + 1, sent_end - 1, first)
    return None


def _according(doc: Doc, cue: Cue) -> RawStatement | None:
    """``According to X, C.`` / ``C, according to X.``: the rest of the sentence is content."""
    t = cue.token
    to = doc[t.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    layout = _lay(doc)
    sent_start, sent_end = layout.sent_start[t.i], layout.sent_end[t.i]
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
    s, e = doc[start].idx, doc[end].idx + len(doc[end])
    quoted = any(c in MARKS for c in _lay(doc).text[s:e]) or "''" in _lay(doc).text[s:e]
    return _make(doc, s, e, "mixed" if quoted else "indirect", cue, pobj)


# ---------------------------------------------------------------- helpers


def _make(doc: Doc, start: int, end: int, kind: StatementKind, cue: Cue,
          speaker: Token | None = None) -> RawStatement:
    head = speaker if speaker is not None else speaker_token(cue)
    sp, appos = np_span(doc, head) if head is not None else (None, None)
    return RawStatement(start, trim_end(_lay(doc).text, start, end), kind, cue.text, cue.span, sp,
                        head.i if head is not None else None, appos, _sentence_of(doc, cue.span.start))


def _sentence_of(doc: Doc, char: int) -> Span:
    i = token_at_or_after(doc, char) if char < len(_lay(doc).text) else len(doc) - 1
    layout = _lay(doc)
    first, last = doc[layout.sent_start[i]], doc[layout.sent_end[i] - 1]
    return Span(first.idx, last.idx + len(last))


def _sentence_start(doc: Doc, t: Token) -> int:
    """First token of ``t``'s sentence, undoing the parser's splits after a title abbreviation
    ("police Lt. | Pichet Watdaung said")."""
    starts = _lay(doc).sent_start
    start = starts[t.i]
    while start > 0 and title_before(doc, start):
        start = starts[start - 1]
    return start


def _overlaps_taken(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether more than half of ``a`` or of a neighbouring taken span is shared (a content
    already claimed by a quotation or by an earlier cue); only the sorted neighbours are looked
    at, which keeps the pass linear."""
    k = bisect_left(taken, a)
    for b in taken[max(0, k - 3):k + 3]:
        inter = min(a[1], b[1]) - max(a[0], b[0])
        if inter > 0.5 * min(a[1] - a[0], b[1] - b[0]):
            return True
    return False
