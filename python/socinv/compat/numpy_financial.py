"""A drop-in for `numpy-financial <https://github.com/numpy/numpy-financial>`_'s ``irr``, ``npv``
and ``mirr`` as on its GitHub main.

Switch by changing one import::

    from socinv.compat import numpy_financial as npf     # was: import numpy_financial as npf

    npf.irr([-100, 39, 59, 55, 20])                       # 0.28094842115996...
    npf.npv([0.0, 0.05, 0.10], [[-4_000, 500, 800], [-5_000, 600, 900]])   # shape (3, 2)

**Signatures and conventions (numpy-financial's).**

- ``irr(values, *, guess=None, tol=1e-12, maxiter=100, raise_exceptions=False,
  selection_logic=_irr_default_selection)``: ``values`` one series or one per row (2-D gives
  one rate per row; one series gives a float). No rate is NaN, or
  :class:`NoRealSolutionError` with ``raise_exceptions=True`` (all amounts of one sign, or no
  real root).
- ``npv(rate, values)``: ``rate`` a scalar or 1-D, ``values`` 1-D or 2-D; the result has shape
  ``(len(rates), len(rows))``, every rate against every row, squeezed (a float for one rate and
  one series). A rate of exactly -1 gives NaN. Other shapes are a ``ValueError``.
- ``mirr(values, finance_rate, reinvest_rate, *, raise_exceptions=False)``: ``values`` 1-D or
  2-D, the rates scalars or 1-D of one size; the result has shape ``(len(rows), len(rates))``,
  every row against every pair of rates, squeezed. Amounts of one sign give NaN, or
  :class:`NoRealSolutionError`; rate arrays of different sizes give NaN, or ``ValueError``.

Amounts and rates are converted with ``astype(float64)`` (``decimal.Decimal`` is not supported,
as on numpy-financial's main).

**Which rate (numpy-financial's rule).** Without ``guess``: the real roots of the NPV
polynomial (``np.roots``) at or above -100 %; one is returned as it is; of several,
``selection_logic`` picks one, by default numpy-financial's ``_irr_default_selection``: if the
roots differ in sign, keep the non-negative ones (numpy-financial compares the sum of the
positive candidates with the sum of the negative ones, which always keeps the non-negative
ones), then take the one smallest in magnitude. With ``guess``: the root closest to the guess,
where numpy-financial's Newton iteration from the guess would go (``tol`` and ``maxiter`` are
accepted for numpy-financial's signature; socinv solves to full precision without an iteration
limit, so :class:`IterationsExceededError` is never raised).

The root chosen is then solved for with socinv's kernel (the root closest to it, to full
double precision): ``np.roots`` loses accuracy on clustered and multiple roots, socinv does not.

**Where it differs from numpy-financial (docs/compat.md has the table).** A selected root of
exactly -100 % (from trailing zeros, as in ``irr([-1, 0])``) is not a rate: NaN here, -1.0 in
numpy-financial. An empty series gives NaN (numpy-financial raises ``IndexError``). NPV and MIRR
at rates above -100 % with finite amounts come from socinv's kernels; elsewhere (rates below
-100 %, NaN or infinite inputs) they are computed with numpy-financial's formulas.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
import numpy.typing as npt

from socinv import _core

__all__ = ["IterationsExceededError", "NoRealSolutionError", "irr", "mirr", "npv"]


class NoRealSolutionError(Exception):
    """No real solution to the problem."""


class IterationsExceededError(Exception):
    """Maximum number of iterations reached."""


def _ufunc_like(array: Any) -> Any:
    try:
        return array.item()  # one element: a scalar
    except ValueError:
        return array.squeeze()


def _irr_default_selection(eirr: npt.NDArray[np.float64]) -> Any:
    """numpy-financial's default selection among several real solutions (at or above -1)."""
    same_sign = np.all(eirr > 0) if eirr[0] > 0 else np.all(eirr < 0)
    if not same_sign:
        pos = sum(eirr[eirr > 0])
        neg = sum(eirr[eirr < 0])
        if pos >= neg:
            eirr = eirr[eirr >= 0]
        else:
            eirr = eirr[eirr < 0]
    abs_eirr = np.abs(eirr)
    return eirr[np.argmin(abs_eirr)]


def _polish(row: np.ndarray, located: float) -> float:
    """The root socinv's kernel finds closest to ``located``, to full precision."""
    if not math.isfinite(located) or located <= -1.0:
        return math.nan
    if not np.all(np.isfinite(row)):
        return located
    rate = _core.irr(row, located)
    return located if rate is None else rate


def _irr_of_row(row: np.ndarray, guess: Any, raise_exceptions: bool, selection_logic: Callable[..., Any]) -> float:
    if row.size == 0 or (np.all(row > 0) if row[0] > 0 else np.all(row < 0)):
        if raise_exceptions:
            raise NoRealSolutionError("No real solution exists for IRR since all cashflows are of the same sign.")
        return math.nan
    if guess is not None:
        rate = _core.irr(row, float(guess)) if np.all(np.isfinite(row)) else None
        if rate is None:
            if raise_exceptions:
                raise NoRealSolutionError("No real solution is found for IRR.")
            return math.nan
        return rate
    g = np.roots(row)
    eirr = np.real(g[np.isreal(g)]) - 1
    eirr = eirr[eirr >= -1]
    if len(eirr) == 0:
        if raise_exceptions:
            raise NoRealSolutionError("No real solution is found for IRR.")
        return math.nan
    located = float(eirr[0]) if len(eirr) == 1 else float(selection_logic(eirr))
    rate = _polish(row, located)
    if math.isnan(rate) and raise_exceptions:
        raise NoRealSolutionError("No real solution is found for IRR.")
    return rate


