"""`<package>.testing.FakeAPI`, tested against the real package: the lifecycle it scripts, the
faults it injects, virtual time, its answers checked against the spec, `serve()` over a real
socket (the CLI included), the pytest plugin, and the README's "Testing your code" example.
Every vendor, sync and async where the package has both.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx2
import pytest
from conftest import VENDORS

from support import built
from support.schemas import resolve, validator_for
from support.vendors import MISSING, ROOT, Vendor, parameter_name, python_name

# A generous bound on the wall time of runs that would take minutes in real time.
WALL = 5.0


def fake_module(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}.testing")


def wait_module(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}.wait")


def constants(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}._constants")


def execution_id(vendor: Vendor) -> Any:
    """An id as ids really look (with `/` and `:` where the id is a string: one encoded segment)."""
    return 7 if vendor.id_is_integer else "wf-01/exec:1"


def finished(vendor: Vendor) -> tuple[str, dict[str, Any]]:
    """(status, fields) of a run that ended well: a success status, else a `done` status with a
    successful outcome (set through `fields` when the outcome sits in the execution object)."""
    if vendor.success_statuses:
        return vendor.success_statuses[0], {}
    prefix = vendor.status_path[:-1]
    assert vendor.terminal_sets["done"] and vendor.outcome_path[: len(prefix)] == prefix, vendor
    outcome = ".".join(vendor.outcome_path[len(prefix) :])
    return vendor.terminal_sets["done"][0], {outcome: vendor.outcome_sets["success"][0]}


def intervals(vendor: Vendor, count: int) -> list[float]:
    """The wait helper's first `count` pauses with the default intervals."""
    c = constants(vendor)
    found, interval = [], c.DEFAULT_POLL_INTERVAL
    for _ in range(count):
        found.append(interval)
        interval = min(interval * c.POLL_BACKOFF_FACTOR, c.DEFAULT_MAX_POLL_INTERVAL)
    return found


async def wait(vendor: Vendor, mode: str, client: Any, ident: Any, **kwargs: Any) -> Any:
    module = wait_module(vendor)
    call = vendor.call_kwargs(ident)
    if mode == "sync":
        return module.wait_for_execution(client=client, **call, **kwargs)
    return await module.wait_for_execution_async(client=client, **call, **kwargs)


async def fetch(vendor: Vendor, mode: str, client: Any, ident: Any) -> Any:
    """One call of the polled operation (the model, or the typed error)."""
    if mode == "sync":
        return vendor.endpoint.sync(client=client, **vendor.call_kwargs(ident))
    return await vendor.endpoint.asyncio(client=client, **vendor.call_kwargs(ident))


def body_status(vendor: Vendor, body: Any) -> Any:
    for key in vendor.status_path:
        body = body[key]
    return body


# --- the lifecycle and virtual time -----------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_scripted_lifecycle_ends_at_once(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    ident = execution_id(vendor)
    status, fields = finished(vendor)
    fake.add_execution(ident, statuses=[vendor.running_status, vendor.running_status, status], **fields)
    changes: list[tuple[Any, Any]] = []
    started = time.perf_counter()
    result = await wait(
        vendor, mode, fake.client(), ident, on_status_change=lambda old, new, _: changes.append((old, new))
    )
    assert time.perf_counter() - started < WALL
    assert result.status == status and result.succeeded and not result.failed
    assert result.polls == 3 and len(fake.requests) == 3
    assert changes == [(None, vendor.running_status), (vendor.running_status, status)]
    assert fake.elapsed == pytest.approx(sum(intervals(vendor, 2)))
    first = fake.requests[0]
    assert first.method == vendor.method.upper()
    assert first.path == vendor.expected_path(ident)  # the id sent as one percent-encoded segment
    assert first.path_params[vendor.id_param] == str(ident)
    assert first.query == {**vendor.query_params(), **vendor.auth_query(fake.credentials[vendor.credential_param])}
    # The id is in the body where the spec says, and the last status repeats.
    again = await fetch(vendor, mode, fake.client(), ident)
    assert wait_module(vendor).execution_status(again) == status


