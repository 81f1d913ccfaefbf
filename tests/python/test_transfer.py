"""The return-transfer model: schedules (known answers, bad input), the fund ledger (balances,
refusals, save and load, tampering, a property test), the fund simulation and the CLI."""

from __future__ import annotations

import copy
import datetime
import json
import os
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import socinv

from conftest import APPLICATIONS, ROOT

FUNDS = ROOT / "examples" / "funds"
SOCINV = Path(sys.executable).parent / "socinv"

VAF = "Vuxenutbildnings- och arbetsmarknadsförvaltningen"
SOC = "Socialförvaltningen"


def D(text: str) -> Decimal:
    return Decimal(text)


def with_terms(sot: dict, savings: list, **terms) -> dict:
    """SöT (granted 4.1 MSEK, 2014-04-01 – 2017-03-31) with these terms and savings."""
    doc = copy.deepcopy(sot)
    doc["return_transfer"] = terms
    doc["savings"] = savings
    return doc


def saving(payer: str, year: int, amount, basis: str = "forecast") -> dict:
    return {"payer": payer, "year": year, "amount": amount, "basis": basis}


def amounts(schedule: socinv.TransferSchedule) -> list[tuple[int, str, Decimal, str]]:
    return [(line.year, line.payer, line.amount, line.kind) for line in schedule.lines]


# --- the SöT schedule --------------------------------------------------------------------------


def test_sot_schedule():
    schedule = socinv.transfer_schedule(APPLICATIONS / "sot.json")
    assert schedule.total == D("4100000.00")
    assert schedule.cap == D("4100000.00")
    assert schedule.capped
    assert schedule.uncapped_total == D("4581500.00")
    true_ups = [line for line in schedule.lines if line.kind == "true_up"]
    assert len(true_ups) == 1
    true_up = true_ups[0]
    assert (true_up.payer, true_up.year, true_up.saving_year, true_up.amount, true_up.basis) == (
        VAF, 2017, 2015, D("51500.00"), "actual",
    )  # fmt: skip
    booked = [line for line in schedule.lines if line.kind == "booked"]
    assert [(b.payer, b.year, b.amount) for b in booked] == [(VAF, 2016, D("180000.00"))]
    # The cap splits the last year: 2023 gets what is left of 4.1 MSEK.
    assert schedule.lines[-1].year == 2023 and schedule.lines[-1].amount == D("428500.00")
    assert sum((line.amount for line in schedule.lines), D("0")) == schedule.total


def test_sot_frames_and_dict():
    schedule = socinv.transfer_schedule(APPLICATIONS / "sot.json")
    frame = schedule.to_frame()
    assert list(frame.columns) == ["payer", "year", "amount", "kind", "saving_year", "basis"]
    assert len(frame) == len(schedule.lines)
    assert all(isinstance(a, Decimal) for a in frame["amount"])
    assert frame["amount"].sum() == D("4100000.00")
    by_payer = schedule.by_payer()
    assert by_payer.loc[VAF, "true_up"] == D("51500.00")
    assert by_payer.loc[VAF, "booked"] == D("180000.00")
    assert by_payer.loc[SOC, "total"] == D("180000.00")  # 24 000 + 60 000 + 96 000
    assert by_payer["total"].sum() == schedule.total
    by_year = schedule.by_year()
    assert by_year.loc[2017, VAF] == D("471500.00")  # 420 000 + the true-up of 51 500
    assert by_year.to_numpy().sum() == schedule.total
    d = schedule.to_dict()
    assert d["total"] == "4100000.00" and d["capped"] is True and d["cap"] == "4100000.00"
    assert d["by_payer"][SOC] == "180000.00"
    assert len(d["schedule"]) == len(schedule.lines)
    assert "true_up" in schedule._repr_html_() and "4 100 000 kr" in repr(schedule)


def test_sot_agreement():
    a = socinv.transfer_agreement(APPLICATIONS / "sot.json")
    assert a.share == 1.0 and a.share_ppm == 1_000_000
    assert a.cap == "invested"
    assert (a.first_year, a.last_year, a.lag_years) == (2015, 2024, 1)
    assert a.years == range(2015, 2025)
    assert a.minimum == D("10000.00")
    assert a.split == "by_saving"
    assert a.payers == (VAF, SOC)
    assert a == socinv.transfer_schedule(APPLICATIONS / "sot.json").agreement
    with pytest.raises(AttributeError):
        a.share = 0.5  # type: ignore[misc]
    assert "100 %" in repr(a) and "4 100 000 kr" in a._repr_html_()
    assert a.to_dict()["cap"] == "invested"


