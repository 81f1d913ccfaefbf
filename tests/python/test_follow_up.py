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


def test_cli_exit_codes_and_json():
    ok = subprocess.run([str(SOCINV), "follow-up", str(KALMAR), "--format", "json"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    doc = json.loads(ok.stdout)
    assert doc["id"] == "kalmar-lan-2017-esf" and doc["measures"][0]["verdict"] == "met"
    assert doc["reach"]["planned"] == 418 and doc["reach"]["reached"] == 382
    no_target = subprocess.run([str(SOCINV), "follow-up", str(SOT)], capture_output=True, text=True)
    assert no_target.returncode == 1
    missing = subprocess.run([str(SOCINV), "follow-up", str(APPLICATIONS / "aktiv-24.json")], capture_output=True, text=True)
    assert missing.returncode == 2 and "/follow_up" in missing.stderr
