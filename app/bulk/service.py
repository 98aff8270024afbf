"""Ingest many articles: deduplicate against the store, extract in worker processes, and write
``store_batch`` articles per transaction with a savepoint each, so that one bad article rolls back
alone. Each article is stored exactly as ``app.articles.service.ingest`` stores it (same rows, same
full-text entry, same change-feed entry): both go through ``store_articles``."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from app.articles.schemas import ArticleCreate
from app.articles.service import content_hash, find_existing, store_articles
from app.bulk.pool import ExtractionPool
from app.bulk.schemas import BatchItemResult, BatchResult
from app.core.db import Database, unit_of_work
from app.core.errors import BadRequest, PayloadTooLarge
from app.extraction.types import ExtractionResult
from app.models import Article

Item = ArticleCreate | str  # a valid article, or why it is not one
Progress = Callable[[int], None]  # called with the number of items just finished
LOOKUP = 500  # hashes per IN (...) query: far below SQLite's and PostgreSQL's parameter limits


def parse_batch(raw: bytes, content_type: str, max_items: int) -> list[Item]:
    """A JSON array of articles, or NDJSON (one article per line). A malformed body is refused
    whole (400); a malformed article is that article's error."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest("the body is not UTF-8") from exc
    kind = content_type.split(";")[0].strip().lower()
    if "ndjson" in kind or "jsonl" in kind:
        ndjson = True
    else:  # application/json is an array; with no usable type, the first character decides
        ndjson = kind != "application/json" and not text.lstrip().startswith("[")
    values: list[object] = []
    if ndjson:
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    values.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    values.append(f"line {number} is not JSON: {exc.msg}")
    else:
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadRequest(f"the body is not JSON: {exc.msg}") from exc
        if not isinstance(loaded, list):
            raise BadRequest("a JSON body must be an array of articles")
        values = loaded
    if not values:
        raise BadRequest("the batch is empty")
    if len(values) > max_items:
        raise PayloadTooLarge(f"the batch has {len(values)} articles; the limit is {max_items}")
    return [validate(v) for v in values]


def validate(value: object) -> Item:
    if isinstance(value, str):
        return value
    try:
        return ArticleCreate.model_validate(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where}: {first['msg']}" if where else str(first["msg"])


@dataclass(slots=True)
class _Pending:
    index: int
    body: ArticleCreate


def _stored_ids_in(session: Session, bodies: Sequence[ArticleCreate]) -> tuple[dict[str, int], dict[str, int]]:
    """Ids of the articles already stored, by content hash and by external_id, in a few queries."""
    by_hash: dict[str, int] = {}
    by_external: dict[str, int] = {}
    for i in range(0, len(bodies), LOOKUP):
        part = bodies[i : i + LOOKUP]
        hashes = [content_hash(b.text, b.source) for b in part]
        externals = [b.external_id for b in part if b.external_id]
        query = select(Article.id, Article.content_hash, Article.external_id).where(
            or_(col(Article.content_hash).in_(hashes), col(Article.external_id).in_(externals))
        )
        for article_id, digest, external_id in session.exec(query):
            if article_id is not None:
                by_hash[digest] = article_id
                if external_id:
                    by_external[external_id] = article_id
    return by_hash, by_external


def _stored_ids(db: Database, bodies: Sequence[ArticleCreate]) -> tuple[dict[str, int], dict[str, int]]:
    with Session(db.reader) as session:
        return _stored_ids_in(session, bodies)


