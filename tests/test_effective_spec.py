"""The pipeline's first stage on small documents: reading (YAML 1.2, bounded), overlays,
selection, pruning and leaving out unsupported operations, up to the effective spec.

Unit tests with in-memory documents and temporary files; the URL tests serve a document from a
real socket on 127.0.0.1 (a thread, shut down by its fixture). One test builds a whole package
(without verification) to show that the operations left out are the only ones missing.
"""

from __future__ import annotations

import copy
import gc
import hashlib
import http.server
import json
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import source
from generator.effective import effective_spec, source_document
from generator.errors import RegenerationError, SpecRefusalError
from generator.manifest import Package, Upstream, load_manifest
from generator.overlay import apply_overlay, load_overlay
from generator.pipeline import build_package
from generator.selection import operations_reaching, prune, select_operations
from generator.source import dump_yaml, load_source, parse_document
from generator.spec import resolve_pointer

WHERE = "[packages.acme.operations]"


def one_line(call: Callable[[], object], error: type[Exception] = RegenerationError) -> str:
    """The message `call` is refused with, checked to be one non-empty line (no traceback)."""
    with pytest.raises(error) as caught:
        call()
    message = str(caught.value)
    assert message and "\n" not in message and "Traceback" not in message, message
    return message


def parse(text: str, *, json_text: bool = False) -> dict[str, Any]:
    return parse_document(text.encode("utf-8"), "doc.yaml", json_text=json_text)


# -- YAML 1.2 meaning ------------------------------------------------------------------------------


def test_yaml_12_scalars_keep_their_json_meaning() -> None:
    document = parse(
        "enum: [no, on, yes, off, No, ON, y, n]\n"
        "bare: no\n"
        "date: 2024-01-01\n"
        "stamp: 2024-01-01T10:00:00Z\n"
        "example: {created: 2024-01-01T10:00:00Z, day: 2024-01-01}\n"
        "equals: =\n"
        "clock: 1:30\n"
        "octal: 0o17\n"
        "leading_zero: 012\n"
        "hex: 0x1F\n"
        "underscored: 1_000\n"
        "binaryish: 0b101\n"
        "float: 1.5e3\n"
        "t: true\n"
        "f: false\n"
        "n: null\n"
        "tilde: ~\n"
        "empty:\n"
    )
    assert document == {
        "enum": ["no", "on", "yes", "off", "No", "ON", "y", "n"],
        "bare": "no",
        "date": "2024-01-01",
        "stamp": "2024-01-01T10:00:00Z",
        "example": {"created": "2024-01-01T10:00:00Z", "day": "2024-01-01"},
        "equals": "=",
        "clock": "1:30",
        "octal": 15,
        "leading_zero": 12,
        "hex": 31,
        "underscored": "1_000",
        "binaryish": "0b101",
        "float": 1500.0,
        "t": True,
        "f": False,
        "n": None,
        "tilde": None,
        "empty": None,
    }
    assert type(document["octal"]) is int and type(document["t"]) is bool


def test_integer_and_other_scalar_keys_become_strings() -> None:
    document = parse("responses:\n  200: {description: ok}\n  4XX: {description: bad}\n  true: x\n  null: y\n")
    assert list(document["responses"]) == ["200", "4XX", "true", "null"]


def test_duplicate_keys_are_refused_naming_the_line() -> None:
    message = one_line(lambda: parse("openapi: 3.1.0\ninfo:\n  title: A\n  title: B\n"))
    assert "doc.yaml" in message and "line 4" in message and "duplicate key 'title'" in message


def test_duplicate_keys_in_json_are_refused_too() -> None:
    message = one_line(lambda: parse('{"a": 1, "b": {"c": 1, "c": 2}}', json_text=True))
    assert "doc.yaml" in message and "duplicate key 'c'" in message


def test_merge_keys_merge_and_own_keys_override() -> None:
    document = parse(
        "base: &base {type: object, description: base, x-a: 1}\n"
        "other: &other {x-a: 2, x-b: 2}\n"
        "merged:\n  <<: *base\n  description: own\n"
        "both:\n  <<: [*base, *other]\n"
    )
    assert document["merged"] == {"type": "object", "description": "own", "x-a": 1}
    # The earlier mapping of a merge list wins over a later one.
    assert document["both"] == {"type": "object", "description": "base", "x-a": 1, "x-b": 2}
    # An anchored mapping that merges another, merged again, keeps its own value over the merged one.
    nested = parse("a: &a {x: 1}\nb: &b\n  <<: *a\n  x: 2\nc:\n  <<: *b\n")
    assert nested == {"a": {"x": 1}, "b": {"x": 2}, "c": {"x": 2}}


def test_explicit_timestamp_and_binary_tags_stay_text() -> None:
    assert parse("a: !!timestamp 2024-01-01\nb: !!binary aGVsbG8=\n") == {"a": "2024-01-01", "b": "aGVsbG8="}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!python/object:os.system x\n", "not valid YAML (line 1"),
        ("a: !!set {x, y}\n", "not JSON data"),
        ("a: .nan\n", "not JSON data (Out of range float"),
        ("a: .inf\n", "not JSON data"),
        ("{[1]: 2}\n", "a mapping key that is not a scalar"),
    ],
    ids=["python-tag", "set", "nan", "inf", "sequence-key"],
)
def test_values_that_are_not_json_data_are_refused(text: str, expected: str) -> None:
    message = one_line(lambda: parse(text))
    assert message.startswith("doc.yaml: ") and expected in message


# -- bounded input -------------------------------------------------------------------------------------


def _alias_bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
        previous = name
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_in_one_line() -> None:
    bomb = _alias_bomb()
    assert len(bomb) < 600
    message = one_line(lambda: parse(bomb))
    assert message.startswith("doc.yaml: ") and "aliases expand to more than" in message


