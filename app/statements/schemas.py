from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from app.actors.schemas import ActorRef
from app.articles.schemas import Provenance


class StatementPublic(BaseModel):
    """What someone said: a direct quote or reported speech, with its speaker."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": 4,
                "article_id": 1,
                "speaker": {"id": 5, "name": "Nikol Pashinyan", "type": "person", "aliases": ["Pashinyan"]},
                "speaker_text": "Pashinyan",
                "cue": "said",
                "kind": "indirect",
                "content": "talks could not begin",
                "provenance": {
                    "article_id": 1,
                    "start": 15,
                    "end": 36,
                    "text": "talks could not begin",
                    "sentence": "Pashinyan said talks could not begin.",
                    "sentence_start": 0,
                    "sentence_end": 37,
                },
            }
        }
    )

    id: int = Field(description="the statement's id")
    article_id: int = Field(description="the article it was reported in")
    speaker: ActorRef | None = Field(description="the resolved speaker; null when it could not be resolved")
    speaker_text: str | None = Field(description="the speaker as written (a name, 'he', 'officials')")
    cue: str | None = Field(description="the verb or noun that signals the statement")
    kind: str = Field(description="direct (inside quote marks), indirect (reported) or mixed")
    content: str = Field(description="what was said, as written (without quote marks)")
    provenance: Provenance = Field(description="the article, span and sentence it was extracted from")
