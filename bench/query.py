"""Query benchmark on a loaded database: a bounded load on each hot read, and, on SQLite, the same
list served by Datasette from the very same file, plus the raw SQL time of that list as the floor."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from load import Load, run
from serve import ROOT, free_port, running_server

QUERIES = {
    "figures filtered": "/api/v1/figures?category=killed&claimant=Azerbaijani%20Defense%20Ministry&limit=50",
    "figures deep cursor": None,  # filled at run time: the cursor of a page far into the list
    "summary month x claimant": "/api/v1/figures/summary?group_by=claimant&interval=month&category=killed",
    "statements q=": "/api/v1/statements?q=ceasefire%20violated&limit=50",
    "claims": "/api/v1/claims?limit=20",
}
PEER_API = "/api/v1/figures?category=killed&limit=50"
# Datasette's default table JSON also counts the filtered rows and suggests facets; the lean form
# skips both (as this API does), the fair baseline: the ratio is taken against the faster of the two
PEER_DATASETTE = {
    "default": "/db/figures.json?category=killed&_size=50",
    "lean": "/db/figures.json?category=killed&_size=50&_nocount=1&_nofacet=1",
}
PEER_SQL = "SELECT * FROM figures WHERE category = 'killed' ORDER BY id LIMIT 51"


def _deep_cursor(client: httpx.Client, pages: int = 20) -> str:
    """Follow next_cursor ``pages`` times at 500 a page: the page after 10,000 figures."""
    cursor = None
    for _ in range(pages):
        params = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/figures", params=params).raise_for_status().json()
        cursor = page["next_cursor"] or cursor
    assert cursor is not None
    return f"/api/v1/figures?limit=50&cursor={urllib.parse.quote(cursor)}"


def api_loads(database_url: str, seconds: float, concurrency: int, log: object = print) -> dict[str, Load]:
    out = {}
    with running_server(database_url) as server, httpx.Client(base_url=server.base_url, timeout=60) as client:
        paths = {**QUERIES, "figures deep cursor": _deep_cursor(client)}
        if database_url.startswith("sqlite"):
            paths["peer: figures killed"] = PEER_API
        for name, path in paths.items():
            assert path is not None
            client.get(path).raise_for_status()  # a failing query would measure error pages
            out[name] = run(server.base_url + path, seconds, concurrency)
            log(f"  {name}: {out[name].rps:.0f} req/s, p95 {out[name].p95_ms:.1f} ms")  # type: ignore[operator]
    return out


@contextmanager
def datasette(path: str) -> Iterator[str]:
    port = free_port()
    # --immutable: Datasette's fastest mode (no change detection), the best case for the peer
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            "--immutable",
            path,
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "--setting",
            "num_sql_threads",
            "3",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/-/versions.json", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("datasette did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def datasette_load(sqlite_path: str, seconds: float, concurrency: int) -> dict[str, Load]:
    name = os.path.splitext(os.path.basename(sqlite_path))[0]
    out = {}
    with datasette(sqlite_path) as base:
        for label, path in PEER_DATASETTE.items():
            url = base + path.replace("/db/", f"/{name}/")
            httpx.get(url, timeout=30).raise_for_status()
            out[label] = run(url, seconds, concurrency)
    return out


def raw_sql_ms(sqlite_path: str, repeat: int = 300) -> float:
    """Median time of the peer query in sqlite3, rows fetched: the floor any HTTP layer adds to."""
    conn = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        conn.execute(PEER_SQL).fetchall()
        times.append(time.perf_counter() - started)
    conn.close()
    times.sort()
    return times[len(times) // 2] * 1e3
