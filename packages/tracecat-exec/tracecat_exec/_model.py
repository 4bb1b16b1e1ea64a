"""What every generated model shares besides its fields: a short repr and its JSON text.

`repr(model)` shows the class and only the fields that were sent or set
(`model_fields_set`), in declaration order, with nested models the same way. Long
strings, lists and deep nesting are abbreviated (`reprlib`), so a large execution
prints in a few hundred characters instead of thousands; `to_dict()` / `to_json()`
give everything. Date-times, dates and UUIDs print as their ISO/hex text, enum
members as `Class.MEMBER`, unknown fields as `additional_properties={...}`.
"""

from __future__ import annotations

import datetime
import enum
import json
import reprlib
import uuid
from typing import Any

import attrs


class _ModelRepr(reprlib.Repr):
    def __init__(self) -> None:
        super().__init__()
        # Two levels: the model's fields, and the fields of a model in one of them; anything
        # deeper (a model in a list in a field, say) prints as `Name(...)` or `[...]`.
        self.maxlevel = 2
        self.maxlist = 2
        self.maxtuple = 2
        self.maxdict = 3
        self.maxset = 3
        self.maxstring = 40
        self.maxother = 40
        self.maxlong = 40

    def repr1(self, x: Any, level: int) -> str:
        # Models are recognised by what every generated model has, not by class: this module
        # is imported by the models, so it cannot import them.
        if attrs.has(type(x)) and hasattr(x, "model_fields_set"):
            return self.repr_model(x, level)
        if isinstance(x, enum.Enum):
            return f"{type(x).__name__}.{x.name}"
        if isinstance(x, datetime.date):  # datetime.datetime included
            return x.isoformat()
        if isinstance(x, uuid.UUID):
            return str(x)
        return super().repr1(x, level)

    def repr_model(self, model: Any, level: int) -> str:
        name = type(model).__name__
        if level <= 0:
            return f"{name}(...)"
        sent = model.model_fields_set
        parts = [
            f"{field.name}={self.repr1(getattr(model, field.name), level - 1)}"
            for field in attrs.fields(type(model))
            if field.name in sent
        ]
        extra = model.additional_properties
        if extra:
            parts.append(f"additional_properties={self.repr1(extra, level - 1)}")
        return f"{name}({', '.join(parts)})"


_REPR = _ModelRepr()


def model_repr(model: Any) -> str:
    """The short repr of a generated model (see the module docstring)."""
    return _REPR.repr(model)


def to_json(data: Any, indent: int | None) -> str:
    """`data` (a model's `to_dict()`) as JSON text: compact, or indented by `indent` spaces.

    Non-ASCII text is kept as is; NaN and infinities are refused (ValueError), as JSON has none.
    """
    if indent is None:
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)
