from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, status
from fastapi.responses import Response

from app.actors import profile, service
from app.actors.schemas import ActorProfile, ActorPublic, AliasCreate, MergeCreate
from app.actors.service import ActorFilters, ActorSort
from app.core.db import MAX_ID
from app.core.deps import AdminKey, DatabaseDep, ReadKey, ReadSession, WriteSession
from app.core.pagination import Page, PageParams
from app.core.responses import json_response
from app.exports.formats import EXPORT_RESPONSES, FormatParam, ResponseFormat, keyset_export, stream_items
from app.extraction.types import ActorType

router = APIRouter(prefix="/actors", tags=["actors"])

ActorId = Annotated[int, Path(ge=1, le=MAX_ID, description="the actor's id")]
ADMIN_ERRORS: dict[int | str, dict[str, str]] = {
    401: {"description": "no API key"},
    403: {"description": "the key is not an admin key"},
    404: {"description": "no such actor"},
    409: {"description": "the change is not possible"},
}


async def actor_filters(
    type: Annotated[ActorType | None, Query(description="actor type")] = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=300, description="name or any alias contains this (case-insensitive)"),
    ] = None,
    country: Annotated[
        str | None,
        Query(min_length=3, max_length=3, description="ISO 3166-1 alpha-3 code of the state it is or belongs to"),
    ] = None,
    article_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="only actors mentioned in this article")
    ] = None,
) -> ActorFilters:
    return ActorFilters(type=type, q=q, country=country, article_id=article_id)


@router.get("", response_model=Page[ActorPublic], responses=EXPORT_RESPONSES)
def list_actors(
    session: ReadSession,
    db: DatabaseDep,
    _key: ReadKey,
    page: PageParams,
    fmt: FormatParam,
    filters: Annotated[ActorFilters, Depends(actor_filters)],
    sort: Annotated[ActorSort, Query(description="sort key; `-` for descending")] = ActorSort.id,
) -> Page[ActorPublic] | Response:
    """List actors (people, states, organisations, armed groups) with their aliases, filtered and sorted."""
    if fmt is not ResponseFormat.json:
        ordering, query = service.export_plan(filters, sort)
        produce = keyset_export(ordering, query, page, "actors", service.to_public)
        return stream_items(db, fmt, ActorPublic, produce, "actors")
    items, cursor = service.list_actors(session, page, filters, sort)
    return json_response(Page[ActorPublic](items=items, next_cursor=cursor))


@router.get("/{actor_id}", response_model=ActorProfile, responses={404: {"description": "no such actor"}})
def get_actor(session: ReadSession, _key: ReadKey, actor_id: ActorId) -> ActorProfile:
    """An actor's page: aliases, type, affiliation, counts per role and the actors it is reported with."""
    return profile.profile(session, actor_id)


@router.post(
    "/{actor_id}/aliases", response_model=ActorProfile, status_code=status.HTTP_201_CREATED, responses=ADMIN_ERRORS
)
def add_alias(session: WriteSession, key: AdminKey, actor_id: ActorId, body: AliasCreate) -> ActorProfile:
    """Add a name this actor answers to (admin key); filters and later ingests resolve it."""
    return profile.add_alias(session, actor_id, body.alias)


@router.post("/{actor_id}/merge", response_model=ActorProfile, responses=ADMIN_ERRORS)
def merge_actor(session: WriteSession, key: AdminKey, actor_id: ActorId, body: MergeCreate) -> ActorProfile:
    """Merge a duplicate actor into this one (admin key): every reference moves, its names become aliases."""
    return profile.merge(session, actor_id, body.merge_id, key.id if key else None)
