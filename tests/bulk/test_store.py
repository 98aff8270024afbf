"""The set-based write path on each database: many articles stored in a few statements per table
land exactly as one-by-one ingests land them, and a batch whose set-based insert fails falls back to
one savepoint per article, so that only the offending article fails."""

from __future__ import annotations

from app.articles.schemas import ArticleCreate
from app.articles.service import extract_article
from app.bulk.schemas import BatchItemResult
from app.bulk.service import _Pending, _store
from app.core.db import make_database
from tests.bulk.test_batch import _article
from tests.bulk.test_import import _rows


def _extracted(n: int, **change: object) -> tuple[_Pending, object]:
    body = ArticleCreate.model_validate({**_article(n), **change})
    return _Pending(n, body), extract_article(body)


def test_figures_point_at_the_statement_of_their_own_article(app, settings) -> None:
    db = make_database(settings)
    done: list[BatchItemResult | None] = [None] * 5
    try:
        _store(db, [_extracted(n) for n in range(5)], done)
    finally:
        db.dispose()
    assert [r.status for r in done if r] == ["created"] * 5
    url = settings.database_url
    # each article says "N soldiers were killed" in its own voice and quotes the ministry once
    per_article = _rows(
        url,
        "SELECT a.external_id, count(DISTINCT s.id), count(DISTINCT f.id), count(DISTINCT m.id) FROM articles a "
        "JOIN statements s ON s.article_id = a.id JOIN figures f ON f.article_id = a.id "
        "JOIN mentions m ON m.article_id = a.id GROUP BY a.external_id ORDER BY a.external_id",
    )
    assert [e for e, *_ in per_article] == [f"batch-{n}" for n in range(5)]
    assert len({tuple(counts) for _, *counts in per_article}) == 1  # the same shape for every article
    crossed = _rows(
        url,
        "SELECT f.id FROM figures f JOIN statements s ON s.id = f.statement_id WHERE s.article_id <> f.article_id",
    )
    assert crossed == []
    # one actor row per identity, however many articles of the batch name it
    names = [n for (n,) in _rows(url, "SELECT key FROM actors")]
    assert len(names) == len(set(names))
    assert len(_rows(url, "SELECT id FROM article_changes WHERE kind = 'ingested'")) == 5


def test_a_failing_batch_insert_falls_back_to_one_savepoint_per_article(app, settings) -> None:
    # the same external_id twice with different texts: the set-based insert breaks the unique
    # constraint, so each article is tried alone: the first is stored, the second answers it
    first, second = _extracted(1), _extracted(2, external_id="batch-1")
    third = _extracted(3)
    db = make_database(settings)
    done: list[BatchItemResult | None] = [None] * 4
    try:
        _store(db, [first, second, third], done)
    finally:
        db.dispose()
    results = {r.index: r for r in done if r}
    assert results[1].status == "created" and results[3].status == "created"
    assert results[2].status == "existing" and results[2].id == results[1].id
    stored = _rows(settings.database_url, "SELECT id, external_id FROM articles ORDER BY id")
    assert [e for _, e in stored] == ["batch-1", "batch-3"]
    # nothing of the rolled-back attempt is left behind: one change and one text per article
    changes = _rows(settings.database_url, "SELECT article_id FROM article_changes ORDER BY id")
    assert changes == [(results[1].id,), (results[3].id,)]
    figures = _rows(settings.database_url, "SELECT article_id FROM figures ORDER BY article_id")
    assert {a for (a,) in figures} == {results[1].id, results[3].id}
