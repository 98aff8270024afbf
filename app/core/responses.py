"""JSON responses serialized once.

An endpoint that returns an instance of its ``response_model`` makes FastAPI validate and serialize
it a second time; for a page of 50 nested items that second pass is about a quarter of the request.
The hot lists build their model (so the types are checked where it is built) and hand pydantic-core's
JSON to the client directly; ``response_model`` still documents the body in OpenAPI."""

from __future__ import annotations

from fastapi.responses import Response
from pydantic import BaseModel


def json_response(model: BaseModel) -> Response:
    return Response(model.model_dump_json(), media_type="application/json")
