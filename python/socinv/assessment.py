"""Assessing applications: eligibility under a rule set, the funding-criteria checklist and
the findings that explain both, for one application or a whole batch."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, Optional, Union, overload

from socinv import _core
from socinv._json import dumps, read_path
from socinv._wrap import forward
from socinv.application import Application, ApplicationSource, load_application
from socinv.errors import InputError
from socinv.money import Amount, from_ore, to_ore
from socinv.rules import DEFAULT_RULES, RulesSource, load_rules

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Alternative",
    "Assessment",
    "BudgetYear",
    "ChecklistItem",
    "Finding",
    "Requirement",
    "assess",
    "assess_many",
    "summary_frame",
]

Lang = Literal["en", "sv"]


@dataclass(frozen=True)
class Finding:
    """One observation of an assessment, as data.

    ``severity`` is ``error`` (makes the application ineligible), ``warning`` (worth a look)
    or ``info`` (explains the verdict). ``pointer`` is the JSON pointer of what it is about,
    ``value`` the value seen as JSON text (``""`` when none applies). ``message`` is in the
    language asked for (English unless said otherwise); both languages are always there.
    """

    code: str
    severity: str
    pointer: str
    value: str
    message: str
    message_en: str
    message_sv: str


@dataclass(frozen=True)
class ChecklistItem:
    """One criterion of the checklist and how it was judged.

    ``verdict`` is ``met``, ``not_met`` or ``needs_information``; ``decided_by`` is ``data``
    (the application's data decides it), ``evaluator`` (a recorded judgement) or ``nobody``
    (a judgement is needed; such criteria are never ``met`` by default). ``advisory`` items
    are distinguishing features, not funding criteria.
    """

    criterion: str
    title: str
    advisory: bool
    verdict: str
    decided_by: str
    evidence: tuple[str, ...]
    statement: str
    comment: str


@dataclass(frozen=True)
class Requirement:
    """A requirement of an alternative (at least ``at_least`` parties of these kinds), judged."""

    kinds: tuple[str, ...]
    at_least: int
    counted: tuple[str, ...]
    met: bool


@dataclass(frozen=True)
class Alternative:
    """One way to be eligible under the rule set (Örebro 2013: rule A or rule B)."""

    id: str
    description: str
    met: bool
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class BudgetYear:
    """The money of one calendar budget year; ``source`` is ``budget`` (the application's
    budget lines) or ``requested_by_days`` (the amount requested spread over the period)."""

    year: int
    days: int
    amount: Decimal
    source: str


class Assessment:
    """The result of :func:`assess`: eligibility, the checklist and the findings.

    ``eligible`` is the rule set's verdict; ``passes`` also asks that no funding criterion
    is ``not_met`` (the command line's exit code 0). Texts (messages, titles, evidence) are
    English by default; the methods that take ``lang`` give Swedish with ``lang="sv"``.
    """

    __slots__ = ("_core", "_cache")

    def __init__(self, core: _core.Assessment) -> None:
        if not isinstance(core, _core.Assessment):
            raise TypeError("use socinv.assess() to make an Assessment")
        self._core = core
        self._cache: dict[str, dict[str, Any]] = {}

    def _data(self, lang: str = "en") -> dict[str, Any]:
        # Parsed once per language and never handed out (to_dict gives a fresh copy).
        if lang not in self._cache:
            self._cache[lang] = self._core.to_dict(lang)
        return self._cache[lang]

    # --- the verdict ----------------------------------------------------------------------

    id = forward[str]()
    title = forward[str]()
    eligible = forward[bool]()
    passes = forward[bool]()
    rules_name = forward[str]()
    rules_version = forward[str]()

    @property
    def requested(self) -> Decimal:
        return from_ore(self._core.requested)

    @property
    def application(self) -> Application:
        """The application that was assessed."""
        return Application(self._core.application)

    @property
    def whole_months(self) -> int:
        """Complete calendar months of the period."""
        return self._core.summary()["whole_months"]

    @property
    def days(self) -> int:
        """Days of the period, both ends counted."""
        return self._core.summary()["days"]

    # --- the explanation ------------------------------------------------------------------

    def findings_in(self, lang: Lang = "en") -> list[Finding]:
        """The findings with ``message`` in ``lang``: eligibility first, then the checklist's."""
        return [Finding(**f) for f in self._data(lang)["findings"]]

    @property
    def findings(self) -> list[Finding]:
        """The findings, messages in English (see :meth:`findings_in`)."""
        return self.findings_in("en")

    @property
    def errors(self) -> list[Finding]:
        """The findings of severity ``error``: why the application is not eligible."""
        return [f for f in self.findings if f.severity == "error"]

    def checklist_in(self, lang: Lang = "en") -> list[ChecklistItem]:
        """The nine checklist items (five funding criteria, then four advisory features)."""
        return [
            ChecklistItem(
                criterion=c["criterion"],
                title=c["title"],
                advisory=c["advisory"],
                verdict=c["verdict"],
                decided_by=c["decided_by"],
                evidence=tuple(c["evidence"]),
                statement=c["statement"],
                comment=c["comment"],
            )
            for c in self._data(lang)["checklist"]
        ]

    @property
    def checklist(self) -> list[ChecklistItem]:
        """The checklist, titles and evidence in English (see :meth:`checklist_in`)."""
        return self.checklist_in("en")

    @property
    def alternatives(self) -> list[Alternative]:
        """The rule set's eligibility alternatives, each judged, with the parties counted."""
        return [
            Alternative(
                id=a["id"],
                description=a["description"],
                met=a["met"],
                requirements=tuple(
                    Requirement(tuple(r["kinds"]), r["at_least"], tuple(r["counted"]), r["met"])
                    for r in a["requirements"]
                ),
            )
            for a in self._data()["eligibility"]["alternatives"]
        ]

    @property
    def budget_years(self) -> list[BudgetYear]:
        """Money by calendar budget year (the parts add up to the whole, to the öre)."""
        return [
            BudgetYear(y["year"], y["days"], Decimal(y["amount"]), y["source"]) for y in self._data()["budget_years"]
        ]

    # --- output -----------------------------------------------------------------------------

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The assessment as ``socinv assess --format json`` writes it (a new dict each call)."""
        return self._core.to_dict(lang)

    def to_json(self, lang: Lang = "en", indent: Optional[int] = None) -> str:
        return self._core.to_json(lang, -1 if indent is None else indent)

    def report(self, lang: Lang = "en") -> str:
        """The text report of ``socinv assess``."""
        return self._core.text_report(lang)

    def to_frame(self, lang: Lang = "en") -> pandas.DataFrame:
        """The checklist as a DataFrame indexed by criterion (evidence joined by "; ")."""
        import pandas as pd

        rows = [
            {
                "criterion": c.criterion,
                "title": c.title,
                "advisory": c.advisory,
                "verdict": c.verdict,
                "decided_by": c.decided_by,
                "evidence": "; ".join(c.evidence),
                "statement": c.statement,
                "comment": c.comment,
            }
            for c in self.checklist_in(lang)
        ]
        return pd.DataFrame(rows).set_index("criterion")

    def findings_frame(self, lang: Lang = "en") -> pandas.DataFrame:
        """The findings as a DataFrame, one row each, in the order they were found."""
        import pandas as pd

        columns = ["code", "severity", "pointer", "value", "message"]
        return pd.DataFrame([{k: getattr(f, k) for k in columns} for f in self.findings_in(lang)], columns=columns)

    def budget_frame(self) -> pandas.DataFrame:
        """Money by budget year as a DataFrame indexed by year; ``amount`` is exact (Decimal)."""
        import pandas as pd

        rows = [{"year": y.year, "days": y.days, "amount": y.amount, "source": y.source} for y in self.budget_years]
        return pd.DataFrame(rows, columns=["year", "days", "amount", "source"]).set_index("year")

    def __repr__(self) -> str:
        verdict = "eligible" if self.eligible else "not eligible"
        return f"<Assessment {self.id}: {verdict} under {self.rules_name}, passes={self.passes}>"

    def _repr_html_(self) -> str:
        """The decision memo's assessment part (socinv.report's template, without the page and
        the cost model), in English, with each finding's pointer and code."""
        from socinv.report import fragment

        return fragment(self, "en")


def _fund_ore(fund_available: Optional[Amount]) -> Optional[int]:
    if fund_available is None:
        return None
    ore = to_ore(fund_available)
    if ore < 0:
        raise ValueError(f"fund_available must not be negative, not {fund_available!r}")
    return ore


def assess(
    application: ApplicationSource,
    rules: RulesSource = DEFAULT_RULES,
    *,
    fund_available: Optional[Amount] = None,
) -> Assessment:
    """Assess one application against a rule set.

    ``application`` is anything :func:`load_application` takes (an Application, a dict, a
    path or JSON text); ``rules`` anything :func:`load_rules` takes (a built-in name, a path,
    a dict or a RuleSet). ``fund_available`` is what is left in the fund, in SEK; an
    application that requests more is not eligible (``requested_exceeds_fund``).
    """
    app = load_application(application)
    rule_set = load_rules(rules)
    return Assessment(_core.assess(app._core, rule_set._core, _fund_ore(fund_available)))


BatchSource = Union[str, "os.PathLike[str]", Iterable[Union[Mapping[str, Any], str, bytes, Application]]]


def _batch_text(item: object, index: int) -> Union[str, bytes]:
    if isinstance(item, (str, bytes)):
        return item
    if isinstance(item, Mapping):
        return dumps(item)
    if isinstance(item, Application):
        return item.to_json()
    raise TypeError(
        f"assess_many: item {index} is a {type(item).__name__}; items are dicts, JSON text or Applications"
    )


@overload
def assess_many(
    source: BatchSource,
    rules: RulesSource = ...,
    *,
    fund_available: Optional[Amount] = ...,
    errors: Literal["raise"] = ...,
) -> list[Assessment]: ...


@overload
def assess_many(
    source: BatchSource,
    rules: RulesSource = ...,
    *,
    fund_available: Optional[Amount] = ...,
    errors: Literal["collect"],
) -> tuple[list[Assessment], list[InputError]]: ...


def assess_many(
    source: BatchSource,
    rules: RulesSource = DEFAULT_RULES,
    *,
    fund_available: Optional[Amount] = None,
    errors: str = "raise",
) -> Union[list[Assessment], tuple[list[Assessment], list[InputError]]]:
    """Assess many applications at once, in C++ on all cores, without holding the GIL.

    ``source`` is the path of a JSON Lines file (one application a line, blank lines
    skipped; errors name ``path:LINE``) or an iterable of applications as dicts, JSON text
    or :class:`Application` objects (errors name ``<input>:N``, N counting from 1).

    With ``errors="raise"`` (the default) the first bad input, in input order, raises its
    :class:`InputError` after the batch has run; otherwise the assessments come back in input
    order. With ``errors="collect"`` the result is ``(assessments, errors)``: the assessments
    of the good inputs and the InputErrors of the bad ones, each in input order.
    """
    if errors not in ("raise", "collect"):
        raise ValueError(f'errors must be "raise" or "collect", not {errors!r}')
    rule_set = load_rules(rules)
    fund = _fund_ore(fund_available)
    if isinstance(source, (str, os.PathLike)):
        data, name = read_path(source)
        raw = _core.assess_json_lines(data, rule_set._core, fund, name)
    elif isinstance(source, (Mapping, bytes, bytearray)):
        raise TypeError("assess_many takes a JSON Lines path or an iterable of applications; use assess() for one")
    else:
        texts: Sequence[Union[str, bytes]] = [_batch_text(item, i) for i, item in enumerate(source)]
        raw = _core.assess_batch(texts, rule_set._core, fund, "<input>")
    results = [Assessment(r) for r in raw if not isinstance(r, InputError)]
    problems = [r for r in raw if isinstance(r, InputError)]
    if errors == "collect":
        return results, problems
    if problems:
        raise problems[0]
    return results


def summary_frame(assessments: Iterable[Assessment]) -> pandas.DataFrame:
    """One row per assessment, indexed by application id: the verdict at a glance.

    Columns: title, rules, eligible, passes, requested (Decimal SEK), months (whole months),
    rules_met (the eligibility alternatives met), errors and warnings (finding codes), and
    the number of funding criteria met, not_met and needs_information.
    """
    import pandas as pd

    rows = [summary_row(a) for a in assessments]
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS)).set_index("id")


