"""How answers turn into results and exceptions: every final status, documented error bodies,
and 2xx bodies that are not what the spec promised. Real socket (ScriptedServer), sync and async.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest

from support import calls
from support.calls import example, get
from support.schemas import at, fields, replaced, validator_for
from support.scripted import Reply, ScriptedServer, Step
from support.vendors import Vendor, normalise

Server = ScriptedServer


def open_client(vendor: Vendor, url: str, **kwargs: Any) -> Any:
    """A client with no retries: every answer here is final."""
    return calls.open_client(vendor, url, **{"max_retries": 0, **kwargs})


# --- expectations, written from the error hierarchy the SDK documents ---------------------------

NAMED_ERRORS = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}

# 1xx answers are skipped: HTTP/1.1 treats them as interim (the client keeps reading for the
# final answer), so a server cannot end an exchange with one. Every other status a server can
# send as the final answer is swept, from 200 to 599 (520 and 599 included).
FINAL_STATUSES = list(range(200, 600))

# 204 and 304 (and 205) must not carry a body, so they are sent with an empty one.
NO_BODY = {204, 205, 304}

# Concrete statuses for the spec's range keys.
RANGE_EXAMPLES = {"4XX": 418, "5XX": 503, "default": 418}


def expected_error_class(vendor: Vendor, status: int) -> Any:
    if status in NAMED_ERRORS:
        return getattr(vendor.errors, NAMED_ERRORS[status])
    if status >= 500:
        return vendor.errors.InternalServerError
    return vendor.errors.APIStatusError


def documented_error(vendor: Vendor, status: int) -> tuple[str, Any] | None:
    """(fixture file name, model class) of the spec's response for `status` (exact, then range), if any."""
    key = vendor.documented_response(status)
    schema = None if key is None else vendor.response_schema(key)
    if schema is None:
        return None
    assert "$ref" in schema, f"{vendor.name}: the {key} response's schema is not a named component"
    return f"error-{key}.json", vendor.model_class(schema["$ref"])


def decoded(content: bytes) -> Any:
    """What `body` should hold: JSON data, else the text, else None for no body."""
    if not content:
        return None
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return content.decode("utf-8", errors="replace")


def status_reply(vendor: Vendor, status: int) -> tuple[Reply, Any]:
    """The answer sent for `status`, and the documented model its body must parse into (or None)."""
    headers = {"x-request-id": f"req-{status}", "x-custom": "kept"}
    if status in NO_BODY:
        return Reply(status, b"", headers), None
    if 200 <= status < 300:
        return Reply(status, example(vendor), headers), None
    documented = documented_error(vendor, status)
    if documented is None:
        return Reply(status, {"message": f"status {status}", "code": status}, headers), None
    name, model = documented
    return Reply(status, vendor.fixture(name), headers), model


def check_status_error(vendor: Vendor, exc: Any, status: int, reply: Reply, model: Any) -> None:
    assert type(exc) is expected_error_class(vendor, status), (status, type(exc))
    assert isinstance(exc, vendor.errors.APIStatusError)
    assert isinstance(exc, vendor.errors.UnexpectedStatus)
    assert isinstance(exc, vendor.errors.APIError)
    assert exc.status_code == status
    assert exc.headers["x-request-id"] == f"req-{status}"
    assert exc.headers["x-custom"] == "kept"
    assert exc.content == reply.payload()
    assert exc.body == decoded(reply.payload())
    assert exc.request_id == f"req-{status}"
    assert str(status) in str(exc)
    if model is None:
        assert exc.parsed is None, status
    else:
        assert isinstance(exc.parsed, model), (status, exc.parsed)
        assert normalise(exc.parsed.to_dict()) == normalise(reply.body)


def check_detailed(vendor: Vendor, response: Any, status: int, reply: Reply, model: Any) -> None:
    assert type(response.status_code) is int
    assert response.status_code == status
    assert response.content == reply.payload()
    assert response.headers["x-request-id"] == f"req-{status}"
    if 200 <= status < 300:
        assert normalise(response.parsed.to_dict()) == normalise(reply.body)
    elif model is None:
        assert response.parsed is None, status
    else:
        assert isinstance(response.parsed, model), (status, response.parsed)
        assert normalise(response.parsed.to_dict()) == normalise(reply.body)


