"""The pipeline: one spaCy parse, then actors, statements and figures tied together.

``extract`` is the one entry point: text and metadata in, an ``ExtractionResult`` out, with every
span a Python str index into the text given."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from app.extraction.actors import ActorIndex, build_index
from app.extraction.figures import find_figures
from app.extraction.nlp import get_nlp
from app.extraction.periods import period_of
from app.extraction.statements import RawStatement, find_statements
from app.extraction.types import ExtractionResult, Figure, Span, Statement

# Bump when the output for the same text changes: stored articles record the version that
# extracted them, and `python -m app reextract` refreshes the older ones.
EXTRACTOR_VERSION = "0.1.0"

# Bounds that keep one pathological article (a 40,000-character "sentence" of numbers) from
# writing gigabytes: provenance sentences are cut to a window around their item, and an article
# yields at most this many items of each kind (real reports have tens). Documented in the README.
MAX_SENTENCE_CHARS = 1_000
MAX_ITEMS = 2_000
MAX_MENTIONS = 10_000

# "both the army and the ministry said": the first conjunct speaks first.
COORDINATED_SPEAKERS = re.compile(r"(?i)^(?:both\s+)?(.+?)\s+and\s+\S")
# A capitalised qualifier and a collective noun of states: "Western countries", "Gulf states".
COLLECTIVE_SPEAKER = re.compile(
    r"^(?:[Tt]he\s+|[Ss]ome\s+|[Mm]any\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+"
    r"(?:countries|nations|governments|powers|states|allies|donors))$"
)

# A document as the speaker ("the statement said"): it speaks for whoever issued the statement before.
DOCUMENT_SPEAKER = re.compile(
    r"(?i)^(?:the|a|that|this|its|their)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|release|"
    r"report|bulletin|announcement)$"
)


def extract(
    text: str, *, published: date | None = None, title: str | None = None, doc: Doc | None = None
) -> ExtractionResult:
    """Extract actors, statements and figures from an article's text. ``title`` is metadata only:
    offsets always index into ``text``. ``doc`` is the text's parse when the caller made it (with
    ``get_nlp().pipe`` over many texts, faster than one text at a time)."""
    del title  # not part of the text the offsets point into
    if doc is None or doc.text != text:
        doc = get_nlp()(text)
    return extract_doc(doc, published=published)


def extract_doc(doc: Doc, *, published: date | None = None) -> ExtractionResult:
    """The same from a parse made by ``get_nlp()`` (``nlp.pipe`` batches parse faster than one
    text at a time)."""
    actors = build_index(doc)
    statements: list[Statement] = []
    for said in find_statements(doc):
        statements.append(_statement(actors, said, statements[-1] if statements else None))
    figures = []
    periods: dict[tuple[int, int], tuple[date, date] | None] = {}  # one search per sentence
    for raw in find_figures(doc, actors):
        inside = _enclosing(statements, raw.start, raw.end)
        where = (raw.sentence_start, raw.sentence_end)
        if where not in periods:
            periods[where] = period_of(actors.text, *where, published)
        period = periods[where]
        figures.append(
            Figure(
                value=raw.quantity.value,
                low=raw.quantity.low,
                high=raw.quantity.high,
                qualifier=raw.quantity.qualifier,
                category=raw.category,
                object=raw.object,
                subject_key=raw.subject_key,
                claimant_key=statements[inside].speaker_key if inside is not None else None,
                statement_index=inside,
                start=raw.start,
                end=raw.end,
                sentence=Span(raw.sentence_start, raw.sentence_end),
                period_start=period[0] if period else None,
                period_end=period[1] if period else None,
            )
        )
    referenced = (
        {s.speaker_key for s in statements} | {f.subject_key for f in figures} | {f.claimant_key for f in figures}
    )
    used = {k for k in referenced if k}
    actors.drop_unused_weak(used)
    _mention_speakers(actors, statements)
    statements, figures = statements[:MAX_ITEMS], figures[:MAX_ITEMS]
    for statement in statements:
        statement.sentence = _window(statement.sentence, statement.start, statement.end)
    for f in figures:
        f.sentence = _window(f.sentence, f.start, f.end)
    for f in figures:
        if f.statement_index is not None and f.statement_index >= len(statements):
            f.statement_index = None
    return ExtractionResult(
        version=EXTRACTOR_VERSION,
        actors=actors.used_actors(used),
        mentions=actors.mentions()[:MAX_MENTIONS],
        statements=statements,
        figures=figures,
    )


def _statement(actors: ActorIndex, raw: RawStatement, previous: Statement | None) -> Statement:
    speaker_key = None
    speaker_text = None
    if raw.speaker_appositive is not None:  # "a military spokesman, Lt. Col. Barry Johnson, said"
        named = actors.at(raw.speaker_appositive.start, raw.speaker_appositive.end)
        if named is not None and actors.actors[named].type == "person":
            speaker_key = named
    raw.speaker_span = _tight(actors.text, raw.speaker_span) if raw.speaker_span is not None else None
    if raw.speaker_span is not None:
        speaker_text = actors.text[raw.speaker_span.start : raw.speaker_span.end]
        if speaker_key is None and DOCUMENT_SPEAKER.match(speaker_text) and previous is not None:
            speaker_key = previous.speaker_key  # "the statement said": whoever issued it
        first = COORDINATED_SPEAKERS.match(speaker_text)
        if speaker_key is None and first is not None:  # "both X and Y said": X, the first named
            start = raw.speaker_span.start + first.start(1)
            speaker_key = actors.resolve(start, start + len(first.group(1)))
        if speaker_key is None:
            speaker_key = actors.resolve(raw.speaker_span.start, raw.speaker_span.end, raw.speaker_head)
        if speaker_key is None and raw.speaker_head is not None:
            speaker_key = _of_phrase(actors, raw.speaker_head)
        if speaker_key is None:
            speaker_key = _collective(actors, raw.speaker_span, speaker_text)
    if speaker_key is None and raw.speaker_appositive is not None:
        speaker_key = actors.at(raw.speaker_appositive.start, raw.speaker_appositive.end)
    return Statement(
        speaker_key=speaker_key,
        speaker_text=speaker_text,
        speaker_span=raw.speaker_span,
        cue=raw.cue,
        kind=raw.kind,
        start=raw.start,
        end=raw.end,
        sentence=raw.sentence,
    )


def _mention_speakers(actors: ActorIndex, statements: list[Statement]) -> None:
    """A speaker resolved by name, or as the first of several ("Syrian and UN officials"), still gets
    a mention where its name stands in the speaker phrase, so every actor a statement names is
    listed with the article."""
    mentioned = {f.key for f in actors.found}
    for st in statements:
        if not st.speaker_key or st.speaker_key in mentioned or st.speaker_span is None:
            continue
        actor = actors.actors[st.speaker_key]
        phrase = actors.text[st.speaker_span.start : st.speaker_span.end].casefold()
        for name in sorted([actor.name, *actor.aliases], key=len, reverse=True):
            at = phrase.find(name.casefold())
            if at < 0:
                continue
            start = st.speaker_span.start + at
            end = start + len(name)
            tokens = actors.doc.char_span(start, end, alignment_mode="expand")
            if tokens is not None and not any(f.start < end and start < f.end for f in actors.found):
                actors.mention(st.speaker_key, start, end, tokens.root.i)
                mentioned.add(st.speaker_key)
                break


def _collective(actors: ActorIndex, span: Span, text: str) -> str | None:
    """ "Western countries criticised...", "Arab states said": a named collective of states speaks as a
    group actor of its own (no single state stands for it)."""
    m = COLLECTIVE_SPEAKER.match(text)
    if m is None:
        return None
    name = m.group(1)
    key = actors.add_actor(name, "group")
    start = span.start + m.start(1)
    tokens = actors.doc.char_span(start, start + len(name), alignment_mode="expand")
    if tokens is None:
        return None
    actors.mention(key, start, start + len(name), tokens.root.i)
    return key


def _window(sentence: Span, start: int, end: int) -> Span:
    """The sentence, or a window of it around [start, end) when it is longer than MAX_SENTENCE_CHARS."""
    if sentence.end - sentence.start <= MAX_SENTENCE_CHARS:
        return sentence
    margin = max(0, (MAX_SENTENCE_CHARS - (end - start)) // 2)
    return Span(max(sentence.start, min(start, start - margin)), min(sentence.end, max(end, end + margin)))


def _tight(text: str, span: Span) -> Span | None:
    """A speaker span without the symbols and breaks of its neighbours ("👀\n\nThe army")."""
    start, end = span.start, span.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    return Span(start, end) if end > start else None


def _of_phrase(actors: ActorIndex, head: int) -> str | None:
    """ "Members of the Security Council said": the body the speakers belong to."""
    token = actors.doc[head]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            span = actors.doc[prep.i + 1 : prep.right_edge.i + 1]
            if len(span):
                return actors.at(span.start_char, span.end_char)
    return None


def _enclosing(statements: list[Statement], start: int, end: int) -> int | None:
    """The statement whose content holds the span (the innermost when several do)."""
    best = None
    for i, s in enumerate(statements):
        if (
            s.start <= start
            and end <= s.end
            and (best is None or s.end - s.start < statements[best].end - statements[best].start)
        ):
            best = i
    return best
