"""The HTTP machinery behind every generated endpoint: one retrying request
loop for sync and one for async callers, sharing the decisions in between.

`client.AuthenticatedClient` (rendered per vendor) subclasses `BaseClient` and
supplies the security schemes, the credentials, the base URL and the User-Agent.

Credentials are added to each request as its operation's `security` asks, never
to the httpx2 client's default headers, and never reach a repr, an exception
message or a log line (header values and query parameters alike are redacted).

The httpx2 clients (the connection pool) are created on first use and shared by a
client and every `with_options` copy of it; a copy's timeout and retry count
apply per request. The client the pool was created for closes it.

The rate budget (`_budget.RateBudget`) is shared the same way, on the `_Pool`: every attempt of
every request, retries included, takes its slot from it before it is sent and reports its answer
to it after, so a 429's Retry-After pauses all of them, not only the request that got it.

Each operation call is one `_Call`: its INFO log lines (request; response or failure, with
the time taken and the retries) and, when the application traces, its OpenTelemetry span.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import hashlib
import logging
import ssl
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Final, Self

import httpx2

from . import _constants, _tracing
from ._auth import Scheme, choose_schemes, credential_pairs, missing_params
from ._budget import RateBudget, Schedule
from ._json import stdlib_loads
from ._logging import REDACTED, logger, redact_headers, redact_transport_logs, redact_url
from ._retry import RetryPolicy, retry_delay, should_retry_error, should_retry_response
from .errors import APIConnectionError, APIError, APITimeoutError, MissingCredentialError, request_id_of


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller did not pass (None means "no timeout")."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

# Seconds for every phase, an httpx2.Timeout per phase, or None for no limit at all.
TimeoutArg = float | httpx2.Timeout | None


def _as_timeout(timeout: TimeoutArg) -> httpx2.Timeout:
    if isinstance(timeout, httpx2.Timeout):
        return timeout
    if timeout is not None and not isinstance(timeout, (int, float)):
        raise _wrong_http_object(timeout, "timeout", "seconds, an httpx2.Timeout or None")
    return httpx2.Timeout(timeout)


def _wrong_http_object(value: object, what: str, wanted: str) -> TypeError:
    """The TypeError for a `what` that is not `wanted`; a legacy `httpx` object is named as such.

    The packages use httpx2 (the maintained continuation of httpx, same API): an object of the
    legacy `httpx` package cannot drive them, even though it looks the same.
    """
    kind = type(value)
    module = kind.__module__.split(".")[0]
    if module == "httpx":
        return TypeError(
            f"{what} is an httpx.{kind.__name__} from the legacy httpx package; this SDK uses httpx2: "
            f"pass {wanted} (`import httpx2`, same API)"
        )
    return TypeError(f"{what} must be {wanted}, not {kind.__module__}.{kind.__qualname__}")


class Deadline(httpx2.Timeout):
    """A per-call timeout that ends at a point in time, `seconds` from now (the wait helpers pass one).

    Each attempt gets, per phase, the smaller of the client's timeout and the time left; no
    retry is started that could not begin before the deadline. A request cut short by the
    deadline raises `DeadlineExceededError`.
    """

    def __init__(self, seconds: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(max(seconds, 0.0))
        self._clock = clock
        self.expires_at = clock() + seconds

    def remaining(self) -> float:
        return self.expires_at - self._clock()


class DeadlineExceededError(APITimeoutError):
    """A request (or the retries it was due) ran into its `Deadline`."""


# Which phase of `httpx2.Timeout` each timeout exception is about.
_TIMEOUT_PHASES: Final = (
    (httpx2.ConnectTimeout, "connect"),
    (httpx2.ReadTimeout, "read"),
    (httpx2.WriteTimeout, "write"),
    (httpx2.PoolTimeout, "pool"),
)


def _capped(base: httpx2.Timeout, deadline: Deadline) -> tuple[dict[str, float | None], frozenset[str]]:
    """`base` per phase, none longer than the deadline's time left; and the phases it shortened."""
    left = max(deadline.remaining(), 0.0)
    phases = base.as_dict()
    shortened = frozenset(name for name, value in phases.items() if value is None or value > left)
    return {name: left if name in shortened else value for name, value in phases.items()}, shortened


