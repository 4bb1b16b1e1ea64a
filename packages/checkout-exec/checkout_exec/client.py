"""The B3OS API client: base URL, credentials, timeouts and retries.

Build one per process and reuse it; it keeps a connection pool.
"""

from __future__ import annotations

import os
import ssl
import sys
from collections.abc import Mapping
from typing import Any, Self

import httpx2

from . import _constants
from ._auth import Scheme
from ._base_client import BaseClient, TimeoutArg
from ._vendor import DEFAULT_BASE_URL, DIST_NAME, ENV_BASE_URL, ENV_CREDENTIALS, __version__

USER_AGENT = f"{DIST_NAME}/{__version__} python/{sys.version_info[0]}.{sys.version_info[1]} httpx2/{httpx2.__version__}"

# The security schemes the operations use, by the spec's name.
_SCHEMES: dict[str, Scheme] = {
    "bearerAuth": Scheme("header", "Authorization", "Bearer "),
}
# The constructor parameter that supplies each scheme (named when a credential is missing).
_CREDENTIAL_PARAMS: dict[str, str] = {
    "bearerAuth": "token",
}


class AuthenticatedClient(BaseClient):
    """Calls the B3OS API with a bearer token (`Authorization: Bearer <token>`).

    Args:
        base_url: The API root (default `https://api.b3os.org`).

        token: The bearer token, sent as `Authorization: Bearer <token>`.


        timeout: Seconds, an `httpx2.Timeout`, or None for no limit. Default: connect
            5 s, everything else 30 s.
        max_retries: Retries after the first attempt (default 2; 0 disables).
        headers: Extra headers for every request (copied; your dict is never changed).
        cookies: Extra cookies for every request (copied).
        verify_ssl: TLS verification: True (default), a CA bundle path, or an `ssl.SSLContext`.
        follow_redirects: Whether to follow redirects (default False).
        httpx_args: More keyword arguments for the `httpx2.Client`/`httpx2.AsyncClient`.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        token: str,
        timeout: TimeoutArg = _constants.DEFAULT_TIMEOUT,
        max_retries: int = _constants.DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        cookies: Mapping[str, str] | None = None,
        verify_ssl: bool | str | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: Mapping[str, Any] | None = None,
    ) -> None:

        if not token:
            raise ValueError("token must be a non-empty string")

        credentials: dict[str, str] = {}

        credentials["bearerAuth"] = token

        super().__init__(
            base_url=base_url,
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
        )

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """Build a client from `CHECKOUT_TOKEN`, and optionally `CHECKOUT_BASE_URL`.

        Keyword arguments (timeout, max_retries, ...) are passed through.
        """
        credentials: dict[str, Any] = {}
        for param, variable in ENV_CREDENTIALS.items():
            value = os.environ.get(variable, "")
            if value:
                credentials[param] = value

        if "token" not in credentials:
            raise ValueError(f"set the {ENV_CREDENTIALS['token']} environment variable")

        base_url = os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
        if not base_url:
            raise ValueError(f"set the {ENV_BASE_URL} environment variable")
        return cls(base_url, **credentials, **kwargs)
