"""The installed `socinv` command, run as a subprocess: help, exit codes, JSON, batches."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import APPLICATIONS, RULES

SOCINV = Path(sys.executable).parent / "socinv"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SOCINV), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_the_command_is_installed():
    assert SOCINV.is_file(), f"no socinv command next to {sys.executable}; run `make install-python`"


def test_help():
    result = run("--help")
    assert result.returncode == 0
    assert "Usage:" in result.stdout and "assess" in result.stdout and "Exit codes" in result.stdout
    result = run("assess", "--help")
    assert result.returncode == 0
    for option in ("--rules", "--format", "--lang", "--fund-available"):
        assert option in result.stdout


def test_version_and_python_m():
    result = subprocess.run([sys.executable, "-m", "socinv", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == "socinv 0.1.0"


def test_no_arguments_is_a_usage_error():
    result = run()
    assert result.returncode == 2
    assert "Usage:" in result.stderr


@pytest.mark.parametrize(
    ("name", "code"),
    [("sot", 0), ("varberga-oxhagen", 0), ("aktiv-24", 1), ("for-profit-partner", 1), ("single-administration", 1)],
)
def test_exit_codes(name, code):
    result = run("assess", str(APPLICATIONS / f"{name}.json"))
    assert result.returncode == code, result.stderr
    assert result.stderr == ""
    assert "ELIGIBLE" in result.stdout


def test_json_output():
    result = run("assess", str(APPLICATIONS / "aktiv-24.json"), "--format", "json")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert doc["id"] == "umea-2008-aktiv-24"
    assert doc["eligible"] is False
    for finding in doc["findings"]:
        assert {"code", "severity", "pointer", "message"} <= set(finding)
    assert any(f["code"] == "period_too_short" and f["pointer"] == "/period" for f in doc["findings"])
    assert [c["criterion"] for c in doc["checklist"]][:2] == ["collaborative", "innovative"]
    assert all(c["verdict"] in {"met", "not_met", "needs_information"} for c in doc["checklist"])


def test_json_output_equals_the_python_api():
    import socinv

    result = run("assess", str(APPLICATIONS / "sot.json"), "--format", "json")
    assert json.loads(result.stdout) == socinv.assess(APPLICATIONS / "sot.json").to_dict()


def test_swedish():
    result = run("assess", str(APPLICATIONS / "sot.json"), "--lang", "sv")
    assert result.returncode == 0
    assert "Behörighet: BEHÖRIG" in result.stdout
    assert "Kriterier:" in result.stdout


def test_bad_file_names_file_pointer_and_value(tmp_path):
    doc = json.loads((APPLICATIONS / "sot.json").read_text(encoding="utf-8"))
    doc["period"]["start"] = "2014-02-30"
    path = tmp_path / "bad-date.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = run("assess", str(path), str(APPLICATIONS / "sot.json"))
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "/period/start" in result.stderr
    assert "2014-02-30" in result.stderr
    assert "Samverkan för teckenspråkiga" in result.stdout  # the good file is still assessed


def test_missing_file():
    result = run("assess", "no-such-file.json")
    assert result.returncode == 2
    assert "no-such-file.json" in result.stderr


def test_json_lines_on_stdin():
    text = (APPLICATIONS / "batch.jsonl").read_text(encoding="utf-8")
    result = run("assess", "-", "--format", "json", stdin=text)
    assert result.returncode == 1  # some examples are not eligible
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [json.loads(line)["id"] for line in text.splitlines() if line.strip()]


def test_bad_line_on_stdin_names_the_line():
    text = (APPLICATIONS / "batch.jsonl").read_text(encoding="utf-8").splitlines()
    text.insert(1, '{"id": "broken"}')
    result = run("assess", "-", "--format", "json", stdin="\n".join(text) + "\n")
    assert result.returncode == 2
    assert "<stdin>:2" in result.stderr and "/title" in result.stderr
    assert len(result.stdout.splitlines()) == len(text) - 1


def test_unknown_rules_name():
    result = run("assess", str(APPLICATIONS / "sot.json"), "--rules", "orebro-2031")
    assert result.returncode == 2
    assert "unknown rule set" in result.stderr and "orebro-2031" in result.stderr
    assert result.stdout == ""


def test_rules_from_a_file():
    kalmar = str(APPLICATIONS / "kalmar-esf.json")
    assert run("assess", kalmar).returncode == 1
    assert run("assess", kalmar, "--rules", str(RULES / "cross-municipal.json")).returncode == 0


def test_usage_errors():
    assert run("assess", "--format", "xml", str(APPLICATIONS / "sot.json")).returncode == 2
    assert run("frobnicate").returncode == 2


def test_rules_command():
    result = run("rules")
    assert result.returncode == 0 and "orebro-2013" in result.stdout
    result = run("rules", "orebro-2013")
    assert json.loads(result.stdout)["name"] == "orebro-2013"
