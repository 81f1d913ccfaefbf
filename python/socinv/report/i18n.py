"""The memo's labels and number formats, from the project's one JSON catalogue per language
(``locale/<lang>.json`` in the source tree, installed as ``socinv/locale``; the C++ library
compiles the same files in for its messages).

A catalogue maps keys to texts. A text may hold ``{name}`` placeholders (``str.format``); a
text that depends on a count is an object with the forms ``one`` and ``other`` ("1 dag",
"2 dagar"). Keys starting with ``format.`` say how numbers, money, percentages and dates are
written: Swedish "4 100 000 kr", "4,1 mnkr", "22,8 %"; English "SEK 4,100,000",
"SEK 4.1 million", "22.8%". Translators edit only the JSON files; ``docs/report.md`` says how.
"""

from __future__ import annotations

import datetime
import functools
import json
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from typing import Any, Union

__all__ = ["LANGUAGES", "Catalogue", "catalogue", "catalogue_data"]

#: The languages the memo is written in.
LANGUAGES = ("sv", "en")

Number = Union[int, float, Decimal]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@functools.lru_cache(maxsize=None)
def catalogue_data(lang: str) -> dict[str, Any]:
    """The raw catalogue of ``lang`` as stored (``locale/<lang>.json``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"the memo is written in {' or '.join(LANGUAGES)}, not {lang!r}")
    text = resources.files("socinv").joinpath("locale", f"{lang}.json").read_text(encoding="utf-8")
    return json.loads(text)


@functools.lru_cache(maxsize=None)
def catalogue(lang: str) -> Catalogue:
    """The catalogue of ``lang`` (``"sv"`` or ``"en"``), loaded once."""
    return Catalogue(lang, catalogue_data(lang))


class Catalogue:
    """Texts and number formats of one language."""

    def __init__(self, lang: str, data: dict[str, Any]) -> None:
        self.lang = lang
        self._data = data
        self._decimal = data["format.decimal"]
        self._group = data["format.group"]
        self._minus = data["format.minus"]

    # --- texts ------------------------------------------------------------------------------

    def has(self, key: str) -> bool:
        return key in self._data

    def t(self, key: str, **values: Any) -> str:
        """The text of ``key`` with its placeholders filled in."""
        try:
            text = self._data[key]
        except KeyError:
            raise KeyError(f"the {self.lang} catalogue has no key {key!r}") from None
        if isinstance(text, dict):
            raise TypeError(f"{key!r} has plural forms; use plural()")
        return text.format(**values) if values else text

    def plural(self, key: str, n: Number, **values: Any) -> str:
        """The form of ``key`` for the count ``n`` ("1 dag", "2 dagar"), with ``{n}`` written as a number."""
        forms = self._data.get(key)
        if not isinstance(forms, dict):
            raise KeyError(f"the {self.lang} catalogue has no plural key {key!r}")
        form = forms["one"] if n == 1 and float(n).is_integer() else forms["other"]
        shown = self.integer(n) if float(n).is_integer() else self.number(n, 1)
        return form.format(n=shown, **values)

    def enum(self, group: str, value: str) -> str:
        """The name of an enum value (``enum("role", "lead")`` is "huvudsökande")."""
        return self.t(f"{group}.{value}")

    # --- numbers ----------------------------------------------------------------------------

    def number(self, x: Number, decimals: int = 0) -> str:
        """``x`` with ``decimals`` decimals, grouped by thousands, in this language's signs."""
        if isinstance(x, float) and not math.isfinite(x):
            return self.t("format.not_a_number") if math.isnan(x) else self.t("format.infinite")
        value = Decimal(str(x)) if isinstance(x, float) else Decimal(x)
        rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        negative = rounded < 0
        digits = f"{abs(rounded):,.{decimals}f}"  # "1,234.50": swap in this language's signs
        digits = digits.replace(",", "\0").replace(".", self._decimal).replace("\0", self._group)
        return (self._minus if negative else "") + digits

    def integer(self, n: Number) -> str:
        return self.number(n, 0)

    def kr(self, amount: Number) -> str:
        """Money: "4 100 000 kr", "1 028 740,88 kr" (öre shown only when there are any) or
        "SEK 4,100,000". Floats (model figures) are rounded to whole kronor."""
        if isinstance(amount, Decimal) and amount != amount.to_integral_value():
            shown = self.number(amount, 2)
        else:
            shown = self.number(amount, 0)
        return self.t("format.money", amount=shown)

    def mnkr(self, amount: Number, decimals: int = 2) -> str:
        """Millions of kronor: "4,31 mnkr", "SEK 4.31 million"."""
        return self.t("format.millions", amount=self.number(float(amount) / 1e6, decimals))

    def percent(self, share: Number, decimals: int = 1) -> str:
        """A share (0–1) as a percentage: "22,8 %", "22.8%"."""
        if isinstance(share, float) and not math.isfinite(share):
            return self.number(share)
        return self.t("format.percent", value=self.number(float(share) * 100, decimals))

    def ratio(self, x: Number, decimals: int = 2) -> str:
        return self.number(x, decimals)

    # --- dates ------------------------------------------------------------------------------

    def date(self, day: Union[datetime.date, str]) -> str:
        """"18 mars 2014", "18 March 2014"."""
        if isinstance(day, str):
            day = datetime.date.fromisoformat(day)
        return self.t("format.date", day=day.day, month=self.t(f"month.{day.month}"), year=day.year)

    def period(self, start: Union[datetime.date, str], end: Union[datetime.date, str]) -> str:
        return self.t("format.period", start=self.date(start), end=self.date(end))

    # --- for tests and translators ----------------------------------------------------------

    def keys(self) -> list[str]:
        return sorted(self._data)

    @staticmethod
    def placeholders(text: Union[str, dict[str, str]]) -> set[str]:
        texts = text.values() if isinstance(text, dict) else [text]
        return {name for t in texts for name in _PLACEHOLDER.findall(t)}
