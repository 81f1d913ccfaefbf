"""Follow-up statistics: did the intervention work, and how sure are we (docs/outcomes.md).

The names and signatures follow statsmodels, so code written for it switches by changing the
import::

    from socinv.outcomes import proportion_confint, confint_proportions_2indep, combine_effects

    proportion_confint(267, 382)                  # Kalmar: (0.6512, 0.7428), clear of 60 %
    proportion_confint(15, 30, method="beta")     # SöT: Clopper–Pearson
    confint_proportions_2indep(40, 120, 25, 118)  # Newcombe's interval for p1 - p2
    res = combine_effects(effects, variances, method_re="reml")
    res.random.mean, res.random.ci, res.tau2, res.i2
    res.summary_frame(); res.plot_forest()

The interval and effect-size functions accept numbers or numpy arrays (broadcast against each
other, computed in C++ without the GIL) and return floats or arrays of the broadcast shape; a
pandas Series in gives Series out. The C++ code is in include/socinv/outcomes/.

Bad arguments (a count above its total, a method that does not exist, alpha outside (0, 1))
raise ``ValueError``; unknown method names raise :class:`socinv.InputError` (a ``ValueError``)
listing the known ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Optional, Union

import numpy as np
import numpy.typing as npt

from socinv import _core, _html
from socinv._core import BetaBelief, Distribution

if TYPE_CHECKING:
    import matplotlib.figure
    import pandas

__all__ = [
    "BetaBelief",
    "CombineResults",
    "DiffInDiff",
    "PooledEstimate",
    "beta_update",
    "combine_effects",
    "confint_means_2indep",
    "confint_proportions_2indep",
    "diff_in_diff",
    "effectsize_cox",
    "effectsize_smd",
    "minimum_detectable_difference",
    "proportion_confint",
]

ArrayLike = Union[float, npt.ArrayLike]


# --- broadcasting ------------------------------------------------------------------------------


def _broadcast(*values: Any) -> tuple[list[np.ndarray], tuple[int, ...], bool, Any]:
    """The arguments as flat float64 arrays of one length, their broadcast shape, whether all were
    scalars, and the index of the first pandas Series among them (to give Series back)."""
    index = next((v.index for v in values if hasattr(v, "index") and hasattr(v, "to_numpy")), None)
    arrays = [np.asarray(v.to_numpy() if hasattr(v, "to_numpy") else v, dtype=np.float64) for v in values]
    scalar = all(a.ndim == 0 for a in arrays)
    try:
        shaped = np.broadcast_arrays(*arrays)
    except ValueError as error:
        raise ValueError(f"the arguments cannot be broadcast together: {error}") from None
    shape = shaped[0].shape
    return [np.ascontiguousarray(a).ravel() for a in shaped], shape, scalar, index


def _shape_back(result: tuple[np.ndarray, np.ndarray], shape: tuple[int, ...], scalar: bool, index: Any) -> tuple[Any, Any]:
    first, second = result
    if scalar:
        return float(first[0]), float(second[0])
    if index is not None and len(shape) == 1:
        import pandas as pd

        return pd.Series(first, index=index), pd.Series(second, index=index)
    return first.reshape(shape), second.reshape(shape)


def _pairwise(function: Any, *values: Any, **options: Any) -> tuple[Any, Any]:
    arrays, shape, scalar, index = _broadcast(*values)
    return _shape_back(function(*arrays, **options), shape, scalar, index)


# --- one proportion, two proportions, two means ---------------------------------------------------


def proportion_confint(count: ArrayLike, nobs: ArrayLike, alpha: float = 0.05, method: str = "wilson") -> tuple[Any, Any]:
    """Confidence interval ``(low, high)`` for the proportion ``count / nobs`` at level ``1 - alpha``.

    As ``statsmodels.stats.proportion.proportion_confint``, with the methods ``"normal"``,
    ``"agresti_coull"``, ``"beta"`` (Clopper–Pearson, "exact"), ``"wilson"`` (the default here)
    and ``"jeffreys"``; same edge cases (Clopper–Pearson reaches 0 and 1 at 0 and ``nobs``
    successes) and the same clipping to [0, 1]. ``"binom_test"`` is not offered.
    """
    name = str(method).lower()
    if name.startswith("jeff"):  # statsmodels accepts any spelling that starts so
        name = "jeffreys"
    return _pairwise(_core.proportion_confint, count, nobs, alpha=float(alpha), method=name)


_COMPARE_ALIASES = {"or": "odds-ratio", "odds_ratio": "odds-ratio", "oddsratio": "odds-ratio", "rr": "ratio"}


def _two_proportion_method(method: Optional[str]) -> Optional[str]:
    if method is None:
        return None
    name = str(method).lower().replace("_", "-")
    if name.startswith("agr"):
        return "agresti-caffo"
    if name.startswith("newcomb"):
        return "newcomb"
    return name


def confint_proportions_2indep(
    count1: ArrayLike,
    nobs1: ArrayLike,
    count2: ArrayLike,
    nobs2: ArrayLike,
    method: Optional[str] = None,
    compare: str = "diff",
    alpha: float = 0.05,
) -> tuple[Any, Any]:
    """Confidence interval ``(low, high)`` comparing ``count1 / nobs1`` with ``count2 / nobs2``.

    As ``statsmodels.stats.proportion.confint_proportions_2indep``: ``compare="diff"`` (p1 - p2;
    methods ``"wald"``, ``"agresti-caffo"``, ``"newcomb"`` — the default), ``"ratio"`` (p1 / p2;
    ``"log"``, ``"log-adjusted"`` — the default) or ``"odds-ratio"`` (``"logit"``,
    ``"logit-adjusted"`` — the default). The score methods are not offered. The unadjusted
    ``"log"`` and ``"logit"`` raise ``ValueError`` at zero cells (statsmodels raises
    ``ZeroDivisionError`` there).
    """
    cmp = str(compare).lower()
    cmp = _COMPARE_ALIASES.get(cmp, cmp)
    return _pairwise(
        _core.confint_proportions_2indep,
        count1,
        nobs1,
        count2,
        nobs2,
        method=_two_proportion_method(method),
        compare=cmp,
        alpha=float(alpha),
    )


def confint_means_2indep(
    mean1: ArrayLike, sd1: ArrayLike, nobs1: ArrayLike, mean2: ArrayLike, sd2: ArrayLike, nobs2: ArrayLike, alpha: float = 0.05
) -> tuple[Any, Any]:
    """Welch's interval ``(low, high)`` for ``mean1 - mean2`` of two independent groups (unequal
    variances, Welch–Satterthwaite degrees of freedom), at level ``1 - alpha``."""
    return _pairwise(_core.confint_means_2indep, mean1, sd1, nobs1, mean2, sd2, nobs2, alpha=float(alpha))


# --- effect sizes -------------------------------------------------------------------------------


def effectsize_smd(
    mean1: ArrayLike, sd1: ArrayLike, nobs1: ArrayLike, mean2: ArrayLike, sd2: ArrayLike, nobs2: ArrayLike
) -> tuple[Any, Any]:
    """``(smd, var_smd)``: the bias-corrected standardized mean difference (Hedges' g) of group 1
    (treated) against group 2 (comparison), as ``statsmodels.stats.meta_analysis.effectsize_smd``."""
    return _pairwise(_core.effectsize_smd, mean1, sd1, nobs1, mean2, sd2, nobs2)


def effectsize_cox(
    count1: ArrayLike, nobs1: ArrayLike, count2: ArrayLike, nobs2: ArrayLike, zero_correction: float = 0.5
) -> tuple[Any, Any]:
    """``(d, var_d)``: the Cox transform ln(odds ratio) / 1.65 of group 1 against group 2, the
    standardized mean difference that WSIPP uses for yes/no outcomes, and its variance. Where a
    group has no successes or no failures, ``zero_correction`` is added to all four cells, as
    ``effectsize_2proportions(..., statistic="odds-ratio", zero_correction=0.5)`` / 1.65 does
    there; other rows are left alone (statsmodels adds ½ to their counts but not their totals)."""
    return _pairwise(_core.effectsize_cox, count1, nobs1, count2, nobs2, zero_correction=float(zero_correction))


# --- pooling -------------------------------------------------------------------------------------


class PooledEstimate(NamedTuple):
    """A pooled mean, its standard error and its interval ``(low, high)``."""

    mean: float
    se: float
    ci: tuple[float, float]


def _pooled(values: tuple[float, float, float, float]) -> PooledEstimate:
    mean, se, low, high = values
    return PooledEstimate(mean, se, (low, high))


class CombineResults:
    """The result of :func:`combine_effects`: ``fixed`` and ``random`` (:class:`PooledEstimate`),
    ``tau2``, ``i2`` (a fraction), ``q``, ``k``, the relative weights, and the studies."""

    def __init__(self, raw: Mapping[str, Any], effect: np.ndarray, variance: np.ndarray, row_names: list[Any], alpha: float) -> None:
        self.fixed = _pooled(raw["fixed"])
        self.random = _pooled(raw["random"])
        self.tau2: float = raw["tau2"]
        self.i2: float = raw["i2"]
        self.q: float = raw["q"]
        self.k: int = raw["k"]
        self.method_re: str = raw["method_re"]
        self.weights_fixed: np.ndarray = raw["weights_fixed"]
        self.weights_random: np.ndarray = raw["weights_random"]
        self.effect = effect
        self.variance = variance
        self.row_names = row_names
        self.alpha = alpha
        #: The p-value of the chi-squared test of Q on k - 1 degrees of freedom (NaN for one study);
        #: statsmodels' ``test_homogeneity().pvalue``.
        self.q_pvalue: float = raw["q_pvalue"]

    def summary_frame(self) -> pandas.DataFrame:
        """One row per study and for the fixed and random effect: ``eff``, ``sd_eff``, ``ci_low``,
        ``ci_upp``, ``w_fe``, ``w_re`` (statsmodels' columns; its HKSJ rows are left out)."""
        import pandas as pd

        crit = _core.z_critical(self.alpha)
        sd = np.sqrt(self.variance)
        frame = pd.DataFrame(
            {
                "eff": self.effect,
                "sd_eff": sd,
                "ci_low": self.effect - crit * sd,
                "ci_upp": self.effect + crit * sd,
                "w_fe": self.weights_fixed,
                "w_re": self.weights_random,
            },
            index=list(self.row_names),
        )
        pooled = pd.DataFrame(
            [
                [self.fixed.mean, self.fixed.se, *self.fixed.ci, 1.0, np.nan],
                [self.random.mean, self.random.se, *self.random.ci, np.nan, 1.0],
            ],
            index=["fixed effect", "random effect"],
            columns=frame.columns,
        )
        return pd.concat([frame, pooled])

    def plot_forest(self, ax: Any = None, use_exp: bool = False) -> matplotlib.figure.Figure:
        """A forest plot: each study and the two pooled means with their intervals, the random
        effect as a diamond. ``use_exp`` shows exp of the effects (log ratios as ratios)."""
        import matplotlib.pyplot as plt

        frame = self.summary_frame()
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.35 * len(frame) + 1.2))
        values = frame[["eff", "ci_low", "ci_upp"]].to_numpy()
        if use_exp:
            values = np.exp(values)
        positions = np.arange(len(frame))[::-1]
        studies = len(frame) - 2
        sizes = 20 + 200 * np.nan_to_num(frame["w_re"].to_numpy()[:studies])
        ax.errorbar(
            values[:studies, 0],
            positions[:studies],
            xerr=[values[:studies, 0] - values[:studies, 1], values[:studies, 2] - values[:studies, 0]],
            fmt="none",
            ecolor="#57606a",
            capsize=2,
        )
        ax.scatter(values[:studies, 0], positions[:studies], s=sizes, marker="s", color="#0969da", zorder=3)
        for row, colour in ((studies, "#57606a"), (studies + 1, "#cf222e")):
            mid, low, high = values[row]
            y = positions[row]
            ax.fill([low, mid, high, mid], [y, y + 0.3, y, y - 0.3], color=colour, alpha=0.8)
        ax.axvline(1.0 if use_exp else 0.0, color="black", linewidth=1, linestyle=":")
        ax.set_yticks(positions, [str(name) for name in frame.index], fontsize=8)
        ax.set_xlabel("effect (exp)" if use_exp else "effect")
        ax.set_title(
            f"Random effects ({self.method_re}): τ² = {self.tau2:.4g}, I² = {100 * self.i2:.1f} %, k = {self.k}"
        )
        return ax.figure

    def __repr__(self) -> str:
        r = self.random
        return (
            f"CombineResults(k={self.k}, method_re={self.method_re!r}, random=({r.mean:.6g}, "
            f"ci=({r.ci[0]:.6g}, {r.ci[1]:.6g})), tau2={self.tau2:.6g}, i2={self.i2:.4f}, q={self.q:.6g})"
        )

    def _repr_html_(self) -> str:
        level = f"{100 * (1 - self.alpha):g} %"
        rows = [
            [_html.text(name), _html.text(f"{e.mean:.4f}"), _html.text(f"{e.se:.4f}"), _html.text(f"{e.ci[0]:.4f} – {e.ci[1]:.4f}")]
            for name, e in (("fixed effect", self.fixed), (f"random effects ({self.method_re})", self.random))
        ]
        return (
            _html.heading(f"Pooled effect of {self.k} studies")
            + _html.table(["model", "mean", "se", f"{level} interval"], rows)
            + f"<div>τ² = {self.tau2:.4g}, I² = {100 * self.i2:.1f} %, Q = {self.q:.4g} on {self.k - 1} df</div>"
        )


