"""Each SDK against a Prism mock server started from its own spec on 127.0.0.1."""

from __future__ import annotations

import json
import os
import typing

import httpx2
import pytest

from support.prism import PrismServer
from support.vendors import MISSING, Vendor, normalise, python_name

# Dynamic responses per vendor: at least 50 (the foundation's bar); CI may raise it.
DYNAMIC_RESPONSES = int(os.environ.get("EXEC_SDKS_PRISM_DYNAMIC", "50"))


def _status(vendor: Vendor, model: typing.Any) -> typing.Any:
    for key in vendor.status_path:
        model = getattr(model, python_name(key))
    return model


def static_body(vendor: Vendor) -> typing.Any:
    """What Prism's static mode answers: the spec's example of the success response, else (a spec
    without one) a body Prism builds from the schema, which the test cannot know in advance."""
    example = vendor.response_example(vendor.success_status)
    return None if example is MISSING else normalise(example)


@pytest.mark.smoke
def test_static_example_sync(vendor: Vendor, prism: PrismServer) -> None:
    with vendor.client(prism.url) as client:
        response = vendor.endpoint.sync_detailed(**vendor.call_kwargs(), client=client)
    raw = normalise(json.loads(response.content))
    assert normalise(response.parsed.to_dict()) == raw
    assert static_body(vendor) in (None, raw)


@pytest.mark.smoke
@pytest.mark.asyncio
async def test_static_example_async(vendor: Vendor, prism: PrismServer) -> None:
    client = vendor.client(prism.url)
    try:
        response = await vendor.endpoint.asyncio_detailed(**vendor.call_kwargs(), client=client)
    finally:
        await client.aclose()
    execution = response.parsed
    raw = json.loads(response.content)
    assert static_body(vendor) in (None, normalise(raw))
    assert _status(vendor, execution) == _status(vendor, type(execution).from_dict(raw))


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
    # A credential in some other place than the spec's: an API key header where the spec wants the
    # Authorization header, else basic auth (the spec's API key, in a header or the query, is absent).
    wrong = {"X-API-Key": "x"} if vendor.credential_name == "Authorization" else {"Authorization": "Basic eDp5"}
    request = {**vendor.endpoint._get_kwargs(**vendor.call_kwargs()), "security": (), "headers": wrong}
    with vendor.client(prism.url) as client:
        response = client._request(**request)
    assert response.status_code == 401
