"""The command-line tool's machinery: `get` and `wait` for one execution, and the lifecycle
commands `list`, `start` and `cancel` where the vendor has those operations.

Each package's `cli.py` (rendered from the spec) describes its parameters,
environment variables and where the summary fields sit, and calls `run`.
Only the console script imports this module, so `import <package>` stays lean.
A polled operation whose call takes a request body (a POST that polls) gets `--data JSON` and an
option per required scalar field of the body; the same body goes out on every poll.

The lifecycle commands (`Command`, one per operation): path parameters are positional, query and
header parameters options (`--status`), each parsed to the operation's type before any request
(an enum value, a date, a number that does not fit: exit 2). A request body comes from `--data`
(JSON text, `@file.json`, or `@-` for stdin) and an option per required scalar field, and is
decoded into the operation's model first: text that is not JSON (the file, line and column named)
or a body that does not fit the model (the field named) is exit 2 before any request.
- `list` streams one row per execution as pages arrive (the summary fields the item has), or with
  `--json` one JSON line per item as the server sent it; `--max N` stops after N. The listing
  pages as the spec's `x-exec-pagination` says and ends at an empty page, `has-more` false, a
  missing cursor, or a page shorter than the limit sent; a cursor or page the server repeats
  stops it with exit 4 (after the rows already printed), never a loop.
- `start` prints the answer (or `--json`); with `--wait` (where the answer carries the new id)
  it goes on to wait as `wait` does and exits as `wait` does.
- `cancel` (and e.g. `terminate`) asks for the end of a run; exit 0 when the server accepts.

Exit codes: 0 success (or fetched, for `get`), 1 the execution failed,
2 usage error, 3 the wait's deadline passed, 4 API or connection error,
130 interrupted (Ctrl-C). Errors are one line on stderr; a traceback only with --debug.

Output: the result (summary or --json) alone on stdout; `wait`'s progress lines,
stamped in ISO 8601 with the local offset, and every message on stderr.

The failure message of a failed execution (a summary row `Error`):
- where the spec's `x-execution-summary` names an `error` (else `message`) path,
  only that path is read;
- otherwise the raw JSON is searched breadth-first (shallowest first; in a list, the
  last element first, so the latest event wins) for a key `error`, `errors`, `failure`,
  `error_message`, `failure_message`, `failure_reason` or `status_reason` (any case,
  `_`/`-` ignored), then for `message` inside the execution object only (the object
  holding the status: an envelope's `message` is about the request, not the run).
A string value is the message; an object gives its `message`, `detail` or `reason`
(or those of its own `error`/`failure`); a list gives its elements' messages.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import logging
import math
import os
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO
from urllib.parse import urlsplit

from . import _constants, _paging
from ._logging import enable as enable_logging
from ._paging import json_at
from ._polling import TerminalStatuses, WaitResult, wait_sync
from .errors import APIError, WaitTimeoutError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_DEADLINE, EXIT_API, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130
_SPINNER = "|/-\\"
_MAX_ROWS = 50


@dataclass(frozen=True)
class Param:
    """A request parameter as the CLI exposes it."""

    python_name: str
    help: str
    env: str | None = None  # query parameters can also come from the environment


@dataclass(frozen=True)
class BodyField:
    """A required field of the polled operation's request body, as an option (`--document-key`)."""

    python_name: str
    json_name: str
    help: str
    parse: Callable[[str], Any] | None = None  # the field's JSON type from the option's text


def parse_bool(text: str) -> bool:
    """A boolean option's text: true/false, yes/no, 1/0 (any case)."""
    lowered = text.strip().lower()
    if lowered in {"1", "true", "yes"}:
        return True
    if lowered in {"0", "false", "no"}:
        return False
    raise ValueError(f"not a boolean: {text!r}")


@dataclass(frozen=True)
class Credential:
    """A credential the CLI takes from a flag or, preferably, an environment variable."""

    param: str  # the client's constructor parameter
    env: str
    required: bool = True

    @property
    def flag(self) -> str:
        return "--" + self.param.replace("_", "-")


@dataclass(frozen=True)
class Fetched:
    """One GET: the decoded model and the JSON exactly as the server sent it."""

    model: Any
    raw: Any


@dataclass(frozen=True)
class CliSpec:
    prog: str
    version: str
    description: str
    credentials: Sequence[Credential]
    base_url_env: str
    default_base_url: str
    path_params: Sequence[Param]
    query_params: Sequence[Param]
    terminal: TerminalStatuses
    status_path: Sequence[str]
    summary: dict[str, Any]
    make_client: Callable[..., Any]
    fetch: Callable[[Any, dict[str, Any]], Fetched]
    status_of: Callable[[Any], str | None]
    verdict: Callable[[Any, str], bool] | None = None
    # The polled operation takes a request body (a POST that polls): `--data` (a JSON object) and
    # an option per required scalar field; the fetch gets the object as `args["body"]`.
    takes_body: bool = False
    body_fields: Sequence[BodyField] = ()
    # The lifecycle commands the vendor's operations allow (list, start, cancel, ...).
    commands: Sequence[Command] = ()


