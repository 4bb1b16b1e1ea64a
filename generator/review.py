"""Reviewing a new version of a vendor's document before anything is regenerated (`nox -s upstream`).

The pinned document and the new one each get the vendor's overlay; then the operations the
manifest selects are compared, matched by their "METHOD /path" (the manifest's names for them,
which a vendor's renamed `operationId` does not move):

- per selected operation: parameters added, removed or changed (location, required, type, format,
  enum), the JSON request body, the JSON bodies of the statuses both versions document (fields
  walked through `$ref`, `allOf`, `anyOf`/`oneOf`, array items and maps), statuses added or removed;
- selected operations the new document no longer has (generation refuses them until the
  selection or the overlay changes);
- overlay actions that match nothing in the new document, or fail on it, and those that write
  over a value the vendor changed (the change is hidden from the package, so the fix may be stale);
- operations the vendor added that are not selected (seen here, never generated silently), and
  how many unselected operations the vendor removed.

Everything here is pure: documents in, lines out. Nothing outside a document is read: a `$ref`
that is not local is reported as written, never followed (`external_refs` finds those the
package would use, which `nox -s upstream` refuses).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import jsonpath_rfc9535

from .errors import RegenerationError, pointer_join
from .overlay import Action, Overlay, apply_overlay
from .selection import Key, all_operations, parse_selector, prune, resolve_ref
from .spec import HTTP_METHODS

# A schema is walked this many properties/items deep; a recursive schema stops where it recurs.
MAX_DEPTH = 12
# Fields compared per schema: a document whose `$ref`s fan out (A has ten B's, each ten C's, ...)
# would otherwise expand without bound, as YAML aliases would.
MAX_FIELDS = 2000
JSON_MEDIA = ("application/json", "application/problem+json", "*/*")


# -- overlay --------------------------------------------------------------------------------


@dataclass
class Overlaid:
    document: dict[str, Any]
    unmatched: list[str] = field(default_factory=list)  # one line per action that matched nothing
    failed: list[str] = field(default_factory=list)  # one line per action that could not apply
    # Per action: what of the vendor's document it removes or replaces (JSON text by location).
    overridden: dict[int, dict[str, str]] = field(default_factory=dict)


def _overridden(document: dict[str, Any], action: Action) -> dict[str, str]:
    """The vendor's values `action` removes or replaces, by location: what an overlay hides.

    An update's objects merge and its arrays append, so only the scalars (and type-changing
    values) it writes over count; a removal hides every node it selects."""
    found: dict[str, str] = {}

    def replaced(target: Any, update: Any, where: str) -> None:
        if not isinstance(target, dict) or not isinstance(update, dict):
            return
        for key, value in update.items():
            if key not in target:
                continue
            if isinstance(target[key], dict) and isinstance(value, dict):
                replaced(target[key], value, pointer_join(where, key))
            elif not (isinstance(target[key], list) and isinstance(value, list)):
                found[pointer_join(where, key)] = json.dumps(target[key], sort_keys=True)

    for node in jsonpath_rfc9535.find(action.target, document):
        where = pointer_join("#", *node.location)
        if action.remove:
            found[where] = json.dumps(node.value, sort_keys=True)
        else:
            replaced(node.value, action.update, where)
    return found


def overlaid(document: dict[str, Any], overlay: Overlay | None) -> Overlaid:
    """`document` with each action of `overlay` that applies; the others listed, not raised.

    Actions apply one at a time, so that one which no longer fits the vendor's document (an
    update of a node that changed type) is listed and the rest still apply, as a review needs."""
    if overlay is None:
        return Overlaid(document)
    result = Overlaid(document)
    for action in overlay.actions:
        result.overridden[action.index] = _overridden(result.document, action)
        try:
            result.document, unmatched = apply_overlay(result.document, Overlay(overlay.path, [action]), strict=False)
        except RegenerationError as exc:
            result.failed.append(str(exc))
            continue
        result.unmatched.extend(unmatched)
    return result


# -- what the package uses --------------------------------------------------------------------


def selection_keys(operations: dict[str, dict[str, str]]) -> dict[Key, str]:
    """The manifest's selection as (path, method) -> "group.name" (malformed entries left to generate)."""
    keys: dict[Key, str] = {}
    for group, functions in operations.items():
        for name, selector in functions.items():
            key = parse_selector(selector) if isinstance(selector, str) else None
            if key is not None:
                keys[key] = f"{group}.{name}"
    return keys


