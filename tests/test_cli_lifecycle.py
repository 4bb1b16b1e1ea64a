"""The console script's lifecycle commands (`list`, `start`, `cancel`/`terminate`), run as subprocesses
against a real HTTP server on 127.0.0.1 that answers each request from the spec's own schemas.

Which vendor has which command follows its spec's `x-exec-operation` roles, read here from the
installed package's `cli.COMMANDS`; the bodies the server sends are built from the vendor's spec
(the smallest body each schema accepts, with ids and statuses set), so each test runs for every
vendor that has the command.
"""

from __future__ import annotations

import copy
import importlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from conftest import VENDORS, vendors_where

from generator.vendor import minimal_body
from support.prism import PrismServer
from support.vendors import Vendor

SECRET = "cli-lifecycle-secret-456"
FAST = ["--interval", "0.01", "--max-interval", "0.02"]
BOUND = 60  # seconds: the longest any command may run


# -- a server that answers by route -----------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    method: str
    path: str  # raw, without the query
    query: dict[str, list[str]]
    body: bytes


Answer = Callable[[Seen], tuple[int, Any]]


class RoutedServer:
    """A real HTTP server on 127.0.0.1: every request (GET or POST) is recorded and answered by
    `answer(seen)` -> (status, JSON data or None for no body)."""

    def __init__(self, answer: Answer) -> None:
        self.requests: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                seen = Seen(self.command, parts.path, parse_qs(parts.query), self.rfile.read(length))
                server.requests.append(seen)
                status, data = answer(seen)
                payload = b"" if data is None else json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _any  # noqa: N815 - the stdlib's handler names

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def __enter__(self) -> RoutedServer:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


# -- the package's commands and bodies built from its spec -------------------------------------


def commands(vendor: Vendor) -> dict[str, Any]:
    module: Any = importlib.import_module(f"{vendor.import_name}.cli")
    return {command.name: command for command in module.COMMANDS}


def has(name: str, predicate: Callable[[Any], bool] = lambda _: True) -> list[Any]:
    return vendors_where(lambda v: name in commands(v) and predicate(commands(v)[name]))


