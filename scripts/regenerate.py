"""Regenerate the SDK packages from specs/, or check that packages/ is current.

    python scripts/regenerate.py                  # every package
    python scripts/regenerate.py --vendor kapso   # one (repeatable)
    python scripts/regenerate.py --check          # drift gate: exit 1 if packages/ is stale

A package is built in a temporary directory in four steps, then swapped in whole:
  1. derive the generator input from the spec (see `derive_generator_input`);
  2. run the pinned openapi-python-client with generator/templates, failing on any warning;
  3. copy generator/runtime/ in and render generator/package/ with the vendor's facts;
  4. run the pinned ruff as the post-hook over the whole package.
It also writes tests/oracle/<vendor>.py, pydantic models of the spec by the pinned
datamodel-code-generator, which the tests use as an independent oracle.
Nothing else writes to packages/ (but for the maintained CHANGELOG.md it keeps),
and the same inputs give byte-identical trees.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import filecmp
import functools
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Any

import jinja2
import tomlkit
import yaml
from openapi_python_client.strings import ClassName, PythonIdentifier

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "manifest.toml"
PACKAGES = ROOT / "packages"
GENERATOR = ROOT / "generator"
TEMPLATES = GENERATOR / "templates"
RUNTIME = GENERATOR / "runtime"
PACKAGE_TEMPLATES = GENERATOR / "package"
LICENSE = ROOT / "LICENSE"
ORACLE = ROOT / "tests" / "oracle"

# Files in packages/<dist>/ that maintainers write (release notes); regeneration keeps them.
MAINTAINED_FILES = ("CHANGELOG.md",)

# The post-hooks, run by the generator and again over the overlaid package:
# the pinned ruff, isolated from any ruff config of this repo, with no cache.
POST_HOOKS = [
    "ruff check . --isolated --no-cache --fix-only --select F401,I --line-length 120",
    "ruff format . --isolated --no-cache --line-length 120",
]
FIX_COMMAND = "nox -s generate"


class RegenerationError(Exception):
    """A spec or the generator produced something this pipeline refuses."""


@dataclass(frozen=True)
class Package:
    vendor: str
    dist: str
    import_name: str
    version: str
    spec: Path
    spec_sha256: str
    env_prefix: str
    summary: str

    @property
    def directory(self) -> Path:
        return PACKAGES / self.dist


def load_manifest() -> tuple[dict[str, Any], dict[str, Package]]:
    data = tomlkit.parse(MANIFEST.read_text(encoding="utf-8")).unwrap()
    packages = {
        vendor: Package(
            vendor=vendor,
            dist=entry["dist"],
            import_name=entry["import"],
            version=entry["version"],
            spec=ROOT / entry["spec"],
            spec_sha256=entry["spec_sha256"],
            env_prefix=entry["env_prefix"],
            summary=entry["summary"],
        )
        for vendor, entry in data["packages"].items()
    }
    return data["generator"], packages


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_tool_versions(pins: dict[str, str]) -> None:
    """Refuse to run with generator or formatter versions other than the manifest's."""
    for tool in ("openapi-python-client", "ruff", "datamodel-code-generator"):
        found = installed_version(tool)
        if found != pins[tool]:
            raise RegenerationError(
                f"{tool} {found} is installed but the manifest pins {pins[tool]}; run `{FIX_COMMAND}`"
            )


# -- step 1: the generator's input ------------------------------------------


def _walk(node: Any, path: str = "#") -> Any:
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


def _is_nullable(schema: dict[str, Any]) -> bool:
    types = schema.get("type")
    if types == "null" or (isinstance(types, list) and "null" in types):
        return True
    return any(_is_nullable(member) for member in schema.get("anyOf", []) + schema.get("oneOf", []))


def _make_nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if _is_nullable(schema):
        return schema
    types = schema.get("type")
    if "$ref" not in schema and isinstance(types, str) and "enum" not in schema:
        return {**schema, "type": [types, "null"]}
    if "$ref" not in schema and isinstance(types, list):
        return {**schema, "type": [*types, "null"]}
    description = schema.get("description")
    wrapped: dict[str, Any] = {"anyOf": [schema, {"type": "null"}]}
    if description:
        wrapped["description"] = description
    return wrapped


