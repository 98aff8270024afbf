from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.articles.annotations import Annotations

# C0 control characters other than tab, newline and carriage return have no place in a news text
# and PostgreSQL cannot store NUL at all; lone surrogates cannot be encoded as UTF-8.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_EARLIEST, _LATEST = 1800, 2200


def _clean_optional(value: str | None) -> str | None:
    if value is None:
        return None
    if _FORBIDDEN.search(value):
        raise ValueError("contains control characters or unpaired surrogates")
    value = value.strip()
    return value or None


class ArticleCreate(BaseModel):
    """An article to ingest. Only ``text`` is required."""

    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "example": {
                "text": "Sixty soldiers were killed, the ministry said on Monday.",
                "title": "Clashes continue",
                "source": "Example Wire",
                "url": "https://example.org/news/1",
                "published_at": "2024-03-04",
                "external_id": "example-wire-1",
                "language": "en",
            }
        },
    )

    text: str = Field(min_length=1, description="the article text; offsets index into it (after \\r\\n -> \\n)")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=500, description="publisher or feed name")
    published_at: datetime | date | None = Field(default=None, description="ISO date or datetime")
    external_id: str | None = Field(
        default=None, max_length=200, description="your id; ingesting it again answers the stored article"
    )
    language: str | None = Field(default=None, max_length=20)

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        if _FORBIDDEN.search(value):
            raise ValueError("text contains control characters or unpaired surrogates")
        value = value.replace("\r\n", "\n")
        if not value.strip():
            raise ValueError("text is empty")
        return value

    @field_validator("title", "url", "source", "external_id", "language")
    @classmethod
    def _optional(cls, value: str | None) -> str | None:
        return _clean_optional(value)

    @field_validator("published_at")
    @classmethod
    def _published(cls, value: datetime | date | None) -> datetime | date | None:
        if value is not None and not _EARLIEST <= value.year <= _LATEST:
            raise ValueError(f"published_at must lie between {_EARLIEST} and {_LATEST}")
        return value

    def published_datetime(self) -> datetime | None:
        value = self.published_at
        if value is None:
            return None
        if not isinstance(value, datetime):
            return datetime.combine(value, time(), tzinfo=UTC)
        return value if value.tzinfo else value.replace(tzinfo=UTC)


class ArticleCounts(BaseModel):
    actors: int
    mentions: int
    statements: int
    figures: int


class ArticleSummary(BaseModel):
    """An article's metadata, without its text."""

    id: int
    external_id: str | None
    title: str | None
    url: str | None
    source: str | None
    published_at: datetime | None
    language: str | None
    content_hash: str
    ingested_at: datetime
    extractor_version: str
    counts: ArticleCounts


class ArticlePublic(ArticleSummary):
    """A stored article with its text and how much was extracted from it."""

    text: str


class Provenance(BaseModel):
    """Where an item comes from: ``text == article.text[start:end]``."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "article_id": 1,
                "start": 6,
                "end": 19,
                "text": "2,300 troops",
                "sentence": "About 2,300 troops were killed.",
                "sentence_start": 0,
                "sentence_end": 31,
                "source": "Example Wire",
                "published_at": "2024-03-04T00:00:00Z",
                "url": "https://example.org/news/1",
            }
        }
    )

    article_id: int
    start: int = Field(description="character offset (Python str index) of the span in the article text")
    end: int = Field(description="end offset, exclusive")
    text: str = Field(description="the span itself")
    sentence: str = Field(description="the sentence holding the span")
    sentence_start: int
    sentence_end: int
    source: str | None = Field(default=None, description="the article's source (publisher or feed)")
    published_at: datetime | None = Field(default=None, description="when the article was published")
    url: str | None = Field(default=None, description="the article's URL")


class ArticleDetail(ArticlePublic):
    """A stored article; with ``include=annotations``, every extracted span too."""

    annotations: Annotations | None = Field(
        default=None, description="mentions, statements and figures as spans; only with include=annotations"
    )
