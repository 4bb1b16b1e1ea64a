"""Fixtures shared by every test module: the vendors under test and their Prism mocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from support.prism import PrismServer
from support.vendors import Vendor, selected

VENDORS = selected()


def vendors_where(predicate: Callable[[Vendor], bool]) -> list[Any]:
    """The selected vendors a test applies to, for `@pytest.mark.parametrize("vendor", ...)`:
    a test that does not apply to a vendor is not collected for it, rather than skipped."""
    return [pytest.param(v, id=v.name) for v in VENDORS if predicate(v)]


@pytest.fixture(params=VENDORS, ids=[v.name for v in VENDORS])
def vendor(request: pytest.FixtureRequest) -> Vendor:
    """Each selected vendor in turn."""
    chosen: Vendor = request.param
    return chosen


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    """`sync` (the polled call's `sync`) or `async` (its `asyncio`)."""
    chosen: str = request.param
    return chosen


@pytest.fixture(scope="session")
def prism_servers() -> Iterator[dict[str, PrismServer]]:
    """Prism mocks, started on first use, one per vendor, stopped at the end of the run."""
    servers: dict[str, PrismServer] = {}
    yield servers
    for server in servers.values():
        server.__exit__(None, None, None)


@pytest.fixture
def prism(vendor: Vendor, prism_servers: dict[str, PrismServer]) -> PrismServer:
    """The Prism mock serving this vendor's spec."""
    if vendor.name not in prism_servers:
        prism_servers[vendor.name] = PrismServer(vendor.spec_path).__enter__()
    return prism_servers[vendor.name]
