"""Polling an execution until it reaches a terminal status: the generic core.

Each package's `wait.py` (rendered from the spec) binds this to its GET
endpoint, the place its status sits, and its terminal statuses.

The deadline bounds the whole wait: given `fetch_within`, each poll gets the time
left as its request timeout (the request's retries stop at it too), no poll starts
after it and no sleep goes past it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from . import _constants
from ._base_client import DeadlineExceededError
from .errors import WaitTimeoutError

T = TypeVar("T")

# Called with (old status, new status, execution) when the status changes; old is None at first.
StatusCallback = Callable[[str | None, str | None, T], None]


def status_at(execution: object, attributes: Iterable[str]) -> str | None:
    """The status found by following `attributes` from `execution`, as a plain string.

    None when any step is absent or null (a model's absent optional field reads None):
    a response without a status is simply not terminal yet.
    """
    value: object = execution
    for attribute in attributes:
        value = getattr(value, attribute, None)
        if value is None:
            return None
    return str(value)


@dataclass(frozen=True)
class TerminalStatuses:
    """Which statuses end a wait, and whether they mean success or failure.

    Any other status, unknown ones included, means "keep polling".
    """

    success: frozenset[str]
    failure: frozenset[str]
    # Statuses that end the run with the verdict elsewhere (a spec's `x-outcome-path`).
    done: frozenset[str] = frozenset()

    @classmethod
    def of(cls, success: Iterable[str], failure: Iterable[str], done: Iterable[str] = ()) -> TerminalStatuses:
        success_set, failure_set, done_set = frozenset(success), frozenset(failure), frozenset(done)
        overlap = (success_set & failure_set) | (done_set & (success_set | failure_set))
        if overlap:
            raise ValueError(f"statuses in more than one of success, failure and done: {sorted(overlap)}")
        return cls(success_set, failure_set, done_set)

    def is_terminal(self, status: str | None) -> bool:
        return status in self.success or status in self.failure or status in self.done


@dataclass(frozen=True)
class WaitResult(Generic[T]):
    """The execution as last fetched, once it reached a terminal status."""

    execution: T
    status: str
    succeeded: bool
    polls: int
    elapsed: float

    @property
    def failed(self) -> bool:
        return not self.succeeded


@dataclass
class _Poller(Generic[T]):
    status_of: Callable[[T], str | None]
    terminal: TerminalStatuses
    timeout: float
    initial_interval: float
    max_interval: float
    on_status_change: StatusCallback[T] | None
    clock: Callable[[], float]
    verdict: Callable[[T, str], bool] | None = None

    def __post_init__(self) -> None:
        if self.timeout < 0 or self.initial_interval <= 0 or self.max_interval < self.initial_interval:
            raise ValueError("need timeout >= 0 and 0 < initial_interval <= max_interval")
        self.started = self.clock()
        self.interval = self.initial_interval
        self.polls = 0
        self.status: str | None = None
        self.last: T | None = None

    def remaining(self) -> float:
        """Seconds left before the deadline; raises `WaitTimeoutError` when none are."""
        remaining = self.timeout - (self.clock() - self.started)
        if remaining <= 0:
            raise self.expired()
        return remaining

    def expired(self) -> WaitTimeoutError:
        """The error for a deadline that passed, carrying the last execution seen (None if none yet)."""
        return WaitTimeoutError(self.last, self.status, self.clock() - self.started, self.polls)

    def observe(self, execution: T) -> WaitResult[T] | float:
        """Record one poll; the result if terminal, else the seconds to sleep (raises past the deadline)."""
        self.polls += 1
        self.last = execution
        status = self.status_of(execution)
        if status != self.status or self.polls == 1:
            previous, self.status = self.status, status
            if self.on_status_change is not None:
                self.on_status_change(previous, status, execution)
        elapsed = self.clock() - self.started
        if status is not None and self.terminal.is_terminal(status):
            if self.verdict is not None and status in self.terminal.done:
                succeeded = self.verdict(execution, status)
            else:
                succeeded = status in self.terminal.success
            return WaitResult(execution, status, succeeded, self.polls, elapsed)
        remaining = self.timeout - elapsed
        if remaining <= 0:
            raise WaitTimeoutError(execution, status, elapsed, self.polls)
        delay = min(self.interval, remaining)
        self.interval = min(self.interval * _constants.POLL_BACKOFF_FACTOR, self.max_interval)
        return delay


def wait_sync(
    fetch: Callable[[], T] | None,
    status_of: Callable[[T], str | None],
    terminal: TerminalStatuses,
    *,
    timeout: float,
    initial_interval: float,
    max_interval: float,
    on_status_change: StatusCallback[T] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    verdict: Callable[[T, str], bool] | None = None,
    fetch_within: Callable[[float], T] | None = None,
) -> WaitResult[T]:
    """Fetch until a terminal status, sleeping with exponential backoff in between.

    `verdict(execution, status)` decides success for a `done` status (the outcome field).
    `fetch_within(seconds)`, used instead of `fetch` when given, fetches with `seconds` (the time
    left) as its request timeout, e.g. `_base_client.Deadline(seconds)`; a `DeadlineExceededError`
    it raises, like a deadline passing between polls, ends the wait with `WaitTimeoutError`.
    (A plain `fetch` is not bounded: a poll may outlast the deadline, and one is made at it.)
    """
    poller = _Poller(status_of, terminal, timeout, initial_interval, max_interval, on_status_change, clock, verdict)
    while True:
        if fetch_within is not None:
            try:
                execution = fetch_within(poller.remaining())
            except DeadlineExceededError as exc:
                raise poller.expired() from exc
        elif fetch is not None:
            execution = fetch()
        else:
            raise TypeError("wait_sync needs fetch or fetch_within")
        outcome = poller.observe(execution)
        if isinstance(outcome, WaitResult):
            return outcome
        sleep(outcome)


async def wait_async(
    fetch: Callable[[], Awaitable[T]] | None,
    status_of: Callable[[T], str | None],
    terminal: TerminalStatuses,
    *,
    timeout: float,
    initial_interval: float,
    max_interval: float,
    on_status_change: StatusCallback[T] | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
    verdict: Callable[[T, str], bool] | None = None,
    fetch_within: Callable[[float], Awaitable[T]] | None = None,
) -> WaitResult[T]:
    """The async twin of `wait_sync`; sleeps with `sleep` (default `asyncio.sleep`)."""
    poller = _Poller(status_of, terminal, timeout, initial_interval, max_interval, on_status_change, clock, verdict)
    while True:
        if fetch_within is not None:
            try:
                execution = await fetch_within(poller.remaining())
            except DeadlineExceededError as exc:
                raise poller.expired() from exc
        elif fetch is not None:
            execution = await fetch()
        else:
            raise TypeError("wait_async needs fetch or fetch_within")
        outcome = poller.observe(execution)
        if isinstance(outcome, WaitResult):
            return outcome
        await sleep(outcome)
