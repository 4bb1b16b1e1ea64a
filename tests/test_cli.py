"""The `<dist-name>` console script, run as a subprocess: output and exit codes."""

from __future__ import annotations

import datetime
import importlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import VENDORS, vendors_where

from support.process import free_port
from support.scripted import Reply, ScriptedServer
from support.vendors import Vendor, parameter_name

SECRET = "cli-secret-credential-123"
FAST = ["--interval", "0.01", "--max-interval", "0.02"]


def command(vendor: Vendor, *args: str, base_url: str | None, credential: str | None) -> dict[str, Any]:
    """`subprocess` arguments running the installed console script with the vendor's env vars set (or cleared)."""
    facts = importlib.import_module(f"{vendor.import_name}._vendor")
    env = {k: v for k, v in os.environ.items() if not k.startswith(vendor.env_prefix + "_")}
    if credential is not None:
        env[facts.ENV_CREDENTIAL] = credential
    if base_url is not None:
        env[facts.ENV_BASE_URL] = base_url
    return {"args": [str(Path(sys.executable).parent / vendor.dist), *args], "env": env, "text": True}


def cli(vendor: Vendor, *args: str, base_url: str | None = None, credential: str | None = SECRET) -> Any:
    """Run the console script to its end."""
    run = command(vendor, *args, base_url=base_url, credential=credential)
    return subprocess.run(**run, capture_output=True, timeout=60)


def target(vendor: Vendor) -> list[str]:
    """Positional path parameters, then the required query parameters as flags."""
    args = [str(value) for value in vendor.path_params().values()]
    for name, value in vendor.query_params().items():
        args += ["--" + parameter_name(name).replace("_", "-"), value]
    return args


def assert_clean(result: Any) -> None:
    """Never a traceback, never the credential."""
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stdout + result.stderr


def _dig(data: Any, path: list[str]) -> Any:
    for key in path:
        data = data[key]
    return data


def body(vendor: Vendor, status: str) -> Any:
    return vendor.example_with_status(status)


def ended(vendor: Vendor, verdict: str) -> tuple[str, Any, list[str]]:
    """(status, body, extra flags) of a run that ended in `verdict`; where the spec publishes no
    failure value, its users name their own with --failure-status."""
    found = vendor.terminal_body(verdict)
    if found is None:
        return "failed", body(vendor, "failed"), ["--failure-status", "failed"]
    return found[0], found[1], []


def test_get_prints_a_summary(vendor: Vendor) -> None:
    status, sent, _ = ended(vendor, "success")
    with ScriptedServer([Reply(200, sent)]) as server:
        result = cli(vendor, "get", *target(vendor), base_url=server.url)
    assert result.returncode == 0, result.stderr
    assert_clean(result)
    lines = result.stdout.splitlines()
    assert any(line.startswith("Status") and status in line and "(success)" in line for line in lines)
    assert any(line.startswith("Started") for line in lines)
    assert server.requests[0].path.startswith(vendor.expected_path())


def test_get_json_is_the_raw_json(vendor: Vendor) -> None:
    sent = body(vendor, vendor.running_status)
    with ScriptedServer([Reply(200, sent)]) as server:
        result = cli(vendor, "get", *target(vendor), "--json", base_url=server.url)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == sent


def test_wait_success(vendor: Vendor) -> None:
    running, (done, sent, _) = vendor.running_status, ended(vendor, "success")
    script = [Reply(200, body(vendor, running)), Reply(200, body(vendor, running)), Reply(200, sent)]
    with ScriptedServer(script) as server:
        result = cli(vendor, "wait", *target(vendor), *FAST, base_url=server.url)
    assert result.returncode == 0, result.stderr
    assert_clean(result)
    # Not a TTY: the progress lines go to stderr, each stamped with its offset; stdout is the summary alone.
    status_lines = [line for line in result.stderr.splitlines() if " status " in line]
    assert [line.split(" status ")[1].split(" ")[0] for line in status_lines] == [running, done]
    for line in status_lines:
        assert datetime.datetime.fromisoformat(line.split()[0]).utcoffset() is not None, line
    assert result.stdout.startswith("Execution ") and " status " not in result.stdout
    assert len(server.requests) == 3


def test_wait_json_prints_only_the_json(vendor: Vendor) -> None:
    _, sent, _ = ended(vendor, "success")
    with ScriptedServer([Reply(200, body(vendor, vendor.running_status)), Reply(200, sent)]) as server:
        result = cli(vendor, "wait", *target(vendor), *FAST, "--json", base_url=server.url)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == sent
    assert result.stderr.count(" status ") == 2


def test_wait_failure_exits_1(vendor: Vendor) -> None:
    _, sent, own = ended(vendor, "failure")
    script = [Reply(200, body(vendor, vendor.running_status)), Reply(200, sent)]
    with ScriptedServer(script) as server:
        result = cli(vendor, "wait", *target(vendor), *FAST, *own, base_url=server.url)
    assert result.returncode == 1, result.stderr
    assert "(failure)" in result.stdout


