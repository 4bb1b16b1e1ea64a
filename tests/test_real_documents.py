"""Whole OpenAPI documents as vendors publish them (tests/corpus/real/<name>/), through the pipeline.

Each folder holds the vendor's document byte for byte (`document.yaml|json`), an Overlay 1.0.0
(`overlay.yaml`) adding the polling extensions to the get-one-run operation (and corrections a real
payload needs), and `package.toml`: the source and commit, the selection of run operations, and
`left_out`, what the whole-document generation is expected to leave out.

For each document:
1. the selection, with the overlay, builds and is proven (`verify=True`: every module imports,
   `mypy --strict` passes); the package's own `testing.FakeAPI` then drives `wait_for_execution`
   from a running status to a success status, in virtual time;
2. the whole document, with the overlay and no selection, generates (`verify=False`: mypy over
   hundreds of modules would take minutes), every module imports in a fresh interpreter, and the
   operations left out are exactly `left_out`, each with a one-line reason.

The builds run once per module, two at a time (openapi-python-client, ruff and mypy are
subprocesses).
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
import subprocess
import sys
import tomllib
import typing
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from support.vendors import ROOT, python_name

sys.path.insert(0, str(ROOT))  # the `generator` package
pipeline = importlib.import_module("generator.pipeline")

REAL = ROOT / "tests" / "corpus" / "real"
NAMES = sorted(path.name for path in REAL.iterdir() if (path / "package.toml").exists())
WORKERS = 2
LEFT_OUT = re.compile(r"^left out (?P<method>[A-Z]+) (?P<path>\S+): (?P<reason>.+)$")
# Every module of a built package, imported in a fresh interpreter (argv: dist directory, import name).
IMPORT_ALL = (
    "import importlib, pkgutil, sys; sys.path.insert(0, sys.argv[1]); p = importlib.import_module(sys.argv[2]); "
    "[importlib.import_module(m.name) for m in pkgutil.walk_packages(p.__path__, prefix=sys.argv[2] + '.')]"
)


@dataclass
class Real:
    """One vendor document: its files, and what each build produced (a directory or an error)."""

    name: str
    meta: dict[str, Any] = field(default_factory=dict)
    selected: Path | None = None
    selected_error: Exception | None = None
    whole: Path | None = None
    whole_error: Exception | None = None
    whole_left_out: list[str] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return REAL / self.name

    @property
    def document(self) -> Path:
        return next(self.folder.glob("document.*"))

    def import_name(self, kind: str) -> str:
        return f"real_{kind}_{self.name}"


def read_meta(name: str) -> dict[str, Any]:
    return tomllib.loads((REAL / name / "package.toml").read_text(encoding="utf-8"))


def build(real: Real, kind: str, workdir: Path) -> None:
    """Build `real` as `kind` ("selected": the selection, proven; "whole": every operation)."""
    workdir.mkdir(parents=True)
    selected = kind == "selected"
    try:
        generated = pipeline.build_package(
            real.document,
            vendor=real.name,
            dist=real.import_name(kind).replace("_", "-"),
            import_name=real.import_name(kind),
            env_prefix=real.name.upper(),
            summary=f"{real.meta['label']} ({kind})",
            label=real.meta["label"],
            workdir=workdir,
            verify=selected,
            operations=real.meta["operations"] if selected else None,
            overlay=real.folder / "overlay.yaml",
        )
    except Exception as exc:  # recorded; each test says what it expected
        setattr(real, f"{kind}_error", exc)
    else:
        setattr(real, kind, Path(generated.directory))
        if not selected:
            real.whole_left_out = list(generated.effective.left_out)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Real]:
    """Every document built twice (selection and whole), two builds at a time."""
    root = tmp_path_factory.mktemp("real")
    reals = {name: Real(name, read_meta(name)) for name in NAMES}
    jobs = [(real, kind) for real in reals.values() for kind in ("selected", "whole")]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for future in [pool.submit(build, real, kind, root / real.name / kind) for real, kind in jobs]:
            future.result()
    return reals


@pytest.fixture(scope="module")
def importable(built: dict[str, Real]) -> Iterator[dict[str, Real]]:
    """The selected packages that built, on sys.path for the module (each has its own import name)."""
    added = [str(real.selected) for real in built.values() if real.selected is not None]
    sys.path[:0] = added
    yield built
    for entry in added:
        sys.path.remove(entry)


def test_every_folder_is_complete() -> None:
    assert len(NAMES) >= 8, f"the real-document corpus has {len(NAMES)} documents"
    for name in NAMES:
        folder = REAL / name
        assert len(list(folder.glob("document.*"))) == 1, f"{name}: one document.yaml or document.json"
        meta = read_meta(name)
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}: \S+", meta["source"]), f"{name}: source {meta['source']!r}"
        assert meta["license"] and meta["label"] and meta["operations"], f"{name}: license, label, operations"
        assert isinstance(meta.get("left_out"), list), f"{name}: package.toml has no `left_out` list"


def sample(annotation: Any, name: str) -> Any:
    """A value of a parameter's type (the first member of an enum, a fixed UUID, a number, a model of
    its required fields' samples (a polled POST's `body`), else a string)."""
    for kind in (annotation, *typing.get_args(annotation)):
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return next(iter(kind))
        if isinstance(kind, type) and hasattr(kind, "from_dict"):
            init = vars(kind)["__init__"]
            hints = typing.get_type_hints(init)
            required = [
                p.name
                for p in list(inspect.signature(init).parameters.values())[1:]
                if p.default is inspect.Parameter.empty and p.kind is not inspect.Parameter.VAR_KEYWORD
            ]
            return kind(**{field: sample(hints[field], field) for field in required})
        if kind is uuid.UUID:
            return uuid.UUID("3c90c3cc-0d44-4b50-8888-8dd25736052a")
        if kind is int:
            return 1
        if kind is float:
            return 1.5
        if kind is bool:
            return True
    return f"{name}-1"


def as_type(value: Any, annotation: Any) -> Any:
    """`value` as the id parameter's type (a UUID or an int where the function takes one)."""
    kinds = (annotation, *typing.get_args(annotation))
    if uuid.UUID in kinds and not isinstance(value, int):
        return uuid.UUID(str(value))
    if int in kinds and str not in kinds:
        return int(value)
    return value


