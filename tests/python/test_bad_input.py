"""Bad input: each case raises InputError (a ValueError) with the pointer and a clear message."""

from __future__ import annotations

import json
import pickle
import time

import pytest

import socinv

from conftest import APPLICATIONS


def error_for(source) -> socinv.InputError:
    with pytest.raises(socinv.InputError) as info:
        socinv.load_application(source)
    error = info.value
    assert isinstance(error, ValueError)
    assert str(error) == (f"{error.source}: " if error.source else "") + f"{error.pointer or '/'}: {error.message}"
    return error


def mutated(doc: dict, change) -> dict:
    change(doc)
    return doc


def test_malformed_json():
    error = error_for('{"id": "x",\n  "title": }')
    assert error.pointer == ""
    assert "malformed JSON at line 2" in error.message
    assert error.source == ""


def test_malformed_json_in_a_file_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"id": "x", ', encoding="utf-8")
    error = error_for(path)
    assert error.source == str(path)
    assert str(error).startswith(f"{path}: /: malformed JSON")


def test_invalid_utf8_is_an_input_error_not_a_decode_error():
    error = error_for(b'{"id": "\xc3\xa5\xc3", "title": 1}')
    assert "UTF-8" in error.message


def test_a_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        socinv.load_application(tmp_path / "nowhere.json")


@pytest.mark.parametrize(
    ("change", "pointer", "words"),
    [
        (lambda d: d.update(id=5), "/id", "expected a string, got an integer 5"),
        (lambda d: d.update(parties={"name": "x"}), "/parties", "expected an array, got an object"),
        (lambda d: d["period"].update(start=20140401), "/period/start", 'expected a date "YYYY-MM-DD"'),
        (lambda d: d.update(places_per_year="10"), "/places_per_year", "expected a whole number"),
        (lambda d: d.update(places_per_year=2.5), "/places_per_year", "expected a whole number"),
        (lambda d: d.update(requested=True), "/requested", "expected an amount in SEK"),
        (lambda d: d["effect_measures"][0].update(baseline="0"), "/effect_measures/0/baseline", "expected a number"),
    ],
    ids=["id", "parties", "date", "places-string", "places-fraction", "requested-bool", "baseline"],
)
def test_wrong_types(sot, change, pointer, words):
    error = error_for(mutated(sot, change))
    assert error.pointer == pointer
    assert words in error.message


def test_unknown_party_kind(sot):
    sot["parties"][1]["kind"] = "company"
    error = error_for(sot)
    assert error.pointer == "/parties/1/kind"
    assert error.value == '"company"'
    assert 'unknown party kind "company"' in error.message
    assert "civil_society" in error.message  # the allowed kinds are listed


def test_impossible_date(sot):
    sot["period"]["start"] = "2014-02-30"
    error = error_for(sot)
    assert error.pointer == "/period/start"
    assert error.value == '"2014-02-30"'
    assert "does not exist" in error.message and "28 days" in error.message


def test_date_in_another_layout(sot):
    sot["period"]["start"] = "2014-4-1"
    error = error_for(sot)
    assert error.pointer == "/period/start"
    assert "YYYY-MM-DD" in error.message


def test_end_before_start(sot):
    sot["period"] = {"start": "2014-04-01", "end": "2014-03-31"}
    error = error_for(sot)
    assert error.pointer == "/period/end"
    assert "end date 2014-03-31 is before start date 2014-04-01" in error.message
    with pytest.raises(socinv.InputError) as info:
        socinv.Period("2014-04-01", "2014-03-31")
    assert info.value.pointer == "/end"


@pytest.mark.parametrize("amount", [-100, "-100", "-0,01 kr", 0, "0"])
def test_amount_not_positive(sot, amount):
    sot["requested"] = amount
    error = error_for(sot)
    assert error.pointer == "/requested"
    assert "must be greater than 0 kr" in error.message


@pytest.mark.parametrize("amount", ["12.345", 12.345, "4 100 000,505 kr"])
def test_amount_over_precise(sot, amount):
    sot["requested"] = amount
    error = error_for(sot)
    assert error.pointer == "/requested"
    assert "more than two decimals" in error.message


@pytest.mark.parametrize(
    "amount",
    [92233720368547759, 10**20, "92 233 720 368 547 758,08", 1e300],
    ids=["int", "beyond-uint64", "text", "float"],
)
def test_amount_overflowing_int64_ore(sot, amount):
    sot["requested"] = amount
    error = error_for(sot)
    assert error.pointer == "/requested"
    assert "too large" in error.message or "does not fit" in error.message


def test_largest_amount_fits(sot):
    sot["requested"] = "92 233 720 368 547 758,07"
    assert str(socinv.load_application(sot).requested) == "92233720368547758.07"


def test_budget_that_overflows_when_summed(sot):
    big = "92 233 720 368 547 758"
    sot["budget"] = [
        {"party": "Kultivera", "year": 2014, "amount": big},
        {"party": "Kultivera", "year": 2015, "amount": big},
    ]
    error = error_for(sot)
    assert error.pointer == "/budget"
    assert "overflow" in error.message


