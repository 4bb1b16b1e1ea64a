"""Malformed bodies over a real socket: only the package's `APIError`s reach the caller.

A server answers status 200 (and, in the last tests, 4xx/5xx) with bodies a broken or hostile
upstream might send: wrong types and missing required fields at every place of the page
example, truncated JSON, 100 000 levels of nesting, bytes that aren't UTF-8, non-JSON number
literals, an HTML error page, an empty body, `null`, arrays and scalars, a 10 MB body. For each,
sync and async, the call must raise the package's error for it (never a bare KeyError,
TypeError, ValueError or RecursionError), carrying the status, headers and body, with a short
message; and a body the spec does allow must decode. The 10 MB cases run under tracemalloc and
a resident-memory high-water mark.

Each test runs with both JSON decoders a package can use: the standard library's, and orjson
(the `fast` extra); they differ exactly on such bodies (NaN, deep nesting, huge integers).
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import json
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import jsonschema
import orjson
import pytest

from support.jsoncompare import json_difference
from support.schemas import removed, replaced
from support.scripted import Reply, ScriptedServer
from support.strategies import success_json_schema
from support.vendors import Vendor

TEN_MB = 10 * 1024 * 1024
# An error message is for logs: it describes a bad value briefly, never repeats a whole body.
MESSAGE_LIMIT = 1_000
# Peak memory (tracemalloc, and resident) while one 10 MB answer is handled, relative to its size.
MEMORY_FACTOR = 10
DEEP = 100_000

BUILTIN_ERRORS = (KeyError, TypeError, ValueError, RecursionError, AttributeError, IndexError, UnicodeError)


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    chosen: str = request.param
    return chosen


@pytest.fixture(params=["stdlib", "orjson"])
def decoder(request: pytest.FixtureRequest, vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> str:
    """The package's JSON decoder for this test: `json.loads`, or `orjson.loads` (the `fast` extra)."""
    chosen: str = request.param
    module = importlib.import_module(f"{vendor.import_name}._json")
    monkeypatch.setattr(module, "_loads", module.stdlib_loads if chosen == "stdlib" else orjson.loads)
    return chosen


# --- calling ---------------------------------------------------------------------------------


def call_all(vendor: Vendor, url: str, mode: str, count: int) -> list[Any]:
    """`count` calls in a row through one client (no retries): each result or exception."""
    outcomes: list[Any] = []
    if mode == "sync":
        with vendor.client(url, max_retries=0) as client:
            for _ in range(count):
                try:
                    outcomes.append(vendor.endpoint.sync(**vendor.call_kwargs(), client=client))
                except Exception as exc:  # what escapes is what is under test
                    outcomes.append(exc)
        return outcomes

    async def run() -> None:
        client = vendor.client(url, max_retries=0)
        try:
            for _ in range(count):
                try:
                    outcomes.append(await vendor.endpoint.asyncio(**vendor.call_kwargs(), client=client))
                except Exception as exc:
                    outcomes.append(exc)
        finally:
            await client.aclose()

    asyncio.run(run())
    return outcomes


def serve(vendor: Vendor, mode: str, replies: list[Reply]) -> list[Any]:
    """Serve `replies` in order, one call each; the outcomes in the same order."""
    with ScriptedServer(replies) as server:
        outcomes = call_all(vendor, server.url, mode, len(replies))
        assert len(server.requests) == len(replies), "each call must make exactly one request"
    return outcomes


# --- what an error must carry ------------------------------------------------------------------


def _not_json(name: str) -> Any:
    raise ValueError(name)


def expected_body(content: bytes) -> Any:
    """What `.body` holds: None when empty, the JSON when it is JSON, else the text.
    (NaN and Infinity are not JSON: RFC 8259.)"""
    if not content:
        return None
    try:
        return json.loads(content, parse_constant=_not_json)
    except (ValueError, RecursionError):
        return content.decode("utf-8", errors="replace")


def same_body(a: Any, b: Any) -> bool:
    if isinstance(a, str) or isinstance(b, str) or a is None or b is None:
        return bool(a == b)
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)  # NaN-safe


