"""The decision memo (`socinv report`, socinv.report): its catalogues and number formats, the
HTML it writes (structure, accessibility, escaping, language), the command line, and the memos
of SöT, Varberga–Oxhagen and Kalmar printed by headless Chromium and read back with pdftotext."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys
import time
import types
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

import socinv
from conftest import APPLICATIONS, ROOT
from socinv.report import i18n
from socinv.report.command import main as report_main
from socinv.report.memo import memo_data
from socinv.report.pdf import PdfError, html_to_pdf
from socinv.report.render import css_string

NBSP = "\u00a0"
MEMO_EXAMPLES = ("sot", "varberga-oxhagen", "kalmar-esf")
LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.fixture(scope="module")
def memos() -> dict[tuple[str, str], str]:
    """The memos of the three examples in both languages, rendered once for the module."""
    return {
        (name, lang): socinv.report(APPLICATIONS / f"{name}.json", lang=lang)
        for name in MEMO_EXAMPLES
        for lang in ("sv", "en")
    }


# --- reading HTML back --------------------------------------------------------------------------


class _Page(HTMLParser):
    """The visible text of a page (SVG titles and descriptions included, the stylesheet not),
    its headings, tables and SVGs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.headings: list[int] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag in ("style", "script"):
            self._skip += 1
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        for name in ("aria-label", "title", "alt"):
            if name in a:
                self.text.append(a[name])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def page(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    p.close()
    return p


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", " ".join(page(html).text).replace(NBSP, " "))


# --- the catalogues ----------------------------------------------------------------------------


def _catalogue(lang: str) -> dict:
    with open(LOCALE / f"{lang}.json", encoding="utf-8") as f:
        return json.load(f)


def test_every_key_is_in_both_catalogues_with_the_same_placeholders():
    sv, en = _catalogue("sv"), _catalogue("en")
    assert sorted(sv) == sorted(en), {"only in sv": set(sv) - set(en), "only in en": set(en) - set(sv)}
    for key in sv:
        assert isinstance(sv[key], dict) == isinstance(en[key], dict), f"{key}: plural forms in one language only"
        if isinstance(sv[key], dict):
            assert set(sv[key]) == set(en[key]) == {"one", "other"}, key
        assert i18n.Catalogue.placeholders(sv[key]) == i18n.Catalogue.placeholders(en[key]), key
        assert sv[key] and en[key], f"{key} is empty"


def test_the_catalogues_are_json_a_translator_can_edit():
    for lang in i18n.LANGUAGES:
        text = (LOCALE / f"{lang}.json").read_text(encoding="utf-8")
        data = json.loads(text)
        assert list(data) == sorted(data), f"{lang}.json: keys are kept sorted"
        assert "\u00a0" not in text, f"{lang}.json writes the no-break space as \\u00a0, visible to a translator"
        for key, value in data.items():
            for form in value.values() if isinstance(value, dict) else [value]:
                form.format(**{name: "x" for name in i18n.Catalogue.placeholders(form)})  # well-formed


def _schema_enums() -> dict[str, list[str]]:
    with open(ROOT / "schema" / "application.schema.json", encoding="utf-8") as f:
        defs = json.load(f)["$defs"]
    return {
        "kind": defs["party_kind"]["enum"],
        "form": defs["civil_society_form"]["enum"],
        "role": defs["party_role"]["enum"],
        "direction": defs["effect_measure"]["properties"]["direction"]["enum"],
        "verdict": defs["assessment"]["properties"]["verdict"]["enum"],
        "view": defs["economics"]["properties"]["view"]["enum"],
        "level": defs["exclusion_cost_item"]["properties"]["level"]["enum"],
        "basis": defs["saving"]["properties"]["basis"]["enum"],
    }


# What the library's results hold besides the schema's enums (see python/socinv/_core.pyi and
# the to_dict() of assessments, cost models, schedules and follow-ups).
RESULT_ENUMS = {
    "severity": ["error", "warning", "info"],
    "decided_by": ["data", "evaluator", "nobody"],
    "level": ["funder"],
    "line_kind": ["reduction", "booked", "true_up"],
    "target_verdict": ["met", "not_met", "inconclusive"],
    "input": ["success_rate", "deadweight", "attribution", "displacement", "drop_off", "effect_years",
              "cost_factor", "exclusion_cost_scale"],
}  # fmt: skip


def test_every_enum_value_has_a_name_in_both_languages():
    groups = _schema_enums()
    for group, values in RESULT_ENUMS.items():
        groups[group] = groups.get(group, []) + values
    for lang in i18n.LANGUAGES:
        cat = i18n.catalogue(lang)
        for group, values in groups.items():
            for value in values:
                assert cat.has(f"{group}.{value}"), f"{lang}: no name for {group} {value!r}"
    sv = i18n.catalogue("sv")
    assert sv.enum("role", "lead") == "huvudsökande"
    assert sv.enum("role", "co_applicant") == "medsökande"
    assert sv.enum("form", "foundation") == "stiftelse"
    assert sv.enum("kind", "municipal_administration") == "kommunal förvaltning"
    assert sv.enum("verdict", "needs_information") == "behöver mer information"
    assert sv.enum("view", "municipality") == "kommunen"


def test_the_cost_models_inputs_are_all_named():
    # Every uncertain input the examples' cost models draw has a label (the tornado shows them).
    for name in ("sot", "varberga-oxhagen", "aktiv-24"):
        path = APPLICATIONS / f"{name}.json"
        if "economics" not in json.loads(path.read_text(encoding="utf-8")):
            continue
        for input_name in socinv.cost_model(path).distributions:
            if not input_name.startswith("exclusion_cost: "):
                assert input_name in RESULT_ENUMS["input"], input_name


# --- numbers, money, plurals, dates ----------------------------------------------------------------


def test_swedish_formats():
    sv = i18n.catalogue("sv")
    assert sv.kr(Decimal("4100000.00")) == f"4{NBSP}100{NBSP}000{NBSP}kr"
    assert sv.kr(Decimal("1028740.88")) == f"1{NBSP}028{NBSP}740,88{NBSP}kr"
    assert sv.kr(-51500.4) == f"\u221251{NBSP}500{NBSP}kr"
    assert sv.mnkr(4_310_000.0) == f"4,31{NBSP}mnkr"
    assert sv.mnkr(4_100_000, 1) == f"4,1{NBSP}mnkr"
    assert sv.mnkr(-1_050_000.0) == f"\u22121,05{NBSP}mnkr"
    assert sv.mnkr(-1.0) == f"0,00{NBSP}mnkr"  # no minus on a rounded zero
    assert sv.percent(0.228) == f"22,8{NBSP}%"
    assert sv.number(1234567.891, 2) == f"1{NBSP}234{NBSP}567,89"
    assert sv.date("2014-03-18") == "18 mars 2014"
    assert sv.period("2014-04-01", "2017-03-31") == "1 april 2014 – 31 mars 2017"


def test_english_formats():
    en = i18n.catalogue("en")
    assert en.kr(Decimal("4100000.00")) == f"SEK{NBSP}4,100,000"
    assert en.mnkr(4_100_000, 1) == f"SEK{NBSP}4.1{NBSP}million"
    assert en.percent(0.228) == "22.8%"
    assert en.number(1234567.891, 2) == "1,234,567.89"
    assert en.date("2014-03-18") == "18 March 2014"


def test_plurals():
    sv, en = i18n.catalogue("sv"), i18n.catalogue("en")
    assert [sv.plural("unit.days", n) for n in (1, 2, 0)] == ["1 dag", "2 dagar", "0 dagar"]
    assert sv.plural("unit.days", 1096) == f"1{NBSP}096 dagar"
    assert sv.plural("unit.whole_months", 1) == "1 hel månad"
    assert sv.plural("unit.draws", 10_000) == f"10{NBSP}000 dragningar"
    assert sv.plural("eligibility.counted_parties", 1) == "1 part räknas"
    assert [en.plural("unit.days", n) for n in (1, 2)] == ["1 day", "2 days"]
    assert en.plural("unit.draws", 1) == "1 draw"
    assert en.plural("unit.years", 6.8) == "6.8 years"
    assert sv.plural("unit.years", 6.8) == "6,8 år"
    with pytest.raises(ValueError):
        i18n.catalogue("de")


# --- the memo as HTML ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", MEMO_EXAMPLES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_memo_structure_and_accessibility(memos, name, lang):
    html = memos[name, lang]
    assert html.startswith("<!DOCTYPE html>")
    p = page(html)
    assert ("html", {"lang": lang}) in p.tags
    assert p.headings[0] == 1 and p.headings.count(1) == 1, "one h1, first"
    for before, after in zip(p.headings, p.headings[1:]):
        assert after <= before + 1, f"heading levels skip: h{before} then h{after}"
    tags = [tag for tag, _ in p.tags]
    assert tags.count("table") == tags.count("caption"), "every table has a caption"
    assert all(a.get("scope") in ("col", "row") for tag, a in p.tags if tag == "th"), "every th has a scope"
    svgs = [a for tag, a in p.tags if tag == "svg"]
    for a in svgs:
        assert a.get("role") == "img" and a.get("aria-labelledby"), a
        for ref in a["aria-labelledby"].split():
            assert any(x.get("id") == ref for _, x in p.tags), f"aria-labelledby names a missing id {ref}"
    if name != "kalmar-esf":  # Kalmar has no cost model
        assert len(svgs) == 2, "the Monte Carlo histogram and the tornado"
    text = visible_text(html)
    for marker in ("{{", "}}", "{%", "%}", "{#"):
        assert marker not in text, marker
    assert not re.search(r"(?<![\w-])(None|nan|inf|Undefined|True|False)(?![\w-])", text)  # Python leaking through
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "@page" in html and "size: A4" in html


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_example_gives_a_memo(examples, lang):
    # Applications with and without a budget, co-financing, a cost model, an agreement or a
    # follow-up; a missing name of an enum value would warn (and warnings fail the tests).
    for name, path in examples.items():
        html = socinv.report(path, lang=lang, draws=500)
        assert f'<html lang="{lang}">' in html and html.rstrip().endswith("</html>"), name


def test_a_cost_model_without_uncertainty(sot):
    sot["economics"] = {
        "success_rate": 0.25, "view": "society", "horizon_years": 10,
        "exclusion_cost": {"items": [{"name": "Försörjningsstöd", "payer": "Socialförvaltningen",
                                       "level": "municipality", "nature": "resource", "per_year": 96000}]},
    }  # fmt: skip
    del sot["return_transfer"], sot["savings"], sot["follow_up"]
    html = socinv.report(sot, draws=200)
    text = visible_text(html)
    assert "Kostnadsmodell" in text and "Perspektiv: samhället" in text
    assert "Känslighet" not in text  # nothing uncertain, so no tornado
    assert page(html).headings.count(1) == 1


def test_memo_sections_follow_the_application(memos):
    sot = visible_text(memos["sot", "sv"])
    for heading in ("Bedömning i korthet", "Sökande och parter", "Behörighet", "Kriterier för finansiering",
                    "Pengar per budgetår", "Kostnadsmodell", "Osäkerhet", "Känslighet", "Återföring till fonden",
                    "Uppföljning", "Källor"):  # fmt: skip
        assert heading in sot, heading
    def sections(name: str) -> list[str]:
        return re.findall(r'<section aria-labelledby="memo-[\w-]+?-(summary|parties|eligibility|checklist|money|economics|transfers|follow-up|sources)">', memos[name, "sv"])

    everything = ["summary", "parties", "eligibility", "checklist", "money", "economics", "transfers", "follow-up", "sources"]
    assert sections("sot") == everything
    assert sections("varberga-oxhagen") == [s for s in everything if s != "follow-up"]
    assert sections("kalmar-esf") == [s for s in everything if s not in ("economics", "transfers")]
    kalmar = visible_text(memos["kalmar-esf", "sv"])
    assert "EJ BEHÖRIG" in kalmar and "382 av 418 planerade deltagare nåddes (91,4 %)" in kalmar


def test_the_sot_memo_in_swedish(memos):
    text = visible_text(memos["sot", "sv"])
    assert "BEHÖRIG" in text and "EJ BEHÖRIG" not in text
    assert "4 100 000 kr beviljat av kommunstyrelsen den 18 mars 2014" in text
    assert "1 april 2014 – 31 mars 2017 (36 hela månader, 1 096 dagar)" in text
    assert "Vuxenutbildnings- och arbetsmarknadsförvaltningen kommunal förvaltning huvudsökande" in text
    assert "Kultivera civil aktör (stiftelse) medsökande" in text
    assert "1 028 740,88 kr" in text  # 2014's share of the money, to the öre
    assert re.search(r"Nettonuvärde \d+,\d\d mnkr", text)
    assert re.search(r"10 000 dragningar med fröet 1", text)
    assert "Handläggarens kommentar: Ingen utvärderares bedömning finns i källorna" in text
    assert "Taket (4 100 000 kr) begränsar återföringen" in text
    assert "ramminskning" in text and "justering" in text and "utfall" in text
    assert not re.search(r"\d\.\d+ (MSEK|mnkr)|\bMSEK\b|SEK ?\d", text)


def test_the_memo_in_english(memos):
    text = visible_text(memos["sot", "en"])
    assert "ELIGIBLE" in text and "Decision memo" in text
    assert "SEK 4,100,000 granted by kommunstyrelsen on 18 March 2014" in text
    assert "1 April 2014 – 31 March 2017 (36 whole months, 1,096 days)" in text
    assert "lead applicant" in text and "co-applicant" in text and "civil-society actor (foundation)" in text
    assert re.search(r"Net present value SEK \d+\.\d\d million", text)
    assert re.search(r"\d+\.\d%", text)
    assert "10,000 draws from seed 1" in text
    for swedish in ("Beslutsunderlag", "Sökt belopp", "huvudsökande", "mnkr", "dagar", "ej uppfyllt", "BEHÖRIG"):
        assert swedish not in text, swedish
    assert "EJ BEHÖRIG" not in visible_text(memos["kalmar-esf", "en"])
    assert "NOT ELIGIBLE" in visible_text(memos["kalmar-esf", "en"])


# Words that are the same in Swedish and English, or names, so they may appear in a Swedish
# memo although the English catalogue uses them too.
SAME_IN_BOTH = {
    "april", "september", "november", "december",  # months
    "period", "version", "region", "per", "civil", "social", "information", "budget", "histogram", "under", "fall",
    "part",  # a party, in Swedish
    "socinv", "sroi", "monte", "carlo", "sek",  # names and abbreviations ("SEK/år" is a unit)
    "återföringsmodellen",  # the Swedish term, kept in the English heading
}  # fmt: skip


def _english_words() -> set[str]:
    words: set[str] = set()
    for value in _catalogue("en").values():
        for text in value.values() if isinstance(value, dict) else [value]:
            words |= {w.lower() for w in re.findall(r"[^\W\d_]{2,}", re.sub(r"\{\w+\}", " ", text))}
    return words


@pytest.mark.parametrize("name", MEMO_EXAMPLES)
def test_no_english_word_in_the_swedish_memo(memos, name):
    english = _english_words() - SAME_IN_BOTH
    found = {}
    text = visible_text(memos[name, "sv"])
    for match in re.finditer(r"[^\W\d_]{2,}", text):
        if match.group().lower() in english:
            found.setdefault(match.group(), text[max(match.start() - 50, 0): match.end() + 50])
    assert not found, f"English words in the Swedish memo of {name}: {found}"


def test_untrusted_text_is_escaped(sot):
    sot["title"] = '<script>alert("title")</script> & <b>co</b>'
    sot["id"] = 'x"</style><script>alert(1)</script>'
    sot["parties"][1]["name"] = "<img src=x onerror=alert(2)>"
    sot["criteria"]["innovative"]["assessment"]["comment"] = "</td><script>alert(3)</script>"
    sot["target_group"] = "{{ 7 * 7 }} {% if true %}x{% endif %}"
    html = socinv.report(sot)
    assert "<script" not in html and "<img" not in html and "<b>co" not in html
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "{{ 7 * 7 }} {% if true %}x{% endif %}" in visible_text(html)  # data, not a template
    # Inside <style> HTML escapes do not apply: the id in the page footer is a CSS string.
    style = html[html.index("<style>"): html.index("</style>")]
    assert "</style" not in style[1:] and "<script" not in style
    assert css_string('a"</style>\\') == '"a\\22 \\3C /style\\3E \\5C "'
    assert "<script" not in socinv.assess(sot)._repr_html_()


def test_repr_html_is_the_memos_assessment_part(memos):
    result = socinv.assess(APPLICATIONS / "sot.json")
    fragment = result._repr_html_()
    memo = memos["sot", "en"]

    def summary(html: str) -> str:  # the verdict and why (the memo adds the cost model's key figures)
        start = html.index('<section aria-labelledby="memo-orebro-2014-sot-summary">')
        end = html.index("</section>", start)
        return html[start: min(end, html.find("<table", start, end) % (end + 1))]

    assert summary(fragment) == summary(memo)
    assert fragment.startswith('<div class="socinv-memo socinv-assessment" lang="en">')
    assert "<html" not in fragment and "@page" not in fragment
    assert "eligibility_rule_met" in fragment and "/parties" in fragment  # the evaluator's view names codes
    assert "eligibility_rule_met" not in memo  # the board's memo does not


def test_memo_data_comes_from_the_api():
    result = socinv.assess(APPLICATIONS / "sot.json")
    data = memo_data(result, "sv", draws=2_000, seed=3)
    model = socinv.cost_model(APPLICATIONS / "sot.json")
    point = model.evaluate()
    e = data["economics"]
    assert e["npv"] == point.npv and e["pv_costs"] == point.pv_costs and e["payback_year"] == point.payback_year
    sim = model.simulate(draws=2_000, seed=3)
    assert e["simulation"]["probability_break_even"] == sim.probability_break_even
    assert e["simulation"]["percentiles"][50] == sim.percentile(50)
    assert sum(bar["count"] for bar in e["simulation"]["histogram"]["bars"]) == 2_000
    assert [r["name"] for r in e["tornado"]["rows"]] == list(model.tornado().index)
    schedule = socinv.transfer_schedule(APPLICATIONS / "sot.json")
    assert data["transfers"]["total"] == schedule.total and data["transfers"]["capped"] is schedule.capped
    assert data["assessment"]["budget_total"] == result.requested
    assert data["follow_up"]["measures"][0]["observed"] == socinv.follow_up(APPLICATIONS / "sot.json").measures[0]["observed"]


def test_report_arguments(sot):
    kalmar = APPLICATIONS / "kalmar-esf.json"
    assert "EJ BEHÖRIG" in visible_text(socinv.report(kalmar))
    under_cross_municipal = visible_text(socinv.report(kalmar, rules=ROOT / "examples" / "rules" / "cross-municipal.json"))
    assert "BEHÖRIG" in under_cross_municipal and "EJ BEHÖRIG" not in under_cross_municipal
    assert "EJ BEHÖRIG" in visible_text(socinv.report(sot, fund_available="1 000 000"))
    with pytest.raises(ValueError, match="lang"):
        socinv.report(sot, lang="de")
    sot["period"]["start"] = "2014-02-30"
    with pytest.raises(socinv.InputError) as error:
        socinv.report(sot)
    assert error.value.pointer == "/period/start"
    assert isinstance(socinv.report, types.FunctionType) and "report" in socinv.__all__


# --- the command line ------------------------------------------------------------------------------


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "socinv", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=env, timeout=180, check=False,
    )  # fmt: skip


