"""/figures/summary from the rollups answers exactly what aggregating the figures answers, on each
database, after ingests, a deletion and an actor merge. ``value_min=0`` changes nothing in the
result (no figure is negative) but makes the service aggregate the figures themselves, so the two
paths are compared through HTTP."""

from __future__ import annotations

import itertools

from fastapi.testclient import TestClient

from tests.query.test_query_api import _all

API = "/api/v1"
GROUPINGS = ["", "category", "claimant", "subject,source", "category,claimant,subject,source"]
INTERVALS = [None, "day", "week", "month"]
FILTERS: list[dict[str, object]] = [
    {},
    {"category": "killed"},
    {"claimant": "Armenian Defense Ministry"},
    {"actor": "Armenian armed forces"},
    {"source": "Wire B"},
]


def _compare(client: TestClient) -> int:
    """Every grouping, interval and filter: both paths equal; answers how many rows were compared."""
    rows = 0
    for group_by, interval, filters in itertools.product(GROUPINGS, INTERVALS, FILTERS):
        params: dict[str, object] = {**filters, "group_by": group_by}
        if interval:
            params["interval"] = interval
        rolled = client.get(f"{API}/figures/summary", params=params)
        counted = client.get(f"{API}/figures/summary", params={**params, "value_min": 0})
        assert rolled.status_code == counted.status_code == 200, rolled.text
        assert rolled.json()["items"] == counted.json()["items"], params
        rows += len(rolled.json()["items"])
    return rows


def test_rollups_agree_with_the_figures_through_ingest_delete_and_merge(client: TestClient, ingest, keys) -> None:  # type: ignore[no-untyped-def]
    said = "The {who} Defense Ministry said {n} {whose} soldiers were {what}{when}."
    stored = [
        ingest(
            said.format(who="Azerbaijani", n=40, whose="Armenian", what="killed", when=" on September 14"),
            published_at="2023-09-15",
            source="Wire A",
        ),
        ingest(
            said.format(who="Armenian", n=12, whose="Armenian", what="killed", when=""),
            published_at="2023-09-30T23:30:00-02:00",
            source="Wire B",
        ),  # October 1 in UTC
        ingest(
            said.format(who="Armenian", n=9, whose="Azerbaijani", what="wounded", when=""),
            published_at="2023-10-03",
            source="Wire B",
        ),
        ingest(said.format(who="Azerbaijani", n=3, whose="Armenian", what="captured", when=""), source="Wire A"),
        ingest(
            "Officials said 25 civilians were killed and 30 were injured in the shelling.", published_at="2023-10-03"
        ),
    ]
    assert _compare(client) > 100
    month = client.get(f"{API}/figures/summary", params={"group_by": "category", "interval": "month"}).json()["items"]
    assert {(r["bucket"], r["category"], r["count"]) for r in month} >= {
        ("2023-09-01", "killed", 1),
        ("2023-10-01", "killed", 2),
        (None, "captured", 1),
    }

    admin = {"X-API-Key": keys["admin"]}
    assert client.delete(f"{API}/articles/{stored[1]['id']}", headers=admin).status_code == 204
    assert _compare(client) > 100
    actors = {a["name"]: a["id"] for a in _all(client, "actors", {})}
    merged = client.post(
        f"{API}/actors/{actors['Armenian armed forces']}/merge",
        json={"merge_id": actors["Azerbaijani armed forces"]},
        headers=admin,
    )
    assert merged.status_code == 200, merged.text
    assert _compare(client) > 100
    about = client.get(f"{API}/figures/summary", params={"group_by": "subject"}).json()["items"]
    assert [(r["subject_name"], r["count"]) for r in about if r["subject_name"]] == [("Armenian armed forces", 3)]
