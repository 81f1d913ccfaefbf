#pragma once
// Assessments as JSON: the machine-readable output of `socinv assess --format json`.

#include <nlohmann/json.hpp>

#include "socinv/core/money_format.hpp"
#include "socinv/io/economic_result_json.hpp"
#include "socinv/io/json_pointer.hpp"
#include "socinv/io/json_writer.hpp"
#include "socinv/rules/assessment.hpp"

namespace socinv {

inline io::json to_json(const finding& f, language lang) {
    return {{"code", f.code},          {"severity", to_string(f.severity)}, {"pointer", f.pointer},
            {"value", f.value},        {"message", f.message(lang)},        {"message_en", f.message_en},
            {"message_sv", f.message_sv}};
}

inline io::json to_json(const assessment& a, language lang = language::en) {
    using io::json;
    json alternatives = json::array();
    for (const auto& alt : a.eligibility.alternatives) {
        json reqs = json::array();
        for (const auto& r : alt.requirements) {
            json kinds = json::array();
            for (auto k : r.requirement.kinds) kinds.push_back(to_string(k));
            reqs.push_back({{"kinds", kinds}, {"at_least", r.requirement.at_least}, {"counted", r.counted}, {"met", r.met}});
        }
        alternatives.push_back({{"id", alt.id},
                                {"description", lang == language::sv ? alt.description_sv : alt.description_en},
                                {"met", alt.met},
                                {"requirements", std::move(reqs)}});
    }
    json findings = json::array();
    for (const auto& f : a.findings) findings.push_back(to_json(f, lang));
    json checklist = json::array();
    for (const auto& item : a.checklist) {
        json ev = json::array();
        for (const auto& e : item.evidence) ev.push_back(lang == language::sv ? e.sv : e.en);
        const auto title = title_of(item.criterion);
        checklist.push_back({{"criterion", to_string(item.criterion)},
                             {"title", lang == language::sv ? title.sv : title.en},
                             {"advisory", item.advisory},
                             {"verdict", to_string(item.verdict)},
                             {"decided_by", to_string(item.decided_by)},
                             {"evidence", std::move(ev)},
                             {"statement", item.statement},
                             {"comment", item.comment}});
    }
    json years = json::array();
    for (const auto& y : a.budget_years)
        years.push_back({{"year", y.year},
                         {"days", y.days},
                         {"amount", format_decimal(y.amount)},
                         {"source", y.from_budget ? "budget" : "requested_by_days"}});
    json economics = nullptr;
    if (a.economics) {
        economics = to_json(*a.economics);
        economics.erase("by_year");  // the summary; `socinv simulate` and the Python API give the tables
    }
    return {{"id", a.application_id},
            {"title", a.title},
            {"rules", {{"name", a.rule_set_name}, {"version", a.rule_set_version}}},
            {"eligible", a.eligible},
            {"passes", a.passes()},
            {"requested", format_decimal(a.requested)},
            {"eligibility",
             {{"alternatives", std::move(alternatives)},
              {"whole_months", a.eligibility.whole_months},
              {"days", a.eligibility.days}}},
            {"findings", std::move(findings)},
            {"checklist", std::move(checklist)},
            {"budget_years", std::move(years)},
            {"economics", std::move(economics)}};
}

// The same document as to_json(a, lang).dump(), written without building it (keys in the same,
// sorted, order): `socinv assess --format json` and batches write many of these.
inline void write_json(io::json_writer& w, const assessment& a, language lang = language::en) {
    const bool sv = lang == language::sv;
    w.begin_object();
    w.key("budget_years").begin_array();
    for (const auto& y : a.budget_years)
        w.begin_object()
            .member("amount", format_decimal(y.amount))
            .member("days", y.days)
            .member("source", y.from_budget ? "budget" : "requested_by_days")
            .member("year", y.year)
            .end_object();
    w.end_array();
    w.key("checklist").begin_array();
    for (const auto& item : a.checklist) {
        const auto title = title_of(item.criterion);
        w.begin_object().member("advisory", item.advisory).member("comment", item.comment);
        w.member("criterion", to_string(item.criterion)).member("decided_by", to_string(item.decided_by));
        w.key("evidence").begin_array();
        for (const auto& e : item.evidence) w.value(sv ? e.sv : e.en);
        w.end_array();
        w.member("statement", item.statement).member("title", sv ? title.sv : title.en);
        w.member("verdict", to_string(item.verdict)).end_object();
    }
    w.end_array();
    w.key("economics");
    if (a.economics) write_json(w, *a.economics, false);  // the summary; `socinv simulate` gives the tables
    else w.null();
    w.key("eligibility").begin_object().key("alternatives").begin_array();
    for (const auto& alt : a.eligibility.alternatives) {
        w.begin_object().member("description", sv ? alt.description_sv : alt.description_en).member("id", alt.id);
        w.member("met", alt.met).key("requirements").begin_array();
        for (const auto& r : alt.requirements) {
            w.begin_object().member("at_least", r.requirement.at_least).key("counted").begin_array();
            for (const auto& name : r.counted) w.value(name);
            w.end_array().key("kinds").begin_array();
            for (auto k : r.requirement.kinds) w.value(to_string(k));
            w.end_array().member("met", r.met).end_object();
        }
        w.end_array().end_object();
    }
    w.end_array().member("days", a.eligibility.days).member("whole_months", a.eligibility.whole_months).end_object();
    w.member("eligible", a.eligible);
    w.key("findings").begin_array();
    for (const auto& f : a.findings)
        w.begin_object()
            .member("code", f.code)
            .member("message", f.message(lang))
            .member("message_en", f.message_en)
            .member("message_sv", f.message_sv)
            .member("pointer", f.pointer)
            .member("severity", to_string(f.severity))
            .member("value", f.value)
            .end_object();
    w.end_array();
    w.member("id", a.application_id).member("passes", a.passes()).member("requested", format_decimal(a.requested));
    w.key("rules").begin_object().member("name", a.rule_set_name).member("version", a.rule_set_version).end_object();
    w.member("title", a.title).end_object();
}

}  // namespace socinv
