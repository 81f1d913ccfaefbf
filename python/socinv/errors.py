"""The exception for bad input: a :class:`ValueError` that names where the problem is."""

from __future__ import annotations

__all__ = ["AmountError", "ChainError", "InputError"]


class InputError(ValueError):
    """An application, rule set or amount that cannot be read.

    Raised for the C++ library's ``socinv::input_error`` with the same message. The
    attributes locate the problem:

    - ``pointer``: the JSON pointer of the offending field (``"/period/start"``); ``""``
      is the whole document;
    - ``value``: the value seen, as JSON text (``'"2014-02-30"'``), or ``""``;
    - ``source``: the file (``"sot.json"``), the line of a JSON Lines file
      (``"batch.jsonl:3"``) or the item of a batch (``"<input>:3"``), when known;
    - ``message``: what is wrong, without the source and pointer.

    ``str(error)`` reads ``source: pointer: message``, as on the command line.
    """

    def __init__(self, message: str, *, pointer: str = "", value: str = "", source: str = "") -> None:
        self.message = message
        self.pointer = pointer
        self.value = value
        self.source = source
        text = f"{source}: " if source else ""
        text += f"{pointer or '/'}: {message}"
        super().__init__(text)

    def __reduce__(self):  # keep the attributes through pickle (multiprocessing, joblib)
        return (_rebuild, (self.message, self.pointer, self.value, self.source))

    def __repr__(self) -> str:
        return f"InputError({self.message!r}, pointer={self.pointer!r}, value={self.value!r}, source={self.source!r})"


def _rebuild(message: str, pointer: str, value: str, source: str) -> InputError:
    return InputError(message, pointer=pointer, value=value, source=source)


class ChainError(InputError):
    """A stored ledger that does not verify: an entry was changed, removed or moved behind the
    ledger's back, or the database is damaged.

    ``position`` and ``id`` name the first entry that does not match (``pointer`` is
    ``"/entries/N"``); ``source`` is the database file.
    """

    def __init__(
        self, message: str, *, pointer: str = "", value: str = "", source: str = "", position: int = 0, id: str = ""  # noqa: A002
    ) -> None:
        super().__init__(message, pointer=pointer, value=value, source=source)
        self.position = position
        self.id = id

    def __reduce__(self):
        return (_rebuild_chain, (self.message, self.pointer, self.value, self.source, self.position, self.id))


def _rebuild_chain(message: str, pointer: str, value: str, source: str, position: int, id: str) -> ChainError:  # noqa: A002
    return ChainError(message, pointer=pointer, value=value, source=source, position=position, id=id)


class AmountError(InputError):
    """An amount of a cash flow that is not a number: a string such as ``"20000.0"``, ``None``, or
    another object (an :class:`InputError`, so a ``ValueError``).

    ``pointer`` names the amount (``"/3/amount"`` for dated flows, ``"/3"`` for periodic ones,
    ``"/row/column"`` for one series per row) and ``value`` is the value seen, as JSON text.
    Amounts are never parsed from text: convert them first (``float(text)``, or
    :func:`socinv.parse_sek` for Swedish amounts).
    """

    def __reduce__(self):
        return (_rebuild_amount, (self.message, self.pointer, self.value, self.source))

    def __repr__(self) -> str:
        return f"AmountError({self.message!r}, pointer={self.pointer!r}, value={self.value!r}, source={self.source!r})"


def _rebuild_amount(message: str, pointer: str, value: str, source: str) -> AmountError:
    return AmountError(message, pointer=pointer, value=value, source=source)
