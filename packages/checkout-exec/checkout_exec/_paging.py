"""Paging: every item of a list operation, its pages fetched one at a time as the loop goes.

An operation whose spec declares `x-exec-pagination` gets `iterate` / `iterate_async` (the
items) and `pages` / `pages_async` (each page whole, with its paging fields) beside `sync` /
`asyncio`. Each page is fetched by the endpoint's own `sync` / `asyncio`, so a page fetch is an
ordinary request: retries, the client's rate budget, tracing and typed errors all apply, and a
failure mid-way raises after the items before it were yielded.

One decision core, `_Listing`, says what the next request is or that the listing has ended; the
sync and async loops only fetch and yield. The listing ends at:
- an empty page;
- `has-more` false (even when the page is full);
- style cursor: a next cursor that is absent, null or empty;
- styles offset and page, when the body says nothing of `has-more`: a page shorter than the
  limit the caller sent (without a limit, only an empty page ends it).
The offset advances by the number of items received (servers cap the limit), the page number by
one. A cursor the server already gave, or the same non-empty page twice in a row (a server that
ignores the offset or page number), raises `errors.PaginationError` instead of looping forever.
Model attributes that are UNSET or None count as absent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from .errors import PaginationError
from .types import Unset


def _absent(value: Any) -> bool:
    return value is None or isinstance(value, Unset)


def _at(page: Any, attributes: tuple[str, ...]) -> Any:
    """The value at `attributes` below a decoded page; None when any step is absent."""
    value = page
    for name in attributes:
        if _absent(value):
            return None
        value = getattr(value, name, None)
    return None if _absent(value) else value


def json_at(page: Any, keys: tuple[str, ...]) -> Any:
    """The value at `keys` below a page as JSON data (the CLI lists what the server sent); None
    when any step is absent."""
    value = page
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


@dataclass(frozen=True)
class Paging:
    """How one operation pages (from its `x-exec-pagination`), and the functions that fetch a page.

    `marker` and `limit` are the endpoint functions' argument names of the offset / cursor / page
    parameter and of the page size; `items`, `next_cursor` and `has_more` are attribute paths
    in the decoded page (`items` empty: the page is the list)."""

    operation: str
    style: Literal["offset", "cursor", "page"]
    marker: str
    items: tuple[str, ...]
    fetch: Callable[..., Any]
    fetch_async: Callable[..., Awaitable[Any]] | None = None  # None: the listing is sync only (the CLI)
    limit: str | None = None
    next_cursor: tuple[str, ...] = ()
    has_more: tuple[str, ...] = ()
    first_page: int = 1
    # How a path is read in a page: attributes of the decoded model (`_at`), or JSON keys (`json_at`).
    read: Callable[[Any, tuple[str, ...]], Any] = _at

    def items_of(self, page: Any) -> list[Any]:
        found = self.read(page, self.items) if self.items else page
        return found if isinstance(found, list) else []

    def pages(self, arguments: dict[str, Any]) -> Iterator[Any]:
        """Each page, fetched when the loop asks for it; `arguments` are the first call's."""
        listing = _Listing(self, arguments)
        request: dict[str, Any] | None = listing.first()
        while request is not None:
            page = listing.received(self.fetch(**request))
            yield page
            request = listing.next_request(page)

    async def pages_async(self, arguments: dict[str, Any]) -> AsyncIterator[Any]:
        fetch = self.fetch_async
        if fetch is None:
            raise TypeError(f"{self.operation} pages synchronously only")
        listing = _Listing(self, arguments)
        request: dict[str, Any] | None = listing.first()
        while request is not None:
            page = listing.received(await fetch(**request))
            yield page
            request = listing.next_request(page)

    def iterate(self, arguments: dict[str, Any]) -> Iterator[Any]:
        """Every item of every page, pages fetched as the loop goes."""
        for page in self.pages(arguments):
            yield from self.items_of(page)

    async def iterate_async(self, arguments: dict[str, Any]) -> AsyncIterator[Any]:
        async for page in self.pages_async(arguments):
            for item in self.items_of(page):
                yield item


class _Listing:
    """One listing's state: where it is, what it has seen; decides the next request or the end."""

    def __init__(self, paging: Paging, arguments: dict[str, Any]) -> None:
        self.paging = paging
        self.arguments = dict(arguments)
        start: Any = arguments.get(paging.marker)
        self.cursors: set[Any] = set()
        if paging.style == "cursor":
            if not _absent(start):
                self.cursors.add(start)  # the caller's own start is a cursor the server must not give back
            self.position = 0
        elif paging.style == "offset":
            self.position = 0 if _absent(start) else int(start)
        else:
            self.position = paging.first_page if _absent(start) else int(start)
        limit = arguments.get(paging.limit) if paging.limit else None
        self.limit: int | None = limit if isinstance(limit, int) and not isinstance(limit, bool) else None
        self.previous: list[Any] = []
        self.fetched = 0

    def first(self) -> dict[str, Any]:
        return self.arguments

    def received(self, page: Any) -> Any:
        """`page`, checked before it is yielded: the same non-empty items as the page before raise."""
        self.fetched += 1
        items = self.paging.items_of(page)
        if items and len(items) == len(self.previous) and items == self.previous:
            raise PaginationError(
                self.paging.operation, f"the server answered the same page twice ({len(items)} items)", self.fetched
            )
        self.previous = items
        return page

    def next_request(self, page: Any) -> dict[str, Any] | None:
        """The arguments of the next page's request, or None when `page` was the last."""
        paging = self.paging
        items = self.previous
        if not items:
            return None
        more = paging.read(page, paging.has_more) if paging.has_more else None
        if more is False:
            return None
        if paging.style == "cursor":
            cursor = paging.read(page, paging.next_cursor)
            if cursor is None or cursor == "":
                return None
            if cursor in self.cursors:
                raise PaginationError(paging.operation, f"the server gave the cursor {cursor!r} again", self.fetched)
            self.cursors.add(cursor)
            return {**self.arguments, paging.marker: cursor}
        if more is None and self.limit is not None and len(items) < self.limit:
            return None
        self.position += len(items) if paging.style == "offset" else 1
        return {**self.arguments, paging.marker: self.position}
