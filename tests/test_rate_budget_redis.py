"""The rate budget shared through Redis (`rate_limit_redis=`, the packages' `redis` extra), against
a real redis-server this module starts (Debian's `redis-server`; `.ci/run` installs it).

- Two processes, one sync and one async, each paced at the server's limit, share one budget: the
  server, which enforces that limit, refuses none of their requests.
- A 429's Retry-After seen by one client pauses another one with the same key (same vendor, base
  URL and credentials), sync and async; a client with other credentials is not paused.
- Redis out of reach: the call fails with the package's APIConnectionError, not redis-py's error.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from test_rate_budget import LimitedServer, acall, call

from support.execserver import ExecutionServer
from support.vendors import Vendor

STARTUP_SECONDS = 10.0
PROCESS_SECONDS = 90.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A redis-server on a free 127.0.0.1 port with a temporary directory, stopped (by its pid) at the end."""
    binary = shutil.which("redis-server")
    assert binary, "redis-server is not installed (Debian: apt-get install redis-server; .ci/run does it)"
    with tempfile.TemporaryDirectory(prefix="exec-sdks-redis-") as directory:
        port = _free_port()
        args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly"]
        process = subprocess.Popen(
            [*args, "no", "--daemonize", "no", "--logfile", str(Path(directory) / "redis.log")],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"redis://127.0.0.1:{port}/0"
        try:
            client = redis.Redis.from_url(url, socket_connect_timeout=1)
            deadline = time.monotonic() + STARTUP_SECONDS
            while True:
                try:
                    client.ping()
                    break
                except redis.ConnectionError:
                    assert process.poll() is None, f"redis-server exited with {process.returncode}"
                    assert time.monotonic() < deadline, f"redis-server did not answer within {STARTUP_SECONDS} s"
                    time.sleep(0.05)
            client.close()
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


# One process's share of the work: `calls` polls through a client paced at `rate`, its budget in
# Redis; prints the statuses as JSON.
_WORKER = """
import asyncio, importlib, json, sys
vendor_module, endpoint_module, credential_param, url, redis_url, rate, calls, mode, kwargs = sys.argv[1:]
package = importlib.import_module(vendor_module)
endpoint = importlib.import_module(endpoint_module)
kwargs = json.loads(kwargs)
client = package.AuthenticatedClient(
    base_url=url, rate_limit=float(rate), rate_limit_redis=redis_url, **{credential_param: "shared-key"}
)
if mode == "sync":
    with client:
        statuses = [endpoint.sync_detailed(**kwargs, client=client).status_code for _ in range(int(calls))]
else:
    async def main():
        async with client:
            return [(await endpoint.asyncio_detailed(**kwargs, client=client)).status_code for _ in range(int(calls))]
    statuses = asyncio.run(main())
print(json.dumps([int(s) for s in statuses]))
"""


def _plain_kwargs(vendor: Vendor) -> dict[str, object]:
    kwargs = vendor.call_kwargs()
    assert all(isinstance(v, str | int) for v in kwargs.values()), "the worker passes the call's arguments as JSON"
    return kwargs


def test_two_processes_share_one_budget_through_redis(vendor: Vendor, redis_url: str) -> None:
    server = LimitedServer(vendor, rate=30, burst=4)
    kwargs = json.dumps(_plain_kwargs(vendor))
    with ExecutionServer(server) as running:
        worker_args = [vendor.credential_param, running.url, redis_url, "27", "45"]
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", _WORKER, vendor.import_name, vendor.endpoint_module, *worker_args, mode, kwargs],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
            for mode in ("sync", "async")
        ]
        outputs = []
        for process in processes:
            try:
                out, err = process.communicate(timeout=PROCESS_SECONDS)
            except subprocess.TimeoutExpired:
                for other in processes:
                    other.kill()
                    other.communicate(timeout=10)
                raise AssertionError(f"a worker ran longer than {PROCESS_SECONDS} s") from None
            assert process.returncode == 0, err
            outputs.append(json.loads(out))
    assert outputs == [[200] * 45, [200] * 45]
    # Each paced at 27/s (a little under the limit, as a user sets it): 54/s in all would be far over
    # the server's 30/s; one budget kept them under it.
    assert server.refused == []
    assert len(server.ok) == 90
    with redis.Redis.from_url(redis_url) as store:
        assert store.keys(f"{vendor.dist}:rate-budget:*"), "the budget's schedule was not in Redis"


def test_a_pause_reaches_every_client_of_the_same_key(vendor: Vendor, redis_url: str) -> None:
    server = LimitedServer(vendor, rate=1000, burst=1000, retry_after=1)
    with ExecutionServer(server) as running:
        first = vendor.client(running.url, "same-key", max_retries=0, rate_limit=50, rate_limit_redis=redis_url)
        second = vendor.client(running.url, "same-key", rate_limit=50, rate_limit_redis=redis_url)
        other = vendor.client(running.url, "other-key", rate_limit=50, rate_limit_redis=redis_url)
        with first, second, other:
            assert call(vendor, first) == 200
            server.refuse_next = True
            assert call(vendor, first) == 429
            refused_at = server.refused[0]
            # Another client, its own budget object, same key: it waits out the pause (sync and async).
            assert call(vendor, second) == 200
            assert server.ok[-1] >= refused_at + 1.0

            async def async_call() -> int:
                async with second:
                    return await acall(vendor, second)

            server.refuse_next = True
            assert call(vendor, first) == 429
            assert asyncio.run(async_call()) == 200
            assert server.ok[-1] >= server.refused[-1] + 1.0
            assert len(server.refused) == 2
            # Other credentials: another budget, another key, never paused by this one's 429s.
            assert other.rate_budget.schedule.key != second.rate_budget.schedule.key
            assert first.rate_budget.schedule.key == second.rate_budget.schedule.key
            with redis.Redis.from_url(redis_url) as store:
                assert store.get(f"{first.rate_budget.schedule.key}:pause") is not None
                assert store.get(f"{other.rate_budget.schedule.key}:pause") is None


def test_redis_out_of_reach_is_an_api_connection_error(vendor: Vendor) -> None:
    closed = f"redis://127.0.0.1:{_free_port()}/0"
    with ExecutionServer(LimitedServer(vendor, rate=100, burst=100)) as running:
        client = vendor.client(running.url, rate_limit=5, rate_limit_redis=closed)
        expected = re.escape("Rate budget unavailable: Redis at 127.0.0.1")
        with client, pytest.raises(vendor.errors.APIConnectionError, match=expected):
            call(vendor, client)
