"""The `checkout-exec` command: `get` an execution, or `wait` for it to finish;
`list`, `start` (each with --help).

    checkout-exec get ID
    checkout-exec wait ID --timeout 600
    checkout-exec list --max 20
    checkout-exec start --data @body.json

Credentials come from $CHECKOUT_TOKEN and the base URL from $CHECKOUT_BASE_URL (or flags).

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
    Paging,
    Param,
    UsageError,
    page_items,
    run,
    send,
)
from ._vendor import DEFAULT_BASE_URL, DIST_NAME, ENV_BASE_URL, __version__
from .api.executions import create_execution, get_execution, list_executions
from .client import AuthenticatedClient
from .models import CreateExecutionParams
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
        id=args["id"],
    )


def _send_list_executions(client: AuthenticatedClient, values: dict[str, Any]) -> Fetched:
    """GET /v1/executions: one request with the command's parsed values."""
    return send(client, lambda: list_executions._get_kwargs(**values), list_executions._result)


def _send_create_execution(client: AuthenticatedClient, values: dict[str, Any]) -> Fetched:
    """POST /v1/executions: one request with the command's parsed values."""
    return send(client, lambda: create_execution._get_kwargs(**values), create_execution._result)


_LIST_PAGING = Paging(
    style="offset",
    marker="offset",
    limit="limit",
    next_cursor=(),
    has_more=(
        "data",
        "hasMore",
    ),
    first_page=1,
)


_LIST_ITEMS = (
    "data",
    "items",
)  # where a page's items are


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
        "list executions (List executions for the current organization)",
        "List executions (GET /v1/executions): one row per execution (ID, STATUS, STARTED, ENDED) as pages arrive; --json prints one JSON line per execution as the server sent it; --max N stops after N. Exit 0, 2 usage error, 4 API or connection error (after the rows already printed).",
        path_params=[],
        options=[
            Option(
                "limit",
                "option_limit",
                "limit",
                "Number of items (default 20, max 100).",
                parse=int,
                expected="an integer",
            ),
            Option(
                "offset",
                "option_offset",
                "offset",
                "Offset for pagination (default 0).",
                parse=int,
                expected="an integer",
            ),
        ],
        send=_send_list_executions,
        iterate=_list_items,
        columns=[("ID", ("id",)), ("STATUS", ("status",)), ("STARTED", ("startedAt",)), ("ENDED", ("finishedAt",))],
    ),
    Command(
        "start",
        "start",
        "start an execution (Create an execution for a workflow)",
        "Start an execution (POST /v1/executions) and print the answer (--json: as sent). The body (CreateExecutionParams) comes from --data (JSON text, @file.json or @- for stdin) and the options for its required fields; text that is not JSON, or a body that does not fit, is exit 2 before any request. --wait then polls the new execution as `wait` does, and exits as `wait` does (0, 1, 3, 4).",
        path_params=[],
        options=[],
        send=_send_create_execution,
        body=Body(
            "CreateExecutionParams",
            CreateExecutionParams.from_dict,
            required=True,
            fields=[
                BodyField("workflow_id", "workflowId", "Id of the workflow to run."),
                BodyField("source_system", "sourceSystem", "System the execution originates from (e.g. your shop)."),
                BodyField(
                    "source_entity_type",
                    "sourceEntityType",
                    "Type of the entity that triggers the execution (e.g. `order`).",
                ),
            ],
        ),
        id_path=(
            "data",
            "execution",
            "id",
        ),
        wait_from=[("id", None)],
    ),
]


SPEC = CliSpec(
    prog=DIST_NAME,
    version=__version__,
    description="B3OS API: get an execution, or wait until it finishes; list, start.",
    credentials=[
        Credential("token", "CHECKOUT_TOKEN", required=True),
    ],
    base_url_env=ENV_BASE_URL,
    default_base_url=DEFAULT_BASE_URL,
    path_params=[
        Param("id", "Execution ID"),
    ],
    query_params=[],
    terminal=TERMINAL_STATUSES,
    status_path=(
        "data",
        "execution",
        "status",
    ),
    summary={
        "id": ["data", "execution", "id"],
        "started": ["data", "execution", "startedAt"],
        "ended": ["data", "execution", "finishedAt"],
        "items": ["data", "events"],
        "item-columns": ["createdAt", "level", "eventType", "title"],
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
