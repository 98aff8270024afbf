"""What a user reads back after ingesting the example report: figures with claimants and exact
spans, statements with speakers, actors with aliases, all with provenance."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.builders import example_article

API = "/api/v1"


def _all(client: TestClient, resource: str, article_id: int) -> list[dict]:  # type: ignore[type-arg]
    items: list[dict] = []  # type: ignore[type-arg]
    params: dict[str, object] = {"article_id": article_id, "limit": 2}
    while True:
        page = client.get(f"{API}/{resource}", params=params).json()
        items += page["items"]
        if not page["next_cursor"]:
            return items
        params["cursor"] = page["next_cursor"]


def test_figures_carry_value_category_claimant_subject_and_span(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    article = ingest(**example_article())
    text = article["text"]
    figures = {f["provenance"]["text"]: f for f in _all(client, "figures", article["id"])}
    killed = next(f for span, f in figures.items() if span.startswith("120"))
    assert killed["value"] == 120
    assert killed["category"] == "killed"
    assert killed["claimant"]["name"] == "Ethiopian Defense Ministry"
    assert killed["subject"]["name"] == "Eritrean armed forces"
    assert killed["statement_id"] is not None
    tanks = next(f for span, f in figures.items() if span.startswith("14 tanks"))
    assert (tanks["value"], tanks["category"]) == (14, "destroyed")
    fled = next(f for span, f in figures.items() if span.startswith("more than 3,000"))
    assert (fled["value"], fled["low"], fled["high"], fled["qualifier"]) == (3000, 3000, None, "more than")
    assert fled["category"] == "displaced"
    assert fled["claimant"]["name"] == "UNHCR"  # "According to the United Nations refugee agency, ..."
    assert isinstance(killed["value"], int)  # whole numbers stay whole in JSON: 120, not 120.0
    wounded = next(f for span, f in figures.items() if span.startswith("12 "))
    assert wounded["category"] == "injured"
    assert wounded["claimant"]["name"] == "Samuel Tekle"
    for f in figures.values():
        p = f["provenance"]
        assert text[p["start"] : p["end"]] == p["text"]
        assert p["sentence"] == text[p["sentence_start"] : p["sentence_end"]]
        assert p["sentence_start"] <= p["start"] < p["end"] <= p["sentence_end"]


def test_statements_have_speakers_kinds_and_spans(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    article = ingest(**example_article())
    text = article["text"]
    statements = _all(client, "statements", article["id"])
    by_content = {s["content"]: s for s in statements}
    quote = by_content["Our forces repelled every attack and the enemy suffered heavy losses"]
    assert quote["kind"] == "direct"
    assert quote["speaker"]["name"] == "Daniel Haile"
    lying = next(s for s in statements if s["content"].startswith("They are lying to their own people"))
    assert lying["speaker"]["name"] == "Samuel Tekle"
    for s in statements:
        p = s["provenance"]
        assert text[p["start"] : p["end"]] == s["content"] == p["text"]
    one = client.get(f"{API}/statements/{quote['id']}").json()
    assert one == quote


def test_actors_of_an_article_have_canonical_names_types_and_aliases(client: TestClient, ingest) -> None:  # type: ignore[no-untyped-def]
    article = ingest(**example_article())
    actors = {a["name"]: a for a in _all(client, "actors", article["id"])}
    assert actors["Ethiopia"]["type"] == "state"
    assert actors["Eritrea"]["type"] == "state"
    assert "Eritrean" in actors["Eritrea"]["aliases"]
    assert actors["Eritrean armed forces"]["type"] == "armed_group"
    assert actors["Eritrean armed forces"]["affiliation"]["name"] == "Eritrea"
    assert actors["Samuel Tekle"]["type"] == "person"
    assert "Tekle" in actors["Samuel Tekle"]["aliases"]
    assert actors["United Nations Security Council"]["type"] == "international_org"
    assert not {"Border Town", "BORDER TOWN"} & set(actors)  # places are not actors