def test_an_alias_that_contains_itself_is_refused_naming_the_document() -> None:
    message = one_line(lambda: parse("a: &x [1, *x]\n"))
    assert message.startswith("doc.yaml: ") and "contains itself" in message


def test_aliases_within_the_limit_are_read_as_copies() -> None:
    document = parse("a: &a {x: [1, 2]}\nb: *a\n")
    assert document == {"a": {"x": [1, 2]}, "b": {"x": [1, 2]}}
    document["a"]["x"].append(3)
    assert document["b"] == {"x": [1, 2]}  # plain data: no node is shared


def test_a_document_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(source, "MAX_DOCUMENT_BYTES", 64)
    text = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-padding: " + "p" * 100 + "\n"
    message = one_line(lambda: parse(text))
    assert "doc.yaml" in message and "over the limit of 64" in message
    path = tmp_path / "big.yaml"
    path.write_text(text, encoding="utf-8")
    message = one_line(lambda: source.read_document(path))
    assert str(path) in message and "over the limit of 64" in message


@pytest.mark.parametrize("json_text", [False, True], ids=["yaml", "json"])
def test_nesting_too_deep_is_refused(json_text: bool) -> None:
    text = '{"a": ' + "[" * 20_000 + "]" * 20_000 + "}"
    message = one_line(lambda: parse(text, json_text=json_text))
    assert message == "doc.yaml: the document nests too deeply to read; flatten it"


def test_non_utf8_is_refused() -> None:
    message = one_line(lambda: parse_document(b"openapi: 3.1.0\ninfo: \xff\n", "doc.yaml", json_text=False))
    assert message.startswith("doc.yaml: not UTF-8 text") and "byte 21" in message


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    assert parse_document(b"\xef\xbb\xbfa: 1\n", "doc.yaml", json_text=False) == {"a": 1}


@pytest.mark.parametrize("text", ["- 1\n- 2\n", "just text\n", "", "[1]"], ids=["list", "scalar", "empty", "json"])
def test_a_document_that_is_not_an_object_is_refused(text: str) -> None:
    message = one_line(lambda: parse(text, json_text=text == "[1]"))
    assert message.startswith("doc.yaml: #: the document is not an object")


def test_syntax_errors_name_the_line() -> None:
    assert "line 2" in one_line(lambda: parse("a: 1\n  b: 2\n"))
    assert "line 1" in one_line(lambda: parse('{"a": 1', json_text=True))


# -- load_source over HTTP on 127.0.0.1 -------------------------------------------------------------------

