"""What the command line needs about the operations beyond the polled one: `list`, `start`, `cancel`.

Which commands a package gets follows the operations' `x-exec-operation` roles (`lifecycle`):
`list` for the first operation of role list, `start` for the first of role start, and one
command per operation of role cancel: `cancel` for the one named `cancel_*` (else the first),
the others named by their operation's first word (Tracecat's `terminate_execution` is
`terminate`). A package without such operations does not get the command.

Every parameter becomes an argument the runtime (`_cli.Param` / `_cli.Option`) parses before any
request: path parameters are positional (as `get` takes them), query and header parameters are
options named from the spec (`--contact-id`), parsed to the endpoint's types (`parse`, a
callable's source text) with `expected` for the usage error. A parameter whose type the command
line cannot write (an object, an array of arrays) is left out when optional and refused in one
line when required. A request body is `--data` (JSON, `@file.json`, `@-`) plus an option per
required scalar field. `list` prints, per item, the summary fields (`x-execution-summary` and
`x-status-path`, matched to the item's own properties by their trailing keys) and pages as
`x-exec-pagination` says. `start --wait` exists where the start answer carries the new id
(`id-path`) and every argument of the polled operation can be taken from `start`'s.
"""

from __future__ import annotations

from typing import Any

from .derive import Derived, Operation, is_enum, is_object_like
from .errors import SpecRefusalError, pointer_join
from .lifecycle import lifecycle_facts
from .naming import class_name, python_name
from .spec import deref
from .vendor import _FIELD_PARSERS, CLI_FLAGS, _help, _non_null, endpoint_argument_names, object_body

# Flags of the lifecycle commands themselves: a spec parameter of the same name gets `--param-<name>`.
COMMAND_FLAGS = CLI_FLAGS | {"max", "wait", "id"}
COMMANDS = ("get", "wait", "list", "start", "cancel")
# A parameter's scalar type -> (the runtime parser's source, what the usage error says it takes).
_SCALARS: dict[str, tuple[str, str]] = {
    "integer": ("int", "an integer"),
    "number": ("float", "a number"),
    "boolean": ("parse_bool", "true or false (yes/no, 1/0)"),
}
_FORMATS: dict[str, tuple[str, str]] = {
    "date-time": ("parse_datetime", "an ISO 8601 date-time (e.g. 2024-01-31T12:00:00Z; no offset: local time)"),
    "date": ("parse_date", "an ISO 8601 date (e.g. 2024-01-31)"),
    "uuid": ("UUID", "a UUID (e.g. 00000000-0000-4000-8000-000000000000)"),
}


class _UnsupportedError(Exception):
    """A parameter type the command line cannot take as text."""


def _members(derived: Derived, schema: Any) -> list[Any]:
    """The non-null alternatives of `schema` (itself, or its anyOf/oneOf members), $refs kept."""
    resolved = deref(derived.generator_input, schema, derived.path)
    if isinstance(resolved, dict) and ("anyOf" in resolved or "oneOf" in resolved) and "$ref" not in (schema or {}):
        found: list[Any] = []
        for member in resolved.get("anyOf") or resolved.get("oneOf") or []:
            found += _members(derived, member)
        return found
    if isinstance(resolved, dict) and resolved.get("type") == "null":
        return []
    if isinstance(resolved, dict) and isinstance(resolved.get("type"), list):
        kinds = [k for k in resolved["type"] if k != "null"]
        return [schema] if len(kinds) == 1 else [{**resolved, "type": k} for k in kinds]
    return [schema]


def _scalar_parser(derived: Derived, schema: Any, models: set[str]) -> tuple[str, str]:
    """(parser source, expected) of one scalar alternative; "" parses as the text itself."""
    ref = str(schema.get("$ref", "")) if isinstance(schema, dict) else ""
    resolved = deref(derived.generator_input, schema, derived.path)
    if not isinstance(resolved, dict):
        raise _UnsupportedError("no schema")
    kind = resolved.get("type")
    kind = next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind
    if is_enum(resolved):
        values = ", ".join(repr(str(v)) for v in resolved["enum"] if v is not None)
        if ref.startswith("#/components/schemas/"):
            model = class_name(ref.rsplit("/", 1)[1])
            models.add(model)
            return f"enum_parser({model})", f"one of {values}"
        return f"choice_parser({[str(v) for v in resolved['enum'] if v is not None]!r})", f"one of {values}"
    if kind == "string" and resolved.get("format") in _FORMATS:
        return _FORMATS[str(resolved["format"])]
    if kind == "string" or (kind is None and not is_object_like(resolved)):
        return "", "text"
    if kind in _SCALARS:
        return _SCALARS[str(kind)]
    raise _UnsupportedError(f"type {kind}")


