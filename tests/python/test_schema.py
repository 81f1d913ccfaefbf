"""The JSON Schemas in schema/ against the examples in examples/.

Every example application validates against schema/application.schema.json,
every example rule set against schema/rule-set.schema.json, batch.jsonl holds
exactly the example applications, and a handful of broken documents are
rejected.
"""

import copy
import json
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")
from jsonschema import Draft202012Validator, FormatChecker  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent
SCHEMA_DIR = ROOT / "schema"
APPLICATIONS_DIR = ROOT / "examples" / "applications"
RULES_DIR = ROOT / "examples" / "rules"

APPLICATION_FILES = sorted(APPLICATIONS_DIR.glob("*.json"))
RULE_FILES = sorted(RULES_DIR.glob("*.json"))


def _load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _validator(name):
    schema = _load(SCHEMA_DIR / name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def app_validator():
    return _validator("application.schema.json")


@pytest.fixture(scope="module")
def rules_validator():
    return _validator("rule-set.schema.json")


def _errors(validator, doc):
    return [e.message for e in validator.iter_errors(doc)]


def _error_paths(validator, doc):
    """The JSON paths (as tuples) that validation errors name, nested errors of anyOf/oneOf included."""
    paths = set()

    def walk(error):
        paths.add(tuple(error.absolute_path))
        for sub in error.context or ():
            walk(sub)

    for error in validator.iter_errors(doc):
        walk(error)
    return paths


def _rejected_at(validator, doc, prefix):
    """Every error names a path under `prefix` (the part of the document the test changed), and there is one."""
    paths = _error_paths(validator, doc)
    assert paths, "no validation error"
    top = {tuple(e.absolute_path) for e in validator.iter_errors(doc)}
    assert all(p[: len(prefix)] == tuple(prefix) for p in top), (prefix, sorted(top, key=str))


def _sot():
    return _load(APPLICATIONS_DIR / "sot.json")


# --- the schemas themselves --------------------------------------------------


@pytest.mark.parametrize("name", ["application.schema.json", "rule-set.schema.json", "fund.schema.json"])
def test_schema_is_valid_draft_2020_12(name):
    schema = _load(SCHEMA_DIR / name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for key in ("$id", "title", "description"):
        assert schema.get(key), key
    Draft202012Validator.check_schema(schema)


# --- examples ----------------------------------------------------------------


def test_expected_examples_exist():
    names = {p.name for p in APPLICATION_FILES}
    assert {
        "sot.json",
        "sot-extension.json",
        "varberga-oxhagen.json",
        "aktiv-24.json",
        "kalmar-esf.json",
        "for-profit-partner.json",
        "single-administration.json",
    } <= names
    rules = {p.name for p in RULE_FILES}
    assert {"gavleborg-2020.json", "cross-municipal.json"} <= rules


@pytest.mark.parametrize("path", APPLICATION_FILES, ids=lambda p: p.name)
def test_example_application_validates(app_validator, path):
    doc = _load(path)
    assert _errors(app_validator, doc) == []
    # The checks the schema cannot express, so the examples stay honest.
    assert doc["period"]["start"] <= doc["period"]["end"]
    names = [p["name"] for p in doc["parties"]]
    assert len(names) == len(set(names)), "party names must be unique"
    start_year = int(doc["period"]["start"][:4])
    end_year = int(doc["period"]["end"][:4])
    for line in doc.get("budget", []):
        assert line["party"] in names
        assert start_year <= line["year"] <= end_year
    assert doc.get("sources"), "examples say where their facts come from"
    assert doc.get("notes"), "examples say what they assume"


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_example_rule_set_validates(rules_validator, path):
    doc = _load(path)
    assert _errors(rules_validator, doc) == []
    ids = [a["id"] for a in doc["eligibility"]["alternatives"]]
    assert len(ids) == len(set(ids))
    assert doc["name"] == path.stem


def test_batch_holds_every_example_application(app_validator):
    lines = (APPLICATIONS_DIR / "batch.jsonl").read_text(encoding="utf-8").splitlines()
    batch = [json.loads(line) for line in lines if line.strip()]
    for doc in batch:
        assert _errors(app_validator, doc) == []
    by_id = {doc["id"]: doc for doc in batch}
    assert len(by_id) == len(batch), "ids in batch.jsonl are unique"
    files = {d["id"]: d for d in map(_load, APPLICATION_FILES)}
    assert by_id == files


def test_aktiv_24_budget_adds_up():
    doc = _load(APPLICATIONS_DIR / "aktiv-24.json")
    assert sum(line["amount"] for line in doc["budget"]) == 216540
    assert 162405 + sum(c["amount"] for c in doc["co_financing"]) == 216540


def test_extension_points_at_sot():
    ext = _load(APPLICATIONS_DIR / "sot-extension.json")
    assert ext["extension_of"] == _sot()["id"]


# --- money -------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount",
    [
        4100000,
        4100000.50,
        "4100000",
        "4 100 000",
        "4 100 000,50",
        "4100000.50 kr",
        "4 100 000.5 SEK",
        "0,01",
        "999",
    ],
)
def test_money_accepted(app_validator, amount):
    doc = _sot()
    doc["requested"] = amount
    assert _errors(app_validator, doc) == []


@pytest.mark.parametrize(
    "amount",
    [
        "4100000.505",  # three decimals
        "4 100 000,505 kr",  # three decimals
        "41 00 000",  # misplaced thousands separator
        "4,100,000",  # comma as thousands separator
        "4100000 kronor",  # unknown suffix
        "4100000kr",  # suffix without space
        " 4100000",
        "-100",
        "",
        "0",  # requested must be > 0
        "0,00 kr",
        0,
        -1,
        None,
        True,
    ],
)
def test_money_rejected(app_validator, amount):
    doc = _sot()
    doc["requested"] = amount
    _rejected_at(app_validator, doc, ["requested"])


def test_granted_may_be_zero(app_validator):
    doc = _sot()
    doc["decision"]["granted"] = "0 kr"
    assert _errors(app_validator, doc) == []


# --- invalid documents -------------------------------------------------------


def _mutate(fn):
    doc = _sot()
    fn(doc)
    return doc


INVALID = {
    "unknown field": lambda d: d.update(co_finacing=[]),
    "unknown party field": lambda d: d["parties"][0].update(typ="x"),
    "unknown party kind": lambda d: d["parties"][0].update(kind="company"),
    "unknown role": lambda d: d["parties"][0].update(role="owner"),
    "unknown form": lambda d: d["parties"][1].update(form="trust"),
    "three-decimal amount": lambda d: d.update(requested="4100000.505"),
    "missing period": lambda d: d.pop("period"),
    "missing period end": lambda d: d["period"].pop("end"),
    "missing parties": lambda d: d.pop("parties"),
    "empty parties": lambda d: d.update(parties=[]),
    "empty id": lambda d: d.update(id=""),
    "form on non-civil-society party": lambda d: d["parties"][0].update(form="association"),
    "bad date": lambda d: d["period"].update(start="2014-4-1"),
    "impossible date": lambda d: d["period"].update(start="2014-02-30"),
    "unknown criterion": lambda d: d["criteria"].update(cheap={"statement": "x"}),
    "unknown verdict": lambda d: d["criteria"]["innovative"]["assessment"].update(verdict="ok"),
    "unknown direction": lambda d: d["effect_measures"][0].update(direction="down"),
    "baseline as string": lambda d: d["effect_measures"][0].update(baseline="0"),
    "missing target": lambda d: d["effect_measures"][0].pop("target"),
    "negative places": lambda d: d.update(places_per_year=-1),
    "fractional places": lambda d: d.update(places_per_year=2.5),
    "decision without granted": lambda d: d["decision"].pop("granted"),
    "budget year as string": lambda d: d.update(
        budget=[{"party": "Kultivera", "year": "2014", "amount": 1}]
    ),
    "co_financing of zero": lambda d: d.update(
        co_financing=[{"funder": "ESF", "amount": 0}]
    ),
}


# The path of the error each broken document gets, and a part of its message.
INVALID_AT = {
    'bad date': (('period', 'start'), "'2014-4-1'"),
    'baseline as string': (('effect_measures', 0, 'baseline'), "'0'"),
    'budget year as string': (('budget', 0, 'year'), "'2014'"),
    'co_financing of zero': (('co_financing', 0, 'amount'), '0'),
    'decision without granted': (('decision',), "'granted' is a required property"),
    'empty id': (('id',), "''"),
    'empty parties': (('parties',), '[]'),
    'form on non-civil-society party': (('parties', 0), "'form': 'association'"),
    'fractional places': (('places_per_year',), '2.5'),
    'impossible date': (('period', 'start'), "'2014-02-30'"),
    'missing parties': ((), "'parties' is a required property"),
    'missing period': ((), "'period' is a required property"),
    'missing period end': (('period',), "'end' is a required property"),
    'missing target': (('effect_measures', 0), "'target' is a required property"),
    'negative places': (('places_per_year',), '-1'),
    'three-decimal amount': (('requested',), "'4100000.505'"),
    'unknown criterion': (('criteria',), "'cheap'"),
    'unknown direction': (('effect_measures', 0, 'direction'), "'down'"),
    'unknown field': ((), "'co_finacing'"),
    'unknown form': (('parties', 1, 'form'), "'trust'"),
    'unknown party field': (('parties', 0), "'typ'"),
    'unknown party kind': (('parties', 0, 'kind'), "'company'"),
    'unknown role': (('parties', 0, 'role'), "'owner'"),
    'unknown verdict': (('criteria', 'innovative', 'assessment', 'verdict'), "'ok'"),
}


def _rejected_with(validator, doc, path, fragment):
    """An error at exactly `path` whose message holds `fragment`."""
    errors = [(tuple(e.absolute_path), e.message) for e in validator.iter_errors(doc)]
    assert any(p == path and fragment in m for p, m in errors), errors


def test_every_broken_document_has_its_expected_error():
    assert set(INVALID_AT) == set(INVALID)
    assert set(INVALID_RULES_AT) == set(INVALID_RULES)
    assert set(INVALID_FUNDS_AT) == set(INVALID_FUNDS)


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_application_rejected(app_validator, case):
    _rejected_with(app_validator, _mutate(INVALID[case]), *INVALID_AT[case])


def test_x_fields_allowed_everywhere(app_validator):
    doc = _sot()
    doc["x-internal-ref"] = "Dnr KS 2014/0001"
    doc["period"]["x-note"] = 1
    doc["parties"][0]["x-contact"] = {"name": "N.N."}
    doc["effect_measures"][0]["x-source"] = None
    doc["criteria"]["x-checklist-version"] = 2
    doc["criteria"]["innovative"]["assessment"]["x-score"] = 4
    doc["economics"]["x-assumption"] = {"anything": [1, "two", None]}
    doc["economics"]["success_rate"]["x-source"] = "a guess"
    doc["economics"]["exclusion_cost"]["x-note"] = 1
    doc["return_transfer"]["x-dnr"] = "KS 2014/0001"
    doc["return_transfer"]["booked"][0]["x-verifikat"] = 17
    doc["savings"][0]["x-source"] = None
    assert _errors(app_validator, doc) == []


def test_form_allowed_on_civil_society_only(app_validator):
    doc = _sot()
    del doc["parties"][1]["form"]  # civil_society without form: default `other`
    assert _errors(app_validator, doc) == []
    for form in ("association", "foundation", "cooperative", "charity", "other"):
        doc["parties"][1]["form"] = form
        assert _errors(app_validator, doc) == []
    for kind in ("for_profit_company", "municipal_company", "co_financier"):
        doc["parties"][1]["kind"] = kind
        _rejected_at(app_validator, doc, ["parties", 1])


# --- invalid rule sets -------------------------------------------------------


def _orebro():
    return _load(RULES_DIR / "orebro-2013.json")


INVALID_RULES = {
    "unknown field": lambda r: r.update(max_grant=1),
    "missing eligibility": lambda r: r.pop("eligibility"),
    "missing name": lambda r: r.pop("name"),
    "no alternatives": lambda r: r["eligibility"].update(alternatives=[]),
    "unknown kind": lambda r: r["eligibility"]["alternatives"][0]["requires"][0].update(
        kinds=["administration"]
    ),
    "unknown form": lambda r: r["eligibility"]["alternatives"][1]["requires"][0].update(
        forms=["trust"]
    ),
    "unknown counted role": lambda r: r["eligibility"].update(counted_roles=["owner"]),
    "at_least zero": lambda r: r["eligibility"]["alternatives"][0]["requires"][0].update(
        at_least=0
    ),
    "description without sv": lambda r: r["eligibility"]["alternatives"][0].update(
        description={"en": "x"}
    ),
    "negative months": lambda r: r["duration"].update(min_months=-1),
    "fractional months": lambda r: r["duration"].update(max_months=36.5),
    "share above one": lambda r: r.update(max_share_of_total_cost=1.5),
    "share of zero": lambda r: r.update(max_share_of_total_cost=0),
    "grant with three decimals": lambda r: r.update(max_grant_per_year="500 000,001"),
}


INVALID_RULES_AT = {
    'at_least zero': (('eligibility', 'alternatives', 0, 'requires', 0, 'at_least'), '0'),
    'description without sv': (('eligibility', 'alternatives', 0, 'description'), "'sv' is a required property"),
    'fractional months': (('duration', 'max_months'), '36.5'),
    'grant with three decimals': (('max_grant_per_year',), "'500 000,001'"),
    'missing eligibility': ((), "'eligibility' is a required property"),
    'missing name': ((), "'name' is a required property"),
    'negative months': (('duration', 'min_months'), '-1'),
    'no alternatives': (('eligibility', 'alternatives'), '[]'),
    'share above one': (('max_share_of_total_cost',), '1.5'),
    'share of zero': (('max_share_of_total_cost',), '0'),
    'unknown counted role': (('eligibility', 'counted_roles', 0), "'owner'"),
    'unknown field': ((), "'max_grant'"),
    'unknown form': (('eligibility', 'alternatives', 1, 'requires', 0, 'forms', 0), "'trust'"),
    'unknown kind': (('eligibility', 'alternatives', 0, 'requires', 0, 'kinds', 0), "'administration'"),
}


@pytest.mark.parametrize("case", sorted(INVALID_RULES))
def test_invalid_rule_set_rejected(rules_validator, case):
    doc = _orebro()
    INVALID_RULES[case](doc)
    _rejected_with(rules_validator, doc, *INVALID_RULES_AT[case])


def test_rule_set_caps(rules_validator):
    doc = _orebro()
    for grant, share in [(500000, 0.5), ("500 000 kr", 1), (None, None)]:
        doc["max_grant_per_year"] = grant
        doc["max_share_of_total_cost"] = share
        assert _errors(rules_validator, doc) == []
    doc["duration"] = {}
    assert _errors(rules_validator, copy.deepcopy(doc)) == []


# --- the economics section ---------------------------------------------------


def _with_economics(**economics):
    doc = _sot()
    doc["economics"] = {"success_rate": 0.25, **economics}
    return doc


# Sections that the schema and the parser (socinv.load_application) both accept.
ECONOMICS_ACCEPTED = {
    "minimal": {},
    "every key": dict(
        view="society", base_year=2014, horizon_years=45, start_lag_years=0, participants_per_year=12.5,
        deadweight=0.1, attribution={"dist": "uniform", "low": 0, "high": 0.2}, displacement=0,
        drop_off={"dist": "pert", "low": 0, "mode": 0.05, "high": 0.2}, effect_years=12.5,
        cost_factor={"dist": "lognormal", "mu": 0, "sigma": 0.1}, notes="n", sources=["s"],
    ),
    "cohorts": dict(cohorts=[{"year": 2014, "participants": 10}, {"year": 2015, "participants": 0}]),
    "normal share": dict(success_rate={"dist": "normal", "mean": 0.3, "sd": 0.1}),
    "fixed as object": dict(success_rate={"dist": "fixed", "value": 0.3}),
    "discount rate": dict(discount=0.04),
    "green book": dict(discount="green_book"),
    "discount object": dict(discount={"rate": 0.05, "inflation": 0.02}),
    "discount schedule": dict(discount={"schedule": "green_book", "inflation": 0.01}),
    "discount steps": dict(discount={"steps": [{"from_year": 0, "rate": 0.04}, {"from_year": 30, "rate": 0.03}]}),
    "own items": dict(exclusion_cost={"items": [
        {"name": "assistance", "payer": "Socialförvaltningen", "level": "municipality", "nature": "transfer",
         "per_year": {"dist": "triangular", "low": 80000, "mode": 96000, "high": 110000}, "source": "local"},
    ], "age_from": 25, "age_to": 67}),
    "overrides and scale": dict(exclusion_cost={
        "overrides": {"Health care": 30000}, "scale": {"dist": "triangular", "low": 0.667, "mode": 1, "high": 1.333},
    }),
}  # fmt: skip

# Sections that both reject.
ECONOMICS_REJECTED = {
    "no success rate": {"success_rate": None},
    "unknown key": dict(succes_rate=0.5),
    "share above one": dict(success_rate=1.5),
    "unknown view": dict(view="city"),
    "unknown dist": dict(deadweight={"dist": "beta", "low": 0, "high": 1}),
    "missing parameter": dict(deadweight={"dist": "uniform", "low": 0}),
    "wrong parameter": dict(deadweight={"dist": "uniform", "low": 0, "mode": 0.5}),
    "negative sd": dict(cost_factor={"dist": "normal", "mean": 1, "sd": -1}),
    "unknown schedule": dict(discount="golden"),
    "rate of 100 %": dict(discount=1.0),
    "discount object without rate": dict(discount={"inflation": 0.02}),
    "horizon of 0": dict(horizon_years=0),
    "fractional lag": dict(start_lag_years=0.5),
    "negative participants": dict(cohorts=[{"year": 2014, "participants": -1}]),
    "cohort without year": dict(cohorts=[{"participants": 10}]),
    "effect over 100 years": dict(effect_years=101),
    "unknown nature": dict(exclusion_cost={"items": [
        {"name": "x", "payer": "y", "level": "state", "nature": "gift", "per_year": 1}]}),
    "negative cost": dict(exclusion_cost={"overrides": {"Health care": -1}}),
    "unknown exclusion key": dict(exclusion_cost={"scales": 1}),
}  # fmt: skip


def _parser_accepts(doc):
    import socinv

    try:
        socinv.load_application(doc)
    except socinv.InputError:
        return False
    return True


@pytest.mark.parametrize("case", sorted(ECONOMICS_ACCEPTED))
def test_economics_accepted(app_validator, case):
    doc = _with_economics(**ECONOMICS_ACCEPTED[case])
    assert _errors(app_validator, doc) == []
    assert _parser_accepts(doc)


@pytest.mark.parametrize("case", sorted(ECONOMICS_REJECTED))
def test_economics_rejected(app_validator, case):
    doc = _with_economics(**ECONOMICS_REJECTED[case])
    doc["economics"] = {k: v for k, v in doc["economics"].items() if v is not None}
    _rejected_at(app_validator, doc, ["economics"])
    assert not _parser_accepts(doc)



# --- the return-transfer sections --------------------------------------------------------


def _with_transfer(**terms):
    doc = _sot()
    doc["return_transfer"] = {"first_year": 2015, "last_year": 2024, **terms}
    doc["savings"] = [{"payer": "Socialförvaltningen", "year": 2015, "amount": 24000, "basis": "forecast"}]
    return doc


# Sections that the schema and the library (socinv.transfer_schedule) both accept.
TRANSFER_ACCEPTED = {
    "minimal": {},
    "every key": dict(
        share=0.5, cap="invested", lag_years=1, minimum="10 000", split="by_saving", payers=["Socialförvaltningen"],
        booked=[{"payer": "Socialförvaltningen", "year": 2016, "amount": 12000}], notes="n",
    ),
    "no cap": dict(cap=None),
    "cap none": dict(cap="none"),
    "cap amount": dict(cap="4 100 000"),
    "fixed split": dict(split=[{"payer": "Socialförvaltningen", "share": 0.25}, {"payer": "B", "share": 0.75}]),
}  # fmt: skip

# Sections that both reject.
TRANSFER_REJECTED = {
    "no first_year": dict(first_year=None),
    "unknown key": dict(shares=0.5),
    "share above one": dict(share=1.5),
    "unknown cap": dict(cap="everything"),
    "negative cap": dict(cap=-1),
    "fractional lag": dict(lag_years=0.5),
    "negative minimum": dict(minimum=-1),
    "unknown split": dict(split="by_payer"),
    "empty split": dict(split=[]),
    "split without share": dict(split=[{"payer": "Socialförvaltningen"}]),
    "booked without amount": dict(booked=[{"payer": "Socialförvaltningen", "year": 2016}]),
    "year as string": dict(last_year="2024"),
}  # fmt: skip


def _schedule_accepts(doc):
    import socinv

    try:
        socinv.transfer_schedule(doc)
    except socinv.InputError:
        return False
    return True


@pytest.mark.parametrize("case", sorted(TRANSFER_ACCEPTED))
def test_return_transfer_accepted(app_validator, case):
    doc = _with_transfer(**TRANSFER_ACCEPTED[case])
    assert _errors(app_validator, doc) == []
    assert _schedule_accepts(doc)


@pytest.mark.parametrize("case", sorted(TRANSFER_REJECTED))
def test_return_transfer_rejected(app_validator, case):
    doc = _with_transfer(**TRANSFER_REJECTED[case])
    doc["return_transfer"] = {k: v for k, v in doc["return_transfer"].items() if v is not None}
    _rejected_at(app_validator, doc, ["return_transfer"])
    assert not _schedule_accepts(doc)


SAVINGS_REJECTED = {
    "negative amount": lambda s: s.update(amount=-1),
    "unknown basis": lambda s: s.update(basis="guess"),
    "missing basis": lambda s: s.pop("basis"),
    "unknown key": lambda s: s.update(source="x"),
    "empty payer": lambda s: s.update(payer=""),
}


@pytest.mark.parametrize("case", sorted(SAVINGS_REJECTED))
def test_savings_rejected(app_validator, case):
    doc = _with_transfer()
    SAVINGS_REJECTED[case](doc["savings"][0])
    _rejected_at(app_validator, doc, ["savings", 0])
    assert not _schedule_accepts(doc)


# --- the fund file -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def fund_validator():
    from referencing import Registry, Resource

    application = _load(SCHEMA_DIR / "application.schema.json")
    schema = _load(SCHEMA_DIR / "fund.schema.json")
    Draft202012Validator.check_schema(schema)
    registry = Registry().with_resource(application["$id"], Resource.from_contents(application))
    return Draft202012Validator(schema, format_checker=FormatChecker(), registry=registry)


def _orebro_fund():
    return _load(ROOT / "examples" / "funds" / "orebro.json")


def test_example_fund_validates(fund_validator):
    doc = _orebro_fund()
    assert _errors(fund_validator, doc) == []
    doc["portfolio"][0]["application"] = _sot()  # an inline application
    assert _errors(fund_validator, doc) == []
    ledger_only = {k: doc[k] for k in ("format", "version", "fund", "entries")}
    assert _errors(fund_validator, ledger_only) == []


INVALID_FUNDS = {
    "unknown field": lambda f: f.update(ledger=[]),
    "wrong format": lambda f: f.update(format="socinv-ledger"),
    "version 2": lambda f: f.update(version=2),
    "unknown kind": lambda f: f["entries"][0].update(kind="gift"),
    "zero amount": lambda f: f["entries"][0].update(amount="0.00"),
    "bad date": lambda f: f["entries"][0].update(date="2013-6-10"),
    "grant without application": lambda f: f["entries"][1].pop("application"),
    "unknown entry field": lambda f: f["entries"][0].update(amout=1),
    "unknown status": lambda f: f["portfolio"][0].update(status="rejected"),
    "invalid inline application": lambda f: f["portfolio"][0].update(application={"id": "x"}),
    "fractional draws": lambda f: f["simulation"].update(draws=10.5),
    "unknown simulation key": lambda f: f["simulation"].update(rules=["50 %"]),
}


INVALID_FUNDS_AT = {
    'bad date': (('entries', 0, 'date'), "'2013-6-10'"),
    'fractional draws': (('simulation', 'draws'), '10.5'),
    'grant without application': (('entries', 1), "'application' is a required property"),
    'invalid inline application': (('portfolio', 0, 'application'), "{'id': 'x'}"),
    'unknown entry field': (('entries', 0), "'amout'"),
    'unknown field': ((), "is not valid under any of the given schemas"),
    'unknown kind': (('entries', 0, 'kind'), "'gift'"),
    'unknown simulation key': (('simulation',), "'rules'"),
    'unknown status': (('portfolio', 0, 'status'), "'rejected'"),
    'version 2': (('version',), '1 was expected'),
    'wrong format': (('format',), "'socinv-fund-ledger' was expected"),
    'zero amount': (('entries', 0, 'amount'), "'0.00'"),
}


@pytest.mark.parametrize("case", sorted(INVALID_FUNDS))
def test_invalid_fund_rejected(fund_validator, case):
    doc = _orebro_fund()
    INVALID_FUNDS[case](doc)
    _rejected_with(fund_validator, doc, *INVALID_FUNDS_AT[case])
