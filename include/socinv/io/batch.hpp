#pragma once
// Assessing many applications at once (JSON Lines), on all cores, in input order.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "socinv/detail/parallel.hpp"
#include "socinv/io/load.hpp"
#include "socinv/rules/assessment.hpp"

namespace socinv {

// One application's text and where it came from ("file.jsonl:12").
struct batch_input {
    std::string source;
    std::string_view text;
};

// Either the application and its assessment, or the input error that stopped it.
struct batch_result {
    std::optional<socinv::application> application;
    std::optional<socinv::assessment> assessment;
    std::optional<input_error> error;
};

// Splits JSON Lines text into inputs named "source:LINE" (blank lines skipped). The inputs
// point into `text`, which must outlive them.
inline std::vector<batch_input> json_lines_inputs(std::string_view text, const std::string& source) {
    std::vector<batch_input> inputs;
    for (const auto& line : io::split_lines(text)) inputs.push_back({source + ":" + std::to_string(line.number), line.text});
    return inputs;
}

inline batch_result assess_text(const batch_input& input, const rule_set& rules, const assessment_context& context) {
    batch_result result;
    try {
        result.application = parse_application(input.text, input.source);
        result.assessment = assess(*result.application, rules, context);
    } catch (const input_error& e) {
        result.application.reset();
        result.assessment.reset();
        result.error = e.source().empty() ? e.with_source(input.source) : e;
    } catch (const money_overflow& e) {  // a sum of valid amounts that no longer fits
        result.application.reset();
        result.assessment.reset();
        result.error = input_error("", "", e.what()).with_source(input.source);
    }
    return result;
}

// Every input assessed; a bad input gives an error result and the others go on.
inline std::vector<batch_result> assess_batch(const std::vector<batch_input>& inputs, const rule_set& rules,
                                              const assessment_context& context = {}) {
    std::vector<batch_result> results(inputs.size());
    detail::parallel_for(inputs.size(), [&](std::size_t i) { results[i] = assess_text(inputs[i], rules, context); });
    return results;
}

}  // namespace socinv
