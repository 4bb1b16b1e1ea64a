"""Stage 1b: the effective spec, the document a package is generated from.

    upstream document --overlay--> --selection--> --pruning--> --leaving out--> effective spec

- For a vendor with `[packages.<vendor>.upstream]`, the vendor's document (its sha256 checked
  against the pin) gets the overlay's actions; the result is written to the package's `spec`
  path by `nox -s generate`, committed for review and covered by the drift gate.
- For a vendor with a hand-kept spec, that spec is the start and nothing is written.
- With `[packages.<vendor>.operations]` only those operations are kept, named by the manifest;
  without it every operation is kept but those the pipeline cannot support, each left out with
  one line (the polled operation is never left out: its refusal stands).
- Pruning comes before every refusal check: what no kept operation reaches cannot block one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .derive import Derived, derive
from .errors import RegenerationError, SpecRefusalError, SpecRefusalsError, display_path
from .manifest import Package, sha256_of
from .overlay import apply_overlay, load_overlay
from .selection import all_operations, operations_reaching, prune, remove_operations, select_operations
from .source import dump_yaml, read_document

HEADER = (
    "# The effective spec of {vendor}: {source}\n"
    "# with {overlay} applied{selection}, pruned to what those operations reach.\n"
    "# Written by `nox -s generate`; do not edit: change the overlay or the manifest's selection.\n"
    "# Made from: upstream sha256 {upstream_sha256}; overlay sha256 {overlay_sha256}\n"
)


@dataclass
class Effective:
    document: dict[str, Any]  # the effective spec (the vendor's terms; derive rewrites it for the generator)
    origin: Path  # the file refusals name: the upstream document, else the hand-kept spec
    derived: Derived
    left_out: list[str] = field(default_factory=list)  # one line per operation left out

    def text(self, package: Package) -> str:
        """The effective spec as the YAML file generate writes for a vendor with an upstream."""
        assert package.upstream is not None
        overlay = display_path(package.upstream.overlay) if package.upstream.overlay else "no overlay"
        selected = sum(len(functions) for functions in package.operations.values())
        header = HEADER.format(
            vendor=package.vendor,
            source=display_path(package.upstream.document),
            overlay=overlay,
            upstream_sha256=sha256_of(package.upstream.document),
            overlay_sha256=sha256_of(package.upstream.overlay) if package.upstream.overlay else "(none)",
            selection=f" and the manifest's selection ({selected} operation{'s' if selected != 1 else ''})"
            if selected
            else "",
        )
        return header + dump_yaml(self.document)


def source_document(package: Package, *, check_pin: bool = True) -> tuple[dict[str, Any], Path]:
    """(the document with the overlay applied, the file it came from)."""
    upstream = package.upstream
    if upstream is None:
        return read_document(package.spec), package.spec
    if check_pin and upstream.sha256 and sha256_of(upstream.document) != upstream.sha256:
        raise RegenerationError(
            f"{display_path(upstream.document)} has sha256 {sha256_of(upstream.document)}, but the manifest pins "
            f"{upstream.sha256}; bring a new document in with `nox -s upstream -- --vendor {package.vendor} "
            "--from FILE_OR_URL`"
        )
    document = read_document(upstream.document)
    if upstream.overlay is not None:
        document, _ = apply_overlay(document, load_overlay(upstream.overlay))
    return document, upstream.document


def effective_spec(package: Package, document: dict[str, Any] | None = None, origin: Path | None = None) -> Effective:
    """The effective spec of `package` (from `document` when given, else from its source), derived."""
    if document is None or origin is None:
        document, origin = source_document(package)
    if not str((document.get("info") or {}).get("title") or "").strip() and package.label:
        # An empty title is the vendor's omission; the manifest's label names the vendor just as well.
        document = {**document, "info": {**(document.get("info") or {}), "title": package.label}}
    where = f"[packages.{package.vendor}.operations]"
    if package.operations:
        document = select_operations(document, package.operations, where, display_path(origin))
    document = prune(document)
    if package.operations:
        return Effective(document, origin, derive(document, origin))
    return _leave_out_unsupported(document, origin)


def _leave_out_unsupported(document: dict[str, Any], origin: Path) -> Effective:
    """Derive `document`, leaving out each operation that a refusal blocks, until none does."""
    left_out: list[str] = []
    for _ in range(len(list(all_operations(document))) + 1):
        try:
            return Effective(document, origin, derive(document, origin, collect=True), left_out)
        except SpecRefusalsError as refusals:
            blocked: dict[tuple[str, str], SpecRefusalError] = {}
            for problem in refusals.problems:
                keys = operations_reaching(document, problem.pointer)
                polled = [key for key in keys if "x-status-path" in document["paths"][key[0]][key[1]]]
                if not keys or polled:
                    raise problem from None  # the document as a whole, or the polled operation: refused
                for key in keys:
                    blocked.setdefault(key, problem)
            for (path, method), problem in blocked.items():
                left_out.append(f"left out {method.upper()} {path}: {problem}")
            document = remove_operations(document, list(blocked))
            if not document["paths"]:
                raise SpecRefusalError(
                    origin, "#/paths", "no operation the pipeline supports is left", "select operations it supports"
                ) from None
    raise RegenerationError(f"{display_path(origin)}: leaving out unsupported operations did not settle")
