"""socinv.outcomes against statsmodels and scipy as oracles, and against published values.

Random inputs come from seeded generators; closed-form methods agree to 1e-9 relative (with a
tiny absolute floor for values at 0), the iterative ones (Paule–Mandel, REML) to 1e-6.
Published values: metafor's BCG vaccine data (DerSimonian–Laird log risk ratio −0.7141,
τ² 0.3088; REML −0.7145, τ² 0.3132), Newcombe's (1998) six examples for p1 − p2, and the
DOMAIN.md cases (Kalmar 267 of 382 against 60 %, SöT 15 of 30).
"""

from __future__ import annotations

import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest
from scipy import optimize, stats
from statsmodels.stats import meta_analysis as sm_meta
from statsmodels.stats import proportion as sm_prop
from statsmodels.stats.power import normal_power

import socinv
from socinv import outcomes
from socinv.errors import InputError

matplotlib.use("Agg")

RTOL = 1e-9
ATOL = 1e-14  # values at 0: Wilson's ends at 0 successes are 1e-17-sized rounding in both
PROPORTION_METHODS = ["normal", "agresti_coull", "beta", "wilson", "jeffreys"]


def quiet(function, *args, **kwargs):
    """Call an oracle with its warnings silenced (scipy warns on the NaNs statsmodels then replaces)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)


def random_counts(rng: np.random.Generator, size: int, max_n: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    nobs = rng.integers(1, max_n, size=size)
    count = rng.integers(0, nobs + 1)
    # Every tenth at an edge: 0 or n successes; and some n = 1.
    edge = rng.random(size) < 0.1
    count[edge] = np.where(rng.random(edge.sum()) < 0.5, 0, nobs[edge])
    ones = rng.random(size) < 0.03
    nobs[ones] = 1
    count[ones] = rng.integers(0, 2, size=ones.sum())
    return count.astype(float), nobs.astype(float)


# --- one proportion ----------------------------------------------------------------------------


@pytest.mark.parametrize("method", PROPORTION_METHODS)
@pytest.mark.parametrize("alpha", [0.01, 0.05, 0.1, 0.3])
def test_proportion_confint_matches_statsmodels(method, alpha):
    rng = np.random.default_rng(20240 + PROPORTION_METHODS.index(method))
    count, nobs = random_counts(rng, 3000)
    low, high = socinv.proportion_confint(count, nobs, alpha=alpha, method=method)
    sm_low, sm_high = quiet(sm_prop.proportion_confint, count, nobs, alpha=alpha, method=method)
    np.testing.assert_allclose(low, sm_low, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(high, sm_high, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("method", PROPORTION_METHODS)
@pytest.mark.parametrize("count, nobs", [(0, 1), (1, 1), (0, 10), (10, 10), (0, 500), (500, 500), (1, 2)])
def test_proportion_confint_edge_cases_match_statsmodels(method, count, nobs):
    low, high = socinv.proportion_confint(count, nobs, method=method)
    sm_low, sm_high = quiet(sm_prop.proportion_confint, count, nobs, method=method)
    assert low == pytest.approx(float(sm_low), rel=RTOL, abs=ATOL)
    assert high == pytest.approx(float(sm_high), rel=RTOL, abs=ATOL)
    assert isinstance(low, float) and isinstance(high, float)


def test_kalmar_seventy_percent_of_382_is_clear_of_sixty_percent():
    # 70 % of 382 is 267.4: 267 were counted. The Wilson and the exact interval clear 60 %.
    low, high = socinv.proportion_confint(267, 382)
    assert (low, high) == pytest.approx((0.6511588397655438, 0.7427853477372214), rel=RTOL)
    assert low > 0.60
    assert socinv.proportion_confint(267, 382, method="beta")[0] > 0.60


def test_sot_fifteen_of_thirty_is_too_wide_to_show_much():
    low, high = socinv.proportion_confint(15, 30)
    assert low == pytest.approx(0.33, abs=0.005)
    assert high == pytest.approx(0.67, abs=0.005)


def test_proportion_confint_broadcasts_and_keeps_shapes():
    low, high = socinv.proportion_confint([[1, 2, 3], [4, 5, 6]], 10)
    assert low.shape == high.shape == (2, 3)
    sm_low, _ = sm_prop.proportion_confint(np.array([[1, 2, 3], [4, 5, 6]]), 10, method="wilson")
    np.testing.assert_allclose(low, sm_low, rtol=RTOL)
    series = pd.Series([3, 4], index=["a", "b"])
    s_low, s_high = socinv.proportion_confint(series, 10, method="beta")
    assert isinstance(s_low, pd.Series) and list(s_low.index) == ["a", "b"]
    assert socinv.proportion_confint(3, 10, method="jeff") == socinv.proportion_confint(3, 10, method="jeffreys")


@pytest.mark.parametrize(
    "count, nobs, kwargs, error",
    [
        (11, 10, {}, "count 11 is more than nobs 10"),
        (1, 0, {}, "nobs 0 is not positive"),
        (-1, 10, {}, "count -1 is negative"),
        (1, 10, {"alpha": 1.0}, "alpha 1 is not strictly between 0 and 1"),
    ],
)
def test_proportion_confint_bad_arguments(count, nobs, kwargs, error):
    with pytest.raises(ValueError, match=error):
        socinv.proportion_confint(count, nobs, **kwargs)


def test_unknown_method_is_an_input_error_listing_the_known():
    with pytest.raises(InputError, match="expected one of: normal, agresti_coull, beta, wilson, jeffreys"):
        socinv.proportion_confint(1, 10, method="binom_test")


# --- two proportions -------------------------------------------------------------------------

TWO_METHODS = [
    ("diff", "wald"),
    ("diff", "agresti-caffo"),
    ("diff", "newcomb"),
    ("ratio", "log"),
    ("ratio", "log-adjusted"),
    ("odds-ratio", "logit"),
    ("odds-ratio", "logit-adjusted"),
]


@pytest.mark.parametrize("compare, method", TWO_METHODS)
@pytest.mark.parametrize("alpha", [0.05, 0.2])
def test_confint_proportions_2indep_matches_statsmodels(compare, method, alpha):
    rng = np.random.default_rng(77 + TWO_METHODS.index((compare, method)))
    c1, n1 = random_counts(rng, 1500, max_n=800)
    c2, n2 = random_counts(rng, 1500, max_n=800)
    if method in ("log", "logit"):  # defined only without zero cells
        keep = (c1 > 0) & (c2 > 0)
        if method == "logit":
            keep &= (c1 < n1) & (c2 < n2)
        c1, n1, c2, n2 = c1[keep], n1[keep], c2[keep], n2[keep]
    low, high = socinv.confint_proportions_2indep(c1, n1, c2, n2, method=method, compare=compare, alpha=alpha)
    sm_low, sm_high = quiet(sm_prop.confint_proportions_2indep, c1, n1, c2, n2, method=method, compare=compare, alpha=alpha)
    np.testing.assert_allclose(low, sm_low, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(high, sm_high, rtol=RTOL, atol=ATOL)


# Newcombe (1998), Table II, method 10 (hybrid score), to four places as published.
NEWCOMBE = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((6, 7, 2, 7), (0.0582, 0.8062)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ((0, 10, 0, 20), (-0.1611, 0.2775)),
    ((10, 10, 0, 20), (0.6791, 1.0000)),
]


@pytest.mark.parametrize("counts, published", NEWCOMBE)
def test_newcombe_1998_examples(counts, published):
    low, high = socinv.confint_proportions_2indep(*counts)
    assert (low, high) == pytest.approx(published, abs=5e-5)
    sm = sm_prop.confint_proportions_2indep(*counts, method="newcomb")
    assert (low, high) == pytest.approx(tuple(map(float, sm)), rel=RTOL, abs=ATOL)


def test_confint_proportions_2indep_defaults_and_aliases():
    assert socinv.confint_proportions_2indep(40, 120, 25, 118) == socinv.confint_proportions_2indep(
        40, 120, 25, 118, method="newcomb"
    )
    assert socinv.confint_proportions_2indep(40, 120, 25, 118, compare="or") == pytest.approx(
        tuple(map(float, sm_prop.confint_proportions_2indep(40, 120, 25, 118, compare="odds-ratio"))), rel=RTOL
    )
    assert socinv.confint_proportions_2indep(40, 120, 25, 118, method="agresti_caffo") == pytest.approx(
        tuple(map(float, sm_prop.confint_proportions_2indep(40, 120, 25, 118, method="agresti-caffo"))), rel=RTOL
    )


def test_confint_proportions_2indep_bad_arguments():
    with pytest.raises(ValueError, match="does not apply"):
        socinv.confint_proportions_2indep(5, 10, 3, 10, method="log")
    with pytest.raises(ValueError, match="log-adjusted"):
        socinv.confint_proportions_2indep(5, 56, 0, 29, method="log", compare="ratio")
    with pytest.raises(InputError, match="unknown method"):
        socinv.confint_proportions_2indep(5, 10, 3, 10, method="score")
    with pytest.raises(ValueError, match="count2 12 is more than nobs2 11"):
        socinv.confint_proportions_2indep(5, 10, 12, 11)


def test_confint_means_2indep_is_welch():
    rng = np.random.default_rng(5)
    m1, m2 = rng.normal(10, 3, 200), rng.normal(10, 3, 200)
    s1, s2 = rng.uniform(0.5, 5, 200), rng.uniform(0.5, 5, 200)
    n1, n2 = rng.integers(2, 300, 200).astype(float), rng.integers(2, 300, 200).astype(float)
    low, high = socinv.confint_means_2indep(m1, s1, n1, m2, s2, n2)
    v1, v2 = s1**2 / n1, s2**2 / n2
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    half = stats.t.isf(0.025, df) * np.sqrt(v1 + v2)
    np.testing.assert_allclose(low, m1 - m2 - half, rtol=RTOL, atol=1e-12)
    np.testing.assert_allclose(high, m1 - m2 + half, rtol=RTOL, atol=1e-12)


# --- effect sizes ----------------------------------------------------------------------------


def test_effectsize_smd_matches_statsmodels():
    rng = np.random.default_rng(11)
    size = 2000
    args = (
        rng.normal(0, 5, size),
        rng.uniform(0.1, 4, size),
        rng.integers(2, 500, size).astype(float),
        rng.normal(0, 5, size),
        rng.uniform(0.1, 4, size),
        rng.integers(2, 500, size).astype(float),
    )
    smd, var = socinv.effectsize_smd(*args)
    sm_smd, sm_var = sm_meta.effectsize_smd(*args)
    np.testing.assert_allclose(smd, sm_smd, rtol=RTOL)
    np.testing.assert_allclose(var, sm_var, rtol=RTOL)
    assert socinv.effectsize_smd(12.4, 3.1, 40, 10.9, 3.4, 38) == pytest.approx(
        (0.45703709962021416, 0.05272601706232354), rel=RTOL
    )


def test_effectsize_cox_is_the_log_odds_ratio_over_1_65():
    rng = np.random.default_rng(12)
    c1, n1 = random_counts(rng, 2000, max_n=400)
    c2, n2 = random_counts(rng, 2000, max_n=400)
    d, var = socinv.effectsize_cox(c1, n1, c2, n2)
    # Without zero cells: the plain log odds ratio. With one: statsmodels' zero_correction=0.5,
    # which adds ½ to every cell there (statsmodels also adds ½ to the counts, not the totals, of
    # rows without zeros when given an array; socinv leaves those alone, as metafor's "only0").
    zero = (c1 == 0) | (c1 == n1) | (c2 == 0) | (c2 == n2)
    assert 0 < zero.sum() < len(zero)
    log_or, var_log_or = sm_meta.effectsize_2proportions(
        c1[~zero], n1[~zero], c2[~zero], n2[~zero], statistic="odds-ratio"
    )
    np.testing.assert_allclose(d[~zero], log_or / 1.65, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(var[~zero], var_log_or / 1.65**2, rtol=RTOL)
    log_or, var_log_or = quiet(
        sm_meta.effectsize_2proportions, c1[zero], n1[zero], c2[zero], n2[zero], statistic="odds-ratio", zero_correction=0.5
    )
    np.testing.assert_allclose(d[zero], log_or / 1.65, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(var[zero], var_log_or / 1.65**2, rtol=RTOL)


def test_effect_size_bad_arguments():
    with pytest.raises(ValueError, match="standard deviation -1 is negative"):
        socinv.effectsize_smd(1, -1, 10, 2, 1, 10)
    with pytest.raises(ValueError, match="zero_correction"):
        socinv.effectsize_cox(0, 20, 5, 20, zero_correction=0)


# --- pooling ---------------------------------------------------------------------------------

# metafor's dat.bcg: tpos, tneg, cpos, cneg for 13 trials.
BCG = np.array(
    [
        [4, 119, 11, 128],
        [6, 300, 29, 274],
        [3, 228, 11, 209],
        [62, 13536, 248, 12619],
        [33, 5036, 47, 5761],
        [180, 1361, 372, 1079],
        [8, 2537, 10, 619],
        [505, 87886, 499, 87892],
        [29, 7470, 45, 7232],
        [17, 1699, 65, 1600],
        [186, 50448, 141, 27197],
        [5, 2493, 3, 2338],
        [27, 16886, 29, 17825],
    ],
    dtype=float,
)


def bcg_log_rr() -> tuple[np.ndarray, np.ndarray]:
    tpos, tneg, cpos, cneg = BCG.T
    n1, n2 = tpos + tneg, cpos + cneg
    return np.log(tpos / n1) - np.log(cpos / n2), 1 / tpos - 1 / n1 + 1 / cpos - 1 / n2


def reml_oracle(y: np.ndarray, v: np.ndarray) -> float:
    """τ² maximising the restricted likelihood, found by scipy without socinv's score equation."""

    def negative_restricted_loglik(tau2: float) -> float:
        w = 1 / (v + tau2)
        mu = (w * y).sum() / w.sum()
        return 0.5 * (np.log(v + tau2).sum() + np.log(w.sum()) + (w * (y - mu) ** 2).sum())

    upper = 10 * (np.var(y, ddof=1) + v.max())
    res = optimize.minimize_scalar(negative_restricted_loglik, bounds=(0, upper), method="bounded", options={"xatol": 1e-13})
    return float(res.x)


