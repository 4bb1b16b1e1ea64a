"""The engine of `testing.FakeAPI`: an in-memory fake of the vendor's polled operation.

Each package's `testing.py` (rendered from the spec) subclasses `FakeAPIBase` with the facts
of its polled operation (route, required credentials and query parameters, where the status
and the id sit, the documented success and error bodies) and the package's own decoder.

Requests reach the fake through `FakeTransport` (an httpx2 transport for sync and async
clients alike), or over a real socket with `serve()` (and `python -m <package>.testing serve`).
A client made by `FakeAPI.client()` sleeps and reads the time through the fake's `VirtualClock`
(`_fake_clock`), which schedules: concurrent waits share one timeline, and retries, deadlines,
rate limits and the wait helpers' pauses cost no real time.

Nothing here imports pytest, and `import <package>` does not import this module.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import enum
import inspect
import json
import math
import re
import shlex
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType
from typing import Any, ClassVar, Concatenate, ParamSpec, Self, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx2

from ._auth import basic_credential
from ._base_client import BaseClient
from ._fake_clock import VirtualClock
from ._fake_ops import OperationFacts, get_path, literal_length, page_of, route_pattern, without

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")

# The body `inject_malformed` answers with: a 2xx whose JSON is cut short.
MALFORMED_BODY = b'{"truncated": '


@dataclass(frozen=True)
class RecordedRequest:
    """One request the fake received (faults injected into it included).

    `path` is the raw path as sent (percent-encoded); `path_params` its parameters, decoded
    (empty when the path is no operation's); header names are lower-case; `time` is the fake
    clock's reading when it arrived (virtual seconds; under `serve()` the clock follows real
    time); `status` the status answered (None: a timeout or connection fault); `operation`
    the operation it reached (`"GET /path/{id}"`, None for no route).
    """

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    path_params: dict[str, str]
    time: float
    content: bytes = b""  # the request body as sent (a polled POST sends one on every poll)
    status: int | None = None
    operation: str | None = None


@dataclass(frozen=True)
class FakeFacts:
    """What the spec says about the polled operation (rendered into `testing.py`)."""

    method: str
    path: str
    path_params: tuple[str, ...]
    id_param: str
    required_query: tuple[str, ...]
    required_headers: tuple[str, ...]
    status_path: tuple[str, ...]
    id_path: tuple[str, ...]
    execution_fields: tuple[str, ...]
    success_status: int
    success_body: Any
    # A body of the schema's required fields: used when the example would not decode.
    minimal_body: Any
    # Documented non-2xx responses by key ("404", "4XX", "DEFAULT"): the JSON body, None for none.
    error_bodies: Mapping[str, Any]
    # The operation's `security`: alternatives of scheme names ([] as one alternative: anonymous).
    security: tuple[tuple[str, ...], ...]
    # Scheme name -> (location, header or query name, prefix, the client's constructor parameter).
    schemes: Mapping[str, tuple[str, str, str, str]]
    # HTTP basic scheme name -> its password's constructor parameter (the username's is in `schemes`):
    # the header carries base64("<username>:<password>"), not a credential as given.
    basic_passwords: Mapping[str, str] = field(default_factory=dict)
    # The polled operation requires a request body: a request without one answers 422 (or 400).
    body_required: bool = False
    # Every other operation of the package, served by its role (`_fake_ops`).
    operations: tuple[OperationFacts, ...] = ()
    # An execution a start creates: its statuses (an ongoing one, then a success), its id's type.
    start_statuses: tuple[str, ...] = ()
    id_kind: str = "str"  # "int", "float", "UUID" or "str"


@dataclass
class _Fault:
    kind: str  # "status", "timeout", "connection", "malformed"
    times: int
    status: int = 0
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    execution: str | None = None  # aimed at requests for this execution only; None: any request


@dataclass
class _RateLimit:
    """A token bucket in virtual time: `burst` requests at once, refilled at `per_second`."""

    per_second: float
    burst: int
    retry_after: float | None
    tokens: float
    updated: float


@dataclass
class _Answer:
    """What the fake does with a request: answer it, or fail it as a transport would."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""
    fault: str | None = None  # "timeout" or "connection": no answer at all


@dataclass
class _Execution:
    """One execution the fake serves: its scripted statuses and their polled bodies."""

    ident: Any  # the id as given (its type: the body carries it so)
    statuses: list[Any]
    bodies: list[bytes]
    fields: dict[str, Any]
    served: int = 0
    # A timeline: statuses[i] from virtual second times[i] after `created` on; None: one per poll.
    times: list[float] | None = None
    created: float = 0.0
    # Set by a cancel: the status (and its body) every later read answers.
    cancelled: tuple[Any, bytes] | None = None

    def _index(self, now: float, *, polling: bool) -> int:
        if self.times is not None:
            return max(i for i, t in enumerate(self.times) if t <= now - self.created)
        if polling:
            return min(self.served, len(self.bodies) - 1)
        return max(0, min(self.served - 1, len(self.bodies) - 1))  # the last one served

    def next_body(self, now: float) -> bytes:
        """The polled operation's answer: each poll takes the next status (or the timeline's)."""
        body = self.cancelled[1] if self.cancelled else self.bodies[self._index(now, polling=True)]
        self.served += 1
        return body

    def current_body(self, now: float) -> Any:
        """The execution as the polled operation last showed it (a read that is not a poll)."""
        return json.loads(self.cancelled[1] if self.cancelled else self.bodies[self._index(now, polling=False)])

    def shown(self, now: float) -> list[Any]:
        """Every status the execution has shown so far, each change once."""
        last = self._index(now, polling=False)
        statuses = [*self.statuses[: last + 1], *([self.cancelled[0]] if self.cancelled else [])]
        return [s for i, s in enumerate(statuses) if i == 0 or s != statuses[i - 1]]


