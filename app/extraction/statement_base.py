"""Shared tables and helpers of the statement passes: the per-Doc layout, the statement record and
the span helpers every pass uses."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.extraction.cues import Cue, np_span, speaker_token, title_before
from app.extraction.quotes import Quote, is_mark, token_at_or_after, trim_end
from app.extraction.types import Span, StatementKind


@dataclass(slots=True)
class Layout:
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


def build_layout(doc: Doc, cue_positions: list[int], quotes: list[Quote]) -> Layout:
    n = len(doc)
    starts, ends = [0] * n, [0] * n
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            starts[i], ends[i] = sent.start, sent.end
    verbs = [0] * (n + 1)
    for t in doc:
        verbs[t.i + 1] = verbs[t.i] + (t.pos_ in ("VERB", "AUX"))
    return Layout(
        doc.text,
        starts,
        ends,
        verbs,
        [t.i for t in doc if "\n" in t.text],
        sorted(cue_positions),
        [q.open for q in quotes],
        [q.close for q in quotes],
    )


LAYOUT_KEY = "app.extraction.statements.layout"


def lay(doc: Doc) -> Layout:
    layout = doc.user_data[LAYOUT_KEY]
    assert isinstance(layout, Layout)
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


def make(doc: Doc, start: int, end: int, kind: StatementKind, cue: Cue, speaker: Token | None = None) -> RawStatement:
    head = speaker if speaker is not None else speaker_token(cue)
    sp, appos = np_span(doc, head) if head is not None else (None, None)
    return RawStatement(
        start,
        trim_end(lay(doc).text, start, end),
        kind,
        cue.text,
        cue.span,
        sp,
        head.i if head is not None else None,
        appos,
        sentence_of(doc, cue.span.start),
    )


def sentence_of(doc: Doc, char: int) -> Span:
    i = token_at_or_after(doc, char) if char < len(lay(doc).text) else len(doc) - 1
    layout = lay(doc)
    first, last = doc[layout.sent_start[i]], doc[layout.sent_end[i] - 1]
    return Span(first.idx, last.idx + len(last))


def sentence_start(doc: Doc, t: Token) -> int:
    """First token of ``t``'s sentence, undoing the parser's splits after a title abbreviation
    ("police Lt. | Pichet Watdaung said")."""
    starts = lay(doc).sent_start
    start = starts[t.i]
    while start > 0 and title_before(doc, start):
        start = starts[start - 1]
    return start


def overlaps_taken(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether more than half of ``a`` or of a neighbouring taken span is shared (a content
    already claimed by a quotation or by an earlier cue); only the sorted neighbours are looked
    at, which keeps the pass linear."""
    k = bisect_left(taken, a)
    for b in taken[max(0, k - 3) : k + 3]:
        inter = min(a[1], b[1]) - max(a[0], b[0])
        if inter > 0.5 * min(a[1] - a[0], b[1] - b[0]):
            return True
    return False


def clip(doc: Doc, start: int, end: int, anchor: int) -> tuple[int, int] | None:
    """Token range ``start..end`` as a trimmed char span, cut at paragraph breaks on the side away
    from ``anchor`` (a parse that runs a clause over a paragraph break is wrong)."""
    lines = lay(doc).newlines
    for j in lines[bisect_left(lines, start) : bisect_right(lines, end)]:
        if j < anchor:
            start = j + 1
        else:
            end = j - 1
            break
    while start <= end and (doc[start].lower_ in ("that", ",", ":", ";", "-", "--", "—") or doc[start].is_space):
        start += 1
    while end >= start and (
        (doc[end].is_punct and not is_mark(doc[end].text)) or doc[end].is_space or doc[end].dep_ == "cc"
    ):
        end -= 1
    if end < start:
        return None
    text = lay(doc).text
    return skip_dateline(text, doc[start].idx), trim_end(text, doc[start].idx, doc[end].idx + len(doc[end]))


# A wire dateline: "KYIV, Ukraine (AP) — ", "WASHINGTON ― ", "GAZA CITY, Gaza Strip, May 3 (Reuters) - ".
# Matched on a bounded prefix only.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][\w.]*(?: [A-Z0-9][\w.]*){0,3}){0,2}"
    r"(?: \([A-Za-z. ]{1,30}\))?(?: (?:[―—–]|--?)|[―—–]) "
)


def skip_dateline(text: str, start: int) -> int:
    """``start`` moved past a dateline that opens the content."""
    m = _DATELINE.match(text[start : start + 90])
    return start + m.end() if m and m.end() < 90 else start
