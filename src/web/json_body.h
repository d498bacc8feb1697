// Request bodies as JSON trees, with a bound on how deeply they nest.
//
// The JSON library parses iteratively but prints, compares and copies a tree
// recursively: a body of 100,000 nested brackets parses, then overflows the
// stack the first time it is printed. No body the service accepts nests more
// than a few levels, so anything deeper than kMaxJsonBodyDepth is refused as
// if it were not JSON at all, before any handler holds it.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace sightline::web {

// Arrays and objects nested in one another, the outermost counting as 1.
inline constexpr int kMaxJsonBodyDepth = 32;

// The body parsed, or a discarded value (is_discarded()) when it is not
// JSON or nests deeper than kMaxJsonBodyDepth.
nlohmann::json parse_json_body(std::string_view body);
nlohmann::ordered_json parse_ordered_json_body(std::string_view body);

}  // namespace sightline::web
