"""A revolving fund: its ledger, its portfolio of investments, and a simulation of the years ahead.

A fund file (schema/fund.schema.json) holds the ledger, the portfolio (applications with a
cost model and a return-transfer agreement) and the simulation's settings::

    import socinv

    fund = socinv.load_fund("examples/funds/orebro.json")
    fund.ledger.balances()
    sim = fund.simulate(draws=2_000, seed=1)   # in C++, on all cores, without the GIL
    sim.summary()                              # one row per return rule
    sim.plot_balance()

The simulation compares return rules on the same draws: the agreements' own terms, 100 % of
the saving, 50 % (as Victoria), capped at the investment, and no return at all (Norrköping
after 2021). Its amounts are expected values in SEK as ``float`` (docs/return-transfers.md).
"""

from __future__ import annotations

import datetime
import math
import os
from collections.abc import Iterable, Mapping
import tempfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, Optional, Union

import numpy as np

from socinv import _core, _html
from socinv._json import dumps, read_path
from socinv._wrap import MSEK, forward
from socinv._wrap import msek as _msek
from socinv._wrap import whole as _whole
from socinv.application import Application
from socinv.economics import checked_run, checked_threads
from socinv.ledger import FundLedger, _latest
from socinv.money import format_sek, from_ore
from socinv.transfer import TransferSchedule, transfer_agreement, transfer_schedule

if TYPE_CHECKING:
    import matplotlib.axes
    import pandas

__all__ = ["STANDARD_RULES", "Fund", "FundSimulation", "ReturnRule", "load_fund"]

_MSEK = MSEK
_MAX_DRAWS = _core.max_fund_simulation_draws  # the library's limit, as `socinv fund --draws`
_PERCENTILES = (5, 25, 50, 75, 95)


@dataclass(frozen=True)
class ReturnRule:
    """A return rule to compare in :meth:`Fund.simulate`.

    With ``use_agreement`` every investment returns on its agreement's own terms (share,
    cap, minimum); otherwise it returns ``share`` of each saving, at most the amount invested
    when ``cap_at_invested``. Every rule keeps each agreement's payers, years and lag.
    """

    name: str
    share: float = 1.0
    cap_at_invested: bool = False
    use_agreement: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise ValueError("a return rule needs a name")
        if isinstance(self.share, bool) or not isinstance(self.share, (int, float)) or not 0 <= self.share <= 1:
            raise ValueError(f"return rule {self.name!r}: share must lie in [0, 1], not {self.share!r}")


#: The rules ``socinv fund --simulate`` compares: "agreement", "100 %", "50 %",
#: "capped at investment" and "no return".
STANDARD_RULES: tuple[ReturnRule, ...] = tuple(
    ReturnRule(name, share, cap, use_agreement) for name, use_agreement, share, cap in _core.standard_return_rules()
)

RuleSpec = Union[ReturnRule, str, Mapping[str, Any]]


def _rule(spec: RuleSpec) -> ReturnRule:
    if isinstance(spec, ReturnRule):
        return spec
    if isinstance(spec, str):
        for rule in STANDARD_RULES:
            if rule.name == spec:
                return rule
        names = ", ".join(repr(r.name) for r in STANDARD_RULES)
        raise ValueError(f"unknown return rule {spec!r} (the standard ones are {names}; or pass a ReturnRule)")
    if isinstance(spec, Mapping):
        return ReturnRule(**spec)
    raise TypeError(f"a return rule is a ReturnRule, a standard rule's name or a dict, not {type(spec).__name__}")


