"""Cash flows and discounting: XIRR and XNPV of dated flows, IRR, NPV and MIRR of periodic
flows, every rate in a range, and discount schedules.

The signatures follow `pyxirr <https://github.com/Anexen/pyxirr>`_, so code written for it
switches by changing the import::

    from socinv.cashflow import xirr, xnpv, irr, npv, mirr

    xirr(["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"],
         [-10000, 2750, 4250, 3250, 2750])                        # 0.3733625335188...

Dates may be :class:`datetime.date` objects, ISO strings (``"2008-01-01"``, strictly) or numpy
``datetime64`` values (a pandas datetime column is one; times of day are dropped); amounts may
be lists, numpy arrays or pandas Series. As in pyxirr, ``amounts`` may be left out when the
first argument holds both: a pandas Series indexed by date, a two-column DataFrame, a dict
``{date: amount}`` or an iterable of ``(date, amount)`` pairs.

**Batches.** Two-dimensional amounts (one series per row) give a 1-D numpy array with one
result per row, computed in C++ on all cores with the GIL released. Rows may be padded with
NaN, or their lengths given with ``lengths=``. Dates are then a 2-D array of the same shape,
or one row of dates that every series shares. A rate (or guess) may be one number or one per
row; for a single series, an array of rates gives one value per rate. A row without a rate is
NaN rather than an error.

**Several rates.** When the amounts change sign once, the rate is unique. When they change sign
more often there may be several; :func:`xirr` and :func:`irr` return the one closest to
``guess`` (default 0.1), and :func:`all_rates` lists them all in a range. There is no rate when
the amounts do not change sign (empty, single, all-zero or one-signed series): that raises
:class:`NoRateError`, or gives ``None`` with ``silent=True``.

**Day counts.** ``"act/365"`` (the default: actual days from the first date / 365, as
spreadsheets do), ``"act/365f"``, ``"act/360"``, ``"act/act-isda"`` and ``"30/360"``
(ISDA bond basis); pyxirr's spellings such as ``"Actual/360"`` are accepted too. Every flow is
discounted to the earliest date; dates need not be sorted.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any, Optional, Union

import numpy as np
import numpy.typing as npt

from socinv import _core
from socinv.errors import InputError

__all__ = [
    "DiscountSchedule",
    "NoRateError",
    "all_rates",
    "irr",
    "mirr",
    "npv",
    "xirr",
    "xnpv",
    "year_fraction",
]

#: Discount factors over time (bound from C++): ``DiscountSchedule.constant(0.035)``,
#: ``.steps([(0, 0.035), (30, 0.03)])``, ``.green_book()``, ``.from_index(levels)``; then
#: ``.factor(years)``, ``.factors(array)``, ``.rate(years)``, ``.to_real(inflation)`` and
#: ``.to_nominal(inflation)`` (Fisher: ``(1 + nominal) = (1 + real)(1 + inflation)``).
DiscountSchedule = _core.DiscountSchedule

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
_NAT = np.iinfo(np.int64).min

Rate = Union[float, npt.ArrayLike]


class NoRateError(InputError):
    """No rate makes the net present value of the flows zero (an :class:`InputError`, so a
    ``ValueError``). The message says why: no flows, all zero, or no change of sign."""


# --- conversions ---------------------------------------------------------------------------


def _day_number(value: Any) -> int:
    if isinstance(value, _dt.datetime):
        raise TypeError("expected a datetime.date, not a datetime.datetime (use .date())")
    if isinstance(value, _dt.date):
        return value.toordinal() - _EPOCH_ORDINAL
    if isinstance(value, str):
        return _core.parse_date(value).toordinal() - _EPOCH_ORDINAL
    if isinstance(value, np.datetime64):
        return int(value.astype("datetime64[D]").astype(np.int64))
    if value is None:
        return _NAT
    raise TypeError(
        f"expected a datetime.date, an ISO date string \"YYYY-MM-DD\" or a numpy datetime64, got {type(value).__name__}"
    )


def _day_numbers(items: list[Any]) -> np.ndarray:
    if all(type(item) is _dt.date for item in items):  # the common case, fast
        return np.fromiter((item.toordinal() - _EPOCH_ORDINAL for item in items), np.int64, count=len(items))
    out = np.empty(len(items), dtype=np.int64)
    for i, item in enumerate(items):
        try:
            out[i] = _day_number(item)
        except InputError as error:
            raise InputError(error.message, pointer=f"/{i}/on", value=error.value) from None
    return out


def _days(dates: Any) -> np.ndarray:
    """Dates as int64 day numbers (days since 1970-01-01); NaT and None become the minimum int64."""
    if hasattr(dates, "to_numpy") and not isinstance(dates, np.ndarray):  # pandas Series / Index
        dates = dates.to_numpy()
    if isinstance(dates, np.ndarray):
        if dates.dtype.kind == "M":
            return np.ascontiguousarray(dates.astype("datetime64[D]").view(np.int64))
        if dates.dtype.kind not in "OUS":
            raise TypeError(f"expected dates, got an array of {dates.dtype}")
        return _day_numbers(list(dates.ravel())).reshape(dates.shape)
    if isinstance(dates, (str, bytes)) or not isinstance(dates, Iterable):
        raise TypeError(f"expected a sequence of dates, got {type(dates).__name__}")
    items = list(dates)
    if items and all(isinstance(item, (list, tuple, np.ndarray)) for item in items):  # rows of dates
        rows = [_days(item) for item in items]
        if len({len(row) for row in rows}) > 1:
            raise InputError("rows of dates differ in length; pad them with None", pointer="", value="")
        return np.stack(rows) if rows else np.empty((0, 0), np.int64)
    return _day_numbers(items)


def _amounts(amounts: Any) -> np.ndarray:
    if hasattr(amounts, "to_numpy") and not isinstance(amounts, np.ndarray):
        amounts = amounts.to_numpy(dtype=np.float64, na_value=np.nan)
    elif not isinstance(amounts, np.ndarray):
        amounts = list(amounts) if not isinstance(amounts, (str, bytes)) and isinstance(amounts, Iterable) else amounts
    try:
        array = np.asarray(amounts, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise TypeError(f"amounts must be numbers: {error}") from None
    if array.ndim > 2:
        raise InputError(f"amounts have {array.ndim} dimensions; give one series, or one series per row")
    return np.ascontiguousarray(array)


def _pairs(flows: Any) -> tuple[Any, Any]:
    """pyxirr's one-argument forms: a Series indexed by date, a DataFrame, a dict, or pairs."""
    if hasattr(flows, "columns") and hasattr(flows, "iloc"):  # DataFrame: the first two columns
        if flows.shape[1] < 2:
            raise InputError(f"a DataFrame of flows needs a date and an amount column, not {flows.shape[1]} column(s)")
        return flows.iloc[:, 0], flows.iloc[:, 1]
    if hasattr(flows, "index") and hasattr(flows, "to_numpy") and not isinstance(flows, np.ndarray):  # Series
        return flows.index, flows
    if isinstance(flows, Mapping):
        return list(flows.keys()), list(flows.values())
    pairs = list(flows)
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _day_count(day_count: Any) -> str:
    if day_count is None:
        return "act/365"
    return day_count if isinstance(day_count, str) else str(day_count)


