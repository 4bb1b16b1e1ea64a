"""Choosing the operations a package has, and pruning what no chosen operation reaches.

- `select_operations`: keep only the manifest's operations, each named by the manifest (its
  `operationId` becomes the function name, its only tag the module group), so a vendor that
  renames an `operationId` or retags an operation changes nothing in the package.
- `prune`: drop every component, tag and security scheme that no kept operation reaches
  through `$ref`s (discriminator mappings and `security` requirements included), so a construct
  the pipeline cannot support in an operation nobody selected never reaches a refusal check.
- `operations_reaching`: the operations a refusal at a JSON pointer blocks, so that without a
  selection an unsupported operation is left out instead of refusing the whole document.
- `inline_outside_refs`: a `$ref` into an operation or webhook written out, so that dropping
  that operation or the webhooks leaves no reference pointing at nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from . import source
from .errors import RegenerationError, pointer_join
from .spec import HTTP_METHODS, SCHEMA_MAP_KEYWORDS

COMPONENT_KINDS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
)
IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")

Key = tuple[str, str]  # (path, method)


def parse_selector(value: str) -> Key | None:
    """`"GET /jobs/{id}"` as (path, method); None when it is not of that form."""
    method, _, path = value.strip().partition(" ")
    if method.lower() not in HTTP_METHODS or not path.strip().startswith("/"):
        return None
    return path.strip(), method.lower()


def pointer_parts(pointer: str) -> list[str]:
    """The segments of a JSON pointer or local `$ref` (`#/a/b~1c`), percent- and ~-decoded."""
    body = pointer[1:] if pointer.startswith("#") else pointer
    return [unquote(part).replace("~1", "/").replace("~0", "~") for part in body.split("/")[1:]]


def resolve_ref(document: Any, ref: str) -> Any:
    """The node a local reference points at, or None when it points at nothing."""
    node: Any = document
    for part in pointer_parts(ref):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def _component_of(ref: str) -> tuple[str, str] | None:
    parts = pointer_parts(ref)
    if len(parts) >= 3 and parts[0] == "components" and parts[1] in COMPONENT_KINDS:
        return parts[1], parts[2]
    return None


def inline_outside_refs(document: dict[str, Any]) -> dict[str, Any]:
    """`document` with each local `$ref` that points outside `#/components` (into an operation,
    a path item, a webhook) replaced by a copy of what it points at.

    Bundlers (json-schema-ref-parser, `swagger-cli bundle`) write a schema or response used twice
    once, where it first occurs, often inside an operation, and point the other uses there. Once
    that operation is not selected or is left out, the reference would point at nothing; written
    out it means the same. A reference whose copy would contain itself stays a reference.
    Copies are counted: references nested in references could expand like a YAML alias bomb."""
    budget = [source.MAX_EXPANDED_NODES]

    def walk(node: Any, expanding: tuple[str, ...]) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise RegenerationError(
                f"#/paths: its $refs into operations and webhooks expand to more than {source.MAX_EXPANDED_NODES:,} "
                "nodes; move what they share to components"
            )
        if isinstance(node, list):
            return [walk(item, expanding) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/") and not ref.startswith("#/components/"):
            target = resolve_ref(document, ref)
            annotations = set(node) <= {"$ref", "summary", "description"}
            if isinstance(target, dict) and annotations and ref not in expanding:
                # A Reference object's summary and description override the target's.
                return {**walk(target, (*expanding, ref)), **{k: v for k, v in node.items() if k != "$ref"}}
        result = {}
        for key, value in node.items():
            if key in SCHEMA_MAP_KEYWORDS and isinstance(value, dict):
                result[key] = {name: walk(member, expanding) for name, member in value.items()}
            elif key in ("example", "examples") and not (key == "examples" and isinstance(value, dict)):
                result[key] = value  # data, not references
            else:
                result[key] = walk(value, expanding)
        return result

    inlined: dict[str, Any] = walk(document, ())
    return inlined


def select_operations(
    document: dict[str, Any], operations: dict[str, dict[str, str]], where: str, document_name: str
) -> dict[str, Any]:
    """`document` with only the selected operations, named `<group>.<name>` as the manifest says.

    `where` names the manifest entry (`[packages.tracecat.operations]`) in errors."""
    wanted: dict[Key, tuple[str, str]] = {}
    for group, functions in operations.items():
        if not IDENTIFIER.match(group) or not isinstance(functions, dict):
            raise RegenerationError(
                f"manifest.toml: {where}.{group}: a module group is a table named in snake_case; rename it"
            )
        for name, selector in functions.items():
            key = parse_selector(selector) if isinstance(selector, str) else None
            if key is None or not IDENTIFIER.match(name):
                raise RegenerationError(
                    f'manifest.toml: {where}.{group}: {name} = {selector!r}; write `snake_case_name = "METHOD /path"`'
                )
            if key in wanted:
                other = ".".join(wanted[key])
                raise RegenerationError(
                    f"manifest.toml: {where}.{group}: {name} selects {selector}, already selected as {other}"
                )
            wanted[key] = (group, name)
    document = inline_outside_refs(document)  # before any operation is dropped
    paths = document.get("paths") or {}
    present = {(path, method) for path, item in paths.items() if isinstance(item, dict) for method in item}
    for key, (group, name) in wanted.items():
        if key not in present:
            close = difflib.get_close_matches(f"{key[1].upper()} {key[0]}", _selectors(paths), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise RegenerationError(
                f'manifest.toml: {where}.{group}: {name} = "{key[1].upper()} {key[0]}" is not an operation of '
                f"{document_name}{hint}; fix the selection, or add the operation in the overlay"
            )
    kept_paths: dict[str, Any] = {}
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        methods = [m for m in HTTP_METHODS if (path, m) in wanted]
        if not methods:
            continue
        kept = {k: v for k, v in item.items() if k not in HTTP_METHODS}
        for method in methods:
            group, name = wanted[(path, method)]
            operation = dict(item[method])
            operation["operationId"] = name
            operation["tags"] = [group]
            kept[method] = operation
        kept_paths[path] = kept
    result = {**document, "paths": kept_paths}
    result["tags"] = [{"name": group} for group in operations]
    return result


def _selectors(paths: dict[str, Any]) -> list[str]:
    return [
        f"{method.upper()} {path}"
        for path, item in paths.items()
        if isinstance(item, dict)
        for method in HTTP_METHODS
        if method in item
    ]


def all_operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in (document.get("paths") or {}).items():
        if isinstance(item, dict):
            for method in HTTP_METHODS:
                if isinstance(item.get(method), dict):
                    yield path, method, item[method]


# -- reachability ------------------------------------------------------------------------------


def _refs_in(node: Any) -> Iterator[str]:
    """Every local reference under `node`: `$ref`s, discriminator mapping targets, example `$ref`s.

    `example` values are data, never references; an `examples` map holds Example objects,
    which may be `$ref`s."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(current)
            continue
        if not isinstance(current, dict):
            continue
        for key, value in current.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            elif key in SCHEMA_MAP_KEYWORDS and isinstance(value, dict):
                # Property names are names, not keywords: a property called `example`,
                # `examples` or `discriminator` is a schema like any other.
                stack.extend(value.values())
            elif key == "example":
                continue
            elif key == "examples":
                # A map of Example objects, of which only a `$ref` is a reference (their `value`
                # is data), or JSON Schema's list of example values: data.
                if isinstance(value, dict):
                    yield from (
                        v["$ref"] for v in value.values() if isinstance(v, dict) and isinstance(v.get("$ref"), str)
                    )
            elif key == "discriminator" and isinstance(value, dict):
                for target in (value.get("mapping") or {}).values():
                    if isinstance(target, str):
                        yield target if target.startswith("#") else f"#/components/schemas/{target}"
            else:
                stack.append(value)