def run(vendor: Vendor, *args: str, base_url: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The installed console script, to its end (bounded), with the vendor's variables set."""
    facts: Any = importlib.import_module(f"{vendor.import_name}._vendor")
    env = {k: v for k, v in os.environ.items() if not k.startswith(vendor.env_prefix + "_")}
    env[facts.ENV_CREDENTIAL] = SECRET
    env[facts.ENV_BASE_URL] = base_url
    script = Path(sys.executable).parent / vendor.dist
    return subprocess.run(
        [str(script), *args], env=env, text=True, capture_output=True, timeout=BOUND, input=stdin or ""
    )


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert len([line for line in result.stderr.splitlines() if "error" in line]) <= 1, result.stderr


def operation(vendor: Vendor, command: Any) -> dict[str, Any]:
    """The spec's operation a command calls (its `_send_<operation>` function names it), with its
    `path`."""
    name = command.send.__name__.removeprefix("_send_")
    for path, path_item in vendor.spec["paths"].items():
        for method, candidate in path_item.items():
            if isinstance(candidate, dict) and candidate.get("operationId") == name:
                return {"method": method, "path": path, **candidate}
    raise AssertionError(f"{vendor.name}: no operation {name} for {command.name}")


def cli_module(command: Any) -> Any:
    return sys.modules[command.send.__module__]


def deref(vendor: Vendor, schema: Any) -> Any:
    while isinstance(schema, dict) and "$ref" in schema:
        target: Any = vendor.spec
        for key in schema["$ref"].removeprefix("#/").split("/"):
            target = target[key.replace("~1", "/").replace("~0", "~")]
        schema = target
    return schema


def success_schema(vendor: Vendor, op: dict[str, Any]) -> Any:
    for status, response in sorted(op["responses"].items(), key=lambda kv: str(kv[0]) != "200"):
        if str(status).startswith("2"):
            content = deref(vendor, response).get("content") or {}
            return next(iter(content.values()))["schema"]
    raise AssertionError("no 2xx body")


def smallest(vendor: Vendor, schema: Any) -> Any:
    return minimal_body(vendor.spec, schema, vendor.spec_path)


def put(body: Any, path: Sequence[str], value: Any) -> None:
    for key in path[:-1]:
        body = body.setdefault(key, {})
    body[path[-1]] = value


def dig(body: Any, path: Sequence[str]) -> Any:
    for key in path:
        body = body[key]
    return body


def items_path(command: Any) -> list[str]:
    return list(cli_module(command)._LIST_ITEMS)


def item_schema(vendor: Vendor, command: Any) -> Any:
    schema = deref(vendor, success_schema(vendor, operation(vendor, command)))
    for key in items_path(command):
        schema = deref(vendor, schema["properties"][key])
    return deref(vendor, schema["items"])


def schema_at(vendor: Vendor, schema: Any, path: Sequence[str]) -> Any:
    schema = deref(vendor, schema)
    for key in path:
        schema = deref(vendor, schema["properties"][key])
    for member in [schema, *schema.get("anyOf", []), *schema.get("oneOf", [])]:
        if "enum" in deref(vendor, member):
            return deref(vendor, member)
    return schema


def listed_item(vendor: Vendor, command: Any, number: int) -> dict[str, Any]:
    """An item that fits the item schema, its summary fields set (its id `exec-<number>`)."""
    schema = item_schema(vendor, command)
    item: dict[str, Any] = copy.deepcopy(smallest(vendor, schema))
    for label, path in command.columns:
        if label == "ID":
            put(item, path, f"exec-{number}")
        if label == "STATUS":
            enum = schema_at(vendor, schema, path).get("enum")
            put(item, path, enum[0] if enum else "completed")
    return item


def page(vendor: Vendor, command: Any, items: list[Any], *, more: bool, cursor: str | None) -> Any:
    body = copy.deepcopy(smallest(vendor, success_schema(vendor, operation(vendor, command))))
    put(body, items_path(command), items)
    paging = cli_module(command)._LIST_PAGING
    if paging is not None:
        if paging.has_more:
            put(body, paging.has_more, more)
        if paging.next_cursor:
            put(body, paging.next_cursor, cursor)
    return body


def pager(vendor: Vendor, command: Any, pages: list[list[Any]]) -> Answer:
    """Answers the list operation page by page, by the marker the request sends."""
    paging = cli_module(command)._LIST_PAGING

    def answer(seen: Seen) -> tuple[int, Any]:
        index = 0
        if paging is not None:
            marker = seen.query.get(marker_query(vendor, command), [None])[0]
            if paging.style == "cursor":
                index = 0 if marker is None else int(marker.removeprefix("cursor-"))
            elif paging.style == "offset":
                index = 0 if marker is None else sum(1 for _ in _pages_before(pages, int(marker)))
            else:
                index = 0 if marker is None else int(marker) - paging.first_page
        more = index + 1 < len(pages)
        return 200, page(vendor, command, pages[index], more=more, cursor=f"cursor-{index + 1}" if more else None)

    return answer


def _pages_before(pages: list[list[Any]], offset: int) -> list[int]:
    """The pages whose items all come before `offset`."""
    found, count = [], 0
    for number, items in enumerate(pages):
        count += len(items)
        if count <= offset:
            found.append(number)
    return found


def marker_query(vendor: Vendor, command: Any) -> str:
    """The query parameter that takes the offset, cursor or page (the spec's `x-exec-pagination`)."""
    declared = operation(vendor, command)["x-exec-pagination"]
    return str(declared[{"offset": "offset", "cursor": "cursor", "page": "page"}[declared["style"]]])


def list_args(command: Any) -> list[str]:
    return [
        f"{p.metavar.lower()}-1" if p.parse is None else "00000000-0000-4000-8000-000000000001"
        for p in command.path_params
    ]


def paged(command: Any) -> bool:
    return cli_module(command)._LIST_PAGING is not None


# -- list -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("vendor", has("list"))
def test_list_streams_every_page_as_json_lines_and_rows(vendor: Vendor) -> None:
    command = commands(vendor)["list"]
    pages = [[listed_item(vendor, command, 1), listed_item(vendor, command, 2)], [listed_item(vendor, command, 3)]]
    if not paged(command):
        pages = [pages[0] + pages[1]]
    sent = [item for items in pages for item in items]
    with RoutedServer(pager(vendor, command, pages)) as server:
        as_json = run(vendor, "list", *list_args(command), "--json", base_url=server.url)
        rows = run(vendor, "list", *list_args(command), base_url=server.url)
    assert as_json.returncode == 0, as_json.stderr
    assert_clean(as_json)
    assert [json.loads(line) for line in as_json.stdout.splitlines()] == sent
    assert len(server.requests) == 2 * len(pages)  # one request per page, for each run
    assert rows.returncode == 0, rows.stderr
    lines = rows.stdout.splitlines()
    assert lines[0].split()[0] == "ID"
    assert [line.split()[0] for line in lines[1:]] == ["exec-1", "exec-2", "exec-3"]


@pytest.mark.parametrize("vendor", has("list", paged))
def test_list_max_stops_after_n_without_fetching_further_pages(vendor: Vendor) -> None:
    command = commands(vendor)["list"]
    pages = [[listed_item(vendor, command, n) for n in (1, 2)], [listed_item(vendor, command, n) for n in (3, 4)]]
    pages.append([listed_item(vendor, command, 5)])
    with RoutedServer(pager(vendor, command, pages)) as server:
        result = run(vendor, "list", *list_args(command), "--json", "--max", "3", base_url=server.url)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == pages[0] + pages[1][:1]
    assert len(server.requests) == 2  # the third page is never asked for


@pytest.mark.parametrize("vendor", has("list", paged))
def test_list_a_repeated_cursor_or_page_ends_with_exit_4_after_the_rows(vendor: Vendor) -> None:
    """A server that never moves on (the same cursor, the same page) ends the listing: no loop."""
    command = commands(vendor)["list"]
    by_cursor = cli_module(command)._LIST_PAGING.style == "cursor"

    def stuck(seen: Seen) -> tuple[int, Any]:
        # With a cursor: new items, but the cursor the server already gave; else the same page again.
        first = 2 * (len(server.requests) - 1) + 1 if by_cursor else 1
        items = [listed_item(vendor, command, first), listed_item(vendor, command, first + 1)]
        return 200, page(vendor, command, items, more=True, cursor="cursor-again")

    with RoutedServer(stuck) as server:
        result = run(vendor, "list", *list_args(command), base_url=server.url)
    assert result.returncode == 4, result.stderr
    assert_clean(result)
    shown = [line.split()[0] for line in result.stdout.splitlines()[1:]]
    assert shown == (["exec-1", "exec-2", "exec-3", "exec-4"] if by_cursor else ["exec-1", "exec-2"])
    assert ("the cursor 'cursor-again' again" if by_cursor else "the same page twice") in result.stderr
    assert "stopped rather than loop forever" in result.stderr
    assert len(server.requests) == 2


@pytest.mark.parametrize("vendor", has("list", paged))
def test_list_an_api_error_mid_listing_is_exit_4_after_the_rows(vendor: Vendor) -> None:
    command = commands(vendor)["list"]
    first = pager(vendor, command, [[listed_item(vendor, command, 1)], [listed_item(vendor, command, 2)]])

    def failing(seen: Seen) -> tuple[int, Any]:
        return first(seen) if not server.requests[:-1] else (500, {"error": "boom"})

    with RoutedServer(failing) as server:
        result = run(vendor, "list", *list_args(command), "--max-retries", "0", base_url=server.url)
    assert result.returncode == 4, result.stderr
    assert_clean(result)
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["ID", "exec-1"]
    assert "500" in result.stderr or "InternalServerError" in result.stderr


@pytest.mark.parametrize("vendor", has("list", lambda c: any(o.expected.startswith("an ISO 8601") for o in c.options)))
def test_list_a_bad_date_or_enum_is_exit_2_before_any_request(vendor: Vendor) -> None:
    command = commands(vendor)["list"]
    date = next(o for o in command.options if o.expected.startswith("an ISO 8601"))
    bad = [(date.flag, "yesterday")]
    enum = next((o for o in command.options if o.expected.startswith("one of")), None)
    if enum is not None:
        bad.append((enum.flag, "no-such-value"))
    with RoutedServer(lambda seen: (500, None)) as server:
        for flag, value in bad:
            result = run(vendor, "list", *list_args(command), f"--{flag}", value, base_url=server.url)
            assert result.returncode == 2, result.stderr
            assert_clean(result)
            assert f"--{flag}" in result.stderr and repr(value) in result.stderr
    assert server.requests == []


@pytest.mark.parametrize("vendor", has("list", lambda c: any(o.expected.startswith("an ISO 8601") for o in c.options)))
def test_list_filters_reach_the_server_parsed(vendor: Vendor) -> None:
    command = commands(vendor)["list"]
    date = next(o for o in command.options if o.expected.startswith("an ISO 8601"))
    with RoutedServer(pager(vendor, command, [[]])) as server:
        result = run(vendor, "list", *list_args(command), f"--{date.flag}", "2024-01-31T12:00:00Z", base_url=server.url)
    assert result.returncode == 0, result.stderr
    sent = [value for values in server.requests[0].query.values() for value in values]
    assert any(value.startswith("2024-01-31T12:00:00") for value in sent), server.requests[0].query


# -- start ----------------------------------------------------------------------------------------


def start_answer(vendor: Vendor, command: Any, new_id: str) -> Any:
    body = copy.deepcopy(smallest(vendor, success_schema(vendor, operation(vendor, command))))
    if command.id_path:
        put(body, command.id_path, new_id)
    return body


def start_args(command: Any) -> list[str]:
    return list_args(command)


def valid_body(vendor: Vendor, command: Any) -> dict[str, Any]:
    """The spec's example of the request body, else its required fields (each property's own
    example where it has one: a pattern-checking mock takes no placeholder)."""
    op = operation(vendor, command)
    media = next(iter(op["requestBody"]["content"].values()))
    example = media.get("example")
    body = example if isinstance(example, dict) else smallest(vendor, media["schema"])
    properties = deref(vendor, media["schema"]).get("properties") or {}
    for name in list(body):
        if not isinstance(example, dict) and "example" in (properties.get(name) or {}):
            body[name] = properties[name]["example"]
    for field in command.body.fields:  # strings the model takes; a pattern-free value of each
        if isinstance(body.get(field.json_name), str):
            body[field.json_name] = body[field.json_name] or "x"
    return dict(body)


@pytest.mark.parametrize("vendor", has("start", lambda c: c.body is not None))
def test_start_data_that_is_not_json_is_exit_2_naming_the_file_and_place(vendor: Vendor, tmp_path: Path) -> None:
    command = commands(vendor)["start"]
    bad = tmp_path / "body.json"
    bad.write_text('{\n  "a": 1,\n  oops\n}\n', encoding="utf-8")
    not_object = tmp_path / "list.json"
    not_object.write_text("[1, 2]", encoding="utf-8")
    with RoutedServer(lambda seen: (500, None)) as server:
        result = run(vendor, "start", *start_args(command), "--data", f"@{bad}", base_url=server.url)
        listed = run(vendor, "start", *start_args(command), "--data", f"@{not_object}", base_url=server.url)
        missing = run(
            vendor, "start", *start_args(command), "--data", f"@{tmp_path / 'nope.json'}", base_url=server.url
        )
    assert result.returncode == 2, result.stderr
    assert_clean(result)
    assert str(bad) in result.stderr and "line 3 column 3" in result.stderr
    assert listed.returncode == 2 and str(not_object) in listed.stderr and "JSON object" in listed.stderr
    assert missing.returncode == 2 and "nope.json" in missing.stderr
    assert server.requests == []


@pytest.mark.parametrize("vendor", has("start", lambda c: c.body is not None and bool(c.body.fields)))
def test_start_a_body_that_does_not_fit_is_exit_2_naming_the_field(vendor: Vendor, tmp_path: Path) -> None:
    command = commands(vendor)["start"]
    field = command.body.fields[0]
    wrong = valid_body(vendor, command)
    wrong[field.json_name] = {"not": "a scalar"}
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(wrong), encoding="utf-8")
    without = valid_body(vendor, command)
    del without[field.json_name]
    with RoutedServer(lambda seen: (500, None)) as server:
        result = run(vendor, "start", *start_args(command), "--data", f"@{path}", base_url=server.url)
        absent = run(vendor, "start", *start_args(command), "--data", json.dumps(without), base_url=server.url)
    assert result.returncode == 2, result.stderr
    assert_clean(result)
    assert str(path) in result.stderr and f"{command.body.model}.{field.json_name}" in result.stderr
    assert absent.returncode == 2, absent.stderr
    assert f"{command.body.model}.{field.json_name}" in absent.stderr and "missing" in absent.stderr
    assert server.requests == []


