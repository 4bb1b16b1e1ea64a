"""A package generated from a spec that keeps the verdict in a second field (`x-outcome-path`),
polled over a real socket: `completed` ends the wait, `conclusion` decides success or failure."""

from __future__ import annotations

import asyncio
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import vendors_where

from generator.pipeline import build_package
from support.schemas import resolve
from support.scripted import Reply, ScriptedServer
from support.vendors import Vendor, parameter_name

SPEC = Path(__file__).parent / "corpus" / "polling_outcome.yaml"
RUN_PATH = "/repos/octo/hello/actions/runs/42"


@pytest.fixture(scope="module")
def gha(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    built = build_package(
        SPEC,
        vendor="gha",
        dist="gha-runs-exec",
        import_name="gha_runs_exec",
        env_prefix="GHA",
        workdir=tmp_path_factory.mktemp("gha"),
        verify=False,
    )
    sys.path.insert(0, str(built.directory))
    try:
        yield importlib.import_module("gha_runs_exec")
    finally:
        sys.path.remove(str(built.directory))


def run(status: str, conclusion: str | None) -> dict[str, Any]:
    return {"id": 42, "status": status, "conclusion": conclusion}


@pytest.mark.parametrize(
    ("conclusion", "succeeded"),
    [
        ("success", True),
        ("skipped", True),
        ("failure", False),
        ("cancelled", False),
        ("brand_new", False),
        (None, False),
    ],
)
def test_the_outcome_field_decides_a_finished_run(gha: ModuleType, conclusion: str | None, succeeded: bool) -> None:
    wait = importlib.import_module("gha_runs_exec.wait")
    answers = [
        Reply(200, run("queued", None)),
        Reply(200, run("in_progress", None)),
        Reply(200, run("completed", conclusion)),
    ]
    with ScriptedServer(answers) as server:
        client = gha.AuthenticatedClient(base_url=server.url, token="t", max_retries=0)
        with client:
            result = wait.wait_for_execution("octo", "hello", "42", client=client, initial_interval=0.01)
    assert (result.status, result.succeeded, result.polls) == ("completed", succeeded, 3)
    assert [request.path for request in server.requests] == [RUN_PATH] * 3  # the int id, as one segment


def test_the_cli_exits_by_the_outcome(gha: ModuleType) -> None:
    with ScriptedServer([Reply(200, run("completed", "failure"))]) as server:
        result = subprocess.run(
            [sys.executable, "-m", "gha_runs_exec.cli", "wait", "octo", "hello", "42", "--interval", "0.01"],
            env={"GHA_TOKEN": "t", "GHA_BASE_URL": server.url, "PYTHONPATH": gha.__path__[0] + "/.."},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_a_non_integer_run_id_is_a_usage_error(gha: ModuleType) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gha_runs_exec.cli", "get", "octo", "hello", "not-a-number"],
        env={"GHA_TOKEN": "t", "GHA_BASE_URL": "http://127.0.0.1:9", "PYTHONPATH": gha.__path__[0] + "/.."},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr


def test_a_non_integer_run_id_names_the_argument_before_any_request(gha: ModuleType) -> None:
    wait = importlib.import_module("gha_runs_exec.wait")
    errors = importlib.import_module("gha_runs_exec.errors")
    with ScriptedServer([Reply(200, run("completed", "success"))]) as server:
        client = gha.AuthenticatedClient(base_url=server.url, token="t", max_retries=0)
        with client, pytest.raises(errors.InvalidParameterError) as caught:
            wait.wait_for_execution("octo", "hello", "forty-two", client=client, initial_interval=0.01)
    assert server.requests == []
    error: Any = caught.value
    assert (error.parameter, error.value) == ("run_id", "forty-two")
    assert isinstance(error, ValueError) and isinstance(error, errors.APIError)
    assert str(error) == "run_id must be an integer, got 'forty-two'"


def test_the_fan_in_converts_integer_ids_and_reports_one_that_does_not(gha: ModuleType) -> None:
    """`42` and `"42"` are one run, waited on once; `"forty-two"` is an outcome with its error."""
    wait = importlib.import_module("gha_runs_exec.wait")
    errors = importlib.import_module("gha_runs_exec.errors")
    with ScriptedServer([Reply(200, run("completed", "success"))]) as server:
        client = gha.AuthenticatedClient(base_url=server.url, token="t", max_retries=0)
        with client:
            ids = ["42", 42, "forty-two"]
            outcomes = list(wait.wait_for_executions("octo", "hello", ids, client=client, initial_interval=0.01))
    assert [(o.execution_id, o.succeeded) for o in outcomes] == [("forty-two", False), ("42", True)]
    error: Any = outcomes[0].error
    assert isinstance(error, errors.InvalidParameterError) and error.parameter == "execution_ids"
    assert outcomes[1].status == "completed" and outcomes[1].error is None
    assert [request.path for request in server.requests] == [RUN_PATH]


def uuid_arguments(vendor: Vendor) -> list[str]:
    """The wait helper's arguments typed `UUID` (required query or path, format uuid): text from an
    untyped caller is converted, and an error names the argument."""
    return [
        parameter_name(p["name"])
        for p in vendor.operation["parameters"]
        if (p["in"] == "path" or (p["in"] == "query" and p.get("required")))
        and resolve(vendor.spec, p.get("schema", {})).get("format") == "uuid"
    ]


@pytest.mark.parametrize("vendor", vendors_where(lambda v: bool(uuid_arguments(v))))
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_string_that_is_not_a_uuid_names_the_argument(vendor: Vendor, mode: str) -> None:
    wait = importlib.import_module(f"{vendor.import_name}.wait")
    name = uuid_arguments(vendor)[0]
    kwargs = {parameter_name(k): v for k, v in vendor.path_params().items()}
    kwargs.update({parameter_name(k): v for k, v in vendor.query_values().items()})
    kwargs[name] = "not-a-uuid"
    with ScriptedServer([Reply(200, vendor.fixture("example-200.json"))]) as server:
        with vendor.client(server.url, max_retries=0) as client, pytest.raises(ValueError) as caught:
            if mode == "sync":
                wait.wait_for_execution(**kwargs, client=client, timeout=5)
            else:
                asyncio.run(wait.wait_for_execution_async(**kwargs, client=client, timeout=5))
    assert server.requests == []
    assert isinstance(caught.value, vendor.errors.InvalidParameterError)
    assert caught.value.parameter == name
    assert str(caught.value).startswith(f"{name} must be a UUID") and "'not-a-uuid'" in str(caught.value)
