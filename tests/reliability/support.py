"""What the reliability tests share: scratch databases, a real server in a subprocess (the approach of
bench/serve.py, plus SIGKILL and restart on the same database), the problem-shape assertion and
table counts that show whether a request changed anything."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from tests.databases import add_keys, postgres_server, scratch_database

__all__ = ["add_keys", "postgres_server", "scratch_database"]

ROOT = Path(__file__).resolve().parents[2]
API = "/api/v1"
# every table a request could write to; "nothing changed" compares their row counts
TABLES = ("articles", "mentions", "statements", "figures", "actors", "actor_aliases", "api_keys")


def row_counts(database_url: str) -> dict[str, int]:
    engine = create_engine(database_url)
    with engine.connect() as conn:
        counts = {t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in TABLES}
    engine.dispose()
    return counts


def assert_problem(response: httpx.Response, status: int, echoed: str = "") -> dict[str, Any]:
    """The one error shape: RFC 9457 with the request id of the X-Request-ID header, no internals
    (``echoed`` is the client's own input, which a detail may quote back)."""
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert set(body) >= {"type", "title", "status", "detail", "instance", "request_id"}
    assert body["status"] == status
    assert body["request_id"] == response.headers["x-request-id"]
    for leak in ("Traceback", "SELECT ", "INSERT ", "sqlalchemy", "psycopg", "sqlite3", 'File "'):
        assert leak in echoed or leak not in response.text, leak
    return body


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """uvicorn serving app.main:app on a database, in a process of its own that a test may kill."""

    def __init__(self, database_url: str, **env: str) -> None:
        self.database_url = database_url
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "CONFLICT_ENVIRONMENT": "test",
            "CONFLICT_LOG_FORMAT": "text",
            **env,
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.base_url = ""

    def start(self) -> Server:
        port = free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(self.base_url + "/readyz", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the server did not become ready")
            time.sleep(0.2)

    def kill(self) -> None:
        """SIGKILL: no shutdown hook, no flush, no rollback runs; only what was committed remains."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)


@contextmanager
def running(database_url: str, **env: str) -> Iterator[Server]:
    server = Server(database_url, **env).start()
    try:
        yield server
    finally:
        server.stop()


def report(name: str, **figures: object) -> None:
    """Print the figures the issue asks for; `pytest -s` or the -rA summary shows them."""
    print(f"[reliability] {name}: " + ", ".join(f"{k}={v}" for k, v in figures.items()))