# --- every final status -------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_every_final_status_maps_to_its_result_or_error(vendor: Vendor, mode: str) -> None:
    planned = [(status, *status_reply(vendor, status)) for status in FINAL_STATUSES]
    # Each status is answered twice: once for the plain call, once for the `_detailed` one.
    script: list[Step] = [reply for _, reply, _ in planned for reply in (reply, reply)]
    with Server(script) as server:
        async with open_client(vendor, server.url) as client:
            for status, reply, model in planned:
                if 200 <= status < 300:
                    try:
                        result = await get(vendor, mode, client)
                    except vendor.errors.APIResponseValidationError as exc:
                        # Only a 2xx without a body may fail to give the model.
                        assert status in NO_BODY, status
                        assert exc.status_code == status
                    else:
                        assert normalise(result.to_dict()) == normalise(reply.body), status
                    try:
                        response = await get(vendor, mode, client, detailed=True)
                    except vendor.errors.APIResponseValidationError as exc:
                        assert status in NO_BODY, status
                        assert exc.status_code == status
                    else:
                        check_detailed(vendor, response, status, reply, model)
                    continue
                with pytest.raises(vendor.errors.APIStatusError) as caught:
                    await get(vendor, mode, client)
                check_status_error(vendor, caught.value, status, reply, model)
                # `_detailed` never raises for a status: it returns it.
                check_detailed(vendor, await get(vendor, mode, client, detailed=True), status, reply, model)
    assert len(server.requests) == 2 * len(FINAL_STATUSES)


@pytest.mark.asyncio
async def test_documented_error_fixtures_parse_into_their_models(vendor: Vendor, mode: str) -> None:
    names = vendor.fixture_names("error-")
    documented = {key for key in vendor.responses if not key.startswith("2")}
    # A fixture (or spec example) per documented error response, never one for an undocumented status.
    assert names
    assert {name.removeprefix("error-").removesuffix(".json") for name in names} <= documented

    for name in names:
        key = name.removeprefix("error-").removesuffix(".json")
        status = RANGE_EXAMPLES.get(key) or int(key)
        body = vendor.fixture(name)
        lookup = documented_error(vendor, status)
        assert lookup is not None and lookup[0] == name
        model = lookup[1]
        with Server([Reply(status, body)]) as server:
            async with open_client(vendor, server.url) as client:
                with pytest.raises(vendor.errors.APIStatusError) as caught:
                    await get(vendor, mode, client)
                response = await get(vendor, mode, client, detailed=True)
        exc = caught.value
        assert type(exc) is expected_error_class(vendor, status)
        assert exc.status_code == status
        assert exc.body == body
        assert exc.content == json.dumps(body).encode()
        assert isinstance(exc.parsed, model), (name, exc.parsed)
        assert normalise(exc.parsed.to_dict()) == normalise(body)
        # No request-id header here: the id comes from the body (B3OS's `requestId`) or is None.
        body_id = body.get("requestId") if isinstance(body, dict) else None
        assert exc.request_id == body_id
        assert response.status_code == status
        assert isinstance(response.parsed, model)
        assert normalise(response.parsed.to_dict()) == normalise(body)


@pytest.mark.asyncio
async def test_request_id_from_body_request_id(vendor: Vendor, mode: str) -> None:
    body = {"code": 404, "message": "execution not found", "requestId": "req-from-body"}
    with Server([Reply(404, body), Reply(500, body, headers={"X-Request-Id": "req-from-header"})]) as server:
        async with open_client(vendor, server.url) as client:
            with pytest.raises(vendor.errors.NotFoundError) as from_body:
                await get(vendor, mode, client)
            with pytest.raises(vendor.errors.InternalServerError) as from_header:
                await get(vendor, mode, client)
    assert from_body.value.request_id == "req-from-body"
    assert from_header.value.request_id == "req-from-header"


# Error bodies the documented model cannot take stay raw on the error.
ODD_ERROR_BODIES = [
    pytest.param(b"<html><body><h1>502 Bad Gateway</h1></body></html>", id="html"),
    pytest.param(b"upstream connect error", id="text"),
    pytest.param(b"[1, 2, 3]", id="json-array"),
    pytest.param(b'{"message": "\xff\xfe bad bytes"}', id="non-utf8"),
    pytest.param(b"[" * 100_000, id="deeply-nested"),
    pytest.param(b"", id="empty"),
]


