"""Timing shared by the benchmarks: the best of several runs, since the machine may be shared."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def best_of(f: Callable[[], T], runs: int = 3) -> tuple[float, T]:
    """The shortest time of `runs` calls of f (the one least disturbed) and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - start)
    return best, result  # type: ignore[return-value]