@pytest.mark.parametrize("vendor", has("start", lambda c: c.body is not None))
def test_start_sends_the_file_and_the_options_and_prints_the_answer(vendor: Vendor, tmp_path: Path) -> None:
    command = commands(vendor)["start"]
    body = valid_body(vendor, command)
    path = tmp_path / "body.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    options: list[str] = []
    for field in command.body.fields:
        if isinstance(body.get(field.json_name), str):
            options += [f"--{field.python_name.replace('_', '-')}", "from-the-option"]
            body[field.json_name] = "from-the-option"
            break
    answer = start_answer(vendor, command, "exec-new")
    with RoutedServer(lambda seen: (200 if seen.method == "POST" else 500, answer)) as server:
        result = run(vendor, "start", *start_args(command), "--data", f"@{path}", *options, base_url=server.url)
        as_json = run(
            vendor, "start", *start_args(command), "--json", "--data", "@-", base_url=server.url, stdin=json.dumps(body)
        )
    assert result.returncode == 0, result.stderr
    assert_clean(result)
    assert [seen.method for seen in server.requests] == ["POST", "POST"]
    assert json.loads(server.requests[0].body) == body
    if command.id_path:
        assert result.stdout.splitlines()[0].split() == ["Execution", "exec-new"]
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout) == answer


