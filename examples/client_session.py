"""A client session with httpx: ingest an article, list its figures with their claimants (following
the cursors to the end), and download every figure as CSV.

    python examples/client_session.py --base-url http://127.0.0.1:8000 --key "$(cat data/local-admin-key)"

Each step is a function taking an ``httpx.Client`` so that it can be reused (and tested)."""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent


def ingest(client: httpx.Client, key: str, article: dict[str, Any]) -> dict[str, Any]:
    """POST the article; 201 when it is new, 200 when it was already stored."""
    response = client.post("/api/v1/articles", json=article, headers={"X-API-Key": key})
    response.raise_for_status()
    stored: dict[str, Any] = response.json()
    return stored


def figures(client: httpx.Client, article_id: int | None = None, limit: int = 50) -> Iterator[dict[str, Any]]:
    """Every figure (of one article, or all), following ``next_cursor`` until it is null."""
    params: dict[str, Any] = {"limit": limit}
    if article_id is not None:
        params["article_id"] = article_id
    while True:
        page = client.get("/api/v1/figures", params=params)
        page.raise_for_status()
        body = page.json()
        yield from body["items"]
        if not body["next_cursor"]:
            return
        params["cursor"] = body["next_cursor"]


CSV_COLUMNS = ["id", "article_id", "value", "category", "claimant", "subject", "text"]


def figures_csv(client: httpx.Client) -> str:
    """All figures as CSV: the server's own CSV when it offers one (``format=csv``), otherwise
    built here from the JSON pages with the columns above."""
    response = client.get("/api/v1/figures", params={"format": "csv"})
    if response.status_code == 200 and response.headers.get("content-type", "").startswith("text/csv"):
        return response.text
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in figures(client, limit=500):
        writer.writerow(
            [
                f["id"],
                f["article_id"],
                f["value"],
                f["category"],
                (f["claimant"] or {}).get("name"),
                (f["subject"] or {}).get("name"),
                f["provenance"]["text"],
            ]
        )
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--key", required=True, help="an API key with the ingest scope")
    parser.add_argument("--csv", type=Path, default=Path("figures.csv"), help="where to save the CSV")
    args = parser.parse_args()
    article = json.loads((HERE / "article-wire-report.json").read_text(encoding="utf-8"))
    with httpx.Client(base_url=args.base_url, timeout=60) as client:
        stored = ingest(client, args.key, article)
        print(f"article {stored['id']}: {stored['counts']['figures']} figures")
        for f in figures(client, article_id=stored["id"], limit=2):  # a small page, to show the cursors
            claimant = (f["claimant"] or {}).get("name", "the article itself")
            print(f"  {f['value']:>6} {f['category']:<10} claimed by {claimant}")
        args.csv.write_text(figures_csv(client), encoding="utf-8")
        print(f"every figure saved to {args.csv}")


if __name__ == "__main__":
    main()
