"""Every documented parameter's description reaches its endpoint functions' docstrings (and the
wait helper's): the Parameter object's own description, else its schema's (through `$ref`),
including a `$ref` parameter from components. Whitespace is compared loosely (docstrings wrap).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from generator.naming import python_name, tag_module
from support import built
from support.schemas import resolve
from support.vendors import HTTP_METHODS, Vendor

FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed", "sync_with_response", "asyncio_with_response")


def squash(text: str) -> str:
    return " ".join(text.split())


def described_parameters(spec: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str, str]]:
    """(operation, parameter name, description) for every parameter the spec describes."""
    for item in spec["paths"].values():
        item = resolve(spec, item)
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            merged = {}
            for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                parameter = resolve(spec, parameter)
                merged[(parameter["name"], parameter["in"])] = parameter
            for parameter in merged.values():
                text = parameter.get("description") or resolve(spec, parameter.get("schema", {})).get("description")
                if text:
                    yield operation, parameter["name"], text


def module_of(import_name: str, operation: dict[str, Any]) -> Any:
    tag = tag_module(str((operation.get("tags") or ["default"])[0]))
    return importlib.import_module(f"{import_name}.api.{tag}.{python_name(operation['operationId'])}")


def check(import_name: str, spec: dict[str, Any]) -> int:
    checked = 0
    for operation, name, text in described_parameters(spec):
        module = module_of(import_name, operation)
        for function in FUNCTIONS:
            doc = squash(getattr(module, function).__doc__ or "")
            assert squash(text) in doc, (module.__name__, function, name, text)
        checked += 1
    return checked


def test_vendor_parameter_descriptions_are_in_the_docstrings(vendor: Vendor) -> None:
    assert check(vendor.import_name, vendor.spec) >= 1


def test_wait_helper_documents_its_arguments(vendor: Vendor) -> None:
    wait = importlib.import_module(f"{vendor.import_name}.wait")
    for where in ("path", "query"):
        for parameter in vendor.parameters(where):
            if where == "query" and not parameter.get("required"):
                continue
            if parameter.get("description"):
                # (`wait_for_execution_async` refers to it: "the async twin of `wait_for_execution`")
                doc = squash(wait.wait_for_execution.__doc__ or "")
                assert squash(parameter["description"]) in doc, parameter["name"]


@pytest.fixture(scope="module")
def typed_errors() -> Iterator[tuple[str, dict[str, Any]]]:
    directory, name, spec = built.typed_errors()
    sys.path.insert(0, str(directory))
    yield name, spec
    sys.path.remove(str(directory))


def test_every_place_a_spec_describes_a_parameter(typed_errors: tuple[str, dict[str, Any]]) -> None:
    name, spec = typed_errors
    found = {(op["operationId"], param) for op, param, _ in described_parameters(spec)}
    # On the Parameter, on its $ref schema only, a $ref parameter, on an inline schema only.
    assert {("get_run", "run_id"), ("get_run", "view"), ("get_run", "X-Trace-Id"), ("delete_run", "run_id")} <= found
    assert check(name, spec) == len(found)
    get_run = importlib.import_module(f"{name}.api.runs.get_run")
    assert "view (RunView | Unset): How much of the run to return." in get_run.sync.__doc__
