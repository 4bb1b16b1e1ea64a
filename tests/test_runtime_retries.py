"""Retries, timeouts and transport failures over a real socket (ScriptedServer), sync and async.

Every test runs for each vendor in both modes: `sync` calls the polled operation's `sync`,
`async` awaits its `asyncio`. The base backoff is patched down where
the delay itself is not under test, so the suite stays fast.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import re
import time

import httpx2
import pytest

from support.calls import example, get, open_client
from support.process import free_port
from support.scripted import Reply, Reset, ScriptedServer, Stall, Step
from support.vendors import Vendor, normalise

Server = ScriptedServer


# --- module fixtures --------------------------------------------------------------------------


@pytest.fixture
def fast_backoff(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff from 10 ms instead of 0.5 s, for tests that do not measure the delay."""
    constants = importlib.import_module(f"{vendor.import_name}._constants")
    monkeypatch.setattr(constants, "INITIAL_RETRY_DELAY", 0.01)


RETRY_NUMBER = re.compile(r"\bretry (\d+)\b", re.IGNORECASE)


def retry_records(caplog: pytest.LogCaptureFixture, vendor: Vendor) -> list[logging.LogRecord]:
    """The package logger's records that announce a retry."""
    return [r for r in caplog.records if r.name == vendor.import_name and RETRY_NUMBER.search(r.getMessage())]


def retry_numbers(records: list[logging.LogRecord]) -> list[int]:
    return [int(match.group(1)) for r in records if (match := RETRY_NUMBER.search(r.getMessage()))]


# --- status retries -----------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_retries_503_twice_then_succeeds(vendor: Vendor, mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=vendor.import_name)
    body = example(vendor)
    with Server([Reply(503, {"error": "unavailable"}), Reply(503), Reply(200, body)]) as server:
        async with open_client(vendor, server.url) as client:
            result = await get(vendor, mode, client)
    assert len(server.requests) == 3
    assert {seen.path.split("?")[0] for seen in server.requests} == {vendor.expected_path()}
    assert normalise(result.to_dict()) == normalise(body)

    # Each retry is logged at DEBUG on the package's logger, with its number.
    records = retry_records(caplog, vendor)
    assert [r.levelno for r in records] == [logging.DEBUG, logging.DEBUG]
    assert retry_numbers(records) == [1, 2]


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_gives_up_after_max_retries(vendor: Vendor, mode: str) -> None:
    with Server([Reply(503, {"error": "unavailable"})]) as server:
        async with open_client(vendor, server.url, max_retries=2) as client:
            with pytest.raises(vendor.errors.InternalServerError) as caught:
                await get(vendor, mode, client)
    assert caught.value.status_code == 503
    assert len(server.requests) == 3


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_max_retries_zero_sends_one_request(vendor: Vendor, mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=vendor.import_name)
    with Server([Reply(503), Reply(200, example(vendor))]) as server:
        async with open_client(vendor, server.url, max_retries=0) as client:
            with pytest.raises(vendor.errors.InternalServerError):
                await get(vendor, mode, client)
    assert len(server.requests) == 1
    assert retry_records(caplog, vendor) == []


@pytest.mark.asyncio
async def test_honours_retry_after_seconds(vendor: Vendor, mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=vendor.import_name)
    body = example(vendor)
    with Server([Reply(429, {"error": "slow down"}, headers={"Retry-After": "1"}), Reply(200, body)]) as server:
        async with open_client(vendor, server.url) as client:
            started = time.monotonic()
            result = await get(vendor, mode, client)
            elapsed = time.monotonic() - started
    assert len(server.requests) == 2
    assert normalise(result.to_dict()) == normalise(body)
    # Waited the server's 1 s (not the 0.375-0.5 s first backoff), and not much more.
    assert 0.9 <= elapsed < 3.0
    records = retry_records(caplog, vendor)
    assert [r.levelno for r in records] == [logging.DEBUG]
    assert retry_numbers(records) == [1]


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_404_is_not_retried(vendor: Vendor, mode: str) -> None:
    with Server([Reply(404, {"error": "nope"}), Reply(200, example(vendor))]) as server:
        async with open_client(vendor, server.url, max_retries=2) as client:
            with pytest.raises(vendor.errors.NotFoundError):
                await get(vendor, mode, client)
    assert len(server.requests) == 1


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_every_retryable_status_is_retried(vendor: Vendor, mode: str) -> None:
    statuses = [408, 409, 429, 500, 502, 504, 520, 599]
    body = example(vendor)
    script: list[Step] = [
        step for status in statuses for step in (Reply(status, {"error": "transient"}), Reply(200, body))
    ]
    with Server(script) as server:
        async with open_client(vendor, server.url, max_retries=1) as client:
            for done, _status in enumerate(statuses, start=1):
                result = await get(vendor, mode, client)
                assert normalise(result.to_dict()) == normalise(body)
                assert len(server.requests) == 2 * done