def check_api_error(vendor: Vendor, result: Any, reply: Reply, expected: type, label: str) -> None:
    if not isinstance(result, Exception):
        raise AssertionError(f"{label}: decoded without error into {result!r:.300}")
    assert isinstance(result, vendor.errors.APIError), (
        f"{label}: {type(result).__module__}.{type(result).__name__} escaped: {str(result)[:300]}"
    )
    assert not isinstance(result, BUILTIN_ERRORS), f"{label}: {type(result).__mro__}"
    assert type(result) is expected, f"{label}: {type(result).__name__}, expected {expected.__name__}"
    outcome: Any = result
    content = reply.payload()
    assert outcome.status_code == reply.status, label
    assert outcome.content == content, f"{label}: .content is not the body received"
    assert outcome.headers["content-type"] == reply.headers.get("Content-Type", "application/json"), label
    assert same_body(outcome.body, expected_body(content)), f"{label}: .body {str(outcome.body)[:100]!r}"
    assert len(str(outcome)) <= MESSAGE_LIMIT, f"{label}: a {len(str(outcome))}-character message"
    if isinstance(outcome, vendor.errors.APIStatusError):
        assert outcome.parsed is None, f"{label}: a malformed body decoded as {outcome.parsed!r:.150}"


def validation_error(vendor: Vendor) -> type:
    error: type = vendor.errors.APIResponseValidationError
    return error


def status_error(vendor: Vendor, status: int) -> type:
    errors = vendor.errors
    by_status = {
        400: errors.BadRequestError,
        401: errors.AuthenticationError,
        403: errors.PermissionDeniedError,
        404: errors.NotFoundError,
        409: errors.ConflictError,
        422: errors.UnprocessableEntityError,
        429: errors.RateLimitError,
    }
    error: type = by_status.get(status) or (errors.InternalServerError if status >= 500 else errors.APIStatusError)
    return error


# --- bodies built from the page example -------------------------------------------------------


def example(vendor: Vendor) -> Any:
    return vendor.fixture("example-200.json")


def example_bytes(vendor: Vendor) -> bytes:
    return json.dumps(example(vendor)).encode()


def validator(vendor: Vendor) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        success_json_schema(vendor), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


Path = tuple[str | int, ...]


