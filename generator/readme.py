"""The root README's generated blocks: the package table and the environment variables.

Both come from manifest.toml and the specs, so a new vendor is a spec and a manifest entry:
`nox -s generate` writes the blocks, and `nox -s check_generated` fails when they are stale.
Each block sits between `<!-- generated: NAME -->` and `<!-- end: NAME -->`.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import ROOT
from .derive import Derived
from .effective import effective_spec
from .lifecycle import lifecycle_facts
from .manifest import Package
from .vendor import vendor_context

README = ROOT / "README.md"


def _block(name: str) -> re.Pattern[str]:
    """A generated block; its markers may be indented (inside a list item), and so is its body."""
    return re.compile(rf"(?m)^( *)(<!-- generated: {name} -->\n)(.*?)(^ *<!-- end: {name} -->)", re.DOTALL)


def _operations(derived: Derived) -> str:
    """Each operation's function and what it is for: the polled one, the paged ones, and the
    lifecycle role its spec gives it (`x-exec-operation`)."""
    lifecycle = lifecycle_facts(derived)
    cells = []
    for op in derived.operations:
        facts = lifecycle[op.key]
        tags = ["waits"] if "x-status-path" in op.operation else []
        tags += ["pages"] if facts["pagination"] else []
        tags += [facts["execution"]["role"]] if facts["execution"] and facts["execution"]["role"] != "list" else []
        name = op.module.rpartition(".")[2]
        cells.append(f"`{name}`" + (f" ({', '.join(tags)})" if tags else ""))
    return ", ".join(cells)


def render_blocks(packages: list[Package]) -> dict[str, str]:
    rows = ["| package | import | vendor | operations |", "| --- | --- | --- | --- |"]
    variables: list[str] = []
    for package in packages:
        derived = effective_spec(package).derived
        context = vendor_context(package, derived)
        label = package.label or str(derived.spec["info"]["title"])
        rows.append(f"| `{package.dist}` | `{package.import_name}` | {label} | {_operations(derived)} |")
        for credential in context["credentials"]:
            variables.append(f"`{credential['env']}` ({package.dist}, `{credential['param']}=`)")
    env = (
        "`AuthenticatedClient()` (and its alias `from_env()`) reads "
        + ", ".join(variables or ["no credential variable"])
        + ", and each package's `<ENV_PREFIX>_BASE_URL` (required when its spec gives no fixed server).\n"
    )
    return {"packages": "\n".join(rows) + "\n", "environment": env}


def updated_readme(packages: list[Package], readme: Path = README) -> tuple[str, str]:
    """(current text, text with fresh blocks)."""
    text = readme.read_text(encoding="utf-8")
    fresh = text
    for name, body in render_blocks(packages).items():
        pattern = _block(name)
        if not pattern.search(fresh):
            continue  # a README without the block keeps its own text

        def replace(match: re.Match[str], body: str = body) -> str:
            indent = match.group(1)
            lines = "".join(indent + line + "\n" for line in body.splitlines())
            return indent + match.group(2) + lines + match.group(4)

        fresh = pattern.sub(replace, fresh)
    return text, fresh
