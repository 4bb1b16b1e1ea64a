"""The specs themselves: valid OpenAPI, examples that fit their schemas, fixtures that match."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_spec_validator import validate

from support.schemas import resolve, validator_for
from support.vendors import Vendor


def test_spec_is_valid_openapi(vendor: Vendor) -> None:
    validate(vendor.spec)


def _examples(vendor: Vendor) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for status, response in vendor.operation["responses"].items():
        media = response.get("content", {}).get("application/json")
        if media and "example" in media:
            found.append((status, media))
    return found


def test_every_documented_response_has_a_validating_example(vendor: Vendor) -> None:
    examples = _examples(vendor)
    assert {"200", "401"} <= {status for status, _ in examples}
    for status, media in examples:
        errors = list(validator_for(vendor.spec, media["schema"]).iter_errors(media["example"]))
        assert not errors, f"{vendor.name} {status}: {[e.message for e in errors]}"


def test_fixtures_are_the_spec_examples(vendor: Vendor) -> None:
    by_status = dict(_examples(vendor))
    assert vendor.fixture("example-200.json") == by_status["200"]["example"]
    for name in vendor.fixture_names("error-"):
        status = name.removeprefix("error-").removesuffix(".json")
        assert vendor.fixture(name) == by_status[status]["example"], name


def test_status_path_reaches_the_status_enum(vendor: Vendor) -> None:
    schema = resolve(vendor.spec, vendor.success_schema)
    value: Any = vendor.fixture("example-200.json")
    for key in vendor.status_path:
        schema = resolve(vendor.spec, schema["properties"][key])
        value = value[key]
    enum_schema = next(
        resolve(vendor.spec, s) for s in [schema, *schema.get("anyOf", [])] if "enum" in resolve(vendor.spec, s)
    )
    assert value in enum_schema["enum"]
    terminal = enum_schema["x-terminal-statuses"]
    assert set(terminal["success"]) | set(terminal["failure"]) <= set(enum_schema["enum"])
    assert not set(terminal["success"]) & set(terminal["failure"])


@pytest.mark.parametrize("key", ["discriminator"])
def test_spec_uses_no_unsupported_keyword(vendor: Vendor, key: str) -> None:
    assert key not in vendor.spec_path.read_text(encoding="utf-8")
