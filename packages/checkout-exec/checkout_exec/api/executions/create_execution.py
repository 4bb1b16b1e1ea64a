import time as _time
from collections.abc import Mapping
from typing import Any

import httpx2

from ... import errors
from ..._base_client import NOT_GIVEN, NotGiven, TimeoutArg
from ..._json import decode_json, decode_model
from ..._validate import invalid
from ...client import AuthenticatedClient
from ...models.create_execution_params import CreateExecutionParams
from ...models.create_execution_response import CreateExecutionResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import APIResponse, Response

# Which credentials this operation accepts: alternatives, each a set of security schemes sent together.
_SECURITY: tuple[tuple[str, ...], ...] = (("bearerAuth",),)


def _body_from_mapping(data: Mapping[str, Any]) -> CreateExecutionParams:
    """A body given as a dict, decoded into the model first: a wrong field fails here, before any request."""
    try:
        return CreateExecutionParams.from_dict(data)
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise errors.InvalidParameterError(
            "body", data, f"a CreateExecutionParams or a dict of its fields ({exc})"
        ) from exc


def _get_kwargs(
    *,
    body: CreateExecutionParams | Mapping[str, Any],
) -> dict[str, Any]:
    if isinstance(body, Mapping):
        body = _body_from_mapping(body)

    _kwargs: dict[str, Any] = {
        "method": "POST",
        "url": "/v1/executions",
        "params": None,
        "headers": None,
        "json": body.to_dict(),
        "security": _SECURITY,
        "retry": "unsent",
        "operation": "create_execution",
    }
    return _kwargs


def _build_success(data: Any) -> CreateExecutionResponse:
    return (
        CreateExecutionResponse.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)
    )


def _build_400(data: Any) -> ErrorEnvelope:
    return ErrorEnvelope.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _decode_success(response: httpx2.Response) -> CreateExecutionResponse:
    try:
        return decode_model(response, _build_success)
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise errors.APIResponseValidationError(response, str(exc)) from exc


def _decode_error(response: httpx2.Response) -> ErrorEnvelope | None:
    status = response.status_code
    try:
        if status == 400:
            return _build_400(decode_json(response))
        if status == 401:
            return _build_400(decode_json(response))
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
        # An error body that doesn't fit its documented schema stays raw on the error.
        return None
    return None


def _build_response(response: httpx2.Response) -> Response[CreateExecutionResponse | ErrorEnvelope]:
    parsed: CreateExecutionResponse | ErrorEnvelope | None
    if response.is_success:
        parsed = _decode_success(response)
    else:
        parsed = _decode_error(response)
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def _result(response: httpx2.Response) -> CreateExecutionResponse:
    if response.is_success:
        return _decode_success(response)
    raise errors.status_error(response, _decode_error(response))


