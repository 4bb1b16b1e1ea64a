"""Regenerate the SDK packages from specs/, or check that packages/ is current.

    python scripts/regenerate.py                  # every package
    python scripts/regenerate.py --vendor kapso   # one (repeatable)
    python scripts/regenerate.py --check          # drift gate: exit 1 if packages/ is stale
    python scripts/regenerate.py --debug          # a pipeline bug shows its traceback

The stages live in the `generator` package (see its __init__); this is only the command line.
A refused spec or a package that fails its proof exits 2 with one line; nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.errors import RegenerationError
from generator.pipeline import regenerate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vendor", action="append", help="only this vendor (repeatable)")
    parser.add_argument("--check", action="store_true", help="exit 1 if packages/ or the manifest's hashes are stale")
    parser.add_argument("--debug", action="store_true", help="show the traceback of a pipeline bug")
    args = parser.parse_args(argv)
    try:
        return regenerate(args.vendor, check=args.check)
    except RegenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug in the pipeline, not in the spec
        if args.debug:
            raise
        print(
            f"error: internal error in the pipeline: {type(exc).__name__}: {exc}; rerun with --debug", file=sys.stderr
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
