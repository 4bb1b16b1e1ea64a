"""One constructor shape for every vendor: keyword-only arguments, each credential and the base
URL falling back to its environment variable, a clear error naming both when one is missing.
Requests over a real socket (ScriptedServer), sync and async.
"""

from __future__ import annotations

import importlib
import inspect
from types import ModuleType
from typing import Any

import pytest

from support.calls import TLS, example, get
from support.process import free_port
from support.scripted import Reply, ScriptedServer
from support.vendors import Vendor

SECRET = "env-CREDENTIAL-5e6f7a8b"
EXPLICIT = "arg-CREDENTIAL-1a2b3c4d"


def facts(vendor: Vendor) -> ModuleType:
    return importlib.import_module(f"{vendor.import_name}._vendor")


def clear_env(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    """No credential or base URL from the test's own environment."""
    for variable in [*facts(vendor).ENV_CREDENTIALS.values(), facts(vendor).ENV_BASE_URL]:
        monkeypatch.delenv(variable, raising=False)


async def close(client: Any) -> None:
    client.close()
    await client.aclose()


def test_every_argument_is_keyword_only(vendor: Vendor) -> None:
    signature = inspect.signature(vendor.package.AuthenticatedClient)
    assert signature.parameters, "the constructor takes arguments"
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in signature.parameters.values())
    expected = {*facts(vendor).ENV_CREDENTIALS, "base_url"}
    assert expected <= set(signature.parameters)
    for name in expected:
        assert signature.parameters[name].default is None, f"{name} must default to its environment variable"
    with pytest.raises(TypeError):
        vendor.package.AuthenticatedClient("https://api.example.invalid", **{vendor.credential_param: SECRET})


