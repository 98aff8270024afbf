"""Response formats for every list: JSON pages, or the whole result streamed as CSV or NDJSON.

Exports are streamed in keyset batches from their own read session (the request's session may be
closed before a long body is sent), so a million-row export holds one batch in memory at a time."""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlmodel import Session

from app.core.db import Database
from app.core.pagination import PageRequest
from app.core.schema_docs import enum_examples

# Rows fetched per keyset query while exporting: large enough to amortise the round trip, small
# enough that memory stays flat. A module constant rather than a setting (settings are not ours).
EXPORT_BATCH_SIZE = 1000

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
NDJSON_MEDIA_TYPE = "application/x-ndjson"


class ResponseFormat(StrEnum):
    """Encoding of a list response: one JSON page, or every matching row as CSV or NDJSON."""

    __get_pydantic_json_schema__ = enum_examples("csv")

    json = "json"
    csv = "csv"
    ndjson = "ndjson"


async def response_format(
    request: Request,
    format: Annotated[
        ResponseFormat | None,
        Query(
            description="json (a page, the default), csv or ndjson (the whole result, streamed); "
            "overrides the Accept header (text/csv, application/x-ndjson)"
        ),
    ] = None,
) -> ResponseFormat:
    if format is not None:
        return format
    accept = request.headers.get("accept", "")
    if "text/csv" in accept:
        return ResponseFormat.csv
    if "application/x-ndjson" in accept or "application/jsonl" in accept:
        return ResponseFormat.ndjson
    return ResponseFormat.json


FormatParam = Annotated[ResponseFormat, Depends(response_format)]

EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "a JSON page; with `format=csv` / `Accept: text/csv` a CSV file with flat columns "
        "(actor names next to ids, provenance columns), with `format=ndjson` one JSON item a line",
        "content": {
            "text/csv": {"schema": {"type": "string"}, "example": "id,value,category\n9,2300,casualties\n"},
            "application/x-ndjson": {"schema": {"type": "string"}, "example": '{"id": 9, "value": 2300}\n'},
        },
    },
    400: {"description": "a tampered cursor, or one from another list, sort or filter"},
}


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def flat_columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Spreadsheet column names for a schema: nested objects become ``subject_id``, ``subject_name``..."""
    columns: list[str] = []
    for name, field in model.model_fields.items():
        nested = _model_of(field.annotation)
        if nested is not None:
            columns += flat_columns(nested, f"{prefix}{name}_")
        else:
            columns.append(prefix + name)
    return columns


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in data.items():
        if isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{name}_"))
        elif isinstance(value, list):
            # lists of names (aliases) read best joined; a spreadsheet cell holds one string
            out[prefix + name] = "; ".join(v if isinstance(v, str) else json.dumps(v) for v in value)
        else:
            out[prefix + name] = value
    return out


def _csv_chunk(rows: Iterable[dict[str, Any]], columns: list[str], header: bool) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def stream_items(
    db: Database,
    fmt: ResponseFormat,
    model: type[BaseModel],
    produce: Callable[[Session], Iterator[Sequence[BaseModel]]],
    filename: str,
) -> StreamingResponse:
    """Stream every batch ``produce`` yields as CSV (flat columns) or NDJSON (the JSON items)."""
    columns = flat_columns(model)

    def body() -> Iterator[str]:
        with Session(db.reader) as session:
            if fmt is ResponseFormat.csv:
                yield _csv_chunk([], columns, header=True)
            for batch in produce(session):
                if fmt is ResponseFormat.csv:
                    yield _csv_chunk((flatten(item.model_dump(mode="json")) for item in batch), columns, False)
                else:
                    yield "".join(item.model_dump_json() + "\n" for item in batch)

    media = CSV_MEDIA_TYPE if fmt is ResponseFormat.csv else NDJSON_MEDIA_TYPE
    extension = "csv" if fmt is ResponseFormat.csv else "ndjson"
    headers = {"Content-Disposition": f'attachment; filename="{filename}.{extension}"'}
    return StreamingResponse(body(), media_type=media, headers=headers)


def keyset_export(
    ordering: Any,
    query: Any,
    page: PageRequest,
    resource: str,
    to_public: Callable[[Session, list[Any]], list[Any]],
) -> Callable[[Session], Iterator[list[BaseModel]]]:
    """Batches of public items for ``stream_items``: the whole result after the page's cursor, or only
    ``limit`` rows when the caller asked for a limit. The cursor is read now, so a bad one answers 400
    before the stream starts."""
    after = page.after(f"{resource}:{ordering.name}")
    cap = page.limit if page.explicit_limit else None

    def produce(session: Session) -> Iterator[list[BaseModel]]:
        left = cap
        for rows in ordering.batches(session, query, after, EXPORT_BATCH_SIZE):
            if left is not None:
                rows = rows[:left]
                left -= len(rows)
            yield to_public(session, rows)
            if left is not None and left <= 0:
                return

    return produce
