"""The client itself: what goes on the wire (auth, User-Agent, path), what never leaks (the
credential in reprs, errors and debug logs), configuration (from_env, with_options, timeouts,
TLS). Real socket (ScriptedServer), sync and async.
"""

from __future__ import annotations

import importlib
import logging
import re
import ssl
import sys
import traceback
from urllib.parse import parse_qs

import httpx2
import pytest
from conftest import vendors_where

from support.calls import TLS, example, get, open_client
from support.process import free_port
from support.scripted import Reply, ScriptedServer, Step
from support.vendors import Vendor, normalise, parameter_name

Server = ScriptedServer


# --- module helpers ----------------------------------------------------------------------------

SECRET = "sk-live-CREDENTIAL-9f8e7d6c5b4a"

# Headers that can carry a credential.
CREDENTIAL_HEADERS = {"authorization", "proxy-authorization", "x-api-key", "cookie"}


def env_names(vendor: Vendor) -> tuple[str, str]:
    """(credential variable, base-URL variable) from the manifest's env_prefix."""
    return vendor.env_credential, vendor.env_base_url


def spec_default_base_url(vendor: Vendor) -> str | None:
    """The spec's fixed server URL, or None when it is a template (self-hosted)."""
    url = str(vendor.spec["servers"][0]["url"])
    return None if "{" in url else url


