"""The HTTP machinery behind every generated endpoint: one retrying request
loop for sync and one for async callers, sharing the decisions in between.

`client.AuthenticatedClient` (rendered per vendor) subclasses `BaseClient` and
supplies the security schemes, the credentials, the base URL and the User-Agent.

Credentials are added to each request as its operation's `security` asks, never
to the httpx client's default headers, and never reach a repr, an exception
message or a log line (header values and query parameters alike are redacted).
"""

from __future__ import annotations

import asyncio
import copy
import logging
import ssl
import time
from collections.abc import Mapping, Sequence
from typing import Any, Final, Self

import httpx

from . import _constants
from ._auth import Scheme, choose_schemes, credential_pairs, missing_params
from ._logging import REDACTED, logger, redact_headers, redact_url
from ._retry import RetryPolicy, retry_delay, should_retry_error, should_retry_response
from .errors import APIConnectionError, APITimeoutError, MissingCredentialError


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller did not pass (None means "no timeout")."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

# Seconds for every phase, an httpx.Timeout per phase, or None for no limit at all.
TimeoutArg = float | httpx.Timeout | None


def _as_timeout(timeout: TimeoutArg) -> httpx.Timeout:
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


class BaseClient:
    """Connection settings, credentials and the retrying request loops.

    Args:
        schemes: Every security scheme of the API, by the spec's scheme name.
        credentials: Scheme name -> secret, for the schemes the caller configured.
        credential_params: Scheme name -> the subclass's constructor parameter that
            supplies it, named by `MissingCredentialError` (default: the scheme name).
    """

    def __init__(
        self,
        *,
        base_url: str,
        schemes: Mapping[str, Scheme],
        credentials: Mapping[str, str],
        user_agent: str,
        timeout: TimeoutArg = _constants.DEFAULT_TIMEOUT,
        max_retries: int = _constants.DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        cookies: Mapping[str, str] | None = None,
        verify_ssl: bool | str | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: Mapping[str, Any] | None = None,
        credential_params: Mapping[str, str] | None = None,
    ) -> None:
        if not base_url:
            raise ValueError("base_url is required")
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._base_url = base_url
        # Copies: the caller's dicts are never mutated, nor later mutations seen.
        self._headers = {"User-Agent": user_agent, "Accept": "application/json", **dict(headers or {})}
        self._schemes = dict(schemes)
        unknown = sorted(name for name in credentials if name not in self._schemes)
        if unknown:
            raise ValueError(f"credentials for unknown security scheme(s): {', '.join(unknown)}")
        self._credentials = dict(credentials)
        self._credential_params = dict(credential_params or {})
        # What the logs never show: every scheme's header or query parameter.
        self._secret_headers = frozenset(s.name.lower() for s in self._schemes.values() if s.location == "header")
        self._secret_params = frozenset(s.name for s in self._schemes.values() if s.location == "query")
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
            "headers": self._headers,
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

    # -- credentials ---------------------------------------------------------

    def _credential_kwargs(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        security: Sequence[Sequence[str]] | None,
    ) -> tuple[Mapping[str, Any] | None, Mapping[str, str] | httpx.Headers | None]:
        """`params` and `headers` plus the credentials `security` asks for (a credential wins).

        Raises MissingCredentialError, before anything is sent, when no alternative can be met.
        """
        chosen = choose_schemes(security, self._schemes, self._credentials)
        if isinstance(chosen, list):
            missing = missing_params(chosen, self._credentials, self._credential_params)
            raise MissingCredentialError(method, url, missing)
        if not chosen:
            return params, headers
        secret_headers, secret_params = credential_pairs(chosen, self._schemes, self._credentials)
        if secret_params:
            params = {**(params or {}), **secret_params}
        if secret_headers:
            merged = httpx.Headers(headers)
            merged.update(secret_headers)  # case-insensitive: replaces any same-named header
            return params, merged
        return params, headers

    def _redact(self, text: str) -> str:
        """`text` with every configured secret replaced (for messages built from httpx's)."""
        for secret in self._credentials.values():
            if secret:
                text = text.replace(secret, REDACTED)
        return text

    def _url_for_log(self, request: httpx.Request) -> str:
        return redact_url(request.url, self._secret_params)

    # -- retry decisions, shared by both loops ----------------------------

    def _build_request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        json: Any,
        security: Sequence[Sequence[str]] | None,
        timeout: TimeoutArg | NotGiven,
    ) -> httpx.Request:
        params, headers = self._credential_kwargs(method, url, params, headers, security)
        extensions = {} if isinstance(timeout, NotGiven) else {"timeout": _as_timeout(timeout).as_dict()}
        request = client.build_request(method, url, params=params, headers=headers, json=json, extensions=extensions)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "Request: %s %s headers=%s",
                method,
                self._url_for_log(request),
                redact_headers(request.headers.multi_items(), self._secret_headers),
            )
        return request

    def _delay_after_response(
        self, response: httpx.Response, retries_taken: int, retry: RetryPolicy = "always"
    ) -> float | None:
        """Seconds to wait before retrying this answer, or None to return it."""
        if retries_taken >= self._max_retries or not should_retry_response(response.status_code, retry):
            return None
        delay = retry_delay(retries_taken, response.headers)
        logger.debug(
            "Retrying %s %s in %.2fs (retry %d of %d) after status %d",
            response.request.method,
            self._url_for_log(response.request),
            delay,
            retries_taken + 1,
            self._max_retries,
            response.status_code,
        )
        return delay

    def _delay_after_error(
        self, exc: httpx.HTTPError, request: httpx.Request, retries_taken: int, retry: RetryPolicy = "always"
    ) -> float:
        """Seconds to wait before retrying after `exc`; raises our error when not retrying."""
        if should_retry_error(exc, retry) and retries_taken < self._max_retries:
            delay = retry_delay(retries_taken)
            logger.debug(
                "Retrying %s %s in %.2fs (retry %d of %d) after %s",
                request.method,
                self._url_for_log(request),
                delay,
                retries_taken + 1,
                self._max_retries,
                type(exc).__name__,
            )
            return delay
        if isinstance(exc, httpx.TimeoutException):
            raise APITimeoutError(f"Request timed out: {type(exc).__name__}", request=request) from exc
        message = self._redact(f"Connection error: {type(exc).__name__}: {exc}")
        raise APIConnectionError(message, request=request) from exc

    # -- the loops ----------------------------------------------------------

    def _request(
        self,
        *,
        method: str,
        url: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        security: Sequence[Sequence[str]] | None = None,
        retry: RetryPolicy = "always",
        timeout: TimeoutArg | NotGiven = NOT_GIVEN,
    ) -> httpx.Response:
        """Send one operation, retrying as `retry` allows; returns the answer for any status.

        Args:
            json: The JSON body (None: no body).
            security: The operation's requirement: alternatives of scheme names, the first one
                whose credentials are all configured is sent; `()` sends none; None sends every
                configured credential.
            retry: "always", "keyed" (the caller put the same idempotency key on every
                attempt) or "unsent" (only failures before sending are retried).
        """
        client = self.get_httpx_client()
        request = self._build_request(client, method, url, params, headers, json, security, timeout)
        retries_taken = 0
        while True:
            try:
                response = client.send(request)
            except httpx.HTTPError as exc:
                delay = self._delay_after_error(exc, request, retries_taken, retry)
            else:
                maybe_delay = self._delay_after_response(response, retries_taken, retry)
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
        json: Any = None,
        security: Sequence[Sequence[str]] | None = None,
        retry: RetryPolicy = "always",
        timeout: TimeoutArg | NotGiven = NOT_GIVEN,
    ) -> httpx.Response:
        """`_request` for async callers."""
        client = self.get_async_httpx_client()
        request = self._build_request(client, method, url, params, headers, json, security, timeout)
        retries_taken = 0
        while True:
            try:
                response = await client.send(request)
            except httpx.HTTPError as exc:
                delay = self._delay_after_error(exc, request, retries_taken, retry)
            else:
                maybe_delay = self._delay_after_response(response, retries_taken, retry)
                if maybe_delay is None:
                    return response
                await response.aclose()
                delay = maybe_delay
            await asyncio.sleep(delay)
            retries_taken += 1
