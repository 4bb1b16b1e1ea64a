"""Plan, apply, tag, build and publish releases of the generated packages.

    python scripts/release.py plan [--vendor X] [-v]  # `nox -s release -- plan`: one line per package
    python scripts/release.py apply [--vendor X] [--notes FILE]  # new versions into manifest.toml, regenerate,
                                                      # CHANGELOG.md (FILE: a Markdown "Upgrading" section)
    python scripts/release.py tag [--vendor X]        # tag `<dist>-v<version>` on the commit that set it
    python scripts/release.py build [--vendor X] [--outdir DIR]  # reproducible wheel and sdist
    python scripts/release.py publish --repository-url URL [--vendor X] [--dist-dir DIR] [--skip-build]

The version of a package follows from its public API (scripts/api_diff.py, by griffe): the last release
is compared with the working tree.

- The last release is the git tag `<dist>-v<version>` for the manifest's version. Without that tag the
  baseline is the commit that set this version in manifest.toml (the oldest commit of the unbroken run,
  back from HEAD, whose manifest has it): every change made after the version was set, committed or not,
  counts as unreleased. Comparing with HEAD instead would hide committed-but-unreleased changes; when
  0.1.0 was in fact published from a later commit, tag that commit (`git tag -a <dist>-v0.1.0 <commit>`).
- Kinds: major (a removed or renamed public name, a changed signature, a changed field type), minor
  (added public names or fields), patch (generated internals, docs or metadata only), none (no change
  in the package's files: no release).
- Before 1.0.0 the usual 0.x shift applies: a major change bumps the minor version and anything else
  the patch version (0.1.0 + major -> 0.2.0; + minor or patch -> 0.1.1). `plan` prints both, e.g.
  `kapso-exec 0.1.0 -> 0.1.1 (minor; 0.x: patch): added field FlowExecution.priority`.
- A version that manifest.toml has but no commit has (`apply` ran, not committed yet) is `pending`.
- `tag` tags the commit that set the version, and refuses when the package changed after it.
- `publish` uploads only a tagged version whose package tree is the tag's, built reproducibly
  (SOURCE_DATE_EPOCH = the last commit touching the package). It never skips existing files: an
  index refuses a version it already has, and publish fails saying so.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from api_diff import Change

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "manifest.toml"
LEVELS = ("major", "minor", "patch")
PLAN_REASONS = 6  # decisive reasons shown on a plan line; CHANGELOG.md lists them all
CHANGELOG = "CHANGELOG.md"
CHANGELOG_HEADER = """# Changelog of {dist}

Newest first. Each entry is written by `nox -s release -- apply`: the public API changes since the
previous release (found by comparing the two versions with griffe) and the spec's sha256 before and after.
"""


class ReleaseError(Exception):
    """Something a maintainer must fix before this step can run."""


@dataclass(frozen=True)
class Package:
    vendor: str
    dist: str
    import_name: str
    version: str
    spec: str
    spec_sha256: str
    # With a pinned upstream: its sha256 and the overlay's path, which the effective spec's header names.
    upstream_sha256: str = ""
    overlay: str = ""

    @property
    def directory(self) -> str:
        return f"packages/{self.dist}"

    @property
    def tag(self) -> str:
        return f"{self.dist}-v{self.version}"


def read_manifest(text: str) -> dict[str, Package]:
    data = tomllib.loads(text)
    return {
        vendor: Package(
            vendor=vendor,
            dist=entry["dist"],
            import_name=entry["import"],
            version=entry["version"],
            spec=entry["spec"],
            spec_sha256=entry.get("spec_sha256", ""),
            upstream_sha256=(entry.get("upstream") or {}).get("sha256", ""),
            overlay=(entry.get("upstream") or {}).get("overlay", ""),
        )
        for vendor, entry in data["packages"].items()
    }


def git(*args: str, check: bool = True) -> str:
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise ReleaseError(f"`git {' '.join(args)}` failed: {result.stderr.strip()}")
    return result.stdout.strip()


def git_bytes(*args: str) -> bytes:
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True)
    if result.returncode != 0:
        raise ReleaseError(f"`git {' '.join(args)}` failed: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def tag_commit(tag: str) -> str | None:
    found = git("rev-parse", "-q", "--verify", f"refs/tags/{tag}^{{commit}}", check=False)
    return found or None


# -- versions ------------------------------------------------------------------


def parse_version(version: str) -> tuple[int, int, int]:
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version)
    if match is None:
        raise ReleaseError(f"version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def effective_kind(version: str, kind: str) -> str:
    """The part of `version` that `kind` bumps: before 1.0.0, breaking -> minor, anything else -> patch."""
    if parse_version(version)[0] > 0:
        return kind
    return "minor" if kind == "major" else "patch"


def bump(version: str, kind: str) -> str:
    major, minor, patch = parse_version(version)
    part = effective_kind(version, kind)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


# -- the baseline --------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    rev: str
    description: str  # "tag kapso-exec-v0.1.0" or "commit 1a2b3c4d5e6f, which set 0.1.0 (no tag yet)"
    tagged: bool
    spec_sha256: str


def version_set_commit(package: Package) -> str | None:
    """The commit that set the manifest's version of `package`; None if only the working tree has it."""
    revs = git("rev-list", "--first-parent", "HEAD", "--", "manifest.toml", check=False).split()
    found: str | None = None
    for rev in revs:  # newest first
        entry = tomllib.loads(git("show", f"{rev}:manifest.toml"))["packages"].get(package.vendor, {})
        if entry.get("version") != package.version:
            break
        found = rev
    return found


