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
  not list, and the discriminator goes into the facts, since the generator ignores it.

The facts (`Facts`) are what the generator cannot carry: per-operation security and retry
policy, the security schemes, the discriminators. The renderer writes them as a Jinja file
next to the templates.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SpecRefusalError, SpecRefusalsError, pointer_join
from .naming import RESERVED_CLASS_NAMES, Names, class_name, operation_id_for, pascal, python_name, tag_module
from .spec import HTTP_METHODS, check_supported, deref, normalise, operations, unsupported

FALLBACK_VARIANT = "UnknownVariant"
IDEMPOTENCY_EXTENSION = "x-idempotency-key"
SAFE_METHODS = {"get", "head", "options", "put", "delete", "trace"}
JSON_MEDIA = re.compile(r"^application/(.+\+)?json$|^\*/\*$", re.IGNORECASE)


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

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"


@dataclass
class Derived:
    path: Path  # the spec file, for messages
    spec: dict[str, Any]  # the normalised vendor spec (before derivation), for the later stages
    generator_input: dict[str, Any]
    operations: list[Operation]
    schemes: dict[str, dict[str, str]]  # supported scheme name -> {"in", "name", "prefix", "kind"}
    discriminators: dict[str, dict[str, Any]] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)  # component name -> new name

    def facts(self) -> dict[str, Any]:
        return {
            "operations": {
                op.key: {
                    "security": op.security,
                    "idempotency_header": op.idempotency_header,
                    "retry": op.retry,
                    "module": op.module,
                }
                for op in self.operations
            },
            "schemes": {
                name: {"in": s["in"], "name": s["name"], "prefix": s["prefix"]} for name, s in self.schemes.items()
            },
            "discriminators": self.discriminators,
            "field_descriptions": field_descriptions(self.generator_input),
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


def field_descriptions(generator_input: dict[str, Any]) -> dict[str, dict[str, str]]:
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
                    title = str(referenced.get("title") or "")
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
        return Derived(
            path=self.path,
            spec=self.spec,
            generator_input=self.out,
            operations=derived_ops,
            schemes=schemes,
            discriminators=self.discriminators,
            renamed=self.renamed,
        )

    # -- component names -----------------------------------------------------------------

    def _rename_components(self) -> None:
        """Claim every component's class name; rename the ones that collide or are reserved."""
        renames: dict[str, str] = {}
        for name in list(self.schemas):
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
            schema = self._flatten_all_of(schema, pointer)
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
        if "array" in _types(schema) and not isinstance(schema.get("items"), dict):
            schema["items"] = {}  # an array of anything
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
        """`allOf` of object schemas as one object schema (members in order, later ones win)."""
        members = []
        for index, member in enumerate(schema["allOf"]):
            member_pointer = pointer_join(pointer, "allOf", index)
            if isinstance(member, dict) and "$ref" in member:
                member = self._resolve_component(member, member_pointer)
            if isinstance(member, dict) and "allOf" in member:
                member = self._flatten_all_of(member, member_pointer)
            if isinstance(member, dict) and member.get("type") == "null":
                continue
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
        own = {k: v for k, v in schema.items() if k != "allOf"}
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
        return supported

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
            kinds = sorted({str(deref(self.out, known[n], self.path).get("type")) for r in declared for n in r})
            raise self.refuse(
                where,
                f"no supported security scheme among the alternatives ({', '.join(kinds)})",
                "offer an http bearer, oauth2, openIdConnect or apiKey (header or query) scheme",
            )
        return alternatives

    # -- operations ------------------------------------------------------------------------

    def _operations(self, schemes: dict[str, Any]) -> list[Operation]:
        found: list[Operation] = []
        modules: set[str] = set()
        polled = [pointer for _, _, op, pointer in operations(self.out) if "x-status-path" in op]
        if len(polled) > 1:
            raise self.refuse(
                polled[1], "a second operation with x-status-path", "mark only the operation that polls an execution"
            )
        for path, method, operation, pointer in list(operations(self.out)):
            try:
                found.append(self._operation(path, method, operation, pointer, schemes, modules))
            except SpecRefusalError as problem:
                self._refused(problem)
        for path_item in self.out["paths"].values():
            if isinstance(path_item, dict):
                path_item.pop("parameters", None)
                for key in [k for k in path_item if k not in HTTP_METHODS and not k.startswith("x-")]:
                    if key not in ("summary", "description", "servers"):
                        path_item.pop(key)
        return found

    def _operation(
        self,
        path: str,
        method: str,
        operation: dict[str, Any],
        pointer: str,
        schemes: dict[str, Any],
        modules: set[str],
    ) -> Operation:
        path_item = self.out["paths"][path]
        operation_id = str(operation.get("operationId") or operation_id_for(method, path))
        tag = str((operation.get("tags") or ["default"])[0])
        module_name = python_name(operation_id)
        module = f"api.{tag_module(tag)}.{module_name}"
        counter = 1
        while module in modules:
            counter += 1
            module = f"api.{tag_module(tag)}.{module_name}_{counter}"
        if counter > 1:
            operation_id = f"{operation_id}_{counter}"
        modules.add(module)
        operation["operationId"] = operation_id
        operation["tags"] = [tag]
        operation["parameters"] = self._merged_parameters(path_item, operation, pointer)
        self._check_path_template(path, operation, pointer)
        self._request_body(operation, operation_id, pointer)
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
        )

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

    def _json_content(self, content: Any, where: str, required_json: bool) -> dict[str, Any] | None:
        """The JSON media type of a `content` map (alone); None when it has none."""
        if not isinstance(content, dict) or not content:
            return None
        for media_type, item in content.items():
            bare = media_type.split(";")[0].strip()
            if JSON_MEDIA.match(bare):
                # `*+json` keeps its name (a request body is sent with it); `*/*` is taken as JSON.
                return {"application/json" if bare == "*/*" else media_type: item}
        if required_json:
            media = ", ".join(content)
            raise self.refuse(where, f"only non-JSON media types ({media})", "offer application/json")
        return None

    def _request_body(self, operation: dict[str, Any], operation_id: str, pointer: str) -> None:
        if "requestBody" not in operation:
            return
        where = pointer_join(pointer, "requestBody")
        body = copy.deepcopy(deref(self.out, operation["requestBody"], self.path))
        content = self._json_content(body.get("content"), pointer_join(where, "content"), required_json=True)
        assert content is not None
        ((media_type, media),) = content.items()
        if isinstance(media.get("schema"), dict):
            media["schema"] = self._place(
                media["schema"], pascal(operation_id) + "Body", pointer_join(where, "content", media_type, "schema")
            )
        body["content"] = content
        operation["requestBody"] = body

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
