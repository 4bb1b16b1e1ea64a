"""Polling executions until they reach a terminal status: the generic core, sync and async.

Each package's `wait.py` (rendered from the spec) binds this to its GET endpoint, the place its
status sits, and its terminal statuses.

One engine: `_Poller` holds one execution's wait and decides, without any I/O, what an answer or
an error means and how long to pause. `wait_sync` / `wait_async` drive one poller;
`fan_in_sync` / `FanInAsync` drive many through one scheduler, a heap of (due time, order,
poller) with at most one request in flight per execution (and, async, at most `concurrency`).

The deadline bounds the whole wait: given `fetch_within`, each poll gets the time left as its
request timeout (the request's retries stop at it too), no poll starts after it and no sleep
goes past it.

What an error raised by a poll does to the wait (the classification is `_retry`'s, the one the
client's own retries use; an error is only seen here once those retries are spent):

    error                                                      the wait
    ---------------------------------------------------------  -------------------------------------
    DeadlineExceededError (a request ran into the deadline)    ends: WaitTimeoutError
    APIStatusError 408, 409, 429, 5xx                          polls again after a pause
    APIConnectionError / APITimeoutError whose cause           polls again after a pause
      `_retry.should_retry_error` retries (timeouts, network
      and protocol errors)
    APIResponseValidationError (a 2xx body that is not JSON    polls again after a pause
      or does not fit the schema)
    APIStatusError 400, 401, 403, 404, 422, any other 4xx      ends at once: the error is raised
    any other APIError (a missing credential, a connection     ends at once: the error is raised
      error a retry cannot get past), any other exception

The pause after an error: the server's `retry-after-ms` / `Retry-After` when it sends one (of
any length), else the longer of the poll interval and `_retry.retry_delay` for the errors in a
row; never past the deadline. A deadline that passes during such a pause raises
`WaitTimeoutError` with the last error as its `__cause__` and the last execution seen on it.
"""

from __future__ import annotations

import asyncio
import heapq
import inspect
import itertools
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from . import _constants, _tracing
from ._base_client import DeadlineExceededError
from ._logging import log_retry, log_status_change
from ._paths import encode_path_segment
from ._retry import parse_retry_after, retry_delay, should_retry_error, should_retry_status
from .errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    InvalidParameterError,
    WaitTimeoutError,
)

T = TypeVar("T")

# Called with (old status, new status, execution) when the status changes; old is None at first.
StatusCallback = Callable[[str | None, str | None, T], None]
# The async waits also take a coroutine function; what the callback returns is awaited.
AsyncStatusCallback = Callable[[str | None, str | None, T], Awaitable[None] | None]
# Called with (the error, seconds until the next poll) when a poll failed and the wait goes on.
RetryCallback = Callable[[APIError, float], None]
AsyncRetryCallback = Callable[[APIError, float], Awaitable[None] | None]


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


def is_transient(error: BaseException) -> bool:
    """Whether a poll that failed with `error` is worth another one (the table above)."""
    if isinstance(error, DeadlineExceededError):
        return False
    if isinstance(error, APIStatusError):
        return should_retry_status(error.status_code)
    if isinstance(error, APIConnectionError):
        cause = error.__cause__
        return not isinstance(cause, Exception) or should_retry_error(cause)
    return isinstance(error, APIResponseValidationError)


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
    """The execution as last fetched, once it reached a terminal status.

    `polls` counts the answered polls, `retries` the failed ones the wait got past (a 429, a
    5xx, a connection error, a timeout, a malformed body); `execution_id` is the id waited on.
    """

    execution: T
    status: str
    succeeded: bool
    polls: int
    elapsed: float
    execution_id: str = ""
    retries: int = 0

    @property
    def failed(self) -> bool:
        return not self.succeeded