#: The columns of :func:`summary_frame` (with ``id``, its index) and of :func:`summary_row`.
SUMMARY_COLUMNS = (
    "id", "title", "rules", "eligible", "passes", "requested", "months", "rules_met",
    "errors", "warnings", "criteria_met", "criteria_not_met", "criteria_open",
)  # fmt: skip


def summary_row(a: Assessment, verdicts: bool = False) -> dict[str, Any]:
    """One assessment at a glance, as :func:`summary_frame` has it (a row of socinv.dask's
    batch results too); with ``verdicts`` also each checklist item's verdict by criterion."""
    s = a._core.summary()
    funding = [verdict for _, advisory, verdict in s["checklist"] if not advisory]
    row = {
        "id": a.id,
        "title": a.title,
        "rules": a.rules_name,
        "eligible": a.eligible,
        "passes": a.passes,
        "requested": a.requested,
        "months": s["whole_months"],
        "rules_met": ", ".join(s["rules_met"]),
        "errors": ", ".join(code for code, severity in s["findings"] if severity == "error"),
        "warnings": ", ".join(code for code, severity in s["findings"] if severity == "warning"),
        "criteria_met": funding.count("met"),
        "criteria_not_met": funding.count("not_met"),
        "criteria_open": funding.count("needs_information"),
    }
    if verdicts:
        row.update({criterion: verdict for criterion, _, verdict in s["checklist"]})
    return row
