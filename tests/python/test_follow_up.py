"""socinv.follow_up and `socinv follow-up`: the cases of DOMAIN.md, against statsmodels."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from statsmodels.stats.proportion import proportion_confint

import socinv

from conftest import APPLICATIONS

SOCINV = Path(sys.executable).parent / "socinv"
KALMAR = APPLICATIONS / "kalmar-esf.json"
SOT = APPLICATIONS / "sot.json"


def test_kalmar_seventy_percent_is_clearly_above_sixty():
    f = socinv.follow_up(KALMAR)
    (m,) = f.measures
    assert m["n"] == 382 and m["observed"] == pytest.approx(267 / 382, rel=1e-12)
    low, high = proportion_confint(267, 382, alpha=0.05, method="wilson")
    assert m["ci"] == pytest.approx([low, high], rel=1e-12)
    assert m["target"] == pytest.approx(0.6)
    assert m["verdict"] == "met" and f.all_targets_met
    low, high = proportion_confint(382, 418, alpha=0.05, method="wilson")
    assert f.reach["ci"] == pytest.approx([low, high], rel=1e-12)
    frame = f.to_frame()
    assert frame.loc[m["measure"], "verdict"] == "met"


def test_a_stricter_level_or_a_higher_target_changes_the_verdict(kalmar):
    kalmar["effect_measures"][0]["target"] = 68
    assert socinv.follow_up(kalmar).measures[0]["verdict"] == "inconclusive"
    kalmar["effect_measures"][0]["target"] = 76
    assert socinv.follow_up(kalmar).measures[0]["verdict"] == "not_met"


@pytest.fixture
def kalmar():
    return json.loads(KALMAR.read_text(encoding="utf-8"))


def test_bad_follow_up_data_names_the_pointer(kalmar):
    kalmar["follow_up"]["measures"][0]["successes"] = 400
    with pytest.raises(socinv.InputError) as e:
        socinv.follow_up(kalmar)
    assert e.value.pointer == "/follow_up/measures/0/successes"
    kalmar["follow_up"]["measures"][0].update(successes=1, measure="nothing of that name")
    with pytest.raises(socinv.InputError) as e:
        socinv.follow_up(kalmar)
    assert e.value.pointer == "/follow_up/measures/0/measure"
    del kalmar["follow_up"]
    with pytest.raises(socinv.InputError) as e:
        socinv.follow_up(kalmar)
    assert e.value.pointer == "/follow_up"


def test_follow_up_round_trips_and_drives_the_checklist(kalmar):
    app = socinv.load_application(kalmar)
    assert app.to_dict()["follow_up"]["measures"][0]["successes"] == 267
    verdicts = {c.criterion: c.verdict for c in socinv.assess(app).checklist}
    assert verdicts["measurable"] == "met"


def test_evaluative_model_moves_towards_the_observed_rate():
    frame = socinv.follow_up(SOT).evaluative(draws=2_000)
    a, b = frame.attrs["posterior"]
    prior_a, prior_b = frame.attrs["prior"]
    assert (a - prior_a, b - prior_b) == pytest.approx((8, 22))
    assert frame.loc["success_rate_mean", "evaluative"] == pytest.approx(a / (a + b))


def test_reconciliation_of_forecast_and_actual_savings():
    r = socinv.follow_up(SOT).reconciliation
    assert r is not None
    actual = [row for row in r["savings"] if row["actual"] is not None]
    assert actual and all(row["difference"] is not None for row in actual)
    from decimal import Decimal

    assert Decimal(r["true_up"]) == Decimal(r["due"]) - Decimal(r["returned_so_far"])
    # SöT: 180 000 kr booked in 2016 on the 2015 forecast; the actual 231 500 kr makes 51 500 kr due,
    # the true-up line `socinv transfers` shows for 2017 (not the schedule's whole total).
    assert (r["returned_so_far"], r["due"], r["true_up"]) == ("180000.00", "231500.00", "51500.00")
    assert r["true_ups"] == [{"payer": "Vuxenutbildnings- och arbetsmarknadsförvaltningen", "year": 2017,
                              "saving_year": 2015, "amount": "51500.00"}]
    schedule = socinv.transfer_schedule(SOT)
    assert [line.amount for line in schedule.lines if line.kind == "true_up"] == [Decimal("51500.00")]


def test_sot_warns_that_thirty_can_only_show_large_differences():
    (m,) = socinv.follow_up(SOT).measures
    assert m["warning_codes"] == ["no_target"] and "n = 30" in m["warnings"][0]
    assert m["minimum_detectable_difference"] == pytest.approx(0.22619254607077405, rel=1e-9)


def test_frame_has_comparison_interval_and_reach(kalmar):
    kalmar["follow_up"]["measures"][0]["comparison"] = {"successes": 200, "n": 380}
    f = socinv.follow_up(kalmar)
    frame = f.to_frame()
    row = frame.loc[kalmar["follow_up"]["measures"][0]["measure"]]
    from statsmodels.stats.proportion import confint_proportions_2indep

    low, high = confint_proportions_2indep(267, 382, 200, 380, method="newcomb")
    assert (row["difference_ci_low"], row["difference_ci_high"]) == pytest.approx((low, high), rel=1e-9)
    assert row["difference"] == pytest.approx(267 / 382 - 200 / 380)
    assert frame.loc["participants reached", "observed"] == pytest.approx(382 / 418)
    html = f._repr_html_()
    assert "planned" in html and "difference" in html
    import matplotlib

    matplotlib.use("Agg")
    assert len(f.plot_forest().get_yticklabels()) == 1
    with pytest.raises(ValueError, match="no comparison group"):
        socinv.follow_up(SOT).plot_forest()


def test_cli_exit_codes_and_json():
    ok = subprocess.run([str(SOCINV), "follow-up", str(KALMAR), "--format", "json"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    doc = json.loads(ok.stdout)
    assert doc["id"] == "kalmar-lan-2017-esf" and doc["measures"][0]["verdict"] == "met"
    assert doc["reach"]["planned"] == 418 and doc["reach"]["reached"] == 382
    no_target = subprocess.run([str(SOCINV), "follow-up", str(SOT)], capture_output=True, text=True)
    assert no_target.returncode == 0, no_target.stderr  # every measure with a target (none) is met
    missing = subprocess.run([str(SOCINV), "follow-up", str(APPLICATIONS / "aktiv-24.json")], capture_output=True, text=True)
    assert missing.returncode == 2 and "/follow_up" in missing.stderr
