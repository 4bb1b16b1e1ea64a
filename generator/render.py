"""Stage 4: run openapi-python-client, copy the runtime in, render the per-package files.

The templates are copied to a work directory with more files, each one Jinja literal the
templates import:
- `exec_facts.jinja`: the facts the generator cannot carry (per-operation security and retry
  policy, security schemes, discriminators);
- `exec_docs.jinja`: per operation, the parameters' descriptions (the generator documents a
  parameter with its schema's description only);
- `exec_package.jinja`: what the package's `__init__` re-exports besides the models (the
  runtime's error classes, the wait helpers when an operation is polled).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2

from . import LICENSE, PACKAGE_TEMPLATES, RUNTIME, TEMPLATES
from .derive import Derived, parameter_descriptions
from .errors import RegenerationError, display_path
from .lifecycle import lifecycle_facts
from .manifest import Package
from .naming import FIELD_PREFIX
from .vendor import runtime_exports

# The post-hooks, run by the generator and again over the overlaid package:
# the pinned ruff, isolated from any ruff config of this repo, with no cache.
POST_HOOKS = [
    "ruff check . --isolated --no-cache --fix-only --select F401,I --line-length 120",
    "ruff format . --isolated --no-cache --line-length 120",
]
# Files in packages/<dist>/ that maintainers write (release notes); regeneration keeps them.
MAINTAINED_FILES = ("CHANGELOG.md",)
# Package-level files rendered from generator/package/ (into the import package, or beside it).
CODE_TEMPLATES = ("client.py.jinja", "_vendor.py.jinja", "_typing.py.jinja")
# Only with a polled operation: the wait helper, the CLI and the test fake (`testing.FakeAPI` serves
# that operation; a package without one has nothing for it to fake, so it has no testing module).
POLLING_TEMPLATES = ("wait.py.jinja", "cli.py.jinja", "testing.py.jinja")
DIST_TEMPLATES = ("pyproject.toml.jinja", "README.md.jinja")


def jinja_literal(value: Any) -> str:
    """`value` (JSON-like data) as a Jinja expression."""
    if value is None:
        return "none"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float | str):
        return json.dumps(value)  # JSON's numbers and strings are Jinja literals as they are
    if isinstance(value, list | tuple):
        return "[" + ", ".join(jinja_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {jinja_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"not JSON-like: {type(value).__name__}")


def run(command: list[str] | str, cwd: Path, what: str) -> str:
    # The pinned tools live next to this interpreter, on PATH or not (the post-hooks need it too).
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    env = {**os.environ, "PATH": path}
    shell = isinstance(command, str)
    result = subprocess.run(command, cwd=cwd, shell=shell, capture_output=True, text=True, env=env)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise RegenerationError(f"{what} failed (exit {result.returncode}): {_first_error(output)}")
    return output


# openapi-python-client's reports of a problem: a header line, then its detail on the next lines.
# A schema it cannot take comes first: the operations using it fail because of it.
_SCHEMA_PROBLEM = re.compile(r"^Unable to (parse|process) schema ")
_PROBLEM = re.compile(r"^(WARNING |Unable to (parse|process) schema |Failed to parse OpenAPI document)")
# Lines of its output that never say what went wrong: the banner, the summary, the footer.
_NOISE = ("Generating ", "Error(s) encountered", "Warning(s) encountered", "If you believe", "For further information")
_DETAIL_LINES = 3
# The repr of one of its objects (`<...UntrustedString object at 0x7f...>`): noise in a message.
_OBJECT_REPR = re.compile(r"\s*<[\w.]+ object at 0x[0-9a-f]+>")


def _first_error(output: str) -> str:
    """The line of a tool's output that says what went wrong (rich tracebacks are boxed): an
    exception it raised; else its first report of a schema it cannot take (`Unable to process
    schema <pointer>: <why>`), else its first other problem report (`WARNING parsing <operation>`,
    `Failed to parse OpenAPI document`), each with its detail lines; never the "Generating
    <directory>" banner."""
    lines = [re.sub(r"[\u2500-\u257f\u2770-\u277f]+", " ", line).strip() for line in output.splitlines()]
    lines = [line for line in lines if line]
    raised = [line for line in lines if re.match(r"^[\w.]*(Error|Exception)\b.*:", line)]
    if raised:
        return raised[-1]
    for pattern in (_SCHEMA_PROBLEM, _PROBLEM):
        for index, line in enumerate(lines):
            if pattern.match(line):
                return _OBJECT_REPR.sub("", _with_detail(line, lines[index + 1 : index + 1 + _DETAIL_LINES]))
    useful = [line for line in lines if not line.startswith(_NOISE)]
    mentioned = [line for line in useful if "error" in line.lower()]
    return (mentioned or useful or lines or ["no output"])[0]


def _with_detail(header: str, following: list[str]) -> str:
    """`header` and the lines after it that explain it (up to the next report, a footer or the
    JSON of the schema it names)."""
    detail = []
    for line in following:
        if _PROBLEM.match(line) or line.startswith(_NOISE) or line.startswith(("{", "[")):
            break
        detail.append(line.removeprefix("Unable to parse this part of your OpenAPI document: : "))
    if not detail:
        return header
    return " ".join([header.rstrip(":") + ("" if header.startswith("WARNING") else ":"), *detail])


def write_templates(derived: Derived, workdir: Path) -> Path:
    templates = workdir / "templates"
    if templates.exists():
        shutil.rmtree(templates)
    shutil.copytree(TEMPLATES, templates)
    facts = derived.facts()
    for key, lifecycle in lifecycle_facts(derived).items():
        facts["operations"][key].update(lifecycle)  # `pagination` and `execution`: see generator.lifecycle
    (templates / "exec_facts.jinja").write_text("{% set facts = " + jinja_literal(facts) + " %}\n", encoding="utf-8")
    (templates / "exec_docs.jinja").write_text(
        "{% set docs = " + jinja_literal(parameter_descriptions(derived)) + " %}\n", encoding="utf-8"
    )
    (templates / "exec_package.jinja").write_text(
        "{% set package = " + jinja_literal(package_exports(derived)) + " %}\n", encoding="utf-8"
    )
    return templates


