import time as _time
from typing import Any

import httpx2

from ... import errors
from ..._base_client import NOT_GIVEN, NotGiven, TimeoutArg
from ..._json import decode_json, decode_model
from ..._paths import encode_path_segment
from ..._validate import invalid
from ...client import AuthenticatedClient
from ...models.error_envelope import ErrorEnvelope
from ...models.execution_events_response import ExecutionEventsResponse
from ...types import APIResponse, Response

# Which credentials this operation accepts: alternatives, each a set of security schemes sent together.
_SECURITY: tuple[tuple[str, ...], ...] = (("bearerAuth",),)


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/executions/{id}/events".format(
            id=encode_path_segment(str(id), "id"),
        ),
        "params": None,
        "headers": None,
        "json": None,
        "security": _SECURITY,
        "retry": "always",
        "operation": "get_execution_events",
    }
    return _kwargs


def _build_success(data: Any) -> ExecutionEventsResponse:
    return (
        ExecutionEventsResponse.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)
    )


def _build_400(data: Any) -> ErrorEnvelope:
    return ErrorEnvelope.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _decode_success(response: httpx2.Response) -> ExecutionEventsResponse:
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
        if status == 404:
            return _build_400(decode_json(response))
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
        # An error body that doesn't fit its documented schema stays raw on the error.
        return None
    return None


def _build_response(response: httpx2.Response) -> Response[ExecutionEventsResponse | ErrorEnvelope]:
    parsed: ExecutionEventsResponse | ErrorEnvelope | None
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


def _result(response: httpx2.Response) -> ExecutionEventsResponse:
    if response.is_success:
        return _decode_success(response)
    raise errors.status_error(response, _decode_error(response))


def _api_response(response: httpx2.Response, started: float) -> APIResponse[ExecutionEventsResponse]:
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
    id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[ExecutionEventsResponse | ErrorEnvelope]:
    """Get events for an execution

    The execution's event log, all in one answer (the route takes no paging parameters).

    Args:
        id (str): Execution ID
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[ExecutionEventsResponse | ErrorEnvelope]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = client._request(
        **_get_kwargs(
            id=id,
        ),
        timeout=timeout,
    )
    return _build_response(response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> ExecutionEventsResponse:
    """Get events for an execution

    The execution's event log, all in one answer (the route takes no paging parameters).

    Args:
        id (str): Execution ID
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        ExecutionEventsResponse
    """

    response = client._request(
        **_get_kwargs(
            id=id,
        ),
        timeout=timeout,
    )
    return _result(response)


def sync_with_response(
    id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[ExecutionEventsResponse]:
    """Get events for an execution

    The execution's event log, all in one answer (the route takes no paging parameters).

    Args:
        id (str): Execution ID
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[ExecutionEventsResponse]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = client._request(
        **_get_kwargs(
            id=id,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[ExecutionEventsResponse | ErrorEnvelope]:
    """Get events for an execution

    The execution's event log, all in one answer (the route takes no paging parameters).

    Args:
        id (str): Execution ID
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[ExecutionEventsResponse | ErrorEnvelope]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = await client._arequest(
        **_get_kwargs(
            id=id,
        ),
        timeout=timeout,
    )
    return _build_response(response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> ExecutionEventsResponse:
    """Get events for an execution

    The execution's event log, all in one answer (the route takes no paging parameters).

    Args:
        id (str): Execution ID
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        ExecutionEventsResponse
    """

    response = await client._arequest(
        **_get_kwargs(
            id=id,
        ),
        timeout=timeout,
    )
    return _result(response)


async def asyncio_with_response(
    id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[ExecutionEventsResponse]:
    """Get events for an execution

    The execution's event log, all in one answer (the route takes no paging parameters).

    Args:
        id (str): Execution ID
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[ExecutionEventsResponse]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = await client._arequest(
        **_get_kwargs(
            id=id,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)