def _parser(derived: Derived, schema: Any, models: set[str]) -> tuple[str, str, bool]:
    """(parser source, expected, repeatable) of a parameter's schema."""
    members = _members(derived, schema)
    arrays = [m for m in members if deref(derived.generator_input, m, derived.path).get("type") == "array"]
    repeat = bool(arrays)
    if arrays:
        if len(members) != 1:
            raise _UnsupportedError("an array or a scalar")
        items = deref(derived.generator_input, arrays[0], derived.path).get("items", {})
        members = _members(derived, items)
        if any(deref(derived.generator_input, m, derived.path).get("type") == "array" for m in members):
            raise _UnsupportedError("an array of arrays")
    if not members:
        raise _UnsupportedError("only null")
    parsers = [_scalar_parser(derived, m, models) for m in members]
    if any(source == "" for source, _ in parsers):  # text accepts anything: it is taken as is
        return "", "text", repeat
    if len(parsers) == 1:
        return parsers[0][0], parsers[0][1], repeat
    sources = list(dict.fromkeys(source for source, _ in parsers))
    expected = " or ".join(dict.fromkeys(e for _, e in parsers))
    return f"first_of({', '.join(sources)})", expected, repeat


def _parameters(derived: Derived, op: Operation) -> list[dict[str, Any]]:
    return [deref(derived.generator_input, p, derived.path) for p in op.operation.get("parameters") or []]


def _flag_name(name: str, taken: set[str]) -> str:
    flag = name.replace("_", "-")
    if flag in COMMAND_FLAGS or flag in taken:
        flag = "param-" + flag
    taken.add(flag)
    return flag


