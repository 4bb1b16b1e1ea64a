"""Bring in a new version of a vendor's published OpenAPI document, and review it before anything regenerates.

    python scripts/upstream.py --vendor tracecat --from https://example.com/openapi.json
    python scripts/upstream.py --vendor tracecat --from ~/Downloads/openapi.json --source "TracecatHQ/tracecat@abc123"
    python scripts/upstream.py --vendor tracecat --from FILE --dry-run   # print the review, write nothing

In this order:
1. The new document is read as untrusted input (generator/source.py): its size is capped, YAML
   aliases cannot expand without bound, a URL is fetched with a timeout. A `$ref` outside the
   document that the package's operations would reach is refused (none is ever followed). Any
   refusal is one line on stderr, exit 2, and nothing is written.
2. The review (generator/review.py): per selected operation what changed, selected operations
   that disappeared, overlay actions that stopped matching, operations the vendor added that are
   not selected, and the release kind that regenerating would ask for (the package is built from
   the new document in a temporary directory and its public API compared with packages/<dist>/).
3. Unless --dry-run: the document, byte for byte, at the pinned path (under `.json` or `.yaml` as
   its format is), and the pin in manifest.toml (`[packages.<vendor>.upstream]`: document,
   source, sha256). Nothing else under specs/ or packages/ changes: `nox -s generate` does that.

A bug in this script exits 3 with one line; --debug shows its traceback.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import PACKAGES, ROOT
from generator.errors import RegenerationError, display_path
from generator.manifest import Package, Upstream, check_tool_versions, load_manifest, sha256_of, write_upstream_pin
from generator.overlay import load_overlay
from generator.review import Review, external_refs, operation_keys, overlaid, review, selection_keys
from generator.source import is_json_name, load_source, read_document


def is_url(file_or_url: str) -> bool:
    return "://" in file_or_url


def is_json(file_or_url: str, data: bytes) -> bool:
    """Whether the document was read as JSON: as `load_source` decides (a URL by its first byte)."""
    if is_url(file_or_url):
        return data.lstrip()[:1] in (b"{", b"[")
    return is_json_name(file_or_url)


def target_path(package: Package, json_text: bool) -> Path:
    """Where the new document goes: the pinned path, under the extension its format has."""
    pinned = package.upstream.document if package.upstream else ROOT / "specs" / package.vendor / "upstream.json"
    if is_json_name(pinned.name) == json_text:
        return pinned
    return pinned.with_suffix(".json" if json_text else ".yaml")


def check_document(document: dict[str, Any], name: str) -> None:
    """Refuse what cannot be reviewed at all: not OpenAPI 3, or no paths."""
    version = str(document.get("openapi", ""))
    if "swagger" in document or not version.startswith(("3.0", "3.1")):
        raise RegenerationError(
            f"{name}: #/openapi: OpenAPI version {version or '(none)'!r}; bring in an OpenAPI 3.0 or 3.1 document"
        )
    if not isinstance(document.get("paths"), dict):
        raise RegenerationError(f"{name}: #/paths: the document has no paths object; it is not the API's document")


def pinned_document(package: Package) -> tuple[dict[str, Any], str, list[str]]:
    """(the document in use now, how the review names it, notes): the pinned upstream document,
    else (a vendor's first pin) its hand-kept spec."""
    notes: list[str] = []
    if package.upstream is None:
        notes.append(f"first pin: compared with the hand-kept spec {display_path(package.spec)}")
        return read_document(package.spec), display_path(package.spec), notes
    path = package.upstream.document
    if not path.exists():
        notes.append(f"{display_path(path)} does not exist: every operation counts as new")
        return {"openapi": "3.1.0", "paths": {}}, f"{display_path(path)} (missing)", notes
    digest = sha256_of(path)
    if package.upstream.sha256 and digest != package.upstream.sha256:
        notes.append(f"{display_path(path)} was changed after it was pinned (sha256 {package.upstream.sha256[:12]})")
    return read_document(path), f"{display_path(path)} (sha256 {digest[:12]}, {package.upstream.source})", notes


def release_kind(package: Package, data: bytes, json_text: bool, name: str) -> list[str]:
    """The release regenerating from the new document would ask for, as scripts/release.py decides it."""
    from api_diff import changed_files, compare_packages
    from api_diff import release_kind as kind_of
    from release import Baseline, Plan, bump
    from release import Package as ReleasePackage

    from generator.pipeline import build
    from generator.trees import tree_files

    pins, _ = load_manifest()
    with tempfile.TemporaryDirectory(prefix="exec-sdks-upstream-") as tmp:
        document = Path(tmp) / ("upstream.json" if json_text else "upstream.yaml")
        document.write_bytes(data)
        overlay = package.upstream.overlay if package.upstream else None
        candidate = replace(package, upstream=Upstream(document, "", "", overlay))
        workdir = Path(tmp) / "build"
        workdir.mkdir()
        try:
            check_tool_versions(pins)
            built = build(candidate, workdir, verify=False)
        except RegenerationError as exc:
            # The refusal names the temporary copy; the maintainer knows the document by its origin.
            return [f"release kind: none yet: {str(exc).replace(str(document), name)}"]
        committed = PACKAGES / package.dist
        if not committed.is_dir():
            return [f"release kind: first release ({display_path(committed)} does not exist yet)"]
        changes = compare_packages(committed, built.directory, package.import_name)
        old_files = {name: (committed / name).read_bytes() for name in tree_files(committed)}
        new_files = {name: (built.directory / name).read_bytes() for name in tree_files(built.directory)}
        files = changed_files(old_files, new_files)
    kind = kind_of(changes, files)
    released = ReleasePackage(package.vendor, package.dist, package.import_name, package.version, "", "")
    baseline = Baseline("", f"the committed {display_path(committed)}/", True, "")
    new_version = bump(package.version, kind) if kind in ("major", "minor", "patch") else package.version
    plan = Plan(released, baseline, kind, new_version, changes, files)
    return [f"release kind: {plan.kind_words}, compared with {baseline.description}", f"  {plan.line()}"]


def write(package: Package, target: Path, data: bytes, sha256: str, source: str) -> list[str]:
    """The document at `target` and its pin; the document is renamed into place after the pin is written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.new")
    staged.write_bytes(data)
    try:
        write_upstream_pin(package.vendor, target, sha256, source)
    except BaseException:
        staged.unlink()
        raise
    os.replace(staged, target)
    lines = [f"wrote {display_path(target)} (sha256 {sha256}) and its pin in manifest.toml"]
    previous = package.upstream.document if package.upstream else None
    if previous is not None and previous != target and previous.exists():
        previous.unlink()  # the pin moved to the new extension; the old file would be a stale copy
        lines.append(f"removed {display_path(previous)} (the document is {target.suffix[1:].upper()} now)")
    return lines


def run(args: argparse.Namespace) -> int:
    _, packages = load_manifest()
    package = packages.get(args.vendor)
    if package is None:
        raise RegenerationError(f"unknown vendor {args.vendor!r}; known: {', '.join(packages)}")
    # 1. The new document, checked before anything else happens.
    document, data = load_source(args.from_)
    name = args.from_
    check_document(document, name)
    overlay = load_overlay(package.upstream.overlay) if package.upstream and package.upstream.overlay else None
    view = overlaid(document, overlay).document
    present = set(operation_keys(view))
    keys = set(selection_keys(package.operations)) & present if package.operations else None
    outside = external_refs(view, keys)
    if outside:
        where, ref = outside[0]
        more = f" (and {len(outside) - 1} more)" if len(outside) > 1 else ""
        raise RegenerationError(
            f"{name}: {where}: external $ref {ref!r}{more} is not followed; bring in a self-contained "
            "document (bundle it, e.g. `redocly bundle`) or replace the reference in the overlay"
        )
    # 2. The review.
    sha256 = hashlib.sha256(data).hexdigest()
    old, before, notes = pinned_document(package)
    result: Review = review(
        package.vendor,
        old,
        document,
        overlay,
        package.operations,
        before=before,
        after=f"{name} (sha256 {sha256[:12]})",
    )
    result.notes.extend(notes)
    print("\n".join(result.lines()), flush=True)
    json_text = is_json(args.from_, data)
    kind = release_kind(package, data, json_text, name)
    print("\n".join(kind), flush=True)
    if args.dry_run:
        print("dry run: nothing written")
        return 0
    # 3. The document and its pin.
    # A file's own name only: a path on this machine means nothing in the repo.
    source = args.source or (name if is_url(name) else f"file {Path(name).name} (sha256 {sha256[:12]})")
    for line in write(package, target_path(package, json_text), data, sha256, source):
        print(line)
    fix_first = kind[0].startswith("release kind: none yet")
    steps = ["fix what the review names (the overlay, or the manifest's selection)"] if fix_first else []
    if package.upstream is None:  # a first pin: the hand-kept spec's own corrections move to an overlay
        steps.insert(0, f"name an overlay with the polling extensions: [packages.{package.vendor}.upstream] overlay")
    steps += [
        f"nox -s generate -- --vendor {package.vendor}",
        "review the diff of specs/, packages/ and manifest.toml",
        "nox -s release -- plan",
    ]
    print("next:")
    print("\n".join(f"  {number}. {step}" for number, step in enumerate(steps, 1)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vendor", required=True, help="the manifest's vendor key")
    parser.add_argument("--from", dest="from_", required=True, metavar="FILE_OR_URL", help="the new document")
    parser.add_argument("--source", help="where it came from, as the pin records it (default: the URL, or the file)")
    parser.add_argument("--dry-run", action="store_true", help="print the review, write nothing")
    parser.add_argument("--debug", action="store_true", help="show the traceback of a bug in this script")
    args = parser.parse_args(argv)
    try:
        return run(args)
    except RegenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug here, not in the document
        if args.debug:
            raise
        print(f"error: internal error: {type(exc).__name__}: {exc}; rerun with --debug", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
