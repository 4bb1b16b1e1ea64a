"""Waiting at production scale (issue 17): many waits against a rate-limited server, side by side.

`python scripts/bench_waits.py [--n 10000] [--rate 250]`, or the `waits` section of
scripts/bench.py (`--waits-n`, `--waits-rate`, ...). Each variant runs in a fresh client process
against a fresh server process on 127.0.0.1 (so the client's CPU and memory are its own):

  server    asyncio, HTTP/1.1 keep-alive, `GET /flow_executions/{id}` with `X-API-Key`. At most R
            requests/s per API key (a token bucket with a small burst), beyond it `429` +
            `Retry-After: 1`. Execution `exec-<i>` ends 2-60 s after its first answered poll, 10 %
            `failed`, the rest `ended` (a seeded RNG per index: every variant sees the same executions).
  hand      the baseline: asyncio on a bare httpx2.AsyncClient, one token bucket paced at R (it never
            sends faster), the SDK's poll schedule (kapso_exec._constants), one request in flight per
            execution.
  gather    `asyncio.gather` of `wait_for_execution_async` on one default AuthenticatedClient.
  rate      the same with `AuthenticatedClient(..., rate_limit=R)`            (when the client has it)
  fan-in    `wait_for_executions_async(ids, client=default client, timeout=)` (when the package has it)
  redis     P processes, each waiting (gather) on its share of the ids, sharing one budget through a
            local redis-server: the options come from `redis_budget_options` (when the client has it)

Figures, per variant, from the same run:
  wrong       waits that ended wrongly: an exception (a 429 given up on, a timeout, ...), a status other
              than the server's, or no result within the variant's bound
  requests    requests the server received; 429 share: of those, answered 429
  limit used  answered polls per second / R, over the whole seconds in which work was pending: some
              execution's next poll was due (by the SDK's schedule, counted from its last answered
              poll; 0.1 s grace) and not yet answered. Waits abandoned after an error do not count.
  wall        first request to last result, as a ratio to the hand loop's
  CPU/poll    client process CPU time (user + system) / answered polls, as a ratio to the hand loop's
  mem         peak RSS of the client process(es) minus their RSS just before the waits began, / N

`--rounds K` runs the hand loop and every variant K times in turn; the limit used, and the wall and
CPU as ratios to the same round's hand loop, are then the median (and range) over the rounds; the
429 share and memory are the worst round's, and waits that ended wrongly are added up. `--only V`
(repeatable) runs just those variants beside the hand loop.
The Redis variant is held to the 429 target only (as the issue sets it); its other figures are shown
without a mark.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import inspect
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx2

SCRIPT = Path(__file__).resolve()
ROOT = SCRIPT.parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "kapso" / "example-200.json"
API_KEY = "bench-waits"
ID_PREFIX = "exec-"
MIN_END, MAX_END, FAIL_SHARE = 2.0, 60.0, 0.10
SUCCESS, FAILURE = "ended", "failed"
RETRY_AFTER = 1  # seconds, in every 429
GRACE = 0.1  # a poll later than this past its due time counts as work pending
NAN = float("nan")

# Targets from the issue, beside each figure.
TARGET_WRONG = 0
TARGET_429_PACED = 0.01  # with rate_limit set (also the Redis-shared budget)
TARGET_429_ADAPTIVE = 0.03  # the default client, which adapts to 429s
TARGET_LIMIT_USED = 0.90
TARGET_WALL = 1.1
TARGET_CPU = 1.2
TARGET_MEM = 20 * 1024  # bytes per pending execution


def server_burst(rate: float) -> float:
    """The server's bucket holds 0.1 s worth of requests (at least 5): a small burst."""
    return max(5.0, rate / 10)


def expected(seed: int, index: int) -> tuple[float, str]:
    """(seconds from its first answered poll to its end, final status) of execution `index`."""
    rng = random.Random(seed * 1_000_003 + index)
    ends_after = rng.uniform(MIN_END, MAX_END)
    return ends_after, FAILURE if rng.random() < FAIL_SHARE else SUCCESS


def poll_schedule() -> tuple[float, float, float]:
    """The SDK's (initial interval, backoff factor, cap): the hand loop and the server follow it."""
    constants: Any = importlib.import_module("kapso_exec._constants")
    return constants.DEFAULT_POLL_INTERVAL, constants.POLL_BACKOFF_FACTOR, constants.DEFAULT_MAX_POLL_INTERVAL