def operation_keys(document: dict[str, Any]) -> dict[Key, dict[str, Any]]:
    return {(path, method): operation for path, method, operation in all_operations(document)}


def kept_document(document: dict[str, Any], keys: set[Key] | None) -> dict[str, Any]:
    """`document` with only the operations `keys` (all when None), pruned to what they reach."""
    if keys is None:
        return prune(document)
    paths: dict[str, Any] = {}
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        methods = {m: item[m] for m in HTTP_METHODS if (path, m) in keys and isinstance(item.get(m), dict)}
        if methods:
            paths[path] = {**{k: v for k, v in item.items() if k not in HTTP_METHODS}, **methods}
    return prune({**document, "paths": paths})


def _refs(node: Any, pointer: str = "#") -> Iterator[tuple[str, str]]:
    """(pointer, value) of every `$ref` under `node`; example values are data and are skipped."""
    stack: list[tuple[Any, str]] = [(node, pointer)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, list):
            stack.extend((value, pointer_join(where, index)) for index, value in enumerate(current))
        elif isinstance(current, dict):
            for key, value in current.items():
                if key == "$ref" and isinstance(value, str):
                    yield where, value
                elif key != "example":
                    stack.append((value, pointer_join(where, key)))


def external_refs(document: dict[str, Any], keys: set[Key] | None) -> list[tuple[str, str]]:
    """(pointer, ref) of each `$ref` outside the document that the operations `keys` reach."""
    found = [(where, ref) for where, ref in _refs(kept_document(document, keys)) if not ref.startswith("#")]
    return sorted(found)


# -- schemas as flat field lists ----------------------------------------------------------------


