"""socinv.dask on a real distributed.LocalCluster (two worker processes, one thread each): every
result equals the local run's value for value, whatever the block size; bad lines are rows of
their own file and line; what a task needs pickles by its source."""

from __future__ import annotations

import copy
import json
import pickle

import numpy as np
import pytest

import socinv

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
sd = pytest.importorskip("socinv.dask")

from conftest import APPLICATIONS, ROOT  # noqa: E402

FUND = ROOT / "examples" / "funds" / "orebro.json"
PERCENTILES = [0, 0.1, 5, 10, 33.3, 50, 90, 99.99, 100]


@pytest.fixture(scope="module")
def client():
    """One cluster for the module; not the default client, so that client=None runs locally."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster, set_as_default=False) as c:
        yield c


@pytest.fixture(scope="module")
def model():
    return socinv.cost_model(APPLICATIONS / "sot.json")


@pytest.fixture(scope="module")
def fund():
    return socinv.load_fund(FUND)


def _same_simulation(a: socinv.Simulation, b: socinv.Simulation) -> None:
    assert (a.draws, a.seed, a.first_draw) == (b.draws, b.seed, b.first_draw)
    for name in ("npv", "pv_costs", "pv_savings"):
        assert getattr(a, name).tobytes() == getattr(b, name).tobytes(), name
    assert a.mean_npv == b.mean_npv
    assert a.probability_break_even == b.probability_break_even


# --- pickling by source -------------------------------------------------------------------------


def test_applications_rule_sets_and_models_pickle_by_their_source(model, sot):
    app = socinv.load_application(APPLICATIONS / "sot.json")
    assert pickle.loads(pickle.dumps(app)).to_json() == app.to_json()
    for rules in (socinv.load_rules(), socinv.load_rules(ROOT / "examples" / "rules" / "gavleborg-2020.json")):
        assert pickle.loads(pickle.dumps(rules)).to_dict() == rules.to_dict()
    what_if = socinv.cost_model(sot, discount=0.01, view="municipality")
    for m in (model, what_if):
        copy_ = pickle.loads(pickle.dumps(m))
        assert copy_.view == m.view
        _same_simulation(copy_.simulate(2_000, 9), m.simulate(2_000, 9))
    assert what_if.simulate(500, 1).mean_npv != model.simulate(500, 1).mean_npv


def test_an_evaluative_model_pickles_as_itself():
    follow = socinv.follow_up(APPLICATIONS / "sot.json")
    name, _, _, forecast, updated = socinv._core.evaluative_model(follow.application._core, "")
    for index, core in ((3, forecast), (4, updated)):
        m = socinv.CostModel(core, follow.application, source=("evaluative", "", index))
        _same_simulation(pickle.loads(pickle.dumps(m)).simulate(1_000, 3), m.simulate(1_000, 3))


def test_a_model_without_an_application_refuses_pickling(model):
    bare = socinv.CostModel(model._core)
    with pytest.raises(TypeError, match="not made from an application"):
        pickle.dumps(bare)


def test_a_fund_pickles_self_contained_with_its_ledger_as_it_is_now(fund, tmp_path):
    f = socinv.load_fund(FUND)
    f.ledger.append(id="9999-001", date=f.ledger.entries[-1].date, kind="top_up", amount=1_000_000)
    copy_ = pickle.loads(pickle.dumps(f))
    assert copy_.path == f.path and copy_.name == f.name
    assert copy_.ledger == f.ledger and len(copy_.ledger) == len(fund.ledger) + 1
    assert [a.id for a in copy_.applications] == [a.id for a in f.applications]
    assert copy_.statuses == f.statuses
    assert (copy_.start_year, copy_.horizon_years, copy_.draws, copy_.seed, copy_.min_grant) == (
        f.start_year, f.horizon_years, f.draws, f.seed, f.min_grant)  # fmt: skip
    assert copy_.simulate(600, 4).to_dict() == f.simulate(600, 4).to_dict()
    # The appended top-up counts: the copy is not the file as first read.
    assert copy_.simulate(600, 4).to_dict() != fund.simulate(600, 4).to_dict()


def test_a_simulation_pickles_every_draw_exactly(model):
    sim = model.simulate(3_000, 11)
    _same_simulation(pickle.loads(pickle.dumps(sim)), sim)


# --- Monte Carlo --------------------------------------------------------------------------------


@pytest.mark.parametrize(("draws", "block"), [(2_000, 37), (20_003, 1_000), (20_003, 1_024), (20_003, 4_097),
                                              (20_003, 20_003), (20_003, None)])  # fmt: skip
def test_simulate_on_the_cluster_is_the_local_run(client, model, draws, block):
    local = model.simulate(draws=draws, seed=7)
    sim = sd.simulate(model, draws, 7, client=client, block=block)
    assert isinstance(sim, sd.DistributedSimulation)
    if block is not None:
        assert sim.blocks == -(-draws // block)
    assert sim.mean_npv == local.mean_npv
    assert sim.probability_break_even == local.probability_break_even
    assert np.array_equal(sim.percentile(PERCENTILES), local.percentile(PERCENTILES))
    assert sim.percentile(50) == local.percentile(50) and isinstance(sim.percentile(50), float)
    _same_simulation(sim.gather(), local)
    assert sim.summary().equals(local.summary())


def test_gather_and_local_runs_are_the_local_run(client, model):
    local = model.simulate(draws=5_000, seed=3)
    _same_simulation(sd.simulate(model, 5_000, 3, client=client, block=999, gather=True), local)
    here = sd.simulate(model, 5_000, 3, block=1_500)  # no default client: the blocks run here
    assert isinstance(here, socinv.Simulation)
    _same_simulation(here, local)


def test_task_keys_name_the_seed_and_block_so_runs_never_merge(client, model, sot):
    other = socinv.cost_model(sot, discount=0.01)
    a = sd.simulate(model, 4_096, 1, client=client, block=2_048)
    b = sd.simulate(model, 4_096, 2, client=client, block=2_048)
    c = sd.simulate(other, 4_096, 1, client=client, block=2_048)
    keys = [f.key for f in a._blocks]
    assert keys[0].endswith("-1-0-2048") and keys[1].endswith("-1-2048-2048")
    assert not set(keys) & {f.key for f in b._blocks} and not set(keys) & {f.key for f in c._blocks}
    for sim, m, seed in ((a, model, 1), (b, model, 2), (c, other, 1)):
        assert sim.mean_npv == m.simulate(4_096, seed).mean_npv
    a.release()
    with pytest.raises(RuntimeError, match="released"):
        a.percentile(50)


def test_simulate_refuses_bad_arguments(client, model):
    with pytest.raises(TypeError, match="socinv.CostModel"):
        sd.simulate("sot.json", 10, 1, client=client)
    with pytest.raises(ValueError, match="draws must lie in 1.."):
        sd.simulate(model, 0, 1, client=client)
    with pytest.raises(ValueError, match="seed must lie"):
        sd.simulate(model, 10, -1, client=client)
    with pytest.raises(ValueError, match="block must be at least 1 draw, not 0"):
        sd.simulate(model, 10, 1, client=client, block=0)
    with pytest.raises(TypeError, match="block must be a whole number"):
        sd.simulate(model, 10, 1, client=client, block=2.5)
    with pytest.raises(TypeError, match="distributed.Client"):
        sd.simulate(model, 10, 1, client="tcp://127.0.0.1:8786")
    with pytest.raises(ValueError, match=r"percentiles lie in 0\.\.100"):
        sd.simulate(model, 100, 1, client=client).percentile(101)


def test_exact_percentiles_with_ties_and_uneven_blocks():
    rng = np.random.default_rng(5)
    # Heavy ties (a few distinct values), a run of equal values across blocks, negative zeros
    # and blocks from 1 value to many.
    values = np.concatenate([rng.integers(-3, 4, 30_000).astype(float), np.full(9_000, 2.5), rng.normal(size=7_001)])
    rng.shuffle(values)
    cuts = [0, 1, 2, 500, 17_000, 17_001, 40_000, len(values)]
    blocks = [np.sort(values[a:b]) for a, b in zip(cuts, cuts[1:])]
    samples = [sd._samples(b) for b in blocks]
    q = np.array(PERCENTILES + [12.5, 62.5, 87.25])
    got = sd._exact_percentiles(q, len(values), samples, lambda bounds: [sd._bracket(b, bounds) for b in blocks])
    assert np.array_equal(got, socinv.percentile(values, q))
    assert np.array_equal(got, np.percentile(values, q))


def test_progress_bars(client, model, capsys):
    sd.simulate(model, 4_096, 1, client=client, block=1_024, progress=True)
    assert "100%" in capsys.readouterr().out  # Dask's text progress bar
    sd.simulate(model, 4_096, 1, block=1_024, progress=True)
    assert "4/4" in capsys.readouterr().err  # tqdm, here


# --- the fund -----------------------------------------------------------------------------------


@pytest.mark.parametrize("block", [256, 768, None])
def test_simulate_fund_on_the_cluster_is_the_local_run(client, fund, block):
    local = fund.simulate(draws=2_000, seed=5)
    assert sd.simulate_fund(fund, 2_000, 5, client=client, block=block).to_dict() == local.to_dict()


def test_simulate_fund_takes_the_local_options(client, fund):
    options = dict(rules=["50 %", socinv.ReturnRule("a third", share=1 / 3)], start_year=2015, horizon_years=8,
                   min_grant=2_000_000)  # fmt: skip
    local = fund.simulate(1_100, 9, **options)
    assert sd.simulate_fund(fund, 1_100, 9, client=client, block=512, **options).to_dict() == local.to_dict()
    assert sd.simulate_fund(fund, 1_100, 9, block=256, **options).to_dict() == local.to_dict()  # here
    defaults = sd.simulate_fund(fund, client=client)  # the fund file's draws and seed
    assert defaults.to_dict() == fund.simulate().to_dict()


def test_simulate_fund_refuses_blocks_that_do_not_merge(client, fund):
    with pytest.raises(ValueError, match=r"block must be a multiple of 256 draws for a fund simulation \(.*\), not 300"):
        sd.simulate_fund(fund, 1_000, 1, client=client, block=300)
    with pytest.raises(ValueError, match="not 0"):
        sd.simulate_fund(fund, 1_000, 1, client=client, block=0)
    with pytest.raises(TypeError, match="socinv.Fund"):
        sd.simulate_fund(str(FUND), 1_000, 1, client=client)
    with pytest.raises(ValueError, match="unknown return rule"):
        sd.simulate_fund(fund, 1_000, 1, client=client, rules=["all of it"])


# --- batch assessment ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A JSON Lines file with bad lines, blank lines, CRLF and no final newline."""
    with open(APPLICATIONS / "sot.json", encoding="utf-8") as f:
        sot = json.load(f)
    good = json.dumps(sot, ensure_ascii=False).encode("utf-8")
    twice = good.replace(b'"id": ', b'"id": "twice", "id": ', 1)
    other = copy.deepcopy(sot)
    other["id"], other["parties"] = "alone", other["parties"][:1]  # not eligible
    lines = []
    for i in range(60):
        lines.append(twice if i % 7 == 3 else b"{" if i % 11 == 5 else json.dumps(other).encode() if i % 5 == 0 else good)
        if i % 9 == 0:
            lines.append(b" \t")
        if i % 13 == 0:
            lines.append(b"")
    path = tmp_path_factory.mktemp("jsonl") / "mixed.jsonl"
    path.write_bytes(b"\r\n".join(lines))
    return path


