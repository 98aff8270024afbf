"""Builds the ASGI app: routers, error handlers, middleware. Nothing else lives here."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app import __version__
from app.actors.router import router as actors_router
from app.articles.router import router as articles_router
from app.bulk.router import router as bulk_router
from app.changes.router import router as changes_router
from app.claims.router import router as claims_router
from app.core.config import Settings, get_settings
from app.core.db import make_database
from app.core.errors import install_error_handlers
from app.core.middleware import RequestContextMiddleware
from app.docs.router import install_docs
from app.figures.router import router as figures_router
from app.health.router import router as health_router
from app.observability.logs import configure_logging
from app.observability.metrics import install_metrics
from app.statements.router import router as statements_router
from app.web.router import install_web

DESCRIPTION = """
Turns news reports about armed conflicts into queryable evidence: the **actors** named in them,
the **statements** (who said what) and the **figures** (dead, injured, captured, displaced,
destroyed...) with **who claims** each number, **about whom**, and **where exactly** in which article.

Every statement and figure carries its provenance: the article, the character span and the sentence.
Ingest needs an `X-API-Key` with the `ingest` scope; deletes need `admin`.
"""

TAGS = [
    {"name": "articles", "description": "Ingest articles and read them back with extraction counts."},
    {"name": "actors", "description": "People, states, organisations, armed groups, with aliases resolved."},
    {"name": "statements", "description": "Direct quotes and reported speech with their speakers."},
    {"name": "figures", "description": "Reported numbers with category, subject, claimant and span."},
    {"name": "claims", "description": "Figures grouped across articles into claims, with contested ones flagged."},
    {"name": "changes", "description": "Change feed: articles ingested, re-extracted or deleted, for sync."},
    {"name": "health", "description": "Liveness, readiness and Prometheus metrics."},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    db = make_database(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from app.extraction.nlp import MODEL_NAME, get_nlp

        configure_logging(settings.log_level)
        # load the spaCy pipeline before the first ingest needs it; /readyz answers 503 until then
        await asyncio.to_thread(get_nlp)
        app.state.model = MODEL_NAME
        yield
        db.dispose()

    app = FastAPI(
        title="Conflict Evidence API",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        contact={"name": "Conflict Evidence maintainers"},
        license_info={"name": "MIT"},
        docs_url=None,  # served by app.docs from local assets instead of a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.db = db
    install_error_handlers(app)
    install_metrics(app)  # first, so innermost: the request id below is set when it logs
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["X-API-Key", "Content-Type"],
        )
    app.add_middleware(RequestContextMiddleware, max_body_bytes=settings.max_body_bytes)
    for router in (articles_router, actors_router, statements_router, figures_router):
        app.include_router(router, prefix="/api/v1")
    app.include_router(claims_router, prefix="/api/v1")
    app.include_router(changes_router, prefix="/api/v1")
    app.include_router(bulk_router, prefix="/api/v1")
    app.include_router(health_router)
    install_docs(app)
    install_web(app)
    return app


app = create_app()
