"""socinv.cashflow: XIRR/XNPV, IRR/NPV/MIRR, every rate in a range, batches and discount schedules.

Known answers from the spreadsheet documentation (Microsoft's XNPV/XIRR/NPV/IRR/MIRR examples)
and numpy-financial's; properties with a seeded generator; comparisons with pyxirr and
numpy-financial only where those are installed.
"""

from __future__ import annotations

import datetime as dt
import math
import pickle

import numpy as np
import pandas as pd
import pytest

from socinv import cashflow
from socinv.cashflow import DiscountSchedule, NoRateError, all_rates, irr, mirr, npv, xirr, xnpv, year_fraction
from socinv.errors import InputError

MS_DATES = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
MS_AMOUNTS = [-10000, 2750, 4250, 3250, 2750]
MS_XNPV_9 = 2086.6476020315
MS_XIRR = 0.3733625335188


def random_dated(rng: np.random.Generator, rows: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
    gaps = rng.integers(1, 120, size=(rows, cols))
    gaps[:, 0] = 0
    dates = np.datetime64("2010-01-01") + np.cumsum(gaps, axis=1).astype("timedelta64[D]")
    amounts = rng.lognormal(6.0, 0.7, size=(rows, cols))
    amounts[rng.random((rows, cols)) < 0.05] *= -1
    amounts[:, 0] = -rng.uniform(5_000, 20_000, size=rows)
    return dates, amounts


# --- known answers ---------------------------------------------------------------------------


def test_xnpv_and_xirr_microsoft_example():
    assert xnpv(0.09, MS_DATES, MS_AMOUNTS) == pytest.approx(MS_XNPV_9, abs=1e-9)
    assert xirr(MS_DATES, MS_AMOUNTS) == pytest.approx(MS_XIRR, abs=1e-12)


@pytest.mark.parametrize(
    "dates",
    [
        MS_DATES,
        [dt.date.fromisoformat(d) for d in MS_DATES],
        np.array(MS_DATES, dtype="datetime64[D]"),
        pd.to_datetime(pd.Series(MS_DATES)),
        pd.DatetimeIndex(MS_DATES),
        [np.datetime64(d) for d in MS_DATES],
    ],
    ids=["iso", "date", "datetime64", "series", "index", "datetime64-items"],
)
def test_dates_in_every_form(dates):
    assert xirr(dates, MS_AMOUNTS) == pytest.approx(MS_XIRR, abs=1e-12)


@pytest.mark.parametrize(
    "amounts", [MS_AMOUNTS, np.array(MS_AMOUNTS, dtype=float), pd.Series(MS_AMOUNTS), tuple(MS_AMOUNTS)]
)
def test_amounts_in_every_form(amounts):
    assert xnpv(0.09, MS_DATES, amounts) == pytest.approx(MS_XNPV_9, abs=1e-9)


def test_pyxirr_one_argument_forms():
    series = pd.Series(MS_AMOUNTS, index=pd.to_datetime(MS_DATES))
    frame = pd.DataFrame({"when": pd.to_datetime(MS_DATES), "amount": MS_AMOUNTS})
    for flows in (series, frame, dict(zip(MS_DATES, MS_AMOUNTS)), list(zip(MS_DATES, MS_AMOUNTS))):
        assert xirr(flows) == pytest.approx(MS_XIRR, abs=1e-12)
    assert xnpv(0.09, dict(zip(MS_DATES, MS_AMOUNTS))) == pytest.approx(MS_XNPV_9, abs=1e-9)


def test_spreadsheet_npv_and_numpy_financial_npv():
    assert npv(0.1, [-10000, 3000, 4200, 6800], start_from_zero=False) == pytest.approx(1188.4434123352, abs=1e-9)
    assert npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]) == pytest.approx(3065.2226681795, abs=1e-8)


def test_irr_examples():
    values = [-70000, 12000, 15000, 18000, 21000, 26000]
    assert irr(values) == pytest.approx(0.0866309480365316, abs=1e-14)
    assert irr(values[:5]) == pytest.approx(-0.021244848273411, abs=1e-14)
    assert irr(values[:3], guess=-0.1) == pytest.approx(-0.443506941334741, abs=1e-14)


def test_mirr_examples():
    values = [-120000, 39000, 30000, 21000, 37000, 46000]
    assert mirr(values, 0.10, 0.12) == pytest.approx(0.126094130365905, abs=1e-14)
    assert mirr(values[:4], 0.10, 0.12) == pytest.approx(-0.0480446552499809, abs=1e-14)
    assert mirr(values, 0.10, 0.14) == pytest.approx(0.134759110828315, abs=1e-14)
    with pytest.raises(InputError, match="no negative"):
        mirr([100, 200], 0.1, 0.1)


