"""How operations are sent and retried, over real sockets on 127.0.0.1, sync and async.

Two levels:
- the runtime (`BaseClient._request` of each installed vendor package, driven directly):
  the retry policies "always", "keyed" and "unsent", JSON bodies, and the keywords the
  generated `_get_kwargs` hands it;
- generated operation modules (corpus specs built with the pipeline): one idempotency key
  per call, the same on every retry; a caller's key wins; bodies sent as JSON with their
  media type; several 2xx answers, ranges and `default` decoded as documented.
"""

from __future__ import annotations

import importlib
import inspect
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from http.server import BaseHTTPRequestHandler
from types import ModuleType
from typing import Any, cast

import httpx2
import pytest

from support.calls import TLS
from support.process import free_port
from support.scripted import Reply, ScriptedServer, Stall, Step
from support.vendors import ROOT, Vendor

KEY_HEADER = "idempotency-key"


class Server(ScriptedServer):
    """ScriptedServer that answers every method, not only GET, and keeps each request's body."""

    def __init__(self, script: Sequence[Step]) -> None:
        super().__init__(script)
        self.bodies: list[bytes] = []
        handler = cast(Any, self._httpd.RequestHandlerClass)
        answer = handler.do_GET

        def read_body_then_answer(request: BaseHTTPRequestHandler) -> None:
            length = int(request.headers.get("Content-Length") or 0)
            self.bodies.append(request.rfile.read(length))
            answer(request)

        for method in ("POST", "PUT", "PATCH", "DELETE"):
            setattr(handler, f"do_{method}", read_body_then_answer)

    def __enter__(self) -> Server:
        super().__enter__()
        return self


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff from 10 ms in every runtime loaded (vendor packages and corpus builds)."""
    for name, module in list(sys.modules.items()):
        if name.endswith("._constants") and hasattr(module, "INITIAL_RETRY_DELAY"):
            monkeypatch.setattr(module, "INITIAL_RETRY_DELAY", 0.01)


def runtime(vendor: Vendor, module: str) -> ModuleType:
    return importlib.import_module(f"{vendor.import_name}.{module}")


def plain_client(vendor: Vendor, url: str, **kwargs: Any) -> Any:
    """The vendor's BaseClient with no security schemes: only the request policy is under test."""
    base = runtime(vendor, "_base_client")
    return base.BaseClient(
        base_url=url, schemes={}, credentials={}, user_agent="policy-test/0", verify_ssl=TLS, **kwargs
    )


async def send(client: Any, mode: str, **kwargs: Any) -> httpx2.Response:
    if mode == "sync":
        response: httpx2.Response = client._request(**kwargs)
    else:
        response = await client._arequest(**kwargs)
    return response


async def close(client: Any) -> None:
    client.close()
    await client.aclose()


def retry_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("Retrying")]


# --- the runtime: "unsent" (POST/PATCH without an idempotency key) ------------------------------


@pytest.mark.asyncio
async def test_unsent_returns_an_answer_without_retrying(vendor: Vendor, mode: str) -> None:
    with Server([Reply(503, {"error": "unavailable"}), Reply(200, {})]) as server:
        client = plain_client(vendor, server.url)
        try:
            response = await send(client, mode, method="POST", url="/runs", json={"a": 1}, retry="unsent")
        finally:
            await close(client)
    assert response.status_code == 503
    assert len(server.requests) == 1
    assert [json.loads(body) for body in server.bodies] == [{"a": 1}]
    assert server.requests[0].headers["content-type"] == "application/json"


@pytest.mark.asyncio
async def test_always_retries_the_same_answer(vendor: Vendor, mode: str) -> None:
    """The contrast: a GET (policy "always") is retried on 503 until it succeeds."""
    with Server([Reply(503), Reply(503), Reply(200, {})]) as server:
        client = plain_client(vendor, server.url)
        try:
            response = await send(client, mode, method="GET", url="/runs/1", retry="always")
        finally:
            await close(client)
    assert response.status_code == 200
    assert len(server.requests) == 3


@pytest.mark.asyncio
async def test_unsent_retries_a_refused_connection(vendor: Vendor, mode: str, caplog: pytest.LogCaptureFixture) -> None:
    """Nothing listens on the port: the request never left, so it is retried, then reported."""
    caplog.set_level(logging.DEBUG, logger=vendor.import_name)
    client = plain_client(vendor, f"http://127.0.0.1:{free_port()}", max_retries=2)
    try:
        with pytest.raises(vendor.errors.APIConnectionError) as caught:
            await send(client, mode, method="POST", url="/runs", json={"a": 1}, retry="unsent")
    finally:
        await close(client)
    assert not isinstance(caught.value, vendor.errors.APITimeoutError)
    lines = retry_lines(caplog)
    assert len(lines) == 2
    assert all(line.endswith("after ConnectError") for line in lines)


