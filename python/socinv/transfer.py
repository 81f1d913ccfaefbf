"""The return-transfer model (återföringsmodellen): agreements and their schedules.

The administration whose costs fall because of an intervention gets a reduced budget frame,
and the amount flows back into the fund (docs/return-transfers.md)::

    import socinv

    schedule = socinv.transfer_schedule("examples/applications/sot.json")
    schedule.total, schedule.capped     # Decimal("4100000.00"), True
    schedule.to_frame()                 # one row per reduction, booked year or true-up
    schedule.by_payer()                 # what each administration returns
    schedule.agreement                  # the terms: share, cap, years, lag, minimum, split, payers

Amounts are booked money, exact to the öre, as :class:`decimal.Decimal` in SEK.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Optional, Union

import numpy as np

from socinv import _core, _html
from socinv._json import looks_like_json
from socinv._wrap import forward, with_section
from socinv.application import Application, ApplicationSource, load_application
from socinv.errors import InputError
from socinv.money import format_sek, from_ore

if TYPE_CHECKING:
    import matplotlib.axes
    import pandas

__all__ = [
    "Agreement",
    "PayerShare",
    "ScheduleLine",
    "TransferSchedule",
    "transfer_agreement",
    "transfer_schedule",
]

_MSEK = 1e6
_PPM = 1_000_000
_KINDS = ("reduction", "booked", "true_up")


def _share(ppm: int) -> float:
    return ppm / _PPM


def _percent(ppm: int) -> str:
    return f"{(Decimal(ppm) / Decimal(10_000)).normalize():f} %"


@dataclass(frozen=True)
class PayerShare:
    """One administration's share of a fixed split."""

    payer: str
    share: float


class Agreement:
    """The terms of a return-transfer agreement, read-only (make one with :func:`transfer_agreement`).

    - ``share``: the share of each saving returned, 0..1 (exact to six decimals: ``share_ppm``);
    - ``cap``: ``None``, ``"invested"`` (at most the amount granted, or requested before a
      decision) or an amount (Decimal SEK);
    - ``first_year``, ``last_year``: the budget years in which returns are taken (``years``);
    - ``lag_years``: a saving in year Y reduces the frame of year Y + lag;
    - ``minimum``: a reduction below this is not taken (Decimal SEK);
    - ``split``: ``"by_saving"`` (each payer returns from its own saving) or a tuple of
      :class:`PayerShare` that splits the total saving by fixed shares;
    - ``payers``: the paying administrations (empty: any payer).
    """

    __slots__ = ("_core", "_application")

    def __init__(self, core: _core.Agreement, application: Optional[Application] = None) -> None:
        if not isinstance(core, _core.Agreement):
            raise TypeError("use socinv.transfer_agreement() to make an Agreement")
        self._core = core
        self._application = application

    @property
    def application(self) -> Optional[Application]:
        return self._application

    @property
    def share(self) -> float:
        return _share(self._core.share_ppm)

    share_ppm = forward[int](doc="The share in parts per million, as the C++ core computes with it.")

    @property
    def cap(self) -> Union[None, str, Decimal]:
        kind = self._core.cap_kind
        if kind == "none":
            return None
        if kind == "invested":
            return "invested"
        return from_ore(self._core.cap_amount)

    first_year = forward[int]()
    last_year = forward[int]()

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    lag_years = forward[int]()

    @property
    def minimum(self) -> Decimal:
        return from_ore(self._core.minimum)

    @property
    def split(self) -> Union[str, tuple[PayerShare, ...]]:
        if self._core.split_by_saving:
            return "by_saving"
        return tuple(PayerShare(payer, _share(ppm)) for payer, ppm in self._core.split)

    @property
    def payers(self) -> tuple[str, ...]:
        return tuple(self._core.payers)

    def to_dict(self) -> dict[str, Any]:
        """The terms as in the ``return_transfer`` section (without ``booked`` and ``notes``)."""
        cap = self.cap
        split = self.split
        return {
            "share": self.share,
            "cap": str(cap) if isinstance(cap, Decimal) else cap,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "lag_years": self.lag_years,
            "minimum": str(self.minimum),
            "split": split if isinstance(split, str) else [{"payer": p.payer, "share": p.share} for p in split],
            "payers": list(self.payers),
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Agreement):
            return NotImplemented
        return self._core == other._core

    __hash__ = None  # type: ignore[assignment]

    def _cap_text(self) -> str:
        cap = self.cap
        if cap is None:
            return "none"
        if cap == "invested":
            if self._application is None:
                return "the amount invested"
            return f"the amount invested ({format_sek(from_ore(_core.invested_amount(self._application._core)))})"
        return format_sek(cap)

    def _split_text(self) -> str:
        split = self.split
        if isinstance(split, str):
            return "each payer from its own saving"
        return "; ".join(f"{p.payer} {_percent(round(p.share * _PPM))}" for p in split)

    def __repr__(self) -> str:
        return (
            f"<Agreement {_percent(self.share_ppm)} of savings, cap {self._cap_text()}, "
            f"{self.first_year}-{self.last_year}, lag {self.lag_years}, minimum {format_sek(self.minimum)}>"
        )

    def _repr_html_(self) -> str:
        h = _html
        return h.table(["term", "value"], self._html_rows())

    def _html_rows(self) -> list[list[str]]:
        h = _html
        return [
            ["share of each saving returned", h.text(_percent(self.share_ppm))],
            ["cap", h.text(self._cap_text())],
            ["budget years", h.text(f"{self.first_year}–{self.last_year}")],
            ["lag", h.text(f"{self.lag_years} year(s): a saving in year Y reduces the frame of Y + {self.lag_years}")],
            ["minimum reduction", h.text(format_sek(self.minimum))],
            ["split", h.text(self._split_text())],
            ["paying administrations", h.text(", ".join(self.payers) or "any payer")],
        ]


