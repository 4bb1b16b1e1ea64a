"""The stages put together: build one package, regenerate packages/, or check it for drift."""

from __future__ import annotations

import filecmp
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import FIX_COMMAND, ORACLE, PACKAGES
from .cli_context import cli_context
from .derive import Derived
from .effective import Effective, effective_spec
from .errors import RegenerationError, display_path
from .lifecycle_context import lifecycle_context
from .manifest import Package, Upstream, check_tool_versions, load_manifest, sha256_of, write_spec_hashes
from .readme import README, updated_readme
from .render import build_oracle, generate_code, render_package
from .trees import compare_trees
from .vendor import vendor_context
from .verify import verify_package


@dataclass(frozen=True)
class GeneratedPackage:
    package: Package
    directory: Path  # the dist directory: pyproject.toml, README.md, <import_name>/
    derived: Derived
    context: dict[str, Any]
    effective: Effective

    @property
    def polled(self) -> dict[str, Any] | None:
        polled: dict[str, Any] | None = self.context["polled"]
        return polled


def build(package: Package, workdir: Path, *, verify: bool = True, mypy_cache: Path | None = None) -> GeneratedPackage:
    """Build `package` under `workdir` (nothing outside it is written)."""
    effective = effective_spec(package)
    derived = effective.derived
    context = vendor_context(package, derived)
    context["lifecycle"] = lifecycle_context(derived, context["polled"])
    context["cli"] = cli_context(derived, context)
    out = generate_code(package, derived, workdir)
    render_package(package, context, out)
    if verify:
        verify_package(out, package.import_name, package.vendor, context["polled"] is not None, mypy_cache)
    return GeneratedPackage(package, out, derived, context, effective)


def build_package(
    spec_path: Path,
    *,
    vendor: str,
    dist: str,
    import_name: str,
    version: str = "0.1.0",
    env_prefix: str,
    summary: str = "",
    workdir: Path,
    verify: bool = True,
    operations: dict[str, dict[str, str]] | None = None,
    overlay: Path | None = None,
    label: str = "",
) -> GeneratedPackage:
    """Build a package from any spec file (the tests' entry point; no manifest needed).

    With `operations` (as the manifest's selection) or an `overlay`, the file is taken as a
    vendor's upstream document; the effective spec is then `result.effective`."""
    upstream = None
    if overlay is not None or operations:
        source = Path(spec_path).resolve()
        upstream = Upstream(document=source, source=str(source), sha256="", overlay=overlay)
    package = Package(
        vendor=vendor,
        dist=dist,
        import_name=import_name,
        version=version,
        spec=Path(spec_path).resolve(),
        spec_sha256="",
        env_prefix=env_prefix,
        summary=summary,
        label=label,
        operations=operations or {},
        upstream=upstream,
    )
    return build(package, Path(workdir), verify=verify)


def regenerate(vendors: list[str] | None, *, check: bool) -> int:
    """Rebuild the selected packages (all by default); with `check`, report drift instead of writing."""
    pins, all_packages = load_manifest()
    unknown = sorted(set(vendors or []) - set(all_packages))
    if unknown:
        raise RegenerationError(f"unknown vendor(s): {', '.join(unknown)}; known: {', '.join(all_packages)}")
    selected = [all_packages[v] for v in (vendors or all_packages)]
    check_tool_versions(pins)
    with tempfile.TemporaryDirectory(prefix="exec-sdks-") as tmp:
        workdir = Path(tmp)
        mypy_cache = workdir / "mypy-cache"
        built = {}
        oracles = {}
        effective_texts: dict[str, str] = {}
        for package in selected:
            package_workdir = workdir / package.vendor
            package_workdir.mkdir()
            generated = build(package, package_workdir, mypy_cache=mypy_cache)
            built[package.vendor] = generated.directory
            for line in generated.effective.left_out:
                print(f"note: {package.vendor}: {line}")
            if generated.polled is None:
                print(
                    f"note: {package.vendor}: no operation carries x-status-path, "
                    "so the package has no wait helper and no CLI"
                )
            oracle_input = package.spec
            if package.upstream is not None:
                effective_texts[package.vendor] = generated.effective.text(package)
                oracle_input = package_workdir / f"effective{package.spec.suffix}"
                oracle_input.write_text(effective_texts[package.vendor], encoding="utf-8")
            oracles[package.vendor] = build_oracle(package, oracle_input, package_workdir)
        current_readme, fresh_readme = updated_readme(list(all_packages.values()))
        if check:
            readme_stale = current_readme != fresh_readme
            return report_drift(selected, built, oracles, vendors, readme_stale, effective_texts)
        for package in selected:
            if package.vendor in effective_texts:
                package.spec.write_text(effective_texts[package.vendor], encoding="utf-8")
                print(f"wrote the effective spec {display_path(package.spec)}")
            if package.directory.exists():
                shutil.rmtree(package.directory)
            PACKAGES.mkdir(exist_ok=True)
            shutil.copytree(built[package.vendor], package.directory)
            ORACLE.mkdir(exist_ok=True)
            shutil.copyfile(oracles[package.vendor], ORACLE / oracles[package.vendor].name)
            print(f"generated {display_path(package.directory)} from {display_path(package.spec)}")
        write_spec_hashes(selected)
        if current_readme != fresh_readme:
            README.write_text(fresh_readme, encoding="utf-8")
            print("updated README.md's package table and environment variables from manifest.toml")
    return 0


def report_drift(
    selected: list[Package],
    built: dict[str, Path],
    oracles: dict[str, Path],
    vendors: list[str] | None,
    readme_stale: bool = False,
    effective_texts: dict[str, str] | None = None,
) -> int:
    problems: list[str] = []
    if readme_stale:
        problems.append("differs: README.md (its generated package table or environment variables)")
    for package in selected:
        fresh_spec = (effective_texts or {}).get(package.vendor)
        if fresh_spec is not None and (
            not package.spec.exists() or package.spec.read_text(encoding="utf-8") != fresh_spec
        ):
            problems.append(
                f"differs: {display_path(package.spec)} (the effective spec of {display_path(package.source)} "
                "with its overlay and selection)"
            )
        if package.spec_sha256 != sha256_of(package.spec):
            problems.append(
                f"spec changed: {display_path(package.spec)} has sha256 {sha256_of(package.spec)}, "
                f"the manifest records {package.spec_sha256 or '(none)'}"
            )
        problems.extend(compare_trees(built[package.vendor], package.directory))
        committed_oracle = ORACLE / oracles[package.vendor].name
        if not committed_oracle.exists():
            problems.append(f"missing: {display_path(committed_oracle)}")
        elif not filecmp.cmp(oracles[package.vendor], committed_oracle, shallow=False):
            problems.append(f"differs: {display_path(committed_oracle)}")
    if not problems:
        print(f"packages/ is up to date with specs/ ({', '.join(p.vendor for p in selected)})")
        return 0
    print("packages/ is out of date with specs/ or the generator:")
    for line in problems:
        print(f"  {line}")
    suffix = "".join(f" --vendor {v}" for v in vendors or [])
    print(f"\nTo fix, run:  {FIX_COMMAND}{' --' + suffix if suffix else ''}")
    return 1


__all__ = ["GeneratedPackage", "build", "build_package", "regenerate"]