@pytest.mark.parametrize("blocksize", [3_000, 50_000, 1 << 26])
def test_assess_many_rows_carry_each_file_line(client, mixed, blocksize):
    results, errors = socinv.assess_many(mixed, errors="collect")
    rows = sd.assess_many(mixed, blocksize=blocksize).compute(scheduler=client.get)
    bad = [r for r in rows if r["input_error"] is not None]
    good = [r for r in rows if r["input_error"] is None]
    assert [f"{r['file']}:{r['line']}" for r in bad] == [e.source for e in errors]
    assert [(r["pointer"], r["value"], r["input_error"]) for r in bad] == [(e.pointer, e.value, e.message) for e in errors]
    assert all(r["id"] is None and r["eligible"] is None and r["rules"] == "orebro-2013" for r in bad)
    assert [(r["id"], r["eligible"], r["passes"]) for r in good] == [(a.id, a.eligible, a.passes) for a in results]
    lines = [r["line"] for r in rows]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    text = mixed.read_bytes().split(b"\n")
    for r in good:  # the line named is the line of the file that holds the application
        assert json.loads(text[r["line"] - 1])["id"] == r["id"]
    alone = next(r for r in good if r["id"] == "alone")
    sot = next(r for r in good if r["id"] == "orebro-2014-sot")
    assert alone["errors"] == "no_eligibility_rule_met" and alone["eligible"] is False and sot["errors"] == ""
    checklist = {c.criterion: c.verdict for c in next(a for a in results if a.id == "alone").checklist}
    assert {c: alone[c] for c in sd.CRITERIA} == checklist


