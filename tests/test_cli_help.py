"""`--help` of every package's console script and of each of its commands.

argparse %-formats help strings, so a spec text with `%` (Tracecat's `%2F`) must reach the
screen as written, never as a traceback.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import vendors_where

from support.vendors import Vendor


def squashed(text: str) -> str:
    """`text` without whitespace: argparse re-wraps help (and splits long words at hyphens)."""
    return "".join(text.split())


def spec_help(vendor: Vendor) -> list[str]:
    """The help of each CLI parameter as the spec gives it: the first line of its description."""
    parameters = vendor.parameters("path") + [
        p for p in vendor.parameters("query") + vendor.parameters("header") if p.get("required")
    ]
    return [str(p.get("description") or p["name"]).strip().splitlines()[0] for p in parameters]


@pytest.mark.parametrize("command", [[], ["get"], ["wait"]], ids=["top", "get", "wait"])
def test_help_shows_every_parameter(vendor: Vendor, command: list[str]) -> None:
    script = Path(sys.executable).parent / vendor.dist
    result = subprocess.run([str(script), *command, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith(f"usage: {vendor.dist}")
    if command:
        for text in spec_help(vendor):
            assert squashed(text) in squashed(result.stdout)
    if command == ["wait"]:
        assert "--timeout" in result.stdout


def lifecycle_commands(vendor: Vendor) -> list[Any]:
    """The package's lifecycle commands (`list`, `start`, `cancel`, ...), as its cli.py declares them."""
    module: Any = importlib.import_module(f"{vendor.import_name}.cli")
    return list(module.COMMANDS)


@pytest.mark.parametrize("vendor", vendors_where(lambda v: bool(lifecycle_commands(v))))
def test_help_of_every_lifecycle_command(vendor: Vendor) -> None:
    """Each command's --help: its description, every positional parameter and every option, with
    what the option takes; the top-level help names every command."""
    script = Path(sys.executable).parent / vendor.dist
    top = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    for command in lifecycle_commands(vendor):
        assert command.name in top.stdout
        result = subprocess.run([str(script), command.name, "--help"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        assert result.stdout.startswith(f"usage: {vendor.dist} {command.name}")
        shown = squashed(result.stdout)
        assert squashed(command.description) in shown
        for param in command.path_params:
            assert param.metavar in result.stdout and squashed(param.help) in shown
        for option in command.options:
            assert f"--{option.flag}" in result.stdout and squashed(option.help) in shown
            if option.parse is not None:
                assert squashed(option.expected) in shown
        if command.body is not None:
            assert "--data" in result.stdout and "@FILE" in result.stdout
            for field in command.body.fields:
                assert "--" + field.python_name.replace("_", "-") in result.stdout
        assert ("--max N" in result.stdout) == (command.kind == "list")
        assert ("--wait" in result.stdout) == (command.kind == "start" and command.wait_from is not None)


def test_percent_in_every_spec_text_is_shown_as_written(vendor: Vendor, capsys: pytest.CaptureFixture[str]) -> None:
    """Every help text a spec feeds (parameters, environment names, statuses, the server URL)."""
    cli: Any = importlib.import_module(f"{vendor.import_name}._cli")
    spec = cli.CliSpec(
        prog="x-exec",
        version="1",
        description="100% of a description",
        credentials=[cli.Credential("token", "X_%d_TOKEN")],
        base_url_env="X_%s_BASE_URL",
        default_base_url="https://api.example.com/a%2Fb",
        path_params=[cli.Param("execution_id", "an id, `/` sent as %2F, 50%(x)s")],
        query_params=[cli.Param("workspace_id", "100% required", env="X_%(prog)s")],
        terminal=cli.TerminalStatuses.of(success=["100%"], failure=["%s"]),
        status_path=["status"],
        summary={},
        make_client=None,
        fetch=None,
        status_of=None,
        commands=[
            cli.Command(
                "list",
                "list",
                "list 100% of them",
                "pages of 50%(x)s",
                path_params=[cli.Positional("path_0", "FLOW_ID", "flow_id", "a flow, %2F-encoded")],
                options=[cli.Option("status", "option_status", "status", "100% status", parse=int, expected="a %d")],
                send=None,
            )
        ],
    )
    assert cli.run(spec, ["list", "--help"]) == 0
    shown = squashed(capsys.readouterr().out)
    for text in ["pagesof50%(x)s", "aflow,%2F-encoded", "100%status", "a%d"]:
        assert text in shown
    for command in (["get"], ["wait"]):
        assert cli.run(spec, [*command, "--help"]) == 0
        shown = squashed(capsys.readouterr().out)
        for text in ["sentas%2F,50%(x)s", "100%required", "$X_%(prog)s", "$X_%d_TOKEN", "$X_%s_BASE_URL", "a%2Fb"]:
            assert text in shown
    assert "'100%'" in shown and "'%s'" in shown
