"""One rate budget per client (`_budget.RateBudget`): what the packages promise about rate limits.

- `rate_limit=` that is 0, negative, NaN or infinite is a ValueError naming it, before any request.
- Over real sockets, against a scripted server that enforces its limit with 429 + Retry-After:
  sync threads, asyncio tasks and `with_options` copies of one client share one budget (paced
  under the server's limit: no 429); a Retry-After pauses every waiting request, not only the one
  that got it; and many concurrent polls on an adaptive client all finish (the issue's scenario,
  where each request honouring its own Retry-After made most of them fail).
- On virtual time (the client's clock hooks; a server model on the same clock): the adaptive
  budget is unlimited until the first 429, cuts to no more than what was getting through, probes
  back above it, and keeps 429s rare while using most of the limit; a stall does not release a
  burst; a retry keeps its turn; an unmoved ceiling is probed less often; a first guess climbs fast.
- The spec's `x-rate-limit` extension: read into the templates' context, or refused in one line.

Assertions count requests and order them; none asserts speed (a loaded machine only sends slower,
which a rate limit never refuses).
"""

from __future__ import annotations

import asyncio
import copy
import importlib
import itertools
import json
import math
import subprocess
import sys
import threading
import time
from typing import Any

import httpx2
import pytest
import yaml

from support.execserver import Answer, ExecutionServer, Request
from support.vendors import ROOT, Vendor

# httpcore rescans its pool per queued request (see test_concurrency): a small pool keeps many
# concurrent calls cheap; every call is still in the package's request loop at once.
POOL = httpx2.Limits(max_connections=10, max_keepalive_connections=10)


class LimitedServer:
    """Answers the vendor's example execution, at most `rate` per second (a token bucket holding
    `burst`); beyond that 429 with `Retry-After: <retry_after>`, and until that time has passed
    every request is refused again (the server holds the client to its word)."""

    def __init__(self, vendor: Vendor, rate: float, burst: float, retry_after: int = 1) -> None:
        self.body = json.dumps(vendor.fixture("example-200.json")).encode()
        self.rate, self.burst, self.retry_after = rate, burst, retry_after
        self.tokens = burst
        self.last = time.monotonic()
        self.blocked_until = 0.0
        self.lock = threading.Lock()
        self.ok: list[float] = []  # arrival times of the requests answered 200
        self.refused: list[float] = []  # and of those answered 429
        self.refuse_next = False

    def __call__(self, request: Request) -> Answer:
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
            self.last = now
            if self.refuse_next or now < self.blocked_until or self.tokens < 1:
                self.refuse_next = False
                self.refused.append(now)
                self.blocked_until = max(self.blocked_until, now + self.retry_after)
                headers = {"Content-Type": "application/json", "Retry-After": str(self.retry_after)}
                return Answer(429, b'{"message": "rate limited"}', headers)
            self.tokens -= 1
            self.ok.append(now)
            return Answer(200, self.body)


def call(vendor: Vendor, client: Any) -> int:
    return int(vendor.endpoint.sync_detailed(**vendor.call_kwargs(), client=client).status_code)


async def acall(vendor: Vendor, client: Any) -> int:
    return int((await vendor.endpoint.asyncio_detailed(**vendor.call_kwargs(), client=client)).status_code)


def run_everywhere(vendor: Vendor, client: Any, each: int) -> list[int]:
    """`each` calls from each of: 3 threads on `client`, 3 threads on `with_options` copies, and
    3 asyncio tasks on `client`, all at once; the statuses."""
    statuses: list[int] = []
    lock = threading.Lock()
    copies = [client.with_options(timeout=20), client.with_options(max_retries=3), client.with_options(timeout=25)]

    def worker(target: Any) -> None:
        for _ in range(each):
            status = call(vendor, target)
            with lock:
                statuses.append(status)

    async def tasks() -> None:
        async def one() -> None:
            for _ in range(each):
                status = await acall(vendor, client)
                with lock:
                    statuses.append(status)

        await asyncio.gather(*(one() for _ in range(3)))
        await client.aclose()  # this loop's connections (the sync pool stays open)

    threads = [threading.Thread(target=worker, args=(t,)) for t in [client, client, client, *copies]]
    threads.append(threading.Thread(target=lambda: asyncio.run(tasks())))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "calls still running after 60 s"
    return statuses