def test_bcg_published_values():
    y, v = bcg_log_rr()
    dl = socinv.combine_effects(y, v, method_re="dl")
    assert dl.random.mean == pytest.approx(-0.7141, abs=5e-5)
    assert dl.tau2 == pytest.approx(0.3088, abs=5e-5)
    assert dl.i2 == pytest.approx(0.9212, abs=5e-5)
    assert dl.q == pytest.approx(152.2330, abs=5e-5)
    reml = socinv.combine_effects(y, v, method_re="reml")
    assert reml.random.mean == pytest.approx(-0.7145, abs=5e-5)
    assert reml.tau2 == pytest.approx(0.3132, abs=5e-5)
    assert reml.random.se == pytest.approx(0.1798, abs=5e-5)
    assert reml.random.ci == pytest.approx((-1.0669, -0.3622), abs=5e-5)


def check_against_statsmodels(res, sm, rtol):
    assert res.fixed.mean == pytest.approx(sm.mean_effect_fe, rel=RTOL)
    assert res.fixed.se == pytest.approx(sm.sd_eff_w_fe, rel=RTOL)
    assert res.q == pytest.approx(sm.q, rel=RTOL)
    assert res.q_pvalue == pytest.approx(sm.test_homogeneity().pvalue, rel=1e-8, abs=1e-300)
    if sm.tau2 > 0:
        assert res.tau2 == pytest.approx(sm.tau2, rel=rtol)
        assert res.random.mean == pytest.approx(sm.mean_effect_re, rel=rtol, abs=1e-12)
        assert res.random.se == pytest.approx(sm.sd_eff_w_re, rel=rtol)
        ci = sm.conf_int()[1]
        assert res.random.ci == pytest.approx(tuple(ci), rel=rtol, abs=1e-12)
        assert res.i2 == pytest.approx(sm.i2, rel=RTOL)
    else:  # statsmodels' DL may go negative; socinv stops at 0, where random = fixed
        assert res.tau2 == 0
        assert res.random.mean == res.fixed.mean
        assert res.i2 == max(0.0, float(sm.i2))