# -- the server (its own process) -----------------------------------------------------------------


@dataclass
class _Execution:
    index: int
    ends_at: float | None = None  # set at the first answered poll
    status: str = SUCCESS
    answered: int = 0
    next_due: float | None = None  # when its next poll is due (None: not waiting on one)
    interval: float = 0.0


@dataclass
class _ServerState:
    rate: float
    burst: float
    seed: int
    started: float = field(default_factory=time.monotonic)
    requests: int = 0
    rejected: int = 0
    per_second: dict[int, int] = field(default_factory=dict)  # answered polls per second since `started`
    overdue: list[tuple[float, float]] = field(default_factory=list)  # (from, to): a poll was due, unanswered
    executions: dict[int, _Execution] = field(default_factory=dict)
    buckets: dict[bytes, tuple[float, float]] = field(default_factory=dict)  # key: (tokens, at)
    body_parts: tuple[bytes, bytes, bytes] = (b"", b"", b"")
    schedule: tuple[float, float, float] = (1.0, 2.0, 30.0)

    def admit(self, key: bytes, now: float) -> bool:
        tokens, at = self.buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        if tokens < 1.0:
            self.buckets[key] = (tokens, now)
            return False
        self.buckets[key] = (tokens - 1.0, now)
        return True

    def start(self, first: int, count: int, now: float) -> None:
        """Executions first..first+count-1 are waited on from now: their first poll is due."""
        for index in range(first, first + count):
            self.executions[index] = _Execution(index, next_due=now)

    def answer(self, index: int, now: float) -> str:
        execution = self.executions.get(index)
        if execution is None:
            execution = self.executions[index] = _Execution(index)
        if execution.next_due is not None and now - execution.next_due > GRACE:
            self.overdue.append((execution.next_due + GRACE, now))
        if execution.ends_at is None:
            ends_after, execution.status = expected(self.seed, index)
            execution.ends_at = now + ends_after
        execution.answered += 1
        second = int(now - self.started)
        self.per_second[second] = self.per_second.get(second, 0) + 1
        if now >= execution.ends_at:
            execution.next_due = None
            return execution.status
        initial, factor, cap = self.schedule
        execution.interval = initial if execution.answered == 1 else min(execution.interval * factor, cap)
        execution.next_due = now + execution.interval
        return "waiting" if execution.answered % 3 == 0 else "running"

    def stats(self) -> dict[str, Any]:
        pending_seconds = []
        merged: list[list[float]] = []
        for begin, end in sorted(self.overdue):
            if merged and begin <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([begin, end])
        for begin, end in merged:  # whole seconds (since `started`) inside a pending stretch
            second = int(begin - self.started) + 1
            while self.started + second + 1 <= end:
                pending_seconds.append(second)
                second += 1
        served = sum(self.per_second.get(second, 0) for second in pending_seconds)
        return {
            "requests": self.requests,
            "rejected": self.rejected,
            "answered": sum(self.per_second.values()),
            "pending_seconds": len(pending_seconds),
            "answered_in_pending": served,
            "limit_used": served / (self.rate * len(pending_seconds)) if pending_seconds else NAN,
            "per_second": [self.per_second.get(s, 0) for s in range(max(self.per_second, default=-1) + 1)],
        }


def _response(status: bytes, body: bytes, extra: bytes = b"") -> bytes:
    head = b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\nContent-Length: "
    return head + str(len(body)).encode() + b"\r\n" + extra + b"\r\n" + body


_REJECTED = _response(
    b"429 Too Many Requests", b'{"error": "rate limit exceeded"}', b"Retry-After: %d\r\n" % RETRY_AFTER
)
_NOT_FOUND = _response(b"404 Not Found", b'{"error": "not found"}')


