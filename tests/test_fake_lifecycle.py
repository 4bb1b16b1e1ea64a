"""`testing.FakeAPI` serves every operation of a package: start creates an execution it then
serves, lists page through its executions in the spec's paging style, a view and an event list
show the same timeline, cancel moves an execution to the spec's status, and every operation
checks credentials and answers its documented errors.

A held-out spec (below: every role and the three paging styles) built into a package, and each
vendor's own operations, through the generated endpoint functions, sync and async.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import built

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
    while True:
        page = await call(list_runs, "p", client=client, offset=offset)
        assert len(page.runs) <= 2
        seen += [run.id for run in page.runs]
        offset += len(page.runs)
        if not page.has_more:
            break
    assert seen == everything, seen
    failed = await call(list_runs, "p", client=client, status="failed", limit=10)
    assert [run.id for run in failed.runs] == ["run-c0", "run-c1", "run-c2"] and not failed.has_more
    assert {{run.workflow for run in failed.runs}} == {{"nightly"}}  # the example's, where the run has none of its own
    # cursor + next-cursor
    seen, cursor = [], None
    while True:
        page = await call(search_runs, client=client, size=4, **({{"after": cursor}} if cursor else {{}}))
        seen += [run.id for run in page.data]
        cursor = page.next_
        if not cursor:
            break
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