@dataclass(frozen=True)
class Positional:
    """A path parameter of a lifecycle command, given positionally."""

    dest: str
    metavar: str
    endpoint_name: str  # the operation's argument
    help: str
    parse: Callable[[str], Any] | None = None  # text -> the operation's type; ValueError when it does not fit
    expected: str = ""  # what the usage error says it takes


@dataclass(frozen=True)
class Option:
    """A query or header parameter of a lifecycle command, as an option (`--contact-id`)."""

    flag: str  # without the leading dashes
    dest: str
    endpoint_name: str
    help: str
    parse: Callable[[str], Any] | None = None
    expected: str = ""
    repeat: bool = False  # an array parameter: the option repeats, one element each
    required: bool = False


@dataclass(frozen=True)
class Body:
    """A lifecycle command's request body: --data and an option per required scalar field."""

    model: str  # the model's class name, for messages
    decode: Callable[[dict[str, Any]], Any]  # the model's from_dict
    required: bool
    fields: Sequence[BodyField] = ()


@dataclass(frozen=True)
class Paging:
    """How a list operation pages (`x-exec-pagination`): JSON paths in its answer, its arguments."""

    style: str  # offset | cursor | page
    marker: str  # the operation's argument taking the offset, cursor or page number
    limit: str | None = None  # the operation's argument taking the page size
    next_cursor: Sequence[str] = ()
    has_more: Sequence[str] = ()
    first_page: int = 1


@dataclass(frozen=True)
class Command:
    """A lifecycle command (`list`, `start`, `cancel`, ...) over one operation."""

    name: str
    kind: str  # list | start | cancel
    help: str
    description: str
    path_params: Sequence[Positional]
    options: Sequence[Option]
    send: Callable[[Any, dict[str, Any]], Fetched]  # one request with the parsed values
    body: Body | None = None
    # list: every item as sent, pages fetched as the loop goes; the summary columns (label, path in an item).
    iterate: Callable[[Any, dict[str, Any]], Iterator[Any]] | None = None
    columns: Sequence[tuple[str, Sequence[str]]] = ()
    # start: where the new execution's id is in the answer; how --wait fills the polled operation's
    # arguments: (its argument, the start's dest, or None for the new id).
    id_path: Sequence[str] = ()
    wait_from: Sequence[tuple[str, str | None]] | None = None
    # cancel: the status the execution moves to.
    status: str = ""


class UsageError(Exception):
    """Bad or missing arguments: exit 2."""


class AnswerError(Exception):
    """An answer the command cannot go on from (a repeated cursor or page, a listing without its
    items, a start answer without the new id): exit 4."""


# -- parsers of option text (the lifecycle commands' query parameters) --------------------------


def parse_datetime(text: str) -> datetime.datetime:
    """An ISO 8601 date-time (`Z` or an offset; without one, local time; a date alone is its midnight)."""
    parsed = datetime.datetime.fromisoformat(text.strip())
    return parsed if parsed.tzinfo else parsed.astimezone()


def parse_date(text: str) -> datetime.date:
    """An ISO 8601 date (2024-01-31)."""
    return datetime.date.fromisoformat(text.strip())


def enum_parser(enum_class: Any) -> Callable[[str], Any]:
    """The member of `enum_class` whose value is the text (an integer enum's too); ValueError for
    any other text, though the class itself would accept it as an unknown value."""
    members = {str(member.value): member for member in enum_class}

    def parse(text: str) -> Any:
        if text not in members:
            raise ValueError(text)
        return members[text]

    return parse


def choice_parser(values: Sequence[str]) -> Callable[[str], str]:
    """The text when it is one of `values` (an enum the package has no class for)."""

    def parse(text: str) -> str:
        if text not in values:
            raise ValueError(text)
        return text

    return parse


def first_of(*parsers: Callable[[str], Any]) -> Callable[[str], Any]:
    """The first parser's value that accepts the text (a union of types, e.g. a UUID or an enum)."""

    def parse(text: str) -> Any:
        for parser in parsers:
            try:
                return parser(text)
            except ValueError:
                continue
        raise ValueError(text)

    return parse


def send(client: Any, build: Callable[[], dict[str, Any]], result: Callable[[Any], Any]) -> Fetched:
    """One request: `build()` the operation's request (ValueError, e.g. an empty path parameter, is
    a usage error), send it with the client's retries, decode with `result` (the package's typed
    errors); the JSON as sent beside it (None without a body)."""
    try:
        request = build()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    response = client._request(**request)
    model = result(response)
    raw: Any = None
    if response.content:
        try:
            raw = json.loads(response.content)
        except ValueError:
            raw = response.text
    return Fetched(model=model, raw=raw)