def test_an_actual_replaces_the_forecast_and_is_trued_up(sot):
    # 2016's frame was booked at 180 000 from the 2015 forecast; the actual is 231 500.
    before = socinv.transfer_schedule(sot)
    sot["savings"].append(saving(VAF, 2016, 400000, "actual"))  # forecast 420 000
    after = socinv.transfer_schedule(sot)
    line = next(l for l in after.lines if l.year == 2017 and l.payer == VAF and l.kind == "reduction")
    assert line.amount == D("400000.00") and line.basis == "actual"
    assert after.uncapped_total == before.uncapped_total - D("20000.00")
    assert after.total == D("4100000.00")  # still capped: the last year gives the difference


def test_terms_as_keyword_arguments():
    half = socinv.transfer_schedule(APPLICATIONS / "sot.json", share=0.5, cap=None)
    assert half.agreement.share == 0.5 and half.agreement.cap is None
    assert not half.capped and half.cap is None
    assert half.uncapped_total == half.total


# --- small agreements by hand ------------------------------------------------------------------


def test_half_with_a_lag_of_one_year(sot):
    doc = with_terms(
        sot,
        [saving(SOC, 2015, "100001"), saving(SOC, 2016, 50000), saving(SOC, 2017, 70000)],
        share=0.5, first_year=2016, last_year=2017, lag_years=1, payers=[SOC],
    )  # fmt: skip
    s = socinv.transfer_schedule(doc)
    # 100 001 × 0.5 = 50 000.50 in 2016; 50 000 × 0.5 in 2017; 2017's saving would return in 2018.
    assert amounts(s) == [(2016, SOC, D("50000.50"), "reduction"), (2017, SOC, D("25000.00"), "reduction")]
    assert [line.saving_year for line in s.lines] == [2015, 2016]
    assert s.total == D("75000.50") and not s.capped and s.cap is None


def test_share_rounds_down_to_the_ore(sot):
    doc = with_terms(sot, [saving(SOC, 2015, "1.00")], share=0.333333, first_year=2015, last_year=2015)
    assert socinv.transfer_schedule(doc).total == D("0.33")  # 33.3333 öre: never more than share × saving


def test_a_cap_at_an_amount_splits_the_last_year(sot):
    doc = with_terms(
        sot,
        [saving("A", 2015, 60), saving("A", 2016, 30), saving("B", 2016, 30), saving("A", 2017, 50)],
        cap="100.01", first_year=2015, last_year=2020,
    )  # fmt: skip
    s = socinv.transfer_schedule(doc)
    # 60 in 2015; 40.01 left for 2016, shared 30:30 with the odd öre to the first; nothing in 2017.
    assert amounts(s) == [
        (2015, "A", D("60.00"), "reduction"),
        (2016, "A", D("20.01"), "reduction"),
        (2016, "B", D("20.00"), "reduction"),
    ]
    assert s.capped and s.cap == D("100.01") and s.total == D("100.01")
    assert s.uncapped_total == D("170.00")
    assert s.agreement.cap == D("100.01")


def test_a_cap_that_is_not_reached(sot):
    doc = with_terms(sot, [saving("A", 2015, 60)], cap=100, first_year=2015, last_year=2020)
    s = socinv.transfer_schedule(doc)
    assert not s.capped and s.total == D("60.00") and s.cap == D("100.00")


def test_a_reduction_below_the_minimum_is_not_taken(sot):
    doc = with_terms(
        sot, [saving(SOC, 2015, "9999.99"), saving(SOC, 2016, 10000)], minimum=10000, first_year=2015, last_year=2020
    )
    s = socinv.transfer_schedule(doc)
    assert amounts(s) == [(2016, SOC, D("10000.00"), "reduction")]


