"""How often socinv.compat and socinv's own API give the peer's answer, on seeded random series.

Runs pyxirr and numpy-financial (the installed versions) and, for numpy-financial's GitHub main,
its rule (``np.roots``, then ``_irr_default_selection``) computed here, on the same series as
socinv.compat.pyxirr, socinv.compat.numpy_financial and socinv.cashflow (default guess), and
prints, per function and kind of series, the share of series where each agrees with the peer
(both find no rate, or both return rates within 1e-10 relative to max(1, |rate|)) and how many of
the others are the same root to 1e-6 (the peer stopped short of the root: pyxirr's tolerances are
absolute, and socinv returns the root itself), a rate where the peer finds none, none where the
peer has one, or another root.

Kinds of series (all seeded):

- ``one sign change``: an outflow, then inflows (one rate);
- ``random signs``: amounts of random sign (often several rates, or none);
- ``two planted roots``: amounts whose NPV has roots at a negative and a positive rate;
- ``root in (-1, -0.99)``: amounts with a root planted between -100 % and -99 % (and others).

Dated series (xirr) fall on dates 365 days apart in Actual/365F, so a planted rate is their XIRR.

    .venv/bin/python bench/compat_agreement.py [--series 2000] [--seed 14]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
import warnings
from collections.abc import Callable

import numpy as np

import socinv
from socinv.compat import numpy_financial as compat_npf
from socinv.compat import pyxirr as compat_pyxirr

try:
    import pyxirr
except ImportError:  # pragma: no cover - a benchmark needs its peers
    sys.exit("bench/compat_agreement.py needs pyxirr (requirements/bench.txt)")
try:
    import numpy_financial as npf
except ImportError:  # pragma: no cover
    sys.exit("bench/compat_agreement.py needs numpy-financial (requirements/bench.txt)")

Series = list[float]


def one_sign_change(rng: np.random.Generator) -> Series:
    n = int(rng.integers(3, 30))
    values = rng.lognormal(5, 1, n)
    values[0] = -values[1:].sum() * rng.uniform(0.3, 1.5)
    return values.tolist()


def random_signs(rng: np.random.Generator) -> Series:
    n = int(rng.integers(3, 25))
    values = rng.normal(0, 100, n)
    values[0] = -abs(values[0]) * rng.uniform(1, 10)
    return values.tolist()


def _from_roots(rng: np.random.Generator, growth: list[float]) -> Series:
    """Coefficients (first amount first) of a polynomial in g = 1 + r with the given roots g, times
    a factor with no real roots; as amounts a_0 g^n + a_1 g^(n-1) + ... their NPV is zero there."""
    poly = np.poly1d([1.0])
    for g in growth:
        poly = poly * np.poly1d([1.0, -g])
    for _ in range(int(rng.integers(0, 3))):  # quadratic factors without real roots
        b = rng.uniform(-1, 1)
        poly = poly * np.poly1d([1.0, b, b * b / 4 + rng.uniform(0.1, 1)])
    values = poly.coeffs * -rng.uniform(100, 10_000)
    return values.tolist()


def two_planted_roots(rng: np.random.Generator) -> Series:
    return _from_roots(rng, [1 + rng.uniform(-0.9, -0.05), 1 + rng.uniform(0.05, 3)])


def root_near_minus_one(rng: np.random.Generator) -> Series:
    roots = [10 ** rng.uniform(-5, -2)]  # 1 + rate between 1e-5 and 1e-2
    if rng.random() < 0.5:
        roots.append(1 + rng.uniform(-0.5, 1))
    return _from_roots(rng, roots)


KINDS: dict[str, Callable[[np.random.Generator], Series]] = {
    "one sign change": one_sign_change,
    "random signs": random_signs,
    "two planted roots": two_planted_roots,
    "root in (-1, -0.99)": root_near_minus_one,
}


def agree(a: float | None, b: float | None, tol: float) -> bool:
    a = None if a is None or not math.isfinite(a) else a
    b = None if b is None or not math.isfinite(b) else b
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol * max(1.0, abs(b))


def npf_main_rule(values: Series) -> float:
    """numpy-financial main's irr for one series: np.roots, then _irr_default_selection."""
    row = np.asarray(values, dtype=np.float64)
    if np.all(row > 0) if row[0] > 0 else np.all(row < 0):
        return math.nan
    g = np.roots(row)
    eirr = np.real(g[np.isreal(g)]) - 1
    eirr = eirr[eirr >= -1]
    if len(eirr) == 0:
        return math.nan
    if len(eirr) == 1:
        return float(eirr[0])
    return float(compat_npf._irr_default_selection(eirr))


