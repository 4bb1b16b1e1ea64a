import datetime
import time as _time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx2

from ... import _paging, errors
from ... import models as _models
from ..._base_client import NOT_GIVEN, NotGiven, TimeoutArg
from ..._json import decode_json, decode_model
from ..._paths import encode_path_segment
from ..._validate import invalid
from ...client import AuthenticatedClient
from ...models.error_response import ErrorResponse
from ...models.workflow_execution_list import WorkflowExecutionList
from ...types import UNSET, APIResponse, Response, Unset

# Which credentials this operation accepts: alternatives, each a set of security schemes sent together.
_SECURITY: tuple[tuple[str, ...], ...] = (("oauth2",),)


def _get_kwargs(
    account_id: str,
    workflow_id: str,
    *,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}
    if not isinstance(offset, Unset):
        params["offset"] = offset
    if not isinstance(limit, Unset):
        params["limit"] = limit
    if not isinstance(contact_id, Unset):
        params["contactId"] = contact_id
    if not isinstance(status, Unset):
        params["status"] = status
    if not isinstance(start, Unset):
        params["start"] = start.isoformat()
    if not isinstance(end, Unset):
        params["end"] = end.isoformat()
    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/accounts/{account_id}/workflows/{workflow_id}/executions".format(
            account_id=encode_path_segment(str(account_id), "accountId"),
            workflow_id=encode_path_segment(str(workflow_id), "workflowId"),
        ),
        "params": params,
        "headers": None,
        "json": None,
        "security": _SECURITY,
        "retry": "always",
        "operation": "list_executions",
    }
    return _kwargs


def _build_success(data: Any) -> WorkflowExecutionList:
    return WorkflowExecutionList.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_401(data: Any) -> ErrorResponse:
    return ErrorResponse.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _decode_success(response: httpx2.Response) -> WorkflowExecutionList:
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


def _build_response(response: httpx2.Response) -> Response[WorkflowExecutionList | ErrorResponse]:
    parsed: WorkflowExecutionList | ErrorResponse | None
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


def _result(response: httpx2.Response) -> WorkflowExecutionList:
    if response.is_success:
        return _decode_success(response)
    raise errors.status_error(response, _decode_error(response))


