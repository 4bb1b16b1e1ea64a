"""JSON Schema views of a spec's schemas, with `#/components/...` refs resolvable."""

from __future__ import annotations

from typing import Any

import jsonschema


def validator_for(spec: dict[str, Any], schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """A Draft 2020-12 validator for `schema`. The spec's `components` ride along in the
    root (an unknown keyword to JSON Schema), so `#/components/...` pointers resolve."""
    root = {**schema, "components": spec.get("components", {})}
    return jsonschema.Draft202012Validator(root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` chain to the schema it names."""
    while "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema
