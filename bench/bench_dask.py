"""Benchmark: 10,000,000 Monte Carlo draws locally and on a Dask LocalCluster on the same cores.

The model is bench_monte_carlo.py's 30-year programme (30 cohorts, horizon 60, seven uncertain
inputs). Times, best of 5 after a warm-up run:
- local: ``CostModel.simulate`` on all cores (C++ threads, GIL released);
- Dask: ``socinv.dask.simulate`` on a LocalCluster of as many single-threaded worker
  processes as cores, the default blocks (four per worker thread), the draws left on the
  workers: the result has the mean NPV and P(NPV >= 0), digit for digit the local ones;
- the same with one core (``threads=1``) and a one-worker cluster: the scaling table of
  docs/scale-out.md;
- the exact P5/P50/P95 (selected on the workers in two rounds) against the local
  Simulation's (one sort here), and gathering every draw to the client (24 bytes a draw).

The aim (issue 12): Dask at most 15 % slower than the local run on the same cores. The exit
code is 1 when it is not, or when a Dask figure differs from the local one.
SOCINV_BENCH_DRAWS changes the number of draws.
"""

from __future__ import annotations

import os
import sys

import numpy as np

import socinv
import socinv.dask as sd
from bench_monte_carlo import APPLICATION
from timing import best_of

DRAWS = int(os.environ.get("SOCINV_BENCH_DRAWS", "10000000"))
SEED = 1
AIM = 0.15
RUNS = 5


def main() -> int:
    import dask
    from distributed import Client, LocalCluster

    # Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also stops glibc
    # from raising its mmap threshold: every block's arrays (tens of MB) are then mapped afresh
    # and page-faulted in, which costs as much as a third of the block's work here. The workers
    # get a plain process's malloc instead (docs/scale-out.md); SOCINV_BENCH_DASK_MALLOC=1 keeps
    # Dask's setting, to measure it.
    if os.environ.get("SOCINV_BENCH_DASK_MALLOC") != "1":
        big = str(1 << 30)
        dask.config.set({"distributed.nanny.pre-spawn-environ": {"MALLOC_TRIM_THRESHOLD_": big,
                                                                 "MALLOC_MMAP_THRESHOLD_": big}})  # fmt: skip

    model = socinv.cost_model(APPLICATION)
    cores = os.cpu_count() or 1
    n = DRAWS
    print(f"Monte Carlo on Dask: {n:,} draws of a 30-year programme; {cores} cores; best of {RUNS}, local and Dask alternating, after a warm-up")
    print(f"{'what':58} {'seconds':>8} {'draws/s':>12} {'÷ local':>8}")
    ok = True
    rows: dict[int, tuple[float, float]] = {}
    for workers in sorted({1, cores}, reverse=True):
        threads = None if workers == cores else workers
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster, set_as_default=False) as client:  # fmt: skip
            model.simulate(draws=n, seed=SEED, threads=threads)
            sd.simulate(model, n, SEED, client=client).release()
            # Local and Dask runs alternate, so that a load that comes and goes (the machine may
            # be shared) weighs on both alike; a new seed for each pair, since Dask would find the
            # last run's blocks under the same keys and compute nothing.
            local = on_dask = float("inf")
            for seed in range(SEED + 1, SEED + 1 + RUNS):
                t, sim = best_of(lambda: model.simulate(draws=n, seed=seed, threads=threads), 1)
                local = min(local, t)
                t, dist = best_of(lambda: sd.simulate(model, n, seed, client=client), 1)
                on_dask = min(on_dask, t)
            same = dist.mean_npv == sim.mean_npv and dist.probability_break_even == sim.probability_break_even
            rows[workers] = (local, on_dask)
            label = f"{workers} core{'s' if workers > 1 else ''}"
            print(f"{'local simulate, ' + label:58} {local:8.3f} {n / local:12,.0f} {1:8.2f}")
            print(f"{'Dask simulate, ' + str(workers) + ' worker(s) x 1 thread, ' + str(dist.blocks) + ' blocks':58} "
                  f"{on_dask:8.3f} {n / on_dask:12,.0f} {on_dask / local:8.2f}   same mean and P: "
                  f"{'ok' if same else 'DIFFER'}")  # fmt: skip
            ok &= same
            if workers == cores:
                points = [5, 50, 95]
                here, p_local = best_of(lambda: sim.percentile(points), 3)
                there, p_dask = best_of(lambda: dist.percentile(points), 3)
                exact = np.array_equal(p_local, p_dask)
                print(f"{'  P5, P50, P95: local (a sort here)':58} {here:8.3f}")
                print(f"{'  P5, P50, P95: Dask (two rounds on the workers)':58} {there:8.3f} {'':12} "
                      f"{there / here:8.2f}   exact: {'ok' if exact else 'DIFFER'}")  # fmt: skip
                dist.release()
                seed = sim.seed
                gathered, whole = best_of(lambda: sd.simulate(model, n, seed, client=client, gather=True), 2)
                equal = np.array_equal(whole.npv, sim.npv) and whole.mean_npv == sim.mean_npv
                print(f"{'  Dask simulate with gather=True (every draw to the client)':58} {gathered:8.3f} "
                      f"{n / gathered:12,.0f} {gathered / local:8.2f}   equal draws: {'ok' if equal else 'DIFFER'}")
                ok &= exact and equal
            del dist
    local, on_dask = rows[cores]
    overhead = on_dask / local - 1
    print(f"aim: Dask at most {AIM:.0%} over the local run on the same cores; overhead {overhead:+.1%} "
          f"({'ok' if overhead <= AIM else 'MISSED'})")
    if 1 in rows and cores > 1:
        print(f"scaling: Dask {rows[1][1] / rows[cores][1]:.2f}x from 1 to {cores} workers; "
              f"local {rows[1][0] / rows[cores][0]:.2f}x from 1 to {cores} threads")
    return 0 if ok and overhead <= AIM else 1


if __name__ == "__main__":
    sys.exit(main())
