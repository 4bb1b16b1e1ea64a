"""Benchmarks, measured side by side in one run: `nox -s bench` (or `python scripts/bench.py`).

Prints one table of ratios (medians of repeated runs, GC left on as in normal use):
  parse     decode + typed models, vs stdlib json.loads and vs pydantic v2
            model_validate_json with the oracle models (tests/oracle)
  request   a full get_execution through the SDK vs a bare httpx2 client + json.loads,
            against one keep-alive server on 127.0.0.1, sync and async
  paging    listing 10,000 executions through a paged operation's `iterate` vs a bare httpx2 loop
            (offset and limit, json.loads), 100 pages of 100 from one keep-alive server on 127.0.0.1
  import    `import <pkg>` vs `import httpx2`, each in fresh processes
  regen     scripts/regenerate.py for all packages, its --check, Tracecat from its upstream document
  waits     many waits against a local server that enforces R requests/s with 429 + Retry-After, the
            SDK's variants vs a hand-written asyncio loop on bare httpx2 with one token bucket
            (scripts/bench_waits.py; its own table, with the issue's targets; `--waits-n 1000` to scale down)
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import typing
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import bench_waits  # scripts/, beside this file
import httpx2

orjson: Any
try:
    import orjson  # the packages' optional `fast` extra
except ImportError:  # measured as absent: the [fast] rows then equal the stdlib ones
    orjson = None

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "tests"))  # the oracle models


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# -- parse payloads ---------------------------------------------------------------


def example(vendor: str) -> Any:
    return json.loads((FIXTURES / vendor / "example-200.json").read_text(encoding="utf-8"))


def grow(items: list[Any], count: int, vary: Callable[[Any, int], None]) -> list[Any]:
    grown = []
    for index in range(count):
        item = copy.deepcopy(items[index % len(items)])
        vary(item, index)
        grown.append(item)
    return grown


def tracecat_payload(events: int) -> bytes:
    body = example("tracecat")

    def vary(event: Any, index: int) -> None:
        event["event_id"] = index
        event["event_time"] = f"2023-11-07T05:{index // 60 % 60:02d}:{index % 60:02d}Z"

    body["events"] = grow(body["events"], events, vary)
    return json.dumps(body).encode()


def sakari_payload(steps: int) -> bytes:
    body = example("sakari")

    def vary(step: Any, index: int) -> None:
        step["id"] = f"step-{index}"

    body["data"]["steps"] = grow(body["data"]["steps"], steps, vary)
    return json.dumps(body).encode()


def checkout_payload(events: int) -> bytes:
    body = example("checkout")

    def vary(event: Any, index: int) -> None:
        event["id"] = f"evt-{index}"
        event["data"] = {"n": index}

    body["data"]["events"] = grow(body["data"]["events"], events, vary)
    return json.dumps(body).encode()


def kapso_payloads(count: int) -> list[bytes]:
    body = example("kapso")
    payloads = []
    for index in range(count):
        body["data"]["id"] = f"exec-{index}"
        payloads.append(json.dumps(body).encode())
    return payloads


def success_model(import_name: str) -> Any:
    endpoint = importlib.import_module(f"{import_name}.api.executions.get_execution")
    return typing.get_type_hints(endpoint.sync)["return"]


def oracle_model(vendor: str, sdk_model: Any) -> Any:
    return getattr(importlib.import_module(f"oracle.{vendor}"), sdk_model.__name__)


def _decode_run(decoder: Any, endpoint: Any, responses: list[httpx2.Response], loads: Any) -> Callable[[], None]:
    """Decode every response through the endpoint, with `loads` as the package's JSON decoder."""

    def run() -> None:
        decoder._loads = loads
        for response in responses:
            endpoint._decode_success(response)

    return run


