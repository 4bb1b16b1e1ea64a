"""The error models and the polled execution are typed from the spec: `mypy --strict` reveals
`NotFoundError.parsed` as the models the spec documents for 404 (| None), and so on for every
status error, the base `APIStatusError` (every documented error model) and
`WaitTimeoutError.last_execution` (the polled success model | None).

The expectations are read from each spec here, independently of the generator: for a status,
each operation's response is the exact code, else its range (`4XX`), else `default`; a class
covers its statuses (`InternalServerError` 500-599); a class whose statuses nothing documents
has the base's union. Checked for every vendor package and two corpus-style specs: several
operations with differing models, and none at all.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support import built
from support.schemas import resolve
from support.scripted import Reply, ScriptedServer
from support.vendors import HTTP_METHODS, Vendor, component_class_name, json_media, selected

# The hierarchy errors.py documents: the class raised for each status.
NAMED = {
    "BadRequestError": [400],
    "AuthenticationError": [401],
    "PermissionDeniedError": [403],
    "NotFoundError": [404],
    "ConflictError": [409],
    "UnprocessableEntityError": [422],
    "RateLimitError": [429],
    "InternalServerError": list(range(500, 600)),
}
NON_2XX = [status for status in range(100, 600) if not 200 <= status < 300]


def spec_operations(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in spec["paths"].values():
        item = resolve(spec, item)
        for method in HTTP_METHODS:
            if method in item:
                yield item[method]


def documented_model(spec: dict[str, Any], operation: dict[str, Any], status: int, models: Any) -> str | None:
    """The class of the JSON model `operation` documents for `status`, if any."""
    responses = {str(k).upper(): v for k, v in operation.get("responses", {}).items()}
    key = next((k for k in (str(status), f"{status // 100}XX", "DEFAULT") if k in responses), None)
    if key is None:
        return None
    media = json_media(resolve(spec, responses[key]))
    if media is None or "schema" not in media:
        return None
    ref = media["schema"].get("$ref", "")
    if not ref:
        # An inline schema is named after its operation and status (the naming rule of generator.naming).
        words = re.split(r"[^A-Za-z0-9]+", str(operation["operationId"]))
        return "".join(word[:1].upper() + word[1:] for word in words if word) + "Response" + key
    assert ref.startswith("#/components/schemas/"), f"response {key} of {operation.get('operationId')}: {ref}"
    name = component_class_name(spec, ref)
    return name if hasattr(models, name) else name + "Model"


def expected_types(spec: dict[str, Any], models: Any) -> dict[str, set[str]]:
    """Class -> the short names `parsed` is a union of (None included)."""

    def union(statuses: list[int]) -> set[str]:
        found = {documented_model(spec, op, s, models) for op in spec_operations(spec) for s in statuses}
        return found - {None}  # type: ignore[return-value]

    everything = union(NON_2XX)
    expected = {"APIStatusError": everything | {"None"}}
    for cls, statuses in NAMED.items():
        expected[cls] = (union(statuses) or everything) | {"None"}
    return expected


def polled_model(spec: dict[str, Any], models: Any) -> str | None:
    for operation in spec_operations(spec):
        if "x-status-path" in operation:
            return documented_model(spec, operation, 200, models)
    return None


def reveal_snippet(import_name: str) -> tuple[str, dict[int, str]]:
    """A module catching each status error and revealing `parsed` (and the wait timeout's
    `last_execution`); returns it and the class revealed on each line."""
    classes = [*NAMED, "APIStatusError"]
    lines = [f"from {import_name} import {', '.join(classes)}, WaitTimeoutError", "", "", "def check() -> None:"]
    lines.append("    try:")
    lines.append("        pass")
    at: dict[int, str] = {}
    for index, cls in enumerate([*classes, "WaitTimeoutError"]):
        attribute = "last_execution" if cls == "WaitTimeoutError" else "parsed"
        lines.append(f"    except {cls} as e{index}:")
        lines.append(f"        reveal_type(e{index}.{attribute})")
        at[len(lines)] = cls
    return "\n".join(lines) + "\n", at


def packages_under_test() -> list[tuple[str, dict[str, Any], Path | None]]:
    """(import name, spec, directory to put on the path or None when installed)."""
    found: list[tuple[str, dict[str, Any], Path | None]] = [(v.import_name, v.spec, None) for v in selected()]
    for directory, name, spec in (built.typed_errors(), built.bare()):
        found.append((name, spec, directory))
    return found


@pytest.fixture(scope="module")
def revealed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, set[str]]]:
    """Per package, per class: the short type names mypy revealed (one mypy run for all)."""
    packages = packages_under_test()
    files: dict[str, str] = {}
    lines: dict[str, dict[int, str]] = {}
    for name, _, _ in packages:
        files[f"reveal_{name}.py"], lines[name] = reveal_snippet(name)
    paths = [directory for _, _, directory in packages if directory is not None]
    types = built.mypy_reveal(files, paths=paths, cwd=tmp_path_factory.mktemp("reveal"))
    return {
        name: {cls: built.short_names(types[(f"reveal_{name}.py", line)]) for line, cls in lines[name].items()}
        for name, _, _ in packages
    }


@pytest.fixture(scope="module")
def on_path() -> Iterator[None]:
    directories = [str(directory) for directory in (built.typed_errors()[0], built.bare()[0])]
    sys.path[:0] = directories
    yield
    for directory in directories:
        sys.path.remove(directory)


def package_ids() -> list[str]:
    return [v.import_name for v in selected()] + ["typed_errors_exec", "bare_exec"]


@pytest.mark.parametrize("import_name", package_ids())
def test_each_status_error_reveals_its_documented_models(
    import_name: str, revealed: dict[str, dict[str, set[str]]], on_path: None
) -> None:
    spec = next(spec for name, spec, _ in packages_under_test() if name == import_name)
    models = importlib.import_module(f"{import_name}.models")
    for cls, names in expected_types(spec, models).items():
        assert revealed[import_name][cls] == names, (cls, revealed[import_name][cls], names)


@pytest.mark.parametrize("import_name", package_ids())
def test_wait_timeout_reveals_the_polled_model(
    import_name: str, revealed: dict[str, dict[str, set[str]]], on_path: None
) -> None:
    spec = next(spec for name, spec, _ in packages_under_test() if name == import_name)
    model = polled_model(spec, importlib.import_module(f"{import_name}.models"))
    assert revealed[import_name]["WaitTimeoutError"] == ({model, "None"} if model else {"None"})


class _EveryName:
    """A models module stand-in that has every class (for reading expectations off a spec)."""

    def __getattr__(self, name: str) -> str:
        return name


def test_the_corpus_spec_has_what_these_tests_need() -> None:
    """The multi-operation spec really differs per status (else the test above proves little)."""
    spec = built.typed_errors()[2]
    models = _EveryName()
    expected = expected_types(spec, models)
    assert len({frozenset(names) for names in expected.values()}) >= 4, expected
    assert all(len(expected[cls]) > 2 for cls in ("NotFoundError", "InternalServerError")), expected
    bare_expected = expected_types(built.bare()[2], models)
    assert set(map(frozenset, bare_expected.values())) == {frozenset({"None"})}


def test_runtime_parsed_matches_the_type(vendor: Vendor) -> None:
    """Over a real socket: every documented error status gives a `parsed` of a class its type names."""
    statuses = sorted({int(k) for k in vendor.responses if k.isdigit() and not k.startswith("2")})
    models = importlib.import_module(f"{vendor.import_name}.models")
    expected = expected_types(vendor.spec, models)
    for status in statuses:
        key = vendor.documented_response(status)
        schema = vendor.response_schema(key) if key else None
        if schema is None:
            continue
        body = vendor.fixture(f"error-{key}.json")
        with ScriptedServer([Reply(status, body)]) as server, vendor.client(server.url, max_retries=0) as client:
            with pytest.raises(vendor.errors.APIStatusError) as caught:
                vendor.endpoint.sync(**vendor.call_kwargs(), client=client)
        cls = type(caught.value).__name__
        names = expected.get(cls, expected["APIStatusError"])
        assert type(caught.value.parsed).__name__ in names, (status, cls, caught.value.parsed, names)
