"""`nox -s upstream`: a vendor's new document is reviewed, then pinned; untrusted input is refused.

Everything runs in a throwaway copy of the repository (generator/, scripts/, README.md, LICENSE)
with a manifest of one small vendor whose package is generated from a pinned upstream document
(written below), an overlay that adds the polling extensions, and a selection of three
operations. scripts/upstream.py runs there as `nox -s upstream` runs it; generator/ finds its
root from its own location, so the copy is the repository it reads and writes.

A document's refusal (over-size, an alias bomb, an external `$ref`) is one line on stderr, exit
2, with no file under specs/, packages/ or manifest.toml changed; an external reference is never
followed: the local server that would answer it sees no request, and a file reference names a
FIFO, which would block (and time the command out) if anything opened it.
"""

from __future__ import annotations

import copy
import hashlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from support.repo_copy import copy_repo

ROOT = Path(__file__).resolve().parent.parent
COPIED = ["generator", "scripts", "LICENSE", "README.md"]
KEY = "upstream_demo"
DIST = "upstream-demo-exec"
IMPORT = "upstream_demo_exec"
DOCUMENT = f"specs/{KEY}/upstream.json"
OVERLAY = f"specs/{KEY}/overlay.yaml"
TIMEOUT = 120  # seconds: a hang fails the test instead of hanging it (building the package takes a few)

STATUS = {"type": "string", "enum": ["queued", "running", "succeeded", "failed"]}
RUN: dict[str, Any] = {
    "type": "object",
    "required": ["id", "status"],
    "properties": {
        "id": {"type": "string"},
        "status": {"$ref": "#/components/schemas/RunStatus"},
        "started_at": {"type": ["string", "null"], "format": "date-time", "description": "Start time"},
        "ended_at": {"type": ["string", "null"], "format": "date-time"},
        "flow": {"type": "object", "properties": {"status": {"$ref": "#/components/schemas/RunStatus"}}},
    },
}
EXAMPLE = {"data": {"id": "r1", "status": "running", "started_at": "2024-05-01T10:00:00Z", "ended_at": None}}


def _json(schema: dict[str, Any], description: str = "OK", example: Any = None) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"description": description, "content": {"application/json": media}}


def document_v1() -> dict[str, Any]:
    """A small vendor document: a polled run, a list, a cancel, and an admin call nobody selects."""
    envelope = {"$ref": "#/components/schemas/RunEnvelope"}
    run_id = {"name": "run_id", "in": "path", "required": True, "schema": {"type": "string"}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Demo Runs API", "version": "7"},
        "servers": [{"url": "https://api.demo.invalid"}],
        "security": [{"bearer": []}],
        "paths": {
            "/runs/{run_id}": {
                "get": {
                    "operationId": "getRun",
                    "parameters": [
                        run_id,
                        {"name": "workspace_id", "in": "query", "schema": {"type": "string"}},
                    ],
                    "responses": {"200": _json(envelope, "The run.", EXAMPLE)},
                }
            },
            "/runs": {
                "get": {
                    "operationId": "listRuns",
                    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "data": {"type": "array", "items": {"$ref": "#/components/schemas/Run"}}
                                },
                            },
                            "The runs.",
                        )
                    },
                }
            },
            "/runs/{run_id}/cancel": {
                "post": {"operationId": "cancelRun", "parameters": [run_id], "responses": {"202": _json(envelope)}}
            },
            "/admin/purge": {"delete": {"operationId": "purgeAll", "responses": {"204": {"description": "Gone."}}}},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "RunStatus": copy.deepcopy(STATUS),
                "Run": copy.deepcopy(RUN),
                "RunEnvelope": {
                    "type": "object",
                    "required": ["data"],
                    "properties": {"data": {"$ref": "#/components/schemas/Run"}},
                },
            },
        },
    }


def document_compatible() -> dict[str, Any]:
    """v1 plus a field and a status value: the package still generates, with additions only."""
    document = document_v1()
    document["components"]["schemas"]["Run"]["properties"]["priority"] = {"type": "integer"}
    document["components"]["schemas"]["RunStatus"]["enum"].append("paused")
    return document