def find_baseline(package: Package) -> Baseline | None:
    """The last release of `package` (see the module docstring); None while its version is not committed."""
    rev = tag_commit(package.tag)
    if rev is not None:
        description = f"tag {package.tag}"
        tagged = True
    else:
        set_at = version_set_commit(package)
        if set_at is None:
            return None
        rev = set_at
        description = f"commit {rev[:12]}, which set {package.version} (no tag {package.tag} yet)"
        tagged = False
    entry = tomllib.loads(git("show", f"{rev}:manifest.toml"))["packages"].get(package.vendor, {})
    return Baseline(rev, description, tagged, entry.get("spec_sha256", ""))


def files_at(rev: str, directory: str, into: Path) -> dict[str, bytes]:
    """The files of `directory` at commit `rev`, extracted under `into`; by path relative to `directory`."""
    archive = git_bytes("archive", "--format=tar", rev, "--", directory)
    files: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
        for member in tar.getmembers():
            if member.isfile():
                extracted = tar.extractfile(member)
                assert extracted is not None
                files[member.name.removeprefix(directory + "/")] = extracted.read()
    return files


def working_files(directory: str) -> dict[str, bytes]:
    """The working tree's files of `directory` that git would see (tracked or not ignored)."""
    names = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", directory).split("\0")
    return {
        name.removeprefix(directory + "/"): (ROOT / name).read_bytes()
        for name in names
        if name and (ROOT / name).is_file()
    }


# -- plans ---------------------------------------------------------------------


@dataclass
class Plan:
    package: Package
    baseline: Baseline | None
    kind: str  # major, minor, patch, none, or pending (the version is set but not committed)
    new: str
    changes: list[Change] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    spec_sha256_after: str = ""

    @property
    def releases(self) -> bool:
        return self.kind in LEVELS

    @property
    def kind_text(self) -> str:
        if parse_version(self.package.version)[0] == 0:
            return f"{self.kind}; 0.x: {effective_kind(self.package.version, self.kind)}"
        return self.kind

    @property
    def kind_words(self) -> str:
        if parse_version(self.package.version)[0] == 0:
            return f"{self.kind} (0.x: {effective_kind(self.package.version, self.kind)})"
        return self.kind

    def items(self, files_shown: int | None = None) -> list[tuple[str, str]]:
        """(level, text) of every change, most severe first; the changed files last, as one patch item."""
        items = [(change.level, change.text) for change in self.changes]
        if self.files:
            names = self.files if files_shown is None else self.files[:files_shown]
            more = ", ..." if len(names) < len(self.files) else ""
            plural = "s" if len(self.files) > 1 else ""
            items.append(("patch", f"changed {len(self.files)} file{plural}: {', '.join(names)}{more}"))
        return items

    def line(self) -> str:
        """`<dist> <old> -> <new> (<kind>): <reasons>`; the reasons are those of the deciding kind."""
        dist, old = self.package.dist, self.package.version
        if self.baseline is None:
            return (
                f"{dist} {old} -> {old} (pending): {old} is set in manifest.toml but not committed; "
                "commit it, then `nox -s release -- tag`"
            )
        if not self.releases:
            line = f"{dist} {old} -> {old} (none): no change since {self.baseline.description}"
            if not self.baseline.tagged:
                line += "; tag it with `nox -s release -- tag`"
            return line
        items = self.items(files_shown=3)
        decisive = [text for level, text in items if level == self.kind]
        shown = decisive[:PLAN_REASONS]
        if len(decisive) > len(shown):
            shown.append(f"and {len(decisive) - len(shown)} more")
        text = "; ".join(shown)
        lesser = len(items) - len(decisive)
        if lesser:
            text += f" (+{lesser} lesser change{'s' if lesser > 1 else ''})"
        return f"{dist} {old} -> {self.new} ({self.kind_text}): {text}"


