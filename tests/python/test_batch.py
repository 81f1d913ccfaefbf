"""assess_many: batches assessed in C++, in input order, with errors raised or collected."""

from __future__ import annotations

import json
import threading
import time

import pytest

import socinv

from conftest import APPLICATIONS, RULES

BATCH = APPLICATIONS / "batch.jsonl"


def by_id(results):
    return {r.id: r.to_dict() for r in results}


def test_batch_file_equals_the_single_files(examples):
    results = socinv.assess_many(BATCH)
    single = {}
    for path in examples.values():
        result = socinv.assess(path)
        single[result.id] = result.to_dict()
    assert by_id(results) == single
    lines = [json.loads(line)["id"] for line in BATCH.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [r.id for r in results] == lines


def test_batch_of_dicts_strings_and_applications(examples):
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in examples.values()]
    expected = [socinv.assess(d).to_dict() for d in docs]
    assert [r.to_dict() for r in socinv.assess_many(docs)] == expected
    assert [r.to_dict() for r in socinv.assess_many(json.dumps(d) for d in docs)] == expected
    apps = [socinv.load_application(d) for d in docs]
    assert [r.to_dict() for r in socinv.assess_many(apps)] == expected
    assert socinv.assess_many([]) == []


def test_batch_with_other_rules_and_fund():
    results = {r.id: r for r in socinv.assess_many(str(BATCH), RULES / "cross-municipal.json")}
    assert results["kalmar-lan-2017-esf"].eligible
    results = {r.id: r for r in socinv.assess_many(BATCH, fund_available="5 000 000")}
    assert results["orebro-2014-sot"].eligible
    assert not results["orebro-2014-varberga-oxhagen"].eligible  # 10.4 MSEK > 5 MSEK


def test_batch_keeps_input_order(sot):
    docs = []
    for i in range(500):
        doc = dict(sot, id=f"app-{i:04d}")
        if i % 3 == 0:
            doc["parties"] = sot["parties"][:1]  # one administration: not eligible
        docs.append(doc)
    results = socinv.assess_many(docs)
    assert [r.id for r in results] == [d["id"] for d in docs]
    assert [r.eligible for r in results] == [i % 3 != 0 for i in range(500)]


def test_first_bad_line_is_raised(tmp_path, sot):
    bad = dict(sot, period={"start": "2014-02-30", "end": "2017-03-31"})
    lines = [json.dumps(sot), "", json.dumps(bad), "{not json", json.dumps(sot)]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(socinv.InputError) as info:
        socinv.assess_many(path)
    assert info.value.source == f"{path}:3"
    assert info.value.pointer == "/period/start"

    results, errors = socinv.assess_many(path, errors="collect")
    assert len(results) == 2 and all(r.eligible for r in results)
    assert [e.source for e in errors] == [f"{path}:3", f"{path}:4"]
    assert "malformed JSON" in errors[1].message
    assert all(isinstance(e, ValueError) for e in errors)


def test_bad_items_in_an_iterable(sot):
    results, errors = socinv.assess_many([sot, {"id": "x"}, sot], errors="collect")
    assert len(results) == 2
    assert [(e.source, e.pointer) for e in errors] == [("<input>:2", "/title")]
    with pytest.raises(ValueError, match="errors"):
        socinv.assess_many([sot], errors="ignore")
    with pytest.raises(TypeError):
        socinv.assess_many([sot, 42])
    with pytest.raises(TypeError):
        socinv.assess_many(sot)


def test_batch_runs_without_the_gil(tmp_path, sot):
    # A batch with much text and few results: nearly all the time is spent in C++. While it
    # runs, this thread must keep running too.
    sot["description"] = "x" * 100_000
    line = json.dumps(sot)
    path = tmp_path / "big.jsonl"
    path.write_text((line + "\n") * 400, encoding="utf-8")

    done = threading.Event()
    outcome = []

    def work():
        outcome.append(socinv.assess_many(path))
        done.set()

    worker = threading.Thread(target=work)
    ticks = 0
    start = time.perf_counter()
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    worker.join()
    assert len(outcome[0]) == 400
    # Holding the GIL for the whole batch would leave this loop at a handful of ticks.
    assert ticks > min(50, elapsed * 1000 / 10), (ticks, elapsed)