def parse_rows(repeat: int, scale: float) -> list[tuple[str, str, float, float]]:
    cases: list[tuple[str, str, str, list[bytes]]] = [
        ("tracecat", "tracecat_exec", f"{int(10_000 * scale)} events", [tracecat_payload(int(10_000 * scale))]),
        ("sakari", "sakari_exec", f"{int(5_000 * scale)} steps", [sakari_payload(int(5_000 * scale))]),
        ("checkout", "checkout_exec", f"{int(10_000 * scale)} events", [checkout_payload(int(10_000 * scale))]),
        ("kapso", "kapso_exec", f"{int(100_000 * scale)} small bodies", kapso_payloads(int(100_000 * scale))),
    ]
    rows = []
    for vendor, import_name, label, payloads in cases:
        model = success_model(import_name)
        oracle = oracle_model(vendor, model)
        loads = json.loads
        validate_json = oracle.model_validate_json
        # The SDK's real decode path: bytes of a 200 response to typed models.
        endpoint = importlib.import_module(f"{import_name}.api.executions.get_execution")
        decoder = importlib.import_module(f"{import_name}._json")
        responses = [httpx2.Response(200, content=payload) for payload in payloads]

        def stdlib(payloads: list[bytes] = payloads, loads: Any = loads) -> None:
            for payload in payloads:
                loads(payload)

        sdk = _decode_run(decoder, endpoint, responses, json.loads)
        sdk_fast = _decode_run(decoder, endpoint, responses, orjson.loads if orjson is not None else json.loads)

        def pydantic(payloads: list[bytes] = payloads, validate_json: Any = validate_json) -> None:
            for payload in payloads:
                validate_json(payload)

        sdk()  # warm up, and prove the payload is valid for both
        pydantic()
        # Interleave the runs so drift of the machine's speed hits them alike.
        runs = {"json": stdlib, "sdk": sdk, "sdk[fast]": sdk_fast, "pydantic": pydantic}
        samples: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(repeat):
            for name, run in runs.items():
                samples[name].append(median_seconds(run, 1))
        json_s, sdk_s, fast_s, pyd_s = (statistics.median(samples[k]) for k in runs)
        rows.append((f"parse {vendor} ({label})", f"{sdk_s * 1000:.1f} ms", sdk_s / json_s, sdk_s / pyd_s))
        rows.append((f"parse {vendor}, [fast] extra", f"{fast_s * 1000:.1f} ms", fast_s / json_s, fast_s / pyd_s))
    return rows


# -- request overhead -------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else each keep-alive answer waits ~40 ms for a delayed ACK
    body = b"{}"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


def request_rows(repeat: int, calls: int) -> list[tuple[str, str, float, float]]:
    _Handler.body = json.dumps(example("kapso")).encode()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    endpoint = importlib.import_module("kapso_exec.api.executions.get_execution")
    kapso = importlib.import_module("kapso_exec")
    rows = []
    try:
        client = kapso.AuthenticatedClient(base_url=url, api_key="bench")
        bare = httpx2.Client(base_url=url, headers={"X-API-Key": "bench"})

        def sdk_sync() -> None:
            for _ in range(calls):
                endpoint.sync("exec-1", client=client)

        def bare_sync() -> None:
            for _ in range(calls):
                json.loads(bare.get("/flow_executions/exec-1").content)

        sdk_sync()
        bare_sync()
        sdk_samples, bare_samples = [], []
        for _ in range(repeat):
            sdk_samples.append(median_seconds(sdk_sync, 1))
            bare_samples.append(median_seconds(bare_sync, 1))
        sdk_s, bare_s = statistics.median(sdk_samples), statistics.median(bare_samples)
        rows.append(("request sync (per call)", f"{sdk_s / calls * 1e6:.0f} us", sdk_s / bare_s, float("nan")))
        client.close()
        bare.close()

        async def measure_async() -> tuple[float, float]:
            aclient = kapso.AuthenticatedClient(base_url=url, api_key="bench")
            abare = httpx2.AsyncClient(base_url=url, headers={"X-API-Key": "bench"})

            async def sdk_async() -> None:
                for _ in range(calls):
                    await endpoint.asyncio("exec-1", client=aclient)

            async def bare_async() -> None:
                for _ in range(calls):
                    json.loads((await abare.get("/flow_executions/exec-1")).content)

            await sdk_async()
            await bare_async()
            sdk_samples, bare_samples = [], []
            for _ in range(repeat):
                started = time.perf_counter()
                await sdk_async()
                sdk_samples.append(time.perf_counter() - started)
                started = time.perf_counter()
                await bare_async()
                bare_samples.append(time.perf_counter() - started)
            await aclient.aclose()
            await abare.aclose()
            return statistics.median(sdk_samples), statistics.median(bare_samples)

        sdk_s, bare_s = asyncio.run(measure_async())
        rows.append(("request async (per call)", f"{sdk_s / calls * 1e6:.0f} us", sdk_s / bare_s, float("nan")))
    finally:
        server.shutdown()
        server.server_close()
    return rows


# -- paging ---------------------------------------------------------------------------

PAGE_SIZE = 100
PAGED_SPEC = ROOT / "tests" / "corpus" / "paging_offset_has_more.yaml"


