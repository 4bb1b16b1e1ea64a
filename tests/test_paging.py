"""Paging that the spec declares (`x-exec-pagination`): `iterate` / `pages` of generated corpus
packages, sync and async, against a real server on 127.0.0.1 that computes each page.

One package per style (tests/corpus/paging_*.yaml): offset with has-more, offset without it (a
short page ends), cursor, page number, and a body that is the bare array. Each is driven over
several pages, an empty page, a full last page that says there is no more, a repeated cursor and
an ignored offset (PaginationError after the earlier items), an error mid-way (the typed error
after the earlier items; a 503 retried transparently), laziness (no request before the loop
needs a page, none after it stops) and the caller's own start and page size.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from support import built
from support.execserver import Answer, ExecutionServer, Request
from support.vendors import ROOT


@dataclass(frozen=True)
class Style:
    """One corpus package: where its operation is, how it pages, how its server answers."""

    spec: str
    module: str
    marker: str  # the query parameter of the offset / cursor / page
    limit: str  # the query parameter of the page size
    default_limit: int  # the page size the server uses when none is sent
    path_args: dict[str, str] = field(default_factory=dict)

    @property
    def import_name(self) -> str:
        return "paged_" + self.spec.removeprefix("paging_")


STYLES = {
    "offset_has_more": Style("paging_offset_has_more", "api.executions.list_executions", "offset", "limit", 10),
    "offset_short_page": Style("paging_offset_short_page", "api.executions.list_executions", "start", "page_size", 20),
    "cursor": Style("paging_cursor", "api.events.list_run_events", "after", "limit", 10, {"run_id": "r1"}),
    "page": Style("paging_page_number", "api.runs.list_workflow_runs", "page", "per_page", 30, {"owner": "o"}),
    "bare_array": Style("paging_bare_array", "api.executions.list_executions", "offset", "limit", 10),
}


@pytest.fixture(scope="module")
def packages() -> Iterator[dict[str, Path]]:
    """Each style's package built from its corpus spec (two at a time), importable for the module."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            name: pool.submit(built.build, ROOT / "tests" / "corpus" / f"{s.spec}.yaml", s.import_name)
            for name, s in STYLES.items()
        }
        directories = {name: future.result() for name, future in futures.items()}
    sys.path[:0] = [str(d) for d in directories.values()]
    yield directories
    for directory in directories.values():
        sys.path.remove(str(directory))


# -- the server: a listing of `total` items, paged as each style pages ----------------------------


def item(style: str, index: int) -> dict[str, Any]:
    return {"id": index, "status": "completed"} if style == "page" else {"id": f"e{index}", "status": "running"}


def item_id(value: Any) -> Any:
    return value.id


class Listing:
    """Answers a page of `total` items per request; `cap` is the most items a page holds (a
    server's own maximum); `override(number, request)` may answer a request instead (1-based)."""

    def __init__(
        self,
        style: str,
        total: int,
        *,
        cap: int | None = None,
        override: Callable[[int, dict[str, str]], Answer | None] | None = None,
    ) -> None:
        self.style, self.total, self.cap, self.override = style, total, cap, override
        self.queries: list[dict[str, str]] = []

    def respond(self, request: Request) -> Answer:
        query = dict(parse_qsl(urlsplit(request.target).query))
        self.queries.append(query)
        if self.override is not None:
            answer = self.override(len(self.queries), query)
            if answer is not None:
                return answer
        return json_answer(self.page(query))

    def page(self, query: dict[str, str]) -> Any:
        paging = STYLES[self.style]
        size = int(query.get(paging.limit, paging.default_limit))
        if self.cap is not None:
            size = min(size, self.cap)
        marker = query.get(paging.marker)
        if self.style == "page":
            start = (int(marker or 1) - 1) * size
        else:
            start = int(marker or 0)
        end = min(start + size, self.total)
        items = [item(self.style, i) for i in range(start, end)]
        if self.style == "offset_has_more":
            return {"data": items, "meta": {"hasMore": end < self.total, "total": self.total}}
        if self.style == "offset_short_page":
            return {"items": items, "total": self.total}
        if self.style == "cursor":
            return {"events": items, "pagination": {"next_cursor": str(end) if end < self.total else None}}
        if self.style == "page":
            return {"total_count": self.total, "workflow_runs": items}
        return items


def json_answer(body: Any, status: int = 200) -> Answer:
    return Answer(status=status, body=json.dumps(body).encode())


