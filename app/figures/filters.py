"""The figure filters, shared by /figures, /figures/summary and /claims. Each is one explicit query
parameter backed by an index (figures.category, claimant_id, subject_id, value, article_id,
statement_id, period_start; articles.source, published_at; actor_aliases.alias_key, actors.key)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from fastapi import Depends, Query
from sqlmodel import col, func, or_, select

from app.actors.service import refers_to
from app.core.db import MAX_ID
from app.core.errors import BadRequest
from app.extraction.types import FIGURE_CATEGORIES
from app.models import Article, Figure

ActorParam = "an actor id, or a name or alias ('Azerbaijan', 'Azeri', 'Azerbaijani Defense Ministry')"


@dataclass(frozen=True, slots=True)
class FigureFilters:
    category: list[str] | None = None
    claimant: str | None = None
    subject: str | None = None
    actor: str | None = None
    value_min: float | None = None
    value_max: float | None = None
    article_id: int | None = None
    source: str | None = None
    published_from: datetime | None = None
    published_to: datetime | None = None
    period_from: date | None = None
    period_to: date | None = None
    statement_id: int | None = None

    def apply_keys(self, query: Any, category: Any, claimant: Any, subject: Any, source: Any) -> Any:
        """``query`` narrowed by the filters on what a figure is keyed by (category, claimant,
        subject, actor, source), on the given columns: a figure's, or a rollup row's."""
        if self.category:
            query = query.where(category.in_(self.category))
        if self.claimant:
            query = query.where(refers_to(claimant, self.claimant))
        if self.subject:
            query = query.where(refers_to(subject, self.subject))
        if self.actor:
            query = query.where(or_(refers_to(claimant, self.actor), refers_to(subject, self.actor)))
        if self.source is not None:
            query = query.where(source == self.source)
        return query

    def apply(self, query: Any) -> Any:
        """``query`` (over figures joined to articles) narrowed by every filter given."""
        query = self.apply_keys(
            query, col(Figure.category), col(Figure.claimant_id), col(Figure.subject_id), col(Article.source)
        )
        if self.value_min is not None:
            query = query.where(col(Figure.value) >= self.value_min)
        if self.value_max is not None:
            query = query.where(col(Figure.value) <= self.value_max)
        if self.article_id is not None:
            query = query.where(Figure.article_id == self.article_id)
        if self.statement_id is not None:
            query = query.where(Figure.statement_id == self.statement_id)
        if self.published_from is not None:
            query = query.where(col(Article.published_at) >= self.published_from)
        if self.published_to is not None:
            query = query.where(col(Article.published_at) <= self.published_to)
        # periods overlap [period_from, period_to]; a one-day period has no period_end
        if self.period_from is not None:
            query = query.where(func.coalesce(Figure.period_end, Figure.period_start) >= self.period_from)
        if self.period_to is not None:
            query = query.where(col(Figure.period_start) <= self.period_to)
        return query


def base_query() -> Any:
    return select(Figure).join(Article, col(Article.id) == col(Figure.article_id))


def as_datetime(value: datetime | date | None, end_of_day: bool = False) -> datetime | None:
    """A date bound covers the whole day; naive datetimes are UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.combine(value, time.max if end_of_day else time.min, tzinfo=UTC)


def _check_categories(category: list[str] | None) -> list[str] | None:
    unknown = sorted(set(category or []) - set(FIGURE_CATEGORIES))
    if unknown:
        raise BadRequest(f"unknown category {unknown[0]!r}; one of {', '.join(FIGURE_CATEGORIES)}")
    return category


async def figure_filters(
    category: Annotated[
        list[str] | None,
        Query(
            description="figure category, repeatable (`category=killed&category=injured`): "
            + ", ".join(FIGURE_CATEGORIES),
        ),
    ] = None,
    claimant: Annotated[str | None, Query(max_length=300, description=f"who claims the figure: {ActorParam}")] = None,
    subject: Annotated[str | None, Query(max_length=300, description=f"whose losses are counted: {ActorParam}")] = None,
    actor: Annotated[str | None, Query(max_length=300, description=f"claimant or subject: {ActorParam}")] = None,
    value_min: Annotated[float | None, Query(description="value at least this")] = None,
    value_max: Annotated[float | None, Query(description="value at most this")] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="only figures of this article")] = None,
    source: Annotated[str | None, Query(max_length=500, description="only figures from this source")] = None,
    published_from: Annotated[datetime | date | None, Query(description="article published on or after")] = None,
    published_to: Annotated[datetime | date | None, Query(description="article published on or before")] = None,
    period_from: Annotated[date | None, Query(description="the figure's period ends on or after this day")] = None,
    period_to: Annotated[date | None, Query(description="the figure's period starts on or before this day")] = None,
    statement_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="only figures inside this statement")
    ] = None,
) -> FigureFilters:
    return FigureFilters(
        category=_check_categories(category),
        claimant=claimant,
        subject=subject,
        actor=actor,
        value_min=value_min,
        value_max=value_max,
        article_id=article_id,
        source=source,
        published_from=as_datetime(published_from),
        published_to=as_datetime(published_to, end_of_day=True),
        period_from=period_from,
        period_to=period_to,
        statement_id=statement_id,
    )


FigureFiltersDep = Annotated[FigureFilters, Depends(figure_filters)]
