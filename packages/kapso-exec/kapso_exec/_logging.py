"""Logging of requests, responses and retries, with credentials redacted.

At INFO, a wait logs one line per status change of the execution it waits on (and one per failed
poll it goes on after), naming the execution.

Nothing is logged unless asked: the package's logger (`logging.getLogger("<package>")`) has no
handler of its own, and the root logger is never touched. Two ways to see the lines:
- set `<PREFIX>_LOG=info` (one line per request and per response) or `=debug` (also the
  headers, redacted, and every retry decision): the first client built in the process adds a
  stderr handler to the package's logger at that level;
- or configure `logging` yourself, e.g. `logging.getLogger("<package>").setLevel(logging.INFO)`.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Collection, Iterable
from typing import TextIO
from urllib.parse import quote

import httpx2

# Header names whose values never reach a log line.
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie"})
REDACTED = "<redacted>"
# The values `<PREFIX>_LOG` takes (any case).
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

logger = logging.getLogger(__package__ or __name__)

# Whether the environment was read (once per process) or `enable` was called (which wins).
_configured = False


class _Handler(logging.StreamHandler[TextIO]):
    """The handler `enable` adds (a type of its own, so it is added once and can be found again)."""


def enable(level: int, stream: TextIO | None = None) -> None:
    """Write the package's log lines at `level` and above to `stream` (default stderr).

    A second call changes the level and stream of the same handler rather than adding one.
    """
    global _configured
    _configured = True
    handler = next((h for h in logger.handlers if isinstance(h, _Handler)), None)
    if handler is None:
        handler = _Handler(stream or sys.stderr)
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
    else:
        handler.setStream(stream or sys.stderr)
    logger.setLevel(level)


def configure_from_env(variable: str) -> None:
    """Once per process: `enable` at the level `variable` names (`debug` or `info`), if it is set.

    Any other value is a one-line warning on stderr, never an error: a typo in a logging
    switch must not stop the application.
    """
    global _configured
    if _configured:
        return
    _configured = True
    value = os.environ.get(variable, "").strip()
    if not value:
        return
    level = LEVELS.get(value.lower())
    if level is None:
        shown = value if len(value) <= 20 else value[:17] + "..."
        print(f"{logger.name}: ignoring {variable}={shown!r}: use debug or info", file=sys.stderr)
        return
    enable(level)


def log_status_change(execution_id: str, old: str | None, new: str | None, polls: int, elapsed: float) -> None:
    """One INFO line for a status change of a waited execution (the first poll's status included)."""
    if logger.isEnabledFor(logging.INFO):
        was = "" if old is None else f" (was {old})"
        logger.info(
            "Execution %s: %s%s after %d %s, %.1f s",
            execution_id or "?",
            new or "no status",
            was,
            polls,
            "poll" if polls == 1 else "polls",
            elapsed,
        )


def log_retry(execution_id: str, error_type: str, delay: float) -> None:
    """One INFO line for a failed poll the wait goes on after."""
    if logger.isEnabledFor(logging.INFO):
        logger.info(
            "Execution %s: poll failed with %s, polling again in %.1f s", execution_id or "?", error_type, delay
        )


def redact_headers(headers: Iterable[tuple[str, str]], extra: Collection[str] = ()) -> dict[str, str]:
    """A copy of `headers` with credential values replaced by ``<redacted>``.

    `extra`: more header names (lower case) that carry a credential, e.g. an apiKey scheme's.
    """
    return {
        name: REDACTED if name.lower() in SENSITIVE_HEADERS or name.lower() in extra else value
        for name, value in headers
    }


class _TransportRedaction(logging.Filter):
    """Redacts credential query parameters in httpx2's own `HTTP Request: GET <url>` lines.

    httpx2 logs every request's URL at INFO on its logger; an API key that a spec puts in the
    query would be in it, in clear, for anyone who turns INFO on. The URL is a logging argument,
    so the record is changed before it is formatted; records without such a URL pass untouched.
    """

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        # On the formatted line, whatever form the URL took (an httpx2.URL argument, or text in
        # the message, as httpx2 versions differ): each credential parameter's value is replaced.
        if self.names:
            message = record.getMessage()
            redacted = message
            for name in self.names:
                pattern = rf"([?&]{re.escape(quote(name, safe=''))}=)[^&#\s\"']*"
                redacted = re.sub(pattern, rf"\g<1>{REDACTED}", redacted)
            if redacted != message:
                record.msg, record.args = redacted, ()
        return True


def redact_transport_logs(names: Collection[str]) -> None:
    """Keep the query parameters `names` out of httpx2's request log lines (once per process)."""
    if not names:
        return
    transport_logger = logging.getLogger("httpx2")
    found = next((f for f in transport_logger.filters if isinstance(f, _TransportRedaction)), None)
    if found is None:
        found = _TransportRedaction()
        transport_logger.addFilter(found)
    found.names.update(names)


def redact_url(url: httpx2.URL, names: Collection[str]) -> str:
    """`url` as text, with the values of the query parameters in `names` redacted."""
    if not names or not url.query:
        return str(url)
    parts = [
        f"{httpx2.QueryParams({name: ''})}{REDACTED}" if name in names else str(httpx2.QueryParams({name: value}))
        for name, value in url.params.multi_items()
    ]
    return str(url).split("?", 1)[0] + "?" + "&".join(parts)