def check_generated_hash(package: Package) -> str:
    spec = ROOT / package.spec
    digest = hashlib.sha256(spec.read_bytes()).hexdigest()
    fix = f"run `nox -s generate -- --vendor {package.vendor}` first"
    if digest != package.spec_sha256:
        raise ReleaseError(
            f"{package.spec} has sha256 {digest} but manifest.toml records {package.spec_sha256}: "
            f"the package is not generated from it; {fix}"
        )
    if package.upstream_sha256:
        # An effective spec names the upstream document and overlay it was made from.
        overlay = hashlib.sha256((ROOT / package.overlay).read_bytes()).hexdigest() if package.overlay else "(none)"
        made_from = f"# Made from: upstream sha256 {package.upstream_sha256}; overlay sha256 {overlay}\n"
        if made_from not in spec.read_text(encoding="utf-8"):
            raise ReleaseError(
                f"{package.spec} was not made from the pinned upstream document and the current overlay; {fix}"
            )
    return digest


def plan_package(package: Package) -> Plan:
    from api_diff import changed_files, compare_packages, release_kind

    spec_sha256 = check_generated_hash(package)
    baseline = find_baseline(package)
    if baseline is None:
        return Plan(package, None, "pending", package.version, spec_sha256_after=spec_sha256)
    with tempfile.TemporaryDirectory(prefix="release-") as tmp:
        old_files = files_at(baseline.rev, package.directory, Path(tmp))
        new_files = working_files(package.directory)
        if not old_files:
            raise ReleaseError(f"{package.directory} does not exist at {baseline.description}")
        try:
            changes = compare_packages(Path(tmp) / package.directory, ROOT / package.directory, package.import_name)
        except Exception as exc:  # griffe could not read one of the two versions
            raise ReleaseError(f"cannot compare {package.dist} with {baseline.description}: {exc}") from exc
    files = changed_files(old_files, new_files)
    kind = release_kind(changes, files)
    new = bump(package.version, kind) if kind in LEVELS else package.version
    return Plan(package, baseline, kind, new, changes, files, spec_sha256)


def selected_packages(vendors: Sequence[str] | None) -> list[Package]:
    packages = read_manifest(MANIFEST.read_text(encoding="utf-8"))
    unknown = sorted(set(vendors or []) - set(packages))
    if unknown:
        raise ReleaseError(f"unknown vendor(s) {', '.join(unknown)}; known: {', '.join(packages)}")
    return [packages[vendor] for vendor in (vendors or packages)]


# -- apply ---------------------------------------------------------------------


def changelog_entry(plan: Plan, today: datetime.date, notes: str = "") -> str:
    """The CHANGELOG.md entry of `plan`; `notes` (Markdown, e.g. how to migrate) goes first under "Upgrading".

    The API diff says what changed; only a person can say how a caller should adapt, so a breaking
    release carries hand-written notes next to the generated list.
    """
    package, baseline = plan.package, plan.baseline
    assert baseline is not None
    items = plan.items()
    groups = {
        "Breaking changes": [text for level, text in items if level == "major"],
        "Additions": [text for level, text in items if level == "minor"],
        "Other changes": [text for level, text in items if level == "patch"],
    }
    lines = [
        f"## {plan.new} ({today.isoformat()})",
        "",
        f"Release kind: {plan.kind_words}; {package.version} -> {plan.new}, compared with {baseline.description}.",
        "",
        f"Spec `{package.spec}` sha256:",
        "",
        f"- before: `{baseline.spec_sha256 or '(none recorded)'}`",
        f"- after: `{plan.spec_sha256_after}`",
    ]
    if notes.strip():
        lines += ["", "### Upgrading", "", notes.strip()]
    for title, texts in groups.items():
        if texts:
            lines += ["", f"### {title}", "", *(f"- {text}" for text in texts)]
    return "\n".join(lines) + "\n"


def prepend_changelog(path: Path, dist: str, entry: str) -> None:
    """Add `entry` above the newest entry (after the file's title and preamble)."""
    text = path.read_text(encoding="utf-8") if path.exists() else CHANGELOG_HEADER.format(dist=dist)
    match = re.search(r"^## ", text, flags=re.MULTILINE)
    if match is None:
        text = text.rstrip("\n") + "\n\n" + entry
    else:
        text = text[: match.start()] + entry + "\n" + text[match.start() :]
    path.write_text(text, encoding="utf-8")


