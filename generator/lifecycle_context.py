"""What a package's README says about the operations beyond the polled one: listing every
execution (the paged operation's iterator), starting and then waiting, and what the API lacks.

The examples are built from the spec (parameter types, the start body's example, where the new
execution's id sits), so that every package's README shows code that type-checks against it
(tests/test_readmes.py runs mypy over the READMEs' Python blocks).

`info.x-exec-notes` (a list of sentences) says what the vendor's API does not have, or how to
get from an operation's answer to an execution where the spec cannot say it (Kapso's start
answers with a tracking id only); the README prints them as they are.
"""

from __future__ import annotations

import json
from typing import Any

from .derive import Derived, Operation
from .lifecycle import lifecycle_facts, success_body_schema
from .naming import python_name
from .spec import deref
from .vendor import _example_literal, endpoint_argument_names, minimal_body, response_type

NOTES = "x-exec-notes"


def _path_arguments(derived: Derived, op: Operation) -> list[str]:
    """Example values of the operation's path parameters, in template order."""
    document = derived.generator_input
    parameters = [deref(document, p, derived.path) for p in op.operation.get("parameters") or []]
    in_path = sorted(
        (p for p in parameters if p.get("in") == "path"),
        key=lambda p: (op.generator_path or op.path).find("{" + str(p["name"]) + "}"),
    )
    values = []
    for parameter in in_path:
        literal = _example_literal(document, parameter, derived, wait=False)
        if literal.startswith('"'):
            literal = f'"{python_name(parameter["name"]).removesuffix("_id")}-123"'
        values.append(literal)
    return values


def _required_query(derived: Derived, op: Operation) -> list[str]:
    document = derived.generator_input
    parameters = [deref(document, p, derived.path) for p in op.operation.get("parameters") or []]
    names = endpoint_argument_names(parameters)
    return [
        f"{names[('query', p['name'])]}={_example_literal(document, p, derived, wait=False)}"
        for p in parameters
        if p.get("in") == "query" and p.get("required")
    ]


def _body_example(derived: Derived, op: Operation) -> str | None:
    """The request body as a dict literal: the spec's example, else its required fields."""
    body = (op.operation.get("requestBody") or {}).get("content") or {}
    media = next((m for k, m in body.items() if "json" in k and isinstance(m, dict)), None)
    if media is None:
        return None
    example = media.get("example")
    if not isinstance(example, dict):
        example = minimal_body(derived.generator_input, media.get("schema", {}), derived.path)
    return json.dumps(example, default=str) if isinstance(example, dict) else None


def _operation_name(op: Operation) -> tuple[str, str]:
    parent, _, name = op.module.rpartition(".")
    return parent, name


def lifecycle_context(derived: Derived, polled: dict[str, Any] | None) -> dict[str, Any]:
    """The README's `lifecycle`: `paged` (one paged operation's example), `start` (start then
    wait), `roles` (operation name -> role), `notes`."""
    facts = lifecycle_facts(derived)
    document = derived.generator_input
    paged = None
    start = None
    for op in derived.operations:
        parent, name = _operation_name(op)
        pagination = facts[op.key]["pagination"]
        execution = facts[op.key]["execution"]
        if pagination and paged is None:
            success = success_body_schema(derived, op)
            item_type = "Any"
            if success is not None:
                schema: Any = success[1]
                for key in pagination["items"]:
                    schema = deref(document, schema, derived.path).get("properties", {}).get(key, {})
                schema = deref(document, schema, derived.path)
                item_type = response_type(document, schema.get("items"), derived.path, set()).removeprefix("models.")
            paged = {
                "parent": parent,
                "name": name,
                "args": ", ".join([*_path_arguments(derived, op), "client=client", *_required_query(derived, op)]),
                "item_type": item_type,
                "limit": pagination["limit"],
                "style": pagination["style"],
            }
        if execution and execution["role"] == "start" and start is None:
            body = _body_example(derived, op)
            args = [*_path_arguments(derived, op), "client=client", *_required_query(derived, op)]
            start = {
                "parent": parent,
                "name": name,
                "args": ", ".join(args + ([f"body={body}"] if body else [])),
                "id_expression": "started." + ".".join(execution["id_attributes"]) if "id_path" in execution else None,
                "wait_args": None,
            }
    if start and start["id_expression"] and polled and polled["path_params"]:
        # The wait helper's arguments with the id (its last path parameter) taken from the start answer.
        path_values = [p["wait_example"] for p in polled["path_params"]]
        path_values[-1] = start["id_expression"]
        start["wait_args"] = ", ".join(
            path_values + [f"{p['python_name']}={p['wait_example']}" for p in polled["query_params"]]
        )
    notes = derived.spec.get("info", {}).get(NOTES) or []
    return {
        "paged": paged,
        "start": start,
        "roles": {
            _operation_name(op)[1]: (facts[op.key]["execution"] or {}).get("role")
            for op in derived.operations
            if facts[op.key]["execution"]
        },
        "paged_names": [_operation_name(op)[1] for op in derived.operations if facts[op.key]["pagination"]],
        "notes": [" ".join(str(note).split()) for note in notes if isinstance(note, str)],
    }
