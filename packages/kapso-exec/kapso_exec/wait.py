"""Wait for a Kapso External API execution to finish.

`wait_for_execution` (sync) and `wait_for_execution_async` poll
`get_execution` with exponential backoff until the status at
`data.status` is terminal, under an overall deadline that bounds the
whole wait: each poll's request timeout (and its retries) is cut to the time left. A poll that
fails with a transient error (429, 5xx, connection error, timeout, malformed body) is retried
until the deadline; any other error ends the wait (see `_polling`'s table).
`wait_for_executions` and `wait_for_executions_async` wait on many executions at once and
yield each one's outcome as it ends. Rendered from the spec's `x-status-path` and
`x-terminal-statuses`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from ._base_client import Deadline
from ._constants import DEFAULT_MAX_POLL_INTERVAL, DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT, MAX_CONCURRENT_POLLS
from ._polling import (
    AsyncRetryCallback,
    AsyncStatusCallback,
    FanInAsync,
    RetryCallback,
    StatusCallback,
    TerminalStatuses,
    WaitOutcome,
    WaitResult,
    fan_in_sync,
    status_at,
    wait_async,
    wait_sync,
)
from .api.executions import get_execution
from .client import AuthenticatedClient
from .errors import InvalidParameterError
from .models import FlowExecutionResponse

# From the spec. Unknown statuses, and any not listed, are not terminal.
TERMINAL_STATUSES = TerminalStatuses.of(
    success=["ended"],
    failure=["failed"],
)
STATUS_ATTRIBUTES = (
    "data",
    "status",
)
_T = TypeVar("_T")
__all__ = [
    "TERMINAL_STATUSES",
    "TerminalStatuses",
    "WaitOutcome",
    "WaitResult",
    "execution_status",
    "wait_for_execution",
    "wait_for_execution_async",
    "wait_for_executions",
    "wait_for_executions_async",
]


def execution_status(execution: FlowExecutionResponse) -> str | None:
    """The execution's status as a plain string; None when the response has none."""
    return status_at(execution, STATUS_ATTRIBUTES)


def _convert_argument(name: str, value: object, parse: Callable[[str], _T], expected: str) -> _T:
    """`value` as the endpoint takes it; an error naming the argument, before any request, if it
    does not convert."""
    try:
        return parse(str(value))
    except ValueError:
        raise InvalidParameterError(name, value, expected) from None


def wait_for_execution(
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    initial_interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
    on_status_change: StatusCallback[FlowExecutionResponse] | None = None,
    on_retry: RetryCallback | None = None,
    terminal_statuses: TerminalStatuses = TERMINAL_STATUSES,
) -> WaitResult[FlowExecutionResponse]:
    """Poll until the execution reaches a terminal status; returns the last execution.

    Args:
        execution_id: ID of the flow execution (for example `exec-456def`).
        client: The authenticated client.
        timeout: Overall deadline in seconds, for the whole wait: each poll's request timeout is
            cut to the time left, its retries stop there and no sleep goes past it. Past it,
            `errors.WaitTimeoutError` is raised, carrying the last execution seen (None if none yet).
        initial_interval: First pause between polls (seconds); doubles per poll...
        max_interval: ...up to this.
        on_status_change: Called as `(old_status, new_status, execution)` on the first poll and
            whenever the status changes.
        on_retry: Called as `(error, seconds)` when a poll failed with a transient error (429,
            5xx, connection error, timeout, malformed body: after the client's own retries) and
            the wait polls again in `seconds` (the server's Retry-After when it sends one).
        terminal_statuses: Which statuses end the wait (default: the spec's ['ended']
            success and ['failed'] failure); unknown statuses never do.

    Returns:
        WaitResult: `.execution`, `.status`, `.succeeded` / `.failed`, `.polls`, `.elapsed`,
        `.execution_id`, `.retries` (the failed polls the wait got past).

    Raises:
        errors.WaitTimeoutError: The deadline passed first (a transient error that lasted until
            then is its `__cause__`).
        errors.APIError: An answer that cannot get better: 401, 403, 404 and other 4xx but 408,
            409 and 429 (e.g. `errors.NotFoundError`), or a missing credential.
    """
    return wait_sync(
        None,
        execution_status,
        terminal_statuses,
        timeout=timeout,
        initial_interval=initial_interval,
        max_interval=max_interval,
        on_status_change=on_status_change,
        on_retry=on_retry,
        sleep=client._sleep,
        clock=client._clock,
        fetch_within=lambda seconds: get_execution.sync(
            execution_id, client=client, timeout=Deadline(seconds, clock=client._clock)
        ),
        execution_id=str(execution_id),
        vendor=client._vendor,
    )


