"""Every operation of every package against Prism serving the package's own spec, sync and async.

Prism validates each request against the spec (path and query formats, the required body fields),
so a 2xx here means the SDK sent what the vendor documents, and the typed answer decodes what the
spec says comes back. The arguments are built from each function's own signature and the spec's
request body example (else its required fields, each from its example where it has one).
"""

from __future__ import annotations

import datetime
import enum
import importlib
import inspect
import itertools
import pkgutil
import typing
import uuid
from types import ModuleType, UnionType
from typing import Any

import pytest

from support.prism import PrismServer
from support.schemas import resolve
from support.vendors import HTTP_METHODS, Vendor, selected


def operation_modules(vendor: Vendor) -> list[ModuleType]:
    api = importlib.import_module(f"{vendor.import_name}.api")
    modules = []
    for info in pkgutil.walk_packages(api.__path__, prefix=f"{api.__name__}."):
        module = importlib.import_module(info.name)
        if hasattr(module, "sync_detailed"):
            modules.append(module)
    return modules


def spec_operation(vendor: Vendor, name: str) -> dict[str, Any]:
    for item in vendor.spec["paths"].values():
        for method in HTTP_METHODS:
            operation = resolve(vendor.spec, item).get(method)
            if isinstance(operation, dict) and operation.get("operationId") == name:
                return operation
    raise AssertionError(f"{vendor.dist}: no operation {name} in its spec")


def sample(spec: dict[str, Any], schema: Any, depth: int = 0) -> Any:
    """A JSON value of `schema`: its example, else the first enum value, else its required fields."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or depth > 20:
        return None
    if "example" in schema:
        return schema["example"]
    if "enum" in schema:
        return next(value for value in schema["enum"] if value is not None)
    members = schema.get("anyOf") or schema.get("oneOf") or schema.get("allOf")
    if members:
        return sample(spec, next(m for m in members if resolve(spec, m).get("type") != "null"), depth + 1)
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties") or {}
        return {name: sample(spec, properties.get(name, {}), depth + 1) for name in schema.get("required") or []}
    if kind == "array":
        return []
    if schema.get("format") == "uuid":
        return str(uuid.uuid4())
    if schema.get("format") == "date-time":
        return "2026-01-01T00:00:00Z"
    return {"integer": 1, "number": 1.5, "boolean": True}.get(str(kind), "value-1")


def argument(hint: Any) -> Any:
    """A value of a parameter's annotated type (the first member of a union that is not None/Unset)."""
    if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union:
        members = [m for m in typing.get_args(hint) if m is not type(None) and getattr(m, "__name__", "") != "Unset"]
        return argument(members[0])
    if hint is uuid.UUID:
        return uuid.uuid4()
    if hint is int:
        return 1
    if hint is datetime.datetime:
        return datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return next(iter(hint))
    if typing.get_origin(hint) is list:
        return []
    return "value-1"


def call_arguments(vendor: Vendor, module: ModuleType) -> tuple[list[Any], dict[str, Any]]:
    """The positional path arguments and the required keyword arguments (body as a dict)."""
    hints = typing.get_type_hints(module.sync_detailed)
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for name, parameter in inspect.signature(module.sync_detailed).parameters.items():
        if name in ("client", "timeout"):
            continue
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            positional.append(argument(hints[name]))
        elif name == "body":
            operation = spec_operation(vendor, module.__name__.rpartition(".")[2])
            content = resolve(vendor.spec, operation["requestBody"])["content"]
            media = next(m for k, m in content.items() if "json" in k)
            keywords["body"] = media["example"] if "example" in media else sample(vendor.spec, media["schema"])
        elif parameter.default is inspect.Parameter.empty:
            keywords[name] = argument(hints[name])
    return positional, keywords


def cases() -> list[Any]:
    found = []
    for vendor in selected():
        for module in operation_modules(vendor):
            found.append(pytest.param(vendor, module, id=f"{vendor.name}-{module.__name__.rpartition('.')[2]}"))
    return found


