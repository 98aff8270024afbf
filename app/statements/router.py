from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.core.deps import ReadKey, ReadSession
from app.core.pagination import Page, PageParams
from app.statements import service
from app.statements.schemas import StatementPublic

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get("", response_model=Page[StatementPublic])
def list_statements(
    session: ReadSession,
    _key: ReadKey,
    page: PageParams,
    article_id: Annotated[int | None, Query(ge=1, description="only statements of this article")] = None,
) -> Page[StatementPublic]:
    """List statements (quotes and reported speech) with their speakers and provenance."""
    items, cursor = service.list_statements(session, page, article_id=article_id)
    return Page(items=items, next_cursor=cursor)


@router.get("/{statement_id}", response_model=StatementPublic)
def get_statement(
    session: ReadSession, _key: ReadKey, statement_id: Annotated[int, Path(ge=1)]
) -> StatementPublic:
    """One statement with its speaker and provenance."""
    return service.get_statement(session, statement_id)