def _hit_deadline(exc: httpx2.HTTPError, shortened: frozenset[str]) -> bool:
    """Whether `exc` is a timeout of a phase the deadline had shortened."""
    return any(isinstance(exc, kind) and phase in shortened for kind, phase in _TIMEOUT_PHASES)


_NO_HEADERS: Final[Mapping[str, str]] = {}
# `_slot`'s answer when the deadline comes before the budget's slot.
_DEADLINE_IN_BUDGET: Final = TimeoutError("deadline")


def _redis_schedule(url: str, vendor: str | None, base_url: str, credentials: Mapping[str, str]) -> Schedule:
    """The schedule in Redis at `url`, keyed by what makes one rate limit: the vendor, the base URL
    and the credentials (hashed: the key never shows a secret)."""
    from ._budget_redis import RedisSchedule  # only here: `import <package>` never imports redis

    identity = "\0".join([vendor or "", base_url, *(f"{k}={v}" for k, v in sorted(credentials.items()))])
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]
    return RedisSchedule(url, f"{vendor or 'exec-sdk'}:rate-budget:{digest}")


def _pool_size(httpx_args: Mapping[str, Any]) -> int | None:
    """How many requests the connection pool sends at once: the budget lets no more be in flight,
    so the rest wait where a pause can reach them (see `_budget`)."""
    limits = httpx_args.get("limits")
    if isinstance(limits, httpx2.Limits):
        return limits.max_connections
    return _constants.RATE_MAX_IN_FLIGHT


def _time_left(deadline: Deadline | None) -> Callable[[], float] | None:
    return None if deadline is None else deadline.remaining


class _Pool:
    """What a client shares with its `with_options` copies: the httpx2 clients, each created on
    first use, and the rate budget."""

    def __init__(self, kwargs: dict[str, Any], budget: RateBudget) -> None:
        self.kwargs = kwargs
        self.budget = budget
        self.sync: httpx2.Client | None = None
        self.async_: httpx2.AsyncClient | None = None
        self._made: list[httpx2.Client | httpx2.AsyncClient] = []  # created here, with `kwargs`' headers
        # Threads making their first calls at once must not each create (and leak) a client.
        self._lock = threading.Lock()

    def _kwargs_for(self, calls: str, wanted: type, use: str, setter: str) -> dict[str, Any]:
        """The httpx2 client's arguments, once `httpx_args["transport"]` is known to fit `calls`."""
        transport = self.kwargs.get("transport")
        if transport is not None and not isinstance(transport, wanted):
            if type(transport).__module__.split(".")[0] == "httpx":
                raise _wrong_http_object(transport, "httpx_args['transport']", f"an httpx2.{wanted.__name__}")
            raise TypeError(
                f"httpx_args['transport'] is a {type(transport).__name__}, which {calls} calls cannot use: they need "
                f"an httpx2.{wanted.__name__} (e.g. {use} or httpx2.MockTransport), or a client given to {setter}()"
            )
        return self.kwargs

    def sync_client(self) -> httpx2.Client:
        if self.sync is None:
            with self._lock:
                if self.sync is None:
                    kwargs = self._kwargs_for("sync", httpx2.BaseTransport, "httpx2.HTTPTransport", "set_httpx_client")
                    self.sync = httpx2.Client(**kwargs)
                    self._made.append(self.sync)
        return self.sync

    def async_client(self) -> httpx2.AsyncClient:
        if self.async_ is None:
            with self._lock:
                if self.async_ is None:
                    kwargs = self._kwargs_for(
                        "async", httpx2.AsyncBaseTransport, "httpx2.AsyncHTTPTransport", "set_async_httpx_client"
                    )
                    self.async_ = httpx2.AsyncClient(**kwargs)
                    self._made.append(self.async_)
        return self.async_

    def made(self, client: httpx2.Client | httpx2.AsyncClient) -> bool:
        """Whether `client` was created here (so it sends the SDK's headers by default)."""
        return any(client is made for made in self._made)


