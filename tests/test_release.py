"""Release engineering: API-driven version bumps, reproducible builds, publishing to a real local index.

The workflow tests run on a throwaway repository: the working tree copied into a fresh git repo,
Kapso regenerated with the current generator, committed, and every package tagged `<dist>-v<version>`
(the "last release"). Each test clones that snapshot, changes a spec, and drives scripts/release.py
(and scripts/regenerate.py) with this interpreter, as `nox -s release` would.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.prism import PrismServer
from support.pypi_index import PypiIndex
from support.vendors import all_vendors, normalise

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import api_diff  # noqa: E402
import release  # noqa: E402

Spec = dict[str, Any]
MANIFEST = tomllib.loads((ROOT / "manifest.toml").read_text(encoding="utf-8"))
PACKAGES: dict[str, dict[str, Any]] = MANIFEST["packages"]
KAPSO = PACKAGES["kapso"]
# Kapso's committed version and the versions a patch and a breaking change lead to from it.
V = KAPSO["version"]
V_PATCH = release.bump(V, "patch")
V_BREAKING = release.bump(V, "major")
TRACECAT_V = PACKAGES["tracecat"]["version"]


# -- a throwaway copy of the repository ------------------------------------------------------------


def tool_env(**extra: str) -> dict[str, str]:
    """This interpreter's tools first on PATH, git isolated from the machine's config, a fixed identity."""
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Release Test",
        GIT_AUTHOR_EMAIL="release-test@example.invalid",
        GIT_COMMITTER_NAME="Release Test",
        GIT_COMMITTER_EMAIL="release-test@example.invalid",
    )
    env.update(extra)
    return env


def run(repo: Path, *command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=repo, env=env or tool_env(), capture_output=True, text=True, timeout=300)


def git(repo: Path, *args: str) -> str:
    result = run(repo, "git", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def release_cli(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run(repo, sys.executable, "scripts/release.py", *args, env=env)


def plan_lines(repo: Path, *args: str) -> dict[str, str]:
    """`release.py plan`'s lines by dist name."""
    result = release_cli(repo, "plan", *args)
    assert result.returncode == 0, result.stderr
    return {line.split(" ", 1)[0]: line for line in result.stdout.splitlines()}


def regenerate(repo: Path, vendor: str, *flags: str) -> None:
    result = run(repo, sys.executable, "scripts/regenerate.py", "--vendor", vendor, *flags)
    assert result.returncode == 0, result.stdout + result.stderr