def example_id(body: Any, id_path: tuple[str, ...]) -> Any:
    """The id in the spec's example body (valid for the body's schema by construction), else a UUID
    string, which fits both a plain string and a `format: uuid` id."""
    for key in id_path:
        body = body.get(key) if isinstance(body, dict) else None
    return (
        body if isinstance(body, str | int) and not isinstance(body, bool) else "3c90c3cc-0d44-4b50-8888-8dd25736052a"
    )


def wait_arguments(wait: Any, id_param: str, execution_id: Any) -> tuple[list[Any], dict[str, Any]]:
    """Positional and keyword arguments for `wait_for_execution` besides `client`: the execution id
    at the id parameter, a sample value of its type for every other required parameter."""
    hints = typing.get_type_hints(wait)
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in inspect.signature(wait).parameters.values():
        if parameter.name == "client" or parameter.default is not inspect.Parameter.empty:
            continue
        is_id = parameter.name == python_name(id_param)
        value = as_type(execution_id, hints[parameter.name]) if is_id else sample(hints[parameter.name], parameter.name)
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        else:
            args.append(value)
    return args, kwargs


@pytest.mark.parametrize("name", NAMES)
def test_the_selection_proves_and_waits_to_a_terminal_status(name: str, importable: dict[str, Real]) -> None:
    real = importable[name]
    assert real.selected_error is None, f"{name}: {type(real.selected_error).__name__}: {real.selected_error}"
    package = real.import_name("selected")
    testing: ModuleType = importlib.import_module(f"{package}.testing")
    wait: ModuleType = importlib.import_module(f"{package}.wait")
    success = wait.TERMINAL_STATUSES.success
    assert success, f"{name}: the overlay declares no success status"
    running = "running-status-not-in-the-spec"  # an unknown status never ends a wait
    fake = testing.FakeAPI()
    facts = fake.facts
    execution_id = example_id(facts.success_body, facts.id_path)
    fake.add_execution(execution_id, statuses=[running, sorted(success)[0]])
    args, kwargs = wait_arguments(wait.wait_for_execution, facts.id_param, execution_id)
    result = wait.wait_for_execution(*args, client=fake.client(), **kwargs)
    assert result.succeeded and result.polls == 2, f"{name}: {result!r}"
    assert [request.path_params[facts.id_param] for request in fake.requests] == [str(execution_id)] * 2


@pytest.mark.parametrize("name", NAMES)
def test_the_whole_document_generates_and_imports(name: str, built: dict[str, Real]) -> None:
    real = built[name]
    assert real.whole_error is None, f"{name}: {type(real.whole_error).__name__}: {real.whole_error}"
    assert real.whole is not None
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, str(real.whole), real.import_name("whole")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"{name}: a module does not import:\n{result.stderr[-3000:]}"


@pytest.mark.parametrize("name", NAMES)
def test_the_whole_document_leaves_out_what_package_toml_says(name: str, built: dict[str, Real]) -> None:
    real = built[name]
    assert real.whole_error is None, f"{name}: {type(real.whole_error).__name__}: {real.whole_error}"
    found = {}
    for line in real.whole_left_out:
        match = LEFT_OUT.match(line)
        assert match and "\n" not in line, f"{name}: not one line `left out METHOD /path: reason`: {line!r}"
        found[f"{match['method']} {match['path']}"] = match["reason"]
    expected = set(real.meta["left_out"])
    assert set(found) == expected, (
        f"{name}: left out but not in package.toml: {sorted(set(found) - expected)}; "
        f"in package.toml but generated: {sorted(expected - set(found))}"
    )