@pytest.mark.asyncio
@pytest.mark.parametrize(("policy", "attempts"), [("unsent", 1), ("keyed", 3), ("always", 3)])
async def test_read_timeout_is_retried_only_when_repeating_is_safe(
    vendor: Vendor, mode: str, policy: str, attempts: int
) -> None:
    """The server got the request and may act on it: "unsent" never sends it again."""
    with Server([Stall(10.0)]) as server:
        client = plain_client(vendor, server.url, max_retries=2, timeout=httpx2.Timeout(0.2))
        try:
            with pytest.raises(vendor.errors.APITimeoutError):
                await send(client, mode, method="POST", url="/runs", json={}, retry=policy)
        finally:
            await close(client)
        assert len(server.requests) == attempts


@pytest.mark.asyncio
async def test_keyed_retries_with_the_same_key(vendor: Vendor, mode: str) -> None:
    with Server([Reply(503), Reply(503), Reply(200, {})]) as server:
        client = plain_client(vendor, server.url)
        try:
            response = await send(
                client, mode, method="POST", url="/runs", json={}, headers={"Idempotency-Key": "k-1"}, retry="keyed"
            )
        finally:
            await close(client)
    assert response.status_code == 200
    assert [seen.headers[KEY_HEADER] for seen in server.requests] == ["k-1", "k-1", "k-1"]


def test_retry_decisions_are_pure_functions(vendor: Vendor) -> None:
    retry = runtime(vendor, "_retry")
    request = httpx2.Request("POST", "http://127.0.0.1/")
    for policy in ("always", "keyed"):
        assert retry.should_retry_response(503, policy)
        assert retry.should_retry_error(httpx2.ReadTimeout("t", request=request), policy)
    assert not retry.should_retry_response(503, "unsent")
    assert not retry.should_retry_response(429, "unsent")
    for sent in (httpx2.ReadTimeout, httpx2.WriteTimeout, httpx2.ReadError, httpx2.RemoteProtocolError):
        assert not retry.should_retry_error(sent("x", request=request), "unsent")
    for unsent in (httpx2.ConnectError, httpx2.ConnectTimeout, httpx2.PoolTimeout):
        assert retry.should_retry_error(unsent("x", request=request), "unsent")


def test_get_kwargs_returns_every_request_keyword_but_timeout(vendor: Vendor) -> None:
    """The CLI calls `client._request(**_get_kwargs(...))`: the two must fit exactly."""
    base = runtime(vendor, "_base_client")
    parameters = inspect.signature(base.BaseClient._request).parameters
    accepted = set(parameters) - {"self", "timeout"}
    required = {name for name in accepted if parameters[name].default is inspect.Parameter.empty}
    kwargs = vendor.endpoint._get_kwargs(**vendor.call_kwargs())
    # Every keyword it returns is accepted, and every one `_request` requires is there (a form
    # body's `data` only where the operation has one).
    assert required <= set(kwargs) <= accepted
    assert kwargs["method"] == "GET"
    assert kwargs["retry"] == "always"
    assert kwargs["json"] is None
    # The operation's own security, else the document's.
    security: list[dict[str, Any]] = vendor.operation.get("security", vendor.spec.get("security")) or []
    (scheme,) = security[0]
    assert [list(alternative) for alternative in kwargs["security"]] == [[scheme]]


# --- generated operation modules (corpus specs, built with the pipeline) -----------------------

CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The op_ corpus cases this module drives, built once: case -> import name."""
    sys.path.insert(0, str(ROOT))
    from generator.pipeline import build_package

    built: dict[str, str] = {}
    paths: list[str] = []
    for case in ("op_post_json_body", "op_several_2xx", "op_responses_ranges_default"):
        import_name = f"policy_{case}"
        package = build_package(
            CORPUS / f"{case}.yaml",
            vendor=case,
            dist=import_name.replace("_", "-"),
            import_name=import_name,
            env_prefix=case.upper(),
            workdir=tmp_path_factory.mktemp(case),
            verify=False,
        )
        paths.append(str(package.directory))
        built[case] = import_name
    sys.path[:0] = paths
    yield built
    for path in [*paths, str(ROOT)]:
        sys.path.remove(path)


def operation(corpus: dict[str, str], case: str, module: str) -> ModuleType:
    package = corpus[case]
    constants: Any = importlib.import_module(f"{package}._constants")
    constants.INITIAL_RETRY_DELAY = 0.01  # a build of this module's own: no need to restore
    return importlib.import_module(f"{package}.api.{module}")


def corpus_client(corpus: dict[str, str], case: str, url: str, **kwargs: Any) -> Any:
    """The built package's BaseClient with the case's apiKey scheme (its client.py is not under test)."""
    package = corpus[case]
    base = importlib.import_module(f"{package}._base_client")
    auth = importlib.import_module(f"{package}._auth")
    schemes = {"apiKey": auth.Scheme("header", "X-API-Key")}
    return base.BaseClient(
        base_url=url, schemes=schemes, credentials={"apiKey": "k"}, user_agent="t/0", verify_ssl=TLS, **kwargs
    )


async def call(function: ModuleType, name: str, mode: str, *args: Any, **kwargs: Any) -> Any:
    if mode == "sync":
        return getattr(function, name)(*args, **kwargs)
    return await getattr(function, f"asyncio{name.removeprefix('sync')}")(*args, **kwargs)


@pytest.mark.asyncio
async def test_one_idempotency_key_per_call_the_same_on_every_retry(corpus: dict[str, str], mode: str) -> None:
    create_pet = operation(corpus, "op_post_json_body", "pets.create_pet")
    models = importlib.import_module(f"{corpus['op_post_json_body']}.models")
    pet = {"id": 7, "name": "Rex"}
    with Server([Reply(503), Reply(503), Reply(201, pet), Reply(201, pet)]) as server:
        client = corpus_client(corpus, "op_post_json_body", server.url)
        try:
            first = await call(create_pet, "sync", mode, client=client, body=models.NewPet(name="Rex"))
            await call(create_pet, "sync", mode, client=client, body=models.NewPet(name="Rex"))
        finally:
            await close(client)
    assert first.to_dict() == pet
    keys = [seen.headers[KEY_HEADER] for seen in server.requests]
    assert len(keys) == 4
    assert keys[0] == keys[1] == keys[2] != keys[3]
    assert [json.loads(body) for body in server.bodies] == [{"name": "Rex"}] * 4
    assert {seen.method for seen in server.requests} == {"POST"}
    assert {seen.headers["x-api-key"] for seen in server.requests} == {"k"}


@pytest.mark.asyncio
async def test_a_key_the_caller_passes_wins(corpus: dict[str, str], mode: str) -> None:
    update_pet = operation(corpus, "op_post_json_body", "pets.update_pet")
    models = importlib.import_module(f"{corpus['op_post_json_body']}.models")
    with Server([Reply(503), Reply(200, {"id": 7, "name": "Max"})]) as server:
        client = corpus_client(corpus, "op_post_json_body", server.url)
        try:
            pet = await call(
                update_pet, "sync", mode, 7, client=client, body=models.PetPatch(name="Max"), idempotency_key="mine"
            )
        finally:
            await close(client)
    assert pet.name == "Max"
    assert [seen.headers[KEY_HEADER] for seen in server.requests] == ["mine", "mine"]
    assert [seen.path for seen in server.requests] == ["/pets/7", "/pets/7"]


@pytest.mark.asyncio
async def test_a_json_suffix_body_keeps_its_media_type(corpus: dict[str, str], mode: str) -> None:
    update_pet = operation(corpus, "op_post_json_body", "pets.update_pet")
    models = importlib.import_module(f"{corpus['op_post_json_body']}.models")
    with Server([Reply(200, {"id": 7, "name": "Max"})]) as server:
        client = corpus_client(corpus, "op_post_json_body", server.url)
        try:
            await call(update_pet, "sync", mode, 7, client=client, body=models.PetPatch(name="Max"))
        finally:
            await close(client)
    assert server.requests[0].headers["content-type"] == "application/merge-patch+json"


@pytest.mark.asyncio
async def test_a_post_without_key_is_not_retried_on_an_answer(corpus: dict[str, str], mode: str) -> None:
    add_note = operation(corpus, "op_post_json_body", "pets.add_note")
    package = importlib.import_module(corpus["op_post_json_body"])
    errors = importlib.import_module(f"{package.__name__}.errors")
    with Server([Reply(503, {"error": "busy"}), Reply(200, 1)]) as server:
        client = corpus_client(corpus, "op_post_json_body", server.url)
        try:
            with pytest.raises(errors.InternalServerError):
                await call(add_note, "sync", mode, 7, client=client, body="a note")
        finally:
            await close(client)
    assert len(server.requests) == 1
    assert KEY_HEADER not in server.requests[0].headers
    assert [json.loads(body) for body in server.bodies] == ["a note"]


@pytest.mark.asyncio
async def test_a_list_body_is_sent_as_a_json_array(corpus: dict[str, str], mode: str) -> None:
    replace_pets = operation(corpus, "op_post_json_body", "pets.replace_pets")
    models = importlib.import_module(f"{corpus['op_post_json_body']}.models")
    with Server([Reply(200, [{"id": 1, "name": "A"}, {"id": 2, "name": "B"}])]) as server:
        client = corpus_client(corpus, "op_post_json_body", server.url)
        try:
            pets = await call(
                replace_pets, "sync", mode, client=client, body=[models.NewPet(name="A"), models.NewPet(name="B")]
            )
        finally:
            await close(client)
    assert [p.id for p in pets] == [1, 2]
    assert [json.loads(body) for body in server.bodies] == [[{"name": "A"}, {"name": "B"}]]
    assert server.requests[0].method == "PUT"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [(200, {"output": "done"}, "Result"), (202, {"id": "j1", "state": "queued"}, "Job"), (204, b"", "NoneType")],
)
async def test_several_2xx_answers_decode_by_status(
    corpus: dict[str, str], mode: str, status: int, body: Any, expected: str
) -> None:
    submit_job = operation(corpus, "op_several_2xx", "jobs.submit_job")
    with Server([Reply(status, body)]) as server:
        client = corpus_client(corpus, "op_several_2xx", server.url)
        try:
            result = await call(submit_job, "sync", mode, client=client)
            detailed = await call(submit_job, "sync_detailed", mode, client=client)
        finally:
            await close(client)
    assert type(result).__name__ == expected
    assert type(detailed.parsed).__name__ == expected
    assert detailed.status_code == status
    assert server.bodies == [b"", b""]  # an optional body left out sends none


@pytest.mark.asyncio
async def test_an_error_model_shared_with_a_success_decodes_on_the_error(corpus: dict[str, str], mode: str) -> None:
    submit_job = operation(corpus, "op_several_2xx", "jobs.submit_job")
    errors = importlib.import_module(f"{corpus['op_several_2xx']}.errors")
    with Server([Reply(409, {"id": "j1", "state": "running"})]) as server:
        client = corpus_client(corpus, "op_several_2xx", server.url)
        try:
            with pytest.raises(errors.ConflictError) as caught:
                await call(submit_job, "sync", mode, client=client)
        finally:
            await close(client)
    assert caught.value.parsed.state == "running"
    assert len(server.requests) == 1  # a POST without key: 409 is an answer, not retried


@pytest.mark.asyncio
async def test_delete_with_only_204_returns_none(corpus: dict[str, str], mode: str) -> None:
    cancel_job = operation(corpus, "op_several_2xx", "jobs.cancel_job")
    errors = importlib.import_module(f"{corpus['op_several_2xx']}.errors")
    with Server([Reply(204), Reply(404, {"message": "no such job"})]) as server:
        client = corpus_client(corpus, "op_several_2xx", server.url)
        try:
            assert await call(cancel_job, "sync", mode, "j1", client=client) is None
            with pytest.raises(errors.NotFoundError) as caught:
                await call(cancel_job, "sync", mode, "j1", client=client)
        finally:
            await close(client)
    assert caught.value.parsed.message == "no such job"
    assert [seen.method for seen in server.requests] == ["DELETE", "DELETE"]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (404, {"title": "no run"}, "Problem"),  # exact code, application/problem+json
        (410, {"title": "gone"}, "NoneType"),  # documented without a body
        (418, {"title": "teapot"}, "Problem"),  # 4XX
        (503, {"message": "down"}, "ServerFault"),  # 5XX
        (302, {"error": "moved"}, "Fallback"),  # default
        (404, b"not json", "NoneType"),  # does not fit: stays raw on the error
    ],
)
async def test_error_codes_ranges_and_default_decode_as_documented(
    corpus: dict[str, str], mode: str, status: int, body: Any, expected: str
) -> None:
    get_run = operation(corpus, "op_responses_ranges_default", "runs.get_run")
    errors = importlib.import_module(f"{corpus['op_responses_ranges_default']}.errors")
    with Server([Reply(status, body)]) as server:
        client = corpus_client(corpus, "op_responses_ranges_default", server.url, max_retries=0)
        try:
            with pytest.raises(errors.APIStatusError) as caught:
                await call(get_run, "sync", mode, "r1", client=client)
            detailed = await call(get_run, "sync_detailed", mode, "r1", client=client)
        finally:
            await close(client)
    assert type(caught.value.parsed).__name__ == expected
    assert type(detailed.parsed).__name__ == expected
    assert caught.value.status_code == detailed.status_code == status


@pytest.mark.asyncio
async def test_a_2xx_range_and_an_undocumented_success(corpus: dict[str, str], mode: str) -> None:
    list_runs = operation(corpus, "op_responses_ranges_default", "runs.list_runs")
    health = operation(corpus, "op_responses_ranges_default", "runs.health")
    with Server([Reply(206, [{"id": "r1"}]), Reply(200, {"ok": True}), Reply(204)]) as server:
        client = corpus_client(corpus, "op_responses_ranges_default", server.url)
        try:
            runs = await call(list_runs, "sync", mode, client=client)
            assert await call(health, "sync", mode, client=client) == {"ok": True}
            assert await call(health, "sync", mode, client=client) is None
        finally:
            await close(client)
    assert [run.id for run in runs] == ["r1"]
