# Generated from the built module by scripts/generate_stubs.py (pybind11-stubgen): do not edit.
# After changing a binding, run `make stubs` and commit this file.
"""
socinv's C++ core (use the socinv package, not this module, from Python code)
"""
from __future__ import annotations
import collections.abc
import numpy
import numpy.typing
import typing
__all__: list[str] = ['Agreement', 'Application', 'Assessment', 'BetaBelief', 'CostModel', 'DiscountSchedule', 'Distribution', 'EconomicResult', 'ExclusionCostProfile', 'Fund', 'FundDraws', 'FundLedger', 'FundSimulation', 'LedgerStore', 'Period', 'RuleOutcome', 'RuleSet', 'Simulation', 'TransferSchedule', 'agreement_from', 'all_rates', 'all_rates_dated', 'allocate', 'assess', 'assess_batch', 'assess_json_lines', 'beta_from_moments', 'beta_update', 'booked_from', 'builtin_rule_set', 'builtin_rule_set_names', 'combine_effects', 'confint_means_2indep', 'confint_proportions_2indep', 'cost_model_from', 'day_count_name', 'default_exclusion_costs', 'diff_in_diff', 'draw_fund', 'effectsize_cox', 'effectsize_smd', 'evaluate', 'evaluate_follow_up', 'evaluative_model', 'format_decimal', 'format_sek', 'invested_amount', 'irr', 'irr_batch', 'ledger_horizon', 'load_fund', 'max_fund_simulation_draws', 'max_simulation_draws', 'merge_simulations', 'minimum_detectable_difference_mean', 'minimum_detectable_difference_proportion', 'mirr', 'npv', 'npv_batch', 'open_ledger_store', 'parse_application', 'parse_date', 'parse_distribution', 'parse_ledger', 'parse_rule_set', 'parse_sek', 'percentile', 'proportion_confint', 'run_cli', 'save_ledger', 'savings_from', 'schedule_from', 'simulate', 'simulate_fund', 'standard_return_rules', 'summarize_fund', 'tornado', 'tornado_json', 'xirr', 'xirr_batch', 'xnpv', 'xnpv_batch', 'year_fraction', 'z_critical']
class Period:
    """
    A period with an inclusive end date, e.g. 2014-04-01 – 2017-03-31.
    """
    def __eq__(self, arg0: Period) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, typing.Any]:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, start: typing.Any, end: typing.Any) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        ...
    def budget_years(self) -> list[tuple[int, int]]:
        """
        The calendar budget years the period touches, as (year, days) pairs.
        """
    def contains(self, day: typing.Any) -> bool:
        ...
    def fits_within_months(self, months: typing.SupportsInt | typing.SupportsIndex) -> bool:
        ...
    def lasts_at_least_months(self, months: typing.SupportsInt | typing.SupportsIndex) -> bool:
        ...
    @property
    def days(self) -> int:
        """
        Days in the period, both ends counted.
        """
    @property
    def end(self) -> typing.Any:
        ...
    @property
    def start(self) -> typing.Any:
        ...
    @property
    def whole_months(self) -> int:
        """
        Complete calendar months from the start to the day after the end.
        """
