"""Command line: `python -m app --help` (or the `conflict-evidence` console script).

Exit codes scripts can trust: 0 done, 1 some work failed (the rest was done), 2 usage error (bad
option or argument, nothing done)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session, col, select

from app.cli.transfer import ExportFormat, ExportKind, progress
from app.core.config import get_settings
from app.core.db import make_database, unit_of_work
from app.core.security import SCOPES, hash_key, new_key

cli = typer.Typer(
    help="Conflict Evidence API: serve, migrate, import, export, manage keys, re-extract.",
    no_args_is_help=True,
    add_completion=False,
)
keys = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)
cli.add_typer(keys, name="keys")


@cli.command()
def migrate(revision: Annotated[str, typer.Option(help="target revision")] = "head") -> None:
    """Bring the database (DATABASE_URL) to the newest schema."""
    from app.core.migrations import upgrade

    upgrade(get_settings().database_url, revision)
    typer.echo(f"database at {revision}")


@cli.command()
def serve(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
    workers: Annotated[int, typer.Option(help="uvicorn worker processes")] = 1,
) -> None:
    """Serve the API with uvicorn."""
    import uvicorn

    uvicorn.run("app.main:app", host=host, port=port, workers=workers, proxy_headers=False)


@keys.command("create")
def keys_create(
    scope: Annotated[str, typer.Option(help="read, ingest or admin")] = "ingest",
    label: Annotated[str | None, typer.Option(help="a note to tell keys apart")] = None,
) -> None:
    """Create an API key and print it alone on the last line (shown once; only its hash is kept)."""
    from app.models import ApiKey

    if scope not in SCOPES:
        typer.echo(f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}", err=True)
        raise typer.Exit(2)
    key = new_key()
    db = make_database(get_settings())
    with unit_of_work(db.writer) as session:
        session.add(ApiKey(key_hash=hash_key(key), prefix=key[:10], scope=scope, label=label))
    typer.echo(f"created a {scope} key; store it now, it is not shown again:")
    typer.echo(key)


@keys.command("list")
def keys_list() -> None:
    """List keys (id, prefix, scope, label, created, revoked); never the keys themselves."""
    from app.models import ApiKey

    db = make_database(get_settings())
    with Session(db.reader) as session:
        for k in session.exec(select(ApiKey).order_by(col(ApiKey.id))):
            revoked = k.revoked_at.isoformat() if k.revoked_at else "-"
            typer.echo(f"{k.id}\t{k.prefix}…\t{k.scope}\t{k.label or '-'}\t{k.created_at.isoformat()}\t{revoked}")


@keys.command("revoke")
def keys_revoke(key_id: Annotated[int, typer.Argument(help="id from `keys list`")]) -> None:
    """Revoke a key: requests with it answer 401 from now on."""
    from app.models import ApiKey

    db = make_database(get_settings())
    with unit_of_work(db.writer) as session:
        row = session.get(ApiKey, key_id)
        if row is None:
            typer.echo(f"no key with id {key_id}", err=True)
            raise typer.Exit(1)
        row.revoked_at = row.revoked_at or datetime.now(UTC)
    typer.echo(f"key {key_id} revoked")


@cli.command()
def reextract(
    article: Annotated[list[int] | None, typer.Option("--article", help="an article id (repeatable)")] = None,
    all_articles: Annotated[bool, typer.Option("--all", help="every article")] = False,
) -> None:
    """Run the current extraction pipeline again on stored articles (default: those extracted by an
    older version), one transaction per article."""
    from app.articles.service import reextract as reextract_one
    from app.articles.service import stale_article_ids
    from app.extraction import EXTRACTOR_VERSION
    from app.models import Article

    db = make_database(get_settings())
    with Session(db.reader) as session:
        if article:
            ids = list(article)
        elif all_articles:
            ids = [i for i in session.exec(select(Article.id).order_by(col(Article.id))).all() if i is not None]
        else:
            ids = stale_article_ids(session, EXTRACTOR_VERSION)
    failed = 0
    with progress() as bar:
        task = bar.add_task(f"re-extracting with {EXTRACTOR_VERSION}", total=len(ids))
        for article_id in ids:
            try:
                reextract_one(db, article_id)
            except Exception as exc:  # report and go on: one bad article must not stop the others
                failed += 1
                bar.console.print(f"[red]article {article_id}[/red]: failed: {exc}")
            bar.advance(task)
    typer.echo(f"{len(ids) - failed} re-extracted, {failed} failed")
    if failed:
        raise typer.Exit(1)


@cli.command("import")
def import_(
    path: Annotated[
        Path, typer.Argument(exists=True, readable=True, help="a folder of .txt and .json files, or a .jsonl file")
    ],
    source: Annotated[str | None, typer.Option(help="the source recorded for .txt files")] = None,
    workers: Annotated[
        int | None, typer.Option(min=0, help="extraction processes (default CONFLICT_BULK_WORKERS, else one per core)")
    ] = None,
) -> None:
    """Ingest articles as POST /api/v1/articles does, extracting in worker processes and writing
    several per transaction; shows articles/s and ETA. Resumable: articles already stored (same
    external_id, or same text from the same source) are skipped."""
    from app.cli.transfer import import_articles, read_sources

    settings = get_settings()
    sources = read_sources(path, source)
    created, skipped, failed = import_articles(make_database(settings), sources, settings.max_text_chars, workers)
    typer.echo(f"{created} imported, {skipped} already stored, {failed} failed")
    if failed:
        raise typer.Exit(1)


@cli.command()
def export(
    kind: Annotated[ExportKind, typer.Argument(help="what to export")] = ExportKind.figures,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv or ndjson")] = ExportFormat.csv,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="a file (default: standard output)")] = None,
) -> None:
    """Write every figure (with claimant and subject names) or statement as CSV or NDJSON, streamed
    from the database in id order; the progress bar goes to standard error."""
    from app.cli.transfer import export_rows, open_output

    out = open_output(output)
    try:
        written = export_rows(make_database(get_settings()), kind, out, fmt)
    finally:
        if out is not sys.stdout:
            out.close()
    typer.echo(f"{written} {kind.value} exported", err=True)
