"""The lifecycle extensions: how a list operation pages, and what an operation does to executions.

The polled operation's extensions (`x-status-path` and its family) are read in `vendor`. These
two are for the other operations of an execution's life. They are namespaced (`x-exec-`) because
vendors' own documents may carry a differently shaped `x-pagination` of their own.

`x-exec-pagination`, on an operation whose 2xx answer is JSON, says how it pages. The package
then has `iterate` / `iterate_async` (every item, pages fetched as the loop goes) and `pages` /
`pages_async` (each page whole, with its paging fields) beside `sync` / `asyncio`:

    x-exec-pagination:
      style: offset            # offset | cursor | page
      items: [data, items]     # where the array of items is in the body; [] when the body is the array
      limit: limit             # the query parameter of the page size (optional)
      offset: offset           # style offset: the query parameter of the first item's index
      cursor: cursor           # style cursor: the query parameter that takes the cursor
      next-cursor: [next_cursor]   # style cursor: where the next page's cursor is in the body
      page: page               # style page: the query parameter of the page number
      first-page: 1            # style page: the first page's number (default 1)
      has-more: [data, hasMore]    # optional: a boolean in the body; false ends the listing

The listing ends at an empty page, at `has-more` false, at a missing cursor, and (without
`has-more`) at a page shorter than the limit sent; a cursor the server already gave, or the same
page twice in a row, raises `errors.PaginationError` rather than loop (runtime `_paging`). The
fields named may be optional (derive makes them `[type, "null"]`); absent or null counts as unsaid.

`x-exec-operation` says what an operation does to executions, for the fake, the CLI and docs:

    x-exec-operation:
      role: start      # start | list | view | events | cancel
      id-path: [wf_exec_id]    # start: the new execution's id in the answer (absent: the answer has
                               #   none); view: where the fake puts the id
      status-path: [status]    # view: where the fake puts the status; events: the status in each item
      status: CANCELED         # cancel: the (terminal) status the execution moves to
      items: [data]            # list without x-exec-pagination, events: where the items are
      filters: {status: [status]}  # list: query parameter -> the item field it must equal (in the fake)

`view` is another view of one execution (Tracecat's compact view); `events` lists what happened
to one; both and `cancel` name the execution with the polled operation's id path parameter.
An operation without `x-exec-operation` is still generated; the fake answers it with the spec's
example after checking credentials and parameters.
"""

from __future__ import annotations

from typing import Any

from .derive import Derived, Operation
from .errors import SpecRefusalError, pointer_join
from .naming import python_name
from .spec import deref
from .vendor import _non_null as non_null
from .vendor import endpoint_argument_names, response_type, terminal_statuses

PAGINATION = "x-exec-pagination"
OPERATION = "x-exec-operation"
STYLES = {"offset": "offset", "cursor": "cursor", "page": "page"}  # style -> its marker parameter key
ROLES = ("start", "list", "view", "events", "cancel")


def _refuse(derived: Derived, op: Operation, extension: str, key: str | None, what: str, fix: str) -> SpecRefusalError:
    where = pointer_join(op.pointer, extension) if key is None else pointer_join(op.pointer, extension, key)
    return SpecRefusalError(derived.path, where, what, fix)


def success_body_schema(derived: Derived, op: Operation) -> tuple[str, Any] | None:
    """(status, schema) of the operation's first 2xx JSON answer in the generator input."""
    responses = op.operation.get("responses") or {}
    for status in sorted(responses, key=lambda s: (s != "200", str(s))):
        if not str(status).startswith("2"):
            continue
        response = deref(derived.generator_input, responses[status], derived.path)
        for media in ((response or {}).get("content") or {}).values():
            if isinstance(media, dict) and "schema" in media:
                return str(status), media["schema"]
    return None


def _non_null(derived: Derived, schema: Any) -> Any:
    return non_null(derived.generator_input, schema, derived.path)


def walk(derived: Derived, op: Operation, start: Any, keys: Any, extension: str, key: str, *, empty_ok: bool) -> Any:
    """The schema at `keys` (property names) below `start`; refused in one line when a name is not
    a property there."""
    if not isinstance(keys, list) or not all(isinstance(k, str) and k for k in keys) or (not keys and not empty_ok):
        raise _refuse(
            derived, op, extension, key, f"{key} must be a list of property names", "write e.g. [data, items]"
        )
    schema = _non_null(derived, start)
    for depth, name in enumerate(keys):
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if not isinstance(properties, dict) or name not in properties:
            walked = ".".join(keys[:depth]) or "the body"
            raise _refuse(
                derived,
                op,
                extension,
                key,
                f"{walked} has no property {name!r}",
                f"name properties of the body in {key}",
            )
        schema = _non_null(derived, properties[name])
    return schema