# The wait module's names the package re-exports when an operation is polled.
WAIT_EXPORTS = (
    "TerminalStatuses",
    "WaitOutcome",
    "WaitResult",
    "wait_for_execution",
    "wait_for_execution_async",
    "wait_for_executions",
    "wait_for_executions_async",
)


def package_exports(derived: Derived) -> dict[str, Any]:
    """The names `<pkg>/__init__.py` re-exports (lazily), by module; the models come on top."""
    errors = [name for name in runtime_exports("errors.py") if name[:1].isupper()]
    exports: dict[str, list[str]] = {"client": ["AuthenticatedClient"], "errors": errors, "types": ["APIResponse"]}
    if any("x-status-path" in op.operation for op in derived.operations):
        exports["wait"] = list(WAIT_EXPORTS)
    return {"exports": exports}


def generate_code(package: Package, derived: Derived, workdir: Path) -> Path:
    """openapi-python-client over the derived input; returns the dist directory."""
    name = package.vendor
    generator_input = workdir / f"{name}.generator-input.json"
    generator_input.write_text(json.dumps(derived.generator_input, indent=2), encoding="utf-8")
    config = workdir / f"{name}.generator-config.json"
    config.write_text(
        json.dumps(
            {
                "project_name_override": package.dist,
                "package_name_override": package.import_name,
                "package_version_override": package.version,
                "post_hooks": POST_HOOKS,
                "literal_enums": False,
                "field_prefix": FIELD_PREFIX,
            }
        ),
        encoding="utf-8",
    )
    templates = write_templates(derived, workdir)
    out = workdir / package.dist
    if out.exists():
        shutil.rmtree(out)
    code = out / package.import_name
    output = run(
        [
            "openapi-python-client",
            "generate",
            "--path",
            str(generator_input),
            "--config",
            str(config),
            "--custom-template-path",
            str(templates),
            "--meta",
            "none",
            "--output-path",
            str(code),
            "--fail-on-warning",
        ],
        cwd=workdir,
        what=f"openapi-python-client for {name}",
    )
    if "warning" in output.lower():
        first = next(line for line in output.splitlines() if "warning" in line.lower())
        raise RegenerationError(f"openapi-python-client warned for {name}: {first.strip()}")
    return out


def render_package(package: Package, context: dict[str, Any], out: Path) -> None:
    """Copy the runtime in and render the package files; then the post-hooks over everything."""
    code = out / package.import_name
    for runtime_file in sorted(RUNTIME.glob("*.py")):
        shutil.copyfile(runtime_file, code / runtime_file.name)
    (code / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PACKAGE_TEMPLATES),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["tojson_tuple"] = lambda items: "(" + "".join(json.dumps(str(i)) + ", " for i in items) + ")"
    env.filters["tojson"] = lambda value: json.dumps(value)
    env.filters["pyrepr"] = repr
    env.filters["format_assign"] = lambda name: f"{name}=..."
    env.tests["uuid_convert"] = lambda convert: "UUID(" in convert
    code_templates = CODE_TEMPLATES + (POLLING_TEMPLATES if context["polled"] else ())
    for template_name in code_templates:
        target = code / template_name.removesuffix(".jinja")
        target.write_text(env.get_template(template_name).render(context), encoding="utf-8")
    # Markdown and TOML: block tags take their whole line, so conditionals leave no blank lines.
    text_env = env.overlay(trim_blocks=True, lstrip_blocks=True)
    for template_name in DIST_TEMPLATES:
        target = out / template_name.removesuffix(".jinja")
        target.write_text(text_env.get_template(template_name).render(context), encoding="utf-8")
    shutil.copyfile(LICENSE, out / "LICENSE")
    for name in MAINTAINED_FILES:
        if (package.directory / name).exists():
            shutil.copyfile(package.directory / name, out / name)
    if not context["polled"]:
        # Only the console script and the fake use these; without a polled operation there are neither.
        for name in ("_cli.py", "_fake.py", "_fake_clock.py", "_fake_ops.py"):
            (code / name).unlink()
    for hook in POST_HOOKS:
        run(hook, cwd=out, what=f"post-hook `{hook}`")


def build_oracle(package: Package, spec_file: Path, workdir: Path) -> Path:
    """Pydantic v2 models of the spec by datamodel-code-generator: the tests' independent oracle."""
    oracle = workdir / "oracle"
    oracle.mkdir(exist_ok=True)
    target = oracle / f"{package.vendor}.py"
    run(
        [
            "datamodel-codegen",
            "--input",
            str(spec_file),
            "--input-file-type",
            "openapi",
            "--openapi-scopes",
            "schemas",
            "--output",
            str(target),
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--target-python-version",
            "3.11",
            "--use-standard-collections",
            "--use-union-operator",
            "--use-schema-description",
            "--disable-timestamp",
            "--formatters",
            "ruff-format",
        ],
        cwd=workdir,
        what=f"datamodel-codegen for {package.vendor}",
    )
    header = f"# Oracle models of {display_path(package.spec)}, by `nox -s generate`; do not edit.\n"
    target.write_text(header + target.read_text(encoding="utf-8"), encoding="utf-8")
    for hook in POST_HOOKS:
        run(hook.replace(" . ", f" {target.name} "), cwd=oracle, what=f"post-hook `{hook}` on the oracle")
    return target
