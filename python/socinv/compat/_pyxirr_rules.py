"""pyxirr 0.10.8's root-finding rules, step for step, to tell which root pyxirr would return.

A re-statement in Python of the algorithms in pyxirr 0.10.8 (``src/core/optimize.rs``,
``src/core/scheduled/xirr.rs``, ``src/core/periodic.rs``, ``src/core/utils.rs``; MIT licence,
(c) Anexen), with the same arithmetic in the same order (sequential sums, ``exp2(log2(a) * b)``
powers, IEEE results where Python would raise), so that where there are several rates it lands
on the same one. Only the root's location is used: :mod:`socinv.compat.pyxirr` then solves for
that root with socinv's kernel.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

NAN = math.nan
INF = math.inf

MAX_ERROR = 1e-9
MAX_ITERATIONS = 50
MAX_FX_TOL = 1e-3


def _div(a: float, b: float) -> float:
    """IEEE division: x/0 is +-inf (0/0 and nan/0 are NaN) instead of ZeroDivisionError."""
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0.0:
            return NAN
        return math.copysign(INF, a) * math.copysign(1.0, b)


def _signum(x: float) -> float:
    return x if x != x else math.copysign(1.0, x)


def fast_pow(a: float, b: float) -> float:
    """``(a.log2() * b).exp2()``, as utils.rs; NaN for a negative ``a``."""
    if a != a or b != b or a < 0.0:
        return NAN
    if a == 0.0:
        log = -INF
    elif a == INF:
        log = INF
    else:
        log = math.log2(a)
    p = log * b
    if p != p:
        return NAN
    if p >= 1024.0:
        return INF
    if p < -1080.0:
        return 0.0
    try:
        return math.exp2(p)
    except OverflowError:
        return INF


def _powf(a: float, b: float) -> float:
    """Rust's ``f64::powf`` (C ``pow``): NaN where Python's math.pow raises a domain error."""
    try:
        return math.pow(a, b)
    except ValueError:
        return NAN
    except OverflowError:
        return INF if a > 0 or b == int(b) and int(b) % 2 == 0 else -INF


# --- optimize.rs ---------------------------------------------------------------------------


def newton_raphson(start: float, f: Callable[[float], float], d: Callable[[float], float]) -> float:
    x = start
    for _ in range(MAX_ITERATIONS):
        y = f(x)
        if abs(y) < MAX_ERROR:
            return x
        delta = _div(y, d(x))
        if abs(delta) < MAX_ERROR:
            return x - delta
        x -= delta
    return NAN


def newton_raphson_2(start: float, fd: Callable[[float], tuple[float, float]]) -> float:
    x = start
    for _ in range(MAX_ITERATIONS):
        y0, y1 = fd(x)
        if abs(y0) < MAX_ERROR:
            return x
        delta = _div(y0, y1)
        if abs(delta) < MAX_ERROR and abs(y0) < MAX_FX_TOL:
            return x
        x -= delta
    return NAN


def brentq(f: Callable[[float], float], xa: float, xb: float, iterations: int) -> float:
    xtol = 2e-14
    rtol = 8.881784197001252e-16
    xpre, xcur = xa, xb
    xblk = fblk = spre = scur = 0.0
    fpre, fcur = f(xpre), f(xcur)
    if _signum(fpre) == _signum(fcur):
        return NAN
    if fpre == 0.0:
        return xpre
    if fcur == 0.0:
        return xcur
    for _ in range(iterations):
        if fpre != 0.0 and fcur != 0.0 and _signum(fpre) != _signum(fcur):
            xblk, fblk = xpre, fpre
            spre = scur = xcur - xpre
        if abs(fblk) < abs(fcur):
            xpre, xcur, xblk = xcur, xblk, xcur
            fpre, fcur, fblk = fcur, fblk, fcur
        delta = (xtol + rtol * abs(xcur)) / 2.0
        sbis = (xblk - xcur) / 2.0
        if fcur == 0.0 or abs(sbis) < delta:
            return xcur if abs(fcur) < MAX_FX_TOL else NAN
        if abs(spre) > delta and abs(fcur) < abs(fpre):
            if xpre == xblk:
                stry = _div(-fcur * (xcur - xpre), fcur - fpre)
            else:
                dpre = _div(fpre - fcur, xpre - xcur)
                dblk = _div(fblk - fcur, xblk - xcur)
                stry = _div(-fcur * (fblk * dblk - fpre * dpre), dblk * dpre * (fblk - fpre))
            if 2.0 * abs(stry) < min(abs(spre), 3.0 * abs(sbis) - delta):
                spre, scur = scur, stry
            else:
                spre = scur = sbis
        else:
            spre = scur = sbis
        xpre, fpre = xcur, fcur
        if abs(scur) > delta:
            xcur += scur
        else:
            xcur += delta if sbis > 0.0 else -delta
        fcur = f(xcur)
    return NAN


BREAKPOINTS = (-0.99999999999999, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0, 1e6)


def brentq_grid_search(f: Callable[[float], float]) -> float:
    """The first window of BREAKPOINTS whose brentq gives a finite rate with |f| < 1e-3."""
    for lo, hi in zip(BREAKPOINTS[:-1], BREAKPOINTS[1:]):
        rate = brentq(f, lo, hi, 100)
        if math.isfinite(rate) and abs(f(rate)) < 1e-3:
            return rate
    return NAN


# --- utils.rs ------------------------------------------------------------------------------


def is_sign_negative(x: float) -> bool:
    return math.copysign(1.0, x) < 0.0


def initial_guess(values: Sequence[float]) -> float:
    outflows = inflows = 0.0
    for x in values:
        if is_sign_negative(x):
            outflows += x
        else:
            inflows += x
    guess = _div(inflows, -outflows) - 1.0
    if guess != guess:
        return NAN
    return min(max(guess, -0.9), 0.1)


def trim_zeros(values: Sequence[float]) -> list[float]:
    n = len(values)
    first = next((i for i, x in enumerate(values) if x != 0.0), n)
    last = n - next((i for i, x in enumerate(reversed(values)) if x != 0.0), 0)
    return list(values[first:last])


def has_both_signs(values: Sequence[float]) -> bool:
    """models.rs validate_positive_negative: a positive and a negative amount (NaN is neither)."""
    return any(x > 0.0 for x in values) and any(x < 0.0 for x in values)


# --- scheduled/xirr.rs ---------------------------------------------------------------------


def xnpv_result(amounts: Sequence[float], deltas: Sequence[float], rate: float) -> float:
    if rate <= -1.0:
        return INF
    base = 1.0 + rate
    total = -0.0
    for p, e in zip(amounts, deltas):
        total += p * fast_pow(base, -e)
    return total


def _xnpv_with_deriv(amounts: Sequence[float], deltas: Sequence[float], rate: float) -> tuple[float, float]:
    if rate <= -1.0:
        return INF, INF
    base = 1.0 + rate
    y0_sum = y1_sum = 0.0
    for p, e in zip(amounts, deltas):
        y0 = p * fast_pow(base, -e)
        y1 = _div(y0 * -e, base)
        y0_sum += y0
        y1_sum += y1
    return y0_sum, y1_sum


def xirr(deltas: Sequence[float], amounts: Sequence[float], guess: float | None) -> float:
    """pyxirr's XIRR of validated flows (both signs, equal lengths); NaN where it finds none.

    ``deltas`` are the year fractions from the earliest date, in the order of the amounts.
    """
    if len(amounts) == 2:
        return _powf(_div(-amounts[1], amounts[0]), _div(1.0, deltas[1] - deltas[0])) - 1.0

    def f(rate: float) -> float:
        return xnpv_result(amounts, deltas, rate)

    def fd(rate: float) -> tuple[float, float]:
        return _xnpv_with_deriv(amounts, deltas, rate)

    start = initial_guess(amounts) if guess is None else guess
    rate = newton_raphson_2(start, fd)
    if math.isfinite(rate):
        return rate
    rate = brentq(f, -0.999999999999999, 100.0, 100)
    if math.isfinite(rate):
        return rate
    step = 0.01
    start = -0.99999999999999
    while start < 1.0:
        rate = newton_raphson_2(start, fd)
        if math.isfinite(rate):
            return rate
        start += step
        step = min(step * 1.1, 0.1)
    return NAN


# --- periodic.rs ---------------------------------------------------------------------------


def npv(rate: float, values: Sequence[float], start_from_zero: bool = True) -> float:
    if rate == 0.0:
        total = -0.0
        for v in values:
            total += v
        return total
    base = 1.0 + rate
    power = 1.0 if start_from_zero else base
    total = -0.0
    for v in values:
        total += _div(v, power)
        power *= base
    return total


def _npv_deriv(rate: float, values: Sequence[float]) -> float:
    total = -0.0
    for i, v in enumerate(values):
        total += -float(i) * v * fast_pow(rate + 1.0, -(float(i) + 1.0))
    return total


def _irr_analytical_3(values: Sequence[float]) -> float:
    a, b, c = values
    if a == 0.0:
        return _div(-c, b) - 1.0
    d = _powf(b, 2.0) - 4.0 * a * c
    if d != d or d < 0.0:
        return NAN
    if d == 0.0:
        return _div(-b, 2.0 * a) - 1.0
    root = math.sqrt(d)
    r1 = _div(-b + root, 2.0 * a) - 1.0
    r2 = _div(-b - root, 2.0 * a) - 1.0
    if r1 < -1.0 and r2 < -1.0:
        return NAN
    if r1 <= -1.0 and r2 <= -1.0:
        return -1.0
    if r1 > -1.0 and r2 <= -1.0:
        return r1
    if r1 <= -1.0 and r2 > -1.0:
        return r2
    p1 = npv(r1, values, True)
    p2 = npv(r2, values, True)
    return r1 if abs(p1) < abs(p2) else r2


def irr(values: Sequence[float], guess: float | None) -> float:
    """pyxirr's IRR of amounts with both signs (after trimming zeros); NaN where it finds none."""
    values = trim_zeros(values)
    start = 0.1 if guess is None else guess
    if len(values) == 2:
        return _div(-values[1], values[0]) - 1.0
    if len(values) == 3:
        return _irr_analytical_3(values)

    def f(rate: float) -> float:
        if rate <= -1.0:
            return INF
        return npv(rate, values, True)

    def df(rate: float) -> float:
        return _npv_deriv(rate, values)

    def good(rate: float) -> bool:
        return math.isfinite(rate) and abs(f(rate)) < 1e-3

    rate = newton_raphson(start, f, df)
    if good(rate):
        return rate
    rate = brentq(f, -0.999999999999999, 100.0, 100)
    if good(rate):
        return rate
    return brentq_grid_search(f)


def mirr(values: Sequence[float], finance_rate: float, reinvest_rate: float) -> float:
    """pyxirr's MIRR formula (the amounts have both signs)."""
    n = len(values)
    positive = -0.0
    power = 1.0
    for v in reversed(values):
        if v > 0.0:
            positive += v * power
        power *= 1.0 + reinvest_rate
    negative = -0.0
    power = 1.0
    for v in values:
        if v < 0.0:
            negative += _div(v, power)
        power *= 1.0 + finance_rate
    return _powf(_div(positive, -negative), _div(1.0, float(n - 1))) - 1.0
