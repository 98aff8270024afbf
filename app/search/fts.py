"""Full-text search behind one interface, on each database's own engine.

SQLite: FTS5 external-content tables (``articles_fts`` over title and text, ``statements_fts`` over
statement content) with the porter stemmer; the write path adds and removes rows here because
external-content tables do not follow their table by themselves. PostgreSQL: GIN indexes on the
``to_tsvector('english', ...)`` expressions below; the database keeps them current, so the sync
calls are no-ops there. Queries are plain words, all required ("tanks destroyed" finds texts with
both, stemmed: "destroy" matches "destroyed"); no query syntax is exposed, so the two engines
answer alike. The tables and indexes are created in raw SQL by the migration
``add_query_tables`` and hidden from autogenerate by ``include_object``."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import bindparam, func, literal_column, text
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from app.core.errors import BadRequest
from app.models import Article, Statement
from app.models.figure import CLAIM_ORDER_INDEX

# The SQL the PostgreSQL indexes are built on; a query must repeat it exactly to use the index.
ARTICLE_TSVECTOR = "to_tsvector('english', coalesce(articles.title, '') || ' ' || articles.text)"
STATEMENT_TSVECTOR = "to_tsvector('english', statements.content)"
# Raw-SQL objects that the models do not declare (FTS5 creates shadow tables *_data, *_idx...).
FTS_TABLE_PREFIXES = ("articles_fts", "statements_fts")
FTS_INDEXES = frozenset({"ix_articles_fulltext", "ix_statements_fulltext"})

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 16


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic hook: leave the objects created in raw SQL out of autogenerate: the full-text ones,
    and the expression index of claim order (app/claims/order.py)."""
    if type_ == "table" and name and name.startswith(FTS_TABLE_PREFIXES):
        return False
    return not (type_ == "index" and name in (*FTS_INDEXES, CLAIM_ORDER_INDEX))


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def terms(query: str) -> list[str]:
    words = _WORD.findall(query)[:MAX_TERMS]
    if not words:
        raise BadRequest("q needs at least one word")
    return words


def _fts5_query(words: list[str]) -> str:
    # each word quoted, so that FTS5 operators (AND, NEAR, column:) in user input are plain words
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def article_matches(session: Session, query: str) -> ColumnElement[bool]:
    """WHERE clause: the article's title or text contains every word of ``query``."""
    words = terms(query)
    if _is_sqlite(session):
        hits = text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=_fts5_query(words))
        return col(Article.id).in_(hits.columns(literal_column("rowid")))
    return literal_column(ARTICLE_TSVECTOR).op("@@")(_tsquery(words))


def statement_matches(session: Session, query: str) -> ColumnElement[bool]:
    """WHERE clause: the statement's content contains every word of ``query``."""
    words = terms(query)
    if _is_sqlite(session):
        hits = text("SELECT rowid FROM statements_fts WHERE statements_fts MATCH :q").bindparams(q=_fts5_query(words))
        return col(Statement.id).in_(hits.columns(literal_column("rowid")))
    return literal_column(STATEMENT_TSVECTOR).op("@@")(_tsquery(words))


def _tsquery(words: list[str]) -> Any:
    return func.plainto_tsquery(literal_column("'english'"), " ".join(words))


# --- the write path: called by app/ingest/service.py inside the article's transaction -----------


def index_articles(session: Session, article_ids: list[int]) -> None:
    if _is_sqlite(session) and article_ids:
        session.execute(
            text(
                "INSERT INTO articles_fts(rowid, title, text) "
                "SELECT id, coalesce(title, ''), text FROM articles WHERE id IN :ids"
            ).bindparams(bindparam("ids", expanding=True)),
            {"ids": article_ids},
        )


def unindex_article(session: Session, article_id: int) -> None:
    """Before the article row goes: an external-content FTS5 row is deleted with its old values."""
    if _is_sqlite(session):
        session.execute(
            text(
                "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                "SELECT 'delete', id, coalesce(title, ''), text FROM articles WHERE id = :id"
            ),
            {"id": article_id},
        )


def index_statements(session: Session, article_ids: list[int]) -> None:
    if _is_sqlite(session) and article_ids:
        session.execute(
            text(
                "INSERT INTO statements_fts(rowid, content) SELECT id, content FROM statements WHERE article_id IN :ids"
            ).bindparams(bindparam("ids", expanding=True)),
            {"ids": article_ids},
        )


def unindex_statements(session: Session, article_id: int) -> None:
    if _is_sqlite(session):
        session.execute(
            text(
                "INSERT INTO statements_fts(statements_fts, rowid, content) "
                "SELECT 'delete', id, content FROM statements WHERE article_id = :id"
            ),
            {"id": article_id},
        )
