"""Keyset pagination: one envelope, one dependency, opaque and tamper-evident cursors.

A cursor is the sort key of the last row served, signed with HMAC-SHA256 so that a client can
neither forge one nor reuse one across resources, sorts or filters (the resource name, the sort and
a digest of the filters are signed in: a cursor from another query would silently skip or repeat
rows, so it answers 400 instead). Sorts are keysets over several columns ending in the id: a row
inserted meanwhile never shifts a page, and no OFFSET is ever used, so page N costs what page 1 does."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import and_, false, or_

from app.core.config import Settings
from app.core.errors import BadRequest

T = TypeVar("T")


# what a next_cursor looks like: a base64url JSON payload and its truncated HMAC, dot-separated
EXAMPLE_CURSOR = "eyJyIjoiYWN0b3JzOm5hbWUiLCJrIjpbIkF6ZXJiYWlqYW4iLDNdfQ.kX2m9Qv7Lr0bT1cWzYp4hA"


def _page_schema_extra(schema: dict[str, Any], cls: type[Any]) -> None:
    """Describe each ``Page[Item]`` and give it an example built from ``Item``'s own example."""
    args = getattr(cls, "__pydantic_generic_metadata__", {}).get("args", ())
    item = args[0] if args else None
    extra = getattr(item, "model_config", {}).get("json_schema_extra")
    example = extra.get("example") if isinstance(extra, dict) else None
    name = getattr(item, "__name__", "item")
    schema["description"] = f"One page of {name} items. Follow ``next_cursor`` until it is null."
    schema["example"] = {"items": [example] if example is not None else [], "next_cursor": EXAMPLE_CURSOR}


class Page(BaseModel, Generic[T]):
    """One page of a list. Follow ``next_cursor`` until it is null."""

    model_config = ConfigDict(json_schema_extra=_page_schema_extra)

    items: list[T] = Field(description="the items of this page, in the requested sort order")
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
    try:
        data = json.loads(payload)
    except ValueError as exc:
        raise BadRequest("cursor is malformed; use next_cursor exactly as returned") from exc
    if not isinstance(data, dict) or data.get("r") != resource or not isinstance(data.get("k"), list):
        raise BadRequest(f"cursor does not belong to {resource}")
    return list(data["k"])


@dataclass(frozen=True, slots=True)
class PageRequest:
    limit: int
    cursor: str | None
    secret: str
    # digest of the request's filters: a cursor only continues the query that made it
    filters: str = ""
    # whether the client asked for a page size (exports stream everything unless it did)
    explicit_limit: bool = True

    def _scope(self, resource: str) -> str:
        return f"{resource}?{self.filters}" if self.filters else resource

    def after(self, resource: str) -> list[Any] | None:
        """The sort key to continue after, or None for the first page."""
        return decode_cursor(self.secret, self._scope(resource), self.cursor) if self.cursor else None

    def cursor_for(self, resource: str, key: list[Any]) -> str:
        return encode_cursor(self.secret, self._scope(resource), key)

    def page(self, resource: str, rows: list[T], key_of: Any) -> tuple[list[T], str | None]:
        """Cut the ``limit + 1`` rows fetched into a page and the cursor of the next one."""
        if len(rows) <= self.limit:
            return rows, None
        rows = rows[: self.limit]
        return rows, self.cursor_for(resource, key_of(rows[-1]))


async def page_params(
    request: Request,
    limit: Annotated[
        int | None, Query(ge=1, description="items per page (default 50, at most the server's cap, 500)")
    ] = None,
    cursor: Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page")] = None,
) -> PageRequest:
    settings: Settings = request.app.state.settings
    chosen = settings.page_default_limit if limit is None else min(limit, settings.page_max_limit)
    return PageRequest(
        limit=chosen,
        cursor=cursor or None,
        secret=settings.cursor_secret,
        filters=filters_digest(request),
        explicit_limit=limit is not None,
    )


# Parameters that move through a result or change its encoding, not which rows it holds.
_NOT_FILTERS = frozenset({"cursor", "limit", "format", "since"})


def filters_digest(request: Request) -> str:
    """A short digest of the query's filters and sort, signed into cursors."""
    items = sorted((k, v) for k, v in request.query_params.multi_items() if k not in _NOT_FILTERS)
    if not items:
        return ""
    return hashlib.sha256(json.dumps(items).encode()).hexdigest()[:16]


