"""Scratch databases and API keys for tests: one place that builds them, for every test module."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.core.config import Settings
from app.core.migrations import upgrade
from app.core.security import hash_key, new_key
from app.models import ApiKey


def postgres_server() -> str:
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL tests skipped")
    return Settings(database_url=server).database_url


@contextmanager
def scratch_database(backend: str, directory: Path) -> Iterator[str]:
    """A fresh database built by the migrations, dropped afterwards."""
    if backend == "sqlite":
        url = f"sqlite:///{directory / f'scratch-{uuid.uuid4().hex[:8]}.db'}"
        upgrade(url)
        yield url
        return
    server = postgres_server()
    name = f"ce_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def add_keys(database_url: str, scopes: tuple[str, ...] = ("read", "ingest", "admin")) -> dict[str, str]:
    """One key per scope, stored as the CLI stores them (hash only)."""
    made = {scope: new_key() for scope in scopes}
    engine = create_engine(database_url)
    with Session(engine) as session:
        for scope, key in made.items():
            session.add(ApiKey(key_hash=hash_key(key), prefix=key[:10], scope=scope))
        session.commit()
    engine.dispose()
    return made
