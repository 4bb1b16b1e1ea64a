"""When to retry and how long to wait: pure functions, no I/O.

The client's request loops ask `should_retry_status` and `retry_delay`; the
clock and the random source are parameters so tests can freeze them.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping
from typing import Literal

import httpx2

from . import _constants

# How an operation may be retried (the generated module passes its spec's policy):
# "always": safe to repeat (GET, PUT, DELETE, ...): retry answers and transport errors alike;
# "keyed":  a POST/PATCH carrying an idempotency key, the same on every attempt: like "always";
# "unsent": a POST/PATCH without one: retry only errors raised before the request was sent,
#           never an answer, nor a read/write timeout (the server may have acted on it).
RetryPolicy = Literal["always", "keyed", "unsent"]

# Transport failures that a second attempt may well get past.
RETRYABLE_ERRORS = (httpx2.TimeoutException, httpx2.NetworkError, httpx2.RemoteProtocolError)

# Failures that happen before any byte of the request left: no server saw it.
UNSENT_ERRORS = (httpx2.ConnectError, httpx2.ConnectTimeout, httpx2.PoolTimeout)


def should_retry_status(status_code: int) -> bool:
    """408, 409, 429 and every 5xx are retried."""
    return status_code in _constants.RETRYABLE_STATUSES or 500 <= status_code <= 599


def should_retry_response(status_code: int, policy: RetryPolicy = "always") -> bool:
    """Whether an answer with this status is worth another attempt under `policy`."""
    return policy != "unsent" and should_retry_status(status_code)


def should_retry_error(exc: Exception, policy: RetryPolicy = "always") -> bool:
    """Whether a transport failure is worth another attempt under `policy`."""
    return isinstance(exc, UNSENT_ERRORS if policy == "unsent" else RETRYABLE_ERRORS)


def parse_retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds the server asked us to wait, or None if it didn't say (usably).

    A usable `retry-after-ms` (milliseconds, > 0) wins over `Retry-After`, which is
    either delta-seconds or an HTTP-date (compared with `now`, a Unix timestamp).
    """
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            seconds = float(millis) / 1000.0
        except ValueError:
            seconds = 0.0
        if seconds > 0:
            return seconds
        # unusable: fall through to Retry-After
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when.timestamp() - now


def retry_delay(
    retries_taken: int,
    headers: Mapping[str, str] | None = None,
    *,
    now: Callable[[], float] = time.time,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to sleep before retry number `retries_taken + 1`.

    A usable server hint (0 < hint <= MAX_RETRY_AFTER) is honoured as is;
    otherwise exponential backoff from INITIAL_RETRY_DELAY, capped at
    MAX_RETRY_DELAY, scaled by a jitter factor in [1 - RETRY_JITTER, 1].
    """
    if headers is not None:
        hint = parse_retry_after(headers, now())
        if hint is not None and 0 < hint <= _constants.MAX_RETRY_AFTER:
            return hint
    backoff = min(_constants.INITIAL_RETRY_DELAY * 2.0**retries_taken, _constants.MAX_RETRY_DELAY)
    return backoff * (1.0 - _constants.RETRY_JITTER * rand())