def page_items(
    fetch: Callable[[dict[str, Any]], Any],
    values: dict[str, Any],
    items: Sequence[str],
    paging: Paging | None,
    operation: str = "list",
) -> Iterator[Any]:
    """Every item of a listing as the server sent it, one request per page as the loop goes.

    `fetch(values)` is one page's JSON. The paging decisions are the package's own (`_paging`, as
    `iterate` makes them, read here on JSON): the listing ends at an empty page, at `has_more`
    false, at a missing cursor, and (without `has_more`) at a page shorter than the limit sent; a
    cursor the server already gave, or a page equal to the one before, raises PaginationError."""
    if paging is None:
        body = fetch(dict(values))
        found = json_at(body, tuple(items)) if items else body
        if not isinstance(found, list):
            raise AnswerError(f"the listing's answer has no list at {'.'.join(items) or 'the answer'}")
        yield from found
        return
    listing = _paging.Paging(
        operation=operation,
        style=paging.style,  # type: ignore[arg-type]  # checked by the generator (lifecycle)
        marker=paging.marker,
        items=tuple(items),
        fetch=lambda **arguments: fetch(arguments),
        limit=paging.limit,
        next_cursor=tuple(paging.next_cursor),
        has_more=tuple(paging.has_more),
        first_page=paging.first_page,
        read=json_at,
    )
    for page in listing.pages(values):
        found = json_at(page, tuple(items)) if items else page
        if not isinstance(found, list):
            raise AnswerError(f"the listing's answer has no list at {'.'.join(items) or 'the answer'}")
        yield from found


def _help(text: str) -> str:
    """`text` as an argparse help string: argparse %-formats help, so a spec's `%2F` must be `%%2F`."""
    return text.replace("%", "%%")


_DATA_HELP = "JSON text, @FILE (a file of JSON) or @- (stdin)"


def _description(text: str) -> str:
    """`text` as an argparse description, which is %-formatted only when it holds `%(prog)`."""
    return text.replace("%", "%%") if "%(prog)" in text else text


def build_parser(spec: CliSpec) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=spec.prog, description=spec.description)
    parser.add_argument("--version", action="version", version=f"{spec.prog} {spec.version}")
    base = argparse.ArgumentParser(add_help=False)
    for credential in spec.credentials:
        base.add_argument(
            credential.flag,
            dest="credential_" + credential.param,
            help=_help(f"credential (default: ${credential.env}; prefer the variable)"),
        )
    base_help = f"API root (default: ${spec.base_url_env}" + (
        f" or {spec.default_base_url})" if spec.default_base_url else ")"
    )
    base.add_argument("--base-url", help=_help(base_help))
    base.add_argument("--debug", action="store_true", help="log requests (credentials redacted) and show tracebacks")
    base.add_argument("--request-timeout", type=float, help="seconds per HTTP request")
    base.add_argument("--max-retries", type=int, help="retries per HTTP request")

    polled = argparse.ArgumentParser(add_help=False)
    polled.add_argument("--json", action="store_true", help="print the execution's JSON as the server sent it")
    for param in spec.path_params:
        polled.add_argument(param.python_name, help=_help(param.help))
    for param in spec.query_params:
        flag = "--" + param.python_name.replace("_", "-")
        env_note = f" (default: ${param.env})" if param.env else ""
        polled.add_argument(flag, dest=param.python_name, help=_help(param.help + env_note))
    if spec.takes_body:
        polled.add_argument(
            "--data",
            metavar="JSON",
            help=f"the request body, a JSON object: {_DATA_HELP} (the options below set fields)",
        )
        for field in spec.body_fields:
            flag = "--" + field.python_name.replace("_", "-")
            polled.add_argument(flag, dest="body_" + field.python_name, help=_help(field.help))

    waiting = argparse.ArgumentParser(add_help=False)
    waiting.add_argument(
        "--timeout", type=float, default=_constants.DEFAULT_WAIT_TIMEOUT, help="overall deadline, seconds"
    )
    waiting.add_argument(
        "--interval", type=float, default=_constants.DEFAULT_POLL_INTERVAL, help="first pause, seconds"
    )
    waiting.add_argument(
        "--max-interval", type=float, default=_constants.DEFAULT_MAX_POLL_INTERVAL, help="longest pause, seconds"
    )
    known = f"success {sorted(spec.terminal.success)}, failure {sorted(spec.terminal.failure)}"
    waiting.add_argument(
        "--success-status",
        action="append",
        metavar="STATUS",
        help=_help(f"a success status (repeatable; default: {known})"),
    )
    waiting.add_argument("--failure-status", action="append", metavar="STATUS", help="a failure status (repeatable)")

    names = ["get", "wait", *(c.name for c in spec.commands)]
    commands = parser.add_subparsers(dest="command", required=True, metavar="{" + ",".join(names) + "}")
    commands.add_parser(
        "get", parents=[base, polled], help="print the execution once", description="Print the execution once."
    )
    commands.add_parser(
        "wait",
        parents=[base, polled, waiting],
        help="poll until the execution finishes",
        description="Poll until the execution finishes; exit 0 on success, 1 on failure, 3 at the deadline.",
    )
    for command in spec.commands:
        _add_command(commands, command, base, waiting)
    return parser


