"""POST /api/v1/articles:batch through HTTP on each database: per-item results, rows stored as a
single POST /articles stores them, one bad item never sinking the others, and the documented limits."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from app.bulk.config import get_bulk_settings
from tests.web.conftest import EXAMPLE, REBUTTAL

URL = "/api/v1/articles:batch"


def _article(n: int) -> dict[str, object]:
    return {
        "external_id": f"batch-{n}",
        "source": "Batch Wire",
        "published_at": "2024-03-05",
        "text": f"The Defense Ministry said on Tuesday that {n + 10} soldiers were killed near the border. "
        f'"We will respond," the ministry said in statement number {n}.',
    }


def _count(url: str, sql: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        value = int(conn.execute(text(sql)).scalar_one())
    engine.dispose()
    return value


def test_batch_stores_each_article_and_reports_each_item(client, keys, settings):
    body = [EXAMPLE, REBUTTAL, {"text": "   "}, {"title": "no text"}, EXAMPLE]
    answer = client.post(URL, json=body, headers={"X-API-Key": keys["ingest"]})
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert (result["created"], result["existing"], result["failed"]) == (2, 1, 2)
    statuses = [(i["index"], i["status"]) for i in result["items"]]
    assert statuses == [(0, "created"), (1, "created"), (2, "failed"), (3, "failed"), (4, "existing")]
    assert result["items"][2]["error_status"] == 422 and "text" in result["items"][2]["error"]
    assert result["items"][4]["id"] == result["items"][0]["id"]  # a repeat inside the batch is one article

    # the rows are what a single POST /articles would have stored: figures with claimant and span
    first = result["items"][0]["id"]
    article = client.get(f"/api/v1/articles/{first}").json()
    figures = client.get("/api/v1/figures", params={"article_id": first}).json()["items"]
    killed = [f for f in figures if f["category"] == "killed" and f["value"] == 120]
    assert killed and killed[0]["claimant"]["name"] == "Ethiopian Defense Ministry"
    span = killed[0]["provenance"]
    assert article["text"][span["start"] : span["end"]] == span["text"]
    # the change feed and the full-text index follow, as for a single ingest
    feed = client.get("/api/v1/changes").json()["items"]
    assert sorted(c["article_id"] for c in feed if c["kind"] == "ingested") == sorted([first, result["items"][1]["id"]])
    found = client.get("/api/v1/statements", params={"q": "invented"}).json()["items"]
    assert [s["provenance"]["article_id"] for s in found] == [result["items"][1]["id"]]
    assert _count(settings.database_url, "SELECT count(*) FROM articles") == 2

    # resubmitting is idempotent: everything answers "existing" with the same ids
    again = client.post(URL, json=body[:2], headers={"X-API-Key": keys["ingest"]}).json()
    assert [(i["status"], i["id"]) for i in again["items"]] == [
        ("existing", first),
        ("existing", result["items"][1]["id"]),
    ]
    assert _count(settings.database_url, "SELECT count(*) FROM articles") == 2


def test_batch_accepts_ndjson_and_reports_bad_lines(client, keys, settings):
    lines = "\n".join([json.dumps(_article(1)), "{not json", "", json.dumps(_article(2))])
    answer = client.post(
        URL, content=lines, headers={"X-API-Key": keys["ingest"], "Content-Type": "application/x-ndjson"}
    )
    assert answer.status_code == 200, answer.text
    items = answer.json()["items"]
    assert [i["status"] for i in items] == ["created", "failed", "created"]
    assert "not JSON" in items[1]["error"]
    assert [i["external_id"] for i in items] == ["batch-1", None, "batch-2"]
    assert _count(settings.database_url, "SELECT count(*) FROM figures WHERE value IN (11, 12)") == 2


def test_batch_limits_and_auth(client, keys):
    headers = {"X-API-Key": keys["ingest"]}
    assert client.post(URL, json=[EXAMPLE]).status_code == 401
    assert client.post(URL, json=[EXAMPLE], headers={"X-API-Key": keys["read"]}).status_code == 403
    too_many = [_article(n) for n in range(get_bulk_settings().max_items + 1)]
    answer = client.post(URL, json=too_many, headers=headers)
    assert answer.status_code == 413 and answer.headers["content-type"] == "application/problem+json"
    assert client.post(URL, json=[], headers=headers).status_code == 400
    assert client.post(URL, json={"text": "not a list"}, headers=headers).status_code == 400
    big = {"text": "x" * 1_100_000}  # the body limit of every route applies (CONFLICT_MAX_BODY_BYTES)
    assert client.post(URL, json=[big], headers=headers).status_code == 413
    long_text = {"text": "word " * 40_001}  # over max_text_chars, under the body limit: that item fails alone
    answer = client.post(URL, json=[long_text, _article(3)], headers=headers)
    assert [(i["status"], i["error_status"]) for i in answer.json()["items"]] == [("failed", 413), ("created", None)]