@dataclass(frozen=True, slots=True)
class WaitOutcome(Generic[T]):
    """How the wait on one of many executions ended (`wait_for_executions`).

    Attributes:
        execution_id: The id as given (as text).
        status: The last status seen (None when no poll answered, or the answer had none).
        succeeded: True only for a terminal success status (or a successful outcome).
        execution: The execution as last fetched (None when no poll answered).
        polls: Answered polls; `retries`: failed polls the wait got past.
        elapsed: Seconds from the start of the fan-in to this outcome.
        error: None when the execution reached a terminal status; else why its wait ended: a
            `WaitTimeoutError` (the deadline passed), an `InvalidParameterError` (the id is not a
            valid path value) or the `APIError` a poll ended with (e.g. `NotFoundError`).
    """

    execution_id: str
    status: str | None
    succeeded: bool
    execution: T | None
    polls: int
    elapsed: float
    error: APIError | None = None
    retries: int = 0

    @property
    def failed(self) -> bool:
        return not self.succeeded


@dataclass(frozen=True)
class _Rules(Generic[T]):
    """What every poller of one wait (or one fan-in) shares."""

    status_of: Callable[[T], str | None]
    terminal: TerminalStatuses
    timeout: float
    initial_interval: float
    max_interval: float
    clock: Callable[[], float]
    started: float
    verdict: Callable[[T, str], bool] | None = None
    vendor: str | None = None

    @classmethod
    def make(
        cls,
        status_of: Callable[[T], str | None],
        terminal: TerminalStatuses,
        timeout: float,
        initial_interval: float,
        max_interval: float,
        clock: Callable[[], float],
        verdict: Callable[[T, str], bool] | None,
        vendor: str | None,
    ) -> _Rules[T]:
        # `not (a >= b)` rather than `a < b`: NaN fails every comparison and is refused too.
        if not (timeout >= 0 and initial_interval > 0 and max_interval >= initial_interval):
            raise ValueError("need timeout >= 0 and 0 < initial_interval <= max_interval")
        return cls(status_of, terminal, timeout, initial_interval, max_interval, clock, clock(), verdict, vendor)


# A status change: (old status, new status); old is None on the first poll.
Change = tuple[str | None, str | None]