class Application:
    """
    An application to a social investment fund (docs/application-format.md).
    """
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> typing.Any:
        """
        The application in the interchange format, as a dict (what to_json writes, not parsed again).
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
        """
        The application in the interchange format, as JSON text.
        """
    @property
    def decision(self) -> typing.Any:
        """
        (date, body, granted öre), or None before the fund has decided.
        """
    @property
    def extension_of(self) -> str | None:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def municipality(self) -> str:
        ...
    @property
    def participants(self) -> int | None:
        ...
    @property
    def parties(self) -> list:
        """
        The parties as (name, kind, form or None, role) tuples.
        """
    @property
    def period(self) -> Period:
        ...
    @property
    def places_per_year(self) -> int | None:
        ...
    @property
    def requested(self) -> int:
        """
        The amount requested, in öre.
        """
    @property
    def target_group(self) -> str:
        ...
    @property
    def title(self) -> str:
        ...
    @property
    def total_cost(self) -> int:
        """
        The budget's sum when a budget is given, else requested plus co-financing, in öre.
        """
class RuleSet:
    """
    An eligibility rule set (schema/rule-set.schema.json).
    """
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> typing.Any:
        """
        The rule set as a dict (what to_json writes, without the text).
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
        """
        The rule set as JSON text; parse_rule_set reads it back equal.
        """
    @property
    def max_months(self) -> int | None:
        """
        The longest period allowed, in whole months, or None.
        """
    @property
    def min_months(self) -> int | None:
        """
        The shortest period allowed, in whole months, or None.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def source(self) -> str:
        ...
    @property
    def title(self) -> str:
        ...
    @property
    def version(self) -> str:
        ...
class Assessment:
    """
    Eligibility, the checklist and the findings of one application under one rule set.
    """
    def __repr__(self) -> str:
        ...
    def summary(self) -> dict:
        """
        whole_months, days, rules_met (ids), findings ((code, severity) pairs) and checklist ((criterion, advisory, verdict) triples), without the texts.
        """
    def text_report(self, lang: str = 'en') -> str:
        """
        The report of `socinv assess`, in English or Swedish.
        """
    def to_dict(self, lang: str = 'en') -> typing.Any:
        """
        The assessment as a dict (what to_json writes, without the text).
        """
    def to_json(self, lang: str = 'en', indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
        """
        The assessment as JSON text (the output of `socinv assess --format json`).
        """
    @property
    def application(self) -> Application:
        ...
    @property
    def eligible(self) -> bool:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def passes(self) -> bool:
        """
        Eligible, and no funding criterion is not_met (the CLI's exit code 0).
        """
    @property
    def requested(self) -> int:
        ...
    @property
    def rules_name(self) -> str:
        ...
    @property
    def rules_version(self) -> str:
        ...
    @property
    def title(self) -> str:
        ...
class DiscountSchedule:
    """
    Discount factors over time: a constant annual rate, or piecewise-constant rates
    compounded across their steps (the Green Book's declining schedule, say).
    """
    @staticmethod
    def constant(rate: typing.SupportsFloat | typing.SupportsIndex) -> DiscountSchedule:
        """
        One annual rate for every horizon.
        """
    @staticmethod
    def from_index(levels: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> DiscountSchedule:
        """
        The annual inflation of a price index given at whole years 0, 1, ..., n (the last year's rate
        goes on), for to_real and to_nominal.
        """
    @staticmethod
    def green_book() -> DiscountSchedule:
        """
        HM Treasury's Green Book schedule: 3.5 % to year 30, 3.0 % to 75, 2.5 % to 125, 2.0 % to
        200, 1.5 % to 300, 1.0 % after.
        """
    @staticmethod
    def steps(steps: collections.abc.Sequence[tuple[typing.SupportsFloat | typing.SupportsIndex, typing.SupportsFloat | typing.SupportsIndex]]) -> DiscountSchedule:
        """
        Rates by horizon: [(from_year, rate), ...] with the first from year 0, in increasing order;
        each rate holds until the next step's year. [(0, 0.035), (30, 0.03)] discounts a flow
        31 years out by 1.035**-30 / 1.03.
        """
    def __eq__(self, arg0: DiscountSchedule) -> bool:
        ...
    def __getstate__(self) -> tuple[list[tuple[float, float]]]:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self) -> None:
        """
        A schedule that discounts at 0 %.
        """
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def factor(self, years: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        The discount factor for a flow `years` after the valuation date (compounded before it).
        """
    def factors(self, years: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> numpy.typing.NDArray[numpy.float64]:
        """
        factor() of every element of an array, as an array of the same shape.
        """
    def rate(self, years: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        The annual rate in force `years` out.
        """
    @typing.overload
    def to_nominal(self, inflation: typing.SupportsFloat | typing.SupportsIndex) -> DiscountSchedule:
        """
        Nominal rates from these real ones.
        """
    @typing.overload
    def to_nominal(self, inflation: DiscountSchedule) -> DiscountSchedule:
        ...
    @typing.overload
    def to_real(self, inflation: typing.SupportsFloat | typing.SupportsIndex) -> DiscountSchedule:
        """
        Real rates from these nominal ones: (1 + nominal) = (1 + real)(1 + inflation).
        """
    @typing.overload
    def to_real(self, inflation: DiscountSchedule) -> DiscountSchedule:
        ...
    @property
    def rate_steps(self) -> list[tuple[float, float]]:
        """
        The steps as (from_year, rate) pairs.
        """
class Distribution:
    """
    One uncertain input: fixed, uniform, triangular, normal, lognormal or pert (docs/economics.md).
    """
    def __eq__(self, arg0: Distribution) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def mean(self) -> float:
        ...
    @typing.overload
    def quantile(self, p: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        The value below which a share p (0..1) of draws fall.
        """
    @typing.overload
    def quantile(self, p: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> numpy.typing.NDArray[numpy.float64]:
        ...
    def sample(self, size: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex = 1) -> numpy.typing.NDArray[numpy.float64]:
        """
        `size` draws; draw i comes from the counter-based stream (seed, i).
        """
    @property
    def is_fixed(self) -> bool:
        ...
    @property
    def kind(self) -> str:
        ...
    @property
    def parameters(self) -> dict:
        """
        The parameters by their names in the `economics` section.
        """
class ExclusionCostProfile:
    """
    The yearly cost of one person in long-term exclusion, by payer.
    """
    def __repr__(self) -> str:
        ...
    def lifetime_cost(self, resources_only: bool = False) -> float:
        """
        Undiscounted cost from age_from to age_to at the means, optionally real resources only.
        """
    @property
    def age_from(self) -> int:
        ...
    @property
    def age_to(self) -> int:
        ...
    @property
    def items(self) -> list:
        """
        (name, payer, level, nature, per_year Distribution, source) tuples.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def scale(self) -> Distribution:
        ...
    @property
    def working_years(self) -> int:
        ...
class CostModel:
    """
    A cost model read from an application's `economics` section.
    """
    def __repr__(self) -> str:
        ...
    @property
    def base_year(self) -> int:
        ...
    @property
    def cohorts(self) -> list[tuple[int, float]]:
        """
        (start year, participants) pairs.
        """
    @property
    def cost_payers(self) -> list[tuple[str, float]]:
        """
        (name, share of the costs) pairs: the fund and any co-financiers.
        """
    @property
    def discount_factors(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        The factor of each year from base_year, horizon_years of them.
        """
    @property
    def exclusion(self) -> ExclusionCostProfile:
        """
        The exclusion costs the model saves when a participant succeeds.
        """
    @property
    def horizon_years(self) -> int:
        ...
    @property
    def inputs(self) -> list[tuple[str, Distribution]]:
        """
        (name, Distribution) pairs in the order Monte Carlo draws them.
        """
    @property
    def intervention_costs(self) -> list[tuple[int, float]]:
        """
        (budget year, SEK) pairs, as budgeted.
        """
    @property
    def start_lag_years(self) -> int:
        ...
    @property
    def view(self) -> str:
        ...
class EconomicResult:
    """
    A cost model evaluated at its inputs' means.
    """
    def to_dict(self) -> typing.Any:
        """
        The result as a dict (what to_json writes, without the text).
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
        """
        The result as `socinv simulate --format json` writes its point_estimate.
        """
    @property
    def benefit_cost_ratio(self) -> float:
        ...
    @property
    def break_even_success_rate(self) -> float:
        ...
    @property
    def break_even_successes(self) -> float:
        ...
    @property
    def by_payer(self) -> list:
        """
        (payer, level, pv_costs_paid, pv_savings) tuples: the funders first, then those who save.
        """
    @property
    def costs(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def discount_factors(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def expected_successes(self) -> float:
        ...
    @property
    def npv(self) -> float:
        ...
    @property
    def participants(self) -> float:
        ...
    @property
    def payback_year(self) -> int | None:
        ...
    @property
    def pv_costs(self) -> float:
        ...
    @property
    def pv_savings(self) -> float:
        ...
    @property
    def savings(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def savings_by_payer(self) -> dict:
        """
        Every payer's savings by year (all their items, whatever the view).
        """
    @property
    def sroi_ratio(self) -> float:
        ...
    @property
    def value_per_success(self) -> float:
        ...
    @property
    def view(self) -> str:
        ...
    @property
    def years(self) -> numpy.typing.NDArray[numpy.int32]:
        ...
class Simulation:
    """
    A Monte Carlo run over a cost model's inputs.
    """
    def __getstate__(self) -> tuple[int, int, int, float, float, bytes, bytes, bytes]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def npv_percentile(self, p: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        The p-quantile (0..1) of the NPV, interpolating linearly between order statistics.
        """
    def to_dict(self, with_draws: bool = False) -> typing.Any:
        """
        The summary as a dict (what to_json writes, without the text).
        """
    def to_json(self, with_draws: bool = False, indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
        """
        The summary as `socinv simulate --format json` writes it; with_draws adds every NPV.
        """
    @property
    def draws(self) -> int:
        ...
    @property
    def first_draw(self) -> int:
        """
        The index of the run's first draw.
        """
    @property
    def mean_npv(self) -> float:
        ...
    @property
    def npv(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        NPV per draw (read-only, shared with this object).
        """
    @property
    def probability_break_even(self) -> float:
        ...
    @property
    def pv_costs(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def pv_savings(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def seed(self) -> int:
        ...
class Agreement:
    """
    The terms of a return-transfer agreement (docs/return-transfers.md).
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: Agreement) -> bool:
        ...
    @property
    def cap_amount(self) -> int:
        """
        The cap in öre when cap_kind is "amount".
        """
    @property
    def cap_kind(self) -> str:
        ...
    @property
    def first_year(self) -> int:
        ...
    @property
    def lag_years(self) -> int:
        ...
    @property
    def last_year(self) -> int:
        ...
    @property
    def minimum(self) -> int:
        ...
    @property
    def payers(self) -> list[str]:
        ...
    @property
    def share_ppm(self) -> int:
        """
        The share returned, in parts per million.
        """
    @property
    def split(self) -> list[tuple[str, int]]:
        """
        (payer, share in ppm) pairs of a fixed split; empty when each payer returns from its own saving.
        """
    @property
    def split_by_saving(self) -> bool:
        ...
class TransferSchedule:
    """
    The budget-frame reductions an agreement gives, exact to the öre.
    """
    def to_dict(self) -> typing.Any:
        """
        As a dict (what to_json writes, without the text).
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
        """
        As `socinv transfers --format json` writes it.
        """
    @property
    def cap(self) -> int | None:
        ...
    @property
    def capped(self) -> bool:
        ...
    @property
    def lines(self) -> list[tuple[str, int, int, str, int, str]]:
        """
        (payer, year, öre, kind, saving_year, basis) by year, then payer.
        """
    @property
    def total(self) -> int:
        ...
    @property
    def uncapped_total(self) -> int:
        ...
class FundLedger:
    """
    The fund's append-only ledger, checked entry by entry.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: FundLedger) -> bool:
        ...
    def __getstate__(self) -> str:
        ...
    @typing.overload
    def __init__(self, fund: str = '', latest: typing.Any = None) -> None:
        """
        An empty ledger; entries dated after `latest` (a date, or None) are refused.
        """
    @typing.overload
    def __init__(self, other: FundLedger) -> None:
        """
        A copy.
        """
    def __len__(self) -> int:
        ...
    def __setstate__(self, arg0: str) -> None:
        ...
    def append(self, id: str, date: typing.Any, kind: str, amount_ore: typing.SupportsInt | typing.SupportsIndex, application: str = '', decision: str = '', note: str = '') -> None:
        """
        Append an entry after checking it; a refused entry raises InputError (pointer /entries/N/...) and
        leaves the ledger as it was.
        """
    def balances(self) -> tuple[int, int, int, int, int, int, int]:
        """
        (capital, committed, paid, returned, written_off, cash, available) in öre.
        """
    def balances_on(self, day: typing.Any) -> tuple[int, int, int, int, int, int, int]:
        """
        The balances at the end of a day.
        """
    def grants(self) -> dict:
        """
        application → (granted_on, granted, paid, returned, written_off, outstanding, closed), öre.
        """
    def to_dict(self) -> typing.Any:
        """
        The ledger file's JSON as a dict (what to_json writes, without the text).
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
        """
        The ledger file's JSON (each entry with the cash after it).
        """
    @property
    def entries(self) -> list:
        """
        (id, date, kind, öre, application, decision, note) tuples; absent texts are "".
        """
    @property
    def fund(self) -> str:
        ...
    @property
    def history(self) -> list[tuple[int, int, int, int, int, int, int]]:
        """
        The balances after each entry (see balances()).
        """
class LedgerStore:
    """
    A fund ledger in a SQLite database: appends commit at once, hash-chained.
    """
    def __len__(self) -> int:
        ...
    def append(self, id: str, date: typing.Any, kind: str, amount_ore: typing.SupportsInt | typing.SupportsIndex, application: str = '', decision: str = '', note: str = '') -> tuple[int, int, int, int, int, int, int]:
        """
        Append an entry in one transaction; returns the balances after it. A refused entry raises
        InputError (pointer /entries/N/...) and stores nothing.
        """
    def balances(self, on: typing.Any = None) -> tuple[int, int, int, int, int, int, int]:
        """
        The balances after the last entry on or before `on` (all entries: None).
        """
    def close(self) -> None:
        """
        Close the database (also when the object is collected).
        """
    def export_file(self, path: str) -> None:
        """
        Write export_json() to a file atomically.
        """
    def export_json(self, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
        """
        The ledger file format with each entry's hash (verified first).
        """
    def hashes(self) -> list[str]:
        """
        Each entry's hash, in order (verified).
        """
    def import_json(self, text: str, source: str = '') -> int:
        """
        Import a ledger file into this empty store: its chain (if it has hashes), rules and cash_after
        are checked; all or nothing. Returns the number of entries.
        """
    def load(self) -> FundLedger:
        """
        The ledger, every hash and rule checked (ChainError for the first entry that does not match).
        """
    def verify(self) -> tuple[int, str, typing.Any, list[str]]:
        """
        (entries, head hash, None or (position, id, reason) of the first entry that does not match, warnings).
        """
    @property
    def fund(self) -> str:
        ...
    @property
    def path(self) -> str:
        ...
class Fund:
    """
    A fund file: ledger, portfolio and simulation settings.
    """
    @property
    def applications(self) -> list[Application]:
        """
        The portfolio's applications, in file order.
        """
    @property
    def draws(self) -> int:
        ...
    @property
    def granted(self) -> list[bool]:
        """
        Per application: granted (True) or planned (False).
        """
    @property
    def horizon_years(self) -> int:
        ...
    @property
    def ledger(self) -> FundLedger:
        """
        A copy of the ledger.
        """
    @property
    def ledger_database(self) -> str:
        """
        The ledger database the fund file names, or "".
        """
    @property
    def min_grant(self) -> float:
        """
        SEK; 0 means the smallest investment.
        """
    @property
    def path(self) -> str:
        ...
    @property
    def seed(self) -> int:
        ...
    @property
    def start_year(self) -> int:
        ...
class RuleOutcome:
    """
    The fund under one return rule, over every draw.
    """
    @property
    def balance_mean(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def balance_percentiles(self) -> dict:
        """
        {5, 25, 50, 75, 95} → the balance's percentile by year.
        """
    @property
    def expected_reductions(self) -> dict[str, float]:
        ...
    @property
    def expected_reductions_by_year(self) -> dict:
        ...
    @property
    def mean_end_balance(self) -> float:
        ...
    @property
    def mean_total_returns(self) -> float:
        ...
    @property
    def median_years_to_exhaustion(self) -> float | None:
        ...
    @property
    def probability_exhausted(self) -> float:
        ...
    @property
    def probability_paid_back(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def rule(self) -> str:
        ...
    @property
    def years(self) -> list[int]:
        ...
class FundSimulation:
    """
    A fund simulated under several return rules on the same draws.
    """
    def to_dict(self) -> typing.Any:
        """
        As a dict (what to_json writes, without the text).
        """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
        """
        As the `simulation` of `socinv fund --simulate --format json`.
        """
    @property
    def draws(self) -> int:
        ...
    @property
    def investments(self) -> list[str]:
        ...
    @property
    def min_grant(self) -> float:
        ...
    @property
    def outcomes(self) -> list[RuleOutcome]:
        ...
    @property
    def seed(self) -> int:
        ...
class FundDraws:
    """
    The draws [first_draw, first_draw + draws) of a fund simulation.
    """
    def __getstate__(self) -> tuple[int, int, int, int, int, list, list, list, list]:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    @property
    def draws(self) -> int:
        ...
    @property
    def first_draw(self) -> int:
        ...
    @property
    def seed(self) -> int:
        ...
class BetaBelief:
    """
    A belief about a rate: Beta(a, b). From beta_update, or BetaBelief(a, b) for a prior.
    """
    def __eq__(self, arg0: BetaBelief) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, a: typing.SupportsFloat | typing.SupportsIndex, b: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def interval(self, level: typing.SupportsFloat | typing.SupportsIndex = 0.95) -> tuple[float, float]:
        """
        The equal-tailed interval holding `level` of the belief: (low, high).
        """
    @typing.overload
    def probability_at_least(self, x: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        P(rate >= x).
        """
    @typing.overload
    def probability_at_least(self, x: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> numpy.typing.NDArray[numpy.float64]:
        """
        P(rate >= x) for each x of an array.
        """
    @property
    def a(self) -> float:
        ...
    @property
    def b(self) -> float:
        ...
    @property
    def mean(self) -> float:
        ...
    @property
    def variance(self) -> float:
        ...
def agreement_from(application: Application) -> Agreement:
    """
    The application's return-transfer agreement; InputError (pointer under /return_transfer) if it
    cannot be read.
    """
def all_rates(values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], lo: typing.SupportsFloat | typing.SupportsIndex, hi: typing.SupportsFloat | typing.SupportsIndex) -> list[float]:
    ...
def all_rates_dated(days: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], amounts: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], lo: typing.SupportsFloat | typing.SupportsIndex, hi: typing.SupportsFloat | typing.SupportsIndex, day_count: str = 'act/365') -> list[float]:
    ...
def allocate(total_ore: typing.SupportsInt | typing.SupportsIndex, weights: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> list[int]:
    """
    Split whole öre over non-negative integer weights by largest remainder; the parts sum to the total.
    """
def assess(application: Application, rules: RuleSet, fund_available_ore: typing.SupportsInt | typing.SupportsIndex | None = None) -> Assessment:
    ...
def assess_batch(texts: collections.abc.Sequence, rules: RuleSet, fund_available_ore: typing.SupportsInt | typing.SupportsIndex | None = None, source: str = '<input>') -> list:
    """
    Assess a sequence of JSON texts on all cores; item i (from 1) is named "source:i" in errors. Returns an Assessment or an InputError per item, in order.
    """
def assess_json_lines(text: str, rules: RuleSet, fund_available_ore: typing.SupportsInt | typing.SupportsIndex | None = None, source: str = '<input>') -> list:
    """
    Assess JSON Lines text (one application a line; blank lines skipped) on all cores; a line is named "source:LINE" in errors. Returns an Assessment or an InputError per application, in order.
    """
def beta_from_moments(distribution: Distribution) -> BetaBelief:
    """
    The beta with a distribution's mean and variance.
    """
def beta_update(prior: BetaBelief, successes: typing.SupportsInt | typing.SupportsIndex, n: typing.SupportsInt | typing.SupportsIndex) -> BetaBelief:
    ...
def booked_from(application: Application) -> list[tuple[str, int, int]]:
    """
    The reductions already booked, as (payer, year, öre).
    """
def builtin_rule_set(name: str) -> RuleSet:
    """
    A built-in rule set; an unknown name raises InputError listing the names.
    """
def builtin_rule_set_names() -> list[str]:
    """
    Names of the built-in rule sets; the first is the default.
    """
def combine_effects(effect: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], variance: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], method_re: str, alpha: typing.SupportsFloat | typing.SupportsIndex) -> dict:
    ...
def confint_means_2indep(mean1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], sd1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], nobs1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], mean2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], sd2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], nobs2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], alpha: typing.SupportsFloat | typing.SupportsIndex) -> tuple[numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64]]:
    ...
