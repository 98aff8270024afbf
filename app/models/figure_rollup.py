from __future__ import annotations

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.base import BigId


class FigureRollup(SQLModel, table=True):
    """Count, sum, min and max of figure values per time bucket, category, claimant, subject and
    source, kept by the write path (app/figures/rollups.py) so that /figures/summary reads a few
    rows per bucket instead of every figure. Two grains: ``day`` buckets (for day and week
    summaries) and ``month`` buckets (for month summaries and totals), each small beside the figures.

    A figure's bucket is its ``claim_start`` (its period, else its article's UTC day; NO_DATE for
    neither). Unknown claimant and subject are 0 and an unknown source is '', so that the unique key
    has no NULLs (which would never conflict) and upserts find their row."""

    __tablename__ = "figure_rollups"
    __table_args__ = (
        UniqueConstraint(
            "grain", "bucket", "category", "claimant_id", "subject_id", "source", name="uq_figure_rollups_key"
        ),
    )

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    grain: str = Field(max_length=5)
    bucket: date
    category: str = Field(max_length=20)
    # not indexed on their own: SQLite would walk such an index for its GROUP BY order over every
    # row of both grains; only a merge looks rows up by actor, and it may scan
    claimant_id: int = Field(sa_type=BigId)
    subject_id: int = Field(sa_type=BigId)
    source: str = Field(max_length=500)
    count: int
    sum: float
    min: float
    max: float
