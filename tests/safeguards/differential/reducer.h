// Delta debugging over the lines of a feed, for the differential test: on a
// disagreement between the engine and the reference, the smallest feed that
// still shows it is the case to keep.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace sightline::safeguards::differential {

// Zeller's ddmin over lines: drops ever smaller runs of lines while
// `still_fails` holds of what is left, ending with single lines, so that no
// one line of the result can be dropped. `still_fails(lines)` must hold of the
// input; it is also what keeps the result valid (a dropped line must not leave
// a reference to it).
std::vector<std::string> reduce_lines(
    std::vector<std::string> lines,
    const std::function<bool(const std::vector<std::string>&)>& still_fails);

}  // namespace sightline::safeguards::differential
