import time as _time
from typing import Any
from uuid import UUID

import httpx2

from ... import errors
from ..._base_client import NOT_GIVEN, NotGiven, TimeoutArg
from ..._json import decode_json, decode_model
from ..._paths import encode_path_segment
from ..._validate import invalid
from ...client import AuthenticatedClient
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.scope_error import ScopeError
from ...models.server_error import ServerError
from ...models.workflow_execution_compact import WorkflowExecutionCompact
from ...types import APIResponse, Response

# Which credentials this operation accepts: alternatives, each a set of security schemes sent together.
_SECURITY: tuple[tuple[str, ...], ...] = (("ServiceAccountApiKeyBearer",),)


def _get_kwargs(
    workspace_id: UUID,
    execution_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/workspaces/{workspace_id}/workflow-executions/{execution_id}/compact".format(
            workspace_id=encode_path_segment(str(workspace_id), "workspace_id"),
            execution_id=encode_path_segment(str(execution_id), "execution_id"),
        ),
        "params": None,
        "headers": None,
        "json": None,
        "security": _SECURITY,
        "retry": "always",
        "operation": "get_execution_compact",
    }
    return _kwargs


def _build_success(data: Any) -> WorkflowExecutionCompact:
    return (
        WorkflowExecutionCompact.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)
    )


def _build_401(data: Any) -> ErrorDetail:
    return ErrorDetail.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_403(data: Any) -> ScopeError:
    return ScopeError.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_422(data: Any) -> HTTPValidationError:
    return HTTPValidationError.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_500(data: Any) -> ServerError:
    return ServerError.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _decode_success(response: httpx2.Response) -> WorkflowExecutionCompact:
    try:
        return decode_model(response, _build_success)
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise errors.APIResponseValidationError(response, str(exc)) from exc


def _decode_error(response: httpx2.Response) -> ErrorDetail | ScopeError | HTTPValidationError | ServerError | None:
    status = response.status_code
    try:
        if status == 401:
            return _build_401(decode_json(response))
        if status == 403:
            return _build_403(decode_json(response))
        if status == 404:
            return _build_401(decode_json(response))
        if status == 422:
            return _build_422(decode_json(response))
        if status == 500:
            return _build_500(decode_json(response))
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
        # An error body that doesn't fit its documented schema stays raw on the error.
        return None
    return None


def _build_response(
    response: httpx2.Response,
) -> Response[WorkflowExecutionCompact | ErrorDetail | ScopeError | HTTPValidationError | ServerError]:
    parsed: WorkflowExecutionCompact | ErrorDetail | ScopeError | HTTPValidationError | ServerError | None
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


def _result(response: httpx2.Response) -> WorkflowExecutionCompact:
    if response.is_success:
        return _decode_success(response)
    raise errors.status_error(response, _decode_error(response))


def _api_response(response: httpx2.Response, started: float) -> APIResponse[WorkflowExecutionCompact]:
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
    workspace_id: UUID,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[WorkflowExecutionCompact | ErrorDetail | ScopeError | HTTPValidationError | ServerError]:
    """Get Workflow Execution Compact

    Get a workflow execution.

    Args:
        workspace_id (UUID):
        execution_id (str):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[WorkflowExecutionCompact | ErrorDetail | ScopeError | HTTPValidationError | ServerError]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = client._request(
        **_get_kwargs(
            workspace_id=workspace_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _build_response(response)


def sync(
    workspace_id: UUID,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> WorkflowExecutionCompact:
    """Get Workflow Execution Compact

    Get a workflow execution.

    Args:
        workspace_id (UUID):
        execution_id (str):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        WorkflowExecutionCompact
    """

    response = client._request(
        **_get_kwargs(
            workspace_id=workspace_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _result(response)


def sync_with_response(
    workspace_id: UUID,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[WorkflowExecutionCompact]:
    """Get Workflow Execution Compact

    Get a workflow execution.

    Args:
        workspace_id (UUID):
        execution_id (str):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[WorkflowExecutionCompact]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = client._request(
        **_get_kwargs(
            workspace_id=workspace_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


async def asyncio_detailed(
    workspace_id: UUID,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[WorkflowExecutionCompact | ErrorDetail | ScopeError | HTTPValidationError | ServerError]:
    """Get Workflow Execution Compact

    Get a workflow execution.

    Args:
        workspace_id (UUID):
        execution_id (str):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[WorkflowExecutionCompact | ErrorDetail | ScopeError | HTTPValidationError | ServerError]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = await client._arequest(
        **_get_kwargs(
            workspace_id=workspace_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _build_response(response)


async def asyncio(
    workspace_id: UUID,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> WorkflowExecutionCompact:
    """Get Workflow Execution Compact

    Get a workflow execution.

    Args:
        workspace_id (UUID):
        execution_id (str):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        WorkflowExecutionCompact
    """

    response = await client._arequest(
        **_get_kwargs(
            workspace_id=workspace_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _result(response)


async def asyncio_with_response(
    workspace_id: UUID,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[WorkflowExecutionCompact]:
    """Get Workflow Execution Compact

    Get a workflow execution.

    Args:
        workspace_id (UUID):
        execution_id (str):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[WorkflowExecutionCompact]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = await client._arequest(
        **_get_kwargs(
            workspace_id=workspace_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)
