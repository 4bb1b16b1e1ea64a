"""The vendor's documented rate limit: the spec's `x-rate-limit` extension, read and checked.

On the document root (an overlay action puts it there when the vendor's document has none):

    x-rate-limit:
      source: https://...          # where the vendor documents it (required)
      requests: 50                 # the same limit for every customer:
      per: second                  #   second | minute | hour | day; the package's default rate_limit
    # or, when the limit depends on the customer's plan:
      plans:
        - {plan: free, requests: 100, per: minute}
        - {plan: pro, requests: 500, per: minute}

A limit the same for every customer becomes the client's default `rate_limit`. A limit that
depends on the plan leaves the default adaptive (a default that throttles a paying customer
tenfold is wrong) and the README lists the `rate_limit=` to pass for each plan.

On an operation it is refused: the budget is one per client, so a per-operation limit would need a
budget per operation, which the runtime does not have.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from .derive import Derived
from .errors import SpecRefusalError, pointer_join

EXTENSION = "x-rate-limit"
SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_FORMAT = "`{source: URL, requests: N, per: second|minute|hour|day}` or `{source: URL, plans: [{plan, requests, per}]}`"


def _limit(path: Path, pointer: str, entry: Any, what: str) -> dict[str, Any]:
    """One `{requests, per}` (with `plan` for a plan's), as the README and the client use it."""
    requests, per = entry.get("requests"), entry.get("per")
    if isinstance(requests, bool) or not isinstance(requests, (int, float)) or not math.isfinite(requests):
        raise SpecRefusalError(path, pointer_join(pointer, "requests"), f"{what} needs a number of requests", _FIX)
    if requests <= 0:
        raise SpecRefusalError(path, pointer_join(pointer, "requests"), f"{what}: {requests} requests", _FIX)
    if per not in SECONDS:
        raise SpecRefusalError(path, pointer_join(pointer, "per"), f"{what}: per {per!r} is not a unit", _FIX)
    seconds = SECONDS[per]
    number = int(requests) if float(requests).is_integer() else requests
    return {
        "requests": number,
        "per": per,
        "rate": number / seconds,
        # The value to write after `rate_limit=`: exact, e.g. `100 / 60` for 100 a minute.
        "literal": repr(number) if seconds == 1 else f"{number!r} / {seconds}",
        "text": f"{number} requests per {per}",
    }


_FIX = f"write `x-rate-limit` as {_FORMAT}"


def rate_limit_context(derived: Derived) -> dict[str, Any] | None:
    """The spec's documented rate limit for the templates; None when it documents none.

    Raises:
        SpecRefusalError: `x-rate-limit` is malformed, or sits on an operation.
    """
    path = derived.path
    for op in derived.operations:
        if EXTENSION in op.operation:
            raise SpecRefusalError(
                path,
                pointer_join(op.pointer, EXTENSION),
                "a rate limit per operation is not supported (the budget is one per client)",
                "put `x-rate-limit` on the document root",
            )
    entry = derived.spec.get(EXTENSION)
    if entry is None:
        return None
    pointer = "/" + EXTENSION
    if not isinstance(entry, dict):
        raise SpecRefusalError(path, pointer, "`x-rate-limit` is not a mapping", _FIX)
    source = entry.get("source")
    if not isinstance(source, str) or not source.strip():
        raise SpecRefusalError(path, pointer_join(pointer, "source"), "the rate limit names no source", _FIX)
    unknown = sorted(set(entry) - {"source", "requests", "per", "plans"})
    if unknown:
        raise SpecRefusalError(path, pointer_join(pointer, unknown[0]), f"unknown key {unknown[0]!r}", _FIX)
    plans = entry.get("plans")
    if plans is None:
        return {"source": source.strip(), "default": _limit(path, pointer, entry, "the rate limit"), "plans": []}
    if "requests" in entry or "per" in entry:
        raise SpecRefusalError(path, pointer, "both one limit and plans", _FIX)
    if not isinstance(plans, list) or not plans:
        raise SpecRefusalError(path, pointer_join(pointer, "plans"), "plans is not a non-empty list", _FIX)
    rows = []
    for index, plan in enumerate(plans):
        where = pointer_join(pointer, "plans", index)
        if not isinstance(plan, dict) or not isinstance(plan.get("plan"), str) or not plan["plan"].strip():
            raise SpecRefusalError(path, where, "a plan needs a name (`plan`)", _FIX)
        rows.append({"plan": plan["plan"].strip(), **_limit(path, where, plan, f"plan {plan['plan']!r}")})
    return {"source": source.strip(), "default": None, "plans": rows}
