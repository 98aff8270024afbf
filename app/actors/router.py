from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.actors import service
from app.actors.schemas import ActorPublic
from app.core.deps import ReadKey, ReadSession
from app.core.pagination import Page, PageParams

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", response_model=Page[ActorPublic])
def list_actors(
    session: ReadSession,
    _key: ReadKey,
    page: PageParams,
    article_id: Annotated[int | None, Query(ge=1, description="only actors mentioned in this article")] = None,
) -> Page[ActorPublic]:
    """List actors (people, states, organisations, armed groups), with their aliases."""
    items, cursor = service.list_actors(session, page, article_id=article_id)
    return Page(items=items, next_cursor=cursor)


@router.get("/{actor_id}", response_model=ActorPublic)
def get_actor(session: ReadSession, _key: ReadKey, actor_id: Annotated[int, Path(ge=1)]) -> ActorPublic:
    """One actor with its aliases, type, country and affiliation."""
    return service.get_actor(session, actor_id)
