"""The B3OS API client: base URL, credentials, timeouts and retries.

Build one per process and reuse it; it keeps a connection pool.
"""

from __future__ import annotations

import ssl
import sys
from collections.abc import Mapping
from typing import Any, Self

import httpx2

from . import _constants
from ._auth import Scheme, setting
from ._base_client import BaseClient, TimeoutArg
from ._logging import configure_from_env
from ._vendor import (
    DEFAULT_BASE_URL,
    DIST_NAME,
    ENV_BASE_URL,
    ENV_CREDENTIALS,
    ENV_LOG,
    POLL_OPERATION,
    POLL_STATUS_PATH,
    __version__,
)

# Re-exported: the error a constructor raises for a missing credential or base URL.
from .errors import MissingConfigurationError as MissingConfigurationError

USER_AGENT = f"{DIST_NAME}/{__version__} python/{sys.version_info[0]}.{sys.version_info[1]} httpx2/{httpx2.__version__}"

# The security schemes the operations use, by the spec's name.
_SCHEMES: dict[str, Scheme] = {
    "bearerAuth": Scheme("header", "Authorization", "Bearer "),
}
# The constructor parameter that supplies each scheme (named when a credential is missing;
# HTTP basic: its username, which makes the credential).
_CREDENTIAL_PARAMS: dict[str, str] = {
    "bearerAuth": "token",
}
# Where the polled operation's answer carries the execution status (a tracing span attribute).
_STATUS_PATHS: dict[str, tuple[str, ...]] = (
    {POLL_OPERATION.rpartition(".")[2]: POLL_STATUS_PATH} if POLL_OPERATION and POLL_STATUS_PATH else {}
)


class AuthenticatedClient(BaseClient):
    """Calls the B3OS API with a bearer token (`Authorization: Bearer <token>`).

    Every argument is keyword-only. A credential or `base_url` not passed (or None) is read from
    its environment variable; an argument you pass always wins over the environment.
    `$CHECKOUT_LOG=info` (or `debug`) logs each request to stderr, credentials redacted.

    Args:
        token: The bearer token, sent as `Authorization: Bearer <token>`. Default: `$CHECKOUT_TOKEN`.
        base_url: The API root. Default: `$CHECKOUT_BASE_URL`, else `https://api.b3os.org`.
        timeout: Seconds, an `httpx2.Timeout`, or None for no limit. Default: connect
            5 s, everything else 30 s.
        max_retries: Retries after the first attempt (default 2; 0 disables).
        headers: Extra headers for every request (copied; your dict is never changed).
        cookies: Extra cookies for every request (copied).
        verify_ssl: TLS verification: True (default), a CA bundle path, or an `ssl.SSLContext`.
        follow_redirects: Whether to follow redirects (default False).
        httpx_args: More keyword arguments for the `httpx2.Client`/`httpx2.AsyncClient`.
        rate_limit: Requests per second at most, for this client, its async calls and its
            `with_options` copies together, paced evenly with a small burst.
            None (default): adaptive, unlimited until the first 429, then just under the rate
            that was getting through, probing upward again.
        rate_limit_redis: A Redis URL (`redis://host:6379/0`): share the budget with every process
            using the same credentials and base URL (`pip install checkout-exec[redis]`).

    Raises:
        ValueError: `rate_limit` is 0, negative, NaN or infinite.
        MissingConfigurationError: (a `ValueError`) a required credential is
            neither passed nor set in its environment variable; the message names both.
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutArg = _constants.DEFAULT_TIMEOUT,
        max_retries: int = _constants.DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        cookies: Mapping[str, str] | None = None,
        verify_ssl: bool | str | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: Mapping[str, Any] | None = None,
        rate_limit: float | None = None,
        rate_limit_redis: str | None = None,
    ) -> None:
        configure_from_env(ENV_LOG)  # once per process: `CHECKOUT_LOG=debug|info` logs to stderr
        credentials: dict[str, str] = {}
        token = setting(token, "token", ENV_CREDENTIALS["token"], required=True)
        if token:
            credentials["bearerAuth"] = token
        super().__init__(
            base_url=setting(base_url, "base_url", ENV_BASE_URL, required=True, default=DEFAULT_BASE_URL),
            schemes=_SCHEMES,
            credentials=credentials,
            credential_params=_CREDENTIAL_PARAMS,
            user_agent=USER_AGENT,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            cookies=cookies,
            verify_ssl=verify_ssl,
            follow_redirects=follow_redirects,
            httpx_args=httpx_args,
            vendor=DIST_NAME,
            status_paths=_STATUS_PATHS,
            rate_limit=rate_limit,
            rate_limit_redis=rate_limit_redis,
        )

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """The same as `AuthenticatedClient(**kwargs)`, kept for code written before the constructor
        read the environment itself: `CHECKOUT_TOKEN`, and optionally `CHECKOUT_BASE_URL`.
        """
        return cls(**kwargs)
