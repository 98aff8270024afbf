"""Request and response models of POST /api/v1/articles:batch."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ItemStatus = Literal["created", "existing", "failed"]


class BatchItemResult(BaseModel):
    """What became of one article of the batch, at its position in the request."""

    index: int = Field(description="position of the article in the request (0-based)")
    status: ItemStatus = Field(description="created; existing (stored before, or earlier in this batch); failed")
    id: int | None = Field(default=None, description="the stored article's id (null when failed)")
    external_id: str | None = None
    error: str | None = Field(default=None, description="why it failed")
    error_status: int | None = Field(default=None, description="the status a single POST /articles would answer")


class BatchResult(BaseModel):
    """Per-article results, in request order; one failed article never stops the others."""

    created: int
    existing: int
    failed: int
    items: list[BatchItemResult]
