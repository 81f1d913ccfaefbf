"""Cost models: what an intervention costs, what it saves for whom and when, and how sure we are.

The model comes from an application's ``economics`` section (docs/economics.md)::

    import socinv

    model = socinv.cost_model("examples/applications/sot.json")
    result = model.evaluate()          # the point estimate: every input at its mean
    result.npv, result.payback_year, result.break_even_successes
    result.by_payer()                  # who pays, who saves
    sim = model.simulate(draws=10_000, seed=1)
    sim.probability_break_even, sim.percentile(10)
    socinv.plot_tornado(model.tornado())

Amounts are expected values in SEK as ``float`` (not booked money, so not ``Decimal``). A
flow in budget year Y is discounted by the factor for ``Y - base_year`` years.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Optional, Union

import numpy as np

from socinv import _core, _html
from socinv._core import Distribution
from socinv._json import dumps
from socinv._wrap import MSEK, forward, with_section
from socinv._wrap import msek as _msek
from socinv._wrap import whole as _whole
from socinv.application import Application, ApplicationSource, load_application

if TYPE_CHECKING:
    import matplotlib.axes
    import pandas

__all__ = [
    "CostModel",
    "Distribution",
    "EconomicResult",
    "Simulation",
    "cost_model",
    "default_exclusion_costs",
    "distribution",
    "percentile",
    "plot_tornado",
]

_MSEK = MSEK
# The library's limit (as `socinv simulate --draws`): 10^8 draws keep 2.4 GB of results.
_MAX_DRAWS = _core.max_simulation_draws


def _number(x: Optional[float], digits: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if isinstance(x, float) and math.isinf(x):
        return "never"
    return f"{x:,.{digits}f}"


def distribution(spec: Union[float, Mapping[str, Any]]) -> Distribution:
    """A :class:`Distribution` written as in the ``economics`` section.

    ``spec`` is a number (fixed) or a dict ``{"dist": kind, ...}``: ``uniform`` {low, high},
    ``triangular`` and ``pert`` {low, mode, high}, ``normal`` {mean, sd}, ``lognormal``
    {mu, sigma} (of the logarithm), ``fixed`` {value}. Bad parameters raise
    :class:`socinv.InputError` with ``.pointer`` naming the parameter (``"/mode"``).

    A Distribution has ``.mean()``, ``.quantile(p)`` (p in 0..1, a number or an array) and
    ``.sample(size, seed=1)`` (a numpy array; draw i from the counter-based stream (seed, i)).
    """
    if isinstance(spec, bool) or not isinstance(spec, (int, float, Mapping)):
        raise TypeError(f"a distribution is a number or a dict, not {type(spec).__name__}")
    return _core.parse_distribution(json.dumps(spec) if not isinstance(spec, Mapping) else dumps(spec))


def percentile(values: Any, p: Any) -> Any:
    """The p-th percentile of ``values`` (flattened), p in 0..100 (a number or an array): linear
    interpolation between order statistics, as :func:`numpy.percentile`'s default method and
    to its last digit. This is socinv's one definition of a percentile: Monte Carlo summaries,
    ``socinv simulate`` and the fund simulation's balance bands use it too
    (``include/socinv/economics/percentile.hpp``). A float for a number p, else an array
    shaped as p; NaN among the values gives NaN.
    """
    q = np.asarray(p, dtype=float)
    if np.any(~((q >= 0) & (q <= 100))):
        raise ValueError(f"percentiles lie in 0..100, not {p!r}")
    data = np.ascontiguousarray(values, dtype=float).reshape(-1)
    if data.size == 0:
        raise ValueError("a percentile needs at least one value")
    out = _core.percentile(data, q)
    return float(out) if out.ndim == 0 else out


# --- exclusion costs --------------------------------------------------------------------------


def _exclusion_frame(profile: _core.ExclusionCostProfile) -> pandas.DataFrame:
    import pandas as pd

    scale = profile.scale.mean()
    rows = [
        {
            "name": name,
            "payer": payer,
            "level": level,
            "nature": nature,
            "per_year": per_year.mean(),
            "lifetime": per_year.mean() * scale * profile.working_years,
            "distribution": str(per_year),
            "source": source,
        }
        for name, payer, level, nature, per_year, source in profile.items
    ]
    columns = ["name", "payer", "level", "nature", "per_year", "lifetime", "distribution", "source"]
    frame = pd.DataFrame(rows, columns=columns).set_index("name")
    frame.attrs.update(
        profile=profile.name,
        age_from=profile.age_from,
        age_to=profile.age_to,
        working_years=profile.working_years,
        scale=str(profile.scale),
        lifetime_cost=profile.lifetime_cost(),
        lifetime_cost_resources=profile.lifetime_cost(resources_only=True),
    )
    return frame


def default_exclusion_costs() -> pandas.DataFrame:
    """socinv's default parameter set for the cost of one person in long-term exclusion.

    One row per line item, indexed by name: ``payer``, ``level`` (municipality, region,
    state, household or society), ``nature`` (``resource`` or ``transfer``: social assistance
    is a transfer, a cost to the municipality but not to society), ``per_year`` (SEK per
    person and year, the mean), ``lifetime`` (per_year over the working years), the
    ``distribution`` and the ``source``.

    ``frame.attrs`` holds the totals: ``lifetime_cost`` (undiscounted, from ``age_from`` 20
    to ``age_to`` 65: about 15 MSEK, the middle of the sources' 10–20 MSEK),
    ``lifetime_cost_resources`` (real resources only: society's view), ``age_from``,
    ``age_to``, ``working_years``, ``scale`` and the ``profile`` name. The line items are
    illustrative round numbers calibrated to the total, not published figures
    (docs/economics.md).
    """
    return _exclusion_frame(_core.default_exclusion_costs())


# --- the point estimate ---------------------------------------------------------------------------


class EconomicResult:
    """A cost model evaluated with every uncertain input at its mean (:meth:`CostModel.evaluate`).

    Present values are in SEK at ``base_year``. ``pv_savings`` counts the savings of the
    model's ``view`` (society: real resources, transfers left out; public_sector:
    municipality, region and state; municipality: the municipality's own); :meth:`by_payer`
    shows every payer's savings whatever the view. ``payback_year`` is the first budget year
    in which the discounted cumulative net turns non-negative, or ``None`` within the horizon.
    Break-even (WSIPP): ``break_even_successes = pv_costs / value_per_success``; the rate is
    that number over the participants after deadweight, attribution and displacement. Both
    are ``inf`` when a success is worth nothing in the view.
    """

    __slots__ = ("_core",)

    def __init__(self, core: _core.EconomicResult) -> None:
        if not isinstance(core, _core.EconomicResult):
            raise TypeError("use CostModel.evaluate() to make an EconomicResult")
        self._core = core

    view = forward[str]()
    npv = forward[float]()
    pv_costs = forward[float]()
    pv_savings = forward[float]()
    benefit_cost_ratio = forward[float](doc="pv_savings / pv_costs (NaN without costs).")

    sroi_ratio = forward[float](
        doc="Society's present value of impacts per krona invested, whatever the view (NaN without costs)."
    )

    payback_year = forward[Optional[int]]()
    break_even_successes = forward[float]()
    break_even_success_rate = forward[float]()
    value_per_success = forward[float](doc="The present value, in the view, of one participant who leaves exclusion.")
    participants = forward[float]()

    expected_successes = forward[float](
        doc="Participants × success rate, after deadweight, attribution and displacement."
    )

    def by_year(self) -> pandas.DataFrame:
        """Undiscounted flows by budget year, indexed by year.

        Columns: ``discount_factor``, ``costs`` (the intervention's), ``savings`` (counted in
        the view), then one column per payer with all that payer's savings.
        """
        import pandas as pd

        core = self._core
        frame = pd.DataFrame(
            {
                "year": core.years,
                "discount_factor": core.discount_factors,
                "costs": core.costs,
                "savings": core.savings,
            }
        )
        for payer, row in core.savings_by_payer.items():
            column = payer if payer not in frame.columns else f"savings: {payer}"
            frame[column] = row
        return frame.set_index("year")

    def by_payer(self) -> pandas.DataFrame:
        """Who pays, who saves: present values by payer, indexed by payer.

        Columns ``level`` (``funder`` for those who pay the intervention, else the payer's
        level), ``pv_costs_paid``, ``pv_savings`` (all the payer's items, whatever the view)
        and ``net`` (savings less costs paid).
        """
        import pandas as pd

        rows = [
            {"payer": payer, "level": level, "pv_costs_paid": paid, "pv_savings": saved, "net": saved - paid}
            for payer, level, paid, saved in self._core.by_payer
        ]
        columns = ["payer", "level", "pv_costs_paid", "pv_savings", "net"]
        return pd.DataFrame(rows, columns=columns).set_index("payer")

    def plot(self, ax: Optional[matplotlib.axes.Axes] = None, *, discounted: bool = False) -> matplotlib.axes.Axes:
        """Costs (below zero, by who pays them) and savings (above zero, by payer) by budget year,
        as stacked bars in MSEK, with the savings counted in the view as a line. Returns the Axes."""
        import matplotlib.pyplot as plt

        created = ax is None
        if ax is None:
            _, ax = plt.subplots(figsize=(10, 4))
        core = self._core
        by_payer = core.savings_by_payer
        # Up to the year after the last flow: a 30-year horizon is mostly empty years.
        flows = np.abs(np.asarray(core.costs))
        for row in by_payer.values():
            flows = flows + np.abs(row)
        used = np.flatnonzero(flows)
        n = min(len(flows), int(used[-1]) + 2) if len(used) else len(flows)
        years = np.asarray(core.years)[:n]
        weight = np.asarray(core.discount_factors)[:n] if discounted else np.ones(n)
        costs = np.asarray(core.costs)[:n] * weight / _MSEK
        payers = [(name, share) for name, share, _ in self._funders()] or [("intervention", 1.0)]
        bottom = np.zeros(n)
        for i, (name, share) in enumerate(payers):
            ax.bar(years, -costs * share, bottom=bottom, color=plt.cm.Reds(0.75 - 0.4 * i / len(payers)),
                   label=f"cost: {name}")
            bottom -= costs * share
        # tab10 without its red, which marks the costs.
        colours = [c for k, c in enumerate(plt.cm.tab10.colors) if k != 3]
        bottom = np.zeros(n)
        for i, (payer, row) in enumerate(by_payer.items()):
            values = np.asarray(row)[:n] * weight / _MSEK
            ax.bar(years, values, bottom=bottom, color=colours[i % len(colours)], label=f"saves: {payer}")
            bottom += values
        ax.plot(years, np.asarray(core.savings)[:n] * weight / _MSEK, color="black", marker=".", linewidth=1,
                label=f"savings counted ({self.view} view)")
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_xlabel("budget year")
        ax.set_ylabel("MSEK" + (" (discounted)" if discounted else ""))
        ax.set_title(f"Costs and savings by year and payer: NPV {_msek(self.npv)} ({self.view} view)")
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
        if created:
            ax.figure.tight_layout()
        return ax

    def _funders(self) -> list[tuple[str, float, float]]:
        """(name, share of the costs, PV paid) for those who pay the intervention."""
        pv = self.pv_costs
        return [(p, paid / pv if pv else 0.0, paid) for p, level, paid, _ in self._core.by_payer if level == "funder"]

    def to_dict(self) -> dict[str, Any]:
        """The result as ``socinv simulate --format json`` writes its ``point_estimate``
        (an unreachable break-even is ``None``)."""
        return self._core.to_dict()

    def to_json(self, indent: Optional[int] = None) -> str:
        return self._core.to_json(-1 if indent is None else indent)

    def __repr__(self) -> str:
        return (
            f"<EconomicResult {self.view} view: NPV {_msek(self.npv)}, PV costs {_msek(self.pv_costs)}, "
            f"PV savings {_msek(self.pv_savings)}, payback {self.payback_year or 'not within the horizon'}>"
        )

    def _repr_html_(self) -> str:
        h = _html
        payback = self.payback_year if self.payback_year is not None else "not within the horizon"
        figures = h.table(
            ["", "value"],
            [
                ["view", h.text(self.view)],
                ["PV of costs", h.text(_msek(self.pv_costs))],
                ["PV of savings", h.text(_msek(self.pv_savings))],
                ["<b>NPV</b>", f"<b>{h.text(_msek(self.npv))}</b>"],
                ["benefit–cost ratio", h.text(_number(self.benefit_cost_ratio))],
                ["SROI ratio (society)", h.text(_number(self.sroi_ratio))],
                ["payback year", h.text(payback)],
                ["participants", h.text(_number(self.participants, 0))],
                ["expected successes", h.text(_number(self.expected_successes, 1))],
                ["value per success", h.text(_msek(self.value_per_success))],
                [
                    "break-even",
                    h.text(
                        f"{_number(self.break_even_successes, 1)} successes "
                        f"({_number(100 * self.break_even_success_rate, 1)} % of participants)"
                    ),
                ],
            ],
        )
        payers = h.table(
            ["payer", "level", "PV costs paid", "PV savings", "net"],
            (
                [h.text(p), h.text(level), h.text(_msek(paid)), h.text(_msek(saved)), h.text(_msek(saved - paid))]
                for p, level, paid, saved in self._core.by_payer
            ),
        )
        return (
            '<div class="socinv-economic-result">'
            + h.heading("Point estimate (every input at its mean)")
            + figures
            + h.heading("Who pays, who saves")
            + payers
            + "</div>"
        )


# --- Monte Carlo ----------------------------------------------------------------------------------


class Simulation:
    """A Monte Carlo run over a model's uncertain inputs (:meth:`CostModel.simulate`).

    ``npv``, ``pv_costs`` and ``pv_savings`` are read-only numpy arrays with one value per
    draw, in the model's view. Draw i takes its inputs from a stream seeded by (seed, i), so a
    seed gives the same draws whatever the number of threads.
    """

    __slots__ = ("_core",)

    def __init__(self, core: _core.Simulation) -> None:
        if not isinstance(core, _core.Simulation):
            raise TypeError("use CostModel.simulate() to make a Simulation")
        self._core = core

    def __reduce__(self) -> tuple[Any, tuple[_core.Simulation]]:
        return (Simulation, (self._core,))  # the core pickles every draw as its exact bytes

    draws = forward[int]()
    seed = forward[int]()
    first_draw = forward[int](doc="The index of the first draw: 0 unless the run is a block of a longer one.")
    npv = forward[np.ndarray]()
    pv_costs = forward[np.ndarray]()
    pv_savings = forward[np.ndarray]()
    mean_npv = forward[float]()
    probability_break_even = forward[float](doc="The share of draws with NPV ≥ 0.")

    def percentile(self, p: Any) -> Any:
        """The p-th percentile of the NPV, p in 0..100 as in :func:`numpy.percentile`: linear
        interpolation between order statistics, the one definition socinv uses everywhere
        (:func:`socinv.percentile`); p may be an array."""
        return percentile(self.npv, p)

    def summary(self) -> pandas.DataFrame:
        """Mean, standard deviation, P5, P10, P50, P90 and P95 of npv, pv_costs and pv_savings."""
        import pandas as pd

        points = [5, 10, 50, 90, 95]
        index = ["mean", "sd"] + [f"p{p}" for p in points]
        data = {}
        for name in ("npv", "pv_costs", "pv_savings"):
            values = getattr(self, name)
            data[name] = [values.mean(), values.std(ddof=1) if len(values) > 1 else 0.0, *percentile(values, points)]
        frame = pd.DataFrame(data, index=pd.Index(index, name="statistic"))
        frame.attrs.update(draws=self.draws, seed=self.seed, probability_break_even=self.probability_break_even)
        return frame

    def plot(self, ax: Optional[matplotlib.axes.Axes] = None, *, bins: int = 60) -> matplotlib.axes.Axes:
        """A histogram of the NPV in MSEK with the break-even line (NPV 0) and P10, P50 and P90."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4))
        ax.hist(self.npv / _MSEK, bins=bins, color="#4c72b0", alpha=0.8)
        ax.axvline(0, color="#cf222e", linewidth=2, label="break-even (NPV 0)")
        for p, style in ((10, ":"), (50, "--"), (90, ":")):
            ax.axvline(self.percentile(p) / _MSEK, color="black", linestyle=style, linewidth=1,
                       label=f"P{p} {self.percentile(p) / _MSEK:,.2f} MSEK")
        ax.set_xlabel("NPV (MSEK)")
        ax.set_ylabel("draws")
        ax.set_title(f"{self.draws:,} draws: P(NPV ≥ 0) = {100 * self.probability_break_even:.1f} %")
        ax.legend(fontsize=8)
        return ax

    def to_dict(self, with_draws: bool = False) -> dict[str, Any]:
        """The summary as ``socinv simulate --format json`` writes its ``simulation``."""
        return self._core.to_dict(with_draws)

    def __repr__(self) -> str:
        return (
            f"<Simulation {self.draws} draws, seed {self.seed}: mean NPV {_msek(self.mean_npv)}, "
            f"P(NPV ≥ 0) {self.probability_break_even:.3f}>"
        )

    def _repr_html_(self) -> str:
        h = _html
        s = self.summary()
        table = h.table(
            ["", "NPV", "PV costs", "PV savings"],
            ([h.text(stat)] + [h.text(_msek(v)) for v in row] for stat, row in zip(s.index, s.to_numpy())),
        )
        return (
            '<div class="socinv-simulation">'
            + f"<div><b>Monte Carlo</b>: {self.draws:,} draws, seed {self.seed}; "
            + f"probability of breaking even <b>{100 * self.probability_break_even:.1f} %</b></div>"
            + table
            + "</div>"
        )


# --- the model ------------------------------------------------------------------------------------


class CostModel:
    """The cost model of an application's ``economics`` section (make one with :func:`cost_model`).

    :meth:`evaluate` gives the point estimate, :meth:`simulate` a Monte Carlo run and
    :meth:`tornado` the one-way sensitivities.
    """

    __slots__ = ("_core", "_application", "_source")

    def __init__(
        self,
        core: _core.CostModel,
        application: Optional[Application] = None,
        *,
        source: Optional[tuple[Any, ...]] = None,
    ) -> None:
        if not isinstance(core, _core.CostModel):
            raise TypeError("use socinv.cost_model() to make a CostModel")
        self._core = core
        self._application = application
        # How the model is made again from its application when it is pickled (a Dask task,
        # a process pool): ("economics",) is cost_model_from(application); ("evaluative",
        # measure, i) is item i of _core.evaluative_model(application, measure).
        self._source = source if source is not None else (("economics",) if application is not None else None)

    def __reduce__(self) -> tuple[Any, tuple[Application, tuple[Any, ...]]]:
        if self._application is None or self._source is None:
            raise TypeError("this CostModel cannot be pickled: it was not made from an application")
        return (_rebuild_cost_model, (self._application, self._source))

    @property
    def application(self) -> Optional[Application]:
        return self._application

    view = forward[str](doc="``society``, ``public_sector`` or ``municipality``: whose savings count.")
    base_year = forward[int]()
    horizon_years = forward[int]()
    start_lag_years = forward[int]()
    discount_factors = forward[np.ndarray](doc="The factor for each year from base_year (``horizon_years`` of them).")
    cohorts = forward[list[tuple[int, float]]](doc="(start year, participants) pairs.")

    @property
    def participants(self) -> float:
        return float(sum(n for _, n in self._core.cohorts))

    intervention_costs = forward[list[tuple[int, float]]](
        doc="(budget year, SEK) pairs, as budgeted (before any cost_factor)."
    )

    cost_payers = forward[list[tuple[str, float]]](
        doc="(name, share of the costs) pairs: the fund and any co-financiers."
    )

    @property
    def distributions(self) -> dict[str, Distribution]:
        """Every input that Monte Carlo draws, by name, in the order it draws them."""
        return dict(self._core.inputs)

    def inputs(self) -> pandas.DataFrame:
        """The model's inputs, indexed by name: distribution, mean, P10, P50 and P90, and
        whether the input is uncertain (not fixed)."""
        import pandas as pd

        rows = [
            {
                "input": name,
                "distribution": str(d),
                "mean": d.mean(),
                "p10": d.quantile(0.1),
                "p50": d.quantile(0.5),
                "p90": d.quantile(0.9),
                "uncertain": not d.is_fixed,
            }
            for name, d in self._core.inputs
        ]
        columns = ["input", "distribution", "mean", "p10", "p50", "p90", "uncertain"]
        return pd.DataFrame(rows, columns=columns).set_index("input")

    def exclusion_costs(self) -> pandas.DataFrame:
        """The exclusion costs this model saves per success, as :func:`default_exclusion_costs`."""
        return _exclusion_frame(self._core.exclusion)

    def evaluate(self) -> EconomicResult:
        """The point estimate: every input at its mean."""
        return EconomicResult(_core.evaluate(self._core))

    def simulate(self, draws: int = 10_000, seed: int = 1, threads: Optional[int] = None) -> Simulation:
        """Monte Carlo over every input given as a distribution, in C++ without the GIL.

        ``threads`` defaults to all cores; the same ``seed`` gives the same draws on any
        number of threads.
        """
        draws, seed = checked_run(draws, seed, _MAX_DRAWS)
        return Simulation(_core.simulate(self._core, draws, seed, checked_threads(threads)))

    def tornado(self, low: float = 0.1, high: float = 0.9) -> pandas.DataFrame:
        """One-way sensitivity: each uncertain input at its ``low`` and ``high`` quantile, the
        others at their means; widest swing first, indexed by input.

        Columns ``low_value``, ``high_value`` (the input's quantiles), ``npv_at_low``,
        ``npv_at_high`` and ``swing``. ``frame.attrs`` holds ``base_npv`` (the NPV at the
        means), ``low``, ``high`` and ``view``. Draw it with :func:`plot_tornado`.
        """
        import pandas as pd

        if not 0 < low < high < 1:
            raise ValueError(f"tornado needs 0 < low < high < 1, got low={low!r}, high={high!r}")
        rows = [
            {
                "input": name,
                "low_value": lo,
                "high_value": hi,
                "npv_at_low": at_low,
                "npv_at_high": at_high,
                "swing": abs(at_high - at_low),
            }
            for name, lo, hi, at_low, at_high in _core.tornado(self._core, low, high)
        ]
        columns = ["input", "low_value", "high_value", "npv_at_low", "npv_at_high", "swing"]
        frame = pd.DataFrame(rows, columns=columns).set_index("input")
        frame.attrs.update(base_npv=self.evaluate().npv, low=low, high=high, view=self.view)
        return frame

    def __repr__(self) -> str:
        source = f" of {self._application.id}" if self._application is not None else ""
        return (
            f"<CostModel{source}: {self.view} view, base year {self.base_year}, {self.horizon_years} years, "
            f"{self.participants:g} participants>"
        )

    def _repr_html_(self) -> str:
        h = _html
        title = (
            f"<div><b>{h.text(self._application.title)}</b> <code>{h.text(self._application.id)}</code></div>"
            if self._application is not None
            else ""
        )
        costs = ", ".join(f"{year}: {amount / _MSEK:,.2f}" for year, amount in self.intervention_costs)
        cohorts = ", ".join(f"{year}: {n:g}" for year, n in self.cohorts)
        summary = (
            f"<div>{h.text(self.view)} view; base year {self.base_year}; horizon {self.horizon_years} years; "
            f"savings start {self.start_lag_years} year(s) after a cohort starts</div>"
            f"<div>costs by year (MSEK): {h.text(costs)}</div>"
            f"<div>cohorts (participants): {h.text(cohorts)}</div>"
        )
        inputs = h.table(
            ["input", "distribution", "mean", "P10", "P90"],
            (
                [h.text(name), h.text(d), h.text(f"{d.mean():,.4g}"), h.text(f"{d.quantile(0.1):,.4g}"),
                 h.text(f"{d.quantile(0.9):,.4g}")]
                for name, d in self._core.inputs
            ),
        )
        return '<div class="socinv-cost-model">' + title + summary + h.heading("Inputs") + inputs + "</div>"


def checked_run(draws: Any, seed: Any, most: int) -> tuple[int, int]:
    """``draws`` and ``seed`` as ints, checked: draws in 1..most, seed in 0..2**64-1 (TypeError
    or ValueError naming the value). Shared by every simulation, local or on Dask."""
    draws, seed = _whole("draws", draws), _whole("seed", seed)
    if not 1 <= draws <= most:
        raise ValueError(f"draws must lie in 1..{most:,}, not {draws}")
    if not 0 <= seed < 2**64:
        raise ValueError(f"seed must lie in 0..2**64-1, not {seed}")
    return draws, seed


def checked_threads(threads: Any) -> int:
    """``threads`` as the core's argument: None is 0 (all cores), else a whole number ≥ 1."""
    if threads is None:
        return 0
    threads = _whole("threads", threads)
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    return threads


def _rebuild_cost_model(application: Application, source: tuple[Any, ...]) -> CostModel:
    kind = source[0]
    if kind == "economics":
        return CostModel(_core.cost_model_from(application._core), application)
    if kind == "evaluative":
        _, measure, index = source
        return CostModel(_core.evaluative_model(application._core, measure)[index], application, source=source)
    raise ValueError(f"not a pickled CostModel (source {source!r})")


def cost_model(application: ApplicationSource, **economics: Any) -> CostModel:
    """The cost model of an application's ``economics`` section (docs/economics.md).

    ``application`` is anything :func:`load_application` takes: an Application, a dict, a
    path or JSON text. Keyword arguments replace keys of the ``economics`` section, for a
    what-if without editing the file::

        socinv.cost_model("sot.json", discount="green_book", view="society")

    Raises :class:`socinv.InputError` (a ``ValueError``) with ``.pointer`` naming the field
    (``"/economics/success_rate"``) for a section that cannot be read, or ``"/economics"``
    when there is none.
    """
    app = load_application(application)
    if economics:
        app = load_application(with_section(app.to_dict(), "economics", economics))
    return CostModel(_core.cost_model_from(app._core), app)


# --- drawing the tornado --------------------------------------------------------------------------


def plot_tornado(frame: pandas.DataFrame, ax: Optional[matplotlib.axes.Axes] = None) -> matplotlib.axes.Axes:
    """Horizontal bars of a :meth:`CostModel.tornado` frame: for each input, the NPV (MSEK) at its
    low and at its high quantile around the NPV at the means, widest swing at the top."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.5 * len(frame) + 1.5))
    base = frame.attrs.get("base_npv")
    if base is None:
        base = float(np.median(np.r_[frame["npv_at_low"], frame["npv_at_high"]])) if len(frame) else 0.0
    low_q, high_q = frame.attrs.get("low", 0.1), frame.attrs.get("high", 0.9)
    positions = np.arange(len(frame))[::-1]  # widest first, at the top
    at_low = frame["npv_at_low"].to_numpy() / _MSEK
    at_high = frame["npv_at_high"].to_numpy() / _MSEK
    b = base / _MSEK
    ax.barh(positions, at_low - b, left=b, color="#cf222e", alpha=0.8, label=f"input at P{100 * low_q:g}")
    ax.barh(positions, at_high - b, left=b, color="#1a7f37", alpha=0.8, label=f"input at P{100 * high_q:g}")
    labels = [
        f"{name}  ({lo:,.3g} – {hi:,.3g})" for name, lo, hi in zip(frame.index, frame["low_value"], frame["high_value"])
    ]
    ax.set_yticks(positions, labels, fontsize=8)
    ax.axvline(b, color="black", linewidth=1, label=f"NPV at the means {b:,.2f} MSEK")
    ax.axvline(0, color="black", linewidth=1, linestyle=":", label="break-even (NPV 0)")
    ax.set_xlabel("NPV (MSEK)")
    ax.set_title("One-way sensitivity (tornado)")
    ax.legend(fontsize=8, loc="lower right")
    return ax
