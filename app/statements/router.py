from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from app.core.db import MAX_ID
from app.core.deps import DatabaseDep, ReadKey, ReadSession
from app.core.pagination import Page, PageParams
from app.core.responses import json_response
from app.exports.formats import EXPORT_RESPONSES, FormatParam, ResponseFormat, keyset_export, stream_items
from app.extraction.types import StatementKind
from app.figures.filters import ActorParam, as_datetime
from app.statements import service
from app.statements.schemas import StatementPublic
from app.statements.service import RESOURCE, StatementFilters, StatementSort

router = APIRouter(prefix="/statements", tags=["statements"])


async def statement_filters(
    speaker: Annotated[str | None, Query(max_length=300, description=f"who said it: {ActorParam}")] = None,
    kind: Annotated[StatementKind | None, Query(description="direct, indirect or mixed")] = None,
    cue: Annotated[str | None, Query(max_length=100, description="the cue word as extracted ('said', 'told')")] = None,
    mentions: Annotated[
        str | None, Query(max_length=300, description=f"an actor named in the content: {ActorParam}")
    ] = None,
    q: Annotated[
        str | None, Query(max_length=500, description="full-text: every word in the content (stemmed)")
    ] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="only statements of this article")] = None,
    source: Annotated[str | None, Query(max_length=500, description="only statements from this source")] = None,
    published_from: Annotated[datetime | date | None, Query(description="article published on or after")] = None,
    published_to: Annotated[datetime | date | None, Query(description="article published on or before")] = None,
) -> StatementFilters:
    return StatementFilters(
        speaker=speaker,
        kind=kind,
        cue=cue,
        mentions=mentions,
        q=q,
        article_id=article_id,
        source=source,
        published_from=as_datetime(published_from),
        published_to=as_datetime(published_to, end_of_day=True),
    )


@router.get("", response_model=Page[StatementPublic], responses=EXPORT_RESPONSES)
def list_statements(
    session: ReadSession,
    db: DatabaseDep,
    _key: ReadKey,
    page: PageParams,
    fmt: FormatParam,
    filters: Annotated[StatementFilters, Depends(statement_filters)],
    sort: Annotated[StatementSort, Query(description="sort key; `-` for descending")] = StatementSort.id,
) -> Page[StatementPublic] | Response:
    """List statements (quotes and reported speech) with their speakers and provenance, filtered and sorted."""
    if fmt is not ResponseFormat.json:
        ordering, query = service.export_plan(session, filters, sort)
        produce = keyset_export(ordering, query, page, RESOURCE, service.to_public)
        return stream_items(db, fmt, StatementPublic, produce, "statements")
    items, cursor = service.list_statements(session, page, filters, sort)
    return json_response(Page[StatementPublic](items=items, next_cursor=cursor))


@router.get("/{statement_id}", response_model=StatementPublic, responses={404: {"description": "no such statement"}})
def get_statement(
    session: ReadSession,
    _key: ReadKey,
    statement_id: Annotated[int, Path(ge=1, le=MAX_ID, description="the statement's id")],
) -> StatementPublic:
    """One statement with its speaker and provenance."""
    return service.get_statement(session, statement_id)
