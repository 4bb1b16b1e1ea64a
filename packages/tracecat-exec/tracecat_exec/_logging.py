"""Debug logging of requests and retries, with credentials redacted."""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable

import httpx2

# Header names whose values never reach a log line.
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie"})
REDACTED = "<redacted>"

logger = logging.getLogger(__package__ or __name__)


def redact_headers(headers: Iterable[tuple[str, str]], extra: Collection[str] = ()) -> dict[str, str]:
    """A copy of `headers` with credential values replaced by ``<redacted>``.

    `extra`: more header names (lower case) that carry a credential, e.g. an apiKey scheme's.
    """
    return {
        name: REDACTED if name.lower() in SENSITIVE_HEADERS or name.lower() in extra else value
        for name, value in headers
    }


def redact_url(url: httpx2.URL, names: Collection[str]) -> str:
    """`url` as text, with the values of the query parameters in `names` redacted."""
    if not names or not url.query:
        return str(url)
    parts = [
        f"{httpx2.QueryParams({name: ''})}{REDACTED}" if name in names else str(httpx2.QueryParams({name: value}))
        for name, value in url.params.multi_items()
    ]
    return str(url).split("?", 1)[0] + "?" + "&".join(parts)