# --- timeouts -------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_stall_beyond_timeout_raises_api_timeout_error(vendor: Vendor, mode: str) -> None:
    with Server([Stall(5.0)]) as server:
        async with open_client(vendor, server.url, timeout=0.3, max_retries=0) as client:
            started = time.monotonic()
            with pytest.raises(vendor.errors.APITimeoutError) as caught:
                await get(vendor, mode, client)
            elapsed = time.monotonic() - started
    assert isinstance(caught.value, vendor.errors.APIConnectionError)
    assert isinstance(caught.value, vendor.errors.APIError)
    assert isinstance(caught.value.__cause__, httpx2.TimeoutException)
    assert caught.value.request is not None
    assert elapsed < 2.0
    assert len(server.requests) == 1


@pytest.mark.asyncio
async def test_per_call_timeout_overrides_a_longer_client_timeout(vendor: Vendor, mode: str) -> None:
    with Server([Stall(5.0)]) as server:
        async with open_client(vendor, server.url, timeout=10.0, max_retries=0) as client:
            started = time.monotonic()
            with pytest.raises(vendor.errors.APITimeoutError):
                await get(vendor, mode, client, timeout=0.15)
            elapsed = time.monotonic() - started
    assert elapsed < 1.5


@pytest.mark.asyncio
async def test_per_call_timeout_overrides_a_shorter_client_timeout(vendor: Vendor, mode: str) -> None:
    body = example(vendor)
    with Server([Stall(0.35, then=Reply(200, body))]) as server:
        async with open_client(vendor, server.url, timeout=0.1, max_retries=0) as client:
            result = await get(vendor, mode, client, timeout=5.0)
    assert normalise(result.to_dict()) == normalise(body)
    assert len(server.requests) == 1


# --- transport failures ---------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_reset_connection_is_retried(vendor: Vendor, mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=vendor.import_name)
    body = example(vendor)
    with Server([Reset(), Reply(200, body)]) as server:
        async with open_client(vendor, server.url, max_retries=2) as client:
            result = await get(vendor, mode, client)
    assert len(server.requests) == 2
    assert normalise(result.to_dict()) == normalise(body)
    records = retry_records(caplog, vendor)
    assert [r.levelno for r in records] == [logging.DEBUG]
    assert retry_numbers(records) == [1]


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_reset_forever_raises_connection_error(vendor: Vendor, mode: str) -> None:
    with Server([Reset()]) as server:
        async with open_client(vendor, server.url, max_retries=1) as client:
            with pytest.raises(vendor.errors.APIConnectionError) as caught:
                await get(vendor, mode, client)
    assert not isinstance(caught.value, vendor.errors.APITimeoutError)
    assert isinstance(caught.value, vendor.errors.APIError)
    assert isinstance(caught.value.__cause__, httpx2.TransportError)
    assert len(server.requests) == 2


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_connection_refused_raises_connection_error(
    vendor: Vendor, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger=vendor.import_name)
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there any more
    async with open_client(vendor, url, max_retries=1) as client:
        with pytest.raises(vendor.errors.APIConnectionError) as caught:
            await get(vendor, mode, client)
    assert not isinstance(caught.value, vendor.errors.APITimeoutError)
    assert isinstance(caught.value.__cause__, httpx2.ConnectError)
    # A refused connection is transient too: retried once, then raised.
    assert retry_numbers(retry_records(caplog, vendor)) == [1]


# --- async retries never block the loop -----------------------------------------------------------


@pytest.mark.asyncio
async def test_async_retry_sleep_does_not_block_the_event_loop(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    constants = importlib.import_module(f"{vendor.import_name}._constants")
    monkeypatch.setattr(constants, "INITIAL_RETRY_DELAY", 0.1)  # sleeps >= 0.075 + 0.15 s in all
    ticks = 0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            await asyncio.sleep(0.01)

    body = example(vendor)
    with Server([Reply(503), Reply(503), Reply(200, body)]) as server:
        async with open_client(vendor, server.url, max_retries=2) as client:
            task = asyncio.create_task(ticker())
            started = time.monotonic()
            try:
                result = await get(vendor, "async", client)
            finally:
                elapsed = time.monotonic() - started
                done.set()
                await task
    assert len(server.requests) == 3
    assert normalise(result.to_dict()) == normalise(body)
    assert elapsed >= 0.225
    # A blocking sleep would leave the ticker a handful of ticks at most; 0.225 s of sleeping allows ~22.
    assert ticks >= 12