def test_help_names_the_report_command():
    result = run("--help")
    assert result.returncode == 0
    assert "socinv report FILE..." in result.stdout and "\n  report " in result.stdout
    assert "assess" in result.stdout and "Exit codes" in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    for args in (["report", "--help"], ["help", "report"]):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        for option in ("--lang", "-o DIR_OR_FILE", "--pdf", "--rules", "--draws", "exit codes"):
            assert option in result.stdout, option


def test_usage_errors_exit_2(tmp_path):
    assert run("report").returncode == 2
    result = run("report", "x.json", "--lang", "de")
    assert result.returncode == 2 and "invalid choice" in result.stderr
    result = run("report", "x.json", "--draws", "0")
    assert result.returncode == 2
    (tmp_path / "file.html").write_text("", encoding="utf-8")
    sot, kalmar = str(APPLICATIONS / "sot.json"), str(APPLICATIONS / "kalmar-esf.json")
    result = run("report", sot, kalmar, "-o", str(tmp_path / "file.html"))
    assert result.returncode == 2 and "directory" in result.stderr
    result = run("report", sot, "--rules", "no-such-rules")
    assert result.returncode == 2 and "--rules" in result.stderr
    # The other commands still go to the C++ command line.
    assert run("assess", sot).returncode == 0


def test_one_file_goes_to_the_current_directory(tmp_path):
    result = run("report", str(APPLICATIONS / "sot.json"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "orebro-2014-sot.html"
    html = (tmp_path / "orebro-2014-sot.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in html and "BEHÖRIG" in html
    result = run("report", str(APPLICATIONS / "sot.json"), "--lang", "en", "-o", str(tmp_path / "memo.html"))
    assert result.returncode == 0, result.stderr
    assert '<html lang="en">' in (tmp_path / "memo.html").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no partial files left


def test_several_files_to_a_directory_and_bad_files_among_them(tmp_path):
    bad = json.loads((APPLICATIONS / "sot.json").read_text(encoding="utf-8"))
    bad["period"]["start"] = "2014-02-30"
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"id": "x",', encoding="utf-8")
    out = tmp_path / "memos"
    args = [str(APPLICATIONS / "sot.json"), str(tmp_path / "bad.json"), str(tmp_path / "missing.json"),
            str(tmp_path / "broken.json"), str(APPLICATIONS / "kalmar-esf.json")]  # fmt: skip
    result = run("report", *args, "-o", str(out))
    assert result.returncode == 2
    assert sorted(p.name for p in out.iterdir()) == ["kalmar-lan-2017-esf.html", "orebro-2014-sot.html"]
    errors = result.stderr.splitlines()
    assert len(errors) == 3, result.stderr
    assert f"{tmp_path / 'bad.json'}: /period/start:" in errors[0] and "2014-02-30" in errors[0]
    assert "missing.json" in errors[1]
    assert "broken.json" in errors[2]
    assert result.stdout.splitlines() == [str(out / "orebro-2014-sot.html"), str(out / "kalmar-lan-2017-esf.html")]


def test_a_batch_file_gives_one_memo_a_line(tmp_path):
    lines = (APPLICATIONS / "batch.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    (tmp_path / "two.jsonl").write_text("\n".join(lines) + "\nnot json\n", encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()
    assert report_main([str(tmp_path / "two.jsonl"), "-o", str(tmp_path / "out") + "/"], stdout, stderr) == 2
    assert len(list((tmp_path / "out").glob("*.html"))) == 2 == len(stdout.getvalue().splitlines())
    assert f"{tmp_path / 'two.jsonl'}:3" in stderr.getvalue()


def test_pdf_without_chromium_is_a_clear_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SOCINV_CHROMIUM"}
    env["PATH"] = str(tmp_path)  # no browser here
    result = run("report", str(APPLICATIONS / "sot.json"), "--pdf", cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "chromium not found" in result.stderr and "scripts/setup.sh" in result.stderr
    assert not list(tmp_path.glob("*.pdf"))


def _fake_browser(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-chromium"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_a_browser_that_hangs_is_killed_after_the_timeout(tmp_path):
    html = tmp_path / "memo.html"
    html.write_text("<!DOCTYPE html><p>x</p>", encoding="utf-8")
    hang = _fake_browser(tmp_path, "sleep 30 & wait")
    started = time.monotonic()
    with pytest.raises(PdfError, match="did not finish within 0.5 s"):
        html_to_pdf(html, tmp_path / "memo.pdf", timeout=0.5, chromium=hang)
    assert time.monotonic() - started < 10
    assert not (tmp_path / "memo.pdf").exists()
    failing = _fake_browser(tmp_path, "echo 'it broke' >&2; exit 3")
    with pytest.raises(PdfError, match=r"chromium failed \(exit 3\): it broke"):
        html_to_pdf(html, tmp_path / "memo.pdf", chromium=failing)


# --- in a real browser: the memos printed by headless Chromium ------------------------------------------


ENUM_NAMES = sorted(
    (
        {v for values in _schema_enums().values() for v in values}
        | {v for values in RESULT_ENUMS.values() for v in values}
        | {"requested_by_days", "budget", "by_saving", "invested", "proportion", "mean", "resource", "transfer"}
    )
    - {"region", "budget"}  # Swedish words as well
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, tuple[str, str, float]]:
    """SöT, Varberga–Oxhagen and Kalmar written by `socinv report --pdf` (one run: Chromium
    once per memo), as (pdftotext's text, pdfinfo's output, seconds per memo)."""
    out = tmp_path_factory.mktemp("memos")
    started = time.monotonic()
    result = run("report", *(str(APPLICATIONS / f"{name}.json") for name in MEMO_EXAMPLES), "-o", str(out), "--pdf")
    seconds = (time.monotonic() - started) / len(MEMO_EXAMPLES)
    assert result.returncode == 0, result.stderr
    ids = {"sot": "orebro-2014-sot", "varberga-oxhagen": "orebro-2014-varberga-oxhagen", "kalmar-esf": "kalmar-lan-2017-esf"}
    texts = {}
    for name, application_id in ids.items():
        pdf = out / f"{application_id}.pdf"
        assert pdf.read_bytes()[:5] == b"%PDF-"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        texts[name] = (text.replace(NBSP, " "), info, seconds)
    return texts


@pytest.mark.parametrize(
    ("name", "verdict", "amounts"),
    [
        ("sot", "BEHÖRIG", ["4 100 000 kr", "1 028 740,88 kr", "4 100 000 kr beviljat av kommunstyrelsen"]),
        ("varberga-oxhagen", "BEHÖRIG", ["10 400 000 kr", "578 832,12 kr"]),
        ("kalmar-esf", "EJ BEHÖRIG", ["7 000 000 kr", "14 000 000 kr", "21 000 000 kr"]),
    ],
)
def test_the_printed_memo(printed, name, verdict, amounts):
    text, info, seconds = printed[name]
    flat = re.sub(r"\s+", " ", text)
    assert re.search(r"Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)", info), info
    assert verdict in flat.split("Bedömning i korthet", 1)[1][:200]
    if verdict == "BEHÖRIG":
        assert "EJ BEHÖRIG" not in flat
    for amount in amounts:
        assert amount in flat, amount
    if name != "kalmar-esf":
        assert re.search(r"−?\d+,\d\d mnkr", flat) and re.search(r"\d+,\d %", flat)
    assert re.search(r"Sida 1 av \d+", flat), "page numbers in the margin"
    assert not re.search(r"\d\.\d+ ?(MSEK|mnkr|%)|\bMSEK\b|SEK ?\d|\d,\d{3},\d{3}", flat), "English number formats"
    words = set(re.findall(r"[^\W\d]+(?:_[^\W\d]+)*", flat))
    assert not words & set(ENUM_NAMES), f"English enum names: {sorted(words & set(ENUM_NAMES))}"
    for marker in ("{{", "}}", "{%", "%}", "<td", "<th", "<div", "<span", "</", "&lt;", "&gt;", "&amp;", "&#"):
        assert marker not in text, marker
    assert seconds < 20, f"{seconds:.1f} s a memo"
