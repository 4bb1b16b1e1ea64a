"""Virtual time that schedules: the clock of `testing.FakeAPI` and of the clients it makes.

A sleep on this clock does not move time by itself. The sleeper waits for its wake time
(now + seconds), and virtual time jumps to the earliest wake time only when nothing else that
uses the fake can run; every sleeper due then wakes. So concurrent waits share one timeline:
200 tasks that each poll 5 times at 1, 2, 4, 8 s intervals end at 15 virtual seconds, not
200 times that (a schedule, as trio's `MockClock(autojump_threshold=0)` or `looptime`).

"Nothing else can run" is decided so:
- asyncio: the event loop has no ready callback besides the clock's own. The clock checks this
  in a callback it keeps queued behind everything else while tasks sleep on it: CPython's loop
  exposes its ready queue (`_ready`), which must be empty; another loop (e.g. uvloop) must go
  `_constants.FAKE_QUIET_PASSES` passes with the clock's callback queued. A task blocked on a
  lock, an event or another task that sleeps on the clock does not hold time; neither does one
  blocked on real I/O or a real timer (as with trio's autojump): real waiting has no virtual
  duration.
- threads: every thread taking part (started by `run_threads`) is asleep on the clock or has
  ended. A sleep from a thread that does not take part moves time at once by its length (one
  thread alone: the same schedule). A thread taking part that is blocked elsewhere (e.g. on a
  thread that does not take part) would stop time: after `_constants.FAKE_STALL_SECONDS` of
  real time with a sleeper waiting and time still, time moves on anyway, so nothing deadlocks.

Limits: one event loop at a time per clock (each loop only sees its own ready queue), and the
calls of `run_threads` sleep with the sync API (an event loop inside one of them would count
as running throughout); work that takes real time (threads of an executor, real sockets)
happens at no virtual time.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from . import _constants

T = TypeVar("T")


@dataclass(order=True)
class _Sleeper:
    wake: float
    seq: int
    # Wakes the sleeper: sets a thread's event, or resolves a task's future on its loop.
    waker: Callable[[], None] = field(compare=False)
    loop: asyncio.AbstractEventLoop | None = field(compare=False, default=None)
    # A thread taking part: it counts as running again from the moment it is woken.
    taking_part: bool = field(compare=False, default=False)
    done: bool = field(compare=False, default=False)


class VirtualClock:
    """Seconds of virtual time, shared by everything using one fake; `clock()` reads it.

    `sleep` / `asleep` wait in virtual time (see the module's scheduling rule); `advance(s)`
    moves time by hand, waking every sleeper it passes.
    """

    def __init__(self) -> None:
        self._now = 0.0
        self._lock = threading.RLock()
        self._sleepers: list[_Sleeper] = []
        self._seq = itertools.count()
        # Per event loop: its sleepers not yet woken, and whether its checking callback is queued.
        self._loop_sleepers: dict[asyncio.AbstractEventLoop, int] = {}
        self._driven: set[asyncio.AbstractEventLoop] = set()
        # Threads taking part, by thread id, and how many of them are running (not asleep, not ended).
        self._taking_part: set[int] = set()
        self._running = 0
        # While `following_real_time`: (virtual time, real monotonic time) when it started.
        self._real: tuple[float, float] | None = None

    def __call__(self) -> float:
        with self._lock:
            return self._read()

    def _read(self) -> float:
        if self._real is None:
            return self._now
        return self._real[0] + (time.monotonic() - self._real[1])

    # -- moving time ---------------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move virtual time on by `seconds`, waking every sleeper due by then."""
        if seconds > 0:
            with self._lock:
                self._advance_to(self._read() + seconds)

    def _advance_to(self, moment: float) -> None:
        if self._real is not None:
            # Following real time: virtual time can still be pushed ahead of it.
            self._real = (self._real[0] + max(0.0, moment - self._read()), self._real[1])
        else:
            self._now = max(self._now, moment)
        now = self._read()
        while self._sleepers and (self._sleepers[0].done or self._sleepers[0].wake <= now):
            self._wake(heapq.heappop(self._sleepers))

    def _jump(self) -> None:
        """Time to the earliest wake time; every sleeper due then wakes."""
        while self._sleepers and self._sleepers[0].done:
            heapq.heappop(self._sleepers)
        if self._sleepers:
            self._advance_to(self._sleepers[0].wake)

    def _wake(self, sleeper: _Sleeper) -> None:
        if sleeper.done:
            return
        sleeper.done = True
        if sleeper.loop is not None:
            self._loop_sleepers[sleeper.loop] -= 1
        if sleeper.taking_part:
            self._running += 1
        sleeper.waker()

    def _push(self, seconds: float, waker: Callable[[], None], loop: asyncio.AbstractEventLoop | None) -> _Sleeper:
        sleeper = _Sleeper(self._read() + seconds, next(self._seq), waker, loop)
        heapq.heappush(self._sleepers, sleeper)
        if loop is not None:
            self._loop_sleepers[loop] = self._loop_sleepers.get(loop, 0) + 1
        return sleeper

    def _jump_if_threads_idle(self) -> None:
        """From a thread: jump when no thread taking part runs and no task sleeps (a loop with
        sleeping tasks jumps from its own checking callback, which knows whether it is idle)."""
        if self._running == 0 and not any(n and not loop.is_closed() for loop, n in self._loop_sleepers.items()):
            self._jump()

    # -- threads -------------------------------------------------------------------------------

    def sleep(self, seconds: float) -> None:
        """Sleep `seconds` of virtual time (a thread not taking part: time moves at once)."""
        if seconds <= 0:
            return
        event = threading.Event()
        with self._lock:
            if threading.get_ident() not in self._taking_part:
                self._advance_to(self._read() + seconds)
                return
            sleeper = self._push(seconds, event.set, None)
            sleeper.taking_part = True
            self._running -= 1
            self._jump_if_threads_idle()
        while not event.wait(_constants.FAKE_STALL_SECONDS):
            with self._lock:
                if not sleeper.done:
                    # Time stood still for this long with this thread asleep: whatever holds it is
                    # blocked outside the clock. Move on rather than deadlock.
                    self._jump()

    def run_threads(self, calls: Iterable[Callable[[], T]], *, timeout: float | None = None) -> list[T]:
        """Run each call in its own thread, all on this clock's timeline; their results, in order.

        Every thread takes part from before the first one starts until it ends, so time moves
        only when each is asleep on the clock or done: 200 threads that each poll 5 times
        end after the 4 pauses of one. The first exception a call raised is raised once all
        have ended.

        Args:
            timeout: Real seconds to wait for all of them (default
                `_constants.FAKE_RUN_THREADS_TIMEOUT`); past it, `TimeoutError`.
        """
        work = list(calls)
        results: list[T | None] = [None] * len(work)
        errors: list[BaseException | None] = [None] * len(work)
        with self._lock:
            self._running += len(work)  # before any starts: an early sleeper cannot move time alone

        def run(index: int) -> None:
            with self._lock:
                self._taking_part.add(threading.get_ident())
            try:
                results[index] = work[index]()
            except BaseException as exc:  # handed to the caller's thread, raised there
                errors[index] = exc
            finally:
                with self._lock:
                    self._taking_part.discard(threading.get_ident())
                    self._running -= 1
                    self._jump_if_threads_idle()

        threads = [
            threading.Thread(target=run, args=(i,), name=f"VirtualClock.run_threads-{i}") for i in range(len(work))
        ]
        for thread in threads:
            thread.daemon = True
            thread.start()
        limit = time.monotonic() + (_constants.FAKE_RUN_THREADS_TIMEOUT if timeout is None else timeout)
        for thread in threads:
            thread.join(max(0.0, limit - time.monotonic()))
            if thread.is_alive():
                raise TimeoutError(f"run_threads: {thread.name} still running after its timeout")
        for error in errors:
            if error is not None:
                raise error
        return [result for result in results]  # type: ignore[misc]  # every call returned

    # -- asyncio -------------------------------------------------------------------------------

    async def asleep(self, seconds: float) -> None:
        """Sleep `seconds` of virtual time in a task (with 0 or less: yield to the loop once)."""
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()

        def wake() -> None:
            if not future.done():
                future.set_result(None)

        def wake_from_any_thread() -> None:
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is loop:
                wake()
            elif not loop.is_closed():
                loop.call_soon_threadsafe(wake)

        with self._lock:
            sleeper = self._push(seconds, wake_from_any_thread, loop)
            if loop not in self._driven:
                self._driven.add(loop)
                loop.call_soon(self._check, loop, 0)
        try:
            await future
        finally:
            with self._lock:
                if not sleeper.done:  # cancelled: it no longer holds a place on the timeline
                    sleeper.done = True
                    self._loop_sleepers[loop] -= 1

    def _check(self, loop: asyncio.AbstractEventLoop, quiet_passes: int) -> None:
        """The loop's checking callback: queued behind every other callback while tasks sleep."""
        with self._lock:
            if not self._loop_sleepers.get(loop):
                self._driven.discard(loop)
                self._loop_sleepers.pop(loop, None)
                return
        ready = getattr(loop, "_ready", None)
        if ready is not None:
            quiet, needed = len(ready) == 0, 1
        else:
            quiet, needed = True, _constants.FAKE_QUIET_PASSES
        if not quiet:
            loop.call_soon(self._check, loop, 0)
            return
        if quiet_passes + 1 < needed:
            loop.call_soon(self._check, loop, quiet_passes + 1)
            return
        with self._lock:
            if self._running > 0:
                # Threads taking part are running: look again shortly, without spinning the loop.
                loop.call_later(_constants.FAKE_THREAD_RECHECK, self._check, loop, 0)
                return
            self._jump()
        loop.call_soon(self._check, loop, 0)

    # -- real time (serve) ---------------------------------------------------------------------

    @contextmanager
    def following_real_time(self) -> Iterator[None]:
        """While inside: the clock reads on in real seconds (a server's clients sleep for real)."""
        with self._lock:
            self._real = (self._now, time.monotonic())
        try:
            yield
        finally:
            with self._lock:
                self._now = self._read()
                self._real = None
