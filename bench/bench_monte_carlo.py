"""Benchmark: Monte Carlo over a 30-year programme's cost model, socinv against NumPy.

The model: cohorts of 10 participants starting in each of 30 years (2020-2049), a 60-year
horizon at 3.5 %, society's view of socinv's default exclusion costs, and seven uncertain
inputs: success rate and effect years (PERT), deadweight, drop-off, cost overrun and the
exclusion-cost scale (triangular), attribution (uniform).

Times, for 1,000,000 draws (SOCINV_BENCH_DRAWS to change it):
- socinv's C++ `simulate` on one core and on all cores (CostModel.simulate, GIL released);
- the same model in NumPy, vectorized over the draws, written here from the formulas in
  docs/economics.md, in two forms:
  - "per cohort and year": the C++ loop translated literally, one array operation per
    (cohort, effect year) pair;
  - "cohort kernel": the sum over cohorts done once (G_k = sum over cohorts of participants ×
    the discount factor k years after the cohort's first saving), then one in-place pass over
    the draws per effect year k adding (1 - drop_off)^k × clip(effect_years - k, 0, 1) × G_k.
    The same sums in another order; the fastest NumPy form we found (a (draws × K) weight
    matrix times G was several times slower: its temporaries do not fit in cache).
Prints seconds, draws per second and the ratio of each to socinv on all cores, and checks that
the mean NPV, PV of costs and PV of savings of socinv and NumPy agree within Monte Carlo error
(different random numbers, the same distributions).
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable

import numpy as np

import socinv
from timing import best_of

DRAWS = int(os.environ.get("SOCINV_BENCH_DRAWS", "1000000"))
SEED = 1
BLOCK = 1 << 16  # NumPy draws per block: the temporaries stay in cache

APPLICATION = {
    "id": "bench-30-year-programme",
    "title": "A 30-year programme: 10 participants a year",
    "period": {"start": "2020-01-01", "end": "2049-12-31"},
    "requested": 30_000_000,
    "parties": [
        {"name": "Socialförvaltningen", "kind": "municipal_administration", "role": "lead"},
        {"name": "Arbetsmarknadsförvaltningen", "kind": "municipal_administration"},
    ],
    "target_group": "young adults on social assistance",
    "economics": {
        "view": "society",
        "horizon_years": 60,
        "discount": 0.035,
        "participants_per_year": 10,
        "success_rate": {"dist": "pert", "low": 0.1, "mode": 0.25, "high": 0.45},
        "deadweight": {"dist": "triangular", "low": 0.05, "mode": 0.15, "high": 0.3},
        "attribution": {"dist": "uniform", "low": 0.05, "high": 0.15},
        "drop_off": {"dist": "triangular", "low": 0.0, "mode": 0.05, "high": 0.15},
        "effect_years": {"dist": "pert", "low": 5, "mode": 10, "high": 20},
        "cost_factor": {"dist": "triangular", "low": 0.9, "mode": 1.0, "high": 1.3},
        "exclusion_cost": {"scale": {"dist": "triangular", "low": 0.667, "mode": 1.0, "high": 1.333}},
    },
}


class NumpyModel:
    """The cost model of docs/economics.md for the benchmark's inputs, vectorized over draws."""

    def __init__(self, model: socinv.CostModel) -> None:
        e = APPLICATION["economics"]
        self.horizon = model.horizon_years
        self.base = model.base_year
        self.df = (1 + e["discount"]) ** -np.arange(self.horizon, dtype=float)
        # The intervention's costs at their budgeted amounts, discounted (cost_factor multiplies).
        self.pv_costs = sum(
            a * self.df[y - self.base] for y, a in model.intervention_costs if 0 <= y - self.base < self.horizon
        )
        # Society's view: the yearly exclusion cost of the items of nature "resource".
        items = socinv.default_exclusion_costs()
        self.annual = float(items.loc[items["nature"] == "resource", "per_year"].sum())
        self.cohorts = [(y + model.start_lag_years - self.base, n) for y, n in model.cohorts]
        self.k_max = int(math.floor(e["effect_years"]["high"])) + 1
        # The sum over cohorts, once: G_k = sum_c n_c × df[first_c + k] within the horizon.
        self.kernel = np.zeros(self.k_max)
        for first, n in self.cohorts:
            for k in range(self.k_max):
                if 0 <= first + k < self.horizon:
                    self.kernel[k] += n * self.df[first + k]

    @staticmethod
    def _pert(rng: np.random.Generator, p: dict, size: int) -> np.ndarray:
        lo, mode, hi = p["low"], p["mode"], p["high"]
        a, b = 1 + 4 * (mode - lo) / (hi - lo), 1 + 4 * (hi - mode) / (hi - lo)
        return lo + rng.beta(a, b, size) * (hi - lo)

    def _inputs(self, rng: np.random.Generator, size: int) -> dict[str, np.ndarray]:
        e = APPLICATION["economics"]
        tri = lambda p: rng.triangular(p["low"], p["mode"], p["high"], size)  # noqa: E731
        return {
            "success": self._pert(rng, e["success_rate"], size),
            "deadweight": tri(e["deadweight"]),
            "attribution": rng.uniform(e["attribution"]["low"], e["attribution"]["high"], size),
            "drop_off": tri(e["drop_off"]),
            "effect_years": self._pert(rng, e["effect_years"], size),
            "cost_factor": tri(e["cost_factor"]),
            "scale": tri(e["exclusion_cost"]["scale"]),
        }

    def _per_participant(self, v: dict[str, np.ndarray]) -> np.ndarray:
        adjust = (1 - v["deadweight"]) * (1 - v["attribution"])  # displacement is 0
        return v["success"] * adjust * self.annual * v["scale"]

    def _simulate(self, draws: int, seed: int, factor: Callable[[np.ndarray, np.ndarray, int], np.ndarray]):
        """Costs and savings per draw, drawn in blocks; factor(years, keep, size) gives the
        discounted participant-years of effect per draw."""
        rng = np.random.default_rng(seed)
        costs, savings = np.empty(draws), np.empty(draws)
        for start in range(0, draws, BLOCK):
            size = min(BLOCK, draws - start)
            v = self._inputs(rng, size)
            f = factor(np.maximum(v["effect_years"], 0), 1 - v["drop_off"], size)
            savings[start : start + size] = self._per_participant(v) * f
            costs[start : start + size] = self.pv_costs * v["cost_factor"]
        return costs, savings

    def simulate_loops(self, draws: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
        """One array operation per (cohort, effect year): the C++ loop, vectorized over draws."""

        def factor(years: np.ndarray, keep: np.ndarray, size: int) -> np.ndarray:
            total = np.zeros(size)
            for first, n in self.cohorts:
                weight = np.ones(size)
                for k in range(self.k_max):
                    t = first + k
                    if t >= self.horizon:
                        break
                    if t >= 0:
                        total += n * self.df[t] * weight * np.clip(years - k, 0, 1)
                    weight *= keep
            return total

        return self._simulate(draws, seed, factor)

    def simulate_kernel(self, draws: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
        """The sum over cohorts done once (the kernel G), then one pass per effect year k over the
        draws, in place: factor += (1 - drop_off)^k × clip(effect_years - k, 0, 1) × G_k."""

        def factor(years: np.ndarray, keep: np.ndarray, size: int) -> np.ndarray:
            weight, total, part = np.ones(size), np.zeros(size), np.empty(size)
            for k in range(self.k_max):
                np.subtract(years, k, out=part)
                np.clip(part, 0, 1, out=part)
                part *= weight
                part *= self.kernel[k]
                total += part
                weight *= keep
            return total

        return self._simulate(draws, seed, factor)


def agree(name: str, a: np.ndarray, b: np.ndarray) -> bool:
    """Means of two independent samples agree within 4 standard errors of their difference."""
    se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    z = abs(a.mean() - b.mean()) / se if se > 0 else 0.0
    ok = z < 4
    verdict = "ok" if ok else "DIFFER"
    print(f"  {name:12} socinv {a.mean():16,.0f}  NumPy {b.mean():16,.0f}  |diff| = {z:4.2f} SE  {verdict}")
    return ok


def main() -> int:
    model = socinv.cost_model(APPLICATION)
    numpy_model = NumpyModel(model)
    cores = os.cpu_count() or 1
    n = DRAWS

    one, _ = best_of(lambda: model.simulate(draws=n, seed=SEED, threads=1), 5)
    every, sim = best_of(lambda: model.simulate(draws=n, seed=SEED), 5)
    kernel, (np_costs, np_savings) = best_of(lambda: numpy_model.simulate_kernel(n, SEED), 5)
    loops, (loop_costs, loop_savings) = best_of(lambda: numpy_model.simulate_loops(n, SEED), 1)

    print(f"Monte Carlo: {n:,} draws of a 30-year programme (30 cohorts, horizon 60, 7 uncertain inputs); "
          f"{cores} cores; best of 5 (NumPy per cohort and year: 1 run)")
    print(f"{'what':46} {'seconds':>8} {'draws/s':>12} {'÷ socinv all cores':>19}")
    rows = [
        ("socinv C++ simulate, all cores", every),
        ("socinv C++ simulate, one core", one),
        ("NumPy, cohort kernel", kernel),
        ("NumPy, per cohort and year", loops),
    ]
    for name, seconds in rows:
        print(f"{name:46} {seconds:8.3f} {n / seconds:12,.0f} {seconds / every:19.2f}")
    print(f"aim: socinv at least 5x NumPy; ratio to the fastest NumPy form {kernel / every:.2f}x, "
          f"one core to one core {kernel / one:.2f}x")

    print("Means (SEK), socinv against NumPy's cohort kernel:")
    np_npv = np_savings - np_costs
    ok = all(
        [
            agree("NPV", sim.npv, np_npv),
            agree("PV costs", sim.pv_costs, np_costs),
            agree("PV savings", sim.pv_savings, np_savings),
        ]
    )
    # The two NumPy forms use the same random numbers: they must agree to rounding.
    same = np.allclose(loop_savings, np_savings, rtol=1e-9) and np.allclose(loop_costs, np_costs, rtol=1e-12)
    print(f"  NumPy forms agree draw by draw: {'ok' if same else 'DIFFER'}")
    print(f"  P(NPV >= 0): socinv {sim.probability_break_even:.4f}, NumPy {(np_npv >= 0).mean():.4f}")
    return 0 if ok and same else 1


if __name__ == "__main__":
    sys.exit(main())