def _add_command(
    commands: Any, command: Command, base: argparse.ArgumentParser, waiting: argparse.ArgumentParser
) -> None:
    """The subcommand of a lifecycle `command`: its parameters, body and own flags."""
    wait = command.kind == "start" and command.wait_from is not None
    sub = commands.add_parser(
        command.name,
        parents=[base, waiting] if wait else [base],
        help=_help(command.help),
        description=_description(command.description),
    )
    json_help = {
        "list": "print each execution as one line of JSON, as the server sent it",
        "start": "print the answer's JSON as the server sent it"
        + (" (with --wait: the finished execution's)" if wait else ""),
        "cancel": "print the answer's JSON, if the server sends one",
    }[command.kind]
    sub.add_argument("--json", action="store_true", help=json_help)
    for param in command.path_params:
        sub.add_argument(param.dest, metavar=param.metavar, help=_help(param.help))
    for option in command.options:
        notes = [n for n in (option.expected if option.parse else "", "repeatable" if option.repeat else "") if n]
        text = option.help + (f" ({'; '.join(notes)})" if notes else "") + (" (required)" if option.required else "")
        sub.add_argument(
            "--" + option.flag,
            dest=option.dest,
            action="append" if option.repeat else "store",
            metavar="VALUE",
            help=_help(text),
        )
    if command.body is not None:
        sub.add_argument(
            "--data",
            metavar="JSON",
            help=_help(
                f"the request body ({command.body.model}), a JSON object: {_DATA_HELP}; the options below set fields"
            ),
        )
        for field in command.body.fields:
            flag = "--" + field.python_name.replace("_", "-")
            sub.add_argument(flag, dest="body_" + field.python_name, metavar="VALUE", help=_help(field.help))
    if command.kind == "list":
        sub.add_argument("--max", type=int, metavar="N", help="stop after N executions")
    if wait:
        sub.add_argument(
            "--wait", action="store_true", help="then poll the new execution until it finishes, and exit as `wait` does"
        )


