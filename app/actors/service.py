"""Actor queries, and aliases added by hand (ingest creates actors in app/ingest/actors.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import false
from sqlmodel import Session, col, or_, select

from app.actors.schemas import ActorPublic, ActorRef, AffiliationRef
from app.core.db import MAX_ID, insert_many
from app.core.errors import NotFound
from app.core.pagination import Ordering, PageRequest, SortColumn, keyset_page, parse_int, parse_text
from app.core.schema_docs import enum_examples
from app.models import Actor, ActorAlias, Mention


def alias_key(name: str) -> str:
    """The form two names must share to be the same alias: case- and space-folded."""
    return " ".join(name.casefold().replace("’", "'").split())


def add_aliases(session: Session, actor: Actor, aliases: Iterable[str]) -> None:
    for alias in {alias_key(a): a for a in aliases if alias_key(a) and alias_key(a) != actor.key}.values():
        insert_many(
            session,
            ActorAlias.__table__,  # type: ignore[attr-defined]
            [{"actor_id": actor.id, "alias": alias[:300], "alias_key": alias_key(alias)[:300]}],
            on_conflict=["actor_id", "alias_key"],
        )


def aliases_of(session: Session, actor_ids: Iterable[int]) -> dict[int, list[str]]:
    ids = sorted(set(actor_ids))
    found: dict[int, list[str]] = defaultdict(list)
    if ids:
        rows = session.exec(
            select(ActorAlias.actor_id, ActorAlias.alias)
            .where(col(ActorAlias.actor_id).in_(ids))
            .order_by(col(ActorAlias.id))
        )
        for actor_id, alias in rows:
            found[actor_id].append(alias)
    return found


def actor_refs(session: Session, actor_ids: Iterable[int | None]) -> dict[int, ActorRef]:
    """ActorRef for each id, loaded in two queries whatever the number of ids."""
    ids = sorted({i for i in actor_ids if i is not None})
    if not ids:
        return {}
    actors = session.exec(select(Actor).where(col(Actor.id).in_(ids))).all()
    aliases = aliases_of(session, ids)
    return {
        a.id: ActorRef(id=a.id, name=a.name, type=a.type, aliases=aliases.get(a.id, []))
        for a in actors
        if a.id is not None
    }


def _public(session: Session, actors: Sequence[Actor]) -> list[ActorPublic]:
    ids = [a.id for a in actors if a.id is not None]
    aliases = aliases_of(session, ids)
    parents = {
        a.id: a.name
        for a in session.exec(
            select(Actor).where(col(Actor.id).in_({a.affiliation_id for a in actors if a.affiliation_id}))
        ).all()
    }
    out = []
    for a in actors:
        assert a.id is not None
        affiliation = None
        if a.affiliation_id is not None and a.affiliation_id in parents:
            affiliation = AffiliationRef(id=a.affiliation_id, name=parents[a.affiliation_id])
        out.append(
            ActorPublic(
                id=a.id,
                name=a.name,
                type=a.type,
                aliases=aliases.get(a.id, []),
                country=a.country,
                affiliation=affiliation,
            )
        )
    return out


class ActorSort(StrEnum):
    """Sort order of actor lists: a field name, descending with a leading ``-``."""

    __get_pydantic_json_schema__ = enum_examples("name")

    id = "id"
    id_desc = "-id"
    name = "name"
    name_desc = "-name"


@dataclass(frozen=True, slots=True)
class ActorFilters:
    """Backed by indexes on actors.type, country, name and key, actor_aliases.alias_key, mentions."""

    type: str | None = None
    q: str | None = None
    country: str | None = None
    article_id: int | None = None

    def apply(self, query: Any) -> Any:
        if self.type:
            query = query.where(Actor.type == self.type)
        if self.country:
            query = query.where(Actor.country == self.country.upper())
        if self.article_id is not None:
            named = select(Mention.actor_id).where(Mention.article_id == self.article_id)
            query = query.where(col(Actor.id).in_(named))
        if self.q:
            # contains, case-folded, on the name and every alias ("azer" finds Azerbaijan and its ministry)
            pattern = "%" + alias_key(self.q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            by_alias = select(ActorAlias.actor_id).where(col(ActorAlias.alias_key).like(pattern, escape="\\"))
            query = query.where(or_(col(Actor.key).like(pattern, escape="\\"), col(Actor.id).in_(by_alias)))
        return query


def _ordering(sort: ActorSort) -> Ordering:
    descending = sort.value.startswith("-")
    actor_id = SortColumn(col(Actor.id), descending, parse=parse_int)
    if sort.value.lstrip("-") == "name":
        return Ordering(sort.value, (SortColumn(col(Actor.name), descending, parse=parse_text), actor_id))
    return Ordering(sort.value, (actor_id,))


def export_plan(filters: ActorFilters, sort: ActorSort) -> tuple[Ordering, Any]:
    return _ordering(sort), filters.apply(select(Actor))


def to_public(session: Session, rows: list[Actor]) -> list[ActorPublic]:
    return _public(session, rows)


def list_actors(
    session: Session, page: PageRequest, filters: ActorFilters, sort: ActorSort = ActorSort.id
) -> tuple[list[ActorPublic], str | None]:
    ordering, query = export_plan(filters, sort)
    rows, cursor = keyset_page(session, query, ordering, page, "actors")
    return _public(session, rows), cursor


def get_actor(session: Session, actor_id: int) -> ActorPublic:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(f"actor {actor_id} does not exist")
    return _public(session, [actor])[0]


def matching_actor_ids(ref: str) -> Any:
    """Ids of the actors ``ref`` names: its canonical name or any alias, case- and space-folded."""
    folded = alias_key(ref)
    by_alias = select(ActorAlias.actor_id).where(ActorAlias.alias_key == folded)
    return select(Actor.id).where(or_(Actor.key == folded.replace("defence", "defense"), col(Actor.id).in_(by_alias)))


def refers_to(column: Any, ref: str) -> Any:
    """WHERE clause: ``column`` holds the actor ``ref`` names, an id ("12") or a name or alias."""
    ref = ref.strip()
    if ref.isdecimal():  # not isdigit(): "¹" is a digit that int() refuses
        return column == int(ref) if int(ref) <= MAX_ID else false()
    return column.in_(matching_actor_ids(ref))
