from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from app.articles import service
from app.articles.annotations import spans_of
from app.articles.schemas import ArticleCreate, ArticleDetail, ArticlePublic, ArticleSummary
from app.articles.service import ArticleFilters, ArticleSort
from app.core.db import MAX_ID
from app.core.deps import AdminKey, DatabaseDep, IngestKey, ReadKey, ReadSession, SettingsDep, WriteSession
from app.core.pagination import Page, PageParams
from app.core.responses import json_response
from app.core.schema_docs import enum_examples
from app.exports.formats import EXPORT_RESPONSES, FormatParam, ResponseFormat, keyset_export, stream_items
from app.figures.filters import ActorParam, as_datetime

router = APIRouter(prefix="/articles", tags=["articles"])


@router.post(
    "",
    response_model=ArticlePublic,
    status_code=status.HTTP_201_CREATED,
    responses={200: {"model": ArticlePublic, "description": "already stored: the stored article"}},
)
def ingest_article(
    body: ArticleCreate, response: Response, db: DatabaseDep, settings: SettingsDep, _key: IngestKey
) -> ArticlePublic:
    """Ingest an article: extract actors, statements and figures, and store it all at once."""
    article, created = service.ingest(db, body, settings.max_text_chars)
    if not created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/api/v1/articles/{article.id}"
    return article


async def article_filters(
    source: Annotated[str | None, Query(max_length=500, description="only articles from this source")] = None,
    published_from: Annotated[datetime | date | None, Query(description="published on or after")] = None,
    published_to: Annotated[datetime | date | None, Query(description="published on or before")] = None,
    q: Annotated[
        str | None, Query(max_length=500, description="full-text: every word in the title or text (stemmed)")
    ] = None,
    actor: Annotated[str | None, Query(max_length=300, description=f"articles naming this actor: {ActorParam}")] = None,
) -> ArticleFilters:
    return ArticleFilters(
        source=source,
        published_from=as_datetime(published_from),
        published_to=as_datetime(published_to, end_of_day=True),
        q=q,
        actor=actor,
    )


@router.get("", response_model=Page[ArticleSummary], responses=EXPORT_RESPONSES)
def list_articles(
    session: ReadSession,
    db: DatabaseDep,
    _key: ReadKey,
    page: PageParams,
    fmt: FormatParam,
    filters: Annotated[ArticleFilters, Depends(article_filters)],
    sort: Annotated[ArticleSort, Query(description="sort key; `-` for descending; ties broken by id")] = ArticleSort.id,
) -> Page[ArticleSummary] | Response:
    """List stored articles (metadata and counts, without text), filtered and sorted (oldest id first)."""
    if fmt is not ResponseFormat.json:
        ordering, query = service.export_plan(session, filters, sort)
        produce = keyset_export(ordering, query, page, "articles", service.summaries)
        return stream_items(db, fmt, ArticleSummary, produce, "articles")
    items, cursor = service.list_articles(session, page, filters, sort)
    return json_response(Page[ArticleSummary](items=items, next_cursor=cursor))


# exclude_unset: without include=annotations the answer is exactly the stored article, no null field added
@router.get(
    "/{article_id}",
    response_model=ArticleDetail,
    response_model_exclude_unset=True,
    responses={404: {"description": "no such article"}},
)
def get_article(
    session: ReadSession,
    _key: ReadKey,
    article_id: Annotated[int, Path(ge=1, le=MAX_ID, description="the article's id")],
    include: Annotated[
        Include | None, Query(description="`annotations`: add every extracted span (mentions, statements, figures)")
    ] = None,
) -> ArticleDetail:
    """One article with its text, metadata and extraction counts; spans too with include=annotations."""
    article = service.get_article(session, article_id)
    if include is Include.annotations:
        return ArticleDetail(**article.model_dump(), annotations=spans_of(session, article_id))
    return ArticleDetail(**article.model_dump())


@router.delete("/{article_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_article(
    session: WriteSession,
    _key: AdminKey,
    article_id: Annotated[int, Path(ge=1, le=MAX_ID, description="the article's id")],
) -> Response:
    """Delete an article and everything extracted from it (admin key)."""
    service.delete_article(session, article_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


class Include(StrEnum):
    """Optional parts to add to an article: ``annotations`` adds every extracted span."""

    __get_pydantic_json_schema__ = enum_examples("annotations")

    annotations = "annotations"