class FundSimulation:
    """A fund simulated year by year under several return rules, all on the same draws
    (make one with :meth:`Fund.simulate`).

    Each draw samples every investment's cost model once; each rule turns the draw's savings
    into returns and the fund's balance by year: capital and top-ups at the start, minus
    every investment's payments by budget year, plus the returns. The fund is *exhausted*
    in a draw when its balance falls below ``min_grant`` (no new grant possible).
    """

    __slots__ = ("_core", "_outcomes")

    def __init__(self, core: _core.FundSimulation) -> None:
        if not isinstance(core, _core.FundSimulation):
            raise TypeError("use Fund.simulate() to make a FundSimulation")
        self._core = core
        self._outcomes = {o.rule: o for o in core.outcomes}

    draws = forward[int]()
    seed = forward[int]()
    min_grant = forward[float](doc="The balance below which the fund counts as exhausted, in SEK.")

    @property
    def investments(self) -> list[str]:
        """The portfolio's application ids, in portfolio order."""
        return list(self._core.investments)

    @property
    def rules(self) -> list[str]:
        """The return rules' names, in the order they were given."""
        return list(self._outcomes)

    @property
    def years(self) -> list[int]:
        return list(self._core.outcomes[0].years) if self._core.outcomes else []

    def _outcome(self, rule: Optional[str]) -> _core.RuleOutcome:
        if rule is None:
            return self._core.outcomes[0]
        try:
            return self._outcomes[rule]
        except KeyError:
            raise KeyError(f"no return rule {rule!r} in this simulation (rules: {', '.join(self.rules)})") from None

    def summary(self) -> pandas.DataFrame:
        """One row per return rule, indexed by rule: ``mean_returns`` (all returns over the
        horizon), ``mean_end_balance``, ``probability_exhausted`` and
        ``median_years_to_exhaustion`` (years from the start year to the first year the balance
        is below ``min_grant``, among the draws that exhaust the fund; NaN when none does)."""
        import pandas as pd

        rows = [
            {
                "rule": o.rule,
                "mean_returns": o.mean_total_returns,
                "mean_end_balance": o.mean_end_balance,
                "probability_exhausted": o.probability_exhausted,
                "median_years_to_exhaustion": (
                    math.nan if o.median_years_to_exhaustion is None else o.median_years_to_exhaustion
                ),
            }
            for o in self._core.outcomes
        ]
        columns = ["rule", "mean_returns", "mean_end_balance", "probability_exhausted", "median_years_to_exhaustion"]
        frame = pd.DataFrame(rows, columns=columns).set_index("rule")
        frame.attrs.update(draws=self.draws, seed=self.seed, min_grant=self.min_grant)
        return frame

    def paid_back(self) -> pandas.DataFrame:
        """The probability that each investment is paid back (its returns reach the amount
        invested within the horizon): one row per rule, one column per investment."""
        import pandas as pd

        frame = pd.DataFrame(
            [list(o.probability_paid_back) for o in self._core.outcomes],
            index=pd.Index(self.rules, name="rule"),
            columns=pd.Index(self.investments, name="investment"),
        )
        return frame

    def balance_bands(self, rule: Optional[str] = None) -> pandas.DataFrame:
        """The fund's balance at the end of each year under one rule (default: the first,
        ``"agreement"`` with the standard rules), indexed by year: ``p5``, ``p25``, ``p50``,
        ``p75``, ``p95`` (over the draws) and ``mean``, in SEK."""
        import pandas as pd

        o = self._outcome(rule)
        bands = o.balance_percentiles
        data = {f"p{p}": bands[p] for p in _PERCENTILES}
        data["mean"] = o.balance_mean
        frame = pd.DataFrame(data, index=pd.Index(o.years, name="year"))
        frame.attrs.update(rule=o.rule)
        return frame

    def reductions(self, rule: Optional[str] = None) -> pandas.DataFrame:
        """Expected budget-frame reductions under one rule (default: the first), in SEK,
        indexed by year with one column per administration (every administration that returns
        under any of the simulation's rules, so that the frames of different rules line up)."""
        import pandas as pd

        o = self._outcome(rule)
        by_year = o.expected_reductions_by_year
        # Every administration that returns under any rule, so that frames of different rules line up.
        payers = sorted({p for outcome in self._core.outcomes for p in outcome.expected_reductions})
        zeros = np.zeros(len(o.years))
        frame = pd.DataFrame(
            {payer: by_year[payer] if payer in by_year else zeros for payer in payers},
            index=pd.Index(o.years, name="year"),
            columns=pd.Index(payers, name="payer"),
            dtype=float,
        )
        frame.attrs.update(rule=o.rule)
        return frame

    def plot_balance(
        self, rules: Optional[Iterable[str]] = None, ax: Optional[matplotlib.axes.Axes] = None
    ) -> matplotlib.axes.Axes:
        """The fund's balance by year in MSEK, one line (the median) per rule with its P25–P75
        band shaded and P5–P95 lighter, and the ``min_grant`` line. Returns the Axes."""
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator

        created = ax is None
        if ax is None:
            _, ax = plt.subplots(figsize=(10, 4.5))
        names = self.rules if rules is None else list(rules)
        colours = plt.cm.tab10.colors
        for i, name in enumerate(names):
            o = self._outcome(name)
            bands = o.balance_percentiles
            years = np.asarray(o.years)
            colour = colours[i % len(colours)]
            ax.fill_between(years, bands[5] / _MSEK, bands[95] / _MSEK, color=colour, alpha=0.08, linewidth=0)
            ax.fill_between(years, bands[25] / _MSEK, bands[75] / _MSEK, color=colour, alpha=0.2, linewidth=0)
            ax.plot(years, bands[50] / _MSEK, color=colour, marker=".", linewidth=1.5, label=name)
        floor = self.min_grant / _MSEK
        low = min(float(np.min(self._outcome(n).balance_percentiles[5])) for n in names) / _MSEK if names else 0.0
        high = max(float(np.max(self._outcome(n).balance_percentiles[95])) for n in names) / _MSEK if names else 0.0
        if floor >= low - 0.5 * (high - low):
            ax.axhline(floor, color="#cf222e", linestyle="--", linewidth=1,
                       label=f"no new grant below {floor:,.2f} MSEK")
            ax.axhline(0, color="black", linewidth=0.8)
        else:  # far below every band: a line at the bottom would flatten the bands
            ax.text(0.01, 0.98, f"no new grant below {floor:,.2f} MSEK (far below the bands)", transform=ax.transAxes,
                    fontsize=8, color="#cf222e", va="top")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("year (balance at the end of the year)")
        ax.set_ylabel("fund balance (MSEK)")
        ax.set_title(f"Fund balance by return rule: median, P25–P75 and P5–P95 over {self.draws:,} draws")
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
        if created:
            ax.figure.tight_layout()
        return ax

    def plot_reductions(
        self, rule: Optional[str] = None, ax: Optional[matplotlib.axes.Axes] = None
    ) -> matplotlib.axes.Axes:
        """Expected budget-frame reductions by year under one rule (default: the first), as
        bars stacked by administration, in MSEK. Returns the Axes."""
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator

        created = ax is None
        if ax is None:
            _, ax = plt.subplots(figsize=(10, 4))
        frame = self.reductions(rule)
        years = frame.index.to_numpy()
        bottom = np.zeros(len(years))
        colours = plt.cm.tab10.colors
        for i, payer in enumerate(frame.columns):
            values = frame[payer].to_numpy() / _MSEK
            ax.bar(years, values, bottom=bottom, color=colours[i % len(colours)], label=payer)
            bottom += values
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("budget year")
        ax.set_ylabel("expected reduction (MSEK)")
        ax.set_title(f"Expected budget-frame reductions by administration ({frame.attrs['rule']})")
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
        if created:
            ax.figure.tight_layout()
        return ax

    def to_dict(self) -> dict[str, Any]:
        """The result as the ``simulation`` of ``socinv fund --simulate --format json``."""
        return self._core.to_dict()

    def __repr__(self) -> str:
        return (
            f"<FundSimulation {self.draws} draws, seed {self.seed}, {len(self.investments)} investments, "
            f"rules: {', '.join(self.rules)}>"
        )

    def _repr_html_(self) -> str:
        h = _html
        summary = self.summary()
        paid = self.paid_back()
        rows = []
        for rule, row in summary.iterrows():
            median = row["median_years_to_exhaustion"]
            rows.append(
                [
                    h.text(rule),
                    h.text(_msek(row["mean_returns"])),
                    h.text(_msek(row["mean_end_balance"])),
                    h.text(f"{100 * row['probability_exhausted']:.1f} %"),
                    h.text("–" if math.isnan(median) else f"{median:g}"),
                    h.text(", ".join(f"{inv} {100 * p:.1f} %" for inv, p in paid.loc[rule].items())),
                ]
            )
        table = h.table(
            ["return rule", "mean returns", "mean end balance", "P(exhausted)", "median years to exhaustion",
             "P(paid back)"],
            rows,
        )  # fmt: skip
        years = self.years
        span = f"{years[0]}–{years[-1]}" if years else "–"
        return (
            '<div class="socinv-fund-simulation">'
            + f"<div><b>Fund simulation</b>: {self.draws:,} draws, seed {self.seed}, years {h.text(span)}; "
            + f"no new grant possible below {h.text(_msek(self.min_grant))}</div>"
            + table
            + "</div>"
        )


