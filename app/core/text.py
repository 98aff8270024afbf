"""What text the service stores: no C0 control characters but tab, newline and carriage return
(PostgreSQL cannot store NUL at all, and none belongs in a news text or a name), and no unpaired
surrogates (they cannot be encoded as UTF-8)."""

from __future__ import annotations

import re

FORBIDDEN_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def refuse_unstorable(value: str) -> str:
    """The value, or ValueError (a 422 in a request body) when it holds characters we cannot store."""
    if FORBIDDEN_CHARACTERS.search(value):
        raise ValueError("contains control characters or unpaired surrogates")
    return value
