"""Money in SEK as :class:`decimal.Decimal` with two decimals.

The C++ core keeps every booked amount as whole öre in a signed 64-bit integer; Python sees
the same amounts as ``Decimal("4100000.00")``. Conversions are exact: an amount with more
than two decimals, or one that does not fit in 64-bit öre, is an :class:`InputError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Union

from socinv import _core

__all__ = ["Amount", "allocate", "format_decimal", "format_sek", "from_ore", "parse_sek", "to_ore"]

#: What the money functions accept: a Decimal, an int (whole kronor), a float (read by its
#: shortest repr, so 0.1 is 0.10 kr) or text such as "4 100 000,50 kr".
Amount = Union[Decimal, int, float, str]


def from_ore(ore: int) -> Decimal:
    """Whole öre as SEK: ``from_ore(410000050) == Decimal("4100000.50")``."""
    return Decimal(int(ore)).scaleb(-2)


def to_ore(amount: Amount) -> int:
    """An amount in SEK as whole öre, exactly; raises InputError when that is impossible."""
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int, float, str)):
        raise TypeError(f"expected an amount in SEK (Decimal, int, float or str), got {type(amount).__name__}")
    text = amount if isinstance(amount, str) else repr(amount) if isinstance(amount, float) else str(amount)
    return _core.parse_sek(text)


def parse_sek(text: str) -> Decimal:
    """Read an amount written in SEK: ``"4100000"``, ``"4 100 000,50 kr"``, ``"12.5"``, ``"1.5e6"``.

    At most two decimals; raises :class:`InputError` (a ``ValueError``) naming the text otherwise.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_sek reads text, not {type(text).__name__}")
    return from_ore(_core.parse_sek(text))


def format_sek(amount: Amount) -> str:
    """Swedish display: ``"4 100 000 kr"``, ``"-1 234,50 kr"`` (öre shown only when there are any)."""
    return _core.format_sek(to_ore(amount))


def format_decimal(amount: Amount) -> str:
    """A plain decimal, ``"4100000.00"``, that :func:`parse_sek` reads back exactly."""
    return _core.format_decimal(to_ore(amount))


def allocate(total: Amount, weights: Iterable[int]) -> list[Decimal]:
    """Split ``total`` over non-negative integer ``weights`` so that the parts add up exactly.

    Each part gets its share rounded down to whole öre; the öre left over go one each to the
    parts with the largest remainders (earlier parts win ties). Every part differs from its
    exact share by less than one öre.
    """
    ints = [int(w) for w in weights]
    return [from_ore(part) for part in _core.allocate(to_ore(total), ints)]
