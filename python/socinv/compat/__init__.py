"""Drop-in replacements for other libraries' cash-flow functions, backed by socinv's kernels.

Switch by changing one import (docs/compat.md)::

    from socinv.compat import pyxirr            # was: import pyxirr
    from socinv.compat import numpy_financial as npf   # was: import numpy_financial as npf

- :mod:`socinv.compat.pyxirr`: pyxirr 0.10.8's ``xirr``, ``xnpv``, ``irr``, ``npv``, ``mirr``,
  ``year_fraction``, ``DayCount``, ``InvalidPaymentsError`` and ``BroadcastingError``, with
  pyxirr's names, signatures, input conversions, ``silent=``, ``None`` for "no rate" and its
  choice among several rates.
- :mod:`socinv.compat.numpy_financial`: numpy-financial's (GitHub main) ``irr``, ``npv`` and
  ``mirr``, with its broadcasting (every rate against every row), NaN for "no rate",
  ``raise_exceptions=``, ``NoRealSolutionError``, ``IterationsExceededError`` and its choice
  among several rates.

Each module locates the rate its peer's own rule would pick and then solves for that root with
socinv's kernel, to full double precision. Where the peer misses a rate that exists, or answers
with a number that is not a root in double precision, these modules answer as socinv does; every
such case is listed in docs/compat.md. socinv's own API (:mod:`socinv.cashflow`) keeps its own
conventions.
"""

from socinv.compat import numpy_financial, pyxirr

__all__ = ["numpy_financial", "pyxirr"]
