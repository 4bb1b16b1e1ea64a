"""Starts the pinned Prism mock server for one spec on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import IO

import httpx

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BINARY = ROOT / "tests" / "prism" / "node_modules" / ".bin" / "prism"
STARTUP_SECONDS = 60.0


def prism_binary() -> Path:
    """`EXEC_SDKS_PRISM` (set by nox), else tests/prism's install; error if missing."""
    binary = Path(os.environ.get("EXEC_SDKS_PRISM") or DEFAULT_BINARY)
    if not binary.exists():
        raise RuntimeError(f"Prism is not installed at {binary}; run the tests through `nox -s tests`")
    return binary


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PrismServer:
    """`with PrismServer(spec) as prism: prism.url` - a mock of the spec's API."""

    def __init__(self, spec: Path) -> None:
        self.spec = spec
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None
        self._log_path = ROOT / ".nox" / f"prism-{spec.parent.name}.log"
        self._log: IO[bytes] | None = None

    def __enter__(self) -> PrismServer:
        self._log_path.parent.mkdir(exist_ok=True)
        self._log = log = self._log_path.open("wb")
        self._process = subprocess.Popen(
            [str(prism_binary()), "mock", "--host", "127.0.0.1", "--port", str(self.port), str(self.spec)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NODE_NO_WARNINGS": "1"},
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"Prism exited with {self._process.returncode}; see {self._log_path}")
            try:
                # Any HTTP answer (Prism says 401/404/422 to this probe) means it is serving.
                httpx.get(self.url + "/", timeout=1.0)
                return self
            except httpx.TransportError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError(f"Prism did not start within {STARTUP_SECONDS} s; see {self._log_path}")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._log is not None:
            self._log.close()
