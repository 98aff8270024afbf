"""/claims through HTTP on each database: figures walked in claim order (category, subject, object,
start) group into the claims the documented rule gives, pages of any size join up to the same list,
and a sparse filter answers short pages with a cursor rather than reading the whole table."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.claims import service
from tests.query.test_query_api import _all

API = "/api/v1"
SAID = "The {who} Defense Ministry said {n} {whose} soldiers were killed{when}."


def _killed(ingest, n: int, published: str | None, who: str = "Azerbaijani", whose: str = "Armenian", when: str = ""):  # type: ignore[no-untyped-def]
    meta = {"published_at": published} if published else {}
    ingest(SAID.format(who=who, n=n, whose=whose, when=when), **meta)


@pytest.fixture
def reports(ingest) -> None:  # type: ignore[no-untyped-def]
    _killed(ingest, 40, "2023-09-15", when=" on September 14")  # period Sep 14
    _killed(ingest, 12, "2023-09-16", who="Armenian", when=" on September 14")  # same claim, contested
    _killed(ingest, 30, "2023-09-14")  # no period: its article's day, Sep 14 again
    _killed(ingest, 8, "2023-10-02")  # another day: another claim
    _killed(ingest, 7, "2023-10-02", whose="Azerbaijani")  # another subject
    _killed(ingest, 3, None)  # no date at all: the undated claim of its subject and object
    ingest("The Azerbaijani Defense Ministry said 5 Armenian tanks were destroyed.", published_at="2023-10-02")


def _shape(claims: list[dict]) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    return [
        (
            c["category"],
            c["subject"]["name"] if c["subject"] else None,
            c["object"],
            c["period_start"],
            c["period_end"],
            sorted(r["value"] for r in c["reports"]),
            c["contested"],
        )
        for c in claims
    ]


def test_claims_group_by_rule_in_claim_order(client: TestClient, reports) -> None:  # type: ignore[no-untyped-def]
    whole = client.get(f"{API}/claims", params={"limit": 100}).json()
    assert whole["next_cursor"] is None
    armenian = "Armenian armed forces"
    assert sorted(_shape(whole["items"]), key=str) == sorted(
        [
            ("destroyed", armenian, "tank", "2023-10-02", "2023-10-02", [5], False),
            ("killed", armenian, "soldier", "2023-09-14", "2023-09-14", [12, 30, 40], True),
            ("killed", armenian, "soldier", "2023-10-02", "2023-10-02", [8], False),
            ("killed", armenian, "soldier", None, None, [3], False),
            ("killed", "Azerbaijani armed forces", "soldier", "2023-10-02", "2023-10-02", [7], False),
        ],
        key=str,
    )
    # within a category and subject: dated claims by start, the undated one last
    killed_armenian = [c["period_start"] for c in whole["items"] if c["subject"]["name"] == armenian][1:]
    assert killed_armenian == ["2023-09-14", "2023-10-02", None]
    # one claim a page joins up to the same list
    assert _shape(_all(client, "claims", {"limit": 1})) == _shape(whole["items"])


def test_filters_choose_claims_and_keep_all_their_reports(client: TestClient, reports) -> None:  # type: ignore[no-untyped-def]
    by_armenia = _all(client, "claims", {"claimant": "Armenian Defense Ministry"})
    assert [sorted(r["value"] for r in c["reports"]) for c in by_armenia] == [[12, 30, 40]]
    assert [c["category"] for c in _all(client, "claims", {"category": "destroyed"})] == ["destroyed"]
    about = _all(client, "claims", {"subject": "Azerbaijani armed forces"})
    assert [sorted(r["value"] for r in c["reports"]) for c in about] == [[7]]
    assert [len(c["reports"]) for c in _all(client, "claims", {"contested": "false", "value_min": 6})] == [1, 1]


def test_sparse_filters_answer_short_pages_that_join_up(
    client: TestClient, reports, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    whole = client.get(f"{API}/claims").json()["items"]
    # a scan budget of two figures: pages stop early, some empty, each with a cursor to go on
    monkeypatch.setattr(service, "CHUNK", 1)
    monkeypatch.setattr(service, "SCAN_BUDGET", 2)
    first = client.get(f"{API}/claims", params={"claimant": "Armenian Defense Ministry", "category": "killed"}).json()
    assert first["items"] == [] and first["next_cursor"]
    found = _all(client, "claims", {"claimant": "Armenian Defense Ministry", "category": "killed"})
    assert [sorted(r["value"] for r in c["reports"]) for c in found] == [[12, 30, 40]]
    assert _shape(_all(client, "claims", {"limit": 2})) == _shape(whole)
