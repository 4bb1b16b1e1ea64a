"""Concurrency and resources: many calls through one client, over real sockets.

- `EXEC_SDKS_CONCURRENT_CALLS` (default 1,000) asyncio calls at once through one client, each
  for its own execution id; the server answers every other id 503 the first time and the
  example (carrying that id) on the retry, so half the calls sleep and retry while the others
  complete. Every call must return its own execution.
- `EXEC_SDKS_SEQUENTIAL_CALLS` (default 10,000) sync calls one after another through one client,
  mixing successes, retried 503s, 404s and malformed 200s: the process's open file descriptors
  stay flat and no ResourceWarning is raised (the suite also runs with -W error::ResourceWarning).

The server is support.execserver (asyncio, one write per answer); the threaded ScriptedServer
answers in two writes and stalls ~40 ms per call on delayed ACKs, too slow for these counts.
"""

from __future__ import annotations

import asyncio
import copy
import gc
import importlib
import json
import os
import warnings
from collections import Counter
from typing import Any
from urllib.parse import parse_qs

import httpx2
import pytest

from support.execserver import Answer, ExecutionServer, Request
from support.vendors import Vendor, python_name

CONCURRENT_CALLS = int(os.environ.get("EXEC_SDKS_CONCURRENT_CALLS", "1000"))
SEQUENTIAL_CALLS = int(os.environ.get("EXEC_SDKS_SEQUENTIAL_CALLS", "10000"))
# Calls that each open and close their own client (a service that builds a client per poll).
# Few: each httpx2 client loads the CA bundle (~27 ms), even for http:// URLs.
CLIENT_PER_CALL = int(os.environ.get("EXEC_SDKS_CLIENT_PER_CALL", "50"))

# Descriptors a flat process may still gain: a lazily opened file or an epoll of a library.
FD_SLACK = 3

# httpcore 1.0.9's pool re-scans every connection for every queued request on each assignment
# pass (encode/httpcore#1035): 1,000 queued calls on the default 100-connection pool take
# ~25 s of CPU on 2 cores. 10 connections keep the test at a few seconds; all 1,000 calls are
# still in flight in the package (and its retry loop) at once, queued in the pool.
POOL = httpx2.Limits(max_connections=10, max_keepalive_connections=10)


# Stands in the example body for the execution id until a request names one.
_ID_SLOT = "exec-sdks-execution-id-slot"


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def dig(value: Any, path: list[str]) -> Any:
    for key in path:
        value = value[key] if isinstance(value, dict) else getattr(value, python_name(key))
    return value


# How the server answers an execution id: by its `<kind>-` prefix, or for integer ids by the last digit.
KIND_DIGITS = {"ok": 0, "retry": 3, "missing": 5, "broken": 7}


def make_id(vendor: Vendor, kind: str, number: int, tag: str = "") -> Any:
    """An execution id of the id parameter's type that asks the server for `kind`."""
    if vendor.id_is_integer:
        return number * 10 + KIND_DIGITS[kind]
    return f"{kind}-{tag}{number}"


def kind_of(execution_id: Any) -> str:
    """The kind an execution id (as sent, or as read from the path) asks for."""
    text = str(execution_id)
    if text.isdigit():
        return next(kind for kind, digit in KIND_DIGITS.items() if int(text) % 10 == digit)
    return text.split("-", 1)[0]


def expected_seen(ids: list[Any]) -> dict[str, int]:
    """Requests per id (as the path has it): a retried id twice, any other once."""
    return {str(i): 2 if kind_of(i) == "retry" else 1 for i in ids}


def fast_retries(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module(f"{vendor.import_name}._constants"), "INITIAL_RETRY_DELAY", 0.0001)


class Executions:
    """Answers each execution id by its prefix: `retry-` gets 503 once and then its execution,
    `missing-` a 404, `broken-` a 200 that isn't JSON, anything else its execution at once."""

    def __init__(self, vendor: Vendor) -> None:
        self.vendor = vendor
        self.example = vendor.fixture("example-200.json")
        self.id_is_number = isinstance(dig(self.example, vendor.id_path), int)
        self.template = self.body(_ID_SLOT)
        documented = "error-404.json" in vendor.fixture_names("error-")
        not_found = vendor.fixture("error-404.json") if documented else {"message": "execution not found"}
        self.not_found = json.dumps(not_found).encode()
        self.seen: Counter[str] = Counter()
        self.wrong_targets: list[str] = []
        # The required query parameters, and the API key where the spec puts it in the query.
        self.query = vendor.sent_query("test-credential")

    def body(self, execution_id: str) -> str:
        body = copy.deepcopy(self.example)
        node = body
        for key in self.vendor.id_path[:-1]:
            node = node[key]
        node[self.vendor.id_path[-1]] = execution_id
        return json.dumps(body)

    def body_id(self, execution_id: Any) -> Any:
        """The id as the 200 body carries it (a number where the page example has one)."""
        return int(execution_id) if self.id_is_number else str(execution_id)

    def __call__(self, request: Request) -> Answer:
        values = self.vendor.parse_path(request.target.partition("?")[0])
        execution_id = "" if values is None else values[self.vendor.id_param]
        path, _, query = request.target.partition("?")
        if path != self.vendor.expected_path(execution_id) or parse_qs(query, keep_blank_values=True) != self.query:
            self.wrong_targets.append(request.target)
            return Answer(400, b'{"message": "unexpected request target"}')
        self.seen[execution_id] += 1
        kind = kind_of(execution_id)
        if kind == "retry" and self.seen[execution_id] == 1:
            return Answer(503, b'{"message": "try again"}')
        if kind == "missing":
            return Answer(404, self.not_found)
        if kind == "broken":
            return Answer(
                200, b"<html><body>Service temporarily unavailable</body></html>", {"Content-Type": "text/html"}
            )
        answer = self.template.replace(json.dumps(_ID_SLOT), json.dumps(self.body_id(execution_id)))
        return Answer(200, answer.encode())


