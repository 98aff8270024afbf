from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Session, col, exists, select

from app.actors.service import actor_refs, refers_to
from app.articles.meta import NO_META, article_meta, provenance
from app.core.errors import NotFound
from app.core.pagination import Ordering, PageRequest, SortColumn, keyset_page, parse_datetime, parse_int
from app.core.schema_docs import enum_examples
from app.models import Article, Mention, Statement
from app.search.fts import statement_matches
from app.statements.schemas import StatementPublic

RESOURCE = "statements"


class StatementSort(StrEnum):
    """Sort order of statement lists: a field name, descending with a leading ``-``."""

    __get_pydantic_json_schema__ = enum_examples("-published_at")

    id = "id"
    id_desc = "-id"
    published_at = "published_at"
    published_at_desc = "-published_at"


@dataclass(frozen=True, slots=True)
class StatementFilters:
    """Each filter is backed by an index: speaker_id, kind, cue, article_id, mentions.actor_id,
    articles.source / published_at, and the full-text index for ``q``."""

    speaker: str | None = None
    kind: str | None = None
    cue: str | None = None
    mentions: str | None = None
    q: str | None = None
    article_id: int | None = None
    source: str | None = None
    published_from: datetime | None = None
    published_to: datetime | None = None

    def apply(self, session: Session, query: Any) -> Any:
        if self.speaker:
            query = query.where(refers_to(col(Statement.speaker_id), self.speaker))
        if self.kind:
            query = query.where(Statement.kind == self.kind)
        if self.cue:
            query = query.where(Statement.cue == self.cue.strip().lower())
        if self.mentions:
            # an actor named inside the statement's content span, in the same article
            named = select(Mention.id).where(
                Mention.article_id == Statement.article_id,
                col(Mention.char_start) >= Statement.char_start,
                col(Mention.char_end) <= Statement.char_end,
                refers_to(col(Mention.actor_id), self.mentions),
            )
            query = query.where(exists(named))
        if self.q:
            query = query.where(statement_matches(session, self.q))
        if self.article_id is not None:
            query = query.where(Statement.article_id == self.article_id)
        if self.source is not None:
            query = query.where(Article.source == self.source)
        if self.published_from is not None:
            query = query.where(col(Article.published_at) >= self.published_from)
        if self.published_to is not None:
            query = query.where(col(Article.published_at) <= self.published_to)
        return query


def _ordering(sort: StatementSort) -> Ordering:
    descending = sort.value.startswith("-")
    statement_id = SortColumn(col(Statement.id), descending, parse=parse_int)
    if sort.value.lstrip("-") == "published_at":
        published = SortColumn(col(Article.published_at), descending, nullable=True, parse=parse_datetime)
        return Ordering(sort.value, (published, statement_id))
    return Ordering(sort.value, (statement_id,))


def to_public(session: Session, rows: list[Statement]) -> list[StatementPublic]:
    refs = actor_refs(session, (r.speaker_id for r in rows))
    meta = article_meta(session, (r.article_id for r in rows))
    out = []
    for r in rows:
        assert r.id is not None
        m = meta.get(r.article_id, NO_META)
        out.append(
            StatementPublic(
                id=r.id,
                article_id=r.article_id,
                speaker=refs.get(r.speaker_id) if r.speaker_id else None,
                speaker_text=r.speaker_text,
                cue=r.cue,
                kind=r.kind,
                content=r.content,
                provenance=provenance(r, r.content, m),
            )
        )
    return out


def export_plan(session: Session, filters: StatementFilters, sort: StatementSort) -> tuple[Ordering, Any]:
    query = select(Statement).join(Article, col(Article.id) == col(Statement.article_id))
    return _ordering(sort), filters.apply(session, query)


def list_statements(
    session: Session, page: PageRequest, filters: StatementFilters, sort: StatementSort = StatementSort.id
) -> tuple[list[StatementPublic], str | None]:
    ordering, query = export_plan(session, filters, sort)
    rows, cursor = keyset_page(session, query, ordering, page, RESOURCE)
    return to_public(session, rows), cursor


def get_statement(session: Session, statement_id: int) -> StatementPublic:
    row = session.get(Statement, statement_id)
    if row is None:
        raise NotFound(f"statement {statement_id} does not exist")
    return to_public(session, [row])[0]