class _Call:
    """One operation call, retries included: its log lines and its tracing span (if traced)."""

    def __init__(self, client: BaseClient, operation: str | None, request: httpx2.Request | None) -> None:
        self.client = client
        self.operation = operation
        self.request = request  # None until built, when nothing logs or traces (see `observed`)
        self.started = time.perf_counter()
        self.span: Any = None
        if request is None:
            return
        if logger.isEnabledFor(logging.INFO):
            logger.info("Request: %s %s", request.method, self.url)
        if logger.isEnabledFor(logging.DEBUG):
            headers = redact_headers(request.headers.multi_items(), client._secret_headers)
            logger.debug("Request headers: %s %s %s", request.method, self.url, headers)
        tracer = _tracing.tracer()
        self.span = None if tracer is None else _tracing.start(tracer, operation or request.method, self._attributes)

    @staticmethod
    def observed() -> bool:
        """Whether a call's start is logged or traced (and so needs its request at once)."""
        return logger.isEnabledFor(logging.INFO) or _tracing.tracer() is not None

    @functools.cached_property
    def url(self) -> str:
        """The URL as logs and spans show it: credentials in the query redacted."""
        assert self.request is not None  # built before anything is logged
        return self.client._url_for_log(self.request)

    @property
    def _attributes(self) -> dict[str, Any]:
        client, request, operation = self.client, self.request, self.operation
        assert request is not None
        attributes: dict[str, Any] = {
            "http.request.method": request.method,
            "server.address": request.url.host,
            "url.full": self.url,
        }
        if request.url.port is not None:
            attributes["server.port"] = request.url.port
        if client._vendor:
            attributes[_tracing.VENDOR] = client._vendor
        if operation:
            attributes[_tracing.OPERATION] = operation
        return attributes

    @contextmanager
    def active(self) -> Iterator[None]:
        """The span as the current one (so the attempts' HTTP spans nest under it)."""
        if self.span is None:
            yield
        else:
            with _tracing.activate(self.span):
                yield

    def _elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000

    def answered(self, response: httpx2.Response, retries: int) -> None:
        if logger.isEnabledFor(logging.INFO):
            rid = request_id_of(response.headers)
            logger.info(
                "Response: %s %s -> %d in %.0f ms, %d %s%s",
                response.request.method,
                self.url,
                response.status_code,
                self._elapsed_ms(),
                retries,
                "retry" if retries == 1 else "retries",
                f", request id {rid}" if rid else "",
            )
        if self.span is None:
            return
        attributes: dict[str, Any] = {"http.response.status_code": response.status_code, _tracing.RETRIES: retries}
        status = self._execution_status(self.span, response)
        if status is not None:
            attributes[_tracing.EXECUTION_STATUS] = status
        _tracing.finish(self.span, attributes, str(response.status_code) if response.status_code >= 400 else None)

    def failed(self, exc: BaseException, retries: int) -> None:
        if self.request is not None and logger.isEnabledFor(logging.INFO):
            logger.info(
                "Failed: %s %s after %.0f ms, %d %s: %s",
                self.request.method,
                self.url,
                self._elapsed_ms(),
                retries,
                "retry" if retries == 1 else "retries",
                type(exc).__name__,
            )
        if self.span is not None:
            _tracing.finish(self.span, {_tracing.RETRIES: retries}, exc)

    def _execution_status(self, span: Any, response: httpx2.Response) -> str | None:
        """The polled operation's execution status in a 2xx answer (read only for a recording span)."""
        path = self.client._status_paths.get(self.operation or "")
        if not path or not response.is_success or not span.is_recording():
            return None
        try:
            data: Any = stdlib_loads(response.content)
        except (ValueError, RecursionError):
            return None  # the operation's decoder reports a body that is not JSON
        for key in path:
            data = data.get(key) if isinstance(data, dict) else None
        return None if data is None or isinstance(data, dict | list) else str(data)