@dataclass(frozen=True)
class ScheduleLine:
    """One line of a schedule.

    ``year`` is the budget year whose frame is reduced; ``kind`` is ``reduction`` (what the
    agreement calls for), ``booked`` (already taken, kept as booked) or ``true_up`` (target −
    booked over the booked years, negative when too much was returned); ``saving_year`` the
    year of the saving it comes from (for a true-up, the last year corrected); ``basis``
    ``forecast`` or ``actual``.
    """

    payer: str
    year: int
    amount: Decimal
    kind: str
    saving_year: int
    basis: str


class TransferSchedule:
    """The budget-frame reductions an agreement gives (make one with :func:`transfer_schedule`).

    Exact to the öre: no reduction exceeds share × saving, the total never exceeds the cap
    (the last year's reductions are scaled down together to meet it), and fixed splits and
    caps distribute remainders so the parts add up. ``total`` is after the cap and any
    true-ups; ``uncapped_total`` what share × saving would have given.
    """

    __slots__ = ("_core", "_application", "_agreement")

    def __init__(self, core: _core.TransferSchedule, application: Application, agreement: Agreement) -> None:
        if not isinstance(core, _core.TransferSchedule):
            raise TypeError("use socinv.transfer_schedule() to make a TransferSchedule")
        self._core = core
        self._application = application
        self._agreement = agreement

    @property
    def application(self) -> Application:
        return self._application

    @property
    def agreement(self) -> Agreement:
        return self._agreement

    @property
    def lines(self) -> list[ScheduleLine]:
        """The lines by year, then payer."""
        return [
            ScheduleLine(payer, year, from_ore(ore), kind, saving_year, basis)
            for payer, year, ore, kind, saving_year, basis in self._core.lines
        ]

    @property
    def total(self) -> Decimal:
        return from_ore(self._core.total)

    @property
    def cap(self) -> Optional[Decimal]:
        """The cap in SEK, when there is one."""
        cap = self._core.cap
        return None if cap is None else from_ore(cap)

    capped = forward[bool](doc="Whether the cap cut the returns.")

    @property
    def uncapped_total(self) -> Decimal:
        return from_ore(self._core.uncapped_total)

    def to_frame(self) -> pandas.DataFrame:
        """The lines as a DataFrame: payer, year, amount (Decimal SEK), kind, saving_year, basis."""
        import pandas as pd

        columns = ["payer", "year", "amount", "kind", "saving_year", "basis"]
        rows = [[getattr(line, c) for c in columns] for line in self.lines]
        return pd.DataFrame(rows, columns=columns)

    def by_payer(self) -> pandas.DataFrame:
        """What each administration returns, indexed by payer: ``booked``, ``reduction``,
        ``true_up`` and ``total`` (Decimal SEK). The totals add up to :attr:`total`."""
        import pandas as pd

        sums: dict[str, dict[str, Decimal]] = {}
        for line in self.lines:
            row = sums.setdefault(line.payer, {k: Decimal("0.00") for k in _KINDS})
            row[line.kind] += line.amount
        rows = [{"payer": p, **row, "total": sum(row.values(), Decimal("0.00"))} for p, row in sorted(sums.items())]
        return pd.DataFrame(rows, columns=["payer", "booked", "reduction", "true_up", "total"]).set_index("payer")

    def by_year(self) -> pandas.DataFrame:
        """Reductions by budget year (index) and administration (columns), Decimal SEK, with
        every line of a year (reductions, booked amounts and true-ups) added up."""
        import pandas as pd

        lines = self.lines
        payers = sorted({line.payer for line in lines})
        years = sorted({line.year for line in lines})
        table = {year: {p: Decimal("0.00") for p in payers} for year in years}
        for line in lines:
            table[line.year][line.payer] += line.amount
        frame = pd.DataFrame.from_dict(table, orient="index", columns=payers)
        frame.index.name = "year"
        frame.columns.name = "payer"
        return frame

    def savings(self) -> pandas.DataFrame:
        """The savings the schedule comes from: payer, year, amount (Decimal SEK), basis.

        The application's ``savings`` list, or without one the cost model's forecasts (each
        payer's saving per year at the point estimate, rounded to the öre). Where a payer has
        both a forecast and an actual for a year, the actual counts.
        """
        import pandas as pd

        savings = _core.savings_from(self._application._core)
        rows = [[payer, year, from_ore(ore), basis] for payer, year, ore, basis in savings]
        return pd.DataFrame(rows, columns=["payer", "year", "amount", "basis"])

    def to_dict(self) -> dict[str, Any]:
        """The schedule as ``socinv transfers --format json`` writes it (amounts as decimal strings)."""
        return self._core.to_dict()

    def to_json(self, indent: Optional[int] = None) -> str:
        return self._core.to_json(-1 if indent is None else indent)

    def plot(self, ax: Optional[matplotlib.axes.Axes] = None) -> matplotlib.axes.Axes:
        """Reductions by budget year as bars stacked by administration, in MSEK; negative
        true-ups (money given back) go below zero. Returns the Axes."""
        import matplotlib.pyplot as plt

        created = ax is None
        if ax is None:
            _, ax = plt.subplots(figsize=(10, 4))
        frame = self.by_year()
        years = frame.index.to_numpy()
        up = np.zeros(len(years))
        down = np.zeros(len(years))
        colours = plt.cm.tab10.colors
        for i, payer in enumerate(frame.columns):
            values = frame[payer].astype(float).to_numpy() / _MSEK
            pos, neg = np.clip(values, 0, None), np.clip(values, None, 0)
            colour = colours[i % len(colours)]
            ax.bar(years, pos, bottom=up, color=colour, label=payer)
            if neg.any():
                ax.bar(years, neg, bottom=down, color=colour, hatch="//", alpha=0.7)
            up += pos
            down += neg
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_xlabel("budget year")
        ax.set_ylabel("reduced budget frame (MSEK)")
        title = f"Return transfers of {self._application.id}: {format_sek(self.total)}"
        if self.capped:
            title += f" (capped at {format_sek(self.cap)})"
        ax.set_title(title)
        if len(years):
            ax.set_xticks(years)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
        if created:
            ax.figure.tight_layout()
        return ax

    def __repr__(self) -> str:
        capped = f", capped at {format_sek(self.cap)}" if self.capped and self.cap is not None else ""
        return (
            f"<TransferSchedule {self._application.id}: {len(self._core.lines)} lines, "
            f"total {format_sek(self.total)}{capped}>"
        )

    def _repr_html_(self) -> str:
        h = _html
        terms = h.table(["term", "value"], self._agreement._html_rows())
        lines = h.table(
            ["year", "payer", "amount", "kind", "from saving year", "basis"],
            (
                [
                    h.text(line.year),
                    h.text(line.payer),
                    h.text(format_sek(line.amount)),
                    h.text(line.kind) if line.kind == "reduction" else f"<b>{h.text(line.kind)}</b>",
                    h.text(line.saving_year),
                    h.text(line.basis),
                ]
                for line in self.lines
            ),
        )
        payers = self.by_payer()
        per_payer = h.table(
            ["payer", "total"], ([h.text(p), h.text(format_sek(t))] for p, t in zip(payers.index, payers["total"]))
        )
        total = f"<div>Total <b>{h.text(format_sek(self.total))}</b>"
        if self.capped:
            total += f" (capped; share × saving would give {h.text(format_sek(self.uncapped_total))})"
        total += "</div>"
        return (
            '<div class="socinv-transfer-schedule">'
            + f"<div><b>{h.text(self._application.title)}</b> <code>{h.text(self._application.id)}</code></div>"
            + h.heading("Agreement")
            + terms
            + h.heading("Budget-frame reductions")
            + lines
            + total
            + h.heading("By administration")
            + per_payer
            + "</div>"
        )