SERVED_YAML = b"openapi: 3.1.0\ninfo: {title: Served, version: '1'}\npaths: {}\nx-flag: on\n"
SERVED_JSON = b'{"openapi": "3.1.0", "info": {"title": "Served", "version": "1"}, "paths": {}}'


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # the tests read answers, not the server's log

    def do_GET(self) -> None:
        if self.path == "/openapi.yaml":
            self._answer(SERVED_YAML, len(SERVED_YAML))
        elif self.path.startswith("/download"):
            self._answer(SERVED_JSON, len(SERVED_JSON))  # no .json in the URL: the body says JSON
        elif self.path == "/declared-big":
            self._answer(b"{}", 50_000_000)  # the header alone must refuse it
        elif self.path == "/undeclared-big":
            self._answer(b"a: " + b"x" * 5_000 + b"\n", None)  # HTTP/1.0: the body ends at close
        else:
            self.send_error(404, "Not Found")

    def _answer(self, body: bytes, length: int | None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/yaml")
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass  # the client refused the body early, as it should


@pytest.fixture
def server() -> Iterator[str]:
    """The base URL of a document server on 127.0.0.1, stopped after the test."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
        assert not thread.is_alive()


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "FETCH_TIMEOUT", 5.0)


@pytest.mark.usefixtures("short_timeout")
def test_load_source_reads_yaml_and_json_urls(server: str) -> None:
    document, data = load_source(f"{server}/openapi.yaml")
    assert document["info"]["title"] == "Served" and document["x-flag"] == "on"
    assert data == SERVED_YAML
    document, data = load_source(f"{server}/download?id=3")
    assert document["paths"] == {} and data == SERVED_JSON


@pytest.mark.usefixtures("short_timeout")
def test_load_source_refuses_a_body_declared_too_large(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_DOCUMENT_BYTES", 1_000)
    message = one_line(lambda: load_source(f"{server}/declared-big"))
    assert message == (
        f"{server}/declared-big: the document is 50,000,000 bytes, over the limit of 1,000; "
        "split it or raise MAX_DOCUMENT_BYTES in generator/source.py"
    )


@pytest.mark.usefixtures("short_timeout")
def test_load_source_refuses_a_body_too_large_without_content_length(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "MAX_DOCUMENT_BYTES", 1_000)
    message = one_line(lambda: load_source(f"{server}/undeclared-big"))
    # Read up to one byte past the limit, never the whole body.
    assert message.startswith(f"{server}/undeclared-big: the document is 1,001 bytes, over the limit of 1,000")


@pytest.mark.usefixtures("short_timeout")
def test_load_source_names_a_404_and_closes_the_connection(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    unclosed: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unclosed.append)  # where a ResourceWarning in __del__ goes
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        message = one_line(lambda: load_source(f"{server}/missing.yaml"))
        gc.collect()
    assert message == f"{server}/missing.yaml: the server answered 404 Not Found; check the URL"
    assert [str(leak.exc_value) for leak in unclosed] == []


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/openapi.yaml", "file:///openapi.yaml"])
def test_load_source_refuses_other_schemes(url: str) -> None:
    message = one_line(lambda: load_source(url))
    assert message == f"{url}: only http and https URLs are fetched; download it and pass the file"


def test_load_source_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "openapi.json"
    path.write_bytes(SERVED_JSON)
    document, data = load_source(str(path))
    assert document["info"]["title"] == "Served" and data == SERVED_JSON
    assert "cannot read the document" in one_line(lambda: load_source(str(tmp_path / "absent.yaml")))


# -- dump_yaml round trip ------------------------------------------------------------------------------------

# fmt: off
TRICKY = [
    'no', 'on', 'yes', 'off', 'No', 'ON', 'y', 'n', '0o17', '012', '0x1F', '1_000', '1:30', '2024-01-01',
    '2024-01-01T10:00:00Z', '=', '<<', '~', 'null', 'Null', 'true', 'False', '.inf', '-.inf', '.nan', '1e3', '1.',
    '.5', '+1', '-0', '0b101', '', ' ', '-', '- a', 'a: b', '#x', 'a #b', '* a', '&a', '!x', '%x', '@x', '`x', "'",
    '"', '[', '{', '}', '|', '>', '? x', '200', 'multi\nline', 'multi\nline\n', '\nlead', 'trail\n\n',
    ' spaced\nlines', 'x\n indented', 'tab\there', 'cr\rhere', 'crlf\r\nhere', 'é ü 日本語 😀', 'nel\x85here',
    'ls\u2028here', 'ps\u2029here', 'bom\ufeff', 'nul\x00', 'bell\x07', 'del\x7f',
]
# fmt: on


def _json_data() -> st.SearchStrategy[Any]:
    text = st.one_of(st.sampled_from(TRICKY), st.text(max_size=12))
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        text,
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(text, children, max_size=4)),
        max_leaves=16,
    )


def _round_trip(document: dict[str, Any]) -> None:
    written = dump_yaml(document)
    assert "&id" not in written and "*id" not in written
    assert parse_document(written.encode("utf-8"), "dumped.yaml", json_text=False) == document, written
    assert yaml.safe_load(written) == document, written  # a YAML 1.1 reader reads the same


def test_dump_yaml_round_trips_tricky_strings() -> None:
    shared = {"type": "string"}
    document: dict[str, Any] = {
        "values": TRICKY,
        "keys": {value: index for index, value in enumerate(TRICKY)},
        "200": {"description": "numeric-looking key"},
        "nested": [[shared, shared], {"a": [], "b": {}}],
        "numbers": [0, -1, 2**70, 1.5, -0.25, 1e16, 1e-7],
    }
    _round_trip(document)
    assert "'200':" in dump_yaml(document)  # written quoted: a string key, not an integer


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.one_of(st.sampled_from(TRICKY), st.text(max_size=12)), _json_data(), max_size=5))
def test_dump_yaml_round_trips_json_data(document: dict[str, Any]) -> None:
    _round_trip(document)


# -- overlays -----------------------------------------------------------------------------------------------


def _overlay(tmp_path: Path, actions: list[dict[str, Any]], **fields: Any) -> Path:
    path = tmp_path / "overlay.yaml"
    document = {"overlay": "1.0.0", "info": {"title": "fixes", "version": "1"}, "actions": actions, **fields}
    path.write_text(dump_yaml(document), encoding="utf-8")
    return path


def _apply(
    tmp_path: Path, document: dict[str, Any], actions: list[dict[str, Any]], *, strict: bool = True
) -> tuple[dict[str, Any], list[str]]:
    return apply_overlay(document, load_overlay(_overlay(tmp_path, actions)), strict=strict)


def _target_document() -> dict[str, Any]:
    return {
        "info": {"title": "T", "x-tags": ["a"]},
        "paths": {
            "/jobs/{id}": {
                "get": {
                    "operationId": "getJob",
                    "tags": ["jobs"],
                    "parameters": [{"name": "id", "in": "path"}, {"name": "verbose", "in": "query"}],
                    "responses": {"200": {"description": "ok"}},
                },
                "delete": {"operationId": "deleteJob", "responses": {"204": {"description": "gone"}}},
            },
            "/runs": {"get": {"operationId": "listRuns", "responses": {"200": {"description": "ok"}}}},
        },
        "list": [0, 1, 2, 3, 4, 5],
    }


def _update(target: str, update: Any) -> dict[str, Any]:
    return {"target": target, "description": "a fix the vendor's page supports", "update": update}


def _remove(target: str) -> dict[str, Any]:
    return {"target": target, "description": "not in the vendor's API", "remove": True}


def test_update_merges_objects_recursively(tmp_path: Path) -> None:
    original = _target_document()
    result, unmatched = _apply(
        tmp_path,
        original,
        [_update("$.paths['/jobs/{id}'].get", {"responses": {"200": {"x-status-path": ["status"]}}, "summary": "S"})],
    )
    operation = result["paths"]["/jobs/{id}"]["get"]
    assert operation["responses"]["200"] == {"description": "ok", "x-status-path": ["status"]}
    assert operation["summary"] == "S" and operation["operationId"] == "getJob"
    assert unmatched == [] and original == _target_document()  # the input is not changed


def test_update_appends_to_an_array_target_and_array_properties(tmp_path: Path) -> None:
    result, _ = _apply(
        tmp_path,
        _target_document(),
        [
            _update("$.list", 6),
            _update("$.list", [7]),  # an array update of an array is one entry
            _update("$.info", {"x-tags": ["b", "c"]}),
        ],
    )
    assert result["list"] == [0, 1, 2, 3, 4, 5, 6, [7]]
    assert result["info"]["x-tags"] == ["a", "b", "c"]


def test_update_replaces_a_scalar(tmp_path: Path) -> None:
    result, _ = _apply(tmp_path, _target_document(), [_update("$.info", {"title": "New", "x-null": None})])
    assert result["info"] == {"title": "New", "x-tags": ["a"], "x-null": None}


@pytest.mark.parametrize(
    ("update", "clash"),
    [({"title": {"text": "x"}}, "a scalar, with an object"), ({"x-tags": {"a": 1}}, "an array, with an object")],
)
def test_a_type_clash_is_one_line_naming_the_action(tmp_path: Path, update: dict[str, Any], clash: str) -> None:
    path = _overlay(tmp_path, [_update("$.paths", {}), _update("$.info", update)])
    message = one_line(lambda: apply_overlay(_target_document(), load_overlay(path)))
    assert message.startswith(f"{path}: #/actions/1 (target $.info): updates $['info']")
    assert clash in message and "remove that node in an action before this one" in message


def test_an_update_of_a_scalar_node_is_one_line(tmp_path: Path) -> None:
    path = _overlay(tmp_path, [_update("$.info.title", "New")])
    message = one_line(lambda: apply_overlay(_target_document(), load_overlay(path)))
    assert message.startswith(f"{path}: #/actions/0 (target $.info.title): `update` of a str node")


def test_remove_removes_members_and_items_in_their_positions(tmp_path: Path) -> None:
    result, _ = _apply(
        tmp_path,
        _target_document(),
        [
            _remove("$.list[1,3,4]"),
            _remove("$.paths['/jobs/{id}'].get.parameters[?@.in=='query']"),
            _remove("$.paths['/jobs/{id}'].delete"),
        ],
    )
    assert result["list"] == [0, 2, 5]
    assert result["paths"]["/jobs/{id}"]["get"]["parameters"] == [{"name": "id", "in": "path"}]
    assert list(result["paths"]["/jobs/{id}"]) == ["get"]


def test_remove_of_a_node_selected_twice_removes_it_once(tmp_path: Path) -> None:
    result, _ = _apply(tmp_path, _target_document(), [_remove("$.list[1,1,-1]")])
    assert result["list"] == [0, 2, 3, 4]


def test_update_of_a_node_selected_twice_applies_once(tmp_path: Path) -> None:
    result, _ = _apply(tmp_path, _target_document(), [_update("$['info','info']", {"x-tags": ["b"]})])
    assert result["info"]["x-tags"] == ["a", "b"]


def test_actions_apply_in_order(tmp_path: Path) -> None:
    result, _ = _apply(
        tmp_path,
        _target_document(),
        [_remove("$.info.title"), _update("$.info", {"title": {"text": "structured"}})],
    )
    assert result["info"]["title"] == {"text": "structured"}
    result, _ = _apply(tmp_path, _target_document(), [_update("$.list", 6), _remove("$.list[-1]")])
    assert result["list"] == [0, 1, 2, 3, 4, 5]


def test_filter_expressions_and_quoted_path_keys(tmp_path: Path) -> None:
    result, _ = _apply(
        tmp_path,
        _target_document(),
        [
            _update("$.paths.*[?@.operationId=='getJob']", {"x-status-path": ["status"]}),
            _update("$.paths['/jobs/{id}'].delete", {"deprecated": True}),
        ],
    )
    assert result["paths"]["/jobs/{id}"]["get"]["x-status-path"] == ["status"]
    assert result["paths"]["/jobs/{id}"]["delete"]["deprecated"] is True
    assert "x-status-path" not in result["paths"]["/runs"]["get"]


def test_an_action_matching_nothing_is_refused_or_listed(tmp_path: Path) -> None:
    path = _overlay(tmp_path, [_update("$.info", {"x": 1}), _update("$.paths['/gone'].get", {"summary": "S"})])
    overlay = load_overlay(path)
    message = one_line(lambda: apply_overlay(_target_document(), overlay))
    assert message == (
        f"{path}: #/actions/1 (target $.paths['/gone'].get) matches nothing: a fix the vendor's page supports; "
        "fix the target or remove the action"
    )
    result, unmatched = apply_overlay(_target_document(), overlay, strict=False)
    assert unmatched == [
        f"{path}: #/actions/1 (target $.paths['/gone'].get) matches nothing: a fix the vendor's page supports"
    ]
    assert result["info"]["x"] == 1  # the other actions still apply


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"actions": [{"target": "$..[", "description": "d", "update": {}}]},
            "#/actions/0: target '$..[' is not an RFC 9535 JSONPath",
        ),
        ({"actions": [{"target": "$.info", "update": {}}]}, "#/actions/0: the action has no `description`"),
        (
            {"actions": [{"target": "$.info", "description": " ", "update": {}}]},
            "#/actions/0: the action has no `description`",
        ),
        (
            {"actions": [{"target": "$.info", "description": "d", "update": {}, "remove": True}]},
            "#/actions/0: an action has either `update` or `remove: true`",
        ),
        (
            {"actions": [{"target": "$.info", "description": "d"}]},
            "#/actions/0: an action has either `update` or `remove: true`",
        ),
        ({"actions": [{"description": "d", "update": {}}]}, "#/actions/0: an action needs a `target` JSONPath"),
        (
            {"actions": [{"target": "$", "description": "d", "remove": "yes"}]},
            "#/actions/0: `remove` must be true or false",
        ),
        ({"actions": []}, "#/actions: an overlay needs a list of actions"),
        ({"overlay": "2.0.0"}, "#/overlay: version '2.0.0'; write `overlay: 1.0.0`"),
        ({"overlay": None}, "#/overlay: version '(none)'"),
        ({"info": {"title": "t"}}, "#/info: an overlay needs `info.title` and `info.version`"),
    ],
    ids=[
        "jsonpath",
        "no-description",
        "blank-description",
        "both",
        "neither",
        "no-target",
        "remove-string",
        "no-actions",
        "version",
        "no-version",
        "info",
    ],
)
def test_an_invalid_overlay_is_one_line(tmp_path: Path, fields: dict[str, Any], expected: str) -> None:
    path = tmp_path / "overlay.yaml"
    document = {"overlay": "1.0.0", "info": {"title": "fixes", "version": "1"}, "actions": [_update("$", {})]}
    document.update(fields)
    if document["overlay"] is None:
        del document["overlay"]
    path.write_text(json.dumps(document), encoding="utf-8")
    message = one_line(lambda: load_overlay(path))
    assert message.startswith(f"{path}: {expected}"), message


def test_removing_the_whole_document_is_one_line(tmp_path: Path) -> None:
    assert "cannot remove the whole document" in one_line(lambda: _apply(tmp_path, _target_document(), [_remove("$")]))


# -- documents for selection, pruning and leaving out -------------------------------------------------------


def _ok(schema: str) -> dict[str, Any]:
    return {
        "description": "ok",
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _operation(operation_id: str, schema: str = "Run", **extra: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "responses": {"200": _ok(schema)}, **extra}


RUN_ID = {"name": "run_id", "in": "path", "required": True, "schema": {"type": "string"}}
CSV_BODY = {"content": {"text/csv": {"schema": {"type": "string"}}}}


def spec() -> dict[str, Any]:
    """A small runs API: a polled GET, a list, and a POST with a CSV body (which is left out)."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Acme", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "security": [{"bearer": []}],
        "tags": [{"name": "runs"}, {"name": "unused"}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Run": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"type": "string"}, "status": {"$ref": "#/components/schemas/Status"}},
                },
                "Status": {
                    "type": "string",
                    "enum": ["running", "done", "failed"],
                    "x-terminal-statuses": {"success": ["done"], "failure": ["failed"]},
                },
            },
        },
        "paths": {
            "/runs/{run_id}": {
                "get": {**_operation("getRun", tags=["runs"], parameters=[RUN_ID]), "x-status-path": ["status"]}
            },
            "/runs": {
                "get": _operation("listRuns", tags=["runs"]),
                "post": _operation("uploadRuns", requestBody=CSV_BODY),
            },
        },
    }


