"""Stage 2: the generator's input, and the facts the templates read beside it.

openapi-python-client sees a simpler document than the vendor wrote:
- every inline object schema and inline enum is a named component (rules in `naming`), so
  every class has a readable, stable name and collisions are resolved here, not by chance;
- `allOf` of object schemas is one object (the members' properties and `required` merged);
- every optional property also accepts `null`: real servers send `null` for fields the spec
  marks optional, and the SDK must never fail on one (the attribute is `X | None`);
- each operation carries its own `security` (the generator reads only operation-level security),
  merged path-level parameters, an operationId, and only its JSON request and response bodies;
- a `discriminator` union gets a fallback member (`UnknownVariant`) for values the spec does
  not list, and the discriminator goes into the facts, since the generator ignores it;
- no schema has a `title`: openapi-python-client names classes after titles, and two equal
  titles would give two classes one name. The names here decide; a component's title is kept
  in the facts for its docstring;
- `prefixItems` (a 3.1 tuple) is a list whose items are any of the tuple's members.
- a path parameter whose name openapi-python-client cannot template (`{execution.workflow_id}`)
  is renamed (`{execution_workflow_id}`) in the path and the parameter; the facts map the
  generator's path back to the spec's, and the URL still takes the value as one encoded segment;
- a path parameter's schema does not admit null (a URL segment is never null);
- a `default` that is not a scalar value of its schema (an enum default outside the enum, a const
  with another default, an object default) is dropped: a default only annotates;
- `{type: string, format: binary}` is a plain string: in JSON a value is text;
- a JSON media type openapi-python-client does not know as JSON (`text/json`) is `application/json`
  for it; a request body is still sent with the spec's media type (the facts carry it).

The facts (`Facts`) are what the generator cannot carry: per-operation security and retry
policy, the security schemes, the discriminators. The renderer writes them as a Jinja file
next to the templates.
"""

from __future__ import annotations

import copy
import datetime
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SpecRefusalError, SpecRefusalsError, pointer_join
from .naming import RESERVED_CLASS_NAMES, Names, class_name, operation_id_for, pascal, python_name, tag_module
from .spec import HTTP_METHODS, all_schemas, check_supported, deref, normalise, operations, unsupported

FALLBACK_VARIANT = "UnknownVariant"
# A component schema's class name, when the vendor's schema name makes a poor one (set in an overlay).
CLASS_NAME_EXTENSION = "x-class-name"
IDEMPOTENCY_EXTENSION = "x-idempotency-key"
SAFE_METHODS = {"get", "head", "options", "put", "delete", "trace"}
# JSON media types: `application/json`, any `<type>/json` (`text/json`) or `<type>/x-json`, any
# structured `+json` suffix (`application/problem+json`), and `*/*` (taken as JSON); parameters
# (`; charset=utf-8`) are stripped before matching.
JSON_MEDIA = re.compile(r"^[\w.+-]+/([\w.+-]+\+)?(x-)?json$|^\*/\*$", re.IGNORECASE)
FORM_MEDIA = "application/x-www-form-urlencoded"


@dataclass
class Operation:
    """One operation as the package will have it."""

    method: str
    path: str
    pointer: str
    operation_id: str
    module: str  # dotted, relative to the package: "api.executions.get_execution"
    operation: dict[str, Any]  # the derived operation (merged parameters, own security)
    security: list[list[str]]
    retry: str
    idempotency_header: str | None
    # Path parameters renamed for the generator (its name -> the spec's), and the path with them:
    # openapi-python-client takes only `{[A-Za-z_-][A-Za-z0-9_-]*}` in a path template.
    path_names: dict[str, str] = field(default_factory=dict)
    generator_path: str = ""
    # The JSON media type the request body is sent with, when the generator got `application/json`
    # in its place (`text/json`: openapi-python-client knows only application/json and `+json`).
    body_media_type: str | None = None

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def generator_key(self) -> str:
        return f"{self.method.upper()} {self.generator_path or self.path}"


@dataclass
class Derived:
    path: Path  # the spec file, for messages
    spec: dict[str, Any]  # the normalised vendor spec (before derivation), for the later stages
    generator_input: dict[str, Any]
    operations: list[Operation]
    schemes: dict[str, dict[str, str]]  # supported scheme name -> {"in", "name", "prefix", "kind"}
    discriminators: dict[str, dict[str, Any]] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)  # component name -> new name
    titles: dict[str, str] = field(default_factory=dict)  # class name -> the schema's title (docs only)

    def facts(self) -> dict[str, Any]:
        return {
            "operations": {
                op.key: {
                    "security": op.security,
                    "idempotency_header": op.idempotency_header,
                    "retry": op.retry,
                    "module": op.module,
                    "path_names": op.path_names,
                    "body_media_type": op.body_media_type,
                }
                for op in self.operations
            },
            # The generator's "<METHOD> <path>" -> the spec's, where a path parameter was renamed.
            "generator_keys": {op.generator_key: op.key for op in self.operations if op.generator_key != op.key},
            "schemes": {
                name: {"in": s["in"], "name": s["name"], "prefix": s["prefix"]} for name, s in self.schemes.items()
            },
            "discriminators": self.discriminators,
            "field_descriptions": field_descriptions(self.generator_input, self.titles),
            "titles": self.titles,
        }


def derive(raw_spec: dict[str, Any], spec_path: Path, *, collect: bool = False) -> Derived:
    """The generator's input for `raw_spec`. A construct the pipeline cannot support raises its
    one-line refusal; with `collect`, every such refusal is raised at once as `SpecRefusalsError`
    (so the operations they block can be left out together)."""
    if not collect:
        check_supported(raw_spec, spec_path)
    elif problems := list(unsupported(raw_spec, spec_path)):
        raise SpecRefusalsError(problems)
    deriver = _Deriver(normalise(raw_spec), spec_path, collect)
    derived = deriver.run()
    if deriver.problems:
        raise SpecRefusalsError(deriver.problems)
    return derived


# -- descriptions of $ref fields ------------------------------------------------------------

_PREFIX = "#/components/schemas/"


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _ref_of(schema: Any) -> tuple[str, str] | None:
    """(sibling description, target) of a property that is a `$ref`, or a `$ref` wrapped in
    `anyOf`/`oneOf`/`allOf` with null as the only other member; None for any other property."""
    if not isinstance(schema, dict):
        return None
    if isinstance(schema.get("$ref"), str):
        return str(schema.get("description") or ""), schema["$ref"]
    for keyword in ("anyOf", "oneOf", "allOf"):
        members = schema.get(keyword)
        if not isinstance(members, list):
            continue
        non_null = [m for m in members if not (isinstance(m, dict) and m.get("type") == "null")]
        if len(non_null) == 1 and isinstance(non_null[0], dict) and isinstance(non_null[0].get("$ref"), str):
            own = schema.get("description") or non_null[0].get("description") or ""
            return str(own), non_null[0]["$ref"]
    return None


