"""Choosing the operations a package has, and pruning what no chosen operation reaches.

- `select_operations`: keep only the manifest's operations, each named by the manifest (its
  `operationId` becomes the function name, its only tag the module group), so a vendor that
  renames an `operationId` or retags an operation changes nothing in the package.
- `prune`: drop every component, tag and security scheme that no kept operation reaches
  through `$ref`s (discriminator mappings and `security` requirements included), so a construct
  the pipeline cannot support in an operation nobody selected never reaches a refusal check.
- `operations_reaching`: the operations a refusal at a JSON pointer blocks, so that without a
  selection an unsupported operation is left out instead of refusing the whole document.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from .errors import RegenerationError, pointer_join
from .spec import HTTP_METHODS

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


def _component_of(ref: str) -> tuple[str, str] | None:
    parts = pointer_parts(ref)
    if len(parts) >= 3 and parts[0] == "components" and parts[1] in COMPONENT_KINDS:
        return parts[1], parts[2]
    return None


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
            elif key == "example":
                continue
            elif key == "examples" and isinstance(value, dict):
                stack.extend(v for v in value.values() if isinstance(v, dict) and "$ref" in v)
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
                pending.append(components[kind][name])
    return found


def _operation_roots(document: dict[str, Any], path: str, method: str) -> list[Any]:
    item = document["paths"][path]
    operation = item[method]
    security = operation.get("security", document.get("security"))
    schemes = [{"$ref": pointer_join("#/components/securitySchemes", name)} for name in _security_names(security)]
    return [operation, item.get("parameters") or [], schemes]


def prune(document: dict[str, Any]) -> dict[str, Any]:
    """`document` without the components, tags and webhooks that no operation reaches."""
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
    paths = {}
    for path, item in (document.get("paths") or {}).items():
        if isinstance(item, dict):
            item = {k: v for k, v in item.items() if (path, k) not in keys}
        paths[path] = item
    return prune({**document, "paths": paths})