class _Http(asyncio.Protocol):
    """Minimal HTTP/1.1 for GETs without a body: fast enough that the server is not the bottleneck."""

    def __init__(self, state: _ServerState) -> None:
        self.state = state
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            head, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
            assert self.transport is not None
            self.transport.write(self.handle(head))

    def handle(self, head: bytes) -> bytes:
        lines = head.split(b"\r\n")
        target = lines[0].split(b" ")[1].decode()
        now = time.monotonic()
        state = self.state
        path = urlsplit(target).path
        if path.startswith("/_bench/"):  # control calls: not rate-limited, not counted
            query = dict(parse_qsl(urlsplit(target).query))
            if path == "/_bench/start":
                state.start(int(query["first"]), int(query["count"]), now)
                return _response(b"200 OK", json.dumps({"now": now}).encode())
            return _response(b"200 OK", json.dumps(state.stats()).encode())
        state.requests += 1
        key = b""
        for line in lines[1:]:
            if line[:10].lower() == b"x-api-key:":
                key = line[10:].strip()
        if not state.admit(key, now):
            state.rejected += 1
            return _REJECTED
        prefix = "/flow_executions/" + ID_PREFIX
        if not path.startswith(prefix) or not path[len(prefix) :].isdigit():
            return _NOT_FOUND
        execution_id = path[len("/flow_executions/") :]
        status = state.answer(int(path[len(prefix) :]), now)
        first, middle, last = state.body_parts
        return _response(b"200 OK", first + execution_id.encode() + middle + status.encode() + last)


def body_parts() -> tuple[bytes, bytes, bytes]:
    """The spec's example execution, split around its id and status."""
    body = json.loads(FIXTURE.read_text(encoding="utf-8"))
    body["data"]["id"], body["data"]["status"] = "\x00", "\x01"
    first, rest = json.dumps(body).encode().split(b"\\u0000")
    middle, last = rest.split(b"\\u0001")
    return first, middle, last


async def serve(rate: float, burst: float, seed: int) -> None:
    state = _ServerState(rate, burst, seed, body_parts=body_parts(), schedule=poll_schedule())
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Http(state), "127.0.0.1", 0, backlog=4096)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


# -- the clients (each variant in its own process) ------------------------------------------------


@dataclass
class _Tally:
    seed: int
    first: int
    results: dict[int, str] = field(default_factory=dict)  # index: final status, or the error's name

    def record(self, execution_id: str, status: str | None, error: BaseException | None) -> None:
        self.results[int(execution_id[len(ID_PREFIX) :])] = type(error).__name__ if error else str(status)

    def wrong(self, count: int) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for index in range(self.first, self.first + count):
            got = self.results.get(index, "no result")
            if got != expected(self.seed, index)[1]:
                kind = got if got not in (SUCCESS, FAILURE) else "wrong status"
                kinds[kind] = kinds.get(kind, 0) + 1
        return kinds


class _Pacer:
    """One token bucket at R, taken in turn (asyncio.Lock is first come, first served).

    Tokens are counted when a request is about to go, not reserved ahead: a loop that wakes late
    then sends no faster than R, where slots booked in advance would all go at once. Its burst is
    half the server's, so that the time a late wake-up loses is made up without a 429.
    """

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.tokens = burst
        self.at = time.monotonic()
        self.turn = asyncio.Lock()

    async def take(self) -> None:
        async with self.turn:
            while True:
                now = time.monotonic()
                self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
                self.at = now
                if self.tokens >= 1.0:
                    self.tokens -= 1.0
                    return
                await asyncio.sleep((1.0 - self.tokens) / self.rate)


async def hand_loop(url: str, ids: list[str], rate: float, tally: _Tally) -> None:
    """The baseline: what a careful user writes on bare httpx2."""
    initial, factor, cap = poll_schedule()
    pacer = _Pacer(rate, server_burst(rate) / 2)
    async with httpx2.AsyncClient(base_url=url, headers={"X-API-Key": API_KEY}, timeout=30.0) as client:

        async def wait(execution_id: str) -> None:
            interval = initial
            try:
                while True:
                    await pacer.take()
                    response = await client.get(f"/flow_executions/{execution_id}")
                    if response.status_code == 429:
                        await asyncio.sleep(float(response.headers.get("Retry-After", "1")))
                        continue
                    response.raise_for_status()
                    status = json.loads(response.content)["data"]["status"]
                    if status in (SUCCESS, FAILURE):
                        tally.record(execution_id, status, None)
                        return
                    await asyncio.sleep(interval)
                    interval = min(interval * factor, cap)
            except Exception as exc:  # counted as a wait that ended wrongly
                tally.record(execution_id, None, exc)

        await asyncio.gather(*(wait(execution_id) for execution_id in ids))


