from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ActorRef(BaseModel):
    """An actor as it appears inside a statement or figure."""

    model_config = ConfigDict(
        json_schema_extra={"example": {"id": 3, "name": "Azerbaijan", "type": "state", "aliases": ["Azeri"]}}
    )

    id: int
    name: str = Field(description="canonical name")
    type: str = Field(description="person, state, organization, armed_group, international_org or group")
    aliases: list[str] = Field(description="every other name this actor answers to")


class AffiliationRef(BaseModel):
    id: int
    name: str


class ActorPublic(ActorRef):
    """An actor shared by every article that mentions it."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": 7,
                "name": "Armenian armed forces",
                "type": "armed_group",
                "aliases": ["Armenian soldiers", "Armenian troops"],
                "country": "ARM",
                "affiliation": {"id": 2, "name": "Armenia"},
            }
        }
    )

    country: str | None = Field(description="ISO 3166-1 alpha-3 code of the state it is or belongs to")
    affiliation: AffiliationRef | None = Field(description="the actor it belongs to (a state for its army)")
