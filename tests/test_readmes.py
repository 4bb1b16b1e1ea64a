"""The Python examples in the READMEs are valid code that uses names the packages export."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re

from support.vendors import ROOT, Vendor

BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_package_readme_examples_compile_and_import(vendor: Vendor) -> None:
    readme = (ROOT / "packages" / vendor.dist / "README.md").read_text(encoding="utf-8")
    blocks = BLOCK.findall(readme)
    assert len(blocks) >= 2  # the call, and the wait helper
    for block in blocks:
        tree = ast.parse(block)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(vendor.import_name):
                module = importlib.import_module(node.module)
                for alias in node.names:
                    found = hasattr(module, alias.name) or importlib.util.find_spec(f"{node.module}.{alias.name}")
                    assert found, f"{node.module} has no {alias.name}"


def test_root_readme_examples_compile() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = BLOCK.findall(readme)
    assert blocks
    for block in blocks:
        ast.parse(block.replace("…", "x"))
