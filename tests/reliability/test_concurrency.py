"""Idempotency and concurrency against one real server per backend.

- The same article sent 20 times at once is stored once, and every answer carries its id.
- 8 writers and 32 readers for a bounded time: no 5xx, no "database is locked" reaching a client,
  and no reader ever sees an article without all of its extractions."""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.reliability.conftest import Live
from tests.reliability.support import API, report

SAME_TIMES = 20
WRITERS, READERS = 8, 32
RUN_SECONDS = 15.0
MAX_WRITES_PER_WRITER = 12  # bounds the run on a fast machine too


def _text(tag: str, n: int) -> str:
    return (
        f"The Georgian Interior Ministry said on Monday that {n + 3} police officers were injured in {tag}. "
        f'"The situation is under control," a spokesman said.'
    )


def _at_once(times: int, call: Callable[[], httpx.Response]) -> list[httpx.Response]:
    barrier = threading.Barrier(times)

    def go() -> httpx.Response:
        barrier.wait(timeout=30)  # release every request together
        return call()

    with ThreadPoolExecutor(max_workers=times) as pool:
        return list(pool.map(lambda _: go(), range(times)))


@pytest.mark.slow
@pytest.mark.parametrize("same_by", ["external_id", "text_and_source"])
def test_the_same_article_sent_20_times_at_once_is_stored_once(live: Live, same_by: str) -> None:
    tag = uuid.uuid4().hex[:12]
    source = f"Idempotency Wire {tag}"
    body: dict[str, Any] = {"text": _text(f"the riot {tag}", 1), "source": source}
    if same_by == "external_id":
        body["external_id"] = f"same-{tag}"
    with httpx.Client(base_url=live.base_url, timeout=120, headers={"X-API-Key": live.keys["ingest"]}) as client:
        responses = _at_once(SAME_TIMES, lambda: client.post(f"{API}/articles", json=body))
        statuses = Counter(r.status_code for r in responses)
        assert statuses == {201: 1, 200: SAME_TIMES - 1}, statuses
        ids = {r.json()["id"] for r in responses}
        assert len(ids) == 1
        (article_id,) = ids
        assert all(r.headers["location"].endswith(f"/articles/{article_id}") for r in responses)
        stored = client.get(f"{API}/articles", params={"source": source}).json()["items"]
        assert [a["id"] for a in stored] == [article_id]
        # the one article has its extraction once, not once per request
        figures = client.get(f"{API}/figures", params={"article_id": article_id}).json()["items"]
        assert len(figures) == stored[0]["counts"]["figures"] == responses[0].json()["counts"]["figures"] > 0
    report(f"idempotency[{same_by}]", requests_sent=SAME_TIMES, created=statuses[201], already_stored=statuses[200])


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter[int] = Counter()
        self.problems: list[str] = []
        self.acked: dict[int, dict[str, int]] = {}

    def saw(self, response: httpx.Response) -> None:
        with self.lock:
            self.statuses[response.status_code] += 1
            if response.status_code >= 500 or "locked" in response.text.lower():
                self.problems.append(f"{response.request.method} {response.request.url}: {response.text[:300]}")

    def flaw(self, message: str) -> None:
        with self.lock:
            self.problems.append(message)


def _writer(live: Live, tag: str, number: int, stop: float, tally: Tally) -> None:
    with httpx.Client(base_url=live.base_url, timeout=120, headers={"X-API-Key": live.keys["ingest"]}) as client:
        for n in range(MAX_WRITES_PER_WRITER):
            if time.monotonic() > stop:
                return
            body = {"text": _text(f"protest {tag}-{number}-{n}", n), "source": f"Load {tag}"}
            response = client.post(f"{API}/articles", json=body)
            tally.saw(response)
            if response.status_code == 201:
                with tally.lock:
                    tally.acked[response.json()["id"]] = response.json()["counts"]


def _reader(live: Live, tag: str, stop: float, tally: Tally) -> None:
    """Lists the load's articles and checks, for each one, that its figures and statements are all
    there: an article visible without its extraction (a partial write) fails here."""
    with httpx.Client(base_url=live.base_url, timeout=120) as client:
        for _ in range(200):
            if time.monotonic() > stop:
                return
            listing = client.get(f"{API}/articles", params={"source": f"Load {tag}", "limit": 5})
            tally.saw(listing)
            if listing.status_code != 200:
                continue
            for item in listing.json()["items"]:
                if item["counts"]["figures"] == 0 or item["counts"]["statements"] == 0:
                    tally.flaw(f"article {item['id']} listed without its extraction: {item['counts']}")
                figures = client.get(f"{API}/figures", params={"article_id": item["id"], "limit": 50})
                tally.saw(figures)
                if figures.status_code == 200 and len(figures.json()["items"]) != item["counts"]["figures"]:
                    tally.flaw(
                        f"article {item['id']}: {len(figures.json()['items'])} figures, counts say "
                        f"{item['counts']['figures']}"
                    )


@pytest.mark.slow
def test_8_writers_and_32_readers_see_no_5xx_no_lock_and_no_partial_article(live: Live) -> None:
    tag = uuid.uuid4().hex[:10]
    tally = Tally()
    stop = time.monotonic() + RUN_SECONDS
    threads = [threading.Thread(target=_writer, args=(live, tag, i, stop, tally)) for i in range(WRITERS)]
    threads += [threading.Thread(target=_reader, args=(live, tag, stop, tally)) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=RUN_SECONDS + 180)
        assert not thread.is_alive(), "a client is stuck"
    assert not tally.problems, tally.problems[:5]
    assert tally.acked, "no write was acknowledged"
    assert set(tally.statuses) <= {200, 201}, tally.statuses
    # after the run, every acknowledged article reads back with the counts it was acknowledged with
    with httpx.Client(base_url=live.base_url, timeout=60) as client:
        for article_id, counts in tally.acked.items():
            assert client.get(f"{API}/articles/{article_id}").json()["counts"] == counts
    report(
        "concurrency",
        writers=WRITERS,
        readers=READERS,
        requests_sent=sum(tally.statuses.values()),
        status_5xx=sum(v for k, v in tally.statuses.items() if k >= 500),
        acknowledged=len(tally.acked),
        statuses=dict(tally.statuses),
    )
