"""A real HTTP server on 127.0.0.1 that answers a scripted sequence.

    with ScriptedServer([Reply(503), Reply(503), Reply(200, body=b"{}")]) as server:
        ... requests to server.url ...
        server.requests  # what arrived: method, raw path, headers

Each request takes the next step; the last step repeats. Steps can also stall
(answer late or never), reset the connection, or answer with any status,
headers and bytes, so retries, timeouts and malformed bodies are exercised
over a real socket.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass(frozen=True)
class Reply:
    """Answer with this status, headers and body (bytes, or JSON data)."""

    status: int = 200
    body: Any = b""
    headers: dict[str, str] = field(default_factory=dict)
    reason: str | None = None

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body).encode()


@dataclass(frozen=True)
class Stall:
    """Wait `seconds` (or until the server stops), then answer `then` if given."""

    seconds: float
    then: Reply | None = None


@dataclass(frozen=True)
class Reset:
    """Read the request, then reset the TCP connection (RST) without answering."""


Step = Reply | Stall | Reset


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]


class ScriptedServer:
    def __init__(self, script: Sequence[Step]) -> None:
        if not script:
            raise ValueError("a script needs at least one step")
        self.script = list(script)
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body are two writes; with Nagle each keep-alive answer would wait
            # ~40 ms for a delayed ACK.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
                pass

            def do_GET(self) -> None:
                step = server._next(Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}))
                if isinstance(step, Reset):
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    self.connection.close()
                    return
                if isinstance(step, Stall):
                    server._stopping.wait(step.seconds)
                    if step.then is None:
                        self.close_connection = True
                        return
                    step = step.then
                body = step.payload()
                self.send_response(step.status, step.reason)
                headers = {"Content-Type": "application/json", **step.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        # Poll the accept loop every 10 ms (stdlib: 0.5 s, paid again on every stop).
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def _next(self, seen: Seen) -> Step:
        with self._lock:
            index = len(self.requests)
            self.requests.append(seen)
        return self.script[min(index, len(self.script) - 1)]

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
