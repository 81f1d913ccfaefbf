"""socinv beyond one machine: Monte Carlo, fund simulations and batch assessment on Dask.

The same code runs on a laptop's ``distributed.LocalCluster`` and on a cluster (Kubernetes, an
HPC scheduler through dask-jobqueue): pass its ``Client``, or make one the default
(docs/scale-out.md)::

    from distributed import Client, LocalCluster
    import socinv, socinv.dask

    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))
    model = socinv.cost_model("examples/applications/sot.json")
    sim = socinv.dask.simulate(model, draws=10_000_000, seed=1)   # the draws stay on the workers
    sim.mean_npv, sim.probability_break_even, sim.percentile([10, 50, 90])
    sim.gather()                    # the whole Simulation, equal to model.simulate(10_000_000, 1)

    fund = socinv.load_fund("examples/funds/orebro.json")
    socinv.dask.simulate_fund(fund, draws=100_000, seed=1).summary()

    rows = socinv.dask.assess_many("applications/*.jsonl", output="dataframe")

Every result equals the local one value for value, whatever the number of workers and the
block size: draw i takes its random numbers from its own stream (seed, i), so a block of draws
is the same wherever it runs, and the blocks are merged in draw order with the local run's
arithmetic. Without a client (none passed and no default one) the same blocks run here, one
after another.

Needs Dask: ``pip install 'socinv[dask]'`` (dask, distributed, tqdm).
"""

from __future__ import annotations

import math
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, Optional, Union

import numpy as np

try:
    import dask
    import dask.bag
    import distributed
    from dask.base import tokenize
except ImportError as error:  # pragma: no cover - the message is the point
    raise ImportError("socinv.dask needs Dask: pip install 'socinv[dask]' (dask and distributed)") from error

from socinv import _core
from socinv.assessment import SUMMARY_COLUMNS, Assessment, _batch_text, _fund_ore, summary_row
from socinv.economics import CostModel, Simulation, checked_run, percentile
from socinv.errors import InputError
from socinv.fund import Fund, FundSimulation, RuleSpec
from socinv.money import Amount
from socinv.rules import DEFAULT_RULES, RulesSource, load_rules
from socinv._wrap import msek as _msek
from socinv._wrap import whole as _whole

if TYPE_CHECKING:
    import dask.dataframe
    import pandas

__all__ = ["CRITERIA", "DistributedSimulation", "assess_many", "simulate", "simulate_fund"]

# The core sums the NPVs in blocks of this many draws counted from the run's start, then the
# block sums in order (include/socinv/economics/monte_carlo.hpp, detail::npv_sum_block): the
# merged mean is made the same way.
_SUM_BLOCK = 1024
# A fund's draws are merged in whole groups of this many (merge_fund_draws refuses others).
_FUND_BLOCK = 256
# Sample points per block for the exact percentiles: enough that the values left between the
# brackets of a rank are about 2 / _SAMPLES of all the draws.
_SAMPLES = 4096
_MOST_BLOCK = 1 << 22  # 4 Mi draws: 96 MiB of results per task, well within a worker's memory

#: The checklist's criteria, in its order: the columns of :func:`assess_many`'s verdicts
#: (include/socinv/application/criterion.hpp; tests/python/test_dask.py checks them against an
#: assessment's checklist).
CRITERIA: tuple[str, ...] = (
    "collaborative",
    "innovative",
    "measurable",
    "reduced_future_resource_needs",
    "not_budget_supplement",
    "evidence_base",
    "built_to_scale",
    "evaluation_plan",
    "return_transfer_agreement",
)

Client = distributed.Client


# --- where the work runs ------------------------------------------------------------------------


def _client(client: Optional[Client]) -> Optional[Client]:
    """The client to run on: the one given, else the default one, else None (run here)."""
    if client is not None:
        if not isinstance(client, distributed.Client):
            raise TypeError(f"client must be a distributed.Client, not {type(client).__name__}")
        return client
    try:
        return distributed.default_client()
    except ValueError:  # no client has been made in this process
        return None


def _threads(client: Optional[Client]) -> int:
    if client is None:
        return os.cpu_count() or 1
    return max(1, sum(client.nthreads().values()))


def _in_kernel() -> bool:
    from distributed.utils import is_kernel

    return bool(is_kernel())


def _has_widgets() -> bool:
    try:
        import ipywidgets  # noqa: F401
    except ImportError:
        return False
    return True


