"""Calling a vendor's endpoint from tests, in either mode, with clients that always close."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from support.vendors import Vendor

# One TLS context for every client of a plain-http test server: building a fresh one (loading
# the CA bundle) costs ~30 ms per client. TLS defaults are tested in test_runtime_client.py.
TLS = ssl.create_default_context()


async def get(
    vendor: Vendor, mode: str, client: Any, *, detailed: bool = False, execution_id: Any = None, **extra: Any
) -> Any:
    """One call of the polled operation in `mode` (the sync call simply blocks the test's loop).
    Without `execution_id` the id is the vendor's default, valid for the id parameter's schema."""
    kwargs = {**vendor.call_kwargs(execution_id), **extra}
    if mode == "sync":
        sync_fn = vendor.endpoint.sync_detailed if detailed else vendor.endpoint.sync
        return sync_fn(**kwargs, client=client)
    async_fn = vendor.endpoint.asyncio_detailed if detailed else vendor.endpoint.asyncio
    return await async_fn(**kwargs, client=client)


@asynccontextmanager
async def open_client(vendor: Vendor, url: str, **kwargs: Any) -> AsyncIterator[Any]:
    """A client for `url`; both its httpx2 clients are closed on the way out."""
    client = vendor.client(url, **{"verify_ssl": TLS, **kwargs})
    try:
        yield client
    finally:
        client.close()
        await client.aclose()


def example(vendor: Vendor) -> Any:
    return vendor.fixture("example-200.json")
