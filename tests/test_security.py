"""Which credentials a request carries, and where they never show, over a real socket, sync and async.

The runtime of each installed vendor package is driven directly: a `BaseClient` with three
schemes (a bearer token, an API-key header, an API-key query parameter, and a second header
that some operations need together with the key) and an operation's `security` as the
generated module passes it.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from support.calls import TLS
from support.process import free_port
from support.scripted import Reply, ScriptedServer, Seen
from support.vendors import Vendor

TOKEN = "tok-SECRET-0a1b2c3d"
KEY = "key-SECRET-4e5f6a7b"
QUERY_KEY = "qk-SECRET-8c9d0e1f"
SESSION = "ses-SECRET-2a3b4c5d"
SECRETS = {"bearer": TOKEN, "apiKey": KEY, "queryKey": QUERY_KEY, "session": SESSION}
# The client's constructor parameter for each scheme, as the rendered AuthenticatedClient names them.
PARAMS = {"bearer": "token", "apiKey": "api_key", "queryKey": "query_key", "session": "session_key"}


def make_client(vendor: Vendor, url: str, configured: Sequence[str], **kwargs: Any) -> Any:
    base = importlib.import_module(f"{vendor.import_name}._base_client")
    auth = importlib.import_module(f"{vendor.import_name}._auth")
    schemes = {
        "bearer": auth.Scheme("header", "Authorization", "Bearer "),
        "apiKey": auth.Scheme("header", "X-Vault-Key"),
        "queryKey": auth.Scheme("query", "api_key"),
        "session": auth.Scheme("header", "X-Session"),
    }
    return base.BaseClient(
        base_url=url,
        schemes=schemes,
        credentials={name: SECRETS[name] for name in configured},
        credential_params=PARAMS,
        user_agent="security-test/0",
        verify_ssl=TLS,
        **kwargs,
    )


async def request(client: Any, mode: str, method: str = "GET", **kwargs: Any) -> None:
    """`method` /secret through the client's sync or async loop."""
    if mode == "sync":
        client._request(method=method, url="/secret", **kwargs)
    else:
        await client._arequest(method=method, url="/secret", **kwargs)


async def close(client: Any) -> None:
    client.close()
    await client.aclose()


async def send(vendor: Vendor, mode: str, configured: Sequence[str], security: Any, **kwargs: Any) -> Seen:
    """One GET /secret with `security`; what the server saw."""
    with ScriptedServer([Reply(200, {})]) as server:
        client = make_client(vendor, server.url, configured)
        try:
            await request(client, mode, security=security, **kwargs)
        finally:
            await close(client)
    (seen,) = server.requests
    return seen


def sent(seen: Seen) -> dict[str, str]:
    """The credentials that arrived, by scheme name."""
    found = {}
    query = parse_qs(urlsplit(seen.path).query)
    if seen.headers.get("authorization") == f"Bearer {TOKEN}":
        found["bearer"] = TOKEN
    if "x-vault-key" in seen.headers:
        found["apiKey"] = seen.headers["x-vault-key"]
    if "api_key" in query:
        (found["queryKey"],) = query["api_key"]
    if "x-session" in seen.headers:
        found["session"] = seen.headers["x-session"]
    return found


ALL = ("bearer", "apiKey", "queryKey", "session")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("configured", "security", "expected"),
    [
        pytest.param(ALL, (), {}, id="empty requirement sends nothing"),
        pytest.param(ALL, ((),), {}, id="one empty alternative sends nothing"),
        pytest.param(("apiKey", "queryKey"), None, {"apiKey": KEY, "queryKey": QUERY_KEY}, id="None sends all"),
        pytest.param(("apiKey",), (("bearer",), ("apiKey",)), {"apiKey": KEY}, id="first satisfiable"),
        pytest.param(ALL, (("bearer",), ("apiKey",)), {"bearer": TOKEN}, id="first of several"),
        pytest.param(ALL, (("apiKey", "session"),), {"apiKey": KEY, "session": SESSION}, id="AND sends both"),
        pytest.param(
            ("apiKey", "bearer"), (("apiKey", "session"), ("bearer",)), {"bearer": TOKEN}, id="AND unmet, OR met"
        ),
        pytest.param(("queryKey",), (("queryKey",),), {"queryKey": QUERY_KEY}, id="apiKey in query"),
        pytest.param(("apiKey",), ((), ("apiKey",)), {"apiKey": KEY}, id="optional, configured: sent"),
        pytest.param((), ((), ("apiKey",)), {}, id="optional, not configured: none"),
    ],
)
async def test_security_requirement_picks_the_credentials(
    vendor: Vendor, mode: str, configured: Sequence[str], security: Any, expected: Mapping[str, str]
) -> None:
    seen = await send(vendor, mode, configured, security)
    assert sent(seen) == expected


