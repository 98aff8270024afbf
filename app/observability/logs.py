"""Structured logs: one JSON object per line for machines, plain text on a terminal for people.

``CONFLICT_LOG_FORMAT`` chooses: ``json``, ``text``, or ``auto`` (the default: text when standard
error is a terminal, JSON otherwise, which is what a container's log collector reads). Every line
carries the request id of the request it was written in (the same id the response's X-Request-ID
header shows), so one request's lines can be found across the access log and the error log."""

from __future__ import annotations

import json
import logging
import os
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, Literal

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")

# attributes every LogRecord has; anything else on a record came from ``extra=`` and is logged
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime", "taskName"}
_MARK = "_conflict_handler"


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(request_id)s] %(message)s"


def chosen_format(setting: str | None = None) -> Literal["json", "text"]:
    value = (setting or os.environ.get("CONFLICT_LOG_FORMAT") or "auto").lower()
    if value in ("json", "text"):
        return value  # type: ignore[return-value]
    return "text" if sys.stderr.isatty() else "json"


def configure_logging(level: str = "INFO", log_format: str | None = None) -> None:
    """Send the app's and uvicorn's logs through one handler on standard error. Idempotent: a
    second call (a second app in the same process) replaces the handler instead of adding one."""
    handler = logging.StreamHandler(sys.stderr)
    setattr(handler, _MARK, True)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter() if chosen_format(log_format) == "json" else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # uvicorn's own access log has no request id and would repeat our access line: quiet it, and
    # let uvicorn's other loggers propagate to the one handler
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
    logging.getLogger("uvicorn.access").disabled = True
