"""Applying an OpenAPI Overlay 1.0.0 document (https://spec.openapis.org/overlay/v1.0.0.html).

An overlay is the reviewed list of what this repo changes in a vendor's document: the polling
extensions, corrections the vendor's pages or facts support, fixes of broken references. Each
action has a `target` (an RFC 9535 JSONPath, evaluated by jsonpath-rfc9535) and either `update`
(merged into every node it selects) or `remove: true` (each selected node leaves its parent).
Actions apply in order, each to the result of the ones before.

Merging follows the specification: an object merges into an object property by property,
recursively; an update of an array selects the array and appends the value to it; an array
property of an update object appends its items to the target's array; any other value replaces
the target's. A value whose type clashes with the target's (an object onto a string, say) is an
error: remove the node first, then update its parent.

Every action must have a `description` that names its source, and must select something: an
action that matches nothing means the vendor's document changed under it, which is refused in
one line naming the action (`nox -s upstream` lists all of them instead).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonpath_rfc9535

from .errors import RegenerationError, display_path, pointer_join
from .source import read_document


@dataclass(frozen=True)
class Action:
    index: int
    target: str
    description: str
    update: Any
    remove: bool

    @property
    def pointer(self) -> str:
        return pointer_join("#/actions", self.index)


@dataclass(frozen=True)
class Overlay:
    path: Path
    actions: list[Action]

    def where(self, action: Action) -> str:
        return f"{display_path(self.path)}: {action.pointer} (target {action.target})"


def load_overlay(path: Path) -> Overlay:
    """The overlay at `path`, checked against the Overlay 1.0 format."""
    name = display_path(path)
    document = read_document(path)
    version = str(document.get("overlay", ""))
    if not version.startswith("1.0"):
        raise RegenerationError(f"{name}: #/overlay: version {version or '(none)'!r}; write `overlay: 1.0.0`")
    info = document.get("info")
    if not isinstance(info, dict) or not info.get("title") or not info.get("version"):
        raise RegenerationError(f"{name}: #/info: an overlay needs `info.title` and `info.version`; add them")
    raw_actions = document.get("actions")
    if not isinstance(raw_actions, list) or not raw_actions:
        raise RegenerationError(f"{name}: #/actions: an overlay needs a list of actions; add at least one")
    actions = []
    for index, raw in enumerate(raw_actions):
        where = f"{name}: {pointer_join('#/actions', index)}"
        if not isinstance(raw, dict) or not isinstance(raw.get("target"), str):
            raise RegenerationError(f"{where}: an action needs a `target` JSONPath; add one")
        if not str(raw.get("description") or "").strip():
            raise RegenerationError(f"{where}: the action has no `description`; say what it changes and its source")
        remove = raw.get("remove", False)
        if remove not in (True, False):
            raise RegenerationError(f"{where}: `remove` must be true or false")
        if remove == ("update" in raw):
            raise RegenerationError(f"{where}: an action has either `update` or `remove: true`; give exactly one")
        try:
            jsonpath_rfc9535.compile(raw["target"])
        except jsonpath_rfc9535.JSONPathError as exc:
            raise RegenerationError(f"{where}: target {raw['target']!r} is not an RFC 9535 JSONPath ({exc})") from exc
        actions.append(Action(index, raw["target"], str(raw["description"]), raw.get("update"), bool(remove)))
    return Overlay(path, actions)


def apply_overlay(
    document: dict[str, Any], overlay: Overlay, *, strict: bool = True
) -> tuple[dict[str, Any], list[str]]:
    """(a copy of `document` with the overlay applied, the actions that matched nothing).

    With `strict`, an action that matches nothing is an error (one line naming it)."""
    result = copy.deepcopy(document)
    unmatched: list[str] = []
    for action in overlay.actions:
        # A JSONPath may select one node twice (`$.list[1,1]`, `$..[?@.x]` with overlapping
        # descendants): each node is updated or removed once, or a removal would take its neighbour.
        nodes = list({node.location: node for node in jsonpath_rfc9535.find(action.target, result)}.values())
        if not nodes:
            line = f"{overlay.where(action)} matches nothing: {action.description.splitlines()[0]}"
            if strict:
                raise RegenerationError(f"{line}; fix the target or remove the action")
            unmatched.append(line)
            continue
        if action.remove:
            # Deepest and last first, so that removing one node does not move another's location.
            for node in sorted(nodes, key=lambda n: (len(n.location), n.location), reverse=True):
                if not node.location:
                    raise RegenerationError(f"{overlay.where(action)}: cannot remove the whole document")
                parent = _at(result, node.location[:-1])
                del parent[node.location[-1]]
            continue
        for node in nodes:
            target = _at(result, node.location)
            if isinstance(target, list):
                target.append(copy.deepcopy(action.update))
            elif isinstance(target, dict) and isinstance(action.update, dict):
                _merge(target, action.update, overlay, action, node.location)
            else:
                raise RegenerationError(
                    f"{overlay.where(action)}: `update` of a {type(target).__name__} node; target its parent object"
                )
    return result, unmatched


def _at(document: Any, location: tuple[Any, ...]) -> Any:
    node = document
    for part in location:
        node = node[part]
    return node


def _merge(
    target: dict[str, Any], update: dict[str, Any], overlay: Overlay, action: Action, where: tuple[Any, ...]
) -> None:
    for key, value in update.items():
        current = target.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            _merge(current, value, overlay, action, (*where, key))
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(copy.deepcopy(value))
        elif key in target and _kind(current) != _kind(value) and current is not None and value is not None:
            path = "".join(f"[{part!r}]" for part in (*where, key))
            raise RegenerationError(
                f"{overlay.where(action)}: updates ${path}, {_kind(current)}, with {_kind(value)}; "
                "remove that node in an action before this one"
            )
        else:
            target[key] = copy.deepcopy(value)


def _kind(value: Any) -> str:
    """The kind of `value`, with its article, for the message (not "a object")."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return "a scalar"