def endpoint(style: str) -> Any:
    return importlib.import_module(f"{STYLES[style].import_name}.{STYLES[style].module}")


def client_for(style: str, url: str, **kwargs: Any) -> Any:
    """A client whose retry waits take no real time (the delays are recorded instead)."""
    client = importlib.import_module(f"{STYLES[style].import_name}.client").AuthenticatedClient(
        base_url=url, token="t", **kwargs
    )
    client.slept = []
    client._sleep = client.slept.append

    async def asleep(seconds: float) -> None:
        client.slept.append(seconds)

    client._asleep = asleep
    return client


# More items than any test's listing has: a listing that goes past it would never end (a bound, so
# that a regression fails the test instead of hanging it).
MOST_ITEMS = 1_000


async def drain(style: str, mode: str, client: Any, **kwargs: Any) -> tuple[list[Any], Any]:
    """Every item `iterate` (or `iterate_async`) yields, and the error that ended it, if any."""
    module = endpoint(style)
    arguments = {**STYLES[style].path_args, "client": client, **kwargs}
    items: list[Any] = []
    try:
        if mode == "sync":
            for value in module.iterate(**arguments):
                items.append(value)
                assert len(items) <= MOST_ITEMS, "the listing did not end"
        else:
            async for value in module.iterate_async(**arguments):
                items.append(value)
                assert len(items) <= MOST_ITEMS, "the listing did not end"
    except AssertionError:
        raise
    except Exception as error:  # returned: each test says what it expected
        return items, error
    finally:
        client.close()
        await client.aclose()
    return items, None


def ids(style: str, numbers: range | list[int]) -> list[Any]:
    return [item(style, i)["id"] for i in numbers]


# -- several pages, and how a listing ends ---------------------------------------------------------

# (style, total, page size sent, the marker of each request): the last page ends the listing by
# the style's own rule: has-more false on a full page; a short page; an empty page; no cursor.
SEVERAL_PAGES = [
    ("offset_has_more", 25, 10, [None, "10", "20"]),
    ("offset_has_more", 20, 10, [None, "10"]),  # full last page, hasMore false: no third request
    ("offset_short_page", 25, 10, [None, "10", "20"]),
    ("offset_short_page", 20, 10, [None, "10", "20"]),  # the third page is empty
    ("cursor", 25, 10, [None, "10", "20"]),
    ("page", 25, 10, [None, "2", "3"]),
    ("page", 20, 10, [None, "2", "3"]),
    ("bare_array", 25, 10, [None, "10", "20"]),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("style", "total", "size", "markers"), SEVERAL_PAGES)
async def test_every_item_once_in_order_over_several_pages(
    packages: dict[str, Path], style: str, total: int, size: int, markers: list[str | None], mode: str
) -> None:
    listing = Listing(style, total)
    paging = STYLES[style]
    with ExecutionServer(listing.respond) as server:
        client = client_for(style, server.url)
        items, error = await drain(style, mode, client, **{paging.limit: size})
    assert error is None, error
    assert [item_id(i) for i in items] == ids(style, range(total))
    assert [q.get(paging.marker) for q in listing.queries] == markers
    assert all(q[paging.limit] == str(size) for q in listing.queries), listing.queries
    assert all(type(i).__name__ in ("Execution", "Event", "WorkflowRun") for i in items)


@pytest.mark.asyncio
@pytest.mark.parametrize("style", list(STYLES))
async def test_an_empty_first_page_yields_nothing_after_one_request(
    packages: dict[str, Path], style: str, mode: str
) -> None:
    listing = Listing(style, 0)
    with ExecutionServer(listing.respond) as server:
        items, error = await drain(style, mode, client_for(style, server.url))
    assert error is None and items == []
    assert len(listing.queries) == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("last", [{"next_cursor": ""}, {"next_cursor": None}, {}, None])
async def test_an_empty_null_or_absent_cursor_ends_the_listing(
    packages: dict[str, Path], last: dict[str, Any] | None, mode: str
) -> None:
    def answer(number: int, query: dict[str, str]) -> Answer | None:
        body: dict[str, Any] = {"events": [item("cursor", number)], "pagination": {"next_cursor": "c1"}}
        if number == 2:
            body.pop("pagination")
            if last is not None:
                body["pagination"] = last
        return json_answer(body)

    listing = Listing("cursor", 0, override=answer)
    with ExecutionServer(listing.respond) as server:
        items, error = await drain("cursor", mode, client_for("cursor", server.url))
    assert error is None and [item_id(i) for i in items] == ids("cursor", [1, 2])
    assert [q.get("after") for q in listing.queries] == [None, "c1"]