def _layout(amounts: np.ndarray, lengths: Any) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = amounts.shape
    offsets = np.arange(rows, dtype=np.int64) * cols
    if lengths is None:
        return offsets, np.full(rows, cols, dtype=np.int64)
    lengths = np.asarray(lengths)
    if lengths.shape != (rows,) or lengths.dtype.kind not in "iu":
        raise InputError(f"lengths must be {rows} integers, one per row, not an array of shape {lengths.shape}")
    too_long = np.flatnonzero((lengths < 0) | (lengths > cols))
    if too_long.size:
        i = int(too_long[0])
        raise InputError(f"length {int(lengths[i])} of row {i} is not between 0 and the {cols} columns",
                         pointer=f"/{i}", value=str(int(lengths[i])))
    return offsets, lengths.astype(np.int64)


def _per_row(values: Any, rows: int, what: str) -> np.ndarray:
    """A number, or one per row, as a float64 array of length 0 (None), 1 or rows."""
    if values is None:
        return np.empty(0, dtype=np.float64)
    array = np.atleast_1d(np.asarray(values, dtype=np.float64))
    if array.ndim != 1 or array.size not in (1, rows):
        raise InputError(f"give one {what} or one per row ({rows}), not {array.size}", value=str(array.size))
    return np.ascontiguousarray(array)


