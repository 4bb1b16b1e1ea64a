"""`testing.FakeAPI` serves every operation of a package: start creates an execution it then
serves, lists page through its executions in the spec's paging style, a view and an event list
show the same timeline, cancel moves an execution to the spec's status, and every operation
checks credentials and answers its documented errors.

A held-out spec (below: every role and the three paging styles) built into a package, and each
vendor's own operations, through the generated endpoint functions, sync and async.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import inspect
import json
import os
import subprocess
import sys
import types
import typing
import urllib.parse
import uuid
from pathlib import Path
from typing import Any

import httpx2
import pytest
from conftest import vendors_where

from support import built
from support.schemas import resolve
from support.vendors import Vendor, parameter_name

HELD_OUT_SPEC = """
openapi: 3.1.0
info: {title: runs, version: "1"}
servers: [{url: https://api.example.com}]
security: [{key: []}]
paths:
  /projects/{project}/runs:
    post:
      operationId: start_run
      x-exec-operation: {role: start, id-path: [run, id]}
      parameters: [{name: project, in: path, required: true, schema: {type: string}}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [workflow]
              properties: {workflow: {type: string}}
      responses:
        "201":
          description: started
          content:
            application/json:
              schema:
                type: object
                required: [run]
                properties: {run: {$ref: "#/components/schemas/Summary"}}
              example: {run: {id: run-0, status: queued, workflow: nightly}}
        "422":
          description: invalid
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Problem"}
              example: {detail: invalid body}
    get:
      operationId: list_runs
      x-exec-operation: {role: list, filters: {status: [status]}}
      x-exec-pagination: {style: offset, items: [runs], limit: limit, offset: offset, has-more: [has_more]}
      parameters:
        - {name: project, in: path, required: true, schema: {type: string}}
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer, default: 2}}
        - {name: status, in: query, schema: {type: string}}
      responses:
        "200":
          description: a page
          content:
            application/json:
              schema:
                type: object
                required: [runs, has_more]
                properties:
                  runs: {type: array, items: {$ref: "#/components/schemas/Summary"}}
                  has_more: {type: boolean}
              example: {runs: [{id: run-0, status: queued, workflow: nightly}], has_more: false}
  /runs:
    get:
      operationId: search_runs
      x-exec-operation: {role: list}
      x-exec-pagination: {style: cursor, items: [data], limit: size, cursor: after, next-cursor: [next]}
      parameters:
        - {name: after, in: query, schema: {type: string}}
        - {name: size, in: query, schema: {type: integer}}
      responses:
        "200":
          description: a page
          content:
            application/json:
              schema:
                type: object
                required: [data]
                properties:
                  data: {type: array, items: {$ref: "#/components/schemas/Summary"}}
                  next: {type: [string, "null"]}
  /archive:
    get:
      operationId: archived_runs
      x-exec-operation: {role: list}
      x-exec-pagination: {style: page, items: [], page: page, limit: per_page, first-page: 1}
      parameters:
        - {name: page, in: query, schema: {type: integer}}
        - {name: per_page, in: query, schema: {type: integer}}
      responses:
        "200":
          description: a page, the body the array itself
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Summary"}}
  /runs/{run_id}:
    get:
      operationId: get_run
      x-status-path: [status]
      x-execution-summary: {id: [id]}
      parameters: [{name: run_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: the run
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Run"}
              example: {id: run-0, status: queued, workflow: nightly, attempts: 1}
        "404":
          description: no such run
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Problem"}
              example: {detail: no such run}
  /runs/{run_id}/summary:
    get:
      operationId: summarise_run
      x-exec-operation: {role: view, id-path: [key], status-path: [state, name]}
      parameters: [{name: run_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: a summary
          content:
            application/json:
              schema:
                type: object
                required: [key, state, workflow]
                properties:
                  key: {type: string}
                  workflow: {type: string}
                  state:
                    type: object
                    required: [name]
                    properties: {name: {$ref: "#/components/schemas/Status"}}
              example: {key: run-0, workflow: other, state: {name: queued}}
        "404":
          description: no such run
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Problem"}
              example: {detail: no such summary}
  /runs/{run_id}/events:
    get:
      operationId: run_events
      x-exec-operation: {role: events, items: [events], status-path: [status]}
      parameters: [{name: run_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: what happened
          content:
            application/json:
              schema:
                type: object
                required: [events]
                properties:
                  events:
                    type: array
                    items:
                      type: object
                      required: [status, at]
                      properties:
                        status: {$ref: "#/components/schemas/Status"}
                        at: {type: string}
              example: {events: [{status: queued, at: "2024-01-01T00:00:00Z"}]}
  /runs/{run_id}/cancel:
    post:
      operationId: cancel_run
      x-exec-operation: {role: cancel, status: cancelled}
      parameters: [{name: run_id, in: path, required: true, schema: {type: string}}]
      responses:
        "202": {description: cancelling}
        "404":
          description: no such run
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Problem"}
              example: {detail: no such run}
  /health:
    get:
      operationId: health
      security: []
      responses:
        "200":
          description: up
          content:
            application/json:
              schema: {type: object, properties: {ok: {type: boolean}}}
              example: {ok: true}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-API-Key}
  schemas:
    Status:
      type: string
      enum: [queued, running, succeeded, failed, cancelled]
      x-terminal-statuses: {success: [succeeded], failure: [failed, cancelled]}
    Summary:
      type: object
      required: [id, status, workflow]
      properties:
        id: {type: string}
        status: {$ref: "#/components/schemas/Status"}
        workflow: {type: string}
    Run:
      type: object
      required: [id, status, workflow]
      properties:
        id: {type: string}
        status: {$ref: "#/components/schemas/Status"}
        workflow: {type: string}
        attempts: {type: integer}
    Problem:
      type: object
      required: [detail]
      properties: {detail: {type: string}}
"""

HELD_OUT = """
import asyncio
from {name} import AuthenticatedClient, NotFoundError, AuthenticationError, wait_for_execution, wait_for_execution_async
from {name}.errors import UnprocessableEntityError
from {name}.api.default import (
    start_run, list_runs, search_runs, archived_runs, get_run, summarise_run, run_events, cancel_run, health,
)
from {name}.models import StartRunBody
from {name}.testing import FakeAPI

MODE = {mode!r}


async def call(module, *args, **kwargs):
    if MODE == "sync":
        return module.sync(*args, **kwargs)
    return await module.asyncio(*args, **kwargs)


async def main():
    fake = FakeAPI()
    client = fake.client()
    # start: a fresh execution, served by every other operation; its id where the spec says.
    started = await call(start_run, project="p", client=client, body=StartRunBody(workflow="nightly"))
    ident = started.run.id
    assert fake.started == [ident] and ident != "run-0", (fake.started, ident)
    assert fake.requests[-1].status == 201 and fake.requests[-1].operation == "POST /projects/{{project}}/runs"
    # by default: one ongoing status, then the first success status
    if MODE == "sync":
        result = wait_for_execution(ident, client=client, timeout=600)
    else:
        result = await wait_for_execution_async(ident, client=client, timeout=600)
    assert result.status == "succeeded" and result.polls == 2, result
    # a start without its required body: the documented 422
    try:
        await call(start_run, project="p", client=client, body=None)
    except (UnprocessableEntityError, TypeError, AttributeError):
        pass
    else:
        raise AssertionError("a start without its body was accepted")

    # view: the execution's current state in the view's own shape; shared fields from the execution
    fake.add_execution("run-a", statuses=["running", "succeeded"], workflow="weekly")
    view = await call(summarise_run, "run-a", client=client)
    assert view.key == "run-a" and view.state.name.value == "running" and view.workflow == "weekly", view
    await call(get_run, "run-a", client=client)  # a poll: the next status
    await call(get_run, "run-a", client=client)
    view = await call(summarise_run, "run-a", client=client)
    assert view.state.name.value == "succeeded", view
    # events: one per status shown so far
    events = await call(run_events, "run-a", client=client)
    assert [e.status.value for e in events.events] == ["running", "succeeded"], events

    # cancel: a later read sees the spec's status, from every operation
    fake.add_execution("run-b", statuses=["running"])
    await call(cancel_run, "run-b", client=client)
    assert fake.requests[-1].status == 202
    assert (await call(get_run, "run-b", client=client)).status.value == "cancelled"
    assert (await call(summarise_run, "run-b", client=client)).state.name.value == "cancelled"
    assert [e.status.value for e in (await call(run_events, "run-b", client=client)).events] == ["running", "cancelled"]

    # list, offset + has-more, the spec's default limit (2), a filter
    for n in range(3):
        fake.add_execution(f"run-c{{n}}", statuses=["failed"])
    everything = [ident, "run-a", "run-b", "run-c0", "run-c1", "run-c2"]
    seen, offset = [], 0
    for _ in range(20):  # bounded: a has-more that never ends fails instead of hanging
        page = await call(list_runs, "p", client=client, offset=offset)
        assert len(page.runs) <= 2
        seen += [run.id for run in page.runs]
        offset += len(page.runs)
        if not page.has_more:
            break
    else:
        raise AssertionError("the fake's offset listing never reached its last page")
    assert seen == everything, seen
    failed = await call(list_runs, "p", client=client, status="failed", limit=10)
    assert [run.id for run in failed.runs] == ["run-c0", "run-c1", "run-c2"] and not failed.has_more
    assert {{run.workflow for run in failed.runs}} == {{"nightly"}}  # the example's, where the run has none of its own
    # cursor + next-cursor
    seen, cursor = [], None
    for _ in range(20):  # bounded, as above
        page = await call(search_runs, client=client, size=4, **({{"after": cursor}} if cursor else {{}}))
        seen += [run.id for run in page.data]
        cursor = page.next_
        if not cursor:
            break
    else:
        raise AssertionError("the fake's cursor listing never reached its last page")
    assert seen == everything, seen
    # page numbers, the body the array itself
    pages = [await call(archived_runs, client=client, page=n, per_page=4) for n in (1, 2, 3)]
    assert [[run.id for run in page] for page in pages] == [everything[:4], everything[4:], []]

    # an operation with no role: its example, after its own security check (none here)
    assert (await call(health, client=fake.client(api_key="wrong"))).ok is True
    # every operation checks credentials, and answers its documented errors
    wrong = fake.client(api_key="wrong")
    for module, args in ((summarise_run, ("run-a",)), (cancel_run, ("run-a",)), (list_runs, ("p",))):
        try:
            await call(module, *args, client=wrong)
        except AuthenticationError:
            pass
        else:
            raise AssertionError(f"{{module.__name__}} let a wrong key in")
    for module, detail in ((summarise_run, "no such summary"), (run_events, None), (cancel_run, "no such run")):
        try:
            await call(module, "nope", client=client)
        except NotFoundError as exc:
            assert detail is None or exc.body == {{"detail": detail}}, exc.body
        else:
            raise AssertionError(f"{{module.__name__}} found an unknown run")

    # on_start: script what a start creates
    fake.on_start(timeline={{0: "queued", 30: "failed"}})
    other = (await call(start_run, project="p", client=client, body=StartRunBody(workflow="x"))).run.id
    if MODE == "sync":
        result = wait_for_execution(other, client=client, timeout=600)
    else:
        result = await wait_for_execution_async(other, client=client, timeout=600)
    assert result.status == "failed" and result.failed, result
    print("ok")


asyncio.run(main())
"""


def run_held_out(mode: str) -> None:
    spec = Path(built._workdir()) / "fake_lifecycle.yaml"
    if not spec.exists():
        spec.write_text(HELD_OUT_SPEC, encoding="utf-8")
    directory = built.build(spec, "fake_lifecycle_exec")
    env = {**os.environ, "PYTHONPATH": str(directory)}
    code = HELD_OUT.format(name="fake_lifecycle_exec", mode=mode)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stdout + result.stderr


def test_every_role_of_a_held_out_spec_sync() -> None:
    run_held_out("sync")


def test_every_role_of_a_held_out_spec_async() -> None:
    run_held_out("async")


# --- each vendor's own operations --------------------------------------------------------------------


def fake_module(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}.testing")


def operations(vendor: Vendor, *roles: str) -> list[Any]:
    """The fake's operations besides the polled one (with `roles`: only those)."""
    found = list(fake_module(vendor).FakeAPI.facts.operations)
    return [op for op in found if not roles or op.role in roles]


def with_operations(*roles: str) -> list[Any]:
    return vendors_where(lambda v: bool(operations(v, *roles)))


def ident(vendor: Vendor, index: int) -> Any:
    return 7 + index if vendor.id_is_integer else f"wf-{index}/exec:1"


def finished(vendor: Vendor) -> tuple[str, dict[str, Any]]:
    if vendor.success_statuses:
        return vendor.success_statuses[0], {}
    prefix = vendor.status_path[:-1]
    outcome = ".".join(vendor.outcome_path[len(prefix) :])
    return vendor.terminal_sets["done"][0], {outcome: vendor.outcome_sets["success"][0]}


def concrete(hint: Any) -> Any:
    """The first type of a union that is neither None nor `Unset`."""
    union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    members = typing.get_args(hint) if union else (hint,)
    return next(m for m in members if m is not type(None) and getattr(m, "__name__", "") != "Unset")


def sample(hint: Any) -> Any:
    kind = concrete(hint)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return next(iter(kind))
    samples: dict[Any, Any] = {
        uuid.UUID: uuid.UUID(int=1),
        int: 1,
        float: 1.0,
        bool: True,
        str: "sample-1",
        datetime.datetime: datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
        datetime.date: datetime.date(2024, 1, 1),
    }
    return samples[kind]


def data_for(vendor: Vendor, schema: Any, depth: int = 0) -> Any:
    """JSON data the schema accepts: its example, else its required properties' examples or samples."""
    schema = resolve(vendor.spec, schema) if isinstance(schema, dict) else {}
    if "example" in schema:
        return schema["example"]
    if "enum" in schema:
        return next(v for v in schema["enum"] if v is not None)
    members = schema.get("anyOf") or schema.get("oneOf") or schema.get("allOf")
    if members:
        return data_for(vendor, next(m for m in members if resolve(vendor.spec, m).get("type") != "null"), depth + 1)
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), "null") if isinstance(kind, list) else kind
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties") or {}
        return {name: data_for(vendor, properties.get(name, {}), depth + 1) for name in schema.get("required") or []}
    if kind == "array":
        return []
    if kind == "string":
        return {"uuid": str(uuid.UUID(int=1)), "date-time": "2024-01-01T00:00:00Z"}.get(schema.get("format"), "sample")
    return {"integer": 1, "number": 1.0, "boolean": True}.get(str(kind))


def body_for(vendor: Vendor, op: Any, hint: Any) -> Any:
    operation = vendor.spec["paths"][op.path][op.method.lower()]
    body = resolve(vendor.spec, operation["requestBody"])
    media = next(m for t, m in body["content"].items() if t.endswith("json"))
    data = media.get("example", data_for(vendor, media.get("schema", {})))
    return concrete(hint).from_dict(data)


def call_args(vendor: Vendor, op: Any, execution: Any, **overrides: Any) -> tuple[Any, list[Any], dict[str, Any]]:
    """(the endpoint module, positional and keyword arguments) for one call of `op`."""
    module = fake_module(vendor).FakeAPI.endpoints[op.key]
    signature = inspect.signature(module.sync_detailed)
    hints = typing.get_type_hints(module.sync_detailed)
    known = {parameter_name(k): v for k, v in {**vendor.path_params(execution), **vendor.query_values()}.items()}
    positional, keywords = [], {}
    for name, parameter in signature.parameters.items():
        if name in ("client", "timeout"):
            continue
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            positional.append(known[name] if name in known else sample(hints[name]))
        elif name in overrides:
            keywords[name] = overrides[name]
        elif parameter.default is inspect.Parameter.empty:
            if name == "body":
                keywords[name] = body_for(vendor, op, hints[name])
            else:
                keywords[name] = known[name] if name in known else sample(hints[name])
    return module, positional, keywords


async def call(mode: str, vendor: Vendor, op: Any, client: Any, execution: Any = None, **overrides: Any) -> Any:
    """One call of `op` through the package's endpoint function: (status, JSON body or None, parsed)."""
    module, args, kwargs = call_args(vendor, op, execution if execution is not None else ident(vendor, 0), **overrides)
    if mode == "sync":
        response = module.sync_detailed(*args, client=client, **kwargs)
    else:
        response = await module.asyncio_detailed(*args, client=client, **kwargs)
    body = json.loads(response.content) if response.content else None
    return int(response.status_code), body, response.parsed


def at(body: Any, path: Any) -> Any:
    for key in path:
        body = body[key]
    return body


def status_of(vendor: Vendor, body: Any) -> Any:
    return at(body, vendor.status_path)


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", with_operations("start"))
async def test_start_creates_an_execution_the_fake_then_serves(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    client = fake.client()
    for op in operations(vendor, "start"):
        status, body, parsed = await call(mode, vendor, op, client)
        assert status == op.success_status and parsed is not None, (status, body)
        new = fake.started[-1]
        if op.id_path:
            assert str(at(body, op.id_path)) == str(new)
        # The new execution is served by the polled operation: an ongoing status, then a success.
        wait = importlib.import_module(f"{vendor.import_name}.wait")
        result = wait.wait_for_execution(client=client, **vendor.call_kwargs(new), timeout=600)
        assert [r.status for r in fake.requests[-2:]] == [int(vendor.success_status)] * 2
        assert result.polls == 2 and result.status == fake.facts.start_statuses[1]
    # on_start scripts what later starts create.
    fake.on_start(statuses=[vendor.running_status])
    op = operations(vendor, "start")[0]
    await call(mode, vendor, op, client)
    execution = vendor.endpoint.sync(client=client, **vendor.call_kwargs(fake.started[-1]))
    assert importlib.import_module(f"{vendor.import_name}.wait").execution_status(execution) == vendor.running_status


def starts_without_an_id(vendor: Vendor) -> bool:
    return any(not op.id_path for op in operations(vendor, "start")) and bool(operations(vendor, "list"))


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", vendors_where(starts_without_an_id))
async def test_a_start_without_an_id_is_found_in_the_list_by_its_identifiers(vendor: Vendor, mode: str) -> None:
    """A start whose answer has no execution id (Kapso's 202 with a `tracking_id`): the identifiers
    the answer shares with the execution are the new execution's, so a list finds it by them."""
    fake = fake_module(vendor).FakeAPI()
    fake.add_execution(ident(vendor, 0), statuses=[vendor.running_status])
    client = fake.client()
    start = next(op for op in operations(vendor, "start") if not op.id_path)
    _, first, _ = await call(mode, vendor, start, client)
    _, second, _ = await call(mode, vendor, start, client)
    shared = [k for k in first if k.endswith("id") and k in fake.facts.execution_fields and k not in start.path_params]
    assert shared and all(first[k] != second[k] for k in shared), (first, second)
    listing = operations(vendor, "list")[0]
    _, page, _ = await call(mode, vendor, listing, client)
    found = [item for item in at(page, listing.items) if all(item.get(k) == first[k] for k in shared)]
    assert len(found) == 1 and str(fake.started[0]) in {str(v) for v in found[0].values()}, page


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", with_operations("list"))
async def test_list_pages_through_the_fakes_executions(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    for index in range(5):
        fake.add_execution(ident(vendor, index), statuses=[vendor.running_status])
    client = fake.client()
    for op in operations(vendor, "list"):
        paging = op.paging
        seen: list[Any] = []
        if paging is None:
            status, body, parsed = await call(mode, vendor, op, client)
            assert status == op.success_status and parsed is not None
            seen = at(body, op.items)
        else:
            limit = {paging["limit"]: 2} if paging["limit"] else {}
            marker: dict[str, Any] = {}
            for _ in range(10):
                overrides = {parameter_name(k): v for k, v in {**limit, **marker}.items()}
                status, body, parsed = await call(mode, vendor, op, client, **overrides)
                assert status == op.success_status and parsed is not None, body
                page = at(body, op.items)
                assert len(page) <= (2 if limit else len(page))
                seen += page
                if paging["style"] == "cursor":
                    cursor = at(body, paging["next_cursor"]) if paging["next_cursor"][0] in body else None
                    if not cursor:
                        break
                    marker = {paging["marker"]: cursor}
                else:
                    more = at(body, paging["has_more"]) if paging["has_more"] else len(page) == 2
                    if not more or not page:
                        break
                    step = len(page) if paging["style"] == "offset" else 1
                    current = marker.get(paging["marker"], 0 if paging["style"] == "offset" else paging["first_page"])
                    marker = {paging["marker"]: current + step}
        assert len(seen) == 5, seen
        # Each item shares what it can with its execution: the status, where the item has one.
        ids = {str(ident(vendor, i)) for i in range(5)}
        shared_ids = [item for item in seen if any(str(v) in ids for v in item.values() if not isinstance(v, dict))]
        assert len(shared_ids) == 5, seen


def pages_by_limit(vendor: Vendor) -> bool:
    return any(op.paging and op.paging["limit"] for op in operations(vendor, "list"))


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", vendors_where(pages_by_limit))
async def test_the_packages_iterators_page_through_the_fake(vendor: Vendor, mode: str) -> None:
    """`iterate` / `iterate_async` of each paged list, two items a page: every execution once,
    in three requests (the fake's paging is the spec's, as the package reads it)."""
    fake = fake_module(vendor).FakeAPI()
    for index in range(5):
        fake.add_execution(ident(vendor, index), statuses=[vendor.running_status])
    client = fake.client()
    for op in operations(vendor, "list"):
        if not (op.paging and op.paging["limit"]):
            continue
        module, args, kwargs = call_args(vendor, op, ident(vendor, 0), **{parameter_name(op.paging["limit"]): 2})
        before = len(fake.requests)
        if mode == "sync":
            items = list(module.iterate(*args, client=client, **kwargs))
        else:
            items = [item async for item in module.iterate_async(*args, client=client, **kwargs)]
        ids = {str(ident(vendor, i)) for i in range(5)}
        found = [v for item in items for v in item.to_dict().values() if isinstance(v, str | int) and str(v) in ids]
        assert sorted(map(str, found)) == sorted(ids), items
        assert len(fake.requests) - before == 3 and {r.status for r in fake.requests[before:]} == {op.success_status}


def has_filters(vendor: Vendor) -> bool:
    return any(op.filters for op in operations(vendor, "list"))


def typed(hint: Any, value: Any) -> Any:
    """A JSON value as the endpoint's parameter type takes it."""
    kind = concrete(hint)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    return kind(value) if kind in (uuid.UUID, int, float, str) else value


def start_fields_filter(vendor: Vendor) -> bool:
    """A start whose request body names a field a list filters by (Tracecat's `workflow_id`)."""
    filtered = {path[0] for op in operations(vendor, "list") for path in op.filters.values()}
    for op in operations(vendor, "start"):
        body = vendor.spec["paths"][op.path][op.method.lower()].get("requestBody")
        media: dict[str, Any] = next(iter(resolve(vendor.spec, body or {}).get("content", {}).values()), {})
        if filtered & set(resolve(vendor.spec, media.get("schema", {})).get("properties", {})):
            return True
    return False


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", vendors_where(start_fields_filter))
async def test_a_started_execution_is_found_by_the_fields_it_was_started_with(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    client = fake.client()
    fake.add_execution(ident(vendor, 0), statuses=[vendor.running_status])
    start = operations(vendor, "start")[0]
    _, _, kwargs = call_args(vendor, start, ident(vendor, 0))
    sent = kwargs["body"].to_dict()
    await call(mode, vendor, start, client, body=kwargs["body"])
    for op in operations(vendor, "list"):
        hints = typing.get_type_hints(fake.endpoints[op.key].sync_detailed)
        for name, path in op.filters.items():
            if path[0] in sent:
                wanted = typed(hints[parameter_name(name)], sent[path[0]])
                _, body, _ = await call(mode, vendor, op, client, **{parameter_name(name): wanted})
                items = at(body, op.items)
                assert len(items) == 1 and str(fake.started[0]) in {str(v) for v in items[0].values()}, body


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", vendors_where(has_filters))
async def test_list_filters_items_by_their_fields(vendor: Vendor, mode: str) -> None:
    """Three executions told apart by the filtered field (the status, or a field set on them):
    each filter value lists exactly the executions that have it."""
    status, fields = finished(vendor)
    for op in operations(vendor, "list"):
        module = fake_module(vendor).FakeAPI.endpoints[op.key]
        hints = typing.get_type_hints(module.sync_detailed)
        everything = {parameter_name(op.paging["limit"]): 50} if op.paging and op.paging["limit"] else {}
        for name, path in op.filters.items():
            fake = fake_module(vendor).FakeAPI()
            by_status = path[-1] == vendor.status_path[-1]
            for index, value in enumerate(["a", "a", "b"]):
                if by_status:
                    done = value == "b"
                    extra = fields if done else {}
                    fake.add_execution(
                        ident(vendor, index), statuses=[status if done else vendor.running_status], **extra
                    )
                else:
                    fake.add_execution(ident(vendor, index), statuses=[vendor.running_status], **{path[0]: value})
            client = fake.client()
            _, body, _ = await call(mode, vendor, op, client, **everything)
            values = [at(item, path) for item in at(body, op.items)]
            assert len(values) == 3 and len(set(values)) == 2, values
            for wanted in set(values):
                overrides = {**everything, parameter_name(name): typed(hints[parameter_name(name)], wanted)}
                answered, body, parsed = await call(mode, vendor, op, client, **overrides)
                assert answered == op.success_status and parsed is not None
                assert [at(item, path) for item in at(body, op.items)] == [wanted] * values.count(wanted)


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", with_operations("view"))
async def test_a_view_shows_the_executions_current_state(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    status, fields = finished(vendor)
    fake.add_execution(ident(vendor, 0), statuses=[vendor.running_status, status], **fields)
    client = fake.client()
    for op in operations(vendor, "view"):
        answered, body, parsed = await call(mode, vendor, op, client)
        assert answered == op.success_status and parsed is not None
        assert str(at(body, op.id_path)) == str(ident(vendor, 0)) and at(body, op.status_path) == vendor.running_status
    vendor.endpoint.sync(client=client, **vendor.call_kwargs(ident(vendor, 0)))
    vendor.endpoint.sync(client=client, **vendor.call_kwargs(ident(vendor, 0)))
    for op in operations(vendor, "view"):
        _, body, _ = await call(mode, vendor, op, client)
        assert at(body, op.status_path) == status


def shows(op: Any, body: Any, statuses: list[Any]) -> bool:
    """Whether an events answer has one item per status (each with it, where items carry one)."""
    items = at(body, op.items)
    if len(items) != len(statuses):
        return False
    return not op.status_path or [at(item, op.status_path) for item in items] == statuses


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", with_operations("events"))
async def test_events_list_each_status_shown_so_far(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    status, fields = finished(vendor)
    fake.add_execution(ident(vendor, 0), timeline={0: vendor.running_status, 10: status}, **fields)
    client = fake.client()
    for op in operations(vendor, "events"):
        answered, body, parsed = await call(mode, vendor, op, client)
        assert answered == op.success_status and parsed is not None
        assert shows(op, body, [vendor.running_status]), body
    fake.clock.advance(10)
    for op in operations(vendor, "events"):
        _, body, _ = await call(mode, vendor, op, client)
        assert shows(op, body, [vendor.running_status, status]), body


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", with_operations("cancel"))
async def test_cancel_moves_the_execution_to_the_specs_status(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    client = fake.client()
    wait = importlib.import_module(f"{vendor.import_name}.wait")
    for index, op in enumerate(operations(vendor, "cancel")):
        fake.add_execution(ident(vendor, index), statuses=[vendor.running_status])
        answered, _, _ = await call(mode, vendor, op, client, execution=ident(vendor, index))
        assert answered == op.success_status
        result = wait.wait_for_execution(client=client, **vendor.call_kwargs(ident(vendor, index)), timeout=600)
        assert result.status == op.cancel_status and result.polls == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", with_operations())
async def test_every_operation_checks_credentials_and_unknown_ids(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    fake.add_execution(ident(vendor, 0), statuses=[vendor.running_status])
    wrong = fake.client(**{vendor.credential_param: "not-the-fake-credential"})
    for op in operations(vendor):
        if op.security and all(alternative for alternative in op.security):
            answered, body, _ = await call(mode, vendor, op, wrong)
            assert answered == 401, (op.key, body)
        if op.carries_id:
            answered, body, _ = await call(mode, vendor, op, fake.client(), execution=ident(vendor, 99))
            assert answered == 404, (op.key, body)
        # With the credential and a known execution: the operation's success, as its own model decodes it.
        answered, body, parsed = await call(mode, vendor, op, fake.client())
        assert answered == op.success_status and (parsed is not None or not op.has_body), (op.key, body)


def requires_parts(vendor: Vendor) -> bool:
    return any(op.body_required or op.required_query for op in operations(vendor))


@pytest.mark.parametrize("vendor", vendors_where(requires_parts))
def test_every_operation_refuses_a_request_without_its_required_parts(vendor: Vendor) -> None:
    """Straight through the transport, with the credential: a request without its required body
    (or required query parameters) answers 422 where the spec documents one, else 400."""
    fake = fake_module(vendor).FakeAPI()
    fake.add_execution(ident(vendor, 0), statuses=[vendor.running_status])
    credential = fake.credentials[vendor.credential_param]
    for op in operations(vendor):
        if not (op.body_required or op.required_query):
            continue
        raw = op.path
        for name in op.path_params:
            value = ident(vendor, 0) if name == fake.facts.id_param else "sample-1"
            raw = raw.replace("{" + name + "}", urllib.parse.quote(str(value), safe=""))
        headers = vendor.auth_headers(credential)
        with httpx2.Client(transport=fake.transport, base_url=fake.base_url, headers=headers) as client:
            answer = client.request(op.method, raw, params=vendor.auth_query(credential))
        assert answer.status_code == (422 if "422" in op.error_bodies else 400), (op.key, answer.text)
