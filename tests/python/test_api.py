"""The public API on the example applications: verdicts, findings, checklist, tables, display."""

from __future__ import annotations

import ast
import datetime
import difflib
import json
import os
import pickle
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import socinv
from socinv import _core

from conftest import APPLICATIONS, RULES

FUNDING_CRITERIA = [
    "collaborative",
    "innovative",
    "measurable",
    "reduced_future_resource_needs",
    "not_budget_supplement",
]
ADVISORY = ["evidence_base", "built_to_scale", "evaluation_plan", "return_transfer_agreement"]


def codes(result: socinv.Assessment, severity: str | None = None) -> list[str]:
    return [f.code for f in result.findings if severity is None or f.severity == severity]


def met_rules(result: socinv.Assessment) -> list[str]:
    return [a.id for a in result.alternatives if a.met]


# --- the cases of DOMAIN.md ------------------------------------------------------------------


def test_sot_is_eligible_under_rule_b():
    result = socinv.assess(APPLICATIONS / "sot.json")
    assert result.eligible and result.passes
    assert result.id == "orebro-2014-sot"
    assert result.rules_name == "orebro-2013"
    assert met_rules(result) == ["B"]
    rule_b = next(a for a in result.alternatives if a.id == "B")
    counted = {name for r in rule_b.requirements for name in r.counted}
    assert counted == {"Kultivera", "Vuxenutbildnings- och arbetsmarknadsförvaltningen"}
    assert codes(result, "error") == []
    assert "eligibility_rule_met" in codes(result)


def test_varberga_is_eligible_under_rule_a():
    result = socinv.assess(APPLICATIONS / "varberga-oxhagen.json")
    assert result.eligible
    assert met_rules(result) == ["A"]
    # The orchestra and the music college are partners: they do not count.
    rule_a = next(a for a in result.alternatives if a.id == "A")
    assert all("Kammarorkestern" not in name for r in rule_a.requirements for name in r.counted)


def test_aktiv_24_is_too_short():
    result = socinv.assess(APPLICATIONS / "aktiv-24.json")
    assert not result.eligible and not result.passes
    too_short = [f for f in result.findings if f.code == "period_too_short"]
    assert len(too_short) == 1
    finding = too_short[0]
    assert finding.severity == "error"
    assert finding.pointer == "/period"
    assert "2008-11-03" in finding.value
    assert "shorter than the minimum of 12 months" in finding.message
    assert finding.message == finding.message_en
    assert "kortare" in finding.message_sv
    assert result.whole_months == 5


def test_for_profit_partner_does_not_count():
    doc = json.loads((APPLICATIONS / "for-profit-partner.json").read_text(encoding="utf-8"))
    company = next(i for i, p in enumerate(doc["parties"]) if p["kind"] == "for_profit_company")
    result = socinv.assess(doc)
    assert not result.eligible
    not_counted = [f for f in result.findings if f.code == "party_kind_not_counted"]
    assert [f.pointer for f in not_counted] == [f"/parties/{company}/kind"]
    assert not_counted[0].value == '"for_profit_company"'
    assert "no_eligibility_rule_met" in codes(result, "error")


def test_single_administration_is_not_eligible():
    result = socinv.assess(APPLICATIONS / "single-administration.json")
    assert not result.eligible
    assert met_rules(result) == []
    assert "no_eligibility_rule_met" in codes(result, "error")
    collaborative = next(c for c in result.checklist if c.criterion == "collaborative")
    assert collaborative.verdict == "not_met" and collaborative.decided_by == "data"


def test_kalmar_needs_other_rules():
    kalmar = APPLICATIONS / "kalmar-esf.json"
    assert not socinv.assess(kalmar).eligible
    custom = socinv.assess(kalmar, RULES / "cross-municipal.json")
    assert custom.eligible
    assert custom.rules_name == "cross-municipal"
    assert "A" in met_rules(custom)


def test_kalmar_under_a_rule_set_built_from_a_dict():
    rules = {
        "name": "two-municipalities",
        "version": "1",
        "eligibility": {
            "alternatives": [{"id": "M", "requires": [{"kinds": ["municipality"], "at_least": 2}]}],
        },
        "duration": {"min_months": 12, "max_months": 48},
    }
    result = socinv.assess(APPLICATIONS / "kalmar-esf.json", rules)
    assert result.eligible and met_rules(result) == ["M"]
    rules["eligibility"]["alternatives"][0]["requires"][0]["at_least"] = 3
    assert not socinv.assess(APPLICATIONS / "kalmar-esf.json", rules).eligible


def test_extension_is_judged_on_its_own():
    result = socinv.assess(APPLICATIONS / "sot-extension.json")
    assert "extension_judged_separately" in codes(result)


