from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlmodel import Session, col

from app.actors.service import actor_refs
from app.articles.meta import NO_META, article_meta, provenance
from app.core.errors import NotFound
from app.core.pagination import (
    Ordering,
    PageRequest,
    SortColumn,
    keyset_page,
    parse_date,
    parse_datetime,
    parse_int,
    parse_number,
)
from app.core.schema_docs import enum_examples
from app.figures.filters import FigureFilters, base_query
from app.figures.schemas import FigurePublic
from app.models import Article, Figure

RESOURCE = "figures"


class FigureSort(StrEnum):
    """Sort order of figure lists: a field name, descending with a leading ``-``."""

    __get_pydantic_json_schema__ = enum_examples("-value")

    id = "id"
    id_desc = "-id"
    value = "value"
    value_desc = "-value"
    published_at = "published_at"
    published_at_desc = "-published_at"
    period = "period_start"
    period_desc = "-period_start"


def _ordering(sort: FigureSort) -> Ordering:
    descending = sort.value.startswith("-")
    figure_id = SortColumn(col(Figure.id), descending, parse=parse_int)
    first = {
        "value": SortColumn(col(Figure.value), descending, parse=parse_number),
        "published_at": SortColumn(col(Article.published_at), descending, nullable=True, parse=parse_datetime),
        "period_start": SortColumn(col(Figure.period_start), descending, nullable=True, parse=parse_date),
    }.get(sort.value.lstrip("-"))
    return Ordering(sort.value, (first, figure_id) if first else (figure_id,))


def number(value: float | None) -> float | None:
    """Whole numbers as ints in JSON (2300, not 2300.0)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def to_public(session: Session, rows: list[Figure]) -> list[FigurePublic]:
    refs = actor_refs(session, [r.subject_id for r in rows] + [r.claimant_id for r in rows])
    meta = article_meta(session, (r.article_id for r in rows))
    out = []
    for r in rows:
        assert r.id is not None
        m = meta.get(r.article_id, NO_META)
        out.append(
            FigurePublic(
                id=r.id,
                article_id=r.article_id,
                value=number(r.value) or 0,
                low=number(r.low),
                high=number(r.high),
                qualifier=r.qualifier,
                category=r.category,
                object=r.object,
                subject=refs.get(r.subject_id) if r.subject_id else None,
                claimant=refs.get(r.claimant_id) if r.claimant_id else None,
                statement_id=r.statement_id,
                period_start=r.period_start,
                period_end=r.period_end,
                provenance=provenance(r, r.text, m),
            )
        )
    return out


def export_plan(filters: FigureFilters, sort: FigureSort) -> tuple[Ordering, Any]:
    """The ordering and filtered query an export streams through."""
    return _ordering(sort), filters.apply(base_query())


def list_figures(
    session: Session, page: PageRequest, filters: FigureFilters, sort: FigureSort = FigureSort.id
) -> tuple[list[FigurePublic], str | None]:
    ordering, query = export_plan(filters, sort)
    rows, cursor = keyset_page(session, query, ordering, page, RESOURCE)
    return to_public(session, rows), cursor


def get_figure(session: Session, figure_id: int) -> FigurePublic:
    row = session.get(Figure, figure_id)
    if row is None:
        raise NotFound(f"figure {figure_id} does not exist")
    return to_public(session, [row])[0]