@pytest.mark.parametrize("seed", range(40))
def test_combine_effects_matches_statsmodels(seed):
    rng = np.random.default_rng(900 + seed)
    k = int(rng.integers(2, 30))
    v = rng.uniform(0.005, 0.3, k)
    y = rng.normal(0.2, np.sqrt(v + rng.choice([0.0, 0.02, 0.2])))
    dl = socinv.combine_effects(y, v, method_re="dl")
    # statsmodels' DL may take a negative τ², and then warns of the square root of a negative variance.
    check_against_statsmodels(dl, quiet(sm_meta.combine_effects, y, v, method_re="dl"), RTOL)
    pm = socinv.combine_effects(y, v, method_re="pm")
    # statsmodels' Paule–Mandel iteration, run closer to convergence than its default atol of
    # 1e-5 (not much closer: at 1e-9 rounding can turn its estimating equation negative, and then it
    # resets τ² to 0).
    check_against_statsmodels(pm, sm_meta.combine_effects(y, v, method_re="iterated", atol=1e-7, maxiter=10_000), 1e-6)
    reml = socinv.combine_effects(y, v, method_re="reml")
    assert reml.tau2 == pytest.approx(reml_oracle(y, v), rel=1e-5, abs=1e-9)


def test_combine_effects_result_object():
    y, v = bcg_log_rr()
    res = socinv.combine_effects(y, v, method_re="iterated", row_names=[f"trial {i + 1}" for i in range(13)])
    assert res.method_re == "pm"
    frame = res.summary_frame()
    assert list(frame.columns) == ["eff", "sd_eff", "ci_low", "ci_upp", "w_fe", "w_re"]
    assert list(frame.index[-2:]) == ["fixed effect", "random effect"]
    sm = sm_meta.combine_effects(y, v, method_re="iterated", atol=1e-7, maxiter=10_000)
    sm_frame = sm.summary_frame()
    np.testing.assert_allclose(frame.iloc[:13].to_numpy(), sm_frame.iloc[:13].to_numpy(), rtol=1e-6)
    assert frame.loc["random effect", "eff"] == pytest.approx(sm_frame.loc["random effect", "eff"], rel=1e-6)
    assert res.weights_random.sum() == pytest.approx(1.0)
    assert "tau2=" in repr(res) and "τ²" in res._repr_html_()
    fig = res.plot_forest()
    assert fig.axes and len(fig.axes[0].get_yticklabels()) == 15
    import matplotlib.pyplot as plt

    plt.close(fig)


