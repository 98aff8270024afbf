"""The extraction pipeline: text in, typed result out. Imports nothing of the web or the database.

The entry points are loaded lazily so that importing one module of the package (the number
reader, the gazetteer) does not load spaCy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.extraction.pipeline import EXTRACTOR_VERSION, extract, extract_doc
    from app.extraction.types import ExtractionResult

__all__ = ["EXTRACTOR_VERSION", "ExtractionResult", "extract", "extract_doc"]


def __getattr__(name: str) -> Any:
    if name in {"EXTRACTOR_VERSION", "extract", "extract_doc"}:
        from app.extraction import pipeline

        return getattr(pipeline, name)
    if name == "ExtractionResult":
        from app.extraction.types import ExtractionResult

        return ExtractionResult
    raise AttributeError(name)
