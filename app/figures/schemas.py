from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from app.actors.schemas import ActorRef
from app.articles.schemas import Provenance


class FigurePublic(BaseModel):
    """A reported number with what it counts, whose it is and who claims it."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": 9,
                "article_id": 1,
                "value": 2300,
                "low": 2300,
                "high": 2300,
                "qualifier": "about",
                "category": "casualties",
                "object": "soldiers",
                "subject": {"id": 7, "name": "Armenian armed forces", "type": "armed_group", "aliases": []},
                "claimant": {"id": 8, "name": "Azerbaijani Defense Ministry", "type": "organization", "aliases": []},
                "statement_id": 4,
                "period_start": "2023-09-19",
                "period_end": "2023-09-20",
                "provenance": {
                    "article_id": 1,
                    "start": 40,
                    "end": 63,
                    "text": "2,300 Armenian soldiers",
                    "sentence": "The ministry said 2,300 Armenian soldiers were neutralized.",
                    "sentence_start": 22,
                    "sentence_end": 81,
                },
            }
        }
    )

    id: int = Field(description="the figure's id")
    article_id: int = Field(description="the article it was reported in")
    value: int | float = Field(description="the number as reported ('2.300' and '2,300' are 2300)")
    low: int | float | None = Field(description="lowest reading ('more than 200': 200)")
    high: int | float | None = Field(description="highest reading, when the text gives a ceiling")
    qualifier: str | None = Field(description="'about', 'more than', 'at least', 'dozens'...")
    category: str = Field(
        description="killed, injured, casualties, captured, missing, arrested, displaced, "
        "destroyed, damaged, deployed or other"
    )
    object: str | None = Field(description="what is counted ('soldiers', 'tanks')")
    subject: ActorRef | None = Field(description="whose losses or forces are counted")
    claimant: ActorRef | None = Field(description="who reports the figure; null when the article says it itself")
    statement_id: int | None = Field(description="the statement the figure sits in")
    period_start: date | None = Field(description="first day the figure covers, when the text says")
    period_end: date | None = Field(description="last day the figure covers, when the text says")
    provenance: Provenance = Field(description="the article, span and sentence it was extracted from")
