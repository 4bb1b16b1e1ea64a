"""`wait_for_executions` and `wait_for_executions_async`: many executions, one scheduler.

Outcomes come in completion order, a bad execution is an outcome with its error (never an
exception that stops the others), repeated ids are waited on once, and leaving the loop or
cancelling the task stops every request. Every vendor, sync and async, in virtual time with the
package's FakeAPI; the memory per pending execution is measured.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import time
import tracemalloc
from typing import Any

import httpx2
import pytest

from support.vendors import Vendor, parameter_name

# Each pending execution may cost at most this many bytes (the target: 20 KB).
BYTES_PER_PENDING = 20_000
# A generous bound on the wall time of runs that take minutes of virtual time.
WALL = 20.0


def wait_module(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}.wait")


def new_fake(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}.testing").FakeAPI()


def finished(vendor: Vendor) -> tuple[str, dict[str, Any]]:
    """(status, fields) of a run that ended well (a `done` status with a successful outcome where
    the spec keeps the verdict in an outcome field)."""
    if vendor.success_statuses:
        return vendor.success_statuses[0], {}
    prefix = vendor.status_path[:-1]
    outcome = ".".join(vendor.outcome_path[len(prefix) :])
    return vendor.terminal_sets["done"][0], {outcome: vendor.outcome_sets["success"][0]}


def ident(vendor: Vendor, n: int) -> Any:
    """The n-th id of a test: text with `/` and `:` where the id is a string, else an integer."""
    return 100 + n if vendor.id_is_integer else f"wf-{n}/exec:{n}"


def extra_arguments(vendor: Vendor) -> dict[str, Any]:
    """What the polled call needs besides the execution id (path parameters before it, required
    query parameters), as the single wait takes them."""
    kwargs = vendor.call_kwargs()
    del kwargs[parameter_name(vendor.id_param)]
    return kwargs


def fan_in(vendor: Vendor, mode: str, client: Any, ids: list[Any], **kwargs: Any) -> Any:
    """The sync iterator or the async one, with the vendor's other arguments by keyword."""
    module = wait_module(vendor)
    function = module.wait_for_executions if mode == "sync" else module.wait_for_executions_async
    return function(execution_ids=ids, client=client, **extra_arguments(vendor), **kwargs)


async def collect(vendor: Vendor, mode: str, client: Any, ids: list[Any], **kwargs: Any) -> list[Any]:
    iterator = fan_in(vendor, mode, client, ids, **kwargs)
    if mode == "sync":
        return list(iterator)
    return [outcome async for outcome in iterator]


def polled_ids(fake: Any, vendor: Vendor) -> list[str]:
    return [request.path_params[vendor.id_param] for request in fake.requests]


@pytest.mark.asyncio
async def test_outcomes_come_in_completion_order_with_a_mixed_outcome(vendor: Vendor, mode: str) -> None:
    fake = new_fake(vendor)
    status, fields = finished(vendor)
    running = vendor.running_status
    slow, quick, never, unknown = (ident(vendor, n) for n in range(4))
    fake.add_execution(slow, statuses=[running, running, status], **fields)
    fake.add_execution(quick, statuses=[status], **fields)
    fake.add_execution(never, statuses=[running])
    invalid = "not-an-int" if vendor.id_is_integer else ".."
    ids = [slow, quick, never, unknown, invalid, slow]  # `slow` twice: waited on once
    started = time.perf_counter()
    outcomes = await collect(vendor, mode, fake.client(), ids, timeout=60)
    assert time.perf_counter() - started < WALL
    by_id = {outcome.execution_id: outcome for outcome in outcomes}
    # The invalid id at once, then the first round of polls in order (quick ends, unknown is
    # not found), `slow` at its third poll (1 + 2 virtual seconds later), `never` at the deadline.
    assert [o.execution_id for o in outcomes] == [str(i) for i in (invalid, quick, unknown, slow, never)]
    assert by_id[str(quick)].succeeded and by_id[str(quick)].error is None and by_id[str(quick)].polls == 1
    assert by_id[str(slow)].succeeded and by_id[str(slow)].status == status and by_id[str(slow)].polls == 3
    assert by_id[str(slow)].elapsed == pytest.approx(3.0)
    assert wait_module(vendor).execution_status(by_id[str(slow)].execution) == status
    lost = by_id[str(unknown)]
    assert isinstance(lost.error, vendor.errors.NotFoundError) and lost.failed and lost.execution is None
    late = by_id[str(never)]
    assert isinstance(late.error, vendor.errors.WaitTimeoutError) and not late.succeeded
    assert late.status == running and late.error.last_status == running
    assert late.elapsed == pytest.approx(60.0) == fake.elapsed
    bad = by_id[invalid]
    assert isinstance(bad.error, vendor.errors.InvalidParameterError) and bad.polls == 0
    assert bad.error.parameter == "execution_ids"
    polled = polled_ids(fake, vendor)
    assert invalid not in polled and polled.count(str(slow)) == 3 and polled.count(str(unknown)) == 1


