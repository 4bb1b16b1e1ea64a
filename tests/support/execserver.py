"""A fast HTTP/1.1 server on 127.0.0.1 whose answer is computed per request.

    def respond(request: Request) -> Answer: ...
    with ExecutionServer(respond) as server:
        ... requests to server.url ...

It runs an asyncio event loop in a background thread, so sync tests and async tests
(whose own loop drives the client) can both use it. Unlike the threaded ScriptedServer it
writes each answer in one piece (no 40 ms delayed-ACK stalls), keeps connections alive,
and listens with a deep backlog, so thousands of requests, many at once, take seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from types import TracebackType


@dataclass(frozen=True)
class Request:
    method: str
    target: str  # the raw request target: path and query, percent-encoded as sent
    headers: dict[str, str]


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})


class ExecutionServer:
    def __init__(self, respond: Callable[[Request], Answer]) -> None:
        self.respond = respond
        self.url = ""
        self.requests = 0
        self.connections = 0
        self.open_connections = 0
        self.max_open_connections = 0
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="ExecutionServer", daemon=True)

    # -- lifecycle ----------------------------------------------------------------

    def __enter__(self) -> ExecutionServer:
        self._thread.start()
        self._ready.wait(timeout=10)
        if self._startup_error is not None or self._server is None:
            self._thread.join(timeout=5)
            raise RuntimeError("ExecutionServer did not start") from self._startup_error
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop.close()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._server = self._loop.run_until_complete(
                asyncio.start_server(self._accept, "127.0.0.1", 0, backlog=4096, limit=1 << 20)
            )
        except BaseException as error:  # reported by __enter__
            self._startup_error = error
            self._ready.set()
            return
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self._ready.set()
        self._loop.run_forever()
        # Let cancelled handlers and closing transports finish before the loop closes.
        self._loop.run_until_complete(asyncio.sleep(0))

    async def _stop(self) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()
        for task in list(self._handlers):
            task.cancel()
        if self._handlers:
            await asyncio.gather(*self._handlers, return_exceptions=True)

    # -- one connection -------------------------------------------------------------

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        self.connections += 1
        self.open_connections += 1
        self.max_open_connections = max(self.max_open_connections, self.open_connections)
        try:
            await self._serve(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:
            pass  # the server is stopping; end quietly (a cancelled handler task is logged as an error)
        finally:
            self.open_connections -= 1
            self._handlers.discard(task)
            writer.close()
            with contextlib.suppress(ConnectionError, asyncio.CancelledError):
                await writer.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            line = await reader.readline()
            if not line:
                return
            method, target, _version = line.decode("latin-1").split(" ", 2)
            headers: dict[str, str] = {}
            while (header := await reader.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = header.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            if length:
                await reader.readexactly(length)
            self.requests += 1
            answer = self.respond(Request(method, target, headers))
            reason = HTTPStatus(answer.status).phrase if answer.status in HTTPStatus._value2member_map_ else "Status"
            head = [f"HTTP/1.1 {answer.status} {reason}", f"Content-Length: {len(answer.body)}"]
            head += [f"{name}: {value}" for name, value in answer.headers.items()]
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + answer.body)
            await writer.drain()
            if headers.get("connection", "").lower() == "close":
                return