def _query_parameter(derived: Derived, op: Operation, extension: str, key: str, value: Any) -> str:
    """The endpoint function's argument name for the query parameter `value`."""
    parameters = [deref(derived.generator_input, p, derived.path) for p in op.operation.get("parameters") or []]
    names = endpoint_argument_names(parameters)
    if not isinstance(value, str) or ("query", value) not in names:
        query = sorted(name for where, name in names if where == "query")
        raise _refuse(
            derived,
            op,
            extension,
            key,
            f"{key} {value!r} is not a query parameter of the operation",
            f"name one of its query parameters {query}" if query else "declare the query parameter",
        )
    return names[("query", value)]


def _has_type(schema: Any, kind: str) -> bool:
    """`schema` is of JSON type `kind`, null allowed (derive makes optional fields `[kind, "null"]`)."""
    if not isinstance(schema, dict):
        return False
    declared = schema.get("type")
    kinds = [k for k in declared if k != "null"] if isinstance(declared, list) else [declared]
    return kinds == [kind]


def _attributes(keys: list[str]) -> list[str]:
    return [python_name(k) for k in keys]


def pagination(derived: Derived, op: Operation) -> dict[str, Any] | None:
    """What the endpoint template and the fake need to page `op`, or None when it does not page."""
    declared = op.operation.get(PAGINATION)
    if declared is None:
        return None
    if not isinstance(declared, dict) or declared.get("style") not in STYLES:
        style = declared.get("style") if isinstance(declared, dict) else None
        raise _refuse(
            derived,
            op,
            PAGINATION,
            None if style is None else "style",
            "x-exec-pagination needs a style" if style is None else f"style {style!r} is not a paging style",
            "write `style: offset`, `cursor` or `page`",
        )
    allowed = {"style", "items", "limit", "has-more", STYLES[declared["style"]]}
    allowed |= {"next-cursor"} if declared["style"] == "cursor" else set()
    allowed |= {"first-page"} if declared["style"] == "page" else set()
    unknown = sorted(set(declared) - allowed)
    if unknown:
        raise _refuse(
            derived,
            op,
            PAGINATION,
            unknown[0],
            f"{unknown[0]!r} is not a key of style {declared['style']}",
            f"use only {sorted(allowed)}",
        )
    success = success_body_schema(derived, op)
    if success is None:
        raise _refuse(
            derived, op, PAGINATION, None, "a paged operation needs a 2xx JSON answer", "document its 200 body"
        )
    status, body = success
    items = walk(derived, op, body, declared.get("items"), PAGINATION, "items", empty_ok=True)
    if not _has_type(items, "array"):
        raise _refuse(derived, op, PAGINATION, "items", "items does not name an array", "point items at the array")
    marker_key = STYLES[declared["style"]]
    if marker_key not in declared:
        raise _refuse(
            derived,
            op,
            PAGINATION,
            None,
            f"style {declared['style']} needs `{marker_key}`",
            f"name the query parameter that takes the {marker_key}",
        )
    facts: dict[str, Any] = {
        "style": declared["style"],
        "status": status,
        "items": list(declared["items"]),
        "item_attributes": _attributes(declared["items"]),
        "marker": _query_parameter(derived, op, PAGINATION, marker_key, declared[marker_key]),
        "marker_query": declared[marker_key],
        "limit": None,
        "limit_query": None,
        "next_cursor": [],
        "next_cursor_attributes": [],
        "has_more": [],
        "has_more_attributes": [],
        "first_page": 1,
        # The Python type of one item (`models.Execution`, `str`, `Any`), for `iterate`'s annotation.
        "item_type": response_type(derived.generator_input, items.get("items"), derived.path, set()),
    }
    if "limit" in declared:
        facts["limit"] = _query_parameter(derived, op, PAGINATION, "limit", declared["limit"])
        facts["limit_query"] = declared["limit"]
    if declared["style"] == "cursor":
        if "next-cursor" not in declared:
            raise _refuse(
                derived, op, PAGINATION, None, "style cursor needs `next-cursor`", "name where the next cursor is"
            )
        walk(derived, op, body, declared["next-cursor"], PAGINATION, "next-cursor", empty_ok=False)
        facts["next_cursor"] = list(declared["next-cursor"])
        facts["next_cursor_attributes"] = _attributes(declared["next-cursor"])
    if "has-more" in declared:
        flag = walk(derived, op, body, declared["has-more"], PAGINATION, "has-more", empty_ok=False)
        if not _has_type(flag, "boolean"):
            raise _refuse(
                derived, op, PAGINATION, "has-more", "has-more does not name a boolean", "point it at a boolean field"
            )
        facts["has_more"] = list(declared["has-more"])
        facts["has_more_attributes"] = _attributes(declared["has-more"])
    if declared["style"] == "page":
        first = declared.get("first-page", 1)
        if not isinstance(first, int) or isinstance(first, bool) or first < 0:
            raise _refuse(derived, op, PAGINATION, "first-page", "first-page must be 0 or more", "write e.g. 1")
        facts["first_page"] = first
    return facts


