"""README.md's "Adding a vendor", followed step by step in a throwaway copy of the repository.

The fifth vendor is an Airflow-style DAG-run API (tests/corpus/vendors/airflow_dag_runs.yaml:
path-level `$ref` parameters, a second operation, bearer auth, a self-hosted server). The test
adds its spec and a manifest entry without `spec_sha256`, runs what `nox -s generate -- --vendor
airflow` runs, and then uses the new package as a service would: a call against a local server
answering the spec's example, `wait_for_execution` to a terminal state, and the console CLI.
The package is driven through support.vendors, the same derivation every vendor test uses.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from support.scripted import Reply, ScriptedServer
from support.vendors import ROOT, Vendor, normalise

SPEC = ROOT / "tests" / "corpus" / "vendors" / "airflow_dag_runs.yaml"
# What the test copies: what generation reads and writes (no packages/, no tests/).
COPIED = ["manifest.toml", "specs", "generator", "scripts", "LICENSE", "README.md"]
# Names no real vendor of this repo will take, so the walkthrough never collides with one
# (nor imports an installed package of the same name).
KEY = "walkthrough_airflow"
ENTRY = {
    "dist": "walkthrough-airflow-exec",
    "import": "walkthrough_airflow_exec",
    "version": "0.1.0",
    "spec": f"specs/{KEY}/openapi.yaml",
    "env_prefix": "WALKTHROUGH_AIRFLOW",
    "summary": "Typed Python SDK for Apache Airflow DAG runs",
}
FAST = {"initial_interval": 0.01, "max_interval": 0.02}


def readme_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Adding a vendor\n(.*?)^## ", readme, re.DOTALL | re.MULTILINE)
    assert match, "README.md has no '## Adding a vendor' section"
    return match.group(1)


def test_readme_section_names_what_this_test_does() -> None:
    """The steps below are the README's: each field and command it uses is written there."""
    section = readme_section()
    for field in [*ENTRY, "spec_sha256"]:
        assert f"{field} =" in section or f"`{field}`" in section, f"the section does not explain `{field}`"
    for extension in ("x-status-path", "x-terminal-statuses", "x-execution-summary"):
        assert extension in section
    assert "nox -s generate -- --vendor <vendor>" in section
    assert "specs/<vendor>/openapi.yaml" in section


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    identity = ["-c", "user.name=Adding Test", "-c", "user.email=adding-test@example.invalid"]
    subprocess.run(["git", *identity, *args], cwd=repo, env=env, check=True, capture_output=True)