def _with_terms(application: ApplicationSource, terms: Mapping[str, Any]) -> Application:
    app = load_application(application)
    if terms:
        app = load_application(with_section(app.to_dict(), "return_transfer", terms))
    return app


def _source_name(application: ApplicationSource) -> str:
    if isinstance(application, os.PathLike) or (isinstance(application, str) and not looks_like_json(application)):
        return os.fsdecode(os.fspath(application))
    return ""


def _named(error: InputError, source: str) -> InputError:
    if source and not error.source:
        return InputError(error.message, pointer=error.pointer, value=error.value, source=source)
    return error


def transfer_agreement(application: ApplicationSource, **terms: Any) -> Agreement:
    """The return-transfer agreement of an application (its ``return_transfer`` section).

    ``application`` is anything :func:`load_application` takes. Keyword arguments replace
    keys of the section, for a what-if (``share=0.5``, ``cap=None``). Raises
    :class:`socinv.InputError` with ``.pointer`` naming the field
    (``"/return_transfer/split"``), or ``"/return_transfer"`` when there is none.
    """
    source = _source_name(application)
    try:
        app = _with_terms(application, terms)
        if "return_transfer" not in app.to_dict():
            raise InputError("the application has no return-transfer agreement", pointer="/return_transfer")
        return Agreement(_core.agreement_from(app._core), app)
    except InputError as error:
        raise _named(error, source) from None


def transfer_schedule(application: ApplicationSource, **terms: Any) -> TransferSchedule:
    """The schedule of budget-frame reductions an application's agreement gives.

    ``application`` is anything :func:`load_application` takes (an Application, a dict, a
    path or JSON text). The savings are its ``savings`` list (actuals replace forecasts for
    the same payer and year), or without one the forecasts of its cost model. Years in
    ``return_transfer.booked`` keep their booked amounts and are trued up. Keyword arguments
    replace keys of the ``return_transfer`` section::

        socinv.transfer_schedule("sot.json", share=0.5, cap=None)

    Raises :class:`socinv.InputError` (a ``ValueError``) with ``.pointer`` naming the field
    (``"/savings/0/amount"``, ``"/return_transfer/booked/0/year"``).
    """
    source = _source_name(application)
    try:
        app = _with_terms(application, terms)
        core = _core.schedule_from(app._core)
        return TransferSchedule(core, app, Agreement(_core.agreement_from(app._core), app))
    except InputError as error:
        raise _named(error, source) from None