def execution_operation(
    derived: Derived, op: Operation, statuses: dict[str, list[str]] | None
) -> dict[str, Any] | None:
    """What `op` does to executions (`x-exec-operation`), checked; None when it does not say.

    `statuses` are the polled operation's terminal statuses (`cancel` must name one)."""
    declared = op.operation.get(OPERATION)
    if declared is None:
        return None
    if not isinstance(declared, dict) or declared.get("role") not in ROLES:
        raise _refuse(
            derived, op, OPERATION, None, "x-exec-operation needs a role", f"write `role:` one of {list(ROLES)}"
        )
    role = declared["role"]
    allowed = {
        "start": {"id-path"},
        "list": {"items", "filters"},
        "view": {"id-path", "status-path"},
        "events": {"items", "status-path"},
        "cancel": {"status"},
    }[role] | {"role"}
    unknown = sorted(set(declared) - allowed)
    if unknown:
        raise _refuse(
            derived,
            op,
            OPERATION,
            unknown[0],
            f"{unknown[0]!r} is not a key of role {role}",
            f"use only {sorted(allowed)}",
        )
    success = success_body_schema(derived, op)
    body = success[1] if success else None
    facts: dict[str, Any] = {"role": role}
    for key in ("id-path", "status-path"):
        if key in declared and role != "events":
            if body is None:
                raise _refuse(derived, op, OPERATION, key, f"{key} needs a 2xx JSON answer", "document its 200 body")
            walk(derived, op, body, declared[key], OPERATION, key, empty_ok=False)
            facts[key.replace("-", "_")] = list(declared[key])
            facts[key.replace("-", "_").removesuffix("_path") + "_attributes"] = _attributes(declared[key])
    if role in ("list", "events"):
        paged = pagination(derived, op)
        if "items" in declared:
            if body is None:
                raise _refuse(derived, op, OPERATION, "items", "items needs a 2xx JSON answer", "document its 200 body")
            array = walk(derived, op, body, declared["items"], OPERATION, "items", empty_ok=True)
            if not _has_type(array, "array"):
                raise _refuse(derived, op, OPERATION, "items", "items does not name an array", "point it at the array")
            facts["items"] = list(declared["items"])
        elif paged is not None:
            facts["items"] = paged["items"]
        else:
            raise _refuse(
                derived, op, OPERATION, None, f"role {role} needs `items`", "name where the array of items is"
            )
        item = walk(derived, op, body, facts["items"], OPERATION, "items", empty_ok=True).get("items")
        if role == "events" and "status-path" in declared:
            walk(derived, op, item, declared["status-path"], OPERATION, "status-path", empty_ok=False)
            facts["status_path"] = list(declared["status-path"])
        filters = declared.get("filters") or {}
        if not isinstance(filters, dict):
            raise _refuse(
                derived,
                op,
                OPERATION,
                "filters",
                "filters must map query parameters to field paths",
                "write e.g. {status: [status]}",
            )
        facts["filters"] = {}
        for name, path in filters.items():
            _query_parameter(derived, op, OPERATION, "filters", name)
            walk(derived, op, item, path, OPERATION, "filters", empty_ok=False)
            facts["filters"][name] = list(path)
    if role == "cancel":
        wanted = declared.get("status")
        terminal = sorted({s for values in (statuses or {}).values() for s in values})
        if not isinstance(wanted, str | int) or str(wanted) not in terminal:
            raise _refuse(
                derived,
                op,
                OPERATION,
                "status",
                f"status {wanted!r} is not a terminal status of the polled operation",
                f"name one of {terminal}",
            )
        facts["status"] = str(wanted)
    return facts


def lifecycle_facts(derived: Derived) -> dict[str, dict[str, Any]]:
    """Per operation key ("GET /path"): its `pagination` and `execution` facts (None where absent)."""
    statuses = terminal_statuses(derived)
    return {
        op.key: {"pagination": pagination(derived, op), "execution": execution_operation(derived, op, statuses)}
        for op in derived.operations
    }
