from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from app.models.base import BigId, utcnow


class Article(SQLModel, table=True):
    __tablename__ = "articles"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    external_id: str | None = Field(default=None, max_length=200, unique=True)
    source: str | None = Field(default=None, max_length=500, index=True)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    published_at: datetime | None = Field(default=None, index=True)
    language: str | None = Field(default=None, max_length=20)
    text: str = Field(sa_column=Column(Text, nullable=False))
    # sha256 of source + NUL + text: "the same text from the same source" is one article
    content_hash: str = Field(max_length=64, unique=True)
    ingested_at: datetime = Field(default_factory=utcnow, index=True)
    extractor_version: str = Field(max_length=40)