@dataclass(frozen=True)
class Added:
    repo: Path
    vendor: Vendor
    manifest: dict[str, Any]


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Added]:
    repo = tmp_path_factory.mktemp("adding") / "repo"
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            repo.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    (repo / "tests" / "oracle").mkdir(parents=True)  # generation writes the tests' oracle models here
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "before the new vendor")

    # Step 1: the spec.
    spec = repo / ENTRY["spec"]
    spec.parent.mkdir(parents=True)
    shutil.copyfile(SPEC, spec)
    # Step 2: the manifest entry, without spec_sha256.
    with (repo / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(f"\n[packages.{KEY}]\n" + "".join(f'{key} = "{value}"\n' for key, value in ENTRY.items()))
    # Step 3: `nox -s generate -- --vendor <vendor>` runs this, with the generator's pinned tools.
    result = subprocess.run(
        [sys.executable, "scripts/regenerate.py", "--vendor", KEY],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    package_dir = repo / "packages" / ENTRY["dist"]
    vendor = Vendor(KEY, ENTRY["dist"], ENTRY["import"], ENTRY["version"], spec, ENTRY["env_prefix"])
    sys.path.insert(0, str(package_dir))
    try:
        yield Added(repo, vendor, tomllib.loads((repo / "manifest.toml").read_text(encoding="utf-8")))
    finally:
        sys.path.remove(str(package_dir))
        for module in [name for name in sys.modules if name.split(".")[0] == ENTRY["import"]]:
            del sys.modules[module]


def test_generation_records_the_spec_hash(added: Added) -> None:
    entry = added.manifest["packages"][KEY]
    assert entry["spec_sha256"] == hashlib.sha256(SPEC.read_bytes()).hexdigest()
    assert {key: entry[key] for key in ENTRY} == ENTRY
    # The other vendors' entries are untouched.
    before = tomllib.loads((ROOT / "manifest.toml").read_text(encoding="utf-8"))["packages"]
    assert {name: e for name, e in added.manifest["packages"].items() if name != KEY} == before
    assert (added.repo / "packages" / ENTRY["dist"] / "pyproject.toml").is_file()
    assert (added.repo / "tests" / "oracle" / f"{KEY}.py").is_file()
    # ... and README.md's generated package table and credential variables name the new package.
    readme = (added.repo / "README.md").read_text(encoding="utf-8")
    assert f"| `{ENTRY['dist']}` | `{ENTRY['import']}` |" in readme
    assert "`WALKTHROUGH_AIRFLOW_TOKEN`" in readme


def test_get_against_a_local_server(added: Added) -> None:
    vendor = added.vendor
    example = vendor.fixture("example-200.json")
    # A real Airflow run id: `:` and `+` must arrive percent-encoded, as one segment.
    run_id = "manual__2024-05-01T10:00:00+00:00"
    with ScriptedServer([Reply(200, example)]) as server, vendor.client(server.url, max_retries=0) as client:
        execution = vendor.endpoint.sync(**vendor.call_kwargs(run_id), client=client)
    (seen,) = server.requests
    assert seen.path == vendor.expected_path(run_id)
    assert seen.path.endswith("/dagRuns/manual__2024-05-01T10%3A00%3A00%2B00%3A00")
    assert seen.headers["authorization"] == "Bearer test-credential"
    assert type(execution).__name__ == "DAGRun"
    assert normalise(execution.to_dict()) == normalise(example)
    assert execution.state == "running" and execution.state.is_unknown is False


def test_wait_for_execution_reaches_a_terminal_state(added: Added) -> None:
    vendor = added.vendor
    wait = importlib.import_module(f"{vendor.import_name}.wait")
    assert wait.TERMINAL_STATUSES.success == frozenset({"success"})
    assert wait.TERMINAL_STATUSES.failure == frozenset({"failed"})
    replies = [Reply(200, vendor.example_with_status(s)) for s in ("queued", "running", "failed")]
    changes: list[str | None] = []
    with ScriptedServer(replies) as server, vendor.client(server.url, max_retries=0) as client:
        result = wait.wait_for_execution(
            client=client,
            **vendor.call_kwargs(),
            on_status_change=lambda old, new, execution: changes.append(new),
            **FAST,
        )
    assert result.failed and not result.succeeded
    assert result.polls == 3
    assert changes == ["queued", "running", "failed"]


def test_console_cli_get(added: Added) -> None:
    vendor = added.vendor
    facts = importlib.import_module(f"{vendor.import_name}._vendor")
    assert facts.ENV_CREDENTIAL == "WALKTHROUGH_AIRFLOW_TOKEN"
    args = [str(value) for value in vendor.path_params("manual__2024-05-01").values()]
    with ScriptedServer([Reply(200, vendor.example_with_status("success"))]) as server:
        env = {
            **os.environ,
            "PYTHONPATH": str(added.repo / "packages" / vendor.dist),
            facts.ENV_CREDENTIAL: "cli-secret-token",
            facts.ENV_BASE_URL: server.url,
        }
        result = subprocess.run(
            [sys.executable, "-m", f"{vendor.import_name}.cli", "get", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr
    assert "cli-secret-token" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("Status") and "success" in line and "(success)" in line for line in lines), lines
    assert server.requests[0].path == vendor.expected_path("manual__2024-05-01")