def edit_spec(repo: Path, vendor: str, change: Callable[[Spec], None]) -> None:
    """Change the vendor's source document: its pinned upstream document, re-pinned as `nox -s
    upstream` would (generation then writes the effective spec), else its hand-kept spec."""
    upstream: dict[str, str] | None = PACKAGES[vendor].get("upstream")
    path = repo / (upstream["document"] if upstream else PACKAGES[vendor]["spec"])
    spec: Spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(spec)
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    if upstream:
        manifest = repo / "manifest.toml"
        text = manifest.read_text(encoding="utf-8")
        assert text.count(upstream["sha256"]) == 1
        manifest.write_text(text.replace(upstream["sha256"], sha256(path)), encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working tree, committed in a fresh repository and tagged as released."""
    repo = tmp_path_factory.mktemp("snapshot")
    listed = run(ROOT, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard").stdout
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    git(repo, "init", "-q", "-b", "main")
    # Kapso as the current generator makes it, so the tests see only the changes they make.
    regenerate(repo, "kapso")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "snapshot")
    for entry in PACKAGES.values():
        git(repo, "tag", "-a", f"{entry['dist']}-v{entry['version']}", "-m", "released")
    return repo


@pytest.fixture
def repo(snapshot: Path, tmp_path: Path) -> Path:
    clone = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(snapshot), str(clone)], check=True, env=tool_env())
    return clone


# -- the spec-change workflow ----------------------------------------------------------------------


def test_no_change_means_no_release(repo: Path) -> None:
    lines = plan_lines(repo)
    assert lines == {
        entry["dist"]: f"{entry['dist']} {entry['version']} -> {entry['version']} (none): "
        f"no change since tag {entry['dist']}-v{entry['version']}"
        for entry in PACKAGES.values()
    }
    before = (repo / "manifest.toml").read_text(encoding="utf-8")
    applied = release_cli(repo, "apply")
    assert applied.returncode == 0, applied.stderr
    assert "nothing to release" in applied.stdout
    assert (repo / "manifest.toml").read_text(encoding="utf-8") == before
    assert not git(repo, "status", "--porcelain")


def test_added_optional_field_is_minor_and_released(repo: Path) -> None:
    """Spec change -> generate -> plan -> apply -> tag -> plan: the whole flow for an added response field."""

    def add_priority(spec: Spec) -> None:
        spec["components"]["schemas"]["FlowExecution"]["properties"]["priority"] = {
            "type": "integer",
            "description": "Scheduling priority of the execution.",
        }

    edit_spec(repo, "kapso", add_priority)
    regenerate(repo, "kapso")
    spec_before, spec_after = KAPSO["spec_sha256"], sha256(repo / KAPSO["spec"])

    lines = plan_lines(repo)
    assert lines["kapso-exec"].startswith(
        f"kapso-exec {V} -> {V_PATCH} (minor; 0.x: patch): added field FlowExecution.priority"
    ), lines["kapso-exec"]
    assert lines["tracecat-exec"] == (
        f"tracecat-exec {TRACECAT_V} -> {TRACECAT_V} (none): no change since tag tracecat-exec-v{TRACECAT_V}"
    )

    applied = release_cli(repo, "apply")
    assert applied.returncode == 0, applied.stdout + applied.stderr
    manifest_text = (repo / "manifest.toml").read_text(encoding="utf-8")
    manifest = tomllib.loads(manifest_text)
    assert manifest["packages"]["kapso"]["version"] == V_PATCH
    assert {v: e["version"] for v, e in manifest["packages"].items() if v != "kapso"} == {
        v: e["version"] for v, e in PACKAGES.items() if v != "kapso"
    }
    assert manifest_text.startswith("# Every package this repo publishes")  # tomlkit kept the comments
    package = repo / "packages" / "kapso-exec"
    assert tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"] == V_PATCH
    assert f'__version__ = "{V_PATCH}"' in (package / "kapso_exec" / "_vendor.py").read_text(encoding="utf-8")

    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog of kapso-exec\n")
    entry = changelog.split("\n## ")[1]  # the newest entry alone
    assert entry.startswith(f"{V_PATCH} (")
    assert f"Release kind: minor (0.x: patch); {V} -> {V_PATCH}, compared with tag kapso-exec-v{V}." in entry
    assert f"- before: `{spec_before}`" in entry
    assert f"- after: `{spec_after}`" in entry
    assert "### Additions\n\n- added field FlowExecution.priority\n" in entry
    assert "### Breaking changes" not in entry

    # The applied tree is exactly what generation makes (the drift gate passes), CHANGELOG.md included.
    regenerate(repo, "kapso", "--check")

    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"Release kapso-exec {V_PATCH}")
    tagged = release_cli(repo, "tag")
    assert tagged.returncode == 0, tagged.stderr
    assert f"tagged kapso-exec-v{V_PATCH}" in tagged.stdout
    assert f"tracecat-exec-v{TRACECAT_V} exists" in tagged.stdout
    assert git(repo, "rev-parse", f"kapso-exec-v{V_PATCH}^{{commit}}") == git(repo, "rev-parse", "HEAD")
    assert plan_lines(repo)["kapso-exec"] == (
        f"kapso-exec {V_PATCH} -> {V_PATCH} (none): no change since tag kapso-exec-v{V_PATCH}"
    )


def test_removed_field_is_major(repo: Path) -> None:
    def remove_tracking_id(spec: Spec) -> None:
        del spec["components"]["schemas"]["FlowExecution"]["properties"]["tracking_id"]

    edit_spec(repo, "kapso", remove_tracking_id)
    regenerate(repo, "kapso")
    line = plan_lines(repo, "--vendor", "kapso")["kapso-exec"]
    assert line.startswith(
        f"kapso-exec {V} -> {V_BREAKING} (major; 0.x: minor): removed field FlowExecution.tracking_id"
    )


def test_description_change_is_patch_and_untagged_baseline(repo: Path) -> None:
    """A description is docs: a patch. Without a tag, the baseline is the commit that set the version."""

    def reword(spec: Spec) -> None:
        spec["components"]["schemas"]["FlowExecution"]["properties"]["tracking_id"]["description"] = (
            "Tracking ID the caller chose when starting the flow, if any."
        )

    edit_spec(repo, "kapso", reword)
    regenerate(repo, "kapso")
    expected = (
        f"kapso-exec {V} -> {V_PATCH} (patch; 0.x: patch): changed description of field FlowExecution.tracking_id"
    )
    assert plan_lines(repo, "--vendor", "kapso")["kapso-exec"].startswith(expected)

    # Commit the change and drop the tag: the version was set by the snapshot commit, so the committed
    # (but never released) change still counts.
    version_commit = git(repo, "rev-parse", "HEAD")
    git(repo, "commit", "-q", "-am", "Reword a description")
    git(repo, "tag", "-d", f"kapso-exec-v{V}")
    result = release_cli(repo, "plan", "--vendor", "kapso", "--verbose")
    assert result.stdout.startswith(expected), result.stdout
    assert f"compared with commit {version_commit[:12]}, which set {V} (no tag kapso-exec-v{V} yet)" in (result.stderr)
    # Tagging HEAD as that version would mislabel it: refused.
    tagged = release_cli(repo, "tag", "--vendor", "kapso")
    assert tagged.returncode == 1
    assert "packages/kapso-exec changed after" in tagged.stderr
    assert not git(repo, "tag", "--list", "kapso-exec-v*")

    # A version set only in the working tree has no baseline yet.
    manifest = repo / "manifest.toml"
    head, kapso_section = manifest.read_text(encoding="utf-8").split("[packages.kapso]")
    kapso_section = kapso_section.replace(f'version = "{V}"', f'version = "{V_PATCH}"', 1)
    manifest.write_text(head + "[packages.kapso]" + kapso_section)
    assert plan_lines(repo, "--vendor", "kapso")["kapso-exec"].startswith(
        f"kapso-exec {V_PATCH} -> {V_PATCH} (pending): {V_PATCH} is set in manifest.toml but not committed"
    )


def test_stale_generation_is_refused(repo: Path) -> None:
    edit_spec(repo, "kapso", lambda spec: spec["info"].update(description="Changed."))
    result = release_cli(repo, "plan", "--vendor", "kapso")
    assert result.returncode == 1
    assert "run `nox -s generate -- --vendor kapso` first" in result.stderr


# -- the API diff on small packages ------------------------------------------------------------------

BASE_PACKAGE = {
    "__init__.py": '"""A package."""\n\nfrom ._version import __version__\nfrom .client import Client\n\n'
    '__all__ = ("Client", "__version__")\n',
    "_version.py": '__version__ = "0.1.0"\n',
    "_base.py": "class Base:\n    def close(self) -> None:\n        pass\n",
    "_internal.py": "def helper(x: int) -> int:\n    return x\n",
    "client.py": "from ._base import Base\nfrom .models import Execution\n\n\n"
    "class Client(Base):\n"
    "    def __init__(self, base_url: str, *, timeout: float = 5.0) -> None:\n"
    "        self._base_url = base_url\n\n"
    "    def get(self, execution_id: str) -> Execution:\n"
    "        return Execution()\n",
    "models/__init__.py": 'from .execution import Execution, Status\n\n__all__ = ("Execution", "Status")\n',
    "models/execution.py": "from enum import StrEnum\n\n\n"
    "class Unset:\n    pass\n\n\nUNSET = Unset()\n\n\n"
    "class Status(StrEnum):\n"
    '    RUNNING = "running"\n'
    '    FAILED = "failed"\n\n\n'
    "class Execution:\n"
    '    """One run."""\n\n'
    "    id: str | None | Unset = UNSET\n"
    "    tracking_id: str | None | Unset = UNSET\n"
    "    status: Status | None | Unset = UNSET\n",
}

# (name, file, text replaced, replacement, level of the whole diff or None, a change text expected)
API_CASES: list[tuple[str, str, str, str, str | None, str]] = [
    (
        "added optional field",
        "models/execution.py",
        "    status: Status",
        "    priority: int | None | Unset = UNSET\n    status: Status",
        "minor",
        "added field Execution.priority",
    ),
    (
        "added required field",
        "models/execution.py",
        "    status: Status",
        "    owner: str\n    status: Status",
        "major",
        "added required field Execution.owner",
    ),
    (
        "removed field",
        "models/execution.py",
        "    tracking_id: str | None | Unset = UNSET\n",
        "",
        "major",
        "removed field Execution.tracking_id",
    ),
    (
        "renamed field",
        "models/execution.py",
        "    tracking_id:",
        "    tracking_ref:",
        "major",
        "removed field Execution.tracking_id",
    ),
    (
        "changed field type",
        "models/execution.py",
        "    tracking_id: str | None",
        "    tracking_id: int | None",
        "major",
        "changed type of field Execution.tracking_id: None | Unset | str -> None | Unset | int",
    ),
    (
        "reordered union",
        "models/execution.py",
        "tracking_id: str | None | Unset",
        "tracking_id: None | Unset | str",
        None,
        "",
    ),
    (
        "changed field default",
        "models/execution.py",
        "    tracking_id: str | None | Unset = UNSET",
        "    tracking_id: str | None | Unset = None",
        "major",
        "changed value of field Execution.tracking_id: UNSET -> None",
    ),
    ("private module", "_internal.py", "x: int) -> int", "x: str, y: int) -> str", None, ""),
    (
        "private method",
        "client.py",
        "    def get(",
        "    def _get_raw(self) -> None:\n        pass\n\n    def get(",
        None,
        "",
    ),
    (
        "added optional keyword",
        "client.py",
        "execution_id: str)",
        "execution_id: str, *, include_steps: bool = False)",
        "minor",
        "method Client.get: added optional parameter include_steps",
    ),
    (
        "added required parameter",
        "client.py",
        "execution_id: str)",
        "execution_id: str, workspace_id: str)",
        "major",
        "changed signature of method Client.get: added required parameter workspace_id",
    ),
    (
        "changed default",
        "client.py",
        "timeout: float = 5.0",
        "timeout: float = 10.0",
        "major",
        "changed signature of method Client.__init__: parameter timeout default 5.0 -> 10.0",
    ),
    (
        "changed return type",
        "client.py",
        "-> Execution:",
        "-> Execution | None:",
        "major",
        "changed signature of method Client.get: return type Execution -> Execution | None",
    ),
    (
        "inherited from a private base",
        "_base.py",
        "def close(self) -> None",
        "def close(self, *, wait: bool) -> None",
        "major",
        "changed signature of method Client.close: added required parameter wait",
    ),
    (
        "removed enum member",
        "models/execution.py",
        '    FAILED = "failed"\n',
        "",
        "major",
        "removed enum member Status.FAILED",
    ),
    (
        "added enum member",
        "models/execution.py",
        '    FAILED = "failed"\n',
        '    FAILED = "failed"\n    ENDED = "ended"\n',
        "minor",
        "added enum member Status.ENDED",
    ),
    (
        "changed enum value",
        "models/execution.py",
        '"failed"',
        '"errored"',
        "major",
        "changed value of enum member Status.FAILED: 'failed' -> 'errored'",
    ),
    (
        "removed re-export",
        "models/__init__.py",
        '("Execution", "Status")',
        '("Execution",)',
        "major",
        "removed name models.Status",
    ),
    (
        "retargeted re-export",
        "models/__init__.py",
        "from .execution import Execution, Status",
        "from .execution import Execution\nfrom .execution import Execution as Status",
        "major",
        "name models.Status now refers to pkg.models.execution.Execution (was pkg.models.execution.Status)",
    ),
    ("added module", "extra.py", "", "def ping() -> bool:\n    return True\n", "minor", "added module extra"),
    (
        "docstring",
        "models/execution.py",
        "One run.",
        "One run of a flow.",
        "patch",
        "changed docs of class models.execution.Execution",
    ),
    (
        "field description",
        "models/execution.py",
        '"""One run."""',
        '"""One run.\n\n    Attributes:\n        id (str | None | Unset): The run\'s ID.\n    """',
        "patch",
        "changed description of field Execution.id",
    ),
    ("version", "_version.py", "0.1.0", "0.2.0", None, ""),
]


