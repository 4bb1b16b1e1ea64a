"""Comparing JSON data exactly: `True` is not `1`, `1` is not `"1"`; date-times compare as instants.

Python's `==` treats `True == 1` and `1 == 1.0` as equal, which would hide a decoder that
turns a boolean into a number. `json_difference` keeps JSON's types apart (an integer and a
float holding the same number are the same JSON number) and names the first difference.
Two spellings of one value compare equal: date-times as instants (`Z` or `+00:00`), UUIDs
in either case (a decoded UUID re-encodes in lower case).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from support.vendors import normalise

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _lower_uuids(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _lower_uuids(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lower_uuids(item) for item in value]
    if isinstance(value, str) and len(value) == 36 and _UUID.fullmatch(value):
        return value.lower()
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, datetime.datetime):
        return "date-time"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return f"non-JSON {type(value).__name__}"


def _difference(a: Any, b: Any, path: str) -> str | None:
    kind_a, kind_b = _kind(a), _kind(b)
    if kind_a != kind_b:
        return f"{path}: {kind_a} {a!r:.80} vs {kind_b} {b!r:.80}"
    if kind_a == "array":
        if len(a) != len(b):
            return f"{path}: array of {len(a)} vs {len(b)} items"
        for index, (item_a, item_b) in enumerate(zip(a, b, strict=True)):
            found = _difference(item_a, item_b, f"{path}[{index}]")
            if found:
                return found
        return None
    if kind_a == "object":
        if set(a) != set(b):
            return f"{path}: keys {sorted(set(a) ^ set(b))!r:.200} on one side only"
        for key in a:
            found = _difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if kind_a.startswith("non-JSON") or a != b:
        return f"{path}: {a!r:.80} vs {b!r:.80}"
    return None


def json_difference(a: Any, b: Any) -> str | None:
    """None when `a` and `b` are the same JSON (date-times as instants, UUIDs in any case),
    else where and how they first differ."""
    return _difference(normalise(_lower_uuids(a)), normalise(_lower_uuids(b)), "$")
