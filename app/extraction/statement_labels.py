"""Statements attributed by layout rather than by a reporting verb:

* a paragraph opened by a speaker's name and a colon: transcripts (``PENCE: Well, look, ...``)
  and headlines (``Minister: Troops will stay``, ``Poll: Voters favour the truce``);
* a quotation signed with a dash and a name after it (``"We want peace." — Amina Yusuf``), the
  layout of reader comments and collected testimonies.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from app.extraction.cues import PEOPLE_NOUNS
from app.extraction.quotes import Quote, is_mark, token_at_or_after, trim_end
from app.extraction.statement_base import RawStatement, lay, sentence_of
from app.extraction.types import Span

DASHES = frozenset({"—", "―", "–", "--", "-"})

# Labels that open a paragraph with a colon without naming a speaker.
_NOT_SPEAKERS = frozenset(
    " ".join(
        [
            "note update updated correction photo photos video watch read related caption credit editor q a",
            "warning breaking exclusive analysis opinion comment live timeline factbox explainer graphic map",
            "source sources what why how when where who background context summary transcript disclaimer",
            "disclosure advertisement subscribe listen also more see tags filed",
        ]
    ).split(" ")
)
# Common nouns that speak in headlines ("Poll: ...", "Officials: ...").
_HEADLINE_NOUNS = PEOPLE_NOUNS | frozenset(
    " ".join(
        ["poll survey study report officials witnesses residents analysts experts doctors medics", "rebels"]
    ).split(" ")
)
MAX_LABEL_TOKENS = 5


def labelled_paragraphs(doc: Doc) -> list[RawStatement]:
    """``NAME: content`` paragraphs; the content runs to the end of the paragraph."""
    layout = lay(doc)
    out: list[RawStatement] = []
    starts = [0] + [j + 1 for j in layout.newlines]
    for p0 in starts:
        i = p0
        while i < len(doc) and (doc[i].is_space or is_mark(doc[i].text)):
            i += 1
        colon = next((k for k in range(i + 1, min(len(doc), i + MAX_LABEL_TOKENS + 1)) if doc[k].text == ":"), -1)
        if colon < 0 or not _is_label(doc, i, colon):
            continue
        nl = bisect_right(layout.newlines, colon)
        end = layout.newlines[nl] - 1 if nl < len(layout.newlines) else len(doc) - 1
        start = colon + 1
        while start <= end and (doc[start].is_space or is_mark(doc[start].text)):
            start += 1
        while end > start and (doc[end].is_space or doc[end].is_punct):
            end -= 1
        if end - start < 2:
            continue
        s, e = doc[start].idx, trim_end(layout.text, doc[start].idx, doc[end].idx + len(doc[end]))
        head = _label_head(doc, i, colon)
        out.append(
            RawStatement(
                s,
                e,
                "indirect",
                ":",
                Span(doc[colon].idx, doc[colon].idx + 1),
                Span(doc[i].idx, doc[colon - 1].idx + len(doc[colon - 1])),
                head.i,
                None,
                sentence_of(doc, doc[colon].idx),
            )
        )
    return out


def _is_label(doc: Doc, i: int, colon: int) -> bool:
    toks = list(doc[i:colon])
    if not toks or any(not (t.is_alpha or t.text in (".", "-", "'")) for t in toks):
        return False
    words = [t for t in toks if t.is_alpha]
    if not words or words[0].lower_ in _NOT_SPEAKERS or words[-1].lower_ in _NOT_SPEAKERS:
        return False
    if all(t.is_upper for t in words) and sum(len(t) for t in words) >= 2:
        return True  # transcript speaker: "WALLACE:", "GEN. PETROV:"
    if not all(t.is_title for t in words):
        return False
    head = _label_head(doc, i, colon)
    if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return head.lemma_.lower() in _HEADLINE_NOUNS or head.lower_ in _HEADLINE_NOUNS


def _label_head(doc: Doc, i: int, colon: int) -> Token:
    k = colon - 1
    while k > i and not doc[k].is_alpha:
        k -= 1
    return doc[k]


def signed_quotation(doc: Doc, q: Quote) -> RawStatement | None:
    """``"..." — First Last`` with the name ending the line: the name signs the quotation."""
    text = lay(doc).text
    i = token_at_or_after(doc, q.close_end)
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i >= len(doc) or doc[i].text not in DASHES:
        return None
    j = i + 1
    names: list[Token] = []
    while j < len(doc) and "\n" not in doc[j].text and len(names) <= 6:
        if doc[j].is_space:
            j += 1
            continue
        names.append(doc[j])
        j += 1
    names = [t for t in names if t.text not in (",", ".")] if names and names[-1].text in ",." else names
    if not 1 <= len(names) <= 5 or not all(t.is_title or t.text in (".", "-") or t.is_upper for t in names):
        return None
    if not any(t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN" for t in names):
        return None
    dash = doc[i]
    return RawStatement(
        q.start,
        trim_end(text, q.start, q.end),
        "direct",
        dash.text,
        Span(dash.idx, dash.idx + len(dash)),
        Span(names[0].idx, names[-1].idx + len(names[-1])),
        names[-1].i,
        None,
        sentence_of(doc, dash.idx),
    )