def derive_generator_input(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as openapi-python-client should see it.

    - Every optional property also accepts `null`: the SDK must never fail on a
      `null` in a field the spec marks optional (real servers send them), and
      the Python type then says so honestly (`X | None | Unset`).
    - The top-level `security` is copied onto each operation, since the
      generator only looks at operation-level security.
    - `discriminator` is refused: the generator ignores it and would decode
      such unions by trial, which is wrong for them.
    """
    for path, key, value in _walk(spec):
        if key == "discriminator":
            raise RegenerationError(f"{path}: `discriminator` is not supported by this pipeline")
        if key in {"properties", "items"} and path.startswith("#/components/schemas"):
            members = value.values() if key == "properties" else [value]
            for member in members:
                if isinstance(member, dict) and (member.get("type") == "object" or "properties" in member):
                    raise RegenerationError(
                        f"{path}/{key}: inline object schema; name it under components/schemas "
                        "(its name becomes the class users import)"
                    )
    derived = copy.deepcopy(spec)
    for schema in derived.get("components", {}).get("schemas", {}).values():
        required = set(schema.get("required", []))
        properties = schema.get("properties", {})
        for name, prop in properties.items():
            if name not in required:
                properties[name] = _make_nullable(prop)
    security = derived.get("security")
    for path_item in derived.get("paths", {}).values():
        for method, operation in path_item.items():
            if method in {"get", "put", "post", "delete", "patch", "head", "options"} and security:
                operation.setdefault("security", security)
    return derived


# -- step 3: the vendor's facts for the package templates --------------------


def vendor_context(package: Package, spec: dict[str, Any]) -> dict[str, Any]:
    """What the package templates need, read from the manifest and the spec."""
    schemes = spec["components"]["securitySchemes"]
    requirement = spec["security"][0]
    (scheme_name,) = requirement.keys()
    scheme = schemes[scheme_name]
    if scheme["type"] == "apiKey" and scheme["in"] == "header":
        header = scheme["name"]
        auth = {
            "param": "api_key",
            "param_doc": f"The API key, sent as the `{header}` header.",
            "header_expr": f'"{header}": api_key',
            "summary": f"an API key in the `{header}` header",
            "example": "my-api-key",
            "env_suffix": "API_KEY",
        }
    elif scheme["type"] in {"oauth2", "openIdConnect"} or (scheme["type"] == "http" and scheme["scheme"] == "bearer"):
        auth = {
            "param": "token",
            "param_doc": "The bearer token, sent as `Authorization: Bearer <token>`.",
            "header_expr": '"Authorization": f"Bearer {token}"',
            "summary": "a bearer token (`Authorization: Bearer <token>`)",
            "example": "my-token",
            "env_suffix": "TOKEN",
        }
    else:
        raise RegenerationError(f"{package.spec}: unsupported security scheme {scheme_name!r}")

    server = spec["servers"][0]
    if server.get("variables"):
        default_base_url = ""
        base_url_example = server["url"]
        for name, variable in server["variables"].items():
            base_url_example = base_url_example.replace("{" + name + "}", variable.get("default", name))
    else:
        default_base_url = base_url_example = server["url"]

    ((path, path_item),) = spec["paths"].items()
    ((method, operation),) = path_item.items()
    example_args = [
        f'"{p["name"].replace("_id", "")}-123"' for p in operation.get("parameters", []) if p["in"] == "path"
    ]
    required_query = [p for p in operation.get("parameters", []) if p["in"] == "query" and p.get("required")]
    example_args += [f"{p['name']}={_example_value(p)}" for p in required_query]

    return {
        **polling_context(package, spec, operation),
        "vendor": package.vendor,
        "dist": package.dist,
        "import_name": package.import_name,
        "version": package.version,
        "summary": package.summary,
        "title": spec["info"]["title"],
        "auth": auth,
        "env_credential": f"{package.env_prefix}_{auth['env_suffix']}",
        "env_base_url": f"{package.env_prefix}_BASE_URL",
        "default_base_url": default_base_url,
        "base_url_example": base_url_example,
        "method": method,
        "path": path,
        "example_call_args": ", ".join(example_args),
        "example_imports_uuid": any("UUID(" in arg for arg in example_args),
        "constants": _load_runtime_constants(),
    }


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def polling_context(package: Package, spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    """What wait.py and cli.py need: the spec's x-status-path, x-terminal-statuses and
    x-execution-summary, the parameters, and the success model's class name."""
    success_ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    status_path = list(operation["x-status-path"])
    schema = _resolve(spec, {"$ref": success_ref})
    for key in status_path:
        schema = _resolve(spec, schema["properties"][key])
    enum_schema = next(
        (_resolve(spec, s) for s in [schema, *schema.get("anyOf", [])] if "enum" in _resolve(spec, s)), None
    )
    if enum_schema is None or "x-terminal-statuses" not in enum_schema:
        raise RegenerationError(f"{package.spec}: x-status-path must lead to an enum with x-terminal-statuses")
    terminal = enum_schema["x-terminal-statuses"]
    path_params = [
        {"python_name": PythonIdentifier(p["name"], "field_"), "help": p.get("description", p["name"]).strip()}
        for p in operation.get("parameters", [])
        if p["in"] == "path"
    ]
    query_params = [
        {
            "python_name": PythonIdentifier(p["name"], "field_"),
            "help": p.get("description", p["name"]).strip().splitlines()[0],
            "type": "UUID | str" if p.get("schema", {}).get("format") == "uuid" else "str",
            "convert": "UUID(str({}))" if p.get("schema", {}).get("format") == "uuid" else "{}",
            "env": f"{package.env_prefix}_{p['name'].upper()}",
        }
        for p in operation.get("parameters", [])
        if p["in"] == "query" and p.get("required")
    ]
    wait_example_args = ", ".join(
        [f'"{p["python_name"]}-123"' for p in path_params]
        + [f'{p["python_name"]}="00000000-0000-4000-8000-000000000000"' for p in query_params]
    )
    call_args = ", ".join(
        [p["python_name"] for p in path_params]
        + ["client=client"]
        + [f"{p['python_name']}={p['convert'].format(p['python_name'])}" for p in query_params]
    )
    cli_example = " ".join(
        [f"{p['python_name'].upper()}" for p in path_params]
        + [f"--{p['python_name'].replace('_', '-')} ID" for p in query_params]
    )
    success, failure = list(terminal["success"]), list(terminal["failure"])
    return {
        "success_model": ClassName(success_ref.rsplit("/", 1)[1], "field_"),
        "terminal": {"success": success, "failure": failure},
        "terminal_note": "Unknown statuses, and any not listed, are not terminal.",
        "status_path_json": status_path,
        "status_attributes": [PythonIdentifier(key, "field_") for key in status_path],
        "path_params": path_params,
        "query_params": query_params,
        "call_args": call_args,
        "wait_example_args": wait_example_args,
        "cli_example": cli_example,
        "summary_literal": repr(operation.get("x-execution-summary", {})),
    }


def _example_value(parameter: dict[str, Any]) -> str:
    """A Python expression for an example value of a required query parameter."""
    if parameter.get("schema", {}).get("format") == "uuid":
        return 'UUID("00000000-0000-4000-8000-000000000000")'
    return f'"{parameter["name"]}-123"'


@functools.cache
def _load_runtime_constants() -> Any:
    """The runtime's tunables, so READMEs and docstrings quote the real values."""
    namespace: dict[str, Any] = {}
    source = (RUNTIME / "_constants.py").read_text(encoding="utf-8")
    exec(compile(source, str(RUNTIME / "_constants.py"), "exec"), namespace)
    return argparse.Namespace(**{k: v for k, v in namespace.items() if k.isupper()})


# -- steps 2-4 ---------------------------------------------------------------


def _run(command: list[str] | str, cwd: Path, what: str) -> str:
    result = subprocess.run(command, cwd=cwd, shell=isinstance(command, str), capture_output=True, text=True)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise RegenerationError(f"{what} failed (exit {result.returncode}):\n{output}")
    return output


def build_package(package: Package, workdir: Path) -> Path:
    """Build `package` under `workdir`; returns the package's directory there."""
    spec = yaml.safe_load(package.spec.read_text(encoding="utf-8"))
    derived = workdir / f"{package.vendor}.generator-input.json"
    derived.write_text(json.dumps(derive_generator_input(spec), indent=2), encoding="utf-8")
    config = workdir / f"{package.vendor}.generator-config.json"
    config.write_text(
        json.dumps(
            {
                "project_name_override": package.dist,
                "package_name_override": package.import_name,
                "package_version_override": package.version,
                "post_hooks": POST_HOOKS,
                "literal_enums": False,
                "field_prefix": "field_",
            }
        ),
        encoding="utf-8",
    )
    out = workdir / package.dist
    code = out / package.import_name
    output = _run(
        [
            "openapi-python-client",
            "generate",
            "--path",
            str(derived),
            "--config",
            str(config),
            "--custom-template-path",
            str(TEMPLATES),
            "--meta",
            "none",
            "--output-path",
            str(code),
            "--fail-on-warning",
        ],
        cwd=workdir,
        what=f"openapi-python-client for {package.vendor}",
    )
    if "warning" in output.lower():
        raise RegenerationError(f"openapi-python-client warned for {package.vendor}:\n{output}")

    for runtime_file in sorted(RUNTIME.glob("*.py")):
        shutil.copyfile(runtime_file, code / runtime_file.name)
    (code / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PACKAGE_TEMPLATES),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    context = vendor_context(package, spec)
    env.filters["tojson_tuple"] = lambda items: "(" + "".join(json.dumps(str(i)) + ", " for i in items) + ")"
    env.filters["tojson"] = lambda value: json.dumps(value)
    for template_name in ("client.py.jinja", "_vendor.py.jinja", "wait.py.jinja", "cli.py.jinja"):
        target = code / template_name.removesuffix(".jinja")
        target.write_text(env.get_template(template_name).render(context), encoding="utf-8")
    for template_name in ("pyproject.toml.jinja", "README.md.jinja"):
        target = out / template_name.removesuffix(".jinja")
        target.write_text(env.get_template(template_name).render(context), encoding="utf-8")
    shutil.copyfile(LICENSE, out / "LICENSE")

    for name in MAINTAINED_FILES:
        if (package.directory / name).exists():
            shutil.copyfile(package.directory / name, out / name)

    for hook in POST_HOOKS:
        _run(hook, cwd=out, what=f"post-hook `{hook}`")
    return out


def build_oracle(package: Package, workdir: Path) -> Path:
    """Pydantic v2 models of the spec by datamodel-code-generator: the tests' independent oracle."""
    oracle = workdir / "oracle"
    oracle.mkdir(exist_ok=True)
    target = oracle / f"{package.vendor}.py"
    _run(
        [
            "datamodel-codegen",
            "--input",
            str(package.spec),
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
    header = f"# Oracle models of specs/{package.vendor}/openapi.yaml, by `nox -s generate`; do not edit.\n"
    target.write_text(header + target.read_text(encoding="utf-8"), encoding="utf-8")
    for hook in POST_HOOKS:
        _run(hook.replace(" . ", f" {target.name} "), cwd=oracle, what=f"post-hook `{hook}` on the oracle")
    return target


# -- comparing trees -----------------------------------------------------------


def tree_files(directory: Path) -> set[str]:
    if not directory.exists():
        return set()
    return {str(p.relative_to(directory)) for p in directory.rglob("*") if p.is_file()}


def compare_trees(expected: Path, actual: Path) -> list[str]:
    """Human-readable differences between the fresh build and the committed tree."""
    problems: list[str] = []
    fresh, committed = tree_files(expected), tree_files(actual)
    for name in sorted(fresh - committed):
        problems.append(f"missing: {actual.relative_to(ROOT)}/{name}")
    for name in sorted(committed - fresh):
        problems.append(f"not generated (stray): {actual.relative_to(ROOT)}/{name}")
    for name in sorted(fresh & committed):
        if not filecmp.cmp(expected / name, actual / name, shallow=False):
            problems.append(f"differs: {actual.relative_to(ROOT)}/{name}")
            try:
                diff = difflib.unified_diff(
                    (actual / name).read_text(encoding="utf-8").splitlines(),
                    (expected / name).read_text(encoding="utf-8").splitlines(),
                    "committed",
                    "regenerated",
                    lineterm="",
                    n=1,
                )
                problems.extend("    " + line for line in list(diff)[:20])
            except UnicodeDecodeError:
                pass
    return problems


def write_spec_hashes(packages: list[Package]) -> None:
    document = tomlkit.parse(MANIFEST.read_text(encoding="utf-8"))
    for package in packages:
        document["packages"][package.vendor]["spec_sha256"] = sha256_of(package.spec)
    MANIFEST.write_text(tomlkit.dumps(document), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vendor", action="append", help="only this vendor (repeatable)")
    parser.add_argument("--check", action="store_true", help="exit 1 if packages/ or the manifest's hashes are stale")
    args = parser.parse_args(argv)

    pins, all_packages = load_manifest()
    unknown = set(args.vendor or []) - set(all_packages)
    if unknown:
        parser.error(f"unknown vendor(s): {', '.join(sorted(unknown))}; known: {', '.join(all_packages)}")
    selected = [all_packages[v] for v in (args.vendor or all_packages)]

    try:
        check_tool_versions(pins)
        with tempfile.TemporaryDirectory(prefix="exec-sdks-") as tmp:
            workdir = Path(tmp)
            built = {package.vendor: build_package(package, workdir) for package in selected}
            oracles = {package.vendor: build_oracle(package, workdir) for package in selected}
            if args.check:
                return report_drift(selected, built, oracles, args.vendor)
            for package in selected:
                if package.directory.exists():
                    shutil.rmtree(package.directory)
                PACKAGES.mkdir(exist_ok=True)
                shutil.copytree(built[package.vendor], package.directory)
                ORACLE.mkdir(exist_ok=True)
                shutil.copyfile(oracles[package.vendor], ORACLE / oracles[package.vendor].name)
                print(f"generated {package.directory.relative_to(ROOT)} from {package.spec.relative_to(ROOT)}")
            write_spec_hashes(selected)
    except RegenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def report_drift(
    selected: list[Package], built: dict[str, Path], oracles: dict[str, Path], vendors: list[str] | None
) -> int:
    problems: list[str] = []
    for package in selected:
        if package.spec_sha256 != sha256_of(package.spec):
            problems.append(
                f"spec changed: {package.spec.relative_to(ROOT)} has sha256 {sha256_of(package.spec)}, "
                f"the manifest records {package.spec_sha256 or '(none)'}"
            )
        problems.extend(compare_trees(built[package.vendor], package.directory))
        committed_oracle = ORACLE / oracles[package.vendor].name
        if not committed_oracle.exists():
            problems.append(f"missing: {committed_oracle.relative_to(ROOT)}")
        elif not filecmp.cmp(oracles[package.vendor], committed_oracle, shallow=False):
            problems.append(f"differs: {committed_oracle.relative_to(ROOT)}")
    if not problems:
        print(f"packages/ is up to date with specs/ ({', '.join(p.vendor for p in selected)})")
        return 0
    print("packages/ is out of date with specs/ or the generator:")
    for line in problems:
        print(f"  {line}")
    suffix = "".join(f" --vendor {v}" for v in vendors or [])
    print(f"\nTo fix, run:  {FIX_COMMAND}{' --' + suffix if suffix else ''}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
