"""Shared types of the generated models and endpoints."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import IO, TYPE_CHECKING, BinaryIO, Generic, Literal, TypeVar

from attrs import define

if TYPE_CHECKING:  # the models import this module: it must not load the HTTP client
    import httpx2


class Unset:
    """The type of `UNSET`: a field the server did not send."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx2.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = tuple[str | None, FileContent, str | None] | tuple[str | None, FileContent, str | None, Mapping[str, str]]
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx2 will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint, for any status.

    `status_code` is a plain int so that statuses outside `http.HTTPStatus`
    (520, 599, ...) are represented too.
    """

    status_code: int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


@define(frozen=True)
class APIResponse(Generic[T]):
    """A successful answer with its metadata: what `*_with_response` functions return.

    They raise the same typed errors as `sync` / `asyncio`; on success `parsed` is the
    operation's success model (not Optional), as `sync` would have returned it.

    Attributes:
        parsed: The success model.
        status_code: The HTTP status (a 2xx).
        headers: The response headers (case-insensitive).
        request_id: The vendor's request id header (`x-request-id`, `request-id`,
            `x-amzn-requestid`), None when it sends none.
        elapsed: Seconds the call took, retries and their pauses included.
        http_response: The final `httpx2.Response` (body already read).
    """

    parsed: T
    status_code: int
    headers: httpx2.Headers
    request_id: str | None
    elapsed: float
    http_response: httpx2.Response


__all__ = ["UNSET", "APIResponse", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
