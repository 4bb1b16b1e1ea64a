"""Prism sweep: many dynamic (randomly generated, schema-valid) responses per vendor.

Each of `EXEC_SDKS_PRISM_SWEEP` (default 500) answers Prism's faker builds from the spec with
`Prefer: dynamic=true` must be schema-valid (else the sweep would prove nothing), decode into
the success model, re-encode to exactly the JSON received, and read the same as the pydantic
oracle. Calls go out concurrently in small batches so the client's decoding overlaps Prism's
generating; each answer is still one ordinary `asyncio_detailed` call.
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

import jsonschema
import pytest

from support.differential import agree
from support.jsoncompare import json_difference
from support.prism import PrismServer
from support.strategies import success_json_schema
from support.vendors import Vendor

SWEEP = int(os.environ.get("EXEC_SDKS_PRISM_SWEEP", "500"))
BATCH = 8


@pytest.mark.asyncio
async def test_prism_dynamic_responses_parse(vendor: Vendor, prism: PrismServer) -> None:
    validator = jsonschema.Draft202012Validator(
        success_json_schema(vendor), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    client = vendor.client(prism.url, headers={"Prefer": "dynamic=true"})
    parsed = 0
    distinct: set[str] = set()
    try:
        for start in range(0, SWEEP, BATCH):
            responses = await asyncio.gather(
                *(
                    vendor.endpoint.asyncio_detailed(**vendor.call_kwargs(), client=client)
                    for _ in range(min(BATCH, SWEEP - start))
                )
            )
            for response in responses:
                assert response.status_code == 200, response.content[:200]
                raw: Any = json.loads(response.content)
                errors = [e.message for e in validator.iter_errors(raw)]
                assert not errors, f"Prism sent a body its spec rejects: {errors}"
                execution = response.parsed
                assert execution is not None
                difference = json_difference(execution.to_dict(), raw)
                assert difference is None, f"re-encoded body differs from Prism's: {difference}"
                agree(vendor, raw)
                distinct.add(response.content.decode())
                parsed += 1
    finally:
        await client.aclose()
    assert parsed >= SWEEP
    # Dynamic answers really vary (a static example every time would make this sweep moot).
    assert len(distinct) > SWEEP // 2
