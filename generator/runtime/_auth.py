"""Security schemes, choosing which credentials one request carries, and the client's settings.

Each operation's module passes its OpenAPI `security` requirement to the client's
`_request` as alternatives, each a tuple of scheme names that must all be sent
together (AND); the first alternative whose schemes all have a configured
credential wins (OR). Pure functions; `setting` alone reads the environment.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from .errors import MissingConfigurationError


def setting(value: str | None, argument: str, variable: str, *, required: bool, default: str = "") -> str:
    """The constructor's `argument`: `value` when given (not None; an explicit argument always
    wins), else the environment `variable`, else `default`; "" when none and not `required`.

    An explicit "" is kept as given: for an optional credential it means "none, whatever the
    environment says"; for a required one it raises like a missing one.

    Raises:
        MissingConfigurationError: `required` and no non-empty value from any source.
    """
    found = value if value is not None else (os.environ.get(variable) or default)
    if required and not found:
        raise MissingConfigurationError(argument, variable)
    return found


def basic_credential(username: str, password: str) -> str:
    """The credential of HTTP basic auth (RFC 7617): base64 of `username:password` in UTF-8, sent
    after the scheme's "Basic " prefix. The client keeps only this (redacted like any
    credential), never the password itself.

    Raises:
        ValueError: `username` contains ":" (the separator; RFC 7617 forbids it there).
    """
    if ":" in username:
        raise ValueError("an HTTP basic username cannot contain ':'")
    return base64.b64encode(f"{username}:{password}".encode()).decode("ascii")


@dataclass(frozen=True)
class Scheme:
    """Where one security scheme puts its credential: a header or a query parameter.

    `prefix` goes before the secret, e.g. bearer = Scheme("header", "Authorization", "Bearer ").
    """

    location: Literal["header", "query"]
    name: str
    prefix: str = ""


def choose_schemes(
    security: Sequence[Sequence[str]] | None,
    schemes: Mapping[str, Scheme],
    credentials: Mapping[str, str],
) -> tuple[str, ...] | list[tuple[str, ...]]:
    """The scheme names to send, or (a list) the alternatives none of which can be met.

    - `None`: the operation did not say; every configured credential is sent.
    - `()`: no credential is sent.
    - otherwise the first non-empty alternative whose schemes are all known and have a
      credential; failing that, an empty alternative (optional security, `{}` in the spec)
      sends nothing. So a configured credential is sent whether the spec lists `{}` first
      or last.
    When none can be met, the result is the list of alternatives, for the error message.
    """
    if security is None:
        return tuple(name for name in credentials if name in schemes)
    if not security:
        return ()
    for alternative in security:
        if alternative and all(name in schemes and name in credentials for name in alternative):
            return tuple(alternative)
    if any(not alternative for alternative in security):
        return ()
    return [tuple(alternative) for alternative in security]


def credential_pairs(
    chosen: Sequence[str], schemes: Mapping[str, Scheme], credentials: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """(headers, query params) carrying the chosen schemes' credentials."""
    headers: dict[str, str] = {}
    params: dict[str, str] = {}
    for name in chosen:
        scheme = schemes[name]
        target = headers if scheme.location == "header" else params
        target[scheme.name] = scheme.prefix + credentials[name]
    return headers, params


def missing_params(
    alternatives: Sequence[Sequence[str]], credentials: Mapping[str, str], params: Mapping[str, str]
) -> tuple[tuple[str, ...], ...]:
    """Per alternative, the client constructor parameters still to pass (duplicates dropped).

    `params` maps a scheme name to the constructor parameter that supplies it (default: the
    scheme name itself).
    """
    options: list[tuple[str, ...]] = []
    for alternative in alternatives:
        missing = tuple(params.get(name, name) for name in alternative if name not in credentials)
        option = missing or tuple(params.get(name, name) for name in alternative)
        if option not in options:
            options.append(option)
    return tuple(options)