@pytest.mark.parametrize("vendor", has("start", lambda c: c.wait_from is not None))
def test_start_wait_follows_the_new_execution_to_its_end(vendor: Vendor) -> None:
    command = commands(vendor)["start"]
    new_id = "exec-new/1"
    terminal = vendor.terminal_body("success")
    assert terminal is not None
    done, finished = terminal
    polls: list[Seen] = []

    def answer(seen: Seen) -> tuple[int, Any]:
        if seen.method == "POST":
            return 200, start_answer(vendor, command, new_id)
        polls.append(seen)
        status = vendor.running_status if len(polls) == 1 else done
        return 200, vendor.example_with_status(status) if status != done else finished

    body = valid_body(vendor, command)
    with RoutedServer(answer) as server:
        result = run(
            vendor, "start", *start_args(command), "--data", json.dumps(body), "--wait", *FAST, base_url=server.url
        )
    assert result.returncode == 0, result.stderr
    assert_clean(result)
    assert f"started execution {new_id}" in result.stderr
    assert len(polls) == 2 and all(quote(new_id, safe="") in seen.path for seen in polls)
    assert any(
        line.startswith("Status") and done in line and "(success)" in line for line in result.stdout.splitlines()
    )


@pytest.mark.parametrize("vendor", has("start", lambda c: c.wait_from is None))
def test_start_without_an_id_in_its_answer_has_no_wait_and_says_how_to_find_it(vendor: Vendor) -> None:
    result = run(vendor, "start", "--help", base_url="http://127.0.0.1:9")
    assert result.returncode == 0
    assert "--wait" not in result.stdout
    assert "list" in result.stdout and "wait" in result.stdout


