"""The Python examples in the READMEs are valid code that uses names the packages export."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

from support.vendors import ROOT, Vendor, all_vendors

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


def test_package_readme_examples_pass_mypy_strict(vendor: Vendor, tmp_path: Path) -> None:
    """The consumer code the package README teaches type-checks under `mypy --strict`, as written.

    Each ```python block is one module of a consumer project, checked against the installed package.
    """
    readme = (ROOT / "packages" / vendor.dist / "README.md").read_text(encoding="utf-8")
    modules = []
    for number, block in enumerate(BLOCK.findall(readme)):
        module = tmp_path / f"consumer_{number}.py"
        module.write_text(block, encoding="utf-8")
        modules.append(str(module))
    assert modules
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", *modules]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, f"{vendor.dist} README examples fail mypy --strict:\n{result.stdout}{result.stderr}"


def test_root_readme_examples_compile() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = BLOCK.findall(readme)
    assert blocks
    for block in blocks:
        ast.parse(block.replace("…", "x"))


# --- the root README's package table and environment variables ---------------------------------------

TABLE_HEADER = "| package | import | vendor | operations |"
ENV_CREDENTIAL = re.compile(r"\b[A-Z][A-Z0-9_]*_(?:TOKEN|API_KEY)\b")


def package_table(readme: str) -> dict[str, list[str]]:
    """The rows of README.md's package table by dist name, each cell without its backticks."""
    lines = readme.splitlines()
    assert TABLE_HEADER in lines, f"README.md has no package table (header `{TABLE_HEADER}`)"
    rows: dict[str, list[str]] = {}
    for line in lines[lines.index(TABLE_HEADER) + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        rows[cells[0]] = cells
    return rows


def operation_ids(vendor: Vendor) -> list[str]:
    """The spec's operations (their operationIds are the package's function names), the polled one among them."""
    return [
        str(operation["operationId"])
        for item in vendor.spec["paths"].values()
        for method, operation in item.items()
        if isinstance(operation, dict) and "operationId" in operation
    ]


def table_row(vendor: Vendor) -> str:
    """The row README.md's package table should have for `vendor` (its vendor cell left to write;
    the tags after each operation are the generator's)."""
    title = vendor.spec["info"]["title"]
    return (
        f"| `{vendor.dist}` | `{vendor.import_name}` | {title} | "
        + ", ".join(f"`{n}`" for n in operation_ids(vendor))
        + " |"
    )


def test_root_readme_table_lists_every_package() -> None:
    rows = package_table((ROOT / "README.md").read_text(encoding="utf-8"))
    vendors = all_vendors()
    missing = [table_row(v) for v in vendors if v.dist not in rows]
    assert not missing, "README.md's package table lacks a row; add (name the vendor in the third cell):\n" + (
        "\n".join(missing)
    )
    stray = sorted(set(rows) - {v.dist for v in vendors})
    assert not stray, f"README.md's package table lists {stray}, which manifest.toml does not have"
    for vendor in vendors:
        dist, import_name, _, operations = rows[vendor.dist][:4]
        expected = table_row(vendor)
        assert import_name == vendor.import_name, f"README.md row of {dist}: wrong import; it should be\n{expected}"
        # "`name` (tags), `name`, ...": each operation's name and its tags.
        listed = dict(re.findall(r"`?(\w+)`?(?: \(([^)]*)\))?", operations))
        missing_operations = sorted(set(operation_ids(vendor)) - set(listed))
        assert not missing_operations, f"README.md row of {dist}: lacks {missing_operations}; it should be\n{expected}"
        polled = vendor.spec["paths"][vendor.path_template][vendor.method]["operationId"]
        assert "waits" in listed[polled], f"README.md row of {dist}: the polled `{polled}` is not tagged (waits)"


def test_root_readme_names_each_credential_variable() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    vendors = all_vendors()
    for vendor in vendors:
        assert vendor.env_credential in readme, (
            f"README.md does not name {vendor.env_credential}: add it to the `from_env()` variables "
            f"under 'Auth and environment' (with how {vendor.dist} sends its credential)"
        )
    known = {vendor.env_credential for vendor in vendors}
    unknown = sorted(set(ENV_CREDENTIAL.findall(readme)) - known)
    assert not unknown, f"README.md names {unknown}, which no package in manifest.toml reads"
