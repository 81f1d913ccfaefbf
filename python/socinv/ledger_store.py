"""The fund ledger in a SQLite database: appends that commit at once, a hash chain, verification.

The embedded default for a fund's ledger (docs/return-transfers.md, "The ledger store")::

    import datetime, socinv

    store = socinv.FundLedger.open("fund.db", create=True, fund="Örebro")
    store.append(id="2013-001", date=datetime.date(2013, 6, 10), kind="capital", amount="65000000")
    store.verify().ok          # every hash and every balance recomputed
    store.balances(on=datetime.date(2014, 1, 1))
    store.export_json("fund-ledger.json")   # the JSON file format, with each entry's hash

Several processes may append to one database at once: each append is one transaction that
checks the entry against the balances read in it. The JSON file API (:class:`FundLedger`)
stays for interchange.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Union

from socinv import _core
from socinv._wrap import forward
from socinv.ledger import Balances, FundLedger, _entry_arguments, _latest
from socinv.money import Amount, format_sek

if TYPE_CHECKING:
    import pandas

__all__ = ["ChainBreak", "LedgerStore", "Verification"]


@dataclass(frozen=True)
class ChainBreak:
    """The first entry of a stored ledger that does not match: its position (from 0), its id
    and why (its hash does not match its content, it is missing, its balances differ, ...)."""

    position: int
    id: str
    reason: str

    def __str__(self) -> str:
        named = f" (id {self.id!r})" if self.id else ""
        return f"entry {self.position}{named}: {self.reason}"


@dataclass(frozen=True)
class Verification:
    """What :meth:`LedgerStore.verify` found. ``head`` is the last entry's hash: a copy kept
    elsewhere (the minutes of a meeting) anchors the chain. ``warnings`` name missing
    append-only triggers."""

    entries: int
    head: str
    problem: Optional[ChainBreak]
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.problem is None

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        if self.problem is None:
            text = f"the ledger verifies: {self.entries} entries, head {self.head or '(empty)'}"
        else:
            text = f"the ledger does NOT verify at {self.problem}"
        return "; ".join([text, *self.warnings])


class LedgerStore:
    """A fund ledger in a SQLite database (C++ ``socinv::store::ledger_store``). Make one with
    :meth:`FundLedger.open` or :meth:`LedgerStore.open`.

    :meth:`append` commits at once; a refused entry raises :class:`socinv.InputError`
    (``.pointer`` ``"/entries/N/field"``) and stores nothing. Reading the entries
    (:meth:`to_ledger`, :meth:`to_frame`, :attr:`entries`) verifies the chain and raises
    :class:`socinv.ChainError` naming the first entry that does not match.
    """

    __slots__ = ("_core",)

    def __init__(self, core: _core.LedgerStore) -> None:
        if not isinstance(core, _core.LedgerStore):
            raise TypeError("use socinv.FundLedger.open() or LedgerStore.open() to open a ledger database")
        self._core = core

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
        """Open the ledger database at ``path``; with ``create=True`` make a new one (the file
        must not exist) for the fund ``fund``.

        Entries dated after ``today`` (default: the computer's date) plus ``horizon_years``
        are refused (None: no limit). ``timeout`` is how many seconds an append waits for
        another process's transaction. A file that is not a ledger database, or one with a
        newer schema, raises :class:`socinv.InputError`.
        """
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"a ledger database is a path, not {type(path).__name__}")
        if not isinstance(fund, str):
            raise TypeError(f"fund is the fund's name (a str), not {type(fund).__name__}")
        if not timeout >= 0:
            raise ValueError(f"timeout must be a number of seconds ≥ 0, not {timeout!r}")
        name = os.fsdecode(os.fspath(path))
        latest = _latest(today, horizon_years)
        return cls(_core.open_ledger_store(name, bool(create), fund, latest, int(timeout * 1000)))

    # --- writing -------------------------------------------------------------------------------

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
        """Append an entry in one transaction, committed before this returns; returns the
        balances after it. Arguments as :meth:`FundLedger.append`."""
        at = "/entries/-"
        ore, application_id, decision_ref, note_text = _entry_arguments(at, id, kind, amount, application, decision, note)
        after = self._core.append(id, date, kind, ore, application_id, decision_ref, note_text)
        return Balances._from_ore(after)

    def import_json(self, source: Union[str, os.PathLike[str], bytes]) -> int:
        """Import a ledger file (a path, or JSON text) into this store, which must be empty.
        A file with hashes must carry an unbroken chain; every entry is replayed and each
        ``cash_after`` must match; a refused file raises :class:`socinv.InputError` naming the
        entry (``"/entries/4/hash"``) and imports nothing. Returns the number of entries."""
        if isinstance(source, (bytes, bytearray)):
            return self._core.import_json(bytes(source), "")
        if isinstance(source, str) and source.lstrip().startswith("{"):
            return self._core.import_json(source, "")
        if isinstance(source, (str, os.PathLike)):
            name = os.fsdecode(os.fspath(source))
            with open(name, "rb") as f:
                return self._core.import_json(f.read(), name)
        raise TypeError(f"import_json takes a path or JSON text, not {type(source).__name__}")

    def export_json(self, path: Union[str, os.PathLike[str], None] = None, *, indent: int = 2) -> Optional[str]:
        """The ledger in the JSON file format with each entry's hash, verified first: written
        atomically to ``path``, or returned as text when ``path`` is None."""
        if path is None:
            return self._core.export_json(indent)
        self._core.export_file(os.fsdecode(os.fspath(path)))
        return None

    def close(self) -> None:
        self._core.close()

    def __enter__(self) -> LedgerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -------------------------------------------------------------------------------

    path = forward[str]()
    fund = forward[str]()

    def __len__(self) -> int:
        return len(self._core)

    def verify(self) -> Verification:
        """Recompute every entry's hash and replay every entry through the ledger's rules;
        the result names the first entry that does not match (``.problem``)."""
        entries, head, problem, warnings = self._core.verify()
        return Verification(entries, head, None if problem is None else ChainBreak(*problem), tuple(warnings))

    def balances(self, on: Union[datetime.date, str, None] = None) -> Balances:
        """The balances at the end of day ``on``, or after the last entry, as stored with each
        entry (:meth:`verify` recomputes them)."""
        return Balances._from_ore(self._core.balances(on))

    def to_ledger(self) -> FundLedger:
        """The ledger in memory, verified: a :class:`FundLedger` (for grants, history, saving
        as JSON without hashes)."""
        return FundLedger._wrap(self._core.load())

    @property
    def entries(self):  # noqa: ANN201 - list[LedgerEntry]
        """The entries in order, verified."""
        return self.to_ledger().entries

    def hashes(self) -> list[str]:
        """Each entry's hash, in order, verified."""
        return list(self._core.hashes())

    def grants(self) -> pandas.DataFrame:
        """As :meth:`FundLedger.grants`."""
        return self.to_ledger().grants()

    def to_frame(self) -> pandas.DataFrame:
        """One row per entry as :meth:`FundLedger.to_frame`, with its ``hash`` as the last column."""
        frame = self.to_ledger().to_frame()
        frame["hash"] = self.hashes()
        return frame

    def __repr__(self) -> str:
        b = self.balances()
        return (
            f"<LedgerStore {self.path!r} ({self.fund!r}): {len(self)} entries, cash {format_sek(b.cash)}, "
            f"available {format_sek(b.available)}>"
        )

    def _repr_html_(self) -> str:
        return self.to_ledger()._repr_html_()
