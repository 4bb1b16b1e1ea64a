"""Realistic changes to each vendor's own spec, all at once, through the whole pipeline.

The kinds of change vendors make (a second operation, path-level parameters, camelCase
operationIds and new tags, a POST with an idempotency key and a `4XX` error, inline objects,
a discriminated union, a schema named `Response`, mixed security with a cookie scheme first,
the verdict moved to a second field, `$ref`s to components/parameters and responses) are
applied to a copy of every vendor's spec; each result must generate, import, pass
`mypy --strict` and keep its wait helper pointed at the polled operation's new module.
"""

from __future__ import annotations

import copy
import importlib
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import yaml
from conftest import VENDORS

from generator.pipeline import GeneratedPackage, build_package
from support.vendors import Vendor

Spec = dict[str, Any]


def _polled(spec: Spec) -> tuple[str, dict[str, Any], dict[str, Any]]:
    for path, item in spec["paths"].items():
        for operation in item.values():
            if isinstance(operation, dict) and "x-status-path" in operation:
                return path, item, operation
    raise AssertionError("no polled operation")


def _success_schema_name(operation: dict[str, Any]) -> str:
    ref: str = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    return ref.rsplit("/", 1)[1]


def path_level_parameters(spec: Spec) -> None:
    _, item, operation = _polled(spec)
    item["parameters"] = item.get("parameters", []) + [p for p in operation.get("parameters", []) if p["in"] == "path"]
    operation["parameters"] = [p for p in operation.get("parameters", []) if p["in"] != "path"]


def camel_case_id_and_new_tag(spec: Spec) -> None:
    _, _, operation = _polled(spec)
    operation["operationId"] = "getFlowExecution"
    operation["tags"] = ["Flow Executions"]


def a_list_operation(spec: Spec) -> None:
    path, item, operation = _polled(spec)
    list_path = path.rsplit("/", 1)[0] + "/all"
    path_params = [
        p
        for p in item.get("parameters", []) + operation.get("parameters", [])
        if p["in"] == "path" and "{" + p["name"] + "}" in list_path
    ]
    spec["paths"][list_path] = {
        "get": {
            "summary": "List executions",
            "parameters": [*path_params, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}}],
            "responses": {
                "200": {
                    "description": "A page.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "items": {
                                        "type": "array",
                                        "items": {"$ref": f"#/components/schemas/{_success_schema_name(operation)}"},
                                    },
                                    "next_cursor": {"type": ["string", "null"]},
                                },
                            }
                        }
                    },
                },
                "default": {
                    "description": "Any error.",
                    "content": {
                        "application/json": {
                            "schema": {"type": "object", "properties": {"message": {"type": "string"}}}
                        }
                    },
                },
            },
        }
    }


def a_keyed_post(spec: Spec) -> None:
    path, item, operation = _polled(spec)
    path_params = [p for p in item.get("parameters", []) + operation.get("parameters", []) if p["in"] == "path"]
    spec["paths"][path + "/cancel"] = {
        "parameters": path_params,
        "post": {
            "operationId": "cancel_execution",
            "x-idempotency-key": "Idempotency-Key",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["reason"],
                            "properties": {"reason": {"type": "string"}},
                        }
                    }
                },
            },
            "responses": {
                "202": {"description": "Accepted."},
                "4XX": {
                    "description": "Refused.",
                    "content": {
                        "application/problem+json": {
                            "schema": {"type": "object", "properties": {"detail": {"type": "string"}}}
                        }
                    },
                },
            },
        },
    }


def inline_objects_and_a_discriminator(spec: Spec) -> None:
    _, _, operation = _polled(spec)
    schemas = spec["components"]["schemas"]
    schemas["EmailTarget"] = {
        "type": "object",
        "properties": {"kind": {"const": "email"}, "address": {"type": "string"}},
    }
    schemas["SmsTarget"] = {"type": "object", "properties": {"kind": {"type": "string"}, "number": {"type": "string"}}}
    properties = schemas[_success_schema_name(operation)].setdefault("properties", {})
    properties["metadata"] = {
        "type": "object",
        "properties": {"tags": {"type": "array", "items": {"type": "object", "properties": {"k": {"type": "string"}}}}},
    }
    properties["target"] = {
        "oneOf": [{"$ref": "#/components/schemas/EmailTarget"}, {"$ref": "#/components/schemas/SmsTarget"}],
        "discriminator": {"propertyName": "kind", "mapping": {"sms": "#/components/schemas/SmsTarget"}},
    }
    properties["self"] = {"type": "string"}


