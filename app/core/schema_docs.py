"""Documentation helpers for the OpenAPI document: they add examples, never change validation."""

from __future__ import annotations

from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema


def enum_examples(*examples: str) -> Any:
    """A ``__get_pydantic_json_schema__`` for an enum that adds ``examples`` to its JSON schema
    (enums have no ``model_config``, so ``json_schema_extra`` is not available to them)."""

    def hook(cls: type, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(core_schema)
        handler.resolve_ref_schema(json_schema)["examples"] = list(examples)
        return json_schema

    return classmethod(hook)
