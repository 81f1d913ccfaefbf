"""Cash flows and discounting: XIRR and XNPV of dated flows, IRR, NPV and MIRR of periodic
flows, every rate in a range, and discount schedules.

The signatures follow `pyxirr <https://github.com/Anexen/pyxirr>`_, so code written for it
mostly runs unchanged::

    from socinv.cashflow import xirr, xnpv, irr, npv, mirr

    xirr(["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"],
         [-10000, 2750, 4250, 3250, 2750])                        # 0.3733625335188...

This module keeps socinv's own conventions (the rate closest to the guess, errors for bad input,
:class:`NoRateError` when there is no rate). For exact drop-ins with the peers' conventions
(``None`` or NaN for "no rate", their root-selection rules, their exceptions) use
:mod:`socinv.compat.pyxirr` and :mod:`socinv.compat.numpy_financial` (docs/compat.md).

**Dates** may be :class:`datetime.date` or :class:`datetime.datetime` objects, pandas
``Timestamp`` objects, numpy ``datetime64`` values, or strings, in a list, a numpy array or a
pandas Series or Index. A time of day is dropped: the date is the calendar date as written, so
a time-zone-aware datetime or Timestamp (or a tz-aware pandas column) counts on its date *in
its own zone* (``2008-01-01 23:00-05:00`` is 1 January, not 2 January in UTC). Strings are read
in exactly three forms, the ones pyxirr reads, and nothing else:

- ISO ``"YYYY-MM-DD"`` (``"2008-01-01"``);
- ISO with a time part after ``T`` or a space, and an optional zone: ``"2008-01-01T10:30"``,
  ``"2008-01-01 10:30:00.5+02:00"``, ``"2008-01-01T00:00:00Z"`` (the date as written);
- US ``"MM/DD/YYYY"`` with two-digit month and day: ``"01/12/2007"`` is 12 January 2007.

Anything else (``"12.01.2007"``, ``"1/12/2007"``, ``"2008-01-01xx"``) is an :class:`InputError`
naming the date, as is a date that does not exist (``"2008-02-30"``).

**Amounts** are numbers: Python ints and floats, numpy numbers, :class:`decimal.Decimal` and
other real numbers, in a list, tuple, numpy array or pandas Series. Anything else (a string such
as ``"20000.0"``, ``None``, a date) is refused, whatever container it comes in, with an
:class:`AmountError` (an :class:`InputError`, so a ``ValueError``) whose ``pointer`` names the
index (``"/3/amount"`` for dated flows, ``"/3"`` for periodic ones, ``"/row/column"`` for one
series per row). Amounts are never parsed from text. A NaN amount of a single series is an
:class:`InputError` too; in 2-D amounts trailing NaN pads a row.

As in pyxirr, ``amounts`` may be left out when the first argument holds both: a pandas Series
indexed by date, a two-column DataFrame, a dict ``{date: amount}``, an iterable of ``(date,
amount)`` pairs, or a 2 x N numpy array (usually of dtype object) whose first row holds the
dates and second the amounts. ``guess`` may be given by position, as the third argument of
:func:`xirr` (``xirr(dates, amounts, 0.2)``) and the second of :func:`irr`.

**Batches.** Two-dimensional amounts (one series per row) give a 1-D numpy array with one
result per row, computed in C++ on all cores with the GIL released. Rows may be padded with
NaN, or their lengths given with ``lengths=``. Dates are then a 2-D array of the same shape,
or one row of dates that every series shares. A rate (or guess) may be one number or one per
row; for a single series, an array of rates gives one value per rate. A row without a rate is
NaN rather than an error.

**Rates at or below -100 %** have no present value: :func:`npv` and :func:`xnpv` refuse them
with an :class:`InputError` in every form (one rate, an array of rates, one rate per row),
naming the rate (``pointer`` ``"/i"`` for the i-th of an array). numpy-financial returns NaN
there and pyxirr infinity; :mod:`socinv.compat` does as they do.

**Several rates.** When the amounts change sign once, the rate is unique. When they change sign
more often there may be several; :func:`xirr` and :func:`irr` return the one closest to
``guess`` (default 0.1), and :func:`all_rates` lists them all in a range. There is no rate when
the amounts do not change sign (empty, single, all-zero or one-signed series): that raises
:class:`NoRateError`, or gives ``None`` with ``silent=True``.

**Day counts.** ``"act/365"`` (the default: actual days from the first date / 365, as
spreadsheets do), ``"act/365f"``, ``"act/360"``, ``"act/365.25"``, ``"act/364"``,
``"act/act-isda"``, ``"30/360"`` (ISDA bond basis), ``"30u/360"`` (30/360 US, SIA),
``"30e/360"`` (Eurobond), ``"30e+/360"``, ``"30e/360-isda"`` (German), ``"nl/365"`` and
``"nl/360"``; every spelling pyxirr accepts (``"Actual/360"``, ``"30/360 SIA"``, ``"30E/360"``,
..., in any case) and pyxirr's ``DayCount`` values are accepted too. Every flow is discounted to
the earliest date; dates need not be sorted.
"""

