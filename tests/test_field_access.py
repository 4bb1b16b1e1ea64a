"""Reading the generated models: one check per field, "was it sent?", to_json, a short repr.

- An optional field is `X | None`: absent and JSON null both read None; `model_fields_set` (as in
  pydantic) names the fields that were sent, null included, and `to_dict()` writes back exactly
  what was received (null stays null, absent stays absent); "", 0 and False are values.
- Hand-built models send only what was given (None given is sent as null); assigning after
  decoding counts as set. copy, deepcopy, pickle and `==` keep working.
- `to_json()` is `to_dict()` as compact JSON; `repr()` shows the set fields only and stays short.
- Under `mypy --strict`, a nested optional field is read with one `is not None` check per level.

The checks (support.field_access) are vendor-agnostic and also run over the corpus (test_corpus).
A check that needs a construct a vendor's spec may lack (a `$ref` property with a description, a
model whose only required field is a string) runs on tests/corpus/schema_field_access.yaml.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import subprocess
import sys
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from support import built
from support.field_access import Seen, check_object, field_names, is_model, required_names
from support.schemas import fields as schema_fields
from support.schemas import replaced
from support.vendors import ROOT, Vendor, load_spec

sys.path[:0] = [str(ROOT)]  # the `generator` package, for the facts the docstrings are built from
derive = importlib.import_module("generator.derive")


def success_model(vendor: Vendor) -> Any:
    return typing.get_type_hints(vendor.endpoint.sync)["return"]


def model_classes(vendor: Vendor) -> list[Any]:
    models = importlib.import_module(f"{vendor.import_name}.models")
    found = [cls for _, cls in inspect.getmembers(models, inspect.isclass) if attrs.has(cls)]
    assert found, f"{vendor.name}: no model classes"
    return found


def all_optional_nulled(vendor: Vendor, body: Any) -> Any:
    paths = [path for path, _, required in schema_fields(vendor.spec, vendor.success_schema, body) if not required]
    for path in reversed(paths):  # children before their parents
        body = replaced(body, path, None)
    return body


def test_every_object_of_the_example(vendor: Vendor) -> None:
    seen = Seen()
    model = success_model(vendor)
    check_object(model, vendor.fixture("example-200.json"), seen, model.__name__)
    assert seen.optional > 0, f"{vendor.name}: the example has no optional field to check"


def test_every_object_with_every_optional_field_null(vendor: Vendor) -> None:
    seen = Seen()
    model = success_model(vendor)
    check_object(model, all_optional_nulled(vendor, vendor.fixture("example-200.json")), seen, model.__name__)


def test_falsy_values_are_values(vendor: Vendor) -> None:
    """Some optional string, number or boolean of the example is checked with "", 0 or False."""
    seen = Seen()
    model = success_model(vendor)
    check_object(model, vendor.fixture("example-200.json"), seen, model.__name__)
    assert seen.falsy > 0, f"{vendor.name}: no optional scalar took a falsy value"


def lengthened(model: Any, string_length: int, list_factor: int) -> int:
    """Every plain string of a decoded model, at every depth, made `string_length` characters long
    and every list `list_factor` times as long, by assignment; returns how many were changed."""
    changed = 0
    for name in field_names(type(model)):
        value = getattr(model, name)
        if type(value) is str:
            setattr(model, name, "x" * string_length)
            changed += 1
        elif isinstance(value, list):
            changed += sum(lengthened(item, string_length, list_factor) for item in value if is_model(item))
            setattr(model, name, value * list_factor)
            changed += 1
        elif is_model(value):
            changed += lengthened(value, string_length, list_factor)
    return changed


def test_repr_does_not_grow_with_strings_and_lists(vendor: Vendor) -> None:
    """Whatever strings and lists the success model holds, its repr is as long with 10,000-character
    strings and 100-fold lists as with 100-character strings and 10-fold ones."""
    body = vendor.fixture("example-200.json")
    short, long = success_model(vendor).from_dict(copy.deepcopy(body)), success_model(vendor).from_dict(body)
    lengthened(short, 100, 10)
    lengthened(long, 10_000, 100)
    text = repr(long)
    assert len(text) == len(repr(short)), f"{vendor.name}: {text}"
    assert "x" * 100 not in text, f"{vendor.name}: a long string printed whole: {text}"


# --- constructs of the corpus: tests/corpus/schema_field_access.yaml ---------------------------------
# A per-vendor test asserts only what every package must have; one that needs a construct (a `$ref`
# property with a description, a model whose only required field is a string) takes it from here.


@pytest.fixture(scope="module")
def field_access_models() -> Iterator[Any]:
    """The models of tests/corpus/schema_field_access.yaml, generated."""
    directory, import_name = built.field_access()
    sys.path.insert(0, str(directory))
    try:
        yield importlib.import_module(f"{import_name}.models")
    finally:
        sys.path.remove(str(directory))


def test_repr_abbreviates_long_strings_and_lists(field_access_models: Any) -> None:
    """A hand-built model holding a 10,000-character string prints as a few dozen characters;
    a list of a thousand models as its first few."""
    child = field_access_models.Child(name="x" * 10_000)  # `name`, a string, is all Child requires
    assert len(repr(child)) < 120, repr(child)
    reading = field_access_models.Reading(id="x" * 10_000, maybe=None, children=[child] * 1000)
    assert len(repr(reading)) < 400, repr(reading)


def test_ref_fields_have_their_description_in_the_docstring_corpus(field_access_models: Any) -> None:
    """The spec has `$ref` properties described beside the `$ref` and by the referenced schema."""
    descriptions = ref_field_descriptions(built.FIELD_ACCESS_SPEC)
    assert len(descriptions.get("Reading", {})) >= 3, descriptions
    assert_descriptions_in_docstrings(field_access_models, descriptions)


# --- types: no Unset in any attribute or docstring ---------------------------------------------


def _mentions_unset(hint: Any) -> bool:
    if getattr(hint, "__name__", "") == "Unset":
        return True
    return any(_mentions_unset(arg) for arg in typing.get_args(hint))


def test_no_attribute_is_typed_unset(vendor: Vendor) -> None:
    for cls in model_classes(vendor):
        hints = typing.get_type_hints(cls)
        for name in field_names(cls):
            assert not _mentions_unset(hints[name]), f"{cls.__name__}.{name}: {hints[name]}"
            if name not in required_names(cls):
                assert type(None) in typing.get_args(hints[name]), f"{cls.__name__}.{name}: {hints[name]}"
        assert "Unset" not in (cls.__doc__ or ""), f"{cls.__name__}: the docstring says Unset"


def ref_field_descriptions(spec_path: Path) -> dict[str, dict[str, str]]:
    """Class name -> {JSON property -> description} of the spec's `$ref` properties (the generator's facts)."""
    derived = derive.derive(load_spec(spec_path), spec_path)
    descriptions: dict[str, dict[str, str]] = derived.facts()["field_descriptions"]
    return descriptions


def assert_descriptions_in_docstrings(models: Any, descriptions: dict[str, dict[str, str]]) -> None:
    for class_name, by_key in descriptions.items():
        doc = " ".join((getattr(models, class_name).__doc__ or "").split())
        for key, description in by_key.items():
            assert " ".join(description.split()) in doc, f"{class_name}.{key}: {description!r} not in {doc!r}"


def test_ref_fields_have_their_description_in_the_docstring(vendor: Vendor) -> None:
    """Each described `$ref` property the spec has (there may be none) keeps its description."""
    models = importlib.import_module(f"{vendor.import_name}.models")
    assert_descriptions_in_docstrings(models, ref_field_descriptions(vendor.spec_path))


# --- mypy: one check per level ------------------------------------------------------------------


def _non_null_members(hint: Any) -> list[Any]:
    """The members of a union hint but None (`X | None` -> [X]); any other hint alone."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return [arg for arg in typing.get_args(hint) if arg is not type(None)]
    return [hint]


