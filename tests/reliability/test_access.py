"""Access control: scopes, unknown and revoked keys, keys stored hashed and shown once, read-key
mode, per-key rate limits in memory and (shared by several processes) in Redis."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.core.config import Settings
from app.core.ratelimit import RedisRateLimiter
from app.main import create_app
from tests.builders import SHORT_REPORT
from tests.conftest import _empty as empty_database
from tests.reliability.support import API, ROOT, add_keys, assert_problem

NO_KEY, UNKNOWN = "none", "unknown"
# (who, method, path) -> status; "{id}" is a stored article
MATRIX = [
    ("read", "POST", "/articles", 403),
    ("ingest", "POST", "/articles", 201),
    ("admin", "POST", "/articles", 201),
    (NO_KEY, "POST", "/articles", 401),
    (UNKNOWN, "POST", "/articles", 401),
    ("read", "DELETE", "/articles/{id}", 403),
    ("ingest", "DELETE", "/articles/{id}", 403),
    (NO_KEY, "DELETE", "/articles/{id}", 401),
    (UNKNOWN, "DELETE", "/articles/{id}", 401),
    ("admin", "DELETE", "/articles/{id}", 204),
    (NO_KEY, "GET", "/articles/{id}", 200),
    ("read", "GET", "/articles/{id}", 200),
]


def _app(database_url: str, **overrides: object) -> TestClient:
    settings = Settings(database_url=database_url, environment="test", cursor_secret="test-secret", **overrides)
    return TestClient(create_app(settings))


@pytest.mark.parametrize(("who", "method", "path", "status"), MATRIX)
def test_a_key_does_only_its_scope_s_work(
    client: TestClient,
    keys: dict[str, str],
    ingest,
    who: str,
    method: str,  # type: ignore[no-untyped-def]
    path: str,
    status: int,
) -> None:
    article = ingest(SHORT_REPORT)
    headers = {"X-API-Key": {NO_KEY: "", UNKNOWN: "ce_" + "x" * 43}.get(who) or keys[who]} if who != NO_KEY else {}
    body = {"text": f"Officials said {uuid.uuid4().int % 900 + 10} soldiers were killed."} if method == "POST" else None
    response = client.request(method, API + path.format(id=article["id"]), headers=headers, json=body)
    if status >= 400:
        assert_problem(response, status)
    else:
        assert response.status_code == status, response.text
    still_there = client.get(f"{API}/articles/{article['id']}").status_code
    assert still_there == (404 if (method, status) == ("DELETE", 204) else 200)


def test_keys_are_stored_hashed_shown_once_and_revocable_from_the_cli(database_url: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url, "CONFLICT_ENVIRONMENT": "test"}

    def cli(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "app", "keys", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return done.stdout + done.stderr

    created = cli("create", "--scope", "ingest", "--label", "reliability")
    key = created.strip().splitlines()[-1]
    assert key.startswith("ce_") and len(key) > 40
    listing = cli("list")
    assert "reliability" in listing and key not in listing and key[10:] not in listing
    engine = create_engine(database_url)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT id, key_hash, prefix, label FROM api_keys WHERE label = 'reliability'")).one()
    engine.dispose()
    assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert all(key not in str(value) for value in row)  # nothing stores the key itself
    try:
        with _app(database_url) as client:
            body = {"text": "Officials said 17 soldiers were killed on Friday."}
            assert client.post(f"{API}/articles", json=body, headers={"X-API-Key": key}).status_code == 201
            cli("revoke", str(row.id))
            answer = client.post(f"{API}/articles", json=body, headers={"X-API-Key": key})
            assert "revoked" in assert_problem(answer, 401)["detail"]
    finally:
        empty_database(database_url)


def test_keys_never_reach_the_logs(client: TestClient, keys: dict[str, str], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client.post(f"{API}/articles", json={"text": SHORT_REPORT}, headers={"X-API-Key": keys["ingest"]})
    client.delete(f"{API}/articles/1", headers={"X-API-Key": keys["read"]})
    wrong = keys["admin"][:-4] + "abcd"
    client.get(f"{API}/figures", headers={"X-API-Key": wrong})
    client.post(f"{API}/articles", json={"text": 1}, headers={"X-API-Key": keys["admin"]})
    assert caplog.records, "the requests were not logged at all"
    logged = caplog.text + " ".join(str(r.__dict__) for r in caplog.records)
    for key in [*keys.values(), wrong]:
        assert key not in logged and key[12:] not in logged


def test_read_key_mode_requires_a_key_for_reads(database_url: str) -> None:
    keys = add_keys(database_url)
    try:
        with _app(database_url, require_read_key=True) as client:
            assert_problem(client.get(f"{API}/figures"), 401)
            assert_problem(client.get(f"{API}/actors", headers={"X-API-Key": "ce_unknown"}), 401)
            for scope in ("read", "ingest", "admin"):
                assert client.get(f"{API}/figures", headers={"X-API-Key": keys[scope]}).status_code == 200
            assert client.get("/healthz").status_code == 200  # probes stay open
    finally:
        empty_database(database_url)


def test_rate_limits_are_per_key_with_retry_after(database_url: str) -> None:
    keys = add_keys(database_url)
    try:
        with _app(
            database_url, rate_limit_requests=3, rate_limit_window_seconds=60, rate_limit_anonymous_requests=2
        ) as client:
            ingest = {"X-API-Key": keys["ingest"]}
            # refused bodies still spend the budget: the key was checked before the body
            assert [
                client.post(f"{API}/articles", json={"text": ""}, headers=ingest).status_code for _ in range(3)
            ] == [422, 422, 422]
            refused = client.post(f"{API}/articles", json={"text": SHORT_REPORT}, headers=ingest)
            body = assert_problem(refused, 429)
            wait = int(refused.headers["retry-after"])
            assert 1 <= wait <= 60 and body["retry_after"] == wait
            # another key has a budget of its own
            admin = client.post(f"{API}/articles", json={"text": SHORT_REPORT}, headers={"X-API-Key": keys["admin"]})
            assert admin.status_code == 201
            # open reads are limited per client address
            assert [client.get(f"{API}/actors").status_code for _ in range(3)] == [200, 200, 429]
        assert len(_articles(database_url)) == 1  # the refused ingest stored nothing
    finally:
        empty_database(database_url)


def _articles(database_url: str) -> list[object]:
    engine = create_engine(database_url)
    with engine.connect() as conn:
        rows = list(conn.execute(text("SELECT id FROM articles")))
    engine.dispose()
    return rows


def test_redis_rate_limits_are_shared_by_several_api_processes(database_url: str) -> None:
    redis_url = os.environ.get("REDIS_TEST_URL")
    if not redis_url:
        pytest.skip("REDIS_TEST_URL is not set: Redis tests skipped")
    keys = add_keys(database_url)
    prefix = f"test:{uuid.uuid4().hex}"
    try:
        with (
            _app(database_url, redis_url=redis_url, rate_limit_requests=4) as first,
            _app(database_url, redis_url=redis_url, rate_limit_requests=4) as second,
        ):
            headers = {"X-API-Key": keys["ingest"]}
            assert first.post(f"{API}/articles", json={"text": ""}, headers=headers).status_code == 422
            # REDIS_URL chose the shared limiter; a fresh prefix keeps earlier runs' counts out
            assert isinstance(first.app.state.rate_limiter, RedisRateLimiter)  # type: ignore[attr-defined]
            for app_client in (first, second):
                app_client.app.state.rate_limiter = RedisRateLimiter(redis_url, 60, prefix=prefix)  # type: ignore[attr-defined]
            answers = [
                c.post(f"{API}/articles", json={"text": ""}, headers=headers).status_code
                for c in (first, second, first, second, first, second)
            ]
            assert answers == [422, 422, 422, 422, 429, 429]
    finally:
        empty_database(database_url)


def test_an_unreachable_redis_lets_requests_through(database_url: str) -> None:
    keys = add_keys(database_url)
    try:
        with _app(database_url, redis_url="redis://127.0.0.1:1/0", rate_limit_requests=1) as client:
            headers = {"X-API-Key": keys["read"]}
            statuses = [
                client.post(f"{API}/articles", json={"text": ""}, headers=headers).status_code for _ in range(3)
            ]
            assert statuses == [403, 403, 403]  # answered, not 429 and not 5xx
    finally:
        empty_database(database_url)