@pytest.mark.asyncio
async def test_query_credential_joins_the_operations_parameters_and_wins(vendor: Vendor, mode: str) -> None:
    seen = await send(vendor, mode, ["queryKey"], (("queryKey",),), params={"page": 2, "api_key": "from-caller"})
    assert parse_qs(urlsplit(seen.path).query) == {"page": ["2"], "api_key": [QUERY_KEY]}
    assert urlsplit(seen.path).path == "/secret"


@pytest.mark.asyncio
async def test_header_credential_replaces_a_same_named_header(vendor: Vendor, mode: str) -> None:
    seen = await send(vendor, mode, ["bearer"], (("bearer",),), headers={"authorization": "Bearer forged"})
    assert seen.headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("configured", "security", "named"),
    [
        pytest.param(("apiKey",), (("bearer",),), "pass token= to the client", id="one scheme"),
        pytest.param(("apiKey",), (("apiKey", "session"),), "pass session_key= to the client", id="AND"),
        pytest.param((), (("bearer",), ("apiKey", "session")), "token= (or api_key= and session_key=)", id="OR"),
    ],
)
async def test_missing_credential_fails_before_sending(
    vendor: Vendor, mode: str, configured: Sequence[str], security: Any, named: str
) -> None:
    with ScriptedServer([Reply(200, {})]) as server:
        client = make_client(vendor, server.url, configured)
        try:
            with pytest.raises(vendor.errors.MissingCredentialError) as caught:
                await request(client, mode, "POST", security=security)
        finally:
            await close(client)
    assert server.requests == []
    message = str(caught.value)
    assert named in message
    assert message.startswith("POST /secret needs a credential")
    assert isinstance(caught.value, vendor.errors.APIError)
    assert not any(secret in message for secret in SECRETS.values())


def test_scheme_names_stand_in_for_unknown_constructor_parameters(vendor: Vendor) -> None:
    base = importlib.import_module(f"{vendor.import_name}._base_client")
    auth = importlib.import_module(f"{vendor.import_name}._auth")
    client = base.BaseClient(
        base_url="http://127.0.0.1:9",
        schemes={"oauth": auth.Scheme("header", "Authorization", "Bearer ")},
        credentials={},
        user_agent="t/0",
    )
    with pytest.raises(vendor.errors.MissingCredentialError, match="pass oauth= to the client"):
        client._request(method="GET", url="/x", security=(("oauth",),))


def test_credentials_for_an_unknown_scheme_are_refused(vendor: Vendor) -> None:
    base = importlib.import_module(f"{vendor.import_name}._base_client")
    with pytest.raises(ValueError, match="unknown security scheme"):
        base.BaseClient(base_url="http://127.0.0.1:9", schemes={}, credentials={"nope": KEY}, user_agent="t/0")


def test_credentials_stay_out_of_the_httpx_clients_defaults(vendor: Vendor) -> None:
    client = make_client(vendor, "http://127.0.0.1:9", ALL)
    try:
        defaults = client.get_httpx_client()
        assert not any(secret in value for value in defaults.headers.values() for secret in SECRETS.values())
        assert not defaults.params
    finally:
        client.close()


@pytest.mark.asyncio
async def test_no_secret_in_logs_reprs_or_errors(
    vendor: Vendor, mode: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.DEBUG, logger=vendor.import_name)
    monkeypatch.setattr(importlib.import_module(f"{vendor.import_name}._constants"), "INITIAL_RETRY_DELAY", 0.01)
    security = (("apiKey", "session", "queryKey"), ("bearer",))
    with ScriptedServer([Reply(503), Reply(200, {})]) as server:
        client = make_client(vendor, server.url, ALL)
        try:
            await request(client, mode, params={"page": "1"}, security=security)
            text = repr(client) + str(client)
        finally:
            await close(client)
    assert sent(server.requests[0]) == {"apiKey": KEY, "session": SESSION, "queryKey": QUERY_KEY}
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Retrying GET" in logged and "page=1" in logged
    assert logged.count("<redacted>") >= 3  # the query parameter and both custom headers
    assert not any(secret in logged + text for secret in SECRETS.values())

    # An error raised for a request that carried every kind of credential.
    unreachable = make_client(vendor, f"http://127.0.0.1:{free_port()}", ALL, max_retries=0)
    try:
        with pytest.raises(vendor.errors.APIConnectionError) as caught:
            await request(unreachable, mode, security=security)
    finally:
        await close(unreachable)
    assert not any(secret in str(caught.value) + repr(caught.value) for secret in SECRETS.values())