def _deref(document: dict[str, Any], node: Any) -> tuple[Any, str | None]:
    """(the node a chain of local `$ref`s ends at, None) or (None, why it cannot be followed)."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if not ref.startswith("#"):
            return None, f"external $ref {ref}"
        if ref in seen:
            return None, f"$ref cycle at {ref}"
        seen.add(ref)
        node = resolve_ref(document, ref)
        if node is None:
            return None, f"$ref {ref} points at nothing"
    return node, None


@dataclass
class _Shape:
    """What one schema position allows, with `allOf` merged and `anyOf`/`oneOf` unioned."""

    types: set[str] = field(default_factory=set)
    formats: set[str] = field(default_factory=set)
    enum: set[str] | None = None  # each value as text (a string as itself, else JSON); None: not an enum
    nullable: bool = False
    properties: dict[str, list[Any]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    items: list[Any] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)  # additionalProperties schemas (a map)
    notes: set[str] = field(default_factory=set)  # `$ref`s that cannot be followed, recursion


class _Flattener:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.fields: dict[str, dict[str, Any]] = {}
        self.truncated = False

    def shape(self, schema: Any, on_path: frozenset[str]) -> _Shape:
        shape = _Shape()
        self._gather(schema, shape, on_path, 0)
        return shape

    def _gather(self, schema: Any, shape: _Shape, on_path: frozenset[str], depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref in on_path:
                shape.notes.add(f"recursive {ref.rsplit('/', 1)[-1]}")
                return
            target, why = _deref(self.document, {"$ref": ref})
            if why is not None:
                shape.notes.add(why)
                return
            self._gather(target, shape, on_path | {ref}, depth + 1)
            return
        if schema is True or schema == {}:
            return
        if not isinstance(schema, dict):
            return
        declared = schema.get("type")
        for kind in declared if isinstance(declared, list) else [declared] if declared else []:
            if kind == "null":
                shape.nullable = True
            else:
                shape.types.add(str(kind))
        if schema.get("nullable") is True:
            shape.nullable = True
        if isinstance(schema.get("format"), str):
            shape.formats.add(schema["format"])
        values = schema["enum"] if isinstance(schema.get("enum"), list) else None
        if "const" in schema:
            values = [schema["const"]]
        if values is not None:
            if None in values:
                shape.nullable = True
            texts = {v if isinstance(v, str) else json.dumps(v, sort_keys=True) for v in values if v is not None}
            shape.enum = texts if shape.enum is None else shape.enum | texts
        if isinstance(schema.get("properties"), dict):
            if not declared:
                shape.types.add("object")
            for name, sub in schema["properties"].items():
                shape.properties.setdefault(str(name), []).append(sub)
        if isinstance(schema.get("required"), list):
            shape.required.update(str(name) for name in schema["required"])
        if "items" in schema:
            if not declared:
                shape.types.add("array")
            shape.items.append(schema["items"])
        if isinstance(schema.get("additionalProperties"), dict) and schema["additionalProperties"]:
            shape.values.append(schema["additionalProperties"])
        for part in schema.get("allOf") or []:
            self._gather(part, shape, on_path, depth + 1)
        for key in ("anyOf", "oneOf"):
            variants = [v for v in schema.get(key) or [] if isinstance(v, dict)]
            if not variants:
                continue
            required: set[str] | None = None
            for variant in variants:
                part = _Shape()
                self._gather(variant, part, on_path, depth + 1)
                shape.types |= part.types
                shape.formats |= part.formats
                shape.nullable |= part.nullable
                if part.enum is not None:
                    shape.enum = part.enum if shape.enum is None else shape.enum | part.enum
                for name, subs in part.properties.items():
                    shape.properties.setdefault(name, []).extend(subs)
                shape.items.extend(part.items)
                shape.values.extend(part.values)
                shape.notes |= part.notes
                if part.properties or part.required:
                    required = part.required if required is None else required & part.required
            shape.required |= required or set()

    def walk(self, schema: Any, path: str, required: bool | None, on_path: frozenset[str], depth: int) -> None:
        if len(self.fields) >= MAX_FIELDS:
            self.truncated = True
            return
        refs = frozenset(_ref_chain(self.document, schema))
        shape = self.shape(schema, on_path)
        facts: dict[str, Any] = {
            "type": "|".join(sorted(shape.types)) or "any",
            "format": "|".join(sorted(shape.formats)),
            "enum": shape.enum,
            "nullable": shape.nullable,
            "required": required,
            "note": ", ".join(sorted(shape.notes)),
        }
        self.fields[path] = facts
        recursive = any(note.startswith("recursive") for note in shape.notes)
        if depth >= MAX_DEPTH or (recursive and not shape.properties):
            return
        inner = on_path | refs
        for name, subs in shape.properties.items():
            child = f"{path}.{name}" if path else name
            self.walk(_one(subs), child, name in shape.required, inner, depth + 1)
        if shape.items:
            self.walk(_one(shape.items), f"{path}[]", None, inner, depth + 1)
        if shape.values:
            self.walk(_one(shape.values), f"{path}.*" if path else "*", None, inner, depth + 1)


def _one(schemas: list[Any]) -> Any:
    return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}


def _ref_chain(document: dict[str, Any], schema: Any) -> Iterator[str]:
    seen: set[str] = set()
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"] not in seen:
        seen.add(schema["$ref"])
        yield schema["$ref"]
        if not schema["$ref"].startswith("#"):
            return
        schema = resolve_ref(document, schema["$ref"])


def flatten(document: dict[str, Any], schema: Any) -> tuple[dict[str, dict[str, Any]], bool]:
    """({field path: facts}, whether MAX_FIELDS cut the walk short); the root's path is ""."""
    flattener = _Flattener(document)
    flattener.walk(schema, "", None, frozenset(), 0)
    return flattener.fields, flattener.truncated


def _describe(facts: dict[str, Any]) -> str:
    parts = [facts["type"] + (f" ({facts['format']})" if facts["format"] else "")]
    if facts["enum"] is not None:
        parts.append(f"enum [{', '.join(sorted(facts['enum']))}]")
    if facts["nullable"]:
        parts.append("nullable")
    if facts["required"] is not None:
        parts.append("required" if facts["required"] else "optional")
    if facts["note"]:
        parts.append(facts["note"])
    return ", ".join(parts)


