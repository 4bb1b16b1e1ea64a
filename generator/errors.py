"""The pipeline's one error type: everything a maintainer sees is one line."""

from __future__ import annotations

from pathlib import Path

from . import ROOT


def display_path(path: Path | str) -> str:
    """`path` relative to the repo when it is inside it (messages name repo files, not machines)."""
    candidate = Path(path)
    try:
        return str(candidate.resolve().relative_to(ROOT))
    except ValueError:
        return str(candidate)


class RegenerationError(Exception):
    """A spec or a generated package that the pipeline refuses; `str()` is the one-line message."""


class SpecRefusalError(RegenerationError):
    """A construct in a spec the pipeline cannot support: file, JSON pointer, what, and what to write."""

    def __init__(self, spec: Path | str, pointer: str, what: str, fix: str) -> None:
        self.spec, self.pointer, self.what, self.fix = spec, pointer, what, fix
        super().__init__(f"{display_path(spec)}: {pointer or '#'}: {what}; {fix}")


def pointer_join(pointer: str, *parts: str | int) -> str:
    """Append JSON-pointer segments, escaping `~` and `/` as RFC 6901 says."""
    for part in parts:
        pointer += "/" + str(part).replace("~", "~0").replace("/", "~1")
    return pointer


class SpecRefusalsError(RegenerationError):
    """Several refusals at once (derive's collecting mode), for the stage that leaves operations out."""

    def __init__(self, problems: list[SpecRefusalError]) -> None:
        self.problems = problems
        super().__init__(str(problems[0]) + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
