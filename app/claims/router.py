from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel
from sqlmodel import Session

from app.claims import service
from app.claims.grouping import __doc__ as GROUPING_RULE
from app.claims.schemas import ClaimPage, ClaimPublic, ClaimRow
from app.core.deps import DatabaseDep, ReadKey, ReadSession
from app.core.pagination import PageParams, PageRequest
from app.core.responses import json_response
from app.exports.formats import EXPORT_RESPONSES, FormatParam, ResponseFormat, stream_items
from app.figures.filters import FigureFiltersDep

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get("", response_model=ClaimPage, responses=EXPORT_RESPONSES, description=GROUPING_RULE)
def list_claims(
    session: ReadSession,
    db: DatabaseDep,
    _key: ReadKey,
    page: PageParams,
    filters: FigureFiltersDep,
    fmt: FormatParam,
    contested: Annotated[bool | None, Query(description="only contested (true) or uncontested (false) claims")] = None,
) -> ClaimPage | Response:
    """Figures grouped into claims across articles and claimants, each saying whether claimants disagree."""
    if fmt is ResponseFormat.json:
        return json_response(service.list_claims(session, page, filters, contested))
    page.after(service.RESOURCE)  # a bad cursor must answer 400 before the stream starts

    def produce(export_session: Session) -> Iterator[Sequence[BaseModel]]:
        # every page in turn, each of up to ``limit`` claims
        cursor = page.cursor
        while True:
            request = PageRequest(limit=page.limit, cursor=cursor, secret=page.secret, filters=page.filters)
            found = service.list_claims(export_session, request, filters, contested)
            yield found.items if fmt is ResponseFormat.ndjson else service.rows_of(found.items)
            if found.next_cursor is None:
                return
            cursor = found.next_cursor

    model: type[BaseModel] = ClaimPublic if fmt is ResponseFormat.ndjson else ClaimRow
    return stream_items(db, fmt, model, produce, "claims")
