"""Derived clients and injected httpx2 clients: `with_options` copies share the connection pool and
apply their own timeout and retries per request; an httpx2 client or transport given by the caller
still gets the SDK's base URL, credentials and User-Agent. Real sockets (ScriptedServer) and, as unit
evidence, httpx2.MockTransport; sync and async.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import httpx2
import pytest

from support.calls import TLS, example, get, open_client
from support.scripted import Reply, ScriptedServer, Stall, Step
from support.vendors import Vendor

SECRET = "sk-test-OPTIONS-0a1b2c3d"
BASE = "https://api.example.invalid/prefix"


def pool_of(client: Any, mode: str) -> Any:
    return client.get_httpx_client() if mode == "sync" else client.get_async_httpx_client()


def user_agent(vendor: Vendor) -> str:
    python = f"python/{sys.version_info.major}.{sys.version_info.minor}"
    return f"{vendor.dist}/{vendor.version} {python} httpx2/{httpx2.__version__}"


def recording(vendor: Vendor, seen: list[httpx2.Request]) -> Callable[[httpx2.Request], httpx2.Response]:
    """A MockTransport handler answering the vendor's example and keeping each request."""

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return httpx2.Response(200, json=example(vendor))

    return handler


def assert_sent_by_the_sdk(vendor: Vendor, request: httpx2.Request | Any, base: str) -> None:
    """`request` (httpx2's or the scripted server's) went to `base` + the operation's path with the
    credential and the SDK's User-Agent."""
    if isinstance(request, httpx2.Request):
        assert str(request.url).split("?")[0] == base + vendor.expected_path()
        headers = {k.lower(): v for k, v in request.headers.items()}
        target = str(request.url)
    else:
        assert request.path.split("?")[0] == httpx2.URL(base).path.rstrip("/") + vendor.expected_path()
        headers, target = request.headers, request.path
    assert vendor.sent_credential(headers, target) == vendor.credential_value(SECRET)
    assert headers["user-agent"] == user_agent(vendor)


# --- with_options -------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_with_options_timeout_applies_after_the_original_was_used(vendor: Vendor, mode: str) -> None:
    """The copy's timeout bounds its requests even when the pool already exists; the original keeps its own."""
    script: list[Step] = [Reply(200, example(vendor)), Stall(3.0), Stall(0.4, Reply(200, example(vendor)))]
    with ScriptedServer(script) as server:
        async with open_client(vendor, server.url, max_retries=0) as client:
            await get(vendor, mode, client)  # the pool exists and has a connection
            clone = client.with_options(timeout=0.2)
            started = time.monotonic()
            with pytest.raises(vendor.errors.APITimeoutError):
                await get(vendor, mode, clone)
            assert time.monotonic() - started < 1.0
            # The original still waits up to its default 30 s: a 0.4 s answer arrives.
            assert await get(vendor, mode, client) is not None
            assert pool_of(clone, mode) is pool_of(client, mode)
    assert len(server.requests) == 3
    assert client.timeout == httpx2.Timeout(30.0, connect=5.0)
    assert clone.timeout == httpx2.Timeout(0.2)


@pytest.mark.asyncio
async def test_copies_of_an_unused_client_share_one_lazily_created_pool(vendor: Vendor, mode: str) -> None:
    async with open_client(vendor, BASE) as client:
        first = client.with_options(timeout=1.0)
        second = first.with_options(max_retries=0)
        # Created on first use, by whichever client asks first, and the same for all.
        assert pool_of(second, mode) is pool_of(client, mode) is pool_of(first, mode)
        # The pool keeps the original's settings; a copy's apply per request.
        assert pool_of(client, mode).timeout == httpx2.Timeout(30.0, connect=5.0)


@pytest.mark.asyncio
async def test_with_options_retries_are_per_copy_over_a_used_pool(vendor: Vendor, mode: str) -> None:
    script = [Reply(200, example(vendor)), Reply(503, {"message": "down"})]
    with ScriptedServer(script) as server:
        async with open_client(vendor, server.url, max_retries=0) as client:
            await get(vendor, mode, client)
            clone = client.with_options(max_retries=1)
            with pytest.raises(vendor.errors.InternalServerError):
                await get(vendor, mode, clone)
            assert len(server.requests) == 1 + 2
            with pytest.raises(vendor.errors.InternalServerError):
                await get(vendor, mode, client)
            assert len(server.requests) == 1 + 2 + 1


@pytest.mark.asyncio
async def test_closing_a_copy_leaves_the_shared_pool_to_the_original(vendor: Vendor, mode: str) -> None:
    with ScriptedServer([Reply(200, example(vendor))]) as server:
        async with open_client(vendor, server.url) as client:
            with client.with_options(timeout=5.0) as clone:
                await get(vendor, mode, clone)
            clone.close()
            await clone.aclose()
            assert not pool_of(client, mode).is_closed
            await get(vendor, mode, client)
        assert pool_of(client, mode).is_closed
    assert len(server.requests) == 2


# --- caller-supplied httpx2 clients ---------------------------------------------------------------


@pytest.mark.asyncio
async def test_injected_httpx_client_without_base_url_gets_the_sdks(vendor: Vendor, mode: str) -> None:
    seen: list[httpx2.Request] = []
    transport = httpx2.MockTransport(recording(vendor, seen))
    client = vendor.client(BASE, credential=SECRET)
    if mode == "sync":
        client.set_httpx_client(httpx2.Client(transport=transport))
    else:
        client.set_async_httpx_client(httpx2.AsyncClient(transport=transport))
    try:
        await get(vendor, mode, client)
        await get(vendor, mode, client.with_options(timeout=2.0))
    finally:
        client.close()
        await client.aclose()
    assert len(seen) == 2
    for request in seen:
        assert_sent_by_the_sdk(vendor, request, BASE)


