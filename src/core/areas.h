// Local-authority areas of England and Wales, by ONS GSS code.
//
// Reference data, not code: data/local-authority-areas.csv (compiled into the
// binary) lists every lower- and upper-tier authority with its name and the
// upper-tier authority (the children's services authority) it belongs to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct LocalAuthorityArea {
  std::string code;        // e.g. E09000033
  std::string name;        // e.g. Westminster
  std::string upper_tier;  // GSS code of the upper-tier authority (itself when unitary)
};

// The area with this GSS code, or nullptr when the code is unknown.
const LocalAuthorityArea* find_area(std::string_view gss_code);
// Every known area, ordered by code.
const std::vector<LocalAuthorityArea>& all_areas();
// True when `text` has the shape of a GSS local-authority code: E or W, then 8 digits.
bool looks_like_gss_code(std::string_view text);

}  // namespace sightline
