"""Packages built from small specs, once per test session, for the tests of the generated API
(typed errors, the top-level names, docstrings). Each build runs the whole pipeline (~10 s).

- `typed_errors()`: tests/corpus/op_typed_errors.yaml: three operations with different error
  models per status (exact codes, `4XX`, `5XX`, `default`), schemas named like SDK exports
  (`APIError`, `NotFoundError`), parameter descriptions in every place a spec puts them, and a
  polled operation with an integer path id and a UUID query parameter;
- `bare()`: the same spec without the polled operation's extensions and without any error
  response: no wait helper, no documented error model;
- `field_access()`: tests/corpus/schema_field_access.yaml: `$ref` properties with descriptions
  and a model whose only required field is a string, for test_field_access's construct tests.

Also `mypy_reveal()`: run `mypy --strict` over snippets and return what each `reveal_type` said.
"""

from __future__ import annotations

import atexit
import copy
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from support.vendors import ROOT, load_spec

TYPED_ERRORS_SPEC = ROOT / "tests" / "corpus" / "op_typed_errors.yaml"
FIELD_ACCESS_SPEC = ROOT / "tests" / "corpus" / "schema_field_access.yaml"


@functools.cache
def _workdir() -> Path:
    workdir = Path(tempfile.mkdtemp(prefix="exec-sdks-built-"))
    atexit.register(shutil.rmtree, workdir, True)
    return workdir


@functools.cache
def build(spec: Path, import_name: str) -> Path:
    """The dist directory of `spec` built as `import_name` (put it on sys.path or MYPYPATH)."""
    from generator.pipeline import build_package

    workdir = _workdir() / import_name
    workdir.mkdir()
    generated = build_package(
        spec,
        vendor=import_name,
        dist=import_name.replace("_", "-"),
        import_name=import_name,
        env_prefix=import_name.upper(),
        workdir=workdir,
        verify=False,
    )
    return Path(generated.directory)


def typed_errors() -> tuple[Path, str, dict[str, Any]]:
    """(dist directory, import name, spec) of the typed-errors corpus spec."""
    return build(TYPED_ERRORS_SPEC, "typed_errors_exec"), "typed_errors_exec", load_spec(TYPED_ERRORS_SPEC)


def field_access() -> tuple[Path, str]:
    """(dist directory, import name) of tests/corpus/schema_field_access.yaml: `$ref` properties
    with descriptions, a model (`Child`) whose only required field is a string."""
    return build(FIELD_ACCESS_SPEC, "field_access_exec"), "field_access_exec"


def bare_spec() -> dict[str, Any]:
    """The typed-errors spec with no polled operation and no error response."""
    spec = copy.deepcopy(load_spec(TYPED_ERRORS_SPEC))
    for item in spec["paths"].values():
        for operation in item.values():
            operation.pop("x-status-path", None)
            operation["responses"] = {k: v for k, v in operation["responses"].items() if str(k).startswith("2")}
    return spec


def bare() -> tuple[Path, str, dict[str, Any]]:
    """(dist directory, import name, spec) of `bare_spec()`."""
    path = _workdir() / "bare.yaml"
    if not path.exists():
        path.write_text(yaml.safe_dump(bare_spec()), encoding="utf-8")
    return build(path, "bare_exec"), "bare_exec", load_spec(path)


def mypy(files: dict[str, str], *, paths: Sequence[Path] = (), cwd: Path) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` over `files` (name -> source) written into `cwd`; `paths` go on MYPYPATH."""
    for name, source in files.items():
        (cwd / name).write_text(source, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": os.pathsep.join(str(p) for p in paths)}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(cwd / ".mypy"), *files],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


REVEALED = re.compile(r'^(?P<file>[^:]+):(?P<line>\d+): note: Revealed type is "(?P<type>.*)"$')


def mypy_reveal(files: dict[str, str], *, paths: Sequence[Path] = (), cwd: Path) -> dict[tuple[str, int], str]:
    """What each `reveal_type` in `files` revealed, by (file, line); fails on any mypy error."""
    result = mypy(files, paths=paths, cwd=cwd)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert not errors and result.returncode == 0, result.stdout + result.stderr
    revealed = {}
    for line in result.stdout.splitlines():
        found = REVEALED.match(line)
        if found:
            revealed[(found["file"], int(found["line"]))] = found["type"]
    return revealed


def short_names(revealed: str) -> set[str]:
    """`pkg.models.error.Error | None` -> {"Error", "None"}."""
    return {part.strip().rsplit(".", 1)[-1] for part in revealed.split(" | ")}
