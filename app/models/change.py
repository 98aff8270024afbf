from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models.base import BigId, utcnow


class ArticleChange(SQLModel, table=True):
    """One entry of the change feed: an article ingested, re-extracted or deleted.

    No foreign key to articles: a deletion must outlive its article (it is the tombstone)."""

    __tablename__ = "article_changes"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    article_id: int = Field(sa_type=BigId, index=True)
    kind: str = Field(max_length=12)
    extractor_version: str | None = Field(default=None, max_length=40)
    changed_at: datetime = Field(default_factory=utcnow)
