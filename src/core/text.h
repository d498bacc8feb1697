// Small text helpers shared by the layers that read what people type.
#pragma once

#include <string>
#include <string_view>

namespace sightline {

// `text` without leading and trailing spaces, tabs and line ends.
std::string trimmed(std::string_view text);

}  // namespace sightline