def _optional_model_path(root: Any, depth: int = 3) -> list[tuple[str, Any, bool]]:
    """The longest chain (attribute, model class, optional?) from `root` through model-typed fields."""
    best: list[tuple[str, Any, bool]] = []

    def visit(cls: Any, chain: list[tuple[str, Any, bool]], seen: set[Any]) -> None:
        nonlocal best
        if len(chain) > len(best):
            best = list(chain)
        if len(chain) >= depth:
            return
        hints = typing.get_type_hints(cls)
        required = required_names(cls)
        for name in field_names(cls):
            members = _non_null_members(hints[name])
            if len(members) == 1 and inspect.isclass(members[0]) and attrs.has(members[0]):
                if members[0] not in seen:
                    visit(members[0], [*chain, (name, members[0], name not in required)], seen | {members[0]})

    visit(root, [], {root})
    return best


def _optional_scalar(cls: Any) -> tuple[str, type] | None:
    hints = typing.get_type_hints(cls)
    for name in field_names(cls):
        if name in required_names(cls):
            continue
        members = _non_null_members(hints[name])
        if len(members) == 1 and members[0] in (str, int, float, bool):
            return name, members[0]
    return None


def reading_snippet(vendor: Vendor) -> str:
    """Code reading the deepest optional field of the success model, one `is not None` per level."""
    root = success_model(vendor)
    chain = _optional_model_path(root)
    classes = sorted({root.__name__, *(cls.__name__ for _, cls, _ in chain)})
    lines = [
        f"from {vendor.import_name}.models import {', '.join(classes)}",
        "",
        "",
        f"def read(value: {root.__name__}) -> object:",
    ]
    indent = "    "
    current = "value"
    for index, (name, cls, optional) in enumerate(chain):
        lines.append(f"{indent}level{index} = {current}.{name}")
        current = f"level{index}"
        if optional:
            lines.append(f"{indent}if {current} is not None:")
            indent += "    "
        lines.append(f"{indent}typed{index}: {cls.__name__} = {current}")
    leaf_class = chain[-1][1] if chain else root
    scalar = _optional_scalar(leaf_class)
    if scalar is not None:
        name, kind = scalar
        lines.append(f"{indent}leaf = {current}.{name}")
        lines.append(f"{indent}if leaf is not None:")
        lines.append(f"{indent}    plain: {kind.__name__} = leaf")
        lines.append(f"{indent}    return plain")
    lines.append(f"{indent}return {current}")
    if indent != "    ":
        lines.append("    return None")
    lines.append("")
    return "\n".join(lines)


