"""A package generated from a spec that keeps the verdict in a second field (`x-outcome-path`),
polled over a real socket: `completed` ends the wait, `conclusion` decides success or failure."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.pipeline import build_package
from support.scripted import Reply, ScriptedServer

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
