"""`python -m <package>.testing serve`: the package's fake on 127.0.0.1, for a shell or a demo."""

from __future__ import annotations

import argparse
import shlex
import threading
from collections.abc import Mapping, Sequence

from ._fake import FakeAPIBase


def serve_main(
    fake_type: type[FakeAPIBase],
    argv: Sequence[str] | None,
    *,
    prog: str,
    title: str,
    env_base_url: str,
    env_credentials: Mapping[str, str],
) -> int:
    """`python -m <package>.testing serve`: the fake on 127.0.0.1 until Ctrl-C (or SIGTERM).


    Prints the base URL, then the environment lines that point the package's client (and its
    command line) at it, the fake's credentials included; scripted executions come from
    `--execution ID=STATUS[,STATUS...]`."""
    parser = argparse.ArgumentParser(prog=prog, description=f"A fake of the {title} for tests and demos.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the fake on 127.0.0.1 and print its base URL and credentials")
    serve.add_argument("--port", type=int, default=0, help="the port (default: a free one)")
    serve.add_argument(
        "--credential", action="append", default=[], metavar="PARAMETER=VALUE", help="a credential the fake requires"
    )
    serve.add_argument(
        "--execution",
        action="append",
        default=[],
        metavar="ID=STATUS[,STATUS...]",
        help="serve an execution: each poll answers the next status (the last repeats)",
    )
    args = parser.parse_args(argv)
    try:
        credentials = dict(_pair(text, "--credential") for text in args.credential)
        fake = fake_type(credentials=credentials)
        for text in args.execution:
            ident, statuses = _pair(text, "--execution")
            fake.add_execution(ident, statuses=statuses.split(","))
    except ValueError as exc:
        parser.error(str(exc))
    try:
        with fake.serve(args.port) as url:
            lines = [f"{title} (fake) on {url}", f"export {env_base_url}={shlex.quote(url)}"]
            lines += [
                f"export {env_credentials[p]}={shlex.quote(v)}"
                for p, v in fake.credentials.items()
                if p in env_credentials
            ]
            print("\n".join(lines), flush=True)
            threading.Event().wait()  # until Ctrl-C; SIGTERM ends the process as it would any server
    except KeyboardInterrupt:
        pass
    return 0


def _pair(text: str, option: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise ValueError(f"{option} takes NAME=VALUE, not {text!r}")
    return name, value
