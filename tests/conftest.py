"""Fixtures: every API test runs against a real database built by the migrations, once on a SQLite
file and once on PostgreSQL when TEST_DATABASE_URL names a server (as `.ci/run` does)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.core.config import Settings
from app.main import create_app
from tests.databases import add_keys, scratch_database

BACKENDS = ["sqlite", "postgresql"]
TABLES = [
    "figure_rollups",
    "figures",
    "statements",
    "mentions",
    "actor_merges",
    "actor_aliases",
    "actors",
    "articles",
    "api_keys",
    "article_changes",
]
FTS_TABLES = ["articles_fts", "statements_fts"]


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, migrated database for the whole session on each backend."""
    with scratch_database(request.param, tmp_path_factory.mktemp("db")) as url:
        yield url


def _empty(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
        else:
            for table in TABLES:
                conn.execute(text(f"DELETE FROM {table}"))
            # FTS5 external-content indexes do not follow their tables (see app/search/fts.py)
            for fts_table in FTS_TABLES:
                conn.execute(text(f"INSERT INTO {fts_table}({fts_table}) VALUES ('delete-all')"))
    engine.dispose()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, environment="test", cursor_secret="test-secret")


@pytest.fixture
def app(settings: Settings) -> Iterator[object]:
    application = create_app(settings)
    yield application
    application.state.db.dispose()
    _empty(settings.database_url)


@pytest.fixture
def client(app: object) -> Iterator[TestClient]:
    with TestClient(app) as c:  # type: ignore[arg-type]
        yield c


@pytest.fixture
def keys(settings: Settings, app: object) -> dict[str, str]:
    """One API key of each scope, stored the way the CLI stores them."""
    return add_keys(settings.database_url)


@pytest.fixture
def ingest(client: TestClient, keys: dict[str, str]):  # type: ignore[no-untyped-def]
    """Ingest an article through the API and answer the stored article."""

    def post(text: str, **meta: object) -> dict:  # type: ignore[type-arg]
        response = client.post("/api/v1/articles", json={"text": text, **meta}, headers={"X-API-Key": keys["ingest"]})
        assert response.status_code in (200, 201), response.text
        return response.json()  # type: ignore[no-any-return]

    return post


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
