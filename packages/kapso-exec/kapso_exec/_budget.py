"""One rate budget per client: every request of an `AuthenticatedClient`, sync or async, and of
every `with_options` copy of it, draws from one `RateBudget` before it is sent.

Why one budget and not per request: a rate limit is the server's, per API key. When each request
honours its own 429 on its own, a thousand concurrent polls all sleep the same `Retry-After` and
all come back in the same second, so most of them are refused again. A budget shared by everything
that uses the key spends the limit evenly instead.

Modes:
- `rate_limit=R`: at most R requests per second, paced evenly on one schedule (GCRA: each request
  reserves the next slot, 1/R after the previous one, and may go a small burst early, see
  `_constants.RATE_BURST_*`). A 429 still cuts below R (another process may share the key), and
  the rate climbs back to R, never above.
- adaptive (no `rate_limit`): no pacing at all until the first 429. Then botocore's adaptive mode
  (retries/adaptive.py, throttling.py, read for its facts): CUBIC with C = 0.4 and beta = 0.7 and a
  floor of 0.5 requests/s. Two changes (1,000 gathered waits, 3,000 polls, against a local server
  allowing 50/s with 429 + Retry-After: 1 beyond: 12 refusals, 99% of the limit used):
  (1) botocore's curve is anchored at the rate it was *sending* at; here it is anchored
  at the rate that was *getting through* (answers other than 429 per second since the last cut),
  because with a thousand requests in flight the sending rate is many times the limit and a curve
  anchored there climbs straight back into it; (2) botocore cuts again on every throttled answer, so
  a burst of 950 refusals drives it to the floor; here only a 429 to a request sent after the last
  cut cuts again (one cut per round trip, as TCP reacts once per window), the others are old news.
  A 429 before anything got through anchors the curve at the floor; it is back near 50/s in ~5 s.
  The rate is a closed form of the time since the cut, so a success costs no update.

Server hints:
- A 429's `Retry-After` (or `retry-after-ms`) pauses the whole budget until then. Each waiter that
  finds the budget paused wakes at the end plus its own jitter (`RATE_PAUSE_JITTER*`), and the
  schedule restarts at the pause's end without a burst, so the queue drains at the rate, not at
  once. The request's own retry still happens, and goes through the budget like any other.
- `X-RateLimit-Remaining` / `-Reset` (or the IETF draft's `RateLimit-Remaining` / `-Reset`): when
  little of the window is left (under `RATE_HINT_FRACTION` of `-Limit`, or `RATE_HINT_FLOOR`
  requests), the rest is spread evenly until the reset, and none left pauses until it. Only then:
  pacing a large hourly allowance evenly would throttle bursts a server happily serves.

In flight: at most `max_in_flight` requests (the client sets its connection pool's size) hold a
place between their slot and their answer; the others wait for a place in the budget, not in the
connection pool. Why: a request queued in the pool has already passed the budget, so a pause or a
cut cannot reach it; a thousand calls gathered at once would all be sent into a 429 and its
Retry-After. Waiting for a place is a hand-off (the answer that frees one wakes the first waiter:
a `threading.Event` for a thread, a future on its own loop for a task), never a poll; it waits for
answers, not for time, so it needs no clock.

Concurrency: one `threading.Lock` guards the state and is held only for arithmetic, never across
a sleep, an await or a Redis round trip, so one budget serves threads and event loops at once. A
waiter reserves its slot under the lock and then sleeps outside it, through the client's `_sleep`
(sync) or `_asleep` (async): a test fake's virtual clock drives the budget as it drives retries.
Reserving rather than polling: each waiter knows its turn, so N waiters sleep once each and never
wake together. A waiter whose sleep spanned a cut or a pause plans again.

Where the schedule lives is the `Schedule`: `LocalSchedule` in this process; `_budget_redis` puts
it in Redis so that several processes or hosts using one key share it (the rate control stays
local to each process and drives the shared schedule).
"""

from __future__ import annotations

