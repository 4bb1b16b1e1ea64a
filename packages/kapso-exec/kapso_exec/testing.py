"""A fake of the Kapso External API for your own tests: no vendor, no socket, no real sleeping.

    from kapso_exec.testing import FakeAPI

    fake = FakeAPI()
    fake.add_execution("exec-1", statuses=["running", "ended"])
    client = fake.client()  # an AuthenticatedClient wired to the fake

`GET /flow_executions/{execution_id}` is served from the spec's own example body, with the status at
`data.status` and the id at `data.id`; errors use the spec's documented
bodies. A client from `fake.client()` sleeps in the fake's virtual time (`fake.elapsed`), which
schedules: concurrent waits on one fake share one timeline.

`python -m kapso_exec.testing serve` serves the fake on 127.0.0.1 and prints its base URL
and credentials.

As a pytest plugin (`pytest -p kapso_exec.testing`, or `pytest_plugins = ["kapso_exec.testing"]`
in a conftest.py) it provides the fixture `fake_kapso`. Importing `kapso_exec` does not
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
from .api.executions import get_execution as _endpoint
from .api.executions import list_executions as _operation_1
from .api.executions import resume_execution as _operation_3
from .api.executions import start_execution as _operation_2
from .client import AuthenticatedClient

__all__ = ["FakeAPI", "RecordedRequest", "VirtualClock"]

_FACTS = FakeFacts(
    method="GET",
    path="/flow_executions/{execution_id}",
    path_params=("execution_id",),
    id_param="execution_id",
    required_query=(),
    required_headers=(),
    status_path=(
        "data",
        "status",
    ),
    id_path=(
        "data",
        "id",
    ),
    execution_fields=(
        "id",
        "flow_id",
        "status",
        "started_at",
        "ended_at",
        "last_event_at",
        "tracking_id",
        "current_step",
        "execution_context",
        "variables",
        "flow",
    ),
    success_status=200,
    # The spec's example of the 200 body (or one built from its schema).
    success_body={
        "data": {
            "id": "exec-456def",
            "flow_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
            "status": "running",
            "started_at": "2023-11-07T05:31:56Z",
            "ended_at": "2023-11-07T05:31:56Z",
            "last_event_at": "2023-11-07T05:31:56Z",
            "tracking_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
            "current_step": {
                "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                "name": "Send Welcome Message",
                "step_type": "message",
            },
            "execution_context": {},
            "variables": {},
            "flow": {
                "id": "flow-123abc",
                "name": "Customer Onboarding Flow",
                "description": "Automated flow for onboarding new customers",
                "status": "active",
                "project_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                "created_at": "2023-11-07T05:31:56Z",
                "updated_at": "2023-11-07T05:31:56Z",
                "created_by": {"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "name": "<string>"},
                "last_executed_at": "2023-11-07T05:31:56Z",
                "execution_count": 42,
            },
        }
    },
    minimal_body={},
    error_bodies={
        "404": {"error": "Not Found", "status": 404, "message": "Flow execution not found"},
        "401": {"error": "Unauthorized", "status": 401, "message": "Invalid or missing API key"},
    },
    security=(("ApiKeyAuth",),),
    schemes={
        "ApiKeyAuth": ("header", "X-API-Key", "", "api_key"),
    },
    operations=(
        OperationFacts(
            method="GET",
            path="/flows/{flow_id}/executions",
            path_params=("flow_id",),
            required_query=(),
            required_headers=(),
            body_required=False,
            security=(("ApiKeyAuth",),),
            success_status=200,
            success_body={},
            has_body=True,
            minimal_body={},
            error_bodies={"404": {}, "401": {}},
            role="list",
            carries_id=False,
            id_path=(),
            status_path=(),
            items=("data",),
            item_body={},
            item_minimal={},
            item_fields=(
                "id",
                "flow_id",
                "status",
                "started_at",
                "ended_at",
                "last_event_at",
                "tracking_id",
                "current_step",
                "execution_context",
                "variables",
                "flow",
            ),
            answer_samples={},
            filters={},
            cancel_status=None,
            paging=None,
        ),
        OperationFacts(
            method="POST",
            path="/flows/{flow_id}/executions",
            path_params=("flow_id",),
            required_query=(),
            required_headers=(),
            body_required=True,
            security=(("ApiKeyAuth",),),
            success_status=202,
            success_body={},
            has_body=True,
            minimal_body={},
            error_bodies={"404": {}, "422": {}, "401": {}},
            role="start",
            carries_id=False,
            id_path=(),
            status_path=(),
            items=(),
            item_body=None,
            item_minimal=None,
            item_fields=(),
            answer_samples={"flow_id": "string", "tracking_id": "string", "message": "string"},
            filters={},
            cancel_status=None,
            paging=None,
        ),
        OperationFacts(
            method="POST",
            path="/flow_executions/{execution_id}/resume",
            path_params=("execution_id",),
            required_query=(),
            required_headers=(),
            body_required=False,
            security=(("ApiKeyAuth",),),
            success_status=200,
            success_body={},
            has_body=True,
            minimal_body={},
            error_bodies={"404": {}, "422": {}, "401": {}},
            role=None,
            carries_id=True,
            id_path=(),
            status_path=(),
            items=(),
            item_body=None,
            item_minimal=None,
            item_fields=(),
            answer_samples={},
            filters={},
            cancel_status=None,
            paging=None,
        ),
    ),
    start_statuses=(
        "running",
        "ended",
    ),
    id_kind="str",
)


class FakeAPI(FakeAPIBase):
    """A fake of the Kapso External API's `GET /flow_executions/{execution_id}`, in memory by default.

    Args:
        credentials: The credential each constructor parameter must carry (`api_key`);
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
        "GET /flow_executions/{execution_id}": _endpoint,
        "GET /flows/{flow_id}/executions": _operation_1,
        "POST /flows/{flow_id}/executions": _operation_2,
        "POST /flow_executions/{execution_id}/resume": _operation_3,
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
    fake_kapso = _pytest.fixture(name="fake_kapso")(_fake_fixture)


if __name__ == "__main__":
    sys.exit(
        serve_main(
            FakeAPI,
            sys.argv[1:],
            prog="python -m kapso_exec.testing",
            title="Kapso External API",
            env_base_url=ENV_BASE_URL,
            env_credentials=ENV_CREDENTIALS,
        )
    )
