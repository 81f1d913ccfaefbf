"""The cost model from Python: hand-computed answers, Monte Carlo, the tornado, bad input and the
default exclusion costs."""

from __future__ import annotations

import copy
import json
import math

import matplotlib
import numpy as np
import pandas as pd
import pytest

import socinv
from socinv import _core

from conftest import APPLICATIONS

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# A model small enough to compute by hand. 800 000 kr in 2020 (the period's one budget year,
# which is also the base year); one cohort of 10 starting in 2020; half succeed; each success
# saves the municipality 100 000 kr a year for two years from 2021; discounted at 10 %.
COST = 800_000
V1, V2 = 1 / 1.1, 1 / 1.21  # discount factors of 2021 and 2022
PV_SAVINGS = 5 * 100_000 * (V1 + V2)  # 867 768.595...
VALUE_PER_SUCCESS = 100_000 * (V1 + V2)  # 173 553.719...

HAND = {
    "id": "hand-computed",
    "title": "A model small enough to compute by hand",
    "period": {"start": "2020-01-01", "end": "2020-12-31"},
    "requested": COST,
    "parties": [
        {"name": "Socialförvaltningen", "kind": "municipal_administration", "role": "lead"},
        {"name": "Föreningen", "kind": "civil_society", "form": "association"},
    ],
    "target_group": "ten people on social assistance",
    "economics": {
        "view": "municipality",
        "discount": 0.10,
        "horizon_years": 5,
        "cohorts": [{"year": 2020, "participants": 10}],
        "success_rate": 0.5,
        "effect_years": 2,
        "exclusion_cost": {
            "items": [
                {
                    "name": "assistance",
                    "payer": "Socialförvaltningen",
                    "level": "municipality",
                    "nature": "transfer",
                    "per_year": 100_000,
                }
            ]
        },
    },
}


def hand(**economics) -> dict:
    """The hand-computed application with keys of its economics section replaced."""
    doc = copy.deepcopy(HAND)
    doc["economics"].update(economics)
    return doc


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- the point estimate, by hand -------------------------------------------------------------


def test_hand_computed_present_values():
    r = socinv.cost_model(hand()).evaluate()
    assert r.view == "municipality"
    assert r.pv_costs == pytest.approx(COST, rel=1e-12)
    assert r.pv_savings == pytest.approx(PV_SAVINGS, rel=1e-12)
    assert r.npv == pytest.approx(PV_SAVINGS - COST, rel=1e-12)  # 67 768.60
    assert r.benefit_cost_ratio == pytest.approx(PV_SAVINGS / COST, rel=1e-12)
    assert r.participants == 10
    assert r.expected_successes == pytest.approx(5)
    assert r.value_per_success == pytest.approx(VALUE_PER_SUCCESS, rel=1e-12)
    assert r.break_even_successes == pytest.approx(COST / VALUE_PER_SUCCESS, rel=1e-12)  # 4.61
    assert r.break_even_success_rate == pytest.approx(COST / VALUE_PER_SUCCESS / 10, rel=1e-12)
    # Cumulative discounted net: -800 000 (2020), -345 454.55 (2021), +67 768.60 (2022).
    assert r.payback_year == 2022
    # The only item is a transfer: society's view sees no impact at all.
    assert r.sroi_ratio == 0


def test_hand_computed_tables():
    r = socinv.cost_model(hand()).evaluate()
    years = r.by_year()
    assert list(years.index) == [2020, 2021, 2022, 2023, 2024]
    assert list(years.columns) == ["discount_factor", "costs", "savings", "Socialförvaltningen"]
    assert years["discount_factor"].to_numpy() == pytest.approx([1, V1, V2, 1 / 1.1**3, 1 / 1.1**4], rel=1e-12)
    assert years["costs"].to_numpy() == pytest.approx([COST, 0, 0, 0, 0])
    assert years["savings"].to_numpy() == pytest.approx([0, 500_000, 500_000, 0, 0])
    assert (years["Socialförvaltningen"] == years["savings"]).all()

    payers = r.by_payer()
    assert list(payers.columns) == ["level", "pv_costs_paid", "pv_savings", "net"]
    assert payers.loc["Sociala investeringsfonden", "level"] == "funder"
    assert payers.loc["Sociala investeringsfonden", "pv_costs_paid"] == pytest.approx(COST)
    assert payers.loc["Socialförvaltningen", "pv_savings"] == pytest.approx(PV_SAVINGS)
    assert payers["net"].sum() == pytest.approx(r.npv)

    d = r.to_dict()
    assert d["npv"] == pytest.approx(r.npv) and d["payback_year"] == 2022
    assert json.loads(r.to_json(indent=2)) == d


