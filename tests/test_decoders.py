"""Both JSON decoders a package can use (stdlib, and orjson from the `fast` extra) behave alike."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator
from typing import Any

import httpx2
import orjson
import pytest

from support.scripted import Reply, ScriptedServer
from support.vendors import Vendor, normalise


@pytest.fixture(params=["stdlib", "orjson"])
def decoder(request: pytest.FixtureRequest, vendor: Vendor) -> Iterator[str]:
    module: Any = importlib.import_module(f"{vendor.import_name}._json")
    original = module._loads
    module._loads = module.stdlib_loads if request.param == "stdlib" else orjson.loads
    yield str(request.param)
    module._loads = original


def test_the_fast_extra_is_picked_up_when_installed(vendor: Vendor) -> None:
    assert importlib.import_module(f"{vendor.import_name}._json")._loads is orjson.loads


def test_example_round_trips_with_either_decoder(vendor: Vendor, decoder: str) -> None:
    example = vendor.fixture("example-200.json")
    with ScriptedServer([Reply(200, example)]) as server, vendor.client(server.url, max_retries=0) as client:
        execution = vendor.endpoint.sync(**vendor.call_kwargs(), client=client)
    assert normalise(execution.to_dict()) == normalise(example)


@pytest.mark.parametrize(
    "body",
    [b"{", b"<html>oops</html>", b"\xff\xfe{}", b"[" * 100_000, b"", b"null", b"[]"],
    ids=["truncated", "html", "not-utf8", "deep", "empty", "null", "array"],
)
def test_bad_bodies_give_the_same_typed_error_with_either_decoder(vendor: Vendor, decoder: str, body: bytes) -> None:
    with ScriptedServer([Reply(200, body)]) as server, vendor.client(server.url, max_retries=0) as client:
        with pytest.raises(vendor.errors.APIResponseValidationError) as caught:
            vendor.endpoint.sync(**vendor.call_kwargs(), client=client)
    assert caught.value.status_code == 200
    assert caught.value.content == body


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("body", [b"[1, 2]", b"{"], ids=["wrong-shape", "not-json"])
def test_decoding_leaves_the_collector_as_found(vendor: Vendor, enabled: bool, body: bytes) -> None:
    """Decoding pauses automatic GC while it builds the tree; it restores the caller's setting, even on failure."""
    decoder = importlib.import_module(f"{vendor.import_name}._json")
    seen: list[bool] = []

    def build(data: object) -> object:
        seen.append(gc.isenabled())
        return vendor.endpoint._build_success(data)

    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises((TypeError, ValueError)):
            decoder.decode_model(httpx2.Response(200, content=body), build)
        assert gc.isenabled() is enabled
        assert seen in ([], [False])  # paused while building (not reached when the JSON is bad)
    finally:
        gc.enable()
