"""Keyset pagination: one envelope, one dependency, opaque and tamper-evident cursors.

A cursor is the sort key of the last row served, signed with HMAC-SHA256 so that a client can
neither forge one nor reuse one across resources (the resource name is signed in)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query, Request
from pydantic import BaseModel, Field

from app.core.config import Settings
from app.core.errors import BadRequest

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list. Follow ``next_cursor`` until it is null."""

    items: list[T]
    next_cursor: str | None = Field(description="opaque cursor for the next page; null on the last page")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_cursor(secret: str, resource: str, key: list[Any]) -> str:
    payload = json.dumps({"r": resource, "k": key}, separators=(",", ":")).encode()
    sig = hmac.new(secret.encode(), payload, hashlib.sha256).digest()[:16]
    return _b64(payload) + "." + _b64(sig)


def decode_cursor(secret: str, resource: str, cursor: str) -> list[Any]:
    try:
        body, sig = cursor.split(".", 1)
        payload = _unb64(body)
        given = _unb64(sig)
    except (ValueError, UnicodeError) as exc:
        raise BadRequest("cursor is malformed; use next_cursor exactly as returned") from exc
    expected = hmac.new(secret.encode(), payload, hashlib.sha256).digest()[:16]
    if not hmac.compare_digest(given, expected):
        raise BadRequest("cursor is invalid or was altered; use next_cursor exactly as returned")
    data = json.loads(payload)
    if data.get("r") != resource or not isinstance(data.get("k"), list):
        raise BadRequest(f"cursor does not belong to {resource}")
    return list(data["k"])


@dataclass(frozen=True, slots=True)
class PageRequest:
    limit: int
    cursor: str | None
    secret: str

    def after(self, resource: str) -> list[Any] | None:
        """The sort key to continue after, or None for the first page."""
        return decode_cursor(self.secret, resource, self.cursor) if self.cursor else None

    def page(self, resource: str, rows: list[T], key_of: Any) -> tuple[list[T], str | None]:
        """Cut the ``limit + 1`` rows fetched into a page and the cursor of the next one."""
        if len(rows) <= self.limit:
            return rows, None
        rows = rows[: self.limit]
        return rows, encode_cursor(self.secret, resource, key_of(rows[-1]))


def page_params(
    request: Request,
    limit: Annotated[
        int | None, Query(ge=1, description="items per page (default 50, at most the server's cap, 500)")
    ] = None,
    cursor: Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page")] = None,
) -> PageRequest:
    settings: Settings = request.app.state.settings
    chosen = settings.page_default_limit if limit is None else min(limit, settings.page_max_limit)
    return PageRequest(limit=chosen, cursor=cursor or None, secret=settings.cursor_secret)


PageParams = Annotated[PageRequest, Depends(page_params)]
