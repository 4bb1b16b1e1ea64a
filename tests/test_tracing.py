"""OpenTelemetry: one CLIENT span per operation call, sync and async, over a real socket; the
HTTP spans of `HTTPX2ClientInstrumentor` nest under it; one INTERNAL span per wait, the polls'
spans nested under it (in virtual time with the package's FakeAPI); the wait's log lines; and
no cost (no import, no span) when the application does not trace.
"""

from __future__ import annotations

import importlib
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from opentelemetry.util._once import Once

from support.calls import example, get, open_client
from support.process import free_port
from support.scripted import Reply, ScriptedServer
from support.vendors import Vendor, parameter_name

TESTS = Path(__file__).resolve().parent
SECRET = "otel-CREDENTIAL-3c4d5e6f"


def _reset_global_provider() -> None:
    # What opentelemetry's own test utilities do: the global provider can otherwise be set once.
    trace._TRACER_PROVIDER_SET_ONCE = Once()
    trace._TRACER_PROVIDER = None


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """A global SDK tracer provider exporting to memory, for this test only."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    _reset_global_provider()
    trace.set_tracer_provider(provider)
    try:
        yield exporter
    finally:
        provider.shutdown()
        _reset_global_provider()


@pytest.fixture
def fast_backoff(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    constants = importlib.import_module(f"{vendor.import_name}._constants")
    monkeypatch.setattr(constants, "INITIAL_RETRY_DELAY", 0.01)


def operation_name(vendor: Vendor) -> str:
    return vendor.endpoint_module.rpartition(".")[2]


def operation_spans(vendor: Vendor, exporter: InMemorySpanExporter) -> list[ReadableSpan]:
    return [s for s in exporter.get_finished_spans() if s.instrumentation_scope.name == vendor.import_name]  # type: ignore[union-attr]


def status_in(vendor: Vendor, body: Any) -> Any:
    for key in vendor.status_path:
        body = body[key]
    return body


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_one_span_per_operation_call(vendor: Vendor, mode: str, spans: InMemorySpanExporter) -> None:
    body = example(vendor)
    with ScriptedServer([Reply(503), Reply(200, body)]) as server:
        async with open_client(vendor, server.url, credential=SECRET) as client:
            await get(vendor, mode, client)
    (span,) = operation_spans(vendor, spans)
    assert span.name == operation_name(vendor)
    assert span.kind is SpanKind.CLIENT
    attributes = dict(span.attributes or {})
    assert attributes["exec_sdk.vendor"] == vendor.dist
    assert attributes["exec_sdk.operation"] == operation_name(vendor)
    assert attributes["http.request.method"] == "GET"
    assert attributes["http.response.status_code"] == 200
    assert attributes["exec_sdk.retries"] == 1
    assert attributes["exec_sdk.execution.status"] == str(status_in(vendor, body))
    assert str(attributes["url.full"]).startswith(server.url)
    assert span.status.status_code is StatusCode.UNSET
    assert all(SECRET not in str(value) for value in attributes.values())


@pytest.mark.asyncio
async def test_an_error_answer_marks_the_span(vendor: Vendor, mode: str, spans: InMemorySpanExporter) -> None:
    with ScriptedServer([Reply(404, {"message": "no such execution"})]) as server:
        async with open_client(vendor, server.url, credential=SECRET, max_retries=0) as client:
            with pytest.raises(vendor.errors.NotFoundError):
                await get(vendor, mode, client)
    (span,) = operation_spans(vendor, spans)
    assert span.status.status_code is StatusCode.ERROR
    assert span.attributes is not None
    assert span.attributes["error.type"] == "404"
    assert span.attributes["http.response.status_code"] == 404
    assert "exec_sdk.execution.status" not in span.attributes


@pytest.mark.asyncio
async def test_a_failed_call_records_the_exception(vendor: Vendor, mode: str, spans: InMemorySpanExporter) -> None:
    async with open_client(vendor, f"http://127.0.0.1:{free_port()}", credential=SECRET, max_retries=0) as client:
        with pytest.raises(vendor.errors.APIConnectionError):
            await get(vendor, mode, client)
    (span,) = operation_spans(vendor, spans)
    assert span.status.status_code is StatusCode.ERROR
    assert span.attributes is not None
    assert span.attributes["error.type"] == "APIConnectionError"
    assert span.attributes["exec_sdk.retries"] == 0
    (event,) = [e for e in span.events if e.name == "exception"]
    assert event.attributes is not None
    assert str(event.attributes["exception.type"]).endswith("APIConnectionError")
    assert SECRET not in str(event.attributes)


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_instrumented_http_attempts_nest_under_the_operation(
    vendor: Vendor, mode: str, spans: InMemorySpanExporter
) -> None:
    # Imported here: the lowest-dependencies session runs this module without the instrumentation.
    from opentelemetry.instrumentation.httpx import HTTPX2ClientInstrumentor

    with ScriptedServer([Reply(503), Reply(200, example(vendor))]) as server:
        async with open_client(vendor, server.url, credential=SECRET) as client:
            httpx_client = client.get_httpx_client() if mode == "sync" else client.get_async_httpx_client()
            HTTPX2ClientInstrumentor.instrument_client(httpx_client)
            try:
                await get(vendor, mode, client)
            finally:
                HTTPX2ClientInstrumentor.uninstrument_client(httpx_client)
    (operation,) = operation_spans(vendor, spans)
    attempts = [s for s in spans.get_finished_spans() if s is not operation and s.kind is SpanKind.CLIENT]
    assert len(attempts) == 2, [s.name for s in spans.get_finished_spans()]
    assert operation.context is not None
    for attempt in attempts:
        assert attempt.parent is not None and attempt.parent.span_id == operation.context.span_id
        assert attempt.context is not None and attempt.context.trace_id == operation.context.trace_id
    # The instrumentation's own attribute name (its default is the older HTTP semantic conventions).
    codes = [
        (a.attributes or {}).get("http.response.status_code", (a.attributes or {}).get("http.status_code"))
        for a in attempts
    ]
    assert sorted(codes) == [200, 503]  # type: ignore[type-var]


def _python(vendor: Vendor, code: str, *, block_otel: bool = False) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(vendor.env_prefix + "_")}
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), env.get("PYTHONPATH", "")])
    prelude = "import sys\n" + ("sys.modules['opentelemetry'] = None\n" if block_otel else "")
    result = subprocess.run(
        [sys.executable, "-c", prelude + code, vendor.name], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


CALL = """
from support.scripted import Reply, ScriptedServer
from support.vendors import all_vendors
vendor = next(v for v in all_vendors() if v.name == sys.argv[1])
with ScriptedServer([Reply(200, vendor.fixture("example-200.json"))]) as server:
    with vendor.client(server.url) as client:
        vendor.endpoint.sync(**vendor.call_kwargs(), client=client)