def confint_proportions_2indep(count1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], nobs1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], count2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], nobs2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], method: str | None, compare: str, alpha: typing.SupportsFloat | typing.SupportsIndex) -> tuple[numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64]]:
    ...
def cost_model_from(application: Application) -> CostModel:
    """
    The cost model of an application's `economics` section.
    """
def day_count_name(name: str) -> str:
    """
    The canonical name of a day count ("Actual/360" -> "act/360"); InputError if unknown.
    """
def default_exclusion_costs() -> ExclusionCostProfile:
    """
    socinv's default parameter set (docs/economics.md).
    """
def diff_in_diff(treated_before: collections.abc.Sequence, treated_after: collections.abc.Sequence, comparison_before: collections.abc.Sequence, comparison_after: collections.abc.Sequence, alpha: typing.SupportsFloat | typing.SupportsIndex) -> tuple[float, float, float, float]:
    ...
def draw_fund(fund: Fund, ledger: FundLedger, first_draw: typing.SupportsInt | typing.SupportsIndex, draws: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex, threads: typing.SupportsInt | typing.SupportsIndex, rules: collections.abc.Sequence[tuple[str, bool, typing.SupportsFloat | typing.SupportsIndex, bool]], start_year: typing.SupportsInt | typing.SupportsIndex, horizon_years: typing.SupportsInt | typing.SupportsIndex, min_grant: typing.SupportsFloat | typing.SupportsIndex) -> FundDraws:
    """
    The draws [first_draw, first_draw + draws) of simulate_fund, not yet summed up (without the GIL).
    """
