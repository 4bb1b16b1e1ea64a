import datetime
import time as _time
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import UUID

import httpx2

from ... import _paging, errors
from ... import models as _models
from ..._base_client import NOT_GIVEN, NotGiven, TimeoutArg
from ..._json import decode_json, decode_model
from ..._paths import encode_path_segment
from ..._validate import invalid, parse_uuid
from ...client import AuthenticatedClient
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.scope_error import ScopeError
from ...models.search_executions_status_item import SearchExecutionsStatusItem
from ...models.server_error import ServerError
from ...models.special_user_id import SpecialUserID
from ...models.trigger_type import TriggerType
from ...models.workflow_execution_page import WorkflowExecutionPage
from ...models.workflow_execution_relation_filter import WorkflowExecutionRelationFilter
from ...models.workflow_execution_status_filter_mode import WorkflowExecutionStatusFilterMode
from ...types import UNSET, APIResponse, Response, Unset


def _parse_param_user_id(data: Any) -> Any:
    if type(data) is str:
        try:
            return parse_uuid(data, "query parameter user_id")
        except (TypeError, ValueError):
            pass
    if type(data) is str:
        return SpecialUserID._by_value.get(data) or SpecialUserID(data)
    if data is None:
        return data
    invalid("query parameter user_id", "a uuid string or a string enum value or null", data)


def _dump_param_user_id(value: Any) -> Any:
    if value is None:
        return value
    if isinstance(value, SpecialUserID):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


# Which credentials this operation accepts: alternatives, each a set of security schemes sent together.
_SECURITY: tuple[tuple[str, ...], ...] = (("ServiceAccountApiKeyBearer",),)


def _get_kwargs(
    workspace_id: UUID,
    *,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}
    if not isinstance(trigger, Unset):
        params["trigger"] = None if trigger is None else [_i0.value for _i0 in trigger]
    if not isinstance(status, Unset):
        params["status"] = None if status is None else [_i0.value for _i0 in status]
    if not isinstance(status_mode, Unset):
        params["status_mode"] = status_mode.value
    if not isinstance(start_time_from, Unset):
        params["start_time_from"] = None if start_time_from is None else start_time_from.isoformat()
    if not isinstance(start_time_to, Unset):
        params["start_time_to"] = None if start_time_to is None else start_time_to.isoformat()
    if not isinstance(close_time_from, Unset):
        params["close_time_from"] = None if close_time_from is None else close_time_from.isoformat()
    if not isinstance(close_time_to, Unset):
        params["close_time_to"] = None if close_time_to is None else close_time_to.isoformat()
    if not isinstance(duration_gte_seconds, Unset):
        params["duration_gte_seconds"] = duration_gte_seconds
    if not isinstance(duration_lte_seconds, Unset):
        params["duration_lte_seconds"] = duration_lte_seconds
    if not isinstance(search_term, Unset):
        params["search_term"] = search_term
    if not isinstance(relation, Unset):
        params["relation"] = relation.value
    if not isinstance(workflow_id, Unset):
        params["workflow_id"] = workflow_id
    if not isinstance(limit, Unset):
        params["limit"] = limit
    if not isinstance(cursor, Unset):
        params["cursor"] = cursor
    if not isinstance(reverse, Unset):
        params["reverse"] = reverse
    if not isinstance(user_id, Unset):
        params["user_id"] = _dump_param_user_id(user_id)
    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/workspaces/{workspace_id}/workflow-executions/search".format(
            workspace_id=encode_path_segment(str(workspace_id), "workspace_id"),
        ),
        "params": params,
        "headers": None,
        "json": None,
        "security": _SECURITY,
        "retry": "always",
        "operation": "search_executions",
    }
    return _kwargs


def _build_success(data: Any) -> WorkflowExecutionPage:
    return WorkflowExecutionPage.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_401(data: Any) -> ErrorDetail:
    return ErrorDetail.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_403(data: Any) -> ScopeError:
    return ScopeError.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_422(data: Any) -> HTTPValidationError:
    return HTTPValidationError.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _build_500(data: Any) -> ServerError:
    return ServerError.from_dict(data) if type(data) is dict else invalid("response body", "an object", data)


def _decode_success(response: httpx2.Response) -> WorkflowExecutionPage:
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
) -> Response[WorkflowExecutionPage | ErrorDetail | ScopeError | HTTPValidationError | ServerError]:
    parsed: WorkflowExecutionPage | ErrorDetail | ScopeError | HTTPValidationError | ServerError | None
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


