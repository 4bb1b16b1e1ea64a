"""The specs themselves: valid OpenAPI, examples that fit their schemas, fixtures that match."""

from __future__ import annotations

from typing import Any

from openapi_spec_validator import validate

from support.schemas import validator_for
from support.vendors import Vendor


def test_spec_is_valid_openapi(vendor: Vendor) -> None:
    validate(vendor.spec)


def test_every_documented_response_has_a_validating_example(vendor: Vendor) -> None:
    examples = vendor.spec_examples()
    assert vendor.success_status in examples, f"{vendor.name}: the success response needs an example"
    for status, example in examples.items():
        schema = vendor.response_schema(status)
        assert schema is not None, f"{vendor.name} {status}: an example without a JSON schema"
        errors = list(validator_for(vendor.spec, schema).iter_errors(example))
        assert not errors, f"{vendor.name} {status}: {[e.message for e in errors]}"


def test_fixtures_are_the_spec_examples(vendor: Vendor) -> None:
    """A fixture file, where there is one, is the spec's example of that response."""
    examples = vendor.spec_examples()
    assert vendor.fixture("example-200.json") == examples[vendor.success_status]
    for name in vendor.fixture_names("error-"):
        status = name.removeprefix("error-").removesuffix(".json")
        assert status in examples, f"{vendor.name}: {name} has no example in the spec's {status} response"
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