class _Poller(Generic[T]):
    """One execution's wait: its schedule, what was last seen, and its tracing span.

    Small on purpose (a fan-in keeps one per pending execution): the last execution is kept,
    no earlier one.
    """

    __slots__ = (
        "execution_id",
        "interval",
        "key",
        "last",
        "last_error",
        "polls",
        "retries",
        "rules",
        "span",
        "status",
        "streak",
    )

    def __init__(self, rules: _Rules[T], execution_id: str, key: object = None) -> None:
        self.rules = rules
        self.execution_id = execution_id
        self.key = key
        self.interval = rules.initial_interval
        self.polls = 0
        self.retries = 0
        self.streak = 0  # failed polls in a row
        self.status: str | None = None
        self.last: T | None = None
        self.last_error: APIError | None = None  # since the last answer: the cause of a timeout
        self.span = _tracing.start_wait(execution_id, rules.vendor)

    def elapsed(self) -> float:
        return self.rules.clock() - self.rules.started

    def remaining(self) -> float:
        """Seconds left before the deadline; raises `WaitTimeoutError` when none are."""
        remaining = self.rules.timeout - self.elapsed()
        if remaining <= 0:
            raise self.expired()
        return remaining

    def expired(self) -> WaitTimeoutError:
        """The error for a deadline that passed, carrying the last execution seen (None if none yet)."""
        error = WaitTimeoutError(self.last, self.status, self.elapsed(), self.polls)
        if self.last_error is not None:
            error.__cause__ = self.last_error
        return error

    def active(self) -> AbstractContextManager[Any]:
        """The wait's span as the current one (a request's span nests under it), if traced."""
        return nullcontext() if self.span is None else _tracing.activate(self.span)

    def answered(self, execution: T) -> tuple[Change | None, WaitResult[T] | float | WaitTimeoutError]:
        """Record one answered poll: the status change (if any), and then the result when
        terminal, else the seconds to sleep, else (past the deadline) the error to raise."""
        self.polls += 1
        self.last, self.last_error, self.streak = execution, None, 0
        rules = self.rules
        status = rules.status_of(execution)
        change: Change | None = None
        if status != self.status or self.polls == 1:
            change = (self.status, status)
            self.status = status
            log_status_change(self.execution_id, change[0], status, self.polls, self.elapsed())
            if self.span is not None:
                _tracing.status_event(self.span, change[0], status)
        elapsed = self.elapsed()
        if status is not None and rules.terminal.is_terminal(status):
            if rules.verdict is not None and status in rules.terminal.done:
                succeeded = rules.verdict(execution, status)
            else:
                succeeded = status in rules.terminal.success
            return change, WaitResult(
                execution, status, succeeded, self.polls, elapsed, self.execution_id, self.retries
            )
        remaining = rules.timeout - elapsed
        if remaining <= 0:
            return change, WaitTimeoutError(execution, status, elapsed, self.polls)
        return change, min(self._next_interval(), remaining)

    def failed(self, error: APIError) -> float | None:
        """The seconds to pause after a poll failed with a transient `error`; None when `error`
        ends the wait (the caller raises it). Raises `WaitTimeoutError` when the deadline passed."""
        if isinstance(error, DeadlineExceededError):
            self.last_error = None
            timeout = self.expired()
            timeout.__cause__ = error
            raise timeout
        if not is_transient(error):
            return None
        self.retries += 1
        self.streak += 1
        self.last_error = error
        remaining = self.remaining()
        headers = getattr(error, "headers", None)
        hint = parse_retry_after(headers, time.time()) if headers is not None else None
        interval = self._next_interval()
        delay = hint if hint is not None and hint > 0 else max(interval, retry_delay(self.streak - 1))
        delay = min(delay, remaining)
        log_retry(self.execution_id, type(error).__name__, delay)
        if self.span is not None:
            _tracing.retry_event(self.span, type(error).__name__, delay)
        return delay

    def _next_interval(self) -> float:
        interval = self.interval
        self.interval = min(self.interval * _constants.POLL_BACKOFF_FACTOR, self.rules.max_interval)
        return interval

    def end(self, error: BaseException | str | None = None) -> None:
        """End the wait's span (once) with its final attributes."""
        span, self.span = self.span, None
        if span is None:
            return
        attributes: dict[str, Any] = {_tracing.WAIT_POLLS: self.polls, _tracing.WAIT_RETRIES: self.retries}
        if self.status is not None:
            attributes[_tracing.EXECUTION_STATUS] = self.status
        _tracing.finish(span, attributes, error)

    def outcome(self, ending: WaitResult[T] | APIError) -> WaitOutcome[T]:
        """The fan-in's result for this execution; ends its span."""
        elapsed = self.elapsed()
        if isinstance(ending, WaitResult):
            self.end()
            return WaitOutcome(
                self.execution_id,
                ending.status,
                ending.succeeded,
                ending.execution,
                self.polls,
                elapsed,
                None,
                self.retries,
            )
        self.end(ending)
        return WaitOutcome(self.execution_id, self.status, False, self.last, self.polls, elapsed, ending, self.retries)

    def step(self, execution: T | None, error: APIError | None) -> WaitOutcome[T] | float:
        """The fan-in's handling of one poll: its outcome when the wait is over, else the pause."""
        try:
            if error is not None:
                delay = self.failed(error)
                return self.outcome(error) if delay is None else delay
            _, ending = self.answered(execution)  # type: ignore[arg-type]  # an answer when no error
        except WaitTimeoutError as timeout:
            return self.outcome(timeout)
        return self.outcome(ending) if isinstance(ending, WaitResult | WaitTimeoutError) else ending


