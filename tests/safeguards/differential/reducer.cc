#include "safeguards/differential/reducer.h"

#include <algorithm>

namespace sightline::safeguards::differential {

std::vector<std::string> reduce_lines(
    std::vector<std::string> lines,
    const std::function<bool(const std::vector<std::string>&)>& still_fails) {
  std::size_t parts = 2;
  while (lines.size() >= 2) {
    const std::size_t chunk = (lines.size() + parts - 1) / parts;
    bool dropped = false;
    for (std::size_t start = 0; start < lines.size(); start += chunk) {
      std::vector<std::string> rest(lines.begin(),
                                    lines.begin() + static_cast<std::ptrdiff_t>(start));
      rest.insert(
          rest.end(),
          lines.begin() + static_cast<std::ptrdiff_t>(std::min(start + chunk, lines.size())),
          lines.end());
      if (still_fails(rest)) {
        lines = std::move(rest);
        parts = std::max<std::size_t>(parts - 1, 2);
        dropped = true;
        break;
      }
    }
    if (dropped) continue;
    if (parts >= lines.size()) break;
    parts = std::min(lines.size(), parts * 2);
  }
  return lines;
}

}  // namespace sightline::safeguards::differential