def run(
    spec: CliSpec, argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        return _run(spec, argv, out, err)
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, with the shell's code for SIGINT
        if err.isatty():
            err.write("\r\x1b[K")  # clear the spinner's line
        print(f"{spec.prog}: interrupted", file=err)
        return EXIT_INTERRUPTED


def _run(spec: CliSpec, argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    parser = build_parser(spec)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed its one-line usage error
        return int(exit_.code or 0)
    if args.debug:
        # The package's logger only: the root at DEBUG would add httpcore's and others' noise.
        enable_logging(logging.DEBUG, err)
    try:
        command = next((c for c in spec.commands if c.name == args.command), None)
        if command is not None:
            return _run_command(spec, command, args, out, err)
        client = _client(spec, args)
        request_args = _request_args(spec, args)
        with client:
            if args.command == "get":
                fetched = spec.fetch(client, request_args)
                _print_execution(spec, fetched, args.json, out)
                return EXIT_OK
            result = _wait(spec, client, request_args, args, err)
            _print_execution(spec, result.execution, args.json, out, result.succeeded)
            return EXIT_OK if result.succeeded else EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return EXIT_OK
    except UsageError as exc:
        print(f"{spec.prog}: error: {exc}", file=err)
        return EXIT_USAGE
    except WaitTimeoutError as exc:
        print(f"{spec.prog}: deadline passed: {exc.message}", file=err)
        if args.json and isinstance(exc.last_execution, Fetched):
            print(json.dumps(exc.last_execution.raw, indent=2), file=out)
        return EXIT_DEADLINE
    except AnswerError as exc:
        out.flush()  # the rows already printed come before the error
        print(f"{spec.prog}: error: {exc}", file=err)
        return EXIT_API
    except APIError as exc:
        out.flush()
        print(f"{spec.prog}: error: {type(exc).__name__}: {exc.message}", file=err)
        if args.debug:
            traceback.print_exc(file=err)
        return EXIT_API
    except Exception as exc:  # a bug of ours: still one line, the traceback only on request
        print(f"{spec.prog}: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)", file=err)
        if args.debug:
            traceback.print_exc(file=err)
        return EXIT_API


def _client(spec: CliSpec, args: argparse.Namespace) -> Any:
    credentials: dict[str, str] = {}
    for credential in spec.credentials:
        value = getattr(args, "credential_" + credential.param) or os.environ.get(credential.env, "")
        if value:
            credentials[credential.param] = value
        elif credential.required:
            raise UsageError(f"no credential: set ${credential.env} or pass {credential.flag}")
    base_url = _base_url(spec, args)
    options: dict[str, Any] = {}
    if args.request_timeout is not None:
        if not (math.isfinite(args.request_timeout) and args.request_timeout > 0):
            raise UsageError("--request-timeout must be a number of seconds above 0")
        options["timeout"] = args.request_timeout
    if args.max_retries is not None:
        if args.max_retries < 0:
            raise UsageError("--max-retries must be 0 or more")
        options["max_retries"] = args.max_retries
    try:
        return spec.make_client(base_url, credentials, **options)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _base_url(spec: CliSpec, args: argparse.Namespace) -> str:
    """The API root from --base-url, else the environment, else the spec; an absolute http(s) URL."""
    env = "$" + spec.base_url_env
    url: str
    if args.base_url:
        url, source = args.base_url, "--base-url"
    elif os.environ.get(spec.base_url_env):
        url, source = os.environ[spec.base_url_env], env
    elif spec.default_base_url:
        url, source = spec.default_base_url, f"the spec's server URL {spec.default_base_url!r} (set {env})"
    else:
        raise UsageError(f"no base URL: set {env} or pass --base-url")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        # The value itself is not shown: it may carry a user and password.
        raise UsageError(f"{source} must be an absolute http:// or https:// URL (e.g. https://api.example.com)")
    return url


def _request_args(spec: CliSpec, args: argparse.Namespace) -> dict[str, Any]:
    values = {p.python_name: getattr(args, p.python_name) for p in spec.path_params}
    for param in spec.query_params:
        value = getattr(args, param.python_name) or (os.environ.get(param.env, "") if param.env else "")
        if not value:
            flag = "--" + param.python_name.replace("_", "-")
            raise UsageError(f"{flag} is required" + (f" (or set ${param.env})" if param.env else ""))
        values[param.python_name] = value
    for name, value in values.items():
        if value in {"", ".", ".."}:
            raise UsageError(f"{name} must not be {value!r}")
    if spec.takes_body:
        values["body"] = _body(spec, args)
    return values


# What a body field's parser takes, for its usage error.
_EXPECTED = {"int": "an integer", "float": "a number", "parse_bool": "true or false (yes/no, 1/0)"}
_OBJECT_EXAMPLE = 'e.g. \'{"key": "value"}\''


def _body(spec: CliSpec, args: argparse.Namespace) -> dict[str, Any]:
    """The polled operation's request body: --data's JSON object, with the field options set on it."""
    return _body_data(args, spec.body_fields)[0]


def _data_text(value: str) -> tuple[str, str]:
    """(--data's JSON text, its name in messages): the value itself, a file's text (`@file`), or stdin (`@-`)."""
    if not value.startswith("@"):
        return value, "--data"
    name = value[1:]
    if name == "-":
        return sys.stdin.read(), "stdin (--data @-)"
    try:
        with open(name, encoding="utf-8") as file:
            return file.read(), name
    except OSError as exc:
        raise UsageError(f"--data {value}: cannot read it: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{name}: not UTF-8 text (--data takes a file of JSON)") from None


def _body_data(args: argparse.Namespace, fields: Sequence[BodyField]) -> tuple[dict[str, Any], str]:
    """(the request body as a JSON object, where it came from): --data's object (text, @file or
    @-), with the field options set on it; UsageError naming the file, line and column when the
    text is not JSON."""
    body: Any = {}
    source = "--data"
    if args.data is not None:
        text, source = _data_text(args.data)
        try:
            body = json.loads(text)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno} column {exc.colno}"
            raise UsageError(f"{source}: not JSON ({exc.msg} at {where}); --data takes a JSON object") from None
        if not isinstance(body, dict):
            raise UsageError(f"{source}: --data must be a JSON object, {_OBJECT_EXAMPLE}")
    for field in fields:
        text = getattr(args, "body_" + field.python_name)
        if text is None:
            continue
        flag = "--" + field.python_name.replace("_", "-")
        try:
            body[field.json_name] = field.parse(text) if field.parse else text
        except ValueError:
            expected = _EXPECTED.get(getattr(field.parse, "__name__", ""), "valid")
            raise UsageError(f"{flag} must be {expected}, got {text!r}") from None
    return dict(body), source


def _parsed(parse: Callable[[str], Any] | None, text: str, shown: str, expected: str) -> Any:
    if parse is None:
        return text
    try:
        return parse(text)
    except (ValueError, TypeError):
        raise UsageError(f"{shown} must be {expected or 'valid'}, got {text!r}") from None


def _command_values(command: Command, args: argparse.Namespace) -> dict[str, Any]:
    """The operation's arguments from the command line, parsed and checked before any request."""
    values: dict[str, Any] = {}
    for param in command.path_params:
        text = getattr(args, param.dest)
        if text in {"", ".", ".."}:
            raise UsageError(f"{param.metavar} must not be {text!r}")
        values[param.endpoint_name] = _parsed(param.parse, text, param.metavar, param.expected)
    for option in command.options:
        given = getattr(args, option.dest)
        if given is None:
            if option.required:
                raise UsageError(f"--{option.flag} is required")
            continue
        shown = "--" + option.flag
        if option.repeat:
            values[option.endpoint_name] = [_parsed(option.parse, t, shown, option.expected) for t in given]
        else:
            values[option.endpoint_name] = _parsed(option.parse, given, shown, option.expected)
    body = command.body
    if body is not None:
        fields_given = any(getattr(args, "body_" + f.python_name) is not None for f in body.fields)
        if body.required or args.data is not None or fields_given:
            data, source = _body_data(args, body.fields)
            try:
                values["body"] = body.decode(data)
            except (TypeError, ValueError, KeyError, AttributeError) as exc:
                flags = [f"--{f.python_name.replace('_', '-')}" for f in body.fields]
                usage = f"; pass {' or '.join([', '.join(flags), '--data'] if flags else ['--data'])}"
                where = f"{source}: the" if args.data is not None else "the"
                raise UsageError(
                    f"{where} request body does not fit {body.model}: {exc}" + ("" if args.data else usage)
                ) from None
    return values


def _run_command(spec: CliSpec, command: Command, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """A lifecycle command: every argument and the body checked first, then the requests."""
    values = _command_values(command, args)
    if command.kind == "list":
        if args.max is not None and args.max < 1:
            raise UsageError("--max must be 1 or more")
        with _client(spec, args) as client:
            return _list(command, client, values, args, out, err)
    waits = command.kind == "start" and command.wait_from is not None and args.wait
    terminal = _wait_terminal(spec, args) if waits else spec.terminal  # checked before the start
    with _client(spec, args) as client:
        fetched = command.send(client, values)
        if command.kind == "cancel":
            if args.json and fetched.raw is not None:
                print(json.dumps(fetched.raw, indent=2), file=out)
            else:
                print(f"{command.name}: accepted; the execution's status becomes {command.status}", file=out)
            return EXIT_OK
        if not waits:
            _print_answer(command, fetched, args.json, out)
            return EXIT_OK
        new_id = _dig(fetched.raw, command.id_path)
        if not isinstance(new_id, str | int) or isinstance(new_id, bool) or new_id == "":
            where = ".".join(command.id_path)
            raise AnswerError(f"the start answer has no execution id at {where}: {_text(new_id)}")
        print(f"started execution {new_id}", file=err, flush=True)
        request_args = _wait_args(spec, command, args, str(new_id))
        result = _wait(spec, client, request_args, args, err, terminal)
        _print_execution(spec, result.execution, args.json, out, result.succeeded)
        return EXIT_OK if result.succeeded else EXIT_FAILED


def _wait_args(spec: CliSpec, command: Command, args: argparse.Namespace, new_id: str) -> dict[str, Any]:
    """The polled operation's arguments for `start --wait`: the new id, and the start's own values."""
    values: dict[str, Any] = {}
    for name, dest in command.wait_from or ():
        values[name] = new_id if dest is None else getattr(args, dest)
    for param in spec.query_params:
        if values.get(param.python_name) is None and param.env and os.environ.get(param.env):
            values[param.python_name] = os.environ[param.env]
        if values.get(param.python_name) is None:
            raise UsageError(f"--wait needs {param.python_name} (or ${param.env})")
    return values


def _list(
    command: Command, client: Any, values: dict[str, Any], args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    """Print the listing as it arrives: one row (or one JSON line) per execution."""
    assert command.iterate is not None
    rows = _Rows(command.columns, out)
    count = 0
    for item in command.iterate(client, values):
        if args.json:
            print(json.dumps(item, ensure_ascii=False), file=out, flush=True)
        else:
            rows.add(item)
        count += 1
        if args.max is not None and count >= args.max:
            break
    if count == 0:
        print(f"{command.name}: no executions", file=err)
    return EXIT_OK


class _Rows:
    """The listing's rows, printed as they come: a header first, each column as wide as the widest
    value so far (up to 40 characters), so the rows line up as long as the values fit."""

    def __init__(self, columns: Sequence[tuple[str, Sequence[str]]], out: TextIO) -> None:
        self.columns = list(columns)
        self.out = out
        self.widths = [len(label) for label, _ in self.columns]
        self.started = False

    def add(self, item: Any) -> None:
        if not self.columns:  # the spec names no summary field the items have: the item itself
            print(json.dumps(item, ensure_ascii=False), file=self.out, flush=True)
            return
        cells = [_text(_dig(item, list(path)))[:40] for _, path in self.columns]
        if not self.started:
            self.widths = [max(w, len(c)) for w, c in zip(self.widths, cells, strict=True)]
            self._print([label for label, _ in self.columns])
            self.started = True
        self.widths = [max(w, len(c)) for w, c in zip(self.widths, cells, strict=True)]
        self._print(cells)

    def _print(self, cells: list[str]) -> None:
        line = "  ".join(cell.ljust(width) for cell, width in zip(cells, self.widths, strict=True))
        print(line.rstrip(), file=self.out, flush=True)


def _print_answer(command: Command, fetched: Fetched, as_json: bool, out: TextIO) -> None:
    """A start answer: its JSON, or the new execution's id and the answer's plain fields."""
    raw = fetched.raw
    if as_json:
        print(json.dumps(raw, indent=2), file=out)
        return
    rows: list[tuple[str, str]] = []
    holder = raw
    if command.id_path:
        rows.append(("Execution", _text(_dig(raw, command.id_path))))
        holder = _dig(raw, command.id_path[:-1])
    for node in (holder, raw) if holder is not raw else (raw,):
        if isinstance(node, dict):
            rows += [(str(k), _text(v)) for k, v in node.items() if not isinstance(v, dict | list)]
    if not rows:
        rows.append(("Answer", _text(raw)))
    width = max(10, *(len(label) for label, _ in rows))
    for label, value in dict(rows).items():
        print(f"{label:<{width}} {value}", file=out)


def _wait_terminal(spec: CliSpec, args: argparse.Namespace) -> TerminalStatuses:
    """The wait's terminal statuses, after checking its numbers (before any request)."""
    if not (args.timeout >= 0 and 0 < args.interval <= args.max_interval):  # NaN fails every comparison
        raise UsageError("need --timeout >= 0 and 0 < --interval <= --max-interval")
    terminal = spec.terminal
    if args.success_status or args.failure_status:
        try:
            terminal = TerminalStatuses.of(
                success=args.success_status or spec.terminal.success,
                failure=args.failure_status or spec.terminal.failure,
                done=spec.terminal.done,
            )
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    return terminal


def _wait(
    spec: CliSpec,
    client: Any,
    request_args: dict[str, Any],
    args: argparse.Namespace,
    err: TextIO,
    terminal: TerminalStatuses | None = None,
) -> WaitResult[Fetched]:
    terminal = terminal or _wait_terminal(spec, args)
    live = err.isatty()
    spinner = itertools.cycle(_SPINNER)
    started = time.monotonic()
    state = {"status": "?"}

    def on_change(old: str | None, new: str | None, fetched: Fetched) -> None:
        state["status"] = new or "?"
        stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        line = f"{stamp}  status {new or '(none)'}" + ("" if old is None else f" (was {old})")
        if live:
            err.write("\r\x1b[K")
        print(line, file=err, flush=True)  # stdout carries only the result

    def sleep(seconds: float) -> None:
        if not live:
            time.sleep(seconds)
            return
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            elapsed = time.monotonic() - started
            err.write(f"\r\x1b[K{next(spinner)} {state['status']}  {elapsed:.0f}s")
            err.flush()
            time.sleep(min(0.1, left))
        err.write("\r\x1b[K")

    return wait_sync(
        lambda: spec.fetch(client, request_args),
        lambda fetched: spec.status_of(fetched.model),
        terminal,
        timeout=args.timeout,
        initial_interval=args.interval,
        max_interval=args.max_interval,
        on_status_change=on_change,
        sleep=sleep,
        verdict=_fetched_verdict(spec.verdict),
    )


def _fetched_verdict(verdict: Callable[[Any, str], bool] | None) -> Callable[[Fetched, str], bool] | None:
    """The spec's outcome verdict, applied to the model inside a `Fetched`."""
    if verdict is None:
        return None
    return lambda fetched, status: verdict(fetched.model, status)


# -- the human summary ------------------------------------------------------------


def _dig(data: Any, path: Sequence[str]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _text(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


def _parse_time(value: Any) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)


def _duration(started: Any, ended: Any) -> str:
    start, end = _parse_time(started), _parse_time(ended)
    if start is None:
        return "-"
    running = end is None
    seconds = int(((end or datetime.datetime.now(datetime.UTC)) - start).total_seconds())
    text = (
        f"{seconds // 3600}h{seconds % 3600 // 60:02d}m{seconds % 60:02d}s"
        if seconds >= 3600
        else (f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s")
    )
    return f"{text} (running)" if running else text


# Keys whose value describes why a run failed, searched anywhere in the body (normalised:
# lower case, no `_`/`-`), in this order of preference; then `message`, in the execution only.
_FAILURE_KEYS = ("error", "failure", "errormessage", "failuremessage", "failurereason", "statusreason", "errors")
_MESSAGE_KEYS = ("message",)
_MAX_MESSAGE_LINES = 20


def _key(name: str) -> str:
    return name.lower().replace("_", "").replace("-", "")


def _message_of(value: Any, depth: int = 0) -> str | None:
    """The text of an error value: a string; an object's `message`, `detail` or `reason` (or its own
    `error`/`failure`'s); a list's elements' messages, joined."""
    if isinstance(value, str):
        return value.strip() or None
    if depth > 3:
        return None
    if isinstance(value, dict):
        keyed = {_key(k): v for k, v in value.items() if isinstance(k, str)}
        for key in ("message", "detail", "reason", "error", "failure"):
            if key in keyed and (found := _message_of(keyed[key], depth + 1)):
                return found
        return None
    if isinstance(value, list):
        found_all = [m for item in value if (m := _message_of(item, depth + 1))]
        return "; ".join(dict.fromkeys(found_all)) or None
    return None


def _objects(root: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object under `root`, breadth-first; a list's elements last to first."""
    queue = deque([root])
    while queue:
        node = queue.popleft()
        if isinstance(node, dict):
            yield node
            queue.extend(node.values())
        elif isinstance(node, list):
            queue.extend(reversed(node))


def _search(root: Any, keys: Sequence[str]) -> str | None:
    for node in _objects(root):
        keyed = {_key(k): v for k, v in node.items() if isinstance(k, str)}
        for key in keys:
            if key in keyed and (found := _message_of(keyed[key])):
                return found
    return None


def _failure_message(raw: Any, status_path: Sequence[str], summary: dict[str, Any]) -> str | None:
    """Why a failed execution failed, where the body says so (see the module's docstring)."""
    for name in ("error", "message"):
        if summary.get(name):
            return _message_of(_dig(raw, summary[name]))
    return _search(raw, _FAILURE_KEYS) or _search(_dig(raw, status_path[:-1]), _MESSAGE_KEYS)


def _print_execution(
    spec: CliSpec, fetched: Fetched, as_json: bool, out: TextIO, succeeded: bool | None = None
) -> None:
    if as_json:
        print(json.dumps(fetched.raw, indent=2), file=out)
        return
    raw, summary = fetched.raw, spec.summary
    status = _dig(raw, spec.status_path)
    if succeeded is None:  # `get`: judge by the spec's sets, and a `done` status by its outcome
        if status in spec.terminal.done and spec.verdict is not None:
            succeeded = spec.verdict(fetched.model, status)
        else:
            succeeded = True if status in spec.terminal.success else False if status in spec.terminal.failure else None
    outcome = {True: " (success)", False: " (failure)", None: ""}[succeeded]
    started, ended = _dig(raw, summary.get("started", [])), _dig(raw, summary.get("ended", []))
    rows = [
        ("Execution", _text(_dig(raw, summary.get("id", [])))),
        ("Status", _text(status) + outcome),
        ("Started", _text(started)),
        ("Ended", _text(ended)),
        ("Duration", _duration(started, ended)),
    ]
    message = _failure_message(raw, spec.status_path, summary) if succeeded is False else None
    if message:
        lines = message.splitlines()
        if len(lines) > _MAX_MESSAGE_LINES:
            more = f"... {len(lines) - _MAX_MESSAGE_LINES} more lines (use --json for all)"
            lines = [*lines[:_MAX_MESSAGE_LINES], more]
        rows.append(("Error", ("\n" + " " * 11).join(lines)))  # continuation lines under the value
    for label, value in rows:
        print(f"{label:<10} {value}", file=out)
    items = _dig(raw, summary["items"]) if summary.get("items") else None
    if isinstance(items, list):
        columns: list[str] = list(summary.get("item-columns", []))
        print(f"\n{summary['items'][-1].capitalize()} ({len(items)})", file=out)
        table = [["#", *columns]] + [
            [str(n), *(_text(_dig(item, c.split("."))) for c in columns)] for n, item in enumerate(items[:_MAX_ROWS], 1)
        ]
        widths = [min(max(len(row[i]) for row in table), 40) for i in range(len(table[0]))]
        for row in table:
            print(
                "  " + "  ".join(cell[:40].ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(),
                file=out,
            )
        if len(items) > _MAX_ROWS:
            print(f"  ... {len(items) - _MAX_ROWS} more (use --json for all)", file=out)
