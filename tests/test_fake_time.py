"""`testing.FakeAPI`'s virtual time schedules: concurrent waits on one fake share one timeline
(asyncio tasks and threads), `RecordedRequest.time` is the virtual time of each request, a
timeline scripts statuses by virtual time, faults can be aimed at one execution, and
`rate_limit` answers 429 as a rate-limited API would. Every vendor, against the real package.
"""

from __future__ import annotations

import asyncio
import importlib
import time
from typing import Any

import pytest

from support.vendors import MISSING, Vendor

# A generous bound on the wall time of runs that take minutes of virtual time.
WALL = 30.0
CONCURRENT = 200


def fake_module(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}.testing")


def wait_module(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}.wait")


def ident(vendor: Vendor, index: int) -> Any:
    """The `index`th execution id, as ids really look (a string id: `/` and `:` in one segment)."""
    return 7 + index if vendor.id_is_integer else f"wf-{index}/exec:1"


def finished(vendor: Vendor) -> tuple[str, dict[str, Any]]:
    """(status, fields) of a run that ended well (a `done` status: with a successful outcome)."""
    if vendor.success_statuses:
        return vendor.success_statuses[0], {}
    prefix = vendor.status_path[:-1]
    outcome = ".".join(vendor.outcome_path[len(prefix) :])
    return vendor.terminal_sets["done"][0], {outcome: vendor.outcome_sets["success"][0]}


def pauses(vendor: Vendor, count: int) -> list[float]:
    """The wait helper's first `count` pauses with its default intervals."""
    c = importlib.import_module(f"{vendor.import_name}._constants")
    found, interval = [], c.DEFAULT_POLL_INTERVAL
    for _ in range(count):
        found.append(interval)
        interval = min(interval * c.POLL_BACKOFF_FACTOR, c.DEFAULT_MAX_POLL_INTERVAL)
    return found


def schedule(vendor: Vendor, polls: int) -> list[float]:
    """The virtual times of a wait's `polls` polls: 0, then after each pause."""
    times, now = [0.0], 0.0
    for pause in pauses(vendor, polls - 1):
        now += pause
        times.append(now)
    return times


def scripted(vendor: Vendor, polls: int, count: int = CONCURRENT) -> Any:
    """A fake serving `count` executions that each end at their `polls`th poll."""
    fake = fake_module(vendor).FakeAPI()
    status, fields = finished(vendor)
    for index in range(count):
        fake.add_execution(ident(vendor, index), statuses=[vendor.running_status] * (polls - 1) + [status], **fields)
    return fake


# --- scheduled virtual time ------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_concurrent_async_waits_share_one_timeline(vendor: Vendor) -> None:
    """200 waits of 5 polls each, gathered on one client: they end at the schedule of one wait
    (the 4 pauses), not 200 times it, and every request is stamped with its virtual time."""
    fake = scripted(vendor, polls=5)
    client = fake.client()
    wait = wait_module(vendor).wait_for_execution_async
    started = time.perf_counter()
    results = await asyncio.gather(
        *(wait(client=client, **vendor.call_kwargs(ident(vendor, i)), timeout=600) for i in range(CONCURRENT))
    )
    assert time.perf_counter() - started < WALL
    expected = schedule(vendor, 5)
    assert fake.elapsed == pytest.approx(expected[-1]) == pytest.approx(sum(pauses(vendor, 4)))
    assert all(r.succeeded and r.polls == 5 and r.elapsed == pytest.approx(expected[-1]) for r in results)
    assert len(fake.requests) == 5 * CONCURRENT
    # Each wait polled at 0, 1, 3, 7, 15 (the default intervals): 200 requests at each time.
    times = sorted(r.time for r in fake.requests)
    assert times == sorted(expected * CONCURRENT)
    assert {r.status for r in fake.requests} == {vendor_success_status(vendor)}


def vendor_success_status(vendor: Vendor) -> int:
    return int(vendor.success_status) if vendor.success_status.isdigit() else 200


