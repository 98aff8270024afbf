"""The docs UI and the pages in a real browser (headless Debian chromium), with no request leaving
loopback: what a user behind a firewall would see."""

from __future__ import annotations

import json
import re

import pytest

from tests.web.conftest import save_screenshot

pytestmark = pytest.mark.slow


def test_swagger_ui_lists_operations_and_try_it_out_answers_200(live_server, page):
    base, _key = live_server
    page.goto(f"{base}/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    assert "Conflict Evidence API" in page.locator(".info .title").inner_text()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/figures" in [p.replace("\u200b", "") for p in paths]
    save_screenshot(page, "docs.png")

    operation = (
        page.locator("#operations-figures-list_figures_api_v1_figures_get, .opblock-get")
        .filter(has=page.locator(".opblock-summary-path", has_text=re.compile(r"^/api/v1/figures$")))
        .first
    )
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    operation.locator("button.execute").click()
    status = operation.locator(".live-responses-table tr.response .response-col_status").first
    status.wait_for(timeout=30_000)
    assert status.inner_text().strip() == "200"
    body = operation.locator(".live-responses-table .microlight, .live-responses-table pre").first.inner_text()
    assert "Ethiopian Defense Ministry" in body


def test_redoc_renders_from_local_assets(live_server, page):
    base, _key = live_server
    page.goto(f"{base}/redoc")
    page.wait_for_selector("text=Reported numbers with category", timeout=30_000)


def test_dashboard_chart_renders_and_contested_claims_link_to_articles(live_server, page):
    base, _key = live_server
    page.goto(f"{base}/")
    chart = page.locator("svg.chart")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    labels = chart.locator("g.series").evaluate_all("gs => gs.map(g => g.dataset.label)")
    assert "Ethiopian Defense Ministry · killed" in labels
    assert chart.locator("circle").count() >= len(labels)
    contested = page.locator("#contested .claim").first
    assert "Eritrean armed forces" in contested.inner_text()
    assert {"120", "15"} <= set(contested.locator(".value").all_inner_texts())
    save_screenshot(page, "dashboard.png")


def test_article_highlight_links_to_its_figure(live_server, page):
    base, _key = live_server
    page.goto(f"{base}/articles/1")
    link = page.locator("a.hl[data-kind='figure']", has_text="120").first
    figure_id = int(link.get_attribute("data-figure-id") or 0)
    save_screenshot(page, "article.png")
    link.click()
    page.wait_for_url(f"**/api/v1/figures/{figure_id}")
    figure = json.loads(page.locator("body").inner_text())
    assert figure["id"] == figure_id
    assert figure["value"] == 120
    assert figure["claimant"]["name"] == "Ethiopian Defense Ministry"
