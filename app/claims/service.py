"""Claims: figures grouped by the rule in grouping.py, paged by (category, subject) groups.

The filters of /figures choose claims: a claim is listed when any of its reports matches, and it
lists all of its reports (so that ``claimant=X`` shows who contradicts X)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select, tuple_
from sqlmodel import Session, col

from app.actors.service import actor_refs
from app.claims.grouping import Group, Report, group
from app.claims.schemas import ClaimPage, ClaimPublic, ClaimRow
from app.core.pagination import PageRequest
from app.figures.filters import FigureFilters
from app.figures.service import number, to_public
from app.models import Article, Figure

RESOURCE = "claims"
_NO_SUBJECT = 0  # groups of figures whose subject is unknown sort and page as subject 0


def _subject() -> Any:
    # a literal, not a bound parameter: PostgreSQL must see the same expression in SELECT DISTINCT and ORDER BY
    return func.coalesce(Figure.subject_id, literal_column(str(_NO_SUBJECT)))


def _joined(query: Any) -> Any:
    return query.select_from(Figure).join(Article, col(Article.id) == col(Figure.article_id))


def _day(value: Any) -> date | None:
    return value.date() if value is not None else None


def list_claims(session: Session, page: PageRequest, filters: FigureFilters, contested: bool | None) -> ClaimPage:
    after = page.after(RESOURCE)
    buckets_query = filters.apply(_joined(select(col(Figure.category), _subject()).distinct()))
    if after:
        category, subject = str(after[0]), int(after[1])
        buckets_query = buckets_query.where(
            or_(col(Figure.category) > category, and_(col(Figure.category) == category, _subject() > subject))
        )
    buckets = [
        tuple(b)
        for b in session.execute(buckets_query.order_by(Figure.category, _subject()).limit(page.limit + 1)).all()
    ]
    more = len(buckets) > page.limit
    buckets = buckets[: page.limit]
    if not buckets:
        return ClaimPage(items=[], next_cursor=None)
    in_buckets = tuple_(Figure.category, _subject()).in_(buckets)
    matching = set(session.execute(filters.apply(_joined(select(col(Figure.id)))).where(in_buckets)).scalars())
    rows = session.execute(_joined(select(Figure, col(Article.published_at))).where(in_buckets)).all()
    figures = {f.id: f for f, _ in rows}
    reports = [
        Report(
            f.id,
            f.category,
            f.subject_id,
            f.object,
            f.claimant_id,
            f.value,
            f.low,
            f.high,
            f.qualifier,
            f.period_start or _day(published),
            f.period_end if f.period_start else _day(published),
        )
        for f, published in rows
    ]
    by_bucket: dict[tuple[str, int], list[Report]] = {}
    for r in reports:
        by_bucket.setdefault((r.category, r.subject_id or _NO_SUBJECT), []).append(r)
    chosen: list[Group] = []
    for bucket in buckets:
        for g in group(by_bucket.get((str(bucket[0]), int(bucket[1])), [])):
            if not any(r.figure_id in matching for r in g.reports):
                continue
            if contested is not None and g.contested != contested:
                continue
            chosen.append(g)
    items = _public(session, chosen, figures)
    last = buckets[-1]
    cursor = page.cursor_for(RESOURCE, [str(last[0]), int(last[1])]) if more else None
    return ClaimPage(items=items, next_cursor=cursor)


def _public(session: Session, groups: list[Group], figures: dict[Any, Figure]) -> list[ClaimPublic]:
    public = {f.id: f for f in to_public(session, [figures[r.figure_id] for g in groups for r in g.reports])}
    subjects = actor_refs(session, [g.subject_id for g in groups])
    out = []
    for g in groups:
        reports = [public[r.figure_id] for r in g.reports]
        names = dict.fromkeys(f.claimant.name if f.claimant else None for f in reports)
        out.append(
            ClaimPublic(
                id=g.key,
                category=g.category,
                subject=subjects.get(g.subject_id or 0),
                object=g.object,
                period_start=g.start,
                period_end=g.end,
                contested=g.contested,
                value_min=number(min(r.value for r in g.reports)) or 0,
                value_max=number(max(r.value for r in g.reports)) or 0,
                claimants=list(names),
                reports=reports,
            )
        )
    return out


def rows_of(claims: list[ClaimPublic]) -> list[ClaimRow]:
    """One flat row per report, for CSV."""
    return [
        ClaimRow(
            claim_id=c.id,
            contested=c.contested,
            category=c.category,
            subject_id=c.subject.id if c.subject else None,
            subject_name=c.subject.name if c.subject else None,
            object=c.object,
            period_start=c.period_start,
            period_end=c.period_end,
            figure_id=f.id,
            value=f.value,
            low=f.low,
            high=f.high,
            qualifier=f.qualifier,
            claimant_id=f.claimant.id if f.claimant else None,
            claimant_name=f.claimant.name if f.claimant else None,
            article_id=f.article_id,
            start=f.provenance.start,
            end=f.provenance.end,
            text=f.provenance.text,
            sentence=f.provenance.sentence,
            source=f.provenance.source,
        )
        for c in claims
        for f in c.reports
    ]