def _fact_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[str]:
    if old["type"] != new["type"]:
        yield f"type {old['type']} -> {new['type']}"
    if old["format"] != new["format"]:
        yield f"format {old['format'] or '(none)'} -> {new['format'] or '(none)'}"
    if old["enum"] is not None and new["enum"] is not None:
        added, removed = sorted(new["enum"] - old["enum"]), sorted(old["enum"] - new["enum"])
        if added:
            yield f"enum + [{', '.join(added)}]"
        if removed:
            yield f"enum - [{', '.join(removed)}]"
    elif old["enum"] is not None:
        yield f"no longer an enum (was [{', '.join(sorted(old['enum']))}])"
    elif new["enum"] is not None:
        yield f"now an enum [{', '.join(sorted(new['enum']))}]"
    if old["nullable"] != new["nullable"]:
        yield "now nullable" if new["nullable"] else "no longer nullable"
    if old["required"] is not None and new["required"] is not None and old["required"] != new["required"]:
        yield "now required" if new["required"] else "now optional"
    if old["note"] != new["note"]:
        yield f"{old['note'] or '(plain schema)'} -> {new['note'] or '(plain schema)'}"


def schema_changes(old_doc: dict[str, Any], old: Any, new_doc: dict[str, Any], new: Any, label: str) -> list[str]:
    """One line per field added, removed or changed between two schemas, each prefixed by `label`.

    Below an added or removed field, its own fields are not listed again."""
    before, cut_before = flatten(old_doc, old)
    after, cut_after = flatten(new_doc, new)
    lines: list[str] = []

    def name(path: str) -> str:
        return f"{label}: {path}" if path else label

    def under_reported(path: str, reported: list[str]) -> bool:
        return any(path.startswith(parent + ".") or path.startswith(parent + "[") for parent in reported)

    added: list[str] = []
    removed: list[str] = []
    for path in after:
        if path not in before and not under_reported(path, added):
            added.append(path)
            lines.append(f"{name(path)}: added ({_describe(after[path])})")
    for path in before:
        if path not in after and not under_reported(path, removed):
            removed.append(path)
            lines.append(f"{name(path)}: removed")
    for path in before:
        if path in after:
            lines.extend(f"{name(path)}: {change}" for change in _fact_changes(before[path], after[path]))
    if cut_before or cut_after:
        lines.append(f"{label}: only the first {MAX_FIELDS} fields were compared")
    return lines


# -- operations ---------------------------------------------------------------------------


def _parameters(document: dict[str, Any], path: str, method: str) -> dict[tuple[str, str], dict[str, Any]]:
    """The operation's parameters by (in, name), path-level ones first, overridden by its own."""
    item = (document.get("paths") or {}).get(path) or {}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*(item.get("parameters") or []), *((item.get(method) or {}).get("parameters") or [])]:
        parameter, why = _deref(document, raw)
        if isinstance(parameter, dict) and isinstance(parameter.get("name"), str):
            found[(str(parameter.get("in", "?")), parameter["name"])] = parameter
        elif why is not None:
            found[("?", why)] = {"name": why}
    return found


def _json_schema(document: dict[str, Any], content: Any) -> tuple[bool, Any]:
    """(whether `content` has a JSON media type, its schema)."""
    if not isinstance(content, dict):
        return False, None
    for media, value in content.items():
        if media.split(";")[0].strip() in JSON_MEDIA or media.split(";")[0].strip().endswith("+json"):
            return True, (value or {}).get("schema") if isinstance(value, dict) else None
    return False, None


def _parameter_changes(old_doc: dict[str, Any], new_doc: dict[str, Any], key: Key) -> Iterator[str]:
    before, after = _parameters(old_doc, *key), _parameters(new_doc, *key)
    for where, name in sorted(after.keys() - before.keys()):
        parameter = after[(where, name)]
        required = "required" if parameter.get("required") else "optional"
        facts, _ = flatten(new_doc, parameter.get("schema"))
        yield f"parameter {where} {name}: added ({required}, {_describe({**facts[''], 'required': None})})"
    for where, name in sorted(before.keys() - after.keys()):
        yield f"parameter {where} {name}: removed"
    for where, name in sorted(before.keys() & after.keys()):
        old, new = before[(where, name)], after[(where, name)]
        label = f"parameter {where} {name}"
        if bool(old.get("required")) != bool(new.get("required")):
            yield f"{label}: now required" if new.get("required") else f"{label}: now optional"
        if bool(old.get("deprecated")) != bool(new.get("deprecated")):
            yield f"{label}: now deprecated" if new.get("deprecated") else f"{label}: no longer deprecated"
        yield from schema_changes(old_doc, old.get("schema"), new_doc, new.get("schema"), label)