def test_combine_effects_bad_arguments():
    with pytest.raises(ValueError, match="variances must be positive"):
        socinv.combine_effects([0.1, 0.2], [0.01, 0.0])
    with pytest.raises(ValueError, match="2 effects but 1 variances"):
        socinv.combine_effects([0.1, 0.2], [0.01])
    with pytest.raises(InputError, match="random-effects method"):
        socinv.combine_effects([0.1, 0.2], [0.01, 0.02], method_re="hs")


# --- difference in differences -------------------------------------------------------------------


def test_diff_in_diff_proportions_and_means():
    res = socinv.diff_in_diff((20, 100), (45, 100), (22, 110), (30, 105))
    p = np.array([0.20, 0.45, 22 / 110, 30 / 105])
    n = np.array([100, 100, 110, 105])
    se = np.sqrt((p * (1 - p) / n).sum())
    estimate = (p[1] - p[0]) - (p[3] - p[2])
    assert res.estimate == pytest.approx(estimate, rel=RTOL)
    assert res.se == pytest.approx(se, rel=RTOL)
    z = stats.norm.isf(0.025)
    assert res.ci == pytest.approx((estimate - z * se, estimate + z * se), rel=RTOL)
    means = socinv.diff_in_diff((10, 2, 25), (13, 2, 25), (10, 3, 36), (11, 3, 36), alpha=0.1)
    assert means.estimate == pytest.approx(2.0)
    assert means.se == pytest.approx(np.sqrt(2 * 4 / 25 + 2 * 9 / 36), rel=RTOL)


