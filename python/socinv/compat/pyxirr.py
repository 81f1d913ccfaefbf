"""A drop-in for `pyxirr <https://github.com/Anexen/pyxirr>`_ 0.10.8's cash-flow functions.

Switch by changing one import::

    from socinv.compat import pyxirr     # was: import pyxirr

    pyxirr.xirr(dates, amounts)          # None when no rate is found, as pyxirr
    pyxirr.irr([-100, 39, 59, 55, 20], guess=0.1)

Names and signatures are pyxirr's: ``xirr(dates, amounts=None, *, guess=None, silent=False,
day_count=None)``, ``xnpv(rate, dates, amounts=None, *, silent=False, day_count=None)``,
``irr(amounts, *, guess=None, silent=False)``, ``npv(rate, amounts, *, start_from_zero=True)``,
``mirr(amounts, finance_rate, reinvest_rate, *, silent=False)``, ``year_fraction(d1, d2,
day_count)``, ``days_between(d1, d2, day_count)``, the :class:`DayCount` constants and
:class:`InvalidPaymentsError` (an ``Exception``, not a ``ValueError``, as in pyxirr).

**Input conversion (pyxirr's).** Dates: :class:`datetime.date` and :class:`datetime.datetime`
(their own calendar fields, so a tz-aware datetime counts on its date in its own zone), pandas
``Timestamp``, numpy ``datetime64``, and strings whose first ten characters are ``YYYY-MM-DD``
or ``MM/DD/YYYY`` (``"2008-01-01T10:00"`` and even ``"2008-01-01xx"`` read as 1 January 2008);
other types are a ``TypeError``, other strings a ``ValueError``. A numpy array or pandas Series
of dates is converted with ``astype("datetime64[D]")`` (so a tz-aware Series counts in UTC, as in
pyxirr). Amounts: anything with ``__float__`` (a string or ``None`` is a ``TypeError``); a numpy
array or Series with ``astype("float64")`` (so an array of numeric strings is read). With one
argument: a dict, a DataFrame (first two columns), a Series with a DatetimeIndex, a 2 x N numpy
array (dates, amounts), or an iterable of (date, amount) pairs. Day counts: pyxirr's names, case
insensitive (``"ACT/365F"``, ``"30/360 SIA"``, ``"30E/360"``, ...; note that pyxirr has no
``"act/365"``) or :class:`DayCount` values (pyxirr's own ``DayCount`` values work too);
default Actual/365F.

**Return conventions (pyxirr's).** ``InvalidPaymentsError`` when the amounts do not hold a
positive and a negative value (xirr, irr, mirr) or when dates and amounts differ in length; with
``silent=True`` those give ``None``. ``None`` when no rate is found and for a non-finite XNPV or
MIRR. ``npv`` and ``xnpv`` take an array of rates: a list gives a list, a numpy array an array.

**Which rate (pyxirr's rule).** Where the amounts have several rates, pyxirr returns the one its
solver reaches first, and so does this module. The rule, from pyxirr 0.10.8's source:

- ``xirr``: two flows are solved in closed form. Otherwise Newton's method (50 steps, stopping at
  \\|XNPV\\| < 1e-9, or at a step below 1e-9 with \\|XNPV\\| < 1e-3) from ``guess``, or without
  one from (inflows / outflows - 1) clamped to [-0.9, 0.1]; then Brent's method on
  [-0.999999999999999, 100]; then Newton from -0.99999999999999 upwards in steps growing from
  0.01 to 0.1 until 1, taking the first that converges.
- ``irr``: zeros at both ends are dropped; two values are solved in closed form, three by the
  quadratic formula (of two roots above -100 %, the one whose NPV is nearer zero). Otherwise
  Newton's method from ``guess`` (default 0.1), accepted where \\|NPV\\| < 1e-3; then Brent's method
  on [-0.999999999999999, 100]; then Brent's method in the first of the windows between
  -0.99999999999999, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 1 and 1e6 that holds a root.

The rule is followed step for step (``socinv/compat/_pyxirr_rules.py``) to locate pyxirr's root;
socinv's kernel then solves for the root closest to that point to full precision. So where
pyxirr stops early (its tolerances are absolute: 1e-9 of XNPV, whatever the size of the flows),
this module returns the exact root pyxirr was approaching, not pyxirr's approximation of it.
When the amounts change sign once (in date order, flows of one day summed) there is one rate at
most and nothing to choose: socinv's kernel solves for it directly, without the rule.

**Where it differs from pyxirr (docs/compat.md has the table).** Where pyxirr's rule finds no
rate but one exists, this module returns socinv's rate (the one closest to the guess) instead of
``None``: for example the roots in (-100 %, -99 %) that pyxirr's solvers step over. Where
pyxirr returns a number that is not a rate (``inf`` for two flows on one day), this module
returns ``None``. ``xnpv`` of no flows is 0 (pyxirr panics). NPV, XNPV and MIRR at rates above
-100 % come from socinv's kernels; at or below -100 % they are computed as pyxirr does (+inf,
NaN, ...), since socinv itself refuses such rates.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable
from typing import Any, Optional, Union

import numpy as np

from socinv import _core
from socinv.compat import _pyxirr_rules as _rules

__all__ = [
    "BroadcastingError",
    "DayCount",
    "InvalidPaymentsError",
    "days_between",
    "irr",
    "mirr",
    "npv",
    "xirr",
    "xnpv",
    "year_fraction",
]


class InvalidPaymentsError(Exception):
    """The payments do not contain both a negative and a positive amount, or dates and amounts
    differ in length (pyxirr's exception; an ``Exception``, not a ``ValueError``)."""


class BroadcastingError(Exception):
    """Arrays of arguments that cannot be broadcast together (pyxirr's exception)."""


# --- day counts ----------------------------------------------------------------------------


class DayCount:
    """pyxirr's day-count conventions: ``DayCount.ACT_365F`` (the default), ``DayCount.of("30/360
    SIA")``; ``str()`` gives pyxirr's display name (``"Actual/365F"``)."""

    __slots__ = ("_name", "_display", "_socinv")

    ACT_ACT_ISDA: DayCount
    ACT_365F: DayCount
    ACT_365_25: DayCount
    ACT_364: DayCount
    ACT_360: DayCount
    THIRTY_360_ISDA: DayCount
    THIRTY_E_360: DayCount
    THIRTY_E_PLUS_360: DayCount
    THIRTY_E_360_ISDA: DayCount
    THIRTY_U_360: DayCount
    NL_365: DayCount
    NL_360: DayCount

    def __init__(self, name: str, display: str, socinv_name: str) -> None:
        self._name = name
        self._display = display
        self._socinv = socinv_name

    def __str__(self) -> str:
        return self._display

    def __repr__(self) -> str:
        return f"DayCount.{self._name}"

    def __reduce__(self):
        return (getattr, (DayCount, self._name))

    @staticmethod
    def of(day_count: str) -> DayCount:
        """The convention named ``day_count`` in any of pyxirr's spellings (case insensitive);
        ``ValueError("Invalid Day Count Convention")`` otherwise."""
        if not isinstance(day_count, str):
            raise TypeError(f"argument 'value': {type(day_count).__name__!r} object cannot be converted to 'PyString'")
        member = _DAY_COUNT_NAMES.get(day_count.lower())
        if member is None:
            raise ValueError("Invalid Day Count Convention")
        return getattr(DayCount, member)


_DAY_COUNTS = [  # member, pyxirr's display name, socinv's name, pyxirr's spellings (FromStr)
    ("ACT_ACT_ISDA", "Actual/Actual ISDA", "act/act-isda", ("actual/actual", "actual/actual isda", "act/act",
                                                            "act/act isda")),
    ("ACT_365F", "Actual/365F", "act/365f", ("actual/365 fixed", "act/365 fixed", "a/365 fixed", "actual/365f",
                                             "act/365f", "a/365f", "english")),
    ("ACT_365_25", "Actual/365.25", "act/365.25", ("actual/365.25", "act/365.25", "a/365.25")),
    ("ACT_364", "Actual/364", "act/364", ("actual/364", "act/364", "a/364")),
    ("ACT_360", "Actual/360", "act/360", ("actual/360", "act/360", "a/360", "french")),
    ("THIRTY_360_ISDA", "30/360 ISDA", "30/360", ("30/360", "30/360 isda", "bond basis")),
    ("THIRTY_E_360", "30E/360", "30e/360", ("30e/360", "30/360 isma", "eurobond basis")),
    ("THIRTY_E_PLUS_360", "30E+/360", "30e+/360", ("30e+/360",)),
    ("THIRTY_E_360_ISDA", "30E/360 ISDA", "30e/360-isda", ("30e/360 isda", "30e/360 german", "german")),
    ("THIRTY_U_360", "30U/360", "30u/360", ("30u/360", "30us/360", "30/360 us", "30/360 sia")),
    ("NL_365", "NL/365", "nl/365", ("nl/365", "nl365")),
    ("NL_360", "NL/360", "nl/360", ("nl/360", "nl360")),
]
_DAY_COUNT_NAMES: dict[str, str] = {}
_BY_DISPLAY: dict[str, str] = {}
for _member, _display, _socinv_name, _spellings in _DAY_COUNTS:
    setattr(DayCount, _member, DayCount(_member, _display, _socinv_name))
    _BY_DISPLAY[_display] = _member
    for _spelling in _spellings:
        _DAY_COUNT_NAMES[_spelling] = _member
del _member, _display, _socinv_name, _spellings, _spelling

#: Actual days / 365 (or 365.25, 364, 360): year fractions computed here exactly as pyxirr does.
_ACTUAL_DAYS = {"act/365f": 365.0, "act/365.25": 365.25, "act/364": 364.0, "act/360": 360.0}


def _day_count(value: Any) -> DayCount:
    if value is None:
        return DayCount.ACT_365F
    if isinstance(value, DayCount):
        return value
    if isinstance(value, str):
        return DayCount.of(value)
    if type(value).__name__ == "DayCount" and str(value) in _BY_DISPLAY:  # pyxirr's own DayCount
        return getattr(DayCount, _BY_DISPLAY[str(value)])
    raise TypeError(f"argument 'day_count': expected a str or a DayCount, not {type(value).__name__}")


# --- input conversion (pyxirr's conversions.rs) ---------------------------------------------

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")
_US = re.compile(r"(\d{2})/(\d{2})/(\d{4})\Z")


def _date_text(text: str) -> int:
    part = text[:10] if len(text) > 10 else text
    for pattern, order in ((_ISO, (0, 1, 2)), (_US, (2, 0, 1))):
        match = pattern.match(part)
        if match:
            fields = match.groups()
            try:
                day = _dt.date(int(fields[order[0]]), int(fields[order[1]]), int(fields[order[2]]))
            except ValueError as error:
                raise ValueError(f"the date {text!r} does not exist: {error}") from None
            return day.toordinal() - _EPOCH_ORDINAL
    raise ValueError(f"the date {text!r} could not be parsed: expected YYYY-MM-DD or MM/DD/YYYY")


def _date(value: Any) -> int:
    if isinstance(value, _dt.date):  # datetime and pandas Timestamp too: their own calendar fields
        return _dt.date(value.year, value.month, value.day).toordinal() - _EPOCH_ORDINAL
    if isinstance(value, str):
        return _date_text(value)
    if type(value).__name__ == "datetime64":
        day = int(np.asarray(value).astype("datetime64[D]").astype(np.int64))
        if day == np.iinfo(np.int64).min:
            raise ValueError("NaT is not a date")
        return day
    raise TypeError(f'Type "{type(value).__name__}" is not understood. Expected: date')


def _dates_of_numpy(array: Any) -> list[int]:
    days = np.asarray(array).astype("datetime64[D]").astype(np.int64)
    if days.ndim != 1:
        raise TypeError(f"expected a one-dimensional array of dates, not one of shape {days.shape}")
    if np.any(days == np.iinfo(np.int64).min):
        raise ValueError("NaT is not a date")
    return days.tolist()


def _series_values(series: Any) -> Any:
    """``Series.values`` as pyxirr reads it (UTC datetimes for a tz-aware Series), without
    pandas' deprecation warning for that."""
    if getattr(series.dtype, "tz", None) is not None:
        return series.dt.tz_convert(None).to_numpy()
    return series.to_numpy()


def _dates(series: Any) -> list[int]:
    name = type(series).__name__
    if name == "Series":
        return _dates_of_numpy(_series_values(series))
    if name == "ndarray":
        return _dates_of_numpy(series)
    return [_date(value) for value in series]


def _float(value: Any) -> float:
    if type(value) is float:
        return value
    kind = type(value)
    if hasattr(kind, "__float__"):
        return float(value)
    if hasattr(kind, "__index__"):
        return float(value.__index__())
    raise TypeError(f"must be real number, not {kind.__name__}")


def _amounts_of_numpy(array: Any) -> list[float]:
    values = np.asarray(array.astype("float64"))
    if values.ndim != 1:
        raise TypeError(f"expected a one-dimensional array of amounts, not one of shape {values.shape}")
    return values.tolist()


def _amounts(series: Any) -> list[float]:
    name = type(series).__name__
    if name == "Series":
        return _amounts_of_numpy(_series_values(series))
    if name == "ndarray":
        return _amounts_of_numpy(series)
    if isinstance(series, (str, bytes)) or not isinstance(series, Iterable):
        raise TypeError(f"argument 'amounts': {type(series).__name__!r} object is not a sequence of amounts")
    return [_float(value) for value in series]


def _payments(dates: Any, amounts: Any) -> tuple[list[int], list[float]]:
    if amounts is not None:
        return _dates(dates), _amounts(amounts)
    if isinstance(dates, dict):
        return [_date(key) for key in dates.keys()], [_float(value) for value in dates.values()]
    name = type(dates).__name__
    if name == "DataFrame":
        columns = dates.columns
        return _dates(dates[columns[0]]), _amounts(dates[columns[1]])
    if name == "Series":
        if type(dates.index).__name__ != "DatetimeIndex":
            raise TypeError("Expected Series with DatetimeIndex")
        return _dates(dates.index), _amounts(dates)
    if name == "ndarray":
        return _dates(dates[0]), _amounts(dates[1])
    days: list[int] = []
    values: list[float] = []
    for record in dates:
        days.append(_date(record[0]))
        values.append(_float(record[1]))
    return days, values


# --- helpers -------------------------------------------------------------------------------


def _finite(values: list[float]) -> bool:
    return all(math.isfinite(v) for v in values)


def _year_fractions(days: list[int], dc: DayCount) -> list[float]:
    """pyxirr's year fractions from the earliest date, in the order of the flows."""
    earliest = min(days)
    divisor = _ACTUAL_DAYS.get(dc._socinv)
    if divisor is not None:
        return [float(d - earliest) / divisor for d in days]
    start = _dt.date.fromordinal(earliest + _EPOCH_ORDINAL)
    return [_core.year_fraction(start, _dt.date.fromordinal(d + _EPOCH_ORDINAL), dc._socinv) for d in days]


def _sign_changes(amounts: list[float], days: Optional[list[int]] = None) -> int:
    """Changes of sign of the amounts in time order (flows on one day summed, zeros skipped): at
    most this many rates (Descartes' rule of signs), so with one there is a single rate, the one
    pyxirr's rule reaches if it reaches any."""
    if days is not None and any(a >= b for a, b in zip(days, days[1:])):  # unsorted, or a day twice
        merged: dict[int, float] = {}
        for day, amount in zip(days, amounts):
            merged[day] = merged.get(day, 0.0) + amount
        amounts = [merged[day] for day in sorted(merged)]
    count = 0
    previous = 0
    for amount in amounts:
        sign = 1 if amount > 0 else -1 if amount < 0 else 0
        if sign:
            count += previous != 0 and sign != previous
            previous = sign
    return count


def _rate_or_none(rate: Optional[float]) -> Optional[float]:
    return None if rate is None or math.isnan(rate) else rate


def _is_scalar(rate: Any) -> bool:
    return not isinstance(rate, (np.ndarray, list, tuple)) and np.ndim(rate) == 0


# --- the functions -------------------------------------------------------------------------


def xirr(
    dates: Any,
    amounts: Any = None,
    *,
    guess: Optional[float] = None,
    silent: bool = False,
    day_count: Any = None,
) -> Optional[float]:
    """Internal Rate of Return for a non-periodic cash flows (pyxirr's XIRR): the rate pyxirr's
    rule reaches, to full precision; ``None`` when there is none."""
    days, values = _payments(dates, amounts)
    dc = _day_count(day_count)
    guess = None if guess is None else float(guess)
    if len(days) != len(values):
        if silent:
            return None
        raise InvalidPaymentsError("the amounts and dates arrays are of different lengths")
    if not _rules.has_both_signs(values):
        if silent:
            return None
        raise InvalidPaymentsError("negative and positive payments are required")
    if not _finite(values):  # pyxirr's arithmetic on NaN or infinite amounts; socinv refuses them
        located = _rules.xirr(_year_fractions(days, dc), values, guess)
        return _rate_or_none(located) if not math.isinf(located) else located
    day_numbers = np.asarray(days, dtype=np.int64)
    amounts_array = np.asarray(values, dtype=np.float64)
    if _sign_changes(values, days) <= 1:  # one rate at most: no choice to make
        return _core.xirr(day_numbers, amounts_array, None, dc._socinv)
    located = _rules.xirr(_year_fractions(days, dc), values, guess)
    rate = None
    if math.isfinite(located) and located > -1.0:
        rate = _core.xirr(day_numbers, amounts_array, located, dc._socinv)
    if rate is None:  # pyxirr's rule found none, or not a rate: socinv's own answer
        start = guess if guess is not None and guess > -1.0 else None
        rate = _core.xirr(day_numbers, amounts_array, start, dc._socinv)
    return rate


def xnpv(
    rate: Any,
    dates: Any,
    amounts: Any = None,
    *,
    silent: bool = False,
    day_count: Any = None,
) -> Union[float, None, list, np.ndarray]:
    """Net Present Value for a non-periodic cash flows (pyxirr's XNPV). An array of rates gives
    one value per rate (a list for a list, an array for an array)."""
    days, values = _payments(dates, amounts)
    dc = _day_count(day_count)
    if len(days) != len(values):
        if silent:
            return None
        raise InvalidPaymentsError("the amounts and dates arrays are of different lengths")
    scalar = _is_scalar(rate)
    rates = np.asarray(rate, dtype=np.float64)
    out = np.empty(rates.shape, dtype=np.float64)
    flat = out.reshape(-1)
    if not days:
        flat[:] = 0.0
    else:
        deltas = None
        day_numbers = np.asarray(days, dtype=np.int64)
        amounts_array = np.asarray(values, dtype=np.float64)
        finite = _finite(values)
        for k, r in enumerate(rates.reshape(-1).tolist()):
            if finite and r > -1.0 and math.isfinite(r):
                flat[k] = _core.xnpv(r, day_numbers, amounts_array, dc._socinv)
            else:  # outside socinv's domain: pyxirr's arithmetic (+inf at or below -100 %)
                if deltas is None:
                    deltas = _year_fractions(days, dc)
                flat[k] = _rules.xnpv_result(values, deltas, r)
    if scalar:
        value = float(out.reshape(-1)[0])
        return value if math.isfinite(value) else None
    return out if isinstance(rate, np.ndarray) else out.tolist()


def irr(amounts: Any, *, guess: Optional[float] = None, silent: bool = False) -> Optional[float]:
    """Internal Rate of Return (pyxirr's IRR): the rate pyxirr's rule reaches, to full
    precision; ``None`` when there is none."""
    values = _amounts(amounts)
    guess = None if guess is None else float(guess)
    if not _rules.has_both_signs(_rules.trim_zeros(values)):
        if silent:
            return None
        raise InvalidPaymentsError("negative and positive payments are required")
    if not _finite(values):
        return _rate_or_none(_rules.irr(values, guess))
    array = np.asarray(values, dtype=np.float64)
    if _sign_changes(values) <= 1:  # one rate at most: no choice to make
        return _core.irr(array, None)
    located = _rules.irr(values, guess)
    rate = None
    if math.isfinite(located) and located > -1.0:
        rate = _core.irr(array, located)
    if rate is None:
        start = guess if guess is not None and guess > -1.0 else None
        rate = _core.irr(array, start)
    return rate


def npv(rate: Any, amounts: Any, *, start_from_zero: bool = True) -> Union[float, list, np.ndarray]:
    """Net Present Value (pyxirr's NPV): ``sum(values[i] / (1 + rate) ** i)``, or one more period
    of discounting with ``start_from_zero=False`` (Excel). An array of rates gives one value per
    rate."""
    values = _amounts(amounts)
    scalar = _is_scalar(rate)
    rates = np.asarray(rate, dtype=np.float64)
    out = np.empty(rates.shape, dtype=np.float64)
    flat = out.reshape(-1)
    array = np.asarray(values, dtype=np.float64)
    finite = _finite(values)
    for k, r in enumerate(rates.reshape(-1).tolist()):
        if finite and r > -1.0 and math.isfinite(r):
            flat[k] = _core.npv(r, array, bool(start_from_zero))
        else:
            flat[k] = _rules.npv(r, values, bool(start_from_zero))
    if scalar:
        return float(out.reshape(-1)[0])
    return out if isinstance(rate, np.ndarray) else out.tolist()


def mirr(amounts: Any, finance_rate: float, reinvest_rate: float, *, silent: bool = False) -> Optional[float]:
    """Modified Internal Rate of Return (pyxirr's MIRR); ``None`` when it is not finite."""
    values = _amounts(amounts)
    finance_rate = float(finance_rate)
    reinvest_rate = float(reinvest_rate)
    if not _rules.has_both_signs(values):
        if silent:
            return None
        raise InvalidPaymentsError("negative and positive payments are required")
    if _finite(values) and finance_rate > -1.0 and reinvest_rate > -1.0 and math.isfinite(finance_rate) \
            and math.isfinite(reinvest_rate):
        result = _core.mirr(np.asarray(values, dtype=np.float64), finance_rate, reinvest_rate)
    else:
        result = _rules.mirr(values, finance_rate, reinvest_rate)
    return None if math.isnan(result) else result


def year_fraction(d1: Any, d2: Any, day_count: Any) -> float:
    """Years from ``d1`` to ``d2`` in a day count (pyxirr's ``year_fraction``)."""
    dc = _day_count(day_count)
    first, second = _date(d1), _date(d2)
    divisor = _ACTUAL_DAYS.get(dc._socinv)
    if divisor is not None:
        return float(second - first) / divisor
    return _core.year_fraction(_dt.date.fromordinal(first + _EPOCH_ORDINAL),
                               _dt.date.fromordinal(second + _EPOCH_ORDINAL), dc._socinv)


def days_between(d1: Any, d2: Any, day_count: Any) -> int:
    """Days from ``d1`` to ``d2`` as the day count counts them (pyxirr's ``days_between``): actual
    days for the Actual conventions, 30-day months for the 30/360 family, actual days less the
    29ths of February for NL/365 and NL/360."""
    dc = _day_count(day_count)
    first, second = _date(d1), _date(d2)
    if dc._socinv in _ACTUAL_DAYS or dc is DayCount.ACT_ACT_ISDA:
        return second - first
    basis = 365.0 if dc is DayCount.NL_365 else 360.0
    years = _core.year_fraction(_dt.date.fromordinal(first + _EPOCH_ORDINAL),
                                _dt.date.fromordinal(second + _EPOCH_ORDINAL), dc._socinv)
    return int(round(years * basis))
