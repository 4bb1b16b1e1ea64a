"""Reading an OpenAPI or overlay document as untrusted input: bounded, YAML 1.2, plain JSON data.

Every document is read the same way, whether it is a hand-kept spec, a vendor's published
document, an overlay, or a file or URL given to `nox -s upstream --from`:
- its size is capped (`MAX_DOCUMENT_BYTES`) before it is parsed;
- YAML is read with the YAML 1.2 core schema: `no`, `on`, `2024-01-01`, `=` and `1:30` stay
  strings, as YAML 1.2 and JSON say (PyYAML alone reads YAML 1.1, where they are booleans,
  timestamps, a "value" tag and sexagesimal numbers);
- YAML aliases are counted as they expand, so a few hundred bytes that expand to a billion
  nodes are refused within a second instead of exhausting memory (`MAX_EXPANDED_NODES`);
- the result is plain JSON data (string keys, no shared nodes): later stages may copy and walk
  it freely. Mapping keys YAML reads as numbers (`200:`) become strings, as OpenAPI means them.
- nothing outside the document is read: no external `$ref` is followed here or later.
Each refusal is one `RegenerationError` line naming the document.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import yaml

from .errors import RegenerationError, display_path


def _limit_from_env(name: str, default: int) -> int:
    """A positive integer from the environment variable `name`, else `default` (the tests lower it)."""
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else default


# Tracecat's whole document is 1.7 MB; the largest public OpenAPI documents are around 30 MB.
MAX_DOCUMENT_BYTES = _limit_from_env("EXEC_SDKS_MAX_DOCUMENT_BYTES", 32 * 1024 * 1024)
# Nodes of the document with every alias expanded (Tracecat's document has about 60,000).
MAX_EXPANDED_NODES = 5_000_000
# How long a URL given to `--from` may take to answer, in seconds.
FETCH_TIMEOUT = 30.0


class _Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types and unique keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.own_pairs: dict[int, int] = {}  # id(mapping node) -> how many pairs it writes itself

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        # Flattening moves merged pairs in front of the mapping's own and drops the `<<` keys,
        # in place (a merged mapping is flattened when its parent is, before it is constructed):
        # remember, before the first flattening, how many pairs are the mapping's own, so that
        # only those are checked for duplicates.
        if id(node) not in self.own_pairs:
            self.own_pairs[id(node)] = sum(1 for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge")
        super().flatten_mapping(node)


# The YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution): only these plain
# scalars are not strings. `<<` merge keys are kept, as most YAML 1.2 readers do.
_CORE_RESOLVERS: list[tuple[str, re.Pattern[str], str]] = [
    ("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), "~nN"),
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    ("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        "-+.0123456789",
    ),
    ("tag:yaml.org,2002:merge", re.compile(r"^<<$"), "<"),
]
_Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _CORE_RESOLVERS:
    # PyYAML looks an empty scalar (`default:`) up under the first character "": without it
    # the null resolver never sees one, and it would be read as "" instead of null.
    _Yaml12Loader.add_implicit_resolver(_tag, _pattern, [*_first, ""] if _tag.endswith(":null") else list(_first))


def _construct_int(loader: _Yaml12Loader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)  # YAML 1.2: a leading zero is decimal, not octal


def _construct_float(loader: _Yaml12Loader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node)).lower()
    if text.endswith("inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        # Python's float() does not read `.nan`; NaN is then refused as not JSON data, with that reason.
        return float("nan")
    return float(text)


def _construct_text(loader: _Yaml12Loader, node: yaml.ScalarNode) -> str:
    """An explicitly tagged timestamp or binary value, kept as the text it was written as."""
    return str(loader.construct_scalar(node))


def _construct_mapping(loader: _Yaml12Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    """A mapping whose duplicate keys are an error (YAML silently keeps the last otherwise).

    Keys brought in by a `<<` merge are not duplicates: the mapping's own keys override them,
    and an earlier merged mapping overrides a later one (`flatten_mapping` puts the merged pairs
    first, in that order, so the last pair for a key wins)."""
    loader.flatten_mapping(node)
    merged = len(node.value) - loader.own_pairs.get(id(node), len(node.value))
    mapping: dict[Any, Any] = {}
    own: set[str] = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key that is not a scalar", key_node.start_mark
            )
        key = _json_key(key)
        if index >= merged:
            if key in own:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            own.add(key)
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


def _json_key(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    return "null" if key is None else str(key)


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_text)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:binary", _construct_text)
_Yaml12Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _expanded_size(root: yaml.Node, limit: int, name: str) -> int:
    """How many nodes `root` has with every alias expanded, or more than `limit` once it is past it.

    An alias is the same node object as its anchor, so sizes are memoised per node: the count
    takes time proportional to the distinct nodes, however large the expansion."""
    sizes: dict[int, int] = {}
    # Iterative post-order walk: a deeply nested document must not overflow the stack here.
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        if children_done:
            on_path.discard(id(node))
            sizes[id(node)] = min(limit + 1, 1 + sum(sizes.get(id(child), 0) for child in children))
            continue
        if id(node) in on_path:
            # Named like every other refusal (the document, then what and the fix).
            raise RegenerationError(f"{name}: a YAML alias that contains itself; write the structure out or use $ref")
        on_path.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


def _check_size(size: int, name: str) -> None:
    if size > MAX_DOCUMENT_BYTES:
        raise RegenerationError(
            f"{name}: the document is {size:,} bytes, over the limit of {MAX_DOCUMENT_BYTES:,}; "
            "split it or raise MAX_DOCUMENT_BYTES in generator/source.py"
        )


def parse_document(data: bytes, name: str, *, json_text: bool) -> dict[str, Any]:
    """`data` (JSON when `json_text`, else YAML 1.2) as plain JSON data; `name` names it in errors."""
    _check_size(len(data), name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegenerationError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from exc
    kind = "JSON" if json_text else "YAML"
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys(name)) if json_text else _load_yaml(text, name)
        # One round through JSON: plain data with no shared nodes, and anything that is not JSON refused.
        document = json.loads(json.dumps(document, allow_nan=False))
    except RecursionError as exc:
        raise RegenerationError(f"{name}: the document nests too deeply to read; flatten it") from exc
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise RegenerationError(f"{name}: not valid {kind} ({_where(exc)}); fix the syntax") from exc
    except (TypeError, ValueError) as exc:
        raise RegenerationError(f"{name}: a value that is not JSON data ({exc}); write it as JSON data") from exc
    if not isinstance(document, dict):
        raise RegenerationError(f"{name}: #: the document is not an object; write an OpenAPI 3.0 or 3.1 document")
    return document


def _unique_keys(name: str) -> Any:
    """A `json.loads` hook refusing duplicate keys, as YAML documents are: `json` keeps the last silently."""

    def pairs_to_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise RegenerationError(f"{name}: duplicate key {key!r} in a JSON object; keep one of them")
            result[key] = value
        return result

    return pairs_to_object


def _load_yaml(text: str, name: str) -> Any:
    loader = _Yaml12Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        size = _expanded_size(node, MAX_EXPANDED_NODES, name)
        if size > MAX_EXPANDED_NODES:
            raise RegenerationError(
                f"{name}: its YAML aliases expand to more than {MAX_EXPANDED_NODES:,} nodes; "
                "write the repeated parts out or use $ref"
            )
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _where(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"line {exc.lineno}: {exc.msg}"
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        return f"line {exc.problem_mark.line + 1}: {exc.problem}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def is_json_name(name: str) -> bool:
    return name.lower().split("?")[0].endswith(".json")


def read_document(path: Path, name: str | None = None) -> dict[str, Any]:
    """The document in the file `path` (JSON for `.json`, else YAML)."""
    label = name or display_path(path)
    try:
        _check_size(path.stat().st_size, label)
        data = path.read_bytes()
    except OSError as exc:
        raise RegenerationError(f"{label}: cannot read the document: {exc.strerror or exc}") from exc
    return parse_document(data, label, json_text=is_json_name(path.name))


def fetch_bytes(url: str) -> bytes:
    """The body at `url` (http or https), refused past `MAX_DOCUMENT_BYTES` or `FETCH_TIMEOUT`."""
    if not url.lower().startswith(("http://", "https://")):
        raise RegenerationError(f"{url}: only http and https URLs are fetched; download it and pass the file")
    request = urllib.request.Request(url, headers={"Accept": "application/json, application/yaml;q=0.9, */*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit():
                _check_size(int(declared), url)
            data: bytes = response.read(MAX_DOCUMENT_BYTES + 1)
    except urllib.error.HTTPError as exc:
        exc.close()  # an HTTPError holds the response's socket open until closed
        raise RegenerationError(f"{url}: the server answered {exc.code} {exc.reason}; check the URL") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise RegenerationError(f"{url}: cannot fetch it ({reason}); check the URL or pass a file") from exc
    _check_size(len(data), url)
    return data


def load_source(file_or_url: str) -> tuple[dict[str, Any], bytes]:
    """(document, its bytes as read) from a file path or an http(s) URL."""
    if "://" in file_or_url:
        data = fetch_bytes(file_or_url)
        text_start = data.lstrip()[:1]
        return parse_document(data, file_or_url, json_text=text_start in (b"{", b"[")), data
    path = Path(file_or_url)
    document = read_document(path, file_or_url)
    return document, path.read_bytes()


# -- writing YAML that every reader reads back the same -----------------------------------


class _QuotingDumper(yaml.SafeDumper):
    """Quotes every string a YAML 1.1 or a YAML 1.2 reader would take for another type."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the document is a tree: write every node out, never `&id001`


for _tag, _pattern, _first in _CORE_RESOLVERS:
    _QuotingDumper.add_implicit_resolver(_tag, _pattern, list(_first))


def _represent_str(dumper: _QuotingDumper, value: str) -> yaml.ScalarNode:
    if any(char in value for char in "\x85\u2028\u2029"):
        # YAML 1.1 line breaks: PyYAML writes them raw in a plain or single-quoted scalar, where a
        # reader folds them into spaces; double quotes escape them (`\N`, `\L`, `\P`).
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    style = "|" if "\n" in value and value == value.strip(" ") and "\t" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_QuotingDumper.add_representer(str, _represent_str)


def dump_yaml(document: Any) -> str:
    """`document` as block YAML in its own key order, wide lines, no aliases."""
    return str(yaml.dump(document, Dumper=_QuotingDumper, sort_keys=False, allow_unicode=True, width=120))