async def _call(callback: Callable[..., Any], *args: Any) -> None:
    """Call `callback`; await what it returns when that is awaitable (an async callback)."""
    returned = callback(*args)
    if inspect.isawaitable(returned):
        await returned


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
    on_retry: RetryCallback | None = None,
    execution_id: str = "",
    vendor: str | None = None,
) -> WaitResult[T]:
    """Fetch until a terminal status, sleeping with exponential backoff in between.

    `verdict(execution, status)` decides success for a `done` status (the outcome field).
    `fetch_within(seconds)`, used instead of `fetch` when given, fetches with `seconds` (the time
    left) as its request timeout, e.g. `_base_client.Deadline(seconds)`; a `DeadlineExceededError`
    it raises, like a deadline passing between polls, ends the wait with `WaitTimeoutError`.
    (A plain `fetch` is not bounded: a poll may outlast the deadline, and one is made at it.)
    A transient error (the module's table) is retried: `on_retry(error, seconds)` is told first.
    `execution_id` and `vendor` name the wait in its log lines and span.
    """
    if fetch_within is None and fetch is None:
        raise TypeError("wait_sync needs fetch or fetch_within")
    rules = _Rules.make(status_of, terminal, timeout, initial_interval, max_interval, clock, verdict, vendor)
    poller = _Poller(rules, execution_id)
    try:
        while True:
            try:
                with poller.active():
                    execution = fetch_within(poller.remaining()) if fetch_within is not None else fetch()  # type: ignore[misc]
            except APIError as exc:
                delay = poller.failed(exc)
                if delay is None:
                    raise
                if on_retry is not None:
                    on_retry(exc, delay)
                sleep(delay)
                continue
            change, ending = poller.answered(execution)
            if change is not None and on_status_change is not None:
                on_status_change(change[0], change[1], execution)
            if isinstance(ending, WaitTimeoutError):
                raise ending
            if isinstance(ending, WaitResult):
                poller.end()
                return ending
            sleep(ending)
    except BaseException as exc:
        poller.end(exc)
        raise


async def wait_async(
    fetch: Callable[[], Awaitable[T]] | None,
    status_of: Callable[[T], str | None],
    terminal: TerminalStatuses,
    *,
    timeout: float,
    initial_interval: float,
    max_interval: float,
    on_status_change: AsyncStatusCallback[T] | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
    verdict: Callable[[T, str], bool] | None = None,
    fetch_within: Callable[[float], Awaitable[T]] | None = None,
    on_retry: AsyncRetryCallback | None = None,
    execution_id: str = "",
    vendor: str | None = None,
) -> WaitResult[T]:
    """The async twin of `wait_sync`; sleeps with `sleep` (default `asyncio.sleep`). The callbacks
    may be plain functions or coroutine functions (awaited before the wait goes on)."""
    if fetch_within is None and fetch is None:
        raise TypeError("wait_async needs fetch or fetch_within")
    rules = _Rules.make(status_of, terminal, timeout, initial_interval, max_interval, clock, verdict, vendor)
    poller = _Poller(rules, execution_id)
    try:
        while True:
            try:
                with poller.active():
                    if fetch_within is not None:
                        execution = await fetch_within(poller.remaining())
                    else:
                        execution = await fetch()  # type: ignore[misc]
            except APIError as exc:
                delay = poller.failed(exc)
                if delay is None:
                    raise
                if on_retry is not None:
                    await _call(on_retry, exc, delay)
                await sleep(delay)
                continue
            change, ending = poller.answered(execution)
            if change is not None and on_status_change is not None:
                await _call(on_status_change, change[0], change[1], execution)
            if isinstance(ending, WaitTimeoutError):
                raise ending
            if isinstance(ending, WaitResult):
                poller.end()
                return ending
            await sleep(ending)
    except BaseException as exc:
        poller.end(exc)
        raise


# -- many executions at once ------------------------------------------------------------------


