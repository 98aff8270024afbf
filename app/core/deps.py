"""Request dependencies, declared once as Annotated aliases so route signatures read as docs."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from sqlmodel import Session, select

from app.core.config import Settings
from app.core.db import Database
from app.core.errors import Forbidden, TooManyRequests, Unauthorized
from app.core.ratelimit import RateLimiter, make_rate_limiter
from app.core.security import hash_key, same_hash, scope_allows
from app.models import ApiKey


# Dependencies that only read the request are ``async def``: FastAPI runs a plain ``def`` dependency
# in the thread pool, a thread hop per dependency per request (a list request had eight).
async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]


def read_session(db: DatabaseDep) -> Iterator[Session]:
    with Session(db.reader) as session:
        yield session


def write_session(db: DatabaseDep) -> Iterator[Session]:
    """Commits when the route returns, rolls back when it raises."""
    with Session(db.writer, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


ReadSession = Annotated[Session, Depends(read_session)]
WriteSession = Annotated[Session, Depends(write_session)]

_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="an API key")


def _key_row(db: Database, key: str | None) -> ApiKey | None:
    if not key:
        return None
    digest = hash_key(key)
    with Session(db.reader) as session:
        row = session.exec(select(ApiKey).where(ApiKey.key_hash == digest)).first()
    if row is None or row.revoked_at is not None or not same_hash(row.key_hash, digest):
        return None
    return row


_limiter_lock = threading.Lock()


def _rate_limiter(request: Request, settings: Settings) -> RateLimiter:
    # Built on first use so that the app factory needs no change; one per app (per process).
    limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
    if limiter is None:
        with _limiter_lock:
            limiter = getattr(request.app.state, "rate_limiter", None)
            if limiter is None:
                limiter = make_rate_limiter(settings.redis_url, settings.rate_limit_window_seconds)
                request.app.state.rate_limiter = limiter
    return limiter


def _enforce_rate_limit(request: Request, settings: Settings, key_id: int | None) -> None:
    """429 with Retry-After once a key (or, without a key, a client address) is over its budget."""
    if key_id is not None:
        identity, limit = f"key:{key_id}", settings.rate_limit_requests
    else:
        address = request.client.host if request.client else "-"
        identity, limit = f"addr:{address}", settings.rate_limit_anonymous_requests
    if limit <= 0:
        return
    wait = _rate_limiter(request, settings).hit(identity, limit)
    if wait is not None:
        raise TooManyRequests(
            f"rate limit of {limit} requests per {settings.rate_limit_window_seconds} s reached; retry in {wait} s",
            retry_after=wait,
        )


def require_scope(scope: str, *, unless_open_reads: bool = False) -> Callable[..., ApiKey | None]:
    """A dependency that lets a request in only with a key of ``scope`` or a wider one, within the
    key's rate limit. Open reads (no key required) are limited per client address instead."""

    def check(
        request: Request,
        db: DatabaseDep,
        settings: SettingsDep,
        key: Annotated[str | None, Security(_api_key_header)] = None,
    ) -> ApiKey | None:
        if unless_open_reads and not settings.require_read_key:
            _enforce_rate_limit(request, settings, None)
            return None
        if not key:
            raise Unauthorized("this request needs an X-API-Key header")
        row = _key_row(db, key)
        if row is None:
            raise Unauthorized("the API key is unknown or revoked")
        if not scope_allows(row.scope, scope):
            raise Forbidden(f"this API key has scope {row.scope!r}; this request needs {scope!r}")
        request.state.api_key_id = row.id
        _enforce_rate_limit(request, settings, row.id)
        return row

    return check


ReadKey = Annotated[ApiKey | None, Depends(require_scope("read", unless_open_reads=True))]
IngestKey = Annotated[ApiKey | None, Depends(require_scope("ingest"))]
AdminKey = Annotated[ApiKey | None, Depends(require_scope("admin"))]
