"""Article metadata carried into provenance (source, date, URL), loaded once per page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlmodel import Session, col, select

from app.articles.schemas import Provenance
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


class SpanRow(Protocol):
    """A stored statement or figure: where it stands in its article."""

    article_id: int
    char_start: int
    char_end: int
    sentence: str
    sentence_start: int
    sentence_end: int


def provenance(row: SpanRow, text: str, meta: ArticleMeta) -> Provenance:
    """The provenance object of a stored statement or figure (``text`` is its span)."""
    return Provenance(
        article_id=row.article_id,
        start=row.char_start,
        end=row.char_end,
        text=text,
        sentence=row.sentence,
        sentence_start=row.sentence_start,
        sentence_end=row.sentence_end,
        source=meta.source,
        published_at=meta.published_at,
        url=meta.url,
    )
