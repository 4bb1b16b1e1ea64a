"""A real package index on 127.0.0.1: pypiserver, uploads authenticated against an htpasswd file (passlib)."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from types import TracebackType

import httpx2
from passlib.apache import HtpasswdFile  # type: ignore[import-untyped]

from support.process import ServerProcess


class PypiIndex(ServerProcess):
    """`with PypiIndex(directory, workdir, user, password) as index:` - uploads to `index.url`, installs from
    `index.simple_url`. Nothing falls back to another index: a name it lacks is a 404."""

    name = "pypiserver"

    def __init__(self, packages: Path, workdir: Path, username: str, password: str) -> None:
        super().__init__(workdir / "pypiserver.log")
        self.packages = packages
        self.workdir = workdir
        self.username = username
        self.password = password
        self.url = f"http://127.0.0.1:{self.port}/"
        self.simple_url = f"{self.url}simple/"

    def ready(self) -> bool:
        try:
            return httpx2.get(f"{self.url}health", timeout=1.0).status_code == 200
        except httpx2.TransportError:
            return False

    def __enter__(self) -> PypiIndex:
        self.packages.mkdir(parents=True, exist_ok=True)
        htpasswd = HtpasswdFile(str(self.workdir / "htpasswd"), new=True, default_scheme="sha256_crypt")
        htpasswd.set_password(self.username, self.password)
        htpasswd.save()
        command = [sys.executable, "-m", "pypiserver", "run", "--port", str(self.port), "--host", "127.0.0.1"]
        command += ["--passwords", str(self.workdir / "htpasswd"), "--authenticate", "update"]
        command += ["--disable-fallback", "--hash-algo", "sha256", "--backend", "simple-dir", str(self.packages)]
        self.start(command)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def stored(self) -> dict[str, str]:
        """The index's storage: file name -> sha256."""
        return {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(self.packages.iterdir())
            if path.is_file()
        }

    def listing(self, project: str) -> dict[str, str]:
        """What the index serves for `project` (PEP 503 page): file name -> the sha256 in its link."""
        response = httpx2.get(f"{self.simple_url}{project}/", timeout=10.0)
        response.raise_for_status()
        links = re.findall(r'href="[^"]*?([^/"#]+)#sha256=([0-9a-f]{64})"', response.text)
        return dict(links)
