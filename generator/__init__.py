"""The regeneration pipeline: one OpenAPI spec in, one SDK package out.

One module per stage, in the order they run:

    manifest   the packages this repo publishes (manifest.toml) and the tool pins
    source     read an untrusted document (bounded YAML 1.2 / JSON, a file or a URL)
    overlay    apply an OpenAPI Overlay 1.0.0 to a vendor's document
    selection  the manifest's selected operations, and pruning what they do not reach
    effective  upstream document -> overlay -> selection -> the effective spec (review: its diff)
    spec       load a spec (YAML or JSON), refuse what the pipeline cannot support, normalise
    derive     the generator's input: named inline schemas, nullable optionals, per-operation facts
    lifecycle  the paging and lifecycle extensions (x-exec-pagination, x-exec-operation), checked
    vendor     what the package templates need (auth schemes, the polled operation, examples);
               beside it fake_facts (the test fake), cli_context (the CLI's commands),
               lifecycle_context (the README's operations) and rate_limit (x-rate-limit)
    render     run openapi-python-client, copy the runtime, render the package templates
    verify     prove a built package: every module imports, mypy --strict, entry points resolve
    trees      compare a fresh build with the committed tree (the drift gate)
    pipeline   the stages put together; scripts/regenerate.py is its command line

Data folders next to the modules: templates/ (openapi-python-client overrides), runtime/
(hand-written modules copied into every package), package/ (per-package files rendered here).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "generator"
TEMPLATES = GENERATOR / "templates"
RUNTIME = GENERATOR / "runtime"
PACKAGE_TEMPLATES = GENERATOR / "package"
MANIFEST = ROOT / "manifest.toml"
PACKAGES = ROOT / "packages"
ORACLE = ROOT / "tests" / "oracle"
LICENSE = ROOT / "LICENSE"
FIX_COMMAND = "nox -s generate"
