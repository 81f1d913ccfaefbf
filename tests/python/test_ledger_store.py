"""The ledger store from Python: FundLedger.open on a database, appends that commit at once,
verify, balances on a date, frames, export and import, tampering, concurrent processes, and a
fund file whose ledger is a database."""

from __future__ import annotations

import datetime
import hashlib
import json
import multiprocessing
import os
import sqlite3
from decimal import Decimal as D
from pathlib import Path

import pytest

import socinv

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FUND = EXAMPLES / "funds" / "orebro.json"


def filled(path: Path) -> socinv.LedgerStore:
    store = socinv.FundLedger.open(path, create=True, fund="Testfonden")
    store.append(id="1", date=datetime.date(2020, 1, 1), kind="capital", amount=1_000_000)
    store.append(id="2", date="2020-02-01", kind="grant", amount="400 000", application="A", decision="KS § 1")
    store.append(id="3", date="2020-03-01", kind="payment", amount=D("150000.00"), application="A")
    store.append(id="4", date="2021-12-31", kind="return", amount=20_000, application="A", note="frame 2021")
    store.append(id="5", date="2022-01-01", kind="top_up", amount=100_000)
    return store


def test_appends_commit_at_once_and_read_back(tmp_path):
    path = tmp_path / "fund.db"
    store = filled(path)
    # Another connection sees every entry at once: each append committed before it returned.
    other = socinv.LedgerStore.open(path)
    assert len(other) == 5 and other.fund == "Testfonden"
    b = other.balances()
    assert (b.capital, b.committed, b.paid, b.cash, b.available) == (
        D("1100000.00"), D("250000.00"), D("150000.00"), D("970000.00"), D("720000.00"))  # fmt: skip
    assert other.balances(on=datetime.date(2020, 2, 15)).available == D("600000.00")
    assert other.balances(on="2019-12-31") == socinv.Balances(*[D("0.00")] * 7)
    # The same as the in-memory ledger with the same entries.
    memory = socinv.FundLedger(fund="Testfonden")
    for e in store.entries:
        memory.append(id=e.id, date=e.date, kind=e.kind, amount=e.amount, application=e.application,
                      decision=e.decision, note=e.note)  # fmt: skip
    assert store.to_ledger() == memory
    frame = store.to_frame()
    assert list(frame.index) == ["1", "2", "3", "4", "5"]
    assert frame.loc["4", "cash"] == D("870000.00") and len(frame.loc["5", "hash"]) == 64
    v = store.verify()
    assert v.ok and bool(v) and v.entries == 5 and v.head == frame.loc["5", "hash"] and v.problem is None
    assert "verifies" in str(v) and "970 000 kr" in repr(store)
    store.close()
    other.close()
    assert sorted(os.listdir(tmp_path)) == ["fund.db"]


def test_a_refused_entry_stores_nothing(tmp_path):
    store = filled(tmp_path / "fund.db")
    with pytest.raises(socinv.InputError) as info:
        store.append(id="6", date="2022-02-01", kind="grant", amount=10_000_000, application="B")
    assert info.value.pointer == "/entries/5/amount" and info.value.source.endswith("fund.db")
    with pytest.raises(socinv.InputError, match="granted and not yet paid"):
        store.append(id="6", date="2022-02-01", kind="write_off", amount=300_000, application="A")
    with pytest.raises(socinv.InputError):
        store.append(id="1", date="2022-02-01", kind="top_up", amount=1)
    assert len(store) == 5 and store.verify().ok


def test_the_horizon_comes_from_the_caller(tmp_path):
    store = socinv.FundLedger.open(tmp_path / "f.db", create=True, today=datetime.date(2024, 5, 1))
    store.append(id="c", date="2024-01-01", kind="capital", amount=100)
    with pytest.raises(socinv.InputError) as info:
        store.append(id="far", date="8999-12-31", kind="top_up", amount=1)
    assert info.value.pointer == "/entries/1/date"
    unlimited = socinv.LedgerStore.open(tmp_path / "f.db", horizon_years=None)
    unlimited.append(id="far", date="2099-12-31", kind="top_up", amount=1)
    with pytest.raises(socinv.InputError):  # the JSON ledger applies it too, from today's date
        socinv.FundLedger().append(id="far", date="8999-12-31", kind="capital", amount=1)


