from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from app.models.base import BigId

NO_DATE = date(9999, 12, 31)  # claim_start/claim_end of a figure with no date: sorts last
CLAIM_ORDER_INDEX = "ix_figures_claim_order"


class Figure(SQLModel, table=True):
    """A reported number: what it counts, whose, and who claims it, with its span."""

    __tablename__ = "figures"
    # a rollup bucket's figures, when a deletion makes the write path count them again
    __table_args__ = (Index("ix_figures_claim_start_category", "claim_start", "category"),)

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    article_id: int = Field(sa_type=BigId, foreign_key="articles.id", ondelete="CASCADE", index=True)
    value: float = Field(index=True)
    low: float | None = None
    high: float | None = None
    qualifier: str | None = Field(default=None, max_length=60)
    category: str = Field(max_length=20, index=True)
    object: str | None = Field(default=None, max_length=300)
    subject_id: int | None = Field(
        default=None, sa_type=BigId, foreign_key="actors.id", ondelete="SET NULL", index=True
    )
    claimant_id: int | None = Field(
        default=None, sa_type=BigId, foreign_key="actors.id", ondelete="SET NULL", index=True
    )
    statement_id: int | None = Field(
        default=None, sa_type=BigId, foreign_key="statements.id", ondelete="SET NULL", index=True
    )
    period_start: date | None = Field(default=None, index=True)
    period_end: date | None = None
    # The keys /claims groups and pages by, filled at write time (app/claims/order.py): the head word
    # of ``object`` ('' without one), and the figure's dates for grouping: its period, else its
    # article's publication day, else NO_DATE. Indexed, with category and subject, by
    # CLAIM_ORDER_INDEX (raw SQL, an expression index: see the migration add_claim_order).
    object_head: str = Field(default="", max_length=100)
    claim_start: date = Field(default=NO_DATE)
    claim_end: date = Field(default=NO_DATE)
    char_start: int
    char_end: int
    text: str = Field(max_length=1000)
    sentence_start: int
    sentence_end: int
    sentence: str = Field(sa_column=Column(Text, nullable=False))
