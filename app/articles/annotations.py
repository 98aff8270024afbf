"""Every span extracted from one article, for clients that highlight the text."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict
from sqlmodel import Session, col, select

from app.actors.schemas import ActorRef
from app.actors.service import actor_refs
from app.models import Figure, Mention, Statement

_MINISTRY: JsonDict = {"id": 3, "name": "Azerbaijani Defense Ministry", "type": "organization", "aliases": []}
_TROOPS: JsonDict = {"id": 7, "name": "Armenian armed forces", "type": "armed_group", "aliases": []}
_MENTION_EXAMPLE: JsonDict = {"start": 4, "end": 32, "text": "Azerbaijani Defense Ministry", "actor": _MINISTRY}
_STATEMENT_EXAMPLE: JsonDict = {
    "id": 1,
    "start": 38,
    "end": 86,
    "speaker_start": 0,
    "speaker_end": 32,
    "kind": "indirect",
    "cue": "said",
    "speaker": _MINISTRY,
}
_FIGURE_EXAMPLE: JsonDict = {
    "id": 1,
    "start": 38,
    "end": 58,
    "value": 40,
    "category": "killed",
    "claimant": _MINISTRY,
    "subject": _TROOPS,
    "statement_id": 1,
}


class MentionSpan(BaseModel):
    """A place in the text where an actor is named."""

    model_config = ConfigDict(json_schema_extra={"example": _MENTION_EXAMPLE})

    start: int = Field(description="offset in the article text (Python str index)")
    end: int = Field(description="end offset, exclusive")
    text: str = Field(description="the span as written")
    actor: ActorRef | None = Field(description="the actor it names")


class StatementSpan(BaseModel):
    """A statement's content span and, when found, its speaker's span."""

    model_config = ConfigDict(json_schema_extra={"example": _STATEMENT_EXAMPLE})

    id: int = Field(description="the statement's id")
    start: int = Field(description="start of the content span")
    end: int = Field(description="end of the content span, exclusive")
    speaker_start: int | None = Field(description="start of the speaker as written, when found")
    speaker_end: int | None = Field(description="end of the speaker span, exclusive")
    kind: str = Field(description="direct, indirect or mixed")
    cue: str | None = Field(description="the verb or noun that signals the statement")
    speaker: ActorRef | None = Field(description="the resolved speaker; null when it could not be resolved")


class FigureSpan(BaseModel):
    """A figure's span with its value, category, claimant and subject."""

    model_config = ConfigDict(json_schema_extra={"example": _FIGURE_EXAMPLE})

    id: int = Field(description="the figure's id")
    start: int = Field(description="start of the figure in the article text")
    end: int = Field(description="end of the figure span, exclusive")
    value: float = Field(description="the number as reported")
    category: str = Field(description="killed, injured, casualties, captured, displaced, destroyed...")
    claimant: ActorRef | None = Field(description="who reports it; null when the article says it itself")
    subject: ActorRef | None = Field(description="whose losses or forces are counted")
    statement_id: int | None = Field(description="the statement the figure sits in")


class Annotations(BaseModel):
    """Spans of one article, each ``text[start:end]``, in text order."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "mentions": [_MENTION_EXAMPLE],
                "statements": [_STATEMENT_EXAMPLE],
                "figures": [_FIGURE_EXAMPLE],
            }
        }
    )

    mentions: list[MentionSpan] = Field(description="every place an actor is named")
    statements: list[StatementSpan] = Field(description="every statement, with its speaker span")
    figures: list[FigureSpan] = Field(description="every figure")


def spans_of(session: Session, article_id: int) -> Annotations:
    mentions = session.exec(
        select(Mention).where(Mention.article_id == article_id).order_by(col(Mention.char_start), col(Mention.id))
    ).all()
    statements = session.exec(
        select(Statement)
        .where(Statement.article_id == article_id)
        .order_by(col(Statement.char_start), col(Statement.id))
    ).all()
    figures = session.exec(
        select(Figure).where(Figure.article_id == article_id).order_by(col(Figure.char_start), col(Figure.id))
    ).all()
    refs = actor_refs(
        session,
        [m.actor_id for m in mentions]
        + [s.speaker_id for s in statements]
        + [f.claimant_id for f in figures]
        + [f.subject_id for f in figures],
    )
    return Annotations(
        mentions=[
            MentionSpan(start=m.char_start, end=m.char_end, text=m.text, actor=refs.get(m.actor_id)) for m in mentions
        ],
        statements=[
            StatementSpan(
                id=s.id or 0,
                start=s.char_start,
                end=s.char_end,
                speaker_start=s.speaker_start,
                speaker_end=s.speaker_end,
                kind=s.kind,
                cue=s.cue,
                speaker=refs.get(s.speaker_id) if s.speaker_id else None,
            )
            for s in statements
        ],
        figures=[
            FigureSpan(
                id=f.id or 0,
                start=f.char_start,
                end=f.char_end,
                value=f.value,
                category=f.category,
                claimant=refs.get(f.claimant_id) if f.claimant_id else None,
                subject=refs.get(f.subject_id) if f.subject_id else None,
                statement_id=f.statement_id,
            )
            for f in figures
        ],
    )
