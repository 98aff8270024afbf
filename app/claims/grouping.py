"""The grouping rule for claims, as plain functions over figures (no database here).

Two figures report the same thing when they have the same category, the same subject (both
unknown counts as the same), a comparable object (the same head word, singular: "soldiers" and
"Armenian soldiers" are both "soldier"), and overlapping periods. A figure's period is the period
the text gave, else the day its article was published; figures without either form claims of
their own per object. Overlap is transitive: periods chained by overlaps form one claim.

A claim is contested when two of its reports come from different claimants (the article's own
voice counts as one claimant) and their ranges do not overlap. A report's range is [low, high]
when given, else the value; "more than"/"at least"/"over" open it upwards, "up to"/"fewer than"/
"at most" open it downwards to 0, and "about"/"around"/"approximately"/"some" widen it by 10%.

Claims are listed in (category, subject, object, start) order, undated claims after dated ones.
A page reads at most 20,000 figures: with a filter that few claims match, a page may hold fewer
claims than ``limit``, even none, with a ``next_cursor`` to go on from."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

OPEN_ABOVE = ("more than", "at least", "over", "in excess of", "upwards of", "above")
OPEN_BELOW = ("up to", "fewer than", "less than", "at most", "under", "nearly", "almost")
APPROXIMATE = ("about", "around", "approximately", "some", "roughly", "estimated")
APPROXIMATION = 0.10


@dataclass(slots=True)
class Report:
    figure_id: int
    category: str
    subject_id: int | None
    object: str | None
    claimant_id: int | None
    value: float
    low: float | None
    high: float | None
    qualifier: str | None
    start: date | None
    end: date | None


@dataclass(slots=True)
class Group:
    category: str
    subject_id: int | None
    object: str | None
    start: date | None
    end: date | None
    reports: list[Report] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.category}:{self.subject_id or 0}:{self.object or ''}:{self.start or ''}"

    @property
    def contested(self) -> bool:
        ranges = [(r.claimant_id, value_range(r)) for r in self.reports]
        return any(
            a != b and (ra[1] < rb[0] or rb[1] < ra[0]) for i, (a, ra) in enumerate(ranges) for b, rb in ranges[i + 1 :]
        )


def object_head(text: str | None) -> str | None:
    """The counted noun's head word, singular: 'Armenian soldiers' -> 'soldier'."""
    words = (text or "").lower().split()
    if not words:
        return None
    head = words[-1].strip(".,;:'\"")
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head


def value_range(report: Report) -> tuple[float, float]:
    low = report.low if report.low is not None else report.value
    high = report.high if report.high is not None else report.value
    qualifier = (report.qualifier or "").lower()
    if report.high is None and any(qualifier.startswith(q) for q in OPEN_ABOVE):
        high = math.inf
    if any(qualifier.startswith(q) for q in OPEN_BELOW):
        low = 0.0
    if any(qualifier.startswith(q) for q in APPROXIMATE):
        low, high = min(low, report.value * (1 - APPROXIMATION)), max(high, report.value * (1 + APPROXIMATION))
    return low, high