@pytest.mark.asyncio
async def test_has_more_keeps_going_past_a_page_the_server_capped(packages: dict[str, Path], mode: str) -> None:
    """The server holds a page to 10 items whatever the limit: has-more says there is more, so a
    page shorter than the limit sent does not end the listing, and the offset advances by 10."""
    listing = Listing("offset_has_more", 25, cap=10)
    with ExecutionServer(listing.respond) as server:
        items, error = await drain("offset_has_more", mode, client_for("offset_has_more", server.url), limit=50)
    assert error is None
    assert [item_id(i) for i in items] == ids("offset_has_more", range(25))
    assert [q.get("offset") for q in listing.queries] == [None, "10", "20"]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("style", "start", "size", "expected", "markers"),
    [
        ("offset_has_more", 5, 4, range(5, 13), ["5", "9"]),
        ("offset_short_page", 18, 4, range(18, 25), ["18", "22"]),
        ("cursor", "20", 3, range(20, 25), ["20", "23"]),
        ("page", 2, 10, range(10, 25), ["2", "3"]),
        ("bare_array", 20, 4, range(20, 25), ["20", "24"]),
    ],
)
async def test_the_callers_start_and_page_size_are_respected(
    packages: dict[str, Path], style: str, start: Any, size: int, expected: range, markers: list[str], mode: str
) -> None:
    total = 13 if style == "offset_has_more" else 25
    listing = Listing(style, total)
    paging = STYLES[style]
    with ExecutionServer(listing.respond) as server:
        arguments = {paging.marker: start, paging.limit: size}
        items, error = await drain(style, mode, client_for(style, server.url), **arguments)
    assert error is None
    assert [item_id(i) for i in items] == ids(style, list(expected))
    assert [q.get(paging.marker) for q in listing.queries] == markers
    assert {q[paging.limit] for q in listing.queries} == {str(size)}


@pytest.mark.asyncio
async def test_pages_yields_each_page_with_its_paging_fields(packages: dict[str, Path], mode: str) -> None:
    listing = Listing("offset_has_more", 15)
    module = endpoint("offset_has_more")
    with ExecutionServer(listing.respond) as server:
        client = client_for("offset_has_more", server.url)
        if mode == "sync":
            pages = list(module.pages(client=client, limit=10, status="running"))
        else:
            pages = [page async for page in module.pages_async(client=client, limit=10, status="running")]
        client.close()
        await client.aclose()
    assert [(len(p.data), p.meta.has_more, p.meta.total) for p in pages] == [(10, True, 15), (5, False, 15)]
    assert type(pages[0]).__name__ == "ExecutionList"
    # Every page's request repeats the caller's other arguments.
    assert [q.get("status") for q in listing.queries] == ["running", "running"]


# -- servers that would loop forever --------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_repeated_cursor_raises_after_the_items_before_it(packages: dict[str, Path], mode: str) -> None:
    def repeat(number: int, query: dict[str, str]) -> Answer | None:
        events = [item("cursor", i) for i in range((number - 1) * 2, number * 2)]
        return json_answer({"events": events, "pagination": {"next_cursor": "c1"}})

    listing = Listing("cursor", 0, override=repeat)
    with ExecutionServer(listing.respond) as server:
        items, error = await drain("cursor", mode, client_for("cursor", server.url))
    errors = importlib.import_module(f"{STYLES['cursor'].import_name}.errors")
    assert isinstance(error, errors.PaginationError), error
    assert isinstance(error, errors.APIError)
    assert error.operation == "list_run_events" and error.pages == 2
    assert "list_run_events" in str(error) and "'c1' again" in str(error)
    assert [item_id(i) for i in items] == ids("cursor", range(4))  # both pages' items came first
    assert [q.get("after") for q in listing.queries] == [None, "c1"]


@pytest.mark.asyncio
async def test_the_callers_own_cursor_given_back_raises(packages: dict[str, Path], mode: str) -> None:
    def give_back(number: int, query: dict[str, str]) -> Answer | None:
        return json_answer({"events": [item("cursor", number)], "pagination": {"next_cursor": "start"}})

    listing = Listing("cursor", 0, override=give_back)
    with ExecutionServer(listing.respond) as server:
        items, error = await drain("cursor", mode, client_for("cursor", server.url), after="start")
    errors = importlib.import_module(f"{STYLES['cursor'].import_name}.errors")
    assert isinstance(error, errors.PaginationError) and len(items) == 1 and len(listing.queries) == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("style", ["offset_has_more", "offset_short_page", "page", "bare_array"])