def _arguments(derived: Derived, op: Operation, models: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(positional path parameters in template order, options for the query and header parameters)."""
    parameters = _parameters(derived, op)
    names = endpoint_argument_names(parameters)
    in_path = sorted(
        (p for p in parameters if p.get("in") == "path"),
        key=lambda p: (op.generator_path or op.path).find("{" + str(p["name"]) + "}"),
    )
    positional = []
    for index, parameter in enumerate(in_path):
        where = pointer_join(op.pointer, "parameters")
        try:
            source, expected, repeat = _parser(derived, parameter.get("schema") or {}, models)
        except _UnsupportedError as exc:
            raise SpecRefusalError(
                derived.path, where, f"path parameter {parameter['name']!r} is {exc}", "give it a scalar schema"
            ) from None
        spec_name = op.path_names.get(parameter["name"], parameter["name"])
        positional.append(
            {
                "python_name": python_name(spec_name),
                "dest": f"path_{index}",
                "endpoint_name": names[("path", parameter["name"])],
                "spec_name": spec_name,
                "help": _help(parameter, spec_name),
                "parse": source,
                "expected": expected,
            }
        )
    options = []
    taken: set[str] = set()
    for parameter in parameters:
        if parameter.get("in") not in ("query", "header"):
            continue
        try:
            source, expected, repeat = _parser(derived, parameter.get("schema") or {}, models)
        except _UnsupportedError as exc:
            if parameter.get("required"):
                raise SpecRefusalError(
                    derived.path,
                    pointer_join(op.pointer, "parameters"),
                    f"required {parameter['in']} parameter {parameter['name']!r} is {exc}, which the command "
                    "line cannot take",
                    "give it a scalar or array-of-scalars schema",
                ) from None
            continue  # an optional filter the command line cannot write: the call works without it
        flag = _flag_name(python_name(str(parameter["name"])), taken)
        options.append(
            {
                "flag": flag,
                "dest": "option_" + flag.replace("-", "_"),
                "endpoint_name": names[(str(parameter["in"]), str(parameter["name"]))],
                "name": str(parameter["name"]),
                "help": _help(parameter, str(parameter["name"])),
                "parse": source,
                "expected": expected,
                "repeat": repeat,
                "required": bool(parameter.get("required")),
            }
        )
    return positional, options


def _body(derived: Derived, op: Operation, taken: set[str]) -> dict[str, Any] | None:
    """The request body as the command takes it: the model, whether it is required, and an option
    per required scalar field (a union of one scalar type counts); None without a body."""
    found = object_body(
        derived,
        op,
        "the command line takes a request body only when it is a JSON object",
        "give the body an object schema, or drop the operation's x-exec-operation",
    )
    if found is None:
        return None
    body, media_type, model, target = found
    document = derived.generator_input
    properties = target.get("properties") or {}
    fields = []
    for name in target.get("required") or []:
        kinds = set()
        for member in _members(derived, properties.get(name, {})):
            resolved = _non_null(document, member, derived.path)
            kind = resolved.get("type") if isinstance(resolved, dict) else None
            kinds.add(kind if kind in ("string", "integer", "number", "boolean") and "const" not in resolved else None)
        if len(kinds) != 1 or None in kinds:
            continue
        flag = python_name(str(name)).replace("_", "-")
        if flag in COMMAND_FLAGS or flag in taken:
            continue  # given with --data only
        taken.add(flag)
        fields.append(
            {
                "python_name": flag.replace("-", "_"),
                "json_name": str(name),
                "help": _help(properties.get(name) or {}, f"{name} (request body field)"),
                "parse": _FIELD_PARSERS.get(str(next(iter(kinds))), ""),
            }
        )
    return {"model": model, "required": bool(body.get("required")), "media_type": media_type, "fields": fields}


def _operation(derived: Derived, op: Operation, models: set[str]) -> dict[str, Any]:
    parent, _, name = op.module.rpartition(".")
    positional, options = _arguments(derived, op, models)
    taken = {o["flag"] for o in options}
    body = _body(derived, op, taken)
    if body:
        models.add(body["model"])
    summary = str(op.operation.get("summary") or "").strip()
    return {
        "module_parent": parent,
        "module_name": name,
        "method": op.method.upper(),
        "path": op.path,
        "summary": summary.splitlines()[0] if summary else "",
        "path_params": positional,
        "options": options,
        "body": body,
    }


def _item_schema(derived: Derived, op: Operation, items: list[str]) -> dict[str, Any]:
    """The schema of one listed item (empty when the spec does not say)."""
    document = derived.generator_input
    responses = op.operation.get("responses") or {}
    for status in sorted(responses, key=lambda s: (str(s) != "200", str(s))):
        if not str(status).startswith("2"):
            continue
        response = deref(document, responses[status], derived.path) or {}
        for media in (response.get("content") or {}).values():
            schema = _non_null(document, (media or {}).get("schema", {}), derived.path)
            for key in items:
                schema = _non_null(document, (schema.get("properties") or {}).get(key, {}), derived.path)
            item = _non_null(document, schema.get("items", {}) if isinstance(schema, dict) else {}, derived.path)
            return item if isinstance(item, dict) else {}
    return {}


def _has_path(derived: Derived, schema: dict[str, Any], keys: list[str]) -> bool:
    for key in keys:
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if not isinstance(properties, dict) or key not in properties:
            return False
        schema = _non_null(derived.generator_input, properties[key], derived.path)
    return True


def _columns(derived: Derived, item: dict[str, Any], polled_op: Operation | None) -> list[list[Any]]:
    """[label, JSON path in the item] per summary field the item has: the polled operation's summary
    paths matched by their trailing keys (`[data, execution, startedAt]` -> `[startedAt]`), else the
    item's own `id` and `status`."""
    summary: dict[str, Any] = {}
    if polled_op is not None:
        summary = dict(polled_op.operation.get("x-execution-summary") or {})
        summary["status"] = polled_op.operation.get("x-status-path") or []
    columns = []
    for label, field in (("ID", "id"), ("STATUS", "status"), ("STARTED", "started"), ("ENDED", "ended")):
        path = [str(k) for k in summary.get(field) or []]
        found = next((path[i:] for i in range(len(path)) if _has_path(derived, item, path[i:])), None)
        if found is None and field in ("id", "status") and _has_path(derived, item, [field]):
            found = [field]
        if found is not None:
            columns.append([label, found])
    return columns


def _example(command: dict[str, Any]) -> str:
    """The command's arguments for the README: positional names, required options, one enum filter."""
    words = [a["python_name"].upper() for a in command["path_params"]]
    words += [f"--{o['flag']} VALUE" for o in command["options"] if o["required"]]
    enums = [o for o in command["options"] if not o["required"] and o["expected"].startswith("one of '")]
    enum = next((o for o in enums if o["name"] == "status"), enums[0] if enums else None)
    if command["command"] == "list" and enum is not None:
        words.append(f"--{enum['flag']} {enum['expected'].split(chr(39))[1]}")
    return " ".join(words)


def _verb(name: str) -> str:
    return name.split("_", 1)[0]


def _list_description(listing: dict[str, Any] | None) -> str:
    if listing is None:
        return ""
    columns = ", ".join(label for label, _ in listing["columns"]) or "the item's JSON"
    paging = "as pages arrive" if listing["paging"] else "(the API answers every execution at once)"
    return (
        f"List executions ({listing['method']} {listing['path']}): one row per execution ({columns}) {paging}; "
        "--json prints one JSON line per execution as the server sent it; --max N stops after N. "
        "Exit 0, 2 usage error, 4 API or connection error (after the rows already printed)."
    )


def _start_description(start: dict[str, Any] | None, notes: list[str]) -> str:
    if start is None:
        return ""
    text = f"Start an execution ({start['method']} {start['path']}) and print the answer (--json: as sent)."
    if start["body"]:
        text += (
            f" The body ({start['body']['model']}) comes from --data (JSON text, @file.json or @- for stdin) and "
            "the options for its required fields; text that is not JSON, or a body that does not fit, "
            "is exit 2 before any request."
        )
    if start["wait_from"] is not None:
        text += " --wait then polls the new execution as `wait` does, and exits as `wait` does (0, 1, 3, 4)."
    elif not start["id_path"]:
        found = next((n for n in notes if "start" in n.lower() and "id" in n.lower()), None)
        text += " The answer does not carry the new execution's id. " + (found or "List the executions to find it.")
        text += " With this command: `list --json` finds it, then `wait` takes its id."
    return text


def cli_context(derived: Derived, context: dict[str, Any]) -> dict[str, Any]:
    """The CLI's lifecycle commands: `list`, `start`, `cancels` (each None/empty where the vendor has
    none), `models` to import and `notes` (`info.x-exec-notes`). Without a polled operation the
    package has no CLI, so none."""
    facts = lifecycle_facts(derived)
    if context.get("polled") is None:
        return {"list": None, "start": None, "cancels": [], "models": [], "notes": [], "uses_uuid": False}
    polled = context.get("polled")
    polled_op = next((op for op in derived.operations if "x-status-path" in op.operation), None)
    models: set[str] = set()
    listing = start = None
    cancels: list[dict[str, Any]] = []
    for op in derived.operations:
        execution = facts[op.key]["execution"] or {}
        role = execution.get("role")
        if role == "list" and listing is None:
            pagination = facts[op.key]["pagination"]
            listing = _operation(derived, op, models)
            listing["command"] = "list"
            listing["items"] = execution["items"]
            listing["paging"] = None
            if pagination:
                listing["paging"] = {
                    "style": pagination["style"],
                    "marker": pagination["marker"],
                    "limit": pagination["limit"],
                    "next_cursor": pagination["next_cursor"],
                    "has_more": pagination["has_more"],
                    "first_page": pagination["first_page"],
                }
            listing["columns"] = _columns(derived, _item_schema(derived, op, execution["items"]), polled_op)
        elif role == "start" and start is None:
            start = _operation(derived, op, models)
            start["command"] = "start"
            start["id_path"] = execution.get("id_path")
            start["wait_from"] = _wait_from(start, polled, context.get("fake")) if start["id_path"] else None
        elif role == "cancel":
            command = _operation(derived, op, models)
            command["status"] = execution["status"]
            cancels.append(command)
    if cancels:
        default = next((c for c in cancels if c["module_name"].startswith("cancel")), cancels[0])
        used = set(COMMANDS)
        for command in cancels:
            name = "cancel" if command is default else _verb(command["module_name"])
            if command is not default and name in used:
                name = command["module_name"].replace("_", "-")
            used.add(name)
            command["command"] = name
        cancels.sort(key=lambda c: c["command"] != "cancel")
    for found in [listing, start, *cancels]:
        if found:
            found["example"] = _example(found)
    declared = derived.spec.get("info", {}).get("x-exec-notes") or []
    notes = [" ".join(str(n).split()) for n in declared if isinstance(n, str)]
    for command in cancels:
        command["description"] = (
            f"Ask the server to {_verb(command['module_name'])} an execution ({command['method']} {command['path']}); "
            f"its status becomes {command['status']}. Exit 0 when the server accepts it, 2 usage error, "
            "4 API or connection error."
        )
    return {
        "list": listing,
        "start": start,
        "cancels": cancels,
        "models": sorted(models),
        "notes": notes,
        "list_description": _list_description(listing),
        "start_description": _start_description(start, notes),
        "uses_uuid": any(
            "UUID" in a["parse"]
            for command in [listing, start, *cancels]
            if command
            for a in command["path_params"] + command["options"]
        ),
    }


def _wait_from(start: dict[str, Any], polled: dict[str, Any] | None, fake: dict[str, Any] | None) -> list[Any] | None:
    """How `start --wait` fills each argument of the polled operation: [polled python name, the
    start's argument dest, or None for the new execution's id]; None when one cannot be filled (or
    the polled operation takes a body)."""
    if polled is None or fake is None or polled["body"]:
        return None
    by_name = {p["spec_name"]: p["dest"] for p in start["path_params"]}
    by_name |= {o["name"]: o["dest"] for o in start["options"]}
    mapping: list[Any] = []
    for param in polled["path_params"]:
        if param["spec_name"] == fake["id_param"]:
            mapping.append([param["python_name"], None])
        elif param["spec_name"] in by_name:
            mapping.append([param["python_name"], by_name[param["spec_name"]]])
        else:
            return None
    for param in polled["query_params"]:
        if param["name"] not in by_name:
            return None
        mapping.append([param["python_name"], by_name[param["name"]]])
    return mapping
