"""Hypothesis strategies for a vendor's 200-response body, built from its spec.

The specs are OpenAPI 3.1, so their schemas are JSON Schema 2020-12 apart from
annotations (`description`, `example`, `x-*`, ...). hypothesis-jsonschema wants one
self-contained schema without `$ref`s, so `inline` copies the `#/components/...`
targets in place (recursively), keeps any keywords written beside a `$ref` (2020-12
applies both, like an `allOf`), and drops annotations, which do not constrain values.
"""

from __future__ import annotations

import functools
import json
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from support.schemas import resolve
from support.vendors import Vendor

# Examples per vendor and test; CI runs the default.
EXAMPLES = int(os.environ.get("EXEC_SDKS_HYPOTHESIS_EXAMPLES", "200"))
# Examples per component schema, each drawn and decoded directly: deep components are rare in
# whole bodies (a Tracecat InteractionContext appears in almost none of 200 executions).
COMPONENT_EXAMPLES = int(os.environ.get("EXEC_SDKS_HYPOTHESIS_COMPONENT_EXAMPLES", "25"))

# Keywords that only annotate: they never make an instance valid or invalid.
ANNOTATIONS = frozenset(
    {"description", "example", "examples", "title", "default", "deprecated", "readOnly", "writeOnly", "$comment"}
)

# Keywords whose value is one subschema, a list of them, or a name -> subschema map.
_ONE = (
    "items",
    "additionalProperties",
    "not",
    "contains",
    "propertyNames",
    "unevaluatedProperties",
    "if",
    "then",
    "else",
)
_MANY = ("anyOf", "allOf", "oneOf", "prefixItems")
_MAP = ("properties", "patternProperties", "$defs")

# `format`s hypothesis-jsonschema does not know (it would ignore them and draw any string).
# UUIDs in either case: RFC 9562 makes the hex digits case-insensitive on input.
CUSTOM_FORMATS: dict[str, st.SearchStrategy[str]] = {
    "uuid": st.uuids().map(str) | st.uuids().map(lambda u: str(u).upper()),
}


def inline(spec: dict[str, Any], schema: Any, seen: tuple[str, ...] = ()) -> Any:
    """`schema` with every local `$ref` replaced by (a copy of) its target, annotations dropped."""
    if not isinstance(schema, dict):
        return schema  # `true` / `false` schemas
    out: dict[str, Any] = {}
    if "$ref" in schema:
        ref = str(schema["$ref"])
        if ref in seen:
            raise ValueError(f"recursive schema through {ref}: hypothesis-jsonschema cannot draw it")
        target = inline(spec, resolve(spec, {"$ref": ref}), (*seen, ref))
        siblings = inline(spec, {k: v for k, v in schema.items() if k != "$ref"}, seen)
        if not siblings:
            return target
        return {"allOf": [target, siblings]}
    for key, value in schema.items():
        if key in ANNOTATIONS or key.startswith("x-"):
            continue
        if key in _ONE:
            out[key] = inline(spec, value, seen)
        elif key in _MANY:
            out[key] = [inline(spec, item, seen) for item in value]
        elif key in _MAP:
            out[key] = {name: inline(spec, sub, seen) for name, sub in value.items()}
        else:
            out[key] = value  # type, enum, required, format, bounds, ...
    return out


def success_json_schema(vendor: Vendor) -> dict[str, Any]:
    """The vendor's 200 body schema as one self-contained JSON Schema 2020-12 document."""
    inlined: dict[str, Any] = inline(vendor.spec, vendor.success_schema)
    return inlined


_PLACEHOLDER = "\x00exec-sdks-component:"


