from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ChangeKind = Literal["ingested", "reextracted", "deleted"]


class ChangePublic(BaseModel):
    """One change to the stored evidence: an article ingested, re-extracted or deleted."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": 12,
                "article_id": 4,
                "kind": "reextracted",
                "extractor_version": "0.1.0",
                "changed_at": "2024-03-05T10:00:00Z",
            }
        }
    )

    id: int = Field(description="position in the feed; increases in commit order")
    article_id: int = Field(description="the article changed (for `deleted`, it no longer exists)")
    kind: ChangeKind = Field(description="ingested, reextracted (its extractions were replaced) or deleted")
    extractor_version: str | None = Field(description="the pipeline version that produced the extractions")
    changed_at: datetime = Field(description="when the change was committed (UTC)")


class ChangePage(BaseModel):
    """Changes after a cursor. Follow ``next_cursor`` while it is set; then keep ``since`` and poll
    with it later: it resumes exactly after the last change seen."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "items": [ChangePublic.model_config["json_schema_extra"]["example"]],  # type: ignore[index]
                "next_cursor": "eyJyIjoiY2hhbmdlcyIsImsiOlsxMl19.Hq8vT2mYc0pLw5nR7sKd1A",
                "since": "eyJyIjoiY2hhbmdlcyIsImsiOlsxMl19.Hq8vT2mYc0pLw5nR7sKd1A",
            }
        }
    )

    items: list[ChangePublic] = Field(description="changes in feed order (ascending id)")
    next_cursor: str | None = Field(description="the next page now; null when the feed is drained")
    since: str = Field(description="cursor to poll with later (`?since=`): resumes after the last change seen")