PageParams = Annotated[PageRequest, Depends(page_params)]


def encode_key_value(value: Any) -> Any:
    """JSON form of one sort-key value (dates and datetimes as ISO strings)."""
    return value.isoformat() if isinstance(value, (date, datetime)) else value


@dataclass(frozen=True, slots=True)
class SortColumn:
    """One column of a keyset sort. ``nullable`` columns sort their NULLs last in both directions on
    both databases, so that the keyset condition below can be written once."""

    expr: Any
    descending: bool = False
    nullable: bool = False
    parse: Callable[[Any], Any] = lambda value: value

    def order(self) -> Any:
        clause = self.expr.desc() if self.descending else self.expr.asc()
        return clause.nulls_last() if self.nullable else clause

    def after(self, value: Any) -> Any:
        """Rows strictly after ``value`` in this column's order."""
        if value is None:  # NULLs come last: nothing follows them in this column
            return false()
        beyond = self.expr < value if self.descending else self.expr > value
        return or_(beyond, self.expr.is_(None)) if self.nullable else beyond

    def equal(self, value: Any) -> Any:
        return self.expr.is_(None) if value is None else self.expr == value


@dataclass(frozen=True, slots=True)
class Ordering:
    """A named sort (``-published_at``) as columns ending in a unique one (the id), so that the
    keyset (last row's values) names one position even when many rows share a value."""

    name: str
    columns: tuple[SortColumn, ...]

    def order_by(self) -> list[Any]:
        return [c.order() for c in self.columns]

    def after(self, key: list[Any]) -> Any:
        """WHERE clause for rows after ``key``: (c1 > v1) OR (c1 = v1 AND c2 > v2) OR ..."""
        if len(key) != len(self.columns):
            raise BadRequest("cursor does not match this sort")
        try:
            values = [c.parse(v) if v is not None else None for c, v in zip(self.columns, key, strict=True)]
        except (TypeError, ValueError) as exc:
            raise BadRequest("cursor does not match this sort") from exc
        branches = []
        for i, column in enumerate(self.columns):
            same = [self.columns[j].equal(values[j]) for j in range(i)]
            branches.append(and_(*same, column.after(values[i])))
        return or_(*branches)

    def select(self, query: Any) -> Any:
        """``query`` with the sort columns added, so that each row carries its own key."""
        return query.add_columns(*[c.expr for c in self.columns]).order_by(*self.order_by())

    def batches(self, session: Any, query: Any, after: list[Any] | None, size: int) -> Iterator[list[Any]]:
        """Every row of ``query`` after ``after``, fetched ``size`` at a time by keyset (no OFFSET),
        so that an export of millions of rows holds one batch in memory at a time."""
        key = after
        while True:
            batch = self.fetch(session, query, key, size)
            if not batch:
                return
            yield [row[0] for row in batch]
            if len(batch) < size:
                return
            key = self.key_of(batch[-1])

    def fetch(self, session: Any, query: Any, after: list[Any] | None, size: int) -> list[Any]:
        statement = self.select(query)
        if after is not None:
            statement = statement.where(self.after(after))
        return list(session.execute(statement.limit(size)).all())

    def key_of(self, row: Any) -> list[Any]:
        return [encode_key_value(v) for v in tuple(row)[1:]]


def parse_datetime(value: Any) -> datetime:
    return datetime.fromisoformat(str(value))


def parse_date(value: Any) -> date:
    return date.fromisoformat(str(value))


def parse_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("not a number")
    return value


def parse_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("not an integer")
    return value


def parse_text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not a string")
    return value


def keyset_page(
    session: Any, query: Any, ordering: Ordering, page: PageRequest, resource: str
) -> tuple[list[Any], str | None]:
    """One page of ``query`` in ``ordering``, and the cursor of the next (signed with the sort)."""
    scope = f"{resource}:{ordering.name}"
    rows = ordering.fetch(session, query, page.after(scope), page.limit + 1)
    if len(rows) <= page.limit:
        return [row[0] for row in rows], None
    rows = rows[: page.limit]
    return [row[0] for row in rows], page.cursor_for(scope, ordering.key_of(rows[-1]))
