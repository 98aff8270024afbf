from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.base import BigId, utcnow


class Actor(SQLModel, table=True):
    """An actor shared by every article that mentions it (one "Azerbaijan" row for all)."""

    __tablename__ = "actors"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    # normalised canonical name: what makes two articles' actors the same actor
    key: str = Field(max_length=300, unique=True)
    name: str = Field(max_length=300, index=True)
    type: str = Field(max_length=20, index=True)
    country: str | None = Field(default=None, max_length=3, index=True)
    affiliation_id: int | None = Field(
        default=None, sa_type=BigId, foreign_key="actors.id", ondelete="SET NULL", index=True
    )
    created_at: datetime = Field(default_factory=utcnow)


class ActorAlias(SQLModel, table=True):
    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias_key", name="uq_actor_aliases_actor_key"),)

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    actor_id: int = Field(sa_type=BigId, foreign_key="actors.id", ondelete="CASCADE", index=True)
    alias: str = Field(max_length=300)
    alias_key: str = Field(max_length=300, index=True)
