"""Alembic owns the schema: head builds it from nothing, matches the models, and downgrades."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.core.migrations import current_revision, downgrade, head_revision, upgrade
from app.search.fts import include_object


# SQLite cannot reflect the claim-order expression index; include_object leaves it out anyway
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_head_matches_models_and_downgrade_round_trips(database_url: str) -> None:
    # the session fixture already ran `upgrade head` on an empty database
    engine = create_engine(database_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            # include_object: the full-text tables and indexes are raw SQL, not models (app/search/fts.py)
            context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": include_object})
            diff = compare_metadata(context, SQLModel.metadata)
        assert diff == []
        downgrade(database_url, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        upgrade(database_url)
        engine.dispose()
    assert current_revision(create_engine(database_url)) == head_revision()


def test_claim_order_keys_are_filled_for_figures_stored_before_them(database_url: str) -> None:
    """Migration 0003 computes object head and claim dates of the figures already stored."""
    downgrade(database_url, "0002")
    engine = create_engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO articles (id, text, content_hash, ingested_at, extractor_version, published_at) "
                    "VALUES "
                    "(1, 'x', 'h1', '2024-01-01', 'v', '2024-03-05 10:00:00'), (2, 'y', 'h2', '2024-01-01', 'v', NULL)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO figures (article_id, value, category, object, period_start, period_end, "
                    "char_start, char_end, text, sentence_start, sentence_end, sentence) VALUES "
                    "(1, 3, 'killed', 'Armenian soldiers', '2024-03-01', '2024-03-02', 0, 1, 'x', 0, 1, 'x'), "
                    "(1, 4, 'killed', 'civilians', NULL, NULL, 0, 1, 'x', 0, 1, 'x'), "
                    "(2, 5, 'destroyed', NULL, NULL, NULL, 0, 1, 'y', 0, 1, 'y')"
                )
            )
        upgrade(database_url)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT object_head, claim_start, claim_end FROM figures ORDER BY value")).all()
        assert [(h, str(s), str(e)) for h, s, e in rows] == [
            ("soldier", "2024-03-01", "2024-03-02"),
            ("civilian", "2024-03-05", "2024-03-05"),
            ("", "9999-12-31", "9999-12-31"),
        ]
    finally:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM figures"))
            conn.execute(text("DELETE FROM articles"))
        upgrade(database_url)
        engine.dispose()
