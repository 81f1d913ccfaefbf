"""The geometry of the memo's two charts, drawn as inline SVG by ``templates/charts.html.j2``.

The functions here only place things: bars, ticks and marker lines in SVG user units, with
the values they stand for (in millions of kronor, or counts), so the template writes the
labels in the memo's language. The figures themselves (draws, percentiles, the tornado's
swings) come from the cost model.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["histogram", "nice_ticks", "tornado"]

WIDTH = 640
MILLION = 1e6


def nice_ticks(low: float, high: float, count: int = 6) -> tuple[list[float], int]:
    """Round tick values covering [low, high] (about ``count`` of them) and the decimals
    their labels need."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0], 0
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(0.0 if abs(value) < step * 1e-9 else round(value, 12))
        value += step
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    if step == 2.5 * magnitude and step < 10:
        decimals = max(decimals, 1)
    return ticks, decimals


class _Scale:
    def __init__(self, low: float, high: float, start: float, end: float) -> None:
        self.low, self.high, self.start, self.end = low, high, start, end

    def __call__(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return round(self.start + (value - self.low) / span * (self.end - self.start), 2)


def histogram(npv: Any, percentiles: Mapping[int, float], bins: int = 40) -> dict[str, Any]:
    """The Monte Carlo NPV distribution as bars (``npv`` in SEK, one value per draw), with
    marker lines at break-even (NPV 0) and at the 10th, 50th and 90th percentiles."""
    values = np.asarray(npv, dtype=float) / MILLION
    height = 270
    left, right, top, bottom = 64, 16, 48, 44
    x0, x1, y0, y1 = left, WIDTH - right, height - bottom, top
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-9:
        low, high = low - 0.5, high + 0.5
    counts, edges = np.histogram(values, bins=bins, range=(low, high))
    # Break-even is shown when it lies within half the spread of the draws.
    span = high - low
    domain = (min(low, 0.0), high) if 0 < low <= span / 2 else (low, max(high, 0.0)) if -span / 2 <= high < 0 else (low, high)
    xticks, xdec = nice_ticks(*domain)
    xs = _Scale(min(low, xticks[0]), max(high, xticks[-1]), x0, x1)
    yticks, _ = nice_ticks(0.0, float(counts.max()), 5)
    ys = _Scale(0.0, max(float(counts.max()), yticks[-1]), y0, y1)
    bars = []
    for count, a, b in zip(counts, edges[:-1], edges[1:]):
        if count == 0:
            continue
        xa, xb = xs(float(a)), xs(float(b))
        bars.append({
            "x": xa, "y": ys(float(count)), "width": max(round(xb - xa - 0.6, 2), 0.6),
            "height": round(y0 - ys(float(count)), 2), "negative": (a + b) / 2 < 0,
            "low": float(a), "high": float(b), "count": int(count),
        })  # fmt: skip
    markers = [{"kind": "zero", "value": 0.0, "x": xs(0.0)}] if xs.low <= 0 <= xs.high else []
    for p in (10, 50, 90):
        if p in percentiles:
            markers.append({"kind": f"p{p}", "p": p, "value": percentiles[p] / MILLION, "x": xs(percentiles[p] / MILLION)})
    # Each marker's label on the first of three rows above the plot where it clears the others.
    last_x: list[float] = []  # the last label's x on each row
    for m in sorted(markers, key=lambda m: m["x"]):
        free = [i for i, x in enumerate(last_x) if m["x"] - x > 58]
        if free:
            row = free[0]
        elif len(last_x) < 3:
            row = len(last_x)
            last_x.append(0.0)
        else:
            row = min(range(3), key=lambda i: last_x[i])
        last_x[row] = m["x"]
        m["label_y"] = y1 - 6 - 12 * row
    return {
        "width": WIDTH, "height": height, "x0": x0, "x1": x1, "y0": y0, "y1": y1,
        "bars": bars,
        "xticks": [{"x": xs(v), "value": v, "decimals": xdec} for v in xticks if xs.low <= v <= xs.high],
        "yticks": [{"y": ys(v), "value": v} for v in yticks],
        "markers": markers,
    }  # fmt: skip


def tornado(rows: Sequence[Mapping[str, Any]], base_npv: float) -> dict[str, Any]:
    """Horizontal bars from the NPV at the means to the NPV with each input at its low and at
    its high quantile, widest swing first (``rows`` as the tornado gives them, in SEK)."""
    row_height, top, bottom, label_width = 24, 30, 44, 236
    height = top + bottom + row_height * max(len(rows), 1)
    x0, x1 = label_width + 8, WIDTH - 16
    base = base_npv / MILLION
    values = [base, 0.0] + [r[k] / MILLION for r in rows for k in ("npv_at_low", "npv_at_high")]
    low, high = min(values), max(values)
    pad = (high - low) * 0.04 or 0.5
    ticks, decimals = nice_ticks(low - pad, high + pad)
    xs = _Scale(min(low - pad, ticks[0]), max(high + pad, ticks[-1]), x0, x1)
    bars = []
    for i, r in enumerate(rows):
        y = top + i * row_height
        at_low, at_high = r["npv_at_low"] / MILLION, r["npv_at_high"] / MILLION
        bar = {"y": y + 4, "height": row_height - 8, "label_y": y + row_height / 2 + 4, "row": r}
        for side, value in (("low", at_low), ("high", at_high)):
            a, b = sorted((xs(base), xs(value)))
            bar[side] = {"x": a, "width": max(round(b - a, 2), 0.0), "value": value}
        bars.append(bar)
    return {
        "width": WIDTH, "height": height, "x0": x0, "x1": x1, "y0": height - bottom, "y1": top,
        "label_x": label_width, "bars": bars, "base": {"x": xs(base), "value": base},
        "zero": {"x": xs(0.0)} if xs.low <= 0 <= xs.high else None,
        "xticks": [{"x": xs(v), "value": v, "decimals": decimals} for v in ticks if xs.low <= v <= xs.high],
    }  # fmt: skip
