"""Decoding response bodies: the one place that turns bytes into JSON data."""

import json
from typing import Any

import httpx


def decode_json(response: httpx.Response) -> Any:
    """The body as JSON data; raises ValueError for a body that isn't JSON."""
    return json.loads(response.content)
