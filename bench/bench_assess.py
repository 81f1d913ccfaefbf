"""Benchmark: assessing 100,000 applications from JSON Lines.

Times, on one generated file:
- nlohmann/json alone parsing every line (the bare parse; C++, one core and all cores),
- socinv's C++ batch assessment (parse + validate + assess), with and without JSON output,
- the command line `socinv assess FILE.jsonl --format json`,
- the Python batch API `socinv.assess_many(FILE)`,
and prints applications per second and the ratio to the bare parse.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from timing import best_of

ROOT = Path(__file__).resolve().parent.parent
N = int(os.environ.get("SOCINV_BENCH_APPLICATIONS", "100000"))


def generate(path: Path, n: int, seed: int = 1) -> None:
    """Writes n applications varied from the shipped examples (long free text dropped)."""
    rng = random.Random(seed)
    examples = [json.loads(line) for line in (ROOT / "examples/applications/batch.jsonl").read_text().splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            app = dict(rng.choice(examples))
            for key in ("description", "notes", "sources"):
                app.pop(key, None)
            app["criteria"] = {k: {kk: vv for kk, vv in v.items() if kk != "statement"} for k, v in app.get("criteria", {}).items()}
            app["id"] = f"bench-{i}"
            start_year = rng.randint(2010, 2030)
            months = rng.randint(3, 48)
            end_year, end_month = start_year + (months // 12), 1 + months % 12
            app["period"] = {"start": f"{start_year}-01-01", "end": f"{end_year}-{end_month:02d}-28"}
            # The period moves, so whatever is tied to its years goes with it.
            for key in ("budget", "decision", "savings", "return_transfer"):
                app.pop(key, None)
            app["requested"] = rng.randint(100_000, 20_000_000)
            out.write(json.dumps(app, ensure_ascii=False) + "\n")


def main() -> int:
    work = ROOT / "build" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    data = work / f"applications-{N}.jsonl"
    if not data.exists():
        generate(data, N)
    core = ROOT / "build" / "cpp" / "bench_assess_core"
    if not core.exists():
        print(f"bench_assess: {core} is missing; run `make build` first", file=sys.stderr)
        return 1
    c = json.loads(subprocess.run([str(core), str(data)], check=True, capture_output=True, text=True).stdout)

    socinv_cli = Path(sys.executable).with_name("socinv")

    def run_cli() -> None:
        r = subprocess.run([str(socinv_cli), "assess", str(data), "--format", "json"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        if r.returncode == 2:
            raise RuntimeError(r.stderr[:500])

    cli, _ = best_of(run_cli)

    import socinv

    py, _ = best_of(lambda: socinv.assess_many(str(data)))

    n = c["applications"]
    base1, base2 = c["parse_one_core"], c["parse_all_cores"]
    print(f"Assessing {n} applications ({c['bytes'] / 1e6:.0f} MB of JSON Lines) on {c['cores']} cores; best of 3")
    print(f"{'what':58} {'seconds':>8} {'apps/s':>10} {'÷ parse 1 core':>15} {'÷ parse all':>12}")
    rows = [
        ("nlohmann/json parse only, one core (the bare parse)", base1),
        ("nlohmann/json parse only, all cores", base2),
        ("simdjson parse only, one core", c["simdjson_parse_one_core"]),
        ("socinv C++ read into the typed model, one core", c["read_one_core"]),
        ("socinv C++ assess (parse+validate+assess), one core", c["assess_one_core"]),
        ("socinv C++ assess_batch, all cores", c["assess_all_cores"]),
        ("socinv C++ assess + JSON output, all cores", c["assess_json_output_all_cores"]),
        ("command line: socinv assess FILE --format json", cli),
        ("Python: socinv.assess_many(FILE)", py),
    ]
    for name, seconds in rows:
        print(f"{name:58} {seconds:8.3f} {n / seconds:10.0f} {seconds / base1:15.2f} {seconds / base2:12.2f}")
    print("aim (issue 8): C++ assessment on one core, the command line on all cores and assess_many each at most")
    print("1.0x the bare one-core nlohmann parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
