"""The rate budget's schedule in Redis, shared by every process and host that uses one API key
(the package's `redis` extra: `pip install <package>[redis]`).

Built on redis-py (the Redis project's own client, sync and asyncio in one package) with two
server-side Lua scripts, rather than on pyrate-limiter or limits: the budget needs a slot
*reserved* in one step (the waiter then sleeps exactly until its turn) and a *pause* that every
process sees at once. limits only answers "may I now?" (waiters would poll and wake together);
pyrate-limiter's blocking acquire sleeps the bucket's computed delay and tries again (waiters that
computed the same delay wake together), and has no notion of a server-imposed pause.
Two short scripts do exactly what the local schedule does, atomically, with Redis's clock (`TIME`)
so hosts whose clocks disagree still share one schedule.

Each process keeps its own rate control (the adaptive curve, the header hints, see `_budget`) and
reserves slots on the shared schedule at its current rate; a 429's Retry-After pauses the shared
schedule, so every process waits. A slot a process reserved just before another one's pause is
still used: only the next reservations see the pause.

Keys: `<key>:tat` (the next slot, a Unix time) and `<key>:pause` (the pause's end), each expiring
shortly after it no longer matters. The async client is one per event loop (a redis-py asyncio
connection belongs to the loop that made it).

redis-py is imported when a client is given `rate_limit_redis`, through importlib (as `_tracing`
imports OpenTelemetry): this module imports, and type-checks, without the extra installed.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import math
import weakref
from typing import Any

from ._budget import burst_tolerance

logger = logging.getLogger(__name__.rpartition(".")[0] or __name__)

# KEYS: tat, pause. ARGV: interval (s, 0 = unlimited), tolerance (s), limit (s, -1 = none).
# Returns {reserved (1) / paused (0) / too late (2), wait in seconds as a string}: Redis turns a Lua
# number into an integer, so fractions travel as text.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return {0, string.format('%.6f', paused - now)} end
local interval = tonumber(ARGV[1])
if interval <= 0 then return {1, '0'} end
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - tonumber(ARGV[2]) - now
if wait < 0 then wait = 0 end
local limit = tonumber(ARGV[3])
if limit >= 0 and wait > limit then return {2, string.format('%.6f', wait)} end
local nxt = tat + interval
redis.call('SET', KEYS[1], string.format('%.6f', nxt), 'PX', math.ceil((nxt - now) * 1000) + 1000)
return {1, string.format('%.6f', wait)}
"""

# KEYS: tat, pause. ARGV: seconds to pause (0: none), tolerance (s) of the rate to restart at.
_PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
local till = now + tonumber(ARGV[1])
if till > paused then
  paused = till
  redis.call('SET', KEYS[2], string.format('%.6f', paused), 'PX', math.ceil((paused - now) * 1000) + 1000)
end
if paused < now then paused = now end
local tat = paused + tonumber(ARGV[2])
redis.call('SET', KEYS[1], string.format('%.6f', tat), 'PX', math.ceil((tat - now) * 1000) + 1000)
return 1
"""


def _import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        package = __name__.rpartition(".")[0].replace("_", "-")
        raise ImportError(
            f"rate_limit_redis needs redis-py: pip install '{package}[redis]' ({type(exc).__name__}: {exc})"
        ) from exc


def _where(url: str) -> str:
    """The server of `url` without its password, for messages."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        return f"{parts.hostname or 'localhost'}:{parts.port or 6379}"
    except ValueError:
        return "an invalid Redis URL"


class RedisSchedule:
    """A `_budget.Schedule` in the Redis at `url`, under `key`.

    Raises (from `reserve`): ConnectionError when Redis cannot be reached or refuses the script;
    the client turns it into `APIConnectionError`. A failed pause is logged and skipped: the answer
    that asked for it still reaches the caller.
    """

    shared = True

    def __init__(self, url: str, key: str) -> None:
        self.url = url
        self.key = key
        self._keys = [f"{key}:tat", f"{key}:pause"]
        self._redis = _import("redis")
        self._aioredis = _import("redis.asyncio")
        self._error: type[Exception] = self._redis.RedisError
        self._sync = self._redis.Redis.from_url(url)
        self._reserve = self._sync.register_script(_RESERVE)
        self._pause = self._sync.register_script(_PAUSE)
        self._async: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, tuple[Any, Any, Any]] = (
            weakref.WeakKeyDictionary()
        )

    def __repr__(self) -> str:
        return f"RedisSchedule({_where(self.url)}, key={self.key!r})"

    def _scripts(self) -> tuple[Any, Any]:
        loop = asyncio.get_running_loop()
        found = self._async.get(loop)
        if found is None:
            client = self._aioredis.Redis.from_url(self.url)
            found = (client, client.register_script(_RESERVE), client.register_script(_PAUSE))
            self._async[loop] = found
        return found[1], found[2]

    @staticmethod
    def _args(rate: float | None, limit: float | None) -> list[str]:
        interval = 0.0 if rate is None else 1.0 / rate
        tolerance = 0.0 if rate is None else burst_tolerance(rate)
        return [repr(interval), repr(tolerance), repr(-1.0 if limit is None else max(limit, 0.0))]

    @staticmethod
    def _result(reply: Any) -> tuple[float, bool]:
        code, wait = int(reply[0]), float(reply[1])
        return wait, code == 1

    def _failed(self, exc: Exception) -> ConnectionError:
        return ConnectionError(f"Redis at {_where(self.url)}: {type(exc).__name__}: {exc}")

    def lead(self, now: float) -> float:
        return 0.0  # the slots are in Redis: asking would cost a round trip per request

    def reserve(self, now: float, rate: float | None, limit: float | None) -> tuple[float, bool]:
        try:
            reply = self._reserve(keys=self._keys, args=self._args(rate, limit))
        except self._error as exc:
            raise self._failed(exc) from exc
        return self._result(reply)

    async def areserve(self, now: float, rate: float | None, limit: float | None) -> tuple[float, bool]:
        reserve, _ = self._scripts()
        try:
            reply = await reserve(keys=self._keys, args=self._args(rate, limit))
        except self._error as exc:
            raise self._failed(exc) from exc
        return self._result(reply)

    def pause(self, now: float, seconds: float, rate: float | None) -> None:
        try:
            self._pause(keys=self._keys, args=[repr(max(seconds, 0.0)), repr(self._tolerance(rate))])
        except self._error as exc:
            logger.warning("Rate budget: could not pause the shared schedule: %s", self._failed(exc))

    async def apause(self, now: float, seconds: float, rate: float | None) -> None:
        _, pause = self._scripts()
        try:
            await pause(keys=self._keys, args=[repr(max(seconds, 0.0)), repr(self._tolerance(rate))])
        except self._error as exc:
            logger.warning("Rate budget: could not pause the shared schedule: %s", self._failed(exc))

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        found = self._async.pop(asyncio.get_running_loop(), None)
        if found is not None:
            await found[0].aclose()

    @staticmethod
    def _tolerance(rate: float | None) -> float:
        return 0.0 if rate is None or not math.isfinite(rate) else burst_tolerance(rate)