def test_criteria_are_the_checklists():
    a = socinv.assess(APPLICATIONS / "sot.json")
    assert tuple(c.criterion for c in a.checklist) == sd.CRITERIA


def test_assess_many_as_a_dataframe_persisted_on_the_cluster(client, mixed, tmp_path):
    second = tmp_path / "b.jsonl"
    second.write_bytes(b"\n".join(mixed.read_bytes().split(b"\r\n")[:5]) + b"\n")
    frame = sd.assess_many([mixed, second], client=client, blocksize=20_000, output="dataframe", progress=True)
    assert len(distributed.futures_of(frame)) == frame.npartitions  # persisted on the cluster
    local = client.compute(frame).result()
    assert list(local.columns) == list(sd.COLUMNS)
    assert local.dtypes.equals(frame.dtypes)
    assert (local["file"] == str(second)).sum() == len(socinv.assess_many(second, errors="collect")[0]) + len(
        socinv.assess_many(second, errors="collect")[1])
    assert local.loc[local["file"] == str(second), "line"].min() == 1  # each file's own lines
    assert str(local["eligible"].dtype) == "boolean" and local["eligible"].isna().sum() == local["input_error"].notna().sum()


def test_assess_many_of_a_bag_and_a_glob(client, sot, mixed):
    import dask.bag as db

    items = [sot] * 4 + ["{"] + [json.dumps(sot)] * 3 + [socinv.load_application(sot)]
    rows = sd.assess_many(db.from_sequence(items, npartitions=4)).compute(scheduler=client.get)
    _, errors = socinv.assess_many(items, errors="collect")
    assert [f"{r['file']}:{r['line']}" for r in rows if r["input_error"]] == [e.source for e in errors] == ["<input>:5"]
    assert [r["line"] for r in rows] == list(range(1, 10))
    globbed = sd.assess_many(str(mixed.parent / "*.jsonl"), blocksize=1 << 20).compute(scheduler=client.get)
    assert len(globbed) == sum(map(len, socinv.assess_many(mixed, errors="collect")))


