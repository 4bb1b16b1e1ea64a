"""What the test fake (`<pkg>.testing.FakeAPI`) serves, read from the spec: the facts `testing.py`
renders into its `FakeFacts`.

The engine that serves them is the runtime's `_fake.py`; this module only reads the spec: the
polled operation's route, the credentials and parameters it requires, where the status and the id
sit in its answer, and the bodies (the spec's examples, else ones built from the schemas) of its
success and of each documented error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .derive import Derived, Operation
from .lifecycle import OPERATION, lifecycle_facts, success_body_schema, walk
from .manifest import Package
from .naming import python_name
from .spec import deref
from .vendor import (
    _json_data,
    _non_null,
    _success_schema,
    _walk_path,
    basic_password_param,
    execution_id_param,
    minimal_body,
)


def _response_body(document: dict[str, Any], response: Any, spec_path: Path) -> tuple[bool, Any]:
    """(whether the response has a JSON body, that body): its example (`example`, else the first
    `examples` value), else one built from its schema."""
    response = deref(document, response, spec_path)
    content = (response or {}).get("content") or {} if isinstance(response, dict) else {}
    media_type = next(
        (m for m in ["application/json", *content] if m in content and m.split(";")[0].endswith("json")), None
    )
    if media_type is None:
        return False, None
    media = content[media_type] if isinstance(content[media_type], dict) else {}
    if "example" in media:
        return True, media["example"]
    for example in (media.get("examples") or {}).values():
        example = deref(document, example, spec_path)
        if isinstance(example, dict) and "value" in example:
            return True, example["value"]
    return True, minimal_body(document, media.get("schema", {}), spec_path)


# An execution id the fake does not know, as a literal of the id's type (by the wait helper's parser).
_UNKNOWN_IDS = {"int": "999999", "float": "999999.5", "UUID": '"ffffffff-ffff-4fff-8fff-ffffffffffff"'}
# The n-th of many execution ids (the README's concurrent example), as an expression of the id's type in `n`.
_NTH_IDS = {"int": "n", "float": "float(n)", "UUID": "uuid.UUID(int=n)"}


def fake_context(
    package: Package, derived: Derived, op: Operation, credentials: list[dict[str, Any]], polled: dict[str, Any]
) -> dict[str, Any]:
    """What `testing.py` needs to serve the polled operation as the vendor would: the route, the
    credentials it requires, the success body to start from and every documented error body.

    The execution id is the path parameter `vendor.execution_id_param` names; the id goes in the
    body at `x-execution-summary`'s id field, else beside the status.
    """
    document = derived.generator_input
    operation = op.operation
    status_path = [str(k) for k in operation["x-status-path"]]
    summary = operation.get("x-execution-summary") or {}
    id_path = [str(k) for k in summary.get("id") or [*status_path[:-1], "id"]]
    path_params = re.findall(r"\{([^}]+)\}", op.path)
    id_param = execution_id_param(op)
    parameters = [deref(document, p, derived.path) for p in operation.get("parameters") or []]
    id_row = next(p for p in polled["path_params"] if p["spec_name"] == id_param)
    responses = operation.get("responses") or {}
    success_key = next(k for k in sorted(responses, key=lambda s: (str(s) != "200", str(s))) if str(k).startswith("2"))
    _, success_body = _response_body(document, responses[success_key], derived.path)
    errors: dict[str, Any] = {}
    for key, response in responses.items():
        if not str(key).startswith("2"):
            has_json, body = _response_body(document, response, derived.path)
            errors[str(key).upper()] = body if has_json else None
    others = [other for other in derived.operations if other is not op]
    used = sorted({name for o in [op, *others] for alternative in o.security for name in alternative})
    # The constructor parameter of each scheme (of HTTP basic: the username's; its password's follows it).
    params = {c["scheme"]: c["param"] for c in credentials if c["basic"] != "password"}
    success = _success_schema(derived, op)[0]
    status_schema = _walk_path(derived, op, success, status_path, "x-status-path")
    terminal = polled["terminal"]
    ends = [*terminal["success"], *terminal["done"], *terminal["failure"]]
    known = (
        [str(v) for v in status_schema.get("enum") or [] if v is not None] if isinstance(status_schema, dict) else []
    )
    ongoing = [v for v in known if v not in ends]
    first_end = [*terminal["success"], *terminal["done"]] or ends
    execution = success
    for key in status_path[:-1]:
        execution = _non_null(document, (execution.get("properties") or {}).get(key, {}), derived.path)
    execution_fields = list((execution.get("properties") or {}) if isinstance(execution, dict) else [])
    lifecycle = lifecycle_facts(derived)
    operations = [
        _operation_facts(derived, other, id_param, lifecycle[other.key], execution_fields) for other in others
    ]
    return {
        "fixture": f"fake_{python_name(package.vendor)}",
        # Statuses for examples: one that keeps a wait going, one that ends it.
        "sample_running": ongoing[0] if ongoing else "running",
        "sample_terminal": ends[0] if ends else "done",
        # The README's testing example: the id it adds (a literal of the id's type), one the fake
        # does not know, the id's type, and the wait helper's arguments around it.
        "example_id": id_row["wait_example"],
        "unknown_id": _UNKNOWN_IDS.get(id_row.get("parse", ""), '"no-such-execution"'),
        "id_type": id_row["type"],
        "nth_id": _NTH_IDS.get(id_row.get("parse", ""), 'f"exec-{n}"'),
        "wait_args": ", ".join(
            ["execution_id" if p["spec_name"] == id_param else p["wait_example"] for p in polled["path_params"]]
            + [f"{p['python_name']}={p['wait_example']}" for p in polled["query_params"]]
            + ([f"body={polled['body']['example']}"] if polled["body"] else [])
        ),
        "body_required": bool(polled["body"] and polled["body"]["required"]),
        "execution_fields": execution_fields,
        "method": op.method.upper(),
        "path": op.path,
        "path_params": path_params,
        "id_param": id_param,
        "required_query": [p["name"] for p in parameters if p.get("in") == "query" and p.get("required")],
        "required_headers": [p["name"] for p in parameters if p.get("in") == "header" and p.get("required")],
        "status_path": status_path,
        "id_path": id_path,
        "success_status": int(success_key) if str(success_key).isdigit() else 200,
        "success_body": _json_data(success_body),
        # A fallback for a spec whose example the package's own models would not decode.
        "minimal_body": _json_data(minimal_body(document, success, derived.path)),
        "error_bodies": _json_data(errors),
        "security": [list(alternative) for alternative in op.security],
        "operations": operations,
        # A started execution's statuses by default: one that keeps a wait going, then a success.
        "start_statuses": [ongoing[0] if ongoing else "running", first_end[0] if first_end else "done"],
        "id_kind": id_row.get("parse", "") if id_row.get("parse") in ("int", "float", "UUID") else "str",
        "schemes": {
            name: {
                "location": derived.schemes[name]["in"],
                "name": derived.schemes[name]["name"],
                "prefix": derived.schemes[name]["prefix"],
                "param": params[name],
            }
            for name in used
        },
        # HTTP basic: the password's parameter, beside the username's (`param`).
        "basic_passwords": {
            name: basic_password_param(params[name]) for name in used if derived.schemes[name]["kind"] == "basic"
        },
    }


def _success(derived: Derived, op: Operation) -> tuple[str, bool, Any, Any]:
    """(status, whether it is JSON, its body: the example else one from the schema, a minimal body)
    of the operation's first 2xx answer; ("200", False, None, None) when it documents none."""
    document = derived.generator_input
    responses = op.operation.get("responses") or {}
    keys = [k for k in sorted(responses, key=lambda s: (str(s) != "200", str(s))) if str(k).startswith("2")]
    if not keys:
        return "200", False, None, None
    has_json, body = _response_body(document, responses[keys[0]], derived.path)
    found = success_body_schema(derived, op)
    minimal = minimal_body(document, found[1], derived.path) if found and found[0] == str(keys[0]) else body
    return str(keys[0]), has_json, body, minimal