def write_package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(("name", "file", "old", "new", "level", "text"), API_CASES, ids=[c[0] for c in API_CASES])
def test_api_diff_rules(tmp_path: Path, name: str, file: str, old: str, new: str, level: str | None, text: str) -> None:
    changed = dict(BASE_PACKAGE)
    source = changed.get(file, "")
    assert old in source, f"{name}: the base package lacks {old!r}"
    changed[file] = source.replace(old, new, 1) if old else new
    before = write_package(tmp_path / "before", BASE_PACKAGE)
    after = write_package(tmp_path / "after", changed)
    changes = api_diff.compare_packages(before, after, "pkg")
    assert (changes[0].level if changes else None) == level, changes
    if text:
        assert text in [change.text for change in changes], changes


def test_griffe_breakages_are_merged_not_duplicated(tmp_path: Path) -> None:
    changed = dict(BASE_PACKAGE, **{"client.py": BASE_PACKAGE["client.py"].replace("execution_id: str)", ")")})
    before = write_package(tmp_path / "before", BASE_PACKAGE)
    after = write_package(tmp_path / "after", changed)
    old, new = api_diff.load_package(before, "pkg"), api_diff.load_package(after, "pkg")
    breakages = api_diff.griffe_breakages(old, new)
    assert [b.path for b in breakages] == ["pkg.client.Client.get"]
    changes = api_diff.compare_packages(before, after, "pkg")
    assert [c.text for c in changes] == ["changed signature of method Client.get: removed parameter execution_id"]


