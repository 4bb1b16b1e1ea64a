"""The exceptions this package raises. Every one derives from `APIError`.

APIError
├── APIStatusError              a non-2xx answer (status, headers, body, parsed error model)
│   ├── BadRequestError         400
│   ├── AuthenticationError     401
│   ├── PermissionDeniedError   403
│   ├── NotFoundError           404
│   ├── ConflictError           409
│   ├── UnprocessableEntityError 422
│   ├── RateLimitError          429
│   └── InternalServerError     >= 500
├── APIConnectionError          the request did not get an answer
│   └── APITimeoutError
├── APIResponseValidationError  a 2xx body that is not JSON or does not fit the schema
├── MissingCredentialError      the operation needs a credential the client was not given
├── InvalidParameterError       an argument of the wait helper that does not convert (also a ValueError)
├── MissingConfigurationError   the client was built without a credential or base URL (also a ValueError)
├── WaitTimeoutError            the wait's deadline passed first
└── PaginationError             a listing's server repeated a cursor or a page (it would loop forever)
"""

from __future__ import annotations

import json
from typing import Any

import httpx2

from ._json import stdlib_loads

# The documented error models per status and the polled execution model: aliases generated from
# the spec for the type checker (`Any` at runtime), so this module is the same in every package.
from ._typing import (
    APIStatusErrorParsed,
    AuthenticationErrorParsed,
    BadRequestErrorParsed,
    ConflictErrorParsed,
    InternalServerErrorParsed,
    NotFoundErrorParsed,
    PermissionDeniedErrorParsed,
    PolledExecution,
    RateLimitErrorParsed,
    UnprocessableEntityErrorParsed,
)

_BODY_PREVIEW_CHARS = 200
_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid")
_REQUEST_ID_FIELDS = ("requestId", "request_id")


def _body_of(content: bytes) -> Any:
    """The body as JSON data when it is JSON, else as text (lossless in `content`)."""
    if not content:
        return None
    try:
        return stdlib_loads(content)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the decoder recurses
        return content.decode("utf-8", errors="replace")


def _preview(body: Any) -> str:
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    return text if len(text) <= _BODY_PREVIEW_CHARS else text[: _BODY_PREVIEW_CHARS - 3] + "..."


