"""The `tracecat-exec` command: `get` an execution, or `wait` for it to finish.

    tracecat-exec get EXECUTION_ID --workspace-id VALUE
    tracecat-exec wait EXECUTION_ID --workspace-id VALUE --timeout 600

Credentials come from $TRACECAT_TOKEN and the base URL from $TRACECAT_BASE_URL (or flags).

Exit codes: 0 success, 1 failed, 2 usage error, 3 deadline passed, 4 API or connection error,
130 interrupted. The result goes to stdout; progress and errors to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from ._cli import CliSpec, Credential, Fetched, Param, UsageError, run
from ._vendor import DEFAULT_BASE_URL, DIST_NAME, ENV_BASE_URL, __version__
from .api.executions import get_execution
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


SPEC = CliSpec(
    prog=DIST_NAME,
    version=__version__,
    description="Tracecat API: get an execution, or wait until it finishes.",
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
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(SPEC, argv)


if __name__ == "__main__":
    sys.exit(main())