def test_views_count_the_right_items():
    items = [
        {"name": "assistance", "payer": "Socialförvaltningen", "level": "municipality", "nature": "transfer",
         "per_year": 100_000},
        {"name": "health care", "payer": "Regionen", "level": "region", "nature": "resource", "per_year": 30_000},
        {"name": "lost production", "payer": "society", "level": "society", "nature": "resource", "per_year": 50_000},
    ]  # fmt: skip
    pv = {}
    for view in ("municipality", "public_sector", "society"):
        r = socinv.cost_model(hand(view=view, exclusion_cost={"items": items})).evaluate()
        pv[view] = r.pv_savings
        # SROI is society's ratio whatever the view: real resources only (30 000 + 50 000).
        assert r.sroi_ratio == pytest.approx(5 * 80_000 * (V1 + V2) / COST, rel=1e-12)
        # Every payer's savings are shown whatever the view.
        assert set(r.by_payer().index) == {"Sociala investeringsfonden", "Socialförvaltningen", "Regionen", "society"}
    assert pv["municipality"] == pytest.approx(5 * 100_000 * (V1 + V2), rel=1e-12)
    assert pv["public_sector"] == pytest.approx(5 * 130_000 * (V1 + V2), rel=1e-12)
    assert pv["society"] == pytest.approx(5 * 80_000 * (V1 + V2), rel=1e-12)


def test_adjustments_and_drop_off_multiply():
    r = socinv.cost_model(
        hand(deadweight=0.2, attribution=0.25, displacement=0.5, drop_off=0.5, discount=0.0)
    ).evaluate()
    successes = 10 * 0.5 * 0.8 * 0.75 * 0.5  # 1.5
    assert r.expected_successes == pytest.approx(successes)
    assert r.pv_savings == pytest.approx(successes * 100_000 * (1 + 0.5))


def test_what_if_keywords_replace_economics_keys():
    undiscounted = socinv.cost_model(hand(), discount=0).evaluate()
    assert undiscounted.pv_savings == pytest.approx(1_000_000)
    green = socinv.cost_model(hand(), discount="green_book").evaluate()
    assert green.pv_savings == pytest.approx(500_000 * (1.035**-1 + 1.035**-2), rel=1e-12)
    # The file itself is not touched.
    assert socinv.cost_model(hand()).evaluate().pv_savings == pytest.approx(PV_SAVINGS)


# --- Monte Carlo -------------------------------------------------------------------------------


def test_simulation_is_reproducible_across_threads():
    model = socinv.cost_model(APPLICATIONS / "sot.json")
    # More than 32 blocks of 1024 draws, so that two threads really share the work.
    one = model.simulate(draws=50_000, seed=7, threads=1)
    two = model.simulate(draws=50_000, seed=7, threads=2)
    assert np.array_equal(one.npv, two.npv)
    assert np.array_equal(one.pv_savings, two.pv_savings)
    assert one.mean_npv == two.mean_npv and one.probability_break_even == two.probability_break_even
    other = model.simulate(draws=50_000, seed=8, threads=2)
    assert not np.array_equal(one.npv, other.npv)
    # A prefix of a longer run is the shorter run: draw i depends only on (seed, i).
    assert np.array_equal(model.simulate(draws=1_000, seed=7).npv, one.npv[:1_000])


def test_simulation_returns_numpy_arrays():
    sim = socinv.cost_model(APPLICATIONS / "sot.json").simulate(draws=5_000)
    for name in ("npv", "pv_costs", "pv_savings"):
        values = getattr(sim, name)
        assert isinstance(values, np.ndarray) and values.dtype == np.float64 and values.shape == (5_000,)
        assert not values.flags.writeable
    assert sim.npv == pytest.approx(sim.pv_savings - sim.pv_costs)
    assert sim.mean_npv == pytest.approx(sim.npv.mean())
    assert sim.probability_break_even == pytest.approx((sim.npv >= 0).mean())
    assert sim.percentile(50) == pytest.approx(np.median(sim.npv))
    assert sim.percentile([10, 90]) == pytest.approx(np.percentile(sim.npv, [10, 90]))
    d = sim.to_dict()
    assert d["draws"] == 5_000 and d["seed"] == 1
    assert d["npv_percentiles"]["p10"] == pytest.approx(sim.percentile(10))
    assert len(sim.to_dict(with_draws=True)["npv"]) == 5_000
    summary = sim.summary()
    assert list(summary.columns) == ["npv", "pv_costs", "pv_savings"]
    assert summary.loc["mean", "npv"] == pytest.approx(sim.mean_npv)
    assert summary.attrs["probability_break_even"] == sim.probability_break_even


def test_all_fixed_inputs_give_the_point_estimate_every_draw():
    model = socinv.cost_model(hand())
    sim = model.simulate(draws=100)
    assert np.allclose(sim.npv, model.evaluate().npv, rtol=1e-12)
    assert model.tornado().empty


