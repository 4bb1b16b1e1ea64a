"""Starts the pinned Prism mock server for one spec on 127.0.0.1."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

import httpx2

from support.process import ServerProcess

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BINARY = ROOT / "tests" / "prism" / "node_modules" / ".bin" / "prism"


def prism_binary() -> Path:
    """`EXEC_SDKS_PRISM` (set by nox), else tests/prism's install; error if missing."""
    binary = Path(os.environ.get("EXEC_SDKS_PRISM") or DEFAULT_BINARY)
    if not binary.exists():
        raise RuntimeError(f"Prism is not installed at {binary}; run the tests through `nox -s tests`")
    return binary


class PrismServer(ServerProcess):
    """`with PrismServer(spec) as prism: prism.url` - a mock of the spec's API."""

    name = "Prism"
    startup_seconds = 60.0

    def __init__(self, spec: Path) -> None:
        super().__init__(ROOT / ".nox" / f"prism-{spec.parent.name}.log")
        self.spec = spec
        self.url = f"http://127.0.0.1:{self.port}"

    def ready(self) -> bool:
        try:
            # Any HTTP answer (Prism says 401/404/422 to this probe) means it is serving.
            httpx2.get(self.url + "/", timeout=1.0)
        except httpx2.TransportError:
            return False
        return True

    def __enter__(self) -> PrismServer:
        command = [str(prism_binary()), "mock", "--host", "127.0.0.1", "--port", str(self.port), str(self.spec)]
        self.start(command, env={"NODE_NO_WARNINGS": "1"})
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