from __future__ import annotations

import datetime as _dt
import decimal as _decimal
import json as _json
import math as _math
import numbers as _numbers
import re as _re
from collections.abc import Iterable, Mapping
from typing import Any, Optional, Union

import numpy as np
import numpy.typing as npt

from socinv import _core
from socinv.errors import AmountError, InputError

__all__ = [
    "AmountError",
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

_TIME_PART = _re.compile(r"[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?\Z")
_US_DATE = _re.compile(r"(\d{2})/(\d{2})/(\d{4})\Z")


def _json_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return _json.dumps(value, ensure_ascii=False)
    return repr(value)


def _parse_date_text(text: str) -> _dt.date:
    """The three forms of the module docstring; an InputError (with the text as value) otherwise."""
    date_part = text
    if len(text) > 10 and text[10] in "T ":
        if not _TIME_PART.match(text, 10):
            raise InputError(
                f"date {text!r} has a time part that is not HH:MM[:SS[.fraction]] with an optional zone "
                "(Z or +HH:MM)",
                value=_json_text(text),
            )
        date_part = text[:10]
    us = _US_DATE.match(date_part)
    if us:
        month, day, year = us.groups()
        try:
            return _core.parse_date(f"{year}-{month}-{day}")
        except InputError as error:
            raise InputError(f"date {text!r} (month/day/year): {error.message}", value=_json_text(text)) from None
    if len(date_part) != 10 or date_part[4] != "-" or date_part[7] != "-":
        raise InputError(
            f"date {text!r} is not YYYY-MM-DD (optionally with a time: YYYY-MM-DDTHH:MM:SS) or MM/DD/YYYY",
            value=_json_text(text),
        )
    return _core.parse_date(date_part)


def _is_nat(value: Any) -> bool:
    return type(value).__name__ == "NaTType"


def _day_number(value: Any) -> int:
    if value is None or _is_nat(value):
        return _NAT
    if isinstance(value, _dt.datetime):  # also a pandas Timestamp: its date in its own zone
        return value.date().toordinal() - _EPOCH_ORDINAL
    if isinstance(value, _dt.date):
        return value.toordinal() - _EPOCH_ORDINAL
    if isinstance(value, str):
        return _parse_date_text(value).toordinal() - _EPOCH_ORDINAL
    if isinstance(value, np.datetime64):
        return int(value.astype("datetime64[D]").astype(np.int64))
    raise TypeError(
        "expected a date: a datetime.date or datetime.datetime, a pandas Timestamp, a numpy datetime64 or a "
        f'string "YYYY-MM-DD" or "MM/DD/YYYY", got {type(value).__name__}'
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


def _wall_time(dates: Any) -> Any:
    """A tz-aware pandas Series or Index as naive wall times in its own zone (else unchanged)."""
    if getattr(getattr(dates, "dtype", None), "tz", None) is None:
        return dates
    if hasattr(dates, "dt"):  # Series
        return dates.dt.tz_localize(None)
    return dates.tz_localize(None)  # DatetimeIndex


def _days(dates: Any) -> np.ndarray:
    """Dates as int64 day numbers (days since 1970-01-01); NaT and None become the minimum int64."""
    if hasattr(dates, "to_numpy") and not isinstance(dates, np.ndarray):  # pandas Series / Index
        dates = _wall_time(dates).to_numpy()
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


def _is_number(value: Any) -> bool:
    return isinstance(value, (_numbers.Real, _decimal.Decimal)) and not isinstance(value, (np.datetime64,
                                                                                          np.timedelta64))


def _refuse_amount(value: Any, pointer: str, where: str) -> AmountError:
    if value is None or _is_nat(value):
        what = "is missing (None)" if value is None else "is missing (NaT)"
        return AmountError(f"amount {where} {what}; amounts must be numbers (pad rows with NaN)", pointer=pointer,
                           value="null")
    if isinstance(value, (str, bytes)):
        return AmountError(
            f"amount {where} is the text {value!r}, not a number; amounts are never read from text: "
            "convert them first (float(text))",
            pointer=pointer,
            value=_json_text(value),
        )
    return AmountError(f"amount {where} is a {type(value).__name__}, not a number: {value!r}", pointer=pointer,
                       value=_json_text(value))


def _numbers_of(items: list[Any], pointer: Any, where: Any) -> np.ndarray:
    """Floats of a list whose every item is a real number; an AmountError naming the first that is not."""
    if all(type(item) is float or type(item) is int for item in items):  # the common case, fast
        return np.asarray(items, dtype=np.float64)
    out = np.empty(len(items), dtype=np.float64)
    for i, item in enumerate(items):
        if not _is_number(item):
            raise _refuse_amount(item, pointer(i), where(i))
        out[i] = float(item)
    return out


def _amounts(amounts: Any, *, dated: bool = False) -> np.ndarray:
    """Amounts as a C-contiguous float64 array of one or two dimensions; AmountError for a non-number."""
    suffix = "/amount" if dated else ""
    one = (lambda i: f"/{i}{suffix}", lambda i: f"{i}")

    def row_of(r: int) -> tuple[Any, Any]:
        return (lambda c: f"/{r}/{c}", lambda c: f"{c} of row {r}")

    if hasattr(amounts, "to_numpy") and not isinstance(amounts, np.ndarray):  # pandas
        kind = getattr(getattr(amounts, "dtype", None), "kind", "O")
        amounts = (amounts.to_numpy(dtype=np.float64, na_value=np.nan) if kind in "biuf"
                   else amounts.to_numpy(dtype=object))
    if isinstance(amounts, np.ndarray):
        kind = amounts.dtype.kind
        if kind in "biuf":
            array = amounts.astype(np.float64, copy=False)
        elif kind == "O" and amounts.ndim in (1, 2):
            if amounts.ndim == 1:
                array = _numbers_of(list(amounts), *one)
            else:
                array = np.stack([_numbers_of(list(row), *row_of(r)) for r, row in enumerate(amounts)]) \
                    if amounts.shape[0] else np.empty(amounts.shape, np.float64)
        elif kind in "US":
            first = amounts.ravel()[0] if amounts.size else ""
            index = "/0/0" if amounts.ndim == 2 else f"/0{suffix}"
            raise AmountError(f"amounts are text (a numpy array of {amounts.dtype}), not numbers: convert them "
                              "first (array.astype(float))", pointer=index, value=_json_text(str(first)))
        elif kind == "O":
            array = np.asarray(amounts, dtype=np.float64)  # 0-d or 3-d and more: refused below
        else:
            raise AmountError(f"amounts must be real numbers, not a numpy array of {amounts.dtype}")
    elif isinstance(amounts, (str, bytes)) or not isinstance(amounts, Iterable):
        hint = ("; for flows given as one argument, pass the guess by name (xirr(flows, guess=0.1)) or third "
                "(xirr(flows, None, 0.1))" if _is_number(amounts) else "")
        raise AmountError(f"amounts must be a sequence of numbers, not a {type(amounts).__name__}{hint}",
                          value=_json_text(amounts))
    else:
        items = list(amounts)
        if items and all(isinstance(item, (list, tuple, np.ndarray)) for item in items):  # one series per row
            rows = [_numbers_of(list(item), *row_of(r)) for r, item in enumerate(items)]
            lengths = {len(row) for row in rows}
            if len(lengths) > 1:
                raise InputError(f"rows of amounts differ in length ({sorted(lengths)}); pad them with NaN")
            array = np.stack(rows)
        else:
            array = _numbers_of(items, *one)
    if array.ndim > 2:
        raise InputError(f"amounts have {array.ndim} dimensions; give one series, or one series per row")
    if array.ndim == 0:
        raise AmountError("amounts must be a sequence of numbers, not a single number", value=repr(float(array)))
    return np.ascontiguousarray(array)


def _pairs(flows: Any) -> tuple[Any, Any]:
    """pyxirr's one-argument forms: a Series indexed by date, a DataFrame, a dict, a 2 x N array, or pairs."""
    if hasattr(flows, "columns") and hasattr(flows, "iloc"):  # DataFrame: the first two columns
        if flows.shape[1] < 2:
            raise InputError(f"a DataFrame of flows needs a date and an amount column, not {flows.shape[1]} column(s)")
        return flows.iloc[:, 0], flows.iloc[:, 1]
    if hasattr(flows, "index") and hasattr(flows, "to_numpy") and not isinstance(flows, np.ndarray):  # Series
        return flows.index, flows
    if isinstance(flows, np.ndarray):  # as pyxirr: the first row holds the dates, the second the amounts
        if flows.ndim != 2 or flows.shape[0] != 2:
            raise InputError(f"a numpy array of flows has two rows, the dates and the amounts, not shape {flows.shape}")
        return flows[0], flows[1]
    if isinstance(flows, Mapping):
        return list(flows.keys()), list(flows.values())
    if isinstance(flows, (str, bytes)) or not isinstance(flows, Iterable):
        raise TypeError(f"expected dates and amounts, or flows as pairs, a dict, a Series or a DataFrame, got "
                        f"{type(flows).__name__}")
    pairs = list(flows)
    for i, pair in enumerate(pairs):
        if isinstance(pair, (str, bytes)) or not hasattr(pair, "__getitem__") or len(pair) != 2:
            raise InputError(f"flow {i} is not a (date, amount) pair: {pair!r}", pointer=f"/{i}",
                             value=_json_text(pair))
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


def _rates_array(rates: Any, what: str = "rate") -> np.ndarray:
    try:
        return np.asarray(rates, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(f"{what}s must be numbers, not {rates!r}", value=_json_text(rates)) from None


def _check_rates(rates: np.ndarray, what: str = "rate") -> None:
    """Rates at or below -100 % (and NaN) have no present value: an InputError naming the first."""
    bad = np.flatnonzero(~(rates.ravel() > -1.0))
    if bad.size:
        i = int(bad[0])
        r = float(rates.ravel()[i])
        text = str(int(r)) if r.is_integer() else repr(r)
        if _math.isnan(r):
            raise InputError(f"{what} nan (index {i}) is not a number", pointer=f"/{i}", value="nan")
        raise InputError(f"{what} {text} (index {i}) is at or below -100 %, where (1 + rate)^-t is undefined",
                         pointer=f"/{i}", value=text)


def _per_row(values: Any, rows: int, what: str, *, check: bool = False) -> np.ndarray:
    """A number, or one per row, as a float64 array of length 0 (None), 1 or rows."""
    if values is None:
        return np.empty(0, dtype=np.float64)
    array = np.atleast_1d(_rates_array(values, what))
    if array.ndim != 1 or array.size not in (1, rows):
        raise InputError(f"give one {what} or one per row ({rows}), not {array.size}", value=str(array.size))
    if check:
        _check_rates(array, what)
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
    guess: Optional[Rate] = None,
    *,
    day_count: Any = "act/365",
    silent: bool = False,
    lengths: Any = None,
) -> Union[float, None, np.ndarray]:
    """The annual internal rate of return of dated flows (spreadsheet XIRR).

    Returns the rate at which :func:`xnpv` is zero: the unique one when the amounts change sign
    once, else the one closest to ``guess`` (default 0.1; the third argument, or by name). Raises
    :class:`NoRateError` when no rate exists, or returns ``None`` if ``silent``. With 2-D
    amounts, returns an array with one rate per row (NaN where there is none); ``guess`` may then
    be one per row.
    """
    if amounts is None:
        dates, amounts = _pairs(dates)
    values = _amounts(amounts, dated=True)
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

    Every flow is discounted to the earliest date. ``rate`` may be an array: for one series, one
    value per rate; for 2-D amounts, one rate per row (or one for all). A rate at or below -100 %
    is an :class:`InputError` in every form (``pointer`` ``"/i"`` names the i-th rate of an array).
    """
    if amounts is None:
        dates, amounts = _pairs(dates)
    values = _amounts(amounts, dated=True)
    dc = _day_count(day_count)
    if values.ndim == 2:
        offsets, lens = _layout(values, lengths)
        return _core.xnpv_batch(_per_row(rate, values.shape[0], "rate", check=True), _dated_batch(dates, values),
                                values.ravel(), offsets, lens, dc)
    days = _one_series(dates, values)
    if np.ndim(rate) == 0:
        return _core.xnpv(float(rate), days, values, dc)
    rates = _rates_array(rate)
    _check_rates(rates)
    flat = np.ascontiguousarray(rates.ravel())
    n = values.shape[0]
    out = _core.xnpv_batch(flat, days, values, np.zeros(flat.size, np.int64), np.full(flat.size, n, np.int64), dc)
    return out.reshape(rates.shape)


# --- periodic flows --------------------------------------------------------------------------


def npv(rate: Rate, amounts: Any, *, start_from_zero: bool = True, lengths: Any = None) -> Union[float, np.ndarray]:
    """The net present value of flows at whole periods.

    With ``start_from_zero`` (numpy-financial's and pyxirr's default) the first amount is not
    discounted; with ``start_from_zero=False`` every amount is discounted one period more, as the
    spreadsheet NPV does. ``rate`` may be an array (one value per rate), and 2-D amounts give one
    value per row (trailing NaN pads a row), with one rate for all rows or one per row. A rate at
    or below -100 % is an :class:`InputError` in every form, as for :func:`xnpv`.
    """
    values = _amounts(amounts)
    if values.ndim == 2:
        offsets, lens = _layout(values, lengths)
        return _core.npv_batch(_per_row(rate, values.shape[0], "rate", check=True), values.ravel(), offsets, lens,
                               start_from_zero)
    if np.ndim(rate) == 0:
        return _core.npv(float(rate), values, start_from_zero)
    rates = _rates_array(rate)
    _check_rates(rates)
    flat = np.ascontiguousarray(rates.ravel())
    n = values.shape[0]
    out = _core.npv_batch(flat, values, np.zeros(flat.size, np.int64), np.full(flat.size, n, np.int64),
                          start_from_zero)
    return out.reshape(rates.shape)


def irr(amounts: Any, guess: Optional[Rate] = None, *, silent: bool = False,
        lengths: Any = None) -> Union[float, None, np.ndarray]:
    """The internal rate of return per period of flows at whole periods (spreadsheet IRR).

    Same policy as :func:`xirr`; ``guess`` is the second argument or given by name. 2-D amounts
    give one rate per row (NaN where there is none; trailing NaN pads a row).
    """
    values = _amounts(amounts)
    if values.ndim == 2:
        offsets, lens = _layout(values, lengths)
        return _core.irr_batch(values.ravel(), offsets, lens, _per_row(guess, values.shape[0], "guess"))
    if lengths is not None:
        raise InputError("lengths= is for 2-D amounts (one series per row)")
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
    values = _amounts(amounts, dated=dates is not None)
    if values.ndim != 1:
        raise InputError("all_rates takes one series of amounts")
    if dates is None:
        return _core.all_rates(values, float(lo), float(hi))
    return _core.all_rates_dated(_one_series(dates, values), values, float(lo), float(hi), _day_count(day_count))


def year_fraction(start: Any, end: Any, day_count: Any = "act/365") -> float:
    """Years from ``start`` to ``end`` (any of the date forms of this module) in a day count;
    negative when ``end`` is before ``start``."""
    return _core.year_fraction(_as_date(start), _as_date(end), _day_count(day_count))


def _as_date(value: Any) -> _dt.date:
    day = _day_number(value)
    if day == _NAT:
        raise InputError("date is missing (None or NaT)", value="null")
    return _dt.date.fromordinal(day + _EPOCH_ORDINAL)
