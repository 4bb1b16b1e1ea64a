"""Decoding response bodies: the one place that turns bytes into JSON data.

With the `fast` extra installed (`pip install <package>[fast]`), orjson decodes;
otherwise the standard library does. Both raise ValueError for a body that
isn't JSON. (orjson also refuses integers beyond 64 bits and nesting deeper
than 1024, which the standard library accepts up to its recursion limit.)
"""

import json
from typing import Any

import httpx

try:  # the optional `fast` extra
    import orjson

    _loads: Any = orjson.loads
except ImportError:  # pragma: no cover - depends on the extra
    _loads = json.loads


def decode_json(response: httpx.Response) -> Any:
    """The body as JSON data; raises ValueError for a body that isn't JSON."""
    return _loads(response.content)
