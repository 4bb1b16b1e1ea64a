"""The `kapso-exec` command: `get` an execution, or `wait` for it to finish.

    kapso-exec get EXECUTION_ID
    kapso-exec wait EXECUTION_ID --timeout 600

Credentials come from $KAPSO_API_KEY and the base URL from $KAPSO_BASE_URL (or flags).

Exit codes: 0 success, 1 failed, 2 usage error, 3 deadline passed, 4 API or connection error,
130 interrupted. The result goes to stdout; progress and errors to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

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

    return get_execution._get_kwargs(
        execution_id=args["execution_id"],
    )


SPEC = CliSpec(
    prog=DIST_NAME,
    version=__version__,
    description="Kapso External API: get an execution, or wait until it finishes.",
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
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(SPEC, argv)


if __name__ == "__main__":
    sys.exit(main())
