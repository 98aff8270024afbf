from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.core.deps import ReadKey, ReadSession
from app.core.pagination import Page, PageParams
from app.figures import service
from app.figures.schemas import FigurePublic

router = APIRouter(prefix="/figures", tags=["figures"])


@router.get("", response_model=Page[FigurePublic])
def list_figures(
    session: ReadSession,
    _key: ReadKey,
    page: PageParams,
    article_id: Annotated[int | None, Query(ge=1, description="only figures of this article")] = None,
) -> Page[FigurePublic]:
    """List reported figures with category, subject, claimant and provenance."""
    items, cursor = service.list_figures(session, page, article_id=article_id)
    return Page(items=items, next_cursor=cursor)


@router.get("/{figure_id}", response_model=FigurePublic)
def get_figure(session: ReadSession, _key: ReadKey, figure_id: Annotated[int, Path(ge=1)]) -> FigurePublic:
    """One figure with its claimant, subject and provenance."""
    return service.get_figure(session, figure_id)
