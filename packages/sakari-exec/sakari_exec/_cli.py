"""The command-line tool's machinery: `get` and `wait` for one execution.

Each package's `cli.py` (rendered from the spec) describes its parameters,
environment variables and where the summary fields sit, and calls `run`.
Only the console script imports this module, so `import <package>` stays lean.
A polled operation whose call takes a request body (a POST that polls) gets `--data JSON` and an
option per required scalar field of the body; the same body goes out on every poll.

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

from . import _constants
from ._logging import enable as enable_logging
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


class UsageError(Exception):
    """Bad or missing arguments: exit 2."""


def _help(text: str) -> str:
    """`text` as an argparse help string: argparse %-formats help, so a spec's `%2F` must be `%%2F`."""
    return text.replace("%", "%%")


def build_parser(spec: CliSpec) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=spec.prog, description=spec.description)
    parser.add_argument("--version", action="version", version=f"{spec.prog} {spec.version}")
    common = argparse.ArgumentParser(add_help=False)
    for credential in spec.credentials:
        common.add_argument(
            credential.flag,
            dest="credential_" + credential.param,
            help=_help(f"credential (default: ${credential.env}; prefer the variable)"),
        )
    base_help = f"API root (default: ${spec.base_url_env}" + (
        f" or {spec.default_base_url})" if spec.default_base_url else ")"
    )
    common.add_argument("--base-url", help=_help(base_help))
    common.add_argument("--json", action="store_true", help="print the execution's JSON as the server sent it")
    common.add_argument("--debug", action="store_true", help="log requests (credentials redacted) and show tracebacks")
    common.add_argument("--request-timeout", type=float, help="seconds per HTTP request")
    common.add_argument("--max-retries", type=int, help="retries per HTTP request")
    for param in spec.path_params:
        common.add_argument(param.python_name, help=_help(param.help))
    for param in spec.query_params:
        flag = "--" + param.python_name.replace("_", "-")
        env_note = f" (default: ${param.env})" if param.env else ""
        common.add_argument(flag, dest=param.python_name, help=_help(param.help + env_note))

    if spec.takes_body:
        common.add_argument(
            "--data", metavar="JSON", help="the request body as a JSON object (the options below set its fields)"
        )
        for field in spec.body_fields:
            flag = "--" + field.python_name.replace("_", "-")
            common.add_argument(flag, dest="body_" + field.python_name, help=_help(field.help))

    commands = parser.add_subparsers(dest="command", required=True, metavar="{get,wait}")
    commands.add_parser("get", parents=[common], help="print the execution once")
    wait = commands.add_parser("wait", parents=[common], help="poll until the execution finishes")
    wait.add_argument(
        "--timeout", type=float, default=_constants.DEFAULT_WAIT_TIMEOUT, help="overall deadline, seconds"
    )
    wait.add_argument("--interval", type=float, default=_constants.DEFAULT_POLL_INTERVAL, help="first pause, seconds")
    wait.add_argument(
        "--max-interval", type=float, default=_constants.DEFAULT_MAX_POLL_INTERVAL, help="longest pause, seconds"
    )
    known = f"success {sorted(spec.terminal.success)}, failure {sorted(spec.terminal.failure)}"
    wait.add_argument(
        "--success-status",
        action="append",
        metavar="STATUS",
        help=_help(f"a success status (repeatable; default: {known})"),
    )
    wait.add_argument("--failure-status", action="append", metavar="STATUS", help="a failure status (repeatable)")
    return parser


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
    except APIError as exc:
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


def _body(spec: CliSpec, args: argparse.Namespace) -> dict[str, Any]:
    """The request body: --data's JSON object, with the field options set on it."""
    body: Any = {}
    if args.data is not None:
        try:
            body = json.loads(args.data)
        except ValueError:
            raise UsageError('--data must be a JSON object, e.g. \'{"key": "value"}\'') from None
        if not isinstance(body, dict):
            raise UsageError('--data must be a JSON object, e.g. \'{"key": "value"}\'')
    for field in spec.body_fields:
        text = getattr(args, "body_" + field.python_name)
        if text is None:
            continue
        flag = "--" + field.python_name.replace("_", "-")
        try:
            body[field.json_name] = field.parse(text) if field.parse else text
        except ValueError:
            expected = _EXPECTED.get(getattr(field.parse, "__name__", ""), "valid")
            raise UsageError(f"{flag} must be {expected}, got {text!r}") from None
    return dict(body)


def _wait(
    spec: CliSpec, client: Any, request_args: dict[str, Any], args: argparse.Namespace, err: TextIO
) -> WaitResult[Fetched]:
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
