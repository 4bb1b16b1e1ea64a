"""Success metadata without giving up typed errors: each operation's `sync_with_response` /
`asyncio_with_response` returns an `APIResponse` (the success model as `parsed`, status,
headers, request id, elapsed seconds, the httpx2 response) and raises what `sync` raises.
Real socket (ScriptedServer), sync and async; `sync`, `asyncio` and `*_detailed` unchanged.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path
from typing import Any

import pytest

from support import built
from support.calls import example, open_client
from support.scripted import Reply, ScriptedServer, Stall, Step
from support.vendors import Vendor, normalise


async def with_response(vendor: Vendor, mode: str, client: Any, **extra: Any) -> Any:
    kwargs = {**vendor.call_kwargs(), **extra}
    if mode == "sync":
        return vendor.endpoint.sync_with_response(**kwargs, client=client)
    return await vendor.endpoint.asyncio_with_response(**kwargs, client=client)


@pytest.mark.asyncio
async def test_with_response_carries_the_model_and_the_metadata(vendor: Vendor, mode: str) -> None:
    body = example(vendor)
    headers = {"x-request-id": "req-abc123", "x-custom": "kept"}
    with ScriptedServer([Reply(200, body, headers)]) as server:
        async with open_client(vendor, server.url, max_retries=0) as client:
            result = await with_response(vendor, mode, client)
    types = importlib.import_module(f"{vendor.import_name}.types")
    assert isinstance(result, types.APIResponse)
    assert normalise(result.parsed.to_dict()) == normalise(body)
    assert type(result.parsed) is vendor.model_class(vendor.success_schema["$ref"])
    assert result.status_code == 200
    assert result.headers["x-custom"] == "kept"
    assert result.request_id == "req-abc123"
    assert isinstance(result.elapsed, float) and result.elapsed > 0
    assert result.http_response.status_code == 200
    assert result.http_response.headers is result.headers
    assert result.http_response.content == Reply(200, body).payload()


@pytest.mark.asyncio
async def test_request_id_follows_the_error_rules(vendor: Vendor, mode: str) -> None:
    body = example(vendor)
    script = [Reply(200, body, {"request-id": "alt-1"}), Reply(200, body)]
    with ScriptedServer(script) as server:
        async with open_client(vendor, server.url, max_retries=0) as client:
            assert (await with_response(vendor, mode, client)).request_id == "alt-1"
            assert (await with_response(vendor, mode, client)).request_id is None


@pytest.mark.asyncio
async def test_with_response_raises_the_same_typed_errors(vendor: Vendor, mode: str) -> None:
    status = next((int(k) for k in vendor.responses if k.isdigit() and not k.startswith("2")), 404)
    key = vendor.documented_response(status)
    body = vendor.fixture(f"error-{key}.json") if key and vendor.response_schema(key) else {"message": "no"}
    with ScriptedServer([Reply(status, body, {"x-request-id": "req-err"})]) as server:
        async with open_client(vendor, server.url, max_retries=0) as client:
            with pytest.raises(vendor.errors.APIStatusError) as caught:
                await with_response(vendor, mode, client)
            with pytest.raises(type(caught.value)) as again:
                vendor.endpoint.sync(**vendor.call_kwargs(), client=client)
    assert caught.value.status_code == again.value.status_code == status
    assert caught.value.request_id == "req-err"
    assert type(caught.value.parsed) is type(again.value.parsed)


@pytest.mark.asyncio
async def test_elapsed_covers_the_retries(vendor: Vendor, mode: str) -> None:
    body = example(vendor)
    script: list[Step] = [
        Reply(503, b"", {"retry-after": "0.2"}),
        Stall(0.1, Reply(200, body, {"x-request-id": "second"})),
    ]
    with ScriptedServer(script) as server:
        async with open_client(vendor, server.url, max_retries=1) as client:
            result = await with_response(vendor, mode, client)
    assert len(server.requests) == 2
    assert result.elapsed >= 0.3
    assert result.request_id == "second"


@pytest.mark.asyncio
async def test_detailed_is_unchanged(vendor: Vendor, mode: str) -> None:
    body = example(vendor)
    with ScriptedServer([Reply(200, body, {"x-request-id": "r"})]) as server:
        async with open_client(vendor, server.url, max_retries=0) as client:
            kwargs = vendor.call_kwargs()
            if mode == "sync":
                response = vendor.endpoint.sync_detailed(**kwargs, client=client)
            else:
                response = await vendor.endpoint.asyncio_detailed(**kwargs, client=client)
    types = importlib.import_module(f"{vendor.import_name}.types")
    assert type(response) is types.Response
    assert normalise(response.parsed.to_dict()) == normalise(body)


def test_every_operation_has_with_response_typed(tmp_path: Path) -> None:
    """Every endpoint module of a several-operation package has both functions, and mypy sees
    `parsed` as the success model itself (not Optional), and None for an empty success."""
    directory, name, _ = built.typed_errors()
    source = f"""
from {name} import AuthenticatedClient
from {name}.api.runs import create_run, delete_run, get_run
from {name}.models import RunRequest
from uuid import UUID


async def check(client: AuthenticatedClient) -> None:
    reveal_type(get_run.sync_with_response(1, client=client, workspace_id=UUID(int=1)).parsed)
    reveal_type((await create_run.asyncio_with_response(client=client, body=RunRequest(name="n"))).parsed)
    reveal_type(delete_run.sync_with_response(1, client=client).parsed)
    reveal_type(get_run.sync_with_response(1, client=client, workspace_id=UUID(int=1)).request_id)
"""
    revealed = built.mypy_reveal({"check.py": source}, paths=[directory], cwd=tmp_path)
    types = [revealed[key] for key in sorted(revealed)]
    assert [t.rsplit(".", 1)[-1] for t in types] == ["Run", "Run", "None", "str | None"], types
    sys.path.insert(0, str(directory))
    try:
        api = importlib.import_module(f"{name}.api")
        modules = [m.name for m in pkgutil.walk_packages(api.__path__, f"{name}.api.") if not m.ispkg]
        assert len(modules) == 3
        for module_name in modules:
            module = importlib.import_module(module_name)
            for function in ("sync_with_response", "asyncio_with_response", "sync", "sync_detailed"):
                assert callable(getattr(module, function)), (module_name, function)
    finally:
        sys.path.remove(str(directory))
