"""Aggregates of figures: count, sum, min and max of values per group and time bucket.

A figure falls in the bucket of its period when the text gave one, else of its article's
publication date (UTC); figures with neither fall in the bucket null. Summaries filtered only by
category, claimant, subject, actor and source read the rollups (app/figures/rollups.py), a few rows
per bucket; other filters aggregate the figures themselves."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Date, cast, literal_column, select
from sqlmodel import Session, col, func

from app.actors.service import actor_refs
from app.core.errors import BadRequest
from app.core.schema_docs import enum_examples
from app.figures import rollups
from app.figures.filters import FigureFilters
from app.figures.service import number
from app.models import Article, Figure, FigureRollup


class GroupBy(StrEnum):
    """A column to group figures by."""

    __get_pydantic_json_schema__ = enum_examples("category")

    category = "category"
    claimant = "claimant"
    subject = "subject"
    source = "source"


class Interval(StrEnum):
    """Time bucket of a summary: by day, ISO week (from Monday) or calendar month."""

    __get_pydantic_json_schema__ = enum_examples("month")

    day = "day"
    week = "week"
    month = "month"


class SummaryRow(BaseModel):
    """One group and bucket; the columns not grouped by are null."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "bucket": "2023-09-01",
                "category": "killed",
                "claimant_id": 8,
                "claimant_name": "Azerbaijani Defense Ministry",
                "subject_id": 7,
                "subject_name": "Armenian armed forces",
                "source": "Example Wire",
                "count": 3,
                "sum": 112,
                "min": 12,
                "max": 60,
            }
        }
    )

    bucket: str | None = Field(description="first day of the day, ISO week (Monday) or month; null without a date")
    category: str | None = Field(description="the figures' category, when grouped by category")
    claimant_id: int | None = Field(description="the claimant's id, when grouped by claimant")
    claimant_name: str | None = Field(description="the claimant's canonical name")
    subject_id: int | None = Field(description="the subject's id, when grouped by subject")
    subject_name: str | None = Field(description="the subject's canonical name")
    source: str | None = Field(description="the articles' source, when grouped by source")
    count: int = Field(description="number of figures")
    sum: float = Field(description="sum of their values")
    min: float = Field(description="smallest value")
    max: float = Field(description="largest value")


