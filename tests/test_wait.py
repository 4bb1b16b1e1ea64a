"""`wait_for_execution` and its async twin against a real local server whose status moves."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from support.scripted import Reply, ScriptedServer
from support.vendors import Vendor

FAST = {"initial_interval": 0.01, "max_interval": 0.02}


def wait_module(vendor: Vendor) -> Any:
    return importlib.import_module(f"{vendor.import_name}.wait")


def replies(vendor: Vendor, *statuses: str | None) -> list[Reply]:
    return [Reply(200, vendor.example_with_status(status)) for status in statuses]


def terminal_for(vendor: Vendor) -> Any:
    """The spec's terminal sets; where it publishes no failure value, callers add their own."""
    wait = wait_module(vendor)
    if vendor.terminal_body("failure") is not None:
        return wait.TERMINAL_STATUSES
    return wait.TerminalStatuses.of(success=vendor.success_statuses, failure=["failed"])


def ended(vendor: Vendor, verdict: str) -> tuple[str, Reply]:
    """(status, answer) of a run that ended in `verdict`; a failure the caller names where the spec has none."""
    found = vendor.terminal_body(verdict) or ("failed", vendor.example_with_status("failed"))
    return found[0], Reply(200, found[1])


def run_wait(vendor: Vendor, url: str, **kwargs: Any) -> Any:
    with vendor.client(url, max_retries=0) as client:
        return wait_module(vendor).wait_for_execution(
            client=client,
            **vendor.call_kwargs(),
            **kwargs,
        )


def test_spec_terminal_statuses_are_rendered(vendor: Vendor) -> None:
    terminal = wait_module(vendor).TERMINAL_STATUSES
    assert terminal.success == frozenset(vendor.success_statuses)
    assert terminal.failure == frozenset(vendor.failure_statuses)
    assert terminal.done == frozenset(vendor.terminal_sets["done"])


def test_running_running_success(vendor: Vendor) -> None:
    running, (done, finish) = vendor.running_status, ended(vendor, "success")
    changes: list[tuple[str | None, str | None]] = []
    with ScriptedServer([*replies(vendor, running, running), finish]) as server:
        result = run_wait(
            vendor,
            server.url,
            on_status_change=lambda old, new, execution: changes.append((old, new)),
            terminal_statuses=terminal_for(vendor),
            **FAST,
        )
    assert result.succeeded and not result.failed
    assert result.status == done
    assert result.polls == 3 == len(server.requests)
    assert changes == [(None, running), (running, done)]
    assert wait_module(vendor).execution_status(result.execution) == done


def test_running_failure(vendor: Vendor) -> None:
    failed, finish = ended(vendor, "failure")
    with ScriptedServer([*replies(vendor, vendor.running_status), finish]) as server:
        result = run_wait(vendor, server.url, terminal_statuses=terminal_for(vendor), **FAST)
    assert result.failed and not result.succeeded
    assert result.status == failed
    assert len(server.requests) == 2


def test_unknown_and_missing_statuses_are_not_terminal(vendor: Vendor) -> None:
    """A status this SDK doesn't know, or none at all (where the spec allows it), keeps the wait going."""
    done, finish = ended(vendor, "success")
    second = None if vendor.status_may_be_null else "ANOTHER_NEW"
    changes: list[str | None] = []
    with ScriptedServer([*replies(vendor, "SOMETHING_NEW", second), finish]) as server:
        result = run_wait(
            vendor,
            server.url,
            on_status_change=lambda old, new, execution: changes.append(new),
            terminal_statuses=terminal_for(vendor),
            **FAST,
        )
    assert changes == ["SOMETHING_NEW", second, done]
    assert result.succeeded and result.polls == 3


def fake_api(vendor: Vendor) -> Any:
    """The package's FakeAPI serving one running execution (`exec-123` or `123`): virtual time."""
    fake = importlib.import_module(f"{vendor.import_name}.testing").FakeAPI()
    fake.add_execution(vendor.default_execution_id, statuses=[vendor.running_status])
    return fake