def _jsonable(value: Any) -> Any:
    """`value` as JSON data: dates as ISO 8601, UUIDs as text, enum members as their values."""
    if isinstance(value, enum.Enum):
        return _jsonable(value.value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def takes_options_of(
    options: Callable[P, Any],
) -> Callable[[Callable[Concatenate[S, ...], R]], Callable[Concatenate[S, P], R]]:
    """Give a method taking `**options` the parameters of `options` (a class: its constructor's),
    for type checkers and for `inspect.signature` / `help()` alike: `FakeAPI.client` takes the
    client's options, typed, and a new client option is one of them the moment it exists."""

    def decorate(method: Callable[Concatenate[S, ...], R]) -> Callable[Concatenate[S, P], R]:
        own = inspect.signature(method)
        first = next(iter(own.parameters.values()))
        method.__signature__ = inspect.signature(options).replace(  # type: ignore[attr-defined]
            parameters=[first, *inspect.signature(options).parameters.values()], return_annotation=own.return_annotation
        )
        return method

    return decorate


def decoders_of(modules: Mapping[str, ModuleType]) -> dict[str, Callable[[Any], object]]:
    """Per operation key, its endpoint module's decoder of the 2xx JSON answer (`_build_success`,
    which a module has when the operation has exactly one 2xx answer, a JSON one)."""
    found = {key: getattr(module, "_build_success", None) for key, module in modules.items()}
    return {key: decoder for key, decoder in found.items() if callable(decoder)}


def _fresh_like(example: Any, name: str, number: int) -> Any:
    """A value unlike any other start's, shaped like `example` (a UUID stays a UUID)."""
    if isinstance(example, int) and not isinstance(example, bool):
        return number
    if isinstance(example, str) and re.fullmatch(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}", example):
        return str(uuid.UUID(int=number))
    return f"{_snake(name).replace('_', '-')}-{number}"


def _target(execution: str | int | None) -> str | None:
    return None if execution is None else str(execution)


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).replace("-", "_").lower()


def _put(body: Any, path: Sequence[str], value: Any) -> Any:
    """`body` with `value` at `path` (objects created on the way)."""
    if not path:
        return value
    node = body if isinstance(body, dict) else {}
    parent = node
    for key in path[:-1]:
        child = parent.get(key)
        if not isinstance(child, dict):
            child = parent[key] = {}
        parent = child
    parent[path[-1]] = value
    return node


class FakeTransport(httpx2.BaseTransport, httpx2.AsyncBaseTransport):
    """Hands httpx2 requests to the fake: usable by `httpx2.Client` and `httpx2.AsyncClient`."""

    def __init__(self, fake: FakeAPIBase) -> None:
        self._fake = fake

    def _answer(self, request: httpx2.Request) -> _Answer:
        return self._fake._handle(
            request.method,
            request.url.raw_path.decode("ascii").split("?", 1)[0],
            parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True),
            {k.lower(): v for k, v in request.headers.items()},
            request.content,
        )

    @staticmethod
    def _read_timeout(request: httpx2.Request) -> float:
        """How long an injected timeout takes: the read phase's limit the request allowed."""
        read = (request.extensions.get("timeout") or {}).get("read")
        return float(read) if isinstance(read, int | float) else 0.0

    @staticmethod
    def _response(request: httpx2.Request, answer: _Answer) -> httpx2.Response:
        if answer.fault == "timeout":
            raise httpx2.ReadTimeout("timed out (injected by FakeAPI)", request=request)
        if answer.fault == "connection":
            raise httpx2.ConnectError("connection refused (injected by FakeAPI)", request=request)
        return httpx2.Response(answer.status, headers=answer.headers, content=answer.content, request=request)

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        request.read()
        answer = self._answer(request)
        if answer.fault == "timeout":
            self._fake.clock.sleep(self._read_timeout(request))  # in virtual time, on the timeline
        return self._response(request, answer)

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        await request.aread()
        answer = self._answer(request)
        if answer.fault == "timeout":
            await self._fake.clock.asleep(self._read_timeout(request))
        return self._response(request, answer)


