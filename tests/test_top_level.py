"""The package's top level: the client, every error class, the result types, the wait helpers
(when an operation is polled) and every model, loaded lazily, so `import <pkg>` loads neither
httpx2 nor the models; `__all__` and `dir()` list the names, each resolves, and `mypy --strict`
sees them (and rejects a name that is not there: no catch-all `__getattr__` for the checker).

A model whose class name an SDK export takes (a schema called `APIError`) is not exported at
the top level; it stays in `<pkg>.models`.
"""

from __future__ import annotations

import importlib
import inspect
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from support import built
from support.vendors import Vendor, selected

REQUIRED = [
    "AuthenticatedClient",
    "APIError",
    "APIStatusError",
    "NotFoundError",
    "APITimeoutError",
    "APIConnectionError",
    "WaitTimeoutError",
]
WAIT_NAMES = ["wait_for_execution", "wait_for_execution_async"]


def run(code: str, *, path: Path | None = None, flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if path is not None:
        env["PYTHONPATH"] = str(path)
    return subprocess.run(
        [sys.executable, *flags, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def packages() -> list[tuple[str, Path | None, bool]]:
    """(import name, directory for PYTHONPATH or None when installed, has a polled operation)."""
    found: list[tuple[str, Path | None, bool]] = [(v.import_name, None, True) for v in selected()]
    found.append(("typed_errors_exec", built.typed_errors()[0], True))
    found.append(("bare_exec", built.bare()[0], False))
    return found


@pytest.fixture(scope="module")
def on_path() -> Iterator[None]:
    directories = [str(directory) for _, directory, _ in packages() if directory is not None]
    sys.path[:0] = directories
    yield
    for directory in directories:
        sys.path.remove(directory)


def case(import_name: str) -> tuple[str, Path | None, bool]:
    return next(entry for entry in packages() if entry[0] == import_name)


NAMES = [entry[0] for entry in packages()]


@pytest.mark.parametrize("import_name", NAMES)
def test_import_loads_neither_httpx2_nor_the_models(import_name: str) -> None:
    _, path, _ = case(import_name)
    result = run(f"import {import_name}", path=path, flags=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    loaded = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line]
    assert import_name in loaded
    assert not [m for m in loaded if m.split(".")[0] in ("httpx2", "httpx", "attrs")], loaded
    assert not [m for m in loaded if m.startswith(f"{import_name}.") and m != f"{import_name}._vendor"], loaded
    # And the names still work from a cold start.
    result = run(f"import {import_name} as p, sys; p.NotFoundError; print('httpx2' in sys.modules)", path=path)
    assert result.stdout.strip() == "True", result.stderr


@pytest.mark.parametrize("import_name", NAMES)
def test_every_exported_name_resolves(import_name: str, on_path: None) -> None:
    _, _, polled = case(import_name)
    package = importlib.import_module(import_name)
    errors = importlib.import_module(f"{import_name}.errors")
    models = importlib.import_module(f"{import_name}.models")
    exported = list(package.__all__)
    assert len(exported) == len(set(exported))
    for name in exported:
        assert getattr(package, name) is not None, name
    assert set(exported) <= set(dir(package))
    for name in REQUIRED + (WAIT_NAMES if polled else []):
        assert name in exported, name
    if not polled:
        assert not set(WAIT_NAMES) & set(exported)
        with pytest.raises(AttributeError):
            getattr(package, "wait_for_execution")  # noqa: B009 - the point is the dynamic lookup
    error_classes = [n for n, v in vars(errors).items() if inspect.isclass(v) and issubclass(v, errors.APIError)]
    for name in error_classes:
        assert getattr(package, name) is getattr(errors, name), name
    for name in models.__all__:
        if name in exported and getattr(package, name) is not getattr(models, name):
            assert name in error_classes or name in REQUIRED + WAIT_NAMES + ["APIResponse", "WaitResult"], name
        else:
            assert getattr(package, name) is getattr(models, name), name
    assert package.AuthenticatedClient is importlib.import_module(f"{import_name}.client").AuthenticatedClient
    with pytest.raises(AttributeError, match="NoSuchName"):
        getattr(package, "NoSuchName")  # noqa: B009


def test_a_model_named_like_an_sdk_export_stays_in_models(on_path: None) -> None:
    package = importlib.import_module("typed_errors_exec")
    errors = importlib.import_module("typed_errors_exec.errors")
    models = importlib.import_module("typed_errors_exec.models")
    for name in ("APIError", "NotFoundError"):
        assert getattr(package, name) is getattr(errors, name)
        assert issubclass(getattr(package, name), Exception)
        assert hasattr(getattr(models, name), "from_dict")
    assert models.APIError.from_dict({"code": "c"}).code == "c"


def test_star_import_gives_every_name(on_path: None) -> None:
    for import_name, _, _ in packages():
        namespace: dict[str, object] = {}
        exec(f"from {import_name} import *", namespace)
        package: ModuleType = importlib.import_module(import_name)
        assert set(package.__all__) <= set(namespace), import_name


def test_mypy_sees_every_name_and_rejects_others(tmp_path: Path, on_path: None) -> None:
    files = {}
    for import_name, _, _ in packages():
        package = importlib.import_module(import_name)
        names = [n for n in package.__all__ if n != "__version__"]
        lines = [f"from {import_name} import {name}" for name in names]
        lines.append(f"from {import_name} import __version__")
        files[f"ok_{import_name}.py"] = "\n".join(lines) + "\n"
        files[f"bad_{import_name}.py"] = f"from {import_name} import NoSuchName\n"
    paths = [directory for _, directory, _ in packages() if directory is not None]
    result = built.mypy(files, paths=paths, cwd=tmp_path)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert all(line.startswith("bad_") for line in errors), errors
    assert {line.split(":")[0] for line in errors} == {name for name in files if name.startswith("bad_")}, errors


def test_vendor_wait_names_come_from_the_wait_module(vendor: Vendor) -> None:
    wait = importlib.import_module(f"{vendor.import_name}.wait")
    for name in WAIT_NAMES:
        assert getattr(vendor.package, name) is getattr(wait, name)
