"""Maps an extraction result to rows. The caller owns the transaction (one per article).

Everything derived from the rows follows them here, in the same transaction: the full-text index
(app/search/fts.py) and the change feed (app/changes/service.py)."""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import Session

from app.actors.service import get_or_create_actor
from app.changes.service import record as record_change
from app.extraction.types import Actor as ExtractedActor
from app.extraction.types import ExtractionResult
from app.models import Figure, Mention, Statement
from app.search import fts


def _store_actors(session: Session, actors: list[ExtractedActor]) -> dict[str, int]:
    """Create or find every actor; a parent (the state of an army) is stored before its children."""
    ids: dict[str, int] = {}
    pending = list(actors)
    known = {a.key for a in actors}
    while pending:
        ready = [a for a in pending if a.affiliation is None or a.affiliation in ids or a.affiliation not in known]
        if not ready:  # an affiliation cycle: store the rest without their affiliation
            ready = pending
        for actor in ready:
            ids[actor.key] = get_or_create_actor(
                session,
                key=actor.key,
                name=actor.name,
                type=actor.type,
                country=actor.country,
                affiliation_id=ids.get(actor.affiliation) if actor.affiliation else None,
                aliases=actor.aliases,
            )
        pending = [a for a in pending if a not in ready]
    return ids


def store_extraction(session: Session, article_id: int, text: str, result: ExtractionResult) -> None:
    actor_ids = _store_actors(session, result.actors)
    session.add_all(
        Mention(
            article_id=article_id,
            actor_id=actor_ids[m.actor_key],
            char_start=m.start,
            char_end=m.end,
            text=m.text[:500],
        )
        for m in result.mentions
        if m.actor_key in actor_ids
    )
    statements = []
    for s in result.statements:
        row = Statement(
            article_id=article_id,
            speaker_id=actor_ids.get(s.speaker_key) if s.speaker_key else None,
            speaker_text=s.speaker_text[:500] if s.speaker_text else None,
            speaker_start=s.speaker_span.start if s.speaker_span else None,
            speaker_end=s.speaker_span.end if s.speaker_span else None,
            cue=s.cue[:100] if s.cue else None,
            kind=s.kind,
            char_start=s.start,
            char_end=s.end,
            content=text[s.start : s.end],
            sentence_start=s.sentence.start,
            sentence_end=s.sentence.end,
            sentence=text[s.sentence.start : s.sentence.end],
        )
        session.add(row)
        statements.append(row)
    session.flush()  # statement ids, for the figures that sit in them
    session.add_all(
        Figure(
            article_id=article_id,
            value=f.value,
            low=f.low,
            high=f.high,
            qualifier=f.qualifier[:60] if f.qualifier else None,
            category=f.category,
            object=f.object[:300] if f.object else None,
            subject_id=actor_ids.get(f.subject_key) if f.subject_key else None,
            claimant_id=actor_ids.get(f.claimant_key) if f.claimant_key else None,
            statement_id=statements[f.statement_index].id if f.statement_index is not None else None,
            period_start=f.period_start,
            period_end=f.period_end,
            char_start=f.start,
            char_end=f.end,
            text=text[f.start : f.end][:1000],
            sentence_start=f.sentence.start,
            sentence_end=f.sentence.end,
            sentence=text[f.sentence.start : f.sentence.end],
        )
        for f in result.figures
    )
    session.flush()
    fts.index_statements(session, article_id)


def clear_extraction(session: Session, article_id: int) -> None:
    """Remove what was extracted from an article (before extracting it again)."""
    fts.unindex_statements(session, article_id)
    for table in (Figure, Statement, Mention):
        session.execute(delete(table).where(table.article_id == article_id))  # type: ignore[arg-type]
    session.flush()


def article_stored(session: Session, article_id: int, extractor_version: str) -> None:
    """After a new article and its extractions are flushed: index it and announce it."""
    fts.index_article(session, article_id)
    record_change(session, article_id, "ingested", extractor_version)


def article_reextracted(session: Session, article_id: int, extractor_version: str) -> None:
    record_change(session, article_id, "reextracted", extractor_version)


def article_removing(session: Session, article_id: int) -> None:
    """Before an article row is deleted: unindex it and leave a tombstone in the feed."""
    fts.unindex_article(session, article_id)
    record_change(session, article_id, "deleted", None)