def test_nested_optional_fields_need_one_check_per_level_under_mypy_strict(vendor: Vendor, tmp_path: Path) -> None:
    snippet = reading_snippet(vendor)
    assert " is not None:" in snippet, f"{vendor.name}: no optional field on the way:\n{snippet}"
    (tmp_path / "reader.py").write_text(snippet, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), "reader.py"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{snippet}\n{result.stdout[-3000:]}{result.stderr[-1000:]}"


# --- construction ----------------------------------------------------------------------------------


def test_constructor_signature_is_precise(vendor: Vendor) -> None:
    """Required fields are required parameters; optional ones default to "not given" (not None)."""
    for cls in model_classes(vendor):
        parameters = inspect.signature(cls).parameters
        assert set(parameters) == set(field_names(cls)), f"{cls.__name__}: {list(parameters)}"
        hints = typing.get_type_hints(cls)
        for name, parameter in parameters.items():
            if type(None) in typing.get_args(hints[name]) and parameter.default is not inspect.Parameter.empty:
                # Optional: "not given" is not None (None given means: send null).
                assert parameter.default is not None, f"{cls.__name__}.{name}: defaults to None, i.e. null"
                assert repr(parameter.default) == "UNSET"


def test_two_decodings_are_equal_and_model_fields_set_is_a_copy(vendor: Vendor) -> None:
    body = vendor.fixture("example-200.json")
    model = success_model(vendor)
    first, second = model.from_dict(copy.deepcopy(body)), model.from_dict(copy.deepcopy(body))
    assert first == second and first is not second
    first.model_fields_set.clear()  # a fresh set each time: changing it changes nothing
    assert first.model_fields_set == second.model_fields_set
