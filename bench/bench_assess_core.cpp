// Benchmark: assessing a JSON Lines batch against nlohmann/json parsing the same lines.
// Usage: bench_assess_core FILE.jsonl — prints one JSON object with the timings in seconds.
//        bench_assess_core FILE.jsonl PHASE — times that phase alone (for a profiler), e.g. assess_one_core.

#include <chrono>
#include <string_view>
#include <iostream>

#include <nlohmann/json.hpp>

#include "socinv/socinv.hpp"

namespace {

const char* only_phase = nullptr;  // when given, every other phase is skipped

template <class F>
double best_of(const char* phase, int runs, F&& f) {
    if (only_phase && std::string_view(only_phase) != phase) return 0;
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 3) {
        std::cerr << "usage: bench_assess_core FILE.jsonl [PHASE]\n";
        return 2;
    }
    if (argc == 3) only_phase = argv[2];
    const std::string text = socinv::io::read_file(argv[1]);
    const auto inputs = socinv::json_lines_inputs(text, argv[1]);
    const auto rules = socinv::default_rule_set();
    std::size_t sink = 0;

    const double parse_one_core = best_of("parse_one_core", 3, [&] {
        for (const auto& in : inputs) sink += nlohmann::json::parse(in.text).size();
    });
    const double parse_all_cores = best_of("parse_all_cores", 3, [&] {
        std::vector<std::size_t> sizes(inputs.size());
        socinv::detail::parallel_for(inputs.size(), [&](std::size_t i) { sizes[i] = nlohmann::json::parse(inputs[i].text).size(); });
        sink += sizes.back();
    });
    const double simdjson_parse_one_core = best_of("simdjson_parse_one_core", 3, [&] {
        for (const auto& in : inputs) sink += socinv::io::thread_parser().parse(in.text).is_object();
    });
    const double read_one_core = best_of("read_one_core", 3, [&] {
        for (const auto& in : inputs) sink += socinv::parse_application(in.text, in.source).parties.size();
    });
    const double assess_one_core = best_of("assess_one_core", 3, [&] {
        for (const auto& in : inputs) sink += socinv::assess_text(in, rules, {}).assessment->eligible;
    });
    const double assess_all_cores = best_of("assess_all_cores", 3, [&] { sink += socinv::assess_batch(inputs, rules).size(); });
    const double assess_json_out_all_cores = best_of("assess_json_output_all_cores", 3, [&] {
        std::vector<std::string> out(inputs.size());
        socinv::detail::parallel_for(inputs.size(), [&](std::size_t i) {
            socinv::io::json_writer writer(out[i]);
            write_json(writer, *socinv::assess_text(inputs[i], rules, {}).assessment);
        });
        sink += out.back().size();
    });
    nlohmann::json result = {{"applications", inputs.size()},
                             {"bytes", text.size()},
                             {"cores", socinv::detail::worker_count()},
                             {"parse_one_core", parse_one_core},
                             {"parse_all_cores", parse_all_cores},
                             {"simdjson_parse_one_core", simdjson_parse_one_core},
                             {"read_one_core", read_one_core},
                             {"assess_one_core", assess_one_core},
                             {"assess_all_cores", assess_all_cores},
                             {"assess_json_output_all_cores", assess_json_out_all_cores},
                             {"sink", sink}};
    std::cout << result.dump() << "\n";
}
