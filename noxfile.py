"""Every dev task of exec-sdks. Each session installs what it needs and runs alone.

    nox -s pipeline          # the main job: regenerate, build, smoke-test every package
    nox -s tests             # the test suite, against the packages installed from their wheels
    nox -s generate          # regenerate packages/ from specs/
    nox -s check_generated   # drift gate
    nox -s lint typecheck build
    nox -s upstream -- --vendor V --from FILE_OR_URL   # a vendor's new document: review, then pin it
    nox -s release -- plan   # next versions from the public API; `-- apply`, `-- tag`
    nox -s publish -- --repository-url URL
    nox -s bench             # benchmarks, printed as ratios measured side by side
    nox -s lowest            # the runtime's tests against the lowest dependency versions the packages allow

Limit any session to vendors with `-- --vendor kapso` (repeatable).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
MANIFEST = tomllib.loads((ROOT / "manifest.toml").read_text(encoding="utf-8"))
PINS = MANIFEST["generator"]
PACKAGES = MANIFEST["packages"]
DIST = ROOT / "dist"
PRISM_DIR = ROOT / "tests" / "prism"

nox.options.default_venv_backend = "uv"
# uv installs without compiling bytecode, and where PYTHONDONTWRITEBYTECODE is set (as on this
# project's machines) Python never writes it either: every subprocess then compiles each module it
# imports from source, every time. openapi-python-client took 1.6 s to start instead of 0.6 s, once
# per generation, and the suite starts hundreds of interpreters (generations, CLIs, servers).
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")
nox.options.sessions = ["lint", "typecheck", "check_generated", "tests"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = "3.11"
GENERATOR_DEPS = [
    f"openapi-python-client=={PINS['openapi-python-client']}",
    f"ruff=={PINS['ruff']}",
    f"datamodel-code-generator=={PINS['datamodel-code-generator']}",
    "tomlkit==0.15.2",
    "pyyaml==6.0.3",
    "jinja2==3.1.6",
    # overlays: RFC 9535 JSONPath targets (the Overlay 1.0 specification's query language)
    "jsonpath-rfc9535==1.0.1",
    # the pipeline proves each package before it replaces packages/: imports, mypy --strict
    "mypy==2.4.1",
    "httpx2==2.16.2",
    "attrs==26.1.0",
    "orjson==3.13.0",
]
BUILD_DEPS = ["build==1.6.1", "twine==7.0.0", "check-wheel-contents==0.6.3"]
TEST_DEPS = [
    "pytest==9.0.3",
    "pytest-asyncio==1.5.0",
    # two workers on CI's two cores: the suite spends much of its time waiting on servers and subprocesses
    "pytest-xdist==3.8.0",
    "hypothesis==6.155.2",
    "openapi-spec-validator==0.9.0",
    "jsonschema==4.26.0",
    "pyyaml==6.0.3",
    # property-based and differential tests (the oracle models are pydantic v2)
    "hypothesis-jsonschema==0.23.1",
    "pydantic==2.14.3",
    # the packages' optional `fast` extra (tests switch between it and the stdlib decoder)
    "orjson==3.13.0",
    # release engineering: API diffs, builds, a real local package index
    "griffe==2.4.1",
    "pypiserver==2.4.2",
    "passlib==1.7.4",
    # the packages' optional `otel` extra: spans checked in memory, and the httpx2 instrumentation
    "opentelemetry-api==1.45.2",
    "opentelemetry-sdk==1.45.2",
    "opentelemetry-instrumentation-httpx==0.66b2",
    # the packages' optional `redis` extra: a rate budget shared by processes through a real redis-server
    "redis==8.1.0",
    *BUILD_DEPS,
    *GENERATOR_DEPS,
]


WORKERS = ["-n", "2", "--dist", "loadfile"]


def selected_vendors(session: nox.Session) -> tuple[list[str], list[str]]:
    """(`--vendor` choices, the other posargs). No choice means every vendor."""
    vendors: list[str] = []
    rest: list[str] = []
    args = iter(session.posargs)
    for arg in args:
        if arg == "--vendor":
            vendors.append(next(args, ""))
        elif arg.startswith("--vendor="):
            vendors.append(arg.split("=", 1)[1])
        else:
            rest.append(arg)
    unknown = [v for v in vendors if v not in PACKAGES]
    if unknown:
        session.error(f"unknown vendor(s) {unknown}; known: {sorted(PACKAGES)}")
    return vendors or list(PACKAGES), rest


def vendor_flags(vendors: list[str]) -> list[str]:
    """`--vendor X` flags for a script; none when every vendor is selected."""
    if sorted(vendors) == sorted(PACKAGES):
        return []
    return [flag for vendor in vendors for flag in ("--vendor", vendor)]


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate packages/ (all, or `-- --vendor X`) and record the specs' hashes."""
    vendors, _ = selected_vendors(session)
    session.install(*GENERATOR_DEPS)
    session.run("python", "scripts/regenerate.py", *vendor_flags(vendors))


