"""manifest.toml: every package this repo publishes, and the pinned tools that build them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Any

import tomlkit
import tomlkit.exceptions

from . import FIX_COMMAND, MANIFEST, PACKAGES, ROOT
from .errors import RegenerationError

# `summary` defaults to the spec's title; `spec_sha256` is written by generate (none before).
REQUIRED_KEYS = ("dist", "import", "version", "spec", "env_prefix")
PINNED_TOOLS = ("openapi-python-client", "ruff", "datamodel-code-generator")


@dataclass(frozen=True)
class Upstream:
    """The vendor's own document, pinned: `[packages.<vendor>.upstream]`."""

    document: Path  # the vendor's document, byte for byte
    source: str  # where it came from: `owner/repo@commit: path`, a URL, or how it was produced
    sha256: str  # of `document`; written by `nox -s upstream`
    overlay: Path | None  # the Overlay 1.0 document applied to it


@dataclass(frozen=True)
class Package:
    vendor: str
    dist: str
    import_name: str
    version: str
    spec: Path
    spec_sha256: str  # "" before the first generation
    env_prefix: str
    summary: str
    label: str = ""  # the vendor as the README's package table names it (default: the spec's title)
    # `[packages.<vendor>.operations.<group>]`: function name -> "METHOD /path"; empty: every operation.
    operations: dict[str, dict[str, str]] = field(default_factory=dict)
    upstream: Upstream | None = None  # with one, `spec` is the effective spec that generate writes

    @property
    def source(self) -> Path:
        """The document generation starts from: the upstream document, else the hand-kept spec."""
        return self.upstream.document if self.upstream else self.spec

    @property
    def directory(self) -> Path:
        return PACKAGES / self.dist


def load_manifest(path: Path = MANIFEST) -> tuple[dict[str, Any], dict[str, Package]]:
    """(tool pins, packages by vendor). A missing key is named with the entry it belongs to."""
    try:
        data = tomlkit.parse(path.read_text(encoding="utf-8")).unwrap()
    except tomlkit.exceptions.ParseError as exc:
        raise RegenerationError(f"manifest.toml: not valid TOML ({exc}); fix the syntax") from exc
    packages = {}
    for vendor, entry in data.get("packages", {}).items():
        absent = [key for key in REQUIRED_KEYS if not entry.get(key)]
        if absent:
            raise RegenerationError(
                f"manifest.toml: [packages.{vendor}] lacks {', '.join(absent)}; "
                "see README's 'Adding a vendor' for every key"
            )
        packages[vendor] = Package(
            operations=_operations(vendor, entry.get("operations")),
            upstream=_upstream(vendor, entry.get("upstream")),
            vendor=vendor,
            dist=entry["dist"],
            import_name=entry["import"],
            version=entry["version"],
            spec=ROOT / entry["spec"],
            spec_sha256=entry.get("spec_sha256", ""),
            env_prefix=entry["env_prefix"],
            summary=entry.get("summary", ""),
            label=entry.get("label", ""),
        )
    return data.get("generator", {}), packages


def _operations(vendor: str, table: Any) -> dict[str, dict[str, str]]:
    if table is None:
        return {}
    if not isinstance(table, dict) or not all(isinstance(group, dict) for group in table.values()):
        raise RegenerationError(
            f"manifest.toml: [packages.{vendor}.operations] holds one table per module group, "
            f'e.g. [packages.{vendor}.operations.executions] get_execution = "GET /executions/{{id}}"'
        )
    return {str(group): {str(k): v for k, v in functions.items()} for group, functions in table.items()}


def _upstream(vendor: str, table: Any) -> Upstream | None:
    if table is None:
        return None
    absent = [key for key in ("document", "source") if not isinstance(table, dict) or not table.get(key)]
    if absent:
        raise RegenerationError(
            f"manifest.toml: [packages.{vendor}.upstream] lacks {', '.join(absent)}; "
            "see README's 'Adding a vendor' for every key"
        )
    overlay = table.get("overlay")
    return Upstream(
        document=ROOT / table["document"],
        source=str(table["source"]),
        sha256=str(table.get("sha256", "")),
        overlay=ROOT / overlay if overlay else None,
    )


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_tool_versions(pins: dict[str, str]) -> None:
    """Refuse to run with generator or formatter versions other than the manifest's."""
    for tool in PINNED_TOOLS:
        try:
            found = installed_version(tool)
        except PackageNotFoundError:
            found = "nothing"
        if found != pins.get(tool):
            raise RegenerationError(
                f"{tool} {found} is installed but the manifest pins {pins.get(tool)}; run `{FIX_COMMAND}`"
            )


def write_upstream_pin(vendor: str, document: Path, sha256: str, source: str, path: Path = MANIFEST) -> None:
    """Pin a new upstream document: its path, sha256 and source (`nox -s upstream`'s last step)."""
    manifest = tomlkit.parse(path.read_text(encoding="utf-8"))
    table = manifest["packages"][vendor].setdefault("upstream", tomlkit.table())
    table["document"] = str(document.relative_to(ROOT))
    table["source"] = source
    table["sha256"] = sha256
    path.write_text(tomlkit.dumps(manifest), encoding="utf-8")


def write_spec_hashes(packages: list[Package], path: Path = MANIFEST) -> None:
    """Record each spec's sha256 (generate's job; a new entry needs none before it)."""
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    for package in packages:
        document["packages"][package.vendor]["spec_sha256"] = sha256_of(package.spec)
    path.write_text(tomlkit.dumps(document), encoding="utf-8")