def _show_progress(client: Client, futures: Sequence[distributed.Future]) -> None:
    """Dask's progress bar for futures on the client's scheduler: a widget in a notebook that
    has ipywidgets (shown, not waited for), else a text bar that returns when they are done."""
    scheduler = client.scheduler.address  # the client's, which need not be the default one
    if _in_kernel() and _has_widgets():
        from IPython.display import display

        display(distributed.progress(list(futures), notebook=True, multi=False, scheduler=scheduler))
    else:
        distributed.progress(list(futures), notebook=False, scheduler=scheduler)


def _local_progress(items: Sequence[Any], progress: bool, what: str) -> Iterable[Any]:
    """tqdm over the blocks run here (a notebook bar when ipywidgets is there)."""
    if not progress:
        return items
    if _in_kernel() and _has_widgets():
        from tqdm.notebook import tqdm
    else:
        from tqdm.std import tqdm
    return tqdm(items, desc=what, unit="block")


def _check_flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, not {value!r}")
    return value


def _blocks(draws: int, block: int) -> list[tuple[int, int]]:
    """(first draw, draws) of each block, in draw order."""
    return [(first, min(block, draws - first)) for first in range(0, draws, block)]


def _default_block(draws: int, threads: int, multiple: int) -> int:
    """Four blocks per thread (room to balance), a multiple of ``multiple``, at most _MOST_BLOCK."""
    per = math.ceil(draws / (4 * threads))
    return max(multiple, min(_MOST_BLOCK, math.ceil(per / multiple) * multiple))


def _checked_block(block: Any, multiple: int, what: str) -> int:
    block = _whole("block", block)
    if block < 1:
        raise ValueError(f"block must be at least 1 draw, not {block}")
    if block % multiple:
        raise ValueError(
            f"block must be a multiple of {multiple} draws for {what} (its draws merge in groups of {multiple}), "
            f"not {block}"
        )
    return block


def _token(*parts: Any) -> str:
    # The objects by their pickles, which are their sources (a model's application text, a
    # fund's self-contained file): two different models never share a key.
    return tokenize(*(pickle.dumps(p, protocol=5) if isinstance(p, (CostModel, Fund)) else p for p in parts))


# --- Monte Carlo of a cost model ----------------------------------------------------------------


def _simulate_block(model: CostModel, seed: int, first: int, count: int, threads: int) -> _core.Simulation:
    """Draws [first, first + count) of the run of ``seed``: a pure task (the GIL is released)."""
    return _core.simulate(model._core, count, seed, threads, first)


