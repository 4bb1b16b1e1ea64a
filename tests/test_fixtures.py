"""The vendor pages' example responses decode into the typed models and encode back unchanged."""

from __future__ import annotations

import typing

from support.vendors import Vendor, normalise, python_name


def success_model(vendor: Vendor) -> typing.Any:
    return typing.get_type_hints(vendor.endpoint.sync)["return"]


def test_page_example_round_trips(vendor: Vendor) -> None:
    example = vendor.fixture("example-200.json")
    model = success_model(vendor).from_dict(example)
    assert type(model).__module__.startswith(f"{vendor.import_name}.models.")
    assert normalise(model.to_dict()) == normalise(example)


def test_page_example_status_is_a_known_enum_member(vendor: Vendor) -> None:
    value: typing.Any = success_model(vendor).from_dict(vendor.fixture("example-200.json"))
    raw: typing.Any = vendor.fixture("example-200.json")
    for key in vendor.status_path:
        value = getattr(value, python_name(key))
        raw = raw[key]
    assert value == raw
    if vendor.status_enum is not None:
        assert value.is_unknown is False


def test_documented_error_examples_decode(vendor: Vendor) -> None:
    """Each error fixture decodes into the error model the endpoint documents for it."""
    names = vendor.fixture_names("error-")
    assert names
    for name in names:
        body = vendor.fixture(name)
        hints = typing.get_type_hints(vendor.endpoint.sync_detailed)["return"]
        parsed_union = typing.get_args(hints)[0]
        models = [m for m in typing.get_args(parsed_union) if m is not success_model(vendor)]
        decoded = [m.from_dict(body) for m in models if _fits(m, body)]
        assert decoded, f"{vendor.name} {name}: no documented error model decodes it"
        assert normalise(decoded[0].to_dict()) == normalise(body)


def _fits(model: typing.Any, body: typing.Any) -> bool:
    try:
        decoded = model.from_dict(body)
    except (TypeError, ValueError):
        return False
    return not decoded.additional_properties
