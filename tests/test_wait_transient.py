"""A wait outlasts transient errors: a 429, a 5xx, a connection error, a timeout and a malformed
2xx body are polled past (after the client's own retries) until the deadline, counted on the
result and told to `on_retry`; an answer that cannot get better ends the wait at once, typed.

Every vendor, sync and async: in virtual time with the package's FakeAPI, and over a real socket
(ScriptedServer) with each fault in turn.
"""

from __future__ import annotations

import importlib
import time
from typing import Any

import pytest

from support.calls import TLS
from support.scripted import Reply, Reset, ScriptedServer, Stall, Step
from support.vendors import Vendor

# The client's own retries (2 by default) come first: this many faults in a row reach the wait once.
PAST_THE_CLIENT = 3


def wait_module(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}.wait")


def finished(vendor: Vendor) -> tuple[str, dict[str, Any]]:
    """(status, fields) of a run that ended well: a success status, else a `done` status whose
    outcome (in the execution object) is a success."""
    if vendor.success_statuses:
        return vendor.success_statuses[0], {}
    prefix = vendor.status_path[:-1]
    outcome = ".".join(vendor.outcome_path[len(prefix) :])
    return vendor.terminal_sets["done"][0], {outcome: vendor.outcome_sets["success"][0]}


def fake_with_run(vendor: Vendor) -> Any:
    """A FakeAPI serving the default id: running, running, then finished."""
    fake = importlib.import_module(f"{vendor.import_name}.testing").FakeAPI()
    status, fields = finished(vendor)
    fake.add_execution(vendor.default_execution_id, statuses=[vendor.running_status] * 2 + [status], **fields)
    return fake


async def wait(vendor: Vendor, mode: str, client: Any, **kwargs: Any) -> Any:
    module = wait_module(vendor)
    if mode == "sync":
        return module.wait_for_execution(client=client, **vendor.call_kwargs(), **kwargs)
    return await module.wait_for_execution_async(client=client, **vendor.call_kwargs(), **kwargs)


def inject(fake: Any, fault: str, times: int = PAST_THE_CLIENT) -> None:
    """`times` faults in a row; a malformed body once (the client does not retry a body it got)."""
    if fault == "connection":
        fake.inject_connection_error(times)
    elif fault == "timeout":
        fake.inject_timeout(times)
    elif fault == "malformed":
        fake.inject_malformed(1)
    else:
        fake.inject(int(fault), times)


# fault -> the error class the wait sees once the client's retries are spent
TRANSIENT = {
    "429": "RateLimitError",
    "500": "InternalServerError",
    "502": "InternalServerError",
    "503": "InternalServerError",
    "408": "APIStatusError",
    "409": "ConflictError",
    "connection": "APIConnectionError",
    "timeout": "APITimeoutError",
    "malformed": "APIResponseValidationError",
}


@pytest.mark.asyncio
@pytest.mark.parametrize("fault", list(TRANSIENT))
async def test_a_wait_outlasts_a_transient_error(vendor: Vendor, mode: str, fault: str) -> None:
    fake = fake_with_run(vendor)
    inject(fake, fault)  # the first poll: every attempt fails
    told: list[tuple[Any, float]] = []
    result = await wait(vendor, mode, fake.client(), on_retry=lambda error, seconds: told.append((error, seconds)))
    assert result.succeeded and result.status == finished(vendor)[0]
    assert (result.polls, result.retries) == (3, 1)
    assert result.execution_id == str(vendor.default_execution_id)
    ((error, seconds),) = told
    assert type(error) is getattr(vendor.errors, TRANSIENT[fault])
    assert seconds >= 1.0  # at least the poll interval
    assert len(fake.requests) == (1 if fault == "malformed" else PAST_THE_CLIENT) + 3


@pytest.mark.asyncio
async def test_every_transient_error_in_turn_then_success(vendor: Vendor, mode: str) -> None:
    fake = fake_with_run(vendor)
    for fault in ("429", "503", "connection", "timeout", "malformed"):
        inject(fake, fault)
    told: list[str] = []
    result = await wait(vendor, mode, fake.client(), on_retry=lambda error, seconds: told.append(type(error).__name__))
    assert result.succeeded and (result.polls, result.retries) == (3, 5)
    expected = ["RateLimitError", "InternalServerError", "APIConnectionError", "APITimeoutError"]
    assert told == [*expected, "APIResponseValidationError"]


