"""Forward compatibility of the generated models: open enums, optional fields that are null or
absent, and unknown fields kept at every level. Bodies go through the endpoint over a real
socket (ScriptedServer), sync and async, and come back out through `to_dict()`.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import vendors_where

from support import built
from support.calls import example, get, open_client
from support.schemas import Path, at, flatten, removed, replaced
from support.schemas import fields as schema_fields
from support.scripted import Reply, ScriptedServer
from support.vendors import ROOT, Vendor, normalise, python_name

Server = ScriptedServer


async def parse_all(vendor: Vendor, mode: str, bodies: list[Any]) -> list[Any]:
    """Each body served as a 200 and parsed by the endpoint, in order."""
    with Server([Reply(200, body) for body in bodies]) as server:
        async with open_client(vendor, server.url) as client:
            results = [await get(vendor, mode, client) for _ in bodies]
    assert len(server.requests) == len(bodies)
    return results


# --- walking an example body alongside its schema ---------------------------------------------

UNKNOWN_STR = "SOMETHING_NEW"
UNKNOWN_INT = 424242


def fields(vendor: Vendor, body: Any) -> list[tuple[Path, Any, bool]]:
    return schema_fields(vendor.spec, vendor.success_schema, body)


def optional_paths(vendor: Vendor, body: Any) -> list[Path]:
    paths = [path for path, _, required in fields(vendor, body) if not required]
    assert paths, f"{vendor.name}: the example has no optional field"
    return paths


def enum_paths(vendor: Vendor, body: Any) -> list[tuple[Path, Any]]:
    """(path, unknown value of the right JSON type) of every enum-typed field in `body` (maybe none)."""
    found = []
    for path, schema, _ in fields(vendor, body):
        for view in flatten(vendor.spec, schema):
            if "enum" in view:
                found.append((path, UNKNOWN_INT if view.get("type") == "integer" else UNKNOWN_STR))
                break
    return found


def with_extra_fields(data: Any, seen: list[int]) -> Any:
    """A copy of `data` with one unknown field added to every object, at every depth."""
    if isinstance(data, dict):
        seen[0] += 1
        copied = {key: with_extra_fields(value, seen) for key, value in data.items()}
        copied["x_sdk_future_field"] = {"added": "later", "depth": seen[0], "list": [1, None, "x"]}
        return copied
    if isinstance(data, list):
        return [with_extra_fields(value, seen) for value in data]
    return data


def status_of(result: Any, vendor: Vendor) -> Any:
    for key in vendor.status_path:
        result = getattr(result, python_name(key))
    return result


def enum_classes(import_name: str) -> list[Any]:
    """The enum classes of a package's models (a spec may have none)."""
    models = importlib.import_module(f"{import_name}.models")
    return [cls for _, cls in inspect.getmembers(models, inspect.isclass) if issubclass(cls, enum.Enum)]


def has_enums(vendor: Vendor) -> bool:
    return bool(enum_classes(vendor.import_name))


@pytest.fixture(scope="module")
def corpus_enums() -> Iterator[list[Any]]:
    """The enum classes of tests/corpus/schema_enums.yaml (string and integer enums), generated:
    the open-enum checks hold there whatever enums the vendors' specs have."""
    directory = built.build(ROOT / "tests" / "corpus" / "schema_enums.yaml", "enums_exec")
    sys.path.insert(0, str(directory))
    try:
        found = enum_classes("enums_exec")
        assert any(issubclass(cls, int) for cls in found) and any(issubclass(cls, str) for cls in found), found
        yield found
    finally:
        sys.path.remove(str(directory))


# --- open enums ---------------------------------------------------------------------------------


def assert_open_enums(classes: list[Any]) -> None:
    """Each enum class takes an unknown value of its JSON type as a non-member that compares equal."""
    for cls in classes:
        is_int = issubclass(cls, int)
        assert is_int or issubclass(cls, str), cls
        raw: str | int = UNKNOWN_INT if is_int else UNKNOWN_STR
        member: Any = cls(raw)
        assert isinstance(member, cls)
        assert member == raw
        assert raw == member
        assert member.value == raw
        assert type(member.value) is type(raw)
        assert member.is_unknown is True
        assert str(member) == str(raw)
        assert member not in list(cls)  # never added to the class's members
        assert cls(raw) == member
        # Values of the wrong JSON type are still rejected.
        with pytest.raises(ValueError):
            cls("not-a-number" if is_int else 12345)


def assert_known_values_are_members(classes: list[Any]) -> None:
    for cls in classes:
        members: list[Any] = list(cls)
        assert members, cls
        for member in members:
            assert cls(member.value) is member
            assert member.is_unknown is False
            assert member == member.value