def package(tmp_path: Path, **fields: Any) -> Package:
    values: dict[str, Any] = {
        "vendor": "acme",
        "dist": "acme-exec",
        "import_name": "acme_exec",
        "version": "0.1.0",
        "spec": tmp_path / "openapi.yaml",
        "spec_sha256": "",
        "env_prefix": "ACME",
        "summary": "",
    }
    values.update(fields)
    return Package(**values)


def effective(tmp_path: Path, document: dict[str, Any], **fields: Any) -> tuple[dict[str, Any], list[str]]:
    """(the effective spec, the lines of operations left out) for `document`."""
    result = effective_spec(package(tmp_path, **fields), document, tmp_path / "openapi.yaml")
    return result.document, result.left_out


def operations_of(document: dict[str, Any]) -> list[str]:
    return [
        f"{method.upper()} {path}"
        for path, item in document["paths"].items()
        for method in item
        if method != "parameters"
    ]


# -- selection -----------------------------------------------------------------------------------------------


def test_selection_keeps_only_the_selected_operations_named_by_the_manifest(tmp_path: Path) -> None:
    document, left_out = effective(
        tmp_path,
        spec(),
        operations={"executions": {"get_run": "GET /runs/{run_id}"}, "listing": {"list_all": "get /runs"}},
    )
    assert left_out == []
    assert operations_of(document) == ["GET /runs/{run_id}", "GET /runs"]
    get = document["paths"]["/runs/{run_id}"]["get"]
    assert (get["operationId"], get["tags"]) == ("get_run", ["executions"])
    listing = document["paths"]["/runs"]["get"]
    assert (listing["operationId"], listing["tags"]) == ("list_all", ["listing"])
    assert document["tags"] == [{"name": "executions"}, {"name": "listing"}]


