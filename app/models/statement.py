from __future__ import annotations

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from app.models.base import BigId


class Statement(SQLModel, table=True):
    """What someone said in an article: the content span, its speaker and the cue."""

    __tablename__ = "statements"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    article_id: int = Field(sa_type=BigId, foreign_key="articles.id", ondelete="CASCADE", index=True)
    speaker_id: int | None = Field(
        default=None, sa_type=BigId, foreign_key="actors.id", ondelete="SET NULL", index=True
    )
    speaker_text: str | None = Field(default=None, max_length=500)
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = Field(default=None, max_length=100, index=True)
    kind: str = Field(max_length=10, index=True)
    char_start: int
    char_end: int
    content: str = Field(sa_column=Column(Text, nullable=False))
    sentence_start: int
    sentence_end: int
    sentence: str = Field(sa_column=Column(Text, nullable=False))