def _dated_batch(dates: Any, amounts: np.ndarray) -> np.ndarray:
    days = _days(dates)
    if days.ndim == 1 and days.shape[0] == amounts.shape[1]:  # one row of dates for every series
        days = np.broadcast_to(days, amounts.shape)
    if days.shape != amounts.shape:
        raise InputError(f"dates of shape {days.shape} do not match amounts of shape {amounts.shape}")
    return np.ascontiguousarray(days).ravel()


def _one_series(dates: Any, amounts: np.ndarray) -> np.ndarray:
    days = _days(dates)
    if days.ndim != 1:
        raise InputError(f"dates have shape {days.shape} for one series of {amounts.shape[0]} amounts")
    if days.shape[0] != amounts.shape[0]:
        raise InputError(f"{days.shape[0]} dates but {amounts.shape[0]} amounts", value=str(days.shape[0]))
    missing = np.flatnonzero(days == _NAT)
    if missing.size:
        raise InputError("date is missing (None or NaT)", pointer=f"/{int(missing[0])}/on", value="null")
    return days


def _no_rate(amounts: np.ndarray) -> NoRateError:
    if amounts.size == 0:
        return NoRateError("there are no cash flows, so there is no rate")
    if not np.any(amounts):
        return NoRateError("every amount is zero, so every rate gives a net present value of zero")
    if np.all(amounts >= 0) or np.all(amounts <= 0):
        sign = "positive" if np.all(amounts >= 0) else "negative"
        return NoRateError(f"the amounts are all {sign} or zero, so no rate makes their net present value zero")
    return NoRateError("no rate above -100 % makes the net present value of these flows zero")


# --- dated flows -----------------------------------------------------------------------------


def xirr(
    dates: Any,
    amounts: Any = None,
    *,
    guess: Optional[Rate] = None,
    day_count: Any = "act/365",
    silent: bool = False,
    lengths: Any = None,
) -> Union[float, None, np.ndarray]:
    """The annual internal rate of return of dated flows (spreadsheet XIRR).

    Returns the rate at which :func:`xnpv` is zero: the unique one when the amounts change sign
    once, else the one closest to ``guess`` (default 0.1). Raises :class:`NoRateError` when no
    rate exists, or returns ``None`` if ``silent``. With 2-D amounts, returns an array with one
    rate per row (NaN where there is none); ``guess`` may then be one per row.
    """
    if amounts is None:
        dates, amounts = _pairs(dates)
    values = _amounts(amounts)
    dc = _day_count(day_count)
    if values.ndim == 2:
        offsets, lens = _layout(values, lengths)
        return _core.xirr_batch(_dated_batch(dates, values), values.ravel(), offsets, lens,
                                _per_row(guess, values.shape[0], "guess"), dc)
    if lengths is not None:
        raise InputError("lengths= is for 2-D amounts (one series per row)")
    days = _one_series(dates, values)
    if guess is not None and np.ndim(guess) != 0:
        raise InputError("a single series takes a single guess")
    rate = _core.xirr(days, values, None if guess is None else float(guess), dc)
    if rate is None and not silent:
        raise _no_rate(values)
    return rate


def xnpv(
    rate: Rate,
    dates: Any,
    amounts: Any = None,
    *,
    day_count: Any = "act/365",
    lengths: Any = None,
) -> Union[float, np.ndarray]:
    """The net present value of dated flows at an annual rate (spreadsheet XNPV).

    Every flow is discounted to the earliest date. A rate at or below -100 % is an
    :class:`InputError`. ``rate`` may be an array: for one series, one value per rate; for 2-D
    amounts, one rate per row (or one for all); batches give NaN for a rate at or below -100 %.
    """
    if amounts is None:
        dates, amounts = _pairs(dates)
    values = _amounts(amounts)
    dc = _day_count(day_count)
    if values.ndim == 2:
        offsets, lens = _layout(values, lengths)
        return _core.xnpv_batch(_per_row(rate, values.shape[0], "rate"), _dated_batch(dates, values),
                                values.ravel(), offsets, lens, dc)
    days = _one_series(dates, values)
    if np.ndim(rate) == 0:
        return _core.xnpv(float(rate), days, values, dc)
    rates = np.ascontiguousarray(np.asarray(rate, dtype=np.float64).ravel())
    n = values.shape[0]
    out = _core.xnpv_batch(rates, days, values, np.zeros(rates.size, np.int64), np.full(rates.size, n, np.int64), dc)
    return out.reshape(np.shape(rate))