class Fund:
    """A fund file: the ledger, the portfolio and the simulation's settings (make one with
    :func:`load_fund`).

    ``ledger`` is the fund's own :class:`FundLedger`: entries appended to it count in later
    :meth:`simulate` calls (which start from its capital and top-ups).
    """

    __slots__ = ("_core", "_ledger", "_applications", "_path", "_ledger_database")

    def __init__(self, core: _core.Fund) -> None:
        if not isinstance(core, _core.Fund):
            raise TypeError("use socinv.load_fund() to make a Fund")
        self._core = core
        self._ledger = FundLedger._wrap(core.ledger)
        self._applications = [Application(a) for a in core.applications]
        self._path: Optional[str] = None  # set when unpickled: the file it was first read from
        self._ledger_database: Optional[str] = None

    @property
    def path(self) -> str:
        """The fund file it was read from."""
        return self._path if self._path is not None else self._core.path

    @property
    def name(self) -> str:
        return self._ledger.fund

    @property
    def ledger(self) -> FundLedger:
        return self._ledger

    @property
    def applications(self) -> list[Application]:
        """The portfolio's applications, in file order."""
        return list(self._applications)

    @property
    def ledger_database(self) -> Optional[str]:
        """The ledger database the fund file names (``"ledger": "fund.db"``), or None when the
        ledger is the file's own ``entries``. :attr:`ledger` is then a verified copy read at
        load; append through ``socinv.FundLedger.open(fund.ledger_database)``."""
        if self._path is not None:
            return self._ledger_database
        return self._core.ledger_database or None

    @property
    def statuses(self) -> list[str]:
        """Per application: ``"granted"`` or ``"planned"``."""
        return ["granted" if g else "planned" for g in self._core.granted]

    start_year = forward[int](doc="The simulation's first year (the file's, else the portfolio's first year).")
    horizon_years = forward[int]()
    draws = forward[int]()
    seed = forward[int]()
    min_grant = forward[float](doc="SEK; 0 means the smallest investment of the portfolio.")

    def portfolio(self) -> pandas.DataFrame:
        """One row per investment, indexed by application id: title, status, invested
        (Decimal SEK: granted, or requested before a decision), start, end, and the
        agreement's share, cap, first_year, last_year and lag_years."""
        import pandas as pd

        rows = []
        for app, status in zip(self._applications, self.statuses):
            a = transfer_agreement(app)
            rows.append(
                {
                    "id": app.id,
                    "title": app.title,
                    "status": status,
                    "invested": from_ore(_core.invested_amount(app._core)),
                    "start": app.period.start,
                    "end": app.period.end,
                    "share": a.share,
                    "cap": a.cap,
                    "first_year": a.first_year,
                    "last_year": a.last_year,
                    "lag_years": a.lag_years,
                }
            )
        columns = ["id", "title", "status", "invested", "start", "end", "share", "cap", "first_year", "last_year",
                   "lag_years"]  # fmt: skip
        return pd.DataFrame(rows, columns=columns).set_index("id")

    def schedules(self) -> dict[str, TransferSchedule]:
        """Each investment's schedule of budget-frame reductions, by application id."""
        return {app.id: transfer_schedule(app) for app in self._applications}

    def simulate(
        self,
        draws: Optional[int] = None,
        seed: Optional[int] = None,
        threads: Optional[int] = None,
        rules: Optional[Iterable[RuleSpec]] = None,
        *,
        start_year: Optional[int] = None,
        horizon_years: Optional[int] = None,
        min_grant: Optional[float] = None,
    ) -> FundSimulation:
        """Simulate the fund year by year under several return rules, in C++ without the GIL.

        ``draws``, ``seed``, ``start_year``, ``horizon_years`` and ``min_grant`` default to the
        fund file's ``simulation`` settings; ``threads`` to all cores (the same seed gives the
        same draws on any number of threads). ``rules`` are :class:`ReturnRule` objects, names
        of :data:`STANDARD_RULES` or dicts of ReturnRule's fields; by default the standard five.
        The simulation starts from the ledger's capital and top-ups.
        """
        o = self._options(draws, seed, rules, start_year, horizon_years, min_grant)
        core = _core.simulate_fund(
            self._core, self._ledger._core, o.draws, o.seed, checked_threads(threads), o.rules, o.start_year,
            o.horizon_years, o.min_grant,
        )  # fmt: skip
        return FundSimulation(core)

    def _options(
        self,
        draws: Optional[int],
        seed: Optional[int],
        rules: Optional[Iterable[RuleSpec]],
        start_year: Optional[int],
        horizon_years: Optional[int],
        min_grant: Optional[float],
    ) -> _RunOptions:
        """:meth:`simulate`'s arguments checked, with the fund file's defaults filled in: what
        the core's simulate_fund, draw_fund and summarize_fund take (socinv.dask uses it too)."""
        draws, seed = checked_run(
            self.draws if draws is None else draws, self.seed if seed is None else seed, _MAX_DRAWS
        )
        start = self.start_year if start_year is None else _whole("start_year", start_year)
        horizon = self.horizon_years if horizon_years is None else _whole("horizon_years", horizon_years)
        if not 1 <= horizon <= 200:
            raise ValueError(f"horizon_years must lie in 1..200, not {horizon}")
        floor = self.min_grant if min_grant is None else float(min_grant)
        if not floor >= 0:
            raise ValueError(f"min_grant must not be negative, not {min_grant!r}")
        if self._applications:
            first = min(a.period.start.year for a in self._applications)
            last = max(a.period.end.year for a in self._applications)
            if start > last or start + horizon - 1 < first:
                raise ValueError(
                    f"the simulation's years {start}-{start + horizon - 1} lie outside every investment of the "
                    f"portfolio (its budget years are {first}-{last})"
                )
        chosen = [_rule(r) for r in (STANDARD_RULES if rules is None else rules)]
        if not chosen:
            raise ValueError("simulate needs at least one return rule")
        names = [r.name for r in chosen]
        if len(set(names)) != len(names):
            raise ValueError(f"return rules need different names, got {names}")
        spec = [(r.name, r.use_agreement, float(r.share), r.cap_at_invested) for r in chosen]
        return _RunOptions(draws, seed, spec, start, horizon, floor)

    def __reduce__(self) -> tuple[Any, tuple[str, str, Optional[str], FundLedger]]:
        # The fund travels (a Dask task, a process pool) as one self-contained fund file: the
        # portfolio's applications inline and the simulation's settings, so that the files it
        # was read from need not exist where it is unpickled; the ledger as it is now (entries
        # appended since load count in simulate) travels by its own pickle.
        document = {
            "format": "socinv-fund-ledger",
            "version": 1,
            "fund": self.name,
            "entries": [],
            "portfolio": [
                {"application": app.to_dict(), "status": status}
                for app, status in zip(self._applications, self.statuses)
            ],
            "simulation": {
                "start_year": self.start_year,
                "horizon_years": self.horizon_years,
                "draws": self.draws,
                "seed": self.seed,
                "min_grant": str(from_ore(round(self.min_grant * 100))),
            },
        }
        return (_rebuild_fund, (dumps(document), self.path, self.ledger_database, self._ledger))

    def __repr__(self) -> str:
        return f"<Fund {self.name!r}: {len(self._ledger)} ledger entries, {len(self._applications)} investments>"

    def _repr_html_(self) -> str:
        h = _html
        portfolio = h.table(
            ["application", "title", "status", "invested", "period"],
            (
                [
                    f"<code>{h.text(app.id)}</code>",
                    h.text(app.title),
                    h.text(status),
                    h.text(format_sek(from_ore(_core.invested_amount(app._core)))),
                    h.text(app.period),
                ]
                for app, status in zip(self._applications, self.statuses)
            ),
        )
        floor = "the smallest investment" if self.min_grant == 0 else _msek(self.min_grant)
        settings = (
            f"<div>simulation: {self.horizon_years} years from {self.start_year}, {self.draws:,} draws, "
            f"seed {self.seed}; no new grant below {h.text(floor)}</div>"
        )
        return (
            '<div class="socinv-fund">'
            + self._ledger._repr_html_()
            + h.heading("Portfolio")
            + portfolio
            + settings
            + "</div>"
        )


