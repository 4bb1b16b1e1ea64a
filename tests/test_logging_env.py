"""`<PREFIX>_LOG=info|debug`: the package's own log lines on stderr, credentials redacted, and
nothing at all without the variable. Each case runs a fresh interpreter (the variable is read
once per process) that calls the polled operation over a real socket.
"""

from __future__ import annotations

import io
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from support.calls import TLS, example, get, open_client
from support.process import free_port
from support.scripted import Reply, ScriptedServer
from support.vendors import Vendor

SECRET = "log-CREDENTIAL-7d6c5b4a"
TESTS = Path(__file__).resolve().parent

# Calls the polled operation once, with retries quick, through a client built from arguments.
SCRIPT = """
import importlib, sys
from support.vendors import all_vendors
vendor = next(v for v in all_vendors() if v.name == sys.argv[1])
importlib.import_module(vendor.import_name + "._constants").INITIAL_RETRY_DELAY = 0.01
with vendor.client(sys.argv[2], credential=sys.argv[3]) as client:
    vendor.endpoint.sync(**vendor.call_kwargs(), client=client)
print("called")
"""


def run(vendor: Vendor, url: str, log: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(vendor.env_prefix + "_")}
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), env.get("PYTHONPATH", "")])
    if log is not None:
        env[f"{vendor.env_prefix}_LOG"] = log
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, vendor.name, url, SECRET],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "called"
    assert SECRET not in result.stderr
    return result


def package_lines(vendor: Vendor, stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if f" {vendor.import_name}: " in line]


def test_info_logs_one_line_per_request_and_response(vendor: Vendor) -> None:
    answers = [Reply(503, {"message": "busy"}), Reply(200, example(vendor), {"X-Request-Id": "req-42"})]
    with ScriptedServer(answers) as server:
        result = run(vendor, server.url, "info")
    lines = package_lines(vendor, result.stderr)
    assert lines and lines == result.stderr.splitlines(), result.stderr  # only the package's own lines
    assert len(lines) == 2, lines
    request, response = lines
    # The URL as sent, but for an API key the spec puts in the query: that is shown redacted.
    path = server.requests[0].path.replace(SECRET, "<redacted>")
    assert SECRET not in result.stderr
    assert re.search(rf" INFO {vendor.import_name}: Request: GET {re.escape(server.url + path)}$", request), request
    assert re.search(r"Response: GET \S+ -> 200 in \d+ ms, 1 retry, request id req-42$", response), response
    assert "headers" not in result.stderr.lower()


def test_debug_adds_redacted_headers_and_retry_decisions(vendor: Vendor) -> None:
    with ScriptedServer([Reply(503), Reply(200, example(vendor))]) as server:
        result = run(vendor, server.url, "DEBUG")  # any case
    lines = package_lines(vendor, result.stderr)
    assert lines == result.stderr.splitlines(), result.stderr  # no httpcore or root-logger noise
    assert SECRET not in result.stderr
    name = vendor.credential_name.lower()
    if vendor.credential_in == "header":
        assert any("Request headers:" in line and f"'{name}': '<redacted>'" in line.lower() for line in lines), lines
    else:
        assert any(f"{name}=<redacted>" in line.lower() for line in lines), lines
    assert any(re.search(r"Retrying GET \S+ in [\d.]+s \(retry 1 of 2\) after status 503", line) for line in lines)
    assert any("Response: GET" in line and "-> 200" in line for line in lines), lines


def test_nothing_is_printed_without_the_variable(vendor: Vendor) -> None:
    with ScriptedServer([Reply(503), Reply(200, example(vendor))]) as server:
        assert run(vendor, server.url, None).stderr == ""
        assert run(vendor, server.url, "").stderr == ""


def test_an_unknown_level_is_a_one_line_warning(vendor: Vendor) -> None:
    with ScriptedServer([Reply(200, example(vendor))]) as server:
        result = run(vendor, server.url, "verbose")
    assert result.stderr.splitlines() == [
        f"{vendor.import_name}: ignoring {vendor.env_prefix}_LOG='verbose': use debug or info"
    ]


def test_a_query_credential_is_redacted_in_the_log(vendor: Vendor) -> None:
    """An apiKey scheme `in: query`: its value never shows in the logged URL."""
    script = """
import importlib, sys
name = sys.argv[1]
base, auth, logs = (importlib.import_module(f"{name}.{m}") for m in ("_base_client", "_auth", "_logging"))
logs.configure_from_env(sys.argv[3])
client = base.BaseClient(
    base_url=sys.argv[2], schemes={"key": auth.Scheme("query", "api_key")}, credentials={"key": sys.argv[4]},
    user_agent="t/0",
)
with client:
    client._request(method="GET", url="/thing", params={"page": "2"}, security=[("key",)], operation="get_thing")
"""
    env = {**os.environ, f"{vendor.env_prefix}_LOG": "debug"}
    with ScriptedServer([Reply(200, {})]) as server:
        result = subprocess.run(
            [sys.executable, "-c", script, vendor.import_name, server.url, f"{vendor.env_prefix}_LOG", SECRET],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr
    assert SECRET in server.requests[0].path  # it was sent ...
    assert SECRET not in result.stderr  # ... never shown
    assert "api_key=<redacted>" in result.stderr and "page=2" in result.stderr


@pytest.mark.asyncio
async def test_a_failed_call_logs_its_error_and_retries(vendor: Vendor, mode: str) -> None:
    """Both loops log the same lines; a call that got no answer says why, after how many retries."""
    logs = __import__(f"{vendor.import_name}._logging", fromlist=["enable"])
    stream = io.StringIO()
    logger = logging.getLogger(vendor.import_name)
    level = logger.level
    logs.enable(logging.INFO, stream)
    try:
        async with open_client(vendor, f"http://127.0.0.1:{free_port()}", credential=SECRET, max_retries=0) as client:
            with pytest.raises(vendor.errors.APIConnectionError):
                await get(vendor, mode, client)
        with ScriptedServer([Reply(200, example(vendor))]) as server:
            async with open_client(vendor, server.url, credential=SECRET, verify_ssl=TLS) as client:
                await get(vendor, mode, client)
    finally:
        for handler in [h for h in logger.handlers if type(h).__module__ == logs.__name__]:
            logger.removeHandler(handler)
        logger.setLevel(level)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 4, lines
    assert re.search(r"Failed: GET \S+ after \d+ ms, 0 retries: APIConnectionError$", lines[1]), lines
    assert re.search(r"Response: GET \S+ -> 200 in \d+ ms, 0 retries$", lines[3]), lines
    assert SECRET not in stream.getvalue()


def test_the_variable_names_are_in_the_package(vendor: Vendor) -> None:
    facts: Any = __import__(f"{vendor.import_name}._vendor", fromlist=["ENV_LOG"])
    assert facts.ENV_LOG == f"{vendor.env_prefix}_LOG"
