"""A fake of the Tracecat API for your own tests: no vendor, no socket, no real sleeping.

    from tracecat_exec.testing import FakeAPI

    fake = FakeAPI()
    fake.add_execution("exec-1", statuses=["RUNNING", "COMPLETED"])
    client = fake.client()  # an AuthenticatedClient wired to the fake

`GET /workflow-executions/{execution_id}` is served from the spec's own example body, with the status at
`status` and the id at `id`; errors use the spec's documented
bodies. A client from `fake.client()` sleeps in the fake's virtual time (`fake.elapsed`), which
schedules: concurrent waits on one fake share one timeline.

`python -m tracecat_exec.testing serve` serves the fake on 127.0.0.1 and prints its base URL
and credentials.

As a pytest plugin (`pytest -p tracecat_exec.testing`, or `pytest_plugins = ["tracecat_exec.testing"]`
in a conftest.py) it provides the fixture `fake_tracecat`. Importing `tracecat_exec` does not
import this module, and this module imports pytest only when pytest is already running.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from ._fake import FakeAPIBase, FakeFacts, RecordedRequest, decoders_of, serve_main, takes_options_of
from ._fake_clock import VirtualClock
from ._fake_ops import OperationFacts
from ._vendor import ENV_BASE_URL, ENV_CREDENTIALS
from .api.executions import cancel_execution as _operation_4
from .api.executions import get_execution as _endpoint
from .api.executions import get_execution_compact as _operation_3
from .api.executions import search_executions as _operation_2
from .api.executions import start_execution as _operation_1
from .api.executions import terminate_execution as _operation_5
from .client import AuthenticatedClient

__all__ = ["FakeAPI", "RecordedRequest", "VirtualClock"]

_FACTS = FakeFacts(
    method="GET",
    path="/workflow-executions/{execution_id}",
    path_params=("execution_id",),
    id_param="execution_id",
    required_query=("workspace_id",),
    required_headers=(),
    status_path=("status",),
    id_path=("id",),
    execution_fields=(
        "id",
        "run_id",
        "start_time",
        "execution_time",
        "close_time",
        "status",
        "workflow_type",
        "task_queue",
        "history_length",
        "parent_wf_exec_id",
        "trigger_type",
        "execution_type",
        "events",
        "interactions",
    ),
    success_status=200,
    # The spec's example of the 200 body (or one built from its schema).
    success_body={
        "id": "<string>",
        "run_id": "<string>",
        "start_time": "2023-11-07T05:31:56Z",
        "execution_time": "2023-11-07T05:31:56Z",
        "close_time": "2023-11-07T05:31:56Z",
        "status": "RUNNING",
        "workflow_type": "<string>",
        "task_queue": "<string>",
        "history_length": 123,
        "parent_wf_exec_id": "<string>",
        "events": [
            {
                "event_id": 123,
                "event_time": "2023-11-07T05:31:56Z",
                "event_type": "WORKFLOW_EXECUTION_STARTED",
                "task_id": 123,
                "event_group": {
                    "event_id": 123,
                    "udf_namespace": "<string>",
                    "udf_name": "<string>",
                    "udf_key": "<string>",
                    "action_id": "<string>",
                    "action_ref": "<string>",
                    "action_title": "<string>",
                    "action_description": "<string>",
                    "action_input": {
                        "task": {
                            "ref": "<string>",
                            "description": "<string>",
                            "action": "<string>",
                            "args": {},
                            "depends_on": ["<string>"],
                            "interaction": {"type": "<string>", "timeout": 123},
                            "run_if": "<string>",
                            "for_each": "<string>",
                            "retry_policy": {"max_attempts": 123, "timeout": 123, "retry_until": "<string>"},
                            "start_delay": 123,
                            "wait_until": "<string>",
                            "join_strategy": "any",
                        },
                        "exec_context": {},
                        "run_context": {
                            "wf_id": "<string>",
                            "wf_exec_id": "<string>",
                            "wf_run_id": "<string>",
                            "environment": "<string>",
                        },
                        "interaction_context": {
                            "interaction_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                            "execution_id": "<string>",
                            "action_ref": "<string>",
                        },
                    },
                    "action_result": "<any>",
                    "current_attempt": 123,
                    "retry_policy": {"max_attempts": 123, "timeout": 123, "retry_until": "<string>"},
                    "start_delay": 0,
                    "join_strategy": "all",
                    "related_wf_exec_id": "<string>",
                },
                "failure": {"message": "<string>", "cause": {}},
                "result": "<any>",
                "role": {
                    "type": "user",
                    "workspace_id": "<string>",
                    "user_id": "<string>",
                    "access_level": 0,
                    "service_id": "tracecat-runner",
                },
                "parent_wf_exec_id": "<string>",
                "workflow_timeout": 123,
            }
        ],
        "interaction_states": {},
    },
    minimal_body={
        "id": "string",
        "run_id": "string",
        "start_time": "2024-01-01T00:00:00Z",
        "status": "RUNNING",
        "workflow_type": "string",
        "task_queue": "string",
        "history_length": 0,
        "events": [],
    },
    error_bodies={
        "401": {"detail": "Unauthorized"},
        "403": {
            "error": {
                "code": "insufficient_scope",
                "message": "You don't have permission to perform this action.",
                "required_scopes": ["workflow:read"],
                "missing_scopes": ["workflow:read"],
            }
        },
        "404": {"detail": "Workflow execution not found"},
        "422": {"detail": [{"loc": ["query", "workspace_id"], "msg": "Field required", "type": "missing"}]},
        "500": {
            "type": "TracecatException",
            "message": "Failed to fetch the workflow execution history.",
            "detail": None,
        },
    },
    security=(("ServiceAccountApiKeyBearer",),),
    schemes={
        "ServiceAccountApiKeyBearer": ("header", "Authorization", "Bearer ", "token"),
    },
    operations=(
        OperationFacts(
            method="POST",
            path="/workspaces/{workspace_id}/workflow-executions",
            path_params=("workspace_id",),
            required_query=(),
            required_headers=(),
            body_required=True,
            security=(("ServiceAccountApiKeyBearer",),),
            success_status=200,
            success_body={"message": "string", "wf_id": "string", "wf_exec_id": "string"},
            has_body=True,
            minimal_body={"message": "string", "wf_id": "string", "wf_exec_id": "string"},
            error_bodies={
                "422": {},
                "400": {"message": "string"},
                "401": {"detail": "string"},
                "403": {"error": {"code": "string", "message": "string", "required_scopes": [], "missing_scopes": []}},
                "404": {"detail": "string"},
                "500": {"message": "string"},
            },
            role="start",
            carries_id=False,
            id_path=("wf_exec_id",),
            status_path=(),
            items=(),
            item_body=None,
            item_minimal=None,
            item_fields=(),
            answer_samples={"message": "string", "wf_id": "string", "wf_exec_id": "string", "payload": {}},
            filters={},
            cancel_status=None,
            paging=None,
        ),
        OperationFacts(
            method="GET",
            path="/workspaces/{workspace_id}/workflow-executions/search",
            path_params=("workspace_id",),
            required_query=(),
            required_headers=(),
            body_required=False,
            security=(("ServiceAccountApiKeyBearer",),),
            success_status=200,
            success_body={"items": []},
            has_body=True,
            minimal_body={"items": []},
            error_bodies={
                "422": {},
                "401": {"detail": "string"},
                "403": {"error": {"code": "string", "message": "string", "required_scopes": [], "missing_scopes": []}},
                "500": {"message": "string"},
            },
            role="list",
            carries_id=False,
            id_path=(),
            status_path=(),
            items=("items",),
            item_body={
                "id": "string",
                "run_id": "string",
                "start_time": "2024-01-01T00:00:00Z",
                "status": "RUNNING",
                "workflow_type": "string",
                "task_queue": "string",
                "history_length": 0,
                "trigger_type": "manual",
            },
            item_minimal={
                "id": "string",
                "run_id": "string",
                "start_time": "2024-01-01T00:00:00Z",
                "status": "RUNNING",
                "workflow_type": "string",
                "task_queue": "string",
                "history_length": 0,
                "trigger_type": "manual",
            },
            item_fields=(
                "id",
                "run_id",
                "start_time",
                "execution_time",
                "close_time",
                "status",
                "workflow_type",
                "task_queue",
                "history_length",
                "parent_wf_exec_id",
                "trigger_type",
                "execution_type",
                "workflow_id",
                "workflow_title",
                "workflow_alias",
            ),
            answer_samples={},
            filters={
                "workflow_id": ("workflow_id",),
            },
            cancel_status=None,
            paging={
                "style": "cursor",
                "marker": "cursor",
                "limit": "limit",
                "default_limit": 100,
                "next_cursor": ["next_cursor"],
                "has_more": ["has_more"],
                "first_page": 1,
            },
        ),
        OperationFacts(
            method="GET",
            path="/workspaces/{workspace_id}/workflow-executions/{execution_id}/compact",
            path_params=(
                "workspace_id",
                "execution_id",
            ),
            required_query=(),
            required_headers=(),
            body_required=False,
            security=(("ServiceAccountApiKeyBearer",),),
            success_status=200,
            success_body={
                "id": "string",
                "run_id": "string",
                "start_time": "2024-01-01T00:00:00Z",
                "status": "RUNNING",
                "workflow_type": "string",
                "task_queue": "string",
                "history_length": 0,
                "trigger_type": "manual",
                "events": [],
            },
            has_body=True,
            minimal_body={
                "id": "string",
                "run_id": "string",
                "start_time": "2024-01-01T00:00:00Z",
                "status": "RUNNING",
                "workflow_type": "string",
                "task_queue": "string",
                "history_length": 0,
                "trigger_type": "manual",
                "events": [],
            },
            error_bodies={
                "422": {},
                "401": {"detail": "string"},
                "403": {"error": {"code": "string", "message": "string", "required_scopes": [], "missing_scopes": []}},
                "404": {"detail": "string"},
                "500": {"message": "string"},
            },
            role="view",
            carries_id=True,
            id_path=("id",),
            status_path=("status",),
            items=(),
            item_body=None,
            item_minimal=None,
            item_fields=(),
            answer_samples={},
            filters={},
            cancel_status=None,
            paging=None,
        ),
        OperationFacts(
            method="POST",
            path="/workspaces/{workspace_id}/workflow-executions/{execution_id}/cancel",
            path_params=(
                "workspace_id",
                "execution_id",
            ),
            required_query=(),
            required_headers=(),
            body_required=False,
            security=(("ServiceAccountApiKeyBearer",),),
            success_status=204,
            success_body=None,
            has_body=False,
            minimal_body=None,
            error_bodies={
                "422": {},
                "401": {"detail": "string"},
                "403": {"error": {"code": "string", "message": "string", "required_scopes": [], "missing_scopes": []}},
                "404": {"detail": "string"},
                "500": {"message": "string"},
            },
            role="cancel",
            carries_id=True,
            id_path=(),
            status_path=(),
            items=(),
            item_body=None,
            item_minimal=None,
            item_fields=(),
            answer_samples={},
            filters={},
            cancel_status="CANCELED",
            paging=None,
        ),
        OperationFacts(
            method="POST",
            path="/workspaces/{workspace_id}/workflow-executions/{execution_id}/terminate",
            path_params=(
                "workspace_id",
                "execution_id",
            ),
            required_query=(),
            required_headers=(),
            body_required=True,
            security=(("ServiceAccountApiKeyBearer",),),
            success_status=204,
            success_body=None,
            has_body=False,
            minimal_body=None,
            error_bodies={
                "422": {},
                "401": {"detail": "string"},
                "403": {"error": {"code": "string", "message": "string", "required_scopes": [], "missing_scopes": []}},
                "404": {"detail": "string"},
                "500": {"message": "string"},
            },
            role="cancel",
            carries_id=True,
            id_path=(),
            status_path=(),
            items=(),
            item_body=None,
            item_minimal=None,
            item_fields=(),
            answer_samples={},
            filters={},
            cancel_status="TERMINATED",
            paging=None,
        ),
    ),
    start_statuses=(
        "RUNNING",
        "COMPLETED",
    ),
    id_kind="str",
)


class FakeAPI(FakeAPIBase):
    """A fake of the Tracecat API's `GET /workflow-executions/{execution_id}`, in memory by default.

    Args:
        credentials: The credential each constructor parameter must carry (`token`);
            default `fake-<parameter>`. A request without it (or with another) answers 401.
        base_url: The base URL `client()` uses (default `https://api.fake.invalid`; no request
            leaves the process).

    Attributes:
        requests: Every request received, in order (`RecordedRequest`: method, path, query,
            headers, path_params, time: virtual seconds, content: the body as sent, status: the
            status answered).
        clock: The virtual clock (`clock()` reads it; `clock.run_threads(calls)` runs threads on
            its timeline); `elapsed`: the virtual seconds passed.
    """

    facts = _FACTS
    # Every operation the fake serves, by key, and the package's endpoint module that calls it.
    endpoints = {
        "GET /workflow-executions/{execution_id}": _endpoint,
        "POST /workspaces/{workspace_id}/workflow-executions": _operation_1,
        "GET /workspaces/{workspace_id}/workflow-executions/search": _operation_2,
        "GET /workspaces/{workspace_id}/workflow-executions/{execution_id}/compact": _operation_3,
        "POST /workspaces/{workspace_id}/workflow-executions/{execution_id}/cancel": _operation_4,
        "POST /workspaces/{workspace_id}/workflow-executions/{execution_id}/terminate": _operation_5,
    }
    decoders = decoders_of(endpoints)

    def _decode(self, body: Any) -> object:
        # The package's own decoder of the success body: what a real answer goes through.
        return _endpoint._build_success(body)

    @takes_options_of(AuthenticatedClient)
    def client(self, **options: Any) -> AuthenticatedClient:
        """An `AuthenticatedClient` wired to the fake: its requests go to the fake (sync and async),
        and it sleeps and reads the time on the fake's virtual clock.

        Takes the client constructor's own options, typed (e.g. `max_retries=0`, or a credential
        parameter to send another credential); `base_url` and the credentials default to the
        fake's, `httpx_args` gets the fake's transport."""
        httpx_args = {"transport": self.transport, **dict(options.pop("httpx_args", None) or {})}
        settings: dict[str, Any] = {"base_url": self.base_url, **self.credentials, **options}
        client = AuthenticatedClient(**settings, httpx_args=httpx_args)
        self._wire(client)
        return client


def _fake_fixture() -> Iterator[FakeAPI]:
    """A fresh `FakeAPI` per test; the clients it made are closed afterwards."""
    with FakeAPI() as fake:
        yield fake


# The pytest plugin: only when pytest is running (it has imported itself), so that using this
# module outside pytest never imports pytest.
_pytest: Any = sys.modules.get("pytest")
if _pytest is not None:
    fake_tracecat = _pytest.fixture(name="fake_tracecat")(_fake_fixture)


if __name__ == "__main__":
    sys.exit(
        serve_main(
            FakeAPI,
            sys.argv[1:],
            prog="python -m tracecat_exec.testing",
            title="Tracecat API",
            env_base_url=ENV_BASE_URL,
            env_credentials=ENV_CREDENTIALS,
        )
    )
