"""Settings, read once from the environment (prefix ``CONFLICT_``; ``DATABASE_URL`` and
``REDIS_URL`` also answer to their conventional names)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_CURSOR_SECRET = "development-only-cursor-secret-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONFLICT_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = Field(
        default="sqlite:///./data/conflict.db",
        validation_alias=AliasChoices("DATABASE_URL", "CONFLICT_DATABASE_URL"),
        description="SQLAlchemy URL: a SQLite file, or postgresql+psycopg://user@host/db",
    )
    db_pool_size: int = Field(default=5, ge=1, le=100)
    db_max_overflow: int = Field(default=10, ge=0, le=200)
    db_statement_timeout_ms: int = Field(default=30_000, ge=100)
    redis_url: str | None = Field(default=None, validation_alias=AliasChoices("REDIS_URL", "CONFLICT_REDIS_URL"))

    require_read_key: bool = False
    cursor_secret: str = DEV_CURSOR_SECRET

    max_text_chars: int = Field(default=200_000, ge=1_000, description="longest article text accepted")
    max_body_bytes: int = Field(default=1_000_000, ge=10_000, description="largest request body accepted")
    page_default_limit: int = Field(default=50, ge=1)
    page_max_limit: int = Field(default=500, ge=1)

    cors_origins: list[str] = Field(default_factory=list)
    log_level: str = "INFO"

    # Per-key rate limits (fixed windows). Off by default so that a single trusted feed or a
    # benchmark is never throttled by surprise; counted in this process, or in Redis when
    # REDIS_URL is set so that several API processes share one budget per key.
    rate_limit_requests: int = Field(default=0, ge=0, description="requests per window per API key; 0 is off")
    rate_limit_anonymous_requests: int = Field(
        default=0, ge=0, description="requests per window per client address without a key; 0 is off"
    )
    rate_limit_window_seconds: int = Field(default=60, ge=1, le=86_400)

    @field_validator("database_url")
    @classmethod
    def _psycopg_driver(cls, url: str) -> str:
        # "postgresql://" would pick psycopg2, which we do not ship; psycopg 3 is the driver.
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.environment == "production" and self.cursor_secret == DEV_CURSOR_SECRET:
            raise ValueError("CONFLICT_CURSOR_SECRET must be set in production")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
