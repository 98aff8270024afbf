from __future__ import annotations

from sqlmodel import Field, SQLModel

from app.models.base import BigId


class Mention(SQLModel, table=True):
    """One place in one article where an actor is named."""

    __tablename__ = "mentions"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    article_id: int = Field(sa_type=BigId, foreign_key="articles.id", ondelete="CASCADE", index=True)
    actor_id: int = Field(sa_type=BigId, foreign_key="actors.id", ondelete="CASCADE", index=True)
    char_start: int
    char_end: int
    text: str = Field(max_length=500)
