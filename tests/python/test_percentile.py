"""socinv's one percentile definition (include/socinv/economics/percentile.hpp) against NumPy's
default method, in Python and in what the C++ core reports."""

from __future__ import annotations

import numpy as np
import pytest

import socinv
from socinv import _core

from conftest import APPLICATIONS


@pytest.mark.parametrize("n", [1, 2, 3, 10, 1_001, 10_000])
def test_percentile_equals_numpy_to_the_last_digit(n):
    rng = np.random.default_rng(n)
    values = rng.lognormal(12, 1.5, size=n) * rng.choice([-1, 1], size=n)
    p = np.array([0, 0.1, 1, 5, 10, 12.5, 25, 33.3, 50, 66.7, 75, 90, 95, 99, 99.9, 100])
    assert np.array_equal(socinv.percentile(values, p), np.percentile(values, p))
    for q in p:
        assert socinv.percentile(values, q) == np.percentile(values, q)


def test_percentile_by_hand():
    values = [15, 20, 35, 40, 50]  # h = p / 100 × 4
    assert socinv.percentile(values, 40) == 29.0  # 20 + 0.6 × 15
    assert socinv.percentile(values, 5) == 16.0
    assert socinv.percentile(values, 90) == 46.0
    assert socinv.percentile([1, 2, 3, 4], 50) == 2.5
    assert socinv.percentile([[4, 1], [3, 2]], 50) == 2.5  # flattened, as numpy does
    assert socinv.percentile(values, [[0, 100]]).tolist() == [[15.0, 50.0]]


def test_percentile_of_ties_and_nan_as_numpy():
    ties = np.array([0.1, 0.1, 0.1, 0.7])
    for p in (10, 50, 66.6, 90):
        assert socinv.percentile(ties, p) == np.percentile(ties, p)
    assert np.isnan(socinv.percentile([1.0, np.nan, 3.0], 50))


def test_percentile_refuses_bad_arguments():
    with pytest.raises(ValueError, match="0..100"):
        socinv.percentile([1, 2], 101)
    with pytest.raises(ValueError, match="0..100"):
        socinv.percentile([1, 2], [50, -1])
    with pytest.raises(ValueError, match="0..100"):
        socinv.percentile([1, 2], float("nan"))
    with pytest.raises(ValueError, match="at least one value"):
        socinv.percentile([], 50)
    with pytest.raises(ValueError, match="0..100"):
        _core.percentile(np.array([1.0]), np.array([100.5]))


def test_monte_carlo_summary_and_cli_json_use_the_definition():
    sim = socinv.cost_model(APPLICATIONS / "sot.json").simulate(draws=2_001, seed=5)
    assert sim.percentile([5, 10, 50, 90, 95]).tolist() == np.percentile(sim.npv, [5, 10, 50, 90, 95]).tolist()
    reported = sim.to_dict()["npv_percentiles"]
    for p in (5, 10, 50, 90, 95):
        assert reported[f"p{p}"] == np.percentile(sim.npv, p)
    summary = sim.summary()
    assert summary.loc["p10", "pv_costs"] == np.percentile(sim.pv_costs, 10)


def test_the_draw_limits_are_the_librarys():
    assert _core.max_simulation_draws == 100_000_000
    assert _core.max_fund_simulation_draws == 10_000_000
    model = socinv.cost_model(APPLICATIONS / "sot.json")
    with pytest.raises(ValueError, match=f"1..{_core.max_simulation_draws:,}"):
        model.simulate(draws=_core.max_simulation_draws + 1)