def test_a_missing_selection_names_the_entry_and_a_close_match(tmp_path: Path) -> None:
    message = one_line(lambda: effective(tmp_path, spec(), operations={"runs": {"get_run": "GET /run/{run_id}"}}))
    assert message == (
        f'manifest.toml: {WHERE}.runs: get_run = "GET /run/{{run_id}}" is not an operation of '
        f"{tmp_path / 'openapi.yaml'} (did you mean 'GET /runs/{{run_id}}'?); "
        "fix the selection, or add the operation in the overlay"
    )


@pytest.mark.parametrize(
    ("operations", "expected"),
    [
        (
            {"runs": {"get_run": "GET /runs/{run_id}", "again": "get /runs/{run_id}"}},
            "again selects get /runs/{run_id}, already selected as runs.get_run",
        ),
        (
            {"runs": {"get_run": "GET /runs/{run_id}"}, "more": {"other": "GET /runs/{run_id}"}},
            "other selects GET /runs/{run_id}, already selected as runs.get_run",
        ),
        (
            {"runs": {"getRun": "GET /runs/{run_id}"}},
            "getRun = 'GET /runs/{run_id}'; write `snake_case_name = \"METHOD /path\"`",
        ),
        ({"runs": {"get_run": "FETCH /runs/{run_id}"}}, "get_run = 'FETCH /runs/{run_id}'; write `snake_case_name"),
        ({"Runs": {"get_run": "GET /runs/{run_id}"}}, "a module group is a table named in snake_case"),
    ],
    ids=["twice", "twice-across-groups", "camel-case", "method", "group"],
)
def test_a_bad_selection_is_one_line(tmp_path: Path, operations: dict[str, dict[str, str]], expected: str) -> None:
    message = one_line(lambda: select_operations(spec(), operations, WHERE, "openapi.yaml"))
    assert message.startswith(f"manifest.toml: {WHERE}.") and expected in message, message