# -- versions, plan lines, changelog ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "kind", "expected"),
    [
        ("0.1.0", "major", "0.2.0"),
        ("0.1.3", "minor", "0.1.4"),
        ("0.1.3", "patch", "0.1.4"),
        ("1.2.3", "major", "2.0.0"),
        ("1.2.3", "minor", "1.3.0"),
        ("1.2.3", "patch", "1.2.4"),
    ],
)
def test_bump(version: str, kind: str, expected: str) -> None:
    assert release.bump(version, kind) == expected


def test_plan_line_and_changelog_after_1_0(tmp_path: Path) -> None:
    package = release.Package("kapso", "kapso-exec", "kapso_exec", "1.4.2", "specs/kapso/openapi.yaml", "b" * 64)
    baseline = release.Baseline("0" * 40, "tag kapso-exec-v1.4.2", True, "a" * 64)
    changes = [
        api_diff.Change("major", "removed field FlowExecution.tracking_id"),
        api_diff.Change("minor", "added field FlowExecution.priority"),
    ]
    plan = release.Plan(package, baseline, "major", "2.0.0", changes, ["kapso_exec/models/flow_execution.py"], "b" * 64)
    assert plan.line() == (
        "kapso-exec 1.4.2 -> 2.0.0 (major): removed field FlowExecution.tracking_id (+2 lesser changes)"
    )
    path = tmp_path / "CHANGELOG.md"
    release.prepend_changelog(path, "kapso-exec", "## 1.4.2 (2024-01-01)\n\nOlder.\n")
    release.prepend_changelog(path, "kapso-exec", release.changelog_entry(plan, datetime.date(2025, 2, 3)))
    text = path.read_text(encoding="utf-8")
    assert text.index("# Changelog of kapso-exec") < text.index("## 2.0.0 (2025-02-03)") < text.index("## 1.4.2")
    assert "### Breaking changes\n\n- removed field FlowExecution.tracking_id\n" in text
    assert "### Additions\n\n- added field FlowExecution.priority\n" in text
    assert "### Other changes\n\n- changed 1 file: kapso_exec/models/flow_execution.py\n" in text
    assert f"- before: `{'a' * 64}`\n- after: `{'b' * 64}`" in text
    assert "### Upgrading" not in text


