"""The evaluator's decision memo: one self-contained HTML page per application, in Swedish or
English, for the board (*kommunstyrelsen*), on screen and on A4 paper (docs/report.md)::

    import socinv

    html = socinv.report("examples/applications/sot.json")            # Swedish
    html = socinv.report(app, lang="en", rules="cross-municipal")     # or any rule set

The memo holds the verdict and why, the findings, the checklist with its evidence and the
evaluator's comments, the money by budget year, the cost model (present values, who pays and
who saves, break-even, the Monte Carlo distribution and the tornado as SVG charts), the
return-transfer schedule and the follow-up when the application has them.
``socinv report FILE... [--pdf]`` writes memos (and PDFs made by headless Chromium).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from socinv.report.i18n import LANGUAGES

if TYPE_CHECKING:
    from socinv.application import ApplicationSource
    from socinv.assessment import Assessment
    from socinv.money import Amount
    from socinv.rules import RulesSource

__all__ = ["DEFAULT_DRAWS", "DEFAULT_SEED", "LANGUAGES", "fragment", "report", "report_assessment"]

#: The memo's Monte Carlo run: enough draws for a smooth histogram, quick on two cores, and a
#: fixed seed so that the same application gives the same memo.
DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 1


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return lang


def _uid(application_id: str) -> str:
    return "memo-" + re.sub(r"[^A-Za-z0-9_-]", "-", application_id)


def report(
    application: ApplicationSource,
    lang: str = "sv",
    rules: Optional[RulesSource] = None,
    *,
    fund_available: Optional[Amount] = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> str:
    """The decision memo of one application as a complete HTML document.

    ``application`` is anything :func:`socinv.load_application` takes (a path, a dict, JSON
    text or an Application); ``rules`` anything :func:`socinv.load_rules` takes (default
    ``orebro-2013``). ``lang`` is ``"sv"`` (the default) or ``"en"``. The Monte Carlo run has
    ``draws`` draws from ``seed``, so the same inputs give the same memo. Bad input raises
    :class:`socinv.InputError` naming the field.
    """
    from socinv.assessment import assess
    from socinv.rules import DEFAULT_RULES

    _check_lang(lang)
    result = assess(application, DEFAULT_RULES if rules is None else rules, fund_available=fund_available)
    return report_assessment(result, lang, draws=draws, seed=seed)


def report_assessment(assessment: Assessment, lang: str = "sv", *, draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED) -> str:
    """The memo of an application already assessed (see :func:`report`)."""
    from socinv.report.memo import memo_data
    from socinv.report.render import render

    _check_lang(lang)
    data = memo_data(assessment, lang, draws=draws, seed=seed)
    return render(
        "memo.html.j2",
        lang,
        a=data["assessment"],
        economics=data["economics"],
        transfers=data["transfers"],
        follow_up=data["follow_up"],
        version=data["version"],
        uid=_uid(assessment.id),
        show_codes=False,
    )


def fragment(assessment: Assessment, lang: str = "en") -> str:
    """The memo's assessment part without the page (verdict, parties, eligibility, findings,
    checklist, money by budget year): what ``Assessment._repr_html_`` shows."""
    from socinv.report.memo import assessment_data
    from socinv.report.render import render

    _check_lang(lang)
    return render(
        "fragment.html.j2",
        lang,
        a=assessment_data(assessment, lang),
        economics=None,
        transfers=None,
        follow_up=None,
        uid=_uid(assessment.id),
        show_codes=True,
    )
