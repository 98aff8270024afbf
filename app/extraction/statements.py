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

from bisect import insort

from spacy.tokens import Doc

from app.extraction.cues import find_cues
from app.extraction.quotes import Quote, find_quotes, sentence_lead, starts_sentence, token_quotes, trim_end
from app.extraction.statement_base import LAYOUT_KEY, RawStatement, build_layout, make, overlaps_taken, skip_dateline
from app.extraction.statement_direct import add_continuations, attribution, merges
from app.extraction.statement_labels import labelled_paragraphs, signed_quotation
from app.extraction.statement_reported import reported

__all__ = ["RawStatement", "find_statements"]


# Below this many words a quotation is a phrase, not a statement on its own (scare quotes,
# titles, one quoted expression inside reported speech).
MIN_QUOTE_WORDS = 5

# A quotation that ends a sentence with at least this many of the writer's words before it is
# part of a mixed statement ("The Russians "want ..."" stays a direct quote).
MIN_LEAD_WORDS = 3


def find_statements(doc: Doc) -> list[RawStatement]:
    """Statements of ``doc``, sorted by start. A quotation continuing the previous speaker's
    words with no attribution of its own gets that statement's speaker span (and, in the same
    paragraph, its cue); the caller resolves it like any other mention."""
    text = doc.text
    quotes = find_quotes(text)
    quote_of = token_quotes(doc, quotes)
    cues = find_cues(doc, quote_of)
    cue_at = {c.token.i: c for c in cues}
    doc.user_data[LAYOUT_KEY] = build_layout(doc, list(cue_at), quotes)
    out: list[RawStatement] = []
    used: set[int] = set()
    pending: list[Quote] = []  # quotations with no attribution of their own
    last: RawStatement | None = None
    last_open = -1  # opening mark of the quotation ``last`` was made from
    out.extend(labelled_paragraphs(doc))
    labelled = sorted((s.start, s.end) for s in out)
    for q in quotes:
        if overlaps_taken((q.start, q.end), labelled):
            continue
        words = len(text[q.start : q.end].split())
        cue, before = attribution(doc, q, cue_at, quote_of)
        if cue is None:
            signed = signed_quotation(doc, q) if words >= 3 else None
            if signed is not None:
                out.append(signed)
                continue
            if last is not None and last.kind == "direct" and merges(text, last, last_open, q):
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
        lead = skip_dateline(text, sentence_lead(text, q.open)) if not before else q.open
        if len(text[lead : q.open].split()) >= MIN_LEAD_WORDS:
            # "She said she felt X because "most people don't know," she said": the writer's own
            # words begin the sentence the quotation ends: one mixed statement
            last, last_open = make(doc, lead, q.close_end, "mixed", cue), lead
        else:
            last, last_open = make(doc, q.start, q.end, "direct", cue), q.open
        out.append(last)
    taken = sorted((s.start, s.end) for s in out)
    for c in cues:
        if c.token.i in used:
            continue
        st = reported(doc, c, quotes, cue_at)
        if st is None or overlaps_taken((st.start, st.end), taken):
            continue
        out.append(st)
        insort(taken, (st.start, st.end))
    out.sort(key=lambda s: (s.start, s.end))
    result = add_continuations(doc, out, pending)
    del doc.user_data[LAYOUT_KEY]
    return result
