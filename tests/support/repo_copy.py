"""A copy of parts of this repository in a temporary folder, for tests that run the pipeline's
commands as a maintainer would (the copied `generator/` takes the copy as its root)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from support.vendors import ROOT


def copy_repo(repo: Path, names: Iterable[str]) -> Path:
    """Copy the files and folders `names` of this repository into `repo`; returns `repo`.

    `tests/oracle/` is created empty: generation writes the tests' oracle models there."""
    repo.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    (repo / "tests" / "oracle").mkdir(parents=True)
    return repo
