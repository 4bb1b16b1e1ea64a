import time as _time
from typing import Any

import httpx2

from ... import errors
from ..._base_client import NOT_GIVEN, NotGiven, TimeoutArg
from ..._json import decode_json, decode_model
from ..._paths import encode_path_segment
from ..._validate import invalid
from ...client import AuthenticatedClient
from ...models.error_response import ErrorResponse
from ...models.workflow_execution_response import WorkflowExecutionResponse
from ...types import APIResponse, Response

# Which credentials this operation accepts: alternatives, each a set of security schemes sent together.
_SECURITY: tuple[tuple[str, ...], ...] = (("oauth2",),)


def _get_kwargs(
    account_id: str,
    workflow_id: str,
    execution_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/accounts/{account_id}/workflows/{workflow_id}/executions/{execution_id}".format(
            account_id=encode_path_segment(str(account_id), "accountId"),
            workflow_id=encode_path_segment(str(workflow_id), "workflowId"),
            execution_id=encode_path_segment(str(execution_id), "executionId"),
        ),
        "params": None,
        "headers": None,
        "json": None,
        "security": _SECURITY,
        "retry": "always",
        "operation": "get_execution",
    }
    return _kwargs


def _build_success(data: Any) -> WorkflowExecutionResponse:
    return (
        WorkflowExecutionResponse.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)
    )


def _build_401(data: Any) -> ErrorResponse:
    return ErrorResponse.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _decode_success(response: httpx2.Response) -> WorkflowExecutionResponse:
    try:
        return decode_model(response, _build_success)
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise errors.APIResponseValidationError(response, str(exc)) from exc


def _decode_error(response: httpx2.Response) -> ErrorResponse | None:
    status = response.status_code
    try:
        if status == 401:
            return _build_401(decode_json(response))
        if status == 404:
            return _build_401(decode_json(response))
        if status == 429:
            return _build_401(decode_json(response))
        if 400 <= status <= 499:
            return _build_401(decode_json(response))
        if 500 <= status <= 599:
            return _build_401(decode_json(response))
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
        # An error body that doesn't fit its documented schema stays raw on the error.
        return None
    return None


def _build_response(response: httpx2.Response) -> Response[WorkflowExecutionResponse | ErrorResponse]:
    parsed: WorkflowExecutionResponse | ErrorResponse | None
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


def _result(response: httpx2.Response) -> WorkflowExecutionResponse:
    if response.is_success:
        return _decode_success(response)
    raise errors.status_error(response, _decode_error(response))


def _api_response(response: httpx2.Response, started: float) -> APIResponse[WorkflowExecutionResponse]:
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
    account_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[WorkflowExecutionResponse | ErrorResponse]:
    """Fetch A Detailed Summary for a Workflow Execution for a Contact

    Returns one workflow execution for a contact: its status, the workflow version it ran,
    its start and (once finished) end time, and every step it took, with the node each step
    ran and the edge it left by. The execution status is at `data.status`; a running
    execution has no `end`.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        execution_id (str): Id for a workflow Execution
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[WorkflowExecutionResponse | ErrorResponse]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = client._request(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _build_response(response)


def sync(
    account_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> WorkflowExecutionResponse:
    """Fetch A Detailed Summary for a Workflow Execution for a Contact

    Returns one workflow execution for a contact: its status, the workflow version it ran,
    its start and (once finished) end time, and every step it took, with the node each step
    ran and the edge it left by. The execution status is at `data.status`; a running
    execution has no `end`.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        execution_id (str): Id for a workflow Execution
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        WorkflowExecutionResponse
    """

    response = client._request(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _result(response)


def sync_with_response(
    account_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[WorkflowExecutionResponse]:
    """Fetch A Detailed Summary for a Workflow Execution for a Contact

    Returns one workflow execution for a contact: its status, the workflow version it ran,
    its start and (once finished) end time, and every step it took, with the node each step
    ran and the edge it left by. The execution status is at `data.status`; a running
    execution has no `end`.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        execution_id (str): Id for a workflow Execution
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[WorkflowExecutionResponse]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = client._request(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


async def asyncio_detailed(
    account_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[WorkflowExecutionResponse | ErrorResponse]:
    """Fetch A Detailed Summary for a Workflow Execution for a Contact

    Returns one workflow execution for a contact: its status, the workflow version it ran,
    its start and (once finished) end time, and every step it took, with the node each step
    ran and the edge it left by. The execution status is at `data.status`; a running
    execution has no `end`.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        execution_id (str): Id for a workflow Execution
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[WorkflowExecutionResponse | ErrorResponse]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = await client._arequest(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _build_response(response)


async def asyncio(
    account_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> WorkflowExecutionResponse:
    """Fetch A Detailed Summary for a Workflow Execution for a Contact

    Returns one workflow execution for a contact: its status, the workflow version it ran,
    its start and (once finished) end time, and every step it took, with the node each step
    ran and the edge it left by. The execution status is at `data.status`; a running
    execution has no `end`.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        execution_id (str): Id for a workflow Execution
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        WorkflowExecutionResponse
    """

    response = await client._arequest(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _result(response)


async def asyncio_with_response(
    account_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    client: AuthenticatedClient,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[WorkflowExecutionResponse]:
    """Fetch A Detailed Summary for a Workflow Execution for a Contact

    Returns one workflow execution for a contact: its status, the workflow version it ran,
    its start and (once finished) end time, and every step it took, with the node each step
    ran and the edge it left by. The execution status is at `data.status`; a running
    execution has no `end`.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        execution_id (str): Id for a workflow Execution
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[WorkflowExecutionResponse]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = await client._arequest(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            execution_id=execution_id,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)