def test_selection_keeps_path_level_parameters(tmp_path: Path) -> None:
    document = spec()
    get = document["paths"]["/runs/{run_id}"]["get"]
    del get["parameters"]
    document["paths"]["/runs/{run_id}"]["parameters"] = [RUN_ID]
    selected = select_operations(document, {"runs": {"get_run": "GET /runs/{run_id}"}}, WHERE, "openapi.yaml")
    assert selected["paths"]["/runs/{run_id}"]["parameters"] == [RUN_ID]
    result, _ = effective(tmp_path, document, operations={"runs": {"get_run": "GET /runs/{run_id}"}})
    assert result["paths"]["/runs/{run_id}"]["parameters"] == [RUN_ID]


# -- pruning ----------------------------------------------------------------------------------------------------


def pruning_document() -> dict[str, Any]:
    document = spec()
    components = document["components"]
    components["schemas"].update(
        {
            "Job": {
                "oneOf": [{"$ref": "#/components/schemas/JobA"}],
                "discriminator": {
                    "propertyName": "kind",
                    "mapping": {"b": "JobB", "c": "#/components/schemas/JobC"},
                },
            },
            "JobA": {
                "type": "object",
                "properties": {"kind": {"type": "string"}, "deep": {"$ref": "#/components/schemas/Deep"}},
            },
            "JobB": {"type": "object", "properties": {"kind": {"type": "string"}}},
            "JobC": {"type": "object", "properties": {"kind": {"type": "string"}}},
            "Deep": {"type": "string"},
            "Named": {
                "type": "object",
                "properties": {
                    "example": {"$ref": "#/components/schemas/ExampleField"},
                    "examples": {"$ref": "#/components/schemas/ExamplesField"},
                    "discriminator": {"$ref": "#/components/schemas/DiscriminatorField"},
                },
                "examples": [{"$ref": "#/components/schemas/OnlyInExampleData"}],
            },
            "ExampleField": {"type": "string"},
            "ExamplesField": {"type": "string"},
            "DiscriminatorField": {"type": "string"},
            "OnlyInExampleData": {"type": "object"},
            "Orphan": {"type": "object"},
            "IdType": {"type": "string"},
            "RateValue": {"type": "integer"},
        }
    )
    components["parameters"] = {
        "JobId": {"name": "job_id", "in": "path", "required": True, "schema": {"$ref": "#/components/schemas/IdType"}},
        "Unused": {"name": "unused", "in": "query", "schema": {"type": "string"}},
    }
    components["responses"] = {"Job": _ok("Job"), "Unused": {"description": "unused"}}
    components["requestBodies"] = {"Unused": {"content": {"application/json": {"schema": {"type": "object"}}}}}
    components["headers"] = {"Rate": {"schema": {"$ref": "#/components/schemas/RateValue"}}, "Unused": {"schema": {}}}
    components["examples"] = {
        "JobExample": {"value": {"$ref": "#/components/schemas/OnlyInExampleData"}},
        "Unused": {"value": 1},
    }
    components["securitySchemes"].update(
        {
            "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "unused": {"type": "apiKey", "in": "query", "name": "k"},
        }
    )
    document["paths"]["/jobs/{job_id}"] = {
        "parameters": [{"$ref": "#/components/parameters/JobId"}],
        "get": {
            "operationId": "getJob",
            "tags": ["runs"],
            "security": [{"key": []}],
            "responses": {
                "200": {
                    "$ref": "#/components/responses/Job",
                },
                "202": {
                    "description": "accepted",
                    "headers": {"X-Rate": {"$ref": "#/components/headers/Rate"}},
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Named"},
                            "examples": {"one": {"$ref": "#/components/examples/JobExample"}},
                        }
                    },
                },
            },
        },
    }
    document["webhooks"] = {"runDone": {"post": {"requestBody": {"$ref": "#/components/requestBodies/Unused"}}}}
    return document


def test_pruning_keeps_what_operations_reach_and_drops_the_rest() -> None:
    pruned = prune(pruning_document())
    components = pruned["components"]
    assert sorted(components["schemas"]) == sorted(
        [
            "Run",
            "Status",
            "Job",
            "JobA",
            "JobB",
            "JobC",
            "Deep",
            "Named",
            "ExampleField",
            "ExamplesField",
            "DiscriminatorField",
            "IdType",
            "RateValue",
        ]
    )
    assert list(components["parameters"]) == ["JobId"]
    assert list(components["responses"]) == ["Job"]
    assert list(components["headers"]) == ["Rate"]
    assert list(components["examples"]) == ["JobExample"]
    assert sorted(components["securitySchemes"]) == ["bearer", "key"]
    assert "requestBodies" not in components and "webhooks" not in pruned
    assert pruned["tags"] == [{"name": "runs"}]


def test_pruning_follows_security_per_operation_and_top_level() -> None:
    document = pruning_document()
    document["paths"] = {"/jobs/{job_id}": document["paths"]["/jobs/{job_id}"]}  # its own security only
    assert sorted(prune(document)["components"]["securitySchemes"]) == ["key"]
    document = pruning_document()
    del document["paths"]["/jobs/{job_id}"]  # the top-level security only
    assert sorted(prune(document)["components"]["securitySchemes"]) == ["bearer"]


def test_a_property_named_like_a_keyword_keeps_its_schema_in_the_effective_spec(tmp_path: Path) -> None:
    document = pruning_document()
    document["paths"]["/named"] = {"get": _operation("getNamed", "Named")}
    result, left_out = effective(tmp_path, document, operations={"runs": {"get_named": "GET /named"}})
    assert left_out == []
    assert sorted(result["components"]["schemas"]) == [
        "DiscriminatorField",
        "ExampleField",
        "ExamplesField",
        "Named",
    ]


# -- leaving out unsupported operations ----------------------------------------------------------------------------


def test_an_operation_with_only_a_non_json_body_is_left_out(tmp_path: Path) -> None:
    document, left_out = effective(tmp_path, spec())
    assert operations_of(document) == ["GET /runs/{run_id}", "GET /runs"]
    assert len(left_out) == 1
    line = left_out[0]
    assert line.startswith(
        f"left out POST /runs: {tmp_path / 'openapi.yaml'}: #/paths/~1runs/post/requestBody/content: "
    )
    assert "text/csv" in line and "; offer application/json" in line  # what, and the fix


