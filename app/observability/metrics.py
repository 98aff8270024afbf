"""Prometheus metrics: requests by route, ingests, extraction time; served at ``/metrics``.

The metrics live in prometheus_client's process-wide registry because a process serves one app (the
tests build many apps in one process, and a registry per app would count none of the others'
requests anyway). With several uvicorn workers, each worker counts its own requests: scrape each
one, or run one worker per container as docker-compose does with replicas."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import FastAPI, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.observability.logs import request_id_var

REQUESTS = Counter("conflict_http_requests_total", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram(
    "conflict_http_request_duration_seconds",
    "Time to answer a request",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
INGESTS = Counter("conflict_articles_ingested_total", "Articles posted for ingest, by outcome", ["outcome"])
EXTRACTION = Histogram(
    "conflict_extraction_seconds",
    "Time the extraction pipeline takes for one article",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60),
)

INGEST_ROUTE = "/api/v1/articles"
# 201 a new article, 200 one already stored; anything else (401, 413, 422...) was refused
_INGEST_OUTCOMES = {201: "created", 200: "already_stored"}

F = TypeVar("F", bound=Callable[..., Any])
access_log = logging.getLogger("app.access")


def _route_of(scope: Scope) -> str:
    """The route's template (``/api/v1/figures/{figure_id}``), never the raw path: raw paths would
    make one time series per id and exhaust Prometheus."""
    # FastAPI keeps routers included with a prefix apart; the full template (prefix included) is
    # in its effective route context, while scope["route"].path lacks the prefix
    effective = (scope.get("fastapi") or {}).get("effective_route_context")
    path = getattr(effective, "path_format", None) or getattr(scope.get("route"), "path", None)
    if isinstance(path, str):
        return path
    return "<mount>" if scope.get("root_path") or scope.get("app_root_path") else "<unmatched>"


class MetricsMiddleware:
    """Counts and times every HTTP request by method, route template and status, and writes one
    access log line per request with its request id. Mounted inside the request-context
    middleware, so the request id is already in ``scope["state"]``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client sees when the app raises before answering

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        state = scope.setdefault("state", {})
        token = request_id_var.set(str(state.get("request_id", "-")))
        try:
            await self.app(scope, receive, recording_send)
        finally:
            elapsed = time.perf_counter() - started
            route, method = _route_of(scope), scope.get("method", "")
            REQUESTS.labels(method, route, str(status)).inc()
            LATENCY.labels(method, route).observe(elapsed)
            if method == "POST" and route == INGEST_ROUTE:
                INGESTS.labels(_INGEST_OUTCOMES.get(status, "refused")).inc()
            access_log.info(
                "%s %s %d",
                method,
                scope.get("path", ""),
                status,
                extra={
                    "method": method,
                    "path": scope.get("path", ""),
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 2),
                    "request_id": request_id_var.get(),
                },
            )
            request_id_var.reset(token)


def install_metrics(app: FastAPI) -> None:
    """Mount the middleware and the ``/metrics`` endpoint (Prometheus text format)."""
    app.add_middleware(MetricsMiddleware)

    @app.get(
        "/metrics",
        tags=["health"],
        response_class=Response,
        responses={200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "Prometheus text format"}},
    )
    def metrics() -> Response:
        """Prometheus metrics: requests and latencies by route, ingests by outcome, extraction time."""
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
