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
- adaptive (no `rate_limit`): no pacing at all until the first 429. Then a CUBIC curve, as in
  botocore's adaptive mode (retries/adaptive.py, throttling.py, read for its facts), reshaped by
  measurement (`nox -s bench`, 10,000 gathered waits against a server allowing 250/s):
  (1) it is anchored at the rate that was *getting through* (answers other than 429 in the last
  second), not at the rate being sent, which with thousands of requests waiting is many times the
  limit; (2) it cuts to 0.9 of that, not 0.7, and its cubic is scaled to it, because each 429
  also pauses everything for a Retry-After: the deeper the cut, the more of the limit goes unused;
  (3) the same ceiling found again doubles the time to climb back (4 s, up to 32 s), so a limit
  that does not move is probed rarely, while one well above the last (that was a guess, or was
  measured while this process could not send faster) climbs back fast again; (4) the anchor is no
  higher than the rate being sent when the 429 came; (5) only a 429 to a request sent after the
  last cut cuts again (one cut per round trip, as TCP reacts once per window), the others are old
  news. The first 429, or one too soon after a pause to measure a rate, knows little: the first
  climbs back fast from a guess (often a burst the server's bucket held), and so does the next
  while the limit is still being found; later ones cut from the rate being sent, never from above
  the last ceiling. (6) A pause holds the curve where it was: nothing is sent meanwhile, and a
  climb that went on would resume at a rate never tried. The rate is a closed form of the time
  since the cut: a success costs a counter.

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
Slots are reserved ahead, each at the rate of its own time (while the rate climbs, the rate of now
would space a hundred waiters for seconds at a rate long left behind). So a stall of this process
(a garbage collection of a large heap can take 0.4 s) would let every slot that passed meanwhile
go at once: a waiter that wakes well after its slot takes a new one instead (once), and the time
the stall took is lost, as a server's bucket loses it. A schedule whose slots passed unused (after
a pause, or with nothing to send) restarts without a burst: the server's bucket may hold less
than ours (each 429 costs a whole Retry-After), and a burst opens a connection per request at
once, which the connection pool then checks on every request for as long as they stay open (this
made a paced client's CPU per request a tenth higher). One schedule, one sleep per request: a
second, send-time schedule used to space the stalled ones, and it drifted ahead of the slots by
every late wake-up, so that every request slept twice.

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

# The window of answers a cut measures, in tenths; the ring holds two windows' worth (counts,
# not a timestamp per answer).
_SLICES = 10
_RING = 2 * _SLICES
_SLICE = _constants.ADAPTIVE_THROUGH_WINDOW / _SLICES


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

    # Shared with other processes: what this one sees get through is only its share, so a cut
    # cannot measure the limit from it.
    shared: bool

    def reserve(self, now: float, rate: float | None, limit: float | None) -> tuple[float, bool]:
        """(seconds to wait, whether a slot was reserved). Not reserved: the schedule is paused and
        the wait is what is left of the pause; or the slot comes later than `limit` seconds from now
        (the wait is then more than `limit`)."""
        ...

    async def areserve(self, now: float, rate: float | None, limit: float | None) -> tuple[float, bool]: ...

    def pause(self, now: float, seconds: float, rate: float | None) -> None:
        """Send nothing for `seconds` (0: none), then restart the pacing at `rate` without a burst."""
        ...

    def lead(self, now: float) -> float:
        """Seconds from `now` to the next free slot, as far as this process knows (0: none ahead)."""
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

    shared = False

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
            tolerance = burst_tolerance(rate)
            tat = self._tat
            if tat <= now:
                # Slots passed unused (nothing to send, or a pause just ended): this one goes now
                # and the next a full interval later. A fresh schedule may start with a small
                # burst; one that was idle does not save one up (see `_budget`'s docstring).
                tat = now if tat == -math.inf else now + tolerance
            wait = max(tat - tolerance - now, 0.0)
            if limit is not None and wait > limit:
                return wait, False
            self._tat = tat + 1.0 / rate
            return wait, True

    async def areserve(self, now: float, rate: float | None, limit: float | None) -> tuple[float, bool]:
        return self.reserve(now, rate, limit)

    def lead(self, now: float) -> float:
        return max(self._tat - now, self._paused_until - now, 0.0)

    def pause(self, now: float, seconds: float, rate: float | None) -> None:
        with self._lock:
            self._paused_until = max(self._paused_until, now + seconds)
            # The first slot when the first waiter comes back after the pause's end (their jitter),
            # each next one a full interval later: no burst (see `reserve`).
            self._tat = max(self._paused_until, now)

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
    """A request waiting for a place in flight; `granted` once a leaving one handed it its place.

    A thread waits on `event`; a task on `future`, resolved on its own `loop`. (No closure per
    waiter: thousands may wait at once.)"""

    __slots__ = ("event", "future", "granted", "loop")

    def __init__(
        self,
        event: threading.Event | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
        future: asyncio.Future[None] | None = None,
    ) -> None:
        self.granted = False
        self.event, self.loop, self.future = event, loop, future

    def wake(self) -> bool:
        """Tell the waiter its place is there; False when it is gone (its loop closed), and the
        place goes to the next."""
        if self.event is not None:
            self.event.set()
            return True
        assert self.loop is not None and self.future is not None
        try:
            if _current_loop() is self.loop:
                _resolve(self.future)  # freed on the waiter's own loop: no wake-up through its pipe
            else:
                self.loop.call_soon_threadsafe(_resolve, self.future)
        except RuntimeError:  # its loop is closed: nobody is waiting there any more
            return False
        return True


def _current_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _in_event_loop() -> bool:
    return _current_loop() is not None


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
        # then, the seconds the curve takes to climb back to it (K), and its cubic's coefficient.
        self._cut_at: float | None = None
        self._cut_seq = 0
        self._anchor = 0.0
        self._k = 0.0
        self._c = 0.0
        # K for the next cut that hits the same ceiling again (doubled each time), and that ceiling.
        self._recovery = _constants.ADAPTIVE_RECOVERY
        self._ceiling: float | None = None
        # The ceiling is the first 429's guess, not yet a rate measured: nothing is held to it.
        self._guessed = False
        # What the cut measured: successes (those still arriving for requests sent before it are
        # added: see `_late_success`).
        self._cut_ok = 0
        self._cut_window: float | None = 1.0  # None: the cut measured nothing (see `_cut`)
        self._last_issue = -math.inf  # when the latest request was sent
        # Answers other than 429 in the last two ADAPTIVE_THROUGH_WINDOWs since the window started
        # (the first request, a pause's end): counts per tenth of a window, in a ring.
        self._window_start: float | None = None
        self._paused_until = -math.inf  # the latest pause's end, as far as the curve knows
        self._slices = [0] * _RING
        self._slice_no = 0
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
            # Not before the curve's start: a pause holds it there (`_freeze_curve`).
            curve = self._anchor * (1.0 + self._c * (max(now - self._cut_at, 0.0) - self._k) ** 3)
            curve = max(curve, _constants.ADAPTIVE_MIN_RATE)
            rate = curve if rate is None else min(rate, curve)
        if self._hint_rate is not None and now < self._hint_until:
            rate = self._hint_rate if rate is None else min(rate, self._hint_rate)
        return rate

    # -- before a request ----------------------------------------------------------------------------

    def _plan(self, now: float) -> tuple[float | None, int]:
        """The rate for a slot reserved now, and the epoch it was planned in. The rate is the one at
        the slot's own time: a hundred waiters reserve up to a hundred slots ahead, and while the
        rate climbs fast (finding the limit) the rate of now would space them for seconds at a rate
        long since left behind."""
        lead = self.schedule.lead(now)
        with self._lock:
            return self._rate_at(now + lead), self._epoch

    def _jitter(self, pause: float) -> float:
        return self._rand() * min(_constants.RATE_PAUSE_JITTER * pause, _constants.RATE_PAUSE_JITTER_MAX)

    @staticmethod
    def _passed(late: float, rate: float) -> bool:
        """Whether a request that woke `late` seconds after its slot lost it: this process stalled
        (a garbage collection of a large heap), so every slot that came meanwhile comes due at
        once, and a burst of them would reach a server whose own bucket refilled only its small
        burst in that time. Such a request takes a new slot instead (once: see `_slot`), and the
        time the stall took is lost, as a server's bucket loses it."""
        return late > max(burst_tolerance(rate), _constants.RATE_STALL)

    def _issue(self, now: float) -> int:
        with self._lock:
            self._issued += 1
            self._in_flight += 1
            self._last_issue = now
            if self._window_start is None:
                self._window_start = now
            return self._issued

    # A place in flight.

    def _enter(self, waiter: _Waiter | None, retry: bool = False) -> bool:
        """Take a place (True), or queue `waiter` for one (None: only try); a `retry` queues first."""
        with self._lock:
            if self.max_in_flight is None or self._held < self.max_in_flight:
                self._held += 1
                return True
            if waiter is not None:
                if retry:
                    self._waiters.appendleft(waiter)
                else:
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

    def _wait_for_place(self, limit: Callable[[], float] | None, retry: bool) -> bool:
        if self._enter(None):
            return True
        event = threading.Event()
        waiter = _Waiter(event)
        if self._enter(waiter, retry):
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

    async def _await_place(self, limit: Callable[[], float] | None, retry: bool) -> bool:
        if self._enter(None):
            return True
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        waiter = _Waiter(loop=loop, future=future)
        if self._enter(waiter, retry):
            return True
        # A timer that ends the wait, not `asyncio.wait_for`: thousands of requests may wait for a
        # place at once, and wait_for costs a task switch and a second future each.
        timer = None if limit is None else loop.call_later(max(limit(), 0.0), _resolve, future)
        try:
            await future
        except BaseException:
            self._give_up(waiter)
            raise
        finally:
            if timer is not None:
                timer.cancel()
        if waiter.granted:
            return True
        self._give_up(waiter)  # the timer, not a place, ended the wait
        return False

    # The slot.

    def acquire(
        self,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
        limit: Callable[[], float] | None = None,
        *,
        retry: bool = False,
    ) -> int | None:
        """Wait for a place in flight and this request's slot; its ticket for `settle`. None: either
        comes after `limit()` seconds (a deadline's time left), and nothing is held.

        A `retry` (the same call again, after a 429 or a failure) waits for a place ahead of calls
        not yet tried: it waited its turn once, and sending it to the back of thousands of
        waiting polls would delay that one execution by the whole queue."""
        if not self._wait_for_place(limit, retry):
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
        *,
        retry: bool = False,
    ) -> int | None:
        """`acquire` for async callers."""
        if not await self._await_place(limit, retry):
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
        again = False  # a new slot was taken after a stall (at most once: see `_passed`)
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
                if rate is not None and not again and self._passed(clock() - now - wait, rate):
                    again = True
                    continue  # its slot passed during a stall: a new one, not a burst with the others
                return self._issue(clock())

    async def _aslot(
        self,
        clock: Callable[[], float],
        asleep: Callable[[float], Awaitable[None]],
        limit: Callable[[], float] | None,
    ) -> int | None:
        again = False  # a new slot was taken after a stall (at most once: see `_passed`)
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
                if rate is not None and not again and self._passed(clock() - now - wait, rate):
                    again = True
                    continue  # its slot passed during a stall: a new one, not a burst with the others
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
            else:
                self._count_success(now)
                if ticket <= self._cut_seq:
                    self._late_success()
            if pause:
                self.pauses += 1
                self._new_epoch()
                self._restart_window(now + pause)
                self._freeze_curve(now, pause)
            return pause

    def _freeze_curve(self, now: float, pause: float) -> None:
        """The curve stands still while nothing is sent: a climb goes on where it stopped, instead of
        resuming at a rate twice what was ever tried (a guess doubles in a second)."""
        end = now + pause
        if end > self._paused_until:
            if self._cut_at is not None:
                self._cut_at += end - max(now, self._paused_until, self._cut_at)
            self._paused_until = end

    def _new_epoch(self) -> None:
        """A cut or a pause: a waiter whose sleep spanned it plans again."""
        self._epoch += 1

    def _restart_window(self, start: float) -> None:
        self._window_start = start
        self._slices = [0] * _RING
        self._slice_no = int(start / _SLICE)

    def _advance(self, now: float) -> int:
        """Move the window's ring to `now` (tenths that fell out of it are emptied); now's tenth."""
        number = int(now / _SLICE)
        if number > self._slice_no:
            for stale in range(self._slice_no + 1, min(number, self._slice_no + _RING) + 1):
                self._slices[stale % _RING] = 0
            self._slice_no = number
        return number

    def _count_success(self, now: float) -> None:
        """One more answer other than 429 in the window (not before it starts: a pause's end)."""
        if self._window_start is None or now >= self._window_start:
            self._slices[self._advance(now) % _RING] += 1

    def _cut(self, now: float) -> None:
        """A 429 to a request sent after the last cut: the rate drops just below what was getting through."""
        start = now if self._window_start is None else self._window_start
        number = self._advance(now)
        self._cut_ok = sum(self._slices[(number - back) % _RING] for back in range(_SLICES))
        # How long this process was sending in the window: answers read late (a busy event loop)
        # do not make a burst answered in 50 ms look like a rate per second.
        span = min(self._last_issue - start, now - start)
        scale: float | None = None  # the cubic's coefficient, when not the usual one for `recovery`
        if span >= _constants.ADAPTIVE_THROUGH_WINDOW and not self.schedule.shared:
            # A whole window measured: the rate that got through in its last second (the ring's
            # nine whole tenths and the part of the current one that has passed), or in the
            # second before when that was more: a stall of this process (a long garbage
            # collection) in the last one says nothing about the server's limit.
            self._cut_window = (_SLICES - 1) * _SLICE + (now - number * _SLICE)
            before = sum(self._slices[(number - back) % _RING] for back in range(_SLICES, _RING))
            if before / _constants.ADAPTIVE_THROUGH_WINDOW > self._cut_ok / self._cut_window:
                self._cut_ok, self._cut_window = before, _constants.ADAPTIVE_THROUGH_WINDOW
            through = self._cut_ok / self._cut_window
            # The server refused at the rate being sent: its limit is no higher (what got through
            # can look higher, with the burst its bucket saved during a pause).
            sending = self._rate_at(now)
            if sending is not None and sending < through:
                through = sending
                self._cut_window = None  # and answers still arriving do not raise it
            ceiling, self._ceiling = self._ceiling, through
            guessed, self._guessed = self._guessed, False
            if (
                not guessed
                and ceiling is not None
                and abs(through - ceiling) <= _constants.ADAPTIVE_SAME_CEILING * ceiling
            ):
                # The same ceiling again: probe it half as often, and hold a little below it (what
                # got through overstates a limit by the burst the server's bucket holds).
                self._recovery = min(self._recovery * 2, _constants.ADAPTIVE_RECOVERY_MAX)
                recovery = self._recovery
                through = min(through, ceiling) * _constants.ADAPTIVE_HOLD
                self._cut_window = None
                # Already below the ceiling by the hold: barely under it, then the slow climb.
                scale = (1 - _constants.ADAPTIVE_HOLD_BETA) / recovery**3
            elif guessed or (ceiling is not None and through > _constants.ADAPTIVE_DISCOVERY * ceiling):
                # Well above the last one (which was measured while this process could not send
                # faster, or guessed): still finding the limit, so climb fast again.
                self._recovery = _constants.ADAPTIVE_RECOVERY
                recovery = _constants.ADAPTIVE_RECOVERY_FAST
            else:
                self._recovery = recovery = _constants.ADAPTIVE_RECOVERY
        elif self._cut_at is None and (not self.schedule.shared or self._rate_at(now) is None):
            # The first 429, too soon to measure a rate (often a burst the server's bucket held):
            # a guess from what got through, and a fast climb to find the limit.
            self._cut_window = max(span, _constants.ADAPTIVE_MIN_WINDOW)
            through = self._cut_ok / self._cut_window
            self._ceiling = max(through, _constants.ADAPTIVE_MIN_RATE)
            self._guessed = True
            # From the guess, not below it, doubling within a second: like TCP's slow start.
            recovery, scale = 0.0, _constants.ADAPTIVE_GUESS_SCALE
        elif self._guessed:
            # Still finding the limit, too soon after a pause to measure it: just below the rate
            # sent, and the slow start again (the guess is no ceiling to hold to).
            self._cut_window = None
            through = max((self._rate_at(now) or self._anchor) * _constants.ADAPTIVE_BETA, self._anchor)
            recovery, scale = 0.0, _constants.ADAPTIVE_GUESS_SCALE
        else:
            # Too soon after a pause to measure again, or a schedule other processes share: down
            # from the rate sent, as botocore does, but not from above the last ceiling measured.
            self._cut_window = None
            through = self._rate_at(now) or self._anchor
            if self._ceiling is not None:
                through = min(through, self._ceiling)
            recovery = self._recovery
        self._k = recovery
        self._c = scale if scale is not None else (1 - _constants.ADAPTIVE_BETA) / recovery**3
        self._anchor_at(through)
        self._cut_at = now
        self._cut_seq = self._issued
        self._new_epoch()
        self.cuts += 1

    def _anchor_at(self, through: float) -> None:
        if self.rate_limit is not None:
            through = min(through, self.rate_limit)
        self._anchor = max(through, _constants.ADAPTIVE_MIN_RATE)

    def _late_success(self) -> None:
        """A success answering a request sent before the last cut: it got through in the window the
        cut measured, so the anchor rises with it (the first 429 of a burst often arrives before
        the burst's successes do, and would otherwise anchor the curve near zero)."""
        self._cut_ok += 1
        if self._cut_window is not None and self._cut_ok / self._cut_window > self._anchor:
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
