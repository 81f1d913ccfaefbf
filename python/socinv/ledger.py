"""The fund ledger: an append-only record of capital, grants, payments, returns and write-offs.

Every entry is checked before it is added, and a refused entry leaves the ledger as it was::

    import datetime, socinv

    ledger = socinv.FundLedger.load("examples/funds/orebro.json")
    ledger.balances().available
    ledger.append(id="2018-001", date=datetime.date(2018, 12, 31), kind="return",
                  amount="640000", application="orebro-2014-sot")
    ledger.save("fund-ledger.json")        # atomically: the old file or the new, never a mix

Amounts are booked money, exact to the öre, as :class:`decimal.Decimal` in SEK
(docs/return-transfers.md).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Optional, Union

from socinv import _core, _html
from socinv._json import dumps, looks_like_json, read_path
from socinv._wrap import forward
from socinv.errors import InputError
from socinv.money import Amount, format_sek, from_ore, to_ore

if TYPE_CHECKING:
    import pandas

    from socinv.ledger_store import LedgerStore

__all__ = ["ENTRY_KINDS", "Balances", "FundLedger", "Grant", "LedgerEntry"]

#: The kinds of ledger entry, in the file's spelling.
ENTRY_KINDS = ("capital", "top_up", "grant", "payment", "return", "write_off")


@dataclass(frozen=True)
class Balances:
    """The fund's balances after an entry (Decimal SEK).

    ``capital`` is capital and top-ups; ``committed`` granted but neither paid nor released;
    ``cash = capital + returned − paid − written_off``; ``available = cash − committed`` is
    what new grants may use.
    """

    capital: Decimal
    committed: Decimal
    paid: Decimal
    returned: Decimal
    written_off: Decimal
    cash: Decimal
    available: Decimal

    @classmethod
    def _from_ore(cls, values: tuple[int, ...]) -> Balances:
        return cls(*(from_ore(v) for v in values))

    def to_dict(self) -> dict[str, Decimal]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class LedgerEntry:
    """One entry: ``kind`` is one of :data:`ENTRY_KINDS`; ``application`` names the grant an
    entry of kind grant, payment, return or write_off belongs to."""

    id: str
    date: datetime.date
    kind: str
    amount: Decimal
    application: Optional[str] = None
    decision: Optional[str] = None
    note: Optional[str] = None


@dataclass(frozen=True)
class Grant:
    """One application's grant as the ledger sees it; ``closed`` after a write-off (which also
    releases what was not paid, so ``outstanding`` is then 0)."""

    application: str
    granted_on: datetime.date
    granted: Decimal
    paid: Decimal
    returned: Decimal
    written_off: Decimal
    outstanding: Decimal
    closed: bool


_BALANCE_COLUMNS = [f.name for f in fields(Balances)]


def _latest(today: Optional[datetime.date], horizon_years: Optional[int]) -> Optional[datetime.date]:
    """The last date a ledger accepts: ``today`` (by default the computer's date) plus the
    horizon; None (no limit) when ``horizon_years`` is None. A date typed as 9999-12-31 would
    otherwise block every later entry."""
    if horizon_years is None:
        return None
    if isinstance(horizon_years, bool) or not isinstance(horizon_years, int) or horizon_years < 0:
        raise ValueError(f"horizon_years must be a whole number of years ≥ 0 or None, not {horizon_years!r}")
    return _core.ledger_horizon(datetime.date.today() if today is None else today, horizon_years)


def _entry(raw: tuple[Any, ...]) -> LedgerEntry:
    id_, day, kind, ore, application, decision, note = raw
    return LedgerEntry(id_, day, kind, from_ore(ore), application or None, decision or None, note or None)


def _entry_arguments(
    at: str, id: str, kind: str, amount: Amount, application: Optional[str], decision: Optional[str], note: Optional[str]
) -> tuple[int, str, str, str]:
    """An entry's amount in öre and its texts, checked; errors name the field under ``at``."""
    if not isinstance(id, str):
        raise TypeError(f"id must be a str, not {type(id).__name__} ({at}/id)")
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, not {type(kind).__name__} ({at}/kind)")
    try:
        ore = to_ore(amount)
    except InputError as error:
        raise InputError(error.message, pointer=f"{at}/amount", value=error.value) from None
    return ore, _text("application", application, at), _text("decision", decision, at), _text("note", note, at)


def _text(name: str, value: Optional[str], at: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__} ({at}/{name})")
    return value


class FundLedger:
    """The fund's ledger, checked entry by entry (C++ ``socinv::fund_ledger``).

    Make an empty one with ``FundLedger(fund="...")``, or read a file with
    :meth:`FundLedger.load` (a ledger file, or the ledger of a fund file). The ledger is
    append-only and in date order; :meth:`append` refuses, with :class:`socinv.InputError`
    and ``.pointer`` ``"/entries/N/field"``, an entry that would break it: a grant larger
    than what is available, a payment larger than what is left of the grant or of the cash,
    a return or payment for an application never granted, a duplicate id, a date before the
    previous entry's, a non-positive amount, capital after the first entry.
    """

    __slots__ = ("_core",)

    def __init__(
        self, fund: str = "", *, today: Optional[datetime.date] = None, horizon_years: Optional[int] = 10
    ) -> None:
        if not isinstance(fund, str):
            raise TypeError(f"fund is the fund's name (a str), not {type(fund).__name__}")
        self._core = _core.FundLedger(fund, latest=_latest(today, horizon_years))

    @classmethod
    def _wrap(cls, core: _core.FundLedger) -> FundLedger:
        ledger = cls.__new__(cls)
        ledger._core = core
        return ledger

    # --- reading and writing -----------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Union[str, os.PathLike[str]],
        *,
        create: bool = False,
        fund: str = "",
        today: Optional[datetime.date] = None,
        horizon_years: Optional[int] = 10,
        timeout: float = 30.0,
    ) -> LedgerStore:
        """Open a ledger database (``.db``/``.sqlite``): a :class:`socinv.LedgerStore`, whose
        :meth:`~socinv.LedgerStore.append` commits at once and which several processes may
        append to together. ``create=True`` makes a new one named ``fund``.
        See :meth:`socinv.LedgerStore.open`."""
        from socinv.ledger_store import LedgerStore

        return LedgerStore.open(
            path, create=create, fund=fund, today=today, horizon_years=horizon_years, timeout=timeout
        )

    @classmethod
    def load(
        cls,
        source: Union[str, os.PathLike[str], Mapping[str, Any], bytes],
        *,
        today: Optional[datetime.date] = None,
        horizon_years: Optional[int] = 10,
    ) -> FundLedger:
        """Read a ledger: a path (a ledger file, or a fund file whose other keys are ignored),
        a dict in the file format, or JSON text.

        Every entry is replayed through :meth:`append`, and each entry's ``cash_after`` must
        match, so a file edited into an inconsistent state is refused with
        :class:`socinv.InputError` naming the entry (``.pointer`` ``"/entries/4/cash_after"``
        or the field that breaks a check) and the file (``.source``).
        """
        latest = _latest(today, horizon_years)
        if isinstance(source, Mapping):
            return cls._wrap(_core.parse_ledger(dumps(source), "", latest))
        if isinstance(source, (bytes, bytearray)):
            return cls._wrap(_core.parse_ledger(bytes(source), "", latest))
        if isinstance(source, str) and looks_like_json(source):
            return cls._wrap(_core.parse_ledger(source, "", latest))
        if isinstance(source, (str, os.PathLike)):
            data, name = read_path(source)
            return cls._wrap(_core.parse_ledger(data, name, latest))
        raise TypeError(f"FundLedger.load takes a path, a dict or JSON text, not {type(source).__name__}")

    def save(self, path: Union[str, os.PathLike[str]]) -> None:
        """Write the ledger file atomically: to a temporary file beside ``path``, flushed to
        disk and renamed over it, so readers see the old file or the new, never a torn mix.
        When ``path`` is a fund file, its portfolio, simulation and ``x-`` keys are kept.
        Raises ``OSError`` when the file cannot be written, :class:`socinv.InputError` when it
        is a fund file whose ledger is a database."""
        name = os.fsdecode(os.fspath(path))
        try:
            _core.save_ledger(self._core, name)
        except InputError as error:
            if error.pointer == "/ledger":
                raise
            raise OSError(error.message) from error

    def to_dict(self) -> dict[str, Any]:
        """The ledger file's contents (amounts as decimal strings, each entry with ``cash_after``)."""
        return self._core.to_dict()

    def to_json(self, indent: Optional[int] = None) -> str:
        return self._core.to_json(-1 if indent is None else indent)

    def copy(self) -> FundLedger:
        return FundLedger._wrap(_core.FundLedger(self._core))

    # --- appending ---------------------------------------------------------------------------

    def append(
        self,
        *,
        id: str,  # noqa: A002 - the file's field name
        date: Union[datetime.date, str],
        kind: str,
        amount: Amount,
        application: Optional[str] = None,
        decision: Optional[str] = None,
        note: Optional[str] = None,
    ) -> Balances:
        """Append an entry after checking it, and return the balances after it.

        ``date`` is a ``datetime.date`` or an ISO string; ``kind`` one of :data:`ENTRY_KINDS`;
        ``amount`` a positive amount in SEK (Decimal, int, float or text). Raises
        :class:`socinv.InputError` with ``.pointer`` ``"/entries/N/field"`` (N the index the
        entry would have had) and leaves the ledger unchanged when the entry is refused.
        """
        at = f"/entries/{len(self._core)}"
        ore, application_id, decision_ref, note_text = _entry_arguments(at, id, kind, amount, application, decision, note)
        self._core.append(id, date, kind, ore, application_id, decision_ref, note_text)
        return self.balances()

    # --- reading the ledger -------------------------------------------------------------------

    fund = forward[str]()

    @property
    def entries(self) -> list[LedgerEntry]:
        """The entries in order (a new list each call)."""
        return [_entry(raw) for raw in self._core.entries]

    def __len__(self) -> int:
        return len(self._core)

    def __iter__(self) -> Iterator[LedgerEntry]:
        return iter(self.entries)

    def balances(self, on: Union[datetime.date, str, None] = None) -> Balances:
        """The balances at the end of day ``on``, or after the last entry (all zero for an
        empty ledger)."""
        if on is not None:
            return self.balances_on(on)
        return Balances._from_ore(self._core.balances())

    def balances_on(self, day: Union[datetime.date, str]) -> Balances:
        """The balances at the end of a day (after every entry dated on or before it)."""
        return Balances._from_ore(self._core.balances_on(day))

    def history(self) -> list[Balances]:
        """The balances after each entry, in entry order."""
        return [Balances._from_ore(b) for b in self._core.history]

    def grants(self) -> pandas.DataFrame:
        """One row per granted application, indexed by application: granted_on, granted, paid,
        returned, written_off, outstanding (Decimal SEK) and closed."""
        import pandas as pd

        columns = [f.name for f in fields(Grant)]
        rows = [[g.application, *(getattr(g, c) for c in columns[1:])] for g in self._grant_list()]
        return pd.DataFrame(rows, columns=columns).set_index("application")

    def _grant_list(self) -> list[Grant]:
        return [
            Grant(app, on, from_ore(granted), from_ore(paid), from_ore(returned), from_ore(written_off),
                  from_ore(outstanding), closed)
            for app, (on, granted, paid, returned, written_off, outstanding, closed) in self._core.grants().items()
        ]  # fmt: skip

    def to_frame(self) -> pandas.DataFrame:
        """One row per entry, indexed by id: date, kind, amount, application, decision, note,
        then the balances after it (capital, committed, paid, returned, written_off, cash,
        available). Amounts are Decimal SEK."""
        import pandas as pd

        rows = []
        for entry, after in zip(self.entries, self.history()):
            row = {f.name: getattr(entry, f.name) for f in fields(LedgerEntry)}
            row.update(after.to_dict())
            rows.append(row)
        entry_columns = [f.name for f in fields(LedgerEntry)]
        return pd.DataFrame(rows, columns=entry_columns + _BALANCE_COLUMNS).set_index("id")

    # --- Python protocols ---------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FundLedger):
            return NotImplemented
        return self._core == other._core

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self):
        return (FundLedger.load, (self.to_json(),))

    def __repr__(self) -> str:
        b = self.balances()
        return (
            f"<FundLedger {self.fund!r}: {len(self)} entries, cash {format_sek(b.cash)}, "
            f"available {format_sek(b.available)}>"
        )

    def _repr_html_(self) -> str:
        h = _html
        b = self.balances()
        entries = self.entries
        last = f", the last on {entries[-1].date.isoformat()}" if entries else ""
        balances = h.table(
            ["balance", "SEK"],
            [
                ["capital and top-ups", h.text(format_sek(b.capital))],
                ["committed (granted, unpaid)", h.text(format_sek(b.committed))],
                ["paid", h.text(format_sek(b.paid))],
                ["returned", h.text(format_sek(b.returned))],
                ["written off", h.text(format_sek(b.written_off))],
                ["<b>cash</b>", f"<b>{h.text(format_sek(b.cash))}</b>"],
                ["<b>available for grants</b>", f"<b>{h.text(format_sek(b.available))}</b>"],
            ],
        )
        grants = h.table(
            ["application", "granted on", "granted", "paid", "returned", "outstanding", ""],
            (
                [
                    f"<code>{h.text(g.application)}</code>",
                    h.text(g.granted_on.isoformat()),
                    h.text(format_sek(g.granted)),
                    h.text(format_sek(g.paid)),
                    h.text(format_sek(g.returned)),
                    h.text(format_sek(g.outstanding)),
                    h.coloured("written off", "not_met") if g.closed else "",
                ]
                for g in self._grant_list()
            ),
        )
        recent = entries[-8:]
        shown = h.table(
            ["id", "date", "kind", "amount", "application", "cash after"],
            (
                [
                    h.text(e.id),
                    h.text(e.date.isoformat()),
                    h.text(e.kind),
                    h.text(format_sek(e.amount)),
                    h.text(e.application or ""),
                    h.text(format_sek(after.cash)),
                ]
                for e, after in zip(recent, self.history()[-len(recent):] if recent else [])
            ),
        )
        more = f" (the last {len(recent)})" if len(recent) < len(entries) else ""
        return (
            '<div class="socinv-fund-ledger">'
            + f"<div><b>{h.text(self.fund or 'Fund ledger')}</b>: {len(entries)} entries{h.text(last)}</div>"
            + h.heading("Balances")
            + balances
            + h.heading("Grants")
            + grants
            + h.heading("Entries" + more)
            + shown
            + "</div>"
        )
