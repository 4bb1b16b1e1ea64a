"""Stage 3: what the package templates need, read from the manifest entry and the derived spec.

Credentials: one constructor parameter and one environment variable per supported security
scheme the operations use. With a single scheme the parameter is `token` (bearer, oauth2,
openIdConnect) or `api_key` (apiKey), as it always was; with several, each apiKey scheme is
named after its header or query name (`X-Org-ID` -> `org_id`) and a second bearer scheme after
the scheme. HTTP basic takes two, `username` and `password` (`<scheme>_username`/`_password`
when there are several basic schemes); the password may be empty (APIs that take a key as the
username). A scheme every secured operation needs is a required parameter; others are optional.

The polled operation is the one carrying `x-status-path`; without one the package has no wait
helper and no CLI. Its extensions:
- `x-status-path: [data, status]`: where the execution's status sits in the 200 body;
- `x-terminal-statuses: {success: [...], failure: [...], done: [...]}` on the status enum (or on
  the operation when the status is a plain string): `done` statuses end the run with the verdict
  in a second field, named by
- `x-outcome-path: [conclusion]` on the operation, whose enum (or the operation's
  `x-outcome-statuses`) lists `{success: [...], failure: [...]}` (GitHub Actions' `status` and
  `conclusion`); an outcome listed in neither counts as a failure;
- `x-execution-summary: {id: [...], started: [...], ended: [...]}`: what the CLI prints.
"""

from __future__ import annotations

import argparse
import ast
import functools
import json
import re
import textwrap
from pathlib import Path
from typing import Any

from . import RUNTIME
from .derive import Derived, Operation, derive, is_enum, is_object_like
from .errors import SpecRefusalError, pointer_join
from .manifest import Package
from .naming import class_name, python_name
from .rate_limit import rate_limit_context
from .spec import deref

# Names an endpoint function's parameter argument must not take: its own keywords, its locals and
# the module's imports (the endpoint template's `RESERVED`); such a parameter gets `_<location>`.
ENDPOINT_RESERVED = frozenset(
    {
        "client", "timeout", "body", "params", "headers", "response", "httpx2", "errors", "datetime", "uuid",
        "decode_json", "decode_model", "encode_path_segment", "check_list", "check_objects", "integral",
        "invalid", "parse_date", "parse_datetime", "parse_uuid",
    }
)  # fmt: skip
# The wait helper's own keywords: a parameter argument of the same name takes the endpoint's name.
WAIT_KEYWORDS = frozenset(
    {"client", "body", "timeout", "initial_interval", "max_interval", "on_status_change", "terminal_statuses",
     "on_retry", "execution_ids", "concurrency"}
)  # fmt: skip
_LOCATIONS = ("path", "query", "header")