@pytest.mark.parametrize(
    ("field", "pointer"),
    [("id", "/id"), ("title", "/title"), ("period", "/period"), ("parties", "/parties"),
     ("requested", "/requested"), ("target_group", "/target_group")],
)  # fmt: skip
def test_missing_required_field(sot, field, pointer):
    del sot[field]
    error = error_for(sot)
    assert error.pointer == pointer
    assert f'required field "{field}" is missing' in error.message


def test_missing_nested_field(sot):
    del sot["period"]["end"]
    assert error_for(sot).pointer == "/period/end"


def test_unknown_field(sot):
    sot["co_finacing"] = []
    error = error_for(sot)
    assert error.pointer == "/co_finacing"
    assert 'unknown field "co_finacing"' in error.message
    assert "co_financing" in error.message  # the right spelling is listed


def test_unknown_nested_field(sot):
    sot["parties"][0]["typ"] = "x"
    assert error_for(sot).pointer == "/parties/0/typ"


def test_duplicate_party_names(sot):
    sot["parties"][1]["name"] = sot["parties"][0]["name"]
    error = error_for(sot)
    assert error.pointer == "/parties/1/name"
    assert "named twice" in error.message


def test_budget_party_must_exist(sot):
    sot["budget"] = [{"party": "Nobody", "year": 2014, "amount": 1}]
    error = error_for(sot)
    assert error.pointer == "/budget/0/party"


@pytest.mark.parametrize("field", ["economics", "savings", "x-deep", "title", "notes"])
def test_deeply_nested_document(sot, field):
    depth = 100_000
    text = json.dumps(sot)[:-1] + f', "{field}": ' + "[" * depth + "]" * depth + "}"
    start = time.perf_counter()
    error = error_for(text)
    assert time.perf_counter() - start < 5
    assert error.pointer.startswith(f"/{field}/0/0/")
    assert "nested more than" in error.message


def test_nesting_is_located_past_tricky_keys_and_strings(sot):
    # Brackets and escaped quotes inside strings are text, not structure; keys are escaped in
    # the pointer as RFC 6901 says ("/" is "~1", "~" is "~0").
    sot["description"] = '[{"' * 500 + '\\"' + "]}" * 500
    sot["x-a/b~c"] = {"k\"]": [1, 2, json.loads("[" * 200 + "]" * 200)]}
    error = error_for(json.dumps(sot))
    assert error.pointer.startswith('/x-a~1b~0c/k"]/2/0/0/')
    assert error.pointer.count("/") == 128
    del sot["x-a/b~c"]
    assert socinv.load_application(sot).to_dict()["description"] == sot["description"]


def test_moderately_nested_document_is_read(sot):
    depth = 100
    sot["x-nested"] = json.loads("[" * depth + "]" * depth)
    app = socinv.load_application(sot)
    assert app.to_dict()["x-nested"] == sot["x-nested"]


def test_fifty_megabyte_document(sot):
    sot["description"] = "Långt fält. " * 4_200_000
    text = json.dumps(sot, ensure_ascii=False)
    assert len(text.encode()) > 50_000_000
    start = time.perf_counter()
    result = socinv.assess(text)
    assert result.eligible
    truncated = text[: len(text) - 1000]
    with pytest.raises(socinv.InputError, match="malformed JSON"):
        socinv.load_application(truncated)
    assert time.perf_counter() - start < 20


def test_errors_survive_pickle():
    with pytest.raises(socinv.InputError) as info:
        socinv.load_application('{"id": 1}')
    error = info.value
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, socinv.InputError)
    assert (copy.pointer, copy.value, copy.message, str(copy)) == (error.pointer, error.value, error.message, str(error))


def test_errors_can_be_raised_from_python():
    error = socinv.InputError("is wrong", pointer="/id", value="1", source="a.json")
    assert str(error) == "a.json: /id: is wrong"
    assert repr(error).startswith("InputError(")


# --- rule sets -------------------------------------------------------------------------------


def test_unknown_rule_set_name():
    with pytest.raises(socinv.InputError) as info:
        socinv.assess(APPLICATIONS / "sot.json", rules="orebro-2031")
    assert 'unknown rule set "orebro-2031"' in info.value.message
    assert "orebro-2013" in info.value.message
    with pytest.raises(FileNotFoundError):
        socinv.load_rules("rules/nowhere.json")


def test_bad_rule_set():
    rules = socinv.load_rules().to_dict()
    rules["max_grant"] = 1
    with pytest.raises(socinv.InputError) as info:
        socinv.load_rules(rules)
    assert info.value.pointer == "/max_grant"
    rules = socinv.load_rules().to_dict()
    rules["eligibility"]["alternatives"][0]["requires"][0]["kinds"] = ["administration"]
    with pytest.raises(socinv.InputError) as info:
        socinv.load_rules(rules)
    assert info.value.pointer == "/eligibility/alternatives/0/requires/0/kinds/0"


def test_bad_rule_set_file_names_the_file(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text('{"name": "mine"}', encoding="utf-8")
    with pytest.raises(socinv.InputError) as info:
        socinv.load_rules(path)
    assert info.value.source == str(path)
    assert info.value.pointer == "/version"
