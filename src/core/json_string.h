// Writing a JSON string by hand, for output built without a JSON library's
// tree of values (the alerts a replay prints, the chronologies the service
// sends most often, the feeds the generator writes): building such a tree only
// to print it costs more than the rest of the work.
//
// The form is the one nlohmann::json's dump() writes, so that text written
// either way compares equal byte for byte: `"` and `\` escaped, \b \f \n \r \t
// by name, other control characters as \u00xx, everything else (UTF-8
// included) as it is.
#pragma once

#include <string>
#include <string_view>

namespace sightline {

// Appends `text` escaped, without the surrounding quotes.
void append_json_string_content(std::string& out, std::string_view text);

// Appends `text` as a JSON string, quotes included.
inline void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  append_json_string_content(out, text);
  out += '"';
}

}  // namespace sightline
