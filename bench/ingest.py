"""Ingest benchmark: the same articles through (a) raw spaCy ``nlp.pipe`` with the service's model
and no storage, the floor of any spaCy-based service; (b) ``POST /articles`` one at a time; (c)
``POST /articles:batch`` with the extraction pool. (a) runs before and after (b) and (c) and its
mean is the baseline, so that drift on a shared machine hits both sides of each ratio."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx
from corpus import WireArticle
from procs import peak_rss_mb, worker_peaks
from serve import running_server


@dataclass
class IngestResult:
    articles: int
    words: int
    raw_pipe: list[float] = field(default_factory=list)  # articles/s of each (a) run
    single: float = 0.0
    bulk_runs: list[float] = field(default_factory=list)  # articles/s of each (c) run
    workers: int = 2
    server_peak_mb: dict[str, float] = field(default_factory=dict)
    worker_peak_mb: list[float] = field(default_factory=list)
    raw_peak_mb: float = 0.0

    @property
    def bulk(self) -> float:
        return sum(self.bulk_runs) / len(self.bulk_runs) if self.bulk_runs else 0.0

    @property
    def baseline(self) -> float:
        return sum(self.raw_pipe) / len(self.raw_pipe)


def raw_pipe(texts: list[str], batch_size: int = 16) -> float:
    from app.extraction.nlp import get_nlp

    nlp = get_nlp()
    list(nlp.pipe(texts[:2]))  # warm: the first call allocates
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return len(texts) / (time.perf_counter() - started)


def _single(base: str, key: str, articles: list[WireArticle]) -> float:
    with httpx.Client(base_url=base, headers={"X-API-Key": key}, timeout=120) as client:
        started = time.perf_counter()
        for article in articles:
            answer = client.post("/api/v1/articles", json=article.as_json())
            answer.raise_for_status()
        return len(articles) / (time.perf_counter() - started)


def _bulk(base: str, key: str, articles: list[WireArticle], batch: int, concurrency: int) -> float:
    batches = [[a.as_json() for a in articles[i : i + batch]] for i in range(0, len(articles), batch)]

    def post(client: httpx.Client, body: list[dict[str, Any]]) -> int:
        answer = client.post("/api/v1/articles:batch", json=body)
        answer.raise_for_status()
        return int(answer.json()["created"])

    with httpx.Client(base_url=base, headers={"X-API-Key": key}, timeout=600) as client:
        # warm the pool (spawns the workers and loads their models) outside the timing
        client.post("/api/v1/articles:batch", json=[{"text": "The ministry said 3 soldiers were killed."}])
        started = time.perf_counter()
        # two requests in flight: while one stores its last articles, the other keeps the pool busy
        with ThreadPoolExecutor(concurrency) as threads:
            created = sum(threads.map(lambda body: post(client, body), batches))
        elapsed = time.perf_counter() - started
    if created != len(articles):
        raise RuntimeError(f"bulk ingest created {created} of {len(articles)}")
    return len(articles) / elapsed


def run(articles: list[WireArticle], workers: int = 2, batch: int = 25, log: Any = print) -> IngestResult:
    texts = [a.text for a in articles]
    result = IngestResult(len(articles), sum(len(t.split()) for t in texts), workers=workers)
    log(f"ingest: (a) raw nlp.pipe on {len(texts)} articles")
    result.raw_pipe.append(raw_pipe(texts))
    os.environ["CONFLICT_BULK_WORKERS"] = str(workers)
    with running_server() as server:
        log("ingest: (b) POST /articles, sequentially")
        result.single = _single(server.base_url, server.api_key, articles)
        result.server_peak_mb["single"] = peak_rss_mb(server.process.pid) or 0.0
    # a fresh server and database each time, so that (c) stores everything again and its peak is
    # its own; two runs, because two parallel processes on a shared machine vary the most
    for run_number in (1, 2):
        with running_server() as server:
            log(f"ingest: (c) POST /articles:batch, {workers} worker processes (run {run_number} of 2)")
            result.bulk_runs.append(_bulk(server.base_url, server.api_key, articles, batch, concurrency=2))
            result.server_peak_mb["bulk"] = max(
                result.server_peak_mb.get("bulk", 0.0), peak_rss_mb(server.process.pid) or 0.0
            )
            result.worker_peak_mb = worker_peaks(server.process.pid)
    log("ingest: (a) again")
    result.raw_pipe.append(raw_pipe(texts))
    result.raw_peak_mb = peak_rss_mb(os.getpid()) or 0.0
    return result