# -- the argument ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [0, 0.0, -1, -0.5, math.nan, math.inf, -math.inf])
def test_a_rate_limit_that_is_not_a_positive_finite_number_is_a_value_error(vendor: Vendor, bad: float) -> None:
    sent: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        sent.append(request)
        return httpx2.Response(200)

    with pytest.raises(ValueError, match="rate_limit") as caught:
        vendor.client("http://127.0.0.1:9", rate_limit=bad, httpx_args={"transport": httpx2.MockTransport(handler)})
    assert repr(bad) in str(caught.value)
    assert sent == []


@pytest.mark.parametrize("bad", ["10", True, [5]])
def test_a_rate_limit_that_is_not_a_number_is_a_type_error(vendor: Vendor, bad: Any) -> None:
    with pytest.raises(TypeError, match="rate_limit"):
        vendor.client("http://127.0.0.1:9", rate_limit=bad)


def test_every_copy_shares_the_budget_and_redis_is_not_imported(vendor: Vendor) -> None:
    client = vendor.client("http://127.0.0.1:9", rate_limit=12.5)
    assert client.rate_budget.rate_limit == 12.5
    assert client.with_options(timeout=3).rate_budget is client.rate_budget
    assert client.with_options(max_retries=0).with_options(timeout=1).rate_budget is client.rate_budget
    assert vendor.client("http://127.0.0.1:9").rate_budget is not client.rate_budget
    assert vendor.client("http://127.0.0.1:9").rate_budget.rate_limit is None  # adaptive by default
    # A fresh interpreter (this one has the Redis tests' imports): the extra stays unimported.
    script = (
        f"import sys, {vendor.import_name} as p\n"
        f"p.AuthenticatedClient(base_url='http://127.0.0.1:9', {vendor.credential_param}='k', rate_limit=3)\n"
        "assert 'redis' not in sys.modules, sorted(m for m in sys.modules if 'redis' in m)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


# -- over real sockets -------------------------------------------------------------------------------


def test_sync_threads_async_tasks_and_copies_draw_from_one_budget(vendor: Vendor) -> None:
    """9 callers x 10 calls at once through one client paced at 36/s, against a server allowing 40/s
    with a burst of 6 (a user sets `rate_limit` a little under the documented limit): no 429, because
    they all draw from one schedule (each caller alone would send far more)."""
    server = LimitedServer(vendor, rate=40, burst=6)
    with ExecutionServer(server) as running:
        client = vendor.client(running.url, rate_limit=36, httpx_args={"limits": POOL})
        statuses = run_everywhere(vendor, client, each=10)
        client.close()
    assert statuses == [200] * 90
    assert server.refused == []
    assert len(server.ok) == 90
    assert client.rate_budget.throttled == 0


def test_a_retry_after_pauses_every_waiting_request(vendor: Vendor) -> None:
    """One request gets 429 + Retry-After: 1; then 27 callers (threads, tasks, copies) start at once.
    The server refuses anything before the second has passed: none of them arrives that early, and
    they arrive spread out, not at once."""
    server = LimitedServer(vendor, rate=1000, burst=1000, retry_after=1)
    with ExecutionServer(server) as running:
        client = vendor.client(running.url, rate_limit=20, httpx_args={"limits": POOL})
        for _ in range(10):  # some successes first: the rate that gets through is known
            assert call(vendor, client) == 200
        server.refuse_next = True
        assert call(vendor, client.with_options(max_retries=0)) == 429
        statuses = run_everywhere(vendor, client, each=3)
        client.close()
    assert statuses == [200] * 27
    assert len(server.refused) == 1  # every waiter honoured the pause the one 429 asked for
    paused_from = server.refused[0]
    later = sorted(t for t in server.ok if t > paused_from)
    assert len(later) == 27
    assert later[0] >= paused_from + 1.0
    # Paced after the pause (at most a couple at once), not 27 in the same instant.
    assert later[-1] - later[0] > 0.5
    assert client.rate_budget.pauses == 1


def test_many_concurrent_polls_on_an_adaptive_client_all_finish(vendor: Vendor) -> None:
    """The issue's scenario, scaled: 200 asyncio calls at once on one client without `rate_limit`
    against a server allowing 50/s (429 + Retry-After: 1 beyond). The budget is unlimited until the
    first 429, then pauses and paces, and every call finishes within its 2 retries: none ends in a 429."""
    server = LimitedServer(vendor, rate=50, burst=50)

    async def main(url: str) -> list[int]:
        client = vendor.client(url, httpx_args={"limits": POOL})
        async with client:
            return list(await asyncio.gather(*(acall(vendor, client) for _ in range(200))))

    with ExecutionServer(server) as running:
        statuses = asyncio.run(main(running.url))
    assert statuses == [200] * 200
    # No more than the pool's 10 are in flight at once, so the first 429 and its pause reach the
    # other 190 before they are sent: a handful of refusals, not a burst of them.
    assert len(server.refused) <= 25


def test_a_retry_waits_for_a_place_ahead_of_calls_not_yet_tried(vendor: Vendor) -> None:
    """A call retried after a 429 already waited its turn: it is not sent to the back of the
    queue of (possibly thousands of) calls waiting for a place."""
    budget = importlib.import_module(f"{vendor.import_name}._budget").RateBudget()
    budget.max_in_flight = 1
    clock = time.monotonic

    async def main() -> list[str]:
        held = await budget.aacquire(clock, asyncio.sleep)
        assert held is not None
        order: list[str] = []

        async def take(name: str, retry: bool) -> None:
            ticket = await budget.aacquire(clock, asyncio.sleep, retry=retry)
            assert ticket is not None
            order.append(name)
            await budget.asettle(ticket, 200, {}, clock)

        waiting = [asyncio.ensure_future(take(f"new {i}", False)) for i in range(3)]
        await asyncio.sleep(0)
        waiting.append(asyncio.ensure_future(take("retry", True)))
        await asyncio.sleep(0)
        await budget.asettle(held, 429, {}, clock)
        await asyncio.wait_for(asyncio.gather(*waiting), 10)
        return order

    assert asyncio.run(main()) == ["retry", "new 0", "new 1", "new 2"]


def test_no_more_in_flight_than_the_pool_and_a_freed_place_goes_to_a_waiter(vendor: Vendor) -> None:
    budget = importlib.import_module(f"{vendor.import_name}._budget").RateBudget()
    budget.max_in_flight = 2
    clock, sleep = time.monotonic, time.sleep
    first, second = budget.acquire(clock, sleep), budget.acquire(clock, sleep)
    assert first is not None and second is not None
    assert budget.acquire(clock, sleep, lambda: 0.01) is None  # no place before the deadline: nothing held
    got: list[int | None] = []
    waiter = threading.Thread(target=lambda: got.append(budget.acquire(clock, sleep)))
    waiter.start()
    waiter.join(0.2)
    assert waiter.is_alive() and got == []  # it waits for a place, not for time
    budget.settle(first, 200, {}, clock)
    waiter.join(10)
    assert len(got) == 1 and got[0] is not None

    async def async_waiter() -> int | None:
        task = asyncio.ensure_future(budget.aacquire(clock, asyncio.sleep))
        await asyncio.sleep(0.05)
        assert not task.done()
        threading.Thread(target=budget.settle, args=(second, 429, {}, clock)).start()  # freed from a thread
        return await asyncio.wait_for(task, 10)

    third = asyncio.run(async_waiter())
    assert third is not None
    budget.settle(got[0], 200, {}, clock)
    budget.settle(third, 200, {}, clock)
    assert budget._held == 0 and not budget._waiters


def test_a_request_that_cannot_be_built_gives_its_place_back(vendor: Vendor) -> None:
    """A request is built once its slot comes; when building fails (here a JSON body that cannot be
    encoded), nothing was sent and the place goes back, else each such call would hold one forever
    and the client would stop sending once the pool's worth had failed."""
    client = vendor.client("http://127.0.0.1:9", rate_limit=1000, httpx_args={"limits": POOL})
    budget = client.rate_budget
    deadline = importlib.import_module(f"{vendor.import_name}._base_client").Deadline
    body = {"body": object()}
    places = POOL.max_connections
    assert places is not None
    for _ in range(places + 1):
        # Bounded: a place never given back would end this wait with DeadlineExceededError.
        with pytest.raises(TypeError):
            client._request(method="POST", url="/x", json=body, timeout=deadline(5))
        with pytest.raises(TypeError):
            asyncio.run(client._arequest(method="POST", url="/x", json=body, timeout=deadline(5)))
    assert budget._held == 0 and budget._in_flight == 0 and not budget._waiters
    client.close()


# -- on virtual time ---------------------------------------------------------------------------------


class VirtualClock:
    """Seconds that pass only when the code under test sleeps (one caller at a time)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)

    async def asleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)


class VirtualServer:
    """`rate` per second on the virtual clock (a bucket of one second's worth), 429 + Retry-After: 1 beyond."""

    def __init__(self, vendor: Vendor, clock: VirtualClock, rate: float) -> None:
        self.body = json.dumps(vendor.fixture("example-200.json")).encode()
        self.clock, self.rate = clock, rate
        self.tokens, self.last = rate, 0.0
        self.ok = self.refused = 0

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        now = self.clock()
        self.tokens = min(self.rate, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens < 1:
            self.refused += 1
            return httpx2.Response(429, headers={"Retry-After": "1"}, json={"message": "slow down"})
        self.tokens -= 1
        self.ok += 1
        return httpx2.Response(200, content=self.body, headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_adaptive_budget_cuts_on_a_429_and_probes_back_up(vendor: Vendor, mode: str) -> None:
    clock = VirtualClock()
    server = VirtualServer(vendor, clock, rate=50)
    transport: Any = httpx2.MockTransport(server)
    client = vendor.client("http://api.test", httpx_args={"transport": transport})
    client._sleep, client._asleep, client._clock = clock.sleep, clock.asleep, clock
    budget = client.rate_budget
    rates: list[tuple[float, float | None]] = []  # (time, rate) after each call
    cut_rates: list[float | None] = []  # the rate at the moment of each cut

    def record() -> None:
        rates.append((clock(), budget.rate(clock())))
        if budget.cuts > len(cut_rates):
            cut_rates.append(budget.rate(budget._cut_at))

    async def run_async() -> None:
        while clock() < 60:
            await acall(vendor, client)
            record()

        await client.aclose()

    if mode == "sync":
        with client:
            while clock() < 60:
                call(vendor, client)
                record()
    else:
        asyncio.run(run_async())
    first_cut = next(i for i, (_, rate) in enumerate(rates) if rate is not None)
    assert all(rate is None for _, rate in rates[:first_cut])  # unlimited until the first 429
    assert server.refused >= 1 and first_cut >= 50  # the server's first second went through
    cut_rate = cut_rates[0]
    assert cut_rate is not None and cut_rate <= 50  # no more than the rate that got through
    # It climbs back past the limit (probing), and each probe ends in a new cut.
    assert max(rate or 0 for _, rate in rates[first_cut:]) > 50
    assert budget.cuts >= 2
    # Over the minute: refusals rare, most of the server's limit used.
    total = server.ok + server.refused
    assert server.refused <= 0.03 * total
    assert server.ok >= 0.9 * 50 * clock()


def test_a_paced_budget_spaces_requests_evenly_with_a_small_burst(vendor: Vendor) -> None:
    clock = VirtualClock()
    times: list[float] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        times.append(clock())
        return httpx2.Response(200, content=json.dumps(vendor.fixture("example-200.json")).encode())

    client = vendor.client("http://api.test", rate_limit=48, httpx_args={"transport": httpx2.MockTransport(handler)})
    client._sleep, client._asleep, client._clock = clock.sleep, clock.asleep, clock
    with client:
        for _ in range(100):
            call(vendor, client.with_options(timeout=5))
    burst = sum(1 for t in times if t == 0.0)
    assert 1 < burst <= 5  # a few at once (0.1 s worth), no more
    gaps = [b - a for a, b in zip(times[burst - 1 :], times[burst:], strict=False)]
    assert all(gap == pytest.approx(1 / 48) for gap in gaps)


def _budget_module(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}._budget")


def _gcra_bound(sent: list[float], burst: int, rate: float) -> None:
    """No stretch of `sent` holds more than the burst plus the rate's worth of its length."""
    for i, first in enumerate(sent):
        for j in range(i, len(sent)):
            assert j - i + 1 <= burst + rate * (sent[j] - first) + 1e-6


def test_a_stall_does_not_release_every_slot_it_passed_at_once(vendor: Vendor) -> None:
    """60 tasks reserve their slots (1.2 s ahead at 50/s), then the process stalls for 2 s (a long
    garbage collection): every slot has passed when they wake. They take new slots, one interval
    apart, instead of all going together into a server whose bucket refilled only its burst."""
    budget = _budget_module(vendor).RateBudget(50)
    clock = importlib.import_module(f"{vendor.import_name}._fake_clock").VirtualClock()
    sent: list[float] = []

    async def one() -> None:
        ticket = await budget.aacquire(clock, clock.asleep)
        sent.append(clock())
        await budget.asettle(ticket, 200, {}, clock)

    async def main() -> None:
        tasks = [asyncio.create_task(one()) for _ in range(60)]
        for _ in range(5):
            await asyncio.sleep(0)  # every task has reserved its slot and sleeps on the clock
        clock.advance(2.0)  # the stall: time moved on while nothing ran
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=30)

    asyncio.run(main())
    after = sorted(t for t in sent if t >= 2.0)
    assert len(sent) == 60 and len(after) > 50  # all but the small burst at the start were held up
    burst = sum(1 for t in after if t == after[0])
    assert 1 <= burst <= 2  # the schedule restarts: no burst saved up while nothing was sent
    _gcra_bound(after, 2, 50)


def test_an_unmoved_ceiling_is_probed_less_often(vendor: Vendor) -> None:
    """Each cut that finds the same rate getting through as the last one doubles the time the
    budget takes to climb back (and so the time until it probes the limit again)."""
    budget = _budget_module(vendor).RateBudget()
    clock = VirtualClock()

    def run_until_429(limit: float, seconds: float) -> None:
        end = clock() + seconds
        while clock() < end:
            ticket = budget.acquire(clock, clock.sleep)
            budget.settle(ticket, 200, {}, clock)
            clock.sleep(1 / limit if budget.rate(clock()) is None else 0.0)
        ticket = budget.acquire(clock, clock.sleep)
        budget.settle(ticket, 429, {}, clock)

    run_until_429(50, 3.0)  # the first 429 after 3 s at 50/s
    first = budget._k
    run_until_429(50, first + 1)  # found again while probing above the anchor
    second = budget._k
    run_until_429(50, second + 1)
    third = budget._k
    assert budget.cuts == 3
    assert second == 2 * first and third == 2 * second
    assert budget.rate(clock()) == pytest.approx(0.9 * 50, rel=0.1)  # just under what got through


def test_a_first_429_too_soon_to_measure_climbs_back_fast(vendor: Vendor) -> None:
    """The first 429 after a burst (the server's bucket held 10) measures no rate: the budget
    guesses what got through in a second and climbs fast from there (like TCP's slow start),
    instead of crawling up from the guess."""
    module = _budget_module(vendor)
    budget = module.RateBudget()
    clock = VirtualClock()
    for _ in range(10):
        budget.settle(budget.acquire(clock, clock.sleep), 200, {}, clock)
    budget.settle(budget.acquire(clock, clock.sleep), 429, {}, clock)
    constants = importlib.import_module(f"{vendor.import_name}._constants")
    assert budget.cuts == 1 and budget._c == constants.ADAPTIVE_GUESS_SCALE
    guess = budget.rate(clock())
    assert guess is not None and guess <= 10
    assert (budget.rate(clock() + 1.0) or 0) >= 2 * guess  # twice the guess within a second
    assert (budget.rate(clock() + 2.0) or 0) > 5 * guess


RETRY_AFTER_1 = {"retry-after": "1"}  # as httpx2 hands them over: lower case


def _first_guess(vendor: Vendor, clock: VirtualClock, headers: dict[str, str]) -> Any:
    """An adaptive budget after a burst of 10 answered at once and the 429 that ended it."""
    budget = _budget_module(vendor).RateBudget(rand=lambda: 0.5)
    for _ in range(10):
        budget.settle(budget.acquire(clock, clock.sleep), 200, {}, clock)
    budget.settle(budget.acquire(clock, clock.sleep), 429, headers, clock)
    return budget


def test_a_pause_holds_the_climb_where_it_was(vendor: Vendor) -> None:
    """Nothing is sent during a Retry-After, so the curve does not climb meanwhile: at the pause's
    end the rate is the guess, not twice it (a rate never tried, sent into a server that just
    refused), and the climb goes on from there."""
    clock = VirtualClock()
    budget = _first_guess(vendor, clock, RETRY_AFTER_1)
    guess = budget.rate(clock())
    assert guess is not None and budget.pauses == 1
    assert budget.rate(clock() + 1.0) == pytest.approx(guess)  # the pause's end
    assert (budget.rate(clock() + 2.0) or 0) >= 2 * guess  # a second after it


def test_a_429_soon_after_a_pause_while_still_finding_the_limit_climbs_fast_again(vendor: Vendor) -> None:
    """The first 429's guess is no ceiling: a second 429 too soon after the pause to measure a rate
    starts the fast climb again from just below the rate sent, instead of crawling up from the
    guess for seconds (which took a server allowing 50/s over 20 s to reach)."""
    clock = VirtualClock()
    budget = _first_guess(vendor, clock, RETRY_AFTER_1)
    guess = budget.rate(clock())
    clock.now = 1.8  # the pause ended at 1.0; sending at the climbing rate
    sending = budget.rate(clock())
    assert sending is not None and sending > guess
    budget.settle(budget.acquire(clock, clock.sleep), 429, {}, clock)
    assert budget.cuts == 2
    again = budget.rate(clock())
    assert again is not None and guess <= again < sending
    assert (budget.rate(clock() + 2.0) or 0) > 5 * again


def test_slots_reserved_while_the_rate_climbs_are_spaced_at_the_rate_of_their_time(vendor: Vendor) -> None:
    """A hundred waiters reserve their slots at once during the climb from a guess of 10/s: spaced
    at 10/s the last would wait 10 s while the rate has long since doubled and doubled again. Each
    slot gets the rate of its own time."""
    clock = VirtualClock()
    budget = _first_guess(vendor, clock, {})
    waits = []
    for _ in range(100):
        rate, _epoch = budget._plan(clock())
        waits.append(budget.schedule.reserve(clock(), rate, None)[0])
    assert waits[-1] < 4.0  # 10 * (t + t**4 / 4) slots by t: 100 by about 2.9 s


def test_a_cut_or_a_pause_restarts_the_pacing_without_a_burst(vendor: Vendor) -> None:
    """After a pause (here with the waiters' jitter) the requests leave one interval apart from the
    first: no burst saved up while nothing was sent, which a server whose bucket holds less than
    ours would refuse, and every refusal costs another whole pause."""
    clock = VirtualClock()
    budget = _budget_module(vendor).RateBudget(100, rand=lambda: 0.5)
    for _ in range(20):
        budget.settle(budget.acquire(clock, clock.sleep), 200, {}, clock)
    budget.settle(budget.acquire(clock, clock.sleep), 429, RETRY_AFTER_1, clock)
    paused_from = clock()
    sent = []
    for _ in range(20):
        ticket = budget.acquire(clock, clock.sleep)
        sent.append(clock())
        budget.settle(ticket, 200, {}, clock)
    assert sent[0] >= paused_from + 1.0
    # The first ones after the pause: one interval apart (later, as the rate climbs, its small burst
    # is allowed again when a request falls behind).
    for a, b in itertools.pairwise(sent[:6]):
        assert b - a >= 1 / (budget.rate(b) or math.inf) - 1e-9


def test_a_request_woken_late_once_more_goes_the_second_time(vendor: Vendor) -> None:
    """A request that wakes well after its slot takes a new one, once: on a host where every
    wake-up is late (and other waiters keep the schedule a second ahead) it sleeps for its slot,
    then for one new slot, and goes after the second late wake-up instead of taking new slots for
    ever."""
    budget = _budget_module(vendor).RateBudget(50)
    clock = VirtualClock()
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        assert len(sleeps) <= 10, "new slots taken again and again"  # bounded: never a hang
        for _ in range(50):  # meanwhile others reserve a second's worth of slots
            budget.schedule.reserve(clock(), 50.0, None)
        clock.sleep(seconds + 0.5)  # and every sleep ends half a second late

    for _ in range(5):
        budget.settle(budget.acquire(clock, clock.sleep), 200, {}, clock)  # the fresh burst
    assert budget.acquire(clock, sleep) is not None
    assert len(sleeps) == 2 and all(seconds > 0 for seconds in sleeps)  # its slot, then one new slot


def test_the_rate_limit_headers_slow_down_before_the_429(vendor: Vendor) -> None:
    """X-RateLimit-Remaining / -Reset: when few requests are left in the window, the rest are spread
    until the reset, and none left waits for it: the server never has to refuse."""
    clock = VirtualClock()
    window = {"start": 0.0, "used": 0}
    refused: list[float] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        now = clock()
        if now >= window["start"] + 10:
            window["start"], window["used"] = now - (now - window["start"]) % 10, 0
        reset = window["start"] + 10 - now
        if window["used"] >= 30:
            refused.append(now)
            return httpx2.Response(429, headers={"Retry-After": str(math.ceil(reset))})
        window["used"] += 1
        headers = {"X-RateLimit-Limit": "30", "X-RateLimit-Remaining": str(30 - window["used"])}
        headers["X-RateLimit-Reset"] = f"{math.ceil(reset * 1000) / 1000:.3f}"  # never before the reset
        return httpx2.Response(200, content=json.dumps(vendor.fixture("example-200.json")).encode(), headers=headers)

    client = vendor.client("http://api.test", httpx_args={"transport": httpx2.MockTransport(handler)})
    client._sleep, client._asleep, client._clock = clock.sleep, clock.asleep, clock
    with client:
        for _ in range(100):
            call(vendor, client)
    assert refused == []
    assert clock() >= 30  # 100 requests at 30 per 10 s windows: the budget waited for the resets


# -- the spec's x-rate-limit ---------------------------------------------------------------------------


def _context(extension: Any, on_operation: bool = False) -> Any:
    from generator.derive import derive
    from generator.rate_limit import rate_limit_context

    path = ROOT / "specs" / "kapso" / "openapi.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec.pop("x-rate-limit", None)
    if on_operation:
        next(iter(spec["paths"].values()))["get"]["x-rate-limit"] = extension
    elif extension is not None:
        spec["x-rate-limit"] = extension
    return rate_limit_context(derive(copy.deepcopy(spec), path))


def test_kapso_documents_its_limits_per_plan_and_stays_adaptive() -> None:
    context = _context(yaml.safe_load((ROOT / "specs" / "kapso" / "openapi.yaml").read_text())["x-rate-limit"])
    assert context["default"] is None
    assert context["source"].startswith("https://docs.kapso.ai/")
    plans = {row["plan"]: (row["literal"], row["rate"]) for row in context["plans"]}
    assert plans["free"] == ("100 / 60", pytest.approx(100 / 60))
    assert plans["pro"] == ("500 / 60", pytest.approx(500 / 60))
    assert plans["enterprise"] == ("1000 / 60", pytest.approx(1000 / 60))
    readme = (ROOT / "packages" / "kapso-exec" / "README.md").read_text(encoding="utf-8")
    assert "| pro | 500 requests per minute | `rate_limit=500 / 60` |" in readme


def test_one_limit_for_everyone_is_the_default() -> None:
    context = _context({"source": "https://example.com/limits", "requests": 50, "per": "second"})
    assert context["default"]["literal"] == "50" and context["default"]["rate"] == 50
    assert _context(None) is None


@pytest.mark.parametrize(
    ("extension", "pointer", "what"),
    [
        ({"requests": 50, "per": "second"}, "/x-rate-limit/source", "names no source"),
        ({"source": "u", "requests": 0, "per": "second"}, "/x-rate-limit/requests", "0 requests"),
        ({"source": "u", "requests": 5, "per": "fortnight"}, "/x-rate-limit/per", "not a unit"),
        ({"source": "u", "requests": "5", "per": "second"}, "/x-rate-limit/requests", "needs a number"),
        ({"source": "u", "plans": [{"requests": 5, "per": "second"}]}, "/x-rate-limit/plans/0", "needs a name"),
        ({"source": "u", "plans": [], "requests": 5}, "/x-rate-limit", "both one limit and plans"),
        ({"source": "u", "rate": 5}, "/x-rate-limit/rate", "unknown key"),
        ("50/s", "/x-rate-limit", "not a mapping"),
    ],
)
def test_a_wrong_rate_limit_extension_is_refused_in_one_line(extension: Any, pointer: str, what: str) -> None:
    from generator.errors import SpecRefusalError

    with pytest.raises(SpecRefusalError) as caught:
        _context(extension)
    message = str(caught.value)
    assert message.startswith(f"specs/kapso/openapi.yaml: {pointer}: ")
    assert what in message and "; write `x-rate-limit` as" in message
    assert "\n" not in message


def test_a_rate_limit_on_an_operation_is_refused() -> None:
    from generator.errors import SpecRefusalError

    with pytest.raises(SpecRefusalError, match="x-rate-limit: a rate limit per operation is not supported"):
        _context({"source": "u", "requests": 5, "per": "second"}, on_operation=True)
