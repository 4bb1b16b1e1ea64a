"""The `tracecat-exec` command: `get` an execution, or `wait` for it to finish;
`list`, `start`, `cancel`, `terminate` (each with --help).

    tracecat-exec get EXECUTION_ID --workspace-id VALUE
    tracecat-exec wait EXECUTION_ID --workspace-id VALUE --timeout 600
    tracecat-exec list WORKSPACE_ID --max 20
    tracecat-exec start WORKSPACE_ID --data @body.json
    tracecat-exec cancel WORKSPACE_ID EXECUTION_ID
    tracecat-exec terminate WORKSPACE_ID EXECUTION_ID

Credentials come from $TRACECAT_TOKEN and the base URL from $TRACECAT_BASE_URL (or flags).

Exit codes: 0 success, 1 failed, 2 usage error, 3 deadline passed, 4 API or connection error,
130 interrupted. The result goes to stdout; progress and errors to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any
from uuid import UUID

from ._cli import (
    Body,
    BodyField,
    CliSpec,
    Command,
    Credential,
    Fetched,
    Option,
    Paging,
    Param,
    Positional,
    UsageError,
    enum_parser,
    first_of,
    page_items,
    parse_bool,
    parse_datetime,
    run,
    send,
)
from ._vendor import DEFAULT_BASE_URL, DIST_NAME, ENV_BASE_URL, __version__
from .api.executions import cancel_execution, get_execution, search_executions, start_execution, terminate_execution
from .client import AuthenticatedClient
from .models import (
    SearchExecutionsStatusItem,
    SpecialUserID,
    TriggerType,
    WorkflowExecutionCreate,
    WorkflowExecutionRelationFilter,
    WorkflowExecutionStatusFilterMode,
    WorkflowExecutionTerminate,
)
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

    try:
        _arg_workspace_id = UUID(str(args["workspace_id"]))
    except ValueError:
        raise UsageError(
            f"--workspace-id must be a UUID (e.g. 00000000-0000-4000-8000-000000000000), got {args['workspace_id']!r}"
        ) from None

    return get_execution._get_kwargs(
        execution_id=args["execution_id"],
        workspace_id=_arg_workspace_id,
    )


def _send_search_executions(client: AuthenticatedClient, values: dict[str, Any]) -> Fetched:
    """GET /workspaces/{workspace_id}/workflow-executions/search: one request with the command's parsed values."""
    return send(client, lambda: search_executions._get_kwargs(**values), search_executions._result)


def _send_start_execution(client: AuthenticatedClient, values: dict[str, Any]) -> Fetched:
    """POST /workspaces/{workspace_id}/workflow-executions: one request with the command's parsed values."""
    return send(client, lambda: start_execution._get_kwargs(**values), start_execution._result)


def _send_cancel_execution(client: AuthenticatedClient, values: dict[str, Any]) -> Fetched:
    """POST /workspaces/{workspace_id}/workflow-executions/{execution_id}/cancel: one request with the command's parsed values."""
    return send(client, lambda: cancel_execution._get_kwargs(**values), cancel_execution._result)


def _send_terminate_execution(client: AuthenticatedClient, values: dict[str, Any]) -> Fetched:
    """POST /workspaces/{workspace_id}/workflow-executions/{execution_id}/terminate: one request with the command's parsed values."""
    return send(client, lambda: terminate_execution._get_kwargs(**values), terminate_execution._result)


_LIST_PAGING = Paging(
    style="cursor",
    marker="cursor",
    limit="limit",
    next_cursor=("next_cursor",),
    has_more=("has_more",),
    first_page=1,
)


_LIST_ITEMS = ("items",)  # where a page's items are


def _list_items(client: AuthenticatedClient, values: dict[str, Any]) -> Iterator[Any]:
    """Every execution search_executions lists, as the server sent it (JSON), one request per page as
    the loop goes. The one function to swap for the operation's own iterator."""
    return page_items(
        lambda page: _send_search_executions(client, page).raw, values, _LIST_ITEMS, _LIST_PAGING, "search_executions"
    )