@pytest.mark.asyncio
async def test_credential_and_base_url_come_from_the_environment(
    vendor: Vendor, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clear_env(vendor, monkeypatch)
    with ScriptedServer([Reply(200, example(vendor))]) as server:
        monkeypatch.setenv(vendor.env_credential, SECRET)
        monkeypatch.setenv(vendor.env_base_url, server.url)
        client = vendor.package.AuthenticatedClient(max_retries=0, verify_ssl=TLS)
        try:
            assert client.base_url == server.url
            await get(vendor, mode, client)
        finally:
            await close(client)
    (seen,) = server.requests
    assert vendor.sent_credential(seen.headers, seen.path) == vendor.credential_value(SECRET)
    assert SECRET not in repr(client)


@pytest.mark.asyncio
async def test_an_explicit_argument_wins_over_the_environment(
    vendor: Vendor, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The environment names a credential and a server that would both be wrong.
    monkeypatch.setenv(vendor.env_credential, SECRET)
    monkeypatch.setenv(vendor.env_base_url, f"http://127.0.0.1:{free_port()}")
    with ScriptedServer([Reply(200, example(vendor))]) as server:
        client = vendor.package.AuthenticatedClient(
            base_url=server.url, **{vendor.credential_param: EXPLICIT}, max_retries=0, verify_ssl=TLS
        )
        try:
            await get(vendor, mode, client)
        finally:
            await close(client)
    (seen,) = server.requests
    assert vendor.sent_credential(seen.headers, seen.path) == vendor.credential_value(EXPLICIT)
    assert SECRET not in str(seen.headers)


@pytest.mark.parametrize("value", [None, ""])
def test_a_missing_credential_names_the_argument_and_the_variable(
    vendor: Vendor, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    clear_env(vendor, monkeypatch)
    monkeypatch.setenv(vendor.env_base_url, "https://api.example.invalid")
    env_credentials: dict[str, str] = facts(vendor).ENV_CREDENTIALS
    if value is not None:
        for variable in env_credentials.values():
            monkeypatch.setenv(variable, value)  # set but empty counts as unset
    auth = importlib.import_module(f"{vendor.import_name}._auth")
    try:
        client = vendor.package.AuthenticatedClient()
    except auth.MissingConfigurationError as caught:
        error = caught
    else:  # every credential of this API is optional: none configured, none invented
        with client:
            assert client._credentials == {}
        return
    assert isinstance(error, ValueError)  # what the old constructor raised
    assert isinstance(error, vendor.errors.APIError)  # and the package's base error
    assert error.argument in env_credentials and error.variable == env_credentials[error.argument]
    assert f"{error.argument}=" in str(error) and error.variable in str(error)
    # The client module re-exports it, beside AuthenticatedClient.
    client_module = importlib.import_module(f"{vendor.import_name}.client")
    assert client_module.MissingConfigurationError is auth.MissingConfigurationError


def test_an_explicit_empty_credential_is_not_replaced_by_the_environment(
    vendor: Vendor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(vendor.env_credential, SECRET)
    try:
        client = vendor.package.AuthenticatedClient(
            base_url="https://api.example.invalid", **{vendor.credential_param: ""}
        )
    except ValueError as error:  # a required credential: "" is as missing as no value
        assert vendor.env_credential in str(error)
    else:  # an optional one: "" means none, whatever the variable says
        with client:
            assert SECRET not in client._credentials.values()


def test_the_base_url_falls_back_to_the_spec_then_fails_naming_the_variable(
    vendor: Vendor, monkeypatch: pytest.MonkeyPatch
) -> None:
    clear_env(vendor, monkeypatch)
    default = facts(vendor).DEFAULT_BASE_URL
    build = vendor.package.AuthenticatedClient
    if default:
        with build(**{vendor.credential_param: SECRET}) as client:
            assert client.base_url == default
    else:
        with pytest.raises(ValueError) as caught:
            build(**{vendor.credential_param: SECRET})
        assert (caught.value.argument, caught.value.variable) == ("base_url", vendor.env_base_url)  # type: ignore[attr-defined]
        assert "base_url=" in str(caught.value) and vendor.env_base_url in str(caught.value)
    # The variable wins over the spec's server; an argument over both.
    monkeypatch.setenv(vendor.env_base_url, "https://env.example.invalid")
    with build(**{vendor.credential_param: SECRET}) as client:
        assert client.base_url == "https://env.example.invalid"
    with build(base_url="https://arg.example.invalid", **{vendor.credential_param: SECRET}) as client:
        assert client.base_url == "https://arg.example.invalid"


def test_every_credential_reads_its_own_variable(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Optional credentials too: each parameter has its variable, and a set one is configured."""
    clear_env(vendor, monkeypatch)
    env_credentials: dict[str, str] = facts(vendor).ENV_CREDENTIALS
    for n, variable in enumerate(env_credentials.values()):
        monkeypatch.setenv(variable, f"{SECRET}-{n}")
    with vendor.package.AuthenticatedClient(base_url="https://api.example.invalid") as client:
        assert sorted(client._credentials.values()) == sorted(f"{SECRET}-{n}" for n in range(len(env_credentials)))


def test_from_env_is_the_constructor(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    clear_env(vendor, monkeypatch)
    monkeypatch.setenv(vendor.env_credential, SECRET)
    build = vendor.package.AuthenticatedClient
    with build.from_env(base_url="https://a.example.invalid", max_retries=1) as client:
        assert (client.base_url, client.max_retries) == ("https://a.example.invalid", 1)
        assert type(client) is build
    monkeypatch.delenv(vendor.env_credential)
    monkeypatch.setenv(vendor.env_base_url, "https://api.example.invalid")
    with pytest.raises(ValueError, match=vendor.env_credential):
        build.from_env()


@pytest.mark.parametrize(
    ("value", "variable", "required", "default", "expected"),
    [
        ("arg", "V", True, "spec", "arg"),  # an argument wins
        (None, "V", True, "spec", "env"),  # then the variable
        (None, "UNSET", True, "spec", "spec"),  # then the default
        (None, "UNSET", False, "", ""),  # an optional setting may be absent
        ("", "V", False, "", ""),  # an explicit "" ignores the variable
    ],
)
def test_setting_precedence(
    vendor: Vendor,
    monkeypatch: pytest.MonkeyPatch,
    value: str | None,
    variable: str,
    required: bool,
    default: str,
    expected: str,
) -> None:
    auth = importlib.import_module(f"{vendor.import_name}._auth")
    monkeypatch.setenv("V", "env")
    monkeypatch.delenv("UNSET", raising=False)
    assert auth.setting(value, "x", variable, required=required, default=default) == expected


def test_setting_without_a_value_or_default_names_both(vendor: Vendor, monkeypatch: pytest.MonkeyPatch) -> None:
    """The self-hosted case (no server in the spec), whichever vendors are selected."""
    auth = importlib.import_module(f"{vendor.import_name}._auth")
    monkeypatch.delenv("ACME_BASE_URL", raising=False)
    with pytest.raises(auth.MissingConfigurationError, match=r"base_url=.*ACME_BASE_URL"):
        auth.setting(None, "base_url", "ACME_BASE_URL", required=True, default="")
