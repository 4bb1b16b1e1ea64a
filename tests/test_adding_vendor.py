"""README.md's "Adding a vendor", followed step by step in a throwaway copy of the repository.

The new vendor is each of three specs of tests/corpus/vendors/, each unlike the packaged vendors:
- airflow_dag_runs.yaml: an Airflow-style DAG-run API (path-level `$ref` parameters, a second
  operation, bearer auth, a self-hosted server);
- gitlab_pipelines.yaml: OpenAPI 3.0 (`nullable`), an integer run id, a plain-string status with
  `x-terminal-statuses` on the operation, no `$ref` property, no enum, and no examples: its example
  bodies come as fixture files (tests/fixtures/<vendor>/), as the README allows;
- azure_pipeline_runs.json: JSON, an API key in the query, a required query parameter, `done` with
  `x-outcome-path`, no `required` anywhere, typed maps, only a `default` error response.
The test adds the spec (and fixture files, where the spec has no examples) and a manifest entry
without `spec_sha256`, runs what `nox -s generate -- --vendor <vendor>` runs, and then uses the new
package as a service would: a call against a local server answering the example,
`wait_for_execution` to a terminal state, and the console CLI. The package is driven through
support.vendors, the same derivation every vendor test uses.
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
from urllib.parse import parse_qs

import pytest

from support.repo_copy import copy_repo
from support.schemas import at as dig
from support.scripted import Reply, ScriptedServer
from support.vendors import ROOT, Vendor, component_class_name, normalise, parameter_name, python_name

VENDORS = ROOT / "tests" / "corpus" / "vendors"
# What the test copies: what generation reads and writes (no packages/, no tests/).
COPIED = ["manifest.toml", "specs", "generator", "scripts", "LICENSE", "README.md"]


@dataclass(frozen=True)
class Case:
    """One new vendor. Its key starts with `walkthrough_`, a name no real vendor of this repo will
    take, so the walkthrough never collides with one (nor imports an installed package of that name)."""

    key: str
    spec: Path
    summary: str
    fixtures: Path | None = None  # example bodies, for a spec without examples

    @property
    def entry(self) -> dict[str, str]:
        """The manifest entry README's step 2 shows."""
        name = self.key.replace("_", "-")
        return {
            "dist": f"{name}-exec",
            "import": f"{self.key}_exec",
            "version": "0.1.0",
            "spec": f"specs/{self.key}/openapi{self.spec.suffix}",
            "env_prefix": self.key.upper(),
            "summary": self.summary,
        }


AIRFLOW = Case("walkthrough_airflow", VENDORS / "airflow_dag_runs.yaml", "Typed Python SDK for Apache Airflow DAG runs")
CASES = [
    AIRFLOW,
    Case(
        "walkthrough_gitlab",
        VENDORS / "gitlab_pipelines.yaml",
        "Typed Python SDK for GitLab pipelines",
        VENDORS / "gitlab_pipelines",
    ),
    Case("walkthrough_azure", VENDORS / "azure_pipeline_runs.json", "Typed Python SDK for Azure DevOps pipeline runs"),
]
FAST = {"initial_interval": 0.01, "max_interval": 0.02}


def readme_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Adding a vendor\n(.*?)^## ", readme, re.DOTALL | re.MULTILINE)
    assert match, "README.md has no '## Adding a vendor' section"
    return match.group(1)


def test_readme_section_names_what_this_test_does() -> None:
    """The steps below are the README's: each field and command it uses is written there."""
    section = readme_section()
    for field in [*AIRFLOW.entry, "spec_sha256"]:
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
    case: Case
    repo: Path
    vendor: Vendor
    manifest: dict[str, Any]


