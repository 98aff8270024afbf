"""A bounded load on one URL: fixed concurrency, fixed duration, loopback only. wrk (Debian
package) when installed, else an asyncio httpx client (slower: it spends CPU the server needs)."""

from __future__ import annotations

import asyncio
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Load:
    url: str
    requests: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    tool: str


def run(url: str, seconds: float = 5.0, concurrency: int = 4) -> Load:
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError("load goes to 127.0.0.1 only")
    if shutil.which("wrk"):
        return _wrk(url, seconds, concurrency)
    return asyncio.run(_httpx(url, seconds, concurrency))


def _wrk(url: str, seconds: float, concurrency: int) -> Load:
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{concurrency}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(HERE / "latency.lua"),
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout
    values = {
        k: int(v)
        for k, v in (
            line.split()
            for line in out.splitlines()
            if line[:1].isalpha() and len(line.split()) == 2 and line.split()[1].isdigit()
        )
    }
    seconds_run = values["duration_us"] / 1e6
    return Load(
        url,
        values["requests"],
        values["requests"] / seconds_run,
        values["p50_us"] / 1e3,
        values["p95_us"] / 1e3,
        values["p99_us"] / 1e3,
        values["errors"],
        "wrk",
    )


async def _httpx(url: str, seconds: float, concurrency: int) -> Load:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def user(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            answer = await client.get(url)
            latencies.append(time.perf_counter() - started)
            errors += answer.status_code >= 400

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=10) as client:
        await asyncio.gather(*(user(client) for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return Load(url, len(latencies), len(latencies) / elapsed, q[49] * 1e3, q[94] * 1e3, q[98] * 1e3, errors, "httpx")