@pytest.mark.asyncio
async def test_ten_polls_with_the_default_intervals_take_virtual_time_only(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    status, fields = finished(vendor)
    ident = execution_id(vendor)
    fake.add_execution(ident, statuses=[vendor.running_status] * 9 + [status], **fields)
    started = time.perf_counter()
    result = await wait(vendor, mode, fake.client(), ident, timeout=600)
    wall = time.perf_counter() - started
    assert result.polls == 10 and result.succeeded
    # Virtual time is exactly the nine pauses; the wall clock saw none of them.
    assert fake.elapsed == pytest.approx(sum(intervals(vendor, 9)))
    assert result.elapsed == pytest.approx(fake.elapsed)
    assert wall < WALL < fake.elapsed


@pytest.mark.asyncio
async def test_the_deadline_passes_in_virtual_time(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    ident = execution_id(vendor)
    fake.add_execution(ident, statuses=[vendor.running_status])
    started = time.perf_counter()
    with pytest.raises(vendor.errors.WaitTimeoutError) as caught:
        await wait(vendor, mode, fake.client(), ident, timeout=600)
    assert time.perf_counter() - started < WALL
    assert fake.elapsed == pytest.approx(600)
    assert caught.value.elapsed == pytest.approx(600)
    assert caught.value.last_status == vendor.running_status
    assert caught.value.polls == len(fake.requests) > 10


@pytest.mark.asyncio
async def test_503_twice_then_success_retries_in_virtual_time(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    ident = execution_id(vendor)
    fake.add_execution(ident, statuses=[vendor.running_status])
    fake.inject(503, times=2)
    execution = await fetch(vendor, mode, fake.client(), ident)
    assert wait_module(vendor).execution_status(execution) == vendor.running_status
    assert len(fake.requests) == 3
    c = constants(vendor)
    low = c.INITIAL_RETRY_DELAY * (1 - c.RETRY_JITTER) * 3  # backoff 0.5 then 1.0, jittered
    assert low <= fake.elapsed <= c.INITIAL_RETRY_DELAY * 3


@pytest.mark.asyncio
async def test_a_429_retry_after_is_honoured_in_virtual_time(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    ident = execution_id(vendor)
    status, fields = finished(vendor)
    fake.add_execution(ident, statuses=[status], **fields)
    fake.inject(429, headers={"Retry-After": "5"})
    started = time.perf_counter()
    result = await wait(vendor, mode, fake.client(), ident, timeout=600)
    assert time.perf_counter() - started < WALL
    assert result.status == status and len(fake.requests) == 2
    assert fake.elapsed == 5.0
    assert fake.requests[1].time == 5.0


# --- faults and errors ----------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_injected_faults_raise_the_typed_errors(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    ident = execution_id(vendor)
    fake.add_execution(ident, statuses=[vendor.running_status])
    client = fake.client(max_retries=0)
    errors = vendor.errors
    fake.inject_timeout()
    with pytest.raises(errors.APITimeoutError):
        await fetch(vendor, mode, client, ident)
    # A timeout lasts as long as the read timeout allowed, in virtual time.
    assert fake.elapsed == pytest.approx(constants(vendor).DEFAULT_READ_TIMEOUT)
    fake.inject_connection_error()
    with pytest.raises(errors.APIConnectionError) as refused:
        await fetch(vendor, mode, client, ident)
    assert not isinstance(refused.value, errors.APITimeoutError)
    fake.inject_malformed()
    with pytest.raises(errors.APIResponseValidationError):
        await fetch(vendor, mode, client, ident)
    fake.inject(500, times=1)
    with pytest.raises(errors.InternalServerError) as failed:
        await fetch(vendor, mode, client, ident)
    documented = vendor.documented_response(500)
    if documented is not None and vendor.response_example(documented) is not MISSING:
        assert failed.value.body == vendor.response_example(documented)
    fake.inject(418, body={"custom": True}, headers={"x-request-id": "req-1"})
    with pytest.raises(errors.APIStatusError) as custom:
        await fetch(vendor, mode, client, ident)
    assert custom.value.body == {"custom": True} and custom.value.request_id == "req-1"
    # Every fault used up: the execution answers again; the default client retries a fault away.
    await fetch(vendor, mode, client, ident)
    fake.inject_timeout()
    fake.inject_connection_error()
    await fetch(vendor, mode, fake.client(), ident)
    assert len(fake.requests) == 9


@pytest.mark.asyncio
async def test_an_unknown_id_answers_the_documented_404(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    with pytest.raises(vendor.errors.NotFoundError) as caught:
        await fetch(vendor, mode, fake.client(), execution_id(vendor))
    documented = vendor.documented_response(404)
    if documented is not None and vendor.response_example(documented) is not MISSING:
        assert caught.value.body == vendor.response_example(documented)
        schema = vendor.response_schema(documented)
        if schema is not None and "$ref" in schema:
            assert isinstance(caught.value.parsed, vendor.model_class(schema["$ref"]))


@pytest.mark.asyncio
async def test_a_request_without_the_credential_answers_401(vendor: Vendor, mode: str) -> None:
    fake = fake_module(vendor).FakeAPI()
    ident = execution_id(vendor)
    fake.add_execution(ident, statuses=[vendor.running_status])
    with pytest.raises(vendor.errors.AuthenticationError) as caught:
        await fetch(vendor, mode, fake.client(**{vendor.credential_param: "not-the-fake-credential"}), ident)
    documented = vendor.documented_response(401)
    if documented is not None and vendor.response_example(documented) is not MISSING:
        assert caught.value.body == vendor.response_example(documented)
    # No credential at all, straight through the transport.
    with httpx2.Client(transport=fake.transport, base_url=fake.base_url) as raw:
        answer = raw.get(vendor.expected_path(ident), params=vendor.query_params())
    assert answer.status_code == 401
    # The right one: answered.
    assert vendor.credential_param in fake.credentials
    await fetch(vendor, mode, fake.client(), ident)


def test_required_query_parameters_are_checked(vendor: Vendor) -> None:
    fake = fake_module(vendor).FakeAPI()
    fake.add_execution(execution_id(vendor), statuses=[vendor.running_status])
    credential = fake.credentials[vendor.credential_param]
    headers, auth = vendor.auth_headers(credential), vendor.auth_query(credential)
    with httpx2.Client(transport=fake.transport, base_url=fake.base_url, headers=headers) as raw:
        path = vendor.expected_path(execution_id(vendor))
        assert raw.get(path, params={**vendor.query_params(), **auth}).status_code == 200
        answer = raw.get(path, params=auth)
    # Without its required query parameters the request is refused (422 where the spec documents one).
    expected = {200} if not vendor.query_params() else {422} if "422" in vendor.responses else {400}
    assert answer.status_code in expected


def wrong_value(vendor: Vendor, schema: dict[str, Any]) -> Any:
    """A JSON value of a type the schema does not allow, or MISSING when it allows any."""
    schema = resolve(vendor.spec, schema)
    members = [resolve(vendor.spec, m) for m in schema.get("anyOf", []) + schema.get("oneOf", [])] or [schema]
    kinds: set[str] = set()
    for member in members:
        kind = member.get("type")
        kinds |= set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else {"any"}
    if "any" in kinds:
        return MISSING
    for candidate, kind in (([1, 2], "array"), ({"x": 1}, "object"), ("text", "string"), (True, "boolean")):
        if kind not in kinds and not (kind == "string" and "enum" in schema):
            return candidate
    return MISSING


def test_a_field_that_does_not_decode_is_refused_naming_it(vendor: Vendor) -> None:
    fake = fake_module(vendor).FakeAPI()
    parent = resolve(vendor.spec, vendor.success_schema)
    for key in vendor.status_path[:-1]:
        parent = resolve(vendor.spec, parent["properties"][key])
    skip = {vendor.status_path[-1], vendor.id_path[-1]}
    candidates = [
        (name, value)
        for name, schema in parent.get("properties", {}).items()
        if name not in skip and (value := wrong_value(vendor, schema)) is not MISSING
    ]
    assert candidates, f"{vendor.name}: no field of the execution object has a type to violate"
    name, value = candidates[0]
    for key in (name, python_name(name)):  # the spec's name and the Python one both work
        with pytest.raises(ValueError, match=re.escape(repr(key))):
            fake.add_execution("bad", statuses=[vendor.running_status], **{key: value})
    with pytest.raises(ValueError, match="statuses"):
        fake.add_execution("bad", statuses=[])
    # Nothing was added: the id is still unknown.
    credential = fake.credentials[vendor.credential_param]
    with httpx2.Client(transport=fake.transport, base_url=fake.base_url) as raw:
        params = {**vendor.query_params(), **vendor.auth_query(credential)}
        answer = raw.get(vendor.expected_path("bad"), params=params, headers=vendor.auth_headers(credential))
    assert answer.status_code == 404


def test_fields_are_applied_to_the_execution_object(vendor: Vendor) -> None:
    fake = fake_module(vendor).FakeAPI()
    parent = resolve(vendor.spec, vendor.success_schema)
    for key in vendor.status_path[:-1]:
        parent = resolve(vendor.spec, parent["properties"][key])
    strings = [
        name
        for name, schema in parent.get("properties", {}).items()
        if resolve(vendor.spec, schema).get("type") in ("string", ["string", "null"])
        and "format" not in resolve(vendor.spec, schema)
        and "enum" not in resolve(vendor.spec, schema)
        and name not in (vendor.status_path[-1], vendor.id_path[-1])
    ]
    if not strings:
        return
    ident = execution_id(vendor)
    fake.add_execution(ident, statuses=[vendor.running_status], **{python_name(strings[0]): "set-by-test"})
    credential = fake.credentials[vendor.credential_param]
    params = {**vendor.query_params(), **vendor.auth_query(credential)}
    with httpx2.Client(
        transport=fake.transport, base_url=fake.base_url, headers=vendor.auth_headers(credential)
    ) as raw:
        body = raw.get(vendor.expected_path(ident), params=params).json()
    node = body
    for key in vendor.status_path[:-1]:
        node = node[key]
    assert node[strings[0]] == "set-by-test"


# --- the fake's answers follow the spec -------------------------------------------------------------


def test_every_answer_validates_against_the_spec(vendor: Vendor) -> None:
    """The success body for every known status, the 401 and 404 answers and every documented
    error status injected: each validates against its documented schema."""
    fake = fake_module(vendor).FakeAPI()
    ident = execution_id(vendor)
    known = [str(s) for s in (vendor.status_enum or {}).get("enum", []) if s is not None]
    statuses = known or [vendor.running_status, *vendor.success_statuses, *vendor.failure_statuses]
    fake.add_execution(ident, statuses=statuses)
    credential = fake.credentials[vendor.credential_param]
    checked: list[int] = []

    def check(answer: httpx2.Response) -> None:
        key = vendor.success_status if answer.is_success else vendor.documented_response(answer.status_code)
        schema = vendor.response_schema(key or "") if key else None
        if schema is not None:
            errors = sorted(validator_for(vendor.spec, schema).iter_errors(answer.json()), key=str)
            assert not errors, f"{vendor.name}: {answer.status_code}: {errors[0].message} at {list(errors[0].path)}"
            checked.append(answer.status_code)

    with httpx2.Client(
        transport=fake.transport, base_url=fake.base_url, headers=vendor.auth_headers(credential)
    ) as raw:
        url, query = vendor.expected_path(ident), {**vendor.query_params(), **vendor.auth_query(credential)}
        seen = []
        for _ in statuses:
            answer = raw.get(url, params=query)
            seen.append(str(body_status(vendor, answer.json())))
            check(answer)
        assert seen == statuses
        check(raw.get(vendor.expected_path("unknown"), params=query))
        wrong_key = {**query, **vendor.auth_query("wrong")}
        check(raw.get(url, params=wrong_key, headers={name: "wrong" for name in vendor.auth_headers(credential)}))
        for key in vendor.responses:
            if key[0] in "45" and key[1:].isdigit():
                fake.inject(int(key))
                answer = raw.get(url, params=query)
                assert answer.status_code == int(key)
                check(answer)
    assert len(checked) >= len(statuses)


# --- a real socket, the CLI, the plugin, the README ---------------------------------------------------


def test_serve_answers_over_a_real_socket_and_to_the_cli(vendor: Vendor) -> None:
    fake = fake_module(vendor).FakeAPI()
    ident = execution_id(vendor)
    status, fields = finished(vendor)
    fake.add_execution(ident, statuses=[status], **fields)
    facts = importlib.import_module(f"{vendor.import_name}._vendor")
    with fake.serve() as url:
        assert url.startswith("http://127.0.0.1:")
        # A client the code under test builds itself: real time, real socket.
        with vendor.client(url, fake.credentials[vendor.credential_param]) as client:
            execution = vendor.endpoint.sync(client=client, **vendor.call_kwargs(ident))
            assert wait_module(vendor).execution_status(execution) == status
            fake.inject_connection_error()
            with pytest.raises(vendor.errors.APIConnectionError):
                vendor.endpoint.sync(client=client.with_options(max_retries=0), **vendor.call_kwargs(ident))
        env = {k: v for k, v in os.environ.items() if not k.startswith(vendor.env_prefix + "_")}
        env[facts.ENV_CREDENTIAL] = fake.credentials[vendor.credential_param]
        env[facts.ENV_BASE_URL] = url
        args = [str(value) for value in vendor.path_params(ident).values()]
        for name, value in vendor.query_params().items():
            args += ["--" + parameter_name(name).replace("_", "-"), value]
        cli = str(Path(sys.executable).parent / vendor.dist)
        result = subprocess.run([cli, "get", *args, "--json"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert body_status(vendor, json.loads(result.stdout)) == status
    assert [r.path for r in fake.requests][-1] == vendor.expected_path(ident)
    assert len(fake.requests) == 3


PLUGIN_TEST = """
def test_fixture({fixture}):
    from {pkg}.testing import FakeAPI
    assert isinstance({fixture}, FakeAPI)
    {fixture}.add_execution({ident!r}, statuses=[{status!r}])
    client = {fixture}.client()
    assert {fixture}.requests == []
"""


def test_the_pytest_plugin_provides_the_fixture(vendor: Vendor, tmp_path: Path) -> None:
    fixture = f"fake_{python_name(vendor.name)}"
    test_file = tmp_path / "test_plugin.py"
    test_file.write_text(
        PLUGIN_TEST.format(
            fixture=fixture, pkg=vendor.import_name, ident=execution_id(vendor), status=vendor.running_status
        )
    )
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"]
    plugin = [*command, "-p", f"{vendor.import_name}.testing", str(test_file)]
    result = subprocess.run(plugin, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    # Not auto-loaded: without -p the fixture does not exist.
    result = subprocess.run([*command, str(test_file)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and f"fixture '{fixture}' not found" in result.stdout


def test_importing_the_package_does_not_import_the_testing_module(vendor: Vendor) -> None:
    code = (
        f"import sys, {vendor.import_name}\n"
        f"from {vendor.import_name} import AuthenticatedClient, wait_for_execution\n"
        f"assert '{vendor.import_name}.testing' not in sys.modules\n"
        f"import {vendor.import_name}.testing\n"
        "assert 'pytest' not in sys.modules, 'the testing module imported pytest outside pytest'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


BLOCK = re.compile(r"## Testing your code\n.*?```python\n(.*?)```", re.DOTALL)


def test_the_readme_testing_example_runs(vendor: Vendor, tmp_path: Path) -> None:
    readme = (ROOT / "packages" / vendor.dist / "README.md").read_text(encoding="utf-8")
    found = BLOCK.search(readme)
    assert found, f"{vendor.dist}'s README has no 'Testing your code' example"
    (tmp_path / "test_readme_example.py").write_text(found.group(1), encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"]
    command += ["-p", f"{vendor.import_name}.testing", "test_readme_example.py"]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b3 passed\b", result.stdout), result.stdout
    assert time.perf_counter() - started < 60  # the Retry-After and the polls took no real time


# --- a spec with no examples at all, an integer id and a range-documented error ------------------------

HELD_OUT = """
import asyncio, uuid
from {name}.testing import FakeAPI
from {name} import NotFoundError, wait_for_execution_async
from {name}.api.runs import get_run

fake = FakeAPI()
fake.add_execution(5, statuses=["queued", "running", "succeeded"])
workspace = uuid.UUID(int=1)
result = asyncio.run(wait_for_execution_async(5, client=fake.client(), workspace_id=workspace, timeout=600))
assert result.succeeded and result.execution.id == 5 and fake.elapsed == 3.0, (result, fake.elapsed)
assert fake.requests[0].query == {{"workspace_id": str(workspace)}}, fake.requests[0]
try:
    get_run.sync(6, client=fake.client(), workspace_id=workspace)
except NotFoundError as exc:
    assert isinstance(exc.body, dict), exc.body  # built from the documented schema
else:
    raise AssertionError("no 404")
try:
    fake.add_execution("not-an-integer", statuses=["queued"])
except ValueError as exc:
    assert "not-an-integer" in str(exc), exc
else:
    raise AssertionError("an id the model does not decode was accepted")
print("ok")
"""


def test_a_spec_without_examples_is_served_from_its_schemas() -> None:
    """The corpus spec with an integer path id, a required UUID query parameter, no example at all:
    bodies are built from the schemas' required fields, and the id is sent back as an integer."""
    directory, name, _ = built.typed_errors()
    env = {**os.environ, "PYTHONPATH": str(directory)}
    result = subprocess.run(
        [sys.executable, "-c", HELD_OUT.format(name=name)], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stdout + result.stderr


def test_only_the_fakes_clients_use_virtual_time(vendor: Vendor) -> None:
    """A client built the usual way, even on the fake's transport, sleeps for real; a
    `with_options` copy of the fake's client keeps the virtual clock."""
    fake = fake_module(vendor).FakeAPI()
    ident = execution_id(vendor)
    fake.add_execution(ident, statuses=[vendor.running_status])
    fake.inject(429, headers={"Retry-After": "0.3"})
    credential = fake.credentials[vendor.credential_param]
    with vendor.client(fake.base_url, credential, httpx_args={"transport": fake.transport}) as real:
        started = time.perf_counter()
        vendor.endpoint.sync(client=real, **vendor.call_kwargs(ident))
        assert time.perf_counter() - started >= 0.3
    assert fake.elapsed == 0.0
    fake.inject(429, headers={"Retry-After": "7"})
    started = time.perf_counter()
    vendor.endpoint.sync(client=fake.client().with_options(max_retries=1), **vendor.call_kwargs(ident))
    assert time.perf_counter() - started < WALL < fake.elapsed == 7.0


# --- HTTP basic auth: the fake checks base64("<username>:<password>"), as a server does ----------------

BASIC_AUTH_SPEC = ROOT / "tests" / "corpus" / "sec_http_basic.yaml"
BASIC_AUTH = """
import base64
from {name}.testing import FakeAPI
from {name} import AuthenticationError, wait_for_execution
from {name}.api.default import get_run

fake = FakeAPI()
fake.add_execution("r1", statuses=["running", "done"])
result = wait_for_execution("r1", client=fake.client())
assert result.succeeded and result.polls == 2, result
sent = fake.requests[0].headers["authorization"]
assert sent == "Basic " + base64.b64encode(b"fake-username:fake-password").decode(), sent

fake = FakeAPI(credentials={{"username": "ada", "password": "s3cret:x"}})
fake.add_execution("r1", statuses=["done"])
assert wait_for_execution("r1", client=fake.client()).succeeded
for wrong in ({{"password": "other"}}, {{"username": "bob"}}):
    try:
        get_run.sync("r1", client=fake.client(**wrong))
    except AuthenticationError:
        pass
    else:
        raise AssertionError(f"{{wrong}} was let in")
print("ok")
"""


def test_http_basic_auth_is_checked_as_base64_of_username_and_password() -> None:
    """tests/corpus/sec_http_basic.yaml: `FakeAPI().client()` builds (it has both the username and
    the password), the fake lets in only `Basic base64(username:password)` of its credentials."""
    directory = built.build(BASIC_AUTH_SPEC, "basic_auth_exec")
    env = {**os.environ, "PYTHONPATH": str(directory)}
    result = subprocess.run(
        [sys.executable, "-c", BASIC_AUTH.format(name="basic_auth_exec")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stdout + result.stderr


# --- `python -m <package>.testing serve`, and `fake.client(...)`'s options --------------------------------


def read_lines(process: subprocess.Popen[str], count: int, bound: float) -> list[str]:
    """The first `count` lines of the process's stdout, waiting at most `bound` real seconds."""
    found: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            found.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    lines: list[str] = []
    deadline = time.monotonic() + bound
    while len(lines) < count:
        try:
            lines.append(found.get(timeout=max(0.01, deadline - time.monotonic())))
        except queue.Empty:
            raise AssertionError(f"only {lines} within {bound} s") from None
    return lines


def test_the_serve_command_prints_its_url_and_credential(vendor: Vendor) -> None:
    """`python -m <package>.testing serve` in a subprocess: it prints the base URL and the lines
    that point the package's environment at it, credential included, and answers a real client
    there, scripted executions included; SIGTERM ends it."""
    ident = execution_id(vendor)
    command = [sys.executable, "-m", f"{vendor.import_name}.testing", "serve"]
    command += ["--execution", f"{ident}={vendor.running_status}", "--credential", f"{vendor.credential_param}=s3cret"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(vendor.env_prefix + "_")}
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env) as process:
        try:
            serve_and_stop(vendor, process, ident)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
    assert process.returncode == -signal.SIGTERM


def serve_and_stop(vendor: Vendor, process: subprocess.Popen[str], ident: Any) -> None:
    facts = importlib.import_module(f"{vendor.import_name}._vendor")
    lines = read_lines(process, 2 + len(facts.ENV_CREDENTIALS), bound=60)
    url = re.search(r"on (http://127\.0\.0\.1:\d+\S*)$", lines[0])
    assert url, lines
    exports = dict(line.removeprefix("export ").split("=", 1) for line in lines[1:])
    assert exports[facts.ENV_BASE_URL] == url.group(1)
    assert exports[facts.ENV_CREDENTIALS[vendor.credential_param]] == "s3cret"
    with vendor.client(url.group(1), "s3cret") as client:
        execution = vendor.endpoint.sync(client=client, **vendor.call_kwargs(ident))
        assert wait_module(vendor).execution_status(execution) == vendor.running_status
    with vendor.client(url.group(1), "wrong") as wrong, pytest.raises(vendor.errors.AuthenticationError):
        vendor.endpoint.sync(client=wrong, **vendor.call_kwargs(ident))
    process.terminate()
    process.wait(timeout=30)


def test_the_serve_command_refuses_bad_arguments_in_one_line(vendor: Vendor) -> None:
    command = [sys.executable, "-m", f"{vendor.import_name}.testing", "serve", "--credential", "no-equals-sign"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--credential takes NAME=VALUE" in result.stderr
    result = subprocess.run([*command[:-2], "--credential", "nonsense=x"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "unknown credential parameter" in result.stderr


def test_client_takes_the_client_constructors_options(vendor: Vendor) -> None:
    """`fake.client(...)` has the constructor's parameters, names and types (a new client option
    appears in both), and forwards them."""
    fake = fake_module(vendor).FakeAPI()
    constructor = importlib.import_module(f"{vendor.import_name}.client").AuthenticatedClient
    assert inspect.signature(fake.client).parameters == inspect.signature(constructor).parameters
    assert inspect.signature(fake.client).return_annotation in (constructor, "AuthenticatedClient")
    client = fake.client(max_retries=0, headers={"x-test": "1"})
    assert client.max_retries == 0 and client.base_url == fake.base_url
    ident = execution_id(vendor)
    fake.add_execution(ident, statuses=[vendor.running_status])
    vendor.endpoint.sync(client=client, **vendor.call_kwargs(ident))
    assert fake.requests[-1].headers["x-test"] == "1"
    with pytest.raises(TypeError):
        fake.client(no_such_option=1)


TYPED_OPTIONS = """
from {pkg}.testing import FakeAPI

fake = FakeAPI()
fake.client(max_retries=0, timeout=5.0)
fake.client(max_retries="none")
fake.client(no_such_option=1)
"""


@pytest.mark.parametrize("vendor", VENDORS[:1], ids=[v.name for v in VENDORS[:1]])
def test_a_type_checker_sees_the_client_options(vendor: Vendor, tmp_path: Path) -> None:
    """mypy --strict checks `fake.client(...)` against the client constructor's parameters: a
    wrong type and an unknown option are errors, the right ones are not (one vendor: the
    signature is the same code in every package)."""
    (tmp_path / "check.py").write_text(TYPED_OPTIONS.format(pkg=vendor.import_name), encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), "check.py"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["6", "7"], result.stdout + result.stderr
    assert '"max_retries"' in errors[0] and "no_such_option" in errors[1]