def _body_changes(
    old_doc: dict[str, Any], old_op: dict[str, Any], new_doc: dict[str, Any], new_op: dict[str, Any]
) -> Iterator[str]:
    old_body, _ = _deref(old_doc, old_op.get("requestBody"))
    new_body, _ = _deref(new_doc, new_op.get("requestBody"))
    if not isinstance(old_body, dict) and not isinstance(new_body, dict):
        return
    if not isinstance(old_body, dict):
        yield f"request body: added ({'required' if new_body.get('required') else 'optional'})"
        return
    if not isinstance(new_body, dict):
        yield "request body: removed"
        return
    if bool(old_body.get("required")) != bool(new_body.get("required")):
        yield "request body: now required" if new_body.get("required") else "request body: now optional"
    yield from _content_changes(old_doc, old_body.get("content"), new_doc, new_body.get("content"), "request body")


def _content_changes(old_doc: dict[str, Any], old: Any, new_doc: dict[str, Any], new: Any, label: str) -> Iterator[str]:
    old_media = set(old) if isinstance(old, dict) else set()
    new_media = set(new) if isinstance(new, dict) else set()
    if old_media != new_media:
        added, removed = sorted(new_media - old_media), sorted(old_media - new_media)
        parts = ([f"+ [{', '.join(added)}]"] if added else []) + ([f"- [{', '.join(removed)}]"] if removed else [])
        yield f"{label}: media types {' '.join(parts)}"
    old_json, old_schema = _json_schema(old_doc, old)
    new_json, new_schema = _json_schema(new_doc, new)
    if old_json and new_json:
        yield from schema_changes(old_doc, old_schema, new_doc, new_schema, label)


def _responses(document: dict[str, Any], operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for status, raw in (operation.get("responses") or {}).items():
        response, why = _deref(document, raw)
        found[str(status)] = response if isinstance(response, dict) else {"description": why or ""}
    return found


def operation_changes(old_doc: dict[str, Any], new_doc: dict[str, Any], key: Key) -> list[str]:
    """What changed in the operation `key` between the two documents, one line each."""
    old_op = old_doc["paths"][key[0]][key[1]]
    new_op = new_doc["paths"][key[0]][key[1]]
    lines = list(_parameter_changes(old_doc, new_doc, key))
    lines.extend(_body_changes(old_doc, old_op, new_doc, new_op))
    before, after = _responses(old_doc, old_op), _responses(new_doc, new_op)
    for status in sorted(after.keys() - before.keys()):
        description = str(after[status].get("description") or "").strip().splitlines()
        lines.append(f"status + {status}" + (f" ({description[0]})" if description else ""))
    for status in sorted(before.keys() - after.keys()):
        lines.append(f"status - {status}")
    for status in sorted(before.keys() & after.keys()):
        lines.extend(
            _content_changes(
                old_doc, before[status].get("content"), new_doc, after[status].get("content"), f"response {status}"
            )
        )
    old_security, new_security = _security(old_doc, old_op), _security(new_doc, new_op)
    if old_security != new_security:
        lines.append(f"security {old_security or '(none)'} -> {new_security or '(none)'}")
    if bool(old_op.get("deprecated")) != bool(new_op.get("deprecated")):
        lines.append("now deprecated" if new_op.get("deprecated") else "no longer deprecated")
    return lines


def _security(document: dict[str, Any], operation: dict[str, Any]) -> str:
    requirements = operation.get("security", document.get("security")) or []
    names = [" + ".join(sorted(map(str, r))) or "(anonymous)" for r in requirements if isinstance(r, dict)]
    return " | ".join(names)


# -- the review ---------------------------------------------------------------------------


@dataclass
class Review:
    vendor: str
    before: str  # how the pinned document is named: its path and sha256
    after: str  # how the new document is named
    selected: bool  # whether the manifest selects operations (else every operation is generated)
    operations: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (name, selector, changes)
    disappeared: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)  # overlay actions that hide a change of the vendor's
    added: list[str] = field(default_factory=list)  # operations new in the document, not selected
    removed_unselected: int = 0
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"Review of {self.vendor}'s upstream document", f"  pinned: {self.before}", f"  new:    {self.after}"]
        out.extend(f"  note: {note}" for note in self.notes)
        heading = "Selected operations" if self.selected else "Operations (no selection: every one is generated)"
        out.append(f"{heading}:")
        for name, selector, changes in self.operations:
            out.append(f"  {name} ({selector}): " + (f"{len(changes)} change(s)" if changes else "no change"))
            out.extend(f"    {change}" for change in changes)
        if not self.operations:
            out.append("  none left")
        sections = [
            (
                "Selected operations that disappeared" if self.selected else "Operations that disappeared",
                self.disappeared,
            ),
            ("Overlay actions that stopped matching", self.unmatched),
            ("Overlay actions that no longer apply", self.failed),
            ("Overlay actions that hide a change the vendor made (check each still holds)", self.hidden),
            (
                "New operations, not selected (add them to the manifest's selection to generate them)"
                if self.selected
                else "New operations (generated: the manifest selects none, so every operation is)",
                self.added,
            ),
        ]
        for title, items in sections:
            if items or title != "Overlay actions that no longer apply":
                out.append(f"{title}:" + ("" if items else " none"))
                out.extend(f"  {item}" for item in items)
        if self.selected:
            out.append(f"Unselected operations the vendor removed: {self.removed_unselected}")
        return out


