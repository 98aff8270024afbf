"""Article metadata carried into provenance (source, date, URL), loaded once per page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from app.models import Article


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    source: str | None
    published_at: datetime | None
    url: str | None


def article_meta(session: Session, article_ids: Iterable[int]) -> dict[int, ArticleMeta]:
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    rows = session.exec(
        select(Article.id, Article.source, Article.published_at, Article.url).where(col(Article.id).in_(ids))
    )
    return {i: ArticleMeta(source, published, url) for i, source, published, url in rows if i is not None}


NO_META = ArticleMeta(None, None, None)
