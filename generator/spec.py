"""Stage 1: load a spec, refuse what the pipeline cannot support, and normalise it.

Specs are YAML or JSON, chosen by the file extension (`.json` is JSON, anything else YAML).
OpenAPI 3.0.x documents are rewritten in 3.1 terms (`nullable`, boolean exclusive bounds), so
every later stage reads one dialect. Each refusal is one line: the file, the JSON pointer, what
is unsupported and what to write instead.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .errors import SpecRefusalError, pointer_join
from .source import read_document

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Keywords whose value is one schema, a list of schemas, or a map of schemas.
SCHEMA_KEYWORDS = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else")
SCHEMA_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_MAP_KEYWORDS = ("properties", "patternProperties", "$defs", "dependentSchemas")


def load_spec(path: Path) -> dict[str, Any]:
    """The document at `path` as plain data; JSON for `.json`, YAML 1.2 otherwise (see `source`)."""
    return read_document(path)


# -- walking and references -------------------------------------------------------


def resolve_pointer(document: Any, ref: str, spec: Path) -> Any:
    """The node a local `$ref` points at."""
    if not ref.startswith("#"):
        raise SpecRefusalError(
            spec, "#", f"external $ref {ref!r}", "bundle the spec into one file (e.g. `redocly bundle`)"
        )
    node = document
    for raw in ref[1:].split("/")[1:]:
        # A `$ref` is a URI: its fragment may be percent-encoded (`~1jobs~1%7Bid%7D`).
        part = unquote(raw).replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise SpecRefusalError(spec, ref, "this $ref points at nothing", "fix the reference")
    return node


def deref(document: Any, node: Any, spec: Path) -> Any:
    """Follow `$ref`s until a node that is not one (cycles refused)."""
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if ref in seen:
            raise SpecRefusalError(spec, ref, "a $ref cycle with no schema in it", "break the cycle")
        seen.add(ref)
        node = resolve_pointer(document, ref, spec)
    return node


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], str]]:
    """(path, method, operation, pointer) for every operation, in document order."""
    for path, path_item in (spec.get("paths") or {}).items():
        if not isinstance(path_item, dict):
            continue
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if isinstance(operation, dict):
                yield path, method, operation, pointer_join("#/paths", path, method)


def child_schemas(schema: dict[str, Any], pointer: str) -> Iterator[tuple[str, Any]]:
    """(pointer, sub-schema) for each schema directly inside `schema`."""
    for key in SCHEMA_KEYWORDS:
        if isinstance(schema.get(key), dict):
            yield pointer_join(pointer, key), schema[key]
    for key in SCHEMA_LIST_KEYWORDS:
        for index, member in enumerate(schema.get(key) or []):
            yield pointer_join(pointer, key, index), member
    for key in SCHEMA_MAP_KEYWORDS:
        for name, member in (schema.get(key) or {}).items():
            yield pointer_join(pointer, key, name), member


def all_schemas(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, schema) for every schema object in the document, nested ones included."""

    def walk(schema: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if not isinstance(schema, dict):
            return
        yield pointer, schema
        for child_pointer, child in child_schemas(schema, pointer):
            yield from walk(child, child_pointer)

    components = spec.get("components") or {}
    for name, schema in (components.get("schemas") or {}).items():
        yield from walk(schema, pointer_join("#/components/schemas", name))
    for pointer, container in _schema_holders(spec):
        yield from walk(container["schema"], pointer_join(pointer, "schema"))


def _schema_holders(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Parameters, media types and headers: every object with a `schema` outside components/schemas."""

    def media(content: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for media_type, item in (content or {}).items():
            if isinstance(item, dict) and isinstance(item.get("schema"), dict):
                yield pointer_join(pointer, "content", media_type), item

    def response_like(item: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if not isinstance(item, dict):
            return
        yield from media(item.get("content"), pointer)
        for name, header in (item.get("headers") or {}).items():
            if isinstance(header, dict) and isinstance(header.get("schema"), dict):
                yield pointer_join(pointer, "headers", name), header

    def parameter(item: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(item, dict) and isinstance(item.get("schema"), dict):
            yield pointer, item

    components = spec.get("components") or {}
    for name, item in (components.get("parameters") or {}).items():
        yield from parameter(item, pointer_join("#/components/parameters", name))
    for name, item in (components.get("requestBodies") or {}).items():
        yield from response_like(item, pointer_join("#/components/requestBodies", name))
    for name, item in (components.get("responses") or {}).items():
        yield from response_like(item, pointer_join("#/components/responses", name))
    for name, item in (components.get("headers") or {}).items():
        yield from parameter(item, pointer_join("#/components/headers", name))
    for path, path_item in (spec.get("paths") or {}).items():
        if not isinstance(path_item, dict):
            continue
        for index, item in enumerate(path_item.get("parameters") or []):
            yield from parameter(item, pointer_join("#/paths", path, "parameters", index))
    for _, _, operation, pointer in operations(spec):
        for index, item in enumerate(operation.get("parameters") or []):
            yield from parameter(item, pointer_join(pointer, "parameters", index))
        yield from response_like(operation.get("requestBody"), pointer_join(pointer, "requestBody"))
        for status, response in (operation.get("responses") or {}).items():
            yield from response_like(response, pointer_join(pointer, "responses", str(status)))


# -- refusals ---------------------------------------------------------------------


def check_supported(spec: dict[str, Any], path: Path) -> None:
    """Refuse, in one line, what no later stage can turn into a correct package."""
    for problem in unsupported(spec, path):
        raise problem


def check_document(spec: dict[str, Any], path: Path) -> None:
    """Refuse what makes the document as a whole unusable (its version, title, paths)."""
    version = str(spec.get("openapi", ""))
    if "swagger" in spec:
        raise SpecRefusalError(path, "#/swagger", "Swagger 2.0 is not supported", "convert it to OpenAPI 3 first")
    if not (version.startswith("3.0") or version.startswith("3.1")):
        raise SpecRefusalError(
            path, "#/openapi", f"OpenAPI version {version or '(none)'!r}", "use OpenAPI 3.0.x or 3.1.x"
        )
    if not isinstance(spec.get("info"), dict) or not spec["info"].get("title"):
        raise SpecRefusalError(path, "#/info/title", "the spec has no title", "add `info.title`")
    if not spec.get("paths"):
        raise SpecRefusalError(path, "#/paths", "the spec has no operations", "add at least one path")


def unsupported(spec: dict[str, Any], path: Path) -> Iterator[SpecRefusalError]:
    """Every construct that blocks the operations reaching it, each a one-line refusal
    (the document-wide checks of `check_document` come first and raise)."""
    check_document(spec, path)
    for pointer, node in _all_refs(spec):
        if not node.startswith("#"):
            yield SpecRefusalError(path, pointer, f"external $ref {node!r}", "bundle the spec into one file")
            continue
        try:
            resolve_pointer(spec, node, path)
        except SpecRefusalError:
            yield SpecRefusalError(path, pointer, f"$ref {node!r} points at nothing", "fix the reference")
    for pointer, schema in all_schemas(spec):
        if "$dynamicRef" in schema or "$recursiveRef" in schema:
            yield SpecRefusalError(path, pointer, "dynamic references", "use a plain `$ref`")


def _all_refs(node: Any, pointer: str = "#", names: bool = False) -> Iterator[tuple[str, str]]:
    """Every `$ref` under `node`. `names`: the keys of `node` are names (of properties, of
    components...), never keywords, so a property called `example` is walked like any other."""
    if isinstance(node, dict):
        for key, value in node.items():
            if names:
                yield from _all_refs(value, pointer_join(pointer, key))
            elif key == "$ref" and isinstance(value, str):
                yield pointer, value
            elif key == "example" or key == "examples":
                continue  # example values are data: a "$ref" key there is not a reference
            else:
                yield from _all_refs(value, pointer_join(pointer, key), key in SCHEMA_MAP_KEYWORDS)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _all_refs(value, pointer_join(pointer, index))


# -- 3.0 -> 3.1 -------------------------------------------------------------------


def normalise(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of the spec in OpenAPI 3.1 terms.

    - `nullable: true` becomes a `null` alternative: `type: [T, "null"]` for a plain typed
      schema, else `anyOf: [<schema>, {type: null}]` (a `$ref`, an enum, `allOf: [$ref]` ...).
    - Boolean `exclusiveMinimum`/`exclusiveMaximum` become the 3.1 numbers.
    - An `allOf` that only annotates one schema is that schema: one member, or one member
      besides members that carry only annotations (`description`, `nullable`, `example`, ...),
      around any schema (a string, an enum, an array, an object, a `$ref`). The annotations
      are kept (the outer schema's first, then the annotating members', then the member's own)
      and `nullable` on any of them makes the result nullable.
    """
    normalised = copy.deepcopy(spec)
    for _, schema in list(all_schemas(normalised)):
        _normalise_schema(schema)
    normalised["openapi"] = "3.1.0"
    return normalised


# Keywords that describe a schema without constraining its values.
_ANNOTATIONS = {
    "description",
    "title",
    "example",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "default",
    "externalDocs",
    "xml",
    "$comment",
}


def _annotation_key(key: str) -> bool:
    return key in _ANNOTATIONS or key.startswith("x-")


def _annotation_only(schema: Any) -> bool:
    """Whether `schema` only annotates (`nullable` included): as an `allOf` member it adds no constraint."""
    return isinstance(schema, dict) and all(_annotation_key(key) or key == "nullable" for key in schema)


def _collapse_all_of(schema: dict[str, Any]) -> None:
    """Replace an `allOf` that only annotates one schema by that schema (see `normalise`)."""
    members = schema.get("allOf")
    if not isinstance(members, list) or not members:
        return
    if not all(_annotation_key(key) or key in ("allOf", "nullable") for key in schema):
        return  # the outer schema constrains too: derive merges the members (objects) or refuses
    real = [m for m in members if not _annotation_only(m)]
    if len(real) > 1 or not all(isinstance(m, dict) for m in members):
        return
    annotating = [m for m in members if _annotation_only(m)]
    nullable = schema.pop("nullable", False) is True or any(m.get("nullable") is True for m in members)
    outer = {key: schema.pop(key) for key in list(schema) if key != "allOf"}
    schema.pop("allOf")
    collapsed: dict[str, Any] = dict(real[0]) if real else {}
    if collapsed.pop("nullable", False) is True:
        nullable = True
    for member in annotating:
        collapsed.update({k: v for k, v in member.items() if k != "nullable"})
    collapsed.update(outer)
    schema.update(collapsed)
    if nullable:
        schema["nullable"] = True


def _normalise_schema(schema: dict[str, Any]) -> None:
    _collapse_all_of(schema)
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(schema.get(bound), bool):
            if schema.pop(bound) and limit in schema:
                schema[bound] = schema.pop(limit)
    if schema.pop("nullable", False) is True:
        types = schema.get("type")
        if "$ref" not in schema and "enum" not in schema and isinstance(types, str):
            schema["type"] = [types, "null"]
        elif "$ref" not in schema and "enum" not in schema and isinstance(types, list):
            if "null" not in types:
                schema["type"] = [*types, "null"]
        else:
            # An enum keeps its values as written: the null alternative is what admits null.
            inner = {k: schema.pop(k) for k in list(schema) if k not in _ANNOTATIONS}
            schema["anyOf"] = [inner, {"type": "null"}]
