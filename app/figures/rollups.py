"""Figure rollups (app/models/figure_rollup.py): written with the figures, counted again for the
buckets a deletion or a merge touches, and read by /figures/summary when its filters are ones a
rollup row can answer (category, claimant, subject, actor, source).

Adding figures upserts (count + n, sum + s, min of mins, max of maxes). Removing figures cannot be
undone that way (the old min may be the one removed), so the touched buckets are counted again
from the figures that remain."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Date, and_, case, cast, delete, func, null, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from app.models import Article, Figure, FigureRollup
from app.models.figure import NO_DATE

GRAINS = ("day", "month")
Key = tuple[str, date, str, int, int, str]  # grain, bucket, category, claimant, subject, source


def month_of(day: date) -> date:
    return day if day == NO_DATE else day.replace(day=1)


def keys_of(day: date, category: str, claimant: int | None, subject: int | None, source: str | None) -> list[Key]:
    rest = (category, claimant or 0, subject or 0, source or "")
    return [("day", day, *rest), ("month", month_of(day), *rest)]


@dataclass(slots=True)
class _Sums:
    count: int = 0
    sum: float = 0.0
    min: float = float("inf")
    max: float = float("-inf")

    def add(self, value: float) -> None:
        self.count += 1
        self.sum += value
        self.min = min(self.min, value)
        self.max = max(self.max, value)


def _row(key: Key, sums: _Sums) -> dict[str, Any]:
    grain, bucket, category, claimant, subject, source = key
    return {
        "grain": grain,
        "bucket": bucket,
        "category": category,
        "claimant_id": claimant,
        "subject_id": subject,
        "source": source,
        "count": sums.count,
        "sum": sums.sum,
        "min": sums.min,
        "max": sums.max,
    }


def add(session: Session, figures: Iterable[tuple[date, str, int | None, int | None, str | None, float]]) -> None:
    """Count new figures (claim_start, category, claimant, subject, source, value) in."""
    totals: dict[Key, _Sums] = {}
    for day, category, claimant, subject, source, value in figures:
        for key in keys_of(day, category, claimant, subject, source):
            totals.setdefault(key, _Sums()).add(value)
    if not totals:
        return
    postgres = session.get_bind().dialect.name == "postgresql"
    insert = postgresql.insert if postgres else sqlite.insert
    table = FigureRollup.__table__  # type: ignore[attr-defined]
    statement = insert(table)
    least, greatest = (func.least, func.greatest) if postgres else (func.min, func.max)
    statement = statement.on_conflict_do_update(
        index_elements=["grain", "category", "bucket", "claimant_id", "subject_id", "source"],
        set_={
            "count": table.c.count + statement.excluded.count,
            "sum": table.c.sum + statement.excluded.sum,
            "min": least(table.c.min, statement.excluded.min),
            "max": greatest(table.c.max, statement.excluded.max),
        },
    )
    # one key order for every writer: two ingests upserting the same rows cannot deadlock
    session.connection().execute(statement, [_row(k, totals[k]) for k in sorted(totals)])


def _figures(*extra: Any) -> Any:
    """SELECT a figure's rollup key fields (claim_start, category, claimant, subject, source)."""
    columns = (col(Figure.claim_start), col(Figure.category), col(Figure.claimant_id), col(Figure.subject_id))
    return (
        select(*columns, col(Article.source), *extra)
        .select_from(Figure)
        .join(Article, col(Article.id) == col(Figure.article_id))
    )


def touched(session: Session, condition: Any) -> set[Key]:
    """The rollup keys of the figures matching ``condition`` (read before they are removed)."""
    rows = session.execute(_figures().where(condition)).all()
    return {key for row in rows for key in keys_of(*row)}


def _span(key: Key) -> tuple[date, date]:
    """The claim_start days a bucket covers."""
    grain, bucket = key[0], key[1]
    if grain == "day" or bucket == NO_DATE:
        return bucket, bucket
    following = date(bucket.year + bucket.month // 12, bucket.month % 12 + 1, 1)
    return bucket, date.fromordinal(following.toordinal() - 1)


def recount(session: Session, keys: set[Key]) -> None:
    """Count the buckets ``keys`` again from the figures that are stored now."""
    if not keys:
        return
    spans = sorted({_span(k) for k in keys})
    query = _figures(col(Figure.value)).where(
        or_(*(col(Figure.claim_start).between(low, high) for low, high in spans)),
        col(Figure.category).in_(sorted({k[2] for k in keys})),
    )
    totals: dict[Key, _Sums] = {}
    for day, category, claimant, subject, source, value in session.execute(query).all():
        for key in keys_of(day, category, claimant, subject, source):
            if key in keys:
                totals.setdefault(key, _Sums()).add(value)
    _delete(session, keys)
    if totals:
        table = FigureRollup.__table__  # type: ignore[attr-defined]
        session.connection().execute(table.insert(), [_row(k, totals[k]) for k in sorted(totals)])


def _fields() -> tuple[Any, ...]:
    r = FigureRollup
    return (col(r.grain), col(r.bucket), col(r.category), col(r.claimant_id), col(r.subject_id), col(r.source))


def _delete(session: Session, keys: set[Key]) -> None:
    fields = _fields()
    ordered = sorted(keys)
    for i in range(0, len(ordered), 200):
        matches = [and_(*(f == v for f, v in zip(fields, key, strict=True))) for key in ordered[i : i + 200]]
        session.execute(delete(FigureRollup).where(or_(*matches)))


def recount_actor(session: Session, actor_ids: list[int]) -> None:
    """After a merge moved figures between actors: every bucket of those actors, counted again."""
    rows = session.execute(
        select(*_fields()).where(
            or_(col(FigureRollup.claimant_id).in_(actor_ids), col(FigureRollup.subject_id).in_(actor_ids))
        )
    ).all()
    keys: set[Key] = {tuple(r) for r in rows}
    keys |= touched(session, or_(col(Figure.claimant_id).in_(actor_ids), col(Figure.subject_id).in_(actor_ids)))
    recount(session, keys)


def bucket_of(dialect: str, interval: str) -> Any:
    """The rollup bucket as a summary bucket: a day, the Monday of its ISO week, or its month;
    NULL for no date."""
    day: Any = col(FigureRollup.bucket)
    shown: Any
    if dialect == "sqlite":
        shown = func.date(day, "weekday 0", "-6 days") if interval == "week" else func.date(day)
    else:
        shown = cast(func.date_trunc("week", day), Date) if interval == "week" else cast(day, Date)
    return case((day == NO_DATE, null()), else_=shown)