# --- the checklist ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.stem for p in APPLICATIONS.glob("*.json")))
def test_checklist_has_nine_items_in_order(name):
    checklist = socinv.assess(APPLICATIONS / f"{name}.json").checklist
    assert [c.criterion for c in checklist] == FUNDING_CRITERIA + ADVISORY
    assert [c.advisory for c in checklist] == [False] * 5 + [True] * 4
    assert all(c.verdict in {"met", "not_met", "needs_information"} for c in checklist)


@pytest.mark.parametrize("path", sorted(APPLICATIONS.glob("*.json")), ids=lambda p: p.stem)
def test_innovative_is_never_met_without_an_evaluator(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.get("criteria", {}).get("innovative", {}).pop("assessment", None)
    innovative = next(c for c in socinv.assess(doc).checklist if c.criterion == "innovative")
    assert innovative.verdict == "needs_information"
    assert innovative.decided_by == "nobody"


def test_evaluator_verdict_is_recorded(sot):
    innovative = next(c for c in socinv.assess(sot).checklist if c.criterion == "innovative")
    assert innovative.verdict == "met"
    assert innovative.decided_by == "evaluator"
    assert innovative.comment.startswith("Ingen utvärderares bedömning")
    assert any("kommunstyrelsen" in e for e in innovative.evidence)
    sot["criteria"]["innovative"]["assessment"]["verdict"] = "not_met"
    result = socinv.assess(sot)
    assert result.eligible and not result.passes


def test_evaluator_disagreeing_with_the_data_is_a_warning(sot):
    sot["criteria"]["collaborative"]["assessment"] = {"verdict": "not_met"}
    result = socinv.assess(sot)
    warning = next(f for f in result.findings if f.code == "evaluator_verdict_differs_from_data")
    assert warning.severity == "warning"
    assert warning.pointer == "/criteria/collaborative/assessment/verdict"


# --- options ---------------------------------------------------------------------------------


def test_fund_available(sot):
    assert socinv.assess(sot, fund_available=Decimal("4100000")).eligible
    assert socinv.assess(sot, fund_available="5 000 000 kr").eligible
    short = socinv.assess(sot, fund_available=1_000_000)
    assert not short.eligible
    finding = next(f for f in short.findings if f.code == "requested_exceeds_fund")
    assert finding.pointer == "/requested" and finding.severity == "error"
    with pytest.raises(ValueError, match="negative"):
        socinv.assess(sot, fund_available=-1)
    with pytest.raises(socinv.InputError):
        socinv.assess(sot, fund_available="four million")
    with pytest.raises(TypeError):
        socinv.assess(sot, fund_available=True)


def test_assess_accepts_every_kind_of_source(sot, examples):
    path = examples["sot"]
    expected = socinv.assess(path).to_dict()
    for source in [path, str(path), sot, json.dumps(sot), json.dumps(sot).encode(), socinv.load_application(sot)]:
        assert socinv.assess(source).to_dict() == expected
    with pytest.raises(TypeError):
        socinv.assess(42)


def test_dicts_may_hold_dates_and_decimals(sot):
    sot["period"] = {"start": datetime.date(2014, 4, 1), "end": datetime.date(2017, 3, 31)}
    sot["requested"] = Decimal("4100000.50")
    app = socinv.load_application(sot)
    assert app.period == socinv.Period(datetime.date(2014, 4, 1), datetime.date(2017, 3, 31))
    assert app.requested == Decimal("4100000.50")


def test_swedish_texts(sot):
    result = socinv.assess(sot)
    assert "BEHÖRIG" in result.report(lang="sv")
    assert "ELIGIBLE" in result.report()
    sv = result.to_dict(lang="sv")
    assert sv["checklist"][0]["title"] == "Samverkande mellan olika aktörer"
    assert all(f.message == f.message_sv for f in result.findings_in("sv"))
    assert result.to_frame(lang="sv").loc["collaborative", "title"] == "Samverkande mellan olika aktörer"
    with pytest.raises(ValueError, match="lang"):
        result.to_dict(lang="de")


# --- the application -------------------------------------------------------------------------


def test_application_fields(examples):
    app = socinv.load_application(examples["sot"])
    assert app.id == "orebro-2014-sot"
    assert app.title == "Samverkan för teckenspråkiga, SöT"
    assert app.period.start == datetime.date(2014, 4, 1)
    assert app.period.end == datetime.date(2017, 3, 31)
    assert app.requested == Decimal("4100000.00")
    assert isinstance(app.requested, Decimal)
    assert app.parties[1] == socinv.Party("Kultivera", "civil_society", "co_applicant", "foundation")
    assert app.parties[0].form is None
    assert app.decision == socinv.Decision(datetime.date(2014, 3, 18), "kommunstyrelsen", Decimal("4100000.00"))
    assert app.places_per_year == 10
    assert app.extension_of is None
    assert socinv.load_application(examples["sot-extension"]).extension_of == "orebro-2014-sot"


def test_aktiv_24_money(examples):
    app = socinv.load_application(examples["aktiv-24"])
    assert app.requested == Decimal("162405.00")
    assert app.total_cost == Decimal("216540.00")


@pytest.mark.parametrize("path", sorted(APPLICATIONS.glob("*.json")), ids=lambda p: p.stem)
def test_to_dict_round_trips(path):
    app = socinv.load_application(path)
    again = socinv.load_application(app.to_dict())
    assert again.to_dict() == app.to_dict()
    assert json.loads(app.to_json(indent=2)) == app.to_dict()


def test_x_fields_are_kept(examples):
    doc = socinv.load_application(examples["aktiv-24"]).to_dict()
    assert doc["x-esf"]["projektfas"] == "Förprojektering"


def test_load_application_returns_an_application_unchanged(examples):
    app = socinv.load_application(examples["sot"])
    assert socinv.load_application(app) is app


# --- results as tables and for display -------------------------------------------------------


def test_to_dict_is_the_cli_json(sot):
    d = socinv.assess(sot).to_dict()
    assert {"id", "title", "rules", "eligible", "passes", "requested", "eligibility", "findings", "checklist",
            "budget_years"} <= set(d)
    assert d["rules"] == {"name": "orebro-2013", "version": "2013-06-10"}
    assert d["requested"] == "4100000.00"


def test_to_frame(sot):
    frame = socinv.assess(sot).to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.index) == FUNDING_CRITERIA + ADVISORY
    assert frame.index.name == "criterion"
    assert list(frame.columns) == ["title", "advisory", "verdict", "decided_by", "evidence", "statement", "comment"]
    assert frame.loc["innovative", "verdict"] == "met"
    assert frame.loc["evidence_base", "verdict"] == "needs_information"
    assert frame.loc["evidence_base", "decided_by"] == "nobody"


