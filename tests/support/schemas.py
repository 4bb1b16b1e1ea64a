"""JSON Schema views of a spec's schemas, with `#/components/...` refs resolvable, and JSON data
walked alongside them."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from typing import Any

import jsonschema


def validator_for(spec: dict[str, Any], schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """A Draft 2020-12 validator for `schema`. The spec's `components` ride along in the
    root (an unknown keyword to JSON Schema), so `#/components/...` pointers resolve."""
    root = {**schema, "components": spec.get("components", {})}
    return jsonschema.Draft202012Validator(root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def openapi31(spec: dict[str, Any]) -> dict[str, Any]:
    """An OpenAPI 3.0 document's schemas in 3.1's dialect (JSON Schema 2020-12), which every
    validator and strategy here speaks; a 3.1 document unchanged. `nullable: true` adds `null`
    to the type (and to an enum), or, beside no type (`allOf: [$ref]`), becomes `anyOf` with
    null; boolean `exclusiveMinimum`/`exclusiveMaximum` become the bound itself."""
    if not str(spec.get("openapi", "")).startswith("3.0"):
        return spec
    return {key: _dialect_31(value) for key, value in spec.items()}


def _dialect_31(node: Any) -> Any:
    if isinstance(node, list):
        return [_dialect_31(item) for item in node]
    if not isinstance(node, dict):
        return node
    # A schema's `nullable` is a boolean; a property named "nullable" (in `properties`) is a schema.
    out = {
        key: _dialect_31(value) for key, value in node.items() if not isinstance(value, bool) or key not in _BOOLEAN_30
    }
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if node.get(exclusive) is True and bound in out:
            out[exclusive] = out.pop(bound)
    if node.get("nullable") is not True:
        return out
    kind = out.get("type")
    if kind is None:
        return {"anyOf": [out, {"type": "null"}]}
    out["type"] = [*kind, "null"] if isinstance(kind, list) else [kind, "null"]
    if isinstance(out.get("enum"), list) and None not in out["enum"]:
        out["enum"] = [*out["enum"], None]
    return out


# OpenAPI 3.0's boolean schema keywords that 3.1 expresses otherwise.
_BOOLEAN_30 = frozenset({"nullable", "exclusiveMinimum", "exclusiveMaximum"})


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` chain to the schema it names."""
    while "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


Path = list[str | int]


def flatten(spec: dict[str, Any], schema: dict[str, Any]) -> list[dict[str, Any]]:
    """`schema` resolved, followed by every anyOf/oneOf/allOf member, resolved and flattened."""
    schema = resolve(spec, schema)
    found = [schema]
    for keyword in ("anyOf", "oneOf", "allOf"):
        for member in schema.get(keyword, []):
            found += flatten(spec, member)
    return found


def walk(spec: dict[str, Any], schema: dict[str, Any], data: Any, path: Path) -> Iterator[tuple[Path, Any, bool]]:
    """(path, field schema, required?) of every declared field present in `data`, parents first.

    Free-form objects (no declared properties) and any-JSON values are not descended into.
    """
    views = flatten(spec, schema)
    if isinstance(data, dict):
        properties: dict[str, Any] = {}
        required: set[str] = set()
        for view in views:
            properties.update(view.get("properties", {}))
            required |= set(view.get("required", []))
        for key, value in data.items():
            if key in properties:
                yield [*path, key], properties[key], key in required
                yield from walk(spec, properties[key], value, [*path, key])
    elif isinstance(data, list):
        items = next((view["items"] for view in views if "items" in view), None)
        if items is not None:
            for index, value in enumerate(data):
                yield from walk(spec, items, value, [*path, index])


def fields(spec: dict[str, Any], schema: dict[str, Any], data: Any) -> list[tuple[Path, Any, bool]]:
    """`walk` from the root of `data`."""
    return list(walk(spec, schema, data, []))


def replaced(data: Any, path: Sequence[str | int], value: Any) -> Any:
    """A copy of `data` with the value at `path` replaced."""
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def removed(data: Any, path: Sequence[str | int]) -> Any:
    """A copy of `data` without the key (or item) at `path`."""
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return data


def at(data: Any, path: Sequence[str | int]) -> Any:
    for key in path:
        data = data[key]
    return data