def _block_summary(sim: _core.Simulation) -> tuple[int, int, np.ndarray, np.ndarray, np.ndarray, int]:
    """What the merged mean and break-even share need of a block, without its draws: the
    sequential NPV sums of the whole 1024-draw blocks of the run inside it, the NPVs of its
    partial ones at either end (their sums continue across blocks) and its break-even count."""
    first, count = sim.first_draw, sim.draws
    npv = sim.npv
    head_end = min(first + count, -(-first // _SUM_BLOCK) * _SUM_BLOCK)
    tail_start = max(head_end, (first + count) // _SUM_BLOCK * _SUM_BLOCK)
    head = np.array(npv[: head_end - first])
    tail = np.array(npv[tail_start - first :])
    whole = npv[head_end - first : tail_start - first].reshape(-1, _SUM_BLOCK)
    # The core's loop (sum = 0, then += each draw in order) for every 1024-draw block at once:
    # accumulate is sequential. It starts from the first draw rather than 0 + it, which differs
    # only in the sign of a zero sum, and a zero adds nothing to the total of the block sums.
    sums = np.cumsum(whole, axis=1)[:, -1] if len(whole) else np.empty(0)
    return first, count, head, sums, tail, int(np.count_nonzero(npv >= 0))


def _sequential_sum(values: Iterable[float]) -> float:
    total = 0.0
    for v in values:
        total += float(v)
    return total


def _merge_summaries(parts: Sequence[tuple[int, int, np.ndarray, np.ndarray, np.ndarray, int]]) -> tuple[float, float]:
    """The run's mean NPV and break-even share from its blocks' summaries, in draw order: the
    core's arithmetic (monte_carlo.hpp: each 1024-draw block summed in order from 0, then the
    block sums in order), so the digits are the local run's."""
    sums: list[float] = []
    pending: list[np.ndarray] = []  # the NPVs of a 1024-draw block split between tasks
    draws = breaking_even = 0
    for first, count, head, whole, tail, nonnegative in parts:
        if first != draws:
            raise ValueError(f"the blocks are not consecutive: draw {draws} expected, a block starts at {first}")
        if len(head):
            pending.append(head)
            if (first + len(head)) % _SUM_BLOCK == 0:
                sums.append(_sequential_sum(np.concatenate(pending)))
                pending = []
        sums.extend(whole.tolist())
        if len(tail):
            pending.append(tail)
        draws += count
        breaking_even += nonnegative
    if pending:
        sums.append(_sequential_sum(np.concatenate(pending)))
    return _sequential_sum(sums) / draws, breaking_even / draws


def _sorted_npv(sim: _core.Simulation) -> np.ndarray:
    return np.sort(sim.npv)


def _samples(values: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """About _SAMPLES order statistics of a sorted block (always its last): (size, positions,
    values)."""
    n = len(values)
    step = max(1, -(-n // _SAMPLES))
    positions = np.unique(np.r_[np.arange(0, n, step), n - 1])
    return n, positions, values[positions]


def _bracket(values: np.ndarray, bounds: Sequence[tuple[float, float]]) -> list[tuple[int, int, np.ndarray, int]]:
    """For each (lo, hi): how many values of the sorted block are below lo and equal to lo, the
    values strictly between, and how many equal hi."""
    out = []
    for lo, hi in bounds:
        below, at_lo = np.searchsorted(values, lo, "left"), np.searchsorted(values, lo, "right")
        if lo == hi:
            out.append((int(below), int(at_lo - below), values[:0].copy(), 0))
            continue
        at_hi, past_hi = np.searchsorted(values, hi, "left"), np.searchsorted(values, hi, "right")
        out.append((int(below), int(at_lo - below), values[at_lo:at_hi].copy(), int(past_hi - at_hi)))
    return out


def _bounds(samples: Sequence[tuple[int, np.ndarray, np.ndarray]], rank: int) -> tuple[float, float]:
    """Values lo <= hi such that fewer than rank + 1 draws lie below lo and more than rank lie at
    or below hi, from the blocks' samples alone: the rank-th smallest lies in [lo, hi]."""
    candidates = np.unique(np.concatenate([v for _, _, v in samples]))
    upper = np.zeros(len(candidates), dtype=np.int64)  # bounds count(< v) from above
    lower = np.zeros(len(candidates), dtype=np.int64)  # bounds count(<= v) from below
    for n, positions, values in samples:
        # Everything from the first sample >= v on is >= v; the last sample <= v and all
        # before it are <= v.
        upper += np.append(positions, n)[np.searchsorted(values, candidates, "left")]
        last = np.searchsorted(values, candidates, "right") - 1
        lower += np.where(last >= 0, positions[np.maximum(last, 0)] + 1, 0)
    i = int(np.searchsorted(upper, rank, "right")) - 1
    j = int(np.searchsorted(lower, rank, "right"))
    lo = float(candidates[i]) if i >= 0 else -math.inf
    hi = float(candidates[j]) if j < len(candidates) else math.inf
    return lo, hi


def _order_statistic(rank: int, parts: Sequence[tuple[int, int, np.ndarray, int]], lo: float, hi: float) -> float:
    below = sum(p[0] for p in parts)
    at_lo = sum(p[1] for p in parts)
    between = np.sort(np.concatenate([p[2] for p in parts]))
    at_hi = sum(p[3] for p in parts)
    offset = rank - below
    if not 0 <= offset < at_lo + len(between) + at_hi:  # a broken invariant, never bad data
        raise RuntimeError(f"socinv.dask: the bracket of order statistic {rank} misses it")
    if offset < at_lo:
        return lo
    if offset < at_lo + len(between):
        return float(between[offset - at_lo])
    return hi


def _interpolate(at: float, above: float, fraction: float) -> float:
    # include/socinv/economics/percentile.hpp's interpolate_quantile, operation for operation.
    step = above - at
    return above - step * (1 - fraction) if fraction >= 0.5 else at + step * fraction


def _exact_percentiles(
    q: np.ndarray,
    n: int,
    samples: Sequence[tuple[int, np.ndarray, np.ndarray]],
    bracket: Any,
) -> np.ndarray:
    """The percentiles q (0..100) of n values held in sorted blocks, as socinv.percentile gives
    them for all the values at once: ``samples`` are the blocks' _samples, ``bracket(bounds)``
    returns every block's _bracket of them. Two rounds, whatever the number of blocks."""
    if any(len(v) and math.isnan(v[-1]) for _, _, v in samples):  # NaN sorts last; it makes every percentile NaN
        return np.full(q.shape, math.nan)
    # Positions as the core computes them (percentile.hpp: position_of_quantile of p / 100).
    positions = []
    for value in q.reshape(-1):
        h = (float(value) / 100) * float(n - 1)
        below = math.floor(h)
        k = min(int(below), n - 1)
        positions.append((k, min(k + 1, n - 1), h - below))
    ranks = sorted({r for k, above, _ in positions for r in (k, above)})
    bounds = [_bounds(samples, r) for r in ranks]
    parts = bracket(bounds)
    value_of = {r: _order_statistic(r, [block[i] for block in parts], *bounds[i]) for i, r in enumerate(ranks)}
    return np.array([_interpolate(value_of[k], value_of[a], f) for k, a, f in positions]).reshape(q.shape)


class DistributedSimulation:
    """A Monte Carlo run whose draws stay on the Dask workers (:func:`simulate`).

    ``draws``, ``seed``, ``mean_npv`` and ``probability_break_even`` are the local
    :class:`socinv.Simulation`'s, digit for digit; :meth:`percentile` is exact too (it selects
    the order statistics on the workers in two rounds, sending back a few thousand values a
    block), and :meth:`gather` brings every draw here as that Simulation. ``npv``,
    ``pv_costs``, ``pv_savings``, :meth:`summary`, :meth:`plot` and :meth:`to_dict` gather
    first. The workers keep the draws (24 bytes each) while this object lives; :meth:`release`
    lets them go sooner.
    """

    __slots__ = ("_client", "_blocks", "_sorted", "_gathered", "draws", "seed", "mean_npv", "probability_break_even")

    def __init__(
        self,
        client: Client,
        blocks: list[distributed.Future],
        draws: int,
        seed: int,
        mean_npv: float,
        probability_break_even: float,
    ) -> None:
        self._client = client
        self._blocks = blocks
        self._sorted: Optional[list[distributed.Future]] = None
        self._gathered: Optional[Simulation] = None
        self.draws = draws
        self.seed = seed
        self.mean_npv = mean_npv
        self.probability_break_even = probability_break_even

    @property
    def blocks(self) -> int:
        """How many blocks (tasks) hold the draws."""
        return len(self._blocks)

    def _live(self) -> list[distributed.Future]:
        if not self._blocks:
            raise RuntimeError("this simulation's draws were released")
        return self._blocks

    def percentile(self, p: Any) -> Any:
        """The p-th percentile of the NPV, p in 0..100 (a number or an array), exactly as
        :meth:`socinv.Simulation.percentile` gives it: linear interpolation between the order
        statistics, which are selected on the workers."""
        q = np.asarray(p, dtype=float)
        if np.any(~((q >= 0) & (q <= 100))):
            raise ValueError(f"percentiles lie in 0..100, not {p!r}")
        if self._gathered is not None:
            return self._gathered.percentile(p)
        client = self._client
        if self._sorted is None:
            self._sorted = client.map(_sorted_npv, self._live(), pure=True)
        samples = client.gather(client.map(_samples, self._sorted, pure=True))

        def bracket(bounds: list[tuple[float, float]]) -> list[list[tuple[int, int, np.ndarray, int]]]:
            return client.gather(client.map(_bracket, self._sorted, bounds=bounds, pure=True))

        out = _exact_percentiles(q, self.draws, samples, bracket)
        return float(out) if out.ndim == 0 else out

    def gather(self) -> Simulation:
        """Every draw, here: the :class:`socinv.Simulation` equal to the local run (kept after
        the first call)."""
        if self._gathered is None:
            self._gathered = Simulation(_core.merge_simulations(self._client.gather(self._live())))
        return self._gathered

    @property
    def npv(self) -> np.ndarray:
        return self.gather().npv

    @property
    def pv_costs(self) -> np.ndarray:
        return self.gather().pv_costs

    @property
    def pv_savings(self) -> np.ndarray:
        return self.gather().pv_savings

    def summary(self) -> pandas.DataFrame:
        """:meth:`socinv.Simulation.summary` of the gathered draws."""
        return self.gather().summary()

    def plot(self, *args: Any, **kwargs: Any) -> Any:
        """:meth:`socinv.Simulation.plot` of the gathered draws."""
        return self.gather().plot(*args, **kwargs)

    def to_dict(self, with_draws: bool = False) -> dict[str, Any]:
        """:meth:`socinv.Simulation.to_dict` of the gathered draws."""
        return self.gather().to_dict(with_draws)

    def release(self) -> None:
        """Let the workers drop the draws (what was gathered stays)."""
        for futures in (self._blocks, self._sorted or []):
            for f in futures:
                f.release()
        self._blocks, self._sorted = [], None

    def __reduce__(self) -> Any:
        raise TypeError("a DistributedSimulation refers to draws held by a cluster; pickle its gather() instead")

    def __repr__(self) -> str:
        return (
            f"<DistributedSimulation {self.draws} draws, seed {self.seed}, {self.blocks} blocks on Dask: "
            f"mean NPV {_msek(self.mean_npv)}, P(NPV ≥ 0) {self.probability_break_even:.3f}>"
        )


def simulate(
    model: CostModel,
    draws: int = 10_000,
    seed: int = 1,
    *,
    client: Optional[Client] = None,
    block: Optional[int] = None,
    gather: bool = False,
    progress: bool = False,
) -> Union[DistributedSimulation, Simulation]:
    """``model.simulate(draws=draws, seed=seed)`` on a Dask cluster, in blocks of draws.

    Each block of ``block`` consecutive draws (any size ≥ 1; by default about four blocks per
    worker thread, a multiple of 1024) is one task that runs the core's Monte Carlo on one
    thread without the GIL; its key names the model's token, the seed, the first draw and the
    count, so two different random blocks never share a key.

    On a cluster (``client``, or the default client) the result is a
    :class:`DistributedSimulation`: the draws stay on the workers and only the blocks' sums
    come back, so ``mean_npv`` and ``probability_break_even`` are there at once and equal the
    local run's; with ``gather=True`` every draw comes back as the :class:`socinv.Simulation`
    equal to the local one. Without a client the blocks run here, each on all cores, and the
    result is that Simulation. ``progress`` shows Dask's progress bar on a cluster and tqdm's
    here.
    """
    if not isinstance(model, CostModel):
        raise TypeError(f"simulate takes a socinv.CostModel, not {type(model).__name__}")
    draws, seed = checked_run(draws, seed, _core.max_simulation_draws)
    gather, progress = _check_flag("gather", gather), _check_flag("progress", progress)
    client = _client(client)
    block = _default_block(draws, _threads(client), _SUM_BLOCK) if block is None else _checked_block(block, 1, "")
    blocks = _blocks(draws, block)
    if client is None:
        runs = [
            _simulate_block(model, seed, first, count, 0)
            for first, count in _local_progress(blocks, progress, "Monte Carlo")
        ]
        return Simulation(_core.merge_simulations(runs))
    token = _token(model)
    # Sent once to a worker (not in every task); under a new key each call, since a key that is
    # scattered again while its last holder lets it go may be forgotten under its dependents.
    shared = client.scatter(model, hash=False)
    runs = [
        client.submit(
            _simulate_block, shared, seed, first, count, 1, key=f"socinv-simulate-{token}-{seed}-{first}-{count}"
        )
        for first, count in blocks
    ]
    if gather:
        if progress:
            _show_progress(client, runs)
        return Simulation(_core.merge_simulations(client.gather(runs)))
    summaries = [
        client.submit(_block_summary, run, key=f"socinv-block-sum-{token}-{seed}-{first}-{count}")
        for run, (first, count) in zip(runs, blocks)
    ]
    if progress:
        _show_progress(client, runs + summaries)
    mean, breaking_even = _merge_summaries(client.gather(summaries))
    for f in summaries:
        f.release()
    return DistributedSimulation(client, runs, draws, seed, mean, breaking_even)


# --- a fund's simulation ------------------------------------------------------------------------


def _draw_fund_block(fund: Fund, options: Any, first: int, count: int, threads: int) -> _core.FundDraws:
    """Draws [first, first + count) of the fund's simulation, not yet summed up: a pure task."""
    o = options
    return _core.draw_fund(
        fund._core, fund.ledger._core, first, count, o.seed, threads, o.rules, o.start_year, o.horizon_years,
        o.min_grant,
    )  # fmt: skip


def simulate_fund(
    fund: Fund,
    draws: Optional[int] = None,
    seed: Optional[int] = None,
    *,
    client: Optional[Client] = None,
    block: Optional[int] = None,
    rules: Optional[Iterable[RuleSpec]] = None,
    start_year: Optional[int] = None,
    horizon_years: Optional[int] = None,
    min_grant: Optional[float] = None,
    progress: bool = False,
) -> FundSimulation:
    """``fund.simulate(draws, seed, rules=rules, ...)`` with the draws computed on a Dask
    cluster in blocks; the arguments and their defaults are :meth:`socinv.Fund.simulate`'s.

    ``block`` is a multiple of 256 draws (the core merges a fund's draws in groups of 256; by
    default about four blocks per worker thread). Each block is a task keyed by the fund's
    token, the rules, the seed, the first draw and the count; the blocks' draws (every year's
    balance under every rule, 4 bytes each) come back and are summed up here, so the result is
    the local :class:`socinv.FundSimulation` value for value. Without a client the blocks run
    here, each on all cores. ``progress`` as in :func:`simulate`.
    """
    if not isinstance(fund, Fund):
        raise TypeError(f"simulate_fund takes a socinv.Fund, not {type(fund).__name__}")
    o = fund._options(draws, seed, rules, start_year, horizon_years, min_grant)
    progress = _check_flag("progress", progress)
    client = _client(client)
    if block is None:
        block = _default_block(o.draws, _threads(client), _FUND_BLOCK)
    else:
        block = _checked_block(block, _FUND_BLOCK, "a fund simulation")
    blocks = _blocks(o.draws, block)
    if client is None:
        parts = [
            _draw_fund_block(fund, o, first, count, 0)
            for first, count in _local_progress(blocks, progress, "fund simulation")
        ]
    else:
        token = _token(fund, o.rules, o.start_year, o.horizon_years, o.min_grant)
        shared = client.scatter(fund, hash=False)  # as in simulate
        futures = [
            client.submit(
                _draw_fund_block, shared, o, first, count, 1, key=f"socinv-fund-draws-{token}-{o.seed}-{first}-{count}"
            )
            for first, count in blocks
        ]
        if progress:
            _show_progress(client, futures)
        parts = client.gather(futures)
    core = _core.summarize_fund(
        fund._core, fund.ledger._core, parts, 0, o.rules, o.start_year, o.horizon_years, o.min_grant
    )
    return FundSimulation(core)


# --- batch assessment ---------------------------------------------------------------------------

#: The columns of :func:`assess_many`'s rows: where the line is, the assessment at a glance
#: (:func:`socinv.summary_frame`'s columns), each criterion's verdict, and for a line that
#: cannot be read its error (``input_error``, the message), ``pointer`` and ``value``.
COLUMNS: tuple[str, ...] = ("file", "line", *SUMMARY_COLUMNS, *CRITERIA, "input_error", "pointer", "value")


def _error_row(file: str, line: int, rules: str, error: InputError) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(file=file, line=line, rules=rules, input_error=error.message, pointer=error.pointer, value=error.value)
    return row


def _rows(results: list[Any], file: str, lines: Sequence[int], rules: str) -> list[dict[str, Any]]:
    rows = []
    for result, line in zip(results, lines):
        if isinstance(result, InputError):
            rows.append(_error_row(file, line, rules, result))
        else:
            row: dict[str, Any] = {"file": file, "line": line}
            row.update(summary_row(Assessment(result), verdicts=True))
            row.update(input_error=None, pointer=None, value=None)
            rows.append(row)
    return rows


def _count_newlines(fs: Any, path: str, start: int, end: int) -> int:
    with fs.open(path, "rb") as f:
        f.seek(start)
        return f.read(end - start).count(b"\n")


def _line_starts(*counts: int) -> list[int]:
    """The number of the first line of each byte range: 1 plus the newlines before it."""
    out, total = [], 1
    for c in counts:
        out.append(total)
        total += c
    return out


def _read_lines(fs: Any, path: str, start: int, end: int, first_line: int) -> tuple[list[bytes], list[int]]:
    """The non-blank lines that start in [start, end) of a file, with their numbers, split as
    the core splits JSON Lines (include/socinv/io/read.hpp: a trailing CR dropped; a line of
    only spaces and tabs is blank). ``first_line`` is 1 + the newlines before ``start``."""
    with fs.open(path, "rb") as f:
        begin, number = start, first_line
        if start > 0:
            f.seek(start - 1)
            if f.read(1) != b"\n":  # mid-line: that line belongs to the range before
                at = start
                while True:
                    chunk = f.read(1 << 16)
                    if not chunk:
                        return [], []
                    cut = chunk.find(b"\n")
                    if cut >= 0:
                        begin, number = at + cut + 1, number + 1
                        break
                    at += len(chunk)
        if begin >= end:
            return [], []
        f.seek(begin)
        pieces = [f.read(end - begin)]
        if not pieces[0].endswith(b"\n"):  # the last line that starts in the range, to its end
            while True:
                chunk = f.read(1 << 16)
                cut = chunk.find(b"\n")
                pieces.append(chunk if cut < 0 else chunk[: cut + 1])
                if not chunk or cut >= 0:
                    break
    texts, numbers = [], []
    for i, line in enumerate(b"".join(pieces).split(b"\n")):
        if line.endswith(b"\r"):
            line = line[:-1]
        if line.strip(b" \t"):
            texts.append(line)
            numbers.append(number + i)
    return texts, numbers


def _assess_range(
    fs: Any, path: str, name: str, start: int, end: int, starts: list[int], index: int, rules: Any, fund: Optional[int]
) -> list[dict[str, Any]]:
    """The rows of the applications on the lines that start in [start, end) of a file."""
    texts, numbers = _read_lines(fs, path, start, end, starts[index])
    if not texts:
        return []
    results = _core.assess_batch(texts, rules._core, fund, name)
    return _rows(results, name, numbers, rules.name)


def _as_list(items: Iterable[Any]) -> list[Any]:
    # A bag's partition may be an iterator: made a list once, since two tasks read it.
    return items if isinstance(items, list) else list(items)


def _assess_items(items: Iterable[Any], starts: list[int], index: int, rules: Any, fund: Optional[int]) -> list[dict[str, Any]]:
    """The rows of a bag partition's applications (dicts, JSON text or Applications), numbered
    by their place in the whole bag from 1, as socinv.assess_many numbers an iterable."""
    first = starts[index]
    texts = [_batch_text(item, first - 1 + i) for i, item in enumerate(items)]
    if not texts:
        return []
    results = _core.assess_batch(texts, rules._core, fund, "<input>")
    return _rows(results, "<input>", range(first, first + len(texts)), rules.name)


def _frame(rows: list[dict[str, Any]]) -> pandas.DataFrame:
    """Rows as a DataFrame with fixed dtypes, so that every partition matches the meta."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    ints = ["line"]
    counts = ["months", "criteria_met", "criteria_not_met", "criteria_open"]
    flags = ["eligible", "passes"]
    texts = [c for c in COLUMNS if c not in ints + counts + flags + ["requested"]]
    types: dict[str, Any] = {"line": "int64", "requested": object}
    types.update({c: "Int64" for c in counts})
    types.update({c: "boolean" for c in flags})
    types.update({c: "string" for c in texts})
    return frame.astype(types)


def _expand(source: Union[str, os.PathLike[str]]) -> list[tuple[Any, str, str]]:
    """(file system, path, name to report) of each file a path, URL or glob pattern names."""
    import fsspec

    text = os.fspath(source)
    if not isinstance(text, str):
        raise TypeError(f"assess_many takes paths as str or os.PathLike, not {type(source).__name__}")
    fs, _, paths = fsspec.core.get_fs_token_paths(text)
    if not any(ch in text for ch in "*?["):
        path = paths[0]
        fs.size(path)  # FileNotFoundError (an OSError) now rather than in a task
        return [(fs, path, text)]
    if not paths:
        raise FileNotFoundError(f"assess_many: no file matches {text!r}")
    return [(fs, p, fs.unstrip_protocol(p) if "://" in text else p) for p in sorted(paths)]


def assess_many(
    paths_or_bag: Union[str, os.PathLike[str], Sequence[Union[str, os.PathLike[str]]], dask.bag.Bag],
    rules: RulesSource = DEFAULT_RULES,
    *,
    client: Optional[Client] = None,
    fund_available: Optional[Amount] = None,
    blocksize: int = 64 << 20,
    output: Literal["bag", "dataframe"] = "bag",
    progress: bool = False,
) -> Union[dask.bag.Bag, dask.dataframe.DataFrame]:
    """Assess JSON Lines files too large for one machine: a Dask bag (or dataframe) of rows,
    one per application, in file and line order.

    ``paths_or_bag`` is a path, URL (anything fsspec opens) or glob pattern, a list of them, or
    a ``dask.bag.Bag`` of applications (dicts, JSON text or Applications, numbered from 1
    across the bag as ``<input>:N``). Files are split into byte ranges of ``blocksize``; a
    first pass counts each range's newlines so that every row carries the real line number of
    its file. Each range is assessed by one task in C++ on the worker's cores.

    A row (a dict; a column of the dataframe) has ``file``, ``line``, :func:`socinv.summary_frame`'s
    columns (``id``, ``eligible``, ``passes``, ``errors``: the error findings' codes, ...),
    each criterion of :data:`CRITERIA` with its verdict, and ``input_error``, ``pointer`` and
    ``value``: for a line that cannot be read they say why (the other fields are None, but
    ``rules``) and no partition is ever dropped; for an application they are None.

    Without ``client`` the collection is lazy (compute it on any scheduler); with one it is
    persisted there at once, with Dask's progress bar if ``progress``.
    """
    import dask.bag as db
    from dask import delayed

    if output not in ("bag", "dataframe"):
        raise ValueError(f'output must be "bag" or "dataframe", not {output!r}')
    progress = _check_flag("progress", progress)
    blocksize = _whole("blocksize", blocksize)
    if blocksize < 1:
        raise ValueError(f"blocksize must be at least 1 byte, not {blocksize}")
    if client is not None and not isinstance(client, distributed.Client):
        raise TypeError(f"client must be a distributed.Client, not {type(client).__name__}")
    rule_set = load_rules(rules)
    fund = _fund_ore(fund_available)
    shared_rules = delayed(rule_set, name=f"socinv-rules-{tokenize(rule_set.to_json())}")
    parts: list[Any] = []
    if isinstance(paths_or_bag, db.Bag):
        pieces = [delayed(_as_list, pure=True)(p) for p in paths_or_bag.to_delayed()]
        lengths = [delayed(len, pure=True)(p) for p in pieces]
        starts = delayed(_line_starts, pure=True)(*lengths)
        parts = [
            delayed(_assess_items, pure=True)(p, starts, i, shared_rules, fund) for i, p in enumerate(pieces)
        ]
    else:
        sources: Sequence[Any]
        if isinstance(paths_or_bag, (str, os.PathLike)):
            sources = [paths_or_bag]
        elif isinstance(paths_or_bag, Sequence) and not isinstance(paths_or_bag, (bytes, bytearray)):
            sources = list(paths_or_bag)
            if not sources:
                raise ValueError("assess_many needs at least one path")
        else:
            raise TypeError(
                f"assess_many takes a path, a list of paths or a dask.bag.Bag, not {type(paths_or_bag).__name__}"
            )
        for source in sources:
            for fs, path, name in _expand(source):
                size = fs.size(path)
                ranges = [(s, min(s + blocksize, size)) for s in range(0, size, blocksize)]
                # The file's identity (its modification) is in every key: a changed file is read anew.
                stamp = tokenize(fs.ukey(path), blocksize)
                counts = [
                    delayed(_count_newlines, pure=True)(fs, path, s, e, dask_key_name=f"socinv-count-lines-{stamp}-{s}")
                    for s, e in ranges
                ]
                starts = delayed(_line_starts, pure=True)(*counts, dask_key_name=f"socinv-line-starts-{stamp}")
                parts.extend(
                    delayed(_assess_range, pure=True)(fs, path, name, s, e, starts, i, shared_rules, fund)
                    for i, (s, e) in enumerate(ranges)
                )
    if not parts:  # empty files: one empty partition, so that the collection exists
        parts = [delayed(list, pure=True)()]
    collection: Any
    if output == "bag":
        collection = db.from_delayed(parts)
    else:
        import dask.dataframe as dd

        collection = dd.from_delayed([delayed(_frame, pure=True)(p) for p in parts], meta=_frame([]))
    if client is None:
        return collection
    collection = client.persist(collection)
    if progress:
        _show_progress(client, distributed.futures_of(collection))
    return collection
