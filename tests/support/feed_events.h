// Walks a feed's events in file order, for tests that learn a synthetic
// population's children, agencies and last day before checking it.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "feed/parser.h"

namespace sightline::testing {

// Calls `f(Event&& event, const std::string& line)` for every line of `feed`
// that parses, in file order; returns the faults of the lines that do not
// (none, in a generated feed), for the test to assert on.
template <class F>
std::vector<Fault> for_each_event(std::istream& feed, F&& f) {
  FeedParser parser;
  std::vector<Fault> faults;
  std::string line;
  std::int64_t n = 0;
  while (std::getline(feed, line)) {
    auto e = parser.parse_line(line, ++n, faults);
    if (e) f(std::move(*e), line);
  }
  return faults;
}

}  // namespace sightline::testing