@pytest.fixture(scope="module", params=CASES, ids=[case.key for case in CASES])
def added(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Added]:
    case: Case = request.param
    entry = case.entry
    repo = tmp_path_factory.mktemp("adding") / "repo"
    copy_repo(repo, COPIED)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "before the new vendor")

    # Step 1: the spec, and where it has no examples, the example bodies as fixture files.
    spec = repo / entry["spec"]
    spec.parent.mkdir(parents=True)
    shutil.copyfile(case.spec, spec)
    if case.fixtures is not None:
        shutil.copytree(case.fixtures, repo / "tests" / "fixtures" / case.key)
    # Step 2: the manifest entry, without spec_sha256.
    with (repo / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(f"\n[packages.{case.key}]\n" + "".join(f'{key} = "{value}"\n' for key, value in entry.items()))
    # Step 3: `nox -s generate -- --vendor <vendor>` runs this, with the generator's pinned tools.
    result = subprocess.run(
        [sys.executable, "scripts/regenerate.py", "--vendor", case.key],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    package_dir = repo / "packages" / entry["dist"]
    vendor = Vendor(
        case.key,
        entry["dist"],
        entry["import"],
        entry["version"],
        spec,
        entry["env_prefix"],
        repo / "tests" / "fixtures",
    )
    sys.path.insert(0, str(package_dir))
    try:
        yield Added(case, repo, vendor, tomllib.loads((repo / "manifest.toml").read_text(encoding="utf-8")))
    finally:
        sys.path.remove(str(package_dir))
        for module in [name for name in sys.modules if name.split(".")[0] == entry["import"]]:
            del sys.modules[module]


def test_generation_records_the_spec_hash(added: Added) -> None:
    case, entry = added.case, added.case.entry
    recorded = added.manifest["packages"][case.key]
    assert recorded["spec_sha256"] == hashlib.sha256(case.spec.read_bytes()).hexdigest()
    assert {key: recorded[key] for key in entry} == entry
    # The other vendors' entries are untouched.
    before = tomllib.loads((ROOT / "manifest.toml").read_text(encoding="utf-8"))["packages"]
    assert {name: e for name, e in added.manifest["packages"].items() if name != case.key} == before
    assert (added.repo / "packages" / entry["dist"] / "pyproject.toml").is_file()
    assert (added.repo / "tests" / "oracle" / f"{case.key}.py").is_file()
    # ... and README.md's generated package table and credential variables name the new package.
    readme = (added.repo / "README.md").read_text(encoding="utf-8")
    assert f"| `{entry['dist']}` | `{entry['import']}` |" in readme
    assert f"`{added.vendor.env_credential}`" in readme


def run_id(vendor: Vendor) -> Any:
    """A real-looking id: a string one like Airflow's, whose `:` and `+` must arrive percent-encoded
    as one segment; else an integer."""
    return 987 if vendor.id_is_integer else "manual__2024-05-01T10:00:00+00:00"


def test_get_against_a_local_server(added: Added) -> None:
    vendor = added.vendor
    example = vendor.fixture("example-200.json")
    ident = run_id(vendor)
    with ScriptedServer([Reply(200, example)]) as server, vendor.client(server.url, max_retries=0) as client:
        execution = vendor.endpoint.sync(**vendor.call_kwargs(ident), client=client)
    (seen,) = server.requests
    path, _, query = seen.path.partition("?")
    assert path == vendor.expected_path(ident)
    assert parse_qs(query, keep_blank_values=True) == vendor.sent_query("test-credential")
    assert vendor.sent_credential(seen.headers, seen.path) == vendor.credential_value("test-credential")
    assert type(execution).__name__ == component_class_name(vendor.spec, vendor.success_schema["$ref"])
    assert normalise(execution.to_dict()) == normalise(example)
    status: Any = execution
    for key in vendor.status_path:
        status = getattr(status, python_name(key))
    assert status == dig(example, vendor.status_path)
    assert getattr(status, "is_unknown", False) is False
    if added.case is AIRFLOW:
        assert seen.path.endswith("/dagRuns/manual__2024-05-01T10%3A00%3A00%2B00%3A00")
        assert seen.headers["authorization"] == "Bearer test-credential"
        assert type(execution).__name__ == "DAGRun" and execution.state == "running"


def test_wait_for_execution_reaches_a_terminal_state(added: Added) -> None:
    vendor = added.vendor
    wait = importlib.import_module(f"{vendor.import_name}.wait")
    assert wait.TERMINAL_STATUSES.success == frozenset(vendor.success_statuses)
    assert wait.TERMINAL_STATUSES.failure == frozenset(vendor.failure_statuses)
    assert wait.TERMINAL_STATUSES.done == frozenset(vendor.terminal_sets["done"])
    ended = vendor.terminal_body("failure")
    assert ended is not None, f"{vendor.name}: the spec names no way for a run to fail"
    failed_status, failed_body = ended
    replies = [Reply(200, vendor.example_with_status(vendor.running_status)) for _ in range(2)]
    replies.append(Reply(200, failed_body))
    changes: list[Any] = []
    with ScriptedServer(replies) as server, vendor.client(server.url, max_retries=0) as client:
        result = wait.wait_for_execution(
            client=client,
            **vendor.call_kwargs(),
            on_status_change=lambda old, new, execution: changes.append(new),
            **FAST,
        )
    assert result.failed and not result.succeeded
    assert result.polls == 3
    assert changes == [vendor.running_status, failed_status]


def test_console_cli_get(added: Added) -> None:
    vendor = added.vendor
    facts = importlib.import_module(f"{vendor.import_name}._vendor")
    assert facts.ENV_CREDENTIAL == vendor.env_credential
    ended = vendor.terminal_body("success")
    assert ended is not None, f"{vendor.name}: the spec names no way for a run to succeed"
    status, body = ended
    ident = run_id(vendor)
    args = [str(value) for value in vendor.path_params(ident).values()]
    for name, value in vendor.query_params().items():
        args += ["--" + parameter_name(name).replace("_", "-"), value]
    with ScriptedServer([Reply(200, body)]) as server:
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
    assert any(line.startswith("Status") and status in line and "(success)" in line for line in lines), lines
    assert server.requests[0].path.partition("?")[0] == vendor.expected_path(ident)