def effectsize_cox(count1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], nobs1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], count2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], nobs2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], zero_correction: typing.SupportsFloat | typing.SupportsIndex) -> tuple[numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64]]:
    ...
def effectsize_smd(mean1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], sd1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], nobs1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], mean2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], sd2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], nobs2: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> tuple[numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64]]:
    ...
def evaluate(model: CostModel) -> EconomicResult:
    """
    The point estimate: every input at its mean.
    """
def evaluate_follow_up(application: Application, alpha: typing.SupportsFloat | typing.SupportsIndex = 0.05) -> dict:
    """
    The follow-up judged against the targets (a dict as `socinv follow-up --format json` writes it).
    """
def evaluative_model(application: Application, measure: str = '') -> tuple[str, tuple[float, float], tuple[float, float], CostModel, CostModel]:
    """
    (measure, prior (a, b), posterior (a, b), forecast CostModel, updated CostModel): the success rate
    updated by the follow-up's observed proportion.
    """
def format_decimal(ore: typing.SupportsInt | typing.SupportsIndex) -> str:
    """
    A plain decimal in SEK ("4100000.00") that parse_sek reads back exactly.
    """
def format_sek(ore: typing.SupportsInt | typing.SupportsIndex) -> str:
    """
    Swedish display of an amount in öre: "4 100 000 kr", "-1 234,50 kr".
    """