def test_leap_year_and_day_counts():
    dates = ["2020-01-01", "2021-01-01", "2022-01-01"]
    assert xirr(dates, [-1000, 750, 500]) == pytest.approx(0.17500926461545127, abs=1e-14)
    assert xirr(dates, [-1000, 750, 500], day_count="act/act-isda") == pytest.approx(irr([-1000, 750, 500]), abs=1e-14)
    assert year_fraction("2016-01-01", "2017-01-01") == pytest.approx(366 / 365)
    assert year_fraction("2016-01-01", "2017-01-01", "act/act-isda") == 1.0
    assert year_fraction("2007-12-28", "2008-02-29", "30/360") == pytest.approx(61 / 360)
    assert year_fraction("2007-12-28", "2008-02-29", "Actual/360") == pytest.approx(63 / 360)
    assert year_fraction(dt.date(2009, 5, 31), dt.date(2008, 2, 1), "act/365f") == pytest.approx(-485 / 365)


def test_unknown_day_count_lists_the_names():
    with pytest.raises(InputError, match="act/act-isda") as error:
        xirr(MS_DATES, MS_AMOUNTS, day_count="act/999")
    assert error.value.value == '"act/999"'


# --- no rate, several rates, pitfalls --------------------------------------------------------


@pytest.mark.parametrize(
    ("amounts", "reason"),
    [([], "no cash flows"), ([0, 0], "every amount is zero"), ([100, 50], "all positive"), ([-5], "all negative")],
)
def test_no_rate_raises_or_is_none_when_silent(amounts, reason):
    dates = MS_DATES[: len(amounts)]
    with pytest.raises(NoRateError, match=reason):
        xirr(dates, amounts)
    assert xirr(dates, amounts, silent=True) is None
    with pytest.raises(NoRateError):
        irr(amounts)
    assert irr(amounts, silent=True) is None


def test_no_rate_error_is_an_input_error_and_a_value_error():
    assert issubclass(NoRateError, InputError)
    assert issubclass(NoRateError, ValueError)
    with pytest.raises(ValueError):
        irr([1, -1, 1])  # two sign changes, no real root


def test_several_rates_closest_to_the_guess_and_all_rates():
    values = [-100, 230, -132]  # 10 % and 20 %
    assert irr(values) == pytest.approx(0.1, abs=1e-13)
    assert irr(values, guess=0.16) == pytest.approx(0.2, abs=1e-13)
    assert all_rates(values) == pytest.approx([0.1, 0.2], abs=1e-13)
    assert all_rates(values, lo=0.15) == pytest.approx([0.2], abs=1e-13)
    dates = ["2015-01-01", "2016-01-01", "2017-01-01"]
    assert all_rates(values, dates=dates, day_count="act/act-isda") == pytest.approx([0.1, 0.2], abs=1e-13)


def test_rate_near_minus_one_hundred_percent():
    assert xirr(["2019-01-01", "2020-01-01"], [-100, 1e-4]) == pytest.approx(-0.999999, abs=1e-15)
    assert irr([-1, 0, 0, 0, 1e-12]) == pytest.approx(1e-3 - 1, abs=1e-15)


def test_unsorted_dates_and_dates_before_the_first():
    order = [4, 2, 0, 3, 1]
    assert xirr([MS_DATES[i] for i in order], [MS_AMOUNTS[i] for i in order]) == pytest.approx(MS_XIRR, abs=1e-12)
    # a flow before the one listed first moves the valuation date back
    assert xnpv(0.1, ["2020-01-01", "2019-01-01"], [100, -50]) == pytest.approx(-50 + 100 / 1.1, abs=1e-12)


# --- bad input -------------------------------------------------------------------------------


def test_bad_input_names_the_problem():
    with pytest.raises(InputError, match="-100 %") as error:
        xnpv(-1, MS_DATES, MS_AMOUNTS)
    assert error.value.value == "-1"
    with pytest.raises(InputError, match="5 dates but 4 amounts"):
        xirr(MS_DATES, MS_AMOUNTS[:4])
    with pytest.raises(InputError, match="does not exist"):
        xirr(["2008-02-30", *MS_DATES[1:]], MS_AMOUNTS)
    with pytest.raises(InputError) as error:
        xirr(MS_DATES, [-10000, math.nan, 1, 2, 3])
    assert error.value.pointer == "/1/amount"
    with pytest.raises(InputError, match="guess"):
        xirr(MS_DATES, MS_AMOUNTS, guess=-1.5)
    with pytest.raises(TypeError, match="expected a date"):
        xirr([1, 2, 3, 4, 5], MS_AMOUNTS)