def _result(response: httpx2.Response) -> WorkflowExecutionPage:
    if response.is_success:
        return _decode_success(response)
    raise errors.status_error(response, _decode_error(response))


def _api_response(response: httpx2.Response, started: float) -> APIResponse[WorkflowExecutionPage]:
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
    *,
    client: AuthenticatedClient,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[WorkflowExecutionPage | ErrorDetail | ScopeError | HTTPValidationError | ServerError]:
    """Search Workflow Executions

    Args:
        workspace_id (UUID):
        trigger (list[TriggerType] | None | Unset):
        status (list[SearchExecutionsStatusItem] | None | Unset):
        status_mode (WorkflowExecutionStatusFilterMode | Unset):
        start_time_from (datetime.datetime | None | Unset):
        start_time_to (datetime.datetime | None | Unset):
        close_time_from (datetime.datetime | None | Unset):
        close_time_to (datetime.datetime | None | Unset):
        duration_gte_seconds (int | None | Unset):
        duration_lte_seconds (int | None | Unset):
        search_term (None | str | Unset): Filter by workflow title or alias.
        relation (WorkflowExecutionRelationFilter | Unset):
        workflow_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        reverse (bool | Unset):  Default: False.
        user_id (None | SpecialUserID | Unset | UUID):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[WorkflowExecutionPage | ErrorDetail | ScopeError | HTTPValidationError | ServerError]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = client._request(
        **_get_kwargs(
            workspace_id=workspace_id,
            trigger=trigger,
            status=status,
            status_mode=status_mode,
            start_time_from=start_time_from,
            start_time_to=start_time_to,
            close_time_from=close_time_from,
            close_time_to=close_time_to,
            duration_gte_seconds=duration_gte_seconds,
            duration_lte_seconds=duration_lte_seconds,
            search_term=search_term,
            relation=relation,
            workflow_id=workflow_id,
            limit=limit,
            cursor=cursor,
            reverse=reverse,
            user_id=user_id,
        ),
        timeout=timeout,
    )
    return _build_response(response)


def sync(
    workspace_id: UUID,
    *,
    client: AuthenticatedClient,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> WorkflowExecutionPage:
    """Search Workflow Executions

    Args:
        workspace_id (UUID):
        trigger (list[TriggerType] | None | Unset):
        status (list[SearchExecutionsStatusItem] | None | Unset):
        status_mode (WorkflowExecutionStatusFilterMode | Unset):
        start_time_from (datetime.datetime | None | Unset):
        start_time_to (datetime.datetime | None | Unset):
        close_time_from (datetime.datetime | None | Unset):
        close_time_to (datetime.datetime | None | Unset):
        duration_gte_seconds (int | None | Unset):
        duration_lte_seconds (int | None | Unset):
        search_term (None | str | Unset): Filter by workflow title or alias.
        relation (WorkflowExecutionRelationFilter | Unset):
        workflow_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        reverse (bool | Unset):  Default: False.
        user_id (None | SpecialUserID | Unset | UUID):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        WorkflowExecutionPage
    """

    response = client._request(
        **_get_kwargs(
            workspace_id=workspace_id,
            trigger=trigger,
            status=status,
            status_mode=status_mode,
            start_time_from=start_time_from,
            start_time_to=start_time_to,
            close_time_from=close_time_from,
            close_time_to=close_time_to,
            duration_gte_seconds=duration_gte_seconds,
            duration_lte_seconds=duration_lte_seconds,
            search_term=search_term,
            relation=relation,
            workflow_id=workflow_id,
            limit=limit,
            cursor=cursor,
            reverse=reverse,
            user_id=user_id,
        ),
        timeout=timeout,
    )
    return _result(response)


def sync_with_response(
    workspace_id: UUID,
    *,
    client: AuthenticatedClient,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[WorkflowExecutionPage]:
    """Search Workflow Executions

    Args:
        workspace_id (UUID):
        trigger (list[TriggerType] | None | Unset):
        status (list[SearchExecutionsStatusItem] | None | Unset):
        status_mode (WorkflowExecutionStatusFilterMode | Unset):
        start_time_from (datetime.datetime | None | Unset):
        start_time_to (datetime.datetime | None | Unset):
        close_time_from (datetime.datetime | None | Unset):
        close_time_to (datetime.datetime | None | Unset):
        duration_gte_seconds (int | None | Unset):
        duration_lte_seconds (int | None | Unset):
        search_term (None | str | Unset): Filter by workflow title or alias.
        relation (WorkflowExecutionRelationFilter | Unset):
        workflow_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        reverse (bool | Unset):  Default: False.
        user_id (None | SpecialUserID | Unset | UUID):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[WorkflowExecutionPage]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = client._request(
        **_get_kwargs(
            workspace_id=workspace_id,
            trigger=trigger,
            status=status,
            status_mode=status_mode,
            start_time_from=start_time_from,
            start_time_to=start_time_to,
            close_time_from=close_time_from,
            close_time_to=close_time_to,
            duration_gte_seconds=duration_gte_seconds,
            duration_lte_seconds=duration_lte_seconds,
            search_term=search_term,
            relation=relation,
            workflow_id=workflow_id,
            limit=limit,
            cursor=cursor,
            reverse=reverse,
            user_id=user_id,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


async def asyncio_detailed(
    workspace_id: UUID,
    *,
    client: AuthenticatedClient,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Response[WorkflowExecutionPage | ErrorDetail | ScopeError | HTTPValidationError | ServerError]:
    """Search Workflow Executions

    Args:
        workspace_id (UUID):
        trigger (list[TriggerType] | None | Unset):
        status (list[SearchExecutionsStatusItem] | None | Unset):
        status_mode (WorkflowExecutionStatusFilterMode | Unset):
        start_time_from (datetime.datetime | None | Unset):
        start_time_to (datetime.datetime | None | Unset):
        close_time_from (datetime.datetime | None | Unset):
        close_time_to (datetime.datetime | None | Unset):
        duration_gte_seconds (int | None | Unset):
        duration_lte_seconds (int | None | Unset):
        search_term (None | str | Unset): Filter by workflow title or alias.
        relation (WorkflowExecutionRelationFilter | Unset):
        workflow_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        reverse (bool | Unset):  Default: False.
        user_id (None | SpecialUserID | Unset | UUID):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        Response[WorkflowExecutionPage | ErrorDetail | ScopeError | HTTPValidationError | ServerError]: status, headers, raw content, and the parsed body (the
        success model on 2xx, the documented error model or None otherwise).
    """

    response = await client._arequest(
        **_get_kwargs(
            workspace_id=workspace_id,
            trigger=trigger,
            status=status,
            status_mode=status_mode,
            start_time_from=start_time_from,
            start_time_to=start_time_to,
            close_time_from=close_time_from,
            close_time_to=close_time_to,
            duration_gte_seconds=duration_gte_seconds,
            duration_lte_seconds=duration_lte_seconds,
            search_term=search_term,
            relation=relation,
            workflow_id=workflow_id,
            limit=limit,
            cursor=cursor,
            reverse=reverse,
            user_id=user_id,
        ),
        timeout=timeout,
    )
    return _build_response(response)


async def asyncio(
    workspace_id: UUID,
    *,
    client: AuthenticatedClient,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> WorkflowExecutionPage:
    """Search Workflow Executions

    Args:
        workspace_id (UUID):
        trigger (list[TriggerType] | None | Unset):
        status (list[SearchExecutionsStatusItem] | None | Unset):
        status_mode (WorkflowExecutionStatusFilterMode | Unset):
        start_time_from (datetime.datetime | None | Unset):
        start_time_to (datetime.datetime | None | Unset):
        close_time_from (datetime.datetime | None | Unset):
        close_time_to (datetime.datetime | None | Unset):
        duration_gte_seconds (int | None | Unset):
        duration_lte_seconds (int | None | Unset):
        search_term (None | str | Unset): Filter by workflow title or alias.
        relation (WorkflowExecutionRelationFilter | Unset):
        workflow_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        reverse (bool | Unset):  Default: False.
        user_id (None | SpecialUserID | Unset | UUID):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        WorkflowExecutionPage
    """

    response = await client._arequest(
        **_get_kwargs(
            workspace_id=workspace_id,
            trigger=trigger,
            status=status,
            status_mode=status_mode,
            start_time_from=start_time_from,
            start_time_to=start_time_to,
            close_time_from=close_time_from,
            close_time_to=close_time_to,
            duration_gte_seconds=duration_gte_seconds,
            duration_lte_seconds=duration_lte_seconds,
            search_term=search_term,
            relation=relation,
            workflow_id=workflow_id,
            limit=limit,
            cursor=cursor,
            reverse=reverse,
            user_id=user_id,
        ),
        timeout=timeout,
    )
    return _result(response)


async def asyncio_with_response(
    workspace_id: UUID,
    *,
    client: AuthenticatedClient,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> APIResponse[WorkflowExecutionPage]:
    """Search Workflow Executions

    Args:
        workspace_id (UUID):
        trigger (list[TriggerType] | None | Unset):
        status (list[SearchExecutionsStatusItem] | None | Unset):
        status_mode (WorkflowExecutionStatusFilterMode | Unset):
        start_time_from (datetime.datetime | None | Unset):
        start_time_to (datetime.datetime | None | Unset):
        close_time_from (datetime.datetime | None | Unset):
        close_time_to (datetime.datetime | None | Unset):
        duration_gte_seconds (int | None | Unset):
        duration_lte_seconds (int | None | Unset):
        search_term (None | str | Unset): Filter by workflow title or alias.
        relation (WorkflowExecutionRelationFilter | Unset):
        workflow_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        reverse (bool | Unset):  Default: False.
        user_id (None | SpecialUserID | Unset | UUID):
        client: The authenticated client (base URL, credentials, retries).
        timeout: Overrides the client's timeout for this call (seconds or httpx2.Timeout).

    Raises:
        errors.APIStatusError: A non-2xx answer (a subclass per status, e.g. NotFoundError).
        errors.APIResponseValidationError: A 2xx body that is not JSON or does not fit the schema.
        errors.APIConnectionError: The request failed to reach the server (APITimeoutError on timeout).
        errors.MissingCredentialError: The client has no credential this operation accepts.
        ValueError: A path parameter is empty, ".", or "..".

    Returns:
        APIResponse[WorkflowExecutionPage]: `.parsed` (what `sync` returns), `.status_code`, `.headers`,
        `.request_id`, `.elapsed` (seconds, retries included) and `.http_response`.
    """

    _started = _time.monotonic()  # underscored: never the name of a spec parameter
    response = await client._arequest(
        **_get_kwargs(
            workspace_id=workspace_id,
            trigger=trigger,
            status=status,
            status_mode=status_mode,
            start_time_from=start_time_from,
            start_time_to=start_time_to,
            close_time_from=close_time_from,
            close_time_to=close_time_to,
            duration_gte_seconds=duration_gte_seconds,
            duration_lte_seconds=duration_lte_seconds,
            search_term=search_term,
            relation=relation,
            workflow_id=workflow_id,
            limit=limit,
            cursor=cursor,
            reverse=reverse,
            user_id=user_id,
        ),
        timeout=timeout,
    )
    return _api_response(response, _started)


# How this operation pages (x-exec-pagination); each page is fetched by `sync` / `asyncio`.
_PAGING = _paging.Paging(
    operation="search_executions",
    style="cursor",
    marker="cursor",
    items=("items",),
    fetch=sync,
    fetch_async=asyncio,
    limit="limit",
    next_cursor=("next_cursor",),
    has_more=("has_more",),
)


def iterate(
    workspace_id: UUID,
    *,
    client: AuthenticatedClient,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Iterator[_models.WorkflowExecutionSummary]:
    """Search Workflow Executions

    Every item, the pages fetched one at a time as the loop goes, each by `sync`: an ordinary
    request, with everything a call of it does (retries, tracing, typed errors). Breaking out
    of the loop sends no more requests. `cursor` is the cursor to start from (none: the first
    page); the next one is the page's `next_cursor`. `limit` is the page size. The listing
    ends at an empty page, when `has_more` is false, or at a page without a next cursor. A
    cursor the server already gave, or the same page twice in a row, raises
    errors.PaginationError rather than loop forever.

    Args:
        workspace_id (UUID):
        trigger (list[TriggerType] | None | Unset):
        status (list[SearchExecutionsStatusItem] | None | Unset):
        status_mode (WorkflowExecutionStatusFilterMode | Unset):
        start_time_from (datetime.datetime | None | Unset):
        start_time_to (datetime.datetime | None | Unset):
        close_time_from (datetime.datetime | None | Unset):
        close_time_to (datetime.datetime | None | Unset):
        duration_gte_seconds (int | None | Unset):
        duration_lte_seconds (int | None | Unset):
        search_term (None | str | Unset): Filter by workflow title or alias.
        relation (WorkflowExecutionRelationFilter | Unset):
        workflow_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        reverse (bool | Unset):  Default: False.
        user_id (None | SpecialUserID | Unset | UUID):
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
        Iterator[WorkflowExecutionSummary]: the items, one at a time.
    """

    return _PAGING.iterate(
        {
            "client": client,
            "timeout": timeout,
            "workspace_id": workspace_id,
            "trigger": trigger,
            "status": status,
            "status_mode": status_mode,
            "start_time_from": start_time_from,
            "start_time_to": start_time_to,
            "close_time_from": close_time_from,
            "close_time_to": close_time_to,
            "duration_gte_seconds": duration_gte_seconds,
            "duration_lte_seconds": duration_lte_seconds,
            "search_term": search_term,
            "relation": relation,
            "workflow_id": workflow_id,
            "limit": limit,
            "cursor": cursor,
            "reverse": reverse,
            "user_id": user_id,
        }
    )


def iterate_async(
    workspace_id: UUID,
    *,
    client: AuthenticatedClient,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> AsyncIterator[_models.WorkflowExecutionSummary]:
    """Search Workflow Executions

    Every item, the pages fetched one at a time as the loop goes, each by `asyncio`: an
    ordinary request, with everything a call of it does (retries, tracing, typed errors).
    Breaking out of the loop sends no more requests. `cursor` is the cursor to start from
    (none: the first page); the next one is the page's `next_cursor`. `limit` is the page
    size. The listing ends at an empty page, when `has_more` is false, or at a page without a
    next cursor. A cursor the server already gave, or the same page twice in a row, raises
    errors.PaginationError rather than loop forever.

    Args:
        workspace_id (UUID):
        trigger (list[TriggerType] | None | Unset):
        status (list[SearchExecutionsStatusItem] | None | Unset):
        status_mode (WorkflowExecutionStatusFilterMode | Unset):
        start_time_from (datetime.datetime | None | Unset):
        start_time_to (datetime.datetime | None | Unset):
        close_time_from (datetime.datetime | None | Unset):
        close_time_to (datetime.datetime | None | Unset):
        duration_gte_seconds (int | None | Unset):
        duration_lte_seconds (int | None | Unset):
        search_term (None | str | Unset): Filter by workflow title or alias.
        relation (WorkflowExecutionRelationFilter | Unset):
        workflow_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        reverse (bool | Unset):  Default: False.
        user_id (None | SpecialUserID | Unset | UUID):
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
        AsyncIterator[WorkflowExecutionSummary]: the items, one at a time.
    """

    return _PAGING.iterate_async(
        {
            "client": client,
            "timeout": timeout,
            "workspace_id": workspace_id,
            "trigger": trigger,
            "status": status,
            "status_mode": status_mode,
            "start_time_from": start_time_from,
            "start_time_to": start_time_to,
            "close_time_from": close_time_from,
            "close_time_to": close_time_to,
            "duration_gte_seconds": duration_gte_seconds,
            "duration_lte_seconds": duration_lte_seconds,
            "search_term": search_term,
            "relation": relation,
            "workflow_id": workflow_id,
            "limit": limit,
            "cursor": cursor,
            "reverse": reverse,
            "user_id": user_id,
        }
    )


def pages(
    workspace_id: UUID,
    *,
    client: AuthenticatedClient,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> Iterator[WorkflowExecutionPage]:
    """Search Workflow Executions

    Each page whole, with its paging fields, the pages fetched one at a time as the loop goes,
    each by `sync`: an ordinary request, with everything a call of it does (retries, tracing,
    typed errors). Breaking out of the loop sends no more requests. `cursor` is the cursor to
    start from (none: the first page); the next one is the page's `next_cursor`. `limit` is
    the page size. The listing ends at an empty page, when `has_more` is false, or at a page
    without a next cursor. A cursor the server already gave, or the same page twice in a row,
    raises errors.PaginationError rather than loop forever.

    Args:
        workspace_id (UUID):
        trigger (list[TriggerType] | None | Unset):
        status (list[SearchExecutionsStatusItem] | None | Unset):
        status_mode (WorkflowExecutionStatusFilterMode | Unset):
        start_time_from (datetime.datetime | None | Unset):
        start_time_to (datetime.datetime | None | Unset):
        close_time_from (datetime.datetime | None | Unset):
        close_time_to (datetime.datetime | None | Unset):
        duration_gte_seconds (int | None | Unset):
        duration_lte_seconds (int | None | Unset):
        search_term (None | str | Unset): Filter by workflow title or alias.
        relation (WorkflowExecutionRelationFilter | Unset):
        workflow_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        reverse (bool | Unset):  Default: False.
        user_id (None | SpecialUserID | Unset | UUID):
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
        Iterator[WorkflowExecutionPage]: the pages, one at a time.
    """

    return _PAGING.pages(
        {
            "client": client,
            "timeout": timeout,
            "workspace_id": workspace_id,
            "trigger": trigger,
            "status": status,
            "status_mode": status_mode,
            "start_time_from": start_time_from,
            "start_time_to": start_time_to,
            "close_time_from": close_time_from,
            "close_time_to": close_time_to,
            "duration_gte_seconds": duration_gte_seconds,
            "duration_lte_seconds": duration_lte_seconds,
            "search_term": search_term,
            "relation": relation,
            "workflow_id": workflow_id,
            "limit": limit,
            "cursor": cursor,
            "reverse": reverse,
            "user_id": user_id,
        }
    )


def pages_async(
    workspace_id: UUID,
    *,
    client: AuthenticatedClient,
    trigger: list[TriggerType] | None | Unset = UNSET,
    status: list[SearchExecutionsStatusItem] | None | Unset = UNSET,
    status_mode: WorkflowExecutionStatusFilterMode | Unset = UNSET,
    start_time_from: datetime.datetime | None | Unset = UNSET,
    start_time_to: datetime.datetime | None | Unset = UNSET,
    close_time_from: datetime.datetime | None | Unset = UNSET,
    close_time_to: datetime.datetime | None | Unset = UNSET,
    duration_gte_seconds: int | None | Unset = UNSET,
    duration_lte_seconds: int | None | Unset = UNSET,
    search_term: None | str | Unset = UNSET,
    relation: WorkflowExecutionRelationFilter | Unset = UNSET,
    workflow_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    reverse: bool | Unset = False,
    user_id: None | SpecialUserID | Unset | UUID = UNSET,
    timeout: TimeoutArg | NotGiven = NOT_GIVEN,
) -> AsyncIterator[WorkflowExecutionPage]:
    """Search Workflow Executions

    Each page whole, with its paging fields, the pages fetched one at a time as the loop goes,
    each by `asyncio`: an ordinary request, with everything a call of it does (retries,
    tracing, typed errors). Breaking out of the loop sends no more requests. `cursor` is the
    cursor to start from (none: the first page); the next one is the page's `next_cursor`.
    `limit` is the page size. The listing ends at an empty page, when `has_more` is false, or
    at a page without a next cursor. A cursor the server already gave, or the same page twice
    in a row, raises errors.PaginationError rather than loop forever.

    Args:
        workspace_id (UUID):
        trigger (list[TriggerType] | None | Unset):
        status (list[SearchExecutionsStatusItem] | None | Unset):
        status_mode (WorkflowExecutionStatusFilterMode | Unset):
        start_time_from (datetime.datetime | None | Unset):
        start_time_to (datetime.datetime | None | Unset):
        close_time_from (datetime.datetime | None | Unset):
        close_time_to (datetime.datetime | None | Unset):
        duration_gte_seconds (int | None | Unset):
        duration_lte_seconds (int | None | Unset):
        search_term (None | str | Unset): Filter by workflow title or alias.
        relation (WorkflowExecutionRelationFilter | Unset):
        workflow_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        reverse (bool | Unset):  Default: False.
        user_id (None | SpecialUserID | Unset | UUID):
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
        AsyncIterator[WorkflowExecutionPage]: the pages, one at a time.
    """

    return _PAGING.pages_async(
        {
            "client": client,
            "timeout": timeout,
            "workspace_id": workspace_id,
            "trigger": trigger,
            "status": status,
            "status_mode": status_mode,
            "start_time_from": start_time_from,
            "start_time_to": start_time_to,
            "close_time_from": close_time_from,
            "close_time_to": close_time_to,
            "duration_gte_seconds": duration_gte_seconds,
            "duration_lte_seconds": duration_lte_seconds,
            "search_term": search_term,
            "relation": relation,
            "workflow_id": workflow_id,
            "limit": limit,
            "cursor": cursor,
            "reverse": reverse,
            "user_id": user_id,
        }
    )
