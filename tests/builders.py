"""Test data builders: sentences written for these tests, in the style of wire reports."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article-wire-report.json"

SHORT_REPORT = (
    "The Ruritanian army said on Tuesday that 40 rebels were killed in the clashes. "
    '"We pushed them back," the army said.'
)


def example_article() -> dict[str, object]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def wire(n: int) -> str:
    """A distinct short report for bulk and paging tests."""
    return (
        f"Police said {n + 2} people were wounded in an attack on a checkpoint on day {n}. "
        f'"The situation is under control," a spokesman said.'
    )
