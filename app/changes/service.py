"""The change feed: one row per article ingested, re-extracted or deleted, in commit order."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session, col, select

from app.changes.schemas import ChangePage, ChangePublic
from app.core.db import insert_many
from app.core.pagination import PageRequest
from app.models import ArticleChange

# Any constant shared by every writer: the advisory lock that orders change ids (see record).
_FEED_LOCK = 0x636866  # "chf"
RESOURCE = "changes"


def record(session: Session, article_id: int, kind: str, extractor_version: str | None) -> None:
    record_many(session, [(article_id, kind, extractor_version)])


def record_many(session: Session, entries: list[tuple[int, str, str | None]]) -> None:
    """Append changes (article id, kind, extractor version) in the caller's transaction.

    A reader following the feed by id must never see id 8 committed before id 7 (it would skip 7
    for good). SQLite has one writer at a time, so ids commit in order. On PostgreSQL, sequence
    values are handed out before commit, so writers take a transaction-scoped advisory lock before
    drawing the id: the lock is held until commit, so ids are drawn and committed in one order.
    The lock is taken last in the transaction, so ingests still extract and write in parallel."""
    if not entries:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _FEED_LOCK})
    rows = [{"article_id": a, "kind": k, "extractor_version": v} for a, k, v in entries]
    insert_many(session, ArticleChange.__table__, rows, returning=False)  # type: ignore[attr-defined]


def list_changes(session: Session, page: PageRequest, since: str | None) -> ChangePage:
    # ``since`` and ``cursor`` are the same kind of token: the position after a change
    token = since or page.cursor
    after = PageRequest(limit=page.limit, cursor=token, secret=page.secret).after(RESOURCE) if token else None
    query = select(ArticleChange).order_by(col(ArticleChange.id)).limit(page.limit + 1)
    if after:
        query = query.where(col(ArticleChange.id) > _last_id(after))
    rows = list(session.exec(query).all())
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    last = rows[-1].id if rows else (_last_id(after) if after else 0)
    resume = PageRequest(limit=page.limit, cursor=None, secret=page.secret).cursor_for(RESOURCE, [last])
    items = [
        ChangePublic(
            id=r.id or 0,
            article_id=r.article_id,
            kind=r.kind,
            extractor_version=r.extractor_version,
            changed_at=r.changed_at,
        )
        for r in rows
    ]
    return ChangePage(items=items, next_cursor=resume if more else None, since=resume)


def _last_id(key: list[object]) -> int:
    value = key[0] if key else 0
    return value if isinstance(value, int) else 0
