"""The wait's deadline bounds the whole wait: a stalled poll, retries and sleeps all stop at it.
Real sockets (ScriptedServer), every vendor, sync and async; the engine's arithmetic on a frozen clock.

Real time here is only what a stalled socket takes: the bounds are loose (a stall ten times the
deadline, a generous slack past it) so that a loaded machine cannot fail them; the waiting logic
itself is checked in virtual time (test_wait.py, test_wait_transient.py).
"""

from __future__ import annotations

import importlib
import time
from typing import Any

import pytest

from support.calls import TLS
from support.scripted import Reply, ScriptedServer, Stall, Step
from support.vendors import Vendor

# Seconds: the wait's deadline, how late past it the wait may end (scheduling, connection setup on a
# loaded machine), and a stall far longer than both.
DEADLINE = 1.0
SLACK = 3.0
STALL = 30.0
FAST = {"initial_interval": 0.05, "max_interval": 0.05}


def running(vendor: Vendor) -> Reply:
    return Reply(200, vendor.example_with_status(vendor.running_status))


async def wait(vendor: Vendor, mode: str, url: str, client_options: dict[str, Any], **kwargs: Any) -> Any:
    """`wait_for_execution` (sync) or its async twin against `url`; the client always closes."""
    module = importlib.import_module(f"{vendor.import_name}.wait")
    client = vendor.client(url, verify_ssl=TLS, **client_options)
    try:
        if mode == "sync":
            return module.wait_for_execution(client=client, **vendor.call_kwargs(), **kwargs)
        return await module.wait_for_execution_async(client=client, **vendor.call_kwargs(), **kwargs)
    finally:
        client.close()
        await client.aclose()


async def timed_out(vendor: Vendor, mode: str, script: list[Step], client_options: dict[str, Any]) -> Any:
    """The WaitTimeoutError of a wait with DEADLINE against `script`, checked to end in time."""
    with ScriptedServer(script) as server:
        started = time.monotonic()
        with pytest.raises(vendor.errors.WaitTimeoutError) as caught:
            await wait(vendor, mode, server.url, client_options, timeout=DEADLINE, **FAST)
        elapsed = time.monotonic() - started
    assert DEADLINE - 0.05 <= elapsed < DEADLINE + SLACK, elapsed
    return caught.value


@pytest.mark.asyncio
async def test_a_stalled_first_poll_ends_at_the_deadline(vendor: Vendor, mode: str) -> None:
    """Default client (30 s read timeout, 2 retries) against a 30 s answer: the deadline wins."""
    error = await timed_out(vendor, mode, [Stall(STALL)], {})
    assert error.last_execution is None
    assert error.last_status is None
    assert error.polls == 0
    assert isinstance(error.__cause__, vendor.errors.APITimeoutError)


@pytest.mark.asyncio
async def test_a_stall_after_polls_keeps_the_last_execution(vendor: Vendor, mode: str) -> None:
    error = await timed_out(vendor, mode, [running(vendor), Stall(STALL)], {})
    assert error.last_status == vendor.running_status
    assert error.last_execution is not None
    assert error.polls == 1


@pytest.mark.asyncio
async def test_retries_do_not_sleep_past_the_deadline(vendor: Vendor, mode: str) -> None:
    """A 503 asking for a 5 s pause: the client's retry that would end past the deadline is not
    made, and the wait's own pause stops at the deadline; the 503 is the timeout's cause."""
    script: list[Step] = [running(vendor), Reply(503, {"message": "busy"}, {"Retry-After": "5"})]
    with ScriptedServer(script) as server:
        started = time.monotonic()
        with pytest.raises(vendor.errors.WaitTimeoutError) as caught:
            await wait(vendor, mode, server.url, {}, timeout=DEADLINE, **FAST)
        elapsed = time.monotonic() - started
    assert elapsed < DEADLINE + SLACK, elapsed
    assert len(server.requests) == 2
    assert isinstance(caught.value.__cause__, vendor.errors.InternalServerError)
    assert caught.value.last_status == vendor.running_status


class StopError(Exception):
    """Raised by a callback to end a wait where the test has seen enough."""


@pytest.mark.asyncio
async def test_the_clients_shorter_timeout_still_applies(vendor: Vendor, mode: str) -> None:
    """The deadline caps each request's timeout; it never lengthens the client's own: the poll
    fails after the client's 0.1 s (a transient error the wait would retry), not at the deadline."""
    failures: list[tuple[float, Exception]] = []

    def on_retry(error: Exception, seconds: float) -> None:
        failures.append((time.monotonic() - started, error))
        raise StopError

    with ScriptedServer([Stall(STALL)]) as server:
        started = time.monotonic()
        with pytest.raises(StopError):
            await wait(vendor, mode, server.url, {"timeout": 0.1, "max_retries": 0}, timeout=60.0, on_retry=on_retry)
    ((elapsed, error),) = failures
    assert isinstance(error, vendor.errors.APITimeoutError)
    assert not isinstance(error, vendor.errors.WaitTimeoutError)
    assert elapsed < SLACK, elapsed


def test_each_poll_gets_the_time_left_and_none_starts_at_the_deadline(vendor: Vendor) -> None:
    """Frozen clock: `fetch_within` is handed the seconds left; sleeps stop at the deadline, and a
    deadline passing inside a request ends the wait with the last execution seen."""
    polling = importlib.import_module(f"{vendor.import_name}._polling")
    base_client = importlib.import_module(f"{vendor.import_name}._base_client")
    now = [0.0]
    given: list[float] = []

    def sleep(seconds: float) -> None:
        now[0] += seconds

    def fetch_within(seconds: float) -> str:
        given.append(seconds)
        now[0] += 0.5  # each poll takes half a second
        return "a"

    terminal = polling.TerminalStatuses.of(success=["done"], failure=[])
    schedule = {"timeout": 5.0, "initial_interval": 1.0, "max_interval": 10.0}

    def run(fetch: Any) -> Any:
        with pytest.raises(vendor.errors.WaitTimeoutError) as caught:
            polling.wait_sync(None, str, terminal, **schedule, sleep=sleep, clock=lambda: now[0], fetch_within=fetch)
        return caught.value

    error = run(fetch_within)
    # Polls at 0, 1.5 (after 0.5 + 1 s) and 4 (after 2 + 2 s); the next sleep is cut to the deadline.
    assert given == [5.0, 3.5, 1.0]
    assert now[0] == 5.0
    assert (error.polls, error.last_execution, error.last_status) == (3, "a", "a")

    def stalls_past_the_deadline(seconds: float) -> str:
        if given:
            raise base_client.DeadlineExceededError("deadline")
        given.append(seconds)
        return "a"

    now[0], given = 0.0, []
    error = run(stalls_past_the_deadline)
    assert (error.polls, error.last_execution) == (1, "a")
    assert isinstance(error.__cause__, vendor.errors.APITimeoutError)