async def wait_for_execution_async(
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    initial_interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
    on_status_change: AsyncStatusCallback[FlowExecutionResponse] | None = None,
    on_retry: AsyncRetryCallback | None = None,
    terminal_statuses: TerminalStatuses = TERMINAL_STATUSES,
) -> WaitResult[FlowExecutionResponse]:
    """The async twin of `wait_for_execution`: never blocks the event loop. The callbacks may be
    coroutine functions (`async def`): each is awaited before the wait goes on."""
    return await wait_async(
        None,
        execution_status,
        terminal_statuses,
        timeout=timeout,
        initial_interval=initial_interval,
        max_interval=max_interval,
        on_status_change=on_status_change,
        on_retry=on_retry,
        sleep=client._asleep,
        clock=client._clock,
        fetch_within=lambda seconds: get_execution.asyncio(
            execution_id, client=client, timeout=Deadline(seconds, clock=client._clock)
        ),
        execution_id=str(execution_id),
        vendor=client._vendor,
    )


def _execution_key(execution_id: object) -> str:
    """An id of `execution_ids` as the endpoint takes it."""
    return str(execution_id)


def wait_for_executions(
    execution_ids: Iterable[str],
    *,
    client: AuthenticatedClient,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    initial_interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
    terminal_statuses: TerminalStatuses = TERMINAL_STATUSES,
) -> Iterator[WaitOutcome[FlowExecutionResponse]]:
    """Wait on many executions at once; yields one `WaitOutcome` per execution, in the order they end.

    One scheduler polls whichever execution is due next, one request at a time, each execution
    on its own backoff (as `wait_for_execution`, transient errors included). An outcome never
    raises: its `.error` says why a wait ended without a terminal status (`errors.WaitTimeoutError`,
    `errors.InvalidParameterError` for an id that is not a valid path value, or the error a poll
    ended with, e.g. `errors.NotFoundError`), so one bad execution does not stop the others.
    Polling happens only while the loop asks for the next outcome: leaving the loop stops it.

    Args:
        execution_ids: The executions to wait on; a repeated id is waited on once, none at all
            yields nothing.
        client: The authenticated client.
        timeout: Overall deadline in seconds, for the whole fan-in: an execution still running
            then ends with `errors.WaitTimeoutError` as its `.error`.
        initial_interval: First pause between an execution's polls (seconds); doubles per poll...
        max_interval: ...up to this.
        terminal_statuses: Which statuses end a wait (default: the spec's).

    Yields:
        WaitOutcome: `.execution_id`, `.status`, `.succeeded`, `.execution` (the last one fetched),
        `.polls`, `.retries`, `.elapsed`, `.error`.
    """
    return fan_in_sync(
        execution_ids,
        _execution_key,
        lambda _key, seconds: get_execution.sync(_key, client=client, timeout=Deadline(seconds, clock=client._clock)),
        execution_status,
        terminal_statuses,
        timeout=timeout,
        initial_interval=initial_interval,
        max_interval=max_interval,
        sleep=client._sleep,
        clock=client._clock,
        vendor=client._vendor,
        id_name="execution_ids",
    )


def wait_for_executions_async(
    execution_ids: Iterable[str],
    *,
    client: AuthenticatedClient,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    initial_interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
    terminal_statuses: TerminalStatuses = TERMINAL_STATUSES,
    concurrency: int = MAX_CONCURRENT_POLLS,
) -> FanInAsync[FlowExecutionResponse]:
    """The async twin of `wait_for_executions`: `async for outcome in wait_for_executions_async(...)`.

    Up to `concurrency` polls are in flight at once (one per execution). Cancelling the task
    that iterates, leaving the loop, or `aclose()` (also `async with`) cancels the requests in
    flight; no request starts after that.
    """
    return FanInAsync(
        execution_ids,
        _execution_key,
        lambda _key, seconds: get_execution.asyncio(
            _key, client=client, timeout=Deadline(seconds, clock=client._clock)
        ),
        execution_status,
        terminal_statuses,
        timeout=timeout,
        initial_interval=initial_interval,
        max_interval=max_interval,
        sleep=client._asleep,
        clock=client._clock,
        vendor=client._vendor,
        id_name="execution_ids",
        concurrency=concurrency,
    )
