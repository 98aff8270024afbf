from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from app.core.db import MAX_ID
from app.core.deps import DatabaseDep, ReadKey, ReadSession
from app.core.pagination import Page, PageParams
from app.core.responses import json_response
from app.exports.formats import EXPORT_RESPONSES, FormatParam, ResponseFormat, keyset_export, stream_items
from app.figures import service
from app.figures.filters import FigureFiltersDep
from app.figures.schemas import FigurePublic
from app.figures.service import RESOURCE, FigureSort
from app.figures.summary import Interval, Summary, SummaryRow, parse_group_by, summarize

router = APIRouter(prefix="/figures", tags=["figures"])

SortParam = Annotated[FigureSort, Query(description="sort key; `-` for descending; ties broken by id")]


@router.get("", response_model=Page[FigurePublic], responses=EXPORT_RESPONSES)
def list_figures(
    session: ReadSession,
    db: DatabaseDep,
    _key: ReadKey,
    page: PageParams,
    filters: FigureFiltersDep,
    fmt: FormatParam,
    sort: SortParam = FigureSort.id,
) -> Page[FigurePublic] | Response:
    """List reported figures with category, subject, claimant and provenance, filtered and sorted."""
    if fmt is not ResponseFormat.json:
        ordering, query = service.export_plan(filters, sort)
        produce = keyset_export(ordering, query, page, RESOURCE, service.to_public)
        return stream_items(db, fmt, FigurePublic, produce, "figures")
    items, cursor = service.list_figures(session, page, filters, sort)
    return json_response(Page[FigurePublic](items=items, next_cursor=cursor))


@router.get(
    "/summary",
    response_model=Summary,
    responses={
        200: {
            "description": "aggregates; `format=csv` or `Accept: text/csv` for CSV",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        },
        400: {"description": "an unknown group_by key"},
    },
)
def summarize_figures(
    session: ReadSession,
    db: DatabaseDep,
    _key: ReadKey,
    filters: FigureFiltersDep,
    fmt: FormatParam,
    group_by: Annotated[
        str | None, Query(max_length=100, description="comma-separated: category, claimant, subject, source")
    ] = None,
    interval: Annotated[
        Interval | None,
        Query(description="time bucket: by the figure's period when known, else the article's publication date"),
    ] = None,
) -> Summary | Response:
    """Count, sum, min and max of figure values per group and time bucket, with the filters of /figures."""
    summary = summarize(session, filters, parse_group_by(group_by), interval)
    if fmt is ResponseFormat.json:
        return json_response(summary)
    rows: list[SummaryRow] = summary.items
    return stream_items(db, fmt, SummaryRow, lambda _session: iter([rows]), "figures-summary")


@router.get("/{figure_id}", response_model=FigurePublic, responses={404: {"description": "no such figure"}})
def get_figure(
    session: ReadSession, _key: ReadKey, figure_id: Annotated[int, Path(ge=1, le=MAX_ID, description="the figure's id")]
) -> FigurePublic:
    """One figure with its claimant, subject and provenance."""
    return service.get_figure(session, figure_id)
