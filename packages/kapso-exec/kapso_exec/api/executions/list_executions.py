import datetime
import time as _time
from typing import Any

import httpx2

from ... import errors
from ..._base_client import NOT_GIVEN, NotGiven, TimeoutArg
from ..._json import decode_json, decode_model
from ..._paths import encode_path_segment
from ..._validate import invalid
from ...client import AuthenticatedClient
from ...models.error import Error
from ...models.flow_execution_list import FlowExecutionList
from ...models.list_executions_qstatus_eq import ListExecutionsQstatusEq
from ...types import UNSET, APIResponse, Response, Unset

# Which credentials this operation accepts: alternatives, each a set of security schemes sent together.
_SECURITY: tuple[tuple[str, ...], ...] = (("ApiKeyAuth",),)


def _get_kwargs(
    flow_id: str,
    *,
    qstatus_eq: ListExecutionsQstatusEq | Unset = UNSET,
    qstarted_at_gteq: datetime.datetime | Unset = UNSET,
    qstarted_at_lteq: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}
    if not isinstance(qstatus_eq, Unset):
        params["q[status_eq]"] = qstatus_eq.value
    if not isinstance(qstarted_at_gteq, Unset):
        params["q[started_at_gteq]"] = qstarted_at_gteq.isoformat()
    if not isinstance(qstarted_at_lteq, Unset):
        params["q[started_at_lteq]"] = qstarted_at_lteq.isoformat()
    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/flows/{flow_id}/executions".format(
            flow_id=encode_path_segment(str(flow_id), "flow_id"),
        ),
        "params": params,
        "headers": None,
        "json": None,
        "security": _SECURITY,
        "retry": "always",
        "operation": "list_executions",
    }
    return _kwargs


def _build_success(data: Any) -> FlowExecutionList:
    return FlowExecutionList.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_401(data: Any) -> Error:
    return Error.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _decode_success(response: httpx2.Response) -> FlowExecutionList:
    try:
        return decode_model(response, _build_success)
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise errors.APIResponseValidationError(response, str(exc)) from exc


def _decode_error(response: httpx2.Response) -> Error | None:
    status = response.status_code
    try:
        if status == 401:
            return _build_401(decode_json(response))
        if status == 404:
            return _build_401(decode_json(response))
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
        # An error body that doesn't fit its documented schema stays raw on the error.
        return None
    return None


def _build_response(response: httpx2.Response) -> Response[FlowExecutionList | Error]:
    parsed: FlowExecutionList | Error | None
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


def _result(response: httpx2.Response) -> FlowExecutionList:
    if response.is_success:
        return _decode_success(response)
    raise errors.status_error(response, _decode_error(response))