@pytest.fixture
def fast_backoff(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    constants = importlib.import_module(f"{vendor.import_name}._constants")
    monkeypatch.setattr(constants, "INITIAL_RETRY_DELAY", 0.01)


# --- on the wire -------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_request_carries_exactly_the_auth_header_and_user_agent(vendor: Vendor, mode: str) -> None:
    with Server([Reply(200, example(vendor))]) as server:
        async with open_client(vendor, server.url, credential=SECRET) as client:
            await get(vendor, mode, client)
    (seen,) = server.requests
    assert seen.method == "GET"
    assert vendor.sent_credential(seen.headers, seen.path) == vendor.credential_value(SECRET)
    # The credential travels in that one header, or that one query parameter, only.
    name = vendor.credential_name.lower()
    in_header = vendor.credential_in == "header"
    assert {h for h in seen.headers if h in CREDENTIAL_HEADERS} == ({name} if in_header else set())
    assert [h for h, v in seen.headers.items() if SECRET in v] == ([name] if in_header else [])
    path, _, query = seen.path.partition("?")
    assert SECRET not in path
    assert (SECRET in query) == (not in_header)
    if vendor.scheme["type"] == "apiKey":
        assert "authorization" not in seen.headers
    else:
        assert vendor.credential_value(SECRET) == f"Bearer {SECRET}"
    python = f"python/{sys.version_info.major}.{sys.version_info.minor}"
    assert seen.headers["user-agent"] == f"{vendor.dist}/{vendor.version} {python} httpx2/{httpx2.__version__}"
    assert seen.headers["accept"] == "application/json"


@pytest.mark.asyncio
async def test_request_path_and_query_follow_the_spec(vendor: Vendor, mode: str) -> None:
    with Server([Reply(200, example(vendor))]) as server:
        async with open_client(vendor, server.url) as client:
            await get(vendor, mode, client)
    (seen,) = server.requests
    path, _, query = seen.path.partition("?")
    assert path == vendor.expected_path()
    assert parse_qs(query, keep_blank_values=True) == vendor.sent_query("test-credential")


ODD_IDS = [
    "wf-0123456789abcdef0123456789abcdef/exec-abc",
    "wf_4Xyz:exec_9Abc",
    "wf-0123456789abcdef0123456789abcdef:exec/abc",
    "../admin",
    "a b?c#d&e=f%2F",
    "ünïcødé/ø",
]


def _string_path_names(vendor: Vendor) -> list[str]:
    return [name for name in vendor.path_param_names if vendor.param_schema(name).get("type") != "integer"]


def _odd_value_param(vendor: Vendor) -> str:
    """The string path parameter odd values go into: the execution id, else the last string one."""
    names = _string_path_names(vendor)
    return vendor.id_param if vendor.id_param in names else names[-1]


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", vendors_where(lambda v: bool(_string_path_names(v))))
async def test_string_path_value_arrives_percent_encoded_as_one_segment(vendor: Vendor, mode: str) -> None:
    segments = vendor.path_template.count("/")
    target = _odd_value_param(vendor)
    with Server([Reply(200, example(vendor))]) as server:
        async with open_client(vendor, server.url) as client:
            for value in ODD_IDS:
                await get(vendor, mode, client, **vendor.call_kwargs(overrides={target: value}))
    assert len(server.requests) == len(ODD_IDS)
    for value, seen in zip(ODD_IDS, server.requests, strict=True):
        path, _, query = seen.path.partition("?")
        assert path == vendor.expected_path(overrides={target: value})
        assert path.count("/") == segments
        assert parse_qs(query, keep_blank_values=True) == vendor.sent_query("test-credential")
    slash_in_value = vendor.expected_path(overrides={target: ODD_IDS[0]})
    assert "wf-0123456789abcdef0123456789abcdef%2Fexec-abc" in slash_in_value
    assert "wf_4Xyz%3Aexec_9Abc" in vendor.expected_path(overrides={target: ODD_IDS[1]})


@pytest.mark.asyncio
@pytest.mark.parametrize("bad", ["", ".", ".."])
@pytest.mark.parametrize("vendor", vendors_where(lambda v: bool(_string_path_names(v))))
async def test_dot_and_empty_path_segments_are_rejected_before_sending(vendor: Vendor, mode: str, bad: str) -> None:
    path_names = _string_path_names(vendor)
    with Server([Reply(200, example(vendor))]) as server:
        async with open_client(vendor, server.url) as client:
            for spec_name in path_names:
                for detailed in (False, True):
                    kwargs = {**vendor.call_kwargs(), parameter_name(spec_name): bad}
                    with pytest.raises(ValueError) as caught:
                        if mode == "sync":
                            fn = vendor.endpoint.sync_detailed if detailed else vendor.endpoint.sync
                            fn(**kwargs, client=client)
                        else:
                            afn = vendor.endpoint.asyncio_detailed if detailed else vendor.endpoint.asyncio
                            await afn(**kwargs, client=client)
                    message = str(caught.value)
                    assert spec_name in message or parameter_name(spec_name) in message
    assert server.requests == []


@pytest.mark.asyncio
async def test_custom_headers_are_sent_and_the_callers_dict_is_not_mutated(vendor: Vendor, mode: str) -> None:
    headers = {"X-Trace-Id": "trace-1"}
    snapshot = dict(headers)
    with Server([Reply(200, example(vendor))]) as server:
        async with open_client(vendor, server.url, credential=SECRET, headers=headers) as client:
            await get(vendor, mode, client)
            assert headers == snapshot
            # Later changes to the caller's dict do not reach the client either.
            headers["X-Trace-Id"] = "changed"
            headers["X-Injected"] = "yes"
            await get(vendor, mode, client)
    first, second = server.requests
    for seen in (first, second):
        assert seen.headers["x-trace-id"] == "trace-1"
        assert "x-injected" not in seen.headers
        assert vendor.sent_credential(seen.headers, seen.path) == vendor.credential_value(SECRET)


# --- the credential never leaks ------------------------------------------------------------------


@pytest.mark.asyncio
async def test_repr_and_str_never_show_the_credential(vendor: Vendor, mode: str) -> None:
    async with open_client(vendor, "https://api.example.invalid", credential=SECRET) as client:
        clone = client.with_options(max_retries=0, timeout=3.0)
        try:
            for shown in (repr(client), str(client), f"{client}", repr(clone), str(clone)):
                assert SECRET not in shown
                assert "https://api.example.invalid" in shown
        finally:
            clone.close()
            await clone.aclose()


def rendered(exc: BaseException) -> str:
    """Everything an exception shows: str, repr, args and the formatted traceback with its causes."""
    return "\n".join([str(exc), repr(exc), repr(exc.args), "".join(traceback.format_exception(exc))])


@pytest.mark.asyncio
async def test_exception_messages_never_show_the_credential(vendor: Vendor, mode: str) -> None:
    script: list[Step] = [
        Reply(401, {"message": "invalid credentials"}),
        Reply(200, b"<html>login</html>", {"Content-Type": "text/html"}),
    ]
    with Server(script) as server:
        async with open_client(vendor, server.url, credential=SECRET, max_retries=0) as client:
            with pytest.raises(vendor.errors.AuthenticationError) as unauthorized:
                await get(vendor, mode, client)
            with pytest.raises(vendor.errors.APIResponseValidationError) as invalid:
                await get(vendor, mode, client)
    async with open_client(vendor, f"http://127.0.0.1:{free_port()}", credential=SECRET, max_retries=0) as client:
        with pytest.raises(vendor.errors.APIConnectionError) as refused:
            await get(vendor, mode, client)
    for caught in (unauthorized, invalid, refused):
        assert SECRET not in rendered(caught.value)
        assert SECRET not in caught.value.message


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_debug_logs_redact_the_credential(vendor: Vendor, mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in (vendor.import_name, "httpx2", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    script: list[Step] = [Reply(503), Reply(200, example(vendor)), Reply(401, {"message": "bad key"})]
    with Server(script) as server:
        async with open_client(vendor, server.url, credential=SECRET) as client:
            await get(vendor, mode, client)
            with pytest.raises(vendor.errors.AuthenticationError):
                await get(vendor, mode, client)
    assert len(server.requests) == 3
    messages = [record.getMessage() for record in caplog.records]
    assert any(r.name.startswith("httpcore") for r in caplog.records)  # the transport logged too
    assert all(SECRET not in message for message in messages)
    assert SECRET not in caplog.text
    package_lines = [r.getMessage() for r in caplog.records if r.name == vendor.import_name]
    # The header, or for an API key in the query the URL's parameter, is shown redacted.
    name = vendor.credential_name.lower()
    assert any(name in line.lower() and "<redacted>" in line for line in package_lines), package_lines
    assert any(re.search(r"\bretry 1\b", line, re.IGNORECASE) for line in package_lines), package_lines


# --- configuration ---------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_from_env_reads_credential_and_base_url(
    vendor: Vendor, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    credential_var, base_url_var = env_names(vendor)
    with Server([Reply(200, example(vendor))]) as server:
        monkeypatch.setenv(credential_var, SECRET)
        monkeypatch.setenv(base_url_var, server.url)
        client = vendor.package.AuthenticatedClient.from_env(max_retries=0, verify_ssl=TLS)
        try:
            assert client.base_url == server.url
            assert client.max_retries == 0
            result = await get(vendor, mode, client)
        finally:
            client.close()
            await client.aclose()
    assert normalise(result.to_dict()) == normalise(example(vendor))
    (seen,) = server.requests
    assert vendor.sent_credential(seen.headers, seen.path) == vendor.credential_value(SECRET)


@pytest.mark.parametrize("value", [None, ""])
def test_from_env_without_credential_names_the_variable(
    vendor: Vendor, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    credential_var, base_url_var = env_names(vendor)
    monkeypatch.setenv(base_url_var, "https://api.example.invalid")
    if value is None:
        monkeypatch.delenv(credential_var, raising=False)
    else:
        monkeypatch.setenv(credential_var, value)
    with pytest.raises(ValueError, match=credential_var):
        vendor.package.AuthenticatedClient.from_env()


def test_from_env_without_base_url(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    credential_var, base_url_var = env_names(vendor)
    monkeypatch.setenv(credential_var, SECRET)
    monkeypatch.delenv(base_url_var, raising=False)
    default = spec_default_base_url(vendor)
    if default is None:
        # Self-hosted: no default, so the variable is required.
        with pytest.raises(ValueError, match=base_url_var):
            vendor.package.AuthenticatedClient.from_env()
    else:
        with vendor.package.AuthenticatedClient.from_env() as client:
            assert client.base_url == default
            assert SECRET not in repr(client)


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_backoff")
async def test_with_options_changes_retries_for_the_copy_only(vendor: Vendor, mode: str) -> None:
    with Server([Reply(503, {"message": "down"})]) as server:
        async with open_client(vendor, server.url) as client:
            clone = client.with_options(max_retries=0)
            try:
                assert client.max_retries == 2
                assert clone.max_retries == 0
                with pytest.raises(vendor.errors.InternalServerError):
                    await get(vendor, mode, clone)
                assert len(server.requests) == 1
                with pytest.raises(vendor.errors.InternalServerError):
                    await get(vendor, mode, client)
                assert len(server.requests) == 1 + 3
            finally:
                clone.close()
                await clone.aclose()
        with pytest.raises(ValueError):
            client.with_options(max_retries=-1)


@pytest.mark.asyncio
async def test_with_options_changes_the_timeout_for_the_copy_only(vendor: Vendor, mode: str) -> None:
    async with open_client(vendor, "https://api.example.invalid") as client:
        clone = client.with_options(timeout=1.5)
        assert clone.timeout == httpx2.Timeout(1.5)
        assert client.timeout == httpx2.Timeout(30.0, connect=5.0)
        clone.close()
        await clone.aclose()


@pytest.mark.asyncio
async def test_default_timeout_is_finite(vendor: Vendor, mode: str) -> None:
    client = vendor.client("https://api.example.invalid")
    try:
        transport_client = client.get_httpx_client() if mode == "sync" else client.get_async_httpx_client()
        for timeout in (client.timeout, transport_client.timeout):
            assert timeout.connect == 5.0
            assert timeout.read == 30.0
            assert timeout.write is not None and timeout.write <= 30.0
            assert timeout.pool is not None and timeout.pool <= 30.0
    finally:
        client.close()
        await client.aclose()


@pytest.mark.asyncio
async def test_tls_verification_is_on_by_default(vendor: Vendor, mode: str) -> None:
    client = vendor.client("https://api.example.invalid")
    unverified = vendor.client("https://api.example.invalid", verify_ssl=False)
    try:
        if mode == "sync":
            default, off = client.get_httpx_client(), unverified.get_httpx_client()
        else:
            default, off = client.get_async_httpx_client(), unverified.get_async_httpx_client()
        context = default._transport._pool._ssl_context
        assert context.verify_mode == ssl.CERT_REQUIRED
        assert context.check_hostname is True
        # The check can tell: an explicit opt-out does turn verification off.
        assert off._transport._pool._ssl_context.verify_mode == ssl.CERT_NONE
    finally:
        for each in (client, unverified):
            each.close()
            await each.aclose()


def test_empty_credential_is_rejected(vendor: Vendor) -> None:
    with pytest.raises(ValueError, match=vendor.credential_param):
        vendor.client("https://api.example.invalid", credential="")