def test_changelog_entry_carries_upgrade_notes() -> None:
    package = release.Package("kapso", "kapso-exec", "kapso_exec", "0.1.0", "specs/kapso/openapi.yaml", "b" * 64)
    baseline = release.Baseline("0" * 40, "tag kapso-exec-v0.1.0", True, "a" * 64)
    changes = [api_diff.Change("major", "changed type of field FlowExecution.id")]
    plan = release.Plan(package, baseline, "major", "0.2.0", changes, [], "b" * 64)
    entry = release.changelog_entry(plan, datetime.date(2025, 2, 3), "Read `x.id` directly.\n\n")
    # The hand-written notes come before the generated list, whose items are all still there.
    assert "### Upgrading\n\nRead `x.id` directly.\n\n### Breaking changes\n\n- changed type" in entry


# -- reproducible builds ---------------------------------------------------------------------------


def test_builds_are_reproducible(repo: Path, tmp_path: Path) -> None:
    first = release_cli(repo, "build", "--vendor", "kapso", "--outdir", str(tmp_path / "one"))
    assert first.returncode == 0, first.stderr
    # What a second checkout would differ in: file times and permissions.
    for path in (repo / "packages" / "kapso-exec").rglob("*"):
        os.utime(path)
    (repo / "packages" / "kapso-exec" / "kapso_exec" / "types.py").chmod(0o600)
    second = release_cli(repo, "build", "--vendor", "kapso", "--outdir", str(tmp_path / "two"))
    assert second.returncode == 0, second.stderr

    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == [f"kapso_exec-{V}-py3-none-any.whl", f"kapso_exec-{V}.tar.gz"]
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == names
    for name in names:
        assert sha256(tmp_path / "one" / name) == sha256(tmp_path / "two" / name), name

    # The timestamps inside are the last commit's.
    epoch = int(git(repo, "log", "-1", "--format=%ct", "--", "packages/kapso-exec"))
    with tarfile.open(tmp_path / "one" / names[1]) as sdist:
        assert {member.mtime for member in sdist.getmembers()} == {epoch}
    stamp = datetime.datetime.fromtimestamp(epoch, datetime.UTC)
    expected = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second - stamp.second % 2)
    with zipfile.ZipFile(tmp_path / "one" / names[0]) as wheel:
        assert {info.date_time for info in wheel.infolist()} == {expected}


