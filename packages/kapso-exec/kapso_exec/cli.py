"""The `kapso-exec` command: `get` an execution, or `wait` for it to finish;
`list`, `start` (each with --help).

    kapso-exec get EXECUTION_ID
    kapso-exec wait EXECUTION_ID --timeout 600
    kapso-exec list FLOW_ID --max 20
    kapso-exec start FLOW_ID --data @body.json

Credentials come from $KAPSO_API_KEY and the base URL from $KAPSO_BASE_URL (or flags).

Exit codes: 0 success, 1 failed, 2 usage error, 3 deadline passed, 4 API or connection error,
130 interrupted. The result goes to stdout; progress and errors to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ._cli import (
    Body,
    BodyField,
    CliSpec,
    Command,
    Credential,
    Fetched,
    Option,
    Param,
    Positional,
    UsageError,
    enum_parser,
    page_items,
    parse_datetime,
    run,
    send,
)
from ._vendor import DEFAULT_BASE_URL, DIST_NAME, ENV_BASE_URL, __version__
from .api.executions import get_execution, list_executions, start_execution
from .client import AuthenticatedClient
from .models import ListExecutionsQstatusEq, StartExecutionBody
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
        execution_id=args["execution_id"],
    )


def _send_list_executions(client: AuthenticatedClient, values: dict[str, Any]) -> Fetched:
    """GET /flows/{flow_id}/executions: one request with the command's parsed values."""
    return send(client, lambda: list_executions._get_kwargs(**values), list_executions._result)


def _send_start_execution(client: AuthenticatedClient, values: dict[str, Any]) -> Fetched:
    """POST /flows/{flow_id}/executions: one request with the command's parsed values."""
    return send(client, lambda: start_execution._get_kwargs(**values), start_execution._result)


_LIST_PAGING = None  # the operation answers every execution at once


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
        "list executions (List flow executions)",
        "List executions (GET /flows/{flow_id}/executions): one row per execution (ID, STATUS, STARTED, ENDED) (the API answers every execution at once); --json prints one JSON line per execution as the server sent it; --max N stops after N. Exit 0, 2 usage error, 4 API or connection error (after the rows already printed).",
        path_params=[
            Positional("path_0", "FLOW_ID", "flow_id", "flow_id"),
        ],
        options=[
            Option(
                "qstatus-eq",
                "option_qstatus_eq",
                "qstatus_eq",
                "Filter by status (0=running, 1=waiting, 2=ended, 3=failed)",
                parse=enum_parser(ListExecutionsQstatusEq),
                expected="one of '0', '1', '2', '3'",
            ),
            Option(
                "qstarted-at-gteq",
                "option_qstarted_at_gteq",
                "qstarted_at_gteq",
                "Filter executions started on or after this date",
                parse=parse_datetime,
                expected="an ISO 8601 date-time (e.g. 2024-01-31T12:00:00Z; no offset: local time)",
            ),
            Option(
                "qstarted-at-lteq",
                "option_qstarted_at_lteq",
                "qstarted_at_lteq",
                "Filter executions started on or before this date",
                parse=parse_datetime,
                expected="an ISO 8601 date-time (e.g. 2024-01-31T12:00:00Z; no offset: local time)",
            ),
        ],
        send=_send_list_executions,
        iterate=_list_items,
        columns=[("ID", ("id",)), ("STATUS", ("status",)), ("STARTED", ("started_at",)), ("ENDED", ("ended_at",))],
    ),
    Command(
        "start",
        "start",
        "start an execution (Create a new flow execution)",
        "Start an execution (POST /flows/{flow_id}/executions) and print the answer (--json: as sent). The body (StartExecutionBody) comes from --data (JSON text, @file.json or @- for stdin) and the options for its required fields; text that is not JSON, or a body that does not fit, is exit 2 before any request. The answer does not carry the new execution's id. Starting a flow answers with a `tracking_id`, not the execution's id: list the flow's executions (`list_executions`) and take the one whose `tracking_id` matches, then wait for it by its `id`. With this command: `list --json` finds it, then `wait` takes its id.",
        path_params=[
            Positional("path_0", "FLOW_ID", "flow_id", "flow_id"),
        ],
        options=[],
        send=_send_start_execution,
        body=Body(
            "StartExecutionBody",
            StartExecutionBody.from_dict,
            required=True,
            fields=[
                BodyField(
                    "phone_number",
                    "phone_number",
                    "Phone number to associate with this flow execution (required for conversation tracking)",
                ),
            ],
        ),
    ),
]


SPEC = CliSpec(
    prog=DIST_NAME,
    version=__version__,
    description="Kapso External API: get an execution, or wait until it finishes; list, start.",
    credentials=[
        Credential("api_key", "KAPSO_API_KEY", required=True),
    ],
    base_url_env=ENV_BASE_URL,
    default_base_url=DEFAULT_BASE_URL,
    path_params=[
        Param("execution_id", "ID of the flow execution (for example `exec-456def`)."),
    ],
    query_params=[],
    terminal=TERMINAL_STATUSES,
    status_path=(
        "data",
        "status",
    ),
    summary={"id": ["data", "id"], "started": ["data", "started_at"], "ended": ["data", "ended_at"]},
    make_client=_make_client,
    fetch=_fetch,
    status_of=execution_status,
    commands=COMMANDS,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(SPEC, argv)


if __name__ == "__main__":
    sys.exit(main())