class FakeAPIBase:
    """A fake of the vendor's API, serving the polled operation from the spec's own bodies.

    Subclasses set `facts` and `_decode` (the package's decoder of the success body).
    """

    facts: ClassVar[FakeFacts]
    # Per operation ("POST /path"): the package's endpoint module, and its decoder of the 2xx JSON
    # answer where it has one.
    endpoints: ClassVar[Mapping[str, ModuleType]] = {}
    decoders: ClassVar[Mapping[str, Callable[[Any], object]]] = {}
    default_base_url: ClassVar[str] = "https://api.fake.invalid"
    # serve() mode: how long (real seconds) an injected timeout holds the connection before closing it.
    serve_stall_seconds: float = 60.0

    def __init__(self, *, credentials: Mapping[str, str] | None = None, base_url: str | None = None) -> None:
        params = [scheme[3] for scheme in self.facts.schemes.values()] + list(self.facts.basic_passwords.values())
        self.credentials: dict[str, str] = {p: f"fake-{p.replace('_', '-')}" for p in params}
        unknown = sorted(set(credentials or {}) - set(params))
        if unknown:
            raise ValueError(f"unknown credential parameter(s) {unknown}; the API takes {sorted(params)}")
        self.credentials.update(credentials or {})
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        self.clock = VirtualClock()
        self.requests: list[RecordedRequest] = []
        self.transport = FakeTransport(self)
        self._executions: dict[str, _Execution] = {}
        self._faults: list[_Fault] = []
        self._rate: _RateLimit | None = None
        self._lock = threading.RLock()
        self._clients: list[BaseClient] = []
        self._stopping = threading.Event()
        f = self.facts
        self._polled = OperationFacts(
            f.method,
            f.path,
            f.path_params,
            f.required_query,
            f.required_headers,
            f.body_required,
            f.security,
            f.success_status,
            f.success_body,
            True,
            f.minimal_body,
            f.error_bodies,
            "poll",
            True,
        )
        # Every operation's route, the most literal first (`/runs/search` before `/runs/{id}`).
        operations = sorted([self._polled, *f.operations], key=lambda op: -literal_length(op.path))
        self._routes = [(op, route_pattern(op.path, op.path_params)) for op in operations]
        self._start: tuple[list[Any] | None, list[tuple[float, Any]] | None, dict[str, Any]] | None = None
        self.started: list[Any] = []  # the ids of the executions start requests created, in order

    # -- time ------------------------------------------------------------------------------------

    @property
    def elapsed(self) -> float:
        """Virtual seconds passed since the fake was made (sleeps of its clients, timeouts)."""
        return self.clock()

    def _wire(self, client: BaseClient) -> None:
        """Make `client` sleep and read the time through the fake's clock."""
        client._sleep = self.clock.sleep
        client._asleep = self.clock.asleep
        client._clock = self.clock
        self._clients.append(client)

    def close(self) -> None:
        """Close the sync connection pools of the clients `client()` made (async ones hold nothing)."""
        for client in self._clients:
            client.close()
        self._clients.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    # -- what the fake serves --------------------------------------------------------------------

    def _decode(self, body: Any) -> object:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def _refusal(self, body: Any) -> Exception | None:
        try:
            self._decode(copy.deepcopy(body))
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            return exc
        return None

    def _execution_body(self, execution_id: Any, status: Any, fields: Mapping[str, Any], base: Any = None) -> Any:
        facts = self.facts
        body = copy.deepcopy(facts.success_body if base is None else base)
        body = _put(body, facts.status_path, _jsonable(status))
        body = _put(body, facts.id_path, _jsonable(execution_id))
        for key, value in fields.items():
            body = _put(body, [*facts.status_path[:-1], *self._field_path(key)], _jsonable(value))
        return body

    def _field_path(self, key: str) -> list[str]:
        """A `fields` key as JSON names below the execution object: dotted for nested fields;
        each name as the spec spells it or as its Python (snake_case) name."""
        names = list(self.facts.execution_fields)
        first, *rest = key.split(".")
        if first not in names:
            first = next((name for name in names if _snake(name) == first), first)
        return [first, *rest]

    def add_execution(
        self,
        id: str | int,  # noqa: A002 (the issue's name)
        /,
        statuses: Sequence[Any] | None = None,
        *,
        timeline: Mapping[float, Any] | Sequence[tuple[float, Any]] | None = None,
        **fields: Any,
    ) -> None:
        """Serve an execution, its status scripted by poll or by virtual time.

        `statuses`: each GET of `id` answers with the next one (the last repeats). `timeline`
        instead: the status by virtual seconds since this call, e.g. `{0: "RUNNING", 12.5:
        "COMPLETED"}` (or a list of pairs); a GET answers the latest entry whose time has come,
        however many polls that takes (the first entry must be at 0).

        The body is the spec's example of the operation's success response (else one built from
        its schema), with the status and `id` where the spec's `x-status-path` and
        `x-execution-summary` say, and `fields` applied: keys are fields of the execution object
        (the object holding the status), by their JSON or Python name; a dotted key
        (`**{"flow.name": "x"}`) sets a nested field; a value replaces the field whole.

        Raises:
            ValueError: neither or both of `statuses` and `timeline`, either empty, a timeline not
                starting at 0 or with a time twice, or a body the package's own models would not
                decode (the message names the field).
        """
        execution = self._script(id, statuses, timeline, fields)
        with self._lock:
            execution.created = self.clock()
            self._executions[str(id)] = execution

    def on_start(
        self,
        statuses: Sequence[Any] | None = None,
        *,
        timeline: Mapping[float, Any] | Sequence[tuple[float, Any]] | None = None,
        **fields: Any,
    ) -> None:
        """Script the executions later start requests create, as `add_execution` does (by poll or
        by a timeline from the start, with `fields`). Without it: one ongoing status, then the
        first success status (`facts.start_statuses`). Each start gets a fresh id of the id's
        type; `started` lists them.

        Raises:
            ValueError: as `add_execution`.
        """
        self._script(self._fresh_id(), statuses, timeline, fields)  # refused now, not at a start
        with self._lock:
            self._start = (
                None if statuses is None else list(statuses),
                None if timeline is None else list(timeline.items() if isinstance(timeline, Mapping) else timeline),
                dict(fields),
            )

    def _script(
        self,
        ident: Any,
        statuses: Sequence[Any] | None,
        timeline: Mapping[float, Any] | Sequence[tuple[float, Any]] | None,
        fields: Mapping[str, Any],
    ) -> _Execution:
        times: list[float] | None = None
        if (statuses is None) == (timeline is None):
            raise ValueError("give statuses (by poll) or timeline (by virtual time), e.g. statuses=['RUNNING', 'DONE']")
        if timeline is not None:
            pairs = sorted(
                (float(t), status) for t, status in (timeline.items() if isinstance(timeline, Mapping) else timeline)
            )
            times = [t for t, _ in pairs]
            if not pairs or times[0] != 0 or len(set(times)) != len(times):
                raise ValueError(
                    "a timeline maps virtual seconds to statuses, from 0, each time once: {0: 'RUNNING', 5: 'DONE'}"
                )
            statuses = [status for _, status in pairs]
        if isinstance(statuses, str | bytes) or not statuses:
            raise ValueError("statuses must be a non-empty list of statuses, e.g. ['RUNNING', 'COMPLETED']")
        bodies = [self._polled_body(ident, status, fields) for status in statuses]
        return _Execution(ident, list(statuses), bodies, dict(fields), times=times)

    def _polled_body(self, ident: Any, status: Any, fields: Mapping[str, Any]) -> bytes:
        """The polled operation's answer for this execution in `status`, as the package decodes it."""
        body = self._execution_body(ident, status, fields)
        problem = self._refusal(body)
        if problem is not None:
            # The spec's example may not fit its own schema: the schema's minimal body may.
            fallback = self._execution_body(ident, status, fields, self.facts.minimal_body)
            if self._refusal(fallback) is not None:
                raise ValueError(self._why_refused(ident, status, fields, problem)) from problem
            body = fallback
        return json.dumps(body).encode()

    def _fresh_id(self) -> Any:
        """An id no execution has, of the polled operation's id type."""
        kind = self.facts.id_kind
        number = len(self._executions)
        while True:
            number += 1
            ident: Any = {"int": number, "float": float(number), "UUID": uuid.UUID(int=number)}.get(
                kind, f"exec-{number}"
            )
            if str(ident) not in self._executions:
                return ident

    def _fails(self, execution_id: Any, status: Any, fields: Mapping[str, Any]) -> bool:
        """Whether no body (from the example, nor from the schema) with these values decodes."""
        return all(
            self._refusal(self._execution_body(execution_id, status, fields, base)) is not None
            for base in (self.facts.success_body, self.facts.minimal_body)
        )

    def _why_refused(self, execution_id: Any, status: Any, fields: Mapping[str, Any], problem: Exception) -> str:
        """Which of `fields` (else the status or the id) makes the body undecodable."""
        call, model = f"add_execution({execution_id!r})", "the package's model"
        for name, value in fields.items():
            if self._fails(execution_id, status, {name: value}):
                return f"{call}: field {name!r} = {value!r} does not decode as {model}: {problem}"
        if self._fails(execution_id, status, {}):
            status_at, id_at = ".".join(self.facts.status_path), ".".join(self.facts.id_path)
            return (
                f"{call}: status {status!r} (at {status_at}) with id {execution_id!r} (at {id_at}) "
                f"does not decode as {model}: {problem}"
            )
        return f"{call}: these fields together do not decode as {model}: {problem}"

    # -- faults ----------------------------------------------------------------------------------

    def inject(
        self,
        status: int,
        times: int = 1,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        *,
        execution: str | int | None = None,
    ) -> None:
        """The next `times` requests answer `status`, with `headers`, and `body` (JSON data, or
        str/bytes sent as is), by default the spec's documented body for that status.

        Faults queue up in order; a request meets the first queued fault aimed at it (with
        `execution`, only requests for that execution id are; without it, every request is),
        and each fault is used up after `times` requests."""
        self._queue(_Fault("status", times, status, dict(headers or {}), body, _target(execution)))

    def inject_timeout(self, times: int = 1, *, execution: str | int | None = None) -> None:
        """The next `times` requests (for `execution` only, if given) time out: in memory, the
        request sleeps its read timeout in virtual time and httpx2 raises `ReadTimeout`; over
        `serve()`, the server holds the connection (`serve_stall_seconds`) and then closes it."""
        self._queue(_Fault("timeout", times, execution=_target(execution)))

    def inject_connection_error(self, times: int = 1, *, execution: str | int | None = None) -> None:
        """The next `times` requests (for `execution` only, if given) fail to connect (in memory:
        httpx2 `ConnectError`; over `serve()`: the server closes the connection without answering)."""
        self._queue(_Fault("connection", times, execution=_target(execution)))

    def inject_malformed(self, times: int = 1, *, execution: str | int | None = None) -> None:
        """The next `times` requests (for `execution` only, if given) get a success status whose
        JSON body is cut short."""
        self._queue(_Fault("malformed", times, execution=_target(execution)))

    def _queue(self, fault: _Fault) -> None:
        if fault.times < 1:
            raise ValueError("times must be 1 or more")
        with self._lock:
            self._faults.append(fault)

    def _take_fault(self, execution: str | None) -> _Fault | None:
        """The first queued fault aimed at this request (its execution id, None if it has none)."""
        for index, fault in enumerate(self._faults):
            if fault.execution is None or fault.execution == execution:
                fault.times -= 1
                if fault.times == 0:
                    del self._faults[index]
                return fault
        return None

    # -- rate limits -----------------------------------------------------------------------------

    def rate_limit(
        self, per_second: float | None, *, burst: int | None = None, retry_after: float | None = None
    ) -> None:
        """Answer 429 as a rate-limited API would: `burst` requests at once (default: `per_second`
        rounded up), then `per_second` requests per virtual second (a token bucket). A request over
        the limit gets 429 with the spec's documented body and `Retry-After`: `retry_after` when
        given, else the whole seconds until a request would pass. It still counts in `requests`
        (with `status` 429), so a test can assert that code stays within the limit.
        `rate_limit(None)` lifts the limit.

        Raises:
            ValueError: `per_second` or `burst` not positive, or `retry_after` negative.
        """
        if per_second is None:
            with self._lock:
                self._rate = None
            return
        if not per_second > 0 or (burst is not None and burst < 1) or (retry_after is not None and retry_after < 0):
            raise ValueError("need per_second > 0, burst >= 1 and retry_after >= 0")
        size = burst if burst is not None else max(1, math.ceil(per_second))
        with self._lock:
            self._rate = _RateLimit(per_second, size, retry_after, float(size), self.clock())

    def _throttled(self) -> _Answer | None:
        """429 when the rate limit's bucket is empty; else takes one request from it."""
        rate = self._rate
        if rate is None:
            return None
        now = self.clock()
        rate.tokens = min(float(rate.burst), rate.tokens + (now - rate.updated) * rate.per_second)
        rate.updated = now
        # A request at the moment a token is due passes, float rounding (10 x 0.1 s) notwithstanding.
        if rate.tokens >= 1 - 1e-9:
            rate.tokens = max(0.0, rate.tokens - 1)
            return None
        wait = rate.retry_after if rate.retry_after is not None else math.ceil((1 - rate.tokens) / rate.per_second)
        return self._error(429, {"retry-after": f"{wait:g}"})

    # -- answering -------------------------------------------------------------------------------

    def _json(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> _Answer:
        if isinstance(body, bytes | str):
            content = body.encode() if isinstance(body, str) else body
            return _Answer(status, {"content-type": "application/json", **(headers or {})}, content)
        return _Answer(status, {"content-type": "application/json", **(headers or {})}, json.dumps(body).encode())

    def error_body(self, status: int, operation: OperationFacts | None = None) -> Any:
        """The spec's body for an error `status` (of `operation`, by default the polled one's): the
        exact code's, else its range's (`4XX`), else `default`'s; a generic `{"message": ...}`
        when the spec documents none."""
        for bodies in (operation or self._polled).error_bodies, self.facts.error_bodies:
            for key in (str(status), f"{status // 100}XX", "DEFAULT"):
                if key in bodies:
                    return copy.deepcopy(bodies[key])
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Error"
        return {"message": phrase}

    def _error(
        self, status: int, headers: Mapping[str, str] | None = None, operation: OperationFacts | None = None
    ) -> _Answer:
        body = self.error_body(status, operation)
        if body is None:  # documented without a body
            return _Answer(status, dict(headers or {}))
        return self._json(status, body, headers)

    def _authorized(self, op: OperationFacts, query: Mapping[str, str], headers: Mapping[str, str]) -> bool:
        """Whether one of the operation's security alternatives is met with the fake's credentials."""
        if not op.security:
            return True
        for alternative in op.security:
            met = True
            for scheme in alternative:
                location, name, prefix, param = self.facts.schemes[scheme]
                sent = headers.get(name.lower()) if location == "header" else query.get(name)
                expected: str | None = prefix + self.credentials[param]
                if scheme in self.facts.basic_passwords:
                    username, password = self.credentials[param], self.credentials[self.facts.basic_passwords[scheme]]
                    # A username with ":" has no basic credential (RFC 7617): nothing the client sends matches.
                    expected = prefix + basic_credential(username, password) if ":" not in username else None
                met = met and expected is not None and sent == expected
            if met:
                return True
        return False

    def _route(self, method: str, path: str) -> tuple[OperationFacts | None, dict[str, str], list[str]]:
        """(the operation, its decoded path parameters, the methods the path allows)."""
        found: OperationFacts | None = None
        params: dict[str, str] = {}
        allowed: list[str] = []
        for op, pattern in self._routes:
            match = pattern.fullmatch(path)
            if match is None:
                continue
            allowed.append(op.method)
            if found is None and op.method == method:
                found = op
                params = {name: unquote(match.group(f"p{i}")) for i, name in enumerate(op.path_params)}
        return found, params, allowed

    def _handle(
        self,
        method: str,
        raw_path: str,
        query_pairs: list[tuple[str, str]],
        headers: dict[str, str],
        content: bytes = b"",
    ) -> _Answer:
        query = dict(query_pairs)
        base_path = urlsplit(self.base_url).path.rstrip("/")
        path = raw_path[len(base_path) :] if base_path and raw_path.startswith(base_path) else raw_path
        method = method.upper()
        op, params, allowed = self._route(method, path)
        with self._lock:
            now = self.clock()
            answer = self._answer(method, op, params, allowed, query, headers, content)
            status = None if answer.fault is not None else answer.status
            key = None if op is None else op.key
            self.requests.append(RecordedRequest(method, raw_path, query, headers, params, now, content, status, key))
            return answer

    def _answer(
        self,
        method: str,
        op: OperationFacts | None,
        params: Mapping[str, str],
        allowed: list[str],
        query: Mapping[str, str],
        headers: Mapping[str, str],
        content: bytes,
    ) -> _Answer:
        """The answer to one request (under the lock): faults first, then the rate limit, then the API."""
        execution_id = params.get(self.facts.id_param) if op is not None and op.carries_id else None
        fault = self._take_fault(execution_id)
        if fault is not None:
            return self._fault_answer(fault)
        throttled = self._throttled()
        if throttled is not None:
            return throttled
        if op is None:
            return self._error(405, {"allow": ", ".join(sorted(set(allowed)))}) if allowed else self._error(404)
        if not self._authorized(op, query, headers):
            return self._error(401, operation=op)
        missing = [name for name in op.required_query if name not in query]
        missing += [name for name in op.required_headers if name.lower() not in headers]
        if op.body_required and not content:
            missing.append("the request body")
        if missing:
            # A request the server would not validate: 422 where the spec documents one, else 400.
            return self._error(422 if "422" in op.error_bodies else 400, operation=op)
        if op.role == "start":
            return self._started(op, params, content)
        if op.role == "list":
            return self._listed(op, query)
        execution = None if execution_id is None else self._executions.get(execution_id)
        if op.carries_id and execution is None:
            return self._error(404, operation=op)
        now = self.clock()
        if execution is None:
            return self._ok(op, op.success_body)
        if op.role == "poll":
            return _Answer(op.success_status, {"content-type": "application/json"}, execution.next_body(now))
        if op.role == "view":
            return self._ok(op, self._viewed(op, execution, now))
        if op.role == "events":
            return self._ok(op, self._events(op, execution, now))
        if op.role == "cancel" and op.cancel_status is not None and not execution.cancelled:
            status = op.cancel_status
            execution.cancelled = (status, self._polled_body(execution.ident, status, execution.fields))
        return self._ok(op, op.success_body)

    def _ok(self, op: OperationFacts, body: Any) -> _Answer:
        if not op.has_body:
            return _Answer(op.success_status, {})
        return self._json(op.success_status, body)

    # -- the roles: start, list, view, events ----------------------------------------------------

    def _decodes(self, op: OperationFacts, body: Any) -> bool:
        """Whether the package's decoder of `op`'s answer takes `body` (True where it has none)."""
        decoder = self.decoders.get(op.key)
        if decoder is None:
            return True
        try:
            decoder(copy.deepcopy(body))
        except (TypeError, ValueError, KeyError, AttributeError):
            return False
        return True

    def _first_decoding(self, op: OperationFacts, bodies: Sequence[Any]) -> Any:
        return next((body for body in bodies if self._decodes(op, body)), bodies[0])

    def _started(self, op: OperationFacts, params: Mapping[str, str], content: bytes) -> _Answer:
        """A new execution, scripted by `on_start`; the answer carries its id at `id_path`.

        Identifiers the answer shares with the execution object (a field named `*id`, e.g. a
        `tracking_id` a caller matches in a list) are the same in both: the path's value where a
        path parameter has the name, else a fresh one per start. Fields of the request body named
        like a field of the execution or of a list's items (Tracecat's `workflow_id`) are the
        execution's too, so a list filters by them."""
        statuses, timeline, scripted = self._start or (list(self.facts.start_statuses) or ["running"], None, {})
        ident = self._fresh_id()
        sent = self._from_request(content, ident_field=self.facts.id_path[-1])
        sent = {name: value for name, value in sent.items() if self._takes(ident, statuses, timeline, {name: value})}
        fields = {**sent, **scripted}
        number = len(self.started) + 1
        answer = copy.deepcopy(op.success_body)
        if op.id_path:
            answer = _put(answer, op.id_path, _jsonable(ident))
        shared: dict[str, Any] = {}
        if isinstance(answer, dict):
            for name, value in {**op.answer_samples, **answer}.items():
                if name in self.facts.execution_fields and re.search(r"id$", name, re.IGNORECASE):
                    shared[name] = params.get(name, _fresh_like(value, name, number))
        # An identifier the answer's or the execution's model would not take (a path value of another
        # format) is left out of both.
        if isinstance(answer, dict):
            answer = self._shared(op, lambda candidate: candidate, answer, shared, list(shared))
            shared = {name: value for name, value in shared.items() if answer.get(name) == value}
        shared = {
            name: value for name, value in shared.items() if self._takes(ident, statuses, timeline, {name: value})
        }
        try:
            execution = self._script(ident, statuses, timeline, {**shared, **fields})
        except ValueError:
            shared = {}
            execution = self._script(ident, statuses, timeline, fields)
        execution.created = self.clock()
        self._executions[str(ident)] = execution
        self.started.append(ident)
        minimal = _put(copy.deepcopy(op.minimal_body), op.id_path, _jsonable(ident)) if op.id_path else op.minimal_body
        return self._ok(op, self._first_decoding(op, [answer, minimal]) if op.has_body else None)

    def _from_request(self, content: bytes, *, ident_field: str) -> dict[str, Any]:
        try:
            sent = json.loads(content) if content else None
        except ValueError:
            return {}
        if not isinstance(sent, dict):
            return {}
        known = {
            *self.facts.execution_fields,
            *(f for op in self.facts.operations if op.role == "list" for f in op.item_fields),
        }
        return {name: value for name, value in sent.items() if name in known and name != ident_field}

    def _takes(self, ident: Any, statuses: Any, timeline: Any, fields: Mapping[str, Any]) -> bool:
        try:
            self._script(ident, statuses, timeline, fields)
        except ValueError:
            return False
        return True

    def _execution_object(self, execution: _Execution, now: float) -> Any:
        return get_path(execution.current_body(now), self.facts.status_path[:-1])

    def _shared(self, op: OperationFacts, wrap: Any, base: Any, source: Any, names: Sequence[str] = ()) -> Any:
        """`base` with each field `source` shares with it (a field of `base`, or one of `names`)
        taken from `source`, one at a time, kept only when the answer `wrap(candidate)` still
        decodes as the package's model."""
        candidate = copy.deepcopy(base)
        if not isinstance(candidate, dict) or not isinstance(source, dict):
            return candidate
        for key in [*candidate, *(name for name in names if name not in candidate)]:
            if key in source:
                trial = {**candidate, key: copy.deepcopy(source[key])}
                if self._decodes(op, wrap(trial)):
                    candidate = trial
        return candidate

    def _viewed(self, op: OperationFacts, execution: _Execution, now: float) -> Any:
        """The execution in the view's own shape: its id and status, and the fields it shares with
        the execution object (at the view's root and beside its id and its status)."""
        status = execution.shown(now)[-1]
        places = {(), tuple(op.id_path[:-1]), tuple(op.status_path[:-1])}
        source = self._execution_object(execution, now)

        def stamped(body: Any) -> Any:
            # The id and the status are the execution's, whatever the shared fields say.
            if op.id_path:
                body = _put(body, op.id_path, _jsonable(execution.ident))
            if op.status_path:
                body = _put(body, op.status_path, _jsonable(status))
            return body

        bodies = []
        for base in (op.success_body, op.minimal_body):
            body = stamped(copy.deepcopy(base))
            for at in sorted(places):

                def wrap(candidate: Any, body: Any = body, at: tuple[str, ...] = at) -> Any:
                    return stamped(_put(copy.deepcopy(body), at, candidate))

                body = wrap(self._shared(op, wrap, get_path(body, at), source))
            bodies.append(body)
        return self._first_decoding(op, bodies)

    def _events(self, op: OperationFacts, execution: _Execution, now: float) -> Any:
        """One item per status the execution has shown so far (the item's example, its status set)."""

        def wrap(candidate: Any) -> Any:
            return _put(copy.deepcopy(op.success_body), op.items, [candidate])

        items = []
        source = self._execution_object(execution, now)
        for status in execution.shown(now):
            candidates = [
                self._shared(op, wrap, base, source, op.item_fields) for base in (op.item_body, op.item_minimal)
            ]
            if op.status_path:
                candidates = [_put(c, op.status_path, _jsonable(status)) for c in candidates]
            items.append(get_path(self._first_decoding(op, [wrap(c) for c in candidates]), op.items)[0])
        return _put(copy.deepcopy(op.success_body), op.items, items)

    def _item(self, op: OperationFacts, execution: _Execution, now: float) -> Any:
        """The execution as an item of a list: the item's example with the fields they share."""
        source = self._execution_object(execution, now)

        def wrap(candidate: Any) -> Any:
            return _put(copy.deepcopy(op.success_body), op.items, [candidate])

        items = [self._shared(op, wrap, base, source, op.item_fields) for base in (op.item_body, op.item_minimal)]
        return get_path(self._first_decoding(op, [wrap(item) for item in items]), op.items)[0]

    def _listed(self, op: OperationFacts, query: Mapping[str, str]) -> _Answer:
        now = self.clock()
        items = [self._item(op, execution, now) for execution in self._executions.values()]
        for name, path in op.filters.items():
            if name in query:
                items = [item for item in items if str(_jsonable(get_path(item, path))) == query[name]]
        page = page_of(items, op.paging, query)
        if page is None:
            return self._error(422 if "422" in op.error_bodies else 400, operation=op)
        body = _put(copy.deepcopy(op.success_body), op.items, page.items)
        paging = op.paging or {}
        if paging.get("has_more"):
            body = _put(body, paging["has_more"], page.has_more)
        if paging.get("next_cursor"):
            body = _put(body, paging["next_cursor"], page.next_cursor)
            if page.next_cursor is None and not self._decodes(op, body):
                body = without(body, paging["next_cursor"])  # a cursor field that may be absent but not null
        return self._ok(op, body)

    def _fault_answer(self, fault: _Fault) -> _Answer:
        if fault.kind in ("timeout", "connection"):
            return _Answer(fault=fault.kind)
        if fault.kind == "malformed":
            return _Answer(self.facts.success_status, {"content-type": "application/json"}, MALFORMED_BODY)
        if fault.body is not None:
            return self._json(fault.status, fault.body, fault.headers)
        return self._error(fault.status, fault.headers)

    # -- a real server ---------------------------------------------------------------------------

    @contextmanager
    def serve(self, port: int = 0) -> Iterator[str]:
        """The same fake behind a real HTTP server on 127.0.0.1 (`port`, default a free one);
        yields its base URL.

        For code that builds its own client, or a CLI in a subprocess. Time is real there: the
        fake's clock reads on in real seconds (timelines and rate limits follow it), the
        client sleeps for real, and a `Retry-After` you inject is waited out in real seconds.
        """
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                url = urlsplit(self.path)
                length = int(self.headers.get("content-length") or 0)
                content = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                query = parse_qsl(url.query, keep_blank_values=True)
                answer = fake._handle(self.command, url.path, query, headers, content)
                if answer.fault is not None:
                    if answer.fault == "timeout":
                        fake._stopping.wait(fake.serve_stall_seconds)
                    self.close_connection = True
                    return
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _any  # noqa: N815 (http.server's names)

            def log_message(self, *args: Any) -> None:
                pass  # the fake's record is `requests`, not stderr

        server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, name="FakeAPI.serve", daemon=True)
        thread.start()
        self._stopping.clear()
        try:
            with self.clock.following_real_time():
                yield f"http://127.0.0.1:{server.server_address[1]}{urlsplit(self.base_url).path.rstrip('/')}"
        finally:
            self._stopping.set()
            server.shutdown()
            server.server_close()
            thread.join()