def test_a_component_two_operations_reach_leaves_both_out(tmp_path: Path) -> None:
    document = spec()
    document["components"]["schemas"]["Bad"] = {"type": "object", "properties": {"x": {"$ref": "other.yaml#/X"}}}
    document["paths"]["/a"] = {"get": _operation("getA", "Bad")}
    document["paths"]["/b"] = {"get": _operation("getB", "Bad")}
    result, left_out = effective(tmp_path, document)
    assert operations_of(result) == ["GET /runs/{run_id}", "GET /runs"]
    assert "Bad" not in result["components"]["schemas"]
    blocked = [line for line in left_out if "#/components/schemas/Bad/properties/x: external $ref" in line]
    assert [line.split(":")[0] for line in blocked] == ["left out GET /a", "left out GET /b"]


def test_a_problem_on_a_path_items_parameters_leaves_that_paths_operations_out(tmp_path: Path) -> None:
    document = spec()
    cookie = {"name": "session", "in": "cookie", "schema": {"type": "string"}}
    document["paths"]["/c"] = {"parameters": [cookie], "get": _operation("getC"), "delete": _operation("deleteC")}
    result, left_out = effective(tmp_path, document)
    assert operations_of(result) == ["GET /runs/{run_id}", "GET /runs"]
    assert sorted(line.split(":")[0] for line in left_out) == [
        "left out DELETE /c",
        "left out GET /c",
        "left out POST /runs",
    ]
    assert all("cookie parameters" in line for line in left_out if "/c:" in line)


def test_the_polled_operation_is_never_left_out(tmp_path: Path) -> None:
    document = spec()
    document["paths"]["/runs/{run_id}"]["get"]["requestBody"] = CSV_BODY
    message = one_line(lambda: effective(tmp_path, document), SpecRefusalError)
    assert message.startswith(f"{tmp_path / 'openapi.yaml'}: #/paths/~1runs~1{{run_id}}/get/requestBody/content: ")
    assert "text/csv" in message


def test_a_document_with_no_supported_operation_is_refused(tmp_path: Path) -> None:
    document = spec()
    document["paths"] = {"/runs": {"post": _operation("uploadRuns", requestBody=CSV_BODY)}}
    message = one_line(lambda: effective(tmp_path, document), SpecRefusalError)
    assert message == (
        f"{tmp_path / 'openapi.yaml'}: #/paths: no operation the pipeline supports is left; "
        "select operations it supports"
    )


def test_a_selected_unsupported_operation_is_refused_not_left_out(tmp_path: Path) -> None:
    operations = {"runs": {"get_run": "GET /runs/{run_id}", "upload": "POST /runs"}}
    message = one_line(lambda: effective(tmp_path, spec(), operations=operations), SpecRefusalError)
    assert message.startswith(f"{tmp_path / 'openapi.yaml'}: #/paths/~1runs/post/requestBody/content: ")
    assert "text/csv" in message


def test_a_construct_in_an_unselected_operation_never_blocks(tmp_path: Path) -> None:
    document = spec()
    document["paths"]["/external"] = {"get": _operation("getExternal", parameters=[{"$ref": "common.yaml#/Id"}])}
    document["paths"]["/dangling"] = {"get": _operation("getDangling", "Missing")}
    result, left_out = effective(tmp_path, document, operations={"runs": {"get_run": "GET /runs/{run_id}"}})
    assert operations_of(result) == ["GET /runs/{run_id}"] and left_out == []
    # Without a selection the same constructs leave only their operations out.
    result, left_out = effective(tmp_path, document)
    assert operations_of(result) == ["GET /runs/{run_id}", "GET /runs"]
    assert sorted(line.split(":")[0] for line in left_out) == [
        "left out GET /dangling",
        "left out GET /external",
        "left out POST /runs",
    ]


def test_an_external_ref_under_a_property_named_example_is_not_missed(tmp_path: Path) -> None:
    # `example` is a keyword only in a schema itself; under `properties` it is a property's name.
    document = spec()
    document["components"]["schemas"]["Named"] = {
        "type": "object",
        "properties": {"example": {"$ref": "other.yaml#/X"}},
    }
    document["paths"]["/named"] = {"get": _operation("getNamed", "Named")}
    result, left_out = effective(tmp_path, document)
    assert "GET /named" not in operations_of(result)
    assert any(
        line.startswith("left out GET /named: ")
        and "#/components/schemas/Named/properties/example: external $ref" in line
        for line in left_out
    ), left_out


def test_build_package_generates_the_operations_not_left_out(tmp_path: Path) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text(dump_yaml(spec()), encoding="utf-8")
    (tmp_path / "work").mkdir()
    built = build_package(
        path,
        vendor="acme",
        dist="acme-exec",
        import_name="acme_exec",
        env_prefix="ACME",
        workdir=tmp_path / "work",
        verify=False,
    )
    assert [line.split(":")[0] for line in built.effective.left_out] == ["left out POST /runs"]
    modules = sorted(p.stem for p in (built.directory / "acme_exec" / "api").rglob("*.py") if p.stem != "__init__")
    assert modules == ["get_run", "list_runs"]


# -- percent-encoded pointers ------------------------------------------------------------------------------------

ENCODED = "#/paths/~1runs~1%7Brun_id%7D/get/responses/200"


def test_resolve_pointer_decodes_percent_encoding() -> None:
    document = spec()
    assert resolve_pointer(document, ENCODED, Path("openapi.yaml")) == _ok("Run")
    assert operations_reaching(document, "#/paths/~1runs~1%7Brun_id%7D/get/responses") == [("/runs/{run_id}", "get")]