@pytest.mark.parametrize("vendor", has("start", lambda c: c.body is not None))
def test_start_and_list_against_prism_of_the_vendors_spec(vendor: Vendor, prism: PrismServer) -> None:
    """Prism checks the request against the vendor's spec (path, credential, body schema) and
    answers with the spec's examples: the body `start` sends fits the vendor's schema."""
    command = commands(vendor)["start"]
    started = run(
        vendor, "start", *start_args(command), "--data", json.dumps(valid_body(vendor, command)), base_url=prism.url
    )
    assert started.returncode == 0, started.stderr
    assert_clean(started)
    if "list" in commands(vendor):
        listed = run(vendor, "list", *list_args(commands(vendor)["list"]), "--json", "--max", "5", base_url=prism.url)
        assert listed.returncode == 0, listed.stderr
        assert all(isinstance(json.loads(line), dict) for line in listed.stdout.splitlines())


# -- cancel ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("vendor", vendors_where(lambda v: any(c.kind == "cancel" for c in commands(v).values())))
def test_each_cancel_command_posts_to_its_operation_and_exits_0(vendor: Vendor) -> None:
    for command in (c for c in commands(vendor).values() if c.kind == "cancel"):
        op = operation(vendor, command)
        success = int(next(str(s) for s in op["responses"] if str(s).startswith("2")))

        def accept(seen: Seen, status: int = success) -> tuple[int, Any]:
            return status, None

        with RoutedServer(accept) as server:
            result = run(vendor, command.name, *list_args(command), base_url=server.url)
        assert result.returncode == 0, result.stderr
        assert_clean(result)
        assert command.status in result.stdout
        [seen, *_] = server.requests
        assert seen.method == "POST" and seen.path.endswith("/" + op["path"].rsplit("/", 1)[1])


