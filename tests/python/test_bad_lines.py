"""One JSON Lines file with good lines between lines of each kind of bad data: every good line is
assessed, every bad one is an input error of its own line, in the CLI and in Python."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import socinv

SOCINV = Path(sys.executable).parent / "socinv"


def _bad_lines(sot: dict) -> list[tuple[bytes, str]]:
    """(line, the pointer its error must name; "" where only the document as a whole can be named)."""
    good = json.dumps(sot, ensure_ascii=False)

    def with_(change) -> str:
        doc = json.loads(good)
        change(doc)
        return json.dumps(doc, ensure_ascii=False)

    lines = [
        (with_(lambda d: d["period"].update(end="9999-12-31")), "/period/end"),
        (good.replace('"places_per_year": 10', '"places_per_year": 1e400'), "/places_per_year"),
        (with_(lambda d: d.update(requested="92 233 720 368 547 758", co_financing=[{"funder": "ESF", "amount": 1}])),
         "/budget"),
        (good.replace('"id": ', '"id": "twice", "id": ', 1), "/id"),
        ("[" * 200 + "]" * 200, "/0/0"),
        (with_(lambda d: d["economics"].update(cohorts=[{"year": 2014, "participants": 1e308}])), "/economics"),
    ]
    invalid_utf8 = good.encode("utf-8").replace(b'"title": "', b'"title": "\xff', 1)
    return [(text.encode("utf-8"), pointer) for text, pointer in lines] + [(invalid_utf8, "")]


@pytest.fixture
def mixed_file(tmp_path, sot):
    good = json.dumps(sot, ensure_ascii=False).encode("utf-8")
    bad = _bad_lines(sot)
    lines = []
    for text, _ in bad:
        lines += [good, text]
    lines.append(good)
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines))
    return path, bad


def test_python_collects_every_bad_line(mixed_file):
    path, bad = mixed_file
    results, errors = socinv.assess_many(path, errors="collect")
    assert len(results) == len(bad) + 1
    assert all(r.id == "orebro-2014-sot" for r in results)
    assert len(errors) == len(bad)
    for error, (_, pointer) in zip(errors, bad):
        assert isinstance(error, ValueError)
        assert error.pointer.startswith(pointer), (error.pointer, str(error))
    assert [e.source for e in errors] == [f"{path}:{2 * i + 2}" for i in range(len(bad))]


def test_cli_reports_every_bad_line_and_assesses_the_rest(mixed_file):
    path, bad = mixed_file
    result = subprocess.run([str(SOCINV), "assess", str(path), "--format", "json"], capture_output=True, check=False)
    assert result.returncode == 2
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(out) == len(bad) + 1
    err = result.stderr.decode("utf-8", "replace").splitlines()
    assert len([line for line in err if "internal error" in line]) == 0
    for i in range(len(bad)):
        assert any(line.startswith(f"socinv: {path}:{2 * i + 2}: ") for line in err), (i, err)