class APIError(Exception):
    """Base of every error this package raises."""

    message: str
    request: httpx2.Request | None

    def __init__(self, message: str, *, request: httpx2.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIStatusError(APIError):
    """The server answered with a non-2xx status.

    Attributes:
        status_code: The HTTP status (any int, 520 and 599 included).
        headers: The response headers.
        content: The raw body bytes.
        body: The body decoded as JSON, or as text when it isn't JSON (None when empty).
        parsed: The vendor's documented error model for this status, when the body fits it (None
            otherwise). Typed per subclass from the spec: `NotFoundError.parsed` is the union
            of the models the operations document for 404 (exact, else `4XX`, else `default`).
        request_id: The vendor's request id (header or body), when it sends one.
        response: The `httpx2.Response`.
    """

    parsed: APIStatusErrorParsed

    def __init__(self, message: str, *, response: httpx2.Response, parsed: Any = None) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code: int = response.status_code
        self.headers: httpx2.Headers = response.headers
        self.content: bytes = response.content
        self.body: Any = _body_of(response.content)
        self.parsed = parsed
        self.request_id: str | None = request_id_of(response.headers, self.body)


class BadRequestError(APIStatusError):
    """400 Bad Request."""

    parsed: BadRequestErrorParsed


class AuthenticationError(APIStatusError):
    """401 Unauthorized: the credential is missing or wrong."""

    parsed: AuthenticationErrorParsed


class PermissionDeniedError(APIStatusError):
    """403 Forbidden: the credential lacks a permission."""

    parsed: PermissionDeniedErrorParsed


class NotFoundError(APIStatusError):
    """404 Not Found."""

    parsed: NotFoundErrorParsed


class ConflictError(APIStatusError):
    """409 Conflict."""

    parsed: ConflictErrorParsed


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity: the server rejected a parameter."""

    parsed: UnprocessableEntityErrorParsed


class RateLimitError(APIStatusError):
    """429 Too Many Requests."""

    parsed: RateLimitErrorParsed


class InternalServerError(APIStatusError):
    """Any status from 500 up."""

    parsed: InternalServerErrorParsed


class APIConnectionError(APIError):
    """The request got no answer: connection refused or reset, DNS, TLS, protocol error."""

    def __init__(self, message: str = "Connection error.", *, request: httpx2.Request | None = None) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx2.Request | None = None) -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(APIError):
    """A 2xx answer whose body is not JSON or does not fit the spec's schema.

    Attributes:
        status_code, headers, content, body, response: as on `APIStatusError`.
    """

    def __init__(self, response: httpx2.Response, reason: str) -> None:
        super().__init__(
            f"Invalid response body (status {response.status_code}): {reason}",
            request=response.request,
        )
        self.response = response
        self.status_code: int = response.status_code
        self.headers: httpx2.Headers = response.headers
        self.content: bytes = response.content
        self.body: Any = _body_of(response.content)


class MissingCredentialError(APIError):
    """The operation needs a credential the client was not given; raised before sending.

    The message names the client's constructor parameter(s) to pass, never a secret, e.g.
    "POST /runs needs a credential: pass api_key= (or token= and session=) to the client".

    Attributes:
        method, url: The operation that was not sent (the URL without its query).
        missing: The constructor parameters to pass, per alternative: any one alternative suffices.
    """

    def __init__(self, method: str, url: str, missing: tuple[tuple[str, ...], ...]) -> None:
        options = [" and ".join(f"{name}=" for name in option) for option in missing]
        wanted = options[0] + "".join(f" (or {option})" for option in options[1:]) if options else "a credential"
        super().__init__(f"{method} {url} needs a credential: pass {wanted} to the client")
        self.method = method
        self.url = url
        self.missing = missing


class InvalidParameterError(APIError, ValueError):
    """An argument that does not convert to the type the API takes; raised before any request.

    The wait helpers take path and query arguments as strings too (`"42"` for an integer id,
    a UUID's text) and convert them first. Also a `ValueError`, so `except ValueError` keeps
    catching what `int()` and `UUID()` used to raise.

    Attributes:
        parameter: The argument's name, as the function takes it.
        value: The value given.
        expected: What the argument takes, e.g. "a UUID".
    """

    def __init__(self, parameter: str, value: object, expected: str) -> None:
        shown = repr(value)
        if len(shown) > _BODY_PREVIEW_CHARS // 4:
            shown = shown[: _BODY_PREVIEW_CHARS // 4 - 3] + "..."
        super().__init__(f"{parameter} must be {expected}, got {shown}")
        self.parameter = parameter
        self.value = value
        self.expected = expected


class WaitTimeoutError(APIError):
    """The wait's deadline passed before the execution reached a terminal status.

    Attributes:
        last_execution: The execution as last fetched (None when no poll answered in time).
        last_status: Its status then (None when the response carried none).
        elapsed: Seconds waited.
        polls: How many times the execution was fetched.
    """

    last_execution: PolledExecution | None

    def __init__(self, last_execution: Any, last_status: str | None, elapsed: float, polls: int) -> None:
        super().__init__(f"Execution still {last_status or 'without a status'} after {elapsed:.1f}s ({polls} polls)")
        self.last_execution = last_execution
        self.last_status = last_status
        self.elapsed = elapsed
        self.polls = polls


class MissingConfigurationError(APIError, ValueError):
    """The client was built without a setting it needs (a credential or the base URL), neither
    as an argument nor in its environment variable; raised by the constructor.

    A `ValueError` too, so code that caught the old constructor's ValueError still does.

    Attributes:
        argument: The constructor argument to pass, e.g. "api_key".
        variable: The environment variable that can supply it instead, e.g. "KAPSO_API_KEY".
    """

    def __init__(self, argument: str, variable: str) -> None:
        super().__init__(
            f"{argument} is required: pass {argument}=... to the client "
            f"or set the {variable} environment variable (it is unset or empty)"
        )
        self.argument = argument
        self.variable = variable


class PaginationError(APIError):
    """A listing stopped because its server would make it loop forever: it gave a cursor it had
    already given, or answered the same (non-empty) page twice in a row (an ignored offset or
    page number). Raised by `iterate` / `pages` in place of the request that would repeat; the
    items of the pages before were already yielded.

    Attributes:
        operation: The paged operation, as its module is named (e.g. "list_executions").
        reason: Why the listing stopped.
        pages: How many pages were fetched.
    """

    def __init__(self, operation: str, reason: str, pages: int) -> None:
        super().__init__(f"{operation}: {reason} after {pages} page(s); stopped rather than loop forever")
        self.operation = operation
        self.reason = reason
        self.pages = pages


# openapi-python-client's name for a status error; kept so existing code still imports.
UnexpectedStatus = APIStatusError

_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def request_id_of(headers: httpx2.Headers, body: Any = None) -> str | None:
    """The vendor's request id: the first of the usual headers, else a top-level body field."""
    for name in _REQUEST_ID_HEADERS:
        header: str | None = headers.get(name)
        if header:
            return header
    if isinstance(body, dict):
        for field in _REQUEST_ID_FIELDS:
            value = body.get(field)
            if isinstance(value, str) and value:
                return value
    return None


def status_error(response: httpx2.Response, parsed: Any = None) -> APIStatusError:
    """The `APIStatusError` subclass for `response`'s status, ready to raise."""
    status = response.status_code
    cls = _STATUS_ERRORS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    reason = response.reason_phrase or "Unknown status"
    message = f"{status} {reason}"
    body = _body_of(response.content)
    if body is not None:
        message += f": {_preview(body)}"
    return cls(message, response=response, parsed=parsed)


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "InvalidParameterError",
    "MissingConfigurationError",
    "MissingCredentialError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "status_error",
]
