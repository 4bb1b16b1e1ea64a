"""Field access of the generated models, checked on any model class and any valid JSON object.

Nothing here knows a vendor's field names: a model's JSON keys are its module's `_FIELDS_<Class>`,
and which attribute a key feeds is found by decoding the object without that key and seeing
which attribute leaves `model_fields_set`. Required attributes are the `__init__` parameters
without a default. Every nested object of the payload is checked the same way, by its own class.
"""

from __future__ import annotations

import copy
import inspect
import json
import pickle
import sys
from dataclasses import dataclass, field
from typing import Any

import attrs

from support.vendors import normalise


@dataclass
class Seen:
    """What a walk exercised, so that a test can require that it was not vacuous."""

    objects: int = 0
    optional: int = 0  # optional fields checked absent, null and present
    falsy: int = 0  # optional fields that kept "", 0 or False
    classes: set[str] = field(default_factory=set)


def is_model(value: object) -> bool:
    return attrs.has(type(value)) and hasattr(value, "model_fields_set") and hasattr(value, "from_dict")


def json_keys(cls: type) -> frozenset[str]:
    keys: frozenset[str] = getattr(sys.modules[cls.__module__], f"_FIELDS_{cls.__name__}")
    return keys


def field_names(cls: type) -> list[str]:
    """The attributes that are the schema's fields, in declaration order."""
    return [f.name for f in attrs.fields(cls) if f.name != "additional_properties" and not f.name.startswith("_")]


def required_names(cls: type) -> list[str]:
    parameters = inspect.signature(cls).parameters.values()
    return [p.name for p in parameters if p.default is inspect.Parameter.empty]


FALSY: dict[type, object] = {str: "", int: 0, float: 0.0, bool: False}


def top_level_names(text: str) -> list[str]:
    """`a`, `b` of `Name(a=1, b=Other(c=[1, 2]))`: the keywords at the outermost level of a repr."""
    assert text.endswith(")") and "(" in text, text
    body = text[text.index("(") + 1 : -1]
    names: list[str] = []
    depth, quote, escaped, start = 0, "", False, 0
    for index, char in enumerate(body + ","):
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            part = body[start:index].strip()
            if part:
                names.append(part.split("=", 1)[0])
            start = index + 1
    return names


def check_object(cls: Any, payload: dict[str, Any], seen: Seen, where: str) -> None:
    """Every field-access promise for one valid JSON object of `cls`, then for each nested object."""
    seen.objects += 1
    seen.classes.add(cls.__name__)
    model = cls.from_dict(copy.deepcopy(payload))
    keys = json_keys(cls)
    names = field_names(cls)
    required = required_names(cls)
    assert set(required) <= set(names), f"{where}: required parameters {required} vs fields {names}"
    assert set(required) <= model.model_fields_set, f"{where}: a required field is not in model_fields_set"

    # Decoding and encoding: exactly what was received.
    assert normalise(model.to_dict()) == normalise(payload), f"{where}: to_dict() is not the body"
    assert model.model_fields_set <= set(names)

    for key in sorted(keys & payload.keys()):
        without = {k: v for k, v in payload.items() if k != key}
        try:
            absent = cls.from_dict(copy.deepcopy(without))
        except (TypeError, ValueError):
            continue  # a required field: the object does not decode without it
        (name,) = model.model_fields_set - absent.model_fields_set
        assert name not in required, f"{where}.{key}: optional in JSON, required by __init__"
        if payload[key] is None:
            # Sent as null: reads None, counts as sent, written back as null.
            assert getattr(model, name) is None, f"{where}.{key}: null reads {getattr(model, name)!r}"
            assert model.to_dict()[key] is None
            continue
        seen.optional += 1
        check_optional(cls, payload, key, name, seen, f"{where}.{key}")

    # Built by hand: only the required arguments are sent; None given is sent as null.
    arguments = {name: getattr(model, name) for name in required}
    bare = cls(**arguments)
    assert bare.model_fields_set == set(required), f"{where}: {bare.model_fields_set} set by hand"
    assert set(bare.to_dict()) <= keys and len(bare.to_dict()) == len(required), f"{where}: {bare.to_dict()}"
    for name in names:
        if name in required:
            continue
        assert getattr(bare, name) is None, f"{where}: {name} not given but reads {getattr(bare, name)!r}"
        nulled = cls(**arguments, **{name: None})
        assert name in nulled.model_fields_set, f"{where}: {name}=None given, not in model_fields_set"
        (sent_key,) = set(nulled.to_dict()) - set(bare.to_dict())
        assert nulled.to_dict()[sent_key] is None
    rebuilt = cls(**{name: getattr(model, name) for name in names if name in model.model_fields_set})
    rebuilt.additional_properties.update(model.additional_properties)
    assert normalise(rebuilt.to_dict()) == normalise(payload), f"{where}: built from the decoded values, differs"

    check_repr_and_json(model, where)
    check_copies(cls, model, payload, where)

    # Nested objects, each by its own class, found by what they encode to.
    encoded = model.to_dict()
    for name in names:
        value = getattr(model, name)
        if is_model(value):
            inner: Any = value.to_dict()
        elif isinstance(value, list) and value and all(is_model(item) for item in value):
            inner = [item.to_dict() for item in value]
        else:
            continue
        key = next(k for k in sorted(keys) if k in encoded and encoded[k] == inner)
        walk(value, payload[key], seen, f"{where}.{key}")


