"""Run every benchmark in bench/ (each bench_*.py, one after another) and report which failed.

Usage: python bench/run_all.py [NAME ...]   (e.g. `monte_carlo`; default: all of them)

Each benchmark runs with this interpreter in its own process, so that one's threads and memory
do not disturb the next; `make bench` builds the C++ helpers and installs the package first.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        wanted = {name.removeprefix("bench_").removesuffix(".py") for name in argv}
        unknown = wanted - {p.stem.removeprefix("bench_") for p in scripts}
        if unknown:
            print(f"error: no benchmark named {', '.join(sorted(unknown))}", file=sys.stderr)
            return 1
        scripts = [p for p in scripts if p.stem.removeprefix("bench_") in wanted]
    failed = []
    for script in scripts:
        print(f"== {script.name} ==", flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode
        print(f"-- {script.name}: {'ok' if code == 0 else f'exit code {code}'} ({time.perf_counter() - start:.0f} s)\n",
              flush=True)
        if code != 0:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
