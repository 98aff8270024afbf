"""Alembic owns the schema: head builds it from nothing, matches the models, and downgrades."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.core.migrations import current_revision, downgrade, head_revision, upgrade
from app.search.fts import include_object


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