import asyncio
import collections
import math
import random
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol

from . import _constants
from ._retry import parse_retry_after


def check_rate_limit(rate_limit: object) -> float | None:
    """`rate_limit` as a float (None: adaptive); raises for anything but a finite number above 0."""
    if rate_limit is None:
        return None
    if isinstance(rate_limit, bool) or not isinstance(rate_limit, (int, float)):
        raise TypeError(f"rate_limit must be requests per second (a number) or None, not {type(rate_limit).__name__}")
    value = float(rate_limit)
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"rate_limit must be a finite number of requests per second above 0, not {rate_limit!r}")
    return value


def burst_tolerance(rate: float) -> float:
    """Seconds a request may go ahead of its even slot: a small burst of a few requests at most."""
    burst = min(max(math.floor(rate * _constants.RATE_BURST_WINDOW), 1), _constants.RATE_BURST_MAX)
    return (burst - 1) / rate


class Schedule(Protocol):
    """Where the slots are reserved: this process, or a store several processes share."""

    def reserve(self, now: float, rate: float | None, limit: float | None) -> tuple[float, bool]:
        """(seconds to wait, whether a slot was reserved). Not reserved: the schedule is paused and
        the wait is what is left of the pause; or the slot comes later than `limit` seconds from now
        (the wait is then more than `limit`)."""
        ...

    async def areserve(self, now: float, rate: float | None, limit: float | None) -> tuple[float, bool]: ...

    def pause(self, now: float, seconds: float, rate: float | None) -> None:
        """Send nothing for `seconds` (0: none), then restart the pacing at `rate` without a burst."""
        ...

    async def apause(self, now: float, seconds: float, rate: float | None) -> None: ...

    def close(self) -> None:
        """Let go of connections (the client's `close()`); the schedule stays usable."""
        ...

    async def aclose(self) -> None:
        """Let go of this event loop's connections (the client's `aclose()`)."""
        ...


