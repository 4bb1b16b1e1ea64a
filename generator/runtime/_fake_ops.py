"""The fake's operations besides the polled one: their facts, routes, and the paging of lists.

Each package's `testing.py` renders one `OperationFacts` per operation of the package (from the
spec and its `x-exec-operation` / `x-exec-pagination` extensions); `_fake.FakeAPIBase` routes
every request to one of them and answers it by its role:

    start    creates an execution (a fresh id of the id's type) and answers the spec's example
             with the id at `id_path` (an answer without `id_path` has none; the execution exists)
    list     the fake's executions as items, filtered by `filters`, paged in the spec's style
    view     one execution's current state in the operation's own body shape
    events   one item per status the execution has shown so far
    cancel   moves the execution to `cancel_status` for every later read
    (none)   the spec's example, after the same checks (credentials, parameters, unknown id)
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import _constants


@dataclass(frozen=True)
class OperationFacts:
    """One operation as the fake serves it (rendered into `testing.py`)."""

    method: str
    path: str
    path_params: tuple[str, ...]
    required_query: tuple[str, ...] = ()
    required_headers: tuple[str, ...] = ()
    body_required: bool = False
    # Alternatives of scheme names ([] as one alternative: anonymous); () : no security at all.
    security: tuple[tuple[str, ...], ...] = ()
    success_status: int = 200
    # The spec's example of the 2xx answer (else one built from its schema); None without a JSON answer.
    success_body: Any = None
    has_body: bool = False
    minimal_body: Any = None
    error_bodies: Mapping[str, Any] = field(default_factory=dict)
    role: str | None = None
    # The path names the execution with the polled operation's id parameter.
    carries_id: bool = False
    id_path: tuple[str, ...] = ()
    status_path: tuple[str, ...] = ()
    # list / events: where the array of items is, an item from the example (else from the schema).
    items: tuple[str, ...] = ()
    item_body: Any = None
    item_minimal: Any = None
    # The item schema's property names: fields an item can share with the execution.
    item_fields: tuple[str, ...] = ()
    # start: each property of the answer with a value of its shape (a UUID where the schema says).
    answer_samples: Mapping[str, Any] = field(default_factory=dict)
    # list: query parameter -> the item field it must equal.
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    cancel_status: str | None = None
    # list: {"style": offset|cursor|page, "marker": query name, "limit": query name or None,
    # "default_limit": int or None, "next_cursor": path, "has_more": path, "first_page": int}.
    paging: Mapping[str, Any] | None = None

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"


def route_pattern(path: str, params: Sequence[str]) -> re.Pattern[str]:
    """The template's literal parts escaped, each `{name}` one path segment (group `p<index>`)."""
    parts = re.split(r"\{([^}]+)\}", path)
    return re.compile(
        "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<p{list(params).index(part)}>[^/]+)" for i, part in enumerate(parts)
        )
    )


def literal_length(path: str) -> int:
    """How much of a path template is literal: the more specific route wins (`/x/search` over `/x/{id}`)."""
    return len(re.sub(r"\{[^}]+\}", "", path))


def get_path(body: Any, path: Sequence[str]) -> Any:
    for key in path:
        if not isinstance(body, dict):
            return None
        body = body.get(key)
    return body


def without(body: Any, path: Sequence[str]) -> Any:
    """A copy of `body` without the key at `path`."""
    body = copy.deepcopy(body)
    node = get_path(body, path[:-1])
    if isinstance(node, dict):
        node.pop(path[-1], None)
    return body


@dataclass(frozen=True)
class Page:
    """One page of a listing: the items on it, and what tells the caller about the next."""

    items: list[Any]
    has_more: bool
    next_cursor: str | None


def _number(query: Mapping[str, str], name: str | None, default: int) -> int | None:
    """The query parameter `name` as a whole number (default when absent); None when it is not one."""
    if name is None or name not in query:
        return default
    text = query[name]
    return int(text) if re.fullmatch(r"-?\d+", text.strip()) else None


def page_of(items: list[Any], paging: Mapping[str, Any] | None, query: Mapping[str, str]) -> Page | None:
    """The page `query` asks for, in the operation's paging style (None: a bad page parameter)."""
    if paging is None:
        return Page(items, False, None)
    default = paging.get("default_limit") or _constants.FAKE_PAGE_SIZE
    limit = _number(query, paging.get("limit"), default)
    if limit is None or limit < 1:
        return None
    style = paging["style"]
    if style == "cursor":
        marker = query.get(paging["marker"])
        start = 0 if not marker else _cursor_offset(marker)
        if start is None:
            return None
    elif style == "page":
        first = int(paging.get("first_page", 1))
        number = _number(query, paging["marker"], first)
        if number is None or number < first:
            return None
        start = (number - first) * limit
    else:
        offset = _number(query, paging["marker"], 0)
        if offset is None or offset < 0:
            return None
        start = offset
    chosen = items[start : start + limit]
    more = start + limit < len(items)
    return Page(chosen, more, _cursor(start + limit) if more and style == "cursor" else None)


_CURSOR = re.compile(r"fake-cursor-(\d+)")


def _cursor(offset: int) -> str:
    return f"fake-cursor-{offset}"


def _cursor_offset(cursor: str) -> int | None:
    found = _CURSOR.fullmatch(cursor)
    return int(found.group(1)) if found else None