@nox.session(python=PYTHON)
def check_generated(session: nox.Session) -> None:
    """Fail when packages/ differs from a fresh regeneration, or a spec from its recorded hash."""
    vendors, _ = selected_vendors(session)
    session.install(*GENERATOR_DEPS)
    session.run("python", "scripts/regenerate.py", "--check", *vendor_flags(vendors))


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff over everything hand-written and generated."""
    session.install(f"ruff=={PINS['ruff']}")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict over every package (each on its own) and over the tests."""
    vendors, _ = selected_vendors(session)
    session.install("mypy==2.4.1", "httpx2==2.16.2", "attrs==26.1.0", "jinja2==3.1.6", "tomlkit==0.15.2", *TEST_DEPS)
    session.install("types-PyYAML", "types-jsonschema")
    for vendor in vendors:
        entry = PACKAGES[vendor]
        # mypy's cache stays out of packages/, where the drift gate would rightly call it stray.
        cache = ROOT / ".nox" / "mypy-cache" / vendor
        with session.chdir(f"packages/{entry['dist']}"):
            session.run("mypy", "--strict", "--cache-dir", str(cache), entry["import"])
    # The tests import the packages: check them against the package sources.
    session.install(*[f"-e./packages/{PACKAGES[v]['dist']}" for v in PACKAGES])
    session.run("mypy", "--strict", "tests", "scripts", *map(str, sorted(Path("generator").glob("*.py"))))


def build_wheels(session: nox.Session, vendors: list[str]) -> list[Path]:
    """Build wheel and sdist of each vendor's package into dist/, checked; returns the wheels.

    Reproducible: SOURCE_DATE_EPOCH is the time of the last commit that touched the package
    (`git log -1 --format=%ct -- packages/<dist>`), so hatchling writes fixed timestamps and
    permissions in a sorted file order: building one commit twice gives byte-identical files
    (tests/test_release.py shows it). A SOURCE_DATE_EPOCH set by the caller wins.
    """

    def source_date_epoch(package_dir: str) -> str:
        if os.environ.get("SOURCE_DATE_EPOCH"):
            return os.environ["SOURCE_DATE_EPOCH"]
        for paths in (["--", package_dir], []):
            found = subprocess.run(
                ["git", "log", "-1", "--format=%ct", *paths], cwd=ROOT, capture_output=True, text=True
            ).stdout.strip()
            if found:
                return found
        session.error("SOURCE_DATE_EPOCH is unset and git has no commit to take it from")

    session.install(*BUILD_DEPS)
    wheels = []
    for vendor in vendors:
        entry = PACKAGES[vendor]
        name = entry["import"]
        package_dir = f"packages/{entry['dist']}"
        for old in DIST.glob(f"{name}-*"):
            old.unlink()
        env = {"SOURCE_DATE_EPOCH": source_date_epoch(package_dir)}
        session.run("python", "-m", "build", "--outdir", str(DIST), package_dir, silent=True, env=env)
        built = sorted(DIST.glob(f"{name}-{entry['version']}*"))
        session.run("twine", "check", "--strict", *map(str, built))
        wheel = DIST / f"{name}-{entry['version']}-py3-none-any.whl"
        session.run("check-wheel-contents", str(wheel))
        wheels.append(wheel)
    return wheels


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Wheel and sdist per package into dist/, checked with twine and check-wheel-contents."""
    vendors, _ = selected_vendors(session)
    build_wheels(session, vendors)


def install_prism(session: nox.Session) -> Path:
    """The pinned Prism mock server from tests/prism's lock file; returns its binary."""
    if shutil.which("npm") is None:
        session.error("npm is required (Node 18+) to run the Prism mock server")
    # --ignore-scripts: Prism needs none, and a dependency's postinstall phones home (and hangs offline).
    session.run(
        "npm",
        "ci",
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        "--prefix",
        str(PRISM_DIR),
        external=True,
        silent=True,
    )
    return PRISM_DIR / "node_modules" / ".bin" / "prism"


