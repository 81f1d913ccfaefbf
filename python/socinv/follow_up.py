"""An application's follow-up: its measures against their targets, the reach, the cost model with
the observed success rate, and forecast savings against actual ones (docs/outcomes.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from socinv import _core, _html
from socinv.application import ApplicationSource, load_application
from socinv.economics import CostModel

if TYPE_CHECKING:
    import matplotlib.axes
    import pandas

__all__ = ["FollowUp", "follow_up"]


class FollowUp:
    """The follow-up of one application judged at confidence ``1 - alpha``.

    Proportions are shares (0–1): observed value, interval and target alike (a target of 60
    ``procent`` is 0.6). ``to_dict()`` is what ``socinv follow-up --format json`` writes.
    """

    def __init__(self, application: Any, alpha: float) -> None:
        self.application = application
        self.alpha = alpha
        self._result: dict[str, Any] = _core.evaluate_follow_up(application._core, alpha)

    @property
    def id(self) -> str:
        return self._result["id"]

    @property
    def as_of(self) -> str:
        return self._result["as_of"]

    @property
    def measures(self) -> list[dict[str, Any]]:
        return self._result["measures"]

    @property
    def reach(self) -> Optional[dict[str, Any]]:
        return self._result["reach"]

    @property
    def reconciliation(self) -> Optional[dict[str, Any]]:
        """Forecast against actual savings by payer and year, and the return transfers: returned so
        far, due under the actuals, and the true-up (amounts as decimal strings, exact)."""
        return self._result["reconciliation"]

    @property
    def all_targets_met(self) -> bool:
        return self._result["all_targets_met"]

    def to_dict(self) -> dict[str, Any]:
        return self._result

    def to_frame(self, reach: bool = True) -> pandas.DataFrame:
        """One row per measure: observed, interval, target, verdict, the comparison group with the
        difference and its interval, the difference in differences, the minimum detectable
        difference and the warnings. With ``reach`` (the default) and participants given, a last
        row ``"participants reached"`` (kind ``"reach"``): reached of planned, with its interval."""
        import pandas as pd

        rows = []
        for m in self.measures:
            comparison = m.get("comparison") or {}
            difference_ci = comparison.get("difference_ci") or [None, None]
            did = m.get("diff_in_diff") or {}
            did_ci = did.get("ci") or [None, None]
            rows.append(
                {
                    "measure": m["measure"],
                    "kind": m["kind"],
                    "unit": m["unit"],
                    "n": m["n"],
                    "observed": m["observed"],
                    "ci_low": m["ci"][0],
                    "ci_high": m["ci"][1],
                    "target": m["target"],
                    "direction": m["direction"],
                    "verdict": m["verdict"],
                    "comparison": comparison.get("observed"),
                    "difference": comparison.get("difference"),
                    "difference_ci_low": difference_ci[0],
                    "difference_ci_high": difference_ci[1],
                    "diff_in_diff": did.get("estimate"),
                    "diff_in_diff_ci_low": did_ci[0],
                    "diff_in_diff_ci_high": did_ci[1],
                    "minimum_detectable_difference": m["minimum_detectable_difference"],
                    "warnings": "; ".join(m["warnings"]),
                }
            )
        if reach and self.reach is not None:
            r = self.reach
            ci = r["ci"] or [None, None]
            rows.append({"measure": "participants reached", "kind": "reach", "unit": "share", "n": r["planned"],
                         "observed": r["share"], "ci_low": ci[0], "ci_high": ci[1], "warnings": ""})
        return pd.DataFrame(rows).set_index("measure")

    def evaluative(self, measure: str = "", draws: int = 10_000, seed: int = 1) -> pandas.DataFrame:
        """The cost model as forecast and with its success rate updated by the observed proportion
        (``measure``, default the first): NPV, benefit–cost ratio and P(break even) side by side."""
        import pandas as pd

        name, prior, posterior, forecast, updated = _core.evaluative_model(self.application._core, measure)
        columns = {}
        for label, index, core, (a, b) in (("forecast", 3, forecast, prior), ("evaluative", 4, updated, posterior)):
            model = CostModel(core, self.application, source=("evaluative", measure, index))
            point, sim = model.evaluate(), model.simulate(draws=draws, seed=seed)
            columns[label] = {
                "success_rate_mean": a / (a + b),
                "npv": point.npv,
                "benefit_cost_ratio": point.benefit_cost_ratio,
                "probability_break_even": sim.probability_break_even,
            }
        frame = pd.DataFrame(columns)
        frame.attrs.update(measure=name, prior=prior, posterior=posterior)
        return frame

    def plot(self, ax: Optional[matplotlib.axes.Axes] = None) -> matplotlib.axes.Axes:
        """Observed value with its interval against the target, one row per measure."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(8, 0.7 * len(self.measures) + 1.5))
        for i, m in enumerate(self.measures):
            low, high = m["ci"]
            ax.errorbar(m["observed"], i, xerr=[[m["observed"] - low], [high - m["observed"]]], fmt="o", capsize=4,
                        color={"met": "#1a7f37", "not_met": "#cf222e"}.get(m["verdict"], "#57606a"))
            if m["target"] is not None:
                ax.plot([m["target"]], [i], marker="|", markersize=18, color="black")
        ax.set_yticks(range(len(self.measures)), [m["measure"][:50] for m in self.measures], fontsize=8)
        ax.set_xlabel(f"observed, with {100 * (1 - self.alpha):g} % interval (| target)")
        ax.set_title(f"Follow-up as of {self.as_of}")
        return ax

    def plot_forest(self, ax: Optional[matplotlib.axes.Axes] = None) -> matplotlib.axes.Axes:
        """A forest plot of the effects against comparison groups: per measure with a comparison
        the difference (treated − comparison) with its interval, and the difference in differences
        where before/after pairs are given, against a line at no difference. Raises
        ``ValueError`` when no measure has a comparison group."""
        import matplotlib.pyplot as plt

        rows = []
        for m in self.measures:
            comparison = m.get("comparison")
            if comparison and comparison.get("difference_ci"):
                rows.append((f"{m['measure'][:45]}: difference", comparison["difference"], comparison["difference_ci"]))
            if m.get("diff_in_diff"):
                did = m["diff_in_diff"]
                rows.append((f"{m['measure'][:45]}: diff. in diff.", did["estimate"], did["ci"]))
        if not rows:
            raise ValueError(f"the follow-up of {self.id} has no comparison group, so there is no effect to plot")
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 0.6 * len(rows) + 1.5))
        for i, (_, estimate, (low, high)) in enumerate(rows):
            ax.errorbar(estimate, i, xerr=[[estimate - low], [high - estimate]], fmt="s", capsize=4, color="#0969da")
        ax.axvline(0, color="black", linewidth=0.8, linestyle="--")
        ax.set_yticks(range(len(rows)), [label for label, _, _ in rows], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(f"effect against the comparison group, with {100 * (1 - self.alpha):g} % interval")
        ax.set_title(f"Follow-up of {self.id}: effects")
        return ax

    def __repr__(self) -> str:
        verdicts = ", ".join(f"{m['measure'][:30]}: {m['verdict'] or 'no target'}" for m in self.measures)
        return f"<FollowUp {self.id} as of {self.as_of}: {verdicts}>"

    def _repr_html_(self) -> str:
        h = _html

        def interval(ci: Optional[list[float]]) -> str:
            return "" if not ci else f"{ci[0]:.3f} – {ci[1]:.3f}"

        rows = []
        for m in self.measures:
            comparison = m.get("comparison") or {}
            difference = comparison.get("difference")
            rows.append([
                h.text(m["measure"]), f"{m['observed']:.3f}", interval(m["ci"]),
                h.text("" if m["target"] is None else f"{m['target']:.3f}"),
                h.coloured(m["verdict"]) if m["verdict"] else h.text("no target"),
                h.text("" if comparison.get("observed") is None else f"{comparison['observed']:.3f}"),
                h.text("" if difference is None else f"{difference:.3f}") + (
                    f" ({interval(comparison.get('difference_ci'))})" if comparison.get("difference_ci") else ""),
                "<br>".join(h.text(w) for w in m["warnings"]),
            ])
        out = h.heading(f"Follow-up of {self.id} as of {self.as_of}")
        if self.reach is not None:
            r = self.reach
            out += h.table(["reached", "planned", "share", "interval"],
                           [[str(r["reached"]), str(r["planned"]), f"{r['share']:.3f}", interval(r["ci"])]])
        return out + h.table(
            ["measure", "observed", "interval", "target", "verdict", "comparison", "difference (interval)", "warnings"],
            rows,
        )


def follow_up(application: ApplicationSource, *, alpha: float = 0.05) -> FollowUp:
    """Judges an application's ``follow_up`` section against its effect measures' targets.

    Raises :class:`socinv.InputError` with ``.pointer`` ``"/follow_up"`` when there is none, and
    pointer-precise errors for impossible data (successes > n, n = 0, sd < 0, unknown measures).
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie in (0, 1), not {alpha!r}")
    return FollowUp(load_application(application), alpha)