def test_assess_many_refuses_bad_arguments(tmp_path):
    with pytest.raises(FileNotFoundError):
        sd.assess_many(tmp_path / "missing.jsonl")
    with pytest.raises(FileNotFoundError, match="no file matches"):
        sd.assess_many(str(tmp_path / "*.jsonl"))
    with pytest.raises(ValueError, match='output must be "bag" or "dataframe"'):
        sd.assess_many(APPLICATIONS / "batch.jsonl", output="list")
    with pytest.raises(ValueError, match="blocksize must be at least 1 byte"):
        sd.assess_many(APPLICATIONS / "batch.jsonl", blocksize=0)
    with pytest.raises(TypeError, match="a path, a list of paths or a dask.bag.Bag"):
        sd.assess_many(42)
    with pytest.raises(socinv.InputError):
        sd.assess_many(APPLICATIONS / "batch.jsonl", rules="no-such-rules")


def test_socinv_needs_no_dask_and_socinv_dask_says_how_to_get_it():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "sys.modules['dask'] = sys.modules['distributed'] = None  # as if not installed\n"
        "import socinv\n"
        "socinv.cost_model(sys.argv[1]).simulate(100, 1)\n"
        "try:\n"
        "    import socinv.dask\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(APPLICATIONS / "sot.json")], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    assert "pip install 'socinv[dask]'" in out