def set_versions(plans: list[Plan]) -> None:
    import tomlkit

    document = tomlkit.parse(MANIFEST.read_text(encoding="utf-8"))
    for plan in plans:
        document["packages"][plan.package.vendor]["version"] = plan.new
    MANIFEST.write_text(tomlkit.dumps(document), encoding="utf-8")


def regenerate(vendors: list[str]) -> None:
    flags = [flag for vendor in vendors for flag in ("--vendor", vendor)]
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "regenerate.py"), *flags], cwd=ROOT)
    if result.returncode != 0:
        raise ReleaseError(f"regeneration failed (exit {result.returncode}); see above")


def apply(packages: list[Package], notes: str = "") -> int:
    plans = [plan_package(package) for package in packages]
    for plan in plans:
        print(plan.line())
    releases = [plan for plan in plans if plan.releases]
    if not releases:
        print("nothing to release")
        return 0
    before = MANIFEST.read_text(encoding="utf-8")
    set_versions(releases)
    try:
        regenerate([plan.package.vendor for plan in releases])
    except ReleaseError:
        MANIFEST.write_text(before, encoding="utf-8")
        raise
    today = datetime.datetime.now(datetime.UTC).date()
    for plan in releases:
        path = ROOT / plan.package.directory / CHANGELOG
        prepend_changelog(path, plan.package.dist, changelog_entry(plan, today, notes))
        print(f"wrote {plan.package.dist} {plan.new} to manifest.toml, {plan.package.directory}/ and its {CHANGELOG}")
    print("next: review `git diff`, commit, then `nox -s release -- tag` and `nox -s publish -- --repository-url URL`")
    return 0


# -- tag -----------------------------------------------------------------------


def dirty(paths: list[str]) -> list[str]:
    return [line for line in git("status", "--porcelain", "--untracked-files=all", "--", *paths).splitlines() if line]


def tag(packages: list[Package]) -> int:
    for package in packages:
        existing = tag_commit(package.tag)
        if existing is not None:
            print(f"{package.tag} exists ({existing[:12]})")
            continue
        changed = dirty(["manifest.toml", package.directory, package.spec])
        if changed:
            raise ReleaseError(f"commit these before tagging {package.tag}: {'; '.join(changed)}")
        set_at = version_set_commit(package)
        if set_at is None:
            raise ReleaseError(f"{package.dist} {package.version} is not in any commit of manifest.toml")
        if git("diff", "--name-only", set_at, "HEAD", "--", package.directory):
            raise ReleaseError(
                f"{package.directory} changed after {set_at[:12]} set {package.version}: run "
                f"`nox -s release -- plan` and `apply` for a new version, or tag the commit that was released "
                f"(`git tag -a {package.tag} <commit>`)"
            )
        git("tag", "-a", package.tag, "-m", f"{package.dist} {package.version}", set_at)
        print(f"tagged {package.tag} at {set_at[:12]}")
    return 0


# -- build and publish ---------------------------------------------------------


def source_date_epoch(package: Package) -> str:
    """The timestamp of the last commit that touched the package (of HEAD when none did).

    Building the same commit twice then gives byte-identical wheels and sdists; a later commit
    that leaves the package alone does not change them either.
    """
    stamp = git("log", "-1", "--format=%ct", "--", package.directory, check=False)
    return stamp or git("log", "-1", "--format=%ct")


def build(packages: list[Package], outdir: Path) -> list[Path]:
    """Wheel and sdist of each package into `outdir`, reproducibly; returns the files built."""
    outdir.mkdir(parents=True, exist_ok=True)
    installer = ["--installer", "uv"] if shutil.which("uv") else []
    built: list[Path] = []
    for package in packages:
        for old in outdir.glob(f"{package.import_name}-*"):
            old.unlink()
        env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(package)}
        command = [sys.executable, "-m", "build", *installer, "--outdir", str(outdir), str(ROOT / package.directory)]
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise ReleaseError(f"building {package.dist} failed:\n{result.stdout}{result.stderr}")
        files = sorted(outdir.glob(f"{package.import_name}-{package.version}*"))
        if len(files) != 2:
            raise ReleaseError(f"expected a wheel and an sdist of {package.dist} in {outdir}, found {files}")
        built.extend(files)
        print(f"built {', '.join(f.name for f in files)} (SOURCE_DATE_EPOCH={env['SOURCE_DATE_EPOCH']})")
    return built


