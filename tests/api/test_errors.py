"""One error shape (RFC 9457 problem details) for every 4xx; bad input changes nothing."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

API = "/api/v1"


def assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def,type-arg]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert set(body) >= {"type", "title", "status", "detail", "instance", "request_id"}
    assert body["status"] == status
    assert body["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text and "SELECT" not in response.text
    return body  # type: ignore[no-any-return]


def _article_count(client: TestClient) -> int:
    return len(client.get(f"{API}/articles", params={"limit": 500}).json()["items"])


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "   \n\t "}, "empty"),
        ({"text": 42}, "text"),
        ({"text": "Ten killed.\x00"}, "control"),
        ({"text": "Ten killed.", "published_at": "not a date"}, "published_at"),
        ({"text": "Ten killed.", "published_at": "0999-01-01"}, "published_at"),
        ({"text": "Ten killed.", "external_id": "x" * 300}, "external_id"),
    ],
)
def test_invalid_bodies_get_422_and_change_nothing(
    client: TestClient, keys: dict[str, str], body: dict, fragment: str
) -> None:  # type: ignore[type-arg]
    before = _article_count(client)
    response = client.post(f"{API}/articles", json=body, headers={"X-API-Key": keys["ingest"]})
    problem = assert_problem(response, 422)
    assert fragment in problem["detail"]
    assert _article_count(client) == before


def test_malformed_json_is_422(client: TestClient, keys: dict[str, str]) -> None:
    response = client.post(
        f"{API}/articles",
        content=b"{not json",
        headers={"X-API-Key": keys["ingest"], "Content-Type": "application/json"},
    )
    assert_problem(response, 422)


def test_body_over_limit_is_413(client: TestClient, keys: dict[str, str]) -> None:
    big = "word " * 300_000
    response = client.post(f"{API}/articles", json={"text": big}, headers={"X-API-Key": keys["ingest"]})
    assert_problem(response, 413)
    assert _article_count(client) == 0


def test_text_over_limit_is_413(client: TestClient, keys: dict[str, str]) -> None:
    response = client.post(f"{API}/articles", json={"text": "a" * 200_001}, headers={"X-API-Key": keys["ingest"]})
    assert "200000" in assert_problem(response, 413)["detail"]


def test_missing_unknown_and_weak_keys(client: TestClient, keys: dict[str, str]) -> None:
    url = f"{API}/articles"
    assert "X-API-Key" in assert_problem(client.post(url, json={"text": "x"}), 401)["detail"]
    assert_problem(client.post(url, json={"text": "x"}, headers={"X-API-Key": "ce_nope"}), 401)
    assert_problem(client.post(url, json={"text": "x"}, headers={"X-API-Key": keys["read"]}), 403)


@pytest.mark.parametrize("resource", ["articles", "actors", "statements", "figures"])
def test_unknown_ids_are_404(client: TestClient, resource: str) -> None:
    body = assert_problem(client.get(f"{API}/{resource}/987654"), 404)
    assert "987654" in body["detail"]


@pytest.mark.parametrize("cursor", ["garbage", "eyJyIjoiZmlndXJlcyIsImsiOlsxMF19.AAAA", "a.b.c", "%%%"])
def test_bad_cursors_are_400(client: TestClient, cursor: str) -> None:
    assert "cursor" in assert_problem(client.get(f"{API}/figures", params={"cursor": cursor}), 400)["detail"]


def test_cursor_of_another_resource_is_400(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    for n in range(3):
        ingest(f"Officials said {n + 5} soldiers were killed in clash number {n}.")
    cursor = client.get(f"{API}/articles", params={"limit": 1}).json()["next_cursor"]
    assert cursor
    assert_problem(client.get(f"{API}/figures", params={"cursor": cursor}), 400)


@pytest.mark.parametrize("limit", ["0", "-1", "abc", "1e309"])
def test_bad_limits_are_422(client: TestClient, limit: str) -> None:
    assert_problem(client.get(f"{API}/figures", params={"limit": limit}), 422)


def test_huge_limit_is_capped(client: TestClient) -> None:
    assert client.get(f"{API}/figures", params={"limit": 10**9}).status_code == 200


def test_unknown_route_and_method(client: TestClient) -> None:
    assert_problem(client.get(f"{API}/nothing-here"), 404)
    assert_problem(client.put(f"{API}/articles"), 405)


def test_a_write_that_loses_a_race_answers_409(app) -> None:  # type: ignore[no-untyped-def]
    """An alias added to an actor that a concurrent merge deleted fails on the foreign key: the
    answer is a 409 problem (nothing written, retry), never a 500."""
    from sqlalchemy.exc import IntegrityError

    def racing() -> None:
        raise IntegrityError("INSERT INTO actor_aliases ...", {}, Exception("foreign key violation"))

    app.add_api_route("/racing", racing, methods=["POST"])
    with TestClient(app) as client:
        body = assert_problem(client.post("/racing"), 409)
    assert "retry" in body["detail"] and "INSERT" not in body["detail"]
