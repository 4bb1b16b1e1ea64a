"""Decoding response bodies: the one place that turns bytes into JSON data and models.

With the `fast` extra installed (`pip install <package>[fast]`), orjson decodes;
otherwise the standard library does. Both raise ValueError for a body that
isn't JSON, NaN and Infinity included. (orjson also refuses integers beyond 64 bits and nesting deeper
than 1024, which the standard library accepts up to its recursion limit.)
"""

import gc
import json
from collections.abc import Callable
from typing import Any, TypeVar

import httpx2


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def stdlib_loads(content: bytes | str) -> Any:
    """`json.loads`, but refusing NaN and Infinity as RFC 8259 (and orjson) do."""
    return json.loads(content, parse_constant=_reject_constant)


try:  # the optional `fast` extra
    import orjson

    _loads: Any = orjson.loads
except ImportError:  # pragma: no cover - depends on the extra
    _loads = stdlib_loads

T = TypeVar("T")


def decode_json(response: httpx2.Response) -> Any:
    """The body as JSON data; raises ValueError for a body that isn't JSON."""
    return _loads(response.content)


def decode_model(response: httpx2.Response, build: Callable[[Any], T]) -> T:
    """Decode the body and `build` the typed models from it, with automatic GC paused.

    Decoding allocates a large tree of fresh objects, which makes CPython's
    collector run full collections that re-scan everything alive, again and
    again: on a 10,000-event body that was over half the decoding time. The
    tree is acyclic, so reference counting alone frees it. The collector is
    paused only while the tree is built, and re-enabled only by the call that
    paused it: a caller (or thread) that had it off finds it off afterwards.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return build(_loads(response.content))
    finally:
        if paused:
            gc.enable()