def mixed_security(spec: Spec) -> None:
    schemes = spec["components"]["securitySchemes"]
    # The document's security, else (a spec that sets it per operation) the polled operation's.
    _, _, operation = _polled(spec)
    holder = spec if "security" in spec else operation
    ((main,),) = [list(requirement) for requirement in holder["security"][:1]]
    schemes["cookieAuth"] = {"type": "apiKey", "in": "cookie", "name": "sid"}
    schemes["org"] = {"type": "apiKey", "in": "header", "name": "X-Org-ID"}
    holder["security"] = [{"cookieAuth": []}, {main: [], "org": []}]
    spec["paths"]["/health"] = {
        "get": {"operationId": "health", "security": [], "responses": {"204": {"description": "Up."}}}
    }


def a_schema_named_response(spec: Spec) -> Spec:
    _, _, operation = _polled(spec)
    name = _success_schema_name(operation)
    text = re.sub(
        rf"#/components/schemas/{re.escape(name)}(?![\w.-])", "#/components/schemas/Response", yaml.safe_dump(spec)
    )
    renamed: Spec = yaml.safe_load(text)
    renamed["components"]["schemas"]["Response"] = renamed["components"]["schemas"].pop(name)
    renamed["components"]["schemas"]["Response"].pop("x-class-name", None)  # its class is named after it
    return renamed


def refs_to_components(spec: Spec) -> None:
    _, item, operation = _polled(spec)
    components = spec["components"]
    for holder in (item, operation):
        refs = []
        for parameter in holder.get("parameters", []):
            key = f"{parameter['in']}_{parameter['name']}"
            components.setdefault("parameters", {})[key] = parameter
            refs.append({"$ref": f"#/components/parameters/{key}"})
        if refs:
            holder["parameters"] = refs
    components.setdefault("responses", {})["Found"] = operation["responses"]["200"]
    operation["responses"]["200"] = {"$ref": "#/components/responses/Found"}


CHANGES: list[Callable[[Spec], Spec | None]] = [
    a_list_operation,
    path_level_parameters,
    camel_case_id_and_new_tag,
    a_keyed_post,
    inline_objects_and_a_discriminator,
    mixed_security,
    a_schema_named_response,
    refs_to_components,
]


def changed_spec(vendor: Vendor) -> Spec:
    spec: Spec = copy.deepcopy(vendor.spec)
    for change in CHANGES:
        spec = change(spec) or spec
    return spec


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, GeneratedPackage]]:
    results: dict[str, GeneratedPackage] = {}
    paths: list[str] = []
    for vendor in VENDORS:
        workdir = tmp_path_factory.mktemp(f"changed-{vendor.name}")
        spec_file = workdir / "openapi.yaml"
        spec_file.write_text(yaml.safe_dump(changed_spec(vendor), sort_keys=False), encoding="utf-8")
        name = f"changed_{vendor.import_name}"
        results[vendor.name] = build_package(
            spec_file, vendor=name, dist=name, import_name=name, env_prefix="CHANGED", workdir=workdir, verify=True
        )
        paths.append(str(results[vendor.name].directory))
    sys.path[:0] = paths
    try:
        yield results
    finally:
        for path in paths:
            sys.path.remove(path)


@pytest.mark.parametrize("vendor", VENDORS, ids=[v.name for v in VENDORS])
def test_every_change_at_once_generates_a_proven_package(vendor: Vendor, built: dict[str, GeneratedPackage]) -> None:
    package = built[vendor.name]
    name = package.package.import_name
    assert package.polled is not None
    assert package.polled["module"] == "api.flow_executions.get_flow_execution"
    wait = importlib.import_module(f"{name}.wait")
    # The wait helper polls the operation at its new module path.
    assert wait.get_flow_execution.__name__ == f"{name}.api.flow_executions.get_flow_execution"
    modules = {op.module for op in package.derived.operations}
    assert "api.default.cancel_execution" in modules and "api.default.health" in modules
    models = importlib.import_module(f"{name}.models")
    assert hasattr(models, "ResponseModel") and hasattr(models, "UnknownVariant")
    client = importlib.import_module(name).AuthenticatedClient
    parameters = client.__init__.__code__.co_varnames
    assert "org_id" in parameters  # the second scheme of the AND requirement is a parameter of its own
    cancel = importlib.import_module(f"{name}.api.default.cancel_execution")
    request = cancel._get_kwargs(**_path_arguments(cancel), body=models.CancelExecutionBody(reason="r"))
    assert request["retry"] == "keyed" and request["json"] == {"reason": "r"}
    assert request["headers"]["Idempotency-Key"]


def _path_arguments(module: Any) -> dict[str, Any]:
    code = module._get_kwargs.__code__
    names = code.co_varnames[: code.co_argcount]
    return {name: 1 if "run_id" in name else f"{name}-1" for name in names}
