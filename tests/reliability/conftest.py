"""Fixtures for the reliability suite: a real server per backend, shared by the tests that only add
articles under names of their own (idempotency, concurrency, fuzzing)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.support import add_keys, running, scratch_database

BACKENDS = ["sqlite", "postgresql"]


@dataclass(frozen=True)
class Live:
    base_url: str
    database_url: str
    keys: dict[str, str]


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def live(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A uvicorn process on a scratch database of ``backend``, with one key per scope."""
    directory: Path = tmp_path_factory.mktemp(f"live-{backend}")
    with scratch_database(backend, directory) as url:
        keys = add_keys(url)
        with running(url) as server:
            yield Live(server.base_url, url, keys)
