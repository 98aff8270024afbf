"""The OpenAPI document is complete enough to build a client from without reading the code.

Checked over ``app.openapi()``:

(a) every operation has a summary or description, a tag and at least one documented 4xx response;
(b) every parameter has a non-empty description;
(c) every property of every schema under ``components.schemas`` has a description. A property that
    is only a ``$ref`` (pydantic emits that for a nested model without ``Field(description=...)``)
    passes when the schema it references has a description: the referenced schema documents it;
(d) every schema under ``components.schemas`` has an ``example`` or ``examples`` at schema level, or
    examples on every one of its properties; and every schema-level example validates against its
    schema (so that examples stay consistent with field types as the models change);
(e) the whole document validates with openapi-spec-validator.

Failure messages name every offending operation, parameter, schema and property.
"""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from app.core.config import Settings
from app.main import create_app

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    database = tmp_path_factory.mktemp("openapi") / "openapi.db"
    app = create_app(Settings(database_url=f"sqlite:///{database}", environment="test"))
    return app.openapi()


def _operations(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if method in HTTP_METHODS and isinstance(operation, dict):
                found.append((f"{method.upper()} {path}", operation))
    return found


def _schemas(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return dict(spec.get("components", {}).get("schemas", {}))


def _ref_target(spec: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any] | None:
    """The schema a ``$ref``-only property points at, or None when the property is more than a ref."""
    ref = prop.get("$ref")
    if not isinstance(ref, str) or set(prop) - {"$ref"} or not ref.startswith("#/components/schemas/"):
        return None
    return _schemas(spec).get(ref.rsplit("/", 1)[-1])


def test_the_document_is_not_empty(spec: dict[str, Any]) -> None:
    # guards the checks below against passing vacuously
    assert len(_operations(spec)) >= 15
    assert len(_schemas(spec)) >= 20
    assert sum(len(s.get("properties", {})) for s in _schemas(spec).values()) >= 100


def test_every_operation_has_a_summary_a_tag_and_a_4xx(spec: dict[str, Any]) -> None:
    problems = []
    for name, operation in _operations(spec):
        if not (operation.get("summary") or "").strip() and not (operation.get("description") or "").strip():
            problems.append(f"{name}: no summary or description")
        if not operation.get("tags"):
            problems.append(f"{name}: no tag")
        if not any(str(status).startswith("4") for status in operation.get("responses", {})):
            problems.append(f"{name}: no 4xx response documented")
    assert not problems, "operations lacking documentation:\n" + "\n".join(problems)


def test_every_tag_used_is_declared(spec: dict[str, Any]) -> None:
    declared = {t["name"] for t in spec.get("tags", [])}
    used = {tag for _, operation in _operations(spec) for tag in operation.get("tags", [])}
    assert used <= declared, f"tags used but not declared with a description: {sorted(used - declared)}"


def test_every_parameter_is_described(spec: dict[str, Any]) -> None:
    problems = [
        f"{name}: parameter {parameter.get('name')!r} ({parameter.get('in')})"
        for name, operation in _operations(spec)
        for parameter in operation.get("parameters", [])
        if not (parameter.get("description") or "").strip()
    ]
    assert not problems, "parameters without a description:\n" + "\n".join(problems)


def test_every_schema_property_is_described(spec: dict[str, Any]) -> None:
    problems = []
    for schema_name, schema in _schemas(spec).items():
        for prop_name, prop in schema.get("properties", {}).items():
            if (prop.get("description") or "").strip():
                continue
            target = _ref_target(spec, prop)
            if target is not None and (target.get("description") or "").strip():
                continue  # a bare $ref to a described schema
            problems.append(f"{schema_name}.{prop_name}")
    assert not problems, "schema properties without a description:\n" + "\n".join(problems)


def test_every_schema_is_described(spec: dict[str, Any]) -> None:
    missing = [name for name, schema in _schemas(spec).items() if not (schema.get("description") or "").strip()]
    assert not missing, f"schemas without a description: {missing}"


def _has_example(schema: dict[str, Any]) -> bool:
    if "example" in schema or schema.get("examples"):
        return True
    properties = schema.get("properties", {})
    return bool(properties) and all("example" in p or p.get("examples") for p in properties.values())


def test_every_schema_has_an_example(spec: dict[str, Any]) -> None:
    missing = [name for name, schema in _schemas(spec).items() if not _has_example(schema)]
    assert not missing, f"schemas without an example: {missing}"


def test_every_example_matches_its_schema(spec: dict[str, Any]) -> None:
    problems = []
    for name, schema in _schemas(spec).items():
        examples = [schema["example"]] if "example" in schema else list(schema.get("examples", []))
        # resolve $refs against the document itself: #/components/schemas/...
        validator = Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})
        for example in examples:
            for error in validator.iter_errors(example):
                where = ".".join(str(p) for p in error.absolute_path) or "(root)"
                problems.append(f"{name} example at {where}: {error.message}")
    assert not problems, "examples inconsistent with their schema:\n" + "\n".join(problems)


def test_the_document_validates(spec: dict[str, Any]) -> None:
    validate(spec)  # raises OpenAPIValidationError naming the offending path
