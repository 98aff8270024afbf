from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from app.articles import service
from app.articles.schemas import ArticleCreate, ArticlePublic, ArticleSummary
from app.core.deps import AdminKey, DatabaseDep, IngestKey, ReadKey, ReadSession, SettingsDep, WriteSession
from app.core.pagination import Page, PageParams

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


@router.get("", response_model=Page[ArticleSummary])
def list_articles(
    session: ReadSession,
    _key: ReadKey,
    page: PageParams,
    source: Annotated[str | None, Query(max_length=500, description="only articles from this source")] = None,
    published_from: Annotated[datetime | date | None, Query(description="published on or after")] = None,
    published_to: Annotated[datetime | date | None, Query(description="published on or before")] = None,
) -> Page[ArticleSummary]:
    """List stored articles (metadata and counts, without text), oldest first."""
    items, cursor = service.list_articles(
        session, page, source=source, published_from=_as_datetime(published_from),
        published_to=_as_datetime(published_to, end_of_day=True),
    )
    return Page(items=items, next_cursor=cursor)


@router.get("/{article_id}", response_model=ArticlePublic)
def get_article(session: ReadSession, _key: ReadKey, article_id: Annotated[int, Path(ge=1)]) -> ArticlePublic:
    """One article with its text, metadata and extraction counts."""
    return service.get_article(session, article_id)


@router.delete("/{article_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_article(session: WriteSession, _key: AdminKey, article_id: Annotated[int, Path(ge=1)]) -> Response:
    """Delete an article and everything extracted from it (admin key)."""
    service.delete_article(session, article_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _as_datetime(value: datetime | date | None, end_of_day: bool = False) -> datetime | None:
    from datetime import UTC, time

    if value is None or isinstance(value, datetime):
        return value.replace(tzinfo=value.tzinfo or UTC) if value else None
    return datetime.combine(value, time.max if end_of_day else time.min, tzinfo=UTC)