@pytest.mark.parametrize("vendor", vendors_where(has_enums))
def test_every_enum_accepts_unknown_values(vendor: Vendor) -> None:
    assert_open_enums(enum_classes(vendor.import_name))


@pytest.mark.parametrize("vendor", vendors_where(has_enums))
def test_known_enum_values_are_the_members(vendor: Vendor) -> None:
    assert_known_values_are_members(enum_classes(vendor.import_name))


def test_every_enum_accepts_unknown_values_corpus(corpus_enums: list[Any]) -> None:
    assert_open_enums(corpus_enums)


def test_known_enum_values_are_the_members_corpus(corpus_enums: list[Any]) -> None:
    assert_known_values_are_members(corpus_enums)


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", vendors_where(lambda v: v.status_enum is not None))
async def test_unknown_status_round_trips_through_the_endpoint(vendor: Vendor, mode: str) -> None:
    known = example(vendor)
    unknown = replaced(known, vendor.status_path, UNKNOWN_STR)
    known_result, unknown_result = await parse_all(vendor, mode, [known, unknown])

    status: Any = status_of(unknown_result, vendor)
    assert issubclass(type(status), enum.Enum)  # (issubclass: keeps mypy from narrowing the Any)
    assert status.is_unknown is True
    assert status == UNKNOWN_STR
    assert status.value == UNKNOWN_STR
    assert at(unknown_result.to_dict(), vendor.status_path) == UNKNOWN_STR
    assert normalise(unknown_result.to_dict()) == normalise(unknown)

    known_status: Any = status_of(known_result, vendor)
    assert known_status.is_unknown is False
    assert known_status is type(known_status)(at(known, vendor.status_path))
    assert status.__class__ is known_status.__class__


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", vendors_where(lambda v: bool(enum_paths(v, example(v)))))
async def test_unknown_values_in_every_enum_field_round_trip(vendor: Vendor, mode: str) -> None:
    body = example(vendor)
    cases = enum_paths(vendor, body)
    everything = body
    for path, value in cases:
        everything = replaced(everything, path, value)
    bodies = [replaced(body, path, value) for path, value in cases] + [everything]
    results = await parse_all(vendor, mode, bodies)
    for sent, result in zip(bodies, results, strict=True):
        assert normalise(result.to_dict()) == normalise(sent)


# --- optional fields: null or absent -----------------------------------------------------------


@pytest.mark.asyncio
async def test_each_optional_field_may_be_null(vendor: Vendor, mode: str) -> None:
    body = example(vendor)
    paths = optional_paths(vendor, body)
    bodies = [replaced(body, path, None) for path in paths]
    results = await parse_all(vendor, mode, bodies)
    for path, sent, result in zip(paths, bodies, results, strict=True):
        out = result.to_dict()
        assert at(out, path) is None, path
        assert normalise(out) == normalise(sent), path


@pytest.mark.asyncio
async def test_all_optional_fields_null_at_once(vendor: Vendor, mode: str) -> None:
    body = example(vendor)
    nulled = body
    for path in reversed(optional_paths(vendor, body)):  # children before their parents
        nulled = replaced(nulled, path, None)
    (result,) = await parse_all(vendor, mode, [nulled])
    assert normalise(result.to_dict()) == normalise(nulled)


@pytest.mark.asyncio
async def test_each_optional_field_may_be_absent(vendor: Vendor, mode: str) -> None:
    body = example(vendor)
    paths = optional_paths(vendor, body)
    bodies = [removed(body, path) for path in paths]
    results = await parse_all(vendor, mode, bodies)
    for path, sent, result in zip(paths, bodies, results, strict=True):
        out = result.to_dict()
        parent = at(out, path[:-1])
        assert path[-1] not in parent, path
        assert normalise(out) == normalise(sent), path


@pytest.mark.asyncio
async def test_all_optional_fields_absent_at_once(vendor: Vendor, mode: str) -> None:
    body = example(vendor)
    bare = body
    for path in reversed(optional_paths(vendor, body)):
        bare = removed(bare, path)
    (result,) = await parse_all(vendor, mode, [bare])
    assert normalise(result.to_dict()) == normalise(bare)


# --- unknown fields --------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_unknown_fields_are_kept_at_every_level(vendor: Vendor, mode: str) -> None:
    counter = [0]
    extended = with_extra_fields(example(vendor), counter)
    # The root, and every nested object the example has (a flat body has none); the equality
    # below shows each kept its extra field.
    assert counter[0] >= 1
    (result,) = await parse_all(vendor, mode, [extended])
    assert "x_sdk_future_field" in result
    assert result["x_sdk_future_field"] == extended["x_sdk_future_field"]
    assert normalise(result.to_dict()) == normalise(extended)