def endpoint_argument_names(parameters: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(in, name) -> the endpoint function's argument for each parameter, as openapi-python-client
    names it (a Python name; `client`/`url` and names two locations share get `_<location>`; two
    names of one location that snake-case alike stay as written) and then the endpoint template
    (a reserved name gets `_<location>`)."""
    keys = [
        (str(p["in"]), str(p["name"]))
        for location in _LOCATIONS
        for p in parameters
        if p.get("in") == location and "name" in p
    ]
    names = {key: python_name(key[1]) for key in keys}
    for _ in range(len(keys) + 1):  # openapi-python-client repeats its pass until nothing changes
        changed = False
        for key in keys:
            if names[key] in ("client", "url"):
                names[key], changed = f"{names[key]}_{key[0]}", True
        by_name: dict[str, list[tuple[str, str]]] = {}
        for key in keys:
            by_name.setdefault(names[key], []).append(key)
        for name, clashing in by_name.items():
            if len(clashing) < 2:
                continue
            changed = True
            for key in clashing:
                same_place = sum(1 for other in clashing if other[0] == key[0]) > 1
                names[key] = key[1] if same_place else f"{name}_{key[0]}"
        if not changed:
            break
    return {key: f"{name}_{key[0]}" if name in ENDPOINT_RESERVED else name for key, name in names.items()}


def vendor_context(package: Package, derived: Derived) -> dict[str, Any]:
    spec = derived.spec
    credentials = _credentials(package, derived)
    servers = spec.get("servers") or [{"url": ""}]
    server = servers[0]
    url = str(server.get("url", ""))
    if server.get("variables") or not url.startswith(("http://", "https://")):
        default_base_url = ""
        base_url_example = url
        for name, variable in (server.get("variables") or {}).items():
            base_url_example = base_url_example.replace("{" + name + "}", str(variable.get("default", name)))
        if not base_url_example.startswith(("http://", "https://")):
            base_url_example = "https://api.example.com" + base_url_example
    else:
        default_base_url = base_url_example = url
    polled = next((op for op in derived.operations if "x-status-path" in op.operation), None)
    polled_context = None if polled is None else polling_context(package, derived, polled, credentials)
    # Imported here: fake_facts reads this module's helpers of the polled operation.
    from .fake_facts import fake_context

    fake = (
        None
        if polled is None or polled_context is None
        else fake_context(package, derived, polled, credentials, polled_context)
    )
    return {
        "vendor": package.vendor,
        "dist": package.dist,
        "import_name": package.import_name,
        "version": package.version,
        "summary": package.summary or spec["info"]["title"],
        "title": spec["info"]["title"],
        "env_prefix": package.env_prefix,
        "credentials": credentials,
        "env_credentials": {c["param"]: c["env"] for c in credentials},
        "env_base_url": f"{package.env_prefix}_BASE_URL",
        "default_base_url": default_base_url,
        "base_url_example": base_url_example,
        "operations": [_operation_row(op) for op in derived.operations],
        "polled": polled_context,
        "fake": fake,
        "constants": load_runtime_constants(),
        "rate_limit": rate_limit_context(derived),
        "typing": typing_context(derived, None if polled_context is None else polled_context["success_model"]),
    }


def _operation_row(op: Operation) -> dict[str, Any]:
    parent, _, name = op.module.rpartition(".")
    return {
        "module": op.module,
        "parent": parent,
        "name": name,
        "method": op.method.upper(),
        "path": op.path,
        "summary": str(op.operation.get("summary") or "").strip().splitlines()[0]
        if op.operation.get("summary")
        else "",
    }


def credential_param_names(used: list[str], schemes: dict[str, dict[str, str]]) -> dict[str, str]:
    """The client's keyword for each security scheme the operations use (the one place that
    names them). One scheme: `token` (bearer, oauth2, openIdConnect) or `api_key`. Several: the
    bearer scheme is `token` (a second one is named after its scheme), an API key is named
    after its header or query name without `X-` (`X-Org-ID` -> `org_id`; `X-API-Key` -> `api_key`).
    HTTP basic: `username` (several: `<scheme>_username`); its password's parameter is
    `basic_password_param` of it."""
    bearers = [name for name in used if schemes[name]["kind"] == "bearer"]
    basics = [name for name in used if schemes[name]["kind"] == "basic"]
    names: dict[str, str] = {}
    for scheme_name in used:
        scheme = schemes[scheme_name]
        if scheme["kind"] == "basic":
            # The username's parameter; the password's is the same with `password` (basic_password_param).
            param = "username" if len(basics) == 1 else f"{python_name(scheme_name)}_username"
        elif scheme["kind"] == "bearer":
            param = "token" if len(bearers) == 1 else python_name(scheme_name)
        elif len(used) == 1:
            param = "api_key"
        else:
            param = python_name(re.sub(r"^(x[-_])", "", scheme["name"], flags=re.IGNORECASE))
            if param.replace("_", "") == "apikey":
                param = "api_key"
        taken = {*names.values(), *(basic_password_param(names[n]) for n in basics if n in names)}
        if param in taken or param in {"base_url", "timeout", "max_retries", "headers", "cookies"}:
            param = python_name(scheme_name) + ("_username" if scheme["kind"] == "basic" else "")
        names[scheme_name] = param
    return names


def basic_password_param(username_param: str) -> str:
    """The password's parameter of an HTTP basic scheme whose username parameter is `username_param`."""
    return username_param.removesuffix("username") + "password"


def _credentials(package: Package, derived: Derived) -> list[dict[str, Any]]:
    used: list[str] = []
    secured = [op.security for op in derived.operations if op.security]
    for alternatives in secured:
        for alternative in alternatives:
            for name in alternative:
                if name not in used:
                    used.append(name)
    params = credential_param_names(used, derived.schemes)
    credentials = []
    for scheme_name in used:
        scheme = derived.schemes[scheme_name]
        param = params[scheme_name]
        required = all(
            any(scheme_name in alt for alt in alts) and all(scheme_name in alt for alt in alts) for alts in secured
        )
        entry = {
            "scheme": scheme_name,
            "param": param,
            "env": f"{package.env_prefix}_{param.upper()}",
            "required": required,
            "example": "my-" + param.replace("_", "-"),
            "in": scheme["in"],
            "name": scheme["name"],
            "prefix": scheme["prefix"],
            "basic": None,
        }
        if scheme["kind"] == "basic":
            # Two parameters, one entry each: the username (which makes the credential) and the
            # password (never required: empty is a valid password), read after it.
            password = basic_password_param(param)
            credentials.append(
                {
                    **entry,
                    "doc": "The username of HTTP basic auth (`Authorization: Basic <base64 of username:password>`).",
                    "summary": f"HTTP basic auth (`{param}`)",
                    "basic": "username",
                }
            )
            credentials.append(
                {
                    **entry,
                    "param": password,
                    "env": f"{package.env_prefix}_{password.upper()}",
                    "required": False,
                    "example": "my-" + password.replace("_", "-"),
                    "doc": f"The password of HTTP basic auth, sent with `{param}` (may be empty).",
                    "summary": f"its password (`{password}`, may be empty)",
                    "basic": "password",
                    "username": param,
                }
            )
            continue
        if scheme["kind"] == "bearer":
            doc = "The bearer token, sent as `Authorization: Bearer <token>`."
            summary = "a bearer token (`Authorization: Bearer <token>`)"
        else:
            where = "header" if scheme["in"] == "header" else "query parameter"
            doc = f"The API key, sent as the `{scheme['name']}` {where}."
            summary = f"an API key in the `{scheme['name']}` {where}"
        credentials.append({**entry, "doc": doc, "summary": summary})
    return credentials


