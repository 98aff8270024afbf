"""Article writes (ingest, delete, re-extract) and reads."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from app.actors.service import refers_to
from app.articles.schemas import ArticleCounts, ArticleCreate, ArticlePublic, ArticleSummary
from app.core.db import Database, insert_many, unit_of_work
from app.core.errors import NotFound, PayloadTooLarge
from app.core.pagination import Ordering, PageRequest, SortColumn, keyset_page, parse_datetime, parse_int
from app.core.schema_docs import enum_examples
from app.extraction import EXTRACTOR_VERSION, extract
from app.extraction.types import ExtractionResult
from app.ingest.service import (
    Extracted,
    article_reextracted,
    article_removing,
    articles_stored,
    clear_extraction,
    store_extraction,
    store_extractions,
)
from app.models import Article, Figure, Mention, Statement
from app.observability.metrics import EXTRACTION
from app.search.fts import article_matches

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
        i: ArticleCounts(
            actors=actors.get(i, 0),
            mentions=mentions.get(i, 0),
            statements=statements.get(i, 0),
            figures=figures.get(i, 0),
        )
        for i in article_ids
    }


def _summary_fields(article: Article, count: ArticleCounts) -> dict[str, object]:
    return {
        "id": article.id,
        "external_id": article.external_id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published_at": article.published_at,
        "language": article.language,
        "content_hash": article.content_hash,
        "ingested_at": article.ingested_at,
        "extractor_version": article.extractor_version,
        "counts": count,
    }


def to_public(session: Session, article: Article) -> ArticlePublic:
    assert article.id is not None
    count = counts(session, [article.id])[article.id]
    return ArticlePublic(text=article.text, **_summary_fields(article, count))


def find_existing(session: Session, body: ArticleCreate) -> Article | None:
    """The stored article that ``body`` would duplicate (same external_id, or same text and source)."""
    return _existing(session, body.external_id, content_hash(body.text, body.source))


def extract_article(body: ArticleCreate, doc: Doc | None = None) -> ExtractionResult:
    """The "extract" half of ingest: CPU only, no database, so it can run in a worker process.
    ``doc``: the text's parse, when the caller parsed many texts in one ``nlp.pipe``."""
    published = body.published_datetime()
    with EXTRACTION.time():
        return extract(body.text, published=published.date() if published else None, title=body.title, doc=doc)


def store_articles(session: Session, batch: Sequence[tuple[ArticleCreate, ExtractionResult]]) -> list[int]:
    """The "store" half of ingest: the article rows, their extractions, their full-text entries and
    their change-feed entries, written in the caller's transaction with a few statements per table
    for the whole batch. Answers the new ids, in the order of ``batch``."""
    if not batch:
        return []
    rows = [
        {
            "external_id": body.external_id,
            "source": body.source,
            "url": body.url,
            "title": body.title,
            "published_at": body.published_datetime(),
            "language": body.language,
            "text": body.text,
            "content_hash": content_hash(body.text, body.source),
            "extractor_version": result.version,
        }
        for body, result in batch
    ]
    ids = insert_many(session, Article.__table__, rows)  # type: ignore[attr-defined]
    store_extractions(
        session,
        [
            Extracted(article_id, body.text, result, body.published_datetime(), body.source)
            for article_id, (body, result) in zip(ids, batch, strict=True)
        ],
    )
    articles_stored(session, [(article_id, result.version) for article_id, (_, result) in zip(ids, batch, strict=True)])
    return ids


def store_article(session: Session, body: ArticleCreate, result: ExtractionResult) -> Article:
    """One article through ``store_articles``; answers its row."""
    (article_id,) = store_articles(session, [(body, result)])
    article = session.get(Article, article_id)
    assert article is not None
    return article


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

    result = extract_article(body)
    try:
        with unit_of_work(db.writer) as session:
            found = _existing(session, body.external_id, digest)
            if found is not None:
                return to_public(session, found), False
            article = store_article(session, body, result)
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
    with EXTRACTION.time():
        result = extract(text, published=published.date() if published else None, title=title)
    with unit_of_work(db.writer) as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFound(f"article {article_id} was deleted meanwhile")
        clear_extraction(session, article_id)
        store_extraction(session, article, result)
        article.extractor_version = result.version
        session.add(article)
        article_reextracted(session, article_id, result.version)
    return result.version


def get_article(session: Session, article_id: int) -> ArticlePublic:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"article {article_id} does not exist")
    return to_public(session, article)


class ArticleSort(StrEnum):
    """Sort order of article lists: a field name, descending with a leading ``-``."""

    __get_pydantic_json_schema__ = enum_examples("-published_at")

    id = "id"
    id_desc = "-id"
    published_at = "published_at"
    published_at_desc = "-published_at"


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    """Backed by indexes on source and published_at, mentions.actor_id and the full-text index."""

    source: str | None = None
    published_from: datetime | None = None
    published_to: datetime | None = None
    q: str | None = None
    actor: str | None = None

    def apply(self, session: Session, query: Any) -> Any:
        if self.source is not None:
            query = query.where(Article.source == self.source)
        if self.published_from is not None:
            query = query.where(col(Article.published_at) >= self.published_from)
        if self.published_to is not None:
            query = query.where(col(Article.published_at) <= self.published_to)
        if self.q:
            query = query.where(article_matches(session, self.q))
        if self.actor:
            named = select(Mention.article_id).where(refers_to(col(Mention.actor_id), self.actor))
            query = query.where(col(Article.id).in_(named))
        return query


def _ordering(sort: ArticleSort) -> Ordering:
    descending = sort.value.startswith("-")
    article_id = SortColumn(col(Article.id), descending, parse=parse_int)
    if sort.value.lstrip("-") == "published_at":
        published = SortColumn(col(Article.published_at), descending, nullable=True, parse=parse_datetime)
        return Ordering(sort.value, (published, article_id))
    return Ordering(sort.value, (article_id,))


def summaries(session: Session, rows: list[Article]) -> list[ArticleSummary]:
    count = counts(session, [a.id for a in rows if a.id is not None])
    return [ArticleSummary(**_summary_fields(a, count[a.id])) for a in rows if a.id is not None]


def export_plan(session: Session, filters: ArticleFilters, sort: ArticleSort) -> tuple[Ordering, Any]:
    return _ordering(sort), filters.apply(session, select(Article))


def list_articles(
    session: Session, page: PageRequest, filters: ArticleFilters, sort: ArticleSort = ArticleSort.id
) -> tuple[list[ArticleSummary], str | None]:
    ordering, query = export_plan(session, filters, sort)
    rows, cursor = keyset_page(session, query, ordering, page, "articles")
    return summaries(session, rows), cursor


def delete_article(session: Session, article_id: int) -> None:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"article {article_id} does not exist")
    clear_extraction(session, article_id)
    article_removing(session, article_id)
    session.delete(article)
    session.flush()


def stale_article_ids(session: Session, version: str = EXTRACTOR_VERSION) -> list[int]:
    ids = session.exec(select(Article.id).where(Article.extractor_version != version).order_by(col(Article.id)))
    return [i for i in ids.all() if i is not None]
