"""The query API through HTTP, on SQLite and PostgreSQL: filters, keyset paging, exports, full-text
search, aggregates, claims, actor pages and merges, annotations and the change feed. Sentences are
written for these tests; their extraction was checked before asserting on it."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

API = "/api/v1"
AZ = "The Azerbaijani Defense Ministry said {n} Armenian soldiers were killed on September 14."
AM = "The Armenian Defense Ministry said {n} Armenian soldiers were killed on September 14."
TANKS = "The Azerbaijani Defense Ministry said 5 Armenian tanks were destroyed."


def _all(client: TestClient, path: str, params: dict) -> list[dict]:  # type: ignore[type-arg]
    items: list[dict] = []  # type: ignore[type-arg]
    params = dict(params)
    while True:
        page = client.get(f"{API}/{path}", params=params).json()
        items += page["items"]
        if not page["next_cursor"]:
            return items
        params["cursor"] = page["next_cursor"]


def test_figure_filters_resolve_names_and_aliases(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    ingest(AZ.format(n=40), published_at="2023-09-15", source="Wire A")
    ingest(AM.format(n=12), published_at="2023-09-16", source="Wire B")
    ingest(TANKS, published_at="2023-10-02", source="Wire A")
    by_claimant = _all(client, "figures", {"claimant": "azerbaijani defence ministry", "category": "killed"})
    assert [(f["value"], f["provenance"]["text"]) for f in by_claimant] == [(40, "40 Armenian soldiers")]
    about = _all(client, "figures", {"subject": "Armenian soldiers", "sort": "-value"})  # an alias
    assert [f["value"] for f in about] == [40, 12, 5]
    assert [
        f["value"]
        for f in _all(client, "figures", {"category": ["killed", "destroyed"], "value_min": 6, "value_max": 39})
    ] == [12]
    assert [f["value"] for f in _all(client, "figures", {"source": "Wire A", "published_from": "2023-10-01"})] == [5]
    in_period = _all(client, "figures", {"period_from": "2023-09-14", "period_to": "2023-09-14"})
    assert sorted(f["value"] for f in in_period) == [12, 40]
    assert _all(client, "figures", {"actor": "Nowhere Land"}) == []


def test_keyset_paging_under_concurrent_inserts_and_tampered_cursors(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    for n in range(6):
        ingest(AZ.format(n=n + 20), published_at=f"2023-09-{15 + n:02d}")
    params: dict[str, object] = {"claimant": "Azerbaijani Defense Ministry", "sort": "-published_at", "limit": 2}
    first = client.get(f"{API}/figures", params=params).json()
    assert [f["value"] for f in first["items"]] == [25, 24]
    # rows inserted meanwhile (newer, so before the cursor) never shift the pages that follow
    ingest(AZ.format(n=99), published_at="2023-09-30")
    seen = [f["value"] for f in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        page = client.get(f"{API}/figures", params={**params, "cursor": cursor}).json()
        seen += [f["value"] for f in page["items"]]
        cursor = page["next_cursor"]
    assert seen == [25, 24, 23, 22, 21, 20]
    tampered = first["next_cursor"][:-3] + ("AAA" if not first["next_cursor"].endswith("AAA") else "BBB")
    assert client.get(f"{API}/figures", params={**params, "cursor": tampered}).status_code == 400
    other_sort = client.get(f"{API}/figures", params={**params, "sort": "value", "cursor": first["next_cursor"]})
    assert other_sort.status_code == 400
    assert client.get(f"{API}/statements", params={"cursor": first["next_cursor"]}).status_code == 400


def test_csv_and_ndjson_exports_round_trip(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    ingest(AZ.format(n=40), published_at="2023-09-15", source='Wire, "A"')
    ingest(AM.format(n=12), published_at="2023-09-16", source="Wire B")
    response = client.get(f"{API}/figures", params={"sort": "value"}, headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["value"], r["claimant_name"], r["subject_name"], r["provenance_source"]) for r in rows] == [
        ("12", "Armenian Defense Ministry", "Armenian armed forces", "Wire B"),
        ("40", "Azerbaijani Defense Ministry", "Armenian armed forces", 'Wire, "A"'),
    ]
    assert rows[1]["provenance_sentence"] == AZ.format(n=40)
    assert rows[1]["claimant_id"] and rows[1]["provenance_text"] == "40 Armenian soldiers"
    lines = client.get(f"{API}/statements", params={"format": "ndjson"}).text.splitlines()
    assert sorted(json.loads(line)["speaker"]["name"] for line in lines) == [
        "Armenian Defense Ministry",
        "Azerbaijani Defense Ministry",
    ]
    actors = list(csv.DictReader(io.StringIO(client.get(f"{API}/actors", params={"format": "csv", "q": "armen"}).text)))
    assert {"Armenia", "Armenian armed forces", "Armenian Defense Ministry"} <= {a["name"] for a in actors}
    articles = list(csv.DictReader(io.StringIO(client.get(f"{API}/articles?format=csv&sort=-published_at").text)))
    assert [a["source"] for a in articles] == ["Wire B", 'Wire, "A"']


def test_full_text_search_on_articles_and_statements(client: TestClient, ingest, keys) -> None:  # type: ignore[no-untyped-def]
    a = ingest(AZ.format(n=40), title="Border clashes")
    b = ingest(TANKS, title="Armour losses")
    found = _all(client, "articles", {"q": "tank destroyed"})  # stemmed: tanks, destroyed
    assert [x["id"] for x in found] == [b["id"]]
    assert [x["id"] for x in _all(client, "articles", {"q": "border"})] == [a["id"]]  # title
    said = _all(client, "statements", {"q": "killed soldiers"})
    assert [s["article_id"] for s in said] == [a["id"]]
    assert client.get(f"{API}/articles", params={"q": "!!"}).status_code == 400
    # deleting an article takes it out of the index
    assert client.delete(f"{API}/articles/{b['id']}", headers={"X-API-Key": keys["admin"]}).status_code == 204
    assert _all(client, "articles", {"q": "tanks"}) == []
    assert [x["id"] for x in _all(client, "articles", {"actor": "azerbaijani defense ministry"})] == [a["id"]]


def test_summary_groups_by_claimant_and_month(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    ingest(AZ.format(n=40), published_at="2023-09-15")
    ingest(AZ.format(n=10), published_at="2023-09-20", external_id="second")
    ingest(AM.format(n=12), published_at="2023-09-16")
    body = client.get(
        f"{API}/figures/summary", params={"group_by": "claimant", "interval": "month", "category": "killed"}
    ).json()
    got = {(r["claimant_name"], r["bucket"]): (r["count"], r["sum"], r["min"], r["max"]) for r in body["items"]}
    assert got == {
        ("Armenian Defense Ministry", "2023-09-01"): (1, 12, 12, 12),
        ("Azerbaijani Defense Ministry", "2023-09-01"): (2, 50, 10, 40),
    }
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"{API}/figures/summary", params={"group_by": "category", "format": "csv"}).text)
        )
    )
    assert [(r["category"], r["count"], r["sum"]) for r in rows] == [("killed", "3", "62.0")]
    assert client.get(f"{API}/figures/summary", params={"group_by": "colour"}).status_code == 400


def test_contested_claim_from_two_articles_with_different_claimants(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    az = ingest(AZ.format(n=40), published_at="2023-09-15")
    am = ingest(AM.format(n=12), published_at="2023-09-16")
    ingest(TANKS, published_at="2023-09-15")
    claims = client.get(f"{API}/claims", params={"contested": "true"}).json()["items"]
    assert len(claims) == 1
    claim = claims[0]
    assert (claim["category"], claim["subject"]["name"], claim["object"]) == (
        "killed",
        "Armenian armed forces",
        "soldier",
    )
    assert (claim["value_min"], claim["value_max"], claim["period_start"]) == (12, 40, "2023-09-14")
    reports = {(r["article_id"], r["value"], r["claimant"]["name"], r["provenance"]["text"]) for r in claim["reports"]}
    assert reports == {
        (az["id"], 40, "Azerbaijani Defense Ministry", "40 Armenian soldiers"),
        (am["id"], 12, "Armenian Defense Ministry", "12 Armenian soldiers"),
    }
    # a claimant filter picks the claim and still shows who contradicts it
    by_one = client.get(f"{API}/claims", params={"claimant": "Armenian Defense Ministry"}).json()["items"]
    assert [len(c["reports"]) for c in by_one] == [2]
    uncontested = client.get(f"{API}/claims", params={"contested": "false"}).json()["items"]
    assert [(c["category"], c["value_max"]) for c in uncontested] == [("destroyed", 5)]


def test_actor_page_alias_and_merge(client: TestClient, ingest, keys) -> None:  # type: ignore[no-untyped-def]
    ingest(AZ.format(n=40))
    ingest(AM.format(n=12))
    actors = {a["name"]: a for a in _all(client, "actors", {})}
    army, ministry = actors["Armenian armed forces"], actors["Armenian Defense Ministry"]
    page = client.get(f"{API}/actors/{army['id']}").json()
    assert page["counts"] == {"articles": 2, "mentions": 2, "statements": 0, "figures_claimed": 0, "figures_about": 2}
    assert {r["actor"]["name"] for r in page["reported_with"]} == {
        "Azerbaijani Defense Ministry",
        "Armenian Defense Ministry",
    }
    admin = {"X-API-Key": keys["admin"]}
    assert (
        client.post(
            f"{API}/actors/{army['id']}/aliases", json={"alias": "Armenian Army"}, headers={"X-API-Key": keys["ingest"]}
        ).status_code
        == 403
    )
    added = client.post(f"{API}/actors/{army['id']}/aliases", json={"alias": "Armenian Army"}, headers=admin)
    assert added.status_code == 201 and "Armenian Army" in added.json()["aliases"]
    assert len(_all(client, "figures", {"subject": "armenian army"})) == 2
    merged = client.post(f"{API}/actors/{army['id']}/merge", json={"merge_id": ministry["id"]}, headers=admin)
    assert merged.status_code == 200, merged.text
    body = merged.json()
    assert body["counts"]["figures_claimed"] == 1 and body["counts"]["statements"] == 1
    assert "Armenian Defense Ministry" in body["aliases"]
    assert [m["merged_name"] for m in body["merged_from"]] == ["Armenian Defense Ministry"]
    assert client.get(f"{API}/actors/{ministry['id']}").status_code == 404
    # the merge sticks: a new article naming the merged actor lands on the survivor
    ingest(AM.format(n=7))
    assert {f["value"] for f in _all(client, "figures", {"claimant": str(army["id"])})} == {12, 7}
    assert (
        client.post(f"{API}/actors/{army['id']}/merge", json={"merge_id": army["id"]}, headers=admin).status_code == 409
    )


def test_article_annotations_are_exact_spans(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    article = ingest(AZ.format(n=40))
    body = client.get(f"{API}/articles/{article['id']}", params={"include": "annotations"}).json()
    text, spans = body["text"], body["annotations"]
    assert [text[m["start"] : m["end"]] for m in spans["mentions"]] == [
        "The Azerbaijani Defense Ministry",
        "Armenian soldiers",
    ]
    assert [text[f["start"] : f["end"]] for f in spans["figures"]] == ["40 Armenian soldiers"]
    assert spans["statements"][0]["speaker"]["name"] == "Azerbaijani Defense Ministry"
    assert "annotations" not in client.get(f"{API}/articles/{article['id']}").json()


def test_change_feed_lists_ingests_and_tombstones(client: TestClient, ingest, keys) -> None:  # type: ignore[no-untyped-def]
    a = ingest(AZ.format(n=40))
    first = client.get(f"{API}/changes").json()
    assert [(c["article_id"], c["kind"]) for c in first["items"]] == [(a["id"], "ingested")]
    b = ingest(TANKS)
    client.delete(f"{API}/articles/{a['id']}", headers={"X-API-Key": keys["admin"]})
    later = client.get(f"{API}/changes", params={"since": first["since"]}).json()
    assert [(c["article_id"], c["kind"]) for c in later["items"]] == [(b["id"], "ingested"), (a["id"], "deleted")]
    assert client.get(f"{API}/changes", params={"since": later["since"]}).json()["items"] == []
    assert client.get(f"{API}/changes", params={"since": later["since"][:-2] + "xx"}).status_code == 400


def test_openapi_documents_every_parameter(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, methods in spec["paths"].items():
        if not path.startswith(API):
            continue
        for method, operation in methods.items():
            assert operation.get("summary") and operation.get("description"), (method, path)
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), (path, parameter["name"])
