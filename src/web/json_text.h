// Writing JSON text directly, for the answers the service sends most often
// (a chronology holds dozens of events): building a tree of nlohmann::json
// values to print it costs more than the rest of the request.
#pragma once

#include <string>
#include <string_view>

namespace sightline::web {

// Appends `text` as a JSON string, quotes included, escaping what JSON
// requires (quote, backslash, control characters); UTF-8 passes through.
void append_json_string(std::string& out, std::string_view text);

}  // namespace sightline::web