def field_descriptions(generator_input: dict[str, Any], titles: dict[str, str]) -> dict[str, dict[str, str]]:
    """Class name -> {JSON property -> description} for the model properties that are `$ref`s.

    openapi-python-client drops a `$ref` property's description (and, for a nullable one,
    wrapped in `anyOf: [$ref, null]`, the referenced schema's too), leaving its line in the
    model docstring blank. The description is the property's own (a sibling of the `$ref`),
    else the first sentence of the referenced schema's description, else its title when that
    says more than the schema's name."""
    schemas = (generator_input.get("components") or {}).get("schemas") or {}
    found: dict[str, dict[str, str]] = {}
    for name, schema in schemas.items():
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if not isinstance(properties, dict):
            continue
        for prop, sub in properties.items():
            ref = _ref_of(sub)
            if ref is None:
                continue
            description, target = ref
            if not description and target.startswith(_PREFIX):
                target_name = target[len(_PREFIX) :].replace("~1", "/").replace("~0", "~")
                referenced = schemas.get(target_name)
                if isinstance(referenced, dict):
                    title = titles.get(class_name(target_name), "")
                    if referenced.get("description"):
                        description = _first_sentence(str(referenced["description"]))
                    elif title and class_name(title) != class_name(target_name):
                        description = title
            if description.strip():
                found.setdefault(class_name(name), {})[str(prop)] = " ".join(description.split())
    return found


# -- schema shapes --------------------------------------------------------------------


def _types(schema: dict[str, Any]) -> list[str]:
    types = schema.get("type")
    if isinstance(types, str):
        return [types]
    return list(types) if isinstance(types, list) else []


def is_object_like(schema: Any) -> bool:
    if not isinstance(schema, dict) or "$ref" in schema or "anyOf" in schema or "oneOf" in schema:
        return False
    types = [t for t in _types(schema) if t != "null"]
    if types:
        return types == ["object"]
    return "properties" in schema or isinstance(schema.get("additionalProperties"), dict)


def is_enum(schema: Any) -> bool:
    return isinstance(schema, dict) and "$ref" not in schema and isinstance(schema.get("enum"), list)