@pytest.mark.asyncio
@pytest.mark.parametrize("payload", ODD_ERROR_BODIES)
async def test_error_status_with_odd_body_keeps_it_raw(vendor: Vendor, mode: str, payload: bytes) -> None:
    statuses = [401, 404, 500, 502]
    replies = {s: Reply(s, payload, {"Content-Type": "text/html", "x-request-id": f"req-{s}"}) for s in statuses}
    with Server([reply for s in statuses for reply in (replies[s], replies[s])]) as server:
        async with open_client(vendor, server.url) as client:
            for status in statuses:
                with pytest.raises(vendor.errors.APIStatusError) as caught:
                    await get(vendor, mode, client)
                response = await get(vendor, mode, client, detailed=True)
                exc = caught.value
                assert type(exc) is expected_error_class(vendor, status)
                assert exc.status_code == status
                assert exc.content == payload
                assert exc.body == decoded(payload)
                assert exc.request_id == f"req-{status}"
                assert exc.parsed is None
                assert response.status_code == status
                assert response.content == payload
                assert response.parsed is None


# --- 2xx bodies that do not fit ------------------------------------------------------------------


def member_as_list(vendor: Vendor, data: Any) -> Any:
    """A copy of `data` with one declared member replaced by a list its schema does not allow:
    the first object-valued one, else the first of any other type (a flat body has no nested object)."""
    validator = validator_for(vendor.spec, vendor.success_schema)
    paths = [path for path, _, _ in fields(vendor.spec, vendor.success_schema, data)]
    paths.sort(key=lambda path: not isinstance(at(data, path), dict))
    for path in paths:
        candidate = replaced(data, path, [1, 2])
        if not validator.is_valid(candidate):
            return candidate
    raise AssertionError(f"{vendor.name}: the example has no member whose schema refuses a list")


def invalid_success_body(vendor: Vendor, label: str) -> tuple[bytes, str]:
    """(body bytes, content type) of a 200 answer that must not give the model."""
    body = example(vendor)
    json_bodies: dict[str, bytes] = {
        "invalid-json": b'{"data": {"status": ',
        "empty": b"",
        "json-null": b"null",
        "json-array": b"[1, 2, 3]",
        "json-string": b'"ok"',
        "wrong-typed-status": json.dumps(replaced(body, vendor.status_path, 12345)).encode(),
        "member-as-list": json.dumps(member_as_list(vendor, body)).encode(),
        "non-utf8": b'{"data": "\xff\xfe\xfd"}',
        "non-utf8-key-in-example": json.dumps(body).encode().replace(b"{", b'{"\xc3\x28": 1, ', 1),
        "deeply-nested": b"[" * 100_000,
    }
    if label == "html":
        return b"<!DOCTYPE html><html><head><title>Login</title></head><body>Sign in</body></html>", "text/html"
    return json_bodies[label], "application/json"


INVALID_SUCCESS_LABELS = [
    "invalid-json",
    "html",
    "empty",
    "json-null",
    "json-array",
    "json-string",
    "wrong-typed-status",
    "member-as-list",
    "non-utf8",
    "non-utf8-key-in-example",
    "deeply-nested",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("label", INVALID_SUCCESS_LABELS)
async def test_2xx_body_that_does_not_fit_raises_response_validation_error(
    vendor: Vendor, mode: str, label: str
) -> None:
    payload, content_type = invalid_success_body(vendor, label)
    with Server([Reply(200, payload, {"Content-Type": content_type, "x-custom": "kept"})]) as server:
        async with open_client(vendor, server.url) as client:
            for detailed in (False, True):
                try:
                    await get(vendor, mode, client, detailed=detailed)
                except vendor.errors.APIResponseValidationError as exc:
                    assert isinstance(exc, vendor.errors.APIError)
                    assert exc.status_code == 200
                    assert exc.headers["x-custom"] == "kept"
                    assert exc.headers["content-type"] == content_type
                    assert exc.content == payload
                    assert exc.body == decoded(payload)
                    assert "200" in str(exc)
                except Exception as exc:
                    pytest.fail(f"detailed={detailed}: raised {type(exc).__name__}: {exc!r:.200}")
                else:
                    pytest.fail(f"detailed={detailed}: gave a result instead of raising")
    assert len(server.requests) == 2


# --- the openapi-python-client name -------------------------------------------------------------


@pytest.mark.asyncio
async def test_unexpected_status_is_importable_and_catches_status_errors(vendor: Vendor, mode: str) -> None:
    unexpected = importlib.import_module(f"{vendor.import_name}.errors").UnexpectedStatus
    assert issubclass(vendor.errors.NotFoundError, unexpected)
    assert issubclass(vendor.errors.InternalServerError, unexpected)
    with Server([Reply(404, {"message": "nope"}), Reply(599, {"message": "odd"}), Reply(418, b"teapot")]) as server:
        async with open_client(vendor, server.url) as client:
            for status in (404, 599, 418):
                with pytest.raises(unexpected) as caught:
                    await get(vendor, mode, client)
                assert caught.value.status_code == status