_TAU2_ALIASES = {"iterated": "pm", "chi2": "dl", "paule-mandel": "pm", "dersimonian-laird": "dl"}


def combine_effects(
    effect: npt.ArrayLike,
    variance: npt.ArrayLike,
    method_re: str = "dl",
    row_names: Optional[Sequence[Any]] = None,
    alpha: float = 0.05,
) -> CombineResults:
    """Pool effect sizes with known sampling variances: fixed-effect (inverse-variance) and
    random-effects means, as ``statsmodels.stats.meta_analysis.combine_effects``.

    ``method_re`` estimates the between-study variance τ²: ``"dl"`` (DerSimonian–Laird, the
    default here; statsmodels' ``"chi2"``), ``"pm"`` (Paule–Mandel; statsmodels' ``"iterated"``,
    its default) or ``"reml"`` (restricted maximum likelihood, as metafor's default). Intervals
    use the normal distribution. τ² and I² are never negative (statsmodels' DL can give a
    negative τ² when Q < k - 1; metafor truncates at 0, as here).
    """
    name = str(method_re).lower()
    name = _TAU2_ALIASES.get(name, name)
    eff = np.ascontiguousarray(np.asarray(effect, dtype=np.float64).ravel())
    var = np.ascontiguousarray(np.asarray(variance, dtype=np.float64).ravel())
    index = getattr(effect, "index", None)  # a pandas Series names its studies
    if row_names is not None:
        names = list(row_names)
    else:
        names = list(index) if index is not None and not callable(index) else list(range(len(eff)))
    if len(names) != len(eff):
        raise ValueError(f"{len(names)} row names for {len(eff)} effects")
    raw = _core.combine_effects(eff, var, method_re=name, alpha=float(alpha))
    return CombineResults(raw, eff, var, names, float(alpha))