def test_probability_of_breaking_even_is_analytic():
    # NPV = s × 10 × VALUE_PER_SUCCESS − COST grows with the success rate s ~ uniform(0, 1), so
    # the programme breaks even exactly when s ≥ s* = COST / (10 × VALUE_PER_SUCCESS).
    model = socinv.cost_model(hand(success_rate={"dist": "uniform", "low": 0, "high": 1}))
    s_star = COST / (10 * VALUE_PER_SUCCESS)  # 0.461
    assert model.evaluate().break_even_success_rate == pytest.approx(s_star, rel=1e-12)
    n = 200_000
    sim = model.simulate(draws=n, seed=3)
    error = math.sqrt(s_star * (1 - s_star) / n)
    assert abs(sim.probability_break_even - (1 - s_star)) < 4 * error
    # Draw i takes the success rate, the first input, from the stream (seed, i): the simulated
    # share is exactly the share of those draws at or above s*.
    rates = model.distributions["success_rate"].sample(n, seed=3)
    assert sim.probability_break_even == pytest.approx((rates >= s_star).mean(), abs=1 / n)
    assert sim.npv == pytest.approx(rates * 10 * VALUE_PER_SUCCESS - COST, rel=1e-9, abs=1e-6)


def test_simulate_checks_its_arguments():
    model = socinv.cost_model(hand())
    with pytest.raises(ValueError, match="draws"):
        model.simulate(draws=0)
    with pytest.raises(ValueError, match="threads"):
        model.simulate(threads=0)
    with pytest.raises(ValueError, match="seed"):
        model.simulate(seed=-1)
    with pytest.raises(TypeError):
        model.simulate(draws=10.5)
    with pytest.raises(ValueError):
        model.simulate(draws=100).percentile(101)


# --- the tornado ---------------------------------------------------------------------------------


def test_tornado_order_and_values():
    model = socinv.cost_model(
        hand(
            success_rate={"dist": "uniform", "low": 0.3, "high": 0.7},
            cost_factor={"dist": "uniform", "low": 0.9, "high": 1.1},
            deadweight={"dist": "uniform", "low": 0.0, "high": 0.1},
        )
    )
    v = 10 * VALUE_PER_SUCCESS  # PV of savings when everyone succeeds
    frame = model.tornado(low=0.1, high=0.9)
    # Swings by hand, the other inputs at their means (s 0.5, deadweight 0.05, cost factor 1):
    # success 0.34..0.66 → 0.32 × 0.95 × v; cost factor 0.92..1.08 → 0.16 × COST;
    # deadweight 0.01..0.09 → 0.5 × 0.08 × v.
    assert list(frame.index) == ["success_rate", "cost_factor", "deadweight"]
    assert frame["swing"].to_numpy() == pytest.approx([0.32 * 0.95 * v, 0.16 * COST, 0.04 * v], rel=1e-9)
    assert frame.loc["success_rate", ["low_value", "high_value"]].tolist() == pytest.approx([0.34, 0.66])
    # More cost lowers the NPV; more success raises it.
    assert frame.loc["cost_factor", "npv_at_high"] < frame.loc["cost_factor", "npv_at_low"]
    assert frame.loc["success_rate", "npv_at_high"] > frame.loc["success_rate", "npv_at_low"]
    assert frame.attrs["base_npv"] == pytest.approx(0.5 * 0.95 * v - COST)
    assert frame.loc["cost_factor", "npv_at_low"] == pytest.approx(0.5 * 0.95 * v - 0.92 * COST)
    # Wider quantiles, wider bars; the C++ JSON has the same bars.
    assert (model.tornado(low=0.05, high=0.95)["swing"] > frame["swing"]).all()
    bars = json.loads(_core.tornado_json(model._core))
    assert [b["input"] for b in bars] == list(frame.index)
    with pytest.raises(ValueError):
        model.tornado(low=0.9, high=0.1)


# --- bad input ------------------------------------------------------------------------------------


BAD = {
    "/economics/success_rate": dict(success_rate=1.5),
    "/economics/deadweight": dict(deadweight={"dist": "triangular", "low": 0.3, "mode": 0.1, "high": 0.5}),
    "/economics/drop_off/dist": dict(drop_off={"dist": "beta", "low": 0, "high": 1}),
    "/economics/effect_years/high": dict(effect_years={"dist": "uniform", "low": 1}),
    "/economics/succes_rate": dict(succes_rate=0.5),
    "/economics/view": dict(view="city"),
    "/economics/discount": dict(discount="golden"),
    "/economics/discount/rate": dict(discount={"rate": 1.5}),
    "/economics/horizon_years": dict(horizon_years=0),
    "/economics/cohorts/0/participants": dict(cohorts=[{"year": 2020, "participants": -1}]),
    "/economics/exclusion_cost/overrides/Nope": dict(exclusion_cost={"overrides": {"Nope": 1}}),
    "/economics/exclusion_cost/items/0/nature": dict(
        exclusion_cost={"items": [{"name": "x", "payer": "y", "level": "state", "nature": "gift", "per_year": 1}]}
    ),
}


