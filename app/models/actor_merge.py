from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models.base import BigId, utcnow


class ActorMerge(SQLModel, table=True):
    """A record that one actor was merged into another. ``merged_key`` keeps later ingests that
    name the merged actor from creating it again: they resolve to ``into_id``."""

    __tablename__ = "actor_merges"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    into_id: int = Field(sa_type=BigId, foreign_key="actors.id", ondelete="CASCADE", index=True)
    merged_id: int = Field(sa_type=BigId)
    merged_key: str = Field(max_length=300, unique=True)
    merged_name: str = Field(max_length=300)
    moved: str = Field(max_length=500, description="what moved, as counts per reference kind (JSON)")
    api_key_id: int | None = Field(default=None, sa_type=BigId)
    merged_at: datetime = Field(default_factory=utcnow)
