"""Debug logging of requests and retries, with credentials redacted."""

from __future__ import annotations

import logging
from collections.abc import Iterable

# Header names whose values never reach a log line.
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie"})
REDACTED = "<redacted>"

logger = logging.getLogger(__package__ or __name__)


def redact_headers(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A copy of `headers` with credential values replaced by ``<redacted>``."""
    return {name: REDACTED if name.lower() in SENSITIVE_HEADERS else value for name, value in headers}
