"""Command line: `python -m app --help`. Exit codes: 0 done, 1 failed, 2 usage error."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer
from sqlmodel import Session, col, select

from app.core.config import get_settings
from app.core.db import make_database, unit_of_work
from app.core.security import SCOPES, hash_key, new_key

cli = typer.Typer(help="Conflict Evidence API: serve, migrate, manage keys, re-extract.", no_args_is_help=True,
                  add_completion=False)
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
    for number, article_id in enumerate(ids, 1):
        try:
            reextract_one(db, article_id)
            typer.echo(f"[{number}/{len(ids)}] article {article_id}: extracted with {EXTRACTOR_VERSION}")
        except Exception as exc:  # report and go on: one bad article must not stop the others
            failed += 1
            typer.echo(f"[{number}/{len(ids)}] article {article_id}: failed: {exc}", err=True)
    typer.echo(f"{len(ids) - failed} re-extracted, {failed} failed")
    if failed:
        raise typer.Exit(1)