def test_a_fixed_split_distributes_the_remainder(sot):
    split = [{"payer": "A", "share": 0.333333}, {"payer": "B", "share": 0.333333}, {"payer": "C", "share": 0.333334}]
    doc = with_terms(sot, [saving("A", 2015, 100)], split=split, first_year=2015, last_year=2015)
    s = socinv.transfer_schedule(doc)
    # 10 000 öre by 333 333 : 333 333 : 333 334 gives 3 333.33, 3 333.33, 3 333.34: C gets the öre.
    assert amounts(s) == [
        (2015, "A", D("33.33"), "reduction"),
        (2015, "B", D("33.33"), "reduction"),
        (2015, "C", D("33.34"), "reduction"),
    ]
    assert s.total == D("100.00")
    assert s.agreement.split == (
        socinv.PayerShare("A", 0.333333), socinv.PayerShare("B", 0.333333), socinv.PayerShare("C", 0.333334),
    )  # fmt: skip
    assert s.agreement.payers == ("A", "B", "C")  # a fixed split's payers pay


def test_over_returned_years_are_given_back(sot):
    doc = with_terms(
        sot,
        [saving(SOC, 2015, 100), saving(SOC, 2015, 80, "actual"), saving(SOC, 2016, 50)],
        first_year=2015, last_year=2020, booked=[{"payer": SOC, "year": 2015, "amount": 100}],
    )  # fmt: skip
    s = socinv.transfer_schedule(doc)
    assert amounts(s) == [
        (2015, SOC, D("100.00"), "booked"),
        (2016, SOC, D("50.00"), "reduction"),
        (2016, SOC, D("-20.00"), "true_up"),
    ]
    assert s.total == D("130.00")


def test_savings_from_the_cost_model_without_a_savings_list():
    s = socinv.transfer_schedule(APPLICATIONS / "varberga-oxhagen.json")
    savings = s.savings()
    assert len(savings) > 0 and set(savings["basis"]) == {"forecast"}
    assert set(savings["payer"]) <= set(s.agreement.payers)
    assert 0 < s.total <= D("10400000.00")
    assert all(2016 <= line.year <= 2035 for line in s.lines)


# --- bad input ---------------------------------------------------------------------------------


def _error(doc) -> socinv.InputError:
    with pytest.raises(socinv.InputError) as info:
        socinv.transfer_schedule(doc)
    assert isinstance(info.value, ValueError)
    return info.value


def test_a_negative_saving(sot):
    sot["savings"][0]["amount"] = -1
    error = _error(sot)
    assert error.pointer == "/savings/0/amount"
    assert "must not be negative" in error.message


def test_an_unknown_administration(sot):
    sot["savings"][0]["payer"] = "Kulturförvaltningen"
    error = _error(sot)
    assert error.pointer == "/savings/0/payer"
    assert "Kulturförvaltningen" in error.message


def test_shares_that_do_not_sum_to_one(sot):
    sot["return_transfer"]["split"] = [{"payer": VAF, "share": 0.5}, {"payer": SOC, "share": 0.4}]
    error = _error(sot)
    assert error.pointer == "/return_transfer/split"
    assert "not 1" in error.message


def test_last_year_before_first_year(sot):
    sot["return_transfer"]["last_year"] = 2014
    error = _error(sot)
    assert error.pointer == "/return_transfer/last_year"
    assert "before first_year 2015" in error.message


def test_a_booked_year_outside_the_agreement(sot):
    sot["return_transfer"]["booked"][0]["year"] = 2030
    error = _error(sot)
    assert error.pointer == "/return_transfer/booked/0/year"
    assert "outside" in error.message


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        (lambda d: d["return_transfer"].update(share=1.5), "/return_transfer/share"),
        (lambda d: d["return_transfer"].update(cap="everything"), "/return_transfer/cap"),
        (lambda d: d["return_transfer"].update(split="by_payer"), "/return_transfer/split"),
        (lambda d: d["return_transfer"].update(shares=1), "/return_transfer/shares"),
        (lambda d: d["savings"][0].update(basis="guess"), "/savings/0/basis"),
        (lambda d: d["savings"][0].update(year=2013), "/savings/0/year"),
        (lambda d: d["savings"].append(dict(d["savings"][0])), "/savings/13"),
        (lambda d: d.pop("return_transfer"), "/return_transfer"),
    ],
)
def test_more_bad_terms(sot, change, pointer):
    change(sot)
    assert _error(sot).pointer == pointer


