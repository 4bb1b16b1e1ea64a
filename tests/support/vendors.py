"""One row per vendor package under test, read from manifest.toml and the specs.

Tests are parametrised over `selected()`; `EXEC_SDKS_VENDORS=kapso,tracecat`
(set by `nox -s tests -- --vendor ...`) narrows the set.

Nothing here names a vendor: everything comes from the manifest entry and the spec.
The polled operation is the one carrying `x-status-path`; its module is
`<import>.<_vendor.POLL_OPERATION>`; the execution id is the path parameter named like
`x-execution-summary`'s id field (else the last one); fixtures are tests/fixtures/<vendor>/
files where they exist, else the spec's own response examples.
"""

from __future__ import annotations

import copy
import datetime
import enum
import importlib
import json
import os
import re
import tomllib
import typing
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import yaml
from openapi_python_client.strings import ClassName, PythonIdentifier

from support.schemas import openapi31, resolve

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
MANIFEST = tomllib.loads((ROOT / "manifest.toml").read_text(encoding="utf-8"))

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Where the polled operation's module is when a package's `_vendor.py` does not say (`POLL_OPERATION`).
DEFAULT_POLL_OPERATION = "api.executions.get_execution"
# A value valid for a `format: uuid` parameter.
SAMPLE_UUID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
# The default execution id of a call, by the JSON type of the id parameter.
DEFAULT_IDS: dict[str, Any] = {"string": "exec-123", "integer": 123}


def load_spec(path: Path) -> dict[str, Any]:
    """A spec file, `.json` or `.yaml`."""
    text = path.read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    return loaded


def credential_params(spec: dict[str, Any], path: Path) -> dict[str, str]:
    """The client's keyword for each supported security scheme the operations use: the
    generator's own rule (`generator.vendor.credential_param_names`), so the two never differ."""
    from generator.vendor import credential_params_for

    return credential_params_for(spec, path)


def supported_scheme(scheme: dict[str, Any]) -> bool:
    """Whether the runtime can send this scheme's credential."""
    kind = scheme.get("type")
    if kind == "http":
        return str(scheme.get("scheme", "")).lower() == "bearer"
    return kind in {"apiKey", "oauth2", "openIdConnect"}


def python_name(name: str) -> str:
    """The generator's Python name for a spec property or parameter (`accountId` -> `account_id`)."""
    return str(PythonIdentifier(name, "field_"))


def parameter_name(name: str) -> str:
    """An endpoint function's keyword for a spec parameter: its Python name, with `_param` appended
    where that is one of the function's own keywords."""
    candidate = python_name(name)
    return f"{candidate}_param" if candidate in {"client", "timeout", "body"} else candidate


def sample_value(spec: dict[str, Any], schema: dict[str, Any], name: str) -> tuple[Any, str]:
    """(Python value, its spelling in a URL) valid for a parameter's schema."""
    schema = resolve(spec, schema)
    for member in schema.get("anyOf", []) + schema.get("oneOf", []):
        if resolve(spec, member).get("type") != "null":
            return sample_value(spec, member, name)
    types = schema.get("type", "string")
    kind = next((t for t in types if t != "null"), "string") if isinstance(types, list) else types
    if "enum" in schema:
        value = next(v for v in schema["enum"] if v is not None)
        return value, str(value).lower() if isinstance(value, bool) else str(value)
    if kind == "integer":
        number = max(int(schema.get("minimum", 1)), 1)
        return number, str(number)
    if kind == "number":
        return 1.5, "1.5"
    if kind == "boolean":
        return True, "true"
    if schema.get("format") == "uuid":
        return SAMPLE_UUID, SAMPLE_UUID
    if schema.get("format") == "date-time":
        moment = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
        return moment, moment.isoformat()
    return f"{name}-1", f"{name}-1"


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def media_example(spec: dict[str, Any], media: dict[str, Any]) -> Any:
    """A media type's `example`, else the value of its first `examples` entry, else MISSING."""
    if "example" in media:
        return media["example"]
    for example in media.get("examples", {}).values():
        example = resolve(spec, example)
        if "value" in example:
            return example["value"]
    return MISSING