def review(
    vendor: str,
    old: dict[str, Any],
    new: dict[str, Any],
    overlay: Overlay | None,
    operations: dict[str, dict[str, str]],
    *,
    before: str,
    after: str,
) -> Review:
    """Compare the vendor's pinned document `old` with `new`, each with `overlay` applied."""
    old_view, new_view = overlaid(old, overlay), overlaid(new, overlay)
    result = Review(vendor, before, after, selected=bool(operations))
    result.unmatched = [
        line + (" (already before)" if line in old_view.unmatched else "") for line in new_view.unmatched
    ]
    result.failed = new_view.failed
    result.hidden = _hidden(overlay, old_view, new_view) if overlay else []
    old_ops, new_ops = operation_keys(old_view.document), operation_keys(new_view.document)
    wanted = selection_keys(operations) if operations else {key: _default_name(op) for key, op in old_ops.items()}
    for key, name in wanted.items():
        selector = f"{key[1].upper()} {key[0]}"
        if key not in new_ops:
            result.disappeared.append(f'{name} = "{selector}": not in the new document')
        elif key not in old_ops:
            result.operations.append((name, selector, ["new in this document (the selection named it before)"]))
        else:
            result.operations.append((name, selector, operation_changes(old_view.document, new_view.document, key)))
    for key in new_ops.keys() - old_ops.keys() - wanted.keys():
        op_id = new_ops[key].get("operationId")
        result.added.append(f"{key[1].upper()} {key[0]}" + (f" ({op_id})" if op_id else ""))
    result.added.sort()
    result.removed_unselected = len(old_ops.keys() - new_ops.keys() - wanted.keys())
    return result


def _hidden(overlay: Overlay, old_view: Overlaid, new_view: Overlaid) -> list[str]:
    """One line per overlay action that writes over a value the vendor changed (its fix may be stale)."""
    lines = []
    for action in overlay.actions:
        before = old_view.overridden.get(action.index) or {}
        after = new_view.overridden.get(action.index) or {}
        changed = sorted(where for where in before.keys() & after.keys() if before[where] != after[where])
        if changed:
            more = f" and {len(changed) - 1} more" if len(changed) > 1 else ""
            lines.append(
                f"{overlay.where(action)} {'removes' if action.remove else 'replaces'} {changed[0]}{more}, "
                f"which the vendor changed: {action.description.splitlines()[0]}"
            )
    return lines


def _default_name(operation: dict[str, Any]) -> str:
    return str(operation.get("operationId") or "(no operationId)")