async def gather_waits(client: Any, ids: list[str], tally: _Tally) -> None:
    """The README's pattern: one `wait_for_execution_async` per execution, gathered."""
    kapso: Any = importlib.import_module("kapso_exec")

    async def wait(execution_id: str) -> None:
        try:
            result = await kapso.wait_for_execution_async(execution_id, client=client)
            tally.record(execution_id, result.status, None)
        except Exception as exc:  # counted as a wait that ended wrongly
            tally.record(execution_id, None, exc)

    await asyncio.gather(*(wait(execution_id) for execution_id in ids))


async def fan_in(client: Any, ids: list[str], timeout: float, tally: _Tally) -> None:
    """`wait_for_executions_async`: outcomes in completion order, each with `error` or a status."""
    kapso: Any = importlib.import_module("kapso_exec")
    outcomes = kapso.wait_for_executions_async(ids, client=client, timeout=timeout)
    try:
        async for outcome in outcomes:
            tally.record(outcome.execution_id, outcome.status, outcome.error)
    finally:
        if hasattr(outcomes, "aclose"):
            await outcomes.aclose()


# >>> The Redis-shared budget's client options: the one place to change when the option lands. <<<
def redis_budget_options(redis_url: str, rate: float) -> dict[str, Any]:
    """AuthenticatedClient keyword arguments that share an R requests/s budget through `redis_url`."""
    return {"rate_limit": rate, "rate_limit_redis": redis_url}


def client_parameters() -> set[str]:
    kapso: Any = importlib.import_module("kapso_exec")
    return set(inspect.signature(kapso.AuthenticatedClient.__init__).parameters)


def variant_available(variant: str) -> bool:
    if variant == "rate":
        return "rate_limit" in client_parameters()
    if variant == "fan-in":
        return hasattr(importlib.import_module("kapso_exec"), "wait_for_executions_async")
    if variant == "redis":
        return set(redis_budget_options("redis://127.0.0.1:1/0", 1.0)) <= client_parameters()
    return True


def rss_now() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def cpu_now() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run_client(options: argparse.Namespace) -> dict[str, Any]:
    """One variant's waits on ids first..first+count-1, bounded by `timeout`; the figures as JSON."""
    ids = [f"{ID_PREFIX}{index}" for index in range(options.first, options.first + options.count)]
    tally = _Tally(options.seed, options.first)
    client: Any = None
    if options.variant != "hand":
        kapso: Any = importlib.import_module("kapso_exec")
        extra: dict[str, Any] = {}
        if options.variant == "rate":
            extra = {"rate_limit": options.rate}
        elif options.variant == "redis":
            extra = redis_budget_options(options.redis_url, options.rate)
        client = kapso.AuthenticatedClient(base_url=options.url, api_key=API_KEY, **extra)
    async with httpx2.AsyncClient(base_url=options.url) as control:
        start = (await control.get("/_bench/start", params={"first": options.first, "count": options.count})).json()
    rss_before, cpu_before, started = rss_now(), cpu_now(), time.monotonic()
    if options.variant == "hand":
        work = hand_loop(options.url, ids, options.rate, tally)
    elif options.variant == "fan-in":
        # The wait's own deadline (the default wait's 600 s), inside this variant's bound.
        work = fan_in(client, ids, min(600.0, options.timeout * 0.9), tally)
    else:
        work = gather_waits(client, ids, tally)
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=options.timeout)
    if not done:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    ended, cpu = time.monotonic(), cpu_now() - cpu_before
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    if client is not None:
        await client.aclose()
    return {
        "wrong": tally.wrong(options.count),
        "started": min(started, start["now"]),
        "ended": ended,
        "cpu": cpu,
        "rss_delta": max(0, peak - rss_before),
        "bounded_out": not done,
    }


# -- the harness ----------------------------------------------------------------------------------


@dataclass
class Figures:
    label: str
    wrong: dict[str, int]
    requests: int
    rejected: int
    answered: int
    limit_used: float
    wall: float
    cpu: float
    rss_delta: int
    n: int
    paced: bool
    # The issue sets the Redis variant only the 429 target (and 0 wrong): its other figures are shown
    # unmarked. Several interpreters on one 2-core machine with the server and redis-server are not
    # one process's CPU or memory.
    all_targets: bool = True
    per_second: list[int] = field(default_factory=list)  # answered polls in each second of the server's life

    @property
    def cpu_per_poll(self) -> float:
        return self.cpu / self.answered if self.answered else NAN