def walk(value: Any, raw: Any, seen: Seen, where: str) -> None:
    if is_model(value) and isinstance(raw, dict):
        check_object(type(value), raw, seen, where)
    elif isinstance(value, list) and isinstance(raw, list):
        for index, (item, raw_item) in enumerate(zip(value, raw, strict=True)):
            walk(item, raw_item, seen, f"{where}[{index}]")


def check_optional(cls: Any, payload: dict[str, Any], key: str, name: str, seen: Seen, where: str) -> None:
    full = cls.from_dict(copy.deepcopy(payload))
    value = getattr(full, name)
    assert value is not None and name in full.model_fields_set, f"{where}: sent, reads {value!r}"

    absent_body = {k: v for k, v in payload.items() if k != key}
    absent = cls.from_dict(copy.deepcopy(absent_body))
    assert getattr(absent, name) is None, f"{where}: absent, reads {getattr(absent, name)!r}"
    assert name not in absent.model_fields_set, f"{where}: absent, but in model_fields_set"
    assert key not in absent.to_dict(), f"{where}: absent, but written by to_dict()"
    assert normalise(absent.to_dict()) == normalise(absent_body)
    assert name not in top_level_names(repr(absent)), f"{where}: absent, but in the repr"
    assert name in top_level_names(repr(full)), f"{where}: sent, but not in the repr {repr(full)!r:.200}"

    null_body = {**payload, key: None}
    null = cls.from_dict(copy.deepcopy(null_body))
    assert getattr(null, name) is None, f"{where}: null, reads {getattr(null, name)!r}"
    assert name in null.model_fields_set, f"{where}: null, but not in model_fields_set"
    assert key in null.to_dict() and null.to_dict()[key] is None, f"{where}: null not written back as null"
    assert normalise(null.to_dict()) == normalise(null_body)
    # Equality compares values, not which fields were sent (as pydantic's does).
    assert null == absent

    # Assigned after decoding: counts as set, and is written.
    setattr(absent, name, value)
    assert name in absent.model_fields_set, f"{where}: assigned, but not in model_fields_set"
    assert normalise(absent.to_dict()) == normalise(full.to_dict()), f"{where}: assigned, to_dict() differs"

    # "", 0 and False are values, not absence.
    raw = payload[key]
    falsy = FALSY.get(type(raw))
    if falsy is not None and raw != falsy:
        try:
            decoded = cls.from_dict({**copy.deepcopy(payload), key: falsy})
        except (TypeError, ValueError):
            return  # a format ("date-time", "uuid") or a constant the falsy value does not meet
        kept = getattr(decoded, name)
        assert kept is not None and kept == falsy, f"{where}: {falsy!r} reads {kept!r}"
        assert name in decoded.model_fields_set, f"{where}: {falsy!r} is not counted as sent"
        assert decoded.to_dict()[key] == falsy, f"{where}: {falsy!r} not written back"
        seen.falsy += 1


def check_repr_and_json(model: Any, where: str) -> None:
    text = repr(model)
    cls = type(model)
    assert text.startswith(f"{cls.__name__}("), f"{where}: {text!r:.200}"
    assert "UNSET" not in text and "Unset" not in text, f"{where}: {text!r:.200}"
    expected = [name for name in field_names(cls) if name in model.model_fields_set]
    if model.additional_properties:
        expected.append("additional_properties")
    assert top_level_names(text) == expected, f"{where}: the repr shows {top_level_names(text)}, not {expected}"

    data = model.to_dict()
    compact = model.to_json()
    assert compact == json.dumps(data, separators=(",", ":"), ensure_ascii=False), f"{where}: to_json()"
    assert json.loads(compact) == json.loads(json.dumps(data))
    indented = model.to_json(indent=2)
    assert json.loads(indented) == json.loads(compact)
    assert indented == json.dumps(data, indent=2, ensure_ascii=False)


def check_copies(cls: Any, model: Any, payload: dict[str, Any], where: str) -> None:
    for name, copied in (
        ("copy", copy.copy(model)),
        ("deepcopy", copy.deepcopy(model)),
        ("pickle", pickle.loads(pickle.dumps(model))),
    ):
        assert copied == model, f"{where}: a {name} is not equal"
        assert copied.model_fields_set == model.model_fields_set, f"{where}: a {name} lost model_fields_set"
        assert copied.to_dict() == model.to_dict(), f"{where}: a {name} writes other JSON"
    assert cls.from_dict(copy.deepcopy(payload)) == model, f"{where}: two decodings differ"
