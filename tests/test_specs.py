"""The specs themselves: valid OpenAPI, examples that fit their schemas, fixtures that match."""

from __future__ import annotations

from typing import Any

from openapi_spec_validator import validate

from support.schemas import validator_for
from support.vendors import Vendor, load_spec


def test_spec_is_valid_openapi(vendor: Vendor) -> None:
    validate(load_spec(vendor.spec_path))  # the document as published, not the tests' 3.1 view of it


def test_every_documented_response_has_a_validating_example(vendor: Vendor) -> None:
    """The success body the tests use (a fixture file, else the spec's example; README's "Adding a
    vendor" asks for one of them) and every example the spec or the fixtures give fit their schemas."""
    examples: dict[str, Any] = {vendor.success_status: vendor.fixture("example-200.json")}
    examples |= {
        name.removeprefix("error-").removesuffix(".json"): vendor.fixture(name)
        for name in vendor.fixture_names("error-")
    }
    for status, example in [*vendor.spec_examples().items(), *examples.items()]:
        schema = vendor.response_schema(status)
        assert schema is not None, f"{vendor.name} {status}: an example without a JSON schema"
        errors = list(validator_for(vendor.spec, schema).iter_errors(example))
        assert not errors, f"{vendor.name} {status}: {[e.message for e in errors]}"


def test_fixtures_are_the_spec_examples(vendor: Vendor) -> None:
    """A fixture file, where the spec also has an example of that response, is that example."""
    examples = vendor.spec_examples()
    names = ["example-200.json", *vendor.fixture_names("error-")]
    statuses = [vendor.success_status, *(name.removeprefix("error-").removesuffix(".json") for name in names[1:])]
    for name, status in zip(names, statuses, strict=True):
        if status in examples:
            assert vendor.fixture(name) == examples[status], name


def test_status_path_reaches_the_status_enum(vendor: Vendor) -> None:
    value: Any = vendor.fixture("example-200.json")
    for key in vendor.status_path:
        value = value[key]
    terminal = vendor.terminal_sets
    success, failure, done = set(terminal["success"]), set(terminal["failure"]), set(terminal["done"])
    assert not (success & failure) | (done & (success | failure))
    if vendor.status_enum is not None:
        assert value in vendor.status_enum["enum"]
        assert success | failure | done <= set(vendor.status_enum["enum"])
    if done:
        assert vendor.outcome_path and (vendor.outcome_sets["success"] or vendor.outcome_sets["failure"])