def invested_amount(application: Application) -> int:
    """
    What a cap of "invested" means: the amount granted, or requested before a decision, in öre.
    """
def irr(values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], guess: typing.SupportsFloat | typing.SupportsIndex | None = None) -> float | None:
    ...
def irr_batch(amounts: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], offsets: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], lengths: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], guesses: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> numpy.typing.NDArray[numpy.float64]:
    ...
def ledger_horizon(today: typing.Any, years: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
    """
    The last date a ledger accepts: today + years (at most 9999-12-31).
    """
def load_fund(path: str, latest: typing.Any = None) -> Fund:
    """
    Read a fund file; portfolio paths are relative to it; a `ledger` database is opened and verified.
    """
def merge_simulations(parts: collections.abc.Sequence[Simulation]) -> Simulation:
    """
    Runs of one model and seed over consecutive draw ranges, joined into the run over their union: the same draws and summary, digit for digit, as one simulate() over it.
    """
def minimum_detectable_difference_mean(sd: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], n: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], alpha: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], power: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    ...
def minimum_detectable_difference_proportion(p0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], n: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], alpha: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], power: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> typing.Any:
    ...
def mirr(values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], finance_rate: typing.SupportsFloat | typing.SupportsIndex, reinvest_rate: typing.SupportsFloat | typing.SupportsIndex) -> float:
    ...