def document_changed() -> dict[str, Any]:
    """Every kind of change the review names, at once."""
    document = document_compatible()
    paths = document["paths"]
    paths["/runs"]["get"]["parameters"][0]["required"] = True
    paths["/runs/{run_id}"]["get"]["responses"]["404"] = {"description": "No such run."}
    del paths["/runs/{run_id}/cancel"]  # selected: the overlay's action on it stops matching too
    del paths["/admin/purge"]  # not selected
    # The overlay writes over this description: the vendor's change is hidden, and named as such.
    document["components"]["schemas"]["Run"]["properties"]["started_at"]["description"] = "Start time (UTC)"
    paths["/runs"]["post"] = {
        "operationId": "createRun",
        "responses": {"201": _json({"$ref": "#/components/schemas/Run"})},
    }
    return document


OVERLAY_TEXT = """\
overlay: 1.0.0
info: {title: Demo corrections, version: 1.0.0}
actions:
  - target: "$.paths['/runs/{run_id}'].get"
    description: The polled operation; the status is at data.status (the vendor's guide, "Polling")
    update:
      x-status-path: [data, status]
      x-execution-summary: {id: [data, id], started: [data, started_at], ended: [data, ended_at]}
  - target: "$.components.schemas.RunStatus"
    description: Terminal statuses (the vendor's guide, "Run states")
    update:
      x-terminal-statuses: {success: [succeeded], failure: [failed]}
  - target: "$.components.schemas.Run.properties.started_at"
    description: The vendor's description omits the time zone (the vendor's guide, "Times")
    update:
      description: When the run started, in UTC
  - target: "$.paths['/runs/{run_id}/cancel'].post"
    description: Cancelling answers with the run (the vendor's changelog)
    update:
      summary: Cancel a run
"""


def dumps(document: dict[str, Any]) -> bytes:
    return json.dumps(document, indent=2).encode()


def manifest_text(pins: dict[str, str], pinned: bytes) -> str:
    tools = "".join(f'"{tool}" = "{version}"\n' for tool, version in pins.items())
    return f"""[generator]
{tools}
[packages.{KEY}]
label = "Demo (runs)"
dist = "{DIST}"
import = "{IMPORT}"
version = "0.1.0"
spec = "specs/{KEY}/openapi.yaml"
env_prefix = "UPSTREAM_DEMO"
summary = "Typed Python SDK for demo runs"

[packages.{KEY}.upstream]
document = "{DOCUMENT}"
source = "demo/runs@0000000: openapi.json"
sha256 = "{hashlib.sha256(pinned).hexdigest()}"
overlay = "{OVERLAY}"

[packages.{KEY}.operations.runs]
get_run = "GET /runs/{{run_id}}"
list_runs = "GET /runs"
cancel_run = "POST /runs/{{run_id}}/cancel"
"""


def run(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "scripts/upstream.py", "--vendor", KEY, *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, **(env or {})},
    )