def test_wait_failure_prints_the_failure_message(vendor: Vendor) -> None:
    """Where the run's own object (the one holding the status) says why it failed."""
    _, sent, own = ended(vendor, "failure")
    _dig(sent, vendor.status_path[:-1])["error"] = {"code": "E42", "message": "card declined: insufficient funds"}
    with ScriptedServer([Reply(200, sent)]) as server:
        result = cli(vendor, "wait", *target(vendor), *FAST, *own, base_url=server.url)
    assert result.returncode == 1, result.stderr
    assert_clean(result)
    assert "Error      card declined: insufficient funds" in result.stdout.splitlines()


# Runs the command after it with SIGINT back to its default: a child inherits an ignored SIGINT
# (a test run under `nohup`, or started in the background by a shell), and Python then never
# turns Ctrl-C into KeyboardInterrupt.
DEFAULT_SIGINT = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])",
]


def test_interrupted_wait_exits_130_with_one_line(vendor: Vendor) -> None:
    with ScriptedServer([Reply(200, body(vendor, vendor.running_status))]) as server:
        slow = ["--interval", "0.05", "--max-interval", "0.05"]
        run = command(vendor, "wait", *target(vendor), *slow, base_url=server.url, credential=SECRET)
        run["args"] = [*DEFAULT_SIGINT, *run["args"]]
        process = subprocess.Popen(**run, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 30
            while len(server.requests) < 2 and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.01)
            assert len(server.requests) >= 2, "the wait did not poll twice within 30 s"
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=30)
        finally:
            if process.poll() is None:  # never left running, whatever failed above
                process.kill()
                process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and SECRET not in stdout + stderr
    assert stdout == ""
    messages = [line for line in stderr.splitlines() if " status " not in line]
    assert messages == [f"{vendor.dist}: interrupted"]


def test_wait_deadline_exits_3(vendor: Vendor) -> None:
    with ScriptedServer([Reply(200, body(vendor, vendor.running_status))]) as server:
        result = cli(vendor, "wait", *target(vendor), "--timeout", "0.3", *FAST, base_url=server.url)
    assert result.returncode == 3
    assert_clean(result)
    assert "deadline passed" in result.stderr


@pytest.mark.parametrize(("status", "error"), [(401, "AuthenticationError"), (404, "NotFoundError")])
def test_api_errors_exit_4_with_one_line(vendor: Vendor, status: int, error: str) -> None:
    with ScriptedServer([Reply(status, {"detail": "no"})]) as server:
        result = cli(vendor, "get", *target(vendor), base_url=server.url)
    assert result.returncode == 4
    assert_clean(result)
    assert result.stderr.count("\n") == 1 and error in result.stderr


def test_connection_refused_exits_4(vendor: Vendor) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    result = cli(vendor, "get", *target(vendor), "--max-retries", "0", base_url=url)
    assert result.returncode == 4
    assert_clean(result)
    assert "APIConnectionError" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],  # no command
        ["get"],  # no execution
        ["get", "x", "--no-such-flag"],
        ["wait", "x", "--interval", "0"],
    ],
)
def test_bad_arguments_exit_2(vendor: Vendor, args: list[str]) -> None:
    if args[1:2] == ["x"]:
        args = [args[0], *target(vendor), *args[2:]]
    result = cli(vendor, *args, base_url="http://127.0.0.1:9")
    assert result.returncode == 2, result.stderr
    assert_clean(result)


# Values argparse accepts but the tool cannot use; each case runs against one package in turn.
INVALID = [
    ("flag", "--base-url", "not-a-url"),
    ("flag", "--base-url", "ftp://example.com"),
    ("flag", "--base-url", "http://example.com:port"),
    ("env", "BASE_URL", "example.com"),
    ("env", "BASE_URL", f"gopher://user:{SECRET}@example.com"),
    ("env", "BASE_URL", "http:///no-host"),
    ("flag", "--request-timeout", "0"),
    ("flag", "--request-timeout", "-1"),
    ("flag", "--request-timeout", "nan"),
    ("flag", "--max-retries", "-1"),
    ("wait", "--interval", "nan"),
    ("wait", "--timeout", "nan"),
]


@pytest.mark.parametrize(
    ("vendor", "where", "name", "value"),
    [
        pytest.param(VENDORS[i % len(VENDORS)], *case, id=f"{VENDORS[i % len(VENDORS)].name}-{case[1]}={case[2]}")
        for i, case in enumerate(INVALID)
    ],
)
def test_invalid_values_exit_2_with_one_line(vendor: Vendor, where: str, name: str, value: str) -> None:
    facts = importlib.import_module(f"{vendor.import_name}._vendor")
    with ScriptedServer([Reply(200, body(vendor, vendor.running_status))]) as server:
        subcommand, flag = ("wait" if where == "wait" else "get"), ([] if where == "env" else [name, value])
        result = cli(vendor, subcommand, *target(vendor), *flag, base_url=value if where == "env" else server.url)
    assert result.returncode == 2, result.stdout + result.stderr
    assert_clean(result)
    assert result.stderr.count("\n") == 1
    assert (f"${facts.ENV_BASE_URL}" if where == "env" else name) in result.stderr
    assert server.requests == []