def install_wheels(session: nox.Session, wheels: list[Path]) -> None:
    """Install the just-built wheels, replacing any same-version install of an older build."""
    session.install("--reinstall", *map(str, wheels))


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """pytest against the packages installed from freshly built wheels (not the source tree).

    Every package is installed (a few tests use a particular one as their example); `--vendor`
    narrows the vendors the tests are parametrised over.
    """
    vendors, pytest_args = selected_vendors(session)
    wheels = build_wheels(session, list(PACKAGES))
    prism = install_prism(session)
    session.install(*TEST_DEPS)
    install_wheels(session, wheels)
    env = {"EXEC_SDKS_VENDORS": ",".join(vendors), "EXEC_SDKS_PRISM": str(prism)}
    # Two workers (pytest-xdist), a test file each at a time so that module fixtures are built once;
    # `-- -n 0` (or any -n/-p no:xdist of your own) runs in one process.
    parallel = [] if any(a.startswith(("-n", "--numprocesses")) or a == "no:xdist" for a in pytest_args) else WORKERS
    # packages/ is not on sys.path: `import <package>` finds only the installed wheel.
    session.run("pytest", *parallel, *pytest_args, env=env)


@nox.session(python=PYTHON)
def pipeline(session: nox.Session) -> None:
    """The main job: regenerate, build, then smoke-test each wheel against a Prism mock of its API."""
    vendors, _ = selected_vendors(session)
    session.install(*GENERATOR_DEPS)
    session.run("python", "scripts/regenerate.py", *vendor_flags(vendors))
    wheels = build_wheels(session, vendors)
    prism = install_prism(session)
    session.install(*TEST_DEPS)
    install_wheels(session, wheels)
    env = {"EXEC_SDKS_VENDORS": ",".join(vendors), "EXEC_SDKS_PRISM": str(prism)}
    session.run("pytest", "-m", "smoke", "-v", env=env)


@nox.session(python=PYTHON)
def release(session: nox.Session) -> None:
    """Next versions from the public API: `-- plan` (the default), `-- apply`, `-- tag` (scripts/release.py)."""
    vendors, rest = selected_vendors(session)
    session.install("griffe==2.4.1", *GENERATOR_DEPS)
    session.run("python", "scripts/release.py", *(rest or ["plan"]), *vendor_flags(vendors))


@nox.session(python=PYTHON)
def upstream(session: nox.Session) -> None:
    """Bring in a vendor's new document: `-- --vendor V --from FILE_OR_URL [--source TEXT] [--dry-run]`.

    Prints a review (what changed in each selected operation, new operations, overlay actions
    that stopped matching, the release kind) before it writes the document and its pin; then
    run `generate` (scripts/upstream.py). griffe finds the release kind, as in `release`."""
    session.install("griffe==2.4.1", *GENERATOR_DEPS)
    session.run("python", "scripts/upstream.py", *session.posargs)