@pytest.mark.parametrize("vendor", vendors_where(lambda v: any(c.kind == "cancel" for c in commands(v).values())))
def test_each_cancel_command_against_prism_of_the_vendors_spec(vendor: Vendor, prism: PrismServer) -> None:
    for command in (c for c in commands(vendor).values() if c.kind == "cancel"):
        result = run(vendor, command.name, *list_args(command), base_url=prism.url)
        assert result.returncode == 0, result.stderr
        assert_clean(result)


@pytest.mark.parametrize("vendor", vendors_where(lambda v: any(c.kind == "cancel" for c in commands(v).values())))
def test_cancel_an_unknown_execution_is_exit_4(vendor: Vendor) -> None:
    command = next(c for c in commands(vendor).values() if c.kind == "cancel")
    with RoutedServer(lambda seen: (404, {"detail": "not found"})) as server:
        result = run(vendor, command.name, *list_args(command), "--max-retries", "0", base_url=server.url)
    assert result.returncode == 4, result.stderr
    assert_clean(result)
    assert len(server.requests) == 1


# -- which package has which command --------------------------------------------------------------


@pytest.mark.parametrize("vendor", VENDORS, ids=[v.name for v in VENDORS])
def test_a_package_has_the_commands_its_spec_allows(vendor: Vendor) -> None:
    """list for an operation of role list, start for role start, one command per role cancel."""
    roles = [
        candidate["x-exec-operation"]["role"]
        for item in vendor.spec["paths"].values()
        for candidate in item.values()
        if isinstance(candidate, dict) and "x-exec-operation" in candidate
    ]
    found = commands(vendor)
    assert ("list" in found) == ("list" in roles)
    assert ("start" in found) == ("start" in roles)
    assert sum(1 for c in found.values() if c.kind == "cancel") == roles.count("cancel")
    result = run(vendor, "--help", base_url="http://127.0.0.1:9")
    for name in found:
        assert name in result.stdout
    if "start" not in found:
        absent = run(vendor, "start", base_url="http://127.0.0.1:9")
        assert absent.returncode == 2 and "invalid choice" in absent.stderr