def npv(rate: typing.SupportsFloat | typing.SupportsIndex, values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], start_from_zero: bool = True) -> float:
    ...
def npv_batch(rates: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], amounts: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], offsets: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], lengths: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], start_from_zero: bool = True) -> numpy.typing.NDArray[numpy.float64]:
    ...
def open_ledger_store(path: str, create: bool, fund: str, latest: typing.Any, busy_timeout_ms: typing.SupportsInt | typing.SupportsIndex) -> LedgerStore:
    """
    Open (or with create=True, make) a ledger database.
    """
def parse_application(text: str, source: str = '') -> Application:
    """
    Parse one application from JSON text (str or UTF-8 bytes); `source` names it in errors.
    """
def parse_date(text: str) -> typing.Any:
    """
    Parse a strict ISO date "YYYY-MM-DD" into a datetime.date.
    """
def parse_distribution(text: str, min: typing.SupportsFloat | typing.SupportsIndex = ..., max: typing.SupportsFloat | typing.SupportsIndex = ...) -> Distribution:
    """
    A distribution from JSON text: a number, or {"dist": kind, ...} as in the `economics` section.
    """
def parse_ledger(text: str, source: str = '', latest: typing.Any = None) -> FundLedger:
    """
    Read a ledger from JSON text, replaying every entry; InputError with the entry's pointer if refused.
    """
