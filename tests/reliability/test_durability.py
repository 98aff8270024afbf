"""Durability and atomicity: SIGKILL the server while articles stream in, restart it on the same
database, and check that every acknowledged article is there with all its extractions and that no
article is there half-written.

SQLite runs in WAL mode with synchronous=FULL (app/core/db.py): a commit is acknowledged only after
the WAL is fsynced, so it survives a killed process and a power loss. A SIGKILL cannot show the
difference from NORMAL (the OS page cache survives the process); it does prove that no acknowledged
write waits in the process and that a transaction cut short leaves nothing behind."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from app.extraction import extract
from tests.reliability.support import API, Server, add_keys, report, scratch_database

CLIENTS = 6
ARTICLES = 72  # upper bound; the kill comes after KILL_AFTER acknowledgements
KILL_AFTER = 18


def article(n: int) -> dict[str, str]:
    return {
        "external_id": f"durability-{n}",
        "source": "Durability Wire",
        "text": (
            f"The Armenian Defense Ministry said on Tuesday that {n + 12} Azerbaijani soldiers were killed in "
            f'clashes near the border. "We pushed them back," a spokesman said. Officials reported that {n + 30} '
            f"civilians were displaced and {n + 2} tanks destroyed."
        ),
    }


def _all_items(client: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):  # bounded: at most 1000 pages
        response = client.get(path, params={**params, "limit": 200, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items
    raise AssertionError("pagination did not end")


def _ingest_until_killed(
    base_url: str, key: str, queue: list[int], lock: threading.Lock, acked: dict[int, dict[str, Any]], sent: list[int]
) -> None:
    with httpx.Client(base_url=base_url, timeout=60, headers={"X-API-Key": key}) as client:
        while True:
            with lock:
                if not queue:
                    return
                n = queue.pop(0)
                sent.append(n)
            try:
                response = client.post(f"{API}/articles", json=article(n))
            except httpx.HTTPError:
                return  # the server is gone: this article was not acknowledged
            if response.status_code == 201:
                with lock:
                    acked[n] = response.json()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_acknowledged_ingests_survive_sigkill_and_none_is_half_written(backend: str, tmp_path: Path) -> None:
    with scratch_database(backend, tmp_path) as url:
        key = add_keys(url, ("ingest",))["ingest"]
        server = Server(url).start()
        queue, lock = list(range(ARTICLES)), threading.Lock()
        acked: dict[int, dict[str, Any]] = {}
        sent: list[int] = []
        try:
            threads = [
                threading.Thread(target=_ingest_until_killed, args=(server.base_url, key, queue, lock, acked, sent))
                for _ in range(CLIENTS)
            ]
            for thread in threads:
                thread.start()
            deadline = time.monotonic() + 120
            while len(acked) < KILL_AFTER and time.monotonic() < deadline and any(t.is_alive() for t in threads):
                time.sleep(0.02)
            server.kill()  # mid-stream: CLIENTS requests are in flight
            for thread in threads:
                thread.join(timeout=60)
                assert not thread.is_alive()
        finally:
            server.stop()
        acked_at_kill = dict(acked)
        assert len(acked_at_kill) >= KILL_AFTER, "the server acknowledged too few ingests before the deadline"
        assert len(sent) > len(acked_at_kill), "no request was in flight when the server was killed"

        server = Server(url).start()
        try:
            with httpx.Client(base_url=server.base_url, timeout=60) as client:
                found = {a["external_id"]: a for a in _all_items(client, f"{API}/articles")}
                # 1. every acknowledged article is there, with exactly the extraction it was acknowledged with
                for n, ack in acked_at_kill.items():
                    stored = found.get(f"durability-{n}")
                    assert stored is not None, f"acknowledged article {n} (id {ack['id']}) was lost"
                    assert stored["id"] == ack["id"] and stored["counts"] == ack["counts"]
                # 2. no article is half-written: each one found, acknowledged or not, holds every row its
                # text extracts to, and every span still indexes its text
                for external_id, stored in found.items():
                    n = int(external_id.rsplit("-", 1)[1])
                    body = article(n)
                    expected = extract(body["text"])
                    assert stored["counts"]["mentions"] == len(expected.mentions), external_id
                    assert stored["counts"]["statements"] == len(expected.statements), external_id
                    assert stored["counts"]["figures"] == len(expected.figures) > 0, external_id
                    full = client.get(f"{API}/articles/{stored['id']}").json()
                    assert full["text"] == body["text"]
                    for resource in ("figures", "statements"):
                        items = _all_items(client, f"{API}/{resource}", article_id=stored["id"])
                        assert len(items) == stored["counts"][resource]
                        for item in items:
                            span = item["provenance"]
                            assert full["text"][span["start"] : span["end"]] == span["text"]
                # 3. an ingest that was cut off can simply be sent again
                retry = next(n for n in sent if n not in acked_at_kill)
                again = client.post(f"{API}/articles", json=article(retry), headers={"X-API-Key": key})
                assert again.status_code in (200, 201), again.text
        finally:
            server.stop()
        _assert_no_orphans(url)
        report(
            f"durability[{backend}]",
            requests_sent=len(sent),
            acknowledged=len(acked_at_kill),
            acknowledged_found=sum(f"durability-{n}" in found for n in acked_at_kill),
            found_total=len(found),
            in_flight_at_kill=len(sent) - len(acked_at_kill),
        )


def _assert_no_orphans(url: str) -> None:
    engine = create_engine(url)
    with engine.connect() as conn:
        for table in ("mentions", "statements", "figures"):
            orphans = conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
            ).scalar_one()
            assert orphans == 0, f"{orphans} {table} rows belong to no article"
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    engine.dispose()