def socinv_irr(values: Series) -> float | None:
    return socinv.irr(values, silent=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--series", type=int, default=2000, help="series of each kind (default 2000)")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    start = dt.date(2001, 1, 1)

    rows: list[tuple[str, str, str, list[int]]] = []

    def record(function: str, kind: str, who: str, pairs: list[tuple[float | None, float | None]]) -> None:
        counts = [0] * 6  # to 1e-10, same root (1e-6), only the peer has none, only ours has none, other root
        for ours, theirs in pairs:
            ours = None if ours is None or not math.isfinite(ours) else ours
            theirs = None if theirs is None or not math.isfinite(theirs) else theirs
            if agree(ours, theirs, 1e-10):
                counts[0] += 1
            elif agree(ours, theirs, 1e-6):
                counts[1] += 1
            elif theirs is None:
                counts[2] += 1
            elif ours is None:
                counts[3] += 1
            else:
                counts[4] += 1
        counts[5] = len(pairs)
        rows.append((function, kind, who, counts))

    for k, (kind, make) in enumerate(KINDS.items()):
        rng = np.random.default_rng([args.seed, k])
        series = [make(rng) for _ in range(args.series)]
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            px_irr = [pyxirr.irr(v, silent=True) for v in series]
            np_irr = [float(npf.irr(v)) for v in series]
            main_irr = [npf_main_rule(v) for v in series]
        c_px_irr = [compat_pyxirr.irr(v, silent=True) for v in series]
        c_np_irr = [float(compat_npf.irr(v)) for v in series]
        own_irr = [socinv_irr(v) for v in series]
        record("irr", kind, "socinv.compat.pyxirr vs pyxirr", list(zip(c_px_irr, px_irr)))
        record("irr", kind, "socinv.irr vs pyxirr", list(zip(own_irr, px_irr)))
        record("irr", kind, "socinv.compat.numpy_financial vs numpy-financial main's rule",
               list(zip(c_np_irr, main_irr)))
        record("irr", kind, "socinv.irr vs numpy-financial main's rule", list(zip(own_irr, main_irr)))
        record("irr", kind, f"socinv.compat.numpy_financial vs numpy-financial {npf.__version__}",
               list(zip(c_np_irr, np_irr)))
        record("irr", kind, f"socinv.irr vs numpy-financial {npf.__version__}", list(zip(own_irr, np_irr)))

        dated = [[start + dt.timedelta(days=365 * i) for i in range(len(v))] for v in series]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            px_xirr = [pyxirr.xirr(d, v, silent=True) for d, v in zip(dated, series)]
        c_px_xirr = [compat_pyxirr.xirr(d, v, silent=True) for d, v in zip(dated, series)]
        own_xirr = [socinv.xirr(d, v, silent=True) for d, v in zip(dated, series)]
        record("xirr", kind, "socinv.compat.pyxirr vs pyxirr", list(zip(c_px_xirr, px_xirr)))
        record("xirr", kind, "socinv.xirr vs pyxirr", list(zip(own_xirr, px_xirr)))

        rates = rng.uniform(-0.5, 1.0, args.series)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            px_npv = [pyxirr.npv(r, v) for r, v in zip(rates, series)]
            np_npv = [float(npf.npv(r, v)) for r, v in zip(rates, series)]
            px_xnpv = [pyxirr.xnpv(r, d, v) for r, d, v in zip(rates, dated, series)]
        record("npv", kind, "socinv.compat.pyxirr vs pyxirr",
               list(zip([compat_pyxirr.npv(r, v) for r, v in zip(rates, series)], px_npv)))
        record("npv", kind, f"socinv.compat.numpy_financial vs numpy-financial {npf.__version__}",
               list(zip([float(compat_npf.npv(r, v)) for r, v in zip(rates, series)], np_npv)))
        record("npv", kind, "socinv.npv vs pyxirr", list(zip([socinv.npv(r, v) for r, v in zip(rates, series)],
                                                               px_npv)))
        record("xnpv", kind, "socinv.compat.pyxirr vs pyxirr",
               list(zip([compat_pyxirr.xnpv(r, d, v) for r, d, v in zip(rates, dated, series)], px_xnpv)))

    print(f"{args.series} series of each kind, seed {args.seed}; pyxirr {pyxirr.__version__}, "
          f"numpy-financial {npf.__version__}")
    print("agree: both without a rate, or rates within 1e-10 (relative to max(1, |rate|)); then the other "
          "series: the same root (within 1e-6), a rate where the peer has none, none where the peer has one, "
          "another root\n")
    print("| function | series | comparison | agree to 1e-10 | same root | peer: none | ours: none | other root |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for function, kind, who, counts in rows:
        n = counts[5]
        cells = " | ".join(f"{100 * c / n:.2f} %" if i == 0 else str(c) for i, c in enumerate(counts[:5]))
        print(f"| {function} | {kind} | {who} | {cells} |")


if __name__ == "__main__":
    main()