@nox.session(python=PYTHON)
def publish(session: nox.Session) -> None:
    """Upload the tagged versions: `-- --repository-url URL`; credentials in TWINE_USERNAME/TWINE_PASSWORD."""
    vendors, rest = selected_vendors(session)
    session.install(*BUILD_DEPS)
    publish_args = ["python", "scripts/release.py", "publish", "--dist-dir", str(DIST), *rest, *vendor_flags(vendors)]
    session.run(*publish_args, "--check-only")  # tags, credentials and URL, before anything is built
    build_wheels(session, vendors)
    session.run(*publish_args, "--skip-build")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks (scripts/bench.py): parse, request overhead, paging, import time, regeneration, waits at
    scale (`-- --waits-n 1000` for a quick run, `-- --skip waits` without it); args pass through."""
    _, rest = selected_vendors(session)
    wheels = build_wheels(session, list(PACKAGES))
    # redis: the waits section's processes that share one budget through a local redis-server
    session.install(*GENERATOR_DEPS, "pydantic==2.14.3", "orjson==3.13.0", "redis==8.1.0")
    install_wheels(session, wheels)
    session.run("python", "scripts/bench.py", *rest)


# The tests that exercise what the packages' dependencies do: the client, retries and timeouts,
# decoding, logging, tracing, the CLI. (The rest test the generator, releases or the specs.)
LOWEST_TESTS = [
    "tests/test_constructor.py",
    "tests/test_runtime_client.py",
    "tests/test_client_options.py",
    "tests/test_security.py",
    "tests/test_runtime_retries.py",
    "tests/test_request_policy.py",
    "tests/test_runtime_errors.py",
    "tests/test_runtime_models.py",
    "tests/test_decoders.py",
    "tests/test_wait.py",
    "tests/test_logging_env.py",
    "tests/test_tracing.py",
    "tests/test_cli.py",
]


def _requirement_name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def _lower_bound(requirement: str) -> str:
    found = re.search(r">=\s*([0-9][0-9A-Za-z.]*)", requirement)
    if found is None:
        raise ValueError(f"{requirement!r} declares no lower bound (>=)")
    return found.group(1)


def declared_requirements() -> list[str]:
    """Every package's dependencies and extras, as their pyproject.toml files declare them."""
    requirements: set[str] = set()
    for entry in PACKAGES.values():
        project = tomllib.loads((ROOT / "packages" / entry["dist"] / "pyproject.toml").read_text("utf-8"))["project"]
        requirements.update(project["dependencies"])
        for extra in project.get("optional-dependencies", {}).values():
            requirements.update(extra)
    return sorted(requirements)


@nox.session(python=PYTHON)
def lowest(session: nox.Session) -> None:
    """The runtime's tests against each dependency at the lowest version pyproject.toml allows.

    `uv pip install --resolution lowest-direct` with the packages' own requirements as the direct
    ones (extras included: orjson, opentelemetry-api with the SDK of the same version), the
    wheels installed without dependencies, then a check that each one is at its lower bound.
    The HTTPX2ClientInstrumentor test is left out: the instrumentation needs a newer API.
    """
    vendors, pytest_args = selected_vendors(session)
    wheels = build_wheels(session, list(PACKAGES))
    requirements = declared_requirements()
    bounds = {_requirement_name(r): _lower_bound(r) for r in requirements}
    if "opentelemetry-api" in bounds:
        # The SDK (for the tests' in-memory spans) pins the API of its own version.
        requirements.append(f"opentelemetry-sdk~={bounds['opentelemetry-api']}.0")
    # --reinstall: building the wheels installed newer versions of some (attrs), which would be kept.
    # The suite's own tools as pinned, less the pins of what is being tested (httpx2, attrs, ...)
    # and the OpenTelemetry packages, which follow the API's lower bound (above).
    tools = [d for d in TEST_DEPS if _requirement_name(d) not in bounds and not d.startswith("opentelemetry-")]
    session.install("--reinstall", "--resolution", "lowest-direct", *requirements, *tools)
    session.install("--no-deps", "--reinstall", *map(str, wheels))
    check = (
        "import importlib.metadata as m, json, sys\n"
        "wrong = {n: (m.version(n), b) for n, b in json.loads(sys.argv[1]).items()"
        " if tuple(map(int, m.version(n).split('.')[:len(b.split('.'))])) != tuple(map(int, b.split('.')))}\n"
        "print('\\n'.join(f'{n}=={v}' for n, v in sorted((n, m.version(n)) for n in json.loads(sys.argv[1]))))\n"
        "sys.exit(f'not at the lower bound (installed, declared): {wrong}' if wrong else 0)\n"
    )
    session.run("python", "-c", check, json.dumps(bounds))
    env = {"EXEC_SDKS_VENDORS": ",".join(vendors)}
    deselect = ["-k", "not instrumented_http_attempts"]
    session.run("pytest", *WORKERS, "-p", "no:randomly", *deselect, *(pytest_args or LOWEST_TESTS), env=env)