def parse_rule_set(text: str, source: str = '') -> RuleSet:
    """
    Parse a rule set from JSON text; `source` names it in errors.
    """
def parse_sek(text: str) -> int:
    """
    Parse an amount in SEK ("4 100 000,50 kr", "12.5") into whole öre.
    """
def percentile(values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], p: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> numpy.typing.NDArray[numpy.float64]:
    """
    The p-th percentiles (p in 0..100, any shape) of a 1-D array, interpolating linearly between order statistics as numpy.percentile's default (socinv/economics/percentile.hpp): an array shaped as p.
    """
def proportion_confint(count: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], nobs: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], alpha: typing.SupportsFloat | typing.SupportsIndex, method: str) -> tuple[numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64]]:
    ...
def run_cli(args: collections.abc.Sequence[str]) -> int:
    """
    Run the socinv command line with these arguments (without the program name); returns the exit code.
    """
def save_ledger(ledger: FundLedger, path: str) -> None:
    """
    Write the ledger atomically (a temporary file renamed over the path).
    """
def savings_from(application: Application) -> list[tuple[str, int, int, str]]:
    """
    The savings the schedule uses as (payer, year, öre, basis): the `savings` list, else the cost
    model's forecasts.
    """
def schedule_from(application: Application) -> TransferSchedule:
    """
    The application's schedule of budget-frame reductions (InputError with the pointer for bad
    terms or savings).
    """
