from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.text import refuse_unstorable


class ActorRef(BaseModel):
    """An actor as it appears inside a statement or figure."""

    model_config = ConfigDict(
        json_schema_extra={"example": {"id": 3, "name": "Azerbaijan", "type": "state", "aliases": ["Azeri"]}}
    )

    id: int = Field(description="the actor's id (GET /api/v1/actors/{id})")
    name: str = Field(description="canonical name")
    type: str = Field(description="person, state, organization, armed_group, international_org or group")
    aliases: list[str] = Field(description="every other name this actor answers to")


class AffiliationRef(BaseModel):
    """The actor another one belongs to, by id and name."""

    model_config = ConfigDict(json_schema_extra={"example": {"id": 2, "name": "Armenia"}})

    id: int = Field(description="the parent actor's id")
    name: str = Field(description="the parent actor's canonical name")


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


class ActorCounts(BaseModel):
    """How often an actor appears in each role, across every stored article."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {"articles": 3, "mentions": 5, "statements": 0, "figures_claimed": 0, "figures_about": 4}
        }
    )

    articles: int = Field(description="articles that name it")
    mentions: int = Field(description="places in articles where it is named")
    statements: int = Field(description="statements it made")
    figures_claimed: int = Field(description="figures it reported")
    figures_about: int = Field(description="figures counting its losses or forces")


class ReportedWith(BaseModel):
    """An actor named in the same articles as the profiled one, and in how many."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "actor": {"id": 3, "name": "Azerbaijan", "type": "state", "aliases": ["Azeri"]},
                "articles": 3,
            }
        }
    )

    actor: ActorRef = Field(description="the other actor")
    articles: int = Field(description="articles naming both")


class MergeRecord(BaseModel):
    """A duplicate actor that was merged into this one."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {"merged_id": 11, "merged_name": "Armenian Army", "merged_at": "2024-03-05T10:00:00Z"}
        }
    )

    merged_id: int = Field(description="the id the merged actor had")
    merged_name: str = Field(description="the canonical name the merged actor had (now an alias)")
    merged_at: datetime = Field(description="when the merge was made (UTC)")


class ActorProfile(ActorPublic):
    """An actor's page: identity, how often it appears in each role, and who it appears with."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": 7,
                "name": "Armenian armed forces",
                "type": "armed_group",
                "aliases": ["Armenian soldiers"],
                "country": "ARM",
                "affiliation": {"id": 2, "name": "Armenia"},
                "counts": {"articles": 3, "mentions": 5, "statements": 0, "figures_claimed": 0, "figures_about": 4},
                "reported_with": [
                    {"actor": {"id": 3, "name": "Azerbaijan", "type": "state", "aliases": ["Azeri"]}, "articles": 3}
                ],
                "merged_from": [{"merged_id": 11, "merged_name": "Armenian Army", "merged_at": "2024-03-05T10:00:00Z"}],
            }
        }
    )

    counts: ActorCounts = Field(description="appearances in each role")
    reported_with: list[ReportedWith] = Field(description="actors most often named in the same articles")
    merged_from: list[MergeRecord] = Field(description="actors merged into this one")


class AliasCreate(BaseModel):
    """A name to add to an actor; filters and later ingests resolve it to this actor."""

    model_config = ConfigDict(json_schema_extra={"example": {"alias": "Azeri forces"}})

    alias: str = Field(min_length=1, max_length=300, description="the other name")

    @field_validator("alias")
    @classmethod
    def _storable(cls, value: str) -> str:
        value = refuse_unstorable(value).strip()
        if not value:
            raise ValueError("alias is empty")
        return value


class MergeCreate(BaseModel):
    """The actor to merge into the one in the path; it is deleted, every reference moves."""

    model_config = ConfigDict(json_schema_extra={"example": {"merge_id": 11}})

    merge_id: int = Field(ge=1, le=2**63 - 1, description="id of the duplicate actor to merge away")