# --- batches -----------------------------------------------------------------------------------


def test_xirr_batch_equals_scalar_with_nan_padding():
    rng = np.random.default_rng(1)
    dates, amounts = random_dated(rng, 400, 20)
    amounts[::7, 15:] = np.nan  # shorter rows
    amounts[5] = np.abs(amounts[5])  # no sign change: NaN
    rates = xirr(dates, amounts)
    assert rates.shape == (400,)
    assert np.isnan(rates[5])
    for i in range(400):
        keep = ~np.isnan(amounts[i])
        expected = xirr(dates[i][keep], amounts[i][keep], silent=True)
        assert (math.isnan(rates[i]) and expected is None) or rates[i] == expected


def test_xirr_batch_with_lengths_shared_dates_and_guesses():
    rng = np.random.default_rng(2)
    dates, amounts = random_dated(rng, 50, 12)
    shared = dates[0]
    lengths = rng.integers(0, 13, size=50)
    guesses = np.linspace(-0.2, 0.5, 50)
    rates = xirr(shared, amounts, lengths=lengths, guess=guesses)
    for i in range(50):
        n = lengths[i]
        expected = xirr(shared[:n], amounts[i, :n], guess=guesses[i], silent=True)
        assert (math.isnan(rates[i]) and expected is None) or rates[i] == expected
    with pytest.raises(InputError, match="length 13 of row 0"):
        xirr(shared, amounts, lengths=np.full(50, 13))


def test_batch_rejects_a_missing_date_under_an_amount():
    dates = np.array([MS_DATES, MS_DATES], dtype="datetime64[D]")
    dates[1, 2] = np.datetime64("NaT")
    amounts = np.array([MS_AMOUNTS, MS_AMOUNTS], dtype=float)
    with pytest.raises(InputError, match="NaT") as error:
        xirr(dates, amounts)
    assert error.value.pointer == "/1/2"
    amounts[1, 2] = np.nan  # padding: fine
    assert np.isfinite(xirr(dates, amounts)).all()


def test_irr_npv_xnpv_batches_and_arrays_of_rates():
    rng = np.random.default_rng(3)
    values = rng.normal(300, 200, size=(200, 15))
    values[:, 0] = -2000
    values[::5, 10:] = np.nan
    rates = irr(values)
    npvs = npv(0.05, values, start_from_zero=False)
    per_row = npv(np.linspace(0, 0.3, 200), values)
    for i in range(200):
        row = values[i][~np.isnan(values[i])]
        expected = irr(row, silent=True)
        assert (math.isnan(rates[i]) and expected is None) or rates[i] == expected
        assert npvs[i] == pytest.approx(npv(0.05, row, start_from_zero=False), rel=1e-14)
        assert per_row[i] == pytest.approx(npv(np.linspace(0, 0.3, 200)[i], row), rel=1e-14)
    grid = np.array([[0.0, 0.05], [0.1, 0.2]])
    at_rates = npv(grid, MS_AMOUNTS)
    assert at_rates.shape == (2, 2)
    assert at_rates[0, 0] == pytest.approx(sum(MS_AMOUNTS))
    assert at_rates[1, 1] == pytest.approx(npv(0.2, MS_AMOUNTS), rel=1e-14)
    x = xnpv([0.09, 0.1], MS_DATES, MS_AMOUNTS)
    assert x[0] == pytest.approx(MS_XNPV_9, abs=1e-9)
    assert x[1] == pytest.approx(xnpv(0.1, MS_DATES, MS_AMOUNTS), rel=1e-14)
    dates, amounts = random_dated(rng, 30, 8)
    batch = xnpv(0.07, dates, amounts)
    assert batch == pytest.approx([xnpv(0.07, dates[i], amounts[i]) for i in range(30)], rel=1e-12)


def test_periodic_batch_rejects_a_gap():
    with pytest.raises(InputError, match="only trailing NaN") as error:
        irr(np.array([[-100, 50, 60], [-100, np.nan, 60]]))
    assert error.value.pointer == "/1/1"


# --- properties ------------------------------------------------------------------------------