def _shallow(spec: dict[str, Any], schema: Any) -> Any:
    """`inline`, except that a `$ref` to an object component becomes a placeholder constant.

    hypothesis-jsonschema re-canonicalises a property's whole subschema each time it draws
    that property, so one fully inlined tree of nested objects draws slowly (seconds per
    example for Tracecat). Drawing each object component from its own, shallow strategy and
    substituting it for the placeholder generates the same values (the placeholder stands
    exactly where the component's instance goes), with each strategy built once."""
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        ref = str(schema["$ref"])
        siblings = inline(spec, {k: v for k, v in schema.items() if k != "$ref"})
        target = resolve(spec, {"$ref": ref})
        if not siblings and target.get("type") == "object" and ref.startswith("#/components/schemas/"):
            return {"const": _PLACEHOLDER + ref.removeprefix("#/components/schemas/")}
        return inline(spec, schema)
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in ANNOTATIONS or key.startswith("x-"):
            continue
        if key in _ONE:
            out[key] = _shallow(spec, value)
        elif key in _MANY:
            out[key] = [_shallow(spec, item) for item in value]
        elif key in _MAP:
            out[key] = {name: _shallow(spec, sub) for name, sub in value.items()}
        else:
            out[key] = value
    return out


class _Components:
    """One strategy per object component of a spec, built on first use."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.strategies: dict[str, st.SearchStrategy[Any]] = {}

    def get(self, name: str) -> st.SearchStrategy[Any]:
        if name not in self.strategies:
            # Deferred, so that a component that (indirectly) contains itself still builds.
            self.strategies[name] = st.deferred(lambda: self.build(self.spec["components"]["schemas"][name]))
        return self.strategies[name]

    def build(self, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
        return _filled(self, from_schema(_shallow(self.spec, schema), custom_formats=CUSTOM_FORMATS))

    def substitute(self, draw: st.DrawFn, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(_PLACEHOLDER):
            return draw(self.get(value.removeprefix(_PLACEHOLDER)))
        if isinstance(value, list):
            return [self.substitute(draw, item) for item in value]
        if isinstance(value, dict):
            return {key: self.substitute(draw, item) for key, item in value.items()}
        return value


@st.composite
def _filled(draw: st.DrawFn, components: _Components, shallow: st.SearchStrategy[Any]) -> Any:
    """A value of `shallow` with each placeholder replaced by a draw of its component."""
    return components.substitute(draw, draw(shallow))


@functools.cache
def _components(vendor: Vendor) -> _Components:
    return _Components(vendor.spec)


def _as_received(value: Any) -> Any:
    """As it would arrive over the wire: a `json.dumps`/`json.loads` round trip, only JSON types."""
    return json.loads(json.dumps(value))


def success_bodies(vendor: Vendor) -> st.SearchStrategy[Any]:
    """JSON data valid against the vendor's 200 schema, as received."""
    return _components(vendor).build(vendor.success_schema).map(_as_received)


def object_components(vendor: Vendor) -> list[str]:
    """Names of the spec's object schemas with declared properties: each is a model class in
    the package and the oracle. (Free-form objects, with no properties, have nothing to decode
    but their unknown keys, which whole bodies exercise in every object.)"""
    schemas: dict[str, Any] = vendor.spec["components"]["schemas"]
    return [name for name, schema in schemas.items() if schema.get("type") == "object" and schema.get("properties")]


def component_bodies(vendor: Vendor, name: str) -> st.SearchStrategy[Any]:
    """JSON data valid against one component schema, as received."""
    return _components(vendor).get(name).map(_as_received)


def component_json_schema(vendor: Vendor, name: str) -> dict[str, Any]:
    """One component schema as a self-contained JSON Schema 2020-12 document: a `$ref` to it, with
    the spec's `components` beside it (not inlined: a component may contain itself)."""
    return {"$ref": f"#/components/schemas/{name}", "components": vendor.spec.get("components", {})}


def success_component(vendor: Vendor) -> str:
    """The component name of the 200 schema: the class name in both the package and the oracle."""
    ref = str(vendor.success_schema["$ref"])
    return ref.rsplit("/", 1)[-1]


# Deterministic, no example database, no deadline (the big schemas draw slowly on 2 cores).
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
PROPERTY_SETTINGS = settings(
    max_examples=EXAMPLES, derandomize=True, database=None, deadline=None, suppress_health_check=_HEALTH
)
COMPONENT_SETTINGS = settings(
    max_examples=COMPONENT_EXAMPLES, derandomize=True, database=None, deadline=None, suppress_health_check=_HEALTH
)