@pytest.mark.parametrize("pointer", sorted(BAD))
def test_bad_economics_names_the_field(pointer):
    with pytest.raises(socinv.InputError) as info:
        socinv.cost_model(hand(**BAD[pointer]))
    assert info.value.pointer == pointer
    # The same through a what-if keyword on a good application.
    with pytest.raises(socinv.InputError) as info:
        socinv.cost_model(hand(), **BAD[pointer])
    assert info.value.pointer == pointer


def test_missing_success_rate_and_missing_section():
    doc = hand()
    del doc["economics"]["success_rate"]
    with pytest.raises(socinv.InputError) as info:
        socinv.cost_model(doc)
    assert info.value.pointer == "/economics/success_rate"
    assert "missing" in info.value.message
    with pytest.raises(socinv.InputError) as info:
        socinv.cost_model(APPLICATIONS / "aktiv-24.json")
    assert info.value.pointer == "/economics"
    assert isinstance(info.value, ValueError)


# --- exclusion costs and distributions ---------------------------------------------------------------


def test_default_exclusion_costs_total_10_to_20_msek():
    frame = socinv.default_exclusion_costs()
    assert list(frame.columns) == ["payer", "level", "nature", "per_year", "lifetime", "distribution", "source"]
    assert frame.attrs["age_from"] == 20 and frame.attrs["age_to"] == 65 and frame.attrs["working_years"] == 45
    total = frame.attrs["lifetime_cost"]
    assert 10e6 <= total <= 20e6
    assert total == pytest.approx(frame["per_year"].sum() * 45)
    assert frame["lifetime"].sum() == pytest.approx(total)
    # Social assistance is a transfer: society's (resources-only) total leaves it out.
    assert frame.loc[frame["nature"] == "transfer"].index.str.contains("assistance").all()
    assert frame.attrs["lifetime_cost_resources"] == pytest.approx(
        frame.loc[frame["nature"] == "resource", "per_year"].sum() * 45
    )
    assert set(frame["level"]) == {"municipality", "region", "state", "society"}
    assert frame["source"].str.len().gt(0).all()
    # SöT's triangular scale spans the sources' range, 10 to 20 MSEK.
    scale = socinv.cost_model(APPLICATIONS / "sot.json").distributions["exclusion_cost_scale"]
    assert 9.5e6 < scale.quantile(0) * total < 10.5e6
    assert 19.5e6 < scale.quantile(1) * total < 20.5e6


def test_distribution_helpers():
    pert = socinv.distribution({"dist": "pert", "low": 0.1, "mode": 0.25, "high": 0.7})
    assert pert.kind == "pert" and pert.parameters == {"low": 0.1, "mode": 0.25, "high": 0.7}
    assert pert.mean() == pytest.approx((0.1 + 4 * 0.25 + 0.7) / 6)
    draws = pert.sample(100_000, seed=1)
    assert draws.min() >= 0.1 and draws.max() <= 0.7
    assert draws.mean() == pytest.approx(pert.mean(), abs=0.002)
    assert np.array_equal(draws, pert.sample(100_000, seed=1))
    assert pert.quantile(0.5) == pytest.approx(np.median(draws), abs=0.003)
    uniform = socinv.distribution({"dist": "uniform", "low": 2, "high": 4})
    assert uniform.quantile([0.0, 0.25, 1.0]) == pytest.approx([2, 2.5, 4])
    assert socinv.distribution(3).mean() == 3 and socinv.distribution(3).is_fixed
    with pytest.raises(socinv.InputError):
        socinv.distribution({"dist": "triangular", "low": 1, "mode": 0, "high": 2})
    with pytest.raises(ValueError):
        uniform.quantile(1.5)


# --- display --------------------------------------------------------------------------------------


def test_plots_and_html():
    model = socinv.cost_model(APPLICATIONS / "sot.json")
    result = model.evaluate()
    sim = model.simulate(draws=2_000)
    frame = model.tornado()
    for ax in (result.plot(), result.plot(discounted=True), sim.plot(), socinv.plot_tornado(frame)):
        assert isinstance(ax, matplotlib.axes.Axes)
    assert len(socinv.plot_tornado(frame).patches) == 2 * len(frame)
    for obj in (model, result, sim):
        assert obj._repr_html_().startswith("<div")
    assert "Sociala investeringsfonden" in result._repr_html_()
    assert isinstance(model.inputs(), pd.DataFrame) and model.inputs().loc["success_rate", "uncertain"]
    assert "orebro-2014-sot" in repr(model)
