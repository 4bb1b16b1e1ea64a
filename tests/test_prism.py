"""Each SDK against a Prism mock server started from its own spec on 127.0.0.1."""

from __future__ import annotations

import os
import typing

import httpx2
import pytest

from support.prism import PrismServer
from support.vendors import Vendor, normalise, python_name

# Dynamic responses per vendor: at least 50 (the foundation's bar); CI may raise it.
DYNAMIC_RESPONSES = int(os.environ.get("EXEC_SDKS_PRISM_DYNAMIC", "50"))


def _status(vendor: Vendor, model: typing.Any) -> typing.Any:
    for key in vendor.status_path:
        model = getattr(model, python_name(key))
    return model


@pytest.mark.smoke
def test_static_example_sync(vendor: Vendor, prism: PrismServer) -> None:
    with vendor.client(prism.url) as client:
        execution = vendor.endpoint.sync(**vendor.call_kwargs(), client=client)
    assert normalise(execution.to_dict()) == normalise(vendor.fixture("example-200.json"))


@pytest.mark.smoke
@pytest.mark.asyncio
async def test_static_example_async(vendor: Vendor, prism: PrismServer) -> None:
    client = vendor.client(prism.url)
    try:
        execution = await vendor.endpoint.asyncio(**vendor.call_kwargs(), client=client)
    finally:
        await client.aclose()
    assert _status(vendor, execution) == _status(vendor, type(execution).from_dict(vendor.fixture("example-200.json")))


def test_dynamic_responses_parse(vendor: Vendor, prism: PrismServer) -> None:
    """Random schema-valid payloads decode, and re-encode to exactly the JSON received.

    Prism's faker adds unknown keys to some objects; the equality below shows they are
    kept. (Extras at every level are injected on purpose in test_runtime_models.)"""
    with vendor.client(prism.url, headers={"Prefer": "dynamic=true"}) as client:
        for _ in range(DYNAMIC_RESPONSES):
            response = vendor.endpoint.sync_detailed(**vendor.call_kwargs(), client=client)
            assert response.status_code == 200
            execution = response.parsed
            assert execution is not None
            raw = httpx2.Response(200, content=response.content).json()
            encoded = execution.to_dict()
            assert normalise(encoded) == normalise(raw)
            assert normalise(type(execution).from_dict(encoded).to_dict()) == normalise(encoded)


@pytest.mark.smoke
def test_missing_credentials_reach_the_caller_as_401(vendor: Vendor, prism: PrismServer) -> None:
    # Credentials go per request as the operation's security asks; `security=()` sends none.
    request = {**vendor.endpoint._get_kwargs(**vendor.call_kwargs()), "security": ()}
    with vendor.client(prism.url) as client:
        response = client._request(**request)
        with pytest.raises(vendor.errors.AuthenticationError) as caught:
            vendor.endpoint._result(response)
    assert caught.value.status_code == 401
    documented = vendor.documented_response(401)
    if documented is None:
        # Nothing documents a 401: Prism answers with its own problem body, kept raw on the error.
        assert caught.value.parsed is None
        assert caught.value.body["status"] == 401
    elif vendor.response_schema(documented) is None:
        assert caught.value.parsed is None  # a documented 401 without a JSON body
    else:
        assert caught.value.parsed is not None  # Prism answers with the spec's documented 401 body


def test_wrong_credential_scheme_is_rejected_by_prism(vendor: Vendor, prism: PrismServer) -> None:
    """Prism accepts only the spec's scheme: together with the static tests above, this shows
    the SDK's own auth header is the one the spec declares."""
    name, _ = vendor.auth_header("x")
    wrong = {"Authorization": "Basic eDp5"} if name == "X-API-Key" else {"X-API-Key": "x"}
    request = {**vendor.endpoint._get_kwargs(**vendor.call_kwargs()), "security": (), "headers": wrong}
    with vendor.client(prism.url) as client:
        response = client._request(**request)
    assert response.status_code == 401