def snapshot(repo: Path) -> dict[str, str]:
    """sha256 of every file under specs/ and packages/, and of manifest.toml."""
    files = [repo / "manifest.toml", *(p for d in ("specs", "packages") for p in (repo / d).rglob("*") if p.is_file())]
    return {str(p.relative_to(repo)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository copy whose one vendor is generated from its pinned upstream document."""
    repo = tmp_path_factory.mktemp("upstream") / "repo"
    copy_repo(repo, COPIED)
    pinned = dumps(document_v1())
    (repo / DOCUMENT).parent.mkdir(parents=True)
    (repo / DOCUMENT).write_bytes(pinned)
    (repo / OVERLAY).write_text(OVERLAY_TEXT, encoding="utf-8")
    pins = tomllib.loads((ROOT / "manifest.toml").read_text(encoding="utf-8"))["generator"]
    (repo / "manifest.toml").write_text(manifest_text(pins, pinned), encoding="utf-8")
    # What `nox -s generate -- --vendor upstream_demo` runs.
    result = subprocess.run(
        [sys.executable, "scripts/regenerate.py", "--vendor", KEY],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (repo / "packages" / DIST / IMPORT / "__init__.py").is_file()
    return repo


@pytest.fixture
def repo(generated: Path, tmp_path: Path) -> Path:
    """A fresh copy of the generated repository for one test (each may write its pin)."""
    copied = tmp_path / "repo"
    shutil.copytree(generated, copied, ignore=shutil.ignore_patterns("__pycache__"))
    return copied


@dataclass
class Served:
    url: str
    requests: list[str]


@pytest.fixture
def server() -> Iterator[tuple[Served, dict[str, bytes]]]:
    """A local HTTP server answering the paths of a dict (filled by the test), recording each request."""
    routes: dict[str, bytes] = {}
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            body = routes.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{httpd.server_address[1]}", requests), routes
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def section(output: str, title: str) -> list[str]:
    """The indented lines under the heading `title` of the review."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    body = []
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        body.append(line.strip())
    return body


def test_a_changed_document_is_reviewed_then_pinned(repo: Path, tmp_path: Path) -> None:
    new = tmp_path / "openapi.json"
    new.write_bytes(dumps(document_changed()))
    before = snapshot(repo)

    result = run(repo, "--from", str(new))
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout

    get_run = section(out, "  runs.get_run (GET /runs/{run_id})")
    assert "response 200: data.priority: added (integer, optional)" in get_run
    assert "response 200: data.status: enum + [paused]" in get_run
    assert "response 200: data.flow.status: enum + [paused]" in get_run
    assert any(line.startswith("status + 404") for line in get_run)
    list_runs = section(out, "  runs.list_runs (GET /runs)")
    assert "parameter query limit: now required" in list_runs
    assert "response 200: data[].priority: added (integer, optional)" in list_runs
    assert section(out, "Selected operations that disappeared") == [
        'runs.cancel_run = "POST /runs/{run_id}/cancel": not in the new document'
    ]
    unmatched = section(out, "Overlay actions that stopped matching")
    assert len(unmatched) == 1
    assert unmatched[0].startswith(f"{OVERLAY}: #/actions/3 (target $.paths['/runs/{{run_id}}/cancel'].post)")
    assert "Cancelling answers with the run" in unmatched[0]
    assert section(out, "Overlay actions that hide a change the vendor made") == [
        f"{OVERLAY}: #/actions/2 (target $.components.schemas.Run.properties.started_at) replaces "
        "#/components/schemas/Run/properties/started_at/description, which the vendor changed: "
        "The vendor's description omits the time zone (the vendor's guide, \"Times\")"
    ]
    assert section(out, "New operations, not selected") == ["POST /runs (createRun)"]
    assert "Unselected operations the vendor removed: 1" in out
    # Nothing generates from this document until the overlay (its first refusal) and the selection change.
    kind = next(line for line in out.splitlines() if line.startswith("release kind:"))
    assert kind == f"release kind: none yet: {unmatched[0]}; fix the target or remove the action"
    # The review comes before the writing.
    assert out.index("release kind:") < out.index("wrote ")

    after = snapshot(repo)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed == {"manifest.toml", DOCUMENT}
    assert (repo / DOCUMENT).read_bytes() == new.read_bytes()
    pin = tomllib.loads((repo / "manifest.toml").read_text(encoding="utf-8"))["packages"][KEY]["upstream"]
    assert pin["sha256"] == hashlib.sha256(new.read_bytes()).hexdigest()
    assert pin["document"] == DOCUMENT
    assert pin["overlay"] == OVERLAY
    assert pin["source"].startswith("file openapi.json (sha256 ")
    assert f"nox -s generate -- --vendor {KEY}" in out


def test_the_url_form_against_a_local_server(repo: Path, server: tuple[Served, dict[str, bytes]]) -> None:
    served, routes = server
    body = dumps(document_compatible())
    routes["/openapi.json"] = body
    before = snapshot(repo)

    dry = run(repo, "--from", f"{served.url}/openapi.json", "--dry-run")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "dry run: nothing written" in dry.stdout
    assert snapshot(repo) == before

    source = "demo/runs@1111111: openapi.json"
    result = run(repo, "--from", f"{served.url}/openapi.json", "--source", source)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert served.requests == ["/openapi.json", "/openapi.json"]
    assert "response 200: data.priority: added (integer, optional)" in section(out, "  runs.get_run")
    assert "runs.cancel_run (POST /runs/{run_id}/cancel): 3 change(s)" in out  # the envelope: field, 2 enums
    assert "Selected operations that disappeared: none" in out
    assert "Overlay actions that stopped matching: none" in out
    assert "New operations, not selected (add them to the manifest's selection to generate them): none" in out
    # The package would gain a field and an enum member: a minor release, a patch before 1.0.
    assert "release kind: minor (0.x: patch)" in out
    assert f"{DIST} 0.1.0 -> 0.1.1 (minor; 0.x: patch): added " in out

    changed = {name for name, digest in snapshot(repo).items() if before.get(name) != digest}
    assert changed == {"manifest.toml", DOCUMENT}
    assert (repo / DOCUMENT).read_bytes() == body
    pin = tomllib.loads((repo / "manifest.toml").read_text(encoding="utf-8"))["packages"][KEY]["upstream"]
    assert pin["source"] == source
    assert pin["sha256"] == hashlib.sha256(body).hexdigest()


def test_a_yaml_document_replaces_the_json_one_under_its_own_extension(repo: Path, tmp_path: Path) -> None:
    new = tmp_path / "openapi.yaml"
    new.write_text(json.dumps(document_v1()), encoding="utf-8")  # JSON is YAML; the name says YAML
    result = run(repo, "--from", str(new))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "release kind: none (0.x: patch)" in result.stdout or "release kind: none" in result.stdout
    yaml_path = DOCUMENT.removesuffix(".json") + ".yaml"
    assert (repo / yaml_path).read_bytes() == new.read_bytes()
    assert not (repo / DOCUMENT).exists()
    pin = tomllib.loads((repo / "manifest.toml").read_text(encoding="utf-8"))["packages"][KEY]["upstream"]
    assert pin["document"] == yaml_path


def refused(repo: Path, result: subprocess.CompletedProcess[str], before: dict[str, str]) -> str:
    """The one line of a refusal, after checking it wrote nothing."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(repo) == before
    return lines[0]


def test_an_over_size_document_is_refused(repo: Path, tmp_path: Path) -> None:
    new = tmp_path / "openapi.json"
    new.write_bytes(dumps(document_compatible()))
    before = snapshot(repo)
    line = refused(repo, run(repo, "--from", str(new), env={"EXEC_SDKS_MAX_DOCUMENT_BYTES": "1000"}), before)
    assert f"{new}: the document is {new.stat().st_size:,} bytes, over the limit of 1,000" in line


def test_an_over_size_document_at_a_url_is_refused(repo: Path, server: tuple[Served, dict[str, bytes]]) -> None:
    served, routes = server
    routes["/openapi.json"] = dumps(document_compatible())
    before = snapshot(repo)
    result = run(repo, "--from", f"{served.url}/openapi.json", env={"EXEC_SDKS_MAX_DOCUMENT_BYTES": "1000"})
    assert "over the limit of 1,000" in refused(repo, result, before)


def test_an_alias_bomb_is_refused(repo: Path, tmp_path: Path) -> None:
    # Nine levels of nine aliases each: about 400 bytes that expand to 9**9 (387 million) nodes.
    levels = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    new = tmp_path / "openapi.yaml"
    new.write_text("openapi: 3.1.0\ninfo: {title: bomb, version: '1'}\npaths: {}\n" + "\n".join(levels) + "\n")
    assert new.stat().st_size < 1000
    before = snapshot(repo)
    line = refused(repo, run(repo, "--from", str(new)), before)
    assert f"{new}: its YAML aliases expand to more than" in line


def test_an_external_ref_over_the_network_is_never_followed(
    repo: Path, tmp_path: Path, server: tuple[Served, dict[str, bytes]]
) -> None:
    served, routes = server
    routes["/x.json"] = json.dumps({"X": {"type": "object"}}).encode()
    document = document_v1()
    external = {"$ref": f"{served.url}/x.json#/X"}
    document["paths"]["/runs/{run_id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = external
    new = tmp_path / "openapi.json"
    new.write_bytes(dumps(document))
    before = snapshot(repo)
    line = refused(repo, run(repo, "--from", str(new)), before)
    assert f"external $ref '{served.url}/x.json#/X'" in line
    assert "#/paths/~1runs~1{run_id}/get/responses/200/content/application~1json/schema" in line
    assert served.requests == []


def test_an_external_file_ref_is_never_opened(repo: Path, tmp_path: Path) -> None:
    document = document_v1()
    # Inside a component the selected operation reaches: found by following the document's own $refs.
    document["components"]["schemas"]["Run"]["properties"]["flow"] = {"$ref": "other.yaml#/X"}
    new = tmp_path / "openapi.json"
    new.write_bytes(dumps(document))
    os.mkfifo(tmp_path / "other.yaml")  # opening it for reading would block until the timeout
    before = snapshot(repo)
    line = refused(repo, run(repo, "--from", str(new)), before)
    assert line.startswith(f"error: {new}: #/components/schemas/Run/properties/flow: external $ref 'other.yaml#/X'")


def test_an_external_ref_no_selected_operation_reaches_is_pruned_not_refused(repo: Path, tmp_path: Path) -> None:
    document = document_compatible()
    document["paths"]["/admin/purge"]["delete"]["requestBody"] = {"$ref": "https://elsewhere.invalid/body.json"}
    new = tmp_path / "openapi.json"
    new.write_bytes(dumps(document))
    result = run(repo, "--from", str(new), "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "release kind: minor (0.x: patch)" in result.stdout


def test_an_unknown_vendor_and_a_missing_file_are_one_line(repo: Path, tmp_path: Path) -> None:
    before = snapshot(repo)
    missing = refused(repo, run(repo, "--from", str(tmp_path / "nothing.json")), before)
    assert f"{tmp_path / 'nothing.json'}: cannot read the document" in missing
    result = subprocess.run(
        [sys.executable, "scripts/upstream.py", "--vendor", "nobody", "--from", "x.json"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert "unknown vendor 'nobody'; known: upstream_demo" in refused(repo, result, before)


# -- the review's comparison on its own (no repository, no subprocess) ------------------------------


def _operation_with(body: dict[str, Any], response: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/jobs": {
                "post": {
                    "operationId": "createJob",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
                    "responses": {"200": _json(response)},
                }
            }
        },
        "components": {
            "schemas": {"Node": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Node"}}}}
        },
    }


def test_the_review_walks_all_of_one_of_nullable_and_recursive_schemas() -> None:
    from generator.review import review

    old_body = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    new_body = {"type": "object", "properties": {"name": {"type": "string", "nullable": True}}}
    old_response = {
        "allOf": [
            {"$ref": "#/components/schemas/Node"},
            {"type": "object", "properties": {"kind": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}},
        ]
    }
    new_response = {
        "allOf": [
            {"$ref": "#/components/schemas/Node"},
            {
                "type": "object",
                "properties": {"kind": {"type": "string", "format": "uuid"}, "size": {"type": "number"}},
            },
        ]
    }
    result = review(
        "demo",
        _operation_with(old_body, old_response),
        _operation_with(new_body, new_response),
        None,
        {"jobs": {"create_job": "POST /jobs"}},
        before="old",
        after="new",
    )
    [(name, selector, changes)] = result.operations
    assert (name, selector) == ("jobs.create_job", "POST /jobs")
    assert changes == [
        "request body: name: now nullable",
        "request body: name: now optional",
        "response 200: size: added (number, optional)",
        "response 200: kind: type integer|string -> string",
        "response 200: kind: format (none) -> uuid",
    ]


def test_without_a_selection_every_new_operation_is_named_as_generated() -> None:
    from generator.review import review

    result = review("demo", document_v1(), document_changed(), None, {}, before="old", after="new")
    lines = result.lines()
    assert "Operations (no selection: every one is generated):" in lines
    assert lines[lines.index("Operations that disappeared:") + 1 :][:2] == [
        '  cancelRun = "POST /runs/{run_id}/cancel": not in the new document',
        '  purgeAll = "DELETE /admin/purge": not in the new document',
    ]
    assert "  POST /runs (createRun)" in lines
