"""One error hierarchy, rendered as RFC 9457 problem details by one set of handlers.

Services raise these; routers never build error responses themselves."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("app.errors")

PROBLEM_JSON = "application/problem+json"


class AppError(Exception):
    status: int = 500
    title: str = "Internal Server Error"
    slug: str = "internal"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class BadRequest(AppError):
    status, title, slug = 400, "Bad Request", "bad-request"


class Unauthorized(AppError):
    status, title, slug = 401, "Unauthorized", "unauthorized"


class Forbidden(AppError):
    status, title, slug = 403, "Forbidden", "forbidden"


class NotFound(AppError):
    status, title, slug = 404, "Not Found", "not-found"


class Conflict(AppError):
    status, title, slug = 409, "Conflict", "conflict"


class PayloadTooLarge(AppError):
    status, title, slug = 413, "Payload Too Large", "payload-too-large"


class UnprocessableContent(AppError):
    status, title, slug = 422, "Unprocessable Content", "validation"


class TooManyRequests(AppError):
    status, title, slug = 429, "Too Many Requests", "rate-limited"


class ServiceUnavailable(AppError):
    status, title, slug = 503, "Service Unavailable", "unavailable"


def problem(request: Request, status: int, title: str, detail: str, slug: str, **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"/problems/{slug}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    request_id = getattr(request.state, "request_id", None)
    if request_id:
        body["request_id"] = request_id
    body.update(extra)
    headers = {"Retry-After": str(extra["retry_after"])} if "retry_after" in extra else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


_HTTP_TITLES = {
    400: ("Bad Request", "bad-request"),
    401: ("Unauthorized", "unauthorized"),
    403: ("Forbidden", "forbidden"),
    404: ("Not Found", "not-found"),
    405: ("Method Not Allowed", "method-not-allowed"),
    413: ("Payload Too Large", "payload-too-large"),
}


def _json_safe(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    return str(value)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        return problem(request, exc.status, exc.title, exc.detail, exc.slug, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(first["loc"])
        detail = f"{where}: {first['msg']}" if where else str(first["msg"])
        return problem(request, 422, "Unprocessable Content", detail, "validation", errors=_json_safe(errors))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        title, slug = _HTTP_TITLES.get(exc.status_code, ("HTTP Error", "http-error"))
        detail = exc.detail if isinstance(exc.detail, str) else title
        return problem(request, exc.status_code, title, detail, slug)

    @app.exception_handler(OperationalError)
    @app.exception_handler(PoolTimeout)
    async def _database_unavailable(request: Request, exc: Exception) -> JSONResponse:
        # A locked SQLite file past busy_timeout, a statement timeout, a lost connection or an
        # exhausted pool: the request may succeed later, so 503 with Retry-After rather than 500.
        # The message (which may hold SQL) goes to the log only; the request id ties the two.
        log.error(
            "database unavailable: %s",
            exc,
            exc_info=exc,
            extra={"request_id": getattr(request.state, "request_id", None)},
        )
        return problem(
            request,
            503,
            "Service Unavailable",
            "the database is busy or unavailable; retry later",
            "unavailable",
            retry_after=1,
        )

    @app.exception_handler(IntegrityError)
    async def _concurrent_change(request: Request, exc: IntegrityError) -> JSONResponse:
        # A write that lost a race with another one (an alias added to an actor that a concurrent
        # merge just deleted): nothing was written, and the caller can look again and retry.
        log.warning("integrity conflict: %s", exc, extra={"request_id": getattr(request.state, "request_id", None)})
        return problem(
            request,
            409,
            "Conflict",
            "the request conflicts with a concurrent change; nothing was written, read the data again and retry",
            "conflict",
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        request_id = getattr(request.state, "request_id", None)
        log.exception("unhandled error", extra={"request_id": request_id})
        return problem(request, 500, "Internal Server Error", "An unexpected error occurred.", "internal")

    document_problems(app)


PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "type": "object",
    "description": "An RFC 9457 problem document; every error answers one.",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {"type": "string", "description": "identifies the kind of problem: /problems/<slug>"},
        "title": {"type": "string", "description": "short summary of the kind of problem (the HTTP reason)"},
        "status": {"type": "integer", "description": "the HTTP status code, repeated"},
        "detail": {"type": "string", "description": "what went wrong with this request, for a human"},
        "instance": {"type": "string", "description": "the path of the request that failed"},
        "request_id": {"type": "string", "description": "also in the X-Request-ID header and the server log"},
        "errors": {
            "type": "array",
            "items": {"type": "object"},
            "description": "validation errors (422 only): each with loc, msg and type",
        },
        "retry_after": {"type": "integer", "description": "seconds to wait before retrying (429 and 503 only)"},
    },
    "example": {
        "type": "/problems/validation",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "body.text: String should have at least 1 character",
        "instance": "/api/v1/articles",
        "request_id": "5f0c2e9a4b7d4c1e",
        "errors": [
            {"loc": ["body", "text"], "msg": "String should have at least 1 character", "type": "string_too_short"}
        ],
    },
}

# FastAPI's own 422 schemas: unreferenced once every 422 answers a Problem, so dropped from the document
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")

_PROBLEM_TEXT = {
    "400": "malformed request (unreadable body, bad cursor)",
    "401": "missing, unknown or revoked API key",
    "403": "the API key's scope does not allow this",
    "404": "no such resource",
    "413": "request body or article text over the limit",
    "422": "invalid input",
    "429": "rate limit reached; see Retry-After",
    "500": "unexpected error (details only in the server log)",
    "503": "database busy or unavailable; see Retry-After",
}


def _problem_statuses(operation: dict[str, Any]) -> list[str]:
    statuses = ["400", "422", "429", "500", "503"]
    if operation.get("security"):
        statuses += ["401", "403"]
    if any(p.get("in") == "path" for p in operation.get("parameters", [])):
        statuses.append("404")
    if "requestBody" in operation:
        statuses.append("413")
    return statuses


def _drop_unreferenced(schema: dict[str, Any], names: tuple[str, ...]) -> None:
    """Remove the named component schemas when nothing outside them references them."""
    components = schema.get("components", {}).get("schemas", {})
    rest = {k: v for k, v in schema.items() if k != "components"}
    rest["components"] = {
        **schema.get("components", {}),
        "schemas": {k: v for k, v in components.items() if k not in names},
    }
    text = json.dumps(rest)
    for name in names:
        if f'"#/components/schemas/{name}"' not in text:
            components.pop(name, None)


def document_problems(app: FastAPI) -> None:
    """Declare the problem responses in the OpenAPI document, so that clients and schema-driven
    fuzzers (schemathesis) know every error status an operation can answer and its shape."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if getattr(app, "_problems_documented", False) and app.openapi_schema:
            return app.openapi_schema
        schema = build()
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        content = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                for status in _problem_statuses(operation):
                    # replaces FastAPI's default 422 (HTTPValidationError), which we never answer
                    operation["responses"][status] = {"description": _PROBLEM_TEXT[status], "content": content}
        _drop_unreferenced(schema, _FASTAPI_VALIDATION_SCHEMAS)
        app.openapi_schema = schema
        app._problems_documented = True  # type: ignore[attr-defined]
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