class _PagesHandler(_Handler):
    """Answers `GET /executions?offset=N&limit=M` from pre-encoded pages (offset N // PAGE_SIZE)."""

    pages: typing.ClassVar[list[bytes]] = []

    def do_GET(self) -> None:
        query = dict(parse_qsl(urlsplit(self.path).query))
        index = int(query.get("offset", "0")) // PAGE_SIZE
        self.body = self.pages[min(index, len(self.pages) - 1)]
        super().do_GET()


def paged_pages(total: int) -> list[bytes]:
    pages = []
    for start in range(0, total, PAGE_SIZE):
        data = [
            {"id": f"exec-{i}", "status": "completed" if i % 3 else "running"}
            for i in range(start, min(start + PAGE_SIZE, total))
        ]
        meta = {"hasMore": start + PAGE_SIZE < total, "total": total}
        pages.append(json.dumps({"data": data, "meta": meta}).encode())
    return pages


def paged_package(workdir: Path) -> Any:
    """tests/corpus/paging_offset_has_more.yaml built into `workdir`: its list operation's module."""
    sys.path.insert(0, str(ROOT))
    from generator.pipeline import build_package

    built = build_package(
        PAGED_SPEC,
        vendor="bench_paged",
        dist="bench-paged",
        import_name="bench_paged",
        env_prefix="BENCH_PAGED",
        workdir=workdir,
        verify=False,
    )
    sys.path.insert(0, str(built.directory))
    return importlib.import_module("bench_paged.api.executions.list_executions")


async def paging_async(endpoint: Any, url: str, repeat: int, total: int) -> tuple[float, float]:
    """(SDK, bare) medians of listing `total` executions with `async for` / httpx2.AsyncClient."""
    client = importlib.import_module("bench_paged.client").AuthenticatedClient(base_url=url, token="bench")
    bare = httpx2.AsyncClient(base_url=url, headers={"Authorization": "Bearer bench"})

    async def sdk() -> int:
        return len([execution async for execution in endpoint.iterate_async(client=client, limit=PAGE_SIZE)])

    async def baseline() -> int:
        count, offset = 0, 0
        while True:
            response = await bare.get("/executions", params={"offset": offset, "limit": PAGE_SIZE})
            page = json.loads(response.content)
            count += len(page["data"])
            offset += len(page["data"])
            if not page["data"] or not page["meta"]["hasMore"]:
                return count

    assert await sdk() == await baseline() == total, "the two loops must list the same executions"
    sdk_samples, bare_samples = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        await sdk()
        sdk_samples.append(time.perf_counter() - started)
        started = time.perf_counter()
        await baseline()
        bare_samples.append(time.perf_counter() - started)
    await client.aclose()
    await bare.aclose()
    return statistics.median(sdk_samples), statistics.median(bare_samples)


def paging_rows(repeat: int, total: int) -> list[tuple[str, str, float, float]]:
    """`iterate` over `total` executions vs a bare httpx2 loop that reads the same pages."""
    _PagesHandler.pages = paged_pages(total)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PagesHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="exec-sdks-bench-") as tmp:
            endpoint = paged_package(Path(tmp))
            client = importlib.import_module("bench_paged.client").AuthenticatedClient(base_url=url, token="bench")
            bare = httpx2.Client(base_url=url, headers={"Authorization": "Bearer bench"})

            def sdk() -> int:
                return sum(1 for _ in endpoint.iterate(client=client, limit=PAGE_SIZE))

            def baseline() -> int:
                count, offset = 0, 0
                while True:
                    page = json.loads(bare.get("/executions", params={"offset": offset, "limit": PAGE_SIZE}).content)
                    count += len(page["data"])
                    offset += len(page["data"])
                    if not page["data"] or not page["meta"]["hasMore"]:
                        return count

            assert sdk() == baseline() == total, "the two loops must list the same executions"
            sdk_samples, bare_samples = [], []
            for _ in range(repeat):
                sdk_samples.append(median_seconds(sdk, 1))
                bare_samples.append(median_seconds(baseline, 1))
            sdk_s, bare_s = statistics.median(sdk_samples), statistics.median(bare_samples)
            label = f"list {total:,} executions via iterate"
            rows.append((label, f"{sdk_s * 1000:.0f} ms", sdk_s / bare_s, float("nan")))
            client.close()
            bare.close()
            sdk_s, bare_s = asyncio.run(paging_async(endpoint, url, repeat, total))
            rows.append(("  async (iterate_async)", f"{sdk_s * 1000:.0f} ms", sdk_s / bare_s, float("nan")))
    finally:
        server.shutdown()
        server.server_close()
    return rows


