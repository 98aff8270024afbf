"""Fixtures for the pages: a second article that contests the example's figures, and for the
browser tests a live server (uvicorn in a subprocess on 127.0.0.1 and a free port, on a scratch
SQLite database) with Debian's chromium driven by Playwright, nothing allowed past loopback."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"  # gitignored; CI keeps it
EXAMPLE = json.loads((ROOT / "examples" / "article-wire-report.json").read_text(encoding="utf-8"))

# The other side's figure for the same losses: 15 killed against the Ethiopian ministry's 120.
REBUTTAL = {
    "external_id": "test-rebuttal-1",
    "title": "Eritrea disputes Ethiopian casualty claims",
    "source": "Test Wire",
    "published_at": "2024-03-05",
    "text": "Eritrea's Information Minister Samuel Tekle said on Tuesday that only 15 Eritrean soldiers were "
    'killed in the fighting. "The Ethiopian figures are invented," Tekle told reporters.',
}

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def _loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in ("127.0.0.1", "localhost", "::1")


@pytest.fixture(scope="session")
def live_server() -> Iterator[tuple[str, str]]:
    """(base URL, admin key) of a server holding the example article and its rebuttal."""
    from bench.serve import running_server

    with running_server() as server:
        with httpx.Client(base_url=server.base_url, timeout=120) as client:
            for article in (EXAMPLE, REBUTTAL):
                response = client.post("/api/v1/articles", json=article, headers={"X-API-Key": server.api_key})
                assert response.status_code in (200, 201), response.text
        yield server.base_url, server.api_key


@pytest.fixture(scope="session")
def browser_context() -> Iterator[object]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("chromium is not installed and could not be (`make browser` or `.ci/run` install it)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser_context: object) -> Iterator[object]:
    """A page whose every request outside loopback is aborted and recorded; the test fails if any
    was attempted (the docs UI and the dashboard must work in a closed network)."""
    outside: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if _loopback(url):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    page = browser_context.new_page()  # type: ignore[attr-defined]
    page.route("**/*", guard)
    yield page
    page.close()
    assert outside == [], f"requests left loopback: {outside}"


def save_screenshot(page: object, name: str) -> Path:
    """A CI copy under artifacts/; with UPDATE_SCREENSHOTS=1 also the copy committed under docs/."""
    import os

    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=False)  # type: ignore[attr-defined]
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        shutil.copyfile(path, ROOT / "docs" / name)
    return path