@pytest.mark.asyncio
async def test_concurrent_async_calls_each_return_their_own_execution(
    vendor: Vendor, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast_retries(vendor, monkeypatch)
    # String ids with `/` and `:` (some vendors' are so): each must stay one encoded path segment.
    # Every other id is answered 503 first, so half the calls retry while the rest complete.
    ids = [make_id(vendor, "retry" if i % 2 == 0 else "ok", i) for i in range(CONCURRENT_CALLS)]
    if not vendor.id_is_integer:
        ids = [f"{i}/wf:{n}" for n, i in enumerate(ids)]
    executions = Executions(vendor)
    fds_before = open_fds()
    with ExecutionServer(executions) as server:
        client = vendor.client(server.url, httpx_args={"limits": POOL})
        try:
            results = await asyncio.gather(
                *(vendor.endpoint.asyncio(**vendor.call_kwargs(i), client=client) for i in ids)
            )
        finally:
            await client.aclose()
        requests = server.requests
    assert not executions.wrong_targets
    got = [dig(result, vendor.id_path) for result in results]
    assert got == [executions.body_id(i) for i in ids], "a call returned another call's execution"
    assert len(set(got)) == CONCURRENT_CALLS
    statuses = {dig(result, vendor.status_path) for result in results}
    assert statuses == {dig(executions.example, vendor.status_path)}
    # A retried id: the 503, then the retry that got its execution; any other id: one request.
    assert executions.seen == expected_seen(ids)
    assert requests == sum(executions.seen.values())
    assert open_fds() - fds_before <= FD_SLACK


class Checker:
    """Makes one sync call for an execution id and checks the outcome its prefix asks for."""

    def __init__(self, vendor: Vendor) -> None:
        self.vendor = vendor
        self.sync = vendor.endpoint.sync
        self.errors = vendor.errors
        self.body_id = Executions(vendor).body_id

    def __call__(self, client: Any, execution_id: Any) -> None:
        kwargs = self.vendor.call_kwargs(execution_id)
        kind = kind_of(execution_id)
        if kind == "missing":
            with pytest.raises(self.errors.NotFoundError) as raised:
                self.sync(**kwargs, client=client)
            assert raised.value.status_code == 404
        elif kind == "broken":
            with pytest.raises(self.errors.APIResponseValidationError) as invalid:
                self.sync(**kwargs, client=client)
            assert invalid.value.status_code == 200
        else:
            assert dig(self.sync(**kwargs, client=client), self.vendor.id_path) == self.body_id(execution_id)


def _sequence(vendor: Vendor, count: int, tag: str, start: int = 0) -> list[Any]:
    """Ids for `count` calls: per ten, one retried 503, one 404, one malformed 200, seven successes."""
    kinds = {3: "retry", 5: "missing", 7: "broken"}
    return [make_id(vendor, kinds.get(i % 10, "ok"), i, tag) for i in range(start, start + count)]


def test_sequential_sync_calls_keep_file_descriptors_flat(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    fast_retries(vendor, monkeypatch)
    executions = Executions(vendor)
    check = Checker(vendor)
    shared = _sequence(vendor, SEQUENTIAL_CALLS, "shared-")
    own = _sequence(vendor, CLIENT_PER_CALL, "own-", start=SEQUENTIAL_CALLS)
    fds_at_start = open_fds()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with ExecutionServer(executions) as server, vendor.client(server.url) as client:
            for execution_id in shared[:100]:  # warm-up: the connection and lazy imports
                check(client, execution_id)
            fds_warm = open_fds()
            for index, execution_id in enumerate(shared[100:], start=101):
                check(client, execution_id)
                if index % 1000 == 0:
                    assert open_fds() - fds_warm <= FD_SLACK, f"descriptors grew by {index} calls"
            fds_after = open_fds()

            # A service that builds a client per poll, and closes it.
            for execution_id in own:
                with vendor.client(server.url) as own_client:
                    check(own_client, execution_id)
            fds_after_own = open_fds()
        gc.collect()
    assert not executions.wrong_targets
    assert fds_after - fds_warm <= FD_SLACK, f"{fds_warm} descriptors after warm-up, {fds_after} after all calls"
    assert fds_after_own - fds_warm <= FD_SLACK, f"clients per call left {fds_after_own - fds_warm} descriptors"
    assert open_fds() - fds_at_start <= FD_SLACK
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaks, leaks
    # Every call reached the server once, a retried one twice.
    assert executions.seen == expected_seen(shared + own)


@pytest.mark.asyncio
async def test_concurrent_calls_on_the_default_pool(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same, on a client as users build it (httpx2's default pool of 100 connections), at a
    concurrency the pool handles quickly: more calls than connections, so requests queue."""
    fast_retries(vendor, monkeypatch)
    ids = [make_id(vendor, "retry", i) for i in range(150)]
    executions = Executions(vendor)
    with ExecutionServer(executions) as server:
        client = vendor.client(server.url)
        try:
            results = await asyncio.gather(
                *(vendor.endpoint.asyncio(**vendor.call_kwargs(i), client=client) for i in ids)
            )
        finally:
            await client.aclose()
        assert server.max_open_connections <= 100
    assert [dig(result, vendor.id_path) for result in results] == [executions.body_id(i) for i in ids]
    assert executions.seen == expected_seen(ids)