def irr(
    values: Any,
    *,
    guess: Any = None,
    tol: float = 1e-12,
    maxiter: int = 100,
    raise_exceptions: bool = False,
    selection_logic: Callable[..., Any] = _irr_default_selection,
) -> Any:
    """Return the Internal Rate of Return (IRR), numpy-financial's: the rate per period at which
    the NPV of ``values`` is zero; one per row for 2-D ``values``; NaN when there is none."""
    del tol, maxiter  # numpy-financial's Newton settings: socinv solves to full precision
    values = np.atleast_2d(values)
    if values.ndim != 2:
        raise ValueError("Cashflows must be a rank-1 or rank-2 array")
    values = values.astype(np.float64)
    results = np.empty(values.shape[0])
    for i, row in enumerate(values):
        results[i] = _irr_of_row(np.ascontiguousarray(row), guess, raise_exceptions, selection_logic)
    return _ufunc_like(results)


def _npv_formula(rate: float, row: np.ndarray) -> float:
    """numpy-financial's loop: sum(values[t] / (1 + rate) ** t); NaN at exactly -1."""
    if rate == -1.0:
        return math.nan
    with np.errstate(all="ignore"):
        return float(np.sum(row / (1.0 + rate) ** np.arange(row.size)))


def npv(rate: Any, values: Any) -> Any:
    """Return the NPV (Net Present Value) of a cash flow series, numpy-financial's: every rate
    against every row, shape ``(len(rates), len(rows))``, squeezed."""
    values_inner = np.atleast_2d(values).astype(np.float64)
    rate_inner = np.atleast_1d(rate).astype(np.float64)
    if rate_inner.ndim != 1:
        raise ValueError("invalid shape for rates. Rate must be either a scalar or 1d array")
    if values_inner.ndim != 2:
        raise ValueError("invalid shape for values. Values must be either a 1d or 2d array")
    rows, cols = values_inner.shape
    out = np.empty((rate_inner.size, rows))
    good_rows = np.flatnonzero(np.all(np.isfinite(values_inner), axis=1))
    good_rates = np.flatnonzero(np.isfinite(rate_inner) & (rate_inner > -1.0))
    if good_rows.size and good_rates.size and cols:
        flat = np.ascontiguousarray(values_inner).ravel()
        offsets = np.tile(good_rows.astype(np.int64) * cols, good_rates.size)
        lengths = np.full(offsets.size, cols, dtype=np.int64)
        rates = np.ascontiguousarray(np.repeat(rate_inner[good_rates], good_rows.size))
        batch = _core.npv_batch(rates, flat, offsets, lengths, True)
        out[np.ix_(good_rates, good_rows)] = batch.reshape(good_rates.size, good_rows.size)
    elif good_rows.size and good_rates.size:
        out[np.ix_(good_rates, good_rows)] = 0.0
    kernel = np.zeros(out.shape, dtype=bool)
    kernel[np.ix_(good_rates, good_rows)] = True
    for i, j in zip(*np.nonzero(~kernel)):
        out[i, j] = _npv_formula(float(rate_inner[i]), values_inner[j])
    return _ufunc_like(out)


def _mirr_formula(row: np.ndarray, finance_rate: float, reinvest_rate: float) -> float:
    n = row.size
    with np.errstate(all="ignore"):
        numer = np.abs(npv(reinvest_rate, row * (row > 0)))
        denom = np.abs(npv(finance_rate, row * (row < 0)))
        return float((numer / denom) ** (1 / (n - 1)) * (1 + reinvest_rate) - 1)


def mirr(values: Any, finance_rate: Any, reinvest_rate: Any, *, raise_exceptions: bool = False) -> Any:
    """Return the Modified Internal Rate of Return (MIRR), numpy-financial's: every row against
    every pair of rates, shape ``(len(rows), len(rates))``, squeezed."""
    values_inner = np.atleast_2d(values).astype(np.float64)
    finance_rate_inner = np.atleast_1d(finance_rate).astype(np.float64)
    reinvest_rate_inner = np.atleast_1d(reinvest_rate).astype(np.float64)
    if values_inner.ndim != 2:
        raise ValueError("invalid shape for values. Values must be either a 1d or 2d array")
    if finance_rate_inner.ndim != 1 or reinvest_rate_inner.ndim != 1:
        raise ValueError("invalid shape for rates. Rates must be either scalars or 1d arrays")
    if finance_rate_inner.size != reinvest_rate_inner.size:
        if raise_exceptions:
            raise ValueError("finance_rate and reinvest_rate must have the same size")
        return np.nan
    out = np.empty((values_inner.shape[0], finance_rate_inner.size))
    for i, v in enumerate(values_inner):
        v = np.ascontiguousarray(v)
        finite = bool(np.all(np.isfinite(v)))
        for j, (rr, fr) in enumerate(zip(reinvest_rate_inner.tolist(), finance_rate_inner.tolist())):
            if not ((v > 0).any() and (v < 0).any()):
                if raise_exceptions:
                    raise NoRealSolutionError("No real solution exists for MIRR since all cashflows are of the "
                                              "same sign.")
                out[i, j] = np.nan
            elif finite and fr > -1.0 and rr > -1.0 and math.isfinite(fr) and math.isfinite(rr):
                out[i, j] = _core.mirr(v, fr, rr)
            else:
                out[i, j] = _mirr_formula(v, fr, rr)
    return _ufunc_like(out)