# --- difference in differences ----------------------------------------------------------------


class DiffInDiff(NamedTuple):
    """The difference in differences, its standard error and its interval ``(low, high)``."""

    estimate: float
    se: float
    ci: tuple[float, float]


def diff_in_diff(
    treated_before: Sequence[float],
    treated_after: Sequence[float],
    comparison_before: Sequence[float],
    comparison_after: Sequence[float],
    alpha: float = 0.05,
) -> DiffInDiff:
    """(treated after - treated before) - (comparison after - comparison before) for four
    independent groups, each ``(successes, n)`` or ``(mean, sd, n)`` (all of one kind). The
    standard error is the root of the summed sampling variances; the interval is normal.

    The figures may be numpy arrays, broadcast against each other: then ``estimate``, ``se`` and
    the interval's ends are arrays of the broadcast shape, each element what the scalar call gives."""
    groups = [tuple(g) for g in (treated_before, treated_after, comparison_before, comparison_after)]
    names = ("treated_before", "treated_after", "comparison_before", "comparison_after")
    values = [np.asarray(x, dtype=float) for g in groups for x in g]
    if all(v.ndim == 0 for v in values):
        estimate, se, low, high = _core.diff_in_diff(*(_group(g, name) for g, name in zip(groups, names)),
                                                     alpha=float(alpha))
        return DiffInDiff(estimate, se, (low, high))
    broadcast = np.broadcast_arrays(*values)
    shape = broadcast[0].shape
    out = np.empty((4, *shape))
    sizes = [len(g) for g in groups]
    for index in np.ndindex(*shape):
        flat = [float(b[index]) for b in broadcast]
        parts, at = [], 0
        for size, name in zip(sizes, names):
            parts.append(_group(tuple(flat[at:at + size]), name))
            at += size
        out[(slice(None), *index)] = _core.diff_in_diff(*parts, alpha=float(alpha))
    return DiffInDiff(out[0], out[1], (out[2], out[3]))


