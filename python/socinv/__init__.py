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
from socinv.errors import InputError
from socinv.money import allocate, format_decimal, format_sek, parse_sek
from socinv.rules import DEFAULT_RULES, RuleSet, builtin_rule_sets, load_rules

__version__: str = _core.__version__

__all__ = [
    "DEFAULT_RULES",
    "Alternative",
    "Application",
    "Assessment",
    "BudgetYear",
    "ChecklistItem",
    "Decision",
    "Finding",
    "InputError",
    "Party",
    "Period",
    "Requirement",
    "RuleSet",
    "__version__",
    "allocate",
    "assess",
    "assess_many",
    "builtin_rule_sets",
    "format_decimal",
    "format_sek",
    "load_application",
    "load_rules",
    "parse_sek",
    "summary_frame",
]