# -- the polled operation ------------------------------------------------------------------


def _success_schema(derived: Derived, op: Operation) -> tuple[dict[str, Any], str, str]:
    """(schema, class name, pointer) of the polled operation's 2xx JSON body in the generator input."""
    responses = op.operation.get("responses") or {}
    for status in sorted(responses, key=lambda s: (s != "200", s)):
        if not str(status).startswith("2"):
            continue
        content = responses[status].get("content") or {}
        media_type, media = next(iter(content.items()), ("", {}))
        schema = media.get("schema") if isinstance(media, dict) else None
        if isinstance(schema, dict) and str(schema.get("$ref", "")).startswith("#/components/schemas/"):
            name = schema["$ref"].rsplit("/", 1)[1]
            pointer = pointer_join(op.pointer, "responses", status, "content", media_type, "schema")
            return derived.generator_input["components"]["schemas"][name], class_name(name), pointer
    raise SpecRefusalError(
        derived.path,
        pointer_join(op.pointer, "responses"),
        "the operation with x-status-path has no 2xx JSON object response",
        "give it a 200 response whose schema is an object",
    )


def _walk_path(derived: Derived, op: Operation, start: dict[str, Any], keys: list[Any], extension: str) -> Any:
    """The schema at `keys` below `start`, through $refs and nullable unions."""
    document = derived.generator_input
    spec_path = derived.path
    where = pointer_join(op.pointer, extension)
    if not isinstance(keys, list) or not keys or not all(isinstance(k, str) for k in keys):
        raise SpecRefusalError(
            spec_path, where, f"{extension} must be a non-empty list of property names", "write e.g. [data, status]"
        )
    schema: Any = start
    for depth, key in enumerate(keys):
        schema = _non_null(document, schema, spec_path)
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if not isinstance(properties, dict) or key not in properties:
            walked = ".".join(keys[:depth]) or "the response body"
            raise SpecRefusalError(
                spec_path,
                where,
                f"{walked} has no property {key!r}",
                f"fix {extension} to name properties of the 200 body",
            )
        schema = properties[key]
    return _non_null(document, schema, spec_path)


def _non_null(document: dict[str, Any], schema: Any, spec_path: Path) -> Any:
    schema = deref(document, schema, spec_path)
    while isinstance(schema, dict) and ("anyOf" in schema or "oneOf" in schema):
        members = [
            m
            for m in schema.get("anyOf") or schema.get("oneOf") or []
            if not (isinstance(m, dict) and m.get("type") == "null")
        ]
        if len(members) != 1:
            return schema
        schema = deref(document, members[0], spec_path)
    return schema


def _verdicts(
    derived: Derived, op: Operation, schema: Any, extension: str, op_extension: str, keys: tuple[str, ...]
) -> dict[str, list[str]]:
    spec_path = derived.path
    declared = op.operation.get(op_extension)
    if declared is None and isinstance(schema, dict):
        declared = schema.get(extension)
    path_name = "x-status-path" if op_extension == "x-terminal-statuses" else "x-outcome-path"
    if declared is None:
        raise SpecRefusalError(
            spec_path,
            pointer_join(op.pointer, path_name),
            f"the field at {path_name} declares no {extension}",
            f"add `{extension}: {{success: [...], failure: [...]}}` to its enum schema "
            f"or `{op_extension}` to the operation",
        )
    if (
        not isinstance(declared, dict)
        or set(declared) - set(keys)
        or not all(isinstance(v, list) and all(isinstance(s, str | int) for s in v) for v in declared.values())
    ):
        raise SpecRefusalError(
            spec_path,
            pointer_join(op.pointer, path_name),
            f"{extension} must map {', '.join(keys)} to lists of values",
            "write e.g. {success: [COMPLETED], failure: [FAILED]}",
        )
    if isinstance(schema, dict) and is_enum(schema):
        allowed = {str(v) for v in schema["enum"] if v is not None}
        for kind, values in declared.items():
            unknown = [str(v) for v in values if str(v) not in allowed]
            if unknown:
                raise SpecRefusalError(
                    spec_path,
                    pointer_join(op.pointer, path_name),
                    f"{extension}.{kind} lists {unknown}, not values of the enum",
                    "list only the enum's values",
                )
    return {key: [str(v) for v in declared.get(key, [])] for key in keys}


