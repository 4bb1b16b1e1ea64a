"""OpenTelemetry spans for operation calls and waits, when the application has set up tracing.

One span per operation call (retries included), named after the operation (`get_execution`),
of kind CLIENT. It is the current span while the request is sent, so the spans of an HTTP
instrumentation (`HTTPX2ClientInstrumentor` of the opentelemetry-instrumentation-httpx package)
nest under it, one per attempt.

One span per wait on an execution (`wait_for_execution`, and each execution of
`wait_for_executions`), of kind INTERNAL: the execution id, the polls, the failed polls the wait
got past, the final status; each status change is an event on it. It is the current span during
each poll, so the poll's operation span nests under it.

Nothing here costs anything unless `opentelemetry-api` is installed (the package's `otel`
extra) and the application has set a tracer provider: the import is tried once, on the first
request, never at `import <package>`; with no provider set, no span is made.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any, Final

# The attributes the spans carry besides OpenTelemetry's HTTP ones.
VENDOR: Final = "exec_sdk.vendor"
OPERATION: Final = "exec_sdk.operation"
RETRIES: Final = "exec_sdk.retries"
EXECUTION_STATUS: Final = "exec_sdk.execution.status"
# The wait's span: which execution, its answered polls, its failed polls that were retried.
WAIT_SPAN: Final = "wait_for_execution"
EXECUTION_ID: Final = "exec_sdk.execution.id"
PREVIOUS_STATUS: Final = "exec_sdk.execution.previous_status"
WAIT_POLLS: Final = "exec_sdk.wait.polls"
WAIT_RETRIES: Final = "exec_sdk.wait.retries"
STATUS_EVENT: Final = "status_change"
RETRY_EVENT: Final = "poll_retried"

_TRACER_NAME: Final = __package__ or __name__
_tracer: tuple[Any, Any] | None = None  # (provider, its tracer): rebuilt when the provider changes


@functools.cache
def _api() -> Any | None:
    """`opentelemetry.trace`, or None when opentelemetry-api is not installed (tried once)."""
    try:
        return importlib.import_module("opentelemetry.trace")
    except ImportError:
        return None


def tracer() -> Any | None:
    """The tracer of the application's provider, or None when tracing is off (no
    opentelemetry-api, or no provider set): then no span is made at all."""
    global _tracer
    trace = _api()
    if trace is None:
        return None
    provider = trace.get_tracer_provider()
    if isinstance(provider, trace.ProxyTracerProvider | trace.NoOpTracerProvider):
        return None
    if _tracer is None or _tracer[0] is not provider:
        _tracer = (provider, provider.get_tracer(_TRACER_NAME))
    return _tracer[1]


def start(tracer: Any, name: str, attributes: dict[str, Any]) -> Any:
    """A started CLIENT span of `tracer`."""
    trace = _api()
    assert trace is not None  # a tracer exists only when the API imported
    return tracer.start_span(name, kind=trace.SpanKind.CLIENT, attributes=attributes)


def start_wait(execution_id: str, vendor: str | None) -> Any | None:
    """The started span of a wait on `execution_id`, or None when tracing is off."""
    current = tracer()
    if current is None:
        return None
    trace = _api()
    assert trace is not None  # a tracer exists only when the API imported
    attributes: dict[str, Any] = {EXECUTION_ID: execution_id}
    if vendor:
        attributes[VENDOR] = vendor
    return current.start_span(WAIT_SPAN, kind=trace.SpanKind.INTERNAL, attributes=attributes)


def status_event(span: Any, old: str | None, new: str | None) -> None:
    """A status change of the waited execution, as an event of the wait's span (no status: "")."""
    attributes = {EXECUTION_STATUS: new or ""}
    if old is not None:
        attributes[PREVIOUS_STATUS] = old
    span.add_event(STATUS_EVENT, attributes)


def retry_event(span: Any, error_type: str, delay: float) -> None:
    """A failed poll the wait goes on after (the error's class, the pause before the next poll)."""
    span.add_event(RETRY_EVENT, {"error.type": error_type, "exec_sdk.wait.delay": delay})


def activate(span: Any) -> Any:
    """A context manager making `span` the current span (the span is ended by `finish`)."""
    trace = _api()
    assert trace is not None  # a span exists only when the API imported
    return trace.use_span(span, end_on_exit=False, record_exception=False, set_status_on_exception=False)


def finish(span: Any, attributes: dict[str, Any], error: BaseException | str | None = None) -> None:
    """Set the final attributes, the ERROR status for `error` (an exception, or the
    `error.type` of an error answer, e.g. "503"), and end `span`."""
    trace = _api()
    assert trace is not None
    span.set_attributes(attributes)
    if isinstance(error, BaseException):
        span.set_attribute("error.type", type(error).__qualname__)
        span.record_exception(error)
        span.set_status(trace.Status(trace.StatusCode.ERROR, type(error).__qualname__))
    elif error is not None:
        span.set_attribute("error.type", error)
        span.set_status(trace.Status(trace.StatusCode.ERROR))
    span.end()