@pytest.mark.asyncio
async def test_waits_of_different_lengths_end_at_their_own_times(vendor: Vendor) -> None:
    fake = fake_module(vendor).FakeAPI()
    status, fields = finished(vendor)
    lengths = [1, 2, 3, 4, 5, 6]
    for index, polls in enumerate(lengths):
        fake.add_execution(ident(vendor, index), statuses=[vendor.running_status] * (polls - 1) + [status], **fields)
    client = fake.client()
    ended: dict[int, float] = {}

    async def one(index: int) -> None:
        wait = wait_module(vendor).wait_for_execution_async
        await wait(client=client, **vendor.call_kwargs(ident(vendor, index)), timeout=600)
        ended[index] = fake.clock()

    await asyncio.gather(*(one(i) for i in range(len(lengths))))
    assert ended == {i: pytest.approx(schedule(vendor, polls)[-1]) for i, polls in enumerate(lengths)}
    assert fake.elapsed == pytest.approx(schedule(vendor, max(lengths))[-1])


def test_concurrent_sync_waits_in_threads_share_one_timeline(vendor: Vendor) -> None:
    """The sync wait helper in 200 threads (`clock.run_threads`): the same schedule."""
    fake = scripted(vendor, polls=5)
    client = fake.client()
    wait = wait_module(vendor).wait_for_execution
    started = time.perf_counter()
    results = fake.clock.run_threads(
        [
            lambda i=i: wait(client=client, **vendor.call_kwargs(ident(vendor, i)), timeout=600)
            for i in range(CONCURRENT)
        ]
    )
    assert time.perf_counter() - started < WALL
    expected = schedule(vendor, 5)
    assert fake.elapsed == pytest.approx(expected[-1])
    assert [r.polls for r in results] == [5] * CONCURRENT
    assert all(r.elapsed == pytest.approx(expected[-1]) for r in results)
    assert sorted(r.time for r in fake.requests) == sorted(expected * CONCURRENT)


def test_run_threads_raises_the_first_error_after_all_ended(vendor: Vendor) -> None:
    fake = scripted(vendor, polls=2, count=1)
    client = fake.client()
    wait = wait_module(vendor).wait_for_execution
    unknown = ident(vendor, 99)
    calls = [
        lambda: wait(client=client, **vendor.call_kwargs(ident(vendor, 0)), timeout=600),
        lambda: wait(client=client, **vendor.call_kwargs(unknown), timeout=600),
    ]
    with pytest.raises(vendor.errors.NotFoundError):
        fake.clock.run_threads(calls)
    assert fake.elapsed == pytest.approx(schedule(vendor, 2)[-1])  # the other wait ran to its end


@pytest.mark.asyncio
async def test_time_stands_still_while_a_task_can_run(vendor: Vendor) -> None:
    """A task that keeps running (yielding, never sleeping on the clock) holds virtual time; a
    task blocked on a lock held by a sleeper does not; a cancelled sleep leaves the timeline."""
    clock = fake_module(vendor).VirtualClock()
    seen: list[float] = []

    async def busy() -> None:
        for _ in range(500):
            await asyncio.sleep(0)
        seen.append(clock())

    sleeper = asyncio.ensure_future(clock.asleep(10))
    await busy()
    assert seen == [0.0] and not sleeper.done()
    await sleeper
    assert clock() == 10.0

    lock = asyncio.Lock()

    async def hold() -> None:
        async with lock:
            await clock.asleep(5)

    async def queue_behind() -> float:
        await asyncio.sleep(0)
        async with lock:
            now: float = clock()
            return now

    assert (await asyncio.gather(hold(), queue_behind()))[1] == 15.0

    doomed = asyncio.ensure_future(clock.asleep(100))
    await asyncio.sleep(0)
    doomed.cancel()
    await clock.asleep(1)
    assert clock() == 16.0  # the cancelled 100 s sleep did not pull time to 115


# --- timelines, aimed faults, RecordedRequest.time ------------------------------------------------------


