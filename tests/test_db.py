"""Statement timeouts on both databases: a runaway query is stopped, the connection stays usable."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.core.config import Settings
from app.core.db import make_database

ENDLESS = text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")


def test_a_runaway_statement_is_stopped_at_the_timeout(database_url: str) -> None:
    db = make_database(Settings(database_url=database_url, db_statement_timeout_ms=300))
    try:
        started = time.monotonic()
        with pytest.raises(OperationalError) as caught, db.reader.connect() as conn:
            conn.execute(ENDLESS).scalar()
        assert "interrupted" in str(caught.value) or "statement timeout" in str(caught.value)
        assert time.monotonic() - started < 30  # stopped, not run to exhaustion
        with db.reader.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar() == 1
    finally:
        db.dispose()
