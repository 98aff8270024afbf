"""Every span extracted from one article, for clients that highlight the text."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session, col, select

from app.actors.schemas import ActorRef
from app.actors.service import actor_refs
from app.models import Figure, Mention, Statement


class MentionSpan(BaseModel):
    start: int = Field(description="offset in the article text (Python str index)")
    end: int = Field(description="end offset, exclusive")
    text: str = Field(description="the span as written")
    actor: ActorRef | None = Field(description="the actor it names")


class StatementSpan(BaseModel):
    id: int
    start: int = Field(description="start of the content span")
    end: int = Field(description="end of the content span, exclusive")
    speaker_start: int | None = Field(description="start of the speaker as written, when found")
    speaker_end: int | None = Field(description="end of the speaker span, exclusive")
    kind: str = Field(description="direct, indirect or mixed")
    cue: str | None
    speaker: ActorRef | None


class FigureSpan(BaseModel):
    id: int
    start: int
    end: int
    value: float
    category: str
    claimant: ActorRef | None
    subject: ActorRef | None
    statement_id: int | None


class Annotations(BaseModel):
    """Spans of one article, each ``text[start:end]``, in text order."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "mentions": [
                    {
                        "start": 4,
                        "end": 32,
                        "text": "Azerbaijani Defense Ministry",
                        "actor": {
                            "id": 3,
                            "name": "Azerbaijani Defense Ministry",
                            "type": "organization",
                            "aliases": [],
                        },
                    }
                ],
                "statements": [
                    {
                        "id": 1,
                        "start": 38,
                        "end": 86,
                        "speaker_start": 0,
                        "speaker_end": 32,
                        "kind": "indirect",
                        "cue": "said",
                        "speaker": None,
                    }
                ],
                "figures": [
                    {
                        "id": 1,
                        "start": 38,
                        "end": 58,
                        "value": 40,
                        "category": "killed",
                        "claimant": None,
                        "subject": None,
                        "statement_id": 1,
                    }
                ],
            }
        }
    )

    mentions: list[MentionSpan]
    statements: list[StatementSpan]
    figures: list[FigureSpan]


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
