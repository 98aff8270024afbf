from __future__ import annotations

from datetime import UTC, date, datetime, time

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.config import JsonDict

from app.articles.annotations import Annotations
from app.core.text import FORBIDDEN_CHARACTERS

_EARLIEST, _LATEST = 1800, 2200


def _clean_optional(value: str | None) -> str | None:
    if value is None:
        return None
    if FORBIDDEN_CHARACTERS.search(value):
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
    title: str | None = Field(default=None, max_length=1000, description="headline")
    url: str | None = Field(default=None, max_length=2000, description="where the article was published")
    source: str | None = Field(default=None, max_length=500, description="publisher or feed name")
    published_at: datetime | date | None = Field(default=None, description="ISO date or datetime")
    external_id: str | None = Field(
        default=None, max_length=200, description="your id; ingesting it again answers the stored article"
    )
    language: str | None = Field(default=None, max_length=20, description="language code of the text ('en')")

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        if FORBIDDEN_CHARACTERS.search(value):
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


_COUNTS_EXAMPLE: JsonDict = {"actors": 4, "mentions": 9, "statements": 2, "figures": 3}
_SUMMARY_EXAMPLE: JsonDict = {
    "id": 42,
    "external_id": "example-wire-1187",
    "title": "Shelling near the border town leaves dozens wounded",
    "url": "https://example.org/news/1187",
    "source": "Example Wire",
    "published_at": "2023-09-14T08:30:00Z",
    "language": "en",
    "content_hash": "3f1b9c2e7a5d4086b1e2c3d4a5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718",
    "ingested_at": "2023-09-14T09:02:11Z",
    "extractor_version": "0.1.0",
    "counts": _COUNTS_EXAMPLE,
}
_TEXT_EXAMPLE = (
    "The defence ministry said 40 soldiers were wounded when shells hit positions near the border town on Thursday."
)


class ArticleCounts(BaseModel):
    """How much was extracted from one article."""

    model_config = ConfigDict(json_schema_extra={"example": _COUNTS_EXAMPLE})

    actors: int = Field(description="distinct actors named in it")
    mentions: int = Field(description="places where an actor is named")
    statements: int = Field(description="statements extracted")
    figures: int = Field(description="figures extracted")


class ArticleSummary(BaseModel):
    """An article's metadata, without its text."""

    model_config = ConfigDict(json_schema_extra={"example": _SUMMARY_EXAMPLE})

    id: int = Field(description="the article's id (GET /api/v1/articles/{id})")
    external_id: str | None = Field(description="the client's id given at ingest, if any")
    title: str | None = Field(description="headline")
    url: str | None = Field(description="where the article was published")
    source: str | None = Field(description="publisher or feed name")
    published_at: datetime | None = Field(description="publication time (UTC); a bare date reads as midnight")
    language: str | None = Field(description="language code of the text")
    content_hash: str = Field(description="SHA-256 (hex) of source and text; the same article is stored once")
    ingested_at: datetime = Field(description="when it was stored (UTC)")
    extractor_version: str = Field(description="the extraction pipeline version that produced its evidence")
    counts: ArticleCounts = Field(description="how much was extracted from it")


class ArticlePublic(ArticleSummary):
    """A stored article with its text and how much was extracted from it."""

    model_config = ConfigDict(json_schema_extra={"example": {**_SUMMARY_EXAMPLE, "text": _TEXT_EXAMPLE}})

    text: str = Field(description="the article text as stored; every offset indexes into it")


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

    article_id: int = Field(description="the article the span is in")
    start: int = Field(description="character offset (Python str index) of the span in the article text")
    end: int = Field(description="end offset, exclusive")
    text: str = Field(description="the span itself")
    sentence: str = Field(description="the sentence holding the span")
    sentence_start: int = Field(description="offset of the sentence in the article text")
    sentence_end: int = Field(description="end offset of the sentence, exclusive")
    source: str | None = Field(default=None, description="the article's source (publisher or feed)")
    published_at: datetime | None = Field(default=None, description="when the article was published")
    url: str | None = Field(default=None, description="the article's URL")


class ArticleDetail(ArticlePublic):
    """A stored article; with ``include=annotations``, every extracted span too."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                **_SUMMARY_EXAMPLE,
                "text": _TEXT_EXAMPLE,
                "annotations": {
                    "mentions": [
                        {
                            "start": 4,
                            "end": 20,
                            "text": "defence ministry",
                            "actor": {"id": 12, "name": "Ministry of Defence", "type": "organization", "aliases": []},
                        }
                    ],
                    "statements": [
                        {
                            "id": 31,
                            "start": 26,
                            "end": 110,
                            "speaker_start": 0,
                            "speaker_end": 20,
                            "kind": "indirect",
                            "cue": "said",
                            "speaker": {
                                "id": 12,
                                "name": "Ministry of Defence",
                                "type": "organization",
                                "aliases": [],
                            },
                        }
                    ],
                    "figures": [
                        {
                            "id": 57,
                            "start": 26,
                            "end": 37,
                            "value": 40,
                            "category": "injured",
                            "claimant": {
                                "id": 12,
                                "name": "Ministry of Defence",
                                "type": "organization",
                                "aliases": [],
                            },
                            "subject": {
                                "id": 15,
                                "name": "Northland armed forces",
                                "type": "armed_group",
                                "aliases": [],
                            },
                            "statement_id": 31,
                        }
                    ],
                },
            }
        }
    )

    annotations: Annotations | None = Field(
        default=None, description="mentions, statements and figures as spans; only with include=annotations"
    )