def test_errors_from_a_file_name_the_file(sot, tmp_path):
    sot["savings"][0]["amount"] = -1
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(sot), encoding="utf-8")
    error = _error(path)
    assert error.source == str(path) and error.pointer == "/savings/0/amount"


# --- the ledger --------------------------------------------------------------------------------


def small_ledger() -> socinv.FundLedger:
    ledger = socinv.FundLedger(fund="Testfonden")
    ledger.append(id="1", date=datetime.date(2020, 1, 1), kind="capital", amount=1_000_000)
    ledger.append(id="2", date="2020-02-01", kind="grant", amount="400 000", application="A", decision="KS § 1")
    ledger.append(id="3", date="2020-03-01", kind="payment", amount=D("150000.00"), application="A")
    ledger.append(id="4", date="2021-12-31", kind="return", amount=20_000, application="A", note="frame 2021")
    ledger.append(id="5", date="2022-01-01", kind="top_up", amount=100_000)
    return ledger


def test_balances_by_hand():
    ledger = small_ledger()
    b = ledger.balances()
    assert b == socinv.Balances(
        capital=D("1100000.00"), committed=D("250000.00"), paid=D("150000.00"), returned=D("20000.00"),
        written_off=D("0.00"), cash=D("970000.00"), available=D("720000.00"),
    )  # fmt: skip
    assert ledger.balances_on(datetime.date(2020, 2, 15)).available == D("600000.00")
    assert ledger.balances_on("2019-12-31") == socinv.Balances(*[D("0.00")] * 7)
    # A write-off closes the grant and releases what was not paid.
    after = ledger.append(id="6", date="2022-06-30", kind="write_off", amount=50_000, application="A")
    assert (after.committed, after.written_off, after.cash, after.available) == (
        D("0.00"), D("50000.00"), D("920000.00"), D("920000.00"),
    )  # fmt: skip
    grants = ledger.grants()
    assert grants.loc["A", "granted"] == D("400000.00") and grants.loc["A", "closed"]
    assert grants.loc["A", "outstanding"] == D("0.00") and grants.loc["A", "returned"] == D("20000.00")
    assert grants.loc["A", "granted_on"] == datetime.date(2020, 2, 1)


def test_entries_and_frame():
    ledger = small_ledger()
    assert len(ledger) == 5
    first = ledger.entries[1]
    assert first == socinv.LedgerEntry("2", datetime.date(2020, 2, 1), "grant", D("400000.00"), "A", "KS § 1", None)
    frame = ledger.to_frame()
    assert list(frame.index) == ["1", "2", "3", "4", "5"]
    assert frame.loc["4", "cash"] == D("870000.00") and frame.loc["4", "note"] == "frame 2021"
    assert frame.loc["2", "available"] == D("600000.00")
    assert list(frame.columns)[:6] == ["date", "kind", "amount", "application", "decision", "note"]
    assert "Testfonden" in ledger._repr_html_() and "970 000 kr" in repr(ledger)