def test_export_carries_the_documented_chain_and_import_checks_it(tmp_path):
    store = socinv.FundLedger.open(tmp_path / "ex.db", create=True)
    assert store.import_json(FUND) == 14
    doc = json.loads(store.export_json())
    assert doc["chain"] == "sha256/1"
    # The canonical form of docs/return-transfers.md, recomputed here with hashlib.
    previous = "0" * 64
    for position, e in enumerate(doc["entries"]):
        ore = int(D(e["amount"]) * 100)
        fields = ["socinv-ledger-entry/1", previous, str(position), e["id"], e["date"], e["kind"], str(ore),
                  e.get("application", ""), e.get("decision", ""), e.get("note", "")]  # fmt: skip
        canonical = b"".join(b"%d:%s," % (len(f.encode()), f.encode()) for f in fields)
        assert hashlib.sha256(canonical).hexdigest() == e["hash"], position
        previous = e["hash"]
    assert doc["entries"][0]["hash"] == "29616e6a53c3b69429daf0e2e285a98d51620580cd57c4ebf9bc415f4744e509"

    out = tmp_path / "ledger.json"
    store.export_json(out)
    copy = socinv.FundLedger.open(tmp_path / "copy.db", create=True)
    copy.import_json(out)
    assert copy.hashes() == store.hashes() and copy.fund == store.fund
    assert socinv.FundLedger.load(out) == store.to_ledger()  # the JSON API reads the export too

    doc["entries"][3]["application"] = doc["entries"][1]["application"]  # move a payment
    tampered = socinv.FundLedger.open(tmp_path / "t.db", create=True)
    with pytest.raises(socinv.InputError) as info:
        tampered.import_json(json.dumps(doc))
    assert info.value.pointer == "/entries/3/hash" and len(tampered) == 0


def raw_tamper(path: Path, sql: str) -> None:
    con = sqlite3.connect(path)
    con.executescript("DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete; " + sql)
    con.close()


@pytest.mark.parametrize(
    ("sql", "position", "id_"),
    [
        ("UPDATE entries SET amount = amount + 1 WHERE seq = 3", 3, "4"),
        ("UPDATE entries SET date = '2021-06-30' WHERE seq = 3", 3, "4"),
        ("UPDATE entries SET note = 'other' WHERE seq = 2", 2, "3"),
        ("DELETE FROM entries WHERE seq = 2", 2, "4"),
    ],
)
def test_tampering_is_found_and_named(tmp_path, sql, position, id_):
    path = tmp_path / "fund.db"
    filled(path).close()
    with sqlite3.connect(path) as con, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE entries SET amount = 1 WHERE seq = 1")
    raw_tamper(path, sql)
    store = socinv.FundLedger.open(path)
    v = store.verify()
    assert not v.ok and v.problem.position == position and v.problem.id == id_
    assert "does NOT verify" in str(v) and "trigger" in str(v)
    with pytest.raises(socinv.ChainError) as info:
        store.to_frame()
    assert isinstance(info.value, socinv.InputError) and isinstance(info.value, ValueError)
    assert info.value.position == position and info.value.id == id_ and info.value.pointer == f"/entries/{position}"
    assert f"entry {position}" in str(info.value)
    with pytest.raises(socinv.ChainError):
        store.export_json()


def test_not_a_ledger_database(tmp_path):
    with pytest.raises(socinv.InputError, match="no ledger database"):
        socinv.FundLedger.open(tmp_path / "missing.db")
    (tmp_path / "text.db").write_text("x" * 200)
    with pytest.raises(socinv.InputError, match="not a SQLite database"):
        socinv.FundLedger.open(tmp_path / "text.db")
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(socinv.InputError, match="not a socinv ledger"):
        socinv.FundLedger.open(tmp_path / "other.db")


def _append_many(path: str, worker: int) -> None:
    store = socinv.FundLedger.open(path)
    for i in range(10):
        store.append(id=f"w{worker}-{i}", date="2020-06-01", kind="top_up", amount=1)
    store.close()


def test_processes_appending_at_once_lose_nothing(tmp_path):
    path = tmp_path / "fund.db"
    socinv.FundLedger.open(path, create=True).append(id="c", date="2020-01-01", kind="capital", amount=100)
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_append_many, args=(str(path), w)) for w in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    store = socinv.FundLedger.open(path)
    assert len(store) == 41 and store.verify().ok
    assert store.balances().capital == D("140.00")


def test_a_fund_file_may_name_a_database_and_saving_keeps_the_portfolio(tmp_path):
    doc = json.loads(FUND.read_text(encoding="utf-8"))
    for p in doc["portfolio"]:
        p["application"] = str(EXAMPLES / "applications" / Path(p["application"]).name)
    # Saving the ledger into a fund file keeps its portfolio and simulation.
    path = tmp_path / "fund.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    fund = socinv.load_fund(path)
    fund.ledger.append(id="2099-001", date="2020-01-01", kind="top_up", amount=1)
    fund.ledger.save(fund.path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["portfolio"] == doc["portfolio"] and saved["simulation"] == doc["simulation"]
    assert len(socinv.load_fund(path).applications) == len(fund.applications)

    socinv.FundLedger.open(tmp_path / "orebro.db", create=True).import_json(FUND)
    del doc["entries"]
    doc["ledger"] = "orebro.db"
    db_fund = tmp_path / "db-fund.json"
    db_fund.write_text(json.dumps(doc), encoding="utf-8")
    loaded = socinv.load_fund(db_fund)
    assert loaded.ledger_database == str(tmp_path / "orebro.db")
    assert loaded.ledger.balances() == socinv.load_fund(FUND).ledger.balances()
    with pytest.raises(socinv.InputError) as info:
        loaded.ledger.save(db_fund)  # it would detach the database
    assert info.value.pointer == "/ledger"
    assert loaded.simulate(draws=200, seed=1).summary().shape[0] == 5
    with pytest.raises(ValueError, match="outside every investment"):
        loaded.simulate(draws=10, start_year=2060)
