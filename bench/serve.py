"""Start the service on a scratch database in a subprocess, for evaluations and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Server:
    base_url: str
    api_key: str
    database_url: str
    process: subprocess.Popen[bytes]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(database_url: str) -> dict[str, str]:
    # access logs would drown the scorers' output; warnings and errors still show
    return {**os.environ, "DATABASE_URL": database_url, "CONFLICT_ENVIRONMENT": "test", "CONFLICT_LOG_LEVEL": "WARNING"}


def create_key(database_url: str, scope: str = "admin") -> str:
    out = subprocess.run(
        [sys.executable, "-m", "app", "keys", "create", "--scope", scope],
        cwd=ROOT,
        env=_env(database_url),
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[-1]


@contextmanager
def running_server(database_url: str | None = None, workers: int = 1) -> Iterator[Server]:
    with tempfile.TemporaryDirectory() as scratch:
        url = database_url or f"sqlite:///{scratch}/eval.db"
        env = _env(url)
        subprocess.run([sys.executable, "-m", "app", "migrate"], cwd=ROOT, env=env, check=True, capture_output=True)
        key = create_key(url)
        port = free_port()
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(base + "/healthz", timeout=2):
                        break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("the server did not start") from None
                    time.sleep(0.2)
            yield Server(base, key, url, proc)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
