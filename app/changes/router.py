from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.changes import service
from app.changes.schemas import ChangePage
from app.core.deps import ReadKey, ReadSession
from app.core.pagination import PageParams

router = APIRouter(prefix="/changes", tags=["changes"])


@router.get("", response_model=ChangePage, responses={400: {"description": "a tampered or foreign cursor"}})
def list_changes(
    session: ReadSession,
    _key: ReadKey,
    page: PageParams,
    since: Annotated[
        str | None,
        Query(
            max_length=2000,
            description="`since` (or `next_cursor`) of an earlier answer; omit to start from the first change",
        ),
    ] = None,
) -> ChangePage:
    """Articles ingested, re-extracted or deleted since a cursor, in commit order, for incremental sync."""
    return service.list_changes(session, page, since)
