"""socinv.cashflow accepts what a Python user hands it (issue 14): datetimes and Timestamps, also
time-zone aware, the date strings pyxirr reads, a positional guess, a 2 x N numpy array of flows,
every day count of pyxirr; it refuses non-numeric amounts the same way whatever their container,
and rates at or below -100 % the same way in every form; it finds rates between -100 % and -99 %.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import pickle
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from socinv.cashflow import AmountError, NoRateError, all_rates, irr, mirr, npv, xirr, xnpv, year_fraction
from socinv.errors import InputError

MS_DATES = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
MS_AMOUNTS = [-10000, 2750, 4250, 3250, 2750]
MS_XIRR = 0.3733625335188


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dates",
    [
        [dt.datetime.fromisoformat(d) for d in MS_DATES],
        [dt.datetime.fromisoformat(d + "T23:59:59") for d in MS_DATES],
        [pd.Timestamp(d) for d in MS_DATES],
        [pd.Timestamp(d + " 23:30", tz="US/Eastern") for d in MS_DATES],  # 04:30 the next day in UTC
        [dt.datetime.fromisoformat(d + "T00:30+09:00") for d in MS_DATES],  # the day before in UTC
        pd.DatetimeIndex([d + " 23:30" for d in MS_DATES]).tz_localize("US/Eastern"),
        pd.Series(pd.to_datetime([d + " 23:30" for d in MS_DATES])).dt.tz_localize("US/Eastern"),
        pd.Series(pd.to_datetime([d + " 00:30" for d in MS_DATES])).dt.tz_localize("Asia/Tokyo"),
        np.array([pd.Timestamp(d, tz="Europe/Stockholm") for d in MS_DATES], dtype=object),
        [d + "T10:30:00" for d in MS_DATES],
        [d + " 10:30" for d in MS_DATES],
        [d + "T23:59:59.999999+14:00" for d in MS_DATES],
        [d + "T00:00:00Z" for d in MS_DATES],
        [f"{d[5:7]}/{d[8:10]}/{d[:4]}" for d in MS_DATES],
    ],
    ids=["datetime", "datetime-late", "timestamp", "timestamp-tz", "datetime-tz", "index-tz", "series-tz",
         "series-tz-east", "object-array-tz", "iso-T", "iso-space", "iso-zone", "iso-Z", "us"],
)
def test_dates_in_their_own_zone_and_every_string_form_pyxirr_reads(dates):
    assert xirr(dates, MS_AMOUNTS) == pytest.approx(MS_XIRR, abs=1e-12)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("1/12/2008", "MM/DD/YYYY"),
        ("12.01.2008", "MM/DD/YYYY"),
        ("2008-01-01xx", "not YYYY-MM-DD"),
        ("2008-01-01T25", "time part"),
        ("2008-01-01 10:30 extra", "time part"),
        ("02/30/2008", "month/day/year"),
        ("2008-02-30", "does not exist"),
    ],
)
def test_other_date_strings_are_refused_naming_the_date(text, match):
    with pytest.raises(InputError, match=match) as error:
        xirr([*MS_DATES[:2], text, *MS_DATES[3:]], MS_AMOUNTS)
    assert error.value.pointer == "/2/on"


def test_a_missing_date_is_named_whatever_its_form():
    for missing in (None, pd.NaT, np.datetime64("NaT")):
        with pytest.raises(InputError, match="missing") as error:
            xirr([pd.Timestamp("2008-01-01"), missing], [-100, 110])
        assert error.value.pointer == "/1/on"


def test_year_fraction_takes_every_date_form():
    assert year_fraction(dt.datetime(2016, 1, 1, 12), pd.Timestamp("2017-01-01 08:00", tz="UTC")) == pytest.approx(
        366 / 365)
    assert year_fraction("01/01/2016", "2017-01-01T00:00") == pytest.approx(366 / 365)


# --- amounts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amounts", "pointer", "value"),
    [
        ([-10000, 2750, "4250.0", 3250, 2750], "/2/amount", '"4250.0"'),
        ([-10000, 2750, 4250, None, 2750], "/3/amount", "null"),
        (("-10000", 2750, 4250, 3250, 2750), "/0/amount", '"-10000"'),
        (np.array([-10000, 2750, 4250, 3250, "x"], dtype=object), "/4/amount", '"x"'),
        (pd.Series([-10000, 2750, 4250, 3250, "2750"]), "/4/amount", '"2750"'),
        (pd.Series([-10000, None, 4250, 3250, 2750], dtype=object), "/1/amount", "null"),
        (np.array(["-10000", "2750", "4250", "3250", "2750"]), "/0/amount", '"-10000"'),
        ([-10000, 2750, dt.date(2008, 1, 1), 3250, 2750], "/2/amount", "datetime.date(2008, 1, 1)"),
    ],
    ids=["str-in-list", "none-in-list", "str-in-tuple", "object-array", "object-series", "none-in-series",
         "string-array", "date"],
)
def test_non_numeric_amounts_are_refused_naming_the_index(amounts, pointer, value):
    with pytest.raises(AmountError) as error:
        xirr(MS_DATES, amounts)
    assert isinstance(error.value, InputError)
    assert isinstance(error.value, ValueError)
    assert error.value.pointer == pointer
    assert error.value.value == value
    assert pointer.split("/")[1] in str(error.value)
    with pytest.raises(AmountError):
        xnpv(0.1, MS_DATES, amounts)


@pytest.mark.parametrize("function", [lambda a: irr(a), lambda a: npv(0.1, a), lambda a: mirr(a, 0.1, 0.1)],
                         ids=["irr", "npv", "mirr"])
def test_periodic_amounts_are_refused_the_same_way(function):
    with pytest.raises(AmountError) as error:
        function([-100, "50", 60])
    assert error.value.pointer == "/1"
    with pytest.raises(AmountError) as error:
        function([-100, 50, None])
    assert error.value.pointer == "/2"


def test_rows_of_amounts_name_row_and_column():
    with pytest.raises(AmountError) as error:
        irr([[-100, 50, 60], [-100, "50", 60]])
    assert error.value.pointer == "/1/1"
    with pytest.raises(AmountError) as error:
        irr(np.array([[-100, 50, 60], [-100, 50, None]], dtype=object))
    assert error.value.pointer == "/1/2"
    assert irr(np.array([[-100, 50, 60], [-100, 50, np.nan]], dtype=object))[1] == pytest.approx(-0.5)


def test_numbers_of_every_kind_are_amounts():
    amounts = [decimal.Decimal(-10000), np.int32(2750), Fraction(4250), np.float32(3250), 2750.0]
    assert xirr(MS_DATES, amounts) == pytest.approx(MS_XIRR, abs=1e-12)
    assert xirr(MS_DATES, pd.Series(MS_AMOUNTS, dtype="Int64")) == pytest.approx(MS_XIRR, abs=1e-12)


def test_amount_error_pickles_and_a_number_for_amounts_gives_a_hint():
    error = pickle.loads(pickle.dumps(AmountError("m", pointer="/1", value='"x"')))
    assert isinstance(error, AmountError) and error.pointer == "/1"
    with pytest.raises(AmountError, match="guess"):
        xirr(list(zip(MS_DATES, MS_AMOUNTS)), 0.1)


# --- positional guess, 2 x N arrays --------------------------------------------------------


def test_guess_is_positional_as_in_pyxirr():
    values = [-100, 230, -132]  # 10 % and 20 %
    dates = ["2015-01-01", "2016-01-01", "2017-01-01"]
    assert irr(values, 0.16) == pytest.approx(0.2, abs=1e-13)
    assert xirr(dates, values, 0.16, day_count="act/act-isda") == pytest.approx(0.2, abs=1e-13)
    assert xirr(list(zip(dates, values)), None, 0.16, day_count="act/act-isda") == pytest.approx(0.2, abs=1e-13)


def test_a_two_row_numpy_array_holds_dates_and_amounts():
    flows = np.array([MS_DATES, MS_AMOUNTS], dtype=object)
    assert xirr(flows) == pytest.approx(MS_XIRR, abs=1e-12)
    assert xnpv(0.09, flows) == pytest.approx(2086.6476020315, abs=1e-9)
    flows = np.array([[np.datetime64(d) for d in MS_DATES], MS_AMOUNTS], dtype=object)
    assert xirr(flows) == pytest.approx(MS_XIRR, abs=1e-12)
    with pytest.raises(InputError, match="two rows"):
        xirr(np.array([MS_DATES, MS_AMOUNTS, MS_AMOUNTS], dtype=object))


# --- rates at or below -100 % --------------------------------------------------------------


@pytest.mark.parametrize("rate", [-1, -1.0, -2.5, math.nan])
def test_npv_and_xnpv_refuse_a_rate_at_or_below_minus_100_percent_in_every_form(rate):
    values = [-100.0, 50.0, 60.0]
    dates = MS_DATES[:3]
    forms = [
        lambda: npv(rate, values),
        lambda: npv([0.1, rate], values),
        lambda: npv(np.array([[0.1], [rate]]), values),
        lambda: npv(rate, [values, values]),
        lambda: npv([0.1, rate], [values, values]),
        lambda: xnpv(rate, dates, values),
        lambda: xnpv([0.1, rate], dates, values),
        lambda: xnpv([0.1, rate], [dates, dates], [values, values]),
    ]
    for form in forms:
        with pytest.raises(InputError, match="-100 %|not a number"):
            form()
    with pytest.raises(InputError) as error:
        npv([0.1, 0.2, rate], values)
    assert error.value.pointer == "/2"


def test_npv_curves_above_minus_100_percent_are_fine():
    curve = npv(np.linspace(-0.99, 1, 50), [-100, 50, 60])
    assert np.all(np.isfinite(curve))


# --- day counts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("30/360 SIA", 0.100675477282743),
        ("30U/360", 0.100675477282743),
        ("30/360 US", 0.100675477282743),
        ("30E/360", 0.100675477282743),
        ("act/360", 0.0991988898057063),
        ("Actual/365F", 0.10064378342638),
        ("act/act ISDA", 0.100739648987346),
    ],
)
def test_pyxirrs_day_count_spellings(name, expected):
    dates = ["01/12/2007", "02/14/2008", "03/03/2008", "06/14/2008", "12/01/2008"]
    assert xirr(dates, [-10000, 2500, 2000, 3000, 4000], day_count=name) == pytest.approx(expected, abs=1e-9)


def test_every_day_count_by_every_name():
    pairs = [("2007-12-28", "2008-02-29"), ("2008-02-01", "2009-05-31"), ("2007-10-31", "2008-11-30")]
    names = {
        "30E+/360": [61 / 360, 480 / 360, 390 / 360],
        "30E/360 ISDA": [62 / 360, 479 / 360, 390 / 360],
        "Actual/365.25": [63 / 365.25, 485 / 365.25, 396 / 365.25],
        "Actual/364": [63 / 364, 485 / 364, 396 / 364],
        "NL/365": [62 / 365, 484 / 365, 395 / 365],
        "NL/360": [62 / 360, 484 / 360, 395 / 360],
    }
    for name, expected in names.items():
        for (start, end), value in zip(pairs, expected):
            assert year_fraction(start, end, name) == pytest.approx(value, rel=1e-15), (name, start, end)
            assert year_fraction(start, end, name.lower()) == pytest.approx(value, rel=1e-15)


def test_pyxirr_day_count_values_are_accepted():
    pyxirr = pytest.importorskip("pyxirr")
    assert year_fraction("2008-02-01", "2009-05-31", pyxirr.DayCount.THIRTY_E_360) == pytest.approx(479 / 360)
    assert year_fraction("2008-02-01", "2009-05-31", pyxirr.DayCount.NL_365) == pytest.approx(484 / 365)


# --- rates between -100 % and -99 % ---------------------------------------------------------


def test_rates_below_minus_99_percent_are_found():
    assert irr([-1e6, 5000, -3, 0]) == pytest.approx(-0.995697224362268, abs=1e-12)
    dates = ["2021-06-08", "2022-06-29", "2023-06-08", "2023-06-30"]
    assert xirr(dates, [-1000000.0, 5000.0, -3.0, 0.0]) == pytest.approx(-0.993785049929284, abs=1e-9)
    assert all_rates([-1e6, 5000, -3, 0], lo=-0.9999) == pytest.approx([-0.9993, -0.9957], abs=1e-4)


def test_planted_roots_between_minus_100_and_minus_99_percent_are_found():
    """A property: amounts with a root planted in (-100 %, -99 %) and one sign change."""
    rng = np.random.default_rng(14)
    for _ in range(200):
        root = -1 + 10 ** rng.uniform(-6, -2)  # 1 + root between 1e-6 and 1e-2
        n = int(rng.integers(2, 12))
        tail = rng.uniform(1, 100, n)
        # -a0 + sum(tail_k (1+r)^-k) = 0 at r = root
        a0 = float(np.sum(tail * (1 + root) ** -np.arange(1, n + 1)))
        values = np.concatenate([[-a0], tail])
        found = irr(values)
        assert found == pytest.approx(root, rel=0, abs=1e-9 * (1 + root) + 1e-15)
        with pytest.raises(NoRateError):
            irr(np.abs(values))


def test_planted_dated_roots_between_minus_100_and_minus_99_percent_are_found():
    """The same for XIRR: flows 365 days apart, so in Actual/365 the planted rate is their XIRR;
    the amounts also change sign more than once (a second, positive rate exists)."""
    rng = np.random.default_rng(15)
    start = dt.date(2001, 1, 1)
    for _ in range(100):
        g1 = 10 ** rng.uniform(-5, -2)  # 1 + rate of the planted root
        g2 = 1 + rng.uniform(0.1, 1.0)
        coefficients = -np.poly([g1, g2]) * rng.uniform(10, 1000)  # amounts, first amount first
        dates = [start + dt.timedelta(days=365 * k) for k in range(coefficients.size)]
        rates = all_rates(coefficients, dates=dates, lo=-1 + 1e-6, hi=5)
        assert rates == pytest.approx([g1 - 1, g2 - 1], rel=1e-9, abs=1e-9 * g1)
        assert xirr(dates, coefficients, g1 - 1) == pytest.approx(g1 - 1, rel=0, abs=1e-9 * g1)
