from __future__ import annotations

from sqlmodel import Session, col, select

from app.actors.service import actor_refs
from app.articles.schemas import Provenance
from app.core.errors import NotFound
from app.core.pagination import PageRequest
from app.figures.schemas import FigurePublic
from app.models import Figure


def _number(value: float | None) -> float | None:
    """Whole numbers as ints in JSON (2300, not 2300.0)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _public(session: Session, rows: list[Figure]) -> list[FigurePublic]:
    refs = actor_refs(session, [r.subject_id for r in rows] + [r.claimant_id for r in rows])
    out = []
    for r in rows:
        assert r.id is not None
        out.append(FigurePublic(
            id=r.id, article_id=r.article_id, value=_number(r.value) or 0, low=_number(r.low),
            high=_number(r.high), qualifier=r.qualifier, category=r.category, object=r.object,
            subject=refs.get(r.subject_id) if r.subject_id else None,
            claimant=refs.get(r.claimant_id) if r.claimant_id else None,
            statement_id=r.statement_id, period_start=r.period_start, period_end=r.period_end,
            provenance=Provenance(article_id=r.article_id, start=r.char_start, end=r.char_end, text=r.text,
                                  sentence=r.sentence, sentence_start=r.sentence_start,
                                  sentence_end=r.sentence_end),
        ))
    return out


def list_figures(
    session: Session, page: PageRequest, *, article_id: int | None
) -> tuple[list[FigurePublic], str | None]:
    query = select(Figure)
    if article_id is not None:
        query = query.where(Figure.article_id == article_id)
    after = page.after("figures")
    if after:
        query = query.where(col(Figure.id) > int(after[0]))
    rows = list(session.exec(query.order_by(col(Figure.id)).limit(page.limit + 1)).all())
    rows, cursor = page.page("figures", rows, lambda f: [f.id])
    return _public(session, rows), cursor


def get_figure(session: Session, figure_id: int) -> FigurePublic:
    row = session.get(Figure, figure_id)
    if row is None:
        raise NotFound(f"figure {figure_id} does not exist")
    return _public(session, [row])[0]