def test_findings_frame(examples):
    frame = socinv.assess(examples["aktiv-24"]).findings_frame()
    assert list(frame.columns) == ["code", "severity", "pointer", "value", "message"]
    assert "period_too_short" in set(frame["code"])
    assert len(frame) == len(socinv.assess(examples["aktiv-24"]).findings)


def test_budget_years_add_up(examples):
    for path in examples.values():
        result = socinv.assess(path)
        years = result.budget_years
        assert [y.year for y in years] == list(range(years[0].year, years[-1].year + 1))
        assert sum(y.days for y in years) == result.days
        if years[0].source == "requested_by_days":
            assert sum(y.amount for y in years) == result.requested
    sot = socinv.assess(examples["sot"])
    assert [(y.year, y.days) for y in sot.budget_years] == [(2014, 275), (2015, 365), (2016, 366), (2017, 90)]
    frame = sot.budget_frame()
    assert list(frame.index) == [2014, 2015, 2016, 2017]
    assert sum(frame["amount"]) == Decimal("4100000.00")


def test_summary_frame(examples):
    results = [socinv.assess(p) for p in examples.values()]
    frame = socinv.summary_frame(results)
    assert list(frame.index) == [r.id for r in results]
    assert frame.loc["orebro-2014-sot", "rules_met"] == "B"
    assert bool(frame.loc["orebro-2014-sot", "eligible"])
    assert "period_too_short" in frame.loc["umea-2008-aktiv-24", "errors"]


def test_repr_html(sot):
    sot["title"] = "<script>alert(1)</script> & co"
    result = socinv.assess(sot)
    html = result._repr_html_()
    assert "ELIGIBLE" in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    for item in result.checklist:
        assert item.title in html
    assert "eligibility_rule_met" in html
    assert "<table" in result.application._repr_html_()
    assert "orebro-2013" in socinv.load_rules()._repr_html_()
    assert "not eligible" in repr(socinv.assess(APPLICATIONS / "aktiv-24.json"))


# --- rule sets -------------------------------------------------------------------------------


def test_rule_sets():
    builtin = socinv.builtin_rule_sets()
    assert builtin[0].name == socinv.DEFAULT_RULES == "orebro-2013"
    orebro = socinv.load_rules()
    assert orebro.name == "orebro-2013" and orebro.version == "2013-06-10"
    assert (orebro.min_months, orebro.max_months) == (12, 36)
    from_file = socinv.load_rules(RULES / "orebro-2013.json")
    assert from_file.to_dict() == orebro.to_dict()
    assert socinv.load_rules(orebro.to_dict()).to_dict() == orebro.to_dict()
    assert socinv.load_rules(orebro.to_json()).to_dict() == orebro.to_dict()
    assert socinv.load_rules(orebro) is orebro
    custom = socinv.load_rules(str(RULES / "cross-municipal.json"))
    assert [a["id"] for a in custom.to_dict()["eligibility"]["alternatives"]] == ["A", "B", "C"]