@pytest.mark.asyncio
async def test_injected_httpx_client_with_its_own_base_url_keeps_it(vendor: Vendor, mode: str) -> None:
    seen: list[httpx2.Request] = []
    own = "https://gateway.example.invalid/v9"
    transport = httpx2.MockTransport(recording(vendor, seen))
    client = vendor.client(BASE, credential=SECRET)
    if mode == "sync":
        client.set_httpx_client(httpx2.Client(base_url=own, transport=transport))
    else:
        client.set_async_httpx_client(httpx2.AsyncClient(base_url=own, transport=transport))
    try:
        await get(vendor, mode, client)
    finally:
        client.close()
        await client.aclose()
    (request,) = seen
    assert_sent_by_the_sdk(vendor, request, own)


@pytest.mark.asyncio
async def test_injected_httpx_client_over_a_real_socket(vendor: Vendor, mode: str) -> None:
    with ScriptedServer([Reply(200, example(vendor))]) as server:
        client = vendor.client(server.url + "/root", credential=SECRET)
        if mode == "sync":
            client.set_httpx_client(httpx2.Client())
        else:
            client.set_async_httpx_client(httpx2.AsyncClient())
        try:
            await get(vendor, mode, client)
        finally:
            client.close()
            await client.aclose()
    (seen,) = server.requests
    assert_sent_by_the_sdk(vendor, seen, server.url + "/root")


# --- httpx_args={"transport": ...} ------------------------------------------------------------------


@pytest.mark.asyncio
async def test_mock_transport_in_httpx_args(vendor: Vendor, mode: str) -> None:
    seen: list[httpx2.Request] = []
    transport = httpx2.MockTransport(recording(vendor, seen))
    async with open_client(vendor, BASE, credential=SECRET, httpx_args={"transport": transport}) as client:
        await get(vendor, mode, client)
    (request,) = seen
    assert_sent_by_the_sdk(vendor, request, BASE)


class SyncOnly(httpx2.BaseTransport):
    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        raise AssertionError("never sent")


class AsyncOnly(httpx2.AsyncBaseTransport):
    def __init__(self, vendor: Vendor, seen: list[httpx2.Request]) -> None:
        self.handler = recording(vendor, seen)

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        return self.handler(request)


@pytest.mark.asyncio
async def test_async_transport_in_httpx_args(vendor: Vendor) -> None:
    seen: list[httpx2.Request] = []
    async with open_client(
        vendor, BASE, credential=SECRET, httpx_args={"transport": AsyncOnly(vendor, seen)}
    ) as client:
        await get(vendor, "async", client)
        # A sync call cannot use an async transport: said plainly, before anything is sent.
        with pytest.raises(TypeError, match="transport"):
            await get(vendor, "sync", client)
    (request,) = seen
    assert_sent_by_the_sdk(vendor, request, BASE)


@pytest.mark.asyncio
async def test_sync_only_transport_refused_for_async_calls(vendor: Vendor) -> None:
    async with open_client(vendor, BASE, httpx_args={"transport": SyncOnly()}) as client:
        with pytest.raises(TypeError, match="transport"):
            await get(vendor, "async", client)


@pytest.mark.asyncio
async def test_real_transport_in_httpx_args_over_a_socket(vendor: Vendor, mode: str) -> None:
    transport = httpx2.HTTPTransport(verify=TLS) if mode == "sync" else httpx2.AsyncHTTPTransport(verify=TLS)
    with ScriptedServer([Reply(200, example(vendor))]) as server:
        async with open_client(vendor, server.url, credential=SECRET, httpx_args={"transport": transport}) as client:
            await get(vendor, mode, client)
    (seen,) = server.requests
    assert_sent_by_the_sdk(vendor, seen, server.url)


# -- the legacy httpx package: its objects look the same but cannot drive the packages ------------
# (openapi-python-client, a generator dependency, installs legacy httpx in the test environment.)


def test_legacy_httpx_client_is_a_clear_type_error(vendor: Vendor) -> None:
    import httpx

    client = vendor.client(BASE, credential=SECRET)
    with pytest.raises(TypeError, match=r"legacy httpx package.*httpx2\.Client"):
        client.set_httpx_client(httpx.Client())
    with pytest.raises(TypeError, match=r"legacy httpx package.*httpx2\.AsyncClient"):
        client.set_async_httpx_client(httpx.AsyncClient())
    with pytest.raises(TypeError, match=r"legacy httpx package.*httpx2\.Timeout"):
        vendor.client(BASE, credential=SECRET, timeout=httpx.Timeout(1.0))


@pytest.mark.asyncio
async def test_legacy_httpx_transport_is_a_clear_type_error(vendor: Vendor, mode: str) -> None:
    import httpx

    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    async with open_client(vendor, BASE, httpx_args={"transport": transport}) as client:
        with pytest.raises(TypeError, match=r"legacy httpx package.*httpx2\."):
            await get(vendor, mode, client)


def test_packages_never_import_legacy_httpx(vendor: Vendor) -> None:
    # Every module of the package, in a fresh interpreter: httpx2 is loaded, httpx is not.
    import subprocess

    code = (
        "import importlib, pkgutil, sys\n"
        f"import {vendor.import_name} as p\n"
        "for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "assert 'httpx2' in sys.modules\n"
        "print('httpx' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