def test_diff_in_diff_bad_data_names_the_group():
    with pytest.raises(InputError) as caught:
        socinv.diff_in_diff((20, 100), (45, 100), (22, 110), (130, 105))
    assert caught.value.pointer == "/comparison_after/successes"
    assert caught.value.value == "130"
    with pytest.raises(ValueError, match="one kind"):
        socinv.diff_in_diff((20, 100), (13, 2, 25), (22, 110), (30, 105))
    with pytest.raises(ValueError, match=r"\(successes, n\) or \(mean, sd, n\)"):
        socinv.diff_in_diff((20,), (45, 100), (22, 110), (30, 105))


# --- beta updates -----------------------------------------------------------------------------


@pytest.mark.parametrize("a, b, successes, n", [(1, 1, 0, 1), (1, 1, 1, 1), (2, 3, 15, 30), (0.5, 0.5, 267, 382), (8, 2, 0, 40)])
def test_beta_update_matches_scipy(a, b, successes, n):
    post = socinv.beta_update((a, b), successes, n)
    oracle = stats.beta(a + successes, b + n - successes)
    assert (post.a, post.b) == (a + successes, b + n - successes)
    assert post.mean == pytest.approx(oracle.mean(), rel=RTOL)
    assert post.interval(0.9) == pytest.approx((oracle.ppf(0.05), oracle.isf(0.05)), rel=1e-9)
    xs = np.linspace(0.01, 0.99, 25)
    np.testing.assert_allclose(post.probability_at_least(xs), oracle.sf(xs), rtol=1e-9, atol=1e-15)
    assert post.probability_at_least(0.0) == 1.0


