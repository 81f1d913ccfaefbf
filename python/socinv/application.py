"""Applications to a social investment fund: loading them and reading their fields."""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Optional, Union

from socinv import _core, _html
from socinv._json import dumps, looks_like_json, read_path
from socinv._wrap import forward
from socinv.money import format_sek, from_ore

__all__ = ["Application", "ApplicationSource", "Decision", "Party", "load_application"]


@dataclass(frozen=True)
class Party:
    """One of the parties that run the intervention (docs/application-format.md, Parties)."""

    name: str
    kind: str  # municipal_administration, civil_society, for_profit_company, ...
    role: str  # lead, co_applicant, partner, co_financier
    form: Optional[str] = None  # civil_society only: association, foundation, ...


@dataclass(frozen=True)
class Decision:
    """The fund's decision on the application."""

    date: datetime.date
    body: str
    granted: Decimal


class Application:
    """An application, checked against the interchange format when it was loaded.

    Make one with :func:`load_application`. The fields are read-only; :meth:`to_dict` gives
    the whole application in the interchange format (amounts as decimal strings).
    """

    __slots__ = ("_core",)

    def __init__(self, core: _core.Application) -> None:
        if not isinstance(core, _core.Application):
            raise TypeError("use socinv.load_application() to make an Application")
        self._core = core

    id = forward[str]()
    title = forward[str]()
    municipality = forward[str]()
    target_group = forward[str]()
    period = forward[_core.Period](doc="The period; ``.start`` and ``.end`` (inclusive) are ``datetime.date``.")

    @property
    def requested(self) -> Decimal:
        """The amount applied for, in SEK."""
        return from_ore(self._core.requested)

    @property
    def total_cost(self) -> Decimal:
        """The budget's sum when there is a budget, else requested plus co-financing, in SEK."""
        return from_ore(self._core.total_cost)

    @property
    def parties(self) -> tuple[Party, ...]:
        return tuple(Party(name, kind, role, form) for name, kind, form, role in self._core.parties)

    @property
    def decision(self) -> Optional[Decision]:
        d = self._core.decision
        return None if d is None else Decision(d[0], d[1], from_ore(d[2]))

    extension_of = forward[Optional[str]]()
    places_per_year = forward[Optional[int]]()
    participants = forward[Optional[int]]()

    def to_dict(self) -> dict[str, Any]:
        """The application in the interchange format (a new dict each call)."""
        return self._core.to_dict()

    def to_json(self, indent: Optional[int] = None) -> str:
        return self._core.to_json(-1 if indent is None else indent)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # By its interchange-format text, which reads back to the same application: what a
        # Dask task or a process pool is sent (the file it was read from need not be there).
        return (load_application, (self.to_json(),))

    def __repr__(self) -> str:
        return f"<Application {self.id}: {self.title!r}, {self.period}, {format_sek(self.requested)}>"

    def _repr_html_(self) -> str:
        h = _html
        parties = h.table(
            ["party", "kind", "form", "role"],
            ([h.text(p.name), h.text(p.kind), h.text(p.form or ""), h.text(p.role)] for p in self.parties),
        )
        period = self.period
        lines = [
            f"<div><b>{h.text(self.title)}</b> <code>{h.text(self.id)}</code></div>",
            f"<div>{h.text(period)} ({period.whole_months} whole months, {period.days} days); "
            f"requested {h.text(format_sek(self.requested))}</div>",
        ]
        if self.extension_of:
            lines.append(f"<div>extension of <code>{h.text(self.extension_of)}</code></div>")
        return "<div>" + "".join(lines) + parties + "</div>"


#: What :func:`load_application` accepts.
ApplicationSource = Union[Application, Mapping[str, Any], str, bytes, "os.PathLike[str]"]


def load_application(source: ApplicationSource) -> Application:
    """Load and check one application.

    ``source`` is one of:

    - a path (``str`` or ``os.PathLike``) of a JSON file; errors name the file;
    - a ``dict`` in the interchange format (``datetime.date`` and ``Decimal`` values are
      allowed and written as ISO dates and decimal strings);
    - JSON text: a ``str`` whose first non-blank character is ``{`` or ``[``, or ``bytes``;
    - an :class:`Application`, returned as it is.

    Raises :class:`socinv.InputError` (a ``ValueError``) for a document that does not follow
    docs/application-format.md, with ``.pointer`` naming the field, and ``OSError`` (e.g.
    ``FileNotFoundError``) for a file that cannot be read.
    """
    if isinstance(source, Application):
        return source
    if isinstance(source, Mapping):
        return Application(_core.parse_application(dumps(source), ""))
    if isinstance(source, (bytes, bytearray, memoryview)):
        return Application(_core.parse_application(bytes(source), ""))
    if isinstance(source, str) and looks_like_json(source):
        return Application(_core.parse_application(source, ""))
    if isinstance(source, (str, os.PathLike)):
        data, name = read_path(source)
        return Application(_core.parse_application(data, name))
    raise TypeError(
        f"load_application takes a path, a dict, JSON text or an Application, not {type(source).__name__}"
    )