def _admit(
    ids: Iterable[object], prepare: Callable[[object], Any], id_name: str, rules: _Rules[T]
) -> tuple[list[_Poller[T]], list[WaitOutcome[T]]]:
    """A poller per distinct id, in the order given; an outcome (with its error) per id that is not
    a valid path value. A repeated id (as text, or once converted) is waited on once."""
    pollers: list[_Poller[T]] = []
    refused: list[WaitOutcome[T]] = []
    texts: set[str] = set()
    keys: set[object] = set()
    for value in ids:
        text = str(value)
        if text in texts:
            continue
        texts.add(text)
        try:
            key = prepare(value)
            encode_path_segment(str(key), id_name)
        except InvalidParameterError as exc:
            refused.append(WaitOutcome(text, None, False, None, 0, rules.clock() - rules.started, exc))
            continue
        except ValueError:
            error = InvalidParameterError(id_name, value, "a path segment other than '', '.' and '..'")
            refused.append(WaitOutcome(text, None, False, None, 0, rules.clock() - rules.started, error))
            continue
        if key in keys:
            continue
        keys.add(key)
        pollers.append(_Poller(rules, text, key))
    return pollers, refused


def fan_in_sync(
    ids: Iterable[object],
    prepare: Callable[[object], Any],
    fetch_within: Callable[[Any, float], T],
    status_of: Callable[[T], str | None],
    terminal: TerminalStatuses,
    *,
    timeout: float,
    initial_interval: float,
    max_interval: float,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    verdict: Callable[[T, str], bool] | None = None,
    vendor: str | None = None,
    id_name: str = "execution_id",
) -> Iterator[WaitOutcome[T]]:
    """Wait on every execution of `ids` at once; yields one outcome per execution as each ends.

    `prepare(id)` is the endpoint's value for an id (raises `InvalidParameterError` when it does
    not convert); `fetch_within(key, seconds)` fetches one execution within `seconds`. One
    request at a time, the next one due first; `timeout` bounds the whole fan-in. Polling
    happens only inside `next()`: leaving the loop (or `close()`) stops it.
    """
    rules = _Rules.make(status_of, terminal, timeout, initial_interval, max_interval, clock, verdict, vendor)
    pollers, refused = _admit(ids, prepare, id_name, rules)
    order = itertools.count()
    heap = [(rules.started, next(order), poller) for poller in pollers]
    try:
        yield from refused
        while heap:
            due = heap[0][0]
            if due > clock():
                sleep(due - clock())
            poller = heapq.heappop(heap)[2]
            execution: T | None = None
            try:
                with poller.active():
                    execution = fetch_within(poller.key, poller.remaining())
            except WaitTimeoutError as exc:
                step: WaitOutcome[T] | float = poller.outcome(exc)
            except APIError as exc:
                step = poller.step(None, exc)
            else:
                step = poller.step(execution, None)
            if isinstance(step, WaitOutcome):
                yield step
            else:
                heapq.heappush(heap, (clock() + step, next(order), poller))
    finally:
        for _, _, poller in heap:
            poller.end("abandoned")