def _api_response(response: httpx2.Response, started: float) -> APIResponse[CreateExecutionResponse]:
    elapsed = _time.monotonic() - started
    return APIResponse(
        parsed=_result(response),
        status_code=response.status_code,
        headers=response.headers,
        request_id=errors.request_id_of(response.headers),
        elapsed=elapsed,
        http_response=response,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateExecutionParams | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[CreateExecutionResponse | ErrorEnvelope]:
    """Create an execution for a workflow

    Creates a paid-workflow execution and returns it (at `data.execution`, its id at
    `data.execution.id`) with a client token for B3OS's public routes. `idempotencyKey` is a
    body field the caller chooses; B3OS does not document what it does with a repeated key,
    so the SDK does not retry this request once it may have reached the server.

    Args:
        body (CreateExecutionParams): What to create an execution for. B3OS's document also lets
            the body be any object; this spec keeps the named fields. Sent as JSON.
            A dict of its fields is accepted too (decoded into CreateExecutionParams first).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Retries: this request changes state and carries no idempotency key, so it is retried only
    when it surely never reached the server (the connection could not be opened). Once any
    answer came (a 429 or 5xx too) or the request timed out, it is not sent again: the error is
    raised, and the caller decides whether the server acted on it.

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        Response[CreateExecutionResponse | ErrorEnvelope]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = client._request(
        **_get_kwargs(
            body=body,
        ),
        timeout=timeout,
    )
    return _build_response(response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateExecutionParams | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> CreateExecutionResponse:
    """Create an execution for a workflow

    Creates a paid-workflow execution and returns it (at `data.execution`, its id at
    `data.execution.id`) with a client token for B3OS's public routes. `idempotencyKey` is a
    body field the caller chooses; B3OS does not document what it does with a repeated key,
    so the SDK does not retry this request once it may have reached the server.

    Args:
        body (CreateExecutionParams): What to create an execution for. B3OS's document also lets
            the body be any object; this spec keeps the named fields. Sent as JSON.
            A dict of its fields is accepted too (decoded into CreateExecutionParams first).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Retries: this request changes state and carries no idempotency key, so it is retried only
    when it surely never reached the server (the connection could not be opened). Once any
    answer came (a 429 or 5xx too) or the request timed out, it is not sent again: the error is
    raised, and the caller decides whether the server acted on it.

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        CreateExecutionResponse
    """

    response = client._request(
        **_get_kwargs(
            body=body,
        ),
        timeout=timeout,
    )
    return _result(response)


def sync_with_response(
    *,
    client: AuthenticatedClient,
    body: CreateExecutionParams | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[CreateExecutionResponse]:
    """Create an execution for a workflow

    Creates a paid-workflow execution and returns it (at `data.execution`, its id at
    `data.execution.id`) with a client token for B3OS's public routes. `idempotencyKey` is a
    body field the caller chooses; B3OS does not document what it does with a repeated key,
    so the SDK does not retry this request once it may have reached the server.

    Args:
        body (CreateExecutionParams): What to create an execution for. B3OS's document also lets
            the body be any object; this spec keeps the named fields. Sent as JSON.
            A dict of its fields is accepted too (decoded into CreateExecutionParams first).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Retries: this request changes state and carries no idempotency key, so it is retried only
    when it surely never reached the server (the connection could not be opened). Once any
    answer came (a 429 or 5xx too) or the request timed out, it is not sent again: the error is
    raised, and the caller decides whether the server acted on it.

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        APIResponse[CreateExecutionResponse]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = client._request(
        **_get_kwargs(
            body=body,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateExecutionParams | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[CreateExecutionResponse | ErrorEnvelope]:
    """Create an execution for a workflow

    Creates a paid-workflow execution and returns it (at `data.execution`, its id at
    `data.execution.id`) with a client token for B3OS's public routes. `idempotencyKey` is a
    body field the caller chooses; B3OS does not document what it does with a repeated key,
    so the SDK does not retry this request once it may have reached the server.

    Args:
        body (CreateExecutionParams): What to create an execution for. B3OS's document also lets
            the body be any object; this spec keeps the named fields. Sent as JSON.
            A dict of its fields is accepted too (decoded into CreateExecutionParams first).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Retries: this request changes state and carries no idempotency key, so it is retried only
    when it surely never reached the server (the connection could not be opened). Once any
    answer came (a 429 or 5xx too) or the request timed out, it is not sent again: the error is
    raised, and the caller decides whether the server acted on it.

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        Response[CreateExecutionResponse | ErrorEnvelope]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = await client._arequest(
        **_get_kwargs(
            body=body,
        ),
        timeout=timeout,
    )
    return _build_response(response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateExecutionParams | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> CreateExecutionResponse:
    """Create an execution for a workflow

    Creates a paid-workflow execution and returns it (at `data.execution`, its id at
    `data.execution.id`) with a client token for B3OS's public routes. `idempotencyKey` is a
    body field the caller chooses; B3OS does not document what it does with a repeated key,
    so the SDK does not retry this request once it may have reached the server.

    Args:
        body (CreateExecutionParams): What to create an execution for. B3OS's document also lets
            the body be any object; this spec keeps the named fields. Sent as JSON.
            A dict of its fields is accepted too (decoded into CreateExecutionParams first).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Retries: this request changes state and carries no idempotency key, so it is retried only
    when it surely never reached the server (the connection could not be opened). Once any
    answer came (a 429 or 5xx too) or the request timed out, it is not sent again: the error is
    raised, and the caller decides whether the server acted on it.

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        CreateExecutionResponse
    """

    response = await client._arequest(
        **_get_kwargs(
            body=body,
        ),
        timeout=timeout,
    )
    return _result(response)


async def asyncio_with_response(
    *,
    client: AuthenticatedClient,
    body: CreateExecutionParams | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[CreateExecutionResponse]:
    """Create an execution for a workflow

    Creates a paid-workflow execution and returns it (at `data.execution`, its id at
    `data.execution.id`) with a client token for B3OS's public routes. `idempotencyKey` is a
    body field the caller chooses; B3OS does not document what it does with a repeated key,
    so the SDK does not retry this request once it may have reached the server.

    Args:
        body (CreateExecutionParams): What to create an execution for. B3OS's document also lets
            the body be any object; this spec keeps the named fields. Sent as JSON.
            A dict of its fields is accepted too (decoded into CreateExecutionParams first).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Retries: this request changes state and carries no idempotency key, so it is retried only
    when it surely never reached the server (the connection could not be opened). Once any
    answer came (a 429 or 5xx too) or the request timed out, it is not sent again: the error is
    raised, and the caller decides whether the server acted on it.

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        APIResponse[CreateExecutionResponse]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = await client._arequest(
        **_get_kwargs(
            body=body,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)
