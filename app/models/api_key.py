from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models.base import BigId, utcnow


class ApiKey(SQLModel, table=True):
    """An API key; only the SHA-256 of the key is stored, never the key."""

    __tablename__ = "api_keys"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    key_hash: str = Field(max_length=64, unique=True)
    prefix: str = Field(max_length=12, description="first characters of the key, to tell keys apart")
    scope: str = Field(max_length=10)
    label: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
