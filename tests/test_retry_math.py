"""Table-driven tests of `<pkg>._retry`: backoff, Retry-After hints and retryable statuses.

Every package carries its own copy of the runtime, so each table runs against all
of them. The clock and the random source are frozen through `retry_delay`'s
`now=` and `rand=` parameters; nothing here sleeps or touches the network.
"""

from __future__ import annotations

import email.utils
import importlib
from typing import Any

import httpx2
import pytest

from support.vendors import Vendor

# A fixed "now" (2023-11-14T22:13:20Z) for every HTTP-date hint.
FIXED = 1_700_000_000.0


def retry_module(vendor: Vendor) -> Any:
    """The installed package's own `_retry` module."""
    return importlib.import_module(f"{vendor.import_name}._retry")


def delay(vendor: Vendor, retries_taken: int, headers: dict[str, str] | None, rand: float = 0.0) -> float:
    """`retry_delay` with the clock frozen at FIXED and the jitter draw fixed at `rand`."""
    hdrs = None if headers is None else httpx2.Headers(headers)
    result: float = retry_module(vendor).retry_delay(retries_taken, hdrs, now=lambda: FIXED, rand=lambda: rand)
    return result


def http_date(offset: float) -> str:
    """An RFC 7231 HTTP-date `offset` seconds after FIXED."""
    return email.utils.formatdate(FIXED + offset, usegmt=True)


# (retries_taken, rand, expected seconds): 0.5 * 2**n capped at 8.0, scaled by (1 - 0.25 * rand).
BACKOFF_TABLE = [
    (0, 0.0, 0.5),
    (1, 0.0, 1.0),
    (2, 0.0, 2.0),
    (3, 0.0, 4.0),
    (4, 0.0, 8.0),
    (5, 0.0, 8.0),
    (6, 0.0, 8.0),
    (0, 1.0, 0.375),
    (1, 1.0, 0.75),
    (2, 1.0, 1.5),
    (3, 1.0, 3.0),
    (4, 1.0, 6.0),
    (5, 1.0, 6.0),
    (6, 1.0, 6.0),
    (2, 0.5, 1.75),
]


@pytest.mark.parametrize(("retries_taken", "rand", "expected"), BACKOFF_TABLE)
def test_backoff_is_exponential_capped_and_jittered(
    vendor: Vendor, retries_taken: int, rand: float, expected: float
) -> None:
    assert delay(vendor, retries_taken, None, rand) == pytest.approx(expected)
    # Headers without any hint give the same backoff as no headers at all.
    assert delay(vendor, retries_taken, {"content-type": "application/json"}, rand) == pytest.approx(expected)


def test_backoff_jitter_stays_within_bounds(vendor: Vendor) -> None:
    for retries_taken in range(8):
        top = min(0.5 * 2**retries_taken, 8.0)
        for rand in (0.0, 0.1, 0.37, 0.5, 0.99, 0.999999):
            value = delay(vendor, retries_taken, None, rand)
            assert top * 0.75 <= value <= top


# (headers, retries_taken, expected seconds) for hints the client must honour as is.
HONOURED_HINTS = [
    ({"Retry-After": "1"}, 0, 1.0),
    ({"Retry-After": "2.5"}, 0, 2.5),
    ({"Retry-After": " 2 "}, 0, 2.0),
    ({"Retry-After": "1"}, 5, 1.0),  # a hint replaces the (larger) backoff too
    ({"Retry-After": "60"}, 0, 60.0),  # the upper bound is inclusive
    ({"Retry-After": http_date(5)}, 0, 5.0),
    ({"Retry-After": http_date(30)}, 3, 30.0),
    ({"retry-after-ms": "1500"}, 0, 1.5),
    ({"retry-after-ms": "1500", "Retry-After": "5"}, 0, 1.5),  # the ms header wins
    ({"Retry-After-Ms": "250", "Retry-After": http_date(10)}, 2, 0.25),
    ({"retry-after-ms": "soon", "Retry-After": "2"}, 0, 2.0),  # a garbage ms header is ignored
]


@pytest.mark.parametrize(("headers", "retries_taken", "expected"), HONOURED_HINTS)
def test_server_hint_is_honoured(vendor: Vendor, headers: dict[str, str], retries_taken: int, expected: float) -> None:
    # The jitter draw must not touch a server hint.
    assert delay(vendor, retries_taken, headers, rand=0.0) == pytest.approx(expected)
    assert delay(vendor, retries_taken, headers, rand=1.0) == pytest.approx(expected)


# Hints that are not usable (<= 0, > 60 s, in the past, or not a number/date): back off instead.
IGNORED_HINTS = [
    {"Retry-After": "0"},
    {"Retry-After": "-1"},
    {"Retry-After": "61"},
    {"Retry-After": "3600"},
    {"Retry-After": "inf"},
    {"Retry-After": "nan"},
    {"Retry-After": http_date(-30)},
    {"Retry-After": http_date(0)},
    {"Retry-After": http_date(120)},
    {"retry-after-ms": "0"},
    {"retry-after-ms": "-500"},
    {"retry-after-ms": "60001"},
    {"Retry-After": "soon"},
    {"Retry-After": ""},
    {"Retry-After": "1.5s"},
    {"Retry-After": "Wed, 99 Foo 20XX 99:99:99 GMT"},
    {"retry-after-ms": "later"},
    {"retry-after-ms": ""},
]


@pytest.mark.parametrize("headers", IGNORED_HINTS)
@pytest.mark.parametrize(("retries_taken", "rand", "expected"), [(0, 0.0, 0.5), (2, 1.0, 1.5), (6, 0.0, 8.0)])
def test_unusable_hint_falls_back_to_backoff(
    vendor: Vendor, headers: dict[str, str], retries_taken: int, rand: float, expected: float
) -> None:
    assert delay(vendor, retries_taken, headers, rand) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "2.5"}, 2.5),
        ({"Retry-After": http_date(7)}, 7.0),
        ({"retry-after-ms": "1500", "Retry-After": "9"}, 1.5),
        ({"Retry-After": http_date(-3)}, -3.0),  # raw: the bounds are applied by retry_delay
        ({}, None),
        ({"Retry-After": "garbage"}, None),
    ],
)
def test_parse_retry_after_against_frozen_now(vendor: Vendor, headers: dict[str, str], expected: float | None) -> None:
    parsed = retry_module(vendor).parse_retry_after(httpx2.Headers(headers), FIXED)
    if expected is None:
        assert parsed is None
    else:
        assert parsed == pytest.approx(expected)


RETRYABLE = [408, 409, 429, 500, 502, 503, 504, 520, 599]
NOT_RETRYABLE = [200, 201, 204, 301, 304, 400, 401, 403, 404, 405, 410, 418, 422, 425, 451, 499, 600]


@pytest.mark.parametrize("status", RETRYABLE)
def test_retryable_statuses(vendor: Vendor, status: int) -> None:
    assert retry_module(vendor).should_retry_status(status) is True


@pytest.mark.parametrize("status", NOT_RETRYABLE)
def test_non_retryable_statuses(vendor: Vendor, status: int) -> None:
    assert retry_module(vendor).should_retry_status(status) is False


def test_retryable_set_over_the_whole_range(vendor: Vendor) -> None:
    """Exactly 408, 409, 429 and 500..599 of every possible status are retried."""
    retried = {s for s in range(100, 1000) if retry_module(vendor).should_retry_status(s)}
    assert retried == {408, 409, 429} | set(range(500, 600))
