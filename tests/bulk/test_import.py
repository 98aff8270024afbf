"""`python -m app import` through the parallel bulk path, on each database: rows stored, a resumed
import skipping what is stored, bad files reported without stopping the rest."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from app.articles.schemas import ArticleCreate
from app.articles.service import extract_article
from app.bulk.pool import ExtractionPool
from app.cli.main import cli
from app.core.config import get_settings
from tests.bulk.test_batch import _article
from tests.web.conftest import EXAMPLE

runner = CliRunner()


@pytest.fixture
def database(app, settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The test database (emptied afterwards by the app fixture), named to the CLI by DATABASE_URL."""
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    yield settings.database_url
    get_settings.cache_clear()


def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(text(sql))]
    engine.dispose()
    return rows


def test_parallel_import_is_resumable(database: str, tmp_path: Path) -> None:
    lines = tmp_path / "feed.jsonl"
    articles = [_article(n) for n in range(12)]
    lines.write_text("\n".join(json.dumps(a) for a in articles[:5]) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(lines), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "5 imported, 0 already stored, 0 failed" in result.stdout
    assert "articles/s" in result.stderr and "ETA" in result.stderr

    # the whole feed, as after an interruption: the first five are skipped, a bad line is reported
    lines.write_text("\n".join([*(json.dumps(a) for a in articles), "{oops"]) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(lines), "--workers", "2"])
    assert result.exit_code == 1
    assert "7 imported, 5 already stored, 1 failed" in result.stdout
    assert "feed.jsonl:13" in result.stderr

    stored = _rows(database, "SELECT external_id FROM articles ORDER BY external_id")
    assert sorted(e for (e,) in stored) == sorted(f"batch-{n}" for n in range(12))
    killed = _rows(
        database,
        "SELECT a.external_id, f.value, c.name FROM figures f JOIN articles a ON a.id = f.article_id "
        "LEFT JOIN actors c ON c.id = f.claimant_id WHERE f.category = 'killed' ORDER BY f.value",
    )
    assert [(e, int(v)) for e, v, _ in killed] == [(f"batch-{n}", n + 10) for n in range(12)]
    assert len(_rows(database, "SELECT id FROM article_changes WHERE kind = 'ingested'")) == 12


def test_workers_extract_exactly_what_the_calling_process_does() -> None:
    bodies = [ArticleCreate.model_validate(EXAMPLE), ArticleCreate.model_validate(_article(4))]
    pool = ExtractionPool(2, chunk=1)
    try:
        in_workers = list(pool.extract(bodies))
        assert len(pool.pids()) == 2
    finally:
        pool.close()
    assert in_workers == [extract_article(b) for b in bodies]
