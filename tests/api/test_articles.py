"""Ingest and article endpoints, through HTTP against a migrated database."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.builders import example_article, wire

API = "/api/v1"


def test_ingest_answers_201_with_stored_article_and_counts(client: TestClient, keys: dict[str, str]) -> None:
    body = example_article()
    response = client.post(f"{API}/articles", json=body, headers={"X-API-Key": keys["ingest"]})
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["text"] == body["text"]
    assert article["external_id"] == "example-wire-0001"
    assert article["published_at"].startswith("2024-03-04")
    assert article["counts"]["figures"] >= 3
    assert article["counts"]["statements"] >= 3
    assert response.headers["location"] == f"{API}/articles/{article['id']}"
    again = client.get(f"{API}/articles/{article['id']}").json()
    assert again == article


def test_same_external_id_answers_200_with_the_stored_article(client: TestClient, keys: dict[str, str]) -> None:
    headers = {"X-API-Key": keys["ingest"]}
    first = client.post(f"{API}/articles", json={"text": wire(1), "external_id": "x-1"}, headers=headers)
    second = client.post(f"{API}/articles", json={"text": wire(2), "external_id": "x-1"}, headers=headers)
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["id"] == first.json()["id"]
    assert second.json()["text"] == wire(1)  # the stored article, not the new text
    assert len(client.get(f"{API}/articles").json()["items"]) == 1


def test_same_text_from_same_source_is_one_article(client: TestClient, keys: dict[str, str]) -> None:
    headers = {"X-API-Key": keys["ingest"]}
    a = client.post(f"{API}/articles", json={"text": wire(3), "source": "Wire A"}, headers=headers)
    b = client.post(f"{API}/articles", json={"text": wire(3), "source": "Wire A"}, headers=headers)
    c = client.post(f"{API}/articles", json={"text": wire(3), "source": "Wire B"}, headers=headers)
    assert (a.status_code, b.status_code, c.status_code) == (201, 200, 201)
    assert a.json()["id"] == b.json()["id"] != c.json()["id"]


def test_crlf_is_normalised_before_offsets(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    article = ingest("Officials said 12 soldiers were killed.\r\nThe army said 3 tanks were destroyed.")
    assert "\r" not in article["text"]
    figures = client.get(f"{API}/figures", params={"article_id": article["id"]}).json()["items"]
    assert figures, "expected figures"
    for f in figures:
        p = f["provenance"]
        assert article["text"][p["start"] : p["end"]] == p["text"]


def test_list_articles_pages_with_cursor_and_filters(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    ids = [
        ingest(wire(n), source="Wire A" if n % 2 else "Wire B", published_at=f"2024-01-0{n + 1}")["id"]
        for n in range(5)
    ]
    seen, cursor = [], None
    while True:
        params: dict[str, object] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = client.get(f"{API}/articles", params=params).json()
        assert len(page["items"]) <= 2
        assert all("text" not in item for item in page["items"])
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ids
    only_a = client.get(f"{API}/articles", params={"source": "Wire A"}).json()["items"]
    assert [a["id"] for a in only_a] == [ids[1], ids[3]]
    dated = client.get(f"{API}/articles", params={"published_from": "2024-01-02", "published_to": "2024-01-03"})
    assert [a["id"] for a in dated.json()["items"]] == [ids[1], ids[2]]


def test_delete_needs_admin_and_removes_extractions(client: TestClient, keys: dict[str, str], ingest) -> None:  # type: ignore[no-untyped-def]
    article = ingest(example_article()["text"])
    url = f"{API}/articles/{article['id']}"
    assert client.delete(url, headers={"X-API-Key": keys["ingest"]}).status_code == 403
    assert client.delete(url).status_code == 401
    assert client.delete(url, headers={"X-API-Key": keys["admin"]}).status_code == 204
    assert client.get(url).status_code == 404
    for resource in ("statements", "figures"):
        items = client.get(f"{API}/{resource}", params={"article_id": article["id"]}).json()["items"]
        assert items == []
    assert client.delete(url, headers={"X-API-Key": keys["admin"]}).status_code == 404


def test_actors_are_shared_across_articles(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    first = ingest("Azerbaijan said its forces had advanced. Azeri officials gave no figures.")
    second = ingest("Armenia accused Azerbaijan of shelling border villages on Sunday.")

    def actors(article_id: int) -> dict[str, dict]:  # type: ignore[type-arg]
        items = client.get(f"{API}/actors", params={"article_id": article_id}).json()["items"]
        return {a["name"]: a for a in items}

    a, b = actors(first["id"]), actors(second["id"])
    assert a["Azerbaijan"]["id"] == b["Azerbaijan"]["id"]
    assert a["Azerbaijan"]["type"] == "state"
    assert "Azeri" in a["Azerbaijan"]["aliases"]
    detail = client.get(f"{API}/actors/{a['Azerbaijan']['id']}").json()
    assert detail["country"] == "AZE"
