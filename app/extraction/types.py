"""Typed results of the extraction pipeline.

Everything here is plain data: the pipeline fills it from text, the ingest service maps it to rows.
Every offset is a Python ``str`` index into the text the pipeline was given (end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

ActorType = Literal["person", "state", "organization", "armed_group", "international_org", "group"]
StatementKind = Literal["direct", "indirect", "mixed"]
FigureCategory = Literal[
    "killed",
    "injured",
    "casualties",
    "captured",
    "missing",
    "arrested",
    "displaced",
    "destroyed",
    "damaged",
    "deployed",
    "other",
]

ACTOR_TYPES: tuple[str, ...] = ActorType.__args__  # type: ignore[attr-defined]
STATEMENT_KINDS: tuple[str, ...] = StatementKind.__args__  # type: ignore[attr-defined]
FIGURE_CATEGORIES: tuple[str, ...] = FigureCategory.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Actor:
    """One actor of an article. ``key`` is the canonical identity used to merge it with the same
    actor of other articles (normalised canonical name)."""

    key: str
    name: str
    type: ActorType
    country: str | None = None  # ISO 3166-1 alpha-3 of the state it is, or belongs to
    affiliation: str | None = None  # key of the actor it belongs to ("Azerbaijan" for its army)
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    actor_key: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Statement:
    speaker_key: str | None
    speaker_text: str | None
    speaker_span: Span | None
    cue: str | None
    kind: StatementKind
    start: int
    end: int
    sentence: Span


@dataclass(slots=True)
class Figure:
    value: float
    low: float | None
    high: float | None
    qualifier: str | None
    category: FigureCategory
    object: str | None
    subject_key: str | None
    claimant_key: str | None
    statement_index: int | None  # index into ExtractionResult.statements
    start: int
    end: int
    sentence: Span
    period_start: date | None = None
    period_end: date | None = None


@dataclass(slots=True)
class Place:
    name: str
    start: int
    end: int
    country: str | None = None


@dataclass(slots=True)
class ExtractionResult:
    version: str
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