# -- publishing to a real index ----------------------------------------------------------------------


@pytest.fixture
def fresh_venv(tmp_path: Path) -> Iterator[Path]:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    yield venv / "bin" / "python"


def test_publish_to_local_index_and_install(repo: Path, tmp_path: Path, fresh_venv: Path) -> None:
    packages_dir, dist = tmp_path / "index", tmp_path / "dist"
    # The runtime dependencies (httpx2, attrs and theirs), fetched from the index pip is configured with
    # on this machine, so that the local index serves everything and the install below uses no other.
    pyproject = tomllib.loads((repo / "packages" / "tracecat-exec" / "pyproject.toml").read_text(encoding="utf-8"))
    requirements: list[str] = pyproject["project"]["dependencies"]
    download = [str(fresh_venv), "-m", "pip", "download", "-q", "--only-binary=:all:", "-d", str(packages_dir)]
    downloaded = run(tmp_path, *download, *requirements)
    assert downloaded.returncode == 0, downloaded.stderr

    user, password = "releaser", secrets.token_urlsafe(16)
    with PypiIndex(packages_dir, tmp_path, user, password) as index:
        credentials = tool_env(TWINE_USERNAME=user, TWINE_PASSWORD=password)
        dependencies = index.stored()

        published = release_cli(
            repo, "publish", "--repository-url", index.url, "--dist-dir", str(dist), env=credentials
        )
        assert published.returncode == 0, published.stdout + published.stderr
        stored = index.stored()
        expected = {}
        for entry in PACKAGES.values():
            assert f"published {entry['dist']} {entry['version']}" in published.stdout
            for name in (
                f"{entry['import']}-{entry['version']}-py3-none-any.whl",
                f"{entry['import']}-{entry['version']}.tar.gz",
            ):
                expected[name] = sha256(dist / name)
                assert index.listing(entry["dist"])[name] == expected[name]
        assert stored == {**dependencies, **expected}

        # Without the right password nothing is uploaded.
        wrong = release_cli(
            repo,
            "publish",
            "--repository-url",
            index.url,
            "--vendor",
            "tracecat",
            "--dist-dir",
            str(dist),
            "--skip-build",
            env=tool_env(TWINE_USERNAME=user, TWINE_PASSWORD="not-the-password"),
        )
        assert wrong.returncode == 1
        assert "403" in wrong.stderr
        assert index.stored() == stored

        # Publishing a released version again fails clearly and changes nothing on the index,
        # though the rebuilt files are byte-identical to the published ones.
        tracecat = PACKAGES["tracecat"]
        listing = index.listing("tracecat-exec")
        again = release_cli(
            repo,
            "publish",
            "--repository-url",
            index.url,
            "--vendor",
            "tracecat",
            "--dist-dir",
            str(tmp_path / "again"),
            env=credentials,
        )
        assert again.returncode == 1
        assert f"already has tracecat-exec {tracecat['version']} and refused the upload" in again.stderr
        assert "no file there was replaced" in again.stderr
        assert index.stored() == stored
        assert index.listing("tracecat-exec") == listing
        for path in (tmp_path / "again").iterdir():
            assert sha256(path) == stored[path.name]

        # A fresh virtualenv installs the pinned version from the local index alone ...
        isolated = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
        isolated.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")
        pip_install = [str(fresh_venv), "-m", "pip", "install", "-q", "--no-cache-dir", "--index-url", index.simple_url]
        install = subprocess.run(
            [*pip_install, f"tracecat-exec=={tracecat['version']}"],
            env=isolated,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert install.returncode == 0, install.stdout + install.stderr

    # ... and calls the Prism mock of Tracecat's API with it.
    vendor = next(v for v in all_vendors() if v.name == "tracecat")
    script = (
        "import importlib, json, sys\n"
        "package = importlib.import_module(sys.argv[3])\n"
        "endpoint = importlib.import_module(sys.argv[4])\n"
        "with package.AuthenticatedClient(base_url=sys.argv[1], **{sys.argv[5]: 'test-credential'}) as client:\n"
        "    execution = endpoint.sync(**json.loads(sys.argv[2]), client=client)\n"
        "print(json.dumps({'version': package.__version__, 'file': package.__file__,"
        " 'body': execution.to_dict()}))\n"
    )
    arguments = [json.dumps(vendor.call_kwargs()), vendor.import_name, vendor.endpoint_module, vendor.credential_param]
    with PrismServer(vendor.spec_path) as prism:
        called = subprocess.run(
            [str(fresh_venv), "-c", script, prism.url, *arguments],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert called.returncode == 0, called.stderr
    result = json.loads(called.stdout)
    assert result["version"] == tracecat["version"]
    assert Path(result["file"]).is_relative_to(fresh_venv.parent.parent)
    assert normalise(result["body"]) == normalise(vendor.fixture("example-200.json"))
