import time as _time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx2

from ... import _paging, errors
from ... import models as _models
from ..._base_client import NOT_GIVEN, NotGiven, TimeoutArg
from ..._json import decode_json, decode_model
from ..._validate import invalid
from ...client import AuthenticatedClient
from ...models.error_envelope import ErrorEnvelope
from ...models.execution_list_response import ExecutionListResponse
from ...types import UNSET, APIResponse, Response, Unset

# Which credentials this operation accepts: alternatives, each a set of security schemes sent together.
_SECURITY: tuple[tuple[str, ...], ...] = (("bearerAuth",),)


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}
    if not isinstance(limit, Unset):
        params["limit"] = limit
    if not isinstance(offset, Unset):
        params["offset"] = offset
    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/executions",
        "params": params,
        "headers": None,
        "json": None,
        "security": _SECURITY,
        "retry": "always",
        "operation": "list_executions",
    }
    return _kwargs


def _build_success(data: Any) -> ExecutionListResponse:
    return ExecutionListResponse.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_400(data: Any) -> ErrorEnvelope:
    return ErrorEnvelope.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _decode_success(response: httpx2.Response) -> ExecutionListResponse:
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


def _build_response(response: httpx2.Response) -> Response[ExecutionListResponse | ErrorEnvelope]:
    parsed: ExecutionListResponse | ErrorEnvelope | None
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


def _result(response: httpx2.Response) -> ExecutionListResponse:
    if response.is_success:
        return _decode_success(response)
    raise errors.status_error(response, _decode_error(response))


