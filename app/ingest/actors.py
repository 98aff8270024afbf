"""Set-based get-or-create of the actors of one or many articles: a handful of statements per
batch whatever the number of actors, instead of four round trips per actor.

The rules: an actor is one row per key (shared by every article that names it); a key that was
merged away lands on the actor it was merged into; a stored actor gains an affiliation or a
country it lacked; names other than the canonical one accumulate as aliases."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, or_, select

from app.actors.service import alias_key
from app.core.db import insert_many
from app.extraction.types import Actor as ExtractedActor
from app.models import Actor, ActorAlias, ActorMerge

IN_CHUNK = 500  # values per IN (...): far below SQLite's and PostgreSQL's parameter limits


@dataclass(slots=True)
class _Wanted:
    """One key's actor, folded over every article of the batch that names it."""

    key: str
    name: str
    type: str
    country: str | None
    affiliation: str | None
    aliases: dict[str, str] = field(default_factory=dict)  # alias key -> first spelling


@dataclass(slots=True)
class _Stored:
    """An actor row as stored (kept current by the UPDATEs below)."""

    key: str
    country: str | None
    affiliation_id: int | None


def _fold(actors: Iterable[ExtractedActor]) -> dict[str, _Wanted]:
    wanted: dict[str, _Wanted] = {}
    for a in actors:
        w = wanted.get(a.key)
        if w is None:
            w = wanted[a.key] = _Wanted(a.key, a.name, a.type, a.country, a.affiliation)
        w.country = w.country or a.country
        w.affiliation = w.affiliation or a.affiliation
        for alias in a.aliases:
            k = alias_key(alias)
            if k:
                w.aliases.setdefault(k, alias)
    return wanted


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), IN_CHUNK):
        yield values[i : i + IN_CHUNK]


def _layers(wanted: dict[str, _Wanted]) -> list[list[_Wanted]]:
    """Parents before children, so that a new army row is inserted with its state's id."""
    layers: list[list[_Wanted]] = []
    placed: set[str] = set()
    pending = list(wanted.values())
    while pending:
        ready = [w for w in pending if w.affiliation is None or w.affiliation in placed or w.affiliation not in wanted]
        if not ready:  # an affiliation cycle: the rest go in together, without their affiliation
            ready = pending
        layers.append(ready)
        placed.update(w.key for w in ready)
        pending = [w for w in pending if w.key not in placed]
    return layers


def store_actors(session: Session, actors: Iterable[ExtractedActor]) -> dict[str, int]:
    """Create or find every actor; answers actor id by extracted key."""
    wanted = _fold(actors)
    if not wanted:
        return {}
    keys = sorted(wanted)
    merged: dict[str, int] = {}
    for part in _chunks(keys):
        merged.update(
            session.exec(
                select(ActorMerge.merged_key, ActorMerge.into_id).where(col(ActorMerge.merged_key).in_(part))
            ).all()
        )

    ids: dict[str, int] = dict(merged)
    rows: dict[int, _Stored] = {}
    table: Table = Actor.__table__  # type: ignore[attr-defined]
    for layer in _layers(wanted):
        new = sorted((w for w in layer if w.key not in merged), key=lambda w: w.key)  # one lock order
        insert_many(
            session,
            table,
            [
                {
                    "key": w.key,
                    "name": w.name,
                    "type": w.type,
                    "country": w.country,
                    "affiliation_id": ids.get(w.affiliation) if w.affiliation else None,
                }
                for w in new
            ],
            on_conflict=["key"],
            returning=False,  # read back below with the rows that were there already
        )
        layer_keys = [w.key for w in layer]
        into = sorted({merged[k] for k in layer_keys if k in merged})
        for part in _chunks(layer_keys):
            query = select(Actor.id, Actor.key, Actor.country, Actor.affiliation_id)
            condition: ColumnElement[bool] = col(Actor.key).in_(part)
            if into:
                condition = or_(condition, col(Actor.id).in_(into))
            for actor_id, key, country, affiliation_id in session.exec(query.where(condition)).all():
                assert actor_id is not None
                rows[actor_id] = _Stored(key, country, affiliation_id)
                if key in wanted and key not in merged:
                    ids[key] = actor_id
    _complete(session, wanted, ids, rows)
    _store_aliases(session, wanted, ids, rows)
    return {k: ids[k] for k in wanted if k in ids}


def _complete(session: Session, wanted: dict[str, _Wanted], ids: dict[str, int], rows: dict[int, _Stored]) -> None:
    """A stored actor gains the affiliation or country it lacked (rare: one UPDATE each)."""
    for key, w in wanted.items():
        actor_id = ids.get(key)
        if actor_id is None or actor_id not in rows:
            continue
        stored = rows[actor_id]
        parent = ids.get(w.affiliation) if w.affiliation else None
        values: dict[str, Any] = {}
        if stored.affiliation_id is None and parent is not None and parent != actor_id:
            values["affiliation_id"] = stored.affiliation_id = parent
        if stored.country is None and w.country is not None:
            values["country"] = stored.country = w.country
        if values:  # two keys merged into one actor: the second sees the first one's values
            session.execute(update(Actor).where(col(Actor.id) == actor_id).values(**values))


def _store_aliases(session: Session, wanted: dict[str, _Wanted], ids: dict[str, int], rows: dict[int, _Stored]) -> None:
    aliases: dict[tuple[int, str], dict[str, Any]] = {}
    for key, w in wanted.items():
        actor_id = ids.get(key)
        if actor_id is None:
            continue
        own_key = rows[actor_id].key if actor_id in rows else key
        for k, alias in w.aliases.items():
            if k != own_key:
                aliases.setdefault(
                    (actor_id, k[:300]), {"actor_id": actor_id, "alias": alias[:300], "alias_key": k[:300]}
                )
    table: Table = ActorAlias.__table__  # type: ignore[attr-defined]
    insert_many(
        session, table, [aliases[k] for k in sorted(aliases)], on_conflict=["actor_id", "alias_key"], returning=False
    )
