"""The order /claims pages in, and the keys behind it, stored on each figure at write time.

Claims are listed in (category, subject, object head, start) order. Reading figures in that order,
a claim is complete as soon as the next figure starts after every end seen so far (or belongs to
another category, subject or object), so a page of claims reads only its own figures through the
index CLAIM_ORDER_INDEX, however many figures the database holds."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, literal_column, tuple_

from app.claims.grouping import object_head
from app.models import Figure
from app.models.figure import NO_DATE

# the index's columns; a query must repeat the same expressions, in this order, to use it
CLAIM_ORDER_COLUMNS = "category, coalesce(subject_id, 0), object_head, claim_start, id"


def claim_keys(
    obj: str | None, period_start: date | None, period_end: date | None, published: datetime | date | None
) -> tuple[str, date, date]:
    """(object head, claim start, claim end) of a figure: its period, else its article's day."""
    head = (object_head(obj) or "")[:100]
    if period_start is not None:
        return head, period_start, period_end or period_start
    if published is not None:
        if isinstance(published, datetime):  # the UTC day, as /figures/summary buckets it
            day = (published.astimezone(UTC) if published.tzinfo else published).date()
        else:
            day = published
        return head, day, day
    return head, NO_DATE, NO_DATE


def order_key() -> tuple[Any, ...]:
    """The index's expressions, as SQL: (category, subject or 0, head, start, id)."""
    # a literal 0, not a bound parameter: the expression must match the index's exactly
    subject = func.coalesce(Figure.subject_id, literal_column("0"))
    return (Figure.category, subject, Figure.object_head, Figure.claim_start, Figure.id)


def after(key: list[Any]) -> Any:
    """WHERE the figure comes at or after ``key`` in claim order (a row-value comparison)."""
    return tuple_(*order_key()) >= tuple_(*key)
