"""Maps extraction results to rows. The caller owns the transaction (one article or a batch).

Everything derived from the rows follows them here, in the same transaction: the full-text index
(app/search/fts.py) and the change feed (app/changes/service.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col

from app.changes.service import record as record_change
from app.changes.service import record_many
from app.claims.order import claim_keys
from app.core.db import insert_many
from app.extraction.types import ExtractionResult
from app.figures import rollups
from app.ingest.actors import store_actors
from app.models import Article, Figure, Mention, Statement
from app.search import fts


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article row already inserted, its text, and what the pipeline found in it."""

    article_id: int
    text: str
    result: ExtractionResult
    published: datetime | None  # the article's: a figure without a period is grouped by this day
    source: str | None  # the article's, for the figure rollups


def store_extractions(session: Session, items: Sequence[Extracted]) -> None:
    """The rows of many articles' extractions, a few executemany statements per table for the
    whole batch (the round trips, not the rows, are what an ingest used to pay for)."""
    if not items:
        return
    actor_ids = store_actors(session, (a for item in items for a in item.result.actors))
    mentions = [
        {
            "article_id": item.article_id,
            "actor_id": actor_ids[m.actor_key],
            "char_start": m.start,
            "char_end": m.end,
            "text": m.text[:500],
        }
        for item in items
        for m in item.result.mentions
        if m.actor_key in actor_ids
    ]
    statements = [
        {
            "article_id": item.article_id,
            "speaker_id": actor_ids.get(s.speaker_key) if s.speaker_key else None,
            "speaker_text": s.speaker_text[:500] if s.speaker_text else None,
            "speaker_start": s.speaker_span.start if s.speaker_span else None,
            "speaker_end": s.speaker_span.end if s.speaker_span else None,
            "cue": s.cue[:100] if s.cue else None,
            "kind": s.kind,
            "char_start": s.start,
            "char_end": s.end,
            "content": item.text[s.start : s.end],
            "sentence_start": s.sentence.start,
            "sentence_end": s.sentence.end,
            "sentence": item.text[s.sentence.start : s.sentence.end],
        }
        for item in items
        for s in item.result.statements
    ]
    statement_ids: list[int] = []
    if statements:
        statement_ids = insert_many(session, Statement.__table__, statements)  # type: ignore[attr-defined]
    figures: list[dict[str, Any]] = []
    first_statement = 0  # index in statement_ids of the current article's first statement
    for item in items:
        for f in item.result.figures:
            head, claim_start, claim_end = claim_keys(f.object, f.period_start, f.period_end, item.published)
            figures.append(
                {
                    "object_head": head,
                    "claim_start": claim_start,
                    "claim_end": claim_end,
                    "article_id": item.article_id,
                    "value": f.value,
                    "low": f.low,
                    "high": f.high,
                    "qualifier": f.qualifier[:60] if f.qualifier else None,
                    "category": f.category,
                    "object": f.object[:300] if f.object else None,
                    "subject_id": actor_ids.get(f.subject_key) if f.subject_key else None,
                    "claimant_id": actor_ids.get(f.claimant_key) if f.claimant_key else None,
                    "statement_id": (
                        statement_ids[first_statement + f.statement_index] if f.statement_index is not None else None
                    ),
                    "period_start": f.period_start,
                    "period_end": f.period_end,
                    "char_start": f.start,
                    "char_end": f.end,
                    "text": item.text[f.start : f.end][:1000],
                    "sentence_start": f.sentence.start,
                    "sentence_end": f.sentence.end,
                    "sentence": item.text[f.sentence.start : f.sentence.end],
                }
            )
        first_statement += len(item.result.statements)
    insert_many(session, Mention.__table__, mentions, returning=False)  # type: ignore[attr-defined]
    insert_many(session, Figure.__table__, figures, returning=False)  # type: ignore[attr-defined]
    sources = {item.article_id: item.source for item in items}
    rollups.add(
        session,
        (
            (f["claim_start"], f["category"], f["claimant_id"], f["subject_id"], sources[f["article_id"]], f["value"])
            for f in figures
        ),
    )
    fts.index_statements(session, [item.article_id for item in items])


def store_extraction(session: Session, article: Article, result: ExtractionResult) -> None:
    assert article.id is not None
    store_extractions(session, [Extracted(article.id, article.text, result, article.published_at, article.source)])


def clear_extraction(session: Session, article_id: int) -> None:
    """Remove what was extracted from an article (before extracting it again)."""
    fts.unindex_statements(session, article_id)
    buckets = rollups.touched(session, col(Figure.article_id) == article_id)
    for table in (Figure, Statement, Mention):
        session.execute(delete(table).where(table.article_id == article_id))  # type: ignore[arg-type]
    rollups.recount(session, buckets)
    session.flush()


def articles_stored(session: Session, stored: Sequence[tuple[int, str]]) -> None:
    """After new articles (id, extractor version) and their extractions are written: index them
    and announce them."""
    fts.index_articles(session, [article_id for article_id, _ in stored])
    record_many(session, [(article_id, "ingested", version) for article_id, version in stored])


def article_reextracted(session: Session, article_id: int, extractor_version: str) -> None:
    record_change(session, article_id, "reextracted", extractor_version)


def article_removing(session: Session, article_id: int) -> None:
    """Before an article row is deleted: unindex it and leave a tombstone in the feed."""
    fts.unindex_article(session, article_id)
    record_change(session, article_id, "deleted", None)
