"""The `sakari-exec` command: `get` an execution, or `wait` for it to finish;
`list` (each with --help).

    sakari-exec get ACCOUNT_ID WORKFLOW_ID EXECUTION_ID
    sakari-exec wait ACCOUNT_ID WORKFLOW_ID EXECUTION_ID --timeout 600
    sakari-exec list ACCOUNT_ID WORKFLOW_ID --max 20

Credentials come from $SAKARI_TOKEN and the base URL from $SAKARI_BASE_URL (or flags).

Exit codes: 0 success, 1 failed, 2 usage error, 3 deadline passed, 4 API or connection error,
130 interrupted. The result goes to stdout; progress and errors to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ._cli import (
    CliSpec,
    Command,
    Credential,
    Fetched,
    Option,
    Paging,
    Param,
    Positional,
    UsageError,
    page_items,
    parse_datetime,
    run,
    send,
)
from ._vendor import DEFAULT_BASE_URL, DIST_NAME, ENV_BASE_URL, __version__
from .api.executions import get_execution, list_executions
from .client import AuthenticatedClient
from .wait import TERMINAL_STATUSES, execution_status


def _make_client(base_url: str, credentials: dict[str, Any], **options: Any) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=base_url, **credentials, **options)


def _fetch(client: AuthenticatedClient, args: dict[str, Any]) -> Fetched:
    try:
        request = _request(args)
    except UsageError:
        raise
    except ValueError as exc:  # e.g. an empty, "." or ".." path parameter
        raise UsageError(str(exc)) from None
    response = client._request(**request)
    model = get_execution._result(response)  # raises the package's typed errors
    return Fetched(model=model, raw=json.loads(response.content))


def _request(args: dict[str, Any]) -> dict[str, Any]:
    """The operation's request from the command's arguments; UsageError (exit 2) naming an
    argument that is not of its parameter's type."""

    return get_execution._get_kwargs(
        account_id=args["account_id"],
        workflow_id=args["workflow_id"],
        execution_id=args["execution_id"],
    )


def _send_list_executions(client: AuthenticatedClient, values: dict[str, Any]) -> Fetched:
    """GET /v1/accounts/{accountId}/workflows/{workflowId}/executions: one request with the command's parsed values."""
    return send(client, lambda: list_executions._get_kwargs(**values), list_executions._result)


_LIST_PAGING = Paging(
    style="offset",
    marker="offset",
    limit="limit",
    next_cursor=(),
    has_more=(
        "pagination",
        "hasNext",
    ),
    first_page=1,
)


_LIST_ITEMS = ("data",)  # where a page's items are


def _list_items(client: AuthenticatedClient, values: dict[str, Any]) -> Iterator[Any]:
    """Every execution list_executions lists, as the server sent it (JSON), one request per page as
    the loop goes. The one function to swap for the operation's own iterator."""
    return page_items(
        lambda page: _send_list_executions(client, page).raw, values, _LIST_ITEMS, _LIST_PAGING, "list_executions"
    )


COMMANDS: list[Command] = [
    Command(
        "list",
        "list",
        "list executions (List the executions of a workflow)",
        "List executions (GET /v1/accounts/{accountId}/workflows/{workflowId}/executions): one row per execution (ID, STATUS, STARTED, ENDED) as pages arrive; --json prints one JSON line per execution as the server sent it; --max N stops after N. Exit 0, 2 usage error, 4 API or connection error (after the rows already printed).",
        path_params=[
            Positional("path_0", "ACCOUNT_ID", "account_id", "Account to apply operations to"),
            Positional("path_1", "WORKFLOW_ID", "workflow_id", "Workflow to apply operations to"),
        ],
        options=[
            Option(
                "offset",
                "option_offset",
                "offset",
                "Index of the first execution to return (default 0).",
                parse=int,
                expected="an integer",
            ),
            Option(
                "limit",
                "option_limit",
                "limit",
                "Number of executions to return, 1 to 100.",
                parse=int,
                expected="an integer",
            ),
            Option(
                "contact-id",
                "option_contact_id",
                "contact_id",
                "Only the executions of this contact.",
            ),
            Option(
                "status",
                "option_status",
                "status",
                "Only the executions with this status (for example `completed`).",
            ),
            Option(
                "start",
                "option_start",
                "start",
                "Only the executions that started at or after this time (ISO 8601).",
                parse=parse_datetime,
                expected="an ISO 8601 date-time (e.g. 2024-01-31T12:00:00Z; no offset: local time)",
            ),
            Option(
                "end",
                "option_end",
                "end",
                "Only the executions that started at or before this time (ISO 8601).",
                parse=parse_datetime,
                expected="an ISO 8601 date-time (e.g. 2024-01-31T12:00:00Z; no offset: local time)",
            ),
        ],
        send=_send_list_executions,
        iterate=_list_items,
        columns=[("ID", ("id",)), ("STATUS", ("status",)), ("STARTED", ("start",)), ("ENDED", ("end",))],
    ),
]


SPEC = CliSpec(
    prog=DIST_NAME,
    version=__version__,
    description="Sakari API: get an execution, or wait until it finishes; list.",
    credentials=[
        Credential("token", "SAKARI_TOKEN", required=True),
    ],
    base_url_env=ENV_BASE_URL,
    default_base_url=DEFAULT_BASE_URL,
    path_params=[
        Param("account_id", "Account to apply operations to"),
        Param("workflow_id", "Workflow to apply operations to"),
        Param("execution_id", "Id for a workflow Execution"),
    ],
    query_params=[],
    terminal=TERMINAL_STATUSES,
    status_path=(
        "data",
        "status",
    ),
    summary={
        "id": ["data", "id"],
        "started": ["data", "start"],
        "ended": ["data", "end"],
        "items": ["data", "steps"],
        "item-columns": ["id", "node.type.name", "start", "end"],
    },
    make_client=_make_client,
    fetch=_fetch,
    status_of=execution_status,
    commands=COMMANDS,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(SPEC, argv)


if __name__ == "__main__":
    sys.exit(main())
