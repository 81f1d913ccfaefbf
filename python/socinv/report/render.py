"""Jinja2 for the memo: one environment per language, autoescaping on, with the catalogue's
texts and number formats as the templates' functions."""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any, Optional

import jinja2
from markupsafe import Markup

from socinv.report.i18n import Catalogue, catalogue

__all__ = ["css_string", "environment", "render", "sentence"]


def _resource(name: str) -> str:
    return resources.files("socinv.report").joinpath("templates", name).read_text(encoding="utf-8")


def css_string(text: object) -> Markup:
    """``text`` as a quoted CSS string, safe inside ``<style>`` (where HTML escapes do not apply)."""

    def escape(ch: str) -> str:
        if ch in '\\"<>&' or ord(ch) < 0x20 or ord(ch) == 0x7F:
            return f"\\{ord(ch):X} "
        return ch

    return Markup('"' + "".join(escape(ch) for ch in str(text)) + '"')


def sentence(text: object) -> str:
    """``text`` with its first letter in upper case ("bokförd" as a column's heading: "Bokförd")."""
    s = str(text)
    return s[:1].upper() + s[1:]


def _css_counter(template: str) -> Markup:
    """"Sida {page} av {pages}" as CSS content: ``"Sida " counter(page) " av " counter(pages)``."""
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(str(css_string(piece)))
    return Markup(" ".join(parts))


class _Helpers:
    """The functions the templates call, bound to one language's catalogue."""

    def __init__(self, cat: Catalogue) -> None:
        self.cat = cat

    def enum(self, group: str, value: Optional[str]) -> str:
        key = f"{group}.{value}"
        if not self.cat.has(key):
            warnings.warn(f"the {self.cat.lang} catalogue has no text for {key!r}", stacklevel=2)
            return str(value)
        return self.cat.t(key)

    def enum_list(self, group: str, values: Sequence[str]) -> str:
        names = [self.enum(group, v) for v in values]
        if len(names) <= 1:
            return "".join(names)
        return self.cat.t("common.list_or", first=", ".join(names[:-1]), last=names[-1])

    def input_label(self, row: Mapping[str, Any]) -> str:
        if row["key"] == "exclusion_cost_item":
            return self.cat.t("input.exclusion_cost_item", name=row["item"])
        return self.enum("input", row["key"])

    def input_value(self, row: Mapping[str, Any], value: float) -> str:
        form = row["form"]
        if form == "share":
            return self.cat.percent(value)
        if form == "years":
            return self.cat.plural("unit.years", round(value, 1))
        if form == "money":
            return self.cat.t("format.money_per_year", amount=self.cat.kr(value))
        return self.cat.number(value, 2)

    def discount_text(self, discount: Mapping[str, Any]) -> str:
        kind = discount["kind"]
        if kind == "rate":
            return self.cat.t("economics.discount_rate", rate=self.cat.percent(discount["rate"], 1))
        return self.cat.t(f"economics.discount_{kind}")

    def measure_value(self, measure: Mapping[str, Any], value: Optional[float]) -> str:
        if value is None:
            return self.cat.t("common.not_given")
        if measure["kind"] == "proportion":
            return self.cat.percent(value)
        shown = self.cat.number(value, 2)
        return f"{shown} {measure['unit']}" if measure["unit"] else shown

    def measure_difference(self, measure: Mapping[str, Any], value: Optional[float]) -> str:
        if value is None:
            return self.cat.t("common.not_given")
        if measure["kind"] == "proportion":
            return self.cat.t("format.points", value=self.cat.number(value * 100, 1))
        shown = self.cat.number(value, 2)
        return f"{shown} {measure['unit']}" if measure["unit"] else shown

    def warning_text(self, measure: Mapping[str, Any], warning: Mapping[str, Any]) -> str:
        if warning["text"]:
            return warning["text"]
        key = f"warning.{warning['code']}"
        if not self.cat.has(key):
            key = "warning.other"
        return self.cat.t(
            key,
            n=self.cat.integer(measure["n"]),
            mdd=self.measure_difference(measure, measure["minimum_detectable_difference"]),
            level=self.cat.percent(measure["confidence"], 0),
            unit=measure["unit"],
            code=warning["code"],
        )

    def functions(self) -> dict[str, Any]:
        cat = self.cat
        return {
            "t": cat.t,
            "plural": cat.plural,
            "number": cat.number,
            "integer": cat.integer,
            "kr": cat.kr,
            "mnkr": cat.mnkr,
            "percent": cat.percent,
            "ratio": cat.ratio,
            "date": cat.date,
            "period": cat.period,
            "enum": self.enum,
            "enum_list": self.enum_list,
            "input_label": self.input_label,
            "input_value": self.input_value,
            "discount_text": self.discount_text,
            "measure_value": self.measure_value,
            "measure_difference": self.measure_difference,
            "warning_text": self.warning_text,
        }


@functools.lru_cache(maxsize=None)
def environment(lang: str) -> jinja2.Environment:
    """The templates of ``lang``: autoescaped, strict about undefined names."""
    cat = catalogue(lang)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("socinv.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    env.filters["sentence"] = sentence
    env.globals.update(_Helpers(cat).functions())
    env.globals.update(
        lang=lang,
        css=Markup(_resource("memo.css")),
        page_css=Markup(_resource("page.css")),
        page_counter=_css_counter(cat.t("memo.page_number")),
    )
    return env


def render(template: str, lang: str, **context: Any) -> str:
    return environment(lang).get_template(template).render(**context)
