"""One row per vendor package under test, read from manifest.toml and the specs.

Tests are parametrised over `selected()`; `EXEC_SDKS_VENDORS=kapso,tracecat`
(set by `nox -s tests -- --vendor ...`) narrows the set.
"""

from __future__ import annotations

import datetime
import importlib
import json
import os
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
MANIFEST = tomllib.loads((ROOT / "manifest.toml").read_text(encoding="utf-8"))

# A workspace id valid for Tracecat's uuid-typed query parameter.
WORKSPACE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"


@dataclass(frozen=True)
class Vendor:
    name: str
    dist: str
    import_name: str
    version: str
    spec_path: Path
    env_prefix: str

    def __repr__(self) -> str:
        return self.name

    @cached_property
    def spec(self) -> dict[str, Any]:
        loaded: dict[str, Any] = yaml.safe_load(self.spec_path.read_text(encoding="utf-8"))
        return loaded

    @cached_property
    def operation(self) -> dict[str, Any]:
        ((path_item,),) = [list(self.spec["paths"].values())]
        operation: dict[str, Any] = path_item["get"]
        return operation

    @property
    def path_template(self) -> str:
        (path,) = self.spec["paths"]
        return str(path)

    @property
    def package(self) -> ModuleType:
        return importlib.import_module(self.import_name)

    @property
    def endpoint(self) -> ModuleType:
        return importlib.import_module(f"{self.import_name}.api.executions.get_execution")

    @property
    def errors(self) -> ModuleType:
        return importlib.import_module(f"{self.import_name}.errors")

    @property
    def scheme(self) -> dict[str, Any]:
        (name,) = self.spec["security"][0]
        scheme: dict[str, Any] = self.spec["components"]["securitySchemes"][name]
        return scheme

    @property
    def credential_param(self) -> str:
        return "api_key" if self.scheme["type"] == "apiKey" else "token"

    def auth_header(self, credential: str) -> tuple[str, str]:
        """The header the spec says carries `credential`."""
        if self.scheme["type"] == "apiKey":
            return str(self.scheme["name"]), credential
        return "Authorization", f"Bearer {credential}"

    def client(self, base_url: str, credential: str = "test-credential", **kwargs: Any) -> Any:
        return self.package.AuthenticatedClient(base_url, **{self.credential_param: credential}, **kwargs)

    def path_params(self, execution_id: str = "exec-123") -> dict[str, str]:
        """Values for the path parameters by their spec names: the last one is the execution id."""
        names = [p["name"] for p in self.operation["parameters"] if p["in"] == "path"]
        values = {name: f"{name}-1" for name in names[:-1]}
        values[names[-1]] = execution_id
        return values

    def query_params(self) -> dict[str, str]:
        return {p["name"]: WORKSPACE_ID for p in self.operation["parameters"] if p["in"] == "query" and p["required"]}

    def call_kwargs(self, execution_id: str = "exec-123") -> dict[str, Any]:
        """Keyword arguments for `get_execution.sync` besides `client` (Python parameter names)."""
        return {python_name(k): v for k, v in {**self.path_params(execution_id), **self.query_params()}.items()}

    def expected_path(self, execution_id: str = "exec-123") -> str:
        """The raw request path the spec implies, each parameter one percent-encoded segment."""
        path = self.path_template
        for name, value in self.path_params(execution_id).items():
            path = path.replace("{" + name + "}", quote(value, safe=""))
        return path

    def fixture(self, name: str) -> Any:
        return json.loads((FIXTURES / self.name / name).read_text(encoding="utf-8"))

    def fixture_names(self, prefix: str) -> list[str]:
        return sorted(p.name for p in (FIXTURES / self.name).glob(f"{prefix}*.json"))

    @property
    def success_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = self.operation["responses"]["200"]["content"]["application/json"]["schema"]
        return schema

    @property
    def status_path(self) -> list[str]:
        return list(self.operation["x-status-path"])

    @cached_property
    def status_enum(self) -> dict[str, Any]:
        """The spec's execution-status enum schema (with its x-terminal-statuses)."""
        from support.schemas import resolve

        schema = resolve(self.spec, self.success_schema)
        for key in self.status_path:
            schema = resolve(self.spec, schema["properties"][key])
        for member in [schema, *schema.get("anyOf", [])]:
            if "enum" in resolve(self.spec, member):
                return resolve(self.spec, member)
        raise AssertionError(f"{self.name}: no status enum at {self.status_path}")

    @cached_property
    def status_may_be_null(self) -> bool:
        """Whether the spec lets the status be absent or null (optional, or nullable)."""
        from support.schemas import resolve

        parent = resolve(self.spec, self.success_schema)
        for key in self.status_path[:-1]:
            parent = resolve(self.spec, parent["properties"][key])
        field = parent["properties"][self.status_path[-1]]
        nullable = any(member.get("type") == "null" for member in field.get("anyOf", []))
        return nullable or self.status_path[-1] not in parent.get("required", [])

    @property
    def success_statuses(self) -> list[str]:
        return list(self.status_enum["x-terminal-statuses"]["success"])

    @property
    def failure_statuses(self) -> list[str]:
        return list(self.status_enum["x-terminal-statuses"]["failure"])

    @property
    def running_status(self) -> str:
        """A status that keeps a wait going: a known non-terminal one, else an unknown one."""
        terminal = set(self.success_statuses) | set(self.failure_statuses)
        ongoing = [s for s in self.status_enum["enum"] if s not in terminal]
        return str(ongoing[0]) if ongoing else "running"

    def example_with_status(self, status: str | None) -> Any:
        """The page example with the execution status replaced."""
        body = self.fixture("example-200.json")
        node = body
        for key in self.status_path[:-1]:
            node = node[key]
        node[self.status_path[-1]] = status
        return body


def python_name(name: str) -> str:
    """The generator's Python name for a spec parameter (`accountId` -> `account_id`)."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def all_vendors() -> list[Vendor]:
    return [
        Vendor(
            name=name,
            dist=entry["dist"],
            import_name=entry["import"],
            version=entry["version"],
            spec_path=ROOT / entry["spec"],
            env_prefix=entry["env_prefix"],
        )
        for name, entry in MANIFEST["packages"].items()
    ]


def selected() -> list[Vendor]:
    wanted = [v for v in os.environ.get("EXEC_SDKS_VENDORS", "").split(",") if v]
    vendors = all_vendors()
    return [v for v in vendors if v.name in wanted] if wanted else vendors


def normalise(value: Any) -> Any:
    """JSON data with every date-time string turned into an aware datetime, so
    that `Z` and `+00:00` spellings of one instant compare equal."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str) and len(value) >= 20 and value[4:5] == "-" and value[10:11] == "T":
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value
