"""Benchmark: simulating a revolving fund of 50 investments over 20 years, 100,000 draws.

socinv's C++ fund simulation (both cores) against a vectorized NumPy implementation of the
same model written here: per investment, 3 cohorts of 10 participants; success rate
triangular, deadweight uniform, drop-off triangular, effect years triangular (fractional last
year), two paying administrations; the agreement returns 100 % of each saving a year later,
capped at the amount invested. Only the agreement rule is simulated on both sides, and the
means of the total returns and of the end balance are compared within Monte Carlo error.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

import socinv
from timing import best_of

INVESTMENTS = 50
YEARS = 20
DRAWS = int(os.environ.get("SOCINV_BENCH_FUND_DRAWS", "100000"))
START = 2014
CAPITAL = 500_000_000
ITEMS = [("Socialförvaltningen", 96_000.0), ("Förvaltningen förskola och skola", 24_000.0)]


def application(i: int) -> dict:
    start = START + i % 5
    invested = 3_000_000 + 50_000 * i
    return {
        "id": f"bench-{i}", "title": f"Investment {i}", "target_group": "bench",
        "period": {"start": f"{start}-01-01", "end": f"{start + 2}-12-31"},
        "requested": invested,
        "parties": [{"name": "Socialförvaltningen", "kind": "municipal_administration", "role": "lead"},
                    {"name": "Förvaltningen förskola och skola", "kind": "municipal_administration"}],
        "economics": {
            "view": "municipality", "participants_per_year": 10, "start_lag_years": 1,
            "success_rate": {"dist": "triangular", "low": 0.1, "mode": 0.25, "high": 0.4},
            "deadweight": {"dist": "uniform", "low": 0.1, "high": 0.3},
            "drop_off": {"dist": "triangular", "low": 0.0, "mode": 0.05, "high": 0.15},
            "effect_years": {"dist": "triangular", "low": 5, "mode": 10, "high": 20},
            "exclusion_cost": {"items": [
                {"name": payer, "payer": payer, "level": "municipality", "nature": "resource", "per_year": cost}
                for payer, cost in ITEMS]},
        },
        "return_transfer": {"share": 1.0, "cap": "invested", "first_year": start, "last_year": START + YEARS - 1,
                            "lag_years": 1, "split": "by_saving", "payers": [p for p, _ in ITEMS]},
    }


def triangular(rng, low, mode, high, n):
    return rng.triangular(low, mode, high, n)


def numpy_fund(apps: list[dict], draws: int, seed: int = 1) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    payments = np.zeros(YEARS)
    returns = np.zeros((draws, YEARS))
    annual = sum(cost for _, cost in ITEMS)
    for app in apps:
        start = int(app["period"]["start"][:4])
        invested = float(app["requested"])
        for k in range(3):  # the fund pays a third a year (the budget years are whole years)
            payments[start - START + k] += invested / 3
        s = triangular(rng, 0.1, 0.25, 0.4, draws)
        dw = rng.uniform(0.1, 0.3, draws)
        drop = triangular(rng, 0.0, 0.05, 0.15, draws)
        years = triangular(rng, 5, 10, 20, draws)
        per_participant = s * (1 - dw) * annual  # both payers return all of their saving
        saving = np.zeros((draws, YEARS))
        whole = np.floor(years)
        for k in range(YEARS):
            part = np.where(k < whole, 1.0, np.where(k == whole, years - whole, 0.0))
            weight = (1 - drop) ** k * part * per_participant * 10
            for c in range(3):
                t = start - START + c + 1 + k  # saving year
                r = t + 1                       # returned a year later
                if r < YEARS:
                    saving[:, r] += weight
        taken = np.minimum(np.cumsum(saving, axis=1), invested)  # the cap at the amount invested
        returns += np.diff(taken, axis=1, prepend=0.0)
    balance = CAPITAL + np.cumsum(returns - payments, axis=1)
    return float(returns.sum(axis=1).mean()), float(balance[:, -1].mean())


def main() -> int:
    apps = [application(i) for i in range(INVESTMENTS)]
    ledger = [{"id": "c", "date": f"{START - 1}-12-31", "kind": "capital", "amount": CAPITAL}]
    fund_doc = {"format": "socinv-fund-ledger", "version": 1, "fund": "bench", "entries": ledger,
                "portfolio": [{"application": a, "status": "granted"} for a in apps],
                "simulation": {"start_year": START, "horizon_years": YEARS, "draws": DRAWS, "seed": 1}}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fund.json"
        path.write_text(json.dumps(fund_doc, ensure_ascii=False))
        fund = socinv.load_fund(path)
    t_socinv, sim = best_of(lambda: fund.simulate(draws=DRAWS, seed=1, rules=["agreement"]))
    t_one, _ = best_of(lambda: fund.simulate(draws=DRAWS, seed=1, rules=["agreement"], threads=1))
    t_numpy, (np_returns, np_end) = best_of(lambda: numpy_fund(apps, DRAWS))
    summary = sim.to_dict()["outcomes"][0]
    print(f"Fund simulation: {INVESTMENTS} investments, {YEARS} years, {DRAWS:,} draws; best of 3")
    print(f"{'what':36} {'seconds':>8} {'÷ socinv':>9}")
    for name, t in [("socinv, all cores", t_socinv), ("socinv, one core", t_one), ("NumPy, vectorized over draws", t_numpy)]:
        print(f"{name:36} {t:8.3f} {t / t_socinv:9.2f}")
    print(f"aim: socinv at least 5x NumPy; measured {t_numpy / t_socinv:.2f}x")
    print(f"mean total returns: socinv {summary['mean_total_returns']:,.0f}  NumPy {np_returns:,.0f}")
    print(f"mean end balance:   socinv {summary['mean_end_balance']:,.0f}  NumPy {np_end:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