def _api_response(response: httpx2.Response, started: float) -> APIResponse[FlowExecutionList]:
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
    qstatus_eq: ListExecutionsQstatusEq | Unset = UNSET,
    qstarted_at_gteq: datetime.datetime | Unset = UNSET,
    qstarted_at_lteq: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[FlowExecutionList | Error]:
    """List flow executions

    Returns a list of executions for a specific flow

    Args:
        flow_id (str):
        qstatus_eq (ListExecutionsQstatusEq | Unset): Filter by status (0=running, 1=waiting,
            2=ended, 3=failed)
        qstarted_at_gteq (datetime.datetime | Unset): Filter executions started on or after this
            date
        qstarted_at_lteq (datetime.datetime | Unset): Filter executions started on or before this
            date
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[FlowExecutionList | Error]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = client._request(
        **_get_kwargs(
            flow_id=flow_id,
            qstatus_eq=qstatus_eq,
            qstarted_at_gteq=qstarted_at_gteq,
            qstarted_at_lteq=qstarted_at_lteq,
        ),
        timeout=timeout,
    )
    return _build_response(response)


def sync(
    flow_id: str,
    *,
    client: AuthenticatedClient,
    qstatus_eq: ListExecutionsQstatusEq | Unset = UNSET,
    qstarted_at_gteq: datetime.datetime | Unset = UNSET,
    qstarted_at_lteq: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> FlowExecutionList:
    """List flow executions

    Returns a list of executions for a specific flow

    Args:
        flow_id (str):
        qstatus_eq (ListExecutionsQstatusEq | Unset): Filter by status (0=running, 1=waiting,
            2=ended, 3=failed)
        qstarted_at_gteq (datetime.datetime | Unset): Filter executions started on or after this
            date
        qstarted_at_lteq (datetime.datetime | Unset): Filter executions started on or before this
            date
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        FlowExecutionList
    """

    response = client._request(
        **_get_kwargs(
            flow_id=flow_id,
            qstatus_eq=qstatus_eq,
            qstarted_at_gteq=qstarted_at_gteq,
            qstarted_at_lteq=qstarted_at_lteq,
        ),
        timeout=timeout,
    )
    return _result(response)


def sync_with_response(
    flow_id: str,
    *,
    client: AuthenticatedClient,
    qstatus_eq: ListExecutionsQstatusEq | Unset = UNSET,
    qstarted_at_gteq: datetime.datetime | Unset = UNSET,
    qstarted_at_lteq: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[FlowExecutionList]:
    """List flow executions

    Returns a list of executions for a specific flow

    Args:
        flow_id (str):
        qstatus_eq (ListExecutionsQstatusEq | Unset): Filter by status (0=running, 1=waiting,
            2=ended, 3=failed)
        qstarted_at_gteq (datetime.datetime | Unset): Filter executions started on or after this
            date
        qstarted_at_lteq (datetime.datetime | Unset): Filter executions started on or before this
            date
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[FlowExecutionList]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = client._request(
        **_get_kwargs(
            flow_id=flow_id,
            qstatus_eq=qstatus_eq,
            qstarted_at_gteq=qstarted_at_gteq,
            qstarted_at_lteq=qstarted_at_lteq,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


async def asyncio_detailed(
    flow_id: str,
    *,
    client: AuthenticatedClient,
    qstatus_eq: ListExecutionsQstatusEq | Unset = UNSET,
    qstarted_at_gteq: datetime.datetime | Unset = UNSET,
    qstarted_at_lteq: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[FlowExecutionList | Error]:
    """List flow executions

    Returns a list of executions for a specific flow

    Args:
        flow_id (str):
        qstatus_eq (ListExecutionsQstatusEq | Unset): Filter by status (0=running, 1=waiting,
            2=ended, 3=failed)
        qstarted_at_gteq (datetime.datetime | Unset): Filter executions started on or after this
            date
        qstarted_at_lteq (datetime.datetime | Unset): Filter executions started on or before this
            date
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[FlowExecutionList | Error]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = await client._arequest(
        **_get_kwargs(
            flow_id=flow_id,
            qstatus_eq=qstatus_eq,
            qstarted_at_gteq=qstarted_at_gteq,
            qstarted_at_lteq=qstarted_at_lteq,
        ),
        timeout=timeout,
    )
    return _build_response(response)


async def asyncio(
    flow_id: str,
    *,
    client: AuthenticatedClient,
    qstatus_eq: ListExecutionsQstatusEq | Unset = UNSET,
    qstarted_at_gteq: datetime.datetime | Unset = UNSET,
    qstarted_at_lteq: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> FlowExecutionList:
    """List flow executions

    Returns a list of executions for a specific flow

    Args:
        flow_id (str):
        qstatus_eq (ListExecutionsQstatusEq | Unset): Filter by status (0=running, 1=waiting,
            2=ended, 3=failed)
        qstarted_at_gteq (datetime.datetime | Unset): Filter executions started on or after this
            date
        qstarted_at_lteq (datetime.datetime | Unset): Filter executions started on or before this
            date
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        FlowExecutionList
    """

    response = await client._arequest(
        **_get_kwargs(
            flow_id=flow_id,
            qstatus_eq=qstatus_eq,
            qstarted_at_gteq=qstarted_at_gteq,
            qstarted_at_lteq=qstarted_at_lteq,
        ),
        timeout=timeout,
    )
    return _result(response)


async def asyncio_with_response(
    flow_id: str,
    *,
    client: AuthenticatedClient,
    qstatus_eq: ListExecutionsQstatusEq | Unset = UNSET,
    qstarted_at_gteq: datetime.datetime | Unset = UNSET,
    qstarted_at_lteq: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[FlowExecutionList]:
    """List flow executions

    Returns a list of executions for a specific flow

    Args:
        flow_id (str):
        qstatus_eq (ListExecutionsQstatusEq | Unset): Filter by status (0=running, 1=waiting,
            2=ended, 3=failed)
        qstarted_at_gteq (datetime.datetime | Unset): Filter executions started on or after this
            date
        qstarted_at_lteq (datetime.datetime | Unset): Filter executions started on or before this
            date
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[FlowExecutionList]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = await client._arequest(
        **_get_kwargs(
            flow_id=flow_id,
            qstatus_eq=qstatus_eq,
            qstarted_at_gteq=qstarted_at_gteq,
            qstarted_at_lteq=qstarted_at_lteq,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)