@pytest.mark.asyncio
async def test_the_fan_in_outlasts_transient_errors(vendor: Vendor, mode: str) -> None:
    fake = new_fake(vendor)
    status, fields = finished(vendor)
    one, two = ident(vendor, 1), ident(vendor, 2)
    fake.add_execution(one, statuses=[vendor.running_status, status], **fields)
    fake.add_execution(two, statuses=[status], **fields)
    fake.inject(503, times=3)  # the first poll (of `one`) fails past the client's two retries
    # One poll at a time, async too: the faults go to `one`'s attempts, not to two polls at once.
    options = {"concurrency": 1} if mode == "async" else {}
    outcomes = await collect(vendor, mode, fake.client(), [one, two], timeout=60, **options)
    assert [o.execution_id for o in outcomes] == [str(two), str(one)]
    assert all(o.succeeded and o.error is None for o in outcomes)
    assert (outcomes[1].polls, outcomes[1].retries) == (2, 1)


@pytest.mark.asyncio
async def test_an_empty_list_yields_nothing_at_once(vendor: Vendor, mode: str) -> None:
    fake = new_fake(vendor)
    assert await collect(vendor, mode, fake.client(), []) == []
    assert fake.requests == [] and fake.elapsed == 0


def test_the_names_are_importable_from_the_package_root(vendor: Vendor) -> None:
    wait = wait_module(vendor)
    for name in ("wait_for_executions", "wait_for_executions_async", "WaitOutcome", "TerminalStatuses"):
        assert getattr(vendor.package, name) is getattr(wait, name)
        assert name in vendor.package.__all__


def test_breaking_out_of_the_sync_loop_stops_polling(vendor: Vendor) -> None:
    fake = new_fake(vendor)
    status, fields = finished(vendor)
    fake.add_execution(ident(vendor, 0), statuses=[status], **fields)
    for n in range(1, 5):
        fake.add_execution(ident(vendor, n), statuses=[vendor.running_status])
    ids = [ident(vendor, n) for n in range(5)]
    outcomes = fan_in(vendor, "sync", fake.client(), ids, timeout=600)
    seen = []
    for outcome in outcomes:
        seen.append(outcome)
        break
    (first,) = seen
    assert first.execution_id == str(ident(vendor, 0))
    assert len(fake.requests) == 1  # polling happens only while the loop asks for an outcome
    outcomes.close()
    assert next(outcomes, None) is None
    assert len(fake.requests) == 1 and fake.elapsed == 0


class CountingTransport(httpx2.AsyncBaseTransport):
    """The fake's transport, with the requests in flight counted (each yields to the loop first)."""

    def __init__(self, fake: Any) -> None:
        self.fake = fake
        self.in_flight = 0
        self.most = 0

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            for _ in range(3):
                await asyncio.sleep(0)
            response: httpx2.Response = await self.fake.transport.handle_async_request(request)
            return response
        finally:
            self.in_flight -= 1


@pytest.mark.asyncio
async def test_async_polls_run_concurrently_up_to_the_cap(vendor: Vendor) -> None:
    fake = new_fake(vendor)
    status, fields = finished(vendor)
    ids = [ident(vendor, n) for n in range(7)]
    for n in ids:
        fake.add_execution(n, statuses=[vendor.running_status, status], **fields)
    transport = CountingTransport(fake)
    client = fake.client(httpx_args={"transport": transport})
    outcomes = [o async for o in fan_in(vendor, "async", client, ids, concurrency=3)]
    assert transport.most == 3
    assert sorted(o.execution_id for o in outcomes) == sorted(str(n) for n in ids)
    assert all(o.succeeded and o.polls == 2 for o in outcomes)
    # The one scheduler sleeps once per round: every execution's second poll is due at 1 s.
    assert fake.elapsed == pytest.approx(1.0)