"""


def test_importing_the_package_does_not_import_opentelemetry(vendor: Vendor) -> None:
    code = f"import {vendor.import_name}, {vendor.endpoint_module}\nprint('opentelemetry' in sys.modules)"
    assert _python(vendor, code) == "False"


def test_without_a_tracer_provider_no_span_is_made(vendor: Vendor) -> None:
    code = (
        CALL
        + "tracing = __import__(vendor.import_name + '._tracing', fromlist=['x'])\n"
        + "print(tracing._tracer is None, tracing.tracer() is None)"
    )
    assert _python(vendor, code) == "True True"


def test_without_opentelemetry_installed_calls_work(vendor: Vendor) -> None:
    code = (
        CALL
        + "tracing = __import__(vendor.import_name + '._tracing', fromlist=['x'])\n"
        + "print(tracing._api(), tracing.tracer())"
    )
    assert _python(vendor, code, block_otel=True) == "None None"


# --- the wait's span -------------------------------------------------------------------------------


def fake_api(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}.testing").FakeAPI()


def finished(vendor: Vendor) -> tuple[str, dict[str, Any]]:
    """(status, fields) of a run that ended well (its outcome field set where the spec has one)."""
    if vendor.success_statuses:
        return vendor.success_statuses[0], {}
    prefix = vendor.status_path[:-1]
    outcome = ".".join(vendor.outcome_path[len(prefix) :])
    return vendor.terminal_sets["done"][0], {outcome: vendor.outcome_sets["success"][0]}


def wait_spans(exporter: InMemorySpanExporter) -> list[ReadableSpan]:
    return [s for s in exporter.get_finished_spans() if s.name == "wait_for_execution"]


@pytest.mark.asyncio
async def test_one_span_per_wait_with_the_polls_nested(vendor: Vendor, mode: str, spans: InMemorySpanExporter) -> None:
    fake = fake_api(vendor)
    status, fields = finished(vendor)
    ident = vendor.default_execution_id
    fake.add_execution(ident, statuses=[vendor.running_status, vendor.running_status, status], **fields)
    fake.inject(503, times=3)  # one failed poll the wait gets past
    wait = importlib.import_module(f"{vendor.import_name}.wait")
    client = fake.client()
    if mode == "sync":
        result = wait.wait_for_execution(client=client, **vendor.call_kwargs())
    else:
        result = await wait.wait_for_execution_async(client=client, **vendor.call_kwargs())
    assert result.succeeded and result.retries == 1
    (span,) = wait_spans(spans)
    assert span.kind is SpanKind.INTERNAL
    attributes = dict(span.attributes or {})
    assert attributes["exec_sdk.execution.id"] == str(ident)
    assert attributes["exec_sdk.vendor"] == vendor.dist
    assert attributes["exec_sdk.wait.polls"] == 3
    assert attributes["exec_sdk.wait.retries"] == 1
    assert attributes["exec_sdk.execution.status"] == status
    assert span.status.status_code is StatusCode.UNSET
    changes = [dict(e.attributes or {}) for e in span.events if e.name == "status_change"]
    assert changes == [
        {"exec_sdk.execution.status": vendor.running_status},
        {"exec_sdk.execution.status": status, "exec_sdk.execution.previous_status": vendor.running_status},
    ]
    assert [e.name for e in span.events].count("poll_retried") == 1
    # Every poll (the failed one included) is an operation span under the wait's, in its trace.
    polls = [s for s in operation_spans(vendor, spans) if s.kind is SpanKind.CLIENT]
    assert len(polls) == 4
    assert span.context is not None
    for poll in polls:
        assert poll.parent is not None and poll.parent.span_id == span.context.span_id
        assert poll.context is not None and poll.context.trace_id == span.context.trace_id


@pytest.mark.asyncio
async def test_a_wait_that_times_out_marks_its_span(vendor: Vendor, mode: str, spans: InMemorySpanExporter) -> None:
    fake = fake_api(vendor)
    fake.add_execution(vendor.default_execution_id, statuses=[vendor.running_status])
    wait = importlib.import_module(f"{vendor.import_name}.wait")
    with pytest.raises(vendor.errors.WaitTimeoutError):
        if mode == "sync":
            wait.wait_for_execution(client=fake.client(), **vendor.call_kwargs(), timeout=10)
        else:
            await wait.wait_for_execution_async(client=fake.client(), **vendor.call_kwargs(), timeout=10)
    (span,) = wait_spans(spans)
    assert span.status.status_code is StatusCode.ERROR
    assert (span.attributes or {})["error.type"] == "WaitTimeoutError"
    assert (span.attributes or {})["exec_sdk.execution.status"] == vendor.running_status


@pytest.mark.asyncio
async def test_the_fan_in_has_one_span_per_execution(vendor: Vendor, mode: str, spans: InMemorySpanExporter) -> None:
    fake = fake_api(vendor)
    status, fields = finished(vendor)
    ids = [f"run-{n}" for n in range(3)] if not vendor.id_is_integer else [1, 2, 3]
    for n in ids:
        fake.add_execution(n, statuses=[vendor.running_status, status], **fields)
    wait = importlib.import_module(f"{vendor.import_name}.wait")
    kwargs = vendor.call_kwargs()
    del kwargs[parameter_name(vendor.id_param)]
    if mode == "sync":
        outcomes = list(wait.wait_for_executions(execution_ids=ids, client=fake.client(), **kwargs))
    else:
        outcomes = [o async for o in wait.wait_for_executions_async(execution_ids=ids, client=fake.client(), **kwargs)]
    assert all(o.succeeded for o in outcomes)
    waits = {str((s.attributes or {})["exec_sdk.execution.id"]): s for s in wait_spans(spans)}
    assert sorted(waits) == sorted(str(n) for n in ids)
    for execution_id, span in waits.items():
        assert (span.attributes or {})["exec_sdk.wait.polls"] == 2
        assert span.context is not None
        polls = [s for s in operation_spans(vendor, spans) if s.parent and s.parent.span_id == span.context.span_id]
        assert len(polls) == 2, execution_id


@pytest.mark.asyncio
async def test_info_logs_one_line_per_status_change_naming_the_execution(
    vendor: Vendor, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    fake = fake_api(vendor)
    status, fields = finished(vendor)
    ident = vendor.default_execution_id
    fake.add_execution(ident, statuses=[vendor.running_status] * 3 + [status], **fields)
    wait = importlib.import_module(f"{vendor.import_name}.wait")
    caplog.set_level(logging.INFO, logger=vendor.import_name)
    if mode == "sync":
        wait.wait_for_execution(client=fake.client(), **vendor.call_kwargs())
    else:
        await wait.wait_for_execution_async(client=fake.client(), **vendor.call_kwargs())
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Execution ")]
    assert len(lines) == 2
    assert lines[0].startswith(f"Execution {ident}: {vendor.running_status} after 1 poll")
    assert lines[1].startswith(f"Execution {ident}: {status} (was {vendor.running_status}) after 4 polls")