def ingest_many(
    db: Database,
    items: Sequence[Item],
    pool: ExtractionPool,
    *,
    max_text_chars: int,
    store_batch: int,
    on_progress: Progress | None = None,
) -> BatchResult:
    """Ingest every valid item; answers one result per item, in order."""
    done: list[BatchItemResult | None] = [None] * len(items)
    tick = on_progress or (lambda _n: None)
    valid = [(i, item) for i, item in enumerate(items) if isinstance(item, ArticleCreate)]
    by_hash, by_external = _stored_ids(db, [b for _, b in valid])
    first_of: dict[str, int] = {}  # identity in this batch -> index of its first occurrence
    repeats: list[tuple[int, int]] = []
    pending: list[_Pending] = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            done[i] = BatchItemResult(index=i, status="failed", error=item, error_status=422)
            continue
        if len(item.text) > max_text_chars:
            done[i] = BatchItemResult(
                index=i,
                status="failed",
                external_id=item.external_id,
                error_status=413,
                error=f"text has {len(item.text)} characters; the limit is {max_text_chars}",
            )
            continue
        digest = content_hash(item.text, item.source)
        stored = by_external.get(item.external_id or "") or by_hash.get(digest)
        if stored is not None:
            done[i] = BatchItemResult(index=i, status="existing", id=stored, external_id=item.external_id)
            continue
        identities = [digest] + ([f"ext:{item.external_id}"] if item.external_id else [])
        earlier = next((first_of[k] for k in identities if k in first_of), None)
        if earlier is not None:
            repeats.append((i, earlier))
            continue
        for key in identities:
            first_of[key] = i
        pending.append(_Pending(i, item))
    tick(len(items) - len(pending) - len(repeats))

    batch: list[tuple[_Pending, object]] = []
    for job, outcome in zip(pending, pool.extract([p.body for p in pending]), strict=True):
        batch.append((job, outcome))
        if len(batch) >= store_batch:
            _store(db, batch, done)
            tick(len(batch))
            batch = []
    if batch:
        _store(db, batch, done)
        tick(len(batch))
    for i, earlier in repeats:
        first = done[earlier]
        assert first is not None
        done[i] = (
            BatchItemResult(index=i, status="existing", id=first.id, external_id=items[i].external_id)  # type: ignore[union-attr]
            if first.id is not None
            else first.model_copy(update={"index": i})
        )
    tick(len(repeats))
    results = [r for r in done if r is not None]
    return BatchResult(
        created=sum(r.status == "created" for r in results),
        existing=sum(r.status == "existing" for r in results),
        failed=sum(r.status == "failed" for r in results),
        items=results,
    )


def _store(db: Database, batch: Sequence[tuple[_Pending, object]], done: list[BatchItemResult | None]) -> None:
    """One transaction for the whole batch. The articles go in together (a few statements per table
    for all of them); if that fails, each article is tried again under its own savepoint, so that
    one bad article fails alone and the others stay."""
    with unit_of_work(db.writer) as session:
        todo: list[tuple[_Pending, ExtractionResult]] = []
        for job, outcome in batch:
            if isinstance(outcome, ExtractionResult):
                todo.append((job, outcome))
            else:
                done[job.index] = BatchItemResult(
                    index=job.index,
                    status="failed",
                    external_id=job.body.external_id,
                    error=str(outcome),
                    error_status=500,
                )
        # a concurrent writer may have stored some since the lookup (PostgreSQL, other processes)
        by_hash, by_external = _stored_ids_in(session, [job.body for job, _ in todo])
        fresh = []
        for job, result in todo:
            found = by_external.get(job.body.external_id or "") or by_hash.get(
                content_hash(job.body.text, job.body.source)
            )
            if found is None:
                fresh.append((job, result))
            else:
                done[job.index] = BatchItemResult(
                    index=job.index, status="existing", id=found, external_id=job.body.external_id
                )
        savepoint = session.begin_nested()
        try:
            ids = store_articles(session, [(job.body, result) for job, result in fresh])
            savepoint.commit()
        except Exception:
            savepoint.rollback()
            for job, result in fresh:
                _store_one(session, job, result, done)
            return
        for (job, _), article_id in zip(fresh, ids, strict=True):
            done[job.index] = BatchItemResult(
                index=job.index, status="created", id=article_id, external_id=job.body.external_id
            )


def _store_one(session: Session, job: _Pending, result: ExtractionResult, done: list[BatchItemResult | None]) -> None:
    ext = job.body.external_id
    savepoint = session.begin_nested()
    try:
        found = find_existing(session, job.body)
        if found is not None:
            savepoint.commit()
            done[job.index] = BatchItemResult(index=job.index, status="existing", id=found.id, external_id=ext)
            return
        (article_id,) = store_articles(session, [(job.body, result)])
        savepoint.commit()
        done[job.index] = BatchItemResult(index=job.index, status="created", id=article_id, external_id=ext)
    except Exception as exc:  # this article only: its savepoint is undone, the others stay
        savepoint.rollback()
        if isinstance(exc, IntegrityError):  # a concurrent writer stored the same article or actor
            error, status = f"conflict while storing: {exc.orig}", 409
        else:
            error, status = f"storing failed: {type(exc).__name__}", 500
        done[job.index] = BatchItemResult(
            index=job.index, status="failed", external_id=ext, error=error, error_status=status
        )