@pytest.mark.asyncio
async def test_a_timeline_sets_the_status_by_virtual_time(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    status, fields = finished(vendor)
    fake.add_execution(ident(vendor, 0), timeline={0: vendor.running_status, 10: status}, **fields)
    module = wait_module(vendor)
    kwargs = {"client": fake.client(), **vendor.call_kwargs(ident(vendor, 0)), "timeout": 600}
    result = module.wait_for_execution(**kwargs) if mode == "sync" else await module.wait_for_execution_async(**kwargs)
    # Polls at 0, 1, 3, 7 see the run going; the one at 15 (the first after 10 s) sees it ended.
    expected = schedule(vendor, 5)
    assert result.status == status and result.polls == 5
    assert [r.time for r in fake.requests] == pytest.approx(expected)
    assert fake.elapsed == pytest.approx(expected[-1])


def test_a_timeline_must_start_at_zero_and_name_each_time_once(vendor: Vendor) -> None:
    fake = fake_module(vendor).FakeAPI()
    for bad in ({5: vendor.running_status}, [(0, vendor.running_status), (0, vendor.running_status)], {}):
        with pytest.raises(ValueError, match="timeline"):
            fake.add_execution(ident(vendor, 0), timeline=bad)
    with pytest.raises(ValueError, match=r"statuses .* or timeline"):
        fake.add_execution(ident(vendor, 0), statuses=[vendor.running_status], timeline={0: vendor.running_status})
    # A list of pairs works as a mapping does; the timeline starts when the execution is added.
    fake.clock.advance(100)
    fake.add_execution(ident(vendor, 1), timeline=[(0, vendor.running_status), (2, vendor.running_status)])
    execution = vendor.endpoint.sync(client=fake.client(), **vendor.call_kwargs(ident(vendor, 1)))
    assert wait_module(vendor).execution_status(execution) == vendor.running_status
    assert fake.requests[-1].time == 100.0


@pytest.mark.asyncio
async def test_a_fault_aimed_at_one_execution_leaves_the_others_alone(vendor: Vendor) -> None:
    fake = scripted(vendor, polls=3, count=3)
    target = ident(vendor, 1)
    fake.inject(404, times=5, execution=target)  # not retried: the target's wait fails at its first poll
    client = fake.client()
    wait = wait_module(vendor).wait_for_execution_async
    outcomes = await asyncio.gather(
        *(wait(client=client, **vendor.call_kwargs(ident(vendor, i)), timeout=600) for i in range(3)),
        return_exceptions=True,
    )
    assert isinstance(outcomes[1], vendor.errors.NotFoundError), outcomes[1]
    assert [getattr(o, "polls", None) for i, o in enumerate(outcomes) if i != 1] == [3, 3]
    assert fake.elapsed == pytest.approx(schedule(vendor, 3)[-1])  # the others kept their schedule
    aimed = [r for r in fake.requests if r.status == 404]
    assert len(aimed) == 1 and aimed[0].path_params[vendor.id_param] == str(target)
    # The fault has 4 uses left, for that execution only; another execution is answered.
    other = vendor.endpoint.sync(client=fake.client(max_retries=0), **vendor.call_kwargs(ident(vendor, 0)))
    assert wait_module(vendor).execution_status(other) is not None
    with pytest.raises(vendor.errors.NotFoundError):
        vendor.endpoint.sync(client=fake.client(max_retries=0), **vendor.call_kwargs(target))
    assert sum(1 for r in fake.requests if r.status == 404) == 2


@pytest.mark.asyncio
async def test_an_aimed_timeout_takes_its_own_virtual_time(vendor: Vendor) -> None:
    """A timeout aimed at one execution costs that request its read timeout, on the shared
    timeline: the other waits keep their schedule."""
    fake = scripted(vendor, polls=2, count=2)
    fake.inject_timeout(execution=ident(vendor, 0))
    client = fake.client(timeout=20)
    wait = wait_module(vendor).wait_for_execution_async
    ended: dict[int, float] = {}

    async def one(index: int) -> None:
        await wait(client=client, **vendor.call_kwargs(ident(vendor, index)), timeout=600)
        ended[index] = fake.clock()

    await asyncio.gather(one(0), one(1))
    pause = pauses(vendor, 1)[0]
    assert ended[1] == pytest.approx(pause)
    # 20 s of read timeout, a retry backoff (jittered, at most the initial retry delay), then a pause.
    c = importlib.import_module(f"{vendor.import_name}._constants")
    assert 20 + pause < ended[0] <= 20 + c.INITIAL_RETRY_DELAY + pause


# --- rate limits -----------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_rate_limit_answers_429_with_the_documented_body_and_retry_after(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    fake.add_execution(ident(vendor, 0), statuses=[vendor.running_status])
    fake.rate_limit(per_second=1, burst=2)
    strict = fake.client(max_retries=0)
    call = vendor.call_kwargs(ident(vendor, 0))

    async def fetch(client: Any) -> Any:
        if mode == "sync":
            return vendor.endpoint.sync(client=client, **call)
        return await vendor.endpoint.asyncio(client=client, **call)

    await fetch(strict)
    await fetch(strict)  # the burst
    with pytest.raises(vendor.errors.RateLimitError) as caught:
        await fetch(strict)
    assert caught.value.status_code == 429
    assert caught.value.headers["retry-after"] == "1"
    documented = vendor.documented_response(429)
    if documented is not None and vendor.response_example(documented) is not MISSING:
        assert caught.value.body == vendor.response_example(documented)
    # The default client honours Retry-After in virtual time, and gets through.
    await fetch(fake.client())
    ok = vendor_success_status(vendor)
    assert [r.status for r in fake.requests] == [ok, ok, 429, 429, ok]
    assert fake.requests[-1].time == 1.0
    fake.rate_limit(None)
    for _ in range(5):
        await fetch(strict)


@pytest.mark.asyncio
async def test_rate_limit_lets_a_test_assert_code_stays_within_it(vendor: Vendor) -> None:
    """100 concurrent fetches against 10 per second: the fake answers 429 past the limit, the
    clients retry after Retry-After, and never more than the limit is served per second."""
    fake = scripted(vendor, polls=1, count=100)
    fake.rate_limit(per_second=10, burst=10, retry_after=1)
    client = fake.client(max_retries=20)
    await asyncio.gather(
        *(vendor.endpoint.asyncio(client=client, **vendor.call_kwargs(ident(vendor, i))) for i in range(100))
    )
    served = [r for r in fake.requests if r.status != 429]
    assert len(served) == 100 and any(r.status == 429 for r in fake.requests)
    # Within the bucket: in any stretch of time, at most its burst plus 10 per second of it.
    times = sorted(r.time for r in served)
    for i, first in enumerate(times):
        for j in range(i, len(times)):
            assert j - i + 1 <= 10 + 10 * (times[j] - first) + 1e-6
    # Code that paces itself (one request every 0.1 s) never meets a 429.
    paced = scripted(vendor, polls=1, count=30)
    paced.rate_limit(per_second=10, burst=1)
    client = paced.client(max_retries=0)
    for i in range(30):
        await vendor.endpoint.asyncio(client=client, **vendor.call_kwargs(ident(vendor, i)))
        await paced.clock.asleep(0.1)
    assert all(r.status != 429 for r in paced.requests) and paced.elapsed == pytest.approx(3.0)


def test_rate_limit_refuses_nonsense(vendor: Vendor) -> None:
    fake = fake_module(vendor).FakeAPI()
    for bad in ({"per_second": 0}, {"per_second": 1, "burst": 0}, {"per_second": 1, "retry_after": -1}):
        with pytest.raises(ValueError, match="per_second"):
            fake.rate_limit(**bad)


@pytest.mark.asyncio
async def test_the_clients_rate_budget_keeps_concurrent_calls_within_the_fakes_limit(vendor: Vendor) -> None:
    """`fake.client(rate_limit=10)` (the client's own option, typed) paces 50 concurrent calls on
    the fake's clock: the fake, limiting to 10 a second, answers none of them 429, and the calls
    take the virtual time the rate says."""
    fake = scripted(vendor, polls=1, count=50)
    fake.rate_limit(per_second=10, burst=2)
    client = fake.client(rate_limit=10, max_retries=0)
    started = time.perf_counter()
    await asyncio.gather(
        *(vendor.endpoint.asyncio(client=client, **vendor.call_kwargs(ident(vendor, i))) for i in range(50))
    )
    assert time.perf_counter() - started < WALL
    assert len(fake.requests) == 50 and all(r.status != 429 for r in fake.requests)
    assert 4.0 <= fake.elapsed <= 5.5