class FanInAsync(Generic[T]):
    """The async fan-in: an async iterator of `WaitOutcome`s in completion order.

    One scheduler (this object, inside `__anext__`): the polls that are due start, up to
    `concurrency` at once and one per execution; it then waits for the first of them to
    finish, or sleeps until the next poll is due. Cancelling the task iterating it, leaving the
    loop, `aclose()` or its `async with` block cancel the requests in flight; none starts after.
    """

    def __init__(
        self,
        ids: Iterable[object],
        prepare: Callable[[object], Any],
        fetch_within: Callable[[Any, float], Awaitable[T]],
        status_of: Callable[[T], str | None],
        terminal: TerminalStatuses,
        *,
        timeout: float,
        initial_interval: float,
        max_interval: float,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        verdict: Callable[[T, str], bool] | None = None,
        vendor: str | None = None,
        id_name: str = "execution_id",
        concurrency: int = _constants.MAX_CONCURRENT_POLLS,
    ) -> None:
        if not concurrency >= 1:
            raise ValueError("need concurrency >= 1")
        self._running: dict[asyncio.Future[T], _Poller[T]] = {}
        self._heap: list[tuple[float, int, _Poller[T]]] = []
        self._ready: deque[WaitOutcome[T]] = deque()
        self._closed = False
        self._fetch_within = fetch_within
        self._sleep = sleep
        self._clock = clock
        self._concurrency = concurrency
        self._order = itertools.count()
        rules = _Rules.make(status_of, terminal, timeout, initial_interval, max_interval, clock, verdict, vendor)
        pollers, refused = _admit(ids, prepare, id_name, rules)
        self._ready.extend(refused)
        self._heap = [(rules.started, next(self._order), poller) for poller in pollers]

    def __aiter__(self) -> FanInAsync[T]:
        return self

    async def __anext__(self) -> WaitOutcome[T]:
        try:
            while not self._ready:
                if self._closed or (not self._heap and not self._running):
                    raise StopAsyncIteration
                self._start_due()
                if self._running:
                    limit = None
                    if self._heap and len(self._running) < self._concurrency:
                        limit = max(self._heap[0][0] - self._clock(), 0.0)
                    done, _ = await asyncio.wait(self._running, timeout=limit, return_when=asyncio.FIRST_COMPLETED)
                    for task in [task for task in self._running if task in done]:  # in the order they started
                        self._finished(task)
                elif self._heap:
                    # The only sleeper: nothing is in flight, the next poll is not due yet.
                    await self._sleep(self._heap[0][0] - self._clock())
            return self._ready.popleft()
        except StopAsyncIteration:
            raise
        except BaseException:
            self._cancel()
            raise

    def _start_due(self) -> None:
        while self._heap and len(self._running) < self._concurrency and self._heap[0][0] <= self._clock():
            poller = heapq.heappop(self._heap)[2]
            try:
                seconds = poller.remaining()
            except WaitTimeoutError as exc:
                self._ready.append(poller.outcome(exc))
                continue
            with poller.active():  # the task copies the context: its request span nests under the wait's
                task = asyncio.ensure_future(self._fetch_within(poller.key, seconds))
            self._running[task] = poller

    def _finished(self, task: asyncio.Future[T]) -> None:
        poller = self._running.pop(task)
        error = task.exception()
        if error is not None and not isinstance(error, APIError):
            self._running[task] = poller  # ended with the others by the caller's cancel
            raise error
        step = poller.step(None if error is not None else task.result(), error)
        if isinstance(step, WaitOutcome):
            self._ready.append(step)
        else:
            heapq.heappush(self._heap, (self._clock() + step, next(self._order), poller))

    def _cancel(self) -> None:
        """Stop: cancel the requests in flight, end every pending wait's span, start nothing more."""
        self._closed = True
        for task, poller in self._running.items():
            if task.done():
                if not task.cancelled():
                    task.exception()  # retrieved: no "exception was never retrieved" warning
            else:
                try:
                    task.cancel()
                except RuntimeError:  # its event loop is closed: nothing runs there any more
                    pass
            poller.end("cancelled")
        for _, _, poller in self._heap:
            poller.end("cancelled")
        self._heap.clear()

    async def aclose(self) -> None:
        """Stop polling and wait until the cancelled requests have unwound."""
        tasks = list(self._running)
        self._cancel()
        self._running.clear()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def __aenter__(self) -> FanInAsync[T]:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.aclose()

    def __del__(self) -> None:
        # Left without `aclose()` (a `break` out of `async for`, or never iterated): no request may
        # go on by itself, and every pending wait's span ends.
        if not getattr(self, "_closed", True):
            self._cancel()