def _operation_facts(
    derived: Derived, op: Operation, id_param: str, lifecycle: dict[str, Any], execution_fields: list[str]
) -> dict[str, Any]:
    """What the fake needs to serve an operation besides the polled one (`_fake_ops.OperationFacts`)."""
    document = derived.generator_input
    operation = op.operation
    parameters = [deref(document, p, derived.path) for p in operation.get("parameters") or []]
    path_params = re.findall(r"\{([^}]+)\}", op.path)
    request_body = deref(document, operation.get("requestBody") or {}, derived.path)
    status, has_json, body, minimal = _success(derived, op)
    errors: dict[str, Any] = {}
    for key, response in (operation.get("responses") or {}).items():
        if not str(key).startswith("2"):
            error_json, error_body = _response_body(document, response, derived.path)
            errors[str(key).upper()] = error_body if error_json else None
    execution = lifecycle.get("execution") or {}
    paging = lifecycle.get("pagination")
    items = list(execution.get("items") or [])
    item_body: Any = None
    item_minimal: Any = None
    item_fields: list[str] = []
    answer_samples: dict[str, Any] = {}
    if execution.get("role") == "start":
        found = success_body_schema(derived, op)
        answer_schema = _non_null(document, found[1], derived.path) if found else {}
        properties = answer_schema.get("properties") or {} if isinstance(answer_schema, dict) else {}
        answer_samples = {name: minimal_body(document, schema, derived.path) for name, schema in properties.items()}
    if execution.get("role") in ("list", "events"):
        found = success_body_schema(derived, op)
        array = walk(derived, op, found[1], items, OPERATION, "items", empty_ok=True) if found else {}
        item_schema = array.get("items") if isinstance(array, dict) else {}
        item_minimal = minimal_body(document, item_schema, derived.path)
        item_fields = list(_non_null(document, item_schema or {}, derived.path).get("properties") or {})
        listed = body
        for key in items:
            listed = listed.get(key) if isinstance(listed, dict) else None
        item_body = listed[0] if isinstance(listed, list) and listed else item_minimal
    facts: dict[str, Any] = {
        "method": op.method.upper(),
        "path": op.path,
        "path_params": path_params,
        "required_query": [p["name"] for p in parameters if p.get("in") == "query" and p.get("required")],
        "required_headers": [p["name"] for p in parameters if p.get("in") == "header" and p.get("required")],
        "body_required": bool(isinstance(request_body, dict) and request_body.get("required")),
        "security": [list(alternative) for alternative in op.security],
        "success_status": int(status) if status.isdigit() else 200,
        "success_body": _json_data(body),
        "has_body": has_json,
        "minimal_body": _json_data(minimal),
        "error_bodies": _json_data(errors),
        "role": execution.get("role"),
        "carries_id": id_param in path_params,
        "id_path": list(execution.get("id_path") or []),
        "status_path": list(execution.get("status_path") or []),
        "items": items,
        "item_body": _json_data(item_body),
        "item_minimal": _json_data(item_minimal),
        "item_fields": item_fields,
        # start: a value of each property of the answer, shaped as its schema says (e.g. a UUID).
        "answer_samples": _json_data(answer_samples),
        # start: the identifiers its answer shares with the execution (for the README; the fake finds them itself).
        "shared_ids": [n for n in answer_samples if n in execution_fields and re.search(r"id$", n, re.IGNORECASE)],
        "filters": dict(execution.get("filters") or {}),
        "cancel_status": execution.get("status"),
        "paging": None,
        # The package's endpoint module, whose `_build_success` (if any) decodes the answer.
        "module_parent": op.module.rpartition(".")[0],
        "module_name": op.module.rpartition(".")[2],
    }
    if paging is not None:
        limit = next((p for p in parameters if p.get("in") == "query" and p.get("name") == paging["limit_query"]), None)
        default = _non_null(document, (limit or {}).get("schema") or {}, derived.path).get("default")
        facts["paging"] = {
            "style": paging["style"],
            "marker": paging["marker_query"],
            "limit": paging["limit_query"],
            "default_limit": default if isinstance(default, int) and not isinstance(default, bool) else None,
            "next_cursor": paging["next_cursor"],
            "has_more": paging["has_more"],
            "first_page": paging["first_page"],
        }
    return facts