@pytest.mark.asyncio
async def test_retry_after_is_honoured_past_the_clients_limit(vendor: Vendor, mode: str) -> None:
    """A 429 asking for 90 s (more than the client's own retries honour): the wait pauses 90 s."""
    fake = fake_with_run(vendor)
    fake.inject(429, times=1, headers={"Retry-After": "90"})
    told: list[float] = []
    result = await wait(vendor, mode, fake.client(max_retries=0), on_retry=lambda error, seconds: told.append(seconds))
    assert result.succeeded and result.retries == 1
    assert told == [90.0]
    assert fake.requests[1].time - fake.requests[0].time == pytest.approx(90.0)


@pytest.mark.asyncio
async def test_a_transient_error_that_lasts_ends_at_the_deadline(vendor: Vendor, mode: str) -> None:
    """The deadline still bounds the wait: the last execution seen is on the timeout, the last
    error is its cause, and no pause went past the deadline."""
    fake = fake_with_run(vendor)

    def outage(old: Any, new: Any, execution: Any) -> None:
        fake.inject(503, times=10_000)  # from the second poll on, the server is down

    with pytest.raises(vendor.errors.WaitTimeoutError) as caught:
        await wait(vendor, mode, fake.client(), timeout=120, on_status_change=outage)
    error = caught.value
    assert error.last_status == vendor.running_status and error.polls == 1
    assert wait_module(vendor).execution_status(error.last_execution) == vendor.running_status
    assert isinstance(error.__cause__, vendor.errors.InternalServerError)
    assert error.elapsed == pytest.approx(120) == fake.elapsed
    assert max(r.time for r in fake.requests) < 120


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("status", "error"),
    [(400, "BadRequestError"), (401, "AuthenticationError"), (403, "PermissionDeniedError"), (404, "NotFoundError")],
)
async def test_an_answer_that_cannot_get_better_ends_the_wait_at_once(
    vendor: Vendor, mode: str, status: int, error: str
) -> None:
    fake = fake_with_run(vendor)
    fake.inject(status)
    told: list[Any] = []
    with pytest.raises(getattr(vendor.errors, error)) as caught:
        await wait(vendor, mode, fake.client(), on_retry=lambda error, seconds: told.append(error))
    assert caught.value.status_code == status
    assert not told
    assert len(fake.requests) == 1 and fake.elapsed == 0


@pytest.mark.asyncio
async def test_async_callbacks_are_awaited(vendor: Vendor) -> None:
    fake = fake_with_run(vendor)
    fake.inject(503, times=PAST_THE_CLIENT)
    seen: list[Any] = []

    async def on_status_change(old: Any, new: Any, execution: Any) -> None:
        seen.append((old, new))

    async def on_retry(error: Any, seconds: float) -> None:
        seen.append(type(error).__name__)

    result = await wait_module(vendor).wait_for_execution_async(
        client=fake.client(), **vendor.call_kwargs(), on_status_change=on_status_change, on_retry=on_retry
    )
    status = finished(vendor)[0]
    assert result.succeeded
    assert seen == ["InternalServerError", (None, vendor.running_status), (vendor.running_status, status)]


@pytest.mark.asyncio
async def test_over_a_real_socket_each_fault_in_turn(
    vendor: Vendor, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """429 and 503 (with a short retry-after-ms), a reset connection, a read timeout, a cut-off 200
    body: each reaches the wait (the client retries nothing here) and is polled past."""
    constants = importlib.import_module(f"{vendor.import_name}._constants")
    monkeypatch.setattr(constants, "INITIAL_RETRY_DELAY", 0.01)  # the pause after an error without a hint
    done = vendor.terminal_body("success")
    assert done is not None
    hint = {"retry-after-ms": "10"}
    script: list[Step] = [
        Reply(429, {"message": "slow down"}, hint),
        Reply(503, {"message": "busy"}, hint),
        Reset(),
        Stall(30.0, Reply(200, done[1])),
        Reply(200, b'{"truncated": '),
        Reply(200, vendor.example_with_status(vendor.running_status)),
        Reply(200, done[1]),
    ]
    told: list[str] = []
    with ScriptedServer(script) as server:
        client = vendor.client(server.url, max_retries=0, timeout=0.5, verify_ssl=TLS)
        started = time.monotonic()
        try:
            result = await wait(
                vendor,
                mode,
                client,
                timeout=60,
                initial_interval=0.01,
                max_interval=0.02,
                on_retry=lambda error, seconds: told.append(type(error).__name__),
            )
        finally:
            client.close()
            await client.aclose()
        elapsed = time.monotonic() - started
    assert result.succeeded and result.status == done[0]
    assert told == [
        "RateLimitError",
        "InternalServerError",
        "APIConnectionError",
        "APITimeoutError",
        "APIResponseValidationError",
    ]
    assert (result.polls, result.retries) == (2, 5)
    assert len(server.requests) == len(script)
    assert elapsed < 30, elapsed  # the stall was cut by the client's timeout, not waited out
