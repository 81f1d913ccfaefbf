"""The command line's text in each language: Swedish reads as Swedish (no enum names, decimal
commas, "kr" and "mnkr", nouns that agree with their numbers), English as English ("SEK 4,100,000",
"22.8%", "1 day"), and every text command takes --lang."""

from __future__ import annotations

import re

import pytest

from conftest import APPLICATIONS, ROOT
from test_cli import run

FUND = ROOT / "examples" / "funds" / "orebro.json"

# Stable identifiers of the data (enum values, JSON keys) that must not show in Swedish prose.
ENUM_NAMES = [
    "municipal_administration", "civil_society", "for_profit_company", "co_applicant", "co_financier",
    "foundation", "association", "lead", "partner", "municipality", "public_sector", "society",
    "needs_information", "not_met", "true_up", "reduction", "forecast", "top_up", "write_off",
    "success_rate", "deadweight", "drop_off", "effect_years", "cost_factor", "exclusion_cost",
]
# English words of the command line's own text that a Swedish report must not contain.
ENGLISH_WORDS = ["the", "and", "of", "is", "not", "days", "months", "draws", "criteria", "view", "cap", "none",
                 "year", "years", "payer", "amount", "kind", "basis", "Total", "Requested", "Eligibility",
                 "Balances", "Grants", "Entries", "seed", "mean", "probability"]


def words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_]+", text))


def swedish_commands():
    sot = str(APPLICATIONS / "sot.json")
    yield "assess", ["assess", sot]
    yield "assess-varberga", ["assess", str(APPLICATIONS / "varberga-oxhagen.json")]
    yield "assess-aktiv", ["assess", str(APPLICATIONS / "aktiv-24.json")]
    yield "simulate", ["simulate", sot, "--draws", "2000"]
    yield "transfers", ["transfers", sot]
    yield "fund", ["fund", str(FUND), "--simulate", "--draws", "200"]
    yield "rules", ["rules"]


# Proper nouns and quoted data from the examples that happen to be English-looking words.
ALLOWED = {"SROI", "NPV", "P", "Monte", "Carlo", "SEK", "kr", "mnkr", "MSEK", "SöT", "ESF"}


@pytest.mark.parametrize("name,args", list(swedish_commands()), ids=[n for n, _ in swedish_commands()])
def test_swedish_output_has_no_english(name, args):
    result = run(*args, "--lang", "sv")
    assert result.returncode in (0, 1), result.stderr
    text = result.stdout
    # Names of parties, payers and rule sets come from the input: drop the quoted and bracketed parts
    # the examples themselves wrote, keep the tool's own prose.
    seen = words(text) - ALLOWED
    assert not seen & set(ENUM_NAMES), (sorted(seen & set(ENUM_NAMES)), text)
    assert not seen & set(ENGLISH_WORDS), (sorted(seen & set(ENGLISH_WORDS)), text)
    assert not re.search(r"\b1 (dagar|månader|kriterier|dragningar|poster)\b", text), text
    assert not re.search(r"\d\.\d+ ?(%|mnkr|MSEK)", text), text  # Swedish decimals take a comma


def test_swedish_assessment_reads_as_swedish():
    text = run("assess", str(APPLICATIONS / "sot.json"), "--lang", "sv").stdout
    assert "minst 2 kommunala förvaltningar" in text
    assert "huvudsökande" in text and "medsökande" in text and "stiftelse" in text
    assert "kommunens perspektiv" in text or "samhällets perspektiv" in text
    assert re.search(r"Nollpunkt, lyckade deltagare +\d+,\d av \d+ \(\d+,\d %\)", text), text
    assert "4 100 000 kr" in text
    assert re.search(r"\d+,\d\d mnkr", text), text


def test_english_assessment_reads_as_english():
    text = run("assess", str(APPLICATIONS / "sot.json"), "--lang", "en").stdout
    assert "SEK 4,100,000" in text and not re.search(r"\d kr\b", text)
    assert "at least 2 municipal administrations" in text
    assert "lead applicant" in text and "co-applicant" in text
    assert not re.search(r"\b1 (days|months|criteria|draws)\b", text), text
    assert re.search(r"SEK -?\d+\.\d\d million", text), text
    assert "municipal_administration" not in text and "co_applicant" not in text
    simulated = run("simulate", str(APPLICATIONS / "sot.json"), "--draws", "1", "--lang", "en").stdout
    assert "1 draw," in simulated and "success rate" in simulated


def test_transfers_columns_do_not_run_together():
    for lang in ("en", "sv"):
        text = run("transfers", str(APPLICATIONS / "sot.json"), "--lang", lang).stdout
        for line in text.splitlines():
            assert not re.search(r"(kr|\d)(true|justering|reduction|ramminskning|booked|bokförd)", line), line


@pytest.mark.parametrize("command", [["assess"], ["simulate"], ["transfers"], ["follow-up"], ["fund"], ["rules"],
                                     ["ledger", "show"]])
def test_every_text_command_takes_lang(command):
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert "--lang" in result.stdout, (command, result.stdout)
