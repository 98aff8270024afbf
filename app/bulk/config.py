"""Bulk-ingest settings (prefix ``CONFLICT_BULK_``). Kept beside the feature rather than in
app/core/config.py so that the core knows no domain; read once per process."""

from __future__ import annotations

import os
from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_workers() -> int:
    # one extraction process per core: spaCy is single-threaded and the store is cheap beside it
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class BulkSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONFLICT_BULK_", env_file=".env", extra="ignore")

    workers: int = Field(
        default_factory=_default_workers,
        ge=0,
        le=64,
        description="extraction worker processes; 0 extracts in the calling process",
    )
    max_items: int = Field(default=100, ge=1, le=10_000, description="articles per POST /articles:batch")
    store_batch: int = Field(default=25, ge=1, le=1_000, description="articles written per transaction")
    chunk: int = Field(
        default=8, ge=1, le=256, description="articles sent to a worker per task, parsed in one nlp.pipe batch"
    )


@lru_cache(maxsize=1)
def get_bulk_settings() -> BulkSettings:
    return BulkSettings()
