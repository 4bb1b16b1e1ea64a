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
from typing import Any, ClassVar, Concatenate, ParamSpec, Self, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx2

from ._auth import basic_credential
from ._base_client import BaseClient
from ._fake_clock import VirtualClock

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")

# The body `inject_malformed` answers with: a 2xx whose JSON is cut short.
MALFORMED_BODY = b'{"truncated": '


@dataclass(frozen=True)
class RecordedRequest:
    """One request the fake received (faults injected into it included).

    `path` is the raw path as sent (percent-encoded); `path_params` its parameters, decoded
    (empty when the path is not the polled operation's); header names are lower-case; `time`
    is the fake clock's reading when it arrived (virtual seconds; under `serve()` the clock
    follows real time); `status` the status answered (None: a timeout or connection fault).
    """

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    path_params: dict[str, str]
    time: float
    content: bytes = b""  # the request body as sent (a polled POST sends one on every poll)
    status: int | None = None


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
    bodies: list[bytes]
    served: int = 0
    # A timeline: bodies[i] from virtual second times[i] after `created` on; None: one body per poll.
    times: list[float] | None = None
    created: float = 0.0

    def next_body(self, now: float) -> bytes:
        if self.times is None:
            body = self.bodies[min(self.served, len(self.bodies) - 1)]
        else:
            body = self.bodies[max(i for i, t in enumerate(self.times) if t <= now - self.created)]
        self.served += 1
        return body


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
        # The route: the template's literal parts escaped, each `{name}` one path segment.
        parts = re.split(r"\{([^}]+)\}", self.facts.path)
        self._route = re.compile(
            "".join(
                re.escape(part) if i % 2 == 0 else f"(?P<p{self.facts.path_params.index(part)}>[^/]+)"
                for i, part in enumerate(parts)
            )
        )

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
        bodies = []
        for status in statuses:
            body = self._execution_body(id, status, fields)
            problem = self._refusal(body)
            if problem is not None:
                # The spec's example may not fit its own schema: the schema's minimal body may.
                fallback = self._execution_body(id, status, fields, self.facts.minimal_body)
                if self._refusal(fallback) is not None:
                    raise ValueError(self._why_refused(id, status, fields, problem)) from problem
                body = fallback
            bodies.append(json.dumps(body).encode())
        with self._lock:
            self._executions[str(id)] = _Execution(bodies, times=times, created=self.clock())

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

    def error_body(self, status: int) -> Any:
        """The spec's body for an error `status`: the exact code's, else its range's (`4XX`), else
        `default`'s; a generic `{"message": ...}` when the spec documents none."""
        for key in (str(status), f"{status // 100}XX", "DEFAULT"):
            if key in self.facts.error_bodies:
                return copy.deepcopy(self.facts.error_bodies[key])
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Error"
        return {"message": phrase}

    def _error(self, status: int, headers: Mapping[str, str] | None = None) -> _Answer:
        body = self.error_body(status)
        if body is None:  # documented without a body
            return _Answer(status, dict(headers or {}))
        return self._json(status, body, headers)

    def _authorized(self, query: Mapping[str, str], headers: Mapping[str, str]) -> bool:
        """Whether one of the operation's security alternatives is met with the fake's credentials."""
        if not self.facts.security:
            return True
        for alternative in self.facts.security:
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
        match = self._route.fullmatch(path)
        params = (
            {} if match is None else {n: unquote(match.group(f"p{i}")) for i, n in enumerate(self.facts.path_params)}
        )
        with self._lock:
            now = self.clock()
            answer = self._answer(method.upper(), match is not None, params, query, headers, content)
            status = None if answer.fault is not None else answer.status
            self.requests.append(
                RecordedRequest(method.upper(), raw_path, query, headers, params, now, content, status)
            )
            return answer

    def _answer(
        self,
        method: str,
        routed: bool,
        params: Mapping[str, str],
        query: Mapping[str, str],
        headers: Mapping[str, str],
        content: bytes,
    ) -> _Answer:
        """The answer to one request (under the lock): faults first, then the rate limit, then the API."""
        fault = self._take_fault(params.get(self.facts.id_param))
        if fault is not None:
            return self._fault_answer(fault)
        throttled = self._throttled()
        if throttled is not None:
            return throttled
        if not routed:
            return self._error(404)
        if method != self.facts.method:
            return self._error(405, {"allow": self.facts.method})
        if not self._authorized(query, headers):
            return self._error(401)
        missing = [name for name in self.facts.required_query if name not in query]
        missing += [name for name in self.facts.required_headers if name.lower() not in headers]
        if self.facts.body_required and not content:
            missing.append("the request body")
        if missing:
            # A request the server would not validate: 422 where the spec documents one, else 400.
            return self._error(422 if "422" in self.facts.error_bodies else 400)
        execution = self._executions.get(params[self.facts.id_param])
        if execution is None:
            return self._error(404)
        return _Answer(
            self.facts.success_status, {"content-type": "application/json"}, execution.next_body(self.clock())
        )

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