def serve_main(
    fake_type: type[FakeAPIBase],
    argv: Sequence[str] | None,
    *,
    prog: str,
    title: str,
    env_base_url: str,
    env_credentials: Mapping[str, str],
) -> int:
    """`python -m <package>.testing serve`: the fake on 127.0.0.1 until Ctrl-C (or SIGTERM).


    Prints the base URL, then the environment lines that point the package's client (and its
    command line) at it, the fake's credentials included; scripted executions come from
    `--execution ID=STATUS[,STATUS...]`."""
    parser = argparse.ArgumentParser(prog=prog, description=f"A fake of the {title} for tests and demos.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the fake on 127.0.0.1 and print its base URL and credentials")
    serve.add_argument("--port", type=int, default=0, help="the port (default: a free one)")
    serve.add_argument(
        "--credential", action="append", default=[], metavar="PARAMETER=VALUE", help="a credential the fake requires"
    )
    serve.add_argument(
        "--execution",
        action="append",
        default=[],
        metavar="ID=STATUS[,STATUS...]",
        help="serve an execution: each poll answers the next status (the last repeats)",
    )
    args = parser.parse_args(argv)
    try:
        credentials = dict(_pair(text, "--credential") for text in args.credential)
        fake = fake_type(credentials=credentials)
        for text in args.execution:
            ident, statuses = _pair(text, "--execution")
            fake.add_execution(ident, statuses=statuses.split(","))
    except ValueError as exc:
        parser.error(str(exc))
    try:
        with fake.serve(args.port) as url:
            lines = [f"{title} (fake) on {url}", f"export {env_base_url}={shlex.quote(url)}"]
            lines += [
                f"export {env_credentials[p]}={shlex.quote(v)}"
                for p, v in fake.credentials.items()
                if p in env_credentials
            ]
            print("\n".join(lines), flush=True)
            threading.Event().wait()  # until Ctrl-C; SIGTERM ends the process as it would any server
    except KeyboardInterrupt:
        pass
    return 0


def _pair(text: str, option: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise ValueError(f"{option} takes NAME=VALUE, not {text!r}")
    return name, value