async def test_a_server_that_ignores_the_offset_raises_instead_of_looping(
    packages: dict[str, Path], style: str, mode: str
) -> None:
    """The same full page for every request (the marker ignored): the first page's items, then
    PaginationError at the second, whose repeated items are not yielded again."""
    listing = Listing(style, 100)
    listing.override = lambda number, query: json_answer(listing.page({}))
    with ExecutionServer(listing.respond) as server:
        items, error = await drain(style, mode, client_for(style, server.url))
    errors = importlib.import_module(f"{STYLES[style].import_name}.errors")
    assert isinstance(error, errors.PaginationError), error
    assert "the same page twice" in str(error)
    assert [item_id(i) for i in items] == ids(style, range(STYLES[style].default_limit))
    assert len(listing.queries) == 2


# -- errors mid-way ------------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize("style", list(STYLES))
async def test_an_error_mid_way_raises_the_typed_error_after_the_earlier_items(
    packages: dict[str, Path], style: str, mode: str
) -> None:
    def fail_second(number: int, query: dict[str, str]) -> Answer | None:
        return json_answer({"message": "gone"}, status=404) if number == 2 else None

    listing = Listing(style, 25, override=fail_second)
    with ExecutionServer(listing.respond) as server:
        items, error = await drain(style, mode, client_for(style, server.url), **{STYLES[style].limit: 10})
    errors = importlib.import_module(f"{STYLES[style].import_name}.errors")
    assert isinstance(error, errors.NotFoundError), error
    assert error.status_code == 404 and error.body == {"message": "gone"}
    assert [item_id(i) for i in items] == ids(style, range(10))
    assert len(listing.queries) == 2


@pytest.mark.asyncio
@pytest.mark.parametrize("style", list(STYLES))
async def test_a_503_mid_way_is_retried_like_any_request(packages: dict[str, Path], style: str, mode: str) -> None:
    def unavailable_once(number: int, query: dict[str, str]) -> Answer | None:
        return json_answer({"error": "unavailable"}, status=503) if number == 2 else None

    listing = Listing(style, 25, override=unavailable_once)
    with ExecutionServer(listing.respond) as server:
        client = client_for(style, server.url, max_retries=2)
        items, error = await drain(style, mode, client, **{STYLES[style].limit: 10})
    assert error is None, error
    assert [item_id(i) for i in items] == ids(style, range(25))
    assert len(listing.queries) == 4  # three pages, the second one twice
    assert listing.queries[1] == listing.queries[2]
    assert len(client.slept) == 1  # one backoff, on the fake clock


# -- laziness ------------------------------------------------------------------------------------


def test_pages_are_fetched_only_as_the_loop_needs_them(packages: dict[str, Path]) -> None:
    listing = Listing("offset_has_more", 100)
    with ExecutionServer(listing.respond) as server:
        client = client_for("offset_has_more", server.url)
        iterator = endpoint("offset_has_more").iterate(client=client, limit=10)
        assert server.requests == 0  # nothing is sent before the loop asks
        first = [next(iterator) for _ in range(10)]
        assert server.requests == 1
        eleventh = next(iterator)
        assert server.requests == 2
        for _ in range(3):
            next(iterator)
        iterator.close()  # what `break` does to the loop's iterator
        assert server.requests == 2
        client.close()
    assert [item_id(i) for i in [*first, eleventh]] == ids("offset_has_more", range(11))


@pytest.mark.asyncio
async def test_async_pages_are_fetched_only_as_the_loop_needs_them(packages: dict[str, Path]) -> None:
    listing = Listing("cursor", 100)
    with ExecutionServer(listing.respond) as server:
        client = client_for("cursor", server.url)
        seen: list[Any] = []
        counts: list[int] = []
        async for value in endpoint("cursor").iterate_async(run_id="r1", client=client, limit=5):
            seen.append(value)
            counts.append(server.requests)
            if len(seen) == 7:
                break
        assert server.requests == 2
        await client.aclose()
    assert counts == [1] * 5 + [2] * 2
    assert [item_id(i) for i in seen] == ids("cursor", range(7))
