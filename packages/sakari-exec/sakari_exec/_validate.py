"""Checks the generated models run while decoding a response body.

Every failure raises ``TypeError`` or ``ValueError`` naming the model field
(``"FlowExecution.started_at: expected a date-time string, got int 5"``); the
endpoint functions turn those into ``errors.APIResponseValidationError`` with
the status, headers and body attached. Values are described briefly so that a
huge or sensitive body never lands whole in a message.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping
from typing import Any, NoReturn

from .types import Unset

_PREVIEW_CHARS = 40


def describe(value: object) -> str:
    """A short, bounded description of a JSON value for error messages."""
    text = repr(value)
    if len(text) > _PREVIEW_CHARS:
        text = text[: _PREVIEW_CHARS - 3] + "..."
    return f"{type(value).__name__} {text}"


def invalid(where: str, expected: str, value: object) -> NoReturn:
    """Raise the error for a value of the wrong JSON type."""
    raise TypeError(f"{where}: expected {expected}, got {describe(value)}")


def missing(where: str) -> NoReturn:
    """Raise the error for a required field the body does not have."""
    raise TypeError(f"{where}: required field is missing")


def reject(where: str, expected: str, value: object) -> NoReturn:
    """Raise for a value that failed its type check: missing when absent, else invalid."""
    if isinstance(value, Unset):
        missing(where)
    invalid(where, expected, value)


def check_object(value: object, where: str) -> Mapping[str, Any]:
    """Return ``value`` if it is a JSON object (a mapping), else raise."""
    if type(value) is dict or isinstance(value, Mapping):
        return value
    invalid(where, "an object", value)


def check_objects(value: object, where: str) -> list[dict[str, Any]]:
    """Return `value` if it is a JSON array of objects, else raise naming the element."""
    if type(value) is not list:
        invalid(where, "an array", value)
    for item in value:
        if type(item) is not dict:
            invalid(where + "[]", "an object", item)
    return value


def integral(where: str, value: object) -> int:
    """An integer field's value: an int, or a float with no fractional part (1.0 is an
    integer in JSON Schema); anything else is rejected (booleans included)."""
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    if isinstance(value, Unset):
        missing(where)
    invalid(where, "an integer", value)


def check_list(value: object, where: str) -> list[Any]:
    """Return ``value`` if it is a JSON array, else raise."""
    if type(value) is list:
        return value
    invalid(where, "an array", value)


def parse_datetime(value: object, where: str) -> datetime.datetime:
    """Parse an RFC 3339 date-time into an aware datetime.

    RFC 3339 allows lower-case ``t``/``z``; a value without an offset is taken
    as UTC, so every decoded datetime compares with every other.
    """
    if type(value) is not str:
        invalid(where, "a date-time string", value)
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = datetime.datetime.fromisoformat(value.upper())
        except ValueError:
            raise ValueError(f"{where}: not a date-time: {describe(value)}") from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=datetime.UTC)


def parse_date(value: object, where: str) -> datetime.date:
    """Parse an ISO 8601 calendar date."""
    if type(value) is not str:
        invalid(where, "a date string", value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}: not a date: {describe(value)}") from None


def parse_uuid(value: object, where: str) -> uuid.UUID:
    """Parse a UUID string."""
    if type(value) is not str:
        invalid(where, "a uuid string", value)
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueError(f"{where}: not a uuid: {describe(value)}") from None
