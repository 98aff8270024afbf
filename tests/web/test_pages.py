"""The dashboard, the article page and the offline docs, through HTTP on each backend."""

from __future__ import annotations

import csv
import io
import re

from tests.web.conftest import EXAMPLE, REBUTTAL

LOCAL_REFERENCE = re.compile(r'(?:src|href)="([^"#][^"]*)"')


def _references(html: str, allowed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    return [u for u in LOCAL_REFERENCE.findall(html) if not u.startswith("/") and u not in allowed]


def test_empty_dashboard_says_how_to_fill_it(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "No figures yet" in page.text
    assert "No contested claims yet" in page.text


def test_dashboard_shows_chart_contested_claims_and_top_actors(client, ingest):
    ingest(**EXAMPLE)
    ingest(**REBUTTAL)
    page = client.get("/")
    html = page.text
    assert '<svg class="chart"' in html
    assert 'data-label="Ethiopian Defense Ministry · killed"' in html
    contested = html[html.index('id="contested"') : html.index('id="actors"')]
    assert "Eritrean armed forces" in contested
    assert "Ethiopian Defense Ministry" in contested and "Samuel Tekle" in contested
    assert ">120</a>" in contested and ">15</a>" in contested
    actors = html[html.index('id="actors"') : html.index('id="articles"')]
    assert "Eritrean armed forces" in actors
    assert _references(html) == []  # nothing is loaded from outside the service


def test_dashboard_csv_is_the_chart_data(client, ingest):
    ingest(**EXAMPLE)
    rows = list(csv.DictReader(io.StringIO(client.get("/dashboard/figures-over-time.csv").text)))
    assert {"day": "2024-03-04", "claimant": "Ethiopian Defense Ministry", "category": "killed", "value": "120"} in rows


def test_article_page_links_every_figure_highlight_to_its_json(client, ingest):
    article = ingest(**EXAMPLE)
    figures = client.get("/api/v1/figures", params={"article_id": article["id"]}).json()["items"]
    html = client.get(f"/articles/{article['id']}").text
    for figure in figures:
        pieces = re.findall(
            rf'<a class="[^"]*hl-figure[^"]*" href="/api/v1/figures/{figure["id"]}"[^>]*>([^<]*)</a>', html
        )
        assert pieces, f"figure {figure['id']} is not highlighted"
        assert all(piece in figure["provenance"]["text"] for piece in pieces)
    assert 'data-kind="mention"' in html and 'data-kind="statement"' in html


def test_article_page_escapes_the_text(client, ingest):
    article = ingest(text='<script>alert("x")</script> The ministry said 12 soldiers were killed.')
    html = client.get(f"/articles/{article['id']}").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_missing_article_page_is_a_problem_404(client):
    response = client.get("/articles/999999")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_docs_pages_load_their_assets_from_the_service(client):
    for url in ("/docs", "/redoc"):
        page = client.get(url)
        assert page.status_code == 200
        assert _references(page.text) == [], url
        assert "img-src 'self' data:" in page.headers["content-security-policy"]
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"):
        response = client.get(f"/static/docs/{asset}")
        assert response.status_code == 200 and len(response.content) > 10_000, asset


def test_openapi_names_the_service_with_contact_and_tag_descriptions(client):
    spec = client.get("/openapi.json").json()
    assert spec["info"]["title"] == "Conflict Evidence API"
    assert spec["info"]["version"]
    assert spec["info"]["contact"]["name"]
    assert "who claims" in spec["info"]["description"]
    tags = {t["name"]: t["description"] for t in spec["tags"]}
    assert {"articles", "actors", "statements", "figures", "health"} <= set(tags)
    assert all(tags.values())
