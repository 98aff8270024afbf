"""Direct quotations: the cue that attributes a quotation, and quotations that go on with the
previous speaker's words."""

from __future__ import annotations

from spacy.tokens import Doc

from app.extraction.cues import Cue, speaker_token
from app.extraction.quotes import (
    SENTENCE_END,
    Quote,
    is_mark,
    prev_char,
    same_paragraph,
    starts_sentence,
    token_at_or_after,
    trim_end,
)
from app.extraction.statement_base import RawStatement, lay, sentence_of

# How far after a closing mark the attribution ("... ," said the senior army official) may end.
MAX_TRAILING_ATTRIBUTION = 14


def add_continuations(doc: Doc, found: list[RawStatement], pending: list[Quote]) -> list[RawStatement]:
    """Give each unattributed quotation the speaker of the statement just before it, when that
    statement is in the same or the previous paragraph (wire copy runs a speaker's quotation on
    over several paragraphs, attributing only the first)."""
    text = lay(doc).text
    out: list[RawStatement] = []
    fi = 0
    for q in pending:
        while fi < len(found) and found[fi].start < q.open:
            out.append(found[fi])
            fi += 1
        prev = out[-1] if out else None
        if prev is None or prev.end > q.open:
            continue
        between = text[prev.end : q.open]
        if len(between) > 400 or len(between.replace("\n\n", "\n").split("\n")) > 2:
            continue
        same = "\n" not in between
        out.append(
            RawStatement(
                q.start,
                trim_end(text, q.start, q.end),
                "direct",
                prev.cue if same else None,
                prev.cue_span if same else None,
                prev.speaker_span,
                prev.speaker_head,
                prev.speaker_appositive,
                sentence_of(doc, q.start),
            )
        )
    out.extend(found[fi:])
    return out


def attribution(doc: Doc, q: Quote, cue_at: dict[int, Cue], quote_of: list[int]) -> tuple[Cue | None, bool]:
    """The cue attributing quotation ``q`` and whether it stands before the quotation."""
    text = lay(doc).text
    before_tok = token_at_or_after(doc, q.open) - 1
    if before_tok >= 0 and doc[before_tok].pos_ in ("ADP", "DET") and doc[before_tok].lower_ != "that":
        return None, False  # 'on "Face the Nation"', 'the "Iron Fist" operation': a title or name
    prev = prev_char(text, q.open)
    if prev == "\n" and text[max(0, q.open - 12) : q.open].rstrip().endswith(":"):
        prev = ":"
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


def _cue_before(doc: Doc, q: Quote, cue_at: dict[int, Cue], quote_of: list[int], adjacent: bool = False) -> Cue | None:
    """``X said: "..."`` / ``In a statement, X said, "..."`` / ``a statement by X: "..."``: the
    last cue of the clause right before the opening mark. With ``adjacent`` (no punctuation
    before the mark) only ``X said "..."`` / ``X said that "..."`` count."""
    i = token_at_or_after(doc, q.open) - 1
    k = i
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < i and k >= 0 and doc[k].text == ":":
        i = k  # "X said:" ending the paragraph before a quotation set off as its own paragraph
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


def merges(text: str, last: RawStatement, last_open: int, q: Quote) -> bool:
    """``"A," X said. "B."``: the first quotation opened its sentence, and B opens the next
    sentence of the same paragraph, so B goes on with the attributed quotation."""
    return same_paragraph(text, last.end, q.open) and starts_sentence(text, q.open) and starts_sentence(text, last_open)
