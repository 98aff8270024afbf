"""POST /api/v1/articles:batch: many articles in one request, with one result per article."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from app.bulk import service
from app.bulk.config import get_bulk_settings
from app.bulk.pool import shared_pool
from app.bulk.schemas import BatchResult
from app.core.deps import DatabaseDep, IngestKey, SettingsDep

router = APIRouter(tags=["articles"])

_ARTICLE = {"$ref": "#/components/schemas/ArticleCreate"}
_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"type": "array", "items": _ARTICLE, "minItems": 1}},
        "application/x-ndjson": {"schema": {"type": "string", "description": "one ArticleCreate JSON per line"}},
    },
}


@router.post(
    "/articles:batch",
    response_model=BatchResult,
    openapi_extra={"requestBody": _BODY},
    responses={413: {"description": "more articles than CONFLICT_BULK_MAX_ITEMS, or a body over the byte limit"}},
)
async def ingest_batch(request: Request, db: DatabaseDep, settings: SettingsDep, _key: IngestKey) -> BatchResult:
    """Ingest up to CONFLICT_BULK_MAX_ITEMS (default 100) articles, as a JSON array or NDJSON; answers
    one result per article in request order (created, existing or failed with its reason)."""
    bulk = get_bulk_settings()
    items = service.parse_batch(await request.body(), request.headers.get("content-type", ""), bulk.max_items)
    return await run_in_threadpool(
        service.ingest_many,
        db,
        items,
        shared_pool(),
        max_text_chars=settings.max_text_chars,
        store_batch=bulk.store_batch,
    )