class LocalSchedule:
    """The schedule of one process: the next slot's time (GCRA's theoretical arrival time)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tat = -math.inf
        self._paused_until = -math.inf

    def reserve(self, now: float, rate: float | None, limit: float | None) -> tuple[float, bool]:
        with self._lock:
            if now < self._paused_until:
                return self._paused_until - now, False
            if rate is None:
                return 0.0, True
            tat = max(self._tat, now)
            wait = max(tat - burst_tolerance(rate) - now, 0.0)
            if limit is not None and wait > limit:
                return wait, False
            self._tat = tat + 1.0 / rate
            return wait, True

    async def areserve(self, now: float, rate: float | None, limit: float | None) -> tuple[float, bool]:
        return self.reserve(now, rate, limit)

    def pause(self, now: float, seconds: float, rate: float | None) -> None:
        with self._lock:
            self._paused_until = max(self._paused_until, now + seconds)
            start = max(self._paused_until, now)
            # The first slot at the pause's end, each next one a full interval later: no burst.
            self._tat = start + (burst_tolerance(rate) if rate is not None else 0.0)

    async def apause(self, now: float, seconds: float, rate: float | None) -> None:
        self.pause(now, seconds, rate)

    def close(self) -> None:
        pass  # nothing held

    async def aclose(self) -> None:
        pass


def _header_number(headers: Mapping[str, str], *names: str) -> float | None:
    for name in names:
        value = headers.get(name)
        if value is not None:
            try:
                number = float(value.split(",")[0].split(";")[0])
            except ValueError:
                return None
            return number if math.isfinite(number) else None
    return None


def _pause_hint(headers: Mapping[str, str]) -> float:
    """The seconds a 429 asks for, when usable (0 < hint <= MAX_RETRY_AFTER), else 0."""
    hint = parse_retry_after(headers, time.time())
    return hint if hint is not None and 0 < hint <= _constants.MAX_RETRY_AFTER else 0.0


class _Waiter:
    """A request waiting for a place in flight; `granted` once a leaving one handed it its place."""

    __slots__ = ("granted", "wake")

    def __init__(self, wake: Callable[[], bool]) -> None:
        self.granted = False
        self.wake = wake  # False: the waiter is gone (its loop closed), the place goes to the next


def _in_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class RateBudget:
    """The requests-per-second budget a client and its copies share.

    Args:
        rate_limit: Requests per second at most; None for adaptive (see the module docstring).
        schedule: Where slots are reserved (default: this process only).
        rand: The jitter's random source, in [0, 1).
    """

    def __init__(
        self,
        rate_limit: float | None = None,
        *,
        schedule: Schedule | None = None,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.rate_limit = check_rate_limit(rate_limit)
        self.schedule: Schedule = schedule if schedule is not None else LocalSchedule()
        self._rand = rand
        self._lock = threading.Lock()
        # Tickets issued (a request's sequence number) and those not answered yet.
        self._issued = 0
        self._in_flight = 0
        # Places in flight (None: no limit), those taken, and the requests waiting for one.
        self.max_in_flight: int | None = None
        self._held = 0
        self._waiters: collections.deque[_Waiter] = collections.deque()
        # Bumped by every cut and pause: a waiter whose sleep spanned one plans again.
        self._epoch = 0
        # The adaptive curve: when the last cut was (None: never), the rate that was getting through
        # then, and the seconds the curve takes to climb back to it.
        self._cut_at: float | None = None
        self._cut_seq = 0
        self._anchor = 0.0
        self._k = 0.0
        # What the cut measured: successes and seconds (successes still arriving for requests sent
        # before it are added: see `_late_success`).
        self._cut_ok = 0
        self._cut_window = 1.0
        # Answers other than 429 since the window started (the first request, a cut, a pause's end).
        self._window_start: float | None = None
        self._window_ok = 0
        # A rate from the server's X-RateLimit headers, valid until their reset.
        self._hint_rate: float | None = None
        self._hint_until = -math.inf
        # Counters the tests and logs read: 429s seen, cuts made, pauses set.
        self.throttled = 0
        self.cuts = 0
        self.pauses = 0

    # -- the rate ----------------------------------------------------------------------------------

    def rate(self, now: float) -> float | None:
        """Requests per second allowed at `now`; None for unlimited."""
        with self._lock:
            return self._rate_at(now)

    def _rate_at(self, now: float) -> float | None:
        rate = self.rate_limit
        if self._cut_at is not None:
            curve = _constants.ADAPTIVE_SCALE * (now - self._cut_at - self._k) ** 3 + self._anchor
            curve = max(curve, _constants.ADAPTIVE_MIN_RATE)
            rate = curve if rate is None else min(rate, curve)
        if self._hint_rate is not None and now < self._hint_until:
            rate = self._hint_rate if rate is None else min(rate, self._hint_rate)
        return rate

    # -- before a request ----------------------------------------------------------------------------

    def _plan(self, now: float) -> tuple[float | None, int]:
        with self._lock:
            return self._rate_at(now), self._epoch

    def _jitter(self, pause: float) -> float:
        return self._rand() * min(_constants.RATE_PAUSE_JITTER * pause, _constants.RATE_PAUSE_JITTER_MAX)

    def _issue(self, now: float) -> int:
        with self._lock:
            self._issued += 1
            self._in_flight += 1
            if self._window_start is None:
                self._window_start = now
            return self._issued

    # A place in flight.

    def _enter(self, waiter: _Waiter) -> bool:
        """Take a place (True), or queue `waiter` for one."""
        with self._lock:
            if self.max_in_flight is None or self._held < self.max_in_flight:
                self._held += 1
                return True
            self._waiters.append(waiter)
            return False

    def _leave(self) -> None:
        """Give a place back: to the first waiter still there, else free it."""
        while True:
            with self._lock:
                if not self._waiters:
                    self._held -= 1
                    return
                waiter = self._waiters.popleft()
                waiter.granted = True
            if waiter.wake():
                return

    def _give_up(self, waiter: _Waiter) -> None:
        """`waiter` stops waiting (deadline, cancellation); a place handed to it meanwhile is passed on."""
        with self._lock:
            if not waiter.granted:
                self._waiters.remove(waiter)
                return
        self._leave()

    def _wait_for_place(self, limit: Callable[[], float] | None) -> bool:
        event = threading.Event()

        def wake() -> bool:
            event.set()
            return True

        waiter = _Waiter(wake)
        if self._enter(waiter):
            return True
        if _in_event_loop():
            # A blocking call from an event loop's own thread: the places it would wait for may be
            # held by that loop's tasks, which cannot run while it blocks. It goes over the limit.
            self._give_up(waiter)
            with self._lock:
                self._held += 1
            return True
        if event.wait(None if limit is None else max(limit(), 0.0)):
            return True
        self._give_up(waiter)
        return False

    async def _await_place(self, limit: Callable[[], float] | None) -> bool:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()

        def wake() -> bool:
            try:
                loop.call_soon_threadsafe(_resolve, future)
            except RuntimeError:  # its loop is closed: nobody is waiting there any more
                return False
            return True

        waiter = _Waiter(wake)
        if self._enter(waiter):
            return True
        try:
            await asyncio.wait_for(future, None if limit is None else max(limit(), 0.0))
        except TimeoutError:
            self._give_up(waiter)
            return False
        except BaseException:
            self._give_up(waiter)
            raise
        return True

    # The slot.

    def acquire(
        self, clock: Callable[[], float], sleep: Callable[[float], None], limit: Callable[[], float] | None = None
    ) -> int | None:
        """Wait for a place in flight and this request's slot; its ticket for `settle`. None: either
        comes after `limit()` seconds (a deadline's time left), and nothing is held."""
        if not self._wait_for_place(limit):
            return None
        try:
            ticket = self._slot(clock, sleep, limit)
        except BaseException:
            self._leave()
            raise
        if ticket is None:
            self._leave()
        return ticket

    async def aacquire(
        self,
        clock: Callable[[], float],
        asleep: Callable[[float], Awaitable[None]],
        limit: Callable[[], float] | None = None,
    ) -> int | None:
        """`acquire` for async callers."""
        if not await self._await_place(limit):
            return None
        try:
            ticket = await self._aslot(clock, asleep, limit)
        except BaseException:
            self._leave()
            raise
        if ticket is None:
            self._leave()
        return ticket

    def _slot(
        self, clock: Callable[[], float], sleep: Callable[[float], None], limit: Callable[[], float] | None
    ) -> int | None:
        while True:
            now = clock()
            rate, epoch = self._plan(now)
            left = None if limit is None else limit()
            wait, reserved = self.schedule.reserve(now, rate, left)
            if not reserved:
                wait += self._jitter(wait)
            if left is not None and wait > left:
                return None
            if wait > 0:
                sleep(wait)
            if reserved and (wait <= 0 or self._epoch == epoch):
                return self._issue(clock())

    async def _aslot(
        self,
        clock: Callable[[], float],
        asleep: Callable[[float], Awaitable[None]],
        limit: Callable[[], float] | None,
    ) -> int | None:
        while True:
            now = clock()
            rate, epoch = self._plan(now)
            left = None if limit is None else limit()
            wait, reserved = await self.schedule.areserve(now, rate, left)
            if not reserved:
                wait += self._jitter(wait)
            if left is not None and wait > left:
                return None
            if wait > 0:
                await asleep(wait)
            if reserved and (wait <= 0 or self._epoch == epoch):
                return self._issue(clock())

    # -- after it ------------------------------------------------------------------------------------

    def _learn(self, ticket: int, status: int | None, headers: Mapping[str, str], now: float) -> float | None:
        """Update the state for one answer (None: the request failed); the pause to set, if any
        (0.0: only restart the pacing at the new rate)."""
        with self._lock:
            self._in_flight = max(self._in_flight - 1, 0)
            if status is None:
                return None  # a transport failure says nothing about the rate
            pause = self._limit_headers(headers, now)
            if status == 429:
                self.throttled += 1
                if ticket > self._cut_seq:
                    self._cut(now)
                    pause = pause or 0.0
                hint = _pause_hint(headers)
                if hint:
                    pause = max(pause or 0.0, hint)
            elif ticket > self._cut_seq:
                self._window_ok += 1
            else:
                self._late_success()
            if pause:
                self.pauses += 1
                self._epoch += 1
                self._window_start = now + pause
                self._window_ok = 0
            return pause

    def _cut(self, now: float) -> None:
        """A 429 to a request sent after the last cut: the rate drops below what was getting through."""
        start = now if self._window_start is None else self._window_start
        self._cut_ok = self._window_ok
        self._cut_window = max(now - start, _constants.ADAPTIVE_MIN_WINDOW)
        self._anchor_at(self._cut_ok / self._cut_window)
        self._cut_at = now
        self._cut_seq = self._issued
        self._window_start = now
        self._window_ok = 0
        self._epoch += 1
        self.cuts += 1

    def _anchor_at(self, through: float) -> None:
        if self.rate_limit is not None:
            through = min(through, self.rate_limit)
        self._anchor = max(through, _constants.ADAPTIVE_MIN_RATE)
        beta = _constants.ADAPTIVE_BETA
        self._k = (self._anchor * (1 - beta) / _constants.ADAPTIVE_SCALE) ** (1 / 3)

    def _late_success(self) -> None:
        """A success answering a request sent before the last cut: it got through in the window the
        cut measured, so the anchor rises with it (the first 429 of a burst often arrives before
        the burst's successes do, and would otherwise anchor the curve near zero)."""
        self._cut_ok += 1
        if self._cut_ok / self._cut_window > self._anchor:
            self._anchor_at(self._cut_ok / self._cut_window)

    def _limit_headers(self, headers: Mapping[str, str], now: float) -> float | None:
        """The rate (or pause) the server's X-RateLimit headers call for, when little is left."""
        remaining = _header_number(headers, "x-ratelimit-remaining", "ratelimit-remaining")
        reset = _header_number(headers, "x-ratelimit-reset", "ratelimit-reset")
        if remaining is None or reset is None:
            return None
        # A Unix time (GitHub's, and many others') or delta-seconds (the IETF draft's).
        reset_in = reset - time.time() if reset > _constants.RATE_RESET_EPOCH_AFTER else reset
        if not 0 < reset_in <= _constants.MAX_RETRY_AFTER:
            return None
        limit = _header_number(headers, "x-ratelimit-limit", "ratelimit-limit")
        low = max(_constants.RATE_HINT_FLOOR, (limit or 0) * _constants.RATE_HINT_FRACTION)
        left = remaining - self._in_flight  # each request still in flight will spend one
        if left > low:
            return None
        if left < 1:
            self._hint_rate = None
            return reset_in
        self._hint_rate = left / reset_in
        self._hint_until = now + reset_in
        return None

    def settle(self, ticket: int, status: int | None, headers: Mapping[str, str], clock: Callable[[], float]) -> None:
        """Record the answer (`status`, `headers`) to the request holding `ticket`; None: it failed."""
        try:
            now = clock()
            pause = self._learn(ticket, status, headers, now)
            if pause is not None:
                self.schedule.pause(now, pause, self._plan(now)[0])
        finally:
            self._leave()  # after the pause is set: the request woken must see it

    async def asettle(
        self, ticket: int, status: int | None, headers: Mapping[str, str], clock: Callable[[], float]
    ) -> None:
        """`settle` for async callers (a shared schedule is updated without blocking the loop)."""
        try:
            now = clock()
            pause = self._learn(ticket, status, headers, now)
            if pause is not None:
                await self.schedule.apause(now, pause, self._plan(now)[0])
        finally:
            self._leave()