REFUSALS = {
    "a grant larger than available": (
        dict(id="6", date="2022-02-01", kind="grant", amount=720_000.01, application="B"), "/entries/5/amount",
        "exceeds what is available"),
    "a return for an application never granted": (
        dict(id="6", date="2022-02-01", kind="return", amount=1000, application="Z"), "/entries/5/application",
        "never granted"),
    "a duplicate id": (dict(id="3", date="2022-02-01", kind="top_up", amount=1), "/entries/5/id", "used by an earlier"),
    "an out-of-order date": (
        dict(id="6", date="2021-12-31", kind="top_up", amount=1), "/entries/5/date", "before the previous entry"),
    "a payment beyond the grant": (
        dict(id="6", date="2022-02-01", kind="payment", amount=250_000.01, application="A"), "/entries/5/amount",
        "exceeds what is left of the grant"),
    "a second capital": (dict(id="6", date="2022-02-01", kind="capital", amount=1), "/entries/5/kind", "comes first"),
    "an unknown kind": (
        dict(id="6", date="2022-02-01", kind="gift", amount=1), "/entries/5/kind", "unknown entry kind"),
    "a zero amount": (dict(id="6", date="2022-02-01", kind="top_up", amount=0), "/entries/5/amount", "positive"),
    "three decimals": (dict(id="6", date="2022-02-01", kind="top_up", amount="1.001"), "/entries/5/amount", ""),
    "an impossible date": (dict(id="6", date="2022-02-30", kind="top_up", amount=1), "/entries/5/date", ""),
    "a grant without an application": (
        dict(id="6", date="2022-02-01", kind="grant", amount=1), "/entries/5/application", "names its application"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refused_entries_leave_the_ledger_unchanged(case):
    entry, pointer, words = REFUSALS[case]
    ledger = small_ledger()
    before = ledger.to_json()
    with pytest.raises(socinv.InputError) as info:
        ledger.append(**entry)
    assert info.value.pointer == pointer
    assert words in info.value.message
    assert ledger.to_json() == before and len(ledger) == 5
    ledger.append(id="6", date="2022-02-01", kind="top_up", amount=1)  # and it still takes good entries
    assert len(ledger) == 6


def test_save_and_load(tmp_path):
    ledger = small_ledger()
    path = tmp_path / "ledger.json"
    ledger.save(path)
    loaded = socinv.FundLedger.load(path)
    assert loaded == ledger
    assert loaded.balances() == ledger.balances() and loaded.entries == ledger.entries
    assert loaded.to_dict() == ledger.to_dict() == json.loads(path.read_text(encoding="utf-8"))
    assert os.listdir(tmp_path) == ["ledger.json"]  # no temporary file left behind
    # Saving again replaces the file whole.
    ledger.append(id="6", date="2022-02-01", kind="top_up", amount=1)
    ledger.save(str(path))
    assert socinv.FundLedger.load(path) == ledger != loaded
    assert socinv.FundLedger.load(ledger.to_dict()) == ledger
    import pickle

    assert pickle.loads(pickle.dumps(ledger)) == ledger
    copy_ = ledger.copy()
    copy_.append(id="7", date="2022-02-01", kind="top_up", amount=1)
    assert len(ledger) == 6 and len(copy_) == 7


def test_save_to_a_missing_directory_is_an_oserror(tmp_path):
    with pytest.raises(OSError):
        small_ledger().save(tmp_path / "no" / "such" / "dir" / "ledger.json")


def test_a_tampered_file_is_refused_with_the_entry(tmp_path):
    doc = small_ledger().to_dict()
    doc["entries"][2]["amount"] = "160000.00"  # the payment, without fixing cash_after
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(socinv.InputError) as info:
        socinv.FundLedger.load(path)
    assert info.value.pointer == "/entries/2/cash_after"
    assert info.value.source == str(path)
    # A change the replay itself refuses names the field.
    doc = small_ledger().to_dict()
    doc["entries"][1]["amount"] = "2000000.00"
    with pytest.raises(socinv.InputError) as info:
        socinv.FundLedger.load(doc)
    assert info.value.pointer == "/entries/1/amount"


@pytest.mark.parametrize("seed", range(5))
def test_random_ledgers_balance_after_every_entry(seed):
    rng = random.Random(seed)
    ledger = socinv.FundLedger(fund=f"random {seed}")
    ledger.append(id="c", date="2020-01-01", kind="capital", amount=rng.randint(1, 10_000_000))
    day = datetime.date(2020, 1, 1)
    applications = [f"app-{i}" for i in range(6)]
    refused = 0
    for i in range(300):
        day += datetime.timedelta(days=rng.choice([0, 0, 1, 7]))
        kind = rng.choice(["top_up", "grant", "grant", "payment", "payment", "return", "write_off"])
        amount = D(rng.randint(1, 300_000_000)) / 100
        entry = dict(id=f"e{i}", date=day, kind=kind, amount=amount)
        if kind != "top_up":
            entry["application"] = rng.choice(applications)
        before = ledger.to_json()
        try:
            ledger.append(**entry)
        except socinv.InputError as error:
            refused += 1
            # The entry's field, or the whole entry when only the final balance check catches it
            # (a write-off that would leave less cash than is committed).
            assert error.pointer == f"/entries/{len(ledger)}" or error.pointer.startswith(f"/entries/{len(ledger)}/")
            assert ledger.to_json() == before
    assert 20 < len(ledger) and refused > 0
    for b in ledger.history():
        assert b.cash == b.capital + b.returned - b.paid - b.written_off
        assert b.available == b.cash - b.committed
        assert min(b.cash, b.committed, b.available) >= 0
    assert socinv.FundLedger.load(ledger.to_json()) == ledger


# --- the fund ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fund() -> socinv.Fund:
    return socinv.load_fund(FUNDS / "orebro.json")


@pytest.fixture(scope="module")
def simulation(fund) -> socinv.FundSimulation:
    return fund.simulate(draws=300, seed=7)


def test_the_orebro_fund(fund):
    assert len(fund.ledger) == 14
    b = fund.ledger.balances()
    assert b.capital == D("80000000.00") and b.returned == D("735500.00")
    assert b.committed == D("0.00")  # both grants are paid in full
    assert [a.id for a in fund.applications] == ["orebro-2014-sot", "orebro-2014-varberga-oxhagen"]
    assert fund.statuses == ["granted", "granted"]
    assert (fund.start_year, fund.horizon_years, fund.draws, fund.seed) == (2014, 20, 10_000, 1)
    assert fund.min_grant == 1_000_000
    portfolio = fund.portfolio()
    assert portfolio.loc["orebro-2014-sot", "invested"] == D("4100000.00")
    assert set(fund.schedules()) == set(portfolio.index)
    assert "Portfolio" in fund._repr_html_()


def test_the_simulation_compares_five_rules(simulation):
    assert simulation.rules == ["agreement", "100 %", "50 %", "capped at investment", "no return"]
    summary = simulation.summary()
    assert list(summary.index) == simulation.rules
    assert list(summary.columns) == [
        "mean_returns", "mean_end_balance", "probability_exhausted", "median_years_to_exhaustion",
    ]  # fmt: skip
    assert summary.loc["no return", "mean_returns"] == 0
    assert summary.loc["100 %", "mean_returns"] > summary.loc["50 %", "mean_returns"] > 0
    assert summary.loc["capped at investment", "mean_returns"] <= summary.loc["100 %", "mean_returns"]
    # Without returns the balance is the capital less the payments, in every draw.
    bands = simulation.balance_bands("no return")
    payments = 4_100_000 + 10_400_000
    assert bands["p5"].iloc[-1] == pytest.approx(80_000_000 - payments)
    assert bands["p95"].iloc[-1] == pytest.approx(80_000_000 - payments)
    paid = simulation.paid_back()
    assert list(paid.columns) == simulation.investments
    assert (paid.loc["no return"] == 0).all()
    assert ((paid >= 0) & (paid <= 1)).all().all()
    reductions = simulation.reductions("no return")
    assert (reductions.to_numpy() == 0).all()


def test_bands_and_reductions(simulation):
    bands = simulation.balance_bands()
    assert bands.attrs["rule"] == "agreement"
    assert list(bands.columns) == ["p5", "p25", "p50", "p75", "p95", "mean"]
    assert list(bands.index) == list(range(2014, 2034))
    assert (bands["p5"] <= bands["p50"]).all() and (bands["p50"] <= bands["p95"]).all()
    reductions = simulation.reductions("agreement")
    assert set(reductions.columns) <= {VAF, SOC, "Förvaltningen förskola och skola"}
    assert reductions.to_numpy().sum() == pytest.approx(simulation.summary().loc["agreement", "mean_returns"])
    with pytest.raises(KeyError, match="no return rule"):
        simulation.balance_bands("everything")


def test_same_seed_same_result(fund, simulation):
    again = fund.simulate(draws=300, seed=7)
    assert again.summary().equals(simulation.summary())
    assert again.balance_bands().equals(simulation.balance_bands())
    assert again.to_dict() == simulation.to_dict()
    other = fund.simulate(draws=300, seed=8)
    assert not other.balance_bands().equals(simulation.balance_bands())


def test_the_result_does_not_depend_on_the_threads(fund):
    # 12 blocks of 256 draws: the sums must not depend on which thread finishes first.
    one = fund.simulate(draws=3_000, seed=3, threads=1).to_dict()
    for _ in range(3):
        assert fund.simulate(draws=3_000, seed=3, threads=2).to_dict() == one


def test_custom_rules(fund):
    sim = fund.simulate(
        draws=100, seed=1, threads=1,
        rules=["agreement", socinv.ReturnRule("a quarter", share=0.25), {"name": "none", "share": 0}],
    )  # fmt: skip
    assert sim.rules == ["agreement", "a quarter", "none"]
    assert sim.summary().loc["none", "mean_returns"] == 0
    with pytest.raises(ValueError, match="share"):
        socinv.ReturnRule("too much", share=1.5)
    with pytest.raises(ValueError, match="unknown return rule"):
        fund.simulate(draws=10, rules=["everything"])
    with pytest.raises(ValueError, match="different names"):
        fund.simulate(draws=10, rules=["50 %", "50 %"])
    with pytest.raises(ValueError, match="draws"):
        fund.simulate(draws=0)


def tampered_fund(tmp_path: Path, with_cash_after: bool) -> Path:
    """The Örebro fund with one payment 1 öre larger; portfolio paths made absolute."""
    doc = json.loads((FUNDS / "orebro.json").read_text(encoding="utf-8"))
    if with_cash_after:  # as save_ledger writes it
        doc["entries"] = socinv.FundLedger.load(FUNDS / "orebro.json").to_dict()["entries"]
    for item in doc["portfolio"]:
        item["application"] = str((FUNDS / item["application"]).resolve())
    doc["entries"][4]["amount"] = "578832.13"
    path = tmp_path / "fund.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_tampered_fund_file_is_refused(tmp_path):
    path = tampered_fund(tmp_path, with_cash_after=True)
    with pytest.raises(socinv.InputError) as info:
        socinv.load_fund(path)
    assert info.value.pointer == "/entries/4/cash_after" and info.value.source == str(path)
    # Without cash_after the replay still catches it: the grant's last payment no longer fits.
    path = tampered_fund(tmp_path, with_cash_after=False)
    with pytest.raises(socinv.InputError) as info:
        socinv.load_fund(path)
    assert info.value.pointer == "/entries/12/amount"
    assert "exceeds what is left of the grant" in info.value.message
    with pytest.raises(FileNotFoundError):
        socinv.load_fund(tmp_path / "missing.json")


def test_plots(simulation):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    schedule = socinv.transfer_schedule(APPLICATIONS / "sot.json")
    ax = schedule.plot()
    assert isinstance(ax, matplotlib.axes.Axes)
    assert len(ax.patches) == 2 * len(schedule.by_year())  # a bar per administration and year
    ax = simulation.plot_balance()
    assert [line.get_label() for line in ax.get_lines()][:5] == simulation.rules
    ax = simulation.plot_balance(rules=["50 %"])
    assert [line.get_label() for line in ax.get_lines()][0] == "50 %"
    ax = simulation.plot_reductions()
    assert len(ax.patches) == len(simulation.years) * len(simulation.reductions().columns)
    assert "P(exhausted)" in simulation._repr_html_()
    plt.close("all")


# --- the command line --------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SOCINV), *args], capture_output=True, text=True, encoding="utf-8", timeout=120, check=False
    )


def test_cli_transfers_json_equals_the_python_api():
    result = run("transfers", str(APPLICATIONS / "sot.json"), "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["total"] == "4100000.00"
    assert {"payer", "year", "amount", "kind", "saving_year", "basis"} <= set(doc["schedule"][0])
    assert doc == socinv.transfer_schedule(APPLICATIONS / "sot.json").to_dict()


def test_cli_fund_simulate():
    result = run("fund", str(FUNDS / "orebro.json"), "--simulate", "--draws", "500", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["balances"]["capital"] == "80000000.00"
    assert doc["simulation"]["draws"] == 500
    assert [o["rule"] for o in doc["simulation"]["outcomes"]] == [r.name for r in socinv.STANDARD_RULES]
    fund = socinv.load_fund(FUNDS / "orebro.json")
    assert doc["simulation"] == fund.simulate(draws=500).to_dict()


def test_cli_refuses_a_tampered_fund_file(tmp_path):
    path = tampered_fund(tmp_path, with_cash_after=True)
    result = run("fund", str(path))
    assert result.returncode == 2
    assert "/entries/4/cash_after" in result.stderr and str(path) in result.stderr
    assert result.stdout == ""
    assert run("fund", str(tampered_fund(tmp_path, with_cash_after=False)), "--simulate").returncode == 2