def test_the_rate_makes_xnpv_zero_and_scaling_leaves_it():
    rng = np.random.default_rng(4)
    dates, amounts = random_dated(rng, 2000, 30)
    rates = xirr(dates, amounts)
    found = np.isfinite(rates)
    assert found.mean() > 0.95
    years = (dates - dates[:, :1]).astype(np.int64) / 365.0
    ordinary = found & (rates > -0.9) & (rates < 10)
    r = rates[ordinary][:, None]
    terms = amounts[ordinary] * (1.0 + r) ** -years[ordinary]
    assert np.all(np.abs(terms.sum(axis=1)) <= 1e-12 * np.abs(terms).sum(axis=1))
    for scale in (1e-3, 1e6):
        scaled = xirr(dates, amounts * scale)
        np.testing.assert_allclose(scaled[found], rates[found], rtol=1e-12, atol=1e-14)


def test_npv_falls_as_the_rate_rises_for_a_conventional_project():
    values = [-1000, 200, 300, 400, 500, 100]
    curve = npv(np.linspace(-0.9, 5, 500), values)
    assert np.all(np.diff(curve) < 0)


# --- discount schedules ----------------------------------------------------------------------


def test_discount_schedules():
    green = DiscountSchedule.green_book()
    assert green.factor(30) == pytest.approx(1.035**-30)
    assert green.factor(31) == pytest.approx(1.035**-30 / 1.03)
    assert green.rate(100) == 0.025
    assert green.rate_steps[:2] == [(0.0, 0.035), (30.0, 0.03)]
    factors = green.factors(np.array([[0.0, 30.0], [31.0, 76.0]]))
    assert factors.shape == (2, 2)
    assert factors[1, 1] == pytest.approx(green.factor(76))
    steps = DiscountSchedule.steps([(0, 0.05), (2, 0.0)])
    assert steps.factor(10) == pytest.approx(1.05**-2)
    real = DiscountSchedule.constant(0.05).to_real(0.02)
    assert real.rate(0) == pytest.approx(1.05 / 1.02 - 1)
    assert real.to_nominal(0.02).rate(0) == pytest.approx(0.05)
    index = DiscountSchedule.from_index([100, 102, 105])
    assert DiscountSchedule.constant(0.04).to_real(index).factor(2) == pytest.approx(1.04**-2 * 1.05)
    assert DiscountSchedule().factor(40) == 1.0
    assert repr(DiscountSchedule.constant(0.035)) == "DiscountSchedule.constant(0.035)"
    assert pickle.loads(pickle.dumps(green)) == green
    assert hash(green) == hash(DiscountSchedule.green_book())


def test_discount_schedule_errors_name_the_step():
    with pytest.raises(InputError, match="year 30") as error:
        DiscountSchedule.steps([(0, 0.03), (45, 0.02), (30, 0.01)])
    assert error.value.pointer == "/2/from_year"
    with pytest.raises(InputError) as error:
        DiscountSchedule.steps([(0, 0.03), (10, -1.5)])
    assert error.value.pointer == "/1/rate"
    with pytest.raises(InputError, match="year 0"):
        DiscountSchedule.steps([(1, 0.03)])


def test_public_names():
    for name in cashflow.__all__:
        assert hasattr(cashflow, name)


# --- against the reference implementations, when installed ------------------------------------


def test_xirr_and_xnpv_agree_with_pyxirr():
    pyxirr = pytest.importorskip("pyxirr")
    rng = np.random.default_rng(5)
    dates, amounts = random_dated(rng, 500, 25)
    amounts[:, 1:] = np.abs(amounts[:, 1:])  # one sign change: one rate, so both find the same
    ours = xirr(dates, amounts)
    for i in range(500):
        theirs = pyxirr.xirr(dates[i], amounts[i])
        assert ours[i] == pytest.approx(theirs, rel=1e-7, abs=1e-9)
        size = np.abs(amounts[i]).sum()
        assert xnpv(0.08, dates[i], amounts[i]) == pytest.approx(pyxirr.xnpv(0.08, dates[i], amounts[i]), abs=1e-12 * size)


def test_irr_npv_mirr_agree_with_numpy_financial():
    npf = pytest.importorskip("numpy_financial")
    rng = np.random.default_rng(6)
    values = rng.normal(400, 150, size=(300, 20))
    values[:, 0] = -5000
    ours = irr(values)
    for i in range(300):
        assert ours[i] == pytest.approx(npf.irr(values[i]), rel=1e-9, abs=1e-12)
        assert npv(0.07, values[i]) == pytest.approx(npf.npv(0.07, values[i]), rel=1e-12)
        assert mirr(values[i], 0.06, 0.09) == pytest.approx(npf.mirr(values[i], 0.06, 0.09), rel=1e-12)
