"""Actor pages and the admin writes on actors: adding an alias, merging a duplicate."""

from __future__ import annotations

import json

from sqlalchemy import func, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.actors.schemas import ActorCounts, ActorProfile, MergeRecord, ReportedWith
from app.actors.service import _public, actor_refs, add_aliases, alias_key
from app.core.errors import Conflict, NotFound
from app.figures import rollups
from app.models import Actor, ActorAlias, ActorMerge, Figure, Mention, Statement

REPORTED_WITH_LIMIT = 10


def _count(session: Session, query: object) -> int:
    return int(session.exec(query).one() or 0)  # type: ignore[call-overload]


def profile(session: Session, actor_id: int) -> ActorProfile:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(f"actor {actor_id} does not exist")
    counts = ActorCounts(
        articles=_count(
            session, select(func.count(func.distinct(Mention.article_id))).where(Mention.actor_id == actor_id)
        ),
        mentions=_count(session, select(func.count()).where(Mention.actor_id == actor_id)),
        statements=_count(session, select(func.count()).where(Statement.speaker_id == actor_id)),
        figures_claimed=_count(session, select(func.count()).where(Figure.claimant_id == actor_id)),
        figures_about=_count(session, select(func.count()).where(Figure.subject_id == actor_id)),
    )
    mine, other = aliased(Mention), aliased(Mention)
    shared = func.count(func.distinct(other.article_id))
    rows = session.execute(
        select(other.actor_id, shared)
        .join(mine, col(mine.article_id) == col(other.article_id))
        .where(col(mine.actor_id) == actor_id, col(other.actor_id) != actor_id)
        .group_by(col(other.actor_id))
        .order_by(shared.desc(), col(other.actor_id))
        .limit(REPORTED_WITH_LIMIT)
    ).all()
    refs = actor_refs(session, [r[0] for r in rows])
    merges = session.exec(select(ActorMerge).where(ActorMerge.into_id == actor_id).order_by(col(ActorMerge.id)))
    return ActorProfile(
        **_public(session, [actor])[0].model_dump(),
        counts=counts,
        reported_with=[ReportedWith(actor=refs[r[0]], articles=r[1]) for r in rows if r[0] in refs],
        merged_from=[
            MergeRecord(merged_id=m.merged_id, merged_name=m.merged_name, merged_at=m.merged_at) for m in merges
        ],
    )


def add_alias(session: Session, actor_id: int, alias: str) -> ActorProfile:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(f"actor {actor_id} does not exist")
    if not alias_key(alias):
        raise Conflict("the alias is empty once spaces are folded")
    add_aliases(session, actor, [alias.strip()])
    session.flush()
    return profile(session, actor_id)


def merge(session: Session, into_id: int, merge_id: int, api_key_id: int | None) -> ActorProfile:
    """Move every reference of ``merge_id`` to ``into_id``, keep its names as aliases, record the
    merge (so that later ingests naming it land on ``into_id``), and delete it."""
    if into_id == merge_id:
        raise Conflict("an actor cannot be merged into itself")
    into, gone = session.get(Actor, into_id), session.get(Actor, merge_id)
    if into is None or gone is None:
        raise NotFound(f"actor {into_id if into is None else merge_id} does not exist")
    moved: dict[str, int] = {}
    references: tuple[tuple[str, type[Mention | Statement | Figure], str], ...] = (
        ("mentions", Mention, "actor_id"),
        ("statements", Statement, "speaker_id"),
        ("figures_claimed", Figure, "claimant_id"),
        ("figures_about", Figure, "subject_id"),
    )
    for label, model, attribute in references:
        column = col(getattr(model, attribute))
        result = session.execute(update(model).where(column == merge_id).values({attribute: into_id}))
        moved[label] = result.rowcount  # type: ignore[attr-defined]
    rollups.recount_actor(session, [into_id, merge_id])
    if into.affiliation_id == merge_id:
        into.affiliation_id = None  # it would belong to itself
    affiliated = session.execute(
        update(Actor)
        .where(col(Actor.affiliation_id) == merge_id, col(Actor.id) != into_id)
        .values(affiliation_id=into_id)
    )
    moved["affiliated"] = affiliated.rowcount  # type: ignore[attr-defined]
    names = [gone.name, *session.exec(select(ActorAlias.alias).where(ActorAlias.actor_id == merge_id)).all()]
    add_aliases(session, into, names)
    if into.country is None:
        into.country = gone.country
    # merges into the actor going away now point at the survivor
    session.execute(update(ActorMerge).where(col(ActorMerge.into_id) == merge_id).values(into_id=into_id))
    session.add(
        ActorMerge(
            into_id=into_id,
            merged_id=merge_id,
            merged_key=gone.key,
            merged_name=gone.name,
            moved=json.dumps(moved, sort_keys=True),
            api_key_id=api_key_id,
        )
    )
    session.flush()
    session.delete(gone)
    session.flush()
    return profile(session, into_id)