# --- periodic flows --------------------------------------------------------------------------


def npv(rate: Rate, amounts: Any, *, start_from_zero: bool = True, lengths: Any = None) -> Union[float, np.ndarray]:
    """The net present value of flows at whole periods.

    With ``start_from_zero`` (numpy-financial's and pyxirr's default) the first amount is not
    discounted; with ``start_from_zero=False`` every amount is discounted one period more, as the
    spreadsheet NPV does. ``rate`` may be an array (one value per rate), and 2-D amounts give one
    value per row (trailing NaN pads a row).
    """
    values = _amounts(amounts)
    if values.ndim == 2:
        offsets, lens = _layout(values, lengths)
        return _core.npv_batch(_per_row(rate, values.shape[0], "rate"), values.ravel(), offsets, lens,
                               start_from_zero)
    if np.ndim(rate) == 0:
        return _core.npv(float(rate), values, start_from_zero)
    rates = np.ascontiguousarray(np.asarray(rate, dtype=np.float64).ravel())
    n = values.shape[0]
    out = _core.npv_batch(rates, values, np.zeros(rates.size, np.int64), np.full(rates.size, n, np.int64),
                          start_from_zero)
    return out.reshape(np.shape(rate))


def irr(amounts: Any, *, guess: Optional[Rate] = None, silent: bool = False,
        lengths: Any = None) -> Union[float, None, np.ndarray]:
    """The internal rate of return per period of flows at whole periods (spreadsheet IRR).

    Same policy as :func:`xirr`. 2-D amounts give one rate per row (NaN where there is none;
    trailing NaN pads a row).
    """
    values = _amounts(amounts)
    if values.ndim == 2:
        offsets, lens = _layout(values, lengths)
        return _core.irr_batch(values.ravel(), offsets, lens, _per_row(guess, values.shape[0], "guess"))
    if guess is not None and np.ndim(guess) != 0:
        raise InputError("a single series takes a single guess")
    rate = _core.irr(values, None if guess is None else float(guess))
    if rate is None and not silent:
        raise _no_rate(values)
    return rate


def mirr(amounts: Any, finance_rate: float, reinvest_rate: float) -> float:
    """The modified internal rate of return (spreadsheet MIRR): outflows discounted at
    ``finance_rate``, inflows compounded at ``reinvest_rate``. Needs a negative and a positive
    amount (an :class:`InputError` otherwise)."""
    values = _amounts(amounts)
    if values.ndim != 1:
        raise InputError("mirr takes one series of amounts")
    return _core.mirr(values, float(finance_rate), float(reinvest_rate))


def all_rates(
    amounts: Any,
    *,
    dates: Any = None,
    lo: float = -0.99,
    hi: float = 10.0,
    day_count: Any = "act/365",
) -> list[float]:
    """Every rate in ``[lo, hi]`` at which the net present value is zero, ascending.

    Of periodic flows, or of dated flows when ``dates`` is given. Looks on a grid with steps of
    0.1 % in ``log(1 + rate)`` (at most 20,000 steps) and refines each sign change; a root that
    only touches zero is found where the value has a local minimum on the grid.
    """
    values = _amounts(amounts)
    if values.ndim != 1:
        raise InputError("all_rates takes one series of amounts")
    if dates is None:
        return _core.all_rates(values, float(lo), float(hi))
    return _core.all_rates_dated(_one_series(dates, values), values, float(lo), float(hi), _day_count(day_count))


def year_fraction(start: Any, end: Any, day_count: Any = "act/365") -> float:
    """Years from ``start`` to ``end`` (dates or ISO strings) in a day count; negative when
    ``end`` is before ``start``."""
    return _core.year_fraction(start, end, _day_count(day_count))
