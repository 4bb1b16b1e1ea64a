"""The pipeline's stages on small in-memory specs: naming, normalising, deriving, refusing.

Fast and without the generator subprocess; tests/test_corpus.py generates whole packages.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.derive import derive
from generator.errors import RegenerationError, SpecRefusalError
from generator.spec import all_schemas, load_spec, normalise

SPEC = Path("spec.yaml")


def base_spec(**extra: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Run": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"type": "string"}, "status": {"$ref": "#/components/schemas/Status"}},
                },
                "Status": {
                    "type": "string",
                    "enum": ["running", "done", "failed"],
                    "x-terminal-statuses": {"success": ["done"], "failure": ["failed"]},
                },
            },
        },
        "paths": {
            "/runs/{run_id}": {
                "get": {
                    "operationId": "get_run",
                    "x-status-path": ["status"],
                    "parameters": [{"name": "run_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Run"}}},
                        }
                    },
                }
            }
        },
    }
    spec.update(extra)
    return spec


def schemas_of(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = derive(spec, SPEC).generator_input["components"]["schemas"]
    return result


# -- loading ----------------------------------------------------------------------------


def test_json_with_tabs_and_yaml_load_alike(tmp_path: Path) -> None:
    spec = base_spec()
    (tmp_path / "a.json").write_text(json.dumps(spec, indent="\t"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    assert load_spec(tmp_path / "a.json") == load_spec(tmp_path / "b.yaml") == spec


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.json", '{"openapi": ', "not valid JSON"),
        ("bad.yaml", "openapi: [", "not valid YAML"),
        ("dup.yaml", "openapi: 3.1.0\nopenapi: 3.0.0\n", "duplicate key"),
        ("list.yaml", "- a\n", "the document is not an object"),
    ],
)
def test_unreadable_specs_are_one_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(RegenerationError) as caught:
        load_spec(tmp_path / name)
    assert message in str(caught.value) and "\n" not in str(caught.value)


# -- 3.0 -> 3.1 ------------------------------------------------------------------------------


def test_nullable_forms_of_3_0_become_null_alternatives() -> None:
    spec = base_spec(openapi="3.0.3")
    props = spec["components"]["schemas"]["Run"]["properties"]
    props["name"] = {"type": "string", "nullable": True}
    props["status"] = {"allOf": [{"$ref": "#/components/schemas/Status"}], "nullable": True, "description": "d"}
    props["low"] = {"type": "integer", "minimum": 1, "exclusiveMinimum": True}
    out = normalise(spec)["components"]["schemas"]["Run"]["properties"]
    assert out["name"]["type"] == ["string", "null"]
    assert out["status"] == {
        "description": "d",
        "anyOf": [{"$ref": "#/components/schemas/Status"}, {"type": "null"}],
    }
    assert out["low"] == {"type": "integer", "exclusiveMinimum": 1}


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        pytest.param(
            {"allOf": [{"$ref": "#/components/schemas/Status"}], "description": "d"},
            {"$ref": "#/components/schemas/Status", "description": "d"},
            id="one member, annotated",
        ),
        pytest.param(
            {"allOf": [{"nullable": True}, {"$ref": "#/components/schemas/Status"}]},
            {"anyOf": [{"$ref": "#/components/schemas/Status"}, {"type": "null"}]},
            id="a nullable member annotates a ref",
        ),
        pytest.param(
            {"allOf": [{"type": "string", "maxLength": 3}, {"description": "d", "example": "abc"}]},
            {"type": "string", "maxLength": 3, "description": "d", "example": "abc"},
            id="an inline string with an annotating member",
        ),
        pytest.param(
            {"allOf": [{"type": "array", "items": {"type": "integer"}}, {"readOnly": True}], "nullable": True},
            {"type": ["array", "null"], "items": {"type": "integer"}, "readOnly": True},
            id="a nullable array",
        ),
        pytest.param(
            {"allOf": [{"type": "string", "description": "inner"}, {"description": "member"}], "description": "outer"},
            {"type": "string", "description": "outer"},
            id="the outer annotation wins",
        ),
        pytest.param(
            {"allOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]},
            {"allOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]},
            id="two real members stay for derive to merge",
        ),
    ],
)
def test_allof_that_only_annotates_is_its_schema(schema: dict[str, Any], expected: dict[str, Any]) -> None:
    spec = base_spec(openapi="3.0.3")
    spec["components"]["schemas"]["Run"]["properties"]["x"] = schema
    assert normalise(spec)["components"]["schemas"]["Run"]["properties"]["x"] == expected


def test_allof_around_a_string_or_enum_derives() -> None:
    spec = base_spec(openapi="3.0.3")
    schemas = spec["components"]["schemas"]
    schemas["Name"] = {"type": "string"}
    schemas["Run"]["properties"]["name"] = {"allOf": [{"$ref": "#/components/schemas/Name"}], "description": "n"}
    schemas["Run"]["properties"]["status"] = {"allOf": [{"nullable": True}, {"$ref": "#/components/schemas/Status"}]}
    schemas["Run"]["properties"]["key"] = {
        "type": "string",
        "allOf": [{"$ref": "#/components/schemas/Name"}, {"pattern": "^[0-9]+$"}],
    }
    schemas["Run"]["properties"]["stage"] = {
        "type": "string",
        "nullable": True,
        "allOf": [{"$ref": "#/components/schemas/Status"}],
    }
    schemas["Run"]["properties"]["clash"] = {"type": "string", "allOf": [{"type": "integer"}]}
    schemas["Run"]["required"] = ["id", "stage"]
    with pytest.raises(SpecRefusalError, match="`allOf` member that is not an object schema"):
        schemas_of(spec)
    del schemas["Run"]["properties"]["clash"]
    props = schemas_of(spec)["Run"]["properties"]
    assert props["name"]["anyOf"][0]["$ref"] == "#/components/schemas/Name"
    assert {"type": "null"} in props["status"]["anyOf"]
    assert props["key"] == {"type": ["string", "null"], "pattern": "^[0-9]+$"}
    assert props["stage"]["anyOf"] == [{"$ref": "#/components/schemas/RunStage"}, {"type": "null"}]


def test_status_behind_allof_and_nullable_is_found() -> None:
    spec = base_spec(openapi="3.0.3")
    spec["components"]["schemas"]["Run"]["properties"]["status"] = {
        "allOf": [{"$ref": "#/components/schemas/Status"}],
        "nullable": True,
    }
    derived = derive(spec, SPEC)
    assert [op.module for op in derived.operations] == ["api.default.get_run"]


# -- naming --------------------------------------------------------------------------------


def test_inline_schemas_are_named_after_where_they_stand() -> None:
    spec = base_spec()
    props = spec["components"]["schemas"]["Run"]["properties"]
    props["current_step"] = {"type": ["object", "null"], "properties": {"kind": {"enum": ["a", "b"]}}}
    props["events"] = {"type": "array", "items": {"type": "object", "properties": {"at": {"type": "string"}}}}
    props["labels"] = {"type": "object", "additionalProperties": {"type": "object", "properties": {}}}
    props["either"] = {"anyOf": [{"type": "string"}, {"type": "object", "properties": {"a": {"type": "string"}}}]}
    props["pet"] = {"oneOf": [{"title": "cat", "type": "object"}, {"type": "object", "properties": {}}]}
    names = set(schemas_of(spec))
    assert {
        "RunCurrentStep",
        "RunCurrentStepKind",
        "RunEventsItem",
        "RunLabels",
        "RunLabelsValue",
        "RunEitherOption2",
        "Cat",
        "RunPetOption2",
    } <= names
    assert not any("Type0" in name for name in names)


def test_collisions_and_reserved_names_are_resolved_in_document_order() -> None:
    spec = base_spec()
    schemas = spec["components"]["schemas"]
    schemas["Response"] = {"type": "object", "properties": {"run": {"$ref": "#/components/schemas/Run"}}}
    schemas["RunCurrentStep"] = {"type": "object"}
    schemas["Run"]["properties"]["current_step"] = {"type": "object", "properties": {"x": {"type": "string"}}}
    spec["paths"]["/runs/{run_id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/Response"
    }
    spec["paths"]["/runs/{run_id}"]["get"]["x-status-path"] = ["run", "status"]
    derived = derive(spec, SPEC)
    names = derived.generator_input["components"]["schemas"]
    assert "Response" not in names and "ResponseModel" in names
    assert "RunCurrentStep2" in names and "RunCurrentStep" in names
    assert derived.renamed == {"Response": "ResponseModel"}


def test_titles_never_name_classes() -> None:
    spec = base_spec()
    schemas = spec["components"]["schemas"]
    schemas["Run"]["title"] = "A run"
    props = schemas["Run"]["properties"]
    props["kind"] = {"title": "Status", "enum": ["a", "b"]}
    props["step"] = {"title": "Status", "type": "object", "properties": {"kind": {"title": "Status", "enum": ["c"]}}}
    props["owner"] = {"anyOf": [{"title": "P", "type": "object"}, {"title": "P", "type": "object", "properties": {}}]}
    derived = derive(spec, SPEC)
    names = derived.generator_input["components"]["schemas"]
    assert {"RunKind", "RunStep", "RunStepKind", "P", "P2"} <= set(names)
    assert not any("title" in schema for _, schema in all_schemas(derived.generator_input))
    assert derived.titles["Run"] == "A run" and derived.facts()["titles"]["RunKind"] == "Status"


def test_prefix_items_are_a_list_of_the_members() -> None:
    spec = base_spec()
    props = spec["components"]["schemas"]["Run"]["properties"]
    props["point"] = {"type": "array", "prefixItems": [{"type": "number"}, {"type": "number"}], "items": False}
    props["pair"] = {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": False}
    props["open"] = {"type": "array", "prefixItems": [{"type": "string"}]}
    props["rest"] = {"prefixItems": [{"type": "string"}], "items": {"type": "integer"}}
    props["none"] = {"type": "array", "items": False}
    out = schemas_of(spec)["Run"]["properties"]
    assert out["point"]["items"] == {"type": "number"}
    assert out["pair"]["items"] == {"anyOf": [{"type": "string"}, {"type": "integer"}]}
    assert out["open"]["items"] == {}  # anything may follow the prefix
    assert out["rest"]["items"] == {"anyOf": [{"type": "string"}, {"type": "integer"}]}
    assert out["none"]["items"] == {}
    assert not any("prefixItems" in prop for prop in out.values())


def test_optional_properties_accept_null_at_every_depth() -> None:
    spec = base_spec()
    spec["components"]["schemas"]["Run"]["properties"]["nested"] = {
        "type": "object",
        "properties": {"inner": {"type": "integer"}},
    }
    spec["components"]["schemas"]["Extended"] = {
        "allOf": [{"$ref": "#/components/schemas/Run"}, {"properties": {"extra": {"type": "boolean"}}}]
    }
    schemas = schemas_of(spec)
    assert schemas["RunNested"]["properties"]["inner"]["type"] == ["integer", "null"]
    extended = schemas["Extended"]
    assert extended["required"] == ["id"]
    assert extended["properties"]["id"] == {"type": "string"}
    assert extended["properties"]["extra"]["type"] == ["boolean", "null"]


# -- operations ------------------------------------------------------------------------------


def test_operations_get_ids_modules_and_merged_parameters() -> None:
    spec = base_spec()
    item = spec["paths"]["/runs/{run_id}"]
    operation = item["get"]
    del operation["operationId"]
    item["parameters"] = [
        {"name": "run_id", "in": "path", "required": True, "schema": {"type": "integer"}},
        {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
    ]
    item["post"] = {
        "operationId": "cancelRun",
        "tags": ["Run Control"],
        "x-idempotency-key": "Idempotency-Key",
        "responses": {"202": {"description": "accepted"}},
    }
    item["delete"] = {"security": [], "responses": {"204": {"description": "gone"}}}
    derived = derive(spec, SPEC)
    by_key = {op.key: op for op in derived.operations}
    get = by_key["GET /runs/{run_id}"]
    assert get.module == "api.default.get_runs_run_id"
    params = {(p["name"], p["in"]): p["schema"]["type"] for p in get.operation["parameters"]}
    assert params == {("run_id", "path"): "string", ("verbose", "query"): "boolean"}  # the operation wins
    post = by_key["POST /runs/{run_id}"]
    assert post.module == "api.run_control.cancel_run"
    assert (post.retry, post.idempotency_header, post.security) == ("keyed", "Idempotency-Key", [["bearer"]])
    delete = by_key["DELETE /runs/{run_id}"]
    assert (delete.retry, delete.security) == ("always", [])


def test_operation_names_do_not_depend_on_the_documents_order() -> None:
    paths = ["/jobs/", "/jobs", "/jobs.x", "/jobs-x", "/jobs/{id}", "/jobs/{job_id}/x"]

    def names(order: list[str]) -> dict[str, str]:
        spec = base_spec()
        for path in order:
            params = [
                {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                for name in re.findall(r"{([^}]+)}", path)
            ]
            spec["paths"][path] = {"get": {"parameters": params, "responses": {"204": {"description": "ok"}}}}
        return {op.key: op.module for op in derive(spec, SPEC).operations}

    forward, backward = names(paths), names(list(reversed(paths)))
    assert forward == backward
    assert forward["GET /jobs"] == "api.default.get_jobs" and forward["GET /jobs/"] == "api.default.get_jobs_2"
    assert forward["GET /jobs-x"] == "api.default.get_jobs_x" and forward["GET /jobs.x"] == "api.default.get_jobs_x_2"
    assert forward["GET /jobs/{id}"] == "api.default.get_jobs_id"
    assert len(set(forward.values())) == len(forward)


def test_request_bodies_without_content_form_encoded_and_binary() -> None:
    spec = base_spec()
    item = spec["paths"]["/runs/{run_id}"]
    item["parameters"] = item["get"]["parameters"]
    item["post"] = {
        "operationId": "nothing",
        "requestBody": {"content": None},
        "responses": {"204": {"description": "ok"}},
    }
    item["put"] = {"operationId": "empty", "requestBody": {"content": {}}, "responses": {"204": {"description": "ok"}}}
    form: dict[str, Any] = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "array", "items": {"type": "integer"}}},
    }
    item["patch"] = {
        "operationId": "form",
        "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": form}, "text/plain": {}}},
        "responses": {"204": {"description": "ok"}},
    }
    derived = derive(spec, SPEC)
    by_key = {op.key: op.operation for op in derived.operations}
    assert "requestBody" not in by_key["POST /runs/{run_id}"] and "requestBody" not in by_key["PUT /runs/{run_id}"]
    assert list(by_key["PATCH /runs/{run_id}"]["requestBody"]["content"]) == ["application/x-www-form-urlencoded"]

    item["patch"]["requestBody"]["content"] = {"multipart/form-data": {"schema": form}}
    with pytest.raises(SpecRefusalError, match="a request body only in multipart/form-data"):
        derive(spec, SPEC)
    form["properties"]["c"] = {"type": "object", "properties": {}}
    item["patch"]["requestBody"]["content"] = {"application/x-www-form-urlencoded": {"schema": form}}
    with pytest.raises(SpecRefusalError, match="a form-encoded body with a nested object") as caught:
        derive(spec, SPEC)
    assert caught.value.pointer.endswith("/schema/properties/c")


def test_http_basic_is_supported_and_digest_named_when_refused() -> None:
    spec = base_spec()
    spec["components"]["securitySchemes"] = {
        "basic": {"type": "http", "scheme": "Basic"},
        "digest": {"type": "http", "scheme": "digest"},
    }
    spec["security"] = [{"digest": []}, {"basic": []}]
    derived = derive(spec, SPEC)
    assert derived.operations[0].security == [["basic"]]
    assert derived.schemes["basic"] == {"in": "header", "name": "Authorization", "prefix": "Basic ", "kind": "basic"}
    spec["security"] = [{"digest": []}]
    with pytest.raises(SpecRefusalError, match=r"alternatives \(http digest\)"):
        derive(spec, SPEC)


def test_security_alternatives_skip_unsupported_schemes() -> None:
    spec = base_spec()
    spec["components"]["securitySchemes"].update(
        {
            "cookie": {"type": "apiKey", "in": "cookie", "name": "session"},
            "org": {"type": "apiKey", "in": "header", "name": "X-Org-ID"},
        }
    )
    spec["security"] = [{"cookie": []}, {"bearer": [], "org": []}]
    derived = derive(spec, SPEC)
    assert derived.operations[0].security == [["bearer", "org"]]
    assert derived.facts()["schemes"]["org"] == {"in": "header", "name": "X-Org-ID", "prefix": ""}


def test_discriminated_union_gets_a_fallback_and_facts() -> None:
    spec = base_spec()
    schemas = spec["components"]["schemas"]
    schemas["Cat"] = {"type": "object", "properties": {"kind": {"type": "string"}}}
    schemas["Dog"] = {"type": "object", "properties": {"kind": {"type": "string"}}}
    schemas["Run"]["properties"]["pet"] = {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
        "discriminator": {"propertyName": "kind", "mapping": {"c": "#/components/schemas/Cat"}},
    }
    derived = derive(spec, SPEC)
    assert derived.discriminators == {
        "Cat|Dog|UnknownVariant": {
            "property": "kind",
            "mapping": {"Dog": "Dog", "c": "Cat"},
            "fallback": "UnknownVariant",
        }
    }
    pet = derived.generator_input["components"]["schemas"]["Run"]["properties"]["pet"]
    members = pet["anyOf"][0]["oneOf"] if "anyOf" in pet else pet["oneOf"]
    assert members[-1] == {"$ref": "#/components/schemas/UnknownVariant"}
    assert "discriminator" not in json.dumps(pet)


# -- refusals --------------------------------------------------------------------------------


def _mutate(path: str, value: Any) -> dict[str, Any]:
    spec = base_spec()
    node: Any = spec
    parts = path.split("/")
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = value
    return spec


REFUSALS: list[tuple[Callable[[], dict[str, Any]], str]] = [
    (
        lambda: {**base_spec(), "openapi": "2.0"},
        "#/openapi: OpenAPI version '2.0'; use OpenAPI 3.0.x or 3.1.x",
    ),
    (
        lambda: _mutate("components/schemas/Run/properties/x", {"$ref": "other.yaml#/X"}),
        "external $ref 'other.yaml#/X'; bundle the spec into one file",
    ),
    (
        lambda: (
            _mutate("security", [{"cookie": []}])
            | {
                "components": {
                    **base_spec()["components"],
                    "securitySchemes": {"cookie": {"type": "apiKey", "in": "cookie", "name": "s"}},
                }
            }
        ),
        "no supported security scheme among the alternatives (apiKey in cookie)",
    ),
    (
        lambda: _mutate("components/schemas/Status/x-terminal-statuses", {"success": ["finished"]}),
        "x-terminal-statuses.success lists ['finished'], not values of the enum",
    ),
]


def test_missing_status_property_names_the_pointer() -> None:
    spec = base_spec()
    spec["paths"]["/runs/{run_id}"]["get"]["x-status-path"] = ["state"]
    from generator.manifest import Package
    from generator.vendor import vendor_context

    derived = derive(spec, SPEC)
    package = Package("t", "t-exec", "t_exec", "0.1.0", SPEC, "", "T", "")
    with pytest.raises(SpecRefusalError) as caught:
        vendor_context(package, derived)
    assert caught.value.pointer == "#/paths/~1runs~1{run_id}/get/x-status-path"
    assert "has no property 'state'" in str(caught.value)


@pytest.mark.parametrize("case", range(len(REFUSALS)))
def test_refusals_are_one_line_with_pointer_and_fix(case: int) -> None:
    factory, message = REFUSALS[case]
    spec = copy.deepcopy(factory())
    with pytest.raises(SpecRefusalError) as caught:
        derived = derive(spec, SPEC)
        from generator.manifest import Package
        from generator.vendor import vendor_context

        vendor_context(Package("t", "t-exec", "t_exec", "0.1.0", SPEC, "", "T", ""), derived)
    text = str(caught.value)
    assert text.startswith("spec.yaml: #") and message in text and "\n" not in text


# -- the manifest -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[packages.x\ndist = 1\n", "manifest.toml: not valid TOML"),
        ('[packages.x]\nspec = "a"\n', "[packages.x] lacks dist, import, version, env_prefix"),
    ],
)
def test_manifest_mistakes_are_one_line(tmp_path: Path, text: str, message: str) -> None:
    from generator.manifest import load_manifest

    (tmp_path / "manifest.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RegenerationError) as caught:
        load_manifest(tmp_path / "manifest.toml")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_new_entry_needs_no_spec_hash(tmp_path: Path) -> None:
    from generator.manifest import load_manifest

    entry = '[packages.x]\ndist = "x-exec"\nimport = "x_exec"\nversion = "0.1.0"\nspec = "s.yaml"\nenv_prefix = "X"\n'
    (tmp_path / "manifest.toml").write_text(entry, encoding="utf-8")
    _, packages = load_manifest(tmp_path / "manifest.toml")
    assert packages["x"].spec_sha256 == ""


# -- the one line of a tool failure -----------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "line"),
    [
        (
            "Generating /tmp/x/real_prefect\nError(s) encountered while generating, client was not created\n\n"
            "Unable to process schema /components/schemas/BlockDocumentFilter:\n"
            "Value {'eq_': False} is not valid, only None is allowed\n\n"
            "If you believe this was a mistake or this tool is missing a feature you need, please open an issue\n",
            "Unable to process schema /components/schemas/BlockDocumentFilter: "
            "Value {'eq_': False} is not valid, only None is allowed",
        ),
        (
            "Generating /tmp/x\nWARNING parsing GET /a within default. Endpoint will not be generated.\n"
            "Incorrect path templating for /a\n",
            "WARNING parsing GET /a within default. Endpoint will not be generated. Incorrect path templating for /a",
        ),
        (
            "Error(s) encountered while generating, client was not created\n\nFailed to parse OpenAPI document\n\n"
            "1 validation error for OpenAPI\ncomponents.schemas.X.enum\n  List should have at least 1 item\n"
            "    For further information visit https://errors.pydantic.dev\n",
            "Failed to parse OpenAPI document: 1 validation error for OpenAPI components.schemas.X.enum "
            "List should have at least 1 item",
        ),
        ("Generating /tmp/x\n\u2502 UndefinedError: 'x' is undefined \u2502\n", "UndefinedError: 'x' is undefined"),
        (
            "Generating /tmp/x\nWarning(s) encountered while generating.\n\n"
            "WARNING parsing POST /voice within default. Endpoint will not be generated.\n\n"
            "Could not find reference in parsed models or enums\n\n\n"
            "Unable to parse schema /components/schemas/Lang\n\n"
            "Unable to parse this part of your OpenAPI document: : Value 1 is not valid for enum "
            "<openapi_python_client.schema.untrusted_string.UntrustedString object at 0x7f3d1cba8650>\n\n"
            '{\n  "enum": ["0"],\n  "default": "1"\n}\n',
            "Unable to parse schema /components/schemas/Lang: Value 1 is not valid for enum",
        ),
    ],
)
def test_a_tool_failure_says_its_cause_not_its_banner(output: str, line: str) -> None:
    from generator.render import _first_error

    assert _first_error(output) == line