def test_beta_update_from_a_socinv_distribution():
    pert = socinv.distribution({"dist": "pert", "low": 0, "mode": 0.4, "high": 1})
    post = socinv.beta_update(pert, 15, 30)
    assert (post.a, post.b) == pytest.approx((2.6 + 15, 3.4 + 15), rel=1e-12)
    tri = socinv.distribution({"dist": "triangular", "low": 0.1, "mode": 0.3, "high": 0.6})
    prior = socinv.beta_update(tri, 0, 0)
    assert prior.mean == pytest.approx(tri.mean(), rel=1e-12)
    assert socinv.beta_update(socinv.BetaBelief(2, 3), 1, 2) == socinv.BetaBelief(3, 4)


def test_beta_update_bad_arguments():
    with pytest.raises(ValueError, match="no spread"):
        socinv.beta_update(socinv.distribution(0.4), 1, 2)
    with pytest.raises(ValueError, match="no beta distribution"):
        socinv.beta_update(socinv.distribution({"dist": "normal", "mean": 0.5, "sd": 0.6}), 1, 2)
    with pytest.raises(ValueError, match="successes 5 is not between 0 and n 4"):
        socinv.beta_update((1, 1), 5, 4)
    with pytest.raises(ValueError, match="a > 0 and b > 0"):
        socinv.beta_update((0, 1), 1, 2)