def test_gavleborg_caps_per_year_and_share():
    # 500 000 kr a year at most: SöT asks for about 1.37 MSEK a year.
    result = socinv.assess(APPLICATIONS / "sot.json", RULES / "gavleborg-2020.json")
    assert "grant_per_year_exceeds_max" in codes(result, "error")


# --- periods ---------------------------------------------------------------------------------


def test_period():
    p = socinv.Period(datetime.date(2014, 4, 1), "2017-03-31")
    assert (p.start, p.end) == (datetime.date(2014, 4, 1), datetime.date(2017, 3, 31))
    assert (p.days, p.whole_months) == (1096, 36)
    assert p.budget_years() == [(2014, 275), (2015, 365), (2016, 366), (2017, 90)]
    assert p.contains(datetime.date(2016, 2, 29)) and not p.contains("2017-04-01")
    assert p.lasts_at_least_months(36) and not p.lasts_at_least_months(37)
    assert str(p) == "2014-04-01 – 2017-03-31"
    assert pickle.loads(pickle.dumps(p)) == p
    assert hash(p) == hash(socinv.Period("2014-04-01", "2017-03-31"))
    assert socinv.Period("2008-11-03", "2009-04-30").whole_months == 5
    with pytest.raises(TypeError):
        socinv.Period(datetime.datetime(2014, 4, 1), "2017-03-31")


# --- the package -----------------------------------------------------------------------------


def test_all_is_explicit_and_complete():
    for name in socinv.__all__:
        assert hasattr(socinv, name), name
    public = {n for n in vars(socinv) if not n.startswith("_")}
    modules = {"application", "assessment", "cashflow", "cli", "compat", "dask", "economics", "errors", "follow_up", "fund", "ledger", "ledger_store", "money", "outcomes", "rules", "transfer"}
    assert public - modules - {"annotations"} <= set(socinv.__all__)
    assert socinv.__version__ == "0.1.0"


def test_stubs_are_generated_from_the_compiled_module(tmp_path):
    # The committed stubs are pybind11-stubgen's output for the installed module, signatures
    # and docstrings included: a changed binding fails here until the stubs are regenerated.
    package = Path(socinv.__file__).parent
    assert (package / "py.typed").is_file()
    root = Path(__file__).resolve().parents[2]
    committed = root / "python" / "socinv" / "_core.pyi"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(package.parent), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, str(root / "scripts" / "generate_stubs.py"), "--output", str(tmp_path)],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    generated = (tmp_path / "_core.pyi").read_text(encoding="utf-8")
    expected = committed.read_text(encoding="utf-8")
    if generated != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), generated.splitlines(keepends=True),
                "python/socinv/_core.pyi (committed)", "generated from the installed socinv._core",
            )  # fmt: skip
        )
        pytest.fail(
            "python/socinv/_core.pyi is out of date with the compiled module: run "
            "`make stubs` (python scripts/generate_stubs.py) and commit the file.\n" + diff[:20_000]
        )
    # What the stubs declare is what the module binds.
    stub = ast.parse(expected)
    stubbed = {n.name for n in stub.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    stubbed |= {n.target.id for n in stub.body if isinstance(n, ast.AnnAssign)}
    assert {n for n in dir(_core) if not n.startswith("__")} <= stubbed


def test_forwarded_attributes_read_the_core_and_refuse_assignment():
    from socinv._wrap import forward

    result = socinv.cost_model(APPLICATIONS / "sot.json").evaluate()
    assert result.npv == result._core.npv and isinstance(result.npv, float)
    assert isinstance(socinv.EconomicResult.__dict__["npv"], forward)
    assert socinv.EconomicResult.benefit_cost_ratio.__doc__ == "pv_savings / pv_costs (NaN without costs)."
    with pytest.raises(AttributeError, match="npv"):
        result.npv = 0.0
    with pytest.raises(AttributeError, match="npv"):
        del result.npv
    # help() lists them with their docstrings, as it does properties.
    import pydoc

    text = pydoc.render_doc(socinv.EconomicResult, renderer=pydoc.plaintext)
    assert "benefit_cost_ratio\n |      pv_savings / pv_costs (NaN without costs)." in text
    rules = socinv.load_rules()
    assert (rules.min_months, rules.max_months) == (
        rules.to_dict()["duration"].get("min_months"), rules.to_dict()["duration"].get("max_months"),
    )  # fmt: skip


def test_no_core_result_is_parsed_from_json_text_in_python():
    package = Path(socinv.__file__).parent
    for path in package.glob("*.py"):
        assert "json.loads" not in path.read_text(encoding="utf-8"), path.name
