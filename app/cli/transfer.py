"""`import` and `export`: moving articles in and extractions out, with progress bars on standard
error so that standard output stays clean for pipes (``python -m app export > figures.csv``)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, TypeVar

from pydantic import ValidationError
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.articles.schemas import ArticleCreate
from app.core.db import Database
from app.models import Actor, Figure, Statement

stderr = Console(stderr=True)


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=False,
    )


# --- import -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One article to import and where it came from (for messages)."""

    where: str
    body: ArticleCreate | None
    error: str | None = None


def _parse(where: str, raw: Any) -> Source:
    try:
        return Source(where, ArticleCreate.model_validate(raw))
    except ValidationError as exc:
        return Source(where, None, exc.errors()[0]["msg"])


def read_sources(path: Path, source: str | None) -> list[Source]:
    """A folder of .txt and .json files (sorted by name, so a resumed import goes in the same order)
    or one JSON Lines file. A .txt file is the article text; its source is ``source`` if given."""
    if path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
        out = []
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                out.append(_parse(f"{path.name}:{number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                out.append(Source(f"{path.name}:{number}", None, f"not JSON: {exc.msg}"))
        return out
    out = []
    for file in sorted(p for p in path.iterdir() if p.suffix in (".txt", ".json")):
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".txt":
            out.append(_parse(file.name, {"text": text, "source": source}))
            continue
        try:
            out.append(_parse(file.name, json.loads(text)))
        except json.JSONDecodeError as exc:
            out.append(Source(file.name, None, f"not JSON: {exc.msg}"))
    return out


class RateColumn(ProgressColumn):
    """Articles per second since the start (rich's own speed column counts bytes)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:6.1f} articles/s", style="progress.data.speed")


def import_articles(
    db: Database, sources: list[Source], max_text_chars: int, workers: int | None = None
) -> tuple[int, int, int]:
    """Ingest through the bulk path (app/bulk): extraction in ``workers`` processes, several articles
    per transaction, each stored as ``POST /articles`` stores it. Articles already stored (same
    external_id, or same text from the same source) are skipped without extraction, which is what
    makes an interrupted import resumable. Answers (created, skipped, failed)."""
    from app.bulk.config import get_bulk_settings
    from app.bulk.pool import ExtractionPool
    from app.bulk.service import ingest_many

    bulk = get_bulk_settings()
    items = [s.body if s.body is not None else (s.error or "unreadable") for s in sources]
    pool = ExtractionPool(bulk.workers if workers is None else workers, bulk.chunk)
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=stderr,
        transient=False,
    )
    try:
        with bar:
            task = bar.add_task("importing", total=len(items))
            result = ingest_many(
                db,
                items,
                pool,
                max_text_chars=max_text_chars,
                store_batch=bulk.store_batch,
                on_progress=lambda n: bar.advance(task, n),
            )
            for item in result.items:
                if item.status == "failed":  # one bad file must not stop the import: report it, go on
                    bar.console.print(f"[red]{sources[item.index].where}[/red]: {item.error}")
    finally:
        pool.close()
    return result.created, result.existing, result.failed


# --- export -----------------------------------------------------------------------------------


class ExportFormat(StrEnum):
    csv = "csv"
    ndjson = "ndjson"


class ExportKind(StrEnum):
    figures = "figures"
    statements = "statements"


FIGURE_COLUMNS = [
    "id",
    "article_id",
    "value",
    "low",
    "high",
    "qualifier",
    "category",
    "object",
    "subject_id",
    "subject",
    "claimant_id",
    "claimant",
    "statement_id",
    "period_start",
    "period_end",
    "start",
    "end",
    "text",
    "sentence",
]
STATEMENT_COLUMNS = [
    "id",
    "article_id",
    "speaker_id",
    "speaker",
    "speaker_text",
    "cue",
    "kind",
    "content",
    "start",
    "end",
    "sentence",
]
BATCH = 1000


def _number(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {int(i or 0): n for i, n in session.exec(select(Actor.id, Actor.name).where(col(Actor.id).in_(ids)))}


def _figure_rows(session: Session, batch: list[Figure]) -> Iterator[dict[str, Any]]:
    names = _names(session, {i for f in batch for i in (f.subject_id, f.claimant_id) if i is not None})
    for f in batch:
        yield {
            "id": f.id,
            "article_id": f.article_id,
            "value": _number(f.value),
            "low": _number(f.low),
            "high": _number(f.high),
            "qualifier": f.qualifier,
            "category": f.category,
            "object": f.object,
            "subject_id": f.subject_id,
            "subject": names.get(f.subject_id or 0),
            "claimant_id": f.claimant_id,
            "claimant": names.get(f.claimant_id or 0),
            "statement_id": f.statement_id,
            "period_start": f.period_start.isoformat() if f.period_start else None,
            "period_end": f.period_end.isoformat() if f.period_end else None,
            "start": f.char_start,
            "end": f.char_end,
            "text": f.text,
            "sentence": f.sentence,
        }


def _statement_rows(session: Session, batch: list[Statement]) -> Iterator[dict[str, Any]]:
    names = _names(session, {s.speaker_id for s in batch if s.speaker_id is not None})
    for s in batch:
        yield {
            "id": s.id,
            "article_id": s.article_id,
            "speaker_id": s.speaker_id,
            "speaker": names.get(s.speaker_id or 0),
            "speaker_text": s.speaker_text,
            "cue": s.cue,
            "kind": s.kind,
            "content": s.content,
            "start": s.char_start,
            "end": s.char_end,
            "sentence": s.sentence,
        }


Row = TypeVar("Row", Figure, Statement)


def _batches(session: Session, model: type[Row]) -> Iterator[list[Row]]:
    """Keyset batches in id order: no OFFSET, so the last batch costs what the first does."""
    last_id = 0
    while True:
        batch = list(session.exec(select(model).where(col(model.id) > last_id).order_by(col(model.id)).limit(BATCH)))
        if not batch:
            return
        last_id = batch[-1].id or last_id
        yield batch


def _row_batches(session: Session, kind: ExportKind) -> Iterator[list[dict[str, Any]]]:
    if kind is ExportKind.figures:
        for figures in _batches(session, Figure):
            yield list(_figure_rows(session, figures))
    else:
        for statements in _batches(session, Statement):
            yield list(_statement_rows(session, statements))


def export_rows(db: Database, kind: ExportKind, out: IO[str], fmt: ExportFormat) -> int:
    """Stream every row of ``kind`` in id order to ``out``; memory holds one batch at a time."""
    columns = FIGURE_COLUMNS if kind is ExportKind.figures else STATEMENT_COLUMNS
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n") if fmt is ExportFormat.csv else None
    if writer:
        writer.writeheader()
    written = 0
    with Session(db.reader) as session, progress() as bar:
        model = Figure if kind is ExportKind.figures else Statement
        total = int(session.exec(select(func.count()).select_from(model)).one())
        task = bar.add_task(f"exporting {kind.value}", total=total)
        for batch in _row_batches(session, kind):
            for row in batch:
                if writer:
                    writer.writerow(row)
                else:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
            written += len(batch)
            bar.advance(task, len(batch))
    return written


def open_output(path: Path | None) -> IO[str]:
    if path is None or str(path) == "-":
        return sys.stdout
    return path.open("w", encoding="utf-8", newline="")
