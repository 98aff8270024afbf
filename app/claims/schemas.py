from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from app.actors.schemas import ActorRef
from app.figures.schemas import FigurePublic


class ClaimPublic(BaseModel):
    """Figures from one or more articles that report the same thing, and whether their claimants disagree."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": "killed:7:soldier:2023-09-14",
                "category": "killed",
                "subject": {"id": 7, "name": "Armenian armed forces", "type": "armed_group", "aliases": []},
                "object": "soldier",
                "period_start": "2023-09-14",
                "period_end": "2023-09-14",
                "contested": True,
                "value_min": 12,
                "value_max": 40,
                "claimants": ["Azerbaijani Defense Ministry", "Armenian Defense Ministry"],
                "reports": [FigurePublic.model_config["json_schema_extra"]["example"]],  # type: ignore[index]
            }
        }
    )

    id: str = Field(description="stable key: category, subject id, object, first day of the period")
    category: str = Field(description="the reports' category: killed, injured, captured, displaced...")
    subject: ActorRef | None = Field(description="whose losses or forces are counted")
    object: str | None = Field(description="what is counted, reduced to its head word ('soldier')")
    period_start: date | None = Field(description="first day covered by the reports (period, else publication)")
    period_end: date | None = Field(description="last day covered by the reports")
    contested: bool = Field(description="two reports by different claimants whose ranges do not overlap")
    value_min: float = Field(description="lowest value reported")
    value_max: float = Field(description="highest value reported")
    claimants: list[str | None] = Field(description="distinct claimant names; null is the article's own voice")
    reports: list[FigurePublic] = Field(description="every figure of the claim, with claimant, article and span")


class ClaimRow(BaseModel):
    """One report of a claim, flat, for CSV."""

    claim_id: str
    contested: bool
    category: str
    subject_id: int | None
    subject_name: str | None
    object: str | None
    period_start: date | None
    period_end: date | None
    figure_id: int
    value: float
    low: float | None
    high: float | None
    qualifier: str | None
    claimant_id: int | None
    claimant_name: str | None
    article_id: int
    start: int
    end: int
    text: str
    sentence: str
    source: str | None


class ClaimPage(BaseModel):
    """Up to ``limit`` claims; follow next_cursor until null."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "items": [ClaimPublic.model_config["json_schema_extra"]["example"]],  # type: ignore[index]
                "next_cursor": "eyJyIjoiY2xhaW1zIiwiayI6WyJraWxsZWQiLDddfQ.Zp3c8Vw1Lq6sN0yB4rTe2g",
            }
        }
    )

    items: list[ClaimPublic] = Field(description="claims of this page, by category, subject, object, then start")
    next_cursor: str | None = Field(description="opaque cursor for the next page; null on the last page")
