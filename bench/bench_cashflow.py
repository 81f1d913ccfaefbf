"""Benchmark: socinv's XIRR and IRR batches against pyxirr and numpy-financial.

Needs pyxirr and numpy-financial (requirements/bench.txt; `make bench` installs them). Prints,
from one run:

- XIRR over 100,000 series of 50 dated flows: socinv's batch (C++, all cores, GIL released)
  against pyxirr called once per series, with the ratio of times, the largest relative
  difference where both find a rate, and the series where only one of them finds one;
- IRR over 10,000 series of 50 periods: socinv's batch against numpy-financial and pyxirr
  called once per series.

The series are random but reproducible (seeded): one to three investments, then mostly
inflows with the odd outflow, so that many series change sign several times. Where both find a
rate but not the same one, the series has several rates; the script checks that both are
roots (XNPV zero to 1e-9 of the size of the flows) and counts those separately.

    python bench/bench_cashflow.py [--series 100000] [--flows 50] [--irr-series 10000]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

try:
    import numpy_financial as npf
    import pyxirr
except ImportError as missing:  # pragma: no cover - a benchmark, not a test
    sys.exit(f"bench_cashflow needs pyxirr and numpy-financial (pip install -r requirements/bench.txt): {missing}")

from socinv import cashflow

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


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def compare(name: str, ours: np.ndarray, theirs: np.ndarray, is_root) -> None:
    both = np.isfinite(ours) & np.isfinite(theirs)
    only_theirs = np.isfinite(theirs) & ~np.isfinite(ours)
    only_ours = np.isfinite(ours) & ~np.isfinite(theirs)
    relative = np.abs(ours[both] - theirs[both]) / np.maximum(np.abs(theirs[both]), 1e-12)
    same = relative <= SAME_ROOT
    print(f"    both find a rate:            {both.sum():>7}")
    if same.any():
        print(f"    same rate:                   {same.sum():>7}   max relative difference {relative[same].max():.2e}")
    different = np.flatnonzero(both)[~same]
    if different.size:
        valid = sum(is_root(i, ours[i]) and is_root(i, theirs[i]) for i in different)
        print(f"    different rates (several):   {different.size:>7}   both rates are roots in {valid}")
    print(f"    only {name} finds a rate:{' ' * (12 - len(name))}{only_theirs.sum():>7}")
    print(f"    only socinv finds a rate:    {only_ours.sum():>7}")


def bench_xirr(rng: np.random.Generator, series: int, flows: int) -> None:
    dates, amounts = dated_series(rng, series, flows)
    print(f"XIRR: {series:,} series of {flows} dated flows")

    ours, t_ours = timed(cashflow.xirr, dates, amounts)
    print(f"  socinv batch (C++, {os.cpu_count()} cores):  {t_ours:8.3f} s  ({t_ours / series * 1e6:.2f} us/series)")

    def per_series():
        return np.array([np.nan if (r := pyxirr.xirr(dates[i], amounts[i], silent=True)) is None else r
                         for i in range(series)])

    theirs, t_theirs = timed(per_series)
    print(f"  pyxirr, one call per series:   {t_theirs:8.3f} s  ({t_theirs / series * 1e6:.2f} us/series)")
    try:
        pyxirr.xirr(dates[:2], amounts[:2])
        print("  pyxirr vectorized xirr:         accepts 2-D input (not timed: unclear semantics)")
    except Exception:  # noqa: BLE001 - any failure means there is no vectorized form
        print("  pyxirr vectorized xirr:         not available (pyxirr's xirr takes one series)")
    print(f"  socinv is {t_theirs / t_ours:.1f}x faster than pyxirr per series")

    def is_root(i: int, rate: float) -> bool:
        value = cashflow.xnpv(rate, dates[i], amounts[i])
        t = (dates[i] - dates[i].min()).astype(np.int64) / 365.0
        return abs(value) <= 1e-9 * float(np.sum(np.abs(amounts[i]) * (1.0 + rate) ** -t))

    compare("pyxirr", ours, theirs, is_root)


def bench_irr(rng: np.random.Generator, series: int, periods: int) -> None:
    values = periodic_series(rng, series, periods)
    print(f"IRR: {series:,} series of {periods} periods")
    ours, t_ours = timed(cashflow.irr, values)
    print(f"  socinv batch (C++, {os.cpu_count()} cores):  {t_ours:8.4f} s  ({t_ours / series * 1e6:.2f} us/series)")
    npf_rates, t_npf = timed(lambda: np.array([npf.irr(values[i]) for i in range(series)], dtype=float))
    print(f"  numpy-financial, per series:   {t_npf:8.3f} s  ({t_npf / series * 1e6:.2f} us/series)")
    px_rates, t_px = timed(lambda: np.array([np.nan if (r := pyxirr.irr(values[i], silent=True)) is None else r
                                             for i in range(series)]))
    print(f"  pyxirr, per series:            {t_px:8.4f} s  ({t_px / series * 1e6:.2f} us/series)")
    print(f"  socinv is {t_npf / t_ours:.0f}x faster than numpy-financial and {t_px / t_ours:.1f}x faster than pyxirr")

    def is_root(i: int, rate: float) -> bool:
        terms = values[i] * (1.0 + rate) ** -np.arange(periods)
        return abs(terms.sum()) <= 1e-9 * np.abs(terms).sum()

    print("  against numpy-financial:")
    compare("numpy-financial", ours, npf_rates, is_root)
    print("  against pyxirr:")
    compare("pyxirr", ours, px_rates, is_root)


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