COMMANDS: list[Command] = [
    Command(
        "list",
        "list",
        "list executions (Search Workflow Executions)",
        "List executions (GET /workspaces/{workspace_id}/workflow-executions/search): one row per execution (ID, STATUS, STARTED, ENDED) as pages arrive; --json prints one JSON line per execution as the server sent it; --max N stops after N. Exit 0, 2 usage error, 4 API or connection error (after the rows already printed).",
        path_params=[
            Positional(
                "path_0",
                "WORKSPACE_ID",
                "workspace_id",
                "workspace_id",
                parse=UUID,
                expected="a UUID (e.g. 00000000-0000-4000-8000-000000000000)",
            ),
        ],
        options=[
            Option(
                "trigger",
                "option_trigger",
                "trigger",
                "trigger",
                parse=enum_parser(TriggerType),
                expected="one of 'manual', 'scheduled', 'webhook', 'case'",
                repeat=True,
            ),
            Option(
                "status",
                "option_status",
                "status",
                "status",
                parse=enum_parser(SearchExecutionsStatusItem),
                expected="one of 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'",
                repeat=True,
            ),
            Option(
                "status-mode",
                "option_status_mode",
                "status_mode",
                "status_mode",
                parse=enum_parser(WorkflowExecutionStatusFilterMode),
                expected="one of 'include', 'exclude'",
            ),
            Option(
                "start-time-from",
                "option_start_time_from",
                "start_time_from",
                "start_time_from",
                parse=parse_datetime,
                expected="an ISO 8601 date-time (e.g. 2024-01-31T12:00:00Z; no offset: local time)",
            ),
            Option(
                "start-time-to",
                "option_start_time_to",
                "start_time_to",
                "start_time_to",
                parse=parse_datetime,
                expected="an ISO 8601 date-time (e.g. 2024-01-31T12:00:00Z; no offset: local time)",
            ),
            Option(
                "close-time-from",
                "option_close_time_from",
                "close_time_from",
                "close_time_from",
                parse=parse_datetime,
                expected="an ISO 8601 date-time (e.g. 2024-01-31T12:00:00Z; no offset: local time)",
            ),
            Option(
                "close-time-to",
                "option_close_time_to",
                "close_time_to",
                "close_time_to",
                parse=parse_datetime,
                expected="an ISO 8601 date-time (e.g. 2024-01-31T12:00:00Z; no offset: local time)",
            ),
            Option(
                "duration-gte-seconds",
                "option_duration_gte_seconds",
                "duration_gte_seconds",
                "duration_gte_seconds",
                parse=int,
                expected="an integer",
            ),
            Option(
                "duration-lte-seconds",
                "option_duration_lte_seconds",
                "duration_lte_seconds",
                "duration_lte_seconds",
                parse=int,
                expected="an integer",
            ),
            Option(
                "search-term",
                "option_search_term",
                "search_term",
                "Filter by workflow title or alias.",
            ),
            Option(
                "relation",
                "option_relation",
                "relation",
                "relation",
                parse=enum_parser(WorkflowExecutionRelationFilter),
                expected="one of 'all', 'root', 'child'",
            ),
            Option(
                "workflow-id",
                "option_workflow_id",
                "workflow_id",
                "workflow_id",
            ),
            Option(
                "limit",
                "option_limit",
                "limit",
                "limit",
                parse=int,
                expected="an integer",
            ),
            Option(
                "cursor",
                "option_cursor",
                "cursor",
                "cursor",
            ),
            Option(
                "reverse",
                "option_reverse",
                "reverse",
                "reverse",
                parse=parse_bool,
                expected="true or false (yes/no, 1/0)",
            ),
            Option(
                "user-id",
                "option_user_id",
                "user_id",
                "user_id",
                parse=first_of(UUID, enum_parser(SpecialUserID)),
                expected="a UUID (e.g. 00000000-0000-4000-8000-000000000000) or one of 'current'",
            ),
        ],
        send=_send_search_executions,
        iterate=_list_items,
        columns=[("ID", ("id",)), ("STATUS", ("status",)), ("STARTED", ("start_time",)), ("ENDED", ("close_time",))],
    ),
    Command(
        "start",
        "start",
        "start an execution (Create Workflow Execution)",
        "Start an execution (POST /workspaces/{workspace_id}/workflow-executions) and print the answer (--json: as sent). The body (WorkflowExecutionCreate) comes from --data (JSON text, @file.json or @- for stdin) and the options for its required fields; text that is not JSON, or a body that does not fit, is exit 2 before any request. --wait then polls the new execution as `wait` does, and exits as `wait` does (0, 1, 3, 4).",
        path_params=[
            Positional(
                "path_0",
                "WORKSPACE_ID",
                "workspace_id",
                "workspace_id",
                parse=UUID,
                expected="a UUID (e.g. 00000000-0000-4000-8000-000000000000)",
            ),
        ],
        options=[],
        send=_send_start_execution,
        body=Body(
            "WorkflowExecutionCreate",
            WorkflowExecutionCreate.from_dict,
            required=True,
            fields=[
                BodyField("workflow_id", "workflow_id", "workflow_id (request body field)"),
            ],
        ),
        id_path=("wf_exec_id",),
        wait_from=[("execution_id", None), ("workspace_id", "path_0")],
    ),
    Command(
        "cancel",
        "cancel",
        "cancel an execution (Cancel Workflow Execution)",
        "Ask the server to cancel an execution (POST /workspaces/{workspace_id}/workflow-executions/{execution_id}/cancel); its status becomes CANCELED. Exit 0 when the server accepts it, 2 usage error, 4 API or connection error.",
        path_params=[
            Positional(
                "path_0",
                "WORKSPACE_ID",
                "workspace_id",
                "workspace_id",
                parse=UUID,
                expected="a UUID (e.g. 00000000-0000-4000-8000-000000000000)",
            ),
            Positional("path_1", "EXECUTION_ID", "execution_id", "execution_id"),
        ],
        options=[],
        send=_send_cancel_execution,
        status="CANCELED",
    ),
    Command(
        "terminate",
        "cancel",
        "terminate an execution (Terminate Workflow Execution)",
        "Ask the server to terminate an execution (POST /workspaces/{workspace_id}/workflow-executions/{execution_id}/terminate); its status becomes TERMINATED. Exit 0 when the server accepts it, 2 usage error, 4 API or connection error.",
        path_params=[
            Positional(
                "path_0",
                "WORKSPACE_ID",
                "workspace_id",
                "workspace_id",
                parse=UUID,
                expected="a UUID (e.g. 00000000-0000-4000-8000-000000000000)",
            ),
            Positional("path_1", "EXECUTION_ID", "execution_id", "execution_id"),
        ],
        options=[],
        send=_send_terminate_execution,
        body=Body(
            "WorkflowExecutionTerminate",
            WorkflowExecutionTerminate.from_dict,
            required=True,
            fields=[],
        ),
        status="TERMINATED",
    ),
]


