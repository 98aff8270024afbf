"""The client examples, run against the app: the httpx session and the Grafana query."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

from tests.web.conftest import EXAMPLE, REBUTTAL

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _load_client():
    spec = importlib.util.spec_from_file_location("client_session", EXAMPLES / "client_session.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_client_session_ingests_follows_cursors_and_downloads_csv(client, keys):
    session = _load_client()
    stored = session.ingest(client, keys["ingest"], EXAMPLE)  # TestClient is an httpx.Client
    assert stored["counts"]["figures"] == 5
    figures = list(session.figures(client, article_id=stored["id"], limit=2))  # three pages
    assert len({f["id"] for f in figures}) == 5
    claims = {(f["value"], (f["claimant"] or {}).get("name")) for f in figures}
    assert (120, "Ethiopian Defense Ministry") in claims and (12, "Samuel Tekle") in claims
    rows = list(csv.DictReader(io.StringIO(session.figures_csv(client))))
    assert len(rows) == 5
    assert any(float(r["value"]) == 3000 and r["category"] == "displaced" for r in rows)


def test_grafana_dashboard_query_matches_the_csv_the_service_serves(client, ingest):
    ingest(**EXAMPLE)
    ingest(**REBUTTAL)
    dashboard = json.loads((EXAMPLES / "grafana-figures-over-time.json").read_text(encoding="utf-8"))
    target = dashboard["panels"][0]["targets"][0]
    assert target["type"] == "csv" and target["source"] == "url"
    path = target["url"].replace("${service}", "")
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [c["selector"] for c in target["columns"]] == list(rows[0])
    assert {"day": "2024-03-05", "claimant": "Samuel Tekle", "category": "killed", "value": "15"} in rows