def check_publishable(package: Package) -> None:
    """Only a tagged version is published, and only as the tag records it."""
    if tag_commit(package.tag) is None:
        raise ReleaseError(
            f"{package.dist} {package.version} has no tag {package.tag}: run `nox -s release -- plan`, "
            "`apply`, commit, and `nox -s release -- tag` first"
        )
    differs = git("diff", "--name-only", package.tag, "--", package.directory)
    untracked = git("ls-files", "--others", "--exclude-standard", "--", package.directory)
    if differs or untracked:
        raise ReleaseError(
            f"{package.directory} differs from tag {package.tag} ({', '.join((differs + untracked).split())}): "
            "publish only what a tag records"
        )


def upload(package: Package, files: list[Path], repository_url: str) -> None:
    """twine upload, credentials from TWINE_USERNAME/TWINE_PASSWORD; a refused file fails clearly."""
    command = [sys.executable, "-m", "twine", "--no-color", "upload", "--verbose", "--non-interactive"]
    command += ["--disable-progress-bar", "--repository-url", repository_url, *map(str, files)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode == 0:
        print(f"published {package.dist} {package.version} to {repository_url}: {', '.join(f.name for f in files)}")
        return
    errors = [line.strip() for line in output.splitlines() if "HTTPError" in line or line.startswith("ERROR")]
    said = errors[-1] if errors else output.splitlines()[-1] if output else f"exit {result.returncode}"
    if re.search(r"already\s+exists?|\b409\b|File exists", output, flags=re.IGNORECASE):
        raise ReleaseError(
            f"{repository_url} already has {package.dist} {package.version} and refused the upload ({said}). "
            "An index never replaces a released file, and no file there was replaced: release a new version "
            "(`nox -s release -- plan`, `apply`, `tag`) instead."
        )
    raise ReleaseError(f"uploading {package.dist} {package.version} to {repository_url} failed ({said}):\n{output}")


def check_publish(packages: list[Package], repository_url: str | None) -> str:
    """Everything `publish` needs before building: the URL, the credentials, the tags."""
    if not repository_url:
        raise ReleaseError("publish needs --repository-url URL (the index's upload URL)")
    missing = [name for name in ("TWINE_USERNAME", "TWINE_PASSWORD") if not os.environ.get(name)]
    if missing:
        raise ReleaseError(f"set {' and '.join(missing)} (the index's credentials) in the environment")
    for package in packages:
        check_publishable(package)
    return repository_url


def publish(packages: list[Package], repository_url: str, dist_dir: Path, skip_build: bool) -> int:
    if not skip_build:
        build(packages, dist_dir)
    by_package: dict[str, list[Path]] = {}
    for package in packages:
        files = sorted(dist_dir.glob(f"{package.import_name}-{package.version}[-.]*"))
        if len(files) != 2:
            raise ReleaseError(f"expected a wheel and an sdist of {package.dist} {package.version} in {dist_dir}")
        by_package[package.dist] = files
    everything = [str(path) for files in by_package.values() for path in files]
    check = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *everything], capture_output=True)
    if check.returncode != 0:
        raise ReleaseError(f"twine check failed:\n{check.stdout.decode()}{check.stderr.decode()}")
    for package in packages:
        upload(package, by_package[package.dist], repository_url)
    return 0


# -- command line --------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["plan", "apply", "tag", "build", "publish"])
    parser.add_argument("--vendor", action="append", help="only this vendor (repeatable)")
    parser.add_argument("--verbose", "-v", action="store_true", help="plan: also name each baseline (on stderr)")
    parser.add_argument("--notes", type=Path, help="apply: a Markdown file for the entry's Upgrading section")
    parser.add_argument("--outdir", type=Path, default=ROOT / "dist", help="build: where the files go")
    parser.add_argument("--repository-url", help="publish: the index's upload URL")
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist", help="publish: where the files are built")
    parser.add_argument("--skip-build", action="store_true", help="publish: upload what --dist-dir holds")
    parser.add_argument("--check-only", action="store_true", help="publish: only check URL, credentials and tags")
    args = parser.parse_args(argv)
    try:
        packages = selected_packages(args.vendor)
        if args.command == "plan":
            for package in packages:
                plan = plan_package(package)
                if args.verbose and plan.baseline is not None:
                    print(f"# {package.dist}: compared with {plan.baseline.description}", file=sys.stderr, flush=True)
                print(plan.line(), flush=True)
            return 0
        if args.command == "apply":
            notes = args.notes.read_text(encoding="utf-8") if args.notes else ""
            return apply(packages, notes)
        if args.command == "tag":
            return tag(packages)
        if args.command == "build":
            build(packages, args.outdir.resolve())
            return 0
        repository_url = check_publish(packages, args.repository_url)
        if args.check_only:
            return 0
        return publish(packages, repository_url, args.dist_dir.resolve(), args.skip_build)
    except ReleaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