class Summary(BaseModel):
    """Aggregates per group and bucket, in group then bucket order."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "group_by": ["category", "claimant", "subject", "source"],
                "interval": "month",
                "items": [SummaryRow.model_config["json_schema_extra"]["example"]],  # type: ignore[index]
            }
        }
    )

    group_by: list[GroupBy] = Field(description="the columns grouped by, as asked")
    interval: Interval | None = Field(description="the time bucket, as asked; null for no bucketing")
    items: list[SummaryRow] = Field(description="one row per group and bucket")


_COLUMNS = {
    GroupBy.category: col(Figure.category),
    GroupBy.claimant: col(Figure.claimant_id),
    GroupBy.subject: col(Figure.subject_id),
    GroupBy.source: col(Article.source),
}


def _bucket(dialect: str, interval: Interval) -> Any:
    if dialect == "sqlite":
        # dates are ISO text on SQLite; date() reads both '2024-03-04' and '2024-03-04 10:00:00'
        day = func.date(func.coalesce(Figure.period_start, Article.published_at))
        if interval is Interval.week:  # back to Monday: next Sunday (or today), then six days back
            return func.date(day, "weekday 0", "-6 days")
        if interval is Interval.month:
            return func.strftime("%Y-%m-01", day)
        return day
    published = cast(literal_column("articles.published_at AT TIME ZONE 'UTC'"), Date)
    day = func.coalesce(Figure.period_start, published)
    if interval is Interval.day:
        return day
    return cast(func.date_trunc(interval.value, day), Date)


def parse_group_by(raw: str | None) -> list[GroupBy]:
    chosen: list[GroupBy] = []
    for part in (raw or "").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            chosen.append(GroupBy(part))
        except ValueError as exc:
            raise BadRequest(f"cannot group by {part!r}; use category, claimant, subject, source") from exc
    return list(dict.fromkeys(chosen))


def _from_figures(session: Session, filters: FigureFilters, group_by: list[GroupBy], interval: Interval | None) -> Any:
    keys: list[Any] = [_COLUMNS[g].label(g.value) for g in group_by]
    if interval is not None:
        keys.append(_bucket(session.get_bind().dialect.name, interval).label("bucket"))
    query = (
        select(*keys, func.count().label("n"), func.sum(Figure.value), func.min(Figure.value), func.max(Figure.value))
        .select_from(Figure)
        .join(Article, col(Article.id) == col(Figure.article_id))
    )
    query = filters.apply(query)
    return query.group_by(*keys) if keys else query


_ROLLUP_FILTERS = FigureFilters.__dataclass_fields__.keys() - {"category", "claimant", "subject", "actor", "source"}
_ROLLUP_COLUMNS = {
    GroupBy.category: col(FigureRollup.category),
    GroupBy.claimant: col(FigureRollup.claimant_id),
    GroupBy.subject: col(FigureRollup.subject_id),
    GroupBy.source: col(FigureRollup.source),
}


def _answerable(filters: FigureFilters) -> bool:
    """A rollup row knows category, claimant, subject and source, not values, articles or dates."""
    return all(getattr(filters, name) is None for name in _ROLLUP_FILTERS)


def _from_rollups(session: Session, filters: FigureFilters, group_by: list[GroupBy], interval: Interval | None) -> Any:
    keys: list[Any] = [_ROLLUP_COLUMNS[g].label(g.value) for g in group_by]
    grain = "day" if interval in (Interval.day, Interval.week) else "month"
    if interval is not None:
        keys.append(rollups.bucket_of(session.get_bind().dialect.name, interval.value).label("bucket"))
    query = select(
        *keys,
        func.sum(FigureRollup.count).label("n"),
        func.sum(FigureRollup.sum),
        func.min(FigureRollup.min),
        func.max(FigureRollup.max),
    ).where(col(FigureRollup.grain) == grain)
    r = FigureRollup
    query = filters.apply_keys(query, col(r.category), col(r.claimant_id), col(r.subject_id), col(r.source))
    return query.group_by(*keys) if keys else query


def _none(value: Any) -> Any:
    """Rollups write an unknown actor as 0 and an unknown source as '' (their bucket is already
    NULL for no date: rollups.bucket_of)."""
    return None if value in (0, "") else value


def summarize(session: Session, filters: FigureFilters, group_by: list[GroupBy], interval: Interval | None) -> Summary:
    build = _from_rollups if _answerable(filters) else _from_figures
    rows = [
        {k: (_none(v) if k in ("claimant", "subject", "source") else v) for k, v in row._mapping.items()}
        for row in session.execute(build(session, filters, group_by, interval)).all()
    ]
    rows = [r for r in rows if r["n"]]  # an ungrouped aggregate over nothing is one empty row
    # group then bucket order, unknowns first, the same on both databases and both sources
    order = [g.value for g in group_by] + (["bucket"] if interval is not None else [])
    rows.sort(key=lambda r: tuple((r[k] is not None, str(r[k]) if k == "bucket" else r[k]) for k in order))
    refs = actor_refs(session, [r.get("claimant") for r in rows] + [r.get("subject") for r in rows])
    items = []
    for r in rows:
        bucket = r.get("bucket")
        claimant, subject = refs.get(r.get("claimant") or 0), refs.get(r.get("subject") or 0)
        items.append(
            SummaryRow(
                bucket=str(bucket)[:10] if bucket is not None else None,
                category=r.get("category"),
                claimant_id=r.get("claimant"),
                claimant_name=claimant.name if claimant else None,
                subject_id=r.get("subject"),
                subject_name=subject.name if subject else None,
                source=r.get("source"),
                count=r["n"],
                sum=number(r["sum"]) or 0,
                min=number(r["min"]) or 0,
                max=number(r["max"]) or 0,
            )
        )
    return Summary(group_by=group_by, interval=interval, items=items)