class BaseClient:
    """Connection settings, credentials and the retrying request loops.

    Args:
        schemes: Every security scheme of the API, by the spec's scheme name.
        credentials: Scheme name -> secret, for the schemes the caller configured.
        credential_params: Scheme name -> the subclass's constructor parameter that
            supplies it, named by `MissingCredentialError` (default: the scheme name).
        vendor: The package's distribution name, a tracing span attribute.
        status_paths: Operation name -> where its answer carries an execution status (the
            polled operation's), a tracing span attribute.
        rate_limit: Requests per second at most; None: adaptive (see `_budget`).
        rate_limit_redis: A Redis URL: share the budget's schedule with every process using the
            same vendor, base URL and credentials (the `redis` extra).
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
        vendor: str | None = None,
        status_paths: Mapping[str, Sequence[str]] | None = None,
        rate_limit: float | None = None,
        rate_limit_redis: str | None = None,
    ) -> None:
        # Checked first: a wrong rate limit is refused before anything else is built or sent.
        budget = RateBudget(rate_limit)
        if not base_url:
            raise ValueError("base_url is required")
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._base_url = base_url
        # The base every request's path is appended to when the httpx2 client has none of its own.
        base = httpx2.URL(base_url)
        self._base = base if base.raw_path.endswith(b"/") else base.copy_with(raw_path=base.raw_path + b"/")
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
        redact_transport_logs(self._secret_params)
        self._cookies = dict(cookies or {})
        self._timeout = _as_timeout(timeout)
        # Set on a `with_options` copy: its timeout, sent with each request (the pool has the original's).
        self._request_timeout: httpx2.Timeout | NotGiven = NOT_GIVEN
        self._max_retries = max_retries
        self._verify_ssl = verify_ssl
        self._follow_redirects = follow_redirects
        self._httpx_args = dict(httpx_args or {})
        if rate_limit_redis:
            budget.schedule = _redis_schedule(rate_limit_redis, vendor, base_url, self._credentials)
        budget.max_in_flight = _pool_size(self._httpx_args)
        self._pool = _Pool(self._client_kwargs(), budget)
        self._owns_pool = True
        self._vendor = vendor
        self._status_paths = {name: tuple(path) for name, path in (status_paths or {}).items()}
        # Time, as the retry loops, `Deadline`s and the wait helpers see it. A test fake
        # (`testing.FakeAPI`) replaces these with its virtual clock, so that retries and
        # polls cost no real time; for every other client they are the real thing.
        self._sleep: Callable[[float], None] = time.sleep
        self._asleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self._clock: Callable[[], float] = time.monotonic

    # -- settings ---------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def timeout(self) -> httpx2.Timeout:
        return self._timeout

    @property
    def max_retries(self) -> int:
        return self._max_retries

    @property
    def rate_budget(self) -> RateBudget:
        """The rate budget this client and its `with_options` copies share."""
        return self._pool.budget

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
        """A copy with another timeout or retry count, sharing this client's connection pool.

        The pool (sync and async) is created on first use by whichever of the two asks first, and
        shared by every copy; `set_httpx_client` on any of them sets it for all. The copy's timeout
        and retry count apply to its own requests only; the original keeps its settings.

        Closing: the original closes the pool (`close()`/`aclose()`, or its `with` block);
        closing a copy, or leaving a copy's `with` block, closes nothing. Keep the original
        open while copies are in use.
        """
        clone = copy.copy(self)
        clone._owns_pool = False
        if not isinstance(timeout, NotGiven):
            clone._timeout = clone._request_timeout = _as_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            if max_retries < 0:
                raise ValueError("max_retries must be 0 or more")
            clone._max_retries = max_retries
        return clone

    # -- httpx2 clients ----------------------------------------------------

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

    def set_httpx_client(self, client: httpx2.Client) -> Self:
        """Use `client` for sync calls of this client and of every copy sharing its pool.

        Its transport, TLS settings, cookies and other headers apply; its timeout applies
        unless a copy or a call sets one. Each request still carries the SDK's credentials,
        User-Agent and Accept headers, and goes to this client's `base_url` unless `client` has
        a `base_url` of its own. `close()` of the original closes it.

        Raises:
            TypeError: `client` is not an `httpx2.Client` (e.g. a legacy `httpx.Client`).
        """
        if not isinstance(client, httpx2.Client):
            raise _wrong_http_object(client, "set_httpx_client()'s client", "an httpx2.Client")
        self._pool.sync = client
        return self

    def get_httpx_client(self) -> httpx2.Client:
        """The shared httpx2 client for sync calls, created on first use.

        Raises:
            TypeError: `httpx_args["transport"]` is an async-only transport.
        """
        return self._pool.sync_client()

    def set_async_httpx_client(self, async_client: httpx2.AsyncClient) -> Self:
        """Use `async_client` for async calls; as `set_httpx_client`.

        Raises:
            TypeError: `async_client` is not an `httpx2.AsyncClient` (e.g. a legacy `httpx.AsyncClient`).
        """
        if not isinstance(async_client, httpx2.AsyncClient):
            raise _wrong_http_object(async_client, "set_async_httpx_client()'s client", "an httpx2.AsyncClient")
        self._pool.async_ = async_client
        return self

    def get_async_httpx_client(self) -> httpx2.AsyncClient:
        """The shared httpx2 client for async calls, created on first use.

        Raises:
            TypeError: `httpx_args["transport"]` is a sync-only transport.
        """
        return self._pool.async_client()

    def close(self) -> None:
        """Close the sync pool; a no-op on a `with_options` copy (the original owns the pool)."""
        if self._owns_pool and self._pool.sync is not None:
            self._pool.sync.close()
        if self._owns_pool:
            self._pool.budget.schedule.close()

    async def aclose(self) -> None:
        """Close the async pool; a no-op on a `with_options` copy (the original owns the pool)."""
        if self._owns_pool and self._pool.async_ is not None:
            await self._pool.async_.aclose()
        if self._owns_pool:
            await self._pool.budget.schedule.aclose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: Any) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self.aclose()

    # -- credentials ---------------------------------------------------------

    def _credential_kwargs(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        security: Sequence[Sequence[str]] | None,
    ) -> tuple[Mapping[str, Any] | None, Mapping[str, str] | httpx2.Headers | None]:
        """`params` and `headers` plus the credentials `security` asks for (a credential wins).

        Raises MissingCredentialError, before anything is sent, when no alternative can be met.
        """
        chosen = self._check_credentials(method, url, security)
        if not chosen:
            return params, headers
        secret_headers, secret_params = credential_pairs(chosen, self._schemes, self._credentials)
        if secret_params:
            params = {**(params or {}), **secret_params}
        if secret_headers:
            if not headers:
                return params, secret_headers
            merged = httpx2.Headers(headers)
            merged.update(secret_headers)  # case-insensitive: replaces any same-named header
            return params, merged
        return params, headers

    def _check_credentials(self, method: str, url: str, security: Sequence[Sequence[str]] | None) -> tuple[str, ...]:
        """The schemes whose credentials this call sends; MissingCredentialError when none of
        `security`'s alternatives can be met."""
        chosen = choose_schemes(security, self._schemes, self._credentials)
        if isinstance(chosen, list):
            missing = missing_params(chosen, self._credentials, self._credential_params)
            raise MissingCredentialError(method, url, missing)
        return chosen

    def _redact(self, text: str) -> str:
        """`text` with every configured secret replaced (for messages built from httpx2's)."""
        for secret in self._credentials.values():
            if secret:
                text = text.replace(secret, REDACTED)
        return text

    def _url_for_log(self, request: httpx2.Request) -> str:
        return redact_url(request.url, self._secret_params)

    # -- retry decisions, shared by both loops ----------------------------

    def _build_request(
        self,
        client: httpx2.Client | httpx2.AsyncClient,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        json: Any,
        security: Sequence[Sequence[str]] | None,
        timeout: TimeoutArg | NotGiven,
        data: Mapping[str, Any] | None = None,
    ) -> httpx2.Request:
        # The SDK's headers go on every request, so an httpx2 client given by the caller sends them
        # too; one the pool created has them as its defaults already.
        sdk_headers = _NO_HEADERS if self._pool.made(client) else self._headers
        params, merged = self._credential_kwargs(method, url, params, {**sdk_headers, **(headers or {})}, security)
        if isinstance(timeout, NotGiven):
            timeout = self._request_timeout
        extensions = {} if isinstance(timeout, NotGiven) else {"timeout": _as_timeout(timeout).as_dict()}
        target: str | httpx2.URL = url
        if client.base_url.is_relative_url:
            # No base URL of its own (an httpx2 client given by the caller): the SDK's.
            target = self._base.copy_with(raw_path=self._base.raw_path + url.lstrip("/").encode("ascii"))
        return client.build_request(
            method, target, params=params, headers=merged, json=json, data=data, extensions=extensions
        )

    def _delay_after_response(
        self,
        response: httpx2.Response,
        retries_taken: int,
        retry: RetryPolicy = "always",
        deadline: Deadline | None = None,
    ) -> float | None:
        """Seconds to wait before retrying this answer, or None to return it (also when the
        retry could not start before `deadline`)."""
        if retries_taken >= self._max_retries or not should_retry_response(response.status_code, retry):
            return None
        delay = retry_delay(retries_taken, response.headers)
        if deadline is not None and delay >= deadline.remaining():
            logger.debug("Not retrying status %d: the deadline comes first", response.status_code)
            return None
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
        self,
        exc: httpx2.HTTPError,
        request: httpx2.Request,
        retries_taken: int,
        retry: RetryPolicy = "always",
        deadline: Deadline | None = None,
        shortened: frozenset[str] = frozenset(),
    ) -> float:
        """Seconds to wait before retrying after `exc`; raises our error when not retrying.

        With a `deadline`: a timeout of a phase it shortened raises `DeadlineExceededError`; a
        retry that could not start before it is not made (the error is raised as is).
        """
        if deadline is not None and _hit_deadline(exc, shortened):
            raise DeadlineExceededError(f"Deadline passed: {type(exc).__name__}", request=request) from exc
        retrying = should_retry_error(exc, retry) and retries_taken < self._max_retries
        delay = retry_delay(retries_taken) if retrying else 0.0
        if retrying and (deadline is None or delay < deadline.remaining()):
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
        if isinstance(exc, httpx2.TimeoutException):
            raise APITimeoutError(f"Request timed out: {type(exc).__name__}", request=request) from exc
        message = self._redact(f"Connection error: {type(exc).__name__}: {exc}")
        raise APIConnectionError(message, request=request) from exc

    def _limit_attempt(
        self, client: httpx2.Client | httpx2.AsyncClient, request: httpx2.Request, deadline: Deadline | None
    ) -> frozenset[str]:
        """Cap the next attempt's timeout to the deadline; the phases it shortened."""
        if deadline is None:
            return frozenset()
        if deadline.remaining() <= 0:
            raise DeadlineExceededError("Deadline passed before the request was sent", request=request)
        base = client.timeout if isinstance(self._request_timeout, NotGiven) else self._request_timeout
        phases, shortened = _capped(base, deadline)
        request.extensions["timeout"] = phases
        return shortened

    # -- the rate budget ---------------------------------------------------------

    def _slot(self, deadline: Deadline | None, retry: bool) -> int | BaseException:
        """Wait for this attempt's slot in the rate budget: its ticket, or the error to raise
        (made by `_budget_error` once the caller has a request to attach)."""
        try:
            ticket = self._pool.budget.acquire(self._clock, self._sleep, _time_left(deadline), retry=retry)
        except ConnectionError as exc:  # a shared budget's store (Redis) out of reach
            return exc
        return _DEADLINE_IN_BUDGET if ticket is None else ticket

    async def _aslot(self, deadline: Deadline | None, retry: bool) -> int | BaseException:
        """`_slot` for async callers."""
        try:
            ticket = await self._pool.budget.aacquire(self._clock, self._asleep, _time_left(deadline), retry=retry)
        except ConnectionError as exc:
            return exc
        return _DEADLINE_IN_BUDGET if ticket is None else ticket

    def _build_after_slot(self, ticket: int | BaseException, build: Callable[[], httpx2.Request]) -> httpx2.Request:
        """The call's request, built once its first slot came; the slot is given back when
        building fails (nothing was sent: its place goes to the next waiter)."""
        try:
            return build()
        except BaseException:
            if not isinstance(ticket, BaseException):
                self._pool.budget.settle(ticket, None, _NO_HEADERS, self._clock)  # no pause: no I/O
            raise

    @staticmethod
    def _budget_error(failure: BaseException, request: httpx2.Request) -> APIError:
        if failure is _DEADLINE_IN_BUDGET:
            return DeadlineExceededError("Deadline passed waiting for the rate budget", request=request)
        error = APIConnectionError(f"Rate budget unavailable: {failure}", request=request)
        error.__cause__ = failure
        return error

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
        operation: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> httpx2.Response:
        """Send one operation, retrying as `retry` allows; returns the answer for any status.

        Args:
            json: The JSON body (None: no body).
            data: A form body (`application/x-www-form-urlencoded`): field -> value, a list
                for a repeated field (None: no form body).
            security: The operation's requirement: alternatives of scheme names, the first one
                whose credentials are all configured is sent; `()` sends none; None sends every
                configured credential.
            retry: "always", "keyed" (the caller put the same idempotency key on every
                attempt) or "unsent" (only failures before sending are retried).
            timeout: For each attempt: this call's (seconds or `httpx2.Timeout`), else a copy's,
                else the httpx2 client's. A `Deadline` bounds the call as a whole, retries included.
            operation: The operation's name (the generated module's), for the logs and the span.
        """
        client = self.get_httpx_client()
        deadline = timeout if isinstance(timeout, Deadline) else None
        # Built once its first slot has come, unless logs or spans want it now: thousands of calls
        # may wait for the budget at once, and a built request waiting is memory the garbage
        # collector scans again and again (see `_budget`). Credentials are checked first.
        request = None
        if _Call.observed():
            request = self._build_request(client, method, url, params, headers, json, security, timeout, data)
        else:
            self._check_credentials(method, url, security)
        retries_taken = 0
        call = _Call(self, operation, request)
        with call.active():
            try:
                while True:
                    budget = self._pool.budget
                    ticket = self._slot(deadline, retries_taken > 0)
                    if request is None:
                        request = call.request = self._build_after_slot(
                            ticket,
                            functools.partial(
                                self._build_request, client, method, url, params, headers, json, security, timeout, data
                            ),
                        )
                    if isinstance(ticket, BaseException):
                        raise self._budget_error(ticket, request)
                    try:
                        shortened = self._limit_attempt(client, request, deadline)
                        response = client.send(request)
                    except httpx2.HTTPError as exc:
                        budget.settle(ticket, None, _NO_HEADERS, self._clock)
                        delay = self._delay_after_error(exc, request, retries_taken, retry, deadline, shortened)
                    except BaseException:
                        budget.settle(ticket, None, _NO_HEADERS, self._clock)
                        raise
                    else:
                        budget.settle(ticket, response.status_code, response.headers, self._clock)
                        maybe_delay = self._delay_after_response(response, retries_taken, retry, deadline)
                        if maybe_delay is None:
                            call.answered(response, retries_taken)
                            return response
                        response.close()
                        delay = maybe_delay
                    self._sleep(delay)
                    retries_taken += 1
            except BaseException as exc:
                call.failed(exc, retries_taken)
                raise

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
        operation: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> httpx2.Response:
        """`_request` for async callers."""
        client = self.get_async_httpx_client()
        deadline = timeout if isinstance(timeout, Deadline) else None
        # Built once its first slot has come, unless logs or spans want it now: thousands of calls
        # may wait for the budget at once, and a built request waiting is memory the garbage
        # collector scans again and again (see `_budget`). Credentials are checked first.
        request = None
        if _Call.observed():
            request = self._build_request(client, method, url, params, headers, json, security, timeout, data)
        else:
            self._check_credentials(method, url, security)
        retries_taken = 0
        call = _Call(self, operation, request)
        with call.active():
            try:
                while True:
                    budget = self._pool.budget
                    ticket = await self._aslot(deadline, retries_taken > 0)
                    if request is None:
                        request = call.request = self._build_after_slot(
                            ticket,
                            functools.partial(
                                self._build_request, client, method, url, params, headers, json, security, timeout, data
                            ),
                        )
                    if isinstance(ticket, BaseException):
                        raise self._budget_error(ticket, request)
                    try:
                        shortened = self._limit_attempt(client, request, deadline)
                        response = await client.send(request)
                    except httpx2.HTTPError as exc:
                        await budget.asettle(ticket, None, _NO_HEADERS, self._clock)
                        delay = self._delay_after_error(exc, request, retries_taken, retry, deadline, shortened)
                    except BaseException:
                        await budget.asettle(ticket, None, _NO_HEADERS, self._clock)
                        raise
                    else:
                        await budget.asettle(ticket, response.status_code, response.headers, self._clock)
                        maybe_delay = self._delay_after_response(response, retries_taken, retry, deadline)
                        if maybe_delay is None:
                            call.answered(response, retries_taken)
                            return response
                        await response.aclose()
                        delay = maybe_delay
                    await self._asleep(delay)
                    retries_taken += 1
            except BaseException as exc:
                call.failed(exc, retries_taken)
                raise
