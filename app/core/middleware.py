"""ASGI middleware: request ids, body size limit, security headers."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

Headers = list[tuple[bytes, bytes]]
log = logging.getLogger("app.errors")

SECURITY_HEADERS: Headers = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# Only on JSON answers: an API document needs no scripts, styles or frames, while the HTML docs
# pages (Swagger UI) do, and are left to their own policy.
JSON_ONLY_HEADERS: Headers = [(b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")]


class _TooLarge(StarletteHTTPException):
    """Raised from receive() mid-body; an HTTPException so that FastAPI's body reader passes it on
    to the one error handler instead of turning it into a 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the limit of {limit} bytes")


class RequestContextMiddleware:
    """Gives every request an id (X-Request-ID, echoed back), adds security headers, and refuses
    bodies over ``max_body_bytes`` with 413 before reading them whole: a Content-Length over the
    limit is refused at once; a chunked body is counted as it streams."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"x-request-id", b"").decode("latin-1")[:64]
        # a caller's id is kept only when it is plainly safe to echo into headers and logs
        request_id = given if given.isascii() and given.replace("-", "").isalnum() else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                answer_headers = list(message.get("headers", []))
                extra = [(b"x-request-id", request_id.encode()), *SECURITY_HEADERS]
                content_type = next((v for k, v in answer_headers if k.lower() == b"content-type"), b"")
                if b"json" in content_type:
                    extra += JSON_ONLY_HEADERS
                message["headers"] = answer_headers + extra
            await send(message)

        if b"%00" in scope.get("query_string", b"").lower():
            # PostgreSQL cannot compare or store NUL, and no filter value needs one: refuse it here
            # once rather than as a database error in every filter.
            await self._problem(
                scope,
                send_with_headers,
                request_id,
                400,
                "Bad Request",
                "bad-request",
                "query parameters must not contain NUL characters",
            )
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            await self._refuse(scope, send_with_headers, request_id)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _TooLarge(self.max_body_bytes)
            return message

        try:
            await self.app(scope, counting_receive, send_with_headers)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send_with_headers, request_id)
        except Exception:
            # Unhandled errors would otherwise be answered by Starlette's outermost middleware,
            # outside this one: without the request id and the security headers. Answer here.
            if started:
                raise
            log.exception("unhandled error", extra={"request_id": request_id})
            await self._problem(
                scope,
                send_with_headers,
                request_id,
                500,
                "Internal Server Error",
                "internal",
                "An unexpected error occurred.",
            )

    async def _refuse(self, scope: Scope, send: Any, request_id: str) -> None:
        detail = f"the request body is over the limit of {self.max_body_bytes} bytes"
        await self._problem(
            scope, send, request_id, 413, "Payload Too Large", "payload-too-large", detail, [(b"connection", b"close")]
        )

    @staticmethod
    async def _problem(
        scope: Scope,
        send: Any,
        request_id: str,
        status: int,
        title: str,
        slug: str,
        detail: str,
        headers: Headers | None = None,
    ) -> None:
        body = json.dumps(
            {
                "type": f"/problems/{slug}",
                "title": title,
                "status": status,
                "detail": detail,
                "instance": scope.get("path", ""),
                "request_id": request_id,
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                    *(headers or []),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