def nodes(value: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """Every value below the root with its path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key), item
            yield from nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index), item
            yield from nodes(item, (*path, index))


def wrong_values(value: Any) -> list[Any]:
    """Values of other JSON types than `value` (never null: optional fields accept null by design,
    and never another string: enums are open by design)."""
    if isinstance(value, bool):
        return [1, "true"]
    if isinstance(value, int | float):
        return ["1", False]
    if isinstance(value, str):
        return [12345, False]
    if isinstance(value, dict):
        return [["x"], "x"]
    if isinstance(value, list):
        return [{"x": 1}, "x"]
    return []


def field_name(path: Path) -> str:
    """The JSON key an error should name: the last key on the path (`key[]` for an item)."""
    return next(str(key) for key in reversed(path) if isinstance(key, str))


def mutations(vendor: Vendor) -> list[tuple[str, Path, Any]]:
    """(label, path, body): each place of the example given a wrong type, each key removed."""
    base = example(vendor)
    found: list[tuple[str, Path, Any]] = []
    for path, value in nodes(base):
        for wrong in wrong_values(value):
            found.append((f"{_dotted(path)} = {wrong!r}", path, replaced(base, path, wrong)))
        if isinstance(path[-1], str):
            found.append((f"without {_dotted(path)}", path, removed(base, path)))
    return found


def _dotted(path: Path) -> str:
    return "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path).lstrip(".")


# --- wrong types and missing required fields --------------------------------------------------


def test_wrong_types_and_missing_fields(vendor: Vendor, mode: str, decoder: str) -> None:
    """Every place of the example with a wrong type, and without each key: a body the spec
    rejects raises APIResponseValidationError; one it still allows (free-form places,
    optional keys) decodes and re-encodes unchanged."""
    check = validator(vendor)
    cases = mutations(vendor)
    replies = [Reply(200, body=json.dumps(body).encode()) for _, _, body in cases]
    outcomes = serve(vendor, mode, replies)
    rejected = 0
    failures: list[str] = []
    for (label, _, body), reply, outcome in zip(cases, replies, outcomes, strict=True):
        try:
            if check.is_valid(body):
                assert not isinstance(outcome, Exception), f"{label}: a spec-valid body raised {outcome!r:.300}"
                assert json_difference(outcome.to_dict(), body) is None, f"{label}: re-encodes differently"
            else:
                rejected += 1
                check_api_error(vendor, outcome, reply, validation_error(vendor), label)
        except AssertionError as failure:
            failures.append(str(failure).split("\n")[0])
    assert not failures, f"{len(failures)} of {len(cases)} mutations:\n" + "\n".join(failures)
    assert rejected >= 10, f"only {rejected} of {len(cases)} mutations are invalid; the example is too small"


def test_validation_errors_name_the_field(vendor: Vendor) -> None:
    """README: a body that doesn't fit the schema raises APIResponseValidationError "with the
    field named". Each spec-invalid mutation's message names the JSON key it broke."""
    check = validator(vendor)
    cases = [(label, path, body) for label, path, body in mutations(vendor) if not check.is_valid(body)]
    outcomes = serve(vendor, "sync", [Reply(200, body=json.dumps(body).encode()) for _, _, body in cases])
    unnamed = [
        f"{label}: {outcome}"
        for (label, path, _), outcome in zip(cases, outcomes, strict=True)
        if isinstance(outcome, vendor.errors.APIResponseValidationError) and field_name(path) not in str(outcome)
    ]
    assert not unnamed, f"{len(unnamed)} of {len(cases)} messages do not name the field, e.g.:\n" + "\n".join(
        unnamed[:8]
    )


# --- bodies that are not (acceptable) JSON ------------------------------------------------------


def _truncated(fraction: float) -> Callable[[Vendor], bytes]:
    def build(vendor: Vendor) -> bytes:
        whole = example_bytes(vendor)
        return whole[: max(1, int(len(whole) * fraction))]

    return build


def _extra_number(literal: str) -> Callable[[Vendor], bytes]:
    """The example with an unknown key holding `literal` (NaN, Infinity: not JSON numbers).

    An unknown key, so that no field's type check can reject the value: only the decoder can."""

    def build(vendor: Vendor) -> bytes:
        marker = "exec-sdks-number-slot"
        body = replaced(example(vendor), (*vendor.status_path[:-1], "extra_number"), marker)
        return json.dumps(body).encode().replace(json.dumps(marker).encode(), literal.encode())

    return build


def _with_invalid_utf8(vendor: Vendor) -> bytes:
    """The example with a Latin-1 byte (not UTF-8) inside a string: the status value's."""
    whole = example_bytes(vendor)
    status = json.dumps(_dig(example(vendor), vendor.status_path)).encode()
    return whole.replace(status, status[:-1] + b"\xe9" + b'"', 1)


def _dig(value: Any, path: list[str]) -> Any:
    for key in path:
        value = value[key]
    return value


MALFORMED_200: dict[str, Callable[[Vendor], bytes]] = {
    "truncated after 1 byte": _truncated(0.0),
    "truncated at a third": _truncated(1 / 3),
    "truncated at half": _truncated(0.5),
    "truncated before the last byte": lambda v: example_bytes(v)[:-1],
    "trailing garbage": lambda v: example_bytes(v) + b" <!-- -->",
    "100 000 nested arrays": lambda v: b"[" * DEEP + b"]" * DEEP,
    "100 000 nested objects": lambda v: b'{"a":' * DEEP + b"1" + b"}" * DEEP,
    "100 000 nested arrays in a field": lambda v: (
        example_bytes(v)[:-1] + b', "deep": ' + b"[" * DEEP + b"]" * DEEP + b"}"
    ),
    "5 000 nested arrays": lambda v: b"[" * 5_000 + b"]" * 5_000,
    # Around the decoders' own limits: orjson stops at 1 024, the stdlib at the recursion limit.
    "1 000 nested arrays": lambda v: b"[" * 1_000 + b"]" * 1_000,
    "1 025 nested arrays": lambda v: b"[" * 1_025 + b"]" * 1_025,
    "not UTF-8 (a Latin-1 byte in a string)": _with_invalid_utf8,
    "not UTF-8 (binary)": lambda v: bytes(range(128, 256)) * 4,
    "NaN": _extra_number("NaN"),
    "Infinity": _extra_number("Infinity"),
    "-Infinity": _extra_number("-Infinity"),
    # Refused by both decoders: orjson takes 64-bit integers, CPython at most 4 300 digits.
    "a 5 000-digit integer": lambda v: b'{"n": ' + b"9" * 5_000 + b"}",
    "empty": lambda v: b"",
    "whitespace": lambda v: b" \r\n\t ",
    "null": lambda v: b"null",
    "true": lambda v: b"true",
    "0": lambda v: b"0",
    "a string": lambda v: b'"ok"',
    "an empty array": lambda v: b"[]",
    "the example inside an array": lambda v: b"[" + example_bytes(v) + b"]",
}

HTML = b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"


def check_all(vendor: Vendor, mode: str, cases: list[tuple[str, Reply, type]]) -> None:
    """Serve every case through one server and client; report every case that fails at once."""
    outcomes = serve(vendor, mode, [reply for _, reply, _ in cases])
    failures: list[str] = []
    for (label, reply, expected), outcome in zip(cases, outcomes, strict=True):
        try:
            check_api_error(vendor, outcome, reply, expected, label)
        except AssertionError as failure:
            failures.append(str(failure).split("\n")[0])
    assert not failures, f"{len(failures)} of {len(cases)} bodies:\n" + "\n".join(failures)


def test_malformed_200_bodies(vendor: Vendor, mode: str, decoder: str) -> None:
    """Each body of MALFORMED_200 with status 200: APIResponseValidationError, nothing else."""
    check_all(
        vendor,
        mode,
        [(case, Reply(200, body=build(vendor)), validation_error(vendor)) for case, build in MALFORMED_200.items()],
    )


def test_html_error_page_with_status_200(vendor: Vendor, mode: str, decoder: str) -> None:
    reply = Reply(200, body=HTML, headers={"Content-Type": "text/html; charset=utf-8"})
    (outcome,) = serve(vendor, mode, [reply])
    check_api_error(vendor, outcome, reply, validation_error(vendor), "HTML page")
    assert outcome.body == HTML.decode()


def test_byte_order_mark_is_ignored_or_rejected(vendor: Vendor, mode: str, decoder: str) -> None:
    """RFC 8259 section 8.1: a parser MAY ignore a UTF-8 byte order mark or treat it as an error.
    Either is fine; anything else (another exception, a different reading) is not."""
    reply = Reply(200, body=b"\xef\xbb\xbf" + example_bytes(vendor))
    (outcome,) = serve(vendor, mode, [reply])
    if isinstance(outcome, Exception):
        check_api_error(vendor, outcome, reply, validation_error(vendor), "byte order mark")
    else:
        assert json_difference(outcome.to_dict(), example(vendor)) is None


def test_an_empty_object_fails_only_for_required_fields(vendor: Vendor, mode: str, decoder: str) -> None:
    """`{}` is an error exactly when the 200 schema requires a field."""
    reply = Reply(200, body=b"{}")
    (outcome,) = serve(vendor, mode, [reply])
    if validator(vendor).is_valid({}):
        assert not isinstance(outcome, Exception), repr(outcome)
        assert outcome.to_dict() == {}
    else:
        check_api_error(vendor, outcome, reply, validation_error(vendor), "{}")
        assert "required field is missing" in str(outcome)


# --- the same bodies with error statuses ------------------------------------------------------

ERROR_BODIES: dict[str, Callable[[Vendor], bytes]] = {
    "HTML": lambda v: HTML,
    "truncated JSON": lambda v: json.dumps(v.fixture(v.fixture_names("error-")[0])).encode()[:-2],
    "100 000 nested arrays": MALFORMED_200["100 000 nested arrays"],
    "not UTF-8": MALFORMED_200["not UTF-8 (binary)"],
    "NaN": lambda v: b'{"message": NaN}',
    "empty": MALFORMED_200["empty"],
    "null": MALFORMED_200["null"],
    "an array": lambda v: b'[{"message": "no"}]',
    "a 5 000-digit integer": MALFORMED_200["a 5 000-digit integer"],
}


ERROR_STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 503, 520, 599]