def test_every_spec_operation_is_a_module() -> None:
    for vendor in selected():
        names = {module.__name__.rpartition(".")[2] for module in operation_modules(vendor)}
        ids = {
            str(operation["operationId"])
            for item in vendor.spec["paths"].values()
            for method in HTTP_METHODS
            if isinstance(operation := resolve(vendor.spec, item).get(method), dict)
        }
        assert names == ids, (vendor.dist, sorted(names ^ ids))


@pytest.mark.parametrize(("vendor", "module"), cases())
def test_operation_against_prism_sync(vendor: Vendor, module: ModuleType, prism: PrismServer) -> None:
    positional, keywords = call_arguments(vendor, module)
    with vendor.client(prism.url) as client:
        response = module.sync_detailed(*positional, client=client, **keywords)
        assert 200 <= response.status_code < 300, (response.status_code, response.content[:500])
        value = module.sync(*positional, client=client, **keywords)
    if response.content:
        assert response.parsed is not None
        assert type(value) is type(response.parsed)
    else:
        assert value is None


@pytest.mark.asyncio
@pytest.mark.parametrize(("vendor", "module"), cases())
async def test_operation_against_prism_async(vendor: Vendor, module: ModuleType, prism: PrismServer) -> None:
    positional, keywords = call_arguments(vendor, module)
    client = vendor.client(prism.url)
    try:
        response = await module.asyncio_detailed(*positional, client=client, **keywords)
    finally:
        await client.aclose()
    assert 200 <= response.status_code < 300, (response.status_code, response.content[:500])
    assert (response.parsed is not None) == bool(response.content)


@pytest.mark.parametrize(
    ("vendor", "module"), [c for c in cases() if "body" in inspect.signature(c.values[1].sync).parameters]
)
def test_a_body_that_does_not_fit_fails_before_any_request(vendor: Vendor, module: ModuleType) -> None:
    """A dict body with a field of the wrong type is refused as InvalidParameterError naming `body`;
    no request is sent (the client's base URL refuses connections)."""
    positional, keywords = call_arguments(vendor, module)
    hints = typing.get_type_hints(module.sync)
    model = next(m for m in typing.get_args(hints["body"]) if hasattr(m, "from_dict"))
    # A text field given an object: wrong whatever else the body holds.
    text = [f for f in model.__attrs_attrs__ if "str" in str(f.type) and "Any" not in str(f.type)]
    assert text, f"{model.__name__} declares no text field to get wrong"
    body = dict(keywords.get("body") or {})
    instance = model.from_dict(body)
    setattr(instance, text[0].name, "marker-text")  # its JSON name: where to_dict puts it
    key = next(k for k, v in instance.to_dict().items() if v == "marker-text")
    body[key] = {"not": "text"}
    with vendor.client("http://127.0.0.1:9") as client, pytest.raises(vendor.errors.InvalidParameterError) as caught:
        module.sync(*positional, client=client, **{**keywords, "body": body})
    assert caught.value.parameter == "body"


@pytest.mark.asyncio
@pytest.mark.parametrize(("vendor", "module"), [c for c in cases() if hasattr(c.values[1], "iterate")])
async def test_paged_operation_iterates_against_prism(vendor: Vendor, module: ModuleType, prism: PrismServer) -> None:
    """Prism answers the spec's example page (its paging fields say it is the last): both iterators
    end after it, with the page's items, typed."""
    positional, keywords = call_arguments(vendor, module)
    with vendor.client(prism.url) as client:
        page = module.sync(*positional, client=client, **keywords)
        items = list(itertools.islice(module.iterate(*positional, client=client, **keywords), 1000))
    client = vendor.client(prism.url)
    try:
        async_items = [item async for item in module.iterate_async(*positional, client=client, **keywords)]
    finally:
        await client.aclose()
    assert len(items) < 1000, "the listing did not end"
    assert [item.to_dict() for item in items] == [item.to_dict() for item in async_items]
    assert all(type(item).__name__ == type(items[0]).__name__ for item in items)
    assert page is not None
