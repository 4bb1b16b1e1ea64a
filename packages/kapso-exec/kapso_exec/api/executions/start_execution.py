import time as _time
from collections.abc import Mapping
from typing import Any

import httpx2

from ... import errors
from ..._base_client import NOT_GIVEN, NotGiven, TimeoutArg
from ..._json import decode_json, decode_model
from ..._paths import encode_path_segment
from ..._validate import invalid
from ...client import AuthenticatedClient
from ...models.error import Error
from ...models.flow_execution_accepted import FlowExecutionAccepted
from ...models.start_execution_body import StartExecutionBody
from ...models.start_execution_response_422 import StartExecutionResponse422
from ...types import APIResponse, Response

# Which credentials this operation accepts: alternatives, each a set of security schemes sent together.
_SECURITY: tuple[tuple[str, ...], ...] = (("ApiKeyAuth",),)


def _body_from_mapping(data: Mapping[str, Any]) -> StartExecutionBody:
    """A body given as a dict, decoded into the model first: a wrong field fails here, before any request."""
    try:
        return StartExecutionBody.from_dict(data)
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise errors.InvalidParameterError(
            "body", data, f"a StartExecutionBody or a dict of its fields ({exc})"
        ) from exc


def _get_kwargs(
    flow_id: str,
    *,
    body: StartExecutionBody | Mapping[str, Any],
) -> dict[str, Any]:
    if isinstance(body, Mapping):
        body = _body_from_mapping(body)

    _kwargs: dict[str, Any] = {
        "method": "POST",
        "url": "/flows/{flow_id}/executions".format(
            flow_id=encode_path_segment(str(flow_id), "flow_id"),
        ),
        "params": None,
        "headers": None,
        "json": body.to_dict(),
        "security": _SECURITY,
        "retry": "unsent",
        "operation": "start_execution",
    }
    return _kwargs


def _build_success(data: Any) -> FlowExecutionAccepted:
    return FlowExecutionAccepted.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_401(data: Any) -> Error:
    return Error.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_422(data: Any) -> StartExecutionResponse422:
    return (
        StartExecutionResponse422.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)
    )


def _decode_success(response: httpx2.Response) -> FlowExecutionAccepted:
    try:
        return decode_model(response, _build_success)
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise errors.APIResponseValidationError(response, str(exc)) from exc


def _decode_error(response: httpx2.Response) -> Error | StartExecutionResponse422 | None:
    status = response.status_code
    try:
        if status == 401:
            return _build_401(decode_json(response))
        if status == 404:
            return _build_401(decode_json(response))
        if status == 422:
            return _build_422(decode_json(response))
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
        # An error body that doesn't fit its documented schema stays raw on the error.
        return None
    return None


def _build_response(response: httpx2.Response) -> Response[FlowExecutionAccepted | Error | StartExecutionResponse422]:
    parsed: FlowExecutionAccepted | Error | StartExecutionResponse422 | None
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


def _result(response: httpx2.Response) -> FlowExecutionAccepted:
    if response.is_success:
        return _decode_success(response)
    raise errors.status_error(response, _decode_error(response))


def _api_response(response: httpx2.Response, started: float) -> APIResponse[FlowExecutionAccepted]:
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
    flow_id: str,
    *,
    client: AuthenticatedClient,
    body: StartExecutionBody | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[FlowExecutionAccepted | Error | StartExecutionResponse422]:
    """Create a new flow execution

    Triggers a new execution of a flow via API. The flow must have an active API trigger
    configured.

    Args:
        flow_id (str):
        body (StartExecutionBody): Sent as JSON.
            A dict of its fields is accepted too (decoded into StartExecutionBody first).
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
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[FlowExecutionAccepted | Error | StartExecutionResponse422]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = client._request(
        **_get_kwargs(
            flow_id=flow_id,
            body=body,
        ),
        timeout=timeout,
    )
    return _build_response(response)


def sync(
    flow_id: str,
    *,
    client: AuthenticatedClient,
    body: StartExecutionBody | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> FlowExecutionAccepted:
    """Create a new flow execution

    Triggers a new execution of a flow via API. The flow must have an active API trigger
    configured.

    Args:
        flow_id (str):
        body (StartExecutionBody): Sent as JSON.
            A dict of its fields is accepted too (decoded into StartExecutionBody first).
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
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        FlowExecutionAccepted
    """

    response = client._request(
        **_get_kwargs(
            flow_id=flow_id,
            body=body,
        ),
        timeout=timeout,
    )
    return _result(response)


def sync_with_response(
    flow_id: str,
    *,
    client: AuthenticatedClient,
    body: StartExecutionBody | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[FlowExecutionAccepted]:
    """Create a new flow execution

    Triggers a new execution of a flow via API. The flow must have an active API trigger
    configured.

    Args:
        flow_id (str):
        body (StartExecutionBody): Sent as JSON.
            A dict of its fields is accepted too (decoded into StartExecutionBody first).
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
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[FlowExecutionAccepted]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = client._request(
        **_get_kwargs(
            flow_id=flow_id,
            body=body,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


async def asyncio_detailed(
    flow_id: str,
    *,
    client: AuthenticatedClient,
    body: StartExecutionBody | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[FlowExecutionAccepted | Error | StartExecutionResponse422]:
    """Create a new flow execution

    Triggers a new execution of a flow via API. The flow must have an active API trigger
    configured.

    Args:
        flow_id (str):
        body (StartExecutionBody): Sent as JSON.
            A dict of its fields is accepted too (decoded into StartExecutionBody first).
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
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[FlowExecutionAccepted | Error | StartExecutionResponse422]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = await client._arequest(
        **_get_kwargs(
            flow_id=flow_id,
            body=body,
        ),
        timeout=timeout,
    )
    return _build_response(response)


async def asyncio(
    flow_id: str,
    *,
    client: AuthenticatedClient,
    body: StartExecutionBody | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> FlowExecutionAccepted:
    """Create a new flow execution

    Triggers a new execution of a flow via API. The flow must have an active API trigger
    configured.

    Args:
        flow_id (str):
        body (StartExecutionBody): Sent as JSON.
            A dict of its fields is accepted too (decoded into StartExecutionBody first).
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
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        FlowExecutionAccepted
    """

    response = await client._arequest(
        **_get_kwargs(
            flow_id=flow_id,
            body=body,
        ),
        timeout=timeout,
    )
    return _result(response)


async def asyncio_with_response(
    flow_id: str,
    *,
    client: AuthenticatedClient,
    body: StartExecutionBody | Mapping[str, Any],
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[FlowExecutionAccepted]:
    """Create a new flow execution

    Triggers a new execution of a flow via API. The flow must have an active API trigger
    configured.

    Args:
        flow_id (str):
        body (StartExecutionBody): Sent as JSON.
            A dict of its fields is accepted too (decoded into StartExecutionBody first).
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
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[FlowExecutionAccepted]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = await client._arequest(
        **_get_kwargs(
            flow_id=flow_id,
            body=body,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)