def _security_names(node: Any) -> Iterator[str]:
    for requirement in node if isinstance(node, list) else []:
        if isinstance(requirement, dict):
            yield from (str(name) for name in requirement)


def reachable(document: dict[str, Any], roots: list[Any]) -> set[tuple[str, str]]:
    """(kind, name) of every component that `roots` reach, transitively."""
    components = document.get("components") or {}
    found: set[tuple[str, str]] = set()
    pending = list(roots)
    while pending:
        node = pending.pop()
        for ref in _refs_in(node):
            target = _component_of(ref)
            if target is None or target in found:
                continue
            kind, name = target
            if name in (components.get(kind) or {}):
                found.add(target)
                entry = components[kind][name]
                if kind == "examples" and isinstance(entry, dict):
                    entry = {"$ref": entry["$ref"]} if isinstance(entry.get("$ref"), str) else {}  # `value` is data
                pending.append(entry)
    return found


def _operation_roots(document: dict[str, Any], path: str, method: str) -> list[Any]:
    item = document["paths"][path]
    operation = item[method]
    security = operation.get("security", document.get("security"))
    schemes = [{"$ref": pointer_join("#/components/securitySchemes", name)} for name in _security_names(security)]
    return [operation, item.get("parameters") or [], schemes]


def prune(document: dict[str, Any]) -> dict[str, Any]:
    """`document` without the components, tags and webhooks that no operation reaches."""
    document = inline_outside_refs(document)  # before the webhooks are dropped
    roots: list[Any] = []
    used_tags: set[str] = set()
    for path, method, operation in all_operations(document):
        roots.extend(_operation_roots(document, path, method))
        used_tags.update(str(tag) for tag in operation.get("tags") or [])
    keep = reachable(document, roots)
    result = {k: v for k, v in document.items() if k not in ("webhooks", "x-webhooks")}
    result["paths"] = {
        path: item
        for path, item in (document.get("paths") or {}).items()
        if isinstance(item, dict) and any(isinstance(item.get(m), dict) for m in HTTP_METHODS)
    }
    components = {}
    for kind, entries in (document.get("components") or {}).items():
        if kind not in COMPONENT_KINDS:
            components[kind] = entries  # an extension: kept as written
            continue
        kept = {name: value for name, value in (entries or {}).items() if (kind, name) in keep}
        if kept:
            components[kind] = kept
    if components:
        result["components"] = components
    else:
        result.pop("components", None)
    if isinstance(document.get("tags"), list):
        tags = [t for t in document["tags"] if isinstance(t, dict) and t.get("name") in used_tags]
        if tags:
            result["tags"] = tags
        else:
            result.pop("tags", None)
    return result


