"""Wait for a B3OS API execution to finish.

`wait_for_execution` (sync) and `wait_for_execution_async` poll
`get_execution` with exponential backoff until the status at
`data.execution.status` is terminal, under an overall deadline that bounds the
whole wait: each poll's request timeout (and its retries) is cut to the time left.
Rendered from the spec's `x-status-path` and `x-terminal-statuses`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ._base_client import Deadline
from ._constants import DEFAULT_MAX_POLL_INTERVAL, DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT
from ._polling import StatusCallback, TerminalStatuses, WaitResult, status_at, wait_async, wait_sync
from .api.executions import get_execution
from .client import AuthenticatedClient
from .errors import InvalidParameterError
from .models import ExecutionResponse

# From the spec. Unknown statuses, and any not listed, are not terminal.
TERMINAL_STATUSES = TerminalStatuses.of(
    success=["workflow_succeeded"],
    failure=["workflow_partial", "workflow_failed", "workflow_cancelled"],
)
STATUS_ATTRIBUTES = (
    "data",
    "execution",
    "status",
)
_T = TypeVar("_T")
__all__ = [
    "TERMINAL_STATUSES",
    "TerminalStatuses",
    "WaitResult",
    "execution_status",
    "wait_for_execution",
    "wait_for_execution_async",
]


def execution_status(execution: ExecutionResponse) -> str | None:
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
    id: str,
    *,
    client: AuthenticatedClient,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    initial_interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
    on_status_change: StatusCallback[ExecutionResponse] | None = None,
    terminal_statuses: TerminalStatuses = TERMINAL_STATUSES,
) -> WaitResult[ExecutionResponse]:
    """Poll until the execution reaches a terminal status; returns the last execution.

    Args:
        id: Execution ID
        client: The authenticated client.
        timeout: Overall deadline in seconds, for the whole wait: each poll's request timeout is
            cut to the time left, its retries stop there and no sleep goes past it. Past it,
            `errors.WaitTimeoutError` is raised, carrying the last execution seen (None if none yet).
        initial_interval: First pause between polls (seconds); doubles per poll...
        max_interval: ...up to this.
        on_status_change: Called as `(old_status, new_status, execution)` on the first poll and
            whenever the status changes.
        terminal_statuses: Which statuses end the wait (default: the spec's ['workflow_succeeded']
            success and ['workflow_partial', 'workflow_failed', 'workflow_cancelled'] failure); unknown statuses never do.

    Returns:
        WaitResult: `.execution`, `.status`, `.succeeded` / `.failed`, `.polls`, `.elapsed`.

    Raises:
        errors.WaitTimeoutError: The deadline passed first.
        errors.APIError: A request failed after the client's retries (status, connection, body).
    """
    return wait_sync(
        None,
        execution_status,
        terminal_statuses,
        timeout=timeout,
        initial_interval=initial_interval,
        max_interval=max_interval,
        on_status_change=on_status_change,
        sleep=client._sleep,
        clock=client._clock,
        fetch_within=lambda seconds: get_execution.sync(
            id, client=client, timeout=Deadline(seconds, clock=client._clock)
        ),
    )


async def wait_for_execution_async(
    id: str,
    *,
    client: AuthenticatedClient,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    initial_interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
    on_status_change: StatusCallback[ExecutionResponse] | None = None,
    terminal_statuses: TerminalStatuses = TERMINAL_STATUSES,
) -> WaitResult[ExecutionResponse]:
    """The async twin of `wait_for_execution`: never blocks the event loop."""
    return await wait_async(
        None,
        execution_status,
        terminal_statuses,
        timeout=timeout,
        initial_interval=initial_interval,
        max_interval=max_interval,
        on_status_change=on_status_change,
        sleep=client._asleep,
        clock=client._clock,
        fetch_within=lambda seconds: get_execution.asyncio(
            id, client=client, timeout=Deadline(seconds, clock=client._clock)
        ),
    )
