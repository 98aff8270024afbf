"""Read-only queries behind the pages. Aggregations run in SQL (SQLite and PostgreSQL alike);
what the pages show is computed here rather than through the JSON API so that a page is one
round trip to the database, not dozens of HTTP calls."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import distinct, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.models import Actor, Article, Figure, Mention, Statement

NO_CLAIMANT = "(the article itself)"


@dataclass(frozen=True)
class Series:
    """One line of the chart: the figures one claimant reported in one category, summed per day."""

    claimant: str
    category: str
    points: dict[date, float]

    @property
    def label(self) -> str:
        return f"{self.claimant} · {self.category}"

    @property
    def total(self) -> float:
        return sum(self.points.values())


@dataclass(frozen=True)
class Claim:
    figure_id: int
    article_id: int
    claimant: str
    value: float
    text: str


@dataclass(frozen=True)
class ContestedClaim:
    """The same category about the same subject, reported with different values by different claimants."""

    subject_id: int
    subject: str
    category: str
    claims: list[Claim] = field(default_factory=list)


@dataclass(frozen=True)
class TopActor:
    id: int
    name: str
    type: str
    mentions: int
    articles: int


def _as_date(value: object) -> date | None:
    # SQLite answers date() as text, PostgreSQL as a date
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def figure_series(session: Session, limit: int = 6) -> list[Series]:
    """Figures over time by claimant and category, the ``limit`` largest series first.

    A figure's day is the start of the period it counts when the text names one, else the day its
    article was published, else the day it was ingested."""
    day = func.coalesce(Figure.period_start, func.date(Article.published_at), func.date(Article.ingested_at))
    rows = session.exec(
        select(col(Figure.claimant_id), col(Figure.category), day, func.sum(col(Figure.value)))
        .join(Article, col(Article.id) == col(Figure.article_id))
        .group_by(col(Figure.claimant_id), col(Figure.category), day)
    ).all()
    names = _names(session, {r[0] for r in rows if r[0] is not None})
    grouped: dict[tuple[str, str], dict[date, float]] = defaultdict(dict)
    for claimant_id, category, raw_day, total in rows:
        when = _as_date(raw_day)
        if when is None:
            continue
        claimant = names.get(claimant_id, NO_CLAIMANT) if claimant_id is not None else NO_CLAIMANT
        points = grouped[(claimant, category)]
        points[when] = points.get(when, 0.0) + float(total or 0)
    series = [
        Series(claimant, category, dict(sorted(points.items()))) for (claimant, category), points in grouped.items()
    ]
    series.sort(key=lambda s: (-s.total, s.label))
    return series[:limit]


def contested_claims(session: Session, limit: int = 8) -> list[ContestedClaim]:
    """The latest contested claims: groups of figures of one category about one subject with at
    least two claimants and at least two different values, newest group first."""
    groups = session.exec(
        select(col(Figure.subject_id), col(Figure.category), func.max(col(Figure.id)))
        .where(col(Figure.subject_id).is_not(None), col(Figure.claimant_id).is_not(None))
        .group_by(col(Figure.subject_id), col(Figure.category))
        .having(func.count(distinct(col(Figure.claimant_id))) > 1, func.count(distinct(col(Figure.value))) > 1)
        .order_by(func.max(col(Figure.id)).desc())
        .limit(limit)
    ).all()
    if not groups:
        return []
    subject_ids = {g[0] for g in groups if g[0] is not None}
    figures = session.exec(
        select(Figure)
        .where(col(Figure.subject_id).in_(subject_ids), col(Figure.claimant_id).is_not(None))
        .order_by(col(Figure.id))
    ).all()
    names = _names(session, subject_ids | {f.claimant_id for f in figures if f.claimant_id is not None})
    out = []
    for subject_id, category, _latest in groups:
        assert subject_id is not None
        claims = [
            Claim(f.id or 0, f.article_id, names.get(f.claimant_id or 0, "?"), f.value, f.text)
            for f in figures
            if f.subject_id == subject_id and f.category == category
        ]
        out.append(ContestedClaim(subject_id, names.get(subject_id, "?"), category, claims))
    return out


def top_actors(session: Session, limit: int = 10) -> list[TopActor]:
    """The actors named most often, with how many articles name them."""
    mentions = func.count(col(Mention.id))
    # five columns: more than sqlmodel's typed select() takes, so SQLAlchemy's own
    rows = session.execute(
        sa_select(
            col(Actor.id), col(Actor.name), col(Actor.type), mentions, func.count(distinct(col(Mention.article_id)))
        )
        .join(Mention, col(Mention.actor_id) == col(Actor.id))
        .group_by(col(Actor.id), col(Actor.name), col(Actor.type))
        .order_by(mentions.desc(), col(Actor.name))
        .limit(limit)
    ).all()
    return [TopActor(int(i or 0), n, t, int(m), int(a)) for i, n, t, m, a in rows]


def latest_articles(session: Session, limit: int = 10) -> list[Article]:
    return list(session.exec(select(Article).order_by(col(Article.id).desc()).limit(limit)).all())


def totals(session: Session) -> dict[str, int]:
    return {
        name: int(session.exec(select(func.count()).select_from(model)).one())
        for name, model in (("articles", Article), ("figures", Figure), ("statements", Statement), ("actors", Actor))
    }


def _names(session: Session, actor_ids: set[int]) -> dict[int, str]:
    if not actor_ids:
        return {}
    rows = session.exec(select(Actor.id, Actor.name).where(col(Actor.id).in_(actor_ids))).all()
    return {int(i or 0): n for i, n in rows}


Annotations = tuple[list[Mention], list[Statement], list[Figure], dict[int, str]]


def article_annotations(session: Session, article_id: int) -> Annotations:
    """Everything extracted from one article, with the names of the actors involved."""
    mentions = list(session.exec(select(Mention).where(Mention.article_id == article_id)).all())
    statements = list(session.exec(select(Statement).where(Statement.article_id == article_id)).all())
    figures = list(session.exec(select(Figure).where(Figure.article_id == article_id).order_by(col(Figure.id))).all())
    ids = {m.actor_id for m in mentions} | {s.speaker_id for s in statements if s.speaker_id is not None}
    ids |= {i for f in figures for i in (f.claimant_id, f.subject_id) if i is not None}
    return mentions, statements, figures, _names(session, ids)
