"""Stage 5: prove a built package before it replaces anything.

Every module imports, `mypy --strict` passes, and the wait helper and the console script's
entry point resolve. A package that fails any of these never reaches packages/: the pipeline
stops with the vendor, the file and the first error.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import RegenerationError

_IMPORT_ALL = """
import importlib, pkgutil, sys, traceback
name = sys.argv[1]
package = importlib.import_module(name)
for info in pkgutil.walk_packages(package.__path__, name + "."):
    try:
        importlib.import_module(info.name)
    except Exception as exc:
        tb = traceback.extract_tb(exc.__traceback__)
        frame = next((f for f in reversed(tb) if name.replace(".", "/") in f.filename), tb[-1])
        print(f"{frame.filename}:{frame.lineno}: {type(exc).__name__}: {exc}")
        raise SystemExit(1)
for target in sys.argv[2:]:
    module, _, attribute = target.partition(":")
    if not hasattr(importlib.import_module(module), attribute):
        print(f"entry point {target} does not resolve")
        raise SystemExit(1)
"""


def _relative(line: str, root: Path) -> str:
    return line.replace(str(root) + os.sep, "")


def check_imports(dist_dir: Path, import_name: str, entry_points: list[str], vendor: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(dist_dir), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, import_name, *entry_points],
        cwd=dist_dir,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        first = output[0] if output else "no output"
        raise RegenerationError(f"{vendor}: the generated package does not import: {_relative(first, dist_dir)}")


def check_types(dist_dir: Path, import_name: str, vendor: str, cache_dir: Path | None = None) -> None:
    with tempfile.TemporaryDirectory(prefix="exec-sdks-mypy-") as tmp:
        cache = cache_dir or Path(tmp)
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(cache), import_name],
            cwd=dist_dir,
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        errors = [line for line in result.stdout.splitlines() if re.search(r": error:", line)]
        first = errors[0] if errors else (result.stdout + result.stderr).strip().splitlines()[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise RegenerationError(f"{vendor}: mypy --strict fails on the generated package: {first}{more}")


def verify_package(
    dist_dir: Path, import_name: str, vendor: str, has_polling: bool, cache_dir: Path | None = None
) -> None:
    entry_points = [f"{import_name}.wait:wait_for_execution", f"{import_name}.cli:main"] if has_polling else []
    check_imports(dist_dir, import_name, entry_points, vendor)
    check_types(dist_dir, import_name, vendor, cache_dir)