@pytest.mark.asyncio
async def test_deadline_raises_with_the_last_execution(vendor: Vendor, mode: str) -> None:
    """Virtual time: the deadline passes after the polls it allows, whatever the machine's load."""
    errors, fake = vendor.errors, fake_api(vendor)
    kwargs = {"timeout": 0.3, "initial_interval": 0.05, "max_interval": 0.1}
    with pytest.raises(errors.WaitTimeoutError) as caught:
        if mode == "sync":
            wait_module(vendor).wait_for_execution(client=fake.client(max_retries=0), **vendor.call_kwargs(), **kwargs)
        else:
            client = fake.client(max_retries=0)
            await wait_module(vendor).wait_for_execution_async(client=client, **vendor.call_kwargs(), **kwargs)
    assert isinstance(caught.value, errors.APIError)
    assert caught.value.last_status == vendor.running_status
    assert wait_module(vendor).execution_status(caught.value.last_execution) == vendor.running_status
    # Polls at 0, 0.05, 0.15 and 0.25; the next pause is cut to the deadline, where no poll starts.
    assert caught.value.polls == len(fake.requests) == 4
    assert caught.value.elapsed == pytest.approx(0.3) == fake.elapsed


def test_api_errors_propagate_typed(vendor: Vendor) -> None:
    with ScriptedServer([Reply(404, {"detail": "gone"})]) as server:
        with pytest.raises(vendor.errors.NotFoundError):
            run_wait(vendor, server.url, **FAST)


@pytest.mark.asyncio
async def test_async_twin(vendor: Vendor) -> None:
    running, (done, finish) = vendor.running_status, ended(vendor, "success")
    changes: list[str | None] = []
    with ScriptedServer([*replies(vendor, running, running), finish]) as server:
        client = vendor.client(server.url, max_retries=0)
        try:
            result = await wait_module(vendor).wait_for_execution_async(
                client=client,
                **vendor.call_kwargs(),
                on_status_change=lambda old, new, execution: changes.append(new),
                terminal_statuses=terminal_for(vendor),
                **FAST,
            )
        finally:
            await client.aclose()
    assert result.succeeded and result.polls == 3
    assert changes == [running, done]


@pytest.mark.parametrize(
    ("initial", "maximum", "expected"),
    [
        (1.0, 4.0, [1.0, 2.0, 4.0, 4.0, 4.0]),
        (0.5, 0.5, [0.5, 0.5, 0.5, 0.5, 0.5]),
        (2.0, 30.0, [2.0, 4.0, 8.0, 16.0, 30.0]),
    ],
)
def test_poll_backoff_with_a_frozen_clock(
    vendor: Vendor, initial: float, maximum: float, expected: list[float]
) -> None:
    polling = importlib.import_module(f"{vendor.import_name}._polling")
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    statuses = iter(["a"] * len(expected) + ["done"])
    result = polling.wait_sync(
        lambda: next(statuses),
        lambda status: status,
        polling.TerminalStatuses.of(success=["done"], failure=[]),
        timeout=1000.0,
        initial_interval=initial,
        max_interval=maximum,
        sleep=sleep,
        clock=lambda: now[0],
    )
    assert slept == expected
    assert result.elapsed == sum(expected)


def test_the_last_sleep_is_cut_to_the_deadline(vendor: Vendor) -> None:
    polling = importlib.import_module(f"{vendor.import_name}._polling")
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    with pytest.raises(vendor.errors.WaitTimeoutError):
        polling.wait_sync(
            lambda: "a",
            lambda status: status,
            polling.TerminalStatuses.of(success=["done"], failure=[]),
            timeout=5.0,
            initial_interval=2.0,
            max_interval=10.0,
            sleep=sleep,
            clock=lambda: now[0],
        )
    assert slept == [2.0, 3.0]
