"""API keys: random tokens shown once, stored as SHA-256 hashes, scoped read < ingest < admin.

Keys are 256-bit random strings, so a fast hash is enough (no password stretching needed); the
lookup is by hash and the final comparison uses hmac.compare_digest."""

from __future__ import annotations

import hashlib
import hmac
import secrets

SCOPES = ("read", "ingest", "admin")
KEY_PREFIX = "ce_"


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def same_hash(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def scope_allows(granted: str, needed: str) -> bool:
    """An admin key may ingest and read; an ingest key may read."""
    return SCOPES.index(granted) >= SCOPES.index(needed)