def test_malformed_error_bodies(vendor: Vendor, mode: str, decoder: str) -> None:
    """Each body of ERROR_BODIES with each error status: the status's APIStatusError subclass,
    carrying the raw body, and no documented error model parsed from it (`parsed` is for a
    body that is JSON and fits the model)."""
    check_all(
        vendor,
        mode,
        [
            (f"{status} {case}", Reply(status, body=build(vendor)), status_error(vendor, status))
            for status in ERROR_STATUSES
            for case, build in ERROR_BODIES.items()
        ],
    )


# --- 10 MB ---------------------------------------------------------------------------------


def _big_string_field(vendor: Vendor) -> bytes:
    """The example plus an unknown key holding a 10 MB string: valid, decodes."""
    body = example(vendor)
    node = body
    for key in vendor.status_path[:-1]:
        node = node[key]
    node["padding"] = "x" * TEN_MB
    return json.dumps(body).encode()


def _big_value_at_status(vendor: Vendor) -> bytes:
    """The status (an enum) holding an array with a 10 MB string: invalid."""
    return json.dumps(replaced(example(vendor), tuple(vendor.status_path), ["x" * TEN_MB])).encode()


BIG: dict[str, tuple[int, Callable[[Vendor], bytes], str]] = {
    "10 MB of text": (200, lambda v: b"A" * TEN_MB, "text/plain"),
    "10 MB value at the status": (200, _big_value_at_status, "application/json"),
    "10 MB string in an unknown key": (200, _big_string_field, "application/json"),
    "10 MB HTML with 500": (500, lambda v: HTML * (TEN_MB // len(HTML)), "text/html"),
}


def _resident_kb() -> dict[str, int]:
    found: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0])
    return found


