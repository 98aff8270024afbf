"""Request and response models of POST /api/v1/articles:batch."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ItemStatus = Literal["created", "existing", "failed"]


class BatchItemResult(BaseModel):
    """What became of one article of the batch, at its position in the request."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "index": 2,
                "status": "failed",
                "id": None,
                "external_id": "example-wire-1190",
                "error": "text: String should have at least 1 character",
                "error_status": 422,
            }
        }
    )

    index: int = Field(description="position of the article in the request (0-based)")
    status: ItemStatus = Field(description="created; existing (stored before, or earlier in this batch); failed")
    id: int | None = Field(default=None, description="the stored article's id (null when failed)")
    external_id: str | None = Field(default=None, description="the article's external_id, when it gave one")
    error: str | None = Field(default=None, description="why it failed")
    error_status: int | None = Field(default=None, description="the status a single POST /articles would answer")


class BatchResult(BaseModel):
    """Per-article results, in request order; one failed article never stops the others."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "created": 1,
                "existing": 1,
                "failed": 1,
                "items": [
                    {"index": 0, "status": "created", "id": 42, "external_id": "example-wire-1187"},
                    {"index": 1, "status": "existing", "id": 17, "external_id": "example-wire-1021"},
                    {
                        "index": 2,
                        "status": "failed",
                        "external_id": "example-wire-1190",
                        "error": "text: String should have at least 1 character",
                        "error_status": 422,
                    },
                ],
            }
        }
    )

    created: int = Field(description="articles stored by this request")
    existing: int = Field(description="articles already stored (or repeated within the batch)")
    failed: int = Field(description="articles rejected; see their items for why")
    items: list[BatchItemResult] = Field(description="one result per article, in request order")