SPEC = CliSpec(
    prog=DIST_NAME,
    version=__version__,
    description="Tracecat API: get an execution, or wait until it finishes; list, start, cancel, terminate.",
    credentials=[
        Credential("token", "TRACECAT_TOKEN", required=True),
    ],
    base_url_env=ENV_BASE_URL,
    default_base_url=DEFAULT_BASE_URL,
    path_params=[
        Param(
            "execution_id",
            "The workflow execution id. Ids contain `/` or `:` (e.g. `wf-0123456789abcdef0123456789abcdef/exec-abc` or `wf_4Xyz\u2026:exec_9Abc\u2026`); the client sends the id percent-encoded as one path segment (e.g. `wf-0123456789abcdef0123456789abcdef%2Fexec-abc`) and the server URL-decodes it.",
        ),
    ],
    query_params=[
        Param(
            "workspace_id", "Id (UUID) of the workspace that owns the workflow execution.", env="TRACECAT_WORKSPACE_ID"
        ),
    ],
    terminal=TERMINAL_STATUSES,
    status_path=("status",),
    summary={
        "id": ["id"],
        "started": ["start_time"],
        "ended": ["close_time"],
        "items": ["events"],
        "item-columns": ["event_id", "event_type", "event_time", "event_group.action_ref"],
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
