#!/usr/bin/env python3
"""Write python/socinv/_core.pyi from the built socinv._core with pybind11-stubgen.

    python scripts/generate_stubs.py            # rewrite the committed stubs (make stubs)
    python scripts/generate_stubs.py --output DIR   # write DIR/_core.pyi instead

The module is imported the usual way, so run it with the interpreter (and PYTHONPATH) where
the freshly built socinv is installed. tests/python/test_api.py regenerates the stubs into a
temporary directory and fails when they differ from the committed file: after changing a
binding, run this script and commit python/socinv/_core.pyi.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "python" / "socinv" / "_core.pyi"

HEADER = (
    "# Generated from the built module by scripts/generate_stubs.py (pybind11-stubgen): do not edit.\n"
    "# After changing a binding, run `make stubs` and commit this file.\n"
)

# Arrays as Annotated[ArrayLike, dtype] (valid for type checkers); no "..." for values that
# cannot be printed, so the stubs fail to generate instead of losing a default.
OPTIONS = ["--numpy-array-wrap-with-annotated", "--exit-code"]


def generate() -> str:
    """The stubs of socinv._core, as text."""
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [sys.executable, "-m", "pybind11_stubgen", *OPTIONS, "--output-dir", tmp, "socinv._core"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        if result.returncode != 0:
            raise SystemExit(f"pybind11-stubgen failed:\n{result.stdout}{result.stderr}")
        text = (Path(tmp) / "socinv" / "_core.pyi").read_text(encoding="utf-8")
    return HEADER + text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, help="write OUTPUT/_core.pyi instead of the committed stubs")
    args = parser.parse_args(argv)
    target = COMMITTED if args.output is None else args.output / "_core.pyi"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(generate(), encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
