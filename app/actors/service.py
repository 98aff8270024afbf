"""Actor queries and the get-or-create that makes one actor row per identity across articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app.actors.schemas import ActorPublic, ActorRef, AffiliationRef
from app.core.errors import NotFound
from app.core.pagination import PageRequest
from app.models import Actor, ActorAlias, Mention


def alias_key(name: str) -> str:
    """The form two names must share to be the same alias: case- and space-folded."""
    return " ".join(name.casefold().replace("’", "'").split())


def _insert_ignore(session: Session, table: Table, values: dict[str, object], conflict: list[str]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING on either database, so that two concurrent ingests naming
    the same new actor both succeed and share one row."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(table).values(**values).on_conflict_do_nothing(index_elements=conflict))


def get_or_create_actor(
    session: Session,
    *,
    key: str,
    name: str,
    type: str,
    country: str | None,
    affiliation_id: int | None,
    aliases: Iterable[str],
) -> int:
    _insert_ignore(
        session,
        Actor.__table__,  # type: ignore[arg-type]
        {"key": key, "name": name, "type": type, "country": country, "affiliation_id": affiliation_id},
        ["key"],
    )
    actor = session.exec(select(Actor).where(Actor.key == key)).one()
    assert actor.id is not None
    if actor.affiliation_id is None and affiliation_id is not None and affiliation_id != actor.id:
        actor.affiliation_id = affiliation_id
    if actor.country is None and country is not None:
        actor.country = country
    for alias in {alias_key(a): a for a in aliases if alias_key(a) and alias_key(a) != key}.values():
        _insert_ignore(
            session,
            ActorAlias.__table__,  # type: ignore[arg-type]
            {"actor_id": actor.id, "alias": alias[:300], "alias_key": alias_key(alias)[:300]},
            ["actor_id", "alias_key"],
        )
    return actor.id


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
    parents = {a.id: a.name for a in session.exec(select(Actor).where(
        col(Actor.id).in_({a.affiliation_id for a in actors if a.affiliation_id}))).all()}
    out = []
    for a in actors:
        assert a.id is not None
        affiliation = None
        if a.affiliation_id is not None and a.affiliation_id in parents:
            affiliation = AffiliationRef(id=a.affiliation_id, name=parents[a.affiliation_id])
        out.append(ActorPublic(id=a.id, name=a.name, type=a.type, aliases=aliases.get(a.id, []),
                               country=a.country, affiliation=affiliation))
    return out


def list_actors(
    session: Session, page: PageRequest, *, article_id: int | None
) -> tuple[list[ActorPublic], str | None]:
    query = select(Actor)
    if article_id is not None:
        query = query.where(col(Actor.id).in_(select(Mention.actor_id).where(Mention.article_id == article_id)))
    after = page.after("actors")
    if after:
        query = query.where(col(Actor.id) > int(after[0]))
    rows = list(session.exec(query.order_by(col(Actor.id)).limit(page.limit + 1)).all())
    rows, cursor = page.page("actors", rows, lambda a: [a.id])
    return _public(session, rows), cursor


def get_actor(session: Session, actor_id: int) -> ActorPublic:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(f"actor {actor_id} does not exist")
    return _public(session, [actor])[0]
