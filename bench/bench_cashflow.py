"""Benchmark: socinv's XIRR and IRR batches against pyxirr and numpy-financial.

Needs pyxirr and numpy-financial (requirements/bench.txt; `make bench` installs them). Prints,
from one run:

- XIRR over 100,000 series of 50 dated flows: socinv's batch (C++, all cores, GIL released)
  against pyxirr called once per series, with the ratio of times (best of several runs: the
  machine may be shared), the largest relative difference where both find the same rate, how
  well each rate makes the XNPV zero, and the series where only one of them finds a rate;
- IRR over 10,000 series of 50 periods: socinv's batch against numpy-financial and pyxirr
  called once per series.

The series are random but reproducible (seeded): one to three investments, then mostly
inflows with the odd outflow, so that many series change sign several times. Where both find a
rate but not the same one, the series has several rates; the script checks which of the two
are roots (XNPV zero to 1e-9 of the size of the terms) and which is closer to the guess 0.1
(socinv returns the root closest to the guess; pyxirr the one its Newton iteration reaches).

    python bench/bench_cashflow.py [--series 100000] [--flows 50] [--irr-series 10000]
"""

from __future__ import annotations

import argparse
import os
import sys

import numpy as np

try:
    import numpy_financial as npf
    import pyxirr
except ImportError as missing:  # pragma: no cover - a benchmark, not a test
    sys.exit(f"bench_cashflow needs pyxirr and numpy-financial (pip install -r requirements/bench.txt): {missing}")

from socinv import cashflow
from timing import best_of

SAME_ROOT = 1e-6  # relative: closer than this, two rates are the same root


def dated_series(rng: np.random.Generator, series: int, flows: int) -> tuple[np.ndarray, np.ndarray]:
    start = np.datetime64("2000-01-01") + rng.integers(0, 20 * 365, size=series).astype("timedelta64[D]")
    gaps = rng.integers(1, 91, size=(series, flows))
    gaps[:, 0] = 0
    dates = start[:, None] + np.cumsum(gaps, axis=1).astype("timedelta64[D]")
    amounts = rng.lognormal(mean=7.0, sigma=0.8, size=(series, flows))
    investments = rng.integers(1, 4, size=series)
    invest = np.arange(flows)[None, :] < investments[:, None]
    amounts[invest] *= -rng.uniform(5.0, 15.0, size=invest.sum())
    outflows = (~invest) & (rng.random((series, flows)) < 0.08)
    amounts[outflows] *= -1.0
    return dates, amounts


def periodic_series(rng: np.random.Generator, series: int, periods: int) -> np.ndarray:
    values = rng.lognormal(mean=6.0, sigma=0.7, size=(series, periods))
    values[:, 0] = -rng.uniform(10_000, 40_000, size=series)
    values[rng.random((series, periods)) < 0.05] *= -1.0
    values[:, 0] = -np.abs(values[:, 0])
    return values


def is_root(npv_at, rows: np.ndarray, rates: np.ndarray) -> np.ndarray:
    """Whether each rate is a root: the NPV there is zero to 1e-9 of the size of its terms, or
    changes sign across it (near -100 % a double holds 1 + rate too coarsely for the first test;
    the step is then a few units in the last place of the rate)."""
    log_growth = np.log1p(rates)
    values, sizes = npv_at(rows, log_growth)
    step = np.clip(8 * np.finfo(float).eps / (1.0 + rates), 1e-9, 0.5)
    below, _ = npv_at(rows, log_growth + np.log1p(-step))
    above, _ = npv_at(rows, log_growth + np.log1p(step))
    return (np.abs(values) <= 1e-9 * sizes) | (below * above < 0)


def compare(name: str, ours: np.ndarray, theirs: np.ndarray, npv_at) -> None:
    """Where both find a rate: how far apart, and how well each makes the NPV zero (the NPV at the
    rate over the sum of the absolute terms: 1e-16 is as good as doubles get)."""

    def residual(rows: np.ndarray, rates: np.ndarray) -> np.ndarray:
        values, sizes = npv_at(rows, np.log1p(rates))
        return np.abs(values) / sizes

    both = np.isfinite(ours) & np.isfinite(theirs)
    only_theirs = np.isfinite(theirs) & ~np.isfinite(ours)
    only_ours = np.isfinite(ours) & ~np.isfinite(theirs)
    relative = np.abs(ours[both] - theirs[both]) / np.maximum(np.abs(theirs[both]), 1e-300)
    same = relative <= SAME_ROOT
    print(f"    both find a rate:            {both.sum():>7}")
    if same.any():
        index = np.flatnonzero(both)[same]
        print(f"    the same rate:               {same.sum():>7}   max relative difference {relative[same].max():.1e}"
              f" (median {np.median(relative[same]):.0e})")
        print(f"      NPV residual at the rate:  socinv max {residual(index, ours[index]).max():.0e}, "
              f"{name} max {residual(index, theirs[index]).max():.0e}")
    different = np.flatnonzero(both)[~same]
    if different.size:
        ok_ours = int(is_root(npv_at, different, ours[different]).sum())
        ok_theirs = int(is_root(npv_at, different, theirs[different]).sum())
        closer = int((np.abs(ours[different] - 0.1) <= np.abs(theirs[different] - 0.1)).sum())
        print(f"    different rates (several):   {different.size:>7}   roots: socinv {ok_ours}, {name} {ok_theirs};"
              f" socinv's closer to the guess 0.1 in {closer}")
    print(f"    only {name} finds a rate:{' ' * (12 - len(name))}{only_theirs.sum():>7}")
    print(f"    only socinv finds a rate:    {only_ours.sum():>7}")


