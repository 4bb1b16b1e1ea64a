"""Property-based: every body the spec's schemas allow decodes, and encodes back to itself.

The bodies come from hypothesis-jsonschema, drawn from each spec's 200-response schema with
the `$ref`s inlined (support.strategies). They include what the schema allows but the page
example never shows: absent optional fields, `null` where a type admits it, unknown keys on
every object without `additionalProperties: false`, any JSON in free-form fields, extreme
numbers, non-ASCII strings, date-times in any offset, UUIDs in either case.

Each decoded body also keeps which fields were sent (`model_fields_set`) through the round trip.

`EXEC_SDKS_HYPOTHESIS_EXAMPLES` whole bodies per vendor (CI: 200), then
`EXEC_SDKS_HYPOTHESIS_COMPONENT_EXAMPLES` per object component (CI: 25), each decoded by its
own model class, since nested components are rare in whole bodies (a Tracecat
InteractionContext is in almost none of 200 executions); those component draws also go
through the differential walk against the pydantic oracle (one draw, both checks).
"""

from __future__ import annotations

import importlib
import json
import re
import typing
from typing import Any

import jsonschema
from hypothesis import given

from support.differential import Walk
from support.jsoncompare import json_difference
from support.strategies import (
    COMPONENT_EXAMPLES,
    COMPONENT_SETTINGS,
    EXAMPLES,
    PROPERTY_SETTINGS,
    component_bodies,
    component_json_schema,
    object_components,
    success_bodies,
    success_json_schema,
)
from support.vendors import Vendor


def success_model(vendor: Vendor) -> Any:
    return typing.get_type_hints(vendor.endpoint.sync)["return"]


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def round_trips(model: Any, check: jsonschema.Draft202012Validator, body: Any) -> None:
    """`body` decodes into `model`, re-encodes to the same JSON, and decoding that is a fixed point."""
    # The strategy must only draw valid bodies, or a failure below would prove nothing.
    errors = [e.message for e in check.iter_errors(body)]
    assert not errors, f"the strategy drew an invalid body: {errors}"

    decoded = model.from_dict(body)
    assert type(decoded) is model

    encoded = decoded.to_dict()
    # JSON-ready: json.dumps accepts it, and the JSON is the body received.
    wire = json.loads(json.dumps(encoded))
    difference = json_difference(wire, body)
    assert difference is None, f"re-encoded body differs from the one received: {difference}"

    again_model = model.from_dict(encoded)
    again = again_model.to_dict()
    difference = json_difference(again, encoded)
    assert difference is None, f"to_dict -> from_dict -> to_dict is not stable: {difference}"
    # What was sent survives the round trip too (null vs absent), and to_json is to_dict as text.
    assert again_model == decoded
    assert again_model.model_fields_set == decoded.model_fields_set
    assert json.loads(decoded.to_json()) == json.loads(json.dumps(encoded))


def test_every_schema_valid_body_decodes_and_round_trips(vendor: Vendor) -> None:
    model = success_model(vendor)
    check = validator(success_json_schema(vendor))
    ran = 0

    @PROPERTY_SETTINGS
    @given(body=success_bodies(vendor))
    def run(body: Any) -> None:
        nonlocal ran
        ran += 1
        round_trips(model, check, body)

    run()
    assert ran >= EXAMPLES, f"only {ran} of {EXAMPLES} examples ran"


def test_every_component_decodes_round_trips_and_agrees_with_the_oracle(vendor: Vendor) -> None:
    names = object_components(vendor)
    assert names
    ran = dict.fromkeys(names, 0)

    oracle_module = importlib.import_module(f"oracle.{vendor.name}")

    def runner(name: str) -> Any:
        model = vendor.model_class(f"#/components/schemas/{name}")
        check = validator(component_json_schema(vendor, name))
        # The oracle names a class after the component (`DSLConfig-Output` -> `DSLConfigOutput`).
        oracle = getattr(oracle_module, name, None) or getattr(oracle_module, re.sub(r"\W|_", "", name))
        walk = Walk(vendor)

        @COMPONENT_SETTINGS
        @given(body=component_bodies(vendor, name))
        def run(body: Any) -> None:
            ran[name] += 1
            round_trips(model, check, body)
            # And the differential (test_differential) at this level, on the same draw.
            walk.model(model.from_dict(body), oracle.model_validate(body), body, name)

        return run

    for name in names:
        runner(name)()
    short = {name: count for name, count in ran.items() if count < COMPONENT_EXAMPLES}
    assert not short, f"fewer than {COMPONENT_EXAMPLES} examples ran for {short}"