def _api_response(response: httpx2.Response, started: float) -> APIResponse[ExecutionListResponse]:
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
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[ExecutionListResponse | ErrorEnvelope]:
    """List executions for the current organization

    One page of the organisation's executions, newest first, with offset paging: `limit`
    (default 20, at most 100) items from `offset`; `data.hasMore` says whether more follow.
    B3OS documents no status or time filters on this route.

    Args:
        limit (int | Unset): Number of items (default 20, max 100).
        offset (int | Unset): Offset for pagination (default 0).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        Response[ExecutionListResponse | ErrorEnvelope]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = client._request(
        **_get_kwargs(
            limit=limit,
            offset=offset,
        ),
        timeout=timeout,
    )
    return _build_response(response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> ExecutionListResponse:
    """List executions for the current organization

    One page of the organisation's executions, newest first, with offset paging: `limit`
    (default 20, at most 100) items from `offset`; `data.hasMore` says whether more follow.
    B3OS documents no status or time filters on this route.

    Args:
        limit (int | Unset): Number of items (default 20, max 100).
        offset (int | Unset): Offset for pagination (default 0).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        ExecutionListResponse
    """

    response = client._request(
        **_get_kwargs(
            limit=limit,
            offset=offset,
        ),
        timeout=timeout,
    )
    return _result(response)


def sync_with_response(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[ExecutionListResponse]:
    """List executions for the current organization

    One page of the organisation's executions, newest first, with offset paging: `limit`
    (default 20, at most 100) items from `offset`; `data.hasMore` says whether more follow.
    B3OS documents no status or time filters on this route.

    Args:
        limit (int | Unset): Number of items (default 20, max 100).
        offset (int | Unset): Offset for pagination (default 0).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        APIResponse[ExecutionListResponse]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = client._request(
        **_get_kwargs(
            limit=limit,
            offset=offset,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[ExecutionListResponse | ErrorEnvelope]:
    """List executions for the current organization

    One page of the organisation's executions, newest first, with offset paging: `limit`
    (default 20, at most 100) items from `offset`; `data.hasMore` says whether more follow.
    B3OS documents no status or time filters on this route.

    Args:
        limit (int | Unset): Number of items (default 20, max 100).
        offset (int | Unset): Offset for pagination (default 0).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        Response[ExecutionListResponse | ErrorEnvelope]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = await client._arequest(
        **_get_kwargs(
            limit=limit,
            offset=offset,
        ),
        timeout=timeout,
    )
    return _build_response(response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> ExecutionListResponse:
    """List executions for the current organization

    One page of the organisation's executions, newest first, with offset paging: `limit`
    (default 20, at most 100) items from `offset`; `data.hasMore` says whether more follow.
    B3OS documents no status or time filters on this route.

    Args:
        limit (int | Unset): Number of items (default 20, max 100).
        offset (int | Unset): Offset for pagination (default 0).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        ExecutionListResponse
    """

    response = await client._arequest(
        **_get_kwargs(
            limit=limit,
            offset=offset,
        ),
        timeout=timeout,
    )
    return _result(response)


async def asyncio_with_response(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[ExecutionListResponse]:
    """List executions for the current organization

    One page of the organisation's executions, newest first, with offset paging: `limit`
    (default 20, at most 100) items from `offset`; `data.hasMore` says whether more follow.
    B3OS documents no status or time filters on this route.

    Args:
        limit (int | Unset): Number of items (default 20, max 100).
        offset (int | Unset): Offset for pagination (default 0).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        APIResponse[ExecutionListResponse]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = await client._arequest(
        **_get_kwargs(
            limit=limit,
            offset=offset,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


# How this operation pages (x-exec-pagination); each page is fetched by `sync` / `asyncio`.
_PAGING = _paging.Paging(
    operation="list_executions",
    style="offset",
    marker="offset",
    items=("data", "items"),
    fetch=sync,
    fetch_async=asyncio,
    limit="limit",
    has_more=("data", "has_more"),
)


def iterate(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Iterator[_models.Execution]:
    """List executions for the current organization

    One page of the organisation's executions, newest first, with offset paging: `limit`
    (default 20, at most 100) items from `offset`; `data.hasMore` says whether more follow.
    B3OS documents no status or time filters on this route.

    Every item, the pages fetched one at a time as the loop goes, each by `sync`: an ordinary
    request, with everything a call of it does (retries, tracing, typed errors). Breaking out
    of the loop sends no more requests. `offset` is the first item's index (0 when not given);
    it advances by the number of items received. `limit` is the page size. The listing ends at
    an empty page, when `data.hasMore` is false, or (when the page does not say
    `data.hasMore`) at a page shorter than the limit sent. A cursor the server already gave,
    or the same page twice in a row, raises errors.PaginationError rather than loop forever.

    Args:
        limit (int | Unset): Number of items (default 20, max 100).
        offset (int | Unset): Offset for pagination (default 0).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.PaginationError: The server gave a cursor again or the same page twice in a row.
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        Iterator[Execution]: the items, one at a time.
    """

    return _PAGING.iterate(
        {
            "client": client,
            "timeout": timeout,
            "limit": limit,
            "offset": offset,
        }
    )


def iterate_async(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> AsyncIterator[_models.Execution]:
    """List executions for the current organization

    One page of the organisation's executions, newest first, with offset paging: `limit`
    (default 20, at most 100) items from `offset`; `data.hasMore` says whether more follow.
    B3OS documents no status or time filters on this route.

    Every item, the pages fetched one at a time as the loop goes, each by `asyncio`: an
    ordinary request, with everything a call of it does (retries, tracing, typed errors).
    Breaking out of the loop sends no more requests. `offset` is the first item's index (0
    when not given); it advances by the number of items received. `limit` is the page size.
    The listing ends at an empty page, when `data.hasMore` is false, or (when the page does
    not say `data.hasMore`) at a page shorter than the limit sent. A cursor the server already
    gave, or the same page twice in a row, raises errors.PaginationError rather than loop
    forever.

    Args:
        limit (int | Unset): Number of items (default 20, max 100).
        offset (int | Unset): Offset for pagination (default 0).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.PaginationError: The server gave a cursor again or the same page twice in a row.
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        AsyncIterator[Execution]: the items, one at a time.
    """

    return _PAGING.iterate_async(
        {
            "client": client,
            "timeout": timeout,
            "limit": limit,
            "offset": offset,
        }
    )


def pages(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Iterator[ExecutionListResponse]:
    """List executions for the current organization

    One page of the organisation's executions, newest first, with offset paging: `limit`
    (default 20, at most 100) items from `offset`; `data.hasMore` says whether more follow.
    B3OS documents no status or time filters on this route.

    Each page whole, with its paging fields, the pages fetched one at a time as the loop goes,
    each by `sync`: an ordinary request, with everything a call of it does (retries, tracing,
    typed errors). Breaking out of the loop sends no more requests. `offset` is the first
    item's index (0 when not given); it advances by the number of items received. `limit` is
    the page size. The listing ends at an empty page, when `data.hasMore` is false, or (when
    the page does not say `data.hasMore`) at a page shorter than the limit sent. A cursor the
    server already gave, or the same page twice in a row, raises errors.PaginationError rather
    than loop forever.

    Args:
        limit (int | Unset): Number of items (default 20, max 100).
        offset (int | Unset): Offset for pagination (default 0).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.PaginationError: The server gave a cursor again or the same page twice in a row.
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        Iterator[ExecutionListResponse]: the pages, one at a time.
    """

    return _PAGING.pages(
        {
            "client": client,
            "timeout": timeout,
            "limit": limit,
            "offset": offset,
        }
    )


def pages_async(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> AsyncIterator[ExecutionListResponse]:
    """List executions for the current organization

    One page of the organisation's executions, newest first, with offset paging: `limit`
    (default 20, at most 100) items from `offset`; `data.hasMore` says whether more follow.
    B3OS documents no status or time filters on this route.

    Each page whole, with its paging fields, the pages fetched one at a time as the loop goes,
    each by `asyncio`: an ordinary request, with everything a call of it does (retries,
    tracing, typed errors). Breaking out of the loop sends no more requests. `offset` is the
    first item's index (0 when not given); it advances by the number of items received.
    `limit` is the page size. The listing ends at an empty page, when `data.hasMore` is false,
    or (when the page does not say `data.hasMore`) at a page shorter than the limit sent. A
    cursor the server already gave, or the same page twice in a row, raises
    errors.PaginationError rather than loop forever.

    Args:
        limit (int | Unset): Number of items (default 20, max 100).
        offset (int | Unset): Offset for pagination (default 0).
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.PaginationError: The server gave a cursor again or the same page twice in a row.
        errors.MissingCredentialError: The client has no credential this operation accepts.

    Returns:
        AsyncIterator[ExecutionListResponse]: the pages, one at a time.
    """

    return _PAGING.pages_async(
        {
            "client": client,
            "timeout": timeout,
            "limit": limit,
            "offset": offset,
        }
    )