class _RunOptions(NamedTuple):
    """A fund simulation's checked arguments, as the core takes them."""

    draws: int
    seed: int
    rules: list[tuple[str, bool, float, bool]]
    start_year: int
    horizon_years: int
    min_grant: float


def _rebuild_fund(document: str, path: str, ledger_database: Optional[str], ledger: FundLedger) -> Fund:
    # The core reads fund files from a path: the document goes through a private temporary file.
    handle, name = tempfile.mkstemp(prefix="socinv-fund-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            f.write(document)
        fund = Fund(_core.load_fund(name, None))  # the ledger was checked when first read
    finally:
        os.unlink(name)
    fund._ledger = ledger
    fund._path = path
    fund._ledger_database = ledger_database
    return fund


def load_fund(
    path: Union[str, os.PathLike[str]],
    *,
    today: Optional[datetime.date] = None,
    horizon_years: Optional[int] = 10,
) -> Fund:
    """Read a fund file (schema/fund.schema.json): the ledger, replayed and checked entry by
    entry (the file's ``entries``, or the database its ``ledger`` names, whose chain is
    verified); the portfolio, whose application paths are relative to the fund file; the
    simulation's settings. Entries dated after ``today`` + ``horizon_years`` are refused.

    Raises :class:`socinv.InputError` with ``.pointer`` and ``.source`` naming the entry or
    field (``"/entries/4/amount"``), :class:`socinv.ChainError` for a ledger database that
    does not verify, and ``OSError`` when the file cannot be read.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"load_fund takes the path of a fund file, not {type(path).__name__}")
    _, name = read_path(path)  # OSError (FileNotFoundError, ...) as Python reports it
    return Fund(_core.load_fund(name, _latest(today, horizon_years)))