def simulate(model: CostModel, draws: typing.SupportsInt | typing.SupportsIndex = 10000, seed: typing.SupportsInt | typing.SupportsIndex = 1, threads: typing.SupportsInt | typing.SupportsIndex = 0, first_draw: typing.SupportsInt | typing.SupportsIndex = 0) -> Simulation:
    """
    Monte Carlo over every input given as a distribution, without the GIL; threads 0 uses all cores. The same seed gives the same draws on any number of threads; first_draw starts the run at that draw of the whole run.
    """
def simulate_fund(fund: Fund, ledger: FundLedger, draws: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex, threads: typing.SupportsInt | typing.SupportsIndex, rules: collections.abc.Sequence[tuple[str, bool, typing.SupportsFloat | typing.SupportsIndex, bool]], start_year: typing.SupportsInt | typing.SupportsIndex, horizon_years: typing.SupportsInt | typing.SupportsIndex, min_grant: typing.SupportsFloat | typing.SupportsIndex) -> FundSimulation:
    """
    Simulate the fund's portfolio from the ledger's capital and top-ups, on all cores without the GIL.
    """
def standard_return_rules() -> list[tuple[str, bool, float, bool]]:
    """
    The rules socinv fund --simulate compares, as (name, use_agreement, share, cap_at_invested).
    """
def summarize_fund(fund: Fund, ledger: FundLedger, parts: collections.abc.Sequence[FundDraws], threads: typing.SupportsInt | typing.SupportsIndex, rules: collections.abc.Sequence[tuple[str, bool, typing.SupportsFloat | typing.SupportsIndex, bool]], start_year: typing.SupportsInt | typing.SupportsIndex, horizon_years: typing.SupportsInt | typing.SupportsIndex, min_grant: typing.SupportsFloat | typing.SupportsIndex) -> FundSimulation:
    """
    draw_fund's runs over consecutive ranges, merged and summed up: digit for digit the simulate_fund of their union.
    """
def tornado(model: CostModel, low: typing.SupportsFloat | typing.SupportsIndex = 0.1, high: typing.SupportsFloat | typing.SupportsIndex = 0.9) -> list:
    """
    Each uncertain input at its low and high quantile, the others at their means: (input, low_value, high_value, npv_at_low, npv_at_high) tuples, widest swing first.
    """
def tornado_json(model: CostModel, low: typing.SupportsFloat | typing.SupportsIndex = 0.1, high: typing.SupportsFloat | typing.SupportsIndex = 0.9, indent: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
    """
    The tornado as `socinv simulate --format json` writes it.
    """
def xirr(days: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], amounts: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], guess: typing.SupportsFloat | typing.SupportsIndex | None = None, day_count: str = 'act/365') -> float | None:
    ...
def xirr_batch(days: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], amounts: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], offsets: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], lengths: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], guesses: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], day_count: str = 'act/365') -> numpy.typing.NDArray[numpy.float64]:
    ...
def xnpv(rate: typing.SupportsFloat | typing.SupportsIndex, days: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], amounts: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], day_count: str = 'act/365') -> float:
    ...
def xnpv_batch(rates: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], days: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], amounts: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], offsets: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], lengths: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], day_count: str = 'act/365') -> numpy.typing.NDArray[numpy.float64]:
    ...
def year_fraction(start: typing.Any, end: typing.Any, day_count: str = 'act/365') -> float:
    """
    Years from start to end in a day count (negative when end is before start).
    """
def z_critical(alpha: typing.SupportsFloat | typing.SupportsIndex) -> float:
    """
    The upper alpha/2 point of the standard normal.
    """
__version__: str = '0.1.0'
max_fund_simulation_draws: int = 10000000
max_simulation_draws: int = 100000000
