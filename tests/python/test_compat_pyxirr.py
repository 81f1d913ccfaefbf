"""pyxirr's own test cases for xirr, xnpv, irr, npv, mirr, day counts and input conversion, run
against socinv.compat.pyxirr; then pyxirr 0.10.8 itself as a live oracle on seeded random series.

Ported from pyxirr (https://github.com/Anexen/pyxirr, MIT licence, (c) Anexen), whose tests are
Rust files that call its Python API (``pyxirr_call!(py, "xirr", args, kwargs)``); each case
keeps its expectation and tolerance (``assert_almost_eq!`` is ``|a - b| < 1e-9`` unless it says
otherwise):

- ``tests/test_scheduled.rs``: the stored version with the ``minus_0_993``, ``zeros`` and
  ``1938`` samples and the MathWorks day-count cases (the file store did not report its commit;
  read as store id 43456240672);
- ``tests/test_periodic.rs``: the stored version with ``test_irr_special_cases`` and
  ``test_gh_46`` (store id 43516833018); the IRR of ``minus_0_993.csv`` from
  ``tests/common/cases.rs`` (store id 43985142408) and the version of ``test_irr_samples`` that
  lists it (store id 66643280248);
- ``tests/test_conversion.rs``: the stored version calling ``pyxirr_call!`` (store id
  23532844885);
- ``src/core/scheduled/day_count.rs`` of the pyxirr 0.10.8 source distribution on PyPI (its unit
  tests of ``year_fraction`` and ``days_between``);
- the sample files in ``tests/python/data/pyxirr/`` (see its README for their commits).

Cases whose sample files were not available, and cases where socinv deliberately answers
otherwise, are listed in docs/compat.md; here the deliberate differences assert what socinv
returns and say why.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from socinv.compat import _pyxirr_rules as rules
from socinv.compat import pyxirr

DATA = Path(__file__).resolve().parent / "data" / "pyxirr"
EPS = 1e-9  # assert_almost_eq!'s default


def sample(name: str) -> list[tuple[dt.datetime, float]]:
    """PaymentsLoader::from_csv: (datetime.strptime(date, "%Y-%m-%d"), float(amount)) records."""
    with open(DATA / name, encoding="utf-8") as f:
        return [(dt.datetime.strptime(row[0], "%Y-%m-%d"), float(row[1])) for row in csv.reader(f)]


def columns(name: str) -> tuple[list[dt.datetime], list[float]]:
    records = sample(name)
    return [r[0] for r in records], [r[1] for r in records]


def almost_eq(a: float, b: float, eps: float = EPS) -> None:
    assert abs(a - b) < eps, f"assertion failed: ({a} !~= {b})"


# --- test_scheduled.rs ---------------------------------------------------------------------

UNORDERED = "unordered.csv"


def test_xnpv_samples_unordered():
    almost_eq(pyxirr.xnpv(0.1, sample(UNORDERED)), 2218.42566365675)


XIRR_SAMPLES = [
    ("unordered.csv", 0.16353715844),
    ("minus_0_13.csv", -0.13423264098831872),
    ("minus_0_993.csv", -0.993785049929284),
    ("zeros.csv", 0.175680730580782),
    ("1938.csv", -0.5945650822679239),
]


@pytest.mark.parametrize(("name", "expected"), XIRR_SAMPLES, ids=[n for n, _ in XIRR_SAMPLES])
def test_xirr_samples(name, expected):
    payments = sample(name)
    rate = pyxirr.xirr(payments)
    assert rate is not None
    almost_eq(pyxirr.xnpv(rate, payments), 0.0, 1e-3)
    almost_eq(rate, expected)


def test_xirr_samples_30_20_deliberate_difference():
    """pyxirr expects NaN (no rate found) for ``30-20.csv``; its flows do have a rate.

    pyxirr's rule (Newton from -0.9, Brent on [-0.999999999999999, 100], Newton from a grid up to
    1) finds none, but the XNPV changes sign: socinv.compat returns socinv's rate (the root
    closest to socinv's default guess, 0.1), which makes the XNPV zero to rounding. docs/compat.md
    lists the case.
    """
    payments = sample("30-20.csv")
    located = rules.xirr(
        [(d - min(p[0] for p in payments)).days / 365.0 for d, _ in payments], [a for _, a in payments], None
    )
    assert math.isnan(located)  # pyxirr's own answer: none
    rate = pyxirr.xirr(payments)
    assert rate is not None
    size = sum(abs(a) * (1 + rate) ** -((d - min(p[0] for p in payments)).days / 365) for d, a in payments)
    assert abs(pyxirr.xnpv(rate, payments)) <= 1e-12 * size


def test_xirr_silent():
    with pytest.raises(pyxirr.InvalidPaymentsError):
        pyxirr.xirr([], [])
    assert pyxirr.xirr([], [], silent=True) is None


DAY_COUNT_CASES = [  # https://www.mathworks.com/help/finance/xirr.html
    ("30/360 SIA", 0.100675477282743),
    ("act/360", 0.0991988898057063),
    ("act/365F", 0.10064378342638),
    ("30/360 ISDA", 0.100675477282743),
    ("30E/360", 0.100675477282743),
    ("act/act ISDA", 0.100739648987346),
]


@pytest.mark.parametrize(("day_count", "expected"), DAY_COUNT_CASES, ids=[c for c, _ in DAY_COUNT_CASES])
def test_xirr_day_count(day_count, expected):
    dates = ["01/12/2007", "02/14/2008", "03/03/2008", "06/14/2008", "12/01/2008"]
    amounts = [-10000, 2500, 2000, 3000, 4000]
    almost_eq(pyxirr.xirr(dates, amounts, day_count=day_count), expected)


# --- test_periodic.rs ----------------------------------------------------------------------

NPV_VALUES = [-40_000.0, 5_000.0, 8_000.0, 12_000.0, 30_000.0]


def test_npv_works():
    almost_eq(pyxirr.npv(0.08, NPV_VALUES), 3065.222668179)


def test_npv_start_from_zero():
    almost_eq(pyxirr.npv(0.08, NPV_VALUES, start_from_zero=False), 2838.169137203)


def test_npv_zero_rate():
    almost_eq(pyxirr.npv(0, NPV_VALUES, start_from_zero=False), 15_000.0)


IRR_CASES = [
    ([-100.0, 39.0, 59.0, 55.0, 20.0], 0.28094842116),
    ([-100.0, 0.0, 0.0, 74.0], -0.09549583034),
    ([-100.0, 100.0, 0.0, -7.0], -0.08329966618),
    ([-161445.03, 2113.73, 7626.73, 8619.84, 8612.92], -0.43658134635),
    ([-150000.0, 15000.0, 25000.0, 35000.0, 45000.0, 60000.0], 0.05243288885),
    ([-100.0, 0.0, 0.0, 74.0], -0.09549583034),
    ([-100.0, 39.0, 59.0, 55.0, 20.0], 0.28094842115),
    ([-100.0, 100.0, 0.0, -7.0], -0.08329966618),
    ([-100.0, 100.0, 0.0, 7.0], 0.06205848562),
    ([-5.0, 10.5, 1.0, -8.0, 1.0], 0.08859833852),
    ([-5.0, 10.5, 1.0, -8.0, 1.0, 0.0, 0.0, 0.0], 0.08859833852),
    ([-40000.0, 5000.0, 8000.0, 12000.0, 30000.0], 0.10582259840),
]


@pytest.mark.parametrize(("values", "expected"), IRR_CASES)
def test_irr_works(values, expected):
    almost_eq(pyxirr.irr(values), expected)


@pytest.mark.parametrize(
    ("first", "other", "expected"),
    [
        ([87.17] * 5, [-86.43], -0.49367042606),
        ([-87.17] * 180, [5809.3], -0.01352676905),
        ([-172545.848122807], [787.735232517999] * 480, 0.0038401048),
    ],
    ids=["5", "180", "480"],
)
def test_irr_equal_payments(first, other, expected):
    almost_eq(pyxirr.irr(first + other), expected)


GH_39 = [
    -217500.0, -217500.0, 108466.80462450592, 101129.96439328062, 93793.12416205535, 86456.28393083003,
    79119.44369960476, 71782.60346837944, 64445.76323715414, 57108.92300592884, 49772.08277470355,
    42435.24254347826, 35098.40231225296, 27761.56208102766, 20424.721849802358, 13087.88161857707,
    5751.041387351768, -1585.7988438735192, -8922.639075098821, -16259.479306324123, -23596.31953754941,
    -30933.159768774713, -38270.0, -45606.8402312253, -52943.680462450604, -60280.520693675906,
    -67617.36092490121,
]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # https://github.com/numpy/numpy-financial/issues/44
        ([-1678.87, 771.96, 1814.05, 3520.30, 3552.95, 3584.99, -1.0], 0.9688775470209261),
        ([-1678.87, 771.96, 1814.05, 3520.30, 3552.95, 3584.99, 4789.91, -1.0], 1.0042698487205577),
        # https://github.com/numpy/numpy-financial/issues/39
        (GH_39, 0.12),
        # https://github.com/numpy/numpy-financial/issues/28
        ([-50.0, -100.0, 600.0, 300.0, -100.0], 1.8544178284461061),
    ],
    ids=["npf-44-a", "npf-44-b", "npf-39", "npf-28"],
)
def test_irr_special_cases(values, expected):
    rate = pyxirr.irr(values)
    almost_eq(rate, expected)
    almost_eq(pyxirr.npv(rate, values), 0.0)


GH_46_A = [
    -1.44852555e08, 1.28859998e06, 1.27305118e06, 1.25407349e06, 1.24199669e06, 1.22647792e06, 1.21095552e06,
    1.19206955e06, 1.17989821e06, 1.16436524e06, 1.14883185e06, 1.12945217e06, 1.11780102e06, 1.10228427e06,
    1.08671783e06, 1.06755759e06, 1.05502327e06, 1.03885451e06, 1.02247003e06, 1.00227444e06, 9.88024873e05,
]
GH_46_B = [
    -1.44852555e08, 1.41881733e06, 1.40267049e06, 1.38296290e06, 1.37042160e06, 1.35430596e06, 1.33818655e06,
    1.31857419e06, 1.30593472e06, 1.28980433e06, 1.27367350e06, 1.25354845e06, 1.24144917e06, 1.22533563e06,
    1.20917048e06, 1.18927331e06, 1.17625690e06, 1.15946627e06, 1.14245161e06, 1.12147927e06, 1.10668164e06,
]


@pytest.mark.parametrize(("values", "expected"), [(GH_46_A, -0.138541274008), (GH_46_B, -0.13209372260468)],
                         ids=["a", "b"])
def test_gh_46(values, expected):
    # https://github.com/Anexen/pyxirr/issues/46
    rate = pyxirr.irr(values)
    almost_eq(rate, expected)
    almost_eq(pyxirr.npv(rate, values), 0.0, 1e-6)


@pytest.mark.parametrize(("name", "expected", "npv_eps"), [("unordered.csv", 0.7039842300, EPS),
                                                           ("minus_0_993.csv", -0.995697224362268, 1e-4)],
                         ids=["unordered", "minus_0_993"])
def test_irr_samples(name, expected, npv_eps):
    # minus_0_993 is in the stored version of test_irr_samples that checks the NPV to 1e-4 (store
    # id 66643280248): at the double nearest that root the NPV is 6.9e-9, in pyxirr too
    _, amounts = columns(name)
    rate = pyxirr.irr(amounts)
    almost_eq(rate, expected)
    almost_eq(pyxirr.npv(rate, amounts), 0.0, npv_eps)


def test_mirr_works():
    almost_eq(pyxirr.mirr([-1000, 100, 250, 500, 500], 0.1, 0.1), 0.10401626745)


def test_mirr_same_sign():
    for values in ([100_000, 50_000, 25_000], [-100_000.0, -50_000.0, -25_000.0]):
        with pytest.raises(pyxirr.InvalidPaymentsError):
            pyxirr.mirr(values, 0.1, 0.1)
        assert pyxirr.mirr(values, 0.1, 0.1, silent=True) is None


# --- test_conversion.rs (INPUT = tests/samples/unordered.csv) --------------------------------

EXPECTED = 0.16353715844  # xirr_expected_result("tests/samples/unordered.csv")


def test_extract_from_iter():
    dates, amounts = columns(UNORDERED)
    result = pyxirr.xirr((dt.datetime(x.year, x.month, x.day) for x in dates), (x for x in amounts))
    almost_eq(result, EXPECTED)


def test_extract_from_tuples():
    almost_eq(pyxirr.xirr(*columns(UNORDERED)), EXPECTED)


def test_extract_from_lists():
    dates, amounts = columns(UNORDERED)
    almost_eq(pyxirr.xirr(map(list, zip(dates, amounts))), EXPECTED)


def test_extract_from_dict():
    almost_eq(pyxirr.xirr(dict(sample(UNORDERED))), EXPECTED)


def test_extract_from_numpy_object_array():
    dates, amounts = columns(UNORDERED)
    almost_eq(pyxirr.xirr(np.array([dates, amounts])), EXPECTED)


def test_extract_from_numpy_arrays():
    dates, amounts = columns(UNORDERED)
    almost_eq(pyxirr.xirr(np.array(dates), np.array(amounts)), EXPECTED)


def test_extract_from_pandas_dataframe():
    data = pd.read_csv(DATA / UNORDERED, header=None, parse_dates=[0])
    almost_eq(pyxirr.xirr(data), EXPECTED)


def test_extract_from_pandas_series():
    dates, amounts = columns(UNORDERED)
    almost_eq(pyxirr.xirr(pd.Series(dates), pd.Series(amounts)), EXPECTED)


def test_extract_from_pandas_series_with_datetime_index():
    dates, amounts = columns(UNORDERED)
    almost_eq(pyxirr.xirr(pd.Series(amounts, index=pd.to_datetime(dates))), EXPECTED)


def test_failed_extract_from_pandas_series_with_int64_index():
    _, amounts = columns(UNORDERED)
    with pytest.raises(TypeError):
        pyxirr.xirr(pd.Series(amounts))


def test_extract_from_mixed_iterables():
    dates, amounts = columns(UNORDERED)
    almost_eq(pyxirr.xirr(map(pd.Timestamp, dates), np.array(amounts)), EXPECTED)


def test_extract_from_non_float():
    dates, amounts = columns(UNORDERED)
    almost_eq(pyxirr.xirr(dates, map(decimal.Decimal, amounts)), EXPECTED)
    almost_eq(pyxirr.xirr(dates, map(int, amounts)), EXPECTED)
    with pytest.raises(TypeError):
        pyxirr.xirr(dates, map(str, amounts))


def test_payments_different_sign():
    dates, amounts = columns(UNORDERED)
    with pytest.raises(pyxirr.InvalidPaymentsError):
        pyxirr.xirr(dates, (abs(x) for x in amounts))
    with pytest.raises(pyxirr.InvalidPaymentsError):
        pyxirr.xirr(dates, (-abs(x) for x in amounts))


def test_arrays_of_different_lengths():
    dates, amounts = columns(UNORDERED)
    with pytest.raises(pyxirr.InvalidPaymentsError):
        pyxirr.xirr(dates, amounts[:-2])


# --- src/core/scheduled/day_count.rs (pyxirr 0.10.8) -----------------------------------------
# test cases from http://www.deltaquants.com/day-count-conventions; assert_eq!, so exact


def _year_fraction_cases(start, end, values):
    names = ["Act/Act", "Act/365F", "Act/360", "NL/365", "30/360 ISDA", "30E/360", "30E+/360", "30E/360 German",
             "30/360 US"]
    return [(start, end, name, value) for name, value in zip(names, values)]


YEAR_FRACTIONS = (
    _year_fraction_cases("2007-12-28", "2008-02-28", [4. / 365. + 58. / 366., 62. / 365., 62. / 360., 62. / 365.,
                                                      60. / 360., 60. / 360., 60. / 360., 60. / 360., 60. / 360.])
    + _year_fraction_cases("2007-12-28", "2008-02-29", [4. / 365. + 59. / 366., 63. / 365., 63. / 360., 62. / 365.,
                                                        61. / 360., 61. / 360., 61. / 360., 62. / 360., 61. / 360.])
    + _year_fraction_cases("2007-10-31", "2008-11-30", [62. / 365. + 334. / 366., 396. / 365., 396. / 360.,
                                                        395. / 365., 390. / 360., 390. / 360., 390. / 360.,
                                                        390. / 360., 390. / 360.])
    + _year_fraction_cases("2008-02-01", "2009-05-31", [335. / 366. + 150. / 365., 485. / 365., 485. / 360.,
                                                        484. / 365., 480. / 360., 479. / 360., 480. / 360.,
                                                        479. / 360., 480. / 360.])
)


@pytest.mark.parametrize(("start", "end", "day_count", "expected"), YEAR_FRACTIONS,
                         ids=[f"{s}-{e}-{c}" for s, e, c, _ in YEAR_FRACTIONS])
def test_year_fraction_examples(start, end, day_count, expected):
    assert pyxirr.year_fraction(start, end, pyxirr.DayCount.of(day_count)) == expected


# https://westclintech.com/SQL-Server-Financial-Functions/SQL-Server-DAYS360-function
# Start Date, End Date, 30/360 US, 30E/360, 30E360 ISDA, Actual
XLERATOR_DB_DATA = [
    ("2007-01-15", "2007-01-30", 15, 15, 15, 15),
    ("2007-01-15", "2007-02-15", 30, 30, 30, 31),
    ("2007-01-15", "2007-07-15", 180, 180, 180, 181),
    ("2007-09-30", "2008-03-31", 180, 180, 180, 183),
    ("2007-09-30", "2007-10-31", 30, 30, 30, 31),
    ("2007-09-30", "2008-09-30", 360, 360, 360, 366),
    ("2007-01-15", "2007-01-31", 16, 15, 15, 16),
    ("2007-01-31", "2007-02-28", 28, 28, 30, 28),
    ("2007-02-28", "2007-03-31", 30, 32, 30, 31),
    ("2006-08-31", "2007-02-28", 178, 178, 180, 181),
    ("2007-02-28", "2007-08-31", 180, 182, 180, 184),
    ("2007-02-14", "2007-02-28", 14, 14, 16, 14),
    ("2007-02-26", "2008-02-29", 363, 363, 364, 368),
    ("2008-02-29", "2009-02-28", 360, 359, 360, 365),
    ("2008-02-29", "2008-03-30", 30, 31, 30, 30),
    ("2008-02-29", "2008-03-31", 30, 31, 30, 31),
    ("2007-02-28", "2007-03-05", 5, 7, 5, 5),
    ("2007-10-31", "2007-11-28", 28, 28, 28, 28),
    ("2007-08-31", "2008-02-29", 179, 179, 180, 182),
    ("2008-02-29", "2008-08-31", 180, 181, 180, 184),
    ("2008-08-31", "2009-02-28", 178, 178, 180, 181),
    ("2009-02-28", "2009-08-31", 180, 182, 180, 184),
]


@pytest.mark.parametrize("row", XLERATOR_DB_DATA, ids=[f"{r[0]}-{r[1]}" for r in XLERATOR_DB_DATA])
def test_from_xleratordb(row):
    d1, d2 = row[0], row[1]
    assert pyxirr.days_between(d1, d2, pyxirr.DayCount.THIRTY_U_360) == row[2]
    assert pyxirr.days_between(d1, d2, pyxirr.DayCount.THIRTY_E_360) == row[3]
    assert pyxirr.days_between(d1, d2, pyxirr.DayCount.ACT_365F) == row[5]


# --- pyxirr's conventions, as observed on pyxirr 0.10.8 ---------------------------------------


def test_names_signatures_and_exceptions():
    assert not issubclass(pyxirr.InvalidPaymentsError, ValueError)
    with pytest.raises(TypeError):
        pyxirr.xirr(["2008-01-01", "2008-03-01"], [-100, 110], 0.1)  # guess is keyword-only in pyxirr
    with pytest.raises(ValueError, match="Invalid Day Count Convention"):
        pyxirr.DayCount.of("act/365")  # not one of pyxirr's spellings
    assert str(pyxirr.DayCount.THIRTY_U_360) == "30U/360"
    assert repr(pyxirr.DayCount.ACT_360) == "DayCount.ACT_360"
    assert pyxirr.DayCount.of("30/360 SIA") is pyxirr.DayCount.THIRTY_U_360
    with pytest.raises(TypeError, match="not understood"):
        pyxirr.xirr([1, 2], [-100, 110])
    with pytest.raises(ValueError):
        pyxirr.xirr(["1/12/2007", "02/14/2008"], [-100, 110])
    # pyxirr reads the first ten characters of a date string
    assert pyxirr.xirr(["2008-01-01T10:00", "2008-03-01xx"], [-100, 110]) == pyxirr.xirr(
        ["2008-01-01", "2008-03-01"], [-100, 110])
    assert pyxirr.xnpv(-1, ["2008-01-01", "2008-03-01"], [-100, 110]) is None
    assert pyxirr.xnpv([-1, 0.1], ["2008-01-01", "2008-03-01"], [-100, 110])[0] == math.inf
    assert isinstance(pyxirr.npv(np.array([0.1, 0.2]), [-1, 2]), np.ndarray)
    assert isinstance(pyxirr.npv([0.1, 0.2], [-1, 2]), list)
    assert pyxirr.npv(-1, [1, 2, 3]) == math.inf
    assert pyxirr.irr([1, 2], silent=True) is None


def test_agrees_with_pyxirr_0_10_8_on_its_conventions():
    real = pytest.importorskip("pyxirr")
    dates = ["2008-01-01", "2008-03-01"]
    for call in (
        lambda m: m.xirr(dates, ["-100", "110"]),
        lambda m: m.xirr(dates, [None, 110]),
        lambda m: m.xnpv(0.1, dates, [1]),
        lambda m: m.irr([]),
        lambda m: m.mirr([1, 2], 0.1, 0.1),
        lambda m: m.xirr(pd.Series([-100, 110], index=dates)),
    ):
        with pytest.raises(Exception) as ours:
            call(pyxirr)
        with pytest.raises(Exception) as theirs:
            call(real)
        assert type(ours.value).__name__ == type(theirs.value).__name__
    assert pyxirr.xirr(dates, np.array(["-100", "110"])) == pytest.approx(real.xirr(dates, np.array(["-100", "110"])))
    assert pyxirr.xirr(dates, [-100, 110], day_count=real.DayCount.ACT_360) == pytest.approx(
        real.xirr(dates, [-100, 110], day_count=real.DayCount.ACT_360), rel=1e-13)
    tz = pd.DatetimeIndex(["2008-01-01 23:00", "2008-03-01"]).tz_localize("US/Eastern")
    assert pyxirr.xirr(tz, [-100, 110]) == pytest.approx(real.xirr(tz, [-100, 110]), rel=1e-13)
    series = pd.Series(pd.to_datetime(["2008-01-01 23:00", "2008-03-01 00:00"])).dt.tz_localize("US/Eastern")
    with warnings.catch_warnings():  # pyxirr reads Series.values, which pandas 3.1 deprecates for tz-aware data
        warnings.simplefilter("ignore")
        theirs = real.xirr(series, [-100, 110])
    assert pyxirr.xirr(series, [-100, 110]) == pytest.approx(theirs, rel=1e-13)  # pyxirr counts in UTC here


# --- pyxirr 0.10.8 as a live oracle -------------------------------------------------------------


def random_flows(rng: np.random.Generator, n: int) -> tuple[list[dt.date], list[float]]:
    gaps = rng.integers(1, 400, n)
    gaps[0] = 0
    days = np.cumsum(gaps)
    rng.shuffle(days)
    amounts = rng.normal(0, 100, n).round(2)
    amounts[rng.integers(n)] = -abs(amounts[0]) * 10
    return [dt.date(2010, 1, 1) + dt.timedelta(days=int(d)) for d in days], amounts.tolist()


def test_the_rule_is_pyxirrs_bit_for_bit():
    real = pytest.importorskip("pyxirr")
    rng = np.random.default_rng(20)
    checked = 0
    for _ in range(600):
        dates, amounts = random_flows(rng, int(rng.integers(2, 16)))
        if not rules.has_both_signs(amounts):
            continue
        earliest = min(dates)
        located = rules.xirr([(d - earliest).days / 365.0 for d in dates], amounts, None)
        theirs = real.xirr(dates, amounts, silent=True)
        assert (math.isnan(located) and theirs is None) or located == theirs
        located = rules.irr(amounts, None)
        theirs = real.irr(amounts, silent=True)
        assert (math.isnan(located) and theirs is None) or located == theirs
        checked += 1
    assert checked > 500


def test_live_oracle_xirr_irr_npv_xnpv_mirr():
    """Where pyxirr finds a rate, socinv.compat returns the same root to pyxirr's own precision
    (pyxirr stops at |XNPV| < 1e-9 absolute, so its last digits vary), and a smaller residual."""
    real = pytest.importorskip("pyxirr")
    rng = np.random.default_rng(21)
    compared = 0
    for _ in range(500):
        dates, amounts = random_flows(rng, int(rng.integers(3, 20)))
        theirs = real.xirr(dates, amounts, silent=True)
        ours = pyxirr.xirr(dates, amounts, silent=True)
        if theirs is not None and math.isfinite(theirs) and theirs > -0.99:
            assert ours == pytest.approx(theirs, rel=1e-6, abs=1e-8)
            size = sum(abs(a) * (1 + ours) ** -((d - min(dates)).days / 365) for d, a in zip(dates, amounts))
            assert abs(real.xnpv(ours, dates, amounts)) <= max(1e-12 * size, abs(real.xnpv(theirs, dates, amounts)))
            compared += 1
        theirs = real.irr(amounts, silent=True)
        ours = pyxirr.irr(amounts, silent=True)
        if theirs is not None and math.isfinite(theirs) and theirs > -0.99:
            assert ours == pytest.approx(theirs, rel=1e-6, abs=1e-8)
        rate = float(rng.uniform(-0.5, 0.5))
        assert pyxirr.xnpv(rate, dates, amounts) == pytest.approx(real.xnpv(rate, dates, amounts), rel=1e-9, abs=1e-9)
        assert pyxirr.npv(rate, amounts) == pytest.approx(real.npv(rate, amounts), rel=1e-9, abs=1e-9)
        assert pyxirr.npv(rate, amounts, start_from_zero=False) == pytest.approx(
            real.npv(rate, amounts, start_from_zero=False), rel=1e-9, abs=1e-9)
        ours_m = pyxirr.mirr(amounts, 0.05, 0.08, silent=True)
        theirs_m = real.mirr(amounts, 0.05, 0.08, silent=True)
        assert (ours_m is None and theirs_m is None) or ours_m == pytest.approx(theirs_m, rel=1e-12)
    assert compared > 300