# --- power ---------------------------------------------------------------------------------------


def test_minimum_detectable_difference_for_a_proportion():
    rng = np.random.default_rng(3)
    p0, n = rng.uniform(0.01, 0.99, 500), rng.integers(5, 5000, 500)
    mdd = socinv.minimum_detectable_difference(n, proportion=p0)
    expected = (stats.norm.isf(0.025) + stats.norm.ppf(0.8)) * np.sqrt(p0 * (1 - p0) / n)
    np.testing.assert_allclose(mdd, expected, rtol=RTOL)
    # At that distance the two-sided z-test has 80 % power (statsmodels' normal_power, which
    # adds the far tail that the closed form leaves out).
    power = normal_power(mdd / np.sqrt(p0 * (1 - p0)), n, 0.05)
    np.testing.assert_allclose(power, 0.8, atol=1e-5)
    # SöT: 30 people and a 50 % target: only a 26-point difference is likely to show.
    assert socinv.minimum_detectable_difference(30, proportion=0.5) == pytest.approx(0.2557485701222506, rel=RTOL)


def test_minimum_detectable_difference_for_a_mean():
    sd, n = 3.1, np.array([5, 30, 200])
    mdd = socinv.minimum_detectable_difference(n, sd=sd, alpha=0.1, power=0.9)
    expected = (stats.t.isf(0.05, n - 1) + stats.t.ppf(0.9, n - 1)) * sd / np.sqrt(n)
    np.testing.assert_allclose(mdd, expected, rtol=RTOL)


def test_minimum_detectable_difference_bad_arguments():
    with pytest.raises(ValueError, match="exactly one"):
        socinv.minimum_detectable_difference(30)
    with pytest.raises(ValueError, match="p0 1.5 is not between 0 and 1"):
        socinv.minimum_detectable_difference(30, proportion=1.5)
    with pytest.raises(ValueError, match="n 1 is below 2"):
        socinv.minimum_detectable_difference(1, sd=2.0)


def test_module_exports():
    for name in outcomes.__all__:
        assert name in socinv.__all__


def test_diff_in_diff_and_beta_update_broadcast_arrays():
    import numpy as np

    after = np.array([40, 45, 50])
    did = socinv.diff_in_diff((30, 120), (after, 120), (28, 118), (25, 118))
    for i, a in enumerate(after):
        one = socinv.diff_in_diff((30, 120), (int(a), 120), (28, 118), (25, 118))
        assert did.estimate[i] == one.estimate and did.se[i] == one.se
        assert (did.ci[0][i], did.ci[1][i]) == one.ci
    # Means too, and broadcasting against a column.
    grid = socinv.diff_in_diff((7.0, 1.0, 30), (np.array([[5.0], [6.0]]), 1.0, 30), (7.0, 1.0, 40), (np.array([7.0, 6.5]), 1.0, 40))
    assert grid.estimate.shape == (2, 2)
    assert grid.estimate[1, 0] == pytest.approx((6.0 - 7.0) - (7.0 - 7.0))
    posteriors = socinv.beta_update((2, 3), np.array([1, 4]), 10)
    assert posteriors.shape == (2,)
    assert (posteriors[1].a, posteriors[1].b) == (6.0, 9.0)
    from scipy.stats import beta

    assert posteriors[0].probability_at_least(0.3) == pytest.approx(beta(3, 12).sf(0.3), rel=1e-9)
    with pytest.raises(ValueError, match="not a whole number"):
        socinv.beta_update((2, 3), np.array([1.5]), 10)