def json_media(response: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON media type object of a response (`application/json`, else any `...json`)."""
    content: dict[str, Any] = response.get("content") or {}
    for media_type in ["application/json", *content]:
        if media_type in content and media_type.split(";")[0].endswith("json"):
            media: dict[str, Any] = content[media_type]
            return media
    return None


def _squash(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


@dataclass(frozen=True)
class Vendor:
    name: str
    dist: str
    import_name: str
    version: str
    spec_path: Path
    env_prefix: str
    # Where tests/fixtures/<vendor>/ is: this repository's, or a copy's (test_adding_vendor).
    fixtures_root: Path = FIXTURES

    def __repr__(self) -> str:
        return self.name

    @cached_property
    def spec(self) -> dict[str, Any]:
        """The spec, its schemas in OpenAPI 3.1's dialect (JSON Schema 2020-12) whatever its version."""
        return openapi31(load_spec(self.spec_path))

    # --- the polled operation: the one with `x-status-path` ---------------------------------------

    @cached_property
    def _polled(self) -> tuple[str, str, dict[str, Any]]:
        found = []
        for path, item in self.spec["paths"].items():
            item = resolve(self.spec, item)
            for method in HTTP_METHODS:
                if "x-status-path" in item.get(method, {}):
                    found.append((method, str(path), self._merged(item, item[method])))
        assert len(found) == 1, f"{self.name}: {len(found)} operations carry x-status-path, expected one"
        return found[0]

    def _merged(self, path_item: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
        """The operation with the path item's parameters merged in (the operation's win), resolved."""
        parameters: dict[tuple[str, str], dict[str, Any]] = {}
        for parameter in [*path_item.get("parameters", []), *operation.get("parameters", [])]:
            parameter = resolve(self.spec, parameter)
            parameters[(parameter["name"], parameter["in"])] = parameter
        return {**operation, "parameters": list(parameters.values())}

    @property
    def operation(self) -> dict[str, Any]:
        """The polled operation, its `parameters` merged with the path item's and resolved."""
        return self._polled[2]

    @property
    def method(self) -> str:
        return self._polled[0]

    @property
    def path_template(self) -> str:
        return self._polled[1]

    @property
    def package(self) -> ModuleType:
        return importlib.import_module(self.import_name)

    @property
    def endpoint_module(self) -> str:
        """The polled operation's module: `<import>.<_vendor.POLL_OPERATION>`."""
        facts = importlib.import_module(f"{self.import_name}._vendor")
        dotted = getattr(facts, "POLL_OPERATION", DEFAULT_POLL_OPERATION)
        assert dotted, f"{self.name}: the package names no polled operation (POLL_OPERATION is None)"
        return f"{self.import_name}.{dotted}"

    @property
    def endpoint(self) -> ModuleType:
        return importlib.import_module(self.endpoint_module)

    @property
    def errors(self) -> ModuleType:
        return importlib.import_module(f"{self.import_name}.errors")

    def model_class(self, ref: str) -> Any:
        """The package's class for a `#/components/schemas/<name>` reference (`Model`-suffixed on a clash)."""
        models = importlib.import_module(f"{self.import_name}.models")
        name = component_class_name(self.spec, ref)
        for candidate in (name, name + "Model"):
            if hasattr(models, candidate):
                return getattr(models, candidate)
        raise AssertionError(f"{self.name}: {self.import_name}.models has no class for {ref}")

    # --- security ------------------------------------------------------------------------------------

    @cached_property
    def scheme_name(self) -> str:
        """The first supported scheme of the operation's `security` (else the spec's)."""
        requirements = self.operation.get("security", self.spec.get("security", []))
        schemes = self.spec.get("components", {}).get("securitySchemes", {})
        for alternative in requirements:
            if alternative and all(supported_scheme(schemes[name]) for name in alternative):
                return str(next(iter(alternative)))
        raise AssertionError(f"{self.name}: the polled operation has no supported security scheme")

    @property
    def scheme(self) -> dict[str, Any]:
        scheme: dict[str, Any] = self.spec["components"]["securitySchemes"][self.scheme_name]
        return scheme

    @property
    def credential_param(self) -> str:
        return credential_params(self.spec, self.spec_path)[self.scheme_name]

    @property
    def credential_in(self) -> str:
        """Where the credential travels: `header`, or `query` for an API key the spec puts there."""
        return "query" if self.scheme["type"] == "apiKey" and self.scheme.get("in") == "query" else "header"

    @property
    def credential_name(self) -> str:
        """The header (`Authorization` for a bearer token) or query parameter carrying the credential."""
        return str(self.scheme["name"]) if self.scheme["type"] == "apiKey" else "Authorization"

    def credential_value(self, credential: str) -> str:
        """`credential` as the request carries it: `Bearer <token>`, or the API key itself."""
        return credential if self.scheme["type"] == "apiKey" else f"Bearer {credential}"

    def auth_header(self, credential: str) -> tuple[str, str]:
        """The header the spec says carries `credential` (a test of headers only)."""
        assert self.credential_in == "header", f"{self.name}: the credential travels in the query"
        return self.credential_name, self.credential_value(credential)

    def auth_headers(self, credential: str) -> dict[str, str]:
        """The headers the credential adds: none when the spec puts an API key in the query."""
        return {self.credential_name: self.credential_value(credential)} if self.credential_in == "header" else {}

    def auth_query(self, credential: str) -> dict[str, str]:
        """The query parameters the credential adds: none unless the spec puts an API key there."""
        return {self.credential_name: credential} if self.credential_in == "query" else {}

    def sent_credential(self, headers: typing.Mapping[str, str], target: str) -> str | None:
        """The credential a request carried where the spec puts it: from its headers (any case)
        or from the query of its target (`/path?query` or a full URL); None when it is not there."""
        if self.credential_in == "query":
            values = parse_qs(urlsplit(target).query, keep_blank_values=True).get(self.credential_name)
            return values[0] if values else None
        wanted = self.credential_name.lower()
        return next((value for name, value in headers.items() if name.lower() == wanted), None)

    @property
    def env_credential(self) -> str:
        """The variable `AuthenticatedClient.from_env()` reads the credential from."""
        return f"{self.env_prefix}_{self.credential_param.upper()}"

    @property
    def env_base_url(self) -> str:
        return f"{self.env_prefix}_BASE_URL"

    def client(self, base_url: str, credential: str = "test-credential", **kwargs: Any) -> Any:
        return self.package.AuthenticatedClient(base_url=base_url, **{self.credential_param: credential}, **kwargs)

    # --- parameters and the execution id -------------------------------------------------------------

    def parameters(self, where: str) -> list[dict[str, Any]]:
        """The polled operation's parameters `in` path, query, header or cookie."""
        return [p for p in self.operation["parameters"] if p["in"] == where]

    @cached_property
    def path_param_names(self) -> list[str]:
        """The path parameters in the order the path template has them."""
        return re.findall(r"\{([^}]+)\}", self.path_template)

    @cached_property
    def id_path(self) -> list[str]:
        """Where the execution id sits in the 200 body: `x-execution-summary`'s `id`, else beside the status."""
        summary = self.operation.get("x-execution-summary") or {}
        return list(summary.get("id") or [*self.status_path[:-1], "id"])

    @cached_property
    def id_param(self) -> str:
        """The path parameter naming the execution: the one named like the body's id field, else the last."""
        field = _squash(self.id_path[-1])
        squashed = [_squash(name) for name in self.path_param_names]
        if field != "id" and field in squashed:
            return self.path_param_names[squashed.index(field)]
        return self.path_param_names[-1]

    def param_schema(self, name: str, where: str = "path") -> dict[str, Any]:
        parameter = next((p for p in self.parameters(where) if p["name"] == name), {})
        return resolve(self.spec, parameter.get("schema", {}))

    @property
    def id_is_integer(self) -> bool:
        return self.param_schema(self.id_param).get("type") == "integer"

    @property
    def default_execution_id(self) -> Any:
        return DEFAULT_IDS["integer" if self.id_is_integer else "string"]

    def path_params(self, execution_id: Any = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        """Values for the path parameters by their spec names; the execution id at `id_param`,
        and `overrides` (by spec name) in place of the samples."""
        values = {
            name: sample_value(self.spec, self.param_schema(name), name)[0]
            for name in self.path_param_names
            if name != self.id_param
        }
        values[self.id_param] = self.default_execution_id if execution_id is None else execution_id
        values.update(overrides or {})
        return {name: values[name] for name in self.path_param_names}

    def _required_query(self, spelling: int) -> dict[str, Any]:
        return {
            p["name"]: sample_value(self.spec, p.get("schema", {}), p["name"])[spelling]
            for p in self.parameters("query")
            if p.get("required")
        }

    def query_values(self) -> dict[str, Any]:
        """Python values for the required query parameters, valid for their schemas."""
        return self._required_query(0)

    def query_params(self) -> dict[str, str]:
        """The required query parameters as they appear in the URL."""
        return self._required_query(1)

    def sent_query(self, credential: str) -> dict[str, list[str]]:
        """The query of a call with `credential` (`parse_qs` form): the required parameters, and the
        API key where the spec puts it in the query."""
        return {name: [value] for name, value in {**self.query_params(), **self.auth_query(credential)}.items()}

    def call_kwargs(self, execution_id: Any = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        """Keyword arguments for the polled call besides `client`: Python names, and an enum
        parameter's value as a member of the enum class the endpoint takes."""
        path = self.path_params(execution_id, overrides)
        values = {parameter_name(k): v for k, v in {**path, **self.query_values()}.items()}
        hints = typing.get_type_hints(self.endpoint.sync)
        for name, value in values.items():
            for kind in (hints.get(name), *typing.get_args(hints.get(name))):
                if isinstance(kind, type) and issubclass(kind, enum.Enum) and not isinstance(value, kind):
                    values[name] = kind(value)
        return values

    def expected_path(self, execution_id: Any = None, overrides: dict[str, Any] | None = None) -> str:
        """The raw request path the spec implies, each parameter one percent-encoded segment."""
        path = self.path_template
        for name, value in self.path_params(execution_id, overrides).items():
            path = path.replace("{" + name + "}", quote(str(value), safe=""))
        return path

    def parse_path(self, raw_path: str) -> dict[str, str] | None:
        """The path parameters' values (percent-decoded) of a request path, None if it is not this path."""
        pattern = re.escape(self.path_template)
        for name in self.path_param_names:
            pattern = pattern.replace(re.escape("{" + name + "}"), "([^/]*)", 1)
        match = re.fullmatch(pattern, raw_path)
        if match is None:
            return None
        return {name: unquote(value) for name, value in zip(self.path_param_names, match.groups(), strict=True)}

    # --- responses and their examples -----------------------------------------------------------------

    @property
    def responses(self) -> dict[str, dict[str, Any]]:
        """The polled operation's responses by status key, resolved."""
        return {str(key): resolve(self.spec, value) for key, value in self.operation["responses"].items()}

    @property
    def success_status(self) -> str:
        return "200" if "200" in self.responses else next(k for k in self.responses if k.startswith("2"))

    def documented_response(self, status: int) -> str | None:
        """The response key that documents `status`: the exact code, else its range (`4XX`), else
        `default`; None when the spec documents none (Prism and the SDK look them up in this order)."""
        return next((k for k in (str(status), f"{status // 100}XX", "default") if k in self.responses), None)

    def response_schema(self, status: str) -> dict[str, Any] | None:
        media = json_media(self.responses.get(status, {}))
        return None if media is None or "schema" not in media else dict(media["schema"])

    def response_example(self, status: str) -> Any:
        """The spec's example of a response's JSON body, or MISSING."""
        media = json_media(self.responses.get(status, {}))
        return MISSING if media is None else media_example(self.spec, media)

    def spec_examples(self) -> dict[str, Any]:
        """Every response's JSON example by status key."""
        found = {status: self.response_example(status) for status in self.responses}
        return {status: example for status, example in found.items() if example is not MISSING}

    def fixture(self, name: str) -> Any:
        """tests/fixtures/<vendor>/<name>, else the spec's example of that response
        (`example-200.json`: the success response's, `error-404.json`: the 404 response's)."""
        path = self.fixtures_root / self.name / name
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
        status = self.success_status if name.startswith("example-") else name.removesuffix(".json").split("-", 1)[1]
        example = self.response_example(status)
        if example is MISSING:
            raise AssertionError(f"{self.name}: no fixture {path.name} and no example in the spec's {status} response")
        return copy.deepcopy(example)

    def fixture_names(self, prefix: str) -> list[str]:
        """Fixture names starting with `prefix`: the files, and the spec's error examples without one."""
        names = {p.name for p in (self.fixtures_root / self.name).glob("*.json")}
        names |= {f"error-{status}.json" for status in self.spec_examples() if not status.startswith("2")}
        return sorted(name for name in names if name.startswith(prefix))

    @property
    def success_schema(self) -> dict[str, Any]:
        schema = self.response_schema(self.success_status)
        assert schema, f"{self.name}: the {self.success_status} response has no JSON schema"
        return schema

    # --- the execution status ------------------------------------------------------------------------

    @property
    def status_path(self) -> list[str]:
        return list(self.operation["x-status-path"])

    def _status_field(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(the object schema holding the status, the status property's schema), resolved."""
        parent = resolve(self.spec, self.success_schema)
        for key in self.status_path[:-1]:
            parent = resolve(self.spec, parent["properties"][key])
        return parent, resolve(self.spec, parent["properties"][self.status_path[-1]])

    @cached_property
    def status_enum(self) -> dict[str, Any] | None:
        """The spec's execution-status enum schema, None when the status is a plain string."""
        _, schema = self._status_field()
        for member in [schema, *schema.get("anyOf", []), *schema.get("oneOf", [])]:
            if "enum" in resolve(self.spec, member):
                return resolve(self.spec, member)
        return None

    @cached_property
    def terminal_sets(self) -> dict[str, list[str]]:
        """`x-terminal-statuses` (`success`, `failure`, `done`) of the status enum, else of the operation."""
        found = (self.status_enum or {}).get("x-terminal-statuses") or self.operation.get("x-terminal-statuses")
        assert found, f"{self.name}: no x-terminal-statuses on the status enum or the polled operation"
        return {key: [str(s) for s in found.get(key) or []] for key in ("success", "failure", "done")}

    @property
    def outcome_path(self) -> list[str]:
        """`x-outcome-path`: where a `done` run's verdict sits (GitHub Actions' `conclusion`); [] if none."""
        return list(self.operation.get("x-outcome-path") or [])

    @cached_property
    def outcome_sets(self) -> dict[str, list[str]]:
        """The outcome field's verdicts: its enum's `x-terminal-statuses`, else `x-outcome-statuses`."""
        if not self.outcome_path:
            return {"success": [], "failure": []}
        schema = resolve(self.spec, self.success_schema)
        for key in self.outcome_path:
            schema = resolve(self.spec, schema["properties"][key])
        found: dict[str, Any] = {}
        for member in [schema, *schema.get("anyOf", []), *schema.get("oneOf", [])]:
            found = found or resolve(self.spec, member).get("x-terminal-statuses") or {}
        found = found or self.operation.get("x-outcome-statuses") or {}
        return {key: [str(s) for s in found.get(key) or []] for key in ("success", "failure")}

    @cached_property
    def status_may_be_null(self) -> bool:
        """Whether the spec lets the status be absent or null (optional, or nullable)."""
        parent, field = self._status_field()
        members = [resolve(self.spec, m) for m in field.get("anyOf", []) + field.get("oneOf", [])]
        types = [field.get("type"), *(member.get("type") for member in members)]
        nullable = field.get("nullable") is True
        nullable |= any(kind == "null" or (isinstance(kind, list) and "null" in kind) for kind in types)
        return nullable or self.status_path[-1] not in parent.get("required", [])

    @property
    def success_statuses(self) -> list[str]:
        return self.terminal_sets["success"]

    @property
    def failure_statuses(self) -> list[str]:
        return self.terminal_sets["failure"]

    @property
    def running_status(self) -> str:
        """A status that keeps a wait going: a known non-terminal one, else an unknown one."""
        terminal = {status for statuses in self.terminal_sets.values() for status in statuses}
        known = (self.status_enum or {}).get("enum") or []
        ongoing = [s for s in known if s not in terminal and s is not None]
        return str(ongoing[0]) if ongoing else "running"

    def terminal_body(self, verdict: str) -> tuple[str, Any] | None:
        """(status, page example) of a run that ended in `verdict` (`success` or `failure`): a status
        the spec lists so, else a `done` status with such an outcome; None if the spec has neither."""
        if self.terminal_sets[verdict]:
            status = self.terminal_sets[verdict][0]
            return status, self.example_with_status(status)
        if self.terminal_sets["done"] and self.outcome_sets[verdict]:
            status = self.terminal_sets["done"][0]
            body = self.example_with_status(status)
            node = body
            for key in self.outcome_path[:-1]:
                node = node.setdefault(key, {})
            node[self.outcome_path[-1]] = self.outcome_sets[verdict][0]
            return status, body
        return None

    def example_with_status(self, status: str | None) -> Any:
        """The page example with the execution status replaced."""
        body = self.fixture("example-200.json")
        node = body
        for key in self.status_path[:-1]:
            node = node[key]
        node[self.status_path[-1]] = status
        return body


def component_class_name(spec: dict[str, Any], ref: str) -> str:
    """The class name the pipeline gives the component schema `ref` names: its `x-class-name` when
    the spec sets one, else the component's name as a class name (before any clash suffix)."""
    component = ref.rsplit("/", 1)[-1]
    schema = ((spec.get("components") or {}).get("schemas") or {}).get(component) or {}
    return str(schema.get("x-class-name") or ClassName(component, "field_"))


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
