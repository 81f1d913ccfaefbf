#pragma once
// Refusing keys given twice while nlohmann parses: JSON leaves duplicates undefined and nlohmann
// keeps the last one, which would hide a mistake. The simdjson reader checks the same
// (dom_reader.hpp, check_duplicate_keys), with the same message.

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "socinv/core/error.hpp"
#include "socinv/io/json_pointer.hpp"

namespace socinv::detail {

// Follows the document as nlohmann's parser reports it, keeping the keys seen in each open object.
class duplicate_key_check {
public:
    bool operator()(int, io::json::parse_event_t event, io::json& parsed) {
        switch (event) {
            case io::json::parse_event_t::object_start: begin_value("an object"); stack_.emplace_back(true); break;
            case io::json::parse_event_t::array_start: begin_value("an array"); stack_.emplace_back(false); break;
            case io::json::parse_event_t::object_end:
            case io::json::parse_event_t::array_end: stack_.pop_back(); break;
            case io::json::parse_event_t::key: key(parsed.get_ref<const std::string&>()); break;
            case io::json::parse_event_t::value: begin_value(io::describe(parsed)); break;
        }
        return true;
    }

private:
    struct frame {
        explicit frame(bool is_object) : object(is_object) {}
        bool object;
        std::size_t count = 0;  // arrays: elements begun; objects: keys seen
        std::string key;        // objects: the key being read
        bool repeated = false;  // that key was seen before in this object
        std::vector<std::string> small;            // the keys, while there are few
        std::unordered_set<std::string> many;      // the keys, once there are many
    };

    void key(const std::string& k) {
        frame& f = stack_.back();
        constexpr std::size_t few = 16;
        if (f.count < few) {
            f.repeated = false;
            for (const auto& seen : f.small) f.repeated = f.repeated || seen == k;
            if (!f.repeated) f.small.push_back(k);
        } else {
            if (f.many.empty()) f.many.insert(f.small.begin(), f.small.end());
            f.repeated = !f.many.insert(k).second;
        }
        f.key = k;
        ++f.count;
    }

    void begin_value(const std::string& shown) {
        if (stack_.empty()) return;
        frame& f = stack_.back();
        if (!f.object) {
            ++f.count;
            return;
        }
        if (f.repeated) throw input_error(pointer(), shown, "field \"" + f.key + "\" is given twice");
    }

    // The pointer of the value about to be read.
    std::string pointer() const {
        std::string out;
        for (const frame& f : stack_) out = f.object ? io::join_pointer(out, f.key) : io::join_pointer(out, f.count - 1);
        return out;
    }

    std::vector<frame> stack_;
};

}  // namespace socinv::detail

namespace socinv::io {

// A parser callback for nlohmann::json::parse that throws input_error at the pointer of a key
// given twice in one object. Each call gives a fresh check for one document.
inline json::parser_callback_t refuse_duplicate_keys() {
    auto check = std::make_shared<detail::duplicate_key_check>();
    return [check](int depth, json::parse_event_t event, json& parsed) { return (*check)(depth, event, parsed); };
}

}  // namespace socinv::io