def _end(process: subprocess.Popen[Any]) -> None:
    """End a child this harness started, by its pid: SIGTERM, then SIGKILL."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class RedisServer:
    """A throwaway redis-server on a free port of 127.0.0.1, no persistence; stopped by its pid."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server not found (Debian: apt-get install redis-server)")
        self.port = _free_port()
        argv = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        _end(self.process)
        raise RuntimeError("redis-server did not answer PING within 10 s")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        _end(self.process)


def run_variant(variant: str, label: str, args: argparse.Namespace, processes: int = 1, redis_url: str = "") -> Figures:
    """A fresh server and `processes` client processes (the ids split between them); their figures."""
    burst = server_burst(args.rate)
    server = subprocess.Popen(
        [
            sys.executable,
            str(SCRIPT),
            "_serve",
            "--rate",
            str(args.rate),
            "--burst",
            str(burst),
            "--seed",
            str(args.seed),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    clients: list[subprocess.Popen[str]] = []
    try:
        assert server.stdout is not None
        url = f"http://127.0.0.1:{int(server.stdout.readline())}"
        shares = [args.n // processes + (1 if p < args.n % processes else 0) for p in range(processes)]
        first = 0
        for share in shares:
            argv = [
                sys.executable,
                str(SCRIPT),
                "_client",
                "--variant",
                variant,
                "--url",
                url,
                "--rate",
                str(args.rate),
            ]
            argv += ["--first", str(first), "--count", str(share), "--seed", str(args.seed)]
            argv += ["--timeout", str(args.timeout), "--redis-url", redis_url]
            clients.append(subprocess.Popen(argv, stdout=subprocess.PIPE, text=True))
            first += share
        reports = []
        for process in clients:
            try:
                out, _ = process.communicate(timeout=args.timeout + 60)
            except subprocess.TimeoutExpired:
                _end(process)
                out = ""
            if process.returncode != 0 or not out.strip():
                raise RuntimeError(f"waits: the {label} client process failed (exit {process.returncode})")
            reports.append(json.loads(out.strip().splitlines()[-1]))
        stats = httpx2.get(f"{url}/_bench/stats", timeout=30).json()
    finally:
        for process in clients:
            _end(process)
        _end(server)
    wrong: dict[str, int] = {}
    for report in reports:
        for kind, count in report["wrong"].items():
            wrong[kind] = wrong.get(kind, 0) + count
    return Figures(
        label=label,
        wrong=wrong,
        requests=stats["requests"],
        rejected=stats["rejected"],
        answered=stats["answered"],
        limit_used=stats["limit_used"] if stats["limit_used"] is not None else NAN,
        wall=max(r["ended"] for r in reports) - min(r["started"] for r in reports),
        cpu=sum(r["cpu"] for r in reports),
        rss_delta=sum(r["rss_delta"] for r in reports),
        n=args.n,
        paced=variant in ("rate", "redis"),
        all_targets=variant != "redis",
        per_second=stats["per_second"],
    )


VARIANTS = (
    ("gather", "gather of waits, default client"),
    ("rate", "gather of waits, rate_limit=R"),
    ("fan-in", "fan-in wait_for_executions_async"),
    ("redis", "{p} processes, budget in Redis"),
)


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISS"


Round = tuple[Figures, list[tuple[str, Figures | None]]]  # the hand loop's figures, then each variant's


def _spread(values: list[float], fmt: str, unit: str) -> str:
    """The median, and with more than one round the range: "1.05x (0.98-1.12x)"."""
    text = f"{median(values):{fmt}}{unit}"
    if len(values) > 1:
        text += f" ({min(values):{fmt}}-{max(values):{fmt}}{unit})"
    return text


def table(rounds: list[Round]) -> list[str]:
    """The printed table: one line per variant, each figure with a pass/fail mark beside its target.

    Over several rounds (each the hand loop, then every variant, one after the other): a variant's
    wall and CPU ratios are taken against the hand loop *of the same round*; they and the limit used
    are printed as their median with the range. The 429 share and memory are the worst round's, and
    waits that ended wrongly are added up.
    Why rounds: the hand loop's CPU per poll alone moved by a third between runs minutes apart on a
    shared 2-core machine, so one pair of runs cannot tell 1.15x from 1.25x.
    """
    widths = (36, 9, 9, 12, 18, 22, 24, 14)

    def line(cells: tuple[str, ...] | list[str]) -> str:
        first, *rest = zip(cells, widths, strict=True)
        return "  ".join([f"{first[0]:<{first[1]}}", *(f"{cell:>{width}}" for cell, width in rest)])

    lines = [line(("variant", "wrong", "requests", "429s", "limit used", "wall", "CPU/poll", "mem/pending"))]
    lines.append(line(("target", "0", "", "<=1% / <=3%", ">=90%", "<=1.10x hand", "<=1.20x hand", "<=20 KB")))
    hands = [hand for hand, _ in rounds]

    def row(runs: list[Figures], is_hand: bool) -> str:
        wrong = sum(sum(figures.wrong.values()) for figures in runs)
        share = max(f.rejected / f.requests if f.requests else NAN for f in runs)
        limit = TARGET_429_PACED if runs[0].paced else TARGET_429_ADAPTIVE
        useds = [f.limit_used for f in runs]
        per_pending = max(f.rss_delta / f.n for f in runs)
        if is_hand:
            wall = _spread([f.wall for f in runs], ".1f", " s")
            cpu = _spread([f.cpu_per_poll * 1e6 for f in runs], ".0f", " us")
        else:
            walls = [f.wall / h.wall for f, h in zip(runs, hands, strict=True)]
            cpus = [f.cpu_per_poll / h.cpu_per_poll for f, h in zip(runs, hands, strict=True)]
            wall, cpu = _spread(walls, ".2f", "x"), _spread(cpus, ".2f", "x")
            if runs[0].all_targets:
                wall += f" {_mark(median(walls) <= TARGET_WALL)}"
                cpu += f" {_mark(median(cpus) <= TARGET_CPU)}"
        cells = [
            runs[0].label,
            f"{wrong} {_mark(wrong == TARGET_WRONG)}",
            f"{int(median([float(f.requests) for f in runs]))}",
            f"{share:.1%}" + ("" if is_hand else f" {_mark(share <= limit)}"),
            _spread([u * 100 for u in useds], ".0f", "%")
            + (f" {_mark(median(useds) >= TARGET_LIMIT_USED)}" if runs[0].all_targets else "")
            if all(u == u for u in useds)
            else "-",
            wall,
            cpu,
            f"{per_pending / 1024:.1f} KB" + (f" {_mark(per_pending <= TARGET_MEM)}" if runs[0].all_targets else ""),
        ]
        return line(cells)

    lines.append(row(hands, True))
    for index, (label, figures) in enumerate(rounds[0][1]):
        runs = [result[index][1] for _, result in rounds]
        if figures is None or any(run is None for run in runs):
            lines.append(f"{label:<{widths[0]}}  n/a (not in this version)")
            continue
        lines.append(row([run for run in runs if run is not None], False))
    for number, (hand, results) in enumerate(rounds, 1):
        where = f"round {number}, " if len(rounds) > 1 else ""
        for label, figures in [(hand.label, hand), *results]:
            if figures is not None and figures.wrong:
                kinds = ", ".join(f"{k} {v}" for k, v in sorted(figures.wrong.items()))
                lines.append(f"  {where}{label}: ended wrongly: {kinds}")
    if len(rounds) > 1:
        lines.append(
            f"  {len(rounds)} rounds: limit used, wall and CPU are medians (range); 429s and memory the worst round"
        )
    return lines


def measure(args: argparse.Namespace, say: Callable[[str], None] = print) -> list[Round]:
    """`args.rounds` rounds of the hand loop, then each SDK variant (None when absent from the
    installed kapso_exec): interleaved, so that each ratio compares runs minutes apart, not a run
    against one made at another time of a busy machine's day."""
    say(
        f"# waits: N={args.n:,} executions (end 2-60 s after the first poll, 10 % fail), server limit R={args.rate:g}/s"
        + (f", {args.rounds} rounds" if args.rounds > 1 else "")
    )
    rounds: list[Round] = []
    for number in range(1, args.rounds + 1):
        where = f"round {number}: " if args.rounds > 1 else ""
        hand = run_variant("hand", "hand loop (bare httpx2, one bucket)", args)
        say(f"#   {where}hand loop: {hand.wall:.1f} s, {hand.cpu_per_poll * 1e6:.0f} us CPU/poll")
        results: list[tuple[str, Figures | None]] = []
        for variant, label in VARIANTS:
            label = label.format(p=args.processes)
            if args.only and variant not in args.only:
                continue
            if not variant_available(variant):
                results.append((label, None))
                continue
            if variant == "redis":
                redis = RedisServer()
                try:
                    figures = run_variant(variant, label, args, processes=args.processes, redis_url=redis.url)
                finally:
                    redis.stop()
            else:
                figures = run_variant(variant, label, args)
            ratio = figures.cpu_per_poll / hand.cpu_per_poll
            say(f"#   {where}{label}: {figures.wall:.1f} s, CPU/poll {ratio:.2f}x the hand loop's")
            results.append((label, figures))
        rounds.append((hand, results))
    return rounds


def waits_rows(args: argparse.Namespace) -> list[tuple[str, str, float, float]]:
    """bench.py's `waits` section: prints the detailed table, returns wall-time rows for the main one."""
    rounds = measure(args)
    print("\n".join(table(rounds)), flush=True)
    hand_wall = median([hand.wall for hand, _ in rounds])
    rows = [("waits: hand loop (wall)", f"{hand_wall:.1f} s", NAN, NAN)]
    for index, (label, _) in enumerate(rounds[0][1]):
        runs = [figures for _, results in rounds if (figures := results[index][1]) is not None]
        if runs:
            wall = median([figures.wall for figures in runs])
            rows.append((f"waits: {label}"[:44], f"{wall:.1f} s", wall / hand_wall, NAN))
    return rows


def add_options(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    """The scale options; bench.py adds them as --waits-n, --waits-rate, ..."""
    parser.add_argument(f"--{prefix}n", dest="waits_n", type=int, default=10_000, help="executions waited on")
    # 250/s: the limit binds (N=10,000 needs ~50,000 polls, ~3.5 min for the hand loop) while a hand loop
    # on one core of a busy 2-core machine still keeps up with it (at 400/s it could not: ~1.7 ms CPU a poll).
    parser.add_argument(f"--{prefix}rate", dest="waits_rate", type=float, default=250.0, help="server limit R/s")
    parser.add_argument(f"--{prefix}processes", dest="waits_processes", type=int, default=4, help="Redis variant")
    parser.add_argument(
        f"--{prefix}timeout", dest="waits_timeout", type=float, default=900.0, help="bound per variant (s)"
    )
    parser.add_argument(f"--{prefix}seed", dest="waits_seed", type=int, default=17, help="the executions' RNG seed")
    parser.add_argument(
        f"--{prefix}rounds",
        dest="waits_rounds",
        type=int,
        default=1,
        help="hand loop + every variant, this many times in turn: ratios become medians with a range",
    )
    parser.add_argument(
        f"--{prefix}only",
        dest="waits_only",
        action="append",
        choices=[variant for variant, _ in VARIANTS],
        help="run only this variant beside the hand loop (repeatable): a quicker check of one change",
    )


def scale(args: argparse.Namespace) -> argparse.Namespace:
    return argparse.Namespace(
        n=args.waits_n,
        rate=args.waits_rate,
        processes=args.waits_processes,
        timeout=args.waits_timeout,
        seed=args.waits_seed,
        rounds=max(1, args.waits_rounds),
        only=args.waits_only or [],
    )


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] in ("_serve", "_client"):
        role = sys.argv.pop(1)
        inner = argparse.ArgumentParser()
        inner.add_argument("--rate", type=float, required=True)
        inner.add_argument("--seed", type=int, required=True)
        if role == "_serve":
            inner.add_argument("--burst", type=float, required=True)
            options = inner.parse_args()
            asyncio.run(serve(options.rate, options.burst, options.seed))
            return 0
        for name in ("--variant", "--url", "--redis-url"):
            inner.add_argument(name, default="")
        for name in ("--first", "--count"):
            inner.add_argument(name, type=int, required=True)
        inner.add_argument("--timeout", type=float, required=True)
        print(json.dumps(asyncio.run(run_client(inner.parse_args()))), flush=True)
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_options(parser)
    args = scale(parser.parse_args())
    print("\n".join(table(measure(args))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
