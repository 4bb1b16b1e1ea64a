"""The HTTP machinery behind every generated endpoint: one retrying request
loop for sync and one for async callers, sharing the decisions in between.

`client.AuthenticatedClient` (rendered per vendor) subclasses `BaseClient` and
supplies the credential header, the base URL and the User-Agent.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import ssl
import time
from collections.abc import Mapping
from typing import Any, Final, Self

import httpx

from . import _constants
from ._logging import logger, redact_headers
from ._retry import retry_delay, should_retry_status
from .errors import APIConnectionError, APITimeoutError


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller did not pass (None means "no timeout")."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

# Seconds for every phase, an httpx.Timeout per phase, or None for no limit at all.
TimeoutArg = float | httpx.Timeout | None

# Transport failures that a second attempt may well get past.
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def _as_timeout(timeout: TimeoutArg) -> httpx.Timeout:
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


class BaseClient:
    """Connection settings, credentials and the retrying request loops."""

    def __init__(
        self,
        *,
        base_url: str,
        auth_headers: Mapping[str, str],
        user_agent: str,
        timeout: TimeoutArg = _constants.DEFAULT_TIMEOUT,
        max_retries: int = _constants.DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        cookies: Mapping[str, str] | None = None,
        verify_ssl: bool | str | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: Mapping[str, Any] | None = None,
    ) -> None:
        if not base_url:
            raise ValueError("base_url is required")
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._base_url = base_url
        # Copies: the caller's dicts are never mutated, nor later mutations seen.
        self._headers = {"User-Agent": user_agent, "Accept": "application/json", **dict(headers or {})}
        self._auth_headers = dict(auth_headers)
        self._cookies = dict(cookies or {})
        self._timeout = _as_timeout(timeout)
        self._max_retries = max_retries
        self._verify_ssl = verify_ssl
        self._follow_redirects = follow_redirects
        self._httpx_args = dict(httpx_args or {})
        self._client: httpx.Client | None = None
        self._async_client: httpx.AsyncClient | None = None

    # -- settings ---------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def timeout(self) -> httpx.Timeout:
        return self._timeout

    @property
    def max_retries(self) -> int:
        return self._max_retries

    def __repr__(self) -> str:
        # Never the credential: only what is safe in a log line.
        return (
            f"{type(self).__name__}(base_url={self._base_url!r}, "
            f"timeout={self._timeout!r}, max_retries={self._max_retries})"
        )

    __str__ = __repr__

    def with_options(
        self,
        *,
        timeout: TimeoutArg | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy with another timeout or retry count, sharing this client's connections."""
        clone = copy.copy(self)
        if not isinstance(timeout, NotGiven):
            clone._timeout = _as_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            if max_retries < 0:
                raise ValueError("max_retries must be 0 or more")
            clone._max_retries = max_retries
        return clone

    # -- httpx clients ----------------------------------------------------

    def _client_kwargs(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "headers": {**self._headers, **self._auth_headers},
            "cookies": self._cookies,
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **self._httpx_args,
        }

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use `client` for sync calls (its own headers, timeouts and TLS settings apply)."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(**self._client_kwargs())
        return self._client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use `async_client` for async calls (its own settings apply)."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._client_kwargs())
        return self._async_client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self.get_httpx_client().__exit__(*args)

    async def __aenter__(self) -> Self:
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self.get_async_httpx_client().__aexit__(*args)

    # -- retry decisions, shared by both loops ----------------------------

    def _build_request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        timeout: TimeoutArg | NotGiven,
    ) -> httpx.Request:
        extensions = {} if isinstance(timeout, NotGiven) else {"timeout": _as_timeout(timeout).as_dict()}
        request = client.build_request(method, url, params=params, headers=headers, extensions=extensions)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "Request: %s %s headers=%s", method, request.url, redact_headers(request.headers.multi_items())
            )
        return request

    def _delay_after_response(self, response: httpx.Response, retries_taken: int) -> float | None:
        """Seconds to wait before retrying this answer, or None to return it."""
        if retries_taken >= self._max_retries or not should_retry_status(response.status_code):
            return None
        delay = retry_delay(retries_taken, response.headers)
        logger.debug(
            "Retrying %s %s in %.2fs (retry %d of %d) after status %d",
            response.request.method,
            response.request.url,
            delay,
            retries_taken + 1,
            self._max_retries,
            response.status_code,
        )
        return delay

    def _delay_after_error(self, exc: httpx.HTTPError, request: httpx.Request, retries_taken: int) -> float:
        """Seconds to wait before retrying after `exc`; raises our error when not retrying."""
        if isinstance(exc, _RETRYABLE_ERRORS) and retries_taken < self._max_retries:
            delay = retry_delay(retries_taken)
            logger.debug(
                "Retrying %s %s in %.2fs (retry %d of %d) after %s",
                request.method,
                request.url,
                delay,
                retries_taken + 1,
                self._max_retries,
                type(exc).__name__,
            )
            return delay
        if isinstance(exc, httpx.TimeoutException):
            raise APITimeoutError(f"Request timed out: {type(exc).__name__}", request=request) from exc
        raise APIConnectionError(f"Connection error: {type(exc).__name__}: {exc}", request=request) from exc

    # -- the loops ----------------------------------------------------------

    def _request(
        self,
        *,
        method: str,
        url: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg | NotGiven = NOT_GIVEN,
    ) -> httpx.Response:
        client = self.get_httpx_client()
        request = self._build_request(client, method, url, params, headers, timeout)
        retries_taken = 0
        while True:
            try:
                response = client.send(request)
            except httpx.HTTPError as exc:
                delay = self._delay_after_error(exc, request, retries_taken)
            else:
                maybe_delay = self._delay_after_response(response, retries_taken)
                if maybe_delay is None:
                    return response
                response.close()
                delay = maybe_delay
            time.sleep(delay)
            retries_taken += 1

    async def _arequest(
        self,
        *,
        method: str,
        url: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg | NotGiven = NOT_GIVEN,
    ) -> httpx.Response:
        client = self.get_async_httpx_client()
        request = self._build_request(client, method, url, params, headers, timeout)
        retries_taken = 0
        while True:
            try:
                response = await client.send(request)
            except httpx.HTTPError as exc:
                delay = self._delay_after_error(exc, request, retries_taken)
            else:
                maybe_delay = self._delay_after_response(response, retries_taken)
                if maybe_delay is None:
                    return response
                await response.aclose()
                delay = maybe_delay
            await asyncio.sleep(delay)
            retries_taken += 1