def _reset_resident_peak() -> None:
    """Linux: writing 5 to clear_refs resets the high-water mark (VmHWM) to the current RSS."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
        clear_refs.write("5")


@pytest.mark.parametrize("case", list(BIG))
def test_ten_megabyte_bodies(vendor: Vendor, mode: str, decoder: str, case: str) -> None:
    """A 10 MB answer is received and decoded or rejected within a bounded amount of memory,
    and nothing of it stays allocated once the caller drops the result.

    Two measures: tracemalloc's peak of Python allocations, and the process's resident
    high-water mark. orjson reserves its parse buffer up front (tracemalloc sees ~12x the
    input) but touches only what it needs, so with orjson the bound is on resident memory."""
    status, build, content_type = BIG[case]
    reply = Reply(status, body=build(vendor), headers={"Content-Type": content_type})
    size = len(reply.payload())
    assert size >= TEN_MB * 0.95
    with ScriptedServer([reply]) as server:
        gc.collect()
        _reset_resident_peak()
        resident_before = _resident_kb()["VmRSS"]
        tracemalloc.start()
        try:
            (outcome,) = call_all(vendor, server.url, mode, 1)
            _, peak = tracemalloc.get_traced_memory()
            resident_peak = (_resident_kb()["VmHWM"] - resident_before) * 1024
            if status < 300 and "unknown key" in case:
                assert not isinstance(outcome, Exception), f"{case}: {outcome!r:.300}"
                assert _dig(outcome.to_dict(), [*vendor.status_path[:-1], "padding"]) == "x" * TEN_MB
            else:
                expected = validation_error(vendor) if status < 300 else status_error(vendor, status)
                check_api_error(vendor, outcome, reply, expected, case)
            del outcome
            gc.collect()
            retained, _ = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert resident_peak <= MEMORY_FACTOR * size, f"{case}: resident memory grew {resident_peak / size:.1f}x the body"
    if decoder == "stdlib":
        assert peak <= MEMORY_FACTOR * size, f"{case}: tracemalloc peak {peak / size:.1f}x the body ({size} bytes)"
    assert retained <= size // 2, f"{case}: {retained / size:.1f}x the body still allocated after the call"