async def _settle() -> None:
    """Let every other task of the loop run as far as it can."""
    for _ in range(50):
        await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_cancelling_the_async_task_stops_every_request(vendor: Vendor) -> None:
    fake = new_fake(vendor)
    ids = [ident(vendor, n) for n in range(6)]
    for n in ids:
        fake.add_execution(n, statuses=[vendor.running_status])
    transport = CountingTransport(fake)
    client = fake.client(httpx_args={"transport": transport})
    seen: list[Any] = []

    async def consume() -> None:
        async for outcome in fan_in(vendor, "async", client, ids, timeout=3600, concurrency=3):
            seen.append(outcome)

    task = asyncio.ensure_future(consume())
    deadline = time.monotonic() + WALL
    while len(fake.requests) < 20 and time.monotonic() < deadline:
        # A real pause, not a bare yield: the fake's clock moves only while no task can run.
        await asyncio.sleep(0.001)
    assert len(fake.requests) >= 20
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    sent = len(fake.requests)
    await _settle()
    fake.clock.advance(7200)  # past every poll's due time and the deadline
    await _settle()
    assert len(fake.requests) == sent
    assert transport.in_flight == 0
    assert seen == []
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    assert all(t.done() for t in others), others


@pytest.mark.asyncio
async def test_breaking_out_of_the_async_loop_stops_every_request(vendor: Vendor) -> None:
    fake = new_fake(vendor)
    status, fields = finished(vendor)
    fake.add_execution(ident(vendor, 0), statuses=[status], **fields)
    ids = [ident(vendor, n) for n in range(6)]
    for n in ids[1:]:
        fake.add_execution(n, statuses=[vendor.running_status])
    transport = CountingTransport(fake)
    client = fake.client(httpx_args={"transport": transport})
    async for outcome in fan_in(vendor, "async", client, ids, timeout=3600, concurrency=6):
        assert outcome.execution_id == str(ids[0])
        break
    gc.collect()
    sent = len(fake.requests)
    await _settle()
    fake.clock.advance(7200)
    await _settle()
    assert len(fake.requests) == sent
    assert transport.in_flight == 0


@pytest.mark.asyncio
async def test_aclose_stops_every_request(vendor: Vendor) -> None:
    fake = new_fake(vendor)
    ids = [ident(vendor, n) for n in range(4)]
    for n in ids:
        fake.add_execution(n, statuses=[vendor.running_status])
    client = fake.client(httpx_args={"transport": CountingTransport(fake)})
    async with fan_in(vendor, "async", client, ids, timeout=3600) as outcomes:
        waiting = asyncio.ensure_future(outcomes.__anext__())
        deadline = time.monotonic() + WALL
        while len(fake.requests) < 8 and time.monotonic() < deadline:
            # A real pause, not a bare yield: the fake's clock moves only while no task can run.
            await asyncio.sleep(0.001)
        assert len(fake.requests) >= 8
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
    sent = len(fake.requests)
    fake.clock.advance(7200)
    await _settle()
    assert len(fake.requests) == sent
    with pytest.raises(StopAsyncIteration):
        await outcomes.__anext__()


def test_memory_per_pending_execution_stays_small(vendor: Vendor) -> None:
    """A thousand executions pending, each polled once and holding its last execution: the
    traced memory (the fake's request log included) stays under the target per execution."""
    fake = new_fake(vendor)
    count = 1000
    ids = [ident(vendor, n) for n in range(count)]
    for n in ids:
        fake.add_execution(n, statuses=[vendor.running_status])
    unknown = ident(vendor, count)  # polled last in the first round: 404, the first outcome
    client = fake.client()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        outcomes = fan_in(vendor, "sync", client, [*ids, unknown], timeout=3600)
        first = next(outcomes)
        gc.collect()
        used = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert first.execution_id == str(unknown) and isinstance(first.error, vendor.errors.NotFoundError)
    assert len(fake.requests) == count + 1
    assert used / count < BYTES_PER_PENDING, f"{used / count:.0f} bytes per pending execution"
    outcomes.close()
