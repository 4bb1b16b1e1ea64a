"""A fake of the B3OS API for your own tests: no vendor, no socket, no real sleeping.

    from checkout_exec.testing import FakeAPI

    fake = FakeAPI()
    fake.add_execution("exec-1", statuses=["awaiting_payment", "workflow_succeeded"])
    client = fake.client()  # an AuthenticatedClient wired to the fake

`GET /v1/executions/{id}` is served from the spec's own example body, with the status at
`data.execution.status` and the id at `data.execution.id`; errors use the spec's documented
bodies. A client from `fake.client()` sleeps in the fake's virtual time (`fake.elapsed`), which
schedules: concurrent waits on one fake share one timeline.

`python -m checkout_exec.testing serve` serves the fake on 127.0.0.1 and prints its base URL
and credentials.

As a pytest plugin (`pytest -p checkout_exec.testing`, or `pytest_plugins = ["checkout_exec.testing"]`
in a conftest.py) it provides the fixture `fake_checkout`. Importing `checkout_exec` does not
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
from .api.executions import create_execution as _operation_2
from .api.executions import get_execution as _endpoint
from .api.executions import get_execution_events as _operation_3
from .api.executions import list_executions as _operation_1
from .client import AuthenticatedClient

__all__ = ["FakeAPI", "RecordedRequest", "VirtualClock"]

_FACTS = FakeFacts(
    method="GET",
    path="/v1/executions/{id}",
    path_params=("id",),
    id_param="id",
    required_query=(),
    required_headers=(),
    status_path=(
        "data",
        "execution",
        "status",
    ),
    id_path=(
        "data",
        "execution",
        "id",
    ),
    execution_fields=(
        "checkoutSessionId",
        "clientSafeMetadata",
        "createdAt",
        "externalRef",
        "finishedAt",
        "id",
        "idempotencyKey",
        "initiatedById",
        "initiatedByType",
        "orderId",
        "organizationId",
        "paymentStatus",
        "requestPayload",
        "responsePayload",
        "runId",
        "sourceEntityId",
        "sourceEntityType",
        "sourceSystem",
        "startedAt",
        "status",
        "statusReason",
        "updatedAt",
        "workflowId",
    ),
    success_status=200,
    # The spec's example of the 200 body (or one built from its schema).
    success_body={
        "code": 200,
        "data": {
            "events": [
                {
                    "createdAt": "<string>",
                    "data": {},
                    "eventType": "<string>",
                    "executionId": "<string>",
                    "id": "<string>",
                    "level": "<string>",
                    "message": "<string>",
                    "nodeId": "<string>",
                    "organizationId": "<string>",
                    "requestId": "<string>",
                    "runId": "<string>",
                    "title": "<string>",
                    "workflowId": "<string>",
                }
            ],
            "execution": {
                "checkoutSessionId": "<string>",
                "clientSafeMetadata": {},
                "createdAt": "<string>",
                "externalRef": "<string>",
                "finishedAt": "<string>",
                "id": "<string>",
                "idempotencyKey": "<string>",
                "initiatedById": "<string>",
                "initiatedByType": "<string>",
                "orderId": "<string>",
                "organizationId": "<string>",
                "paymentStatus": "<string>",
                "requestPayload": {},
                "responsePayload": {},
                "runId": "<string>",
                "sourceEntityId": "<string>",
                "sourceEntityType": "<string>",
                "sourceSystem": "<string>",
                "startedAt": "<string>",
                "status": "awaiting_payment",
                "statusReason": "<string>",
                "updatedAt": "<string>",
                "workflowId": "<string>",
            },
            "message": "<string>",
        },
        "message": "success",
        "requestId": "abc-123",
    },
    minimal_body={
        "code": 0,
        "message": "string",
        "data": {"execution": {"id": "string", "status": "awaiting_payment"}},
    },
    error_bodies={
        "400": {"code": 400, "message": "invalid execution id", "requestId": "req-400-example"},
        "401": {"code": 401, "message": "unauthorized", "requestId": "req-401-example"},
        "404": {"code": 404, "message": "execution not found", "requestId": "req-404-example"},
    },
    security=(("bearerAuth",),),
    schemes={
        "bearerAuth": ("header", "Authorization", "Bearer ", "token"),
    },
    operations=(
        OperationFacts(
            method="GET",
            path="/v1/executions",
            path_params=(),
            required_query=(),
            required_headers=(),
            body_required=False,
            security=(("bearerAuth",),),
            success_status=200,
            success_body={
                "code": 200,
                "data": {
                    "items": [{"id": "exec_123", "status": "workflow_running", "workflowId": "wf_123"}],
                    "limit": 20,
                    "offset": 0,
                    "hasMore": False,
                },
                "message": "success",
                "requestId": "abc-123",
            },
            has_body=True,
            minimal_body={"code": 0, "message": "string", "data": {"items": []}},
            error_bodies={"400": {}, "401": {}},
            role="list",
            carries_id=False,
            id_path=(),
            status_path=(),
            items=(
                "data",
                "items",
            ),
            item_body={"id": "exec_123", "status": "workflow_running", "workflowId": "wf_123"},
            item_minimal={"id": "string", "status": "awaiting_payment"},
            item_fields=(
                "checkoutSessionId",
                "clientSafeMetadata",
                "createdAt",
                "externalRef",
                "finishedAt",
                "id",
                "idempotencyKey",
                "initiatedById",
                "initiatedByType",
                "orderId",
                "organizationId",
                "paymentStatus",
                "requestPayload",
                "responsePayload",
                "runId",
                "sourceEntityId",
                "sourceEntityType",
                "sourceSystem",
                "startedAt",
                "status",
                "statusReason",
                "updatedAt",
                "workflowId",
            ),
            answer_samples={},
            filters={},
            cancel_status=None,
            paging={
                "style": "offset",
                "marker": "offset",
                "limit": "limit",
                "default_limit": None,
                "next_cursor": [],
                "has_more": ["data", "hasMore"],
                "first_page": 1,
            },
        ),
        OperationFacts(
            method="POST",
            path="/v1/executions",
            path_params=(),
            required_query=(),
            required_headers=(),
            body_required=True,
            security=(("bearerAuth",),),
            success_status=200,
            success_body={
                "code": 200,
                "data": {
                    "clientToken": "<string>",
                    "execution": {
                        "id": "exec_123",
                        "status": "awaiting_payment",
                        "workflowId": "wf_123",
                        "sourceSystem": "shop",
                        "sourceEntityType": "order",
                        "sourceEntityId": "order_456",
                    },
                },
                "message": "success",
                "requestId": "abc-123",
            },
            has_body=True,
            minimal_body={
                "code": 0,
                "message": "string",
                "data": {"execution": {"id": "string", "status": "awaiting_payment"}},
            },
            error_bodies={"400": {}, "401": {}},
            role="start",
            carries_id=False,
            id_path=(
                "data",
                "execution",
                "id",
            ),
            status_path=(),
            items=(),
            item_body=None,
            item_minimal=None,
            item_fields=(),
            answer_samples={
                "code": 0,
                "message": "string",
                "data": {"execution": {"id": "string", "status": "awaiting_payment"}},
                "requestId": "string",
            },
            filters={},
            cancel_status=None,
            paging=None,
        ),
        OperationFacts(
            method="GET",
            path="/v1/executions/{id}/events",
            path_params=("id",),
            required_query=(),
            required_headers=(),
            body_required=False,
            security=(("bearerAuth",),),
            success_status=200,
            success_body={
                "code": 200,
                "data": [
                    {
                        "createdAt": "<string>",
                        "data": {},
                        "eventType": "<string>",
                        "executionId": "exec_123",
                        "id": "<string>",
                        "level": "<string>",
                        "message": "<string>",
                        "title": "<string>",
                    }
                ],
                "message": "success",
                "requestId": "abc-123",
            },
            has_body=True,
            minimal_body={"code": 0, "message": "string", "data": []},
            error_bodies={"400": {}, "401": {}, "404": {}},
            role="events",
            carries_id=True,
            id_path=(),
            status_path=(),
            items=("data",),
            item_body={
                "createdAt": "<string>",
                "data": {},
                "eventType": "<string>",
                "executionId": "exec_123",
                "id": "<string>",
                "level": "<string>",
                "message": "<string>",
                "title": "<string>",
            },
            item_minimal={},
            item_fields=(
                "createdAt",
                "data",
                "eventType",
                "executionId",
                "id",
                "level",
                "message",
                "nodeId",
                "organizationId",
                "requestId",
                "runId",
                "title",
                "workflowId",
            ),
            answer_samples={},
            filters={},
            cancel_status=None,
            paging=None,
        ),
    ),
    start_statuses=(
        "awaiting_payment",
        "workflow_succeeded",
    ),
    id_kind="str",
)


class FakeAPI(FakeAPIBase):
    """A fake of the B3OS API's `GET /v1/executions/{id}`, in memory by default.

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
        "GET /v1/executions/{id}": _endpoint,
        "GET /v1/executions": _operation_1,
        "POST /v1/executions": _operation_2,
        "GET /v1/executions/{id}/events": _operation_3,
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
    fake_checkout = _pytest.fixture(name="fake_checkout")(_fake_fixture)


if __name__ == "__main__":
    sys.exit(
        serve_main(
            FakeAPI,
            sys.argv[1:],
            prog="python -m checkout_exec.testing",
            title="B3OS API",
            env_base_url=ENV_BASE_URL,
            env_credentials=ENV_CREDENTIALS,
        )
    )