def test_a_reference_into_an_unselected_operation_still_resolves(tmp_path: Path) -> None:
    document = spec()
    document["paths"]["/latest"] = {"get": {"operationId": "getLatest", "responses": {"200": {"$ref": ENCODED}}}}
    result, left_out = effective(tmp_path, document, operations={"runs": {"get_latest": "GET /latest"}})
    assert left_out == [] and operations_of(result) == ["GET /latest"]
    assert sorted(result["components"]["schemas"]) == ["Run", "Status"]
    assert result["paths"]["/latest"]["get"]["responses"]["200"] == _ok("Run")


def test_a_reference_into_a_webhook_still_resolves(tmp_path: Path) -> None:
    document = spec()
    document["webhooks"] = {
        "done": {
            "post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Run"}}}}}
        }
    }
    document["paths"]["/runs"]["put"] = _operation("putRuns", requestBody={"$ref": "#/webhooks/done/post/requestBody"})
    result, left_out = effective(tmp_path, document)
    assert "webhooks" not in result and "PUT /runs" in operations_of(result)
    assert [line.split(":")[0] for line in left_out] == ["left out POST /runs"]


def test_references_into_operations_that_expand_too_far_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "MAX_EXPANDED_NODES", 10_000)
    document = spec()
    previous = "#/components/schemas/Run"
    for level in range(30):  # each level refers to the one before twice: 2**30 copies written out
        schema = {"type": "object", "properties": {"a": {"$ref": previous}, "b": {"$ref": previous}}}
        document["paths"][f"/level{level}"] = {
            "get": {
                "operationId": f"level{level}",
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}},
            }
        }
        previous = f"#/paths/~1level{level}/get/responses/200/content/application~1json/schema"
    message = one_line(lambda: effective(tmp_path, document))
    assert message.startswith("#/paths: its $refs into operations and webhooks expand to more than 10,000 nodes")


# -- title, manifest, pin ----------------------------------------------------------------------------------------


def test_an_empty_title_falls_back_to_the_label(tmp_path: Path) -> None:
    document = spec()
    document["info"]["title"] = ""
    result, _ = effective(tmp_path, document, label="Acme (runs)")
    assert result["info"]["title"] == "Acme (runs)"
    message = one_line(lambda: effective(tmp_path, copy.deepcopy(document)), SpecRefusalError)
    assert message == f"{tmp_path / 'openapi.yaml'}: #/info/title: the spec has no title; add `info.title`"


MANIFEST_ENTRY = """
[packages.acme]
dist = "acme-exec"
import = "acme_exec"
version = "0.1.0"
spec = "specs/acme/openapi.yaml"
env_prefix = "ACME"
"""


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            '[packages.acme.upstream]\nsource = "https://example.com/openapi.json"\n',
            "[packages.acme.upstream] lacks document",
        ),
        ('[packages.acme.upstream]\ndocument = "specs/acme/upstream.json"\n', "[packages.acme.upstream] lacks source"),
        ("[packages.acme.upstream]\n", "[packages.acme.upstream] lacks document, source"),
        (
            '[packages.acme.operations]\nget_run = "GET /runs/{id}"\n',
            "[packages.acme.operations] holds one table per module group",
        ),
    ],
    ids=["no-document", "no-source", "neither", "flat-operations"],
)
def test_a_bad_manifest_entry_is_one_line(tmp_path: Path, extra: str, expected: str) -> None:
    path = tmp_path / "manifest.toml"
    path.write_text(MANIFEST_ENTRY + extra, encoding="utf-8")
    message = one_line(lambda: load_manifest(path))
    assert message.startswith(f"manifest.toml: {expected}"), message


def test_a_good_manifest_entry_reads_operations_and_upstream(tmp_path: Path) -> None:
    path = tmp_path / "manifest.toml"
    path.write_text(
        MANIFEST_ENTRY
        + '[packages.acme.upstream]\ndocument = "specs/acme/upstream.json"\nsource = "vendor page"\n'
        + '[packages.acme.operations.runs]\nget_run = "GET /runs/{id}"\n',
        encoding="utf-8",
    )
    _, packages = load_manifest(path)
    entry = packages["acme"]
    assert entry.operations == {"runs": {"get_run": "GET /runs/{id}"}}
    assert entry.upstream is not None and entry.upstream.document.name == "upstream.json"
    assert entry.upstream.overlay is None and entry.upstream.sha256 == ""


def test_source_document_refuses_a_document_that_differs_from_its_pin(tmp_path: Path) -> None:
    upstream_path = tmp_path / "upstream.json"
    upstream_path.write_text(json.dumps(spec()), encoding="utf-8")
    actual = hashlib.sha256(upstream_path.read_bytes()).hexdigest()
    pinned = Upstream(document=upstream_path, source="vendor page", sha256="0" * 64, overlay=None)
    message = one_line(lambda: source_document(package(tmp_path, upstream=pinned)))
    assert message == (
        f"{upstream_path} has sha256 {actual}, but the manifest pins {'0' * 64}; bring a new document in with "
        "`nox -s upstream -- --vendor acme --from FILE_OR_URL`"
    )
    good = Upstream(document=upstream_path, source="vendor page", sha256=actual, overlay=None)
    document, origin = source_document(package(tmp_path, upstream=good))
    assert document == spec() and origin == upstream_path


def test_source_document_applies_the_overlay(tmp_path: Path) -> None:
    upstream_path = tmp_path / "upstream.json"
    upstream_path.write_text(json.dumps(spec()), encoding="utf-8")
    overlay = _overlay(tmp_path, [_update("$.info", {"title": "Acme, corrected"})])
    with_overlay = Upstream(document=upstream_path, source="vendor page", sha256="", overlay=overlay)
    document, _ = source_document(package(tmp_path, upstream=with_overlay))
    assert document["info"]["title"] == "Acme, corrected"
