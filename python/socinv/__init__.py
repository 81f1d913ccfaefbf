"""socinv: evaluate Swedish municipal social investments.

Load applications (docs/application-format.md), judge them against an eligibility rule
set (Örebro 2013 by default, or your own) and fill in the funding-criteria checklist::

    import socinv

    result = socinv.assess("examples/applications/sot.json")
    result.eligible            # True
    result.to_frame()          # the checklist as a pandas DataFrame
    result                     # in a notebook: verdict, rules, checklist and findings

    results = socinv.assess_many("examples/applications/batch.jsonl")  # in C++, on all cores
    socinv.summary_frame(results)

Evaluate the cost model in an application's ``economics`` section (docs/economics.md)::

    model = socinv.cost_model("examples/applications/sot.json")
    model.evaluate().by_payer()                  # who pays, who saves
    model.simulate(draws=10_000).probability_break_even

Return transfers (docs/return-transfers.md): the budget-frame reductions an agreement
gives, the fund's ledger, and a simulation of the revolving fund under several return rules::

    socinv.transfer_schedule("examples/applications/sot.json").to_frame()
    fund = socinv.load_fund("examples/funds/orebro.json")
    fund.ledger.balances()
    fund.simulate(draws=2_000).summary()
    store = socinv.FundLedger.open("fund.db")   # the ledger in SQLite: appends commit at once

Follow-up statistics (docs/outcomes.md), named as in statsmodels::

    socinv.proportion_confint(267, 382)            # Kalmar: 70 % of 382, clear of 60 %?
    socinv.combine_effects(effects, variances, method_re="reml").random

The evaluator's decision memo, a self-contained HTML page per application (docs/report.md)::

    html = socinv.report("examples/applications/sot.json", lang="sv")   # or `socinv report FILE --pdf`

Bad input raises :class:`socinv.InputError`, a ``ValueError`` whose ``.pointer`` names
the field (``"/period/start"``). Amounts of money are :class:`decimal.Decimal` in SEK.
"""

from socinv import _core
from socinv._core import Period
from socinv.application import Application, Decision, Party, load_application
from socinv.assessment import (
    Alternative,
    Assessment,
    BudgetYear,
    ChecklistItem,
    Finding,
    Requirement,
    assess,
    assess_many,
    summary_frame,
)
from socinv.cashflow import (
    DiscountSchedule,
    NoRateError,
    all_rates,
    irr,
    mirr,
    npv,
    xirr,
    xnpv,
    year_fraction,
)
from socinv.economics import (
    CostModel,
    Distribution,
    EconomicResult,
    Simulation,
    cost_model,
    default_exclusion_costs,
    distribution,
    percentile,
    plot_tornado,
)
from socinv.errors import AmountError, ChainError, InputError
from socinv.fund import STANDARD_RULES, Fund, FundSimulation, ReturnRule, load_fund
from socinv.ledger import Balances, FundLedger, Grant, LedgerEntry
from socinv.follow_up import FollowUp, follow_up
from socinv.ledger_store import ChainBreak, LedgerStore, Verification
from socinv.money import allocate, format_decimal, format_sek, parse_sek
from socinv.outcomes import (
    BetaBelief,
    CombineResults,
    DiffInDiff,
    PooledEstimate,
    beta_update,
    combine_effects,
    confint_means_2indep,
    confint_proportions_2indep,
    diff_in_diff,
    effectsize_cox,
    effectsize_smd,
    minimum_detectable_difference,
    proportion_confint,
)
from socinv.rules import DEFAULT_RULES, RuleSet, builtin_rule_sets, load_rules
from socinv.transfer import (
    Agreement,
    PayerShare,
    ScheduleLine,
    TransferSchedule,
    transfer_agreement,
    transfer_schedule,
)
from socinv.report import report  # the decision memo (socinv.report the function; the package is socinv.report.*)

__version__: str = _core.__version__

__all__ = [
    "DEFAULT_RULES",
    "STANDARD_RULES",
    "Agreement",
    "Alternative",
    "Application",
    "Assessment",
    "AmountError",
    "Balances",
    "BetaBelief",
    "BudgetYear",
    "ChainBreak",
    "ChainError",
    "ChecklistItem",
    "CombineResults",
    "CostModel",
    "Decision",
    "DiffInDiff",
    "DiscountSchedule",
    "Distribution",
    "EconomicResult",
    "Finding",
    "FollowUp",
    "Fund",
    "FundLedger",
    "FundSimulation",
    "Grant",
    "InputError",
    "LedgerEntry",
    "LedgerStore",
    "NoRateError",
    "Party",
    "PayerShare",
    "Period",
    "PooledEstimate",
    "Requirement",
    "ReturnRule",
    "RuleSet",
    "ScheduleLine",
    "Simulation",
    "TransferSchedule",
    "Verification",
    "__version__",
    "all_rates",
    "allocate",
    "assess",
    "assess_many",
    "beta_update",
    "builtin_rule_sets",
    "combine_effects",
    "confint_means_2indep",
    "confint_proportions_2indep",
    "cost_model",
    "default_exclusion_costs",
    "diff_in_diff",
    "distribution",
    "effectsize_cox",
    "effectsize_smd",
    "follow_up",
    "format_decimal",
    "format_sek",
    "irr",
    "load_application",
    "load_fund",
    "load_rules",
    "minimum_detectable_difference",
    "mirr",
    "npv",
    "parse_sek",
    "percentile",
    "plot_tornado",
    "proportion_confint",
    "report",
    "summary_frame",
    "transfer_agreement",
    "transfer_schedule",
    "xirr",
    "xnpv",
    "year_fraction",
]
