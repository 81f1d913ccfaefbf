"""Benchmark: loading a fund ledger of 200,000 entries (JSON file and ledger store), and its scaling.

The ledger once checked duplicate ids linearly, so loading was quadratic (200,000 entries took
243 s); the aim is well under a second for the JSON load. Ten times the entries should take
about ten times as long: the ratios printed are large / small.

Usage: python bench/bench_ledger.py   (SOCINV_BENCH_LEDGER_ENTRIES overrides the 200,000)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    core = ROOT / "build" / "cpp" / "bench_ledger_core"
    if not core.exists():
        print(f"bench_ledger: {core} is missing; run `make build` first", file=sys.stderr)
        return 1
    entries = int(os.environ.get("SOCINV_BENCH_LEDGER_ENTRIES", "200000"))
    f = json.loads(subprocess.run([str(core), str(entries)], check=True, capture_output=True, text=True).stdout)
    small, large = f["small"], f["large"]
    print(f"{'ledger, best of 3':<34}{small:>12,} entries{large:>12,} entries{'ratio':>9}")
    for key, label in [("parse", "parse and read the entries"), ("replay", "replay (rules, ids, cash)"),
                       ("store_import", "store: import"), ("store_load", "store: load and verify chain")]:
        a, b = f[key]
        print(f"  {label:<32}{a:>12.3f} s       {b:>12.3f} s       {b / a:>6.1f}x")
    load = f["parse"][1] + f["replay"][1]
    print(f"JSON ledger of {large:,} entries loads in {load:.3f} s (aim: well under 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