def terminal_statuses(derived: Derived) -> dict[str, list[str]] | None:
    """The polled operation's terminal statuses by verdict (`x-terminal-statuses`), or None."""
    op = next((op for op in derived.operations if "x-status-path" in op.operation), None)
    if op is None:
        return None
    success, _, _ = _success_schema(derived, op)
    status_schema = _walk_path(derived, op, success, list(op.operation["x-status-path"]), "x-status-path")
    return _verdicts(
        derived, op, status_schema, "x-terminal-statuses", "x-terminal-statuses", ("success", "failure", "done")
    )


def polling_context(
    package: Package, derived: Derived, op: Operation, credentials: list[dict[str, Any]]
) -> dict[str, Any]:
    """What wait.py, cli.py and the README need about the polled operation."""
    operation = op.operation
    success, success_model, _ = _success_schema(derived, op)
    status_path = list(operation["x-status-path"])
    status_schema = _walk_path(derived, op, success, status_path, "x-status-path")
    terminal = _verdicts(
        derived, op, status_schema, "x-terminal-statuses", "x-terminal-statuses", ("success", "failure", "done")
    )
    outcome_path = operation.get("x-outcome-path")
    outcome = None
    if outcome_path is not None:
        outcome_schema = _walk_path(derived, op, success, outcome_path, "x-outcome-path")
        outcome = _verdicts(
            derived, op, outcome_schema, "x-terminal-statuses", "x-outcome-statuses", ("success", "failure")
        )
        if not terminal["done"]:
            raise SpecRefusalError(
                derived.path,
                pointer_join(op.pointer, "x-outcome-path"),
                "x-outcome-path without `done` statuses in x-terminal-statuses",
                "list the statuses whose verdict is in the outcome field under `done`",
            )
    elif terminal["done"]:
        raise SpecRefusalError(
            derived.path,
            pointer_join(op.pointer, "x-terminal-statuses"),
            "`done` statuses without x-outcome-path",
            "add x-outcome-path naming the field that holds the verdict",
        )
    document = derived.generator_input
    parameters = [deref(document, p, derived.path) for p in operation.get("parameters") or []]

    endpoint_names = endpoint_argument_names(parameters)
    arguments = [p for p in parameters if p["in"] == "path" or p in _required_non_path(parameters)]
    plain = [python_name(op.path_names.get(p["name"], p["name"])) for p in arguments]

    def argument_name(p: dict[str, Any]) -> str:
        """The wait helper's and the CLI's name: the spec name's Python name, else (when it is one
        of their own keywords, or two arguments share it) the endpoint's."""
        plain_name = python_name(op.path_names.get(p["name"], p["name"]))
        if plain_name in WAIT_KEYWORDS or plain.count(plain_name) > 1:
            return endpoint_names[(p["in"], p["name"])]
        return plain_name

    def row(p: dict[str, Any]) -> dict[str, Any]:
        return {
            "name": p["name"],
            # The spec's name (`name` is the generator's, renamed when not templatable: derive).
            "spec_name": op.path_names.get(p["name"], p["name"]) if p["in"] == "path" else p["name"],
            "python_name": argument_name(p),
            "endpoint_name": endpoint_names[(p["in"], p["name"])],
            "help": _help(p, p["name"]),
            "description": " ".join(str(p.get("description") or "").split()),
            "type": _param_type(document, p, derived),
            "convert": _param_convert(document, p, derived),
            **_param_parse(document, p, derived),
        }

    def path_example(parameter: dict[str, Any], *, wait: bool) -> str:
        """A path argument for the README: `"execution-123"` for a string id, else a value of its type."""
        schema = _schema_of(document, parameter, derived)
        if schema.get("type", "string") == "string" and "format" not in schema and not is_enum(schema):
            return f'"{python_name(parameter["name"]).removesuffix("_id")}-123"'
        return _example_literal(document, parameter, derived, wait=wait)

    in_path = sorted(
        (p for p in parameters if p["in"] == "path"),
        key=lambda p: (op.generator_path or op.path).find("{" + str(p["name"]) + "}"),
    )
    path_params = [
        {**row(p), "wait_example": path_example(p, wait=True), "call_example": path_example(p, wait=False)}
        for p in in_path
    ]
    query_params = [
        {
            **row(p),
            "env": f"{package.env_prefix}_{python_name(p['name']).upper()}",
            "wait_example": _example_literal(document, p, derived, wait=True),
            "call_example": _example_literal(document, p, derived, wait=False),
        }
        for p in _required_non_path(parameters)
    ]

    body = polled_body(derived, op, [p["python_name"] for p in query_params] + [c["param"] for c in credentials])
    body_args = [f"body={body['example']}"] if body else []
    wait_example_args = ", ".join(
        [p["wait_example"] for p in path_params]
        + [f"{p['python_name']}={p['wait_example']}" for p in query_params]
        + body_args
    )
    call_args = ", ".join(
        [_call_value(p) for p in path_params]
        + ["client=client"]
        + [f"{p['endpoint_name']}={_call_value(p)}" for p in query_params]
        + (["body=body"] if body else [])
    )
    example_args = (
        [p["call_example"] for p in path_params]
        + [f"{p['endpoint_name']}={p['call_example']}" for p in query_params]
        + body_args
    )
    cli_example = " ".join(
        [p["python_name"].upper() for p in path_params]
        + [f"--{p['python_name'].replace('_', '-')} VALUE" for p in query_params]
        + ([f"--{f['python_name'].replace('_', '-')} VALUE" for f in body["fields"]] if body else [])
    )
    parent, _, module_name = op.module.rpartition(".")
    converted = [p for p in path_params + query_params if "parse" in p]
    # The fan-in (`wait_for_executions`) takes many ids in place of the execution id's argument.
    id_row = next(p for p in path_params if p["spec_name"] == execution_id_param(op))
    fan_in_call_args = ", ".join(
        ["_key" if p is id_row else _call_value(p) for p in path_params]
        + ["client=client"]
        + [f"{p['endpoint_name']}={_call_value(p)}" for p in query_params]
        + (["body=body"] if body else [])
    )
    return {
        "id_param": id_row,
        "fan_in_call_args": fan_in_call_args,
        "converted": [p["python_name"] for p in converted],
        # Lines of wait.py, ready to paste: converting the arguments up front, and their `Args:` docs.
        "convert_statements": "".join(
            f"    _arg_{p['python_name']} = _convert_argument("
            f"{p['python_name']!r}, {p['python_name']}, {p['parse']}, {p['expected']!r})\n"
            for p in converted
        ),
        "fan_in_convert_statements": "".join(
            f"    _arg_{p['python_name']} = _convert_argument("
            f"{p['python_name']!r}, {p['python_name']}, {p['parse']}, {p['expected']!r})\n"
            for p in converted
            if p is not id_row
        ),
        "fan_in_argument_docs": "".join(_argument_doc(p) for p in path_params + query_params if p is not id_row),
        "argument_docs": "".join(_argument_doc(p) for p in path_params + query_params)
        + (
            _argument_doc(
                {
                    "python_name": "body",
                    "description": f"The request body ({body['model']}), sent on every poll.",
                }
            )
            if body
            else ""
        ),
        "module": op.module,
        "module_parent": parent,
        "module_name": module_name,
        "method": op.method.upper(),
        "path": op.path,
        "success_model": success_model,
        "terminal": terminal,
        "outcome": outcome,
        "terminal_note": "Unknown statuses, and any not listed, are not terminal.",
        "status_path_json": status_path,
        "status_attributes": [python_name(k) for k in status_path],
        "outcome_attributes": [python_name(k) for k in outcome_path] if outcome_path else [],
        "outcome_path_json": list(outcome_path or []),
        "path_params": path_params,
        "query_params": query_params,
        "call_args": call_args,
        "wait_example_args": wait_example_args,
        "example_call_args": ", ".join(example_args),
        "example_imports_uuid": any("UUID(" in a for a in example_args),
        "model_imports": sorted(
            {c for p in parameters if (c := enum_class(p)) and (p in in_path or p in _required_non_path(parameters))}
            | ({body["model"]} if body else set())
        ),
        "body": body,
        "cli_example": cli_example,
        "summary_literal": repr(operation.get("x-execution-summary") or {}),
    }


