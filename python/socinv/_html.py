"""Small HTML helpers for the notebooks' rich display (no CSS or JavaScript dependencies)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

_CELL = "padding:2px 8px;text-align:left;vertical-align:top;border-bottom:1px solid #ddd"

VERDICT_COLOURS = {
    "met": "#1a7f37",
    "not_met": "#cf222e",
    "needs_information": "#9a6700",
    "error": "#cf222e",
    "warning": "#9a6700",
    "info": "#57606a",
}


def text(value: object) -> str:
    return escape("" if value is None else str(value))


def coloured(word: str, colour_key: str | None = None) -> str:
    colour = VERDICT_COLOURS.get(colour_key or word, "inherit")
    return f'<span style="color:{colour};font-weight:bold">{text(word)}</span>'


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table; cells are HTML already (escape with :func:`text`)."""
    head = "".join(f'<th style="{_CELL}">{text(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f'<td style="{_CELL}">{cell}</td>' for cell in row) + "</tr>" for row in rows)
    return f'<table style="border-collapse:collapse;margin:4px 0 10px 0"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def heading(title: str) -> str:
    return f'<div style="font-weight:bold;margin-top:8px">{text(title)}</div>'
