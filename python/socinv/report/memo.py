"""What the decision memo says, as data: gathered from socinv's own results, not recomputed.

:func:`memo_data` returns plain dicts and lists that the template lays out. Every figure comes
from the Python API: the :class:`~socinv.Assessment` (verdict, findings, checklist, money by
budget year), :func:`~socinv.cost_model` (point estimate, Monte Carlo, tornado),
:func:`~socinv.transfer_schedule` and :func:`~socinv.follow_up`. Amounts stay numbers
(``Decimal`` for booked money, ``float`` for model figures); the template formats them in the
memo's language. Texts of findings and evidence are the C++ library's, in that language.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Optional

from socinv.application import Application
from socinv.assessment import Assessment
from socinv.report import DEFAULT_DRAWS, DEFAULT_SEED, charts

__all__ = ["assessment_data", "memo_data"]

# How a tornado input's values are shown: a share (0–1), a number of years, a factor or an
# amount of money a year (the exclusion-cost items, "exclusion_cost: <name>").
_INPUT_FORMS = {
    "success_rate": "share",
    "deadweight": "share",
    "attribution": "share",
    "displacement": "share",
    "drop_off": "share",
    "effect_years": "years",
    "cost_factor": "factor",
    "exclusion_cost_scale": "factor",
}
_ITEM_PREFIX = "exclusion_cost: "


def _finite(x: Optional[float]) -> Optional[float]:
    return None if x is None or not math.isfinite(x) else x


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


# --- the application and its assessment -------------------------------------------------------


def _application(app: Application, counted: set[str]) -> dict[str, Any]:
    doc = app.to_dict()
    period = app.period
    decision = app.decision
    return {
        "id": app.id,
        "title": app.title,
        "municipality": app.municipality,
        "period": {"start": period.start, "end": period.end, "days": period.days, "whole_months": period.whole_months},
        "requested": app.requested,
        "total_cost": app.total_cost,
        "decision": None
        if decision is None
        else {"date": decision.date, "body": decision.body, "granted": decision.granted},
        "extension_of": app.extension_of,
        "places_per_year": app.places_per_year,
        "participants": app.participants,
        "target_group": app.target_group,
        "description": _paragraphs(doc.get("description", "")),
        "parties": [
            {"name": p.name, "kind": p.kind, "form": p.form, "role": p.role, "counted": p.name in counted}
            for p in app.parties
        ],
        "effect_measures": [
            {
                "name": m["name"],
                "unit": m.get("unit", ""),
                "baseline": m.get("baseline"),
                "target": m.get("target"),
                "direction": m.get("direction"),
            }
            for m in doc.get("effect_measures", [])
        ],
        "co_financing": [{"funder": c["funder"], "amount": Decimal(c["amount"])} for c in doc.get("co_financing", [])],
        "sources": list(doc.get("sources", [])),
    }


def assessment_data(assessment: Assessment, lang: str) -> dict[str, Any]:
    """The parts of the memo that come from the assessment alone (``_repr_html_`` shows them)."""
    d = assessment.to_dict(lang)
    alternatives = [
        {
            "id": a["id"],
            "description": a["description"],
            "met": a["met"],
            "requirements": [
                {"kinds": r["kinds"], "at_least": r["at_least"], "counted": r["counted"], "met": r["met"]}
                for r in a["requirements"]
            ],
        }
        for a in d["eligibility"]["alternatives"]
    ]
    counted = {name for a in alternatives for r in a["requirements"] for name in r["counted"]}
    findings = [
        {"severity": f["severity"], "code": f["code"], "pointer": f["pointer"], "message": f["message"]}
        for f in d["findings"]
    ]
    checklist = [
        {
            "criterion": c["criterion"],
            "title": c["title"],
            "advisory": c["advisory"],
            "verdict": c["verdict"],
            "decided_by": c["decided_by"],
            "evidence": c["evidence"],
            "statement": c["statement"],
            "comment": c["comment"],
        }
        for c in d["checklist"]
    ]
    funding = [c for c in checklist if not c["advisory"]]
    years = [
        {"year": y["year"], "days": y["days"], "amount": Decimal(y["amount"]), "source": y["source"]}
        for y in d["budget_years"]
    ]
    rules = assessment.rules_name
    return {
        "id": d["id"],
        "title": d["title"],
        "eligible": d["eligible"],
        "passes": d["passes"],
        "rules": {"name": rules, "version": d["rules"]["version"]},
        "requested": Decimal(d["requested"]),
        "whole_months": d["eligibility"]["whole_months"],
        "days": d["eligibility"]["days"],
        "alternatives": alternatives,
        "alternatives_met": [a for a in alternatives if a["met"]],
        "findings": findings,
        "errors": [f for f in findings if f["severity"] == "error"],
        "criteria": funding,
        "features": [c for c in checklist if c["advisory"]],
        "not_met": [c for c in funding if c["verdict"] == "not_met"],
        "open": [c for c in funding if c["verdict"] == "needs_information"],
        "met": [c for c in funding if c["verdict"] == "met"],
        "budget_years": years,
        "budget_total": sum((y["amount"] for y in years), Decimal("0.00")),
        "budget_source": years[0]["source"] if years else "requested_by_days",
        "application": _application(assessment.application, counted),
    }


# --- the cost model ---------------------------------------------------------------------------


def _discount(section: dict[str, Any]) -> dict[str, Any]:
    discount = section.get("discount")
    if discount is None:
        return {"kind": "default"}
    if isinstance(discount, (int, float)) and not isinstance(discount, bool):
        return {"kind": "rate", "rate": float(discount)}
    if discount == "green_book":
        return {"kind": "green_book"}
    if isinstance(discount, dict) and isinstance(discount.get("rate"), (int, float)) and "inflation" not in discount:
        return {"kind": "rate", "rate": float(discount["rate"])}
    return {"kind": "custom"}


def _input_label(name: str) -> dict[str, Any]:
    if name.startswith(_ITEM_PREFIX):
        return {"key": "exclusion_cost_item", "item": name[len(_ITEM_PREFIX):], "form": "money"}
    return {"key": name, "item": "", "form": _INPUT_FORMS.get(name, "number")}


def _economics(app: Application, draws: int, seed: int) -> Optional[dict[str, Any]]:
    from socinv.economics import cost_model

    doc = app.to_dict()
    if "economics" not in doc:
        return None
    model = cost_model(app)
    result = model.evaluate()
    by_year = result.by_year()
    flows = [
        {"year": int(year), "costs": float(row["costs"]), "savings": float(row["savings"]),
         "discount_factor": float(row["discount_factor"])}
        for year, row in by_year.iterrows()
        if row["costs"] != 0 or row["savings"] != 0
    ]  # fmt: skip
    payers = [
        {"payer": payer, "level": row["level"], "paid": float(row["pv_costs_paid"]),
         "saved": float(row["pv_savings"]), "net": float(row["net"])}
        for payer, row in result.by_payer().iterrows()
    ]  # fmt: skip
    simulation = model.simulate(draws=draws, seed=seed)
    points = (5, 10, 50, 90, 95)
    percentiles = dict(zip(points, (float(v) for v in simulation.percentile(list(points)))))
    tornado = model.tornado()
    base_npv = float(tornado.attrs["base_npv"])
    rows = [
        {
            **_input_label(str(name)),
            "name": str(name),
            "low_value": float(row["low_value"]),
            "high_value": float(row["high_value"]),
            "npv_at_low": float(row["npv_at_low"]),
            "npv_at_high": float(row["npv_at_high"]),
            "swing": float(row["swing"]),
        }
        for name, row in tornado.iterrows()
    ]
    return {
        "view": model.view,
        "base_year": model.base_year,
        "horizon_years": model.horizon_years,
        "start_lag_years": model.start_lag_years,
        "discount": _discount(doc["economics"]),
        "participants": result.participants,
        "pv_costs": result.pv_costs,
        "pv_savings": result.pv_savings,
        "npv": result.npv,
        "benefit_cost_ratio": _finite(result.benefit_cost_ratio),
        "sroi_ratio": _finite(result.sroi_ratio),
        "payback_year": result.payback_year,
        "break_even_successes": _finite(result.break_even_successes),
        "break_even_success_rate": _finite(result.break_even_success_rate),
        "value_per_success": result.value_per_success,
        "expected_successes": result.expected_successes,
        "by_payer": payers,
        "flows": flows,
        "simulation": {
            "draws": simulation.draws,
            "seed": simulation.seed,
            "probability_break_even": simulation.probability_break_even,
            "mean": simulation.mean_npv,
            "percentiles": percentiles,
            "histogram": charts.histogram(simulation.npv, percentiles),
        },
        "tornado": {
            "low": float(tornado.attrs["low"]),
            "high": float(tornado.attrs["high"]),
            "base_npv": base_npv,
            "rows": rows,
            "chart": charts.tornado(rows, base_npv),
        },
    }


# --- the return transfers ---------------------------------------------------------------------


def _transfers(app: Application) -> Optional[dict[str, Any]]:
    from socinv.transfer import transfer_schedule

    if "return_transfer" not in app.to_dict():
        return None
    schedule = transfer_schedule(app)
    agreement = schedule.agreement
    split = agreement.split
    by_payer = schedule.by_payer()
    return {
        "share": agreement.share,
        "cap": agreement.cap if agreement.cap in (None, "invested") else "amount",
        "cap_amount": schedule.cap,
        "first_year": agreement.first_year,
        "last_year": agreement.last_year,
        "lag_years": agreement.lag_years,
        "minimum": agreement.minimum,
        "split": None if isinstance(split, str) else [{"payer": p.payer, "share": p.share} for p in split],
        "payers": list(agreement.payers),
        "lines": [
            {"year": line.year, "payer": line.payer, "amount": line.amount, "kind": line.kind,
             "saving_year": line.saving_year, "basis": line.basis}
            for line in schedule.lines
        ],  # fmt: skip
        "total": schedule.total,
        "capped": schedule.capped,
        "uncapped_total": schedule.uncapped_total,
        "by_payer": [
            {"payer": payer, "booked": row["booked"], "reduction": row["reduction"], "true_up": row["true_up"],
             "total": row["total"]}
            for payer, row in by_payer.iterrows()
        ],  # fmt: skip
    }


# --- the follow-up ----------------------------------------------------------------------------


def _follow_up(app: Application, lang: str, draws: int, seed: int, has_economics: bool) -> Optional[dict[str, Any]]:
    from socinv.follow_up import follow_up

    if "follow_up" not in app.to_dict():
        return None
    f = follow_up(app)
    measures = []
    for m in f.measures:
        comparison = m.get("comparison")
        codes = m.get("warning_codes", [])
        # The library's Swedish warnings when the result carries them; else the catalogue's
        # text for each warning code (the template fills it in).
        texts = m.get(f"warnings_{lang}") if lang != "en" else m.get("warnings")
        measures.append(
            {
                "measure": m["measure"],
                "kind": m["kind"],
                "unit": m["unit"],
                "n": m["n"],
                "observed": m["observed"],
                "ci": m["ci"],
                "target": m["target"],
                "baseline": m.get("baseline"),
                "direction": m["direction"],
                "verdict": m["verdict"],
                "comparison": comparison,
                "diff_in_diff": m.get("diff_in_diff"),
                "minimum_detectable_difference": m["minimum_detectable_difference"],
                "confidence": 1 - f.alpha,
                "warnings": [{"code": code, "text": texts[i] if texts else None} for i, code in enumerate(codes)],
            }
        )
    reconciliation = f.reconciliation
    recon = None
    if reconciliation is not None:
        recon = {
            "as_of": reconciliation["as_of"],
            "savings": [
                {"payer": s["payer"], "year": s["year"], "forecast": _money(s["forecast"]),
                 "actual": _money(s["actual"]), "difference": _money(s["difference"])}
                for s in reconciliation["savings"]
            ],
            "transfers": [
                {"payer": t["payer"], "returned_so_far": Decimal(t["returned_so_far"]), "due": Decimal(t["due"]),
                 "due_forecast": Decimal(t["due_forecast"]), "true_up": Decimal(t["true_up"])}
                for t in reconciliation["transfers"]
            ],
            "returned_so_far": Decimal(reconciliation["returned_so_far"]),
            "due": Decimal(reconciliation["due"]),
            "due_forecast": Decimal(reconciliation["due_forecast"]),
            "true_up": Decimal(reconciliation["true_up"]),
        }  # fmt: skip
    evaluative = None
    if has_economics and measures and measures[0]["kind"] == "proportion":
        frame = f.evaluative(draws=draws, seed=seed)
        evaluative = {
            "measure": frame.attrs["measure"],
            "columns": {
                column: {key: _finite(float(frame.loc[key, column])) for key in frame.index}
                for column in ("forecast", "evaluative")
            },
        }
    return {
        "as_of": f.as_of,
        "confidence": 1 - f.alpha,
        "reach": f.reach,
        "measures": measures,
        "all_targets_met": f.all_targets_met,
        "has_targets": any(m["target"] is not None for m in measures),
        "reconciliation": recon,
        "evaluative": evaluative,
    }


def _money(value: Optional[str]) -> Optional[Decimal]:
    return None if value is None else Decimal(value)


# --- the whole memo ---------------------------------------------------------------------------


def memo_data(
    assessment: Assessment,
    lang: str,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> dict[str, Any]:
    """Everything the memo shows, for one assessed application."""
    from socinv import __version__

    app = assessment.application
    economics = _economics(app, draws, seed)
    return {
        "lang": lang,
        "version": __version__,
        "assessment": assessment_data(assessment, lang),
        "economics": economics,
        "transfers": _transfers(app),
        "follow_up": _follow_up(app, lang, draws, seed, economics is not None),
    }
