from __future__ import annotations

from sqlmodel import Session, col, select

from app.actors.service import actor_refs
from app.articles.schemas import Provenance
from app.core.errors import NotFound
from app.core.pagination import PageRequest
from app.models import Statement
from app.statements.schemas import StatementPublic


def _public(session: Session, rows: list[Statement]) -> list[StatementPublic]:
    refs = actor_refs(session, (r.speaker_id for r in rows))
    out = []
    for r in rows:
        assert r.id is not None
        out.append(StatementPublic(
            id=r.id, article_id=r.article_id,
            speaker=refs.get(r.speaker_id) if r.speaker_id else None,
            speaker_text=r.speaker_text, cue=r.cue, kind=r.kind, content=r.content,
            provenance=Provenance(article_id=r.article_id, start=r.char_start, end=r.char_end, text=r.content,
                                  sentence=r.sentence, sentence_start=r.sentence_start,
                                  sentence_end=r.sentence_end),
        ))
    return out


def list_statements(
    session: Session, page: PageRequest, *, article_id: int | None
) -> tuple[list[StatementPublic], str | None]:
    query = select(Statement)
    if article_id is not None:
        query = query.where(Statement.article_id == article_id)
    after = page.after("statements")
    if after:
        query = query.where(col(Statement.id) > int(after[0]))
    rows = list(session.exec(query.order_by(col(Statement.id)).limit(page.limit + 1)).all())
    rows, cursor = page.page("statements", rows, lambda s: [s.id])
    return _public(session, rows), cursor


def get_statement(session: Session, statement_id: int) -> StatementPublic:
    row = session.get(Statement, statement_id)
    if row is None:
        raise NotFound(f"statement {statement_id} does not exist")
    return _public(session, [row])[0]