# -- import time ---------------------------------------------------------------------


def import_seconds(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def import_rows(repeat: int) -> list[tuple[str, str, float, float]]:
    """`import <pkg>` (the top level is lazy), and the first use a service makes: the client and
    the wait helper, which load httpx2, the endpoint and the models."""
    rows = []
    for module in ("sakari_exec", "checkout_exec", "tracecat_exec", "kapso_exec"):
        first_use = f"from {module} import AuthenticatedClient, wait_for_execution"
        for label, statement in ((f"import {module}", f"import {module}"), ("  + client and wait helper", first_use)):
            pkg, base = [], []
            for _ in range(repeat):
                base.append(import_seconds("import httpx2"))
                pkg.append(import_seconds(statement))
            pkg_s, base_s = statistics.median(pkg), statistics.median(base)
            rows.append((label, f"{pkg_s * 1000:.1f} ms", pkg_s / base_s, float("nan")))
    return rows


# -- regeneration ----------------------------------------------------------------------


def regen_rows() -> list[tuple[str, str, float, float]]:
    rows = []
    runs: tuple[tuple[str, list[str]], ...] = (
        ("regenerate all packages", []),
        ("drift check (all)", ["--check"]),
        # Tracecat's package comes from its whole 1.7 MB document (target: under 30 s on CI's machine).
        ("regenerate tracecat from its upstream document (proof included)", ["--check", "--vendor", "tracecat"]),
    )
    for label, args in runs:
        # The generator and ruff run as commands: put this interpreter's scripts first on PATH.
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "scripts/regenerate.py", *args], cwd=ROOT, check=True, capture_output=True, env=env
        )
        rows.append((label, f"{time.perf_counter() - started:.1f} s", float("nan"), float("nan")))
    rows.append(effective_spec_row())
    return rows


def effective_spec_row() -> tuple[str, str, float, float]:
    """The first stage alone for Tracecat: read 1.7 MB, apply the overlay, select, prune, derive."""
    sys.path.insert(0, str(ROOT))
    from generator.effective import effective_spec
    from generator.manifest import load_manifest

    package = load_manifest()[1]["tracecat"]
    seconds = median_seconds(lambda: effective_spec(package), 3)
    return (
        "tracecat's effective spec (read, overlay, select, prune, derive)",
        f"{seconds:.2f} s",
        float("nan"),
        float("nan"),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (median taken)")
    parser.add_argument("--scale", type=float, default=1.0, help="payload size factor (1.0 = the issue's sizes)")
    parser.add_argument("--calls", type=int, default=500, help="requests per request-overhead run")
    parser.add_argument("--listed", type=int, default=10_000, help="executions listed through `iterate` (paging)")
    parser.add_argument(
        "--skip", action="append", default=[], choices=["parse", "request", "paging", "import", "regen", "waits"]
    )
    bench_waits.add_options(parser, prefix="waits-")  # --waits-n, --waits-rate, --waits-processes, ...
    args = parser.parse_args()

    print(f"# {platform.python_implementation()} {platform.python_version()} on {platform.machine()}, ", end="")
    print(f"{platform.system()} {platform.release()}; httpx2 {httpx2.__version__}; medians of {args.repeat} runs")
    print(f"{'measurement':<44} {'SDK':>10} {'vs baseline':>12} {'vs pydantic':>12}", flush=True)
    sections: list[tuple[str, Callable[[], list[tuple[str, str, float, float]]]]] = [
        ("parse", lambda: parse_rows(args.repeat, args.scale)),
        ("request", lambda: request_rows(args.repeat, args.calls)),
        ("paging", lambda: paging_rows(args.repeat, args.listed)),
        ("import", lambda: import_rows(args.repeat)),
        ("regen", regen_rows),
        ("waits", lambda: bench_waits.waits_rows(bench_waits.scale(args))),
    ]
    for name, measure in sections:
        if name in args.skip:
            continue
        for label, absolute, ratio, vs_pydantic in measure():
            base = "-" if ratio != ratio else f"{ratio:.2f}x"
            pyd = "-" if vs_pydantic != vs_pydantic else f"{vs_pydantic:.2f}x"
            print(f"{label:<44} {absolute:>10} {base:>12} {pyd:>12}", flush=True)
    print(
        "baseline: json.loads (parse), bare httpx2 + json.loads (request; paging: the same pages in a bare"
        " offset loop), import httpx2 (import), the hand-written asyncio loop on bare httpx2 (waits)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