def _group(group: tuple[Any, ...], name: str) -> tuple[Any, ...]:
    # Counts are whole numbers: (successes, n) or (mean, sd, n).
    if len(group) == 2:
        return (_integral(group[0], f"{name} successes"), _integral(group[1], f"{name} n"))
    if len(group) == 3:
        return (float(group[0]), float(group[1]), _integral(group[2], f"{name} n"))
    return group  # the C++ side names the wrong length


# --- beta updates ---------------------------------------------------------------------------------


def beta_update(
    prior: Union[BetaBelief, Distribution, Sequence[float]], successes: ArrayLike, n: ArrayLike
) -> Union[BetaBelief, npt.NDArray[np.object_]]:
    """The posterior belief about a success rate after ``successes`` of ``n``: Beta(a + successes,
    b + n - successes). ``prior`` is ``(a, b)``, a :class:`BetaBelief`, or a socinv
    :class:`Distribution` (a cost model's forecast success rate), which is first matched to the
    beta with its mean and variance. The result has ``.mean``, ``.interval(level)`` and
    ``.probability_at_least(x)``.

    ``successes`` and ``n`` (and the ``(a, b)`` of a prior) may be numpy arrays, broadcast
    against each other: the result is then an object array of :class:`BetaBelief` of the
    broadcast shape, each element what the scalar call gives."""
    if isinstance(prior, BetaBelief):
        a, b = prior.a, prior.b
    elif isinstance(prior, Distribution):
        belief = _core.beta_from_moments(prior)
        a, b = belief.a, belief.b
    else:
        a, b = prior
    arrays = [np.asarray(x, dtype=float) for x in (a, b, successes, n)]
    if all(x.ndim == 0 for x in arrays):
        return _core.beta_update(BetaBelief(float(a), float(b)), _integral(successes, "successes"), _integral(n, "n"))
    pa, pb, s, total = np.broadcast_arrays(*arrays)
    out = np.empty(pa.shape, dtype=object)
    for index in np.ndindex(*pa.shape):
        out[index] = _core.beta_update(BetaBelief(float(pa[index]), float(pb[index])),
                                       _integral(s[index], "successes"), _integral(total[index], "n"))
    return out


