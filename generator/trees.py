"""Comparing a fresh build with the committed tree: the drift gate's eyes."""

from __future__ import annotations

import difflib
import filecmp
from pathlib import Path

from .errors import display_path


def tree_files(directory: Path) -> set[str]:
    if not directory.exists():
        return set()
    return {str(p.relative_to(directory)) for p in directory.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def compare_trees(expected: Path, actual: Path) -> list[str]:
    """Human-readable differences between the fresh build (`expected`) and the committed tree."""
    problems: list[str] = []
    fresh, committed = tree_files(expected), tree_files(actual)
    where = display_path(actual)
    for name in sorted(fresh - committed):
        problems.append(f"missing: {where}/{name}")
    for name in sorted(committed - fresh):
        problems.append(f"not generated (stray): {where}/{name}")
    for name in sorted(fresh & committed):
        if not filecmp.cmp(expected / name, actual / name, shallow=False):
            problems.append(f"differs: {where}/{name}")
            try:
                diff = difflib.unified_diff(
                    (actual / name).read_text(encoding="utf-8").splitlines(),
                    (expected / name).read_text(encoding="utf-8").splitlines(),
                    "committed",
                    "regenerated",
                    lineterm="",
                    n=1,
                )
                problems.extend("    " + line for line in list(diff)[:20])
            except UnicodeDecodeError:
                pass
    return problems
