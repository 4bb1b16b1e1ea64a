"""A fake of the Sakari API for your own tests: no vendor, no socket, no real sleeping.

    from sakari_exec.testing import FakeAPI

    fake = FakeAPI()
    fake.add_execution("exec-1", statuses=["running", "completed"])
    client = fake.client()  # an AuthenticatedClient wired to the fake

`GET /v1/accounts/{accountId}/workflows/{workflowId}/executions/{executionId}` is served from the spec's own example body, with the status at
`data.status` and the id at `data.id`; errors use the spec's documented
bodies. A client from `fake.client()` sleeps in the fake's virtual time (`fake.elapsed`), which
schedules: concurrent waits on one fake share one timeline.

`python -m sakari_exec.testing serve` serves the fake on 127.0.0.1 and prints its base URL
and credentials.

As a pytest plugin (`pytest -p sakari_exec.testing`, or `pytest_plugins = ["sakari_exec.testing"]`
in a conftest.py) it provides the fixture `fake_sakari`. Importing `sakari_exec` does not
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
from .client import AuthenticatedClient

__all__ = ["FakeAPI", "RecordedRequest", "VirtualClock"]

_FACTS = FakeFacts(
    method="GET",
    path="/v1/accounts/{accountId}/workflows/{workflowId}/executions/{executionId}",
    path_params=(
        "accountId",
        "workflowId",
        "executionId",
    ),
    id_param="executionId",
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
        "status",
        "version",
        "start",
        "end",
        "steps",
    ),
    success_status=200,
    # The spec's example of the 200 body (or one built from its schema).
    success_body={
        "success": True,
        "data": {
            "id": "<string>",
            "status": "completed",
            "version": {"id": "<string>", "name": "<string>"},
            "start": "2023-11-07T05:31:56Z",
            "end": "2023-11-07T05:31:56Z",
            "steps": [
                {
                    "id": "<string>",
                    "start": "2023-11-07T05:31:56Z",
                    "end": "2023-11-07T05:31:56Z",
                    "node": {
                        "id": "<string>",
                        "type": {
                            "id": "<string>",
                            "type": "<string>",
                            "group": "<string>",
                            "name": "<string>",
                            "label": "<string>",
                            "description": "<string>",
                            "icon": "<string>",
                            "properties": [
                                {
                                    "label": "<string>",
                                    "helperText": "<string>",
                                    "link": "<string>",
                                    "type": "basictext",
                                    "mandatory": True,
                                    "args": ["<string>"],
                                    "options": [{"value": "<string>", "label": "<string>"}],
                                    "min": 123,
                                    "max": 123,
                                    "defaultValue": "<string>",
                                    "name": "<string>",
                                    "conditions": [
                                        {"property": "<string>", "comparator": "<string>", "value": "<string>"}
                                    ],
                                }
                            ],
                            "outputs": [
                                {"default": True, "path": "<string>", "name": "<string>", "dataType": "boolean"}
                            ],
                            "validation": {
                                "numEdgeCondition": "exactly",
                                "numEdges": 123,
                                "edges": [
                                    {
                                        "type": "timeout",
                                        "value": {
                                            "mandatory": True,
                                            "editable": True,
                                            "value": "<string>",
                                            "default": "<string>",
                                        },
                                        "multiple": True,
                                        "defaultEdge": True,
                                    }
                                ],
                            },
                            "supportsReenrollment": True,
                            "color": "<string>",
                            "status": "<string>",
                            "supportLink": "<string>",
                        },
                        "context": {},
                    },
                    "edge": {
                        "id": "<string>",
                        "type": "standard",
                        "source": "<string>",
                        "target": "<string>",
                        "value": "<string>",
                    },
                }
            ],
        },
    },
    minimal_body={},
    error_bodies={
        "401": {"success": False, "error": {"code": "AUTH-001", "message": "Invalid or expired access token"}},
        "404": {"success": False, "error": {"code": "WFLW-404", "message": "Workflow execution not found"}},
        "429": {"success": False, "error": {"code": "RATE-001", "message": "Rate limit exceeded, retry later"}},
        "4XX": {"success": False, "error": {"code": "CONT-001", "message": "Invalid mobile number"}},
        "5XX": {"success": False, "error": {"code": "SYS-001", "message": "Internal server error"}},
    },
    security=(("oauth2",),),
    schemes={
        "oauth2": ("header", "Authorization", "Bearer ", "token"),
    },
    operations=(
        OperationFacts(
            method="GET",
            path="/v1/accounts/{accountId}/workflows/{workflowId}/executions",
            path_params=(
                "accountId",
                "workflowId",
            ),
            required_query=(),
            required_headers=(),
            body_required=False,
            security=(("oauth2",),),
            success_status=200,
            success_body={
                "success": True,
                "data": [
                    {
                        "id": "<string>",
                        "status": "completed",
                        "start": "2023-11-07T05:31:56Z",
                        "end": "2023-11-07T05:31:56Z",
                    }
                ],
                "pagination": {"offset": 0, "limit": 10, "totalCount": 1, "hasNext": False},
            },
            has_body=True,
            minimal_body={},
            error_bodies={"401": {}, "404": {}, "429": {}, "4XX": {}, "5XX": {}},
            role="list",
            carries_id=False,
            id_path=(),
            status_path=(),
            items=("data",),
            item_body={
                "id": "<string>",
                "status": "completed",
                "start": "2023-11-07T05:31:56Z",
                "end": "2023-11-07T05:31:56Z",
            },
            item_minimal={},
            item_fields=(
                "id",
                "status",
                "version",
                "start",
                "end",
                "steps",
            ),
            answer_samples={},
            filters={
                "status": ("status",),
            },
            cancel_status=None,
            paging={
                "style": "offset",
                "marker": "offset",
                "limit": "limit",
                "default_limit": None,
                "next_cursor": [],
                "has_more": ["pagination", "hasNext"],
                "first_page": 1,
            },
        ),
    ),
    start_statuses=(
        "running",
        "completed",
    ),
    id_kind="str",
)


class FakeAPI(FakeAPIBase):
    """A fake of the Sakari API's `GET /v1/accounts/{accountId}/workflows/{workflowId}/executions/{executionId}`, in memory by default.

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
        "GET /v1/accounts/{accountId}/workflows/{workflowId}/executions/{executionId}": _endpoint,
        "GET /v1/accounts/{accountId}/workflows/{workflowId}/executions": _operation_1,
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
    fake_sakari = _pytest.fixture(name="fake_sakari")(_fake_fixture)


if __name__ == "__main__":
    sys.exit(
        serve_main(
            FakeAPI,
            sys.argv[1:],
            prog="python -m sakari_exec.testing",
            title="Sakari API",
            env_base_url=ENV_BASE_URL,
            env_credentials=ENV_CREDENTIALS,
        )
    )
