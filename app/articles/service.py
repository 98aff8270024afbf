"""Article writes (ingest, delete, re-extract) and reads."""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from app.articles.schemas import ArticleCounts, ArticleCreate, ArticlePublic, ArticleSummary
from app.core.db import Database, unit_of_work
from app.core.errors import NotFound, PayloadTooLarge
from app.core.pagination import PageRequest
from app.extraction import EXTRACTOR_VERSION, extract
from app.ingest.service import clear_extraction, store_extraction
from app.models import Article, Figure, Mention, Statement

log = logging.getLogger("app.articles")


def content_hash(text: str, source: str | None) -> str:
    return hashlib.sha256(((source or "") + "\x00" + text).encode("utf-8")).hexdigest()


def _existing(session: Session, external_id: str | None, digest: str) -> Article | None:
    conditions = [Article.content_hash == digest]
    if external_id:
        conditions.append(Article.external_id == external_id)
    return session.exec(select(Article).where(or_(*conditions)).order_by(col(Article.id))).first()


def counts(session: Session, article_ids: list[int]) -> dict[int, ArticleCounts]:
    def per(column: object, model: object, distinct: bool = False) -> dict[int, int]:
        what = func.count(func.distinct(column)) if distinct else func.count()
        rows = session.exec(
            select(model.article_id, what)  # type: ignore[attr-defined]
            .where(col(model.article_id).in_(article_ids))  # type: ignore[attr-defined]
            .group_by(model.article_id)  # type: ignore[attr-defined]
        )
        return dict(rows.all())

    actors = per(Mention.actor_id, Mention, distinct=True)
    mentions = per(Mention.id, Mention)
    statements = per(Statement.id, Statement)
    figures = per(Figure.id, Figure)
    return {
        i: ArticleCounts(actors=actors.get(i, 0), mentions=mentions.get(i, 0), statements=statements.get(i, 0),
                         figures=figures.get(i, 0))
        for i in article_ids
    }


def _summary_fields(article: Article, count: ArticleCounts) -> dict[str, object]:
    return {
        "id": article.id, "external_id": article.external_id, "title": article.title, "url": article.url,
        "source": article.source, "published_at": article.published_at, "language": article.language,
        "content_hash": article.content_hash, "ingested_at": article.ingested_at,
        "extractor_version": article.extractor_version, "counts": count,
    }


def to_public(session: Session, article: Article) -> ArticlePublic:
    assert article.id is not None
    count = counts(session, [article.id])[article.id]
    return ArticlePublic(text=article.text, **_summary_fields(article, count))  # type: ignore[arg-type]


def ingest(db: Database, body: ArticleCreate, max_text_chars: int) -> tuple[ArticlePublic, bool]:
    """Store an article and everything extracted from it in one transaction.

    Answers (article, created). An article already stored under the same external_id, or with the
    same text from the same source, is answered as it is, with created False."""
    if len(body.text) > max_text_chars:
        raise PayloadTooLarge(f"text has {len(body.text)} characters; the limit is {max_text_chars}")
    digest = content_hash(body.text, body.source)
    with Session(db.reader) as session:
        found = _existing(session, body.external_id, digest)
        if found is not None:
            return to_public(session, found), False

    published = body.published_datetime()
    result = extract(body.text, published=published.date() if published else None, title=body.title)
    try:
        with unit_of_work(db.writer) as session:
            found = _existing(session, body.external_id, digest)
            if found is not None:
                return to_public(session, found), False
            article = Article(
                external_id=body.external_id, source=body.source, url=body.url, title=body.title,
                published_at=published, language=body.language, text=body.text, content_hash=digest,
                extractor_version=result.version,
            )
            session.add(article)
            session.flush()
            assert article.id is not None
            store_extraction(session, article.id, body.text, result)
            public = to_public(session, article)
        return public, True
    except IntegrityError:
        # a concurrent ingest of the same article committed first: answer its row
        with Session(db.reader) as session:
            found = _existing(session, body.external_id, digest)
            if found is None:
                raise
            return to_public(session, found), False


def reextract(db: Database, article_id: int) -> str:
    """Run the current pipeline again on a stored article, replacing its extractions atomically."""
    with Session(db.reader) as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFound(f"article {article_id} does not exist")
        text, published, title = article.text, article.published_at, article.title
    result = extract(text, published=published.date() if published else None, title=title)
    with unit_of_work(db.writer) as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFound(f"article {article_id} was deleted meanwhile")
        clear_extraction(session, article_id)
        store_extraction(session, article_id, text, result)
        article.extractor_version = result.version
        session.add(article)
    return result.version


def get_article(session: Session, article_id: int) -> ArticlePublic:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"article {article_id} does not exist")
    return to_public(session, article)


def list_articles(
    session: Session, page: PageRequest, *, source: str | None, published_from: datetime | None,
    published_to: datetime | None,
) -> tuple[list[ArticleSummary], str | None]:
    query = select(Article)
    if source is not None:
        query = query.where(Article.source == source)
    if published_from is not None:
        query = query.where(col(Article.published_at) >= published_from)
    if published_to is not None:
        query = query.where(col(Article.published_at) <= published_to)
    after = page.after("articles")
    if after:
        query = query.where(col(Article.id) > int(after[0]))
    rows = list(session.exec(query.order_by(col(Article.id)).limit(page.limit + 1)).all())
    rows, cursor = page.page("articles", rows, lambda a: [a.id])
    count = counts(session, [a.id for a in rows if a.id is not None])
    items = [ArticleSummary(**_summary_fields(a, count[a.id])) for a in rows if a.id is not None]  # type: ignore[arg-type]
    return items, cursor


def delete_article(session: Session, article_id: int) -> None:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"article {article_id} does not exist")
    clear_extraction(session, article_id)
    session.delete(article)
    session.flush()


def stale_article_ids(session: Session, version: str = EXTRACTOR_VERSION) -> list[int]:
    ids = session.exec(select(Article.id).where(Article.extractor_version != version).order_by(col(Article.id)))
    return [i for i in ids.all() if i is not None]