def _squash(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def execution_id_param(op: Operation) -> str:
    """The path parameter naming the execution: the one named like `x-execution-summary`'s id
    field, else the last one (`fake_facts` uses it too)."""
    summary = op.operation.get("x-execution-summary") or {}
    status_path = [str(k) for k in op.operation["x-status-path"]]
    field = _squash(str([*(summary.get("id") or [*status_path[:-1], "id"])][-1]))
    names: list[str] = re.findall(r"\{([^}]+)\}", op.path)
    squashed = [_squash(name) for name in names]
    return names[squashed.index(field)] if field != "id" and field in squashed else names[-1]


# The CLI's own flags: a body field whose flag would be one of these is given with --data only.
CLI_FLAGS = frozenset(
    {
        "help",
        "version",
        "base-url",
        "json",
        "debug",
        "request-timeout",
        "max-retries",
        "timeout",
        "interval",
        "max-interval",
        "success-status",
        "failure-status",
        "data",
    }
)
# How the CLI parses a body field's text, by the field's JSON type (strings and enums stay text).
_FIELD_PARSERS = {"integer": "int", "number": "float", "boolean": "parse_bool"}


def object_body(
    derived: Derived, op: Operation, what: str, fix: str
) -> tuple[dict[str, Any], str, str, dict[str, Any]] | None:
    """An operation's request body when its schema is a named object (a model): (the request body,
    its media type, the model's class name, the schema). None without a body; any other body is
    refused with `what` and `fix` (the wait helper and the CLI take a body only as a model)."""
    body = op.operation.get("requestBody")
    if not isinstance(body, dict):
        return None
    media_type, media = next(iter((body.get("content") or {}).items()), ("", {}))
    schema = media.get("schema") if isinstance(media, dict) else None
    ref = str((schema or {}).get("$ref", ""))
    target = deref(derived.generator_input, schema, derived.path) if ref else None
    if not ref.startswith("#/components/schemas/") or not is_object_like(target) or not isinstance(target, dict):
        raise SpecRefusalError(derived.path, pointer_join(op.pointer, "requestBody"), what, fix)
    return body, str(media_type), class_name(ref.rsplit("/", 1)[1]), target


def polled_body(derived: Derived, op: Operation, taken: list[str]) -> dict[str, Any] | None:
    """The polled operation's request body, when its call needs one (a POST that polls, as DeepL's
    document status): the model class, whether it is required, an example value, and the CLI
    options for its required scalar fields (the rest come with --data). None without a body.

    The wait helper sends it on every poll; only an object body (a model) is supported there."""
    found = object_body(
        derived,
        op,
        "the operation with x-status-path takes a request body that is not a JSON object",
        "poll an operation without a body, or one whose body is an object schema",
    )
    if found is None:
        return None
    body, media_type, model, target = found
    document = derived.generator_input
    properties = target.get("properties") or {}
    fields = []
    used = {name.replace("_", "-") for name in taken} | CLI_FLAGS | {"id"}
    for name in target.get("required") or []:
        field = _non_null(document, properties.get(name), derived.path)
        kind = field.get("type") if isinstance(field, dict) else None
        if kind not in ("string", "integer", "number", "boolean") or "const" in field:
            continue
        python = python_name(str(name))
        if python.replace("_", "-") in used:
            continue
        used.add(python.replace("_", "-"))
        fields.append(
            {
                "json_name": str(name),
                "python_name": python,
                "help": _help(field, f"{name} (request body field)"),
                "parse": _FIELD_PARSERS.get(str(kind), ""),
            }
        )
    example = _json_data(minimal_body(document, target, derived.path))
    return {
        "model": model,
        "required": bool(body.get("required")),
        "media_type": media_type,
        "example": f"{model}.from_dict({example!r})",
        "fields": fields,
        # How the CLI's usage error names the options that make the body.
        "usage": " or ".join(
            filter(None, [", ".join(f"--{f['python_name'].replace('_', '-')}" for f in fields), "--data JSON"])
        ),
    }


def _required_non_path(parameters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [p for p in parameters if p["in"] in ("query", "header") and p.get("required")]


def _help(parameter: dict[str, Any], default: str) -> str:
    text = str(parameter.get("description") or default).strip()
    return text.splitlines()[0] if text else default


def _schema_of(document: dict[str, Any], parameter: dict[str, Any], derived: Derived) -> dict[str, Any]:
    schema = _non_null(document, parameter.get("schema") or {}, derived.path)
    return schema if isinstance(schema, dict) else {}


def _param_type(document: dict[str, Any], parameter: dict[str, Any], derived: Derived) -> str:
    """The wait helper's annotation for a path or required query parameter: the endpoint's type, so
    a value fits both (an enum's plain value too: its class is a `str`). A text value an untyped
    caller passes is still converted, with an error naming the argument."""
    schema = _schema_of(document, parameter, derived)
    if schema.get("format") == "uuid":
        return "UUID"
    kind = schema.get("type")
    if is_enum(schema) or not isinstance(kind, str):
        return "str"
    return {"integer": "int", "number": "float", "boolean": "bool"}.get(kind, "str")


def enum_class(parameter: dict[str, Any]) -> str | None:
    """The enum class a parameter's schema names (`$ref`, possibly nullable), if any."""
    schema = parameter.get("schema") or {}
    members = [schema, *(schema.get("anyOf") or [])] if isinstance(schema, dict) else []
    for member in members:
        ref = member.get("$ref", "") if isinstance(member, dict) else ""
        if ref.startswith("#/components/schemas/"):
            return class_name(ref.rsplit("/", 1)[1])
    return None


def _param_convert(document: dict[str, Any], parameter: dict[str, Any], derived: Derived) -> str:
    """How the wait helper and the CLI turn their (string) argument into the endpoint's type."""
    schema = _schema_of(document, parameter, derived)
    if schema.get("format") == "uuid":
        return "UUID(str({}))"
    enum = enum_class(parameter) if is_enum(schema) else None
    if enum:
        return enum + "(str({}))"
    kind = schema.get("type")
    if kind == "integer":
        return "int({})"
    if kind == "number":
        return "float({})"
    if kind == "boolean":
        return '(str({}).lower() in ("1", "true", "yes"))'
    return "{}"


def _param_parse(document: dict[str, Any], parameter: dict[str, Any], derived: Derived) -> dict[str, str]:
    """How the wait helper converts a string argument that may not convert: `parse` (a callable
    taking the text) and `expected` (what the error says it takes), checked once before polling.
    Empty for arguments that always convert (strings, booleans)."""
    schema = _schema_of(document, parameter, derived)
    if schema.get("format") == "uuid":
        return {"parse": "UUID", "expected": "a UUID (e.g. 00000000-0000-4000-8000-000000000000)"}
    enum = enum_class(parameter) if is_enum(schema) else None
    if enum:
        values = ", ".join(repr(str(v)) for v in schema["enum"] if v is not None)
        return {"parse": enum, "expected": f"one of {values}"}
    kind = schema.get("type")
    if kind == "integer":
        return {"parse": "int", "expected": "an integer"}
    if kind == "number":
        return {"parse": "float", "expected": "a number"}
    return {}


def _argument_doc(row: dict[str, Any]) -> str:
    """A wait helper argument's entry under `Args:` (docstring-safe, wrapped, indented)."""
    text = f"{row['python_name']}: {row['description']}"
    if "parse" in row:
        text += " (Checked before the first request.)"
    text = text.replace("\\", "\\\\").replace('"""', '\\"""')
    lines = textwrap.wrap(text, 90, break_long_words=False, break_on_hyphens=False)
    return "".join(("        " if i == 0 else "            ") + line + "\n" for i, line in enumerate(lines))


def _call_value(row: dict[str, Any]) -> str:
    """The wait helper's argument to the endpoint: the value converted up front, or converted inline."""
    return f"_arg_{row['python_name']}" if "parse" in row else str(row["convert"]).format(row["python_name"])


def _example_literal(document: dict[str, Any], parameter: dict[str, Any], derived: Derived, *, wait: bool) -> str:
    schema = _schema_of(document, parameter, derived)
    if schema.get("format") == "uuid":
        return 'UUID("00000000-0000-4000-8000-000000000000")'
    if is_enum(schema) and schema["enum"]:
        # The endpoint takes the enum class; the wait helper also takes its plain value.
        value = repr(schema["enum"][0])
        enum = enum_class(parameter)
        return value if wait or not enum else f"{enum}({value})"
    kind = schema.get("type")
    if kind == "integer":
        return "1"
    if kind == "number":
        return "1.0"
    if kind == "boolean":
        return "True"
    return f'"{python_name(parameter["name"]).replace("_", "-")}-123"'


# -- typed errors: which documented models each status error can carry ---------------------------


@functools.cache
def runtime_status_errors() -> tuple[dict[int, str], str, str]:
    """(status -> class, the class for 5xx, the base class) as the runtime's `status_error` maps
    them, read from errors.py itself so the two never disagree."""
    tree = ast.parse((RUNTIME / "errors.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "_STATUS_ERRORS":
            assert isinstance(node.value, ast.Dict)
            mapping = {
                ast.literal_eval(key): value.id
                for key, value in zip(node.value.keys, node.value.values, strict=True)
                if key is not None and isinstance(value, ast.Name)
            }
            return mapping, "InternalServerError", "APIStatusError"
    raise AssertionError("errors.py has no _STATUS_ERRORS table")


@functools.cache
def runtime_exports(module: str) -> tuple[str, ...]:
    """The `__all__` of a runtime module (the names the package re-exports at its top level)."""
    tree = ast.parse((RUNTIME / module).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    return ()


def _documented_response(responses: dict[str, Any], status: int) -> Any:
    """The response an operation documents for `status`: the exact code, else its range (`4XX`),
    else `default` (OpenAPI's precedence, and the order the endpoint's `_decode_error` tries)."""
    by_key = {str(key).upper(): value for key, value in responses.items()}
    for key in (str(status), f"{status // 100}XX", "DEFAULT"):
        if key in by_key:
            return by_key[key]
    return None


def response_type(document: dict[str, Any], schema: Any, spec_path: Path, models: set[str]) -> str:
    """The Python type the endpoint's decoder gives a JSON body of `schema` (generator input):
    a model class for a named object or enum, as `models.<Class>` (its name added to `models`),
    unions, lists, scalars; `Any` where it cannot say for sure (never narrower than the truth)."""
    if not isinstance(schema, dict):
        return "Any"
    ref = schema.get("$ref")
    if isinstance(ref, str):
        prefix = "#/components/schemas/"
        target = deref(document, schema, spec_path)
        if ref.startswith(prefix) and (is_object_like(target) or is_enum(target)):
            name = class_name(ref[len(prefix) :].replace("~1", "/").replace("~0", "~"))
            models.add(name)
            return f"models.{name}"
        return response_type(document, target, spec_path, models) if isinstance(target, dict) else "Any"
    members = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(members, list) and members:
        return _union([response_type(document, m, spec_path, models) for m in members])
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return _union([response_type(document, {**schema, "type": k}, spec_path, models) for k in kinds])
    if kinds == "array":
        return f"list[{response_type(document, schema.get('items'), spec_path, models)}]"
    if kinds == "string" and "format" not in schema and "enum" not in schema and "const" not in schema:
        return "str"
    simple = {"integer": "int", "number": "float", "boolean": "bool", "null": "None"}
    if kinds in simple and "enum" not in schema and "const" not in schema:
        return simple[str(kinds)]
    return "Any"


def _union(types: list[str]) -> str:
    """`A | B | None` from member types, each once, None last; `Any` absorbs everything."""
    if "Any" in types:
        return "Any"
    named = list(dict.fromkeys(t for t in types if t != "None"))
    return " | ".join(named + (["None"] if "None" in types else []))


def typing_context(derived: Derived, polled_model: str | None) -> dict[str, Any]:
    """The aliases `_typing.py` gives errors.py: per status error class, the documented error
    models it can carry; and the polled execution's model.

    A class covers its statuses (`NotFoundError` 404; `InternalServerError` 500-599; the base
    `APIStatusError` every non-2xx). For each status each operation's documented response is
    found as the endpoint finds it (exact code, range, `default`); the class's type is the
    union over operations and statuses, `| None` (a body that does not fit stays unparsed). A
    class whose statuses no operation documents keeps the base's union; with no documented
    error model at all, every alias is `None`.
    """
    document = derived.generator_input
    named, server_class, base_class = runtime_status_errors()
    models: set[str] = set()

    def types_for(statuses: range | list[int]) -> list[str]:
        found: list[str] = []
        for op in derived.operations:
            for status in statuses:
                response = _documented_response(op.operation.get("responses") or {}, status)
                response = deref(document, response, derived.path) if isinstance(response, dict) else None
                content = (response or {}).get("content") or {}
                for media in content.values():
                    if isinstance(media, dict) and "schema" in media:
                        found.append(response_type(document, media["schema"], derived.path, models))
                    elif isinstance(media, dict):
                        found.append("Any")  # JSON with no schema: decoded as is
        return found

    every = types_for([s for s in range(100, 600) if not 200 <= s < 300])
    base = _union([*every, "None"])
    aliases = {f"{base_class}Parsed": base}
    for status, cls in sorted(named.items(), key=lambda item: item[1]):
        found = types_for([status])
        aliases[f"{cls}Parsed"] = _union([*found, "None"]) if found else base
    found = types_for(range(500, 600))
    aliases[f"{server_class}Parsed"] = _union([*found, "None"]) if found else base
    return {
        "aliases": dict(sorted(aliases.items())),
        "polled_execution": f"models.{polled_model}" if polled_model else "None",
        "models": sorted(models | ({polled_model} if polled_model else set())),
    }


@functools.cache
def load_runtime_constants() -> Any:
    """The runtime's tunables, so READMEs and docstrings quote the real values."""
    namespace: dict[str, Any] = {}
    source = (RUNTIME / "_constants.py").read_text(encoding="utf-8")
    exec(compile(source, str(RUNTIME / "_constants.py"), "exec"), namespace)
    return argparse.Namespace(**{k: v for k, v in namespace.items() if k.isupper()})


def credential_params_for(spec: dict[str, Any], path: Path) -> dict[str, str]:
    """Scheme name -> the client's constructor parameter, for a raw spec (what the tests use, so
    that the rule lives here only)."""
    derived = derive(spec, path)
    used: list[str] = []
    for op in derived.operations:
        for alternative in op.security:
            used += [name for name in alternative if name not in used]
    return credential_param_names(used, derived.schemes)


# -- bodies built from schemas: the CLI's body example, the test fake's fallback (fake_facts) ------------

# Placeholder values of a body built from a schema that has no example, by `format`, then by type.
_SAMPLE_FORMATS = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "uuid": "00000000-0000-4000-8000-000000000000",
}
_SAMPLE_TYPES: dict[str, Any] = {"string": "string", "integer": 0, "number": 0.0, "boolean": False, "null": None}


def minimal_body(document: dict[str, Any], schema: Any, spec_path: Path, depth: int = 0) -> Any:
    """The smallest JSON value `schema` accepts: an object of its required properties, the first
    enum value, an empty array, a placeholder scalar (a body for a response with no example)."""
    schema = deref(document, schema, spec_path)
    if not isinstance(schema, dict) or depth > 32:
        return None
    if "const" in schema:
        return schema["const"]
    if is_enum(schema):
        return next((v for v in schema["enum"] if v is not None), None)
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for member in schema["allOf"]:
            part = minimal_body(document, member, spec_path, depth + 1)
            if isinstance(part, dict):
                merged.update(part)
        return merged
    members = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(members, list) and members:
        concrete = [m for m in members if deref(document, m, spec_path) != {"type": "null"}]
        return minimal_body(document, (concrete or members)[0], spec_path, depth + 1)
    kinds = schema.get("type")
    kind = next((k for k in kinds if k != "null"), "null") if isinstance(kinds, list) else kinds
    if kind == "object" or (kind is None and "properties" in schema):
        properties = schema.get("properties") or {}
        return {
            name: minimal_body(document, properties.get(name, {}), spec_path, depth + 1)
            for name in schema.get("required") or []
        }
    if kind == "array":
        return []
    if kind == "string" and schema.get("format") in _SAMPLE_FORMATS:
        return _SAMPLE_FORMATS[str(schema["format"])]
    if kind in ("integer", "number") and "minimum" in schema:
        return schema["minimum"]
    return _SAMPLE_TYPES.get(str(kind), {})


def _json_data(value: Any) -> Any:
    """`value` as plain JSON data: YAML's dates and timestamps (unquoted in a spec) as ISO 8601."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if hasattr(v, "isoformat") else str(v)))