def _api_response(response: httpx2.Response, started: float) -> APIResponse[WorkflowExecutionList]:
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
    *,
    client: AuthenticatedClient,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[WorkflowExecutionList | ErrorResponse]:
    """List the executions of a workflow

    One page of a workflow's executions, with offset paging: `limit` (1-100) executions from
    `offset`; `pagination.hasNext` says whether more follow. Filters: the contact, the status,
    and the start time's range.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        offset (int | Unset): Index of the first execution to return (default 0).
        limit (int | Unset): Number of executions to return, 1 to 100.
        contact_id (str | Unset): Only the executions of this contact.
        status (str | Unset): Only the executions with this status (for example `completed`).
        start (datetime.datetime | Unset): Only the executions that started at or after this time
            (ISO 8601).
        end (datetime.datetime | Unset): Only the executions that started at or before this time
            (ISO 8601).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[WorkflowExecutionList | ErrorResponse]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = client._request(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            offset=offset,
            limit=limit,
            contact_id=contact_id,
            status=status,
            start=start,
            end=end,
        ),
        timeout=timeout,
    )
    return _build_response(response)


def sync(
    account_id: str,
    workflow_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> WorkflowExecutionList:
    """List the executions of a workflow

    One page of a workflow's executions, with offset paging: `limit` (1-100) executions from
    `offset`; `pagination.hasNext` says whether more follow. Filters: the contact, the status,
    and the start time's range.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        offset (int | Unset): Index of the first execution to return (default 0).
        limit (int | Unset): Number of executions to return, 1 to 100.
        contact_id (str | Unset): Only the executions of this contact.
        status (str | Unset): Only the executions with this status (for example `completed`).
        start (datetime.datetime | Unset): Only the executions that started at or after this time
            (ISO 8601).
        end (datetime.datetime | Unset): Only the executions that started at or before this time
            (ISO 8601).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        WorkflowExecutionList
    """

    response = client._request(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            offset=offset,
            limit=limit,
            contact_id=contact_id,
            status=status,
            start=start,
            end=end,
        ),
        timeout=timeout,
    )
    return _result(response)


def sync_with_response(
    account_id: str,
    workflow_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[WorkflowExecutionList]:
    """List the executions of a workflow

    One page of a workflow's executions, with offset paging: `limit` (1-100) executions from
    `offset`; `pagination.hasNext` says whether more follow. Filters: the contact, the status,
    and the start time's range.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        offset (int | Unset): Index of the first execution to return (default 0).
        limit (int | Unset): Number of executions to return, 1 to 100.
        contact_id (str | Unset): Only the executions of this contact.
        status (str | Unset): Only the executions with this status (for example `completed`).
        start (datetime.datetime | Unset): Only the executions that started at or after this time
            (ISO 8601).
        end (datetime.datetime | Unset): Only the executions that started at or before this time
            (ISO 8601).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[WorkflowExecutionList]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = client._request(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            offset=offset,
            limit=limit,
            contact_id=contact_id,
            status=status,
            start=start,
            end=end,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


async def asyncio_detailed(
    account_id: str,
    workflow_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[WorkflowExecutionList | ErrorResponse]:
    """List the executions of a workflow

    One page of a workflow's executions, with offset paging: `limit` (1-100) executions from
    `offset`; `pagination.hasNext` says whether more follow. Filters: the contact, the status,
    and the start time's range.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        offset (int | Unset): Index of the first execution to return (default 0).
        limit (int | Unset): Number of executions to return, 1 to 100.
        contact_id (str | Unset): Only the executions of this contact.
        status (str | Unset): Only the executions with this status (for example `completed`).
        start (datetime.datetime | Unset): Only the executions that started at or after this time
            (ISO 8601).
        end (datetime.datetime | Unset): Only the executions that started at or before this time
            (ISO 8601).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[WorkflowExecutionList | ErrorResponse]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = await client._arequest(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            offset=offset,
            limit=limit,
            contact_id=contact_id,
            status=status,
            start=start,
            end=end,
        ),
        timeout=timeout,
    )
    return _build_response(response)


async def asyncio(
    account_id: str,
    workflow_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> WorkflowExecutionList:
    """List the executions of a workflow

    One page of a workflow's executions, with offset paging: `limit` (1-100) executions from
    `offset`; `pagination.hasNext` says whether more follow. Filters: the contact, the status,
    and the start time's range.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        offset (int | Unset): Index of the first execution to return (default 0).
        limit (int | Unset): Number of executions to return, 1 to 100.
        contact_id (str | Unset): Only the executions of this contact.
        status (str | Unset): Only the executions with this status (for example `completed`).
        start (datetime.datetime | Unset): Only the executions that started at or after this time
            (ISO 8601).
        end (datetime.datetime | Unset): Only the executions that started at or before this time
            (ISO 8601).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        WorkflowExecutionList
    """

    response = await client._arequest(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            offset=offset,
            limit=limit,
            contact_id=contact_id,
            status=status,
            start=start,
            end=end,
        ),
        timeout=timeout,
    )
    return _result(response)


async def asyncio_with_response(
    account_id: str,
    workflow_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[WorkflowExecutionList]:
    """List the executions of a workflow

    One page of a workflow's executions, with offset paging: `limit` (1-100) executions from
    `offset`; `pagination.hasNext` says whether more follow. Filters: the contact, the status,
    and the start time's range.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        offset (int | Unset): Index of the first execution to return (default 0).
        limit (int | Unset): Number of executions to return, 1 to 100.
        contact_id (str | Unset): Only the executions of this contact.
        status (str | Unset): Only the executions with this status (for example `completed`).
        start (datetime.datetime | Unset): Only the executions that started at or after this time
            (ISO 8601).
        end (datetime.datetime | Unset): Only the executions that started at or before this time
            (ISO 8601).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[WorkflowExecutionList]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = await client._arequest(
        **_get_kwargs(
            account_id=account_id,
            workflow_id=workflow_id,
            offset=offset,
            limit=limit,
            contact_id=contact_id,
            status=status,
            start=start,
            end=end,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


# How this operation pages (x-exec-pagination); each page is fetched by `sync` / `asyncio`.
_PAGING = _paging.Paging(
    operation="list_executions",
    style="offset",
    marker="offset",
    items=("data",),
    fetch=sync,
    fetch_async=asyncio,
    limit="limit",
    has_more=("pagination", "has_next"),
)


def iterate(
    account_id: str,
    workflow_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Iterator[_models.WorkflowExecution]:
    """List the executions of a workflow

    One page of a workflow's executions, with offset paging: `limit` (1-100) executions from
    `offset`; `pagination.hasNext` says whether more follow. Filters: the contact, the status,
    and the start time's range.

    Every item, the pages fetched one at a time as the loop goes, each by `sync`: an ordinary
    request, with everything a call of it does (retries, tracing, typed errors). Breaking out
    of the loop sends no more requests. `offset` is the first item's index (0 when not given);
    it advances by the number of items received. `limit` is the page size. The listing ends at
    an empty page, when `pagination.hasNext` is false, or (when the page does not say
    `pagination.hasNext`) at a page shorter than the limit sent. A cursor the server already
    gave, or the same page twice in a row, raises errors.PaginationError rather than loop
    forever.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        offset (int | Unset): Index of the first execution to return (default 0).
        limit (int | Unset): Number of executions to return, 1 to 100.
        contact_id (str | Unset): Only the executions of this contact.
        status (str | Unset): Only the executions with this status (for example `completed`).
        start (datetime.datetime | Unset): Only the executions that started at or after this time
            (ISO 8601).
        end (datetime.datetime | Unset): Only the executions that started at or before this time
            (ISO 8601).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.PaginationError: The server gave a cursor again or the same page twice in a row.
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Iterator[WorkflowExecution]: the items, one at a time.
    """

    return _PAGING.iterate(
        {
            "client": client,
            "timeout": timeout,
            "account_id": account_id,
            "workflow_id": workflow_id,
            "offset": offset,
            "limit": limit,
            "contact_id": contact_id,
            "status": status,
            "start": start,
            "end": end,
        }
    )


def iterate_async(
    account_id: str,
    workflow_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> AsyncIterator[_models.WorkflowExecution]:
    """List the executions of a workflow

    One page of a workflow's executions, with offset paging: `limit` (1-100) executions from
    `offset`; `pagination.hasNext` says whether more follow. Filters: the contact, the status,
    and the start time's range.

    Every item, the pages fetched one at a time as the loop goes, each by `asyncio`: an
    ordinary request, with everything a call of it does (retries, tracing, typed errors).
    Breaking out of the loop sends no more requests. `offset` is the first item's index (0
    when not given); it advances by the number of items received. `limit` is the page size.
    The listing ends at an empty page, when `pagination.hasNext` is false, or (when the page
    does not say `pagination.hasNext`) at a page shorter than the limit sent. A cursor the
    server already gave, or the same page twice in a row, raises errors.PaginationError rather
    than loop forever.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        offset (int | Unset): Index of the first execution to return (default 0).
        limit (int | Unset): Number of executions to return, 1 to 100.
        contact_id (str | Unset): Only the executions of this contact.
        status (str | Unset): Only the executions with this status (for example `completed`).
        start (datetime.datetime | Unset): Only the executions that started at or after this time
            (ISO 8601).
        end (datetime.datetime | Unset): Only the executions that started at or before this time
            (ISO 8601).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.PaginationError: The server gave a cursor again or the same page twice in a row.
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        AsyncIterator[WorkflowExecution]: the items, one at a time.
    """

    return _PAGING.iterate_async(
        {
            "client": client,
            "timeout": timeout,
            "account_id": account_id,
            "workflow_id": workflow_id,
            "offset": offset,
            "limit": limit,
            "contact_id": contact_id,
            "status": status,
            "start": start,
            "end": end,
        }
    )


def pages(
    account_id: str,
    workflow_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Iterator[WorkflowExecutionList]:
    """List the executions of a workflow

    One page of a workflow's executions, with offset paging: `limit` (1-100) executions from
    `offset`; `pagination.hasNext` says whether more follow. Filters: the contact, the status,
    and the start time's range.

    Each page whole, with its paging fields, the pages fetched one at a time as the loop goes,
    each by `sync`: an ordinary request, with everything a call of it does (retries, tracing,
    typed errors). Breaking out of the loop sends no more requests. `offset` is the first
    item's index (0 when not given); it advances by the number of items received. `limit` is
    the page size. The listing ends at an empty page, when `pagination.hasNext` is false, or
    (when the page does not say `pagination.hasNext`) at a page shorter than the limit sent. A
    cursor the server already gave, or the same page twice in a row, raises
    errors.PaginationError rather than loop forever.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        offset (int | Unset): Index of the first execution to return (default 0).
        limit (int | Unset): Number of executions to return, 1 to 100.
        contact_id (str | Unset): Only the executions of this contact.
        status (str | Unset): Only the executions with this status (for example `completed`).
        start (datetime.datetime | Unset): Only the executions that started at or after this time
            (ISO 8601).
        end (datetime.datetime | Unset): Only the executions that started at or before this time
            (ISO 8601).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.PaginationError: The server gave a cursor again or the same page twice in a row.
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Iterator[WorkflowExecutionList]: the pages, one at a time.
    """

    return _PAGING.pages(
        {
            "client": client,
            "timeout": timeout,
            "account_id": account_id,
            "workflow_id": workflow_id,
            "offset": offset,
            "limit": limit,
            "contact_id": contact_id,
            "status": status,
            "start": start,
            "end": end,
        }
    )


def pages_async(
    account_id: str,
    workflow_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> AsyncIterator[WorkflowExecutionList]:
    """List the executions of a workflow

    One page of a workflow's executions, with offset paging: `limit` (1-100) executions from
    `offset`; `pagination.hasNext` says whether more follow. Filters: the contact, the status,
    and the start time's range.

    Each page whole, with its paging fields, the pages fetched one at a time as the loop goes,
    each by `asyncio`: an ordinary request, with everything a call of it does (retries,
    tracing, typed errors). Breaking out of the loop sends no more requests. `offset` is the
    first item's index (0 when not given); it advances by the number of items received.
    `limit` is the page size. The listing ends at an empty page, when `pagination.hasNext` is
    false, or (when the page does not say `pagination.hasNext`) at a page shorter than the
    limit sent. A cursor the server already gave, or the same page twice in a row, raises
    errors.PaginationError rather than loop forever.

    Args:
        account_id (str): Account to apply operations to
        workflow_id (str): Workflow to apply operations to
        offset (int | Unset): Index of the first execution to return (default 0).
        limit (int | Unset): Number of executions to return, 1 to 100.
        contact_id (str | Unset): Only the executions of this contact.
        status (str | Unset): Only the executions with this status (for example `completed`).
        start (datetime.datetime | Unset): Only the executions that started at or after this time
            (ISO 8601).
        end (datetime.datetime | Unset): Only the executions that started at or before this time
            (ISO 8601).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.PaginationError: The server gave a cursor again or the same page twice in a row.
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        AsyncIterator[WorkflowExecutionList]: the pages, one at a time.
    """

    return _PAGING.pages_async(
        {
            "client": client,
            "timeout": timeout,
            "account_id": account_id,
            "workflow_id": workflow_id,
            "offset": offset,
            "limit": limit,
            "contact_id": contact_id,
            "status": status,
            "start": start,
            "end": end,
        }
    )