# -- HTTP basic auth, through a package generated from tests/corpus/sec_http_basic.yaml ----------

PASSWORD = "pw-SECRET-6d7e8f90"


def basic_package() -> str:
    """The import name of the sec_http_basic corpus case, built once and importable."""
    import sys

    from support.built import build
    from support.vendors import ROOT

    directory = build(ROOT / "tests" / "corpus" / "sec_http_basic.yaml", "basic_auth_exec")
    if str(directory) not in sys.path:
        sys.path.insert(0, str(directory))
    return "basic_auth_exec"


@pytest.mark.asyncio
async def test_http_basic_sends_username_and_password_and_never_shows_them(
    mode: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import base64

    package = basic_package()
    client_module = importlib.import_module(f"{package}.client")
    get_run = importlib.import_module(f"{package}.api.default.get_run")
    either = importlib.import_module(f"{package}.api.default.get_cookie_or_bearer")
    caplog.set_level(logging.DEBUG, logger=package)
    expected = "Basic " + base64.b64encode(f"ann:{PASSWORD}".encode()).decode()
    body = {"id": "r1", "status": "done"}
    with ScriptedServer([Reply(200, body), Reply(200, body), Reply(204)]) as server:
        monkeypatch.setenv("BASIC_AUTH_EXEC_USERNAME", "ann")
        monkeypatch.setenv("BASIC_AUTH_EXEC_PASSWORD", PASSWORD)
        monkeypatch.setenv("BASIC_AUTH_EXEC_TOKEN", TOKEN)
        from_env = client_module.AuthenticatedClient(base_url=server.url)
        passed = client_module.AuthenticatedClient(base_url=server.url, username="ann", password=PASSWORD, token="")
        try:
            for client in (from_env, passed):
                if mode == "sync":
                    run = get_run.sync("r1", client=client)
                else:
                    run = await get_run.asyncio("r1", client=client)
                assert run.id == "r1"
            # An operation offering a cookie or a bearer token sends the token.
            if mode == "sync":
                either.sync(client=from_env)
            else:
                await either.asyncio(client=from_env)
            text = repr(from_env) + str(passed)
        finally:
            for client in (from_env, passed):
                client.close()
                await client.aclose()
    first, second, third = server.requests
    assert first.headers["authorization"] == second.headers["authorization"] == expected
    assert third.headers["authorization"] == f"Bearer {TOKEN}"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "<redacted>" in logged
    secret = expected.removeprefix("Basic ")
    assert not any(value in logged + text for value in (PASSWORD, secret, TOKEN))


def test_http_basic_without_a_username_names_the_parameter(monkeypatch: pytest.MonkeyPatch) -> None:
    package = basic_package()
    for variable in ("USERNAME", "PASSWORD", "TOKEN"):
        monkeypatch.delenv(f"BASIC_AUTH_EXEC_{variable}", raising=False)
    client = importlib.import_module(f"{package}.client").AuthenticatedClient(base_url="http://127.0.0.1:9")
    get_run = importlib.import_module(f"{package}.api.default.get_run")
    errors = importlib.import_module(f"{package}.errors")
    try:
        with pytest.raises(errors.MissingCredentialError, match="username"):
            get_run.sync("r1", client=client)
    finally:
        client.close()


@pytest.mark.asyncio
async def test_an_api_key_in_the_query_stays_out_of_the_transports_log_lines(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """httpx2 logs every request's URL at INFO on its own logger: the key must not be in it."""
    import sys

    from support.built import build
    from support.vendors import ROOT

    directory = build(ROOT / "tests" / "corpus" / "sec_api_key_in_query.yaml", "query_key_exec")
    if str(directory) not in sys.path:
        sys.path.insert(0, str(directory))
    client_module = importlib.import_module("query_key_exec.client")
    get_run = importlib.import_module("query_key_exec.api.default.get_run")
    caplog.set_level(logging.INFO, logger="httpx2")
    with ScriptedServer([Reply(200, {"id": "r1", "status": "done"})]) as server:
        client = client_module.AuthenticatedClient(base_url=server.url, api_key=TOKEN)
        try:
            run = get_run.sync("r1", client=client) if mode == "sync" else await get_run.asyncio("r1", client=client)
        finally:
            client.close()
            await client.aclose()
    assert run.id == "r1"
    (request,) = server.requests
    assert TOKEN in request.path  # sent, in the query
    transport_lines = [record.getMessage() for record in caplog.records if record.name == "httpx2"]
    assert any("access_token=<redacted>" in line for line in transport_lines), transport_lines
    assert not any(TOKEN in line for line in transport_lines)