def test_missing_credential_exits_2_naming_the_variable(vendor: Vendor) -> None:
    facts = importlib.import_module(f"{vendor.import_name}._vendor")
    result = cli(vendor, "get", *target(vendor), base_url="http://127.0.0.1:9", credential=None)
    assert result.returncode == 2
    assert facts.ENV_CREDENTIAL in result.stderr
    assert_clean(result)


def test_debug_logs_redact_the_credential(vendor: Vendor) -> None:
    with ScriptedServer([Reply(200, body(vendor, vendor.running_status))]) as server:
        result = cli(vendor, "get", *target(vendor), "--debug", base_url=server.url)
    assert result.returncode == 0
    assert "<redacted>" in result.stderr
    assert_clean(result)
    seen = server.requests[0]
    assert vendor.sent_credential(seen.headers, seen.path) == vendor.credential_value(SECRET)  # sent, not shown


def test_debug_logs_only_the_package(vendor: Vendor) -> None:
    """--debug turns on the package's logger, not the root's: no httpcore/httpx2 transport noise."""
    with ScriptedServer([Reply(200, body(vendor, vendor.running_status))]) as server:
        result = cli(vendor, "get", *target(vendor), "--debug", base_url=server.url)
    assert result.returncode == 0, result.stderr
    logged = [line for line in result.stderr.splitlines() if line.strip()]
    assert logged and all(f" {vendor.import_name}: " in line for line in logged), logged
    assert any("Request headers:" in line for line in logged), logged
    assert any(re.search(r"Response: GET \S+ -> 200 in \d+ ms", line) for line in logged), logged
    assert_clean(result)


# (body, x-execution-summary, expected message) for a run in the `status` field of `run`, or at the root.
FAILURE_MESSAGES: list[tuple[Any, dict[str, Any], str | None]] = [
    ({"status": "failed", "error": "boom"}, {}, "boom"),
    ({"status": "failed", "error": {"code": 7, "message": "boom"}}, {}, "boom"),
    ({"status": "failed", "Failure_Reason": "  boom  "}, {}, "boom"),
    ({"status": "failed", "errors": [{"detail": "a"}, {"detail": "b"}, {"detail": "a"}]}, {}, "a; b"),
    ({"status": "failed", "error": True, "message": "boom"}, {}, "boom"),  # no text under `error`: `message`
    ({"status": "failed", "failure": {"cause": {}}}, {}, None),
    ({"status": "failed", "events": [{"failure": {"message": "old"}}, {"failure": {"message": "new"}}, {}]}, {}, "new"),
    ({"status": "failed", "events": [{"message": "step 3 failed"}]}, {}, "step 3 failed"),
    ({"message": "success", "run": {"status": "failed", "statusReason": "boom"}}, {}, "boom"),
    ({"message": "success", "run": {"status": "failed"}}, {}, None),  # the envelope's message is not the run's
    ({"message": "success", "error": {"failure": {"message": "boom"}}, "run": {"status": "failed"}}, {}, "boom"),
    ({"status": "failed", "error": "generic", "why": {"text": "boom"}}, {"error": ["why", "text"]}, "boom"),
    ({"status": "failed", "error": "generic"}, {"message": ["why"]}, None),  # the spec's path, only
]


def test_failure_message_sources(vendor: Vendor) -> None:
    cli_module: Any = importlib.import_module(f"{vendor.import_name}._cli")
    for raw, summary, expected in FAILURE_MESSAGES:
        status_path = ["run", "status"] if "run" in raw else ["status"]
        assert cli_module._failure_message(raw, status_path, summary) == expected, raw


def _typed_cli_args(vendor: Vendor) -> list[tuple[str, str]]:
    """(where, spec name) of the polled operation's required arguments the CLI converts (uuid, integer, number)."""
    typed = []
    for where in ("path", "query"):
        for p in vendor.parameters(where):
            schema = vendor.param_schema(p["name"], where)
            if (where == "path" or p.get("required")) and (
                schema.get("format") == "uuid" or schema.get("type") in ("integer", "number")
            ):
                typed.append((where, p["name"]))
    return typed


@pytest.mark.parametrize("vendor", vendors_where(lambda v: bool(_typed_cli_args(v))))
def test_an_argument_of_the_wrong_type_is_a_usage_error_naming_it(vendor: Vendor) -> None:
    for where, name in _typed_cli_args(vendor):
        args = target(vendor)
        shown = parameter_name(name).replace("_", "-")
        if where == "path":
            args[vendor.path_param_names.index(name)] = "not-a-number-nor-uuid"
            shown = parameter_name(name).upper()
        else:
            args[args.index("--" + shown) + 1] = "not-a-number-nor-uuid"
            shown = "--" + shown
        result = cli(vendor, "get", *args, base_url="http://127.0.0.1:9")  # nothing is sent
        assert result.returncode == 2, result.stderr
        assert f"{shown} must be" in result.stderr and "'not-a-number-nor-uuid'" in result.stderr, result.stderr
        assert_clean(result)