def is_nullable(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return True  # `true`: anything goes
    if "null" in _types(schema) or (is_enum(schema) and None in schema["enum"]):
        return True
    return any(is_nullable(member) for member in (schema.get("anyOf") or []) + (schema.get("oneOf") or []))


_ANNOTATIONS = ("description", "title", "deprecated", "readOnly", "writeOnly", "default", "example", "examples")


def make_nullable(schema: Any) -> Any:
    """`schema` that also accepts null (unchanged when it already does)."""
    if is_nullable(schema):
        return schema
    types = _types(schema)
    if "$ref" not in schema and types and not is_enum(schema) and "const" not in schema:
        return {**schema, "type": [*types, "null"]}
    wrapped: dict[str, Any] = {"anyOf": [schema, {"type": "null"}]}
    if isinstance(schema, dict) and schema.get("description"):
        wrapped["description"] = schema["description"]
    return wrapped


def _split_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A nullable object or enum written with a type array, as `anyOf: [<it>, null]`, so the
    object or enum itself can be named while null stays an alternative."""
    types = _types(schema)
    enum_null = is_enum(schema) and None in schema["enum"]
    if ("null" in types or enum_null) and (is_object_like(schema) or is_enum(schema)):
        inner = {k: v for k, v in schema.items() if k not in ("description",)}
        rest = [t for t in types if t != "null"]
        if rest:
            inner["type"] = rest[0] if len(rest) == 1 else rest
        if is_enum(inner):
            inner["enum"] = [v for v in inner["enum"] if v is not None]
        outer: dict[str, Any] = {"anyOf": [inner, {"type": "null"}]}
        if schema.get("description"):
            outer["description"] = schema["description"]
        return outer
    return schema


def _tuple_as_list(schema: dict[str, Any]) -> dict[str, Any]:
    """A 3.1 tuple (`prefixItems`) as a list whose items are any of its members: the prefix
    members, then `items` (the schema of the items after them); with no `items`, any value may
    follow, so the items are anything; `items: false` allows no more."""
    schema = dict(schema)
    members = [m for m in schema.pop("prefixItems") if isinstance(m, dict | bool)]
    rest = schema.pop("items", True)
    if rest is not False:
        members.append(rest)
    distinct: list[Any] = []
    for member in members:
        member = {} if member is True else member
        if member is not False and member not in distinct:
            distinct.append(member)
    if not distinct or {} in distinct:
        schema["items"] = {}
    elif len(distinct) == 1:
        schema["items"] = distinct[0]
    else:
        schema["items"] = {"anyOf": distinct}
    if not _types(schema):
        schema["type"] = "array"
    return schema


# -- the derivation -----------------------------------------------------------------------


class _Deriver:
    def __init__(self, spec: dict[str, Any], path: Path, collect: bool = False) -> None:
        self.collect = collect
        self.problems: list[SpecRefusalError] = []
        self.spec = spec
        self.path = path
        self.out = copy.deepcopy(spec)
        self.components = self.out.setdefault("components", {})
        self.schemas: dict[str, Any] = self.components.setdefault("schemas", {})
        self.names = Names()
        self.done: set[str] = set()
        self.in_progress: set[str] = set()
        self.discriminators: dict[str, dict[str, Any]] = {}
        self.renamed: dict[str, str] = {}
        self.fallback: str | None = None
        self.nullable_components: set[str] = set()

    def refuse(self, pointer: str, what: str, fix: str) -> SpecRefusalError:
        return SpecRefusalError(self.path, pointer, what, fix)

    def _refused(self, problem: SpecRefusalError) -> None:
        """Raise `problem`, or keep it and go on with the next component or operation (`collect`)."""
        if not self.collect:
            raise problem
        self.problems.append(problem)

    # -- entry -------------------------------------------------------------------------

    def run(self) -> Derived:
        self._rename_components()
        for name in list(self.schemas):
            try:
                self._component(name)
            except SpecRefusalError as problem:
                self._refused(problem)
        schemes = self._schemes()
        derived_ops = self._operations(schemes)
        for name in list(self.schemas):
            self._nullable_optionals(self.schemas[name])
        if self.nullable_components:
            self.out = self._nullable_references(self.out)
            self.components = self.out["components"]
            self.schemas = self.components["schemas"]
        for key in ("webhooks", "x-corpus"):
            self.out.pop(key, None)
        self.out["openapi"] = "3.1.0"
        self._path_parameters_not_null()
        self._drop_unusable_defaults()
        self._binary_strings_as_strings()
        titles = self._strip_titles()
        return Derived(
            path=self.path,
            spec=self.spec,
            generator_input=self.out,
            operations=derived_ops,
            schemes=schemes,
            discriminators=self.discriminators,
            renamed=self.renamed,
            titles=titles,
        )

    def _path_parameters_not_null(self) -> None:
        """A path parameter's schema without its null alternative (Airflow's `map_index: {type:
        integer, nullable: true}`): a URL segment is never null, and openapi-python-client refuses
        an optional type in a path."""
        for _, _, operation, _ in operations(self.out):
            parameters = operation.get("parameters") or []
            for index, parameter in enumerate(parameters):
                target = deref(self.out, parameter, self.path)
                if not isinstance(target, dict) or target.get("in") != "path":
                    continue
                schema = self._without_null(target.get("schema"), 0)
                if schema != target.get("schema"):
                    parameters[index] = {**target, "schema": schema}

    def _without_null(self, schema: Any, depth: int) -> Any:
        """`schema` that does not accept null (through `$ref`s to nullable schemas, bounded)."""
        if not isinstance(schema, dict) or depth > 16:
            return schema
        if "$ref" in schema:
            target = deref(self.out, schema, self.path)
            if not is_nullable(target):
                return schema
            return self._without_null(copy.deepcopy(target), depth + 1)
        schema = dict(schema)
        types = _types(schema)
        if "null" in types:
            rest = [t for t in types if t != "null"]
            if rest:
                schema["type"] = rest[0] if len(rest) == 1 else rest
            else:
                del schema["type"]
        if is_enum(schema):
            schema["enum"] = [v for v in schema["enum"] if v is not None]
        for keyword in ("anyOf", "oneOf"):
            members = schema.get(keyword)
            if not isinstance(members, list):
                continue
            kept = [self._without_null(m, depth + 1) for m in members if not _is_null(m)]
            if len(kept) == 1:
                del schema[keyword]
                only = kept[0]
                outer = {k: v for k, v in schema.items() if k in _ANNOTATIONS}
                return {**only, **outer} if isinstance(only, dict) else only
            if kept:
                schema[keyword] = kept
        return schema

    def _binary_strings_as_strings(self) -> None:
        """`{type: string, format: binary}` as a plain string: in a JSON body (all the generator
        input has; multipart and binary bodies are left out) a value is text, whatever the format
        says, and openapi-python-client would make it a file upload."""
        for _, schema in all_schemas(self.out):
            if schema.get("format") == "binary":
                del schema["format"]

    def _drop_unusable_defaults(self) -> None:
        """Drop every `default` of the generator input that is not a value of its schema (DeepL's
        `{enum: [de, en], default: ""}`, Prefect's `const: null` with a default) or that is an
        object or a list (`anyOf: [<object>, null], default: {eq_: false}`): a default only
        annotates (the server applies it), and openapi-python-client fails the build on one it
        cannot write as a Python value. A valid scalar default stays (a required property's
        `__init__` default)."""
        for _, schema in all_schemas(self.out):
            if "default" in schema and not self._default_fits(schema, schema["default"], 0):
                del schema["default"]

    def _default_fits(self, schema: Any, value: Any, depth: int) -> bool:
        """Whether `value` is a scalar default that `schema` accepts (bounded through `$ref`s)."""
        if isinstance(value, dict | list) or depth > 16:
            return False
        if not isinstance(schema, dict):
            return schema is not False
        if "$ref" in schema:
            try:
                target = deref(self.out, {"$ref": schema["$ref"]}, self.path)
            except SpecRefusalError:
                return False
            if not self._default_fits(target, value, depth + 1):
                return False
        if "const" in schema and not _same_value(schema["const"], value):
            return False
        if is_enum(schema) and not any(_same_value(member, value) for member in schema["enum"]):
            return False
        for keyword in ("anyOf", "oneOf"):
            members = schema.get(keyword)
            if isinstance(members, list) and members:
                if not any(self._default_fits(member, value, depth + 1) for member in members):
                    return False
        for member in schema.get("allOf") or []:
            if not self._default_fits(member, value, depth + 1):
                return False
        types = _types(schema)
        if types and not any(_value_of_type(value, kind, schema.get("format")) for kind in types):
            return False
        return True

    def _strip_titles(self) -> dict[str, str]:
        """Drop `title` from every schema of the generator input (openapi-python-client would name
        a class, or a union member, after it: two equal titles, two classes of one name); the
        component schemas' titles, by class name, for their docstrings."""
        titles: dict[str, str] = {}
        for name, schema in self.schemas.items():
            if isinstance(schema, dict) and isinstance(schema.get("title"), str) and schema["title"].strip():
                titles[class_name(name)] = schema["title"]
        for _, schema in all_schemas(self.out):
            schema.pop("title", None)
        return titles

    # -- component names -----------------------------------------------------------------

    def _rename_components(self) -> None:
        """Claim every component's class name; rename the ones that collide or are reserved.

        A schema's `x-class-name` (set in an overlay, e.g. for a vendor's `EventGroup_TypeVar_`)
        is its class name; those are claimed first, so no derived name can take one."""
        renames: dict[str, str] = {}
        explicit = {
            name: str(schema[CLASS_NAME_EXTENSION])
            for name, schema in self.schemas.items()
            if isinstance(schema, dict) and schema.get(CLASS_NAME_EXTENSION)
        }
        for name, wanted in explicit.items():
            pointer = pointer_join("#/components/schemas", name, CLASS_NAME_EXTENSION)
            if class_name(wanted) != wanted or wanted in RESERVED_CLASS_NAMES or self.names.taken(wanted):
                raise self.refuse(pointer, f"x-class-name {wanted!r} is not a free PascalCase class name", "rename it")
            self.names.claim(wanted)
            if wanted != class_name(name):
                renames[name] = wanted
        for name in list(self.schemas):
            if name in explicit:
                continue
            wanted = class_name(name)
            if wanted in RESERVED_CLASS_NAMES:
                wanted = f"{wanted}Model"
            claimed = self.names.claim(wanted)
            if claimed != class_name(name):
                renames[name] = claimed
        if not renames:
            return
        self.schemas = self.components["schemas"] = {renames.get(k, k): v for k, v in self.schemas.items()}
        self.renamed = renames
        prefix = "#/components/schemas/"
        mapping = {prefix + old.replace("~", "~0").replace("/", "~1"): prefix + new for old, new in renames.items()}

        def rewrite(node: Any) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == "$ref" and value in mapping:
                        node[key] = mapping[value]
                    elif key == "mapping" and isinstance(value, dict):
                        for tag, target in value.items():
                            if target in mapping:
                                value[tag] = mapping[target]
                            elif target in renames:
                                value[tag] = renames[target]
                    elif key not in ("example", "examples"):
                        rewrite(value)
            elif isinstance(node, list):
                for item in node:
                    rewrite(item)

        rewrite(self.out)

    def _add_component(self, wanted: str, schema: dict[str, Any]) -> dict[str, Any]:
        name = self.names.claim(class_name(wanted))
        self.schemas[name] = schema
        self.done.add(name)  # its children were processed by the caller
        return {"$ref": f"#/components/schemas/{name}"}

    # -- schemas -------------------------------------------------------------------------

    def _component(self, name: str) -> None:
        if name in self.done:
            return
        if name in self.in_progress:
            return  # a self-reference: the $ref stays a $ref
        self.in_progress.add(name)
        try:
            self.schemas[name] = self._schema_children(
                self.schemas[name], name, pointer_join("#/components/schemas", name)
            )
        finally:
            self.in_progress.discard(name)
        self.done.add(name)

    def _resolve_component(self, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        """The component schema a `$ref` names, processed first (for `allOf` merging)."""
        ref = schema["$ref"]
        prefix = "#/components/schemas/"
        if not ref.startswith(prefix):
            target = deref(self.out, schema, self.path)
            if not isinstance(target, dict):
                raise self.refuse(pointer, "this $ref does not point at a schema", "point it at a schema")
            return target
        name = ref[len(prefix) :].replace("~1", "/").replace("~0", "~")
        if name not in self.schemas:
            raise self.refuse(pointer, f"$ref to unknown schema {name!r}", "define it under components/schemas")
        self._component(name)
        resolved: dict[str, Any] = self.schemas[name]
        if "$ref" in resolved:
            resolved = dict(deref(self.out, resolved, self.path))
        return resolved

    def _place(self, schema: Any, name: str, pointer: str) -> Any:
        """`schema` where it stands inside another: named as a component when it is an inline
        object or enum, else with its own children processed."""
        if not isinstance(schema, dict) or "$ref" in schema:
            return schema
        schema = _split_null(schema)
        if "allOf" in schema:
            schema = _split_null(self._flatten_all_of(schema, pointer))
        if is_object_like(schema) or is_enum(schema):
            processed = self._schema_children(schema, name, pointer)
            return self._add_component(name, processed)
        return self._schema_children(schema, name, pointer)

    def _schema_children(self, schema: Any, name: str, pointer: str) -> Any:
        """`schema` with every inline object/enum below it named, for a schema named `name`."""
        if not isinstance(schema, dict) or "$ref" in schema:
            return schema
        if "allOf" in schema:
            schema = self._flatten_all_of(schema, pointer)
        schema = dict(schema)
        if "const" in schema and isinstance(schema.get("type"), str):
            del schema["type"]  # the generator reads `const` only without a type; the value has one
        if isinstance(schema.get("prefixItems"), list):
            schema = _tuple_as_list(schema)
        if "array" in _types(schema) and not isinstance(schema.get("items"), dict):
            schema["items"] = {}  # an array of anything (`items: false`, an empty array, is one too)
        if isinstance(schema.get("properties"), dict):
            schema["properties"] = {
                prop: self._place(sub, name + pascal(prop), pointer_join(pointer, "properties", prop))
                for prop, sub in schema["properties"].items()
            }
        if isinstance(schema.get("items"), dict):
            schema["items"] = self._place(schema["items"], name + "Item", pointer_join(pointer, "items"))
        if isinstance(schema.get("additionalProperties"), dict):
            schema["additionalProperties"] = self._place(
                schema["additionalProperties"], name + "Value", pointer_join(pointer, "additionalProperties")
            )
        for keyword in ("anyOf", "oneOf"):
            members = schema.get(keyword)
            if not isinstance(members, list):
                continue
            non_null = [m for m in members if not (isinstance(m, dict) and m.get("type") == "null")]
            placed = []
            for index, member in enumerate(members):
                if isinstance(member, dict) and member.get("type") == "null":
                    placed.append(member)
                    continue
                if len(non_null) == 1:
                    member_name = name
                elif isinstance(member, dict) and member.get("title"):
                    member_name = pascal(str(member["title"]))
                else:
                    member_name = f"{name}Option{index + 1}"
                placed.append(self._place(member, member_name, pointer_join(pointer, keyword, index)))
            schema[keyword] = placed
        if "discriminator" in schema:
            schema = self._discriminated(schema, name, pointer)
        return schema

    def _flatten_all_of(self, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        """`allOf` of object schemas as one object schema (members in order, later ones win);
        `allOf` of schemas none of which is an object (`type: string` around `allOf: [$ref to a
        string]`) as one schema with every member's keywords, when no two disagree."""
        resolved: list[tuple[str, Any]] = []
        for index, member in enumerate(schema["allOf"]):
            member_pointer = pointer_join(pointer, "allOf", index)
            if isinstance(member, dict) and "$ref" in member:
                member = self._resolve_component(member, member_pointer)
            if isinstance(member, dict) and "allOf" in member:
                member = self._flatten_all_of(member, member_pointer)
            if isinstance(member, dict) and member.get("type") == "null":
                continue
            resolved.append((member_pointer, member))
        own = {k: v for k, v in schema.items() if k != "allOf"}
        if resolved and not any(is_object_like(m) for _, m in resolved) and not is_object_like(own):
            scalar = self._merge_non_objects(resolved, own)
            if scalar is not None:
                return scalar
        members = []
        for member_pointer, member in resolved:
            if not (
                is_object_like(member) or (isinstance(member, dict) and set(member) <= set(_ANNOTATIONS) | {"required"})
            ):
                raise self.refuse(
                    member_pointer,
                    "`allOf` member that is not an object schema",
                    "compose only object schemas with allOf, or use anyOf/oneOf",
                )
            members.append(member)
        merged: dict[str, Any] = {"type": "object", "properties": {}}
        required: list[str] = []
        for member in [*members, own]:
            merged["properties"].update(copy.deepcopy(member.get("properties") or {}))
            for prop in member.get("required") or []:
                if prop not in required:
                    required.append(prop)
            if "additionalProperties" in member:
                merged["additionalProperties"] = copy.deepcopy(member["additionalProperties"])
        for key in _ANNOTATIONS:
            if key in own:
                merged[key] = own[key]
            else:
                found = next((m[key] for m in members if key in m and key in ("description",)), None)
                if found is not None:
                    merged[key] = found
        if "discriminator" in own:
            merged["discriminator"] = own["discriminator"]
        if required:
            merged["required"] = required
        if not merged["properties"]:
            del merged["properties"]
        if "null" in _types(own):
            return {"anyOf": [merged, {"type": "null"}]}
        return merged

    @staticmethod
    def _merge_non_objects(members: list[tuple[str, Any]], own: dict[str, Any]) -> dict[str, Any] | None:
        """One schema with the keywords of `members` (then `own`, whose annotations win), or None
        when two of them constrain one keyword differently (the caller refuses)."""
        merged: dict[str, Any] = {}
        parts = [*(m for _, m in members), own]
        for part in parts:
            if not isinstance(part, dict):
                return None
            for key, value in part.items():
                if key == "type":
                    continue
                if key in merged and merged[key] != value and key not in _ANNOTATIONS and not key.startswith("x-"):
                    return None
                if key not in merged or part is own:
                    merged[key] = copy.deepcopy(value)
        # The types every part allows; null when any part allows it (`nullable: true` beside the
        # allOf means a nullable value, whatever a strict intersection would say).
        typed = [_types(part) for part in parts if _types(part)]
        if typed:
            kinds = [t for t in typed[0] if t != "null" and all(t in other for other in typed)]
            if not kinds:
                return None
            if any("null" in other for other in typed):
                kinds.append("null")
            merged["type"] = kinds[0] if len(kinds) == 1 else kinds
        return merged

    def _discriminated(self, schema: dict[str, Any], name: str, pointer: str) -> dict[str, Any]:
        discriminator = schema.pop("discriminator")
        keyword = "oneOf" if "oneOf" in schema else "anyOf" if "anyOf" in schema else None
        if keyword is None:
            return schema  # a discriminator on a base schema: decoded as that schema, extra fields kept
        where = pointer_join(pointer, "discriminator")
        prop = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        if not isinstance(prop, str):
            raise self.refuse(where, "discriminator without propertyName", "add `propertyName`")
        members = schema[keyword]
        prefix = "#/components/schemas/"
        refs = [m["$ref"] for m in members if isinstance(m, dict) and str(m.get("$ref", "")).startswith(prefix)]
        if len(refs) != len([m for m in members if not (isinstance(m, dict) and m.get("type") == "null")]):
            raise self.refuse(
                pointer_join(pointer, keyword),
                "discriminated union member that is not a named object schema",
                "make each member a $ref to an object schema under components/schemas",
            )
        mapping: dict[str, str] = {}
        for value, target in (discriminator.get("mapping") or {}).items():
            ref = target if str(target).startswith("#") else prefix + str(target)
            if not ref.startswith(prefix) or ref[len(prefix) :] not in self.schemas:
                raise self.refuse(
                    pointer_join(where, "mapping", value), f"mapping target {target!r} is not a schema", "fix it"
                )
            mapping[str(value)] = class_name(ref[len(prefix) :])
            if ref not in refs:
                refs.append(ref)
                members.append({"$ref": ref})
        for ref in refs:
            component = ref[len(prefix) :]
            if class_name(component) not in mapping.values():
                mapping[component] = class_name(component)
        fallback = self._fallback()
        members.append({"$ref": prefix + fallback})
        classes = sorted({class_name(ref[len(prefix) :]) for ref in refs} | {fallback})
        key = "|".join(classes)
        entry = {"property": prop, "mapping": dict(sorted(mapping.items())), "fallback": fallback}
        if key in self.discriminators and self.discriminators[key] != entry:
            raise self.refuse(
                where,
                "two discriminated unions of the same schemas disagree on property or mapping",
                "use one discriminator for these members",
            )
        self.discriminators[key] = entry
        return schema

    def _fallback(self) -> str:
        if self.fallback is None:
            self.fallback = self.names.claim(FALLBACK_VARIANT)
            self.schemas[self.fallback] = {
                "type": "object",
                "description": (
                    "An object whose discriminator value this version of the SDK does not know; "
                    "everything it holds is kept in `additional_properties` and written back by `to_dict()`."
                ),
                "additionalProperties": True,
            }
            self.done.add(self.fallback)
        return self.fallback

    def _nullable_references(self, node: Any) -> Any:
        """Every `$ref` to a nullable component, as `anyOf: [$ref, null]` (but in a union that
        already admits null, and in discriminator mappings, which are not schemas)."""
        refs = {f"#/components/schemas/{name}" for name in self.nullable_components}
        if isinstance(node, list):
            return [self._nullable_references(item) for item in node]
        if not isinstance(node, dict):
            return node
        if node.get("$ref") in refs:
            return make_nullable(node)
        result = {}
        for key, value in node.items():
            if key in ("example", "examples", "discriminator", "x-corpus"):
                result[key] = value
            elif key in ("anyOf", "oneOf") and isinstance(value, list) and any(is_nullable(m) for m in value):
                result[key] = [
                    m if isinstance(m, dict) and m.get("$ref") in refs else self._nullable_references(m) for m in value
                ]
            else:
                result[key] = self._nullable_references(value)
        return result

    def _nullable_optionals(self, schema: Any) -> None:
        if not isinstance(schema, dict):
            return
        required = set(schema.get("required") or [])
        properties = schema.get("properties")
        if isinstance(properties, dict):
            for prop, sub in properties.items():
                if prop not in required:
                    properties[prop] = make_nullable(sub)
        for keyword in ("anyOf", "oneOf"):
            for member in schema.get(keyword) or []:
                if isinstance(member, dict) and "$ref" not in member:
                    self._nullable_optionals(member)

    # -- security ------------------------------------------------------------------------

    def _schemes(self) -> dict[str, dict[str, str]]:
        supported: dict[str, dict[str, str]] = {}
        for name, scheme in (self.components.get("securitySchemes") or {}).items():
            scheme = deref(self.out, scheme, self.path)
            kind = scheme.get("type")
            if kind == "apiKey" and scheme.get("in") in ("header", "query") and scheme.get("name"):
                supported[name] = {"in": scheme["in"], "name": scheme["name"], "prefix": "", "kind": "apiKey"}
            elif kind in ("oauth2", "openIdConnect") or (
                kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer"
            ):
                supported[name] = {"in": "header", "name": "Authorization", "prefix": "Bearer ", "kind": "bearer"}
            elif kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
                # The credential is base64("<username>:<password>"), encoded by the client.
                supported[name] = {"in": "header", "name": "Authorization", "prefix": "Basic ", "kind": "basic"}
        return supported

    def _scheme_kind(self, name: str) -> str:
        """How a refusal names a scheme's kind: `http digest`, `apiKey in cookie`, `mutualTLS`."""
        scheme = deref(self.out, (self.components.get("securitySchemes") or {})[name], self.path)
        kind = str(scheme.get("type"))
        if kind == "http":
            return f"http {str(scheme.get('scheme', '')).lower() or '(no scheme)'}"
        if kind == "apiKey":
            return f"apiKey in {scheme.get('in')}"
        return kind

    def _security_for(self, operation: dict[str, Any], pointer: str, schemes: dict[str, Any]) -> list[list[str]]:
        declared = operation.get("security", self.out.get("security")) or []
        where = pointer_join(pointer, "security") if "security" in operation else "#/security"
        known = self.components.get("securitySchemes") or {}
        alternatives: list[list[str]] = []
        for requirement in declared:
            names = list((requirement or {}).keys())
            for scheme in names:
                if scheme not in known:
                    raise self.refuse(where, f"unknown security scheme {scheme!r}", "define it in securitySchemes")
            if all(scheme in schemes for scheme in names):
                alternatives.append(names)
        if declared and not alternatives:
            kinds = sorted({self._scheme_kind(n) for r in declared for n in r})
            raise self.refuse(
                where,
                f"no supported security scheme among the alternatives ({', '.join(kinds)})",
                "offer an http bearer or basic, oauth2, openIdConnect or apiKey (header or query) scheme",
            )
        return alternatives

    # -- operations ------------------------------------------------------------------------

    def _operations(self, schemes: dict[str, Any]) -> list[Operation]:
        found: list[Operation] = []
        polled = [pointer for _, _, op, pointer in operations(self.out) if "x-status-path" in op]
        if len(polled) > 1:
            raise self.refuse(
                polled[1], "a second operation with x-status-path", "mark only the operation that polls an execution"
            )
        names = _operation_names(self.out)
        for path, method, operation, pointer in list(operations(self.out)):
            try:
                operation_id, module = names[(path, method)]
                found.append(self._operation(path, method, operation, pointer, schemes, operation_id, module))
            except SpecRefusalError as problem:
                self._refused(problem)
        self._rename_paths(found)
        for path_item in self.out["paths"].values():
            if isinstance(path_item, dict):
                path_item.pop("parameters", None)
                for key in [k for k in path_item if k not in HTTP_METHODS and not k.startswith("x-")]:
                    if key not in ("summary", "description", "servers"):
                        path_item.pop(key)
        return found

    def _rename_paths(self, found: list[Operation]) -> None:
        """Each path whose parameters were renamed under its generator path (the same for every
        operation of the path: the names come from its template), in place in the document order."""
        moved = {op.path: op.generator_path for op in found if op.generator_path != op.path}
        if not moved:
            return
        taken = set(self.out["paths"]) - set(moved)
        for old, new in moved.items():
            if new in taken:
                self._refused(
                    self.refuse(
                        pointer_join("#/paths", old),
                        f"path parameters renamed for Python make this path {new!r}, which the document also has",
                        "rename the path parameters of one of the two paths",
                    )
                )
                return
            taken.add(new)
        self.out["paths"] = {moved.get(path, path): item for path, item in self.out["paths"].items()}

    def _operation(
        self,
        path: str,
        method: str,
        operation: dict[str, Any],
        pointer: str,
        schemes: dict[str, Any],
        operation_id: str,
        module: str,
    ) -> Operation:
        path_item = self.out["paths"][path]
        operation["operationId"] = operation_id
        operation["tags"] = [str((operation.get("tags") or ["default"])[0])]
        operation["parameters"] = self._merged_parameters(path_item, operation, pointer)
        self._check_path_template(path, operation, pointer)
        generator_path, path_names = self._generator_path_names(path, operation)
        body_media_type = self._request_body(operation, operation_id, pointer)
        self._responses(operation, operation_id, pointer)
        for index, parameter in enumerate(operation["parameters"]):
            target = deref(self.out, parameter, self.path)
            if isinstance(target.get("schema"), dict):
                target["schema"] = self._place(
                    target["schema"],
                    pascal(operation_id) + pascal(str(target.get("name", ""))),
                    pointer_join(pointer, "parameters", index, "schema"),
                )
        security = self._security_for(operation, pointer, schemes)
        operation["security"] = [{name: [] for name in alternative} for alternative in security]
        idempotency = operation.get(IDEMPOTENCY_EXTENSION)
        if idempotency is not None and (not isinstance(idempotency, str) or not idempotency.strip()):
            raise self.refuse(
                pointer_join(pointer, IDEMPOTENCY_EXTENSION),
                "x-idempotency-key must be a header name",
                "write e.g. `x-idempotency-key: Idempotency-Key`",
            )
        if method in SAFE_METHODS:
            retry = "always"
        else:
            retry = "keyed" if idempotency else "unsent"
        return Operation(
            method=method,
            path=path,
            pointer=pointer,
            operation_id=operation_id,
            module=module,
            operation=operation,
            security=security,
            retry=retry,
            idempotency_header=idempotency,
            path_names=path_names,
            generator_path=generator_path,
            body_media_type=body_media_type,
        )

    def _generator_path_names(self, path: str, operation: dict[str, Any]) -> tuple[str, dict[str, str]]:
        """(the path as the generator gets it, generator name -> spec name of each renamed path
        parameter). A `{name}` openapi-python-client cannot template (`{execution.workflow_id}`,
        gRPC-gateway's field paths) becomes a valid one (`{execution_workflow_id}`) in the path and
        in the operation's parameter; the URL is still built from the value, one encoded segment."""
        renamed = template_names(path)
        if not renamed:
            return path, {}
        for index, parameter in enumerate(operation["parameters"]):
            target = deref(self.out, parameter, self.path)
            if target.get("in") == "path" and str(target.get("name")) in renamed:
                operation["parameters"][index] = {**copy.deepcopy(target), "name": renamed[str(target["name"])]}
        generator_path = path
        for old, new in renamed.items():
            generator_path = generator_path.replace("{" + old + "}", "{" + new + "}")
        return generator_path, {new: old for old, new in renamed.items()}

    def _check_path_template(self, path: str, operation: dict[str, Any], pointer: str) -> None:
        """Every `{name}` of the path is a path parameter, and every path parameter is in the path."""
        in_path = re.findall(r"{([^{}]+)}", path)
        declared = [
            str(target["name"])
            for target in (deref(self.out, p, self.path) for p in operation["parameters"])
            if target.get("in") == "path"
        ]
        missing = [name for name in in_path if name not in declared]
        extra = [name for name in declared if name not in in_path]
        if missing or extra:
            what = "; ".join(
                part
                for part in (
                    f"{', '.join(missing)} in the path but not declared" if missing else "",
                    f"{', '.join(extra)} declared but not in the path" if extra else "",
                )
                if part
            )
            raise self.refuse(
                pointer_join(pointer, "parameters"),
                f"path parameters do not match the path template ({what})",
                "declare each {name} of the path as an `in: path` parameter (here or on the path item)",
            )

    def _merged_parameters(self, path_item: dict[str, Any], operation: dict[str, Any], pointer: str) -> list[Any]:
        """Path-level parameters, then the operation's; the operation's win on (name, in)."""
        merged: dict[tuple[str, str], Any] = {}
        for source in (path_item.get("parameters") or [], operation.get("parameters") or []):
            for index, parameter in enumerate(source):
                target = deref(self.out, parameter, self.path)
                where = pointer_join(pointer, "parameters", index)
                if not isinstance(target, dict) or "name" not in target or "in" not in target:
                    raise self.refuse(where, "a parameter without name or in", "add both")
                if target["in"] == "cookie":
                    raise self.refuse(where, "cookie parameters", "pass cookies with the client's `cookies=`")
                if "content" in target and "schema" not in target:
                    raise self.refuse(where, "a parameter described by `content`", "describe it with `schema`")
                merged[(str(target["name"]), str(target["in"]))] = copy.deepcopy(parameter)
        return list(merged.values())

    def _json_content(self, content: Any, where: str, required_json: bool, form: bool = False) -> dict[str, Any] | None:
        """The JSON media type of a `content` map (alone); else, with `form`, its form-encoded
        one; None when it has neither."""
        if not isinstance(content, dict) or not content:
            return None
        media_type = _json_media_type(content)
        if media_type is not None:
            return {_generator_media_type(media_type): content[media_type]}
        for media_type, item in content.items():
            if form and media_type.split(";")[0].strip().lower() == FORM_MEDIA:
                return {FORM_MEDIA: item}
        if required_json and form:
            raise self.refuse(
                where,
                f"a request body only in {', '.join(content)} (multipart and binary bodies are not supported)",
                "offer application/json or application/x-www-form-urlencoded",
            )
        if required_json:
            raise self.refuse(where, f"only non-JSON media types ({', '.join(content)})", "offer application/json")
        return None

    def _request_body(self, operation: dict[str, Any], operation_id: str, pointer: str) -> str | None:
        """Derive the operation's request body in place; returns the JSON media type it is sent
        with when openapi-python-client knows it by another name (`text/json`), else None."""
        if "requestBody" not in operation:
            return None
        where = pointer_join(pointer, "requestBody")
        body = deref(self.out, operation["requestBody"], self.path)
        if not isinstance(body, dict) or not isinstance(body.get("content"), dict) or not body["content"]:
            # `content: null` or `{}` describes nothing to send: the operation has no body.
            del operation["requestBody"]
            return None
        body = copy.deepcopy(body)
        sent_as = _json_media_type(body["content"])
        content = self._json_content(body["content"], pointer_join(where, "content"), required_json=True, form=True)
        assert content is not None  # required_json: a map without JSON or form content was refused
        ((media_type, media),) = content.items()
        if not isinstance(media, dict) or not isinstance(media.get("schema"), dict):
            # A media type without a schema takes any body of that type (any JSON value).
            media = content[media_type] = {**(media if isinstance(media, dict) else {}), "schema": {}}
        if media_type == FORM_MEDIA:
            self._check_form_schema(media.get("schema"), pointer_join(where, "content", media_type, "schema"))
        if isinstance(media.get("schema"), dict):
            media["schema"] = self._place(
                media["schema"], pascal(operation_id) + "Body", pointer_join(where, "content", media_type, "schema")
            )
        body["content"] = content
        operation["requestBody"] = body
        bare = (sent_as or "").split(";")[0].strip().lower()
        return sent_as if sent_as is not None and sent_as != media_type and bare != "*/*" else None

    def _check_form_schema(self, schema: Any, where: str) -> None:
        """A form-encoded body is an object of scalars and lists of scalars (one `key=value` pair
        each, a list as the key repeated): nothing nested, which a form has no one way to write."""
        schema = deref(self.out, schema, self.path) if isinstance(schema, dict) else schema
        if isinstance(schema, dict) and "allOf" in schema:
            schema = self._flatten_all_of(schema, where)
        if not is_object_like(schema):
            raise self.refuse(where, "a form-encoded body that is not an object", "describe it as an object schema")
        for prop, sub in (schema.get("properties") or {}).items():
            value = self._non_null_member(sub)
            if isinstance(value, dict) and "array" in _types(value):
                value = self._non_null_member(value.get("items"))
            if isinstance(value, dict) and (
                is_object_like(value)
                or "array" in _types(value)
                or "anyOf" in value
                or "oneOf" in value
                or value.get("format") == "binary"
            ):
                raise self.refuse(
                    pointer_join(where, "properties", prop),
                    "a form-encoded body with a nested object, list of lists, union or file",
                    "send it as JSON, or flatten the property into scalar fields",
                )

    def _non_null_member(self, schema: Any) -> Any:
        """`schema` dereferenced, or its only non-null member when it is a nullable union."""
        schema = deref(self.out, schema, self.path) if isinstance(schema, dict) else schema
        if isinstance(schema, dict) and ("anyOf" in schema or "oneOf" in schema):
            members = [m for m in schema.get("anyOf") or schema.get("oneOf") or [] if not _is_null(m)]
            if len(members) == 1:
                return deref(self.out, members[0], self.path)
        return schema

    def _responses(self, operation: dict[str, Any], operation_id: str, pointer: str) -> None:
        responses = operation.get("responses") or {}
        derived: dict[str, Any] = {}
        for status, response in responses.items():
            status = str(status)
            where = pointer_join(pointer, "responses", status)
            response = copy.deepcopy(deref(self.out, response, self.path))
            success = status.startswith("2")
            content = self._json_content(response.get("content"), pointer_join(where, "content"), success)
            if content is None:
                response.pop("content", None)
            else:
                ((media_type, media),) = content.items()
                if isinstance(media.get("schema"), dict):
                    suffix = "Default" if status == "default" else status.upper()
                    media["schema"] = self._place(
                        media["schema"],
                        f"{pascal(operation_id)}Response{suffix}",
                        pointer_join(where, "content", media_type, "schema"),
                    )
                response["content"] = content
            response.pop("headers", None)
            response.pop("links", None)
            derived[status] = response
        operation["responses"] = derived


# A `{name}` openapi-python-client can template (its own rule; anything else fails the build).
TEMPLATABLE = re.compile(r"[A-Za-z_-][A-Za-z0-9_-]*")


def template_names(path: str) -> dict[str, str]:
    """Spec name -> a templatable name, for each `{name}` of `path` that is not templatable:
    every other character as `_`, a leading digit after `_`, distinct from the path's other names."""
    names = re.findall(r"{([^{}]+)}", path)
    renamed: dict[str, str] = {}
    taken = {name for name in names if TEMPLATABLE.fullmatch(name)}
    for name in names:
        if TEMPLATABLE.fullmatch(name) or name in renamed:
            continue
        base = re.sub(r"[^A-Za-z0-9_-]", "_", name)
        base = base if TEMPLATABLE.fullmatch(base) else f"_{base}"
        candidate, counter = base, 1
        while candidate in taken:
            counter += 1
            candidate = f"{base}_{counter}"
        taken.add(candidate)
        renamed[name] = candidate
    return renamed


def _json_media_type(content: dict[str, Any]) -> str | None:
    """The first JSON media type (as written, parameters and all) of a `content` map."""
    return next((m for m in content if JSON_MEDIA.match(str(m).split(";")[0].strip())), None)


def _generator_media_type(media_type: str) -> str:
    """`media_type` as openapi-python-client takes it for JSON: `application/json` and `+json`
    types as they are; `*/*` and the other JSON types (`text/json`) as `application/json`."""
    bare = media_type.split(";")[0].strip().lower()
    return media_type if bare == "application/json" or bare.endswith("+json") else "application/json"


def _same_value(a: Any, b: Any) -> bool:
    """JSON equality: `1` is not `true`, as in JSON Schema."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return bool(a == b)


def _value_of_type(value: Any, kind: str, value_format: Any) -> bool:
    """Whether a scalar `value` is of JSON type `kind` (and, for the formats openapi-python-client
    parses, of that format)."""
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "string":
        if not isinstance(value, str):
            return False
        try:
            if value_format == "date-time":
                datetime.datetime.fromisoformat(value)
            elif value_format == "date":
                datetime.date.fromisoformat(value)
            elif value_format == "uuid":
                uuid.UUID(value)
        except ValueError:
            return False
        return True
    return False  # an object or array schema: a scalar is not one


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null"


def _operation_names(document: dict[str, Any]) -> dict[tuple[str, str], tuple[str, str]]:
    """(path, method) -> (operation id, module) for every operation, the same whatever the
    document's order.

    An operation's name is its `operationId`, else `naming.operation_id_for(method, path)`; its
    module is `api.<first tag>.<snake_case name>`. Two operations that would share a module are
    told apart by `_2`, `_3`, ...: the vendor's `operationId`s claim their names first (in
    document order, as a vendor that repeats one has them), then the derived names in the order
    of (path, method), so moving paths around in the document renames nothing."""
    rows = []
    for path, method, operation, _ in operations(document):
        explicit = operation.get("operationId")
        operation_id = str(explicit) if explicit else operation_id_for(method, path)
        tag = tag_module(str((operation.get("tags") or ["default"])[0]))
        rows.append((path, method, operation_id, tag, bool(explicit)))
    ordered = [row for row in rows if row[4]] + sorted(
        (row for row in rows if not row[4]), key=lambda row: (row[0], HTTP_METHODS.index(row[1]))
    )
    taken: set[str] = set()
    names: dict[tuple[str, str], tuple[str, str]] = {}
    for path, method, operation_id, tag, _ in ordered:
        base = f"api.{tag}.{python_name(operation_id)}"
        module, counter = base, 1
        while module in taken:
            counter += 1
            module = f"{base}_{counter}"
        taken.add(module)
        names[(path, method)] = (operation_id if counter == 1 else f"{operation_id}_{counter}", module)
    return names


# -- documentation the generator drops ---------------------------------------------------------


def parameter_descriptions(derived: Derived) -> dict[str, dict[str, str]]:
    """Per operation key, `"<in>:<name>"` -> the parameter's description on one line.

    openapi-python-client documents a parameter with its schema's description only, so the
    usual place, the Parameter object's own `description`, never reaches the docstring. Here:
    the Parameter's description, else its schema's (through `$ref`s and a nullable `anyOf`).
    """
    document = derived.generator_input
    found: dict[str, dict[str, str]] = {}
    for op in derived.operations:
        described: dict[str, str] = {}
        for parameter in op.operation.get("parameters") or []:
            target = deref(document, parameter, derived.path)
            if not isinstance(target, dict) or "name" not in target:
                continue
            text = target.get("description") or _schema_description(document, target.get("schema"), derived.path)
            if isinstance(text, str) and text.strip():
                described[f"{target.get('in')}:{target['name']}"] = " ".join(text.split())
        found[op.key] = described
    return found


def _schema_description(document: dict[str, Any], schema: Any, spec_path: Path) -> str:
    """A schema's description: its own, else its `$ref` target's, else its only non-null member's."""
    seen = 0
    while isinstance(schema, dict) and seen < 16:  # bounded: a $ref chain, nullable wrappers
        seen += 1
        if isinstance(schema.get("description"), str) and schema["description"].strip():
            return str(schema["description"])
        if "$ref" in schema:
            schema = deref(document, schema, spec_path)
            continue
        members = [
            m
            for m in (schema.get("anyOf") or schema.get("oneOf") or [])
            if not (isinstance(m, dict) and m.get("type") == "null")
        ]
        schema = members[0] if len(members) == 1 else None
    return ""