def operations_reaching(document: dict[str, Any], pointer: str) -> list[Key]:
    """The operations a problem at `pointer` is part of: the operation it is in, the operations
    of the path item it is in, or the operations that reach the component it is in. Empty for a
    problem in the document as a whole (`#/info`, `#/openapi`)."""
    parts = pointer_parts(pointer)
    operations = [(path, method) for path, method, _ in all_operations(document)]
    if parts[:1] == ["paths"] and len(parts) >= 2:
        if len(parts) >= 3 and parts[2] in HTTP_METHODS:
            return [(parts[1], parts[2])] if (parts[1], parts[2]) in operations else []
        return [key for key in operations if key[0] == parts[1]]
    if parts == ["security"] or parts[:1] == ["security"]:
        return [(p, m) for p, m in operations if "security" not in document["paths"][p][m]]
    component = _component_of(pointer)
    if component is None:
        return []
    return [key for key in operations if component in reachable(document, _operation_roots(document, *key))]


def remove_operations(document: dict[str, Any], keys: list[Key]) -> dict[str, Any]:
    """`document` without the operations `keys`, pruned."""
    document = inline_outside_refs(document)  # before the operations are dropped
    paths = {}
    for path, item in (document.get("paths") or {}).items():
        if isinstance(item, dict):
            item = {k: v for k, v in item.items() if (path, k) not in keys}
        paths[path] = item
    return prune({**document, "paths": paths})
