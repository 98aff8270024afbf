"""Production serving: several uvicorn worker processes on one database answer ingests and reads
alike (the app keeps no state between requests), each with its own extraction pool."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from serve import running_server

from tests.bulk.test_batch import _article


@pytest.mark.slow
def test_several_workers_share_one_store(monkeypatch: pytest.MonkeyPatch) -> None:
    # two API processes, each extracting in its calling thread: the total stays within two cores
    monkeypatch.setenv("CONFLICT_BULK_WORKERS", "0")
    monkeypatch.setenv("CONFLICT_LOG_LEVEL", "WARNING")
    # a scratch SQLite file of its own: the session's databases are emptied only by the app fixture
    with running_server(workers=2) as server:
        headers = {"X-API-Key": server.api_key}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=60) as client:
            body = [_article(n) for n in range(6)]
            answer = client.post("/api/v1/articles:batch", json=body).raise_for_status().json()
            assert answer["created"] == 6
            ids = {item["id"] for item in answer["items"]}
            # every process reads what any process wrote: new connections, several requests
            for _ in range(6):
                with httpx.Client(base_url=server.base_url, timeout=30) as fresh:
                    page = fresh.get("/api/v1/articles", params={"limit": 50}).raise_for_status().json()
                    assert {a["id"] for a in page["items"]} >= ids
            again = client.post("/api/v1/articles:batch", json=body).raise_for_status().json()
            assert again["existing"] == 6 and again["created"] == 0