def bench_xirr(rng: np.random.Generator, series: int, flows: int) -> None:
    dates, amounts = dated_series(rng, series, flows)
    print(f"XIRR: {series:,} series of {flows} dated flows")

    t_ours, ours = best_of(lambda: cashflow.xirr(dates, amounts), 5)
    print(f"  socinv batch (C++, {os.cpu_count()} cores):  {t_ours:8.3f} s  ({t_ours / series * 1e6:.2f} us/series)")

    def per_series():
        return np.array([np.nan if (r := pyxirr.xirr(dates[i], amounts[i], silent=True)) is None else r
                         for i in range(series)])

    t_theirs, theirs = best_of(per_series, 3)
    print(f"  pyxirr, one call per series:   {t_theirs:8.3f} s  ({t_theirs / series * 1e6:.2f} us/series)")
    try:
        pyxirr.xirr(dates[:2], amounts[:2])
        print("  pyxirr vectorized xirr:         accepts 2-D input (not timed: unclear semantics)")
    except Exception:  # noqa: BLE001 - any failure means there is no vectorized form
        print("  pyxirr vectorized xirr:         not available (pyxirr's xirr takes one series)")
    print(f"  socinv is {t_theirs / t_ours:.1f}x faster than pyxirr per series")

    years = (dates - dates.min(axis=1, keepdims=True)).astype(np.int64) / 365.0

    def xnpv_at(rows: np.ndarray, log_growth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # scaled by (1 + rate)^latest for rates below 0, so that nothing overflows near -100 %
        shift = np.where(log_growth < 0, years[rows].max(axis=1), 0.0)[:, None]
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            terms = amounts[rows] * np.exp(-(years[rows] - shift) * log_growth[:, None])
        return terms.sum(axis=1), np.abs(terms).sum(axis=1)

    compare("pyxirr", ours, theirs, xnpv_at)

    # The aim: the same rates to 1e-9 where both converge. Where they differ by more, polish
    # pyxirr's rate with three Newton steps in float64 (the step f / f' is unchanged by the
    # scaling xnpv_at uses below -100 % + 1): if the polished rate meets socinv's, the gap was
    # pyxirr stopping early, not a different answer.
    both = np.flatnonzero(np.isfinite(ours) & np.isfinite(theirs))
    relative = np.abs(ours[both] - theirs[both]) / np.abs(theirs[both])
    same = both[relative <= SAME_ROOT]
    apart = same[np.abs(ours[same] - theirs[same]) / np.abs(theirs[same]) > 1e-9]
    rate = theirs[apart].copy()
    t, a = years[apart], amounts[apart]
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        for _ in range(3):
            log_growth = np.log1p(rate)[:, None]
            scaled = a * np.exp(-(t - np.where(log_growth < 0, t.max(axis=1, keepdims=True), 0.0)) * log_growth)
            rate = rate - scaled.sum(axis=1) / ((-t * scaled).sum(axis=1) / (1 + rate))
    after = np.abs(ours[apart] - rate) / np.abs(rate)
    print(f"    same rate but more than 1e-9 apart: {apart.size} of {same.size}")
    if apart.size:
        print(f"      pyxirr's rate after 3 Newton steps: max relative difference to socinv {after.max():.1e}"
              f" ({(after <= 1e-9).sum()} of {apart.size} now within 1e-9)")


def bench_irr(rng: np.random.Generator, series: int, periods: int) -> None:
    values = periodic_series(rng, series, periods)
    print(f"IRR: {series:,} series of {periods} periods")
    t_ours, ours = best_of(lambda: cashflow.irr(values), 5)
    print(f"  socinv batch (C++, {os.cpu_count()} cores):  {t_ours:8.4f} s  ({t_ours / series * 1e6:.2f} us/series)")
    t_npf, npf_rates = best_of(lambda: np.array([npf.irr(values[i]) for i in range(series)], dtype=float), 1)
    print(f"  numpy-financial, per series:   {t_npf:8.3f} s  ({t_npf / series * 1e6:.2f} us/series)")
    t_px, px_rates = best_of(lambda: np.array([np.nan if (r := pyxirr.irr(values[i], silent=True)) is None else r
                                               for i in range(series)]), 3)
    print(f"  pyxirr, per series:            {t_px:8.4f} s  ({t_px / series * 1e6:.2f} us/series)")
    print(f"  socinv is {t_npf / t_ours:.0f}x faster than numpy-financial and {t_px / t_ours:.1f}x faster than pyxirr")

    def npv_at(rows: np.ndarray, log_growth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        shift = np.where(log_growth < 0, periods - 1, 0)[:, None]
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            terms = values[rows] * np.exp(-(np.arange(periods)[None, :] - shift) * log_growth[:, None])
        return terms.sum(axis=1), np.abs(terms).sum(axis=1)

    print("  against numpy-financial:")
    compare("npf", ours, npf_rates, npv_at)
    print("  against pyxirr:")
    compare("pyxirr", ours, px_rates, npv_at)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=100_000)
    parser.add_argument("--flows", type=int, default=50)
    parser.add_argument("--irr-series", type=int, default=10_000)
    parser.add_argument("--periods", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print(f"pyxirr {pyxirr.__version__ if hasattr(pyxirr, '__version__') else '?'}, "
          f"numpy-financial {npf.__version__}, numpy {np.__version__}")
    bench_xirr(rng, args.series, args.flows)
    bench_irr(rng, args.irr_series, args.periods)


if __name__ == "__main__":
    main()