def _integral(value: Any, name: str) -> int:
    # A count given as any number with a whole value (10.0 is fine), unlike _wrap.whole,
    # which refuses a float: beta_update takes counts computed in floating point.
    number = float(value)
    if not number.is_integer():
        raise ValueError(f"{name} {value!r} is not a whole number")
    return int(number)


# --- power ----------------------------------------------------------------------------------------


def minimum_detectable_difference(
    nobs: ArrayLike,
    *,
    proportion: Optional[ArrayLike] = None,
    sd: Optional[ArrayLike] = None,
    alpha: float = 0.05,
    power: float = 0.8,
) -> Any:
    """The smallest true difference from a reference value that a two-sided test at ``alpha``
    finds with probability ``power`` (80 % by convention), for ``nobs`` observations.

    Give ``proportion`` (the reference share, e.g. the target): (z_{1-α/2} + z_power) √(p (1 - p)
    / n). Or give ``sd`` for a mean: (t_{1-α/2, n-1} + t_{power, n-1}) sd / √n. With SöT's 30
    participants and a target of 50 % the answer is 0.256: only a difference of 26 percentage
    points or more is likely to show.
    """
    if (proportion is None) == (sd is None):
        raise ValueError("give exactly one of proportion= (for a share) or sd= (for a mean)")
    if proportion is not None:
        result = _core.minimum_detectable_difference_proportion(proportion, nobs, alpha, power)
    else:
        result = _core.minimum_detectable_difference_mean(sd, nobs, alpha, power)
    return float(result) if np.ndim(result) == 0 else result
