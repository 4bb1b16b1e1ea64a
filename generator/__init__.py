"""The regeneration pipeline: one OpenAPI spec in, one SDK package out.

One module per stage, in the order they run:

    manifest   the packages this repo publishes (manifest.toml) and the tool pins
    spec       load a spec (YAML or JSON), refuse what the pipeline cannot support, normalise
    derive     the generator's input: named inline schemas, nullable optionals, per-operation facts
    vendor     what the package templates need (auth schemes, the polled operation, examples)
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
